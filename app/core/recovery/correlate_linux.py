"""Linux crash reports: kernel crash records (pstore, kdump dmesg) and boots that ended without a clean stop.

The parts of one pstore record (``Panic#1 Part1``, ``Part2``, ... and systemd-pstore's reassembled
``dmesg.txt``) become one report. A boot whose journal lacks the "Journal stopped" entry is an
``unclean_shutdown`` — unless a kernel record explains it, in which case the journal becomes evidence
of that panic or oops instead of a second report.
"""

from __future__ import annotations

from datetime import timedelta

from app.core.recovery.findings import Findings, KernelRecord, SourcedBoot
from app.core.recovery.model import CrashReport, Evidence, Message, crash_key
from app.core.text.messages import Moment, translate

_RECORD_AFTER_LAST_ENTRY = timedelta(minutes=30)
_UNKNOWN_BOOT_START = timedelta(days=1)
_KIND_ORDER = ("kernel_panic", "oops", "unclean_shutdown")


def linux_reports(findings: Findings) -> list[CrashReport]:
    reports = _record_reports(findings.kernel_records)
    for sourced in findings.journal_boots:
        if sourced.boot.clean_stop or sourced.boot.last is None:
            continue
        evidence = _journal_evidence(sourced)
        owner = _explained_by(reports, sourced)
        if owner is not None:
            owner.evidence.append(evidence)
            continue
        reports.append(CrashReport(kind="unclean_shutdown", time=sourced.boot.last,
                                   key=crash_key("journal", sourced.boot.boot_id), evidence=[evidence]))
    return reports


def _record_reports(records: list[KernelRecord]) -> list[CrashReport]:
    groups: dict[str, list[KernelRecord]] = {}
    for record in records:
        groups.setdefault(record.group, []).append(record)
    reports = []
    for members in groups.values():
        members.sort(key=lambda r: (r.path.endswith("dmesg.txt"), r.path))
        kind = min((m.crash.kind for m in members), key=_KIND_ORDER.index)
        times = [m.time for m in members if m.time is not None]
        module = next((m.crash.module for m in members if m.crash.module), None)
        report = CrashReport(kind=kind, time=min(times) if times else None, key=crash_key("kernel", members[0].fingerprint),
                             probable_module=module, dump_path=next((m.dump_path for m in members if m.dump_path), None))
        report.evidence = [Evidence(m.path, _record_message(m), m.time) for m in members]
        reports.append(report)
    return reports


def _record_message(record: KernelRecord) -> Message:
    if record.crash.record:
        return translate("Recovery", "Kernel crash record %1 saved by pstore: %2").arg(record.crash.record, record.crash.reason)
    return translate("Recovery", "Kernel log saved after the crash: %1").arg(record.crash.reason)


def _journal_evidence(sourced: SourcedBoot) -> Evidence:
    boot = sourced.boot
    message = translate("Recovery", "Boot %1 has no \"Journal stopped\" entry: it did not shut down cleanly (last entry %2).")\
        .arg(boot.boot_id[:12], Moment.parse(boot.last) or "?")
    return Evidence(sourced.source, message, boot.last)


def _explained_by(reports: list[CrashReport], sourced: SourcedBoot) -> CrashReport | None:
    first, last = sourced.boot.first, sourced.boot.last
    if last is None:
        return None
    if first is None or first >= last:  # only the last entry is known (the live query)
        first = last - _UNKNOWN_BOOT_START
    for report in reports:
        if report.time is None:
            continue
        if first <= report.time <= last + _RECORD_AFTER_LAST_ENTRY:
            return report
    return None
