"""The raw material a provider collects, before correlation turns it into crash reports.

Every provider (Windows live, Linux live, offline folder) fills the same :class:`Findings`, so the
correlation logic is shared and testable with nothing but parsed recorded data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from app.core.recovery.dumpfile import DumpInfo
from app.core.recovery.kernel_log import KernelCrash
from app.core.recovery.reagentc import QmrSettings, WinreInfo
from app.core.recovery.systemd_journal import JournalBoot
from app.core.recovery.windows_events import SystemEvent
from app.core.text.messages import Message, translate


@dataclass(frozen=True)
class DumpFinding:
    path: str
    info: DumpInfo


@dataclass(frozen=True)
class KernelRecord:
    """A Linux crash record file (pstore or kdump dmesg)."""

    path: str
    time: datetime | None  # the file's modification time: pstore sets it to the record's time
    crash: KernelCrash
    group: str  # files of one record (pstore parts, systemd-pstore's dmesg.txt) share it
    fingerprint: str  # content hash: the same record keeps its identity when systemd-pstore moves it
    dump_path: str | None = None


@dataclass
class SourcedBoot:
    source: Message | str  # a message naming the source, or a file's path
    boot: JournalBoot


@dataclass
class Findings:
    platform: str | None = None
    events: list[SystemEvent] = field(default_factory=list)
    event_sources: list[str] = field(default_factory=list)
    dumps: list[DumpFinding] = field(default_factory=list)
    winre: WinreInfo | None = None
    qmr: QmrSettings | None = None
    kernel_records: list[KernelRecord] = field(default_factory=list)
    journal_boots: list[SourcedBoot] = field(default_factory=list)
    notes: list[Message] = field(default_factory=list)

    def note(self, message: Message) -> None:
        self.notes.append(message)

    def add_winre(self, info: WinreInfo) -> None:
        self.winre = info
        if info.problem:
            self.note(translate("Recovery", "reagentc did not report the Windows Recovery Environment status (%1).")
                      .arg(info.problem))

    def add_qmr(self, settings: QmrSettings) -> None:
        self.qmr = settings
        if settings.problem:
            self.note(translate("Recovery", "reagentc did not report the Quick Machine Recovery settings (%1).")
                      .arg(settings.problem))
