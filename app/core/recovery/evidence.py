# ruff: noqa: E501 - each translatable text stays one string literal so that lupdate extracts it whole
"""What each piece of evidence says, in one translatable sentence built from its structured fields."""

from __future__ import annotations

from app.core.recovery import windows_events as ev
from app.core.recovery.findings import DumpFinding
from app.core.recovery.model import Evidence, Message, RecoveryBoot, hex_code
from app.core.text.messages import Moment, translate


def event_evidence(event: ev.SystemEvent) -> Evidence:
    return Evidence(event.label, _event_message(event), event.time)


def _event_message(event: ev.SystemEvent) -> Message:
    if event.is_(ev.KERNEL_POWER, 41):
        found = ev.kernel_power_bugcheck(event)
        if found is not None:
            return translate("Recovery", "The system restarted without shutting down cleanly; stop code %1 was recorded.").arg(hex_code(found.code))
        if ev.power_button_held(event):
            return translate("Recovery", "The system restarted without shutting down cleanly; the power button had been held down.")
        return translate("Recovery", "The system restarted without shutting down cleanly; no stop code and no power-button press were recorded.")
    if event.is_(ev.EVENTLOG, 6008):
        alive = ev.last_alive_time(event)
        if alive is None:
            return translate("Recovery", "The previous shutdown was unexpected.")
        return translate("Recovery", "The previous shutdown was unexpected; the system was last running at %1.").arg(Moment.parse(alive))
    if event.is_(ev.WER, 1000, 1001, 1006):
        found = ev.wer_bugcheck(event) if event.event_id != 1006 else None
        path = ev.wer_dump_path(event)
        if found is not None and path:
            return translate("Recovery", "Windows restarted after stop code %1; a dump was saved in %2.").arg(hex_code(found.code), path)
        if found is not None:
            return translate("Recovery", "Windows restarted after stop code %1; no full dump was saved.").arg(hex_code(found.code))
        return translate("Recovery", "Windows restarted after a stop error; no dump was saved.")
    if event.is_(ev.USER32, 1074):
        return translate("Recovery", "A planned restart or shutdown was started (reason code %1) but did not finish cleanly.").arg(event.data.get("param4") or "?")
    return translate("Recovery", "Event %1 was recorded.").arg(event.event_id)


def dump_kind(kind: str) -> Message:
    """The kind of a crash dump in the words of Windows' own settings."""
    if kind == "triage":
        return translate("Recovery", "small memory dump")
    if kind in ("kernel", "bitmap_kernel", "kernel_memory"):
        return translate("Recovery", "kernel memory dump")
    if kind in ("full", "bitmap_full", "complete_memory", "kernel_and_user_memory"):
        return translate("Recovery", "complete memory dump")
    if kind == "automatic":
        return translate("Recovery", "automatic memory dump")
    return translate("Recovery", "dump header only")


def how_found(how: str | None) -> Message:
    """Why a driver is named as the probable cause (``DumpInfo.probable_how``)."""
    kind, _, number = (how or "").partition(":")
    if kind == "parameter":
        return translate("Recovery", "stop code parameter %1 points into it").arg(number)
    if kind == "instruction_pointer":
        return translate("Recovery", "the crashed thread was running its code")
    return translate("Recovery", "its code is on the crashed thread's stack")


def dump_evidence(dump: DumpFinding) -> Evidence:
    info = dump.info
    if info.probable_module:
        message = translate("Recovery", "Crash dump (%1) of stop code %2; probable driver %3 (%4).").arg(
            dump_kind(info.dump_type), hex_code(info.bugcheck_code), info.probable_module, how_found(info.probable_how))
    else:
        message = translate("Recovery", "Crash dump (%1) of stop code %2.").arg(dump_kind(info.dump_type),
                                                                                 hex_code(info.bugcheck_code))
    return Evidence(dump.path, message, info.system_time)


def recovery_boots(events: list[ev.SystemEvent]) -> list[RecoveryBoot]:
    """Failed boots (Kernel-Boot 20 with ``LastBootGood`` false) and WinRE servicing, newest first."""
    boots = []
    for event in events:
        message = None
        kind = "winre_servicing"
        if event.is_(ev.KERNEL_BOOT, 20) and ev.parse_bool(event.data.get("LastBootGood")) is False:
            kind = "failed_boot"
            message = translate("Recovery", "Windows reported that the boot before this one did not complete.")
        elif event.is_(ev.WINRE_AGENT, 4500):
            message = translate("Recovery", "Windows Recovery Environment servicing started.")
        elif event.is_(ev.WINRE_AGENT, 4501):
            message = translate("Recovery", "Windows Recovery Environment servicing succeeded; its version is now %1.").arg(event.data.get("Version") or "?")
        elif event.is_(ev.WINRE_AGENT, 4502):
            message = translate("Recovery", "Windows Recovery Environment servicing failed (phase %1, error %2).").arg(event.data.get("ErrorPhase") or "?", event.data.get("Errorcode") or "?")
        elif event.is_(ev.WINRE_AGENT, 4503, 4504):
            message = translate("Recovery", "Windows Recovery Environment servicing was cancelled or rolled back.")
        if message is not None:
            boots.append(RecoveryBoot(kind, event.time, event.label, message))  # type: ignore[arg-type]
    boots.sort(key=lambda b: b.time.timestamp() if b.time else 0, reverse=True)
    return boots
