# ruff: noqa: E501 - each translatable text stays one string literal so that lupdate extracts it whole
"""The Linux live provider: pstore records, kdump's saved kernel logs, and how the previous boot ended.

Roots and the journalctl runner are parameters so tests point them at temporary folders and recorded
outputs. The previous boot is judged by journald's "Journal stopped" entry; without permission to
read the system journal the provider says so instead of calling a clean shutdown a crash.
"""

from __future__ import annotations

import io
import logging
import os
from collections.abc import Callable
from pathlib import Path

from app.core.foundation.errors import RingfenceError
from app.core.recovery.artifacts import add_file
from app.core.recovery.findings import Findings, SourcedBoot
from app.core.recovery.runner import Runner, run_command
from app.core.recovery.systemd_journal import JOURNAL_STOPPED, read_journal
from app.core.text.messages import translate

log = logging.getLogger(__name__)
PSTORE_ROOTS = (Path("/sys/fs/pstore"), Path("/var/lib/systemd/pstore"))
CRASH_ROOT = Path("/var/crash")
_NOT_ALL_MESSAGES = b"not seeing messages from other users and the system"
MAX_FILES = 2000


class LinuxLiveProvider:
    name = "linux"

    def __init__(self, pstore_roots: tuple[Path, ...] = PSTORE_ROOTS, crash_root: Path = CRASH_ROOT,
                 runner: Runner = run_command) -> None:
        self.pstore_roots, self.crash_root, self.runner = pstore_roots, crash_root, runner

    def collect(self) -> Findings:
        findings = Findings(platform="linux")
        for root in self.pstore_roots:
            self._add_tree(root, findings, lambda _path: True)
        self._add_tree(self.crash_root, findings, _is_kdump_log)
        self._previous_boot(findings)
        return findings

    def _add_tree(self, root: Path, findings: Findings, wanted: Callable[[Path], bool]) -> None:
        if not root.is_dir():
            return
        count = 0
        for directory, subdirs, names in os.walk(root, onerror=lambda exc: _no_permission(exc, findings)):
            subdirs.sort()
            for name in sorted(names):
                path = Path(directory, name)
                if count >= MAX_FILES or not wanted(path) or not path.is_file():
                    continue
                count += 1
                try:
                    add_file(path, findings)
                except RingfenceError as exc:
                    findings.note(translate("Recovery", "Skipped %1: %2").arg(path, exc.msg))

    def _previous_boot(self, findings: Findings) -> None:
        base = ["journalctl", "-b", "-1", "-o", "json", "--no-pager"]
        try:
            stopped = self.runner([*base, f"MESSAGE_ID={JOURNAL_STOPPED}"], False)
            last = self.runner([*base, "-n", "1"], False)
        except OSError as exc:
            findings.note(translate("Recovery", "The system journal could not be read (%1).").arg(exc))
            return
        if _NOT_ALL_MESSAGES in stopped.stderr + last.stderr:
            findings.note(translate("Recovery", "Ringfence has no permission to read the system journal, so it cannot tell how the previous boot ended; add your account to the systemd-journal group."))
            return
        if last.returncode != 0 or not last.stdout.strip():
            findings.note(translate("Recovery", "The journal keeps no record of the previous boot (it may not be stored on disk)."))
            return
        try:
            boots = read_journal(io.BytesIO(stopped.stdout + b"\n" + last.stdout), translate("Recovery", "The previous boot's journal"))
        except RingfenceError as exc:
            findings.note(translate("Recovery", "The previous boot's journal was unreadable: %1").arg(exc.msg))
            return
        findings.journal_boots.extend(SourcedBoot(translate("Recovery", "The system journal of the previous boot"), boot) for boot in boots)


def _is_kdump_log(path: Path) -> bool:
    """kdump-tools' ``dmesg.<stamp>`` and kexec-tools' ``vmcore-dmesg.txt``, one folder below /var/crash."""
    return path.name.startswith(("dmesg.", "vmcore-dmesg")) and "incomplete" not in path.name


def _no_permission(exc: OSError, findings: Findings) -> None:
    findings.note(translate("Recovery", "Ringfence has no permission to read %1.").arg(exc.filename))
