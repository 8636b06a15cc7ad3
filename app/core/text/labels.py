"""Code words core stores (a scan's kind, an update's validation step) and the names a user reads for them.

An event or a status keeps the code word (``quick``, ``compile``); the edge shows the label in the
reader's language. A code this Ringfence does not know (written by a newer one) gets a neutral label,
never the bare word.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.core.text.messages import Message, translate


@dataclass(frozen=True)
class Labels:
    names: dict[str, Message]
    other: Message  # the label of a code not in ``names``

    def __call__(self, code: object) -> Message:
        return self.names.get(str(code), self.other)


SCAN_KINDS = Labels({
    "quick": translate("Labels", "Quick scan"),
    "full": translate("Labels", "Full scan"),
    "custom": translate("Labels", "Custom scan"),
    "scheduled": translate("Labels", "Scheduled scan"),
}, translate("Labels", "Scan"))

#: Why a file was not fully checked (the limit reached, or what the container kept back).
NOT_CHECKED_REASONS = Labels({
    "depth": translate("Labels", "archives nested deeper than the limit"),
    "members": translate("Labels", "more files in the archive than the limit"),
    "expanded": translate("Labels", "more data unpacked than the limit"),
    "member-size": translate("Labels", "a file in the archive larger than the largest file scanned"),
    "time": translate("Labels", "the time limit for one archive"),
    "unreadable": translate("Labels", "the archive is damaged and could only be read in part"),
    "unsupported": translate("Labels", "a compression method Ringfence cannot unpack"),
}, translate("Labels", "a limit"))

#: The steps an update goes through before it is used (:mod:`app.engine.sandbox_checks`, the update service).
UPDATE_STEPS = Labels({
    "verification": translate("Labels", "signature check"),
    "archive": translate("Labels", "unpacking"),
    "manifest": translate("Labels", "contents check"),
    "version": translate("Labels", "version check"),
    "hashes": translate("Labels", "hash list check"),
    "compile": translate("Labels", "rule compilation"),
    "eicar": translate("Labels", "EICAR test"),
    "golden": translate("Labels", "sample test"),
    "clean": translate("Labels", "clean files test"),
    "budget": translate("Labels", "speed test"),
    "cost": translate("Labels", "large file test"),
    "timeout": translate("Labels", "time limit"),
    "crash": translate("Labels", "test run"),
    "request": translate("Labels", "test run"),
    "selftest": translate("Labels", "engine self-test"),
}, translate("Labels", "validation"))
