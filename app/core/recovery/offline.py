"""The offline provider: everything Ringfence recognises in a folder of copied logs, dumps and outputs.

It works on any operating system — it is how a helper inspects files copied from a PC that no longer
starts, and how the tests run. Files are recognised by content (see :mod:`app.core.recovery.artifacts`);
a damaged file becomes a note and the rest of the folder is still read.
"""

from __future__ import annotations

import os
from pathlib import Path

from app.core.foundation.errors import RingfenceError
from app.core.recovery.artifacts import add_file
from app.core.recovery.findings import Findings
from app.core.text.messages import translate

MAX_FILES = 20000


class OfflineFolderProvider:
    name = "offline"

    def __init__(self, root: Path) -> None:
        self.root = root

    def collect(self) -> Findings:
        if not self.root.is_dir():
            raise RingfenceError(translate("Recovery", "The folder %1 does not exist or is not a folder; give the folder "
                                                       "that holds the copied logs and dumps.").arg(str(self.root)))
        findings = Findings()
        for path in self._files():
            try:
                add_file(path, findings)
            except RingfenceError as exc:
                findings.note(translate("Recovery", "Skipped %1: %2").arg(path, exc.msg))
        findings.platform = _platform(findings)
        return findings

    def _files(self) -> list[Path]:
        found: list[Path] = []
        for directory, subdirs, names in os.walk(self.root, followlinks=False):
            subdirs.sort()
            for name in sorted(names):
                path = Path(directory, name)
                if path.is_file() and not path.is_symlink():
                    found.append(path)
                if len(found) >= MAX_FILES:
                    raise RingfenceError(translate("Recovery", "The folder %1 holds more than %2 files; copy only the logs "
                                                               "and dumps into a folder of their own.")
                                         .arg(str(self.root), MAX_FILES))
        return found


def _platform(findings: Findings) -> str | None:
    """Which system the copied files describe; ``None`` when nothing says."""
    if findings.event_sources or findings.dumps or findings.winre or findings.qmr:
        return "windows"
    if findings.kernel_records or findings.journal_boots:
        return "linux"
    return None
