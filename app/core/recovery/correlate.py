"""Turn findings into crash reports and a recovery state (the recipe of docs/recovery.md).

Windows: each alone is ambiguous, so the events of one unexpected restart are grouped first —
Kernel-Power 41 (the previous session did not end cleanly), EventLog 6008 (when it was last alive),
WER 1000/1001/1006 (a stop code, and where the dump went) — within :data:`WINDOW` of each other.
A group with a stop code (or any WER bugcheck event) is a ``bugcheck``; a 41 with the power-button
timestamp is a ``forced_power_off``; a 41 after a planned restart that never finished is an
``unclean_shutdown``; a bare 41 is a ``power_loss`` (or hang); a 6008 alone is an ``unclean_shutdown``.
Crash dumps are attached to the group they belong to, or reported on their own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import PureWindowsPath

from app.core.recovery import windows_events as ev
from app.core.recovery.bugchecks import same_family
from app.core.recovery.correlate_linux import linux_reports
from app.core.recovery.evidence import dump_evidence, event_evidence, recovery_boots
from app.core.recovery.findings import DumpFinding, Findings
from app.core.recovery.model import CrashReport, Evidence, RecoveryScan, RecoveryState, crash_key, hex_code

WINDOW = timedelta(minutes=30)
_DUMP_BEFORE_RESTART = timedelta(hours=2)
_PLANNED_SHUTDOWN_HORIZON = timedelta(hours=2)


@dataclass
class _Group:
    start: datetime | None
    slots: dict[str, ev.SystemEvent] = field(default_factory=dict)
    dumps: list[DumpFinding] = field(default_factory=list)

    def bugcheck(self) -> ev.Bugcheck | None:
        wer = self.slots.get("wer")
        found = ev.wer_bugcheck(wer) if wer is not None and wer.event_id in (1000, 1001) else None
        if found is None and "41" in self.slots:
            found = ev.kernel_power_bugcheck(self.slots["41"])
        return found


def correlate(findings: Findings) -> RecoveryScan:
    """Crash reports newest first, and the recovery state."""
    reports = windows_reports(findings) + linux_reports(findings)
    reports.sort(key=lambda r: (r.time is not None, r.time.timestamp() if r.time else 0), reverse=True)
    return RecoveryScan(reports, recovery_state(findings), list(findings.notes))


def recovery_state(findings: Findings) -> RecoveryState:
    state = RecoveryState(platform=findings.platform, recovery_boots=recovery_boots(findings.events))
    if findings.winre is not None:
        state.winre_enabled = findings.winre.enabled
        state.winre_location = findings.winre.location
        state.winre_version = findings.winre.version
    if findings.qmr is not None:
        state.qmr_cloud_remediation = findings.qmr.cloud_remediation
        state.qmr_auto_remediation = findings.qmr.auto_remediation
        state.qmr_total_wait_minutes = findings.qmr.total_wait_minutes
        state.qmr_retry_interval_minutes = findings.qmr.retry_interval_minutes
    return state


def _slot(event: ev.SystemEvent) -> str | None:
    if event.is_(ev.KERNEL_POWER, 41):
        return "41"
    if event.is_(ev.EVENTLOG, 6008):
        return "6008"
    if event.is_(ev.WER, 1000, 1001, 1006):
        return "wer"
    return None


def _sort_time(moment: datetime | None) -> float:
    return moment.timestamp() if moment else float("inf")


def _group_events(events: list[ev.SystemEvent]) -> list[_Group]:
    groups: list[_Group] = []
    for event in sorted(events, key=lambda e: _sort_time(e.time)):
        slot = _slot(event)
        if slot is None:
            continue
        home = None
        for group in reversed(groups):
            if slot in group.slots or event.time is None or group.start is None:
                continue
            if event.time - group.start > WINDOW:
                break
            if slot == "wer" and not _codes_agree(group.bugcheck(), event):
                continue
            home = group
            break
        if home is None:
            home = _Group(event.time)
            groups.append(home)
        home.slots[slot] = event
    return groups


def _codes_agree(known: ev.Bugcheck | None, wer: ev.SystemEvent) -> bool:
    theirs = ev.wer_bugcheck(wer) if wer.event_id in (1000, 1001) else None
    return known is None or theirs is None or same_family(known.code, theirs.code)


def windows_reports(findings: Findings) -> list[CrashReport]:
    groups = _group_events(findings.events)
    leftovers = _attach_dumps(groups, findings.dumps)
    reports = [_group_report(group, findings.events) for group in groups]
    reports.extend(_dump_reports(leftovers))
    return reports


def _attach_dumps(groups: list[_Group], dumps: list[DumpFinding]) -> list[DumpFinding]:
    leftovers = []
    for dump in dumps:
        home = _group_by_name(groups, dump) or _group_by_time(groups, dump)
        if home is None:
            leftovers.append(dump)
        else:
            home.dumps.append(dump)
    return leftovers


def _group_by_name(groups: list[_Group], dump: DumpFinding) -> _Group | None:
    name = PureWindowsPath(dump.path).name.lower()
    for group in groups:
        wer = group.slots.get("wer")
        path = ev.wer_dump_path(wer) if wer is not None else None
        if path and PureWindowsPath(path).name.lower() == name and name != "memory.dmp":
            return group
    return None


def _group_by_time(groups: list[_Group], dump: DumpFinding) -> _Group | None:
    crashed = dump.info.system_time
    if crashed is None:
        return None
    best, best_gap = None, None
    for group in groups:
        if group.start is None:
            continue
        gap = group.start - crashed
        known = group.bugcheck()
        if dump.info.bugcheck_code is not None and known is not None and not same_family(known.code, dump.info.bugcheck_code):
            continue
        if -timedelta(minutes=2) <= gap <= _DUMP_BEFORE_RESTART and (best_gap is None or gap < best_gap):
            best, best_gap = group, gap
    return best


def _group_report(group: _Group, all_events: list[ev.SystemEvent]) -> CrashReport:
    kp, shutdown, wer = group.slots.get("41"), group.slots.get("6008"), group.slots.get("wer")
    found = group.bugcheck()
    alive = ev.last_alive_time(shutdown) if shutdown is not None else None
    evidence = [event_evidence(event) for event in group.slots.values()]
    planned = None
    if found is not None or wer is not None or group.dumps:
        kind = "bugcheck"
    elif kp is not None and ev.power_button_held(kp):
        kind = "forced_power_off"
    else:
        planned = _unfinished_planned_shutdown(all_events, alive or group.start)
        kind = "unclean_shutdown" if planned is not None or kp is None else "power_loss"
    if planned is not None:
        evidence.append(event_evidence(planned))
    first = min(group.slots.values(), key=lambda e: _sort_time(e.time))
    report = CrashReport(kind=kind, time=alive or group.start, key=crash_key("windows", first.provider, first.event_id,
                                                                             first.time.isoformat() if first.time else None))
    if found is not None:
        report.bugcheck_code, report.parameters, report.parameter_width = found.code, found.parameters, found.width
    report.dump_path = ev.wer_dump_path(wer) if wer is not None else None
    _apply_dumps(report, group.dumps, evidence)
    report.evidence = sorted(evidence, key=lambda e: _sort_time(e.time))
    return report


def _apply_dumps(report: CrashReport, dumps: list[DumpFinding], evidence: list[Evidence]) -> None:
    """Dumps are the most exact source: their header gives the crash time and the full parameters."""
    for dump in sorted(dumps, key=lambda d: d.info.dump_type != "triage"):
        info = dump.info
        evidence.append(dump_evidence(dump))
        if info.bugcheck_code is not None and (report.bugcheck_code is None or report.parameters is None):
            report.bugcheck_code, report.parameters = info.bugcheck_code, info.parameters
            report.parameter_width = info.parameter_width
        if info.system_time is not None:
            report.time = info.system_time
        if report.probable_module is None and info.probable_module is not None:
            report.probable_module = info.probable_module
            report.probable_module_path = next((d.name for d in info.drivers if d.file_name == info.probable_module), None)
    if dumps:
        report.dump_path = min(dumps, key=lambda d: d.info.dump_type != "triage").path


def _unfinished_planned_shutdown(events: list[ev.SystemEvent], boundary: datetime | None) -> ev.SystemEvent | None:
    """The User32 1074 (planned restart/shutdown) of the crashed session, if nothing shows it completed."""
    if boundary is None:
        return None
    planned = None
    for event in sorted(events, key=lambda e: _sort_time(e.time)):
        if event.time is None or event.time >= boundary:
            break
        if event.is_(ev.USER32, 1074):
            planned = event
        elif event.is_(ev.EVENTLOG, 6005, 6006):
            planned = None  # a clean stop, or a new session, came after it
    if planned is not None and planned.time is not None and boundary - planned.time <= _PLANNED_SHUTDOWN_HORIZON:
        return planned
    return None


def _dump_reports(dumps: list[DumpFinding]) -> list[CrashReport]:
    """Dumps no event explains; a MEMORY.DMP and a minidump of the same crash become one report."""
    merged: dict[tuple[object, object], list[DumpFinding]] = {}
    for dump in dumps:
        merged.setdefault((dump.info.system_time or dump.path, dump.info.bugcheck_code), []).append(dump)
    reports = []
    for (moment, code), members in merged.items():
        report = CrashReport(kind="bugcheck", time=None, key=crash_key("dump", moment, hex_code(code)))  # type: ignore[arg-type]
        evidence: list[Evidence] = []
        _apply_dumps(report, members, evidence)
        report.evidence = evidence
        reports.append(report)
    return reports

