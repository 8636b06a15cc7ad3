# ruff: noqa: E501 - each translatable text stays one string literal so that lupdate extracts it whole
"""What keeps crashing this PC: every unexpected restart found, set against Ringfence's own definitions
changes, and aggregated by probable driver into a one-line conclusion.

The crashes come from :func:`app.core.recovery.providers.scan` (every dump in the dump folders and the
System log); the definitions changes from the update history (:mod:`app.core.updates.update_history`).
For a driver that is present on this PC its version resource says whose it is
(:mod:`app.core.recovery.driver_version`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from app.core.foundation.store import Store
from app.core.recovery.driver_version import DriverVersion, default_system_root, locate_driver, read_driver_version
from app.core.recovery.model import CrashReport, RecoveryScan, RecoveryState
from app.core.recovery.providers import scan
from app.core.text.messages import Message, translate
from app.core.updates.update_history import HistoryEntry, entries

RECENT = 10  # the conclusion looks at this many of the newest crashes
MAX_CHANGES = 5000  # update-history rows read to find the change before each crash
CLOSE = timedelta(hours=24)
# update-history events after which Ringfence used other definitions than before
DEFINITIONS_CHANGES = frozenset({"activated", "reverted", "revoked", "rolled_back", "baseline"})


@dataclass(frozen=True)
class DriverCount:
    """A driver named as the probable cause, how often among the newest crashes, and what its file says."""

    module: str
    named: int  # in this many of the newest ``window`` crashes
    window: int
    version: DriverVersion | None = None

    @property
    def summary(self) -> Message:
        return translate("Recovery", "%1 was named in %2 of the last %3 crashes.").arg(self.module, self.named, self.window)


@dataclass(frozen=True)
class CrashEntry:
    """One crash and the last Ringfence definitions change before it (``None`` when none is recorded)."""

    report: CrashReport
    change: HistoryEntry | None

    @property
    def definitions(self) -> Message:
        return definitions_relation(self.report.time, self.change)


@dataclass
class CrashHistory:
    entries: list[CrashEntry]
    drivers: list[DriverCount]
    conclusion: Message
    recovery: RecoveryState
    notes: list[Message] = field(default_factory=list)


def build_history(found: RecoveryScan, changes: Iterable[HistoryEntry], system_root: Path | None = None) -> CrashHistory:
    """The crash history of ``found``; ``system_root`` is the Windows folder whose drivers are looked up
    (``None``: the crashes are not from this PC, or it is not Windows)."""
    timeline = sorted((c for c in changes if c.event in DEFINITIONS_CHANGES), key=lambda c: c.time)
    entries = [CrashEntry(report, last_change_before(report.time, timeline)) for report in found.crashes]
    drivers = count_drivers(found.crashes, system_root)
    return CrashHistory(entries, drivers, conclusion(found.crashes, drivers), found.recovery, list(found.notes))


def last_change_before(moment: datetime | None, timeline: list[HistoryEntry]) -> HistoryEntry | None:
    if moment is None:
        return None
    when = moment.timestamp()
    before = [change for change in timeline if change.time <= when]
    return before[-1] if before else None


def definitions_relation(moment: datetime | None, change: HistoryEntry | None) -> Message:
    """"Ringfence changed its definitions 3 days before this crash", or that it did not."""
    if moment is None:
        return translate("Recovery", "The time of this crash is unknown, so it cannot be set against Ringfence's definitions changes.")
    if change is None:
        return translate("Recovery", "Ringfence recorded no definitions change before this crash.")
    gap = moment - datetime.fromtimestamp(change.time, UTC)
    if gap < timedelta(hours=1):
        minutes = max(int(gap.total_seconds() // 60), 0)
        return translate("Recovery", "Ringfence changed its definitions %n minute(s) before this crash.", None, 0).plural(minutes)
    if gap < CLOSE:
        return translate("Recovery", "Ringfence changed its definitions %n hour(s) before this crash.", None, 0).plural(int(gap.total_seconds() // 3600))
    return translate("Recovery", "No Ringfence change in the 24 hours before this crash; Ringfence last changed its definitions %n day(s) before it.", None, 0).plural(gap.days)


def _key(module: str) -> str:
    return module.lower()


def count_drivers(crashes: list[CrashReport], system_root: Path | None) -> list[DriverCount]:
    """Probable drivers of the newest :data:`RECENT` crashes, most often named first."""
    recent = crashes[:RECENT]
    counts: dict[str, int] = {}
    first: dict[str, CrashReport] = {}
    for crash in recent:
        if crash.probable_module:
            key = _key(crash.probable_module)
            counts[key] = counts.get(key, 0) + 1
            first.setdefault(key, crash)
    result = []
    for key, named in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        crash = first[key]
        module = crash.probable_module or key
        version = None
        if system_root is not None:
            path = locate_driver(crash.probable_module_path, module, system_root)
            version = read_driver_version(path) if path is not None else None
        result.append(DriverCount(module, named, len(recent), version))
    return result


def conclusion(crashes: list[CrashReport], drivers: list[DriverCount]) -> Message:
    """One line in plain words: what keeps crashing this PC, as far as the evidence goes."""
    if not crashes:
        return translate("Recovery", "No unexpected restarts were found.")
    window = min(len(crashes), RECENT)
    if not drivers:
        return translate("Recovery", "None of the %n unexpected restart(s) names a probable driver (only small crash dumps name one), so no single cause stands out.", None, 0).plural(len(crashes))
    top = drivers[0]
    company = top.version.company if top.version is not None else None
    if top.named >= 2 and top.named * 2 > window:
        if company:
            return translate("Recovery", "%1 (from %2) was named in %3 of the last %4 crashes: update or remove this driver first.").arg(top.module, company, top.named, window)
        return translate("Recovery", "%1 was named in %2 of the last %3 crashes: update or remove this driver first.").arg(top.module, top.named, window)
    if len(drivers) == 1:
        if window == 1:
            return translate("Recovery", "The one crash found names %1 as the probable driver; if it happens again, update this driver.").arg(top.module)
        return translate("Recovery", "%1 was named in %2 of the last %3 crashes; the others name no driver, so it may not be the only cause.").arg(top.module, top.named, window)
    return translate("Recovery", "The last %1 crashes name %2 different drivers; crashes spread over many drivers often come from failing memory, overheating or power problems rather than one driver.").arg(window, len(drivers))


def read_history(store: Store, source: Path | None = None, found: RecoveryScan | None = None) -> CrashHistory:
    """The crash history of this system (or the folder ``source``) against the update history in ``store``.
    Slow (> 50 ms): reads event logs, dumps and driver files. Drivers are looked up only on this PC."""
    if found is None:
        found = scan(source)
    return build_history(found, entries(store, limit=MAX_CHANGES), default_system_root() if source is None else None)
