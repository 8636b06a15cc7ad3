# ruff: noqa: E501 - each translatable text stays one string literal so that lupdate extracts it whole
"""What each piece of evidence says, in one translatable sentence built from its structured fields."""

from __future__ import annotations

from app.core.i18n import QT_TRANSLATE_NOOP
from app.core.recovery import events as ev
from app.core.recovery.findings import DumpFinding
from app.core.recovery.model import Evidence, Message, RecoveryBoot, hex_code


def event_evidence(event: ev.SystemEvent) -> Evidence:
    return Evidence(event.label, _event_message(event), event.time)


def _event_message(event: ev.SystemEvent) -> Message:
    if event.is_(ev.KERNEL_POWER, 41):
        found = ev.kernel_power_bugcheck(event)
        if found is not None:
            return Message.of(QT_TRANSLATE_NOOP("Recovery", "The system restarted without shutting down cleanly; stop code {code} was recorded."),
                              code=hex_code(found.code))
        if ev.power_button_held(event):
            return Message.of(QT_TRANSLATE_NOOP("Recovery", "The system restarted without shutting down cleanly; the power button had been held down."))
        return Message.of(QT_TRANSLATE_NOOP("Recovery", "The system restarted without shutting down cleanly; no stop code and no power-button press were recorded."))
    if event.is_(ev.EVENTLOG, 6008):
        alive = ev.last_alive_time(event)
        if alive is None:
            return Message.of(QT_TRANSLATE_NOOP("Recovery", "The previous shutdown was unexpected."))
        return Message.of(QT_TRANSLATE_NOOP("Recovery", "The previous shutdown was unexpected; the system was last running at {time}."),
                          time=alive.strftime("%Y-%m-%d %H:%M:%S UTC"))
    if event.is_(ev.WER, 1000, 1001, 1006):
        found = ev.wer_bugcheck(event) if event.event_id != 1006 else None
        path = ev.wer_dump_path(event)
        if found is not None and path:
            return Message.of(QT_TRANSLATE_NOOP("Recovery", "Windows restarted after stop code {code}; a dump was saved in {path}."),
                              code=hex_code(found.code), path=path)
        if found is not None:
            return Message.of(QT_TRANSLATE_NOOP("Recovery", "Windows restarted after stop code {code}; no full dump was saved."),
                              code=hex_code(found.code))
        return Message.of(QT_TRANSLATE_NOOP("Recovery", "Windows restarted after a stop error; no dump was saved."))
    if event.is_(ev.USER32, 1074):
        return Message.of(QT_TRANSLATE_NOOP("Recovery", "A planned restart or shutdown was started (reason code {reason}) but did not finish cleanly."),
                          reason=event.data.get("param4") or "?")
    return Message.of(QT_TRANSLATE_NOOP("Recovery", "Event {event_id} was recorded."), event_id=event.event_id)


def dump_evidence(dump: DumpFinding) -> Evidence:
    info = dump.info
    if info.probable_module:
        message = Message.of(QT_TRANSLATE_NOOP("Recovery", "Crash dump ({dump_type}) of stop code {code}; probable driver {module} ({how})."),
                             dump_type=info.dump_type, code=hex_code(info.bugcheck_code), module=info.probable_module,
                             how=info.probable_reason)
    else:
        message = Message.of(QT_TRANSLATE_NOOP("Recovery", "Crash dump ({dump_type}) of stop code {code}."),
                             dump_type=info.dump_type, code=hex_code(info.bugcheck_code))
    return Evidence(dump.path, message, info.system_time)


def recovery_boots(events: list[ev.SystemEvent]) -> list[RecoveryBoot]:
    """Failed boots (Kernel-Boot 20 with ``LastBootGood`` false) and WinRE servicing, newest first."""
    boots = []
    for event in events:
        message = None
        kind = "winre_servicing"
        if event.is_(ev.KERNEL_BOOT, 20) and ev.parse_bool(event.data.get("LastBootGood")) is False:
            kind = "failed_boot"
            message = Message.of(QT_TRANSLATE_NOOP("Recovery", "Windows reported that the boot before this one did not complete."))
        elif event.is_(ev.WINRE_AGENT, 4500):
            message = Message.of(QT_TRANSLATE_NOOP("Recovery", "Windows Recovery Environment servicing started."))
        elif event.is_(ev.WINRE_AGENT, 4501):
            message = Message.of(QT_TRANSLATE_NOOP("Recovery", "Windows Recovery Environment servicing succeeded; its version is now {version}."),
                                 version=event.data.get("Version") or "?")
        elif event.is_(ev.WINRE_AGENT, 4502):
            message = Message.of(QT_TRANSLATE_NOOP("Recovery", "Windows Recovery Environment servicing failed (phase {phase}, error {error})."),
                                 phase=event.data.get("ErrorPhase") or "?", error=event.data.get("Errorcode") or "?")
        elif event.is_(ev.WINRE_AGENT, 4503, 4504):
            message = Message.of(QT_TRANSLATE_NOOP("Recovery", "Windows Recovery Environment servicing was cancelled or rolled back."))
        if message is not None:
            boots.append(RecoveryBoot(kind, event.time, event.label, message))  # type: ignore[arg-type]
    boots.sort(key=lambda b: b.time.timestamp() if b.time else 0, reverse=True)
    return boots
