"""Translatable texts real-time protection hands to the journal and the console."""

from __future__ import annotations

import errno
import os

from app.core.text.messages import Message, translate

#: Why a sweep of the protected folders ran because changes may have been missed.
OVERFLOW_REASONS: dict[str, Message] = {
    "kernel": translate("Realtime", "the system's queue of file changes overflowed"),
    "queue": translate("Realtime", "more files changed at once than Ringfence could queue"),
    "watcher": translate("Realtime", "the folder watcher stopped and was restarted"),
    "sleep": translate("Realtime", "the PC woke from sleep"),
    "moved": translate("Realtime", "a protected folder was moved, recreated or replaced by a link"),
}

#: What real-time protection did with a detected file.
ACTIONS: dict[str, Message] = {
    "quarantined": translate("Realtime", "moved to the quarantine"),
    "reported": translate("Realtime", "left in place"),
    "ask": translate("Realtime", "left in place until you decide what to do with it"),
    "skipped-protected": translate("Realtime", "left in place because it is a protected system or Ringfence file"),
    "failed": translate("Realtime", "could not be moved to the quarantine"),
    "gone": translate("Realtime", "deleted before it could be moved to the quarantine"),
}

#: Why a protected folder cannot be watched, by errno (anything else: the system's own words).
WATCH_FAILURES: dict[int, Message] = {
    errno.ENOENT: translate("Realtime", "the folder does not exist"),
    errno.ENOTDIR: translate("Realtime", "it is not a folder"),
    errno.EACCES: translate("Realtime", "no permission"),
    errno.EPERM: translate("Realtime", "no permission"),
    errno.ENOSPC: translate("Realtime", "the system's limit of watched folders is reached"),
    errno.EMFILE: translate("Realtime", "the system's limit of watched folders is reached"),
    errno.ENOMEM: translate("Realtime", "the system is out of memory"),
}


def watch_failure(code: int) -> Message:
    """Why a folder cannot be watched (``code``: an errno, 0 when unknown)."""
    if code in WATCH_FAILURES:
        return WATCH_FAILURES[code]
    return translate("Realtime", "error %1").arg(os.strerror(code)) if code else translate("Realtime", "reason unknown")


def catching_up(count: int) -> Message:
    """The console's status line while files wait for the engine."""
    return translate("Realtime", "Catching up: %n file(s) to check.", None, 0).plural(count)
