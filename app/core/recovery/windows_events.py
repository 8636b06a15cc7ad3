"""Windows System-log events as XML (wevtutil output, Event Viewer exports, python-evtx records).

Only structured fields are read — provider, event id, ``TimeCreated``, named ``<Data>`` values and the
``<Binary>`` payload. The rendered message text is localised on non-English Windows and is never
parsed. Each reader below knows the fields of one event and the form Windows writes them in
(Kernel-Power 41 writes the stop code in decimal, WER 1001 in hex inside ``param1``, EventLog 6008
keeps the real times in binary SYSTEMTIMEs).
"""

from __future__ import annotations

import base64
import binascii
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from app.core.foundation.errors import RingfenceError
from app.core.recovery.timeconv import parse_event_time, systemtime_to_datetime
from app.core.text.messages import Message, translate

KERNEL_POWER = "Microsoft-Windows-Kernel-Power"
WER = "Microsoft-Windows-WER-SystemErrorReporting"
EVENTLOG = "EventLog"
KERNEL_BOOT = "Microsoft-Windows-Kernel-Boot"
USER32 = "User32"
WINRE_AGENT = "Microsoft-Windows-WinREAgent"

RELEVANT: dict[str, frozenset[int]] = {
    KERNEL_POWER: frozenset({41}),
    WER: frozenset({1000, 1001, 1006}),
    EVENTLOG: frozenset({6005, 6006, 6008}),
    KERNEL_BOOT: frozenset({20}),
    USER32: frozenset({1074}),
    WINRE_AGENT: frozenset({4500, 4501, 4502, 4503, 4504}),
}
SHORT_NAMES = {KERNEL_POWER: "Kernel-Power", WER: "WER-SystemErrorReporting", KERNEL_BOOT: "Kernel-Boot",
               WINRE_AGENT: "WinREAgent"}
_WER_PARAM1 = re.compile(r"^\s*0x([0-9a-fA-F]{1,8})\s*(?:\(([^)]*)\))?")
_DIGITS = re.compile(r"^[0-9]{1,20}$")
_HEX = re.compile(r"^\s*0x([0-9a-fA-F]{1,16})\s*$")


@dataclass(frozen=True)
class SystemEvent:
    provider: str
    event_id: int
    time: datetime | None
    record_id: int | None
    data: dict[str, str]
    values: tuple[str, ...]  # <Data> without a Name, in order
    binary: bytes | None

    @property
    def label(self) -> Message:
        """Where this evidence comes from, e.g. "System log: Kernel-Power 41"."""
        return translate("Recovery", "System log: %1 %2").arg(SHORT_NAMES.get(self.provider, self.provider), self.event_id)

    def is_(self, provider: str, *ids: int) -> bool:
        return self.provider == provider and self.event_id in ids


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _child(element: ET.Element, name: str) -> ET.Element | None:
    for child in element:
        if _local(child.tag) == name:
            return child
    return None


def parse_events(text: str, binary_encoding: Literal["hex", "base64"] = "hex", *,
                 name: Message | str | None = None, relevant_only: bool = True) -> list[SystemEvent]:
    """Every ``<Event>`` in ``text`` (one event, a ``wevtutil qe /f:xml`` stream, or an ``<Events>`` export).

    ``binary_encoding`` is how ``<Binary>`` is written: hex by Windows tools, base64 by python-evtx.
    """
    name = translate("Recovery", "The event log export") if name is None else name
    if re.search(r"<!(DOCTYPE|ENTITY)", text, re.IGNORECASE):
        raise RingfenceError(translate("Recovery", "%1 contains an XML document type declaration, which event exports "
                                                   "never have; it was not read.").arg(name))
    body = re.sub(r"<\?xml[^>]*\?>", "", text.lstrip("\ufeff"))
    try:
        root = ET.fromstring(f"<rf-events>{body}</rf-events>")
    except ET.ParseError as exc:
        raise RingfenceError(translate("Recovery", "%1 is not readable event XML (%2).").arg(name, str(exc))) from exc
    events = []
    for element in root.iter():
        if _local(element.tag) == "Event":
            event = _event(element, binary_encoding)
            if event and (not relevant_only or event.event_id in RELEVANT.get(event.provider, ())):
                events.append(event)
    return events


def _event(element: ET.Element, binary_encoding: str) -> SystemEvent | None:
    system = _child(element, "System")
    if system is None:
        return None
    provider_el, id_el = _child(system, "Provider"), _child(system, "EventID")
    if provider_el is None or id_el is None or not _DIGITS.match((id_el.text or "").strip()):
        return None
    provider = provider_el.get("Name") or ""
    if provider == "BugCheck" or provider_el.get("EventSourceName") == "BugCheck":
        provider = WER
    time_el, record_el = _child(system, "TimeCreated"), _child(system, "EventRecordID")
    record_text = (record_el.text or "").strip() if record_el is not None else ""
    data: dict[str, str] = {}
    values: list[str] = []
    binary = None
    for section in (_child(element, "EventData"), _child(element, "UserData")):
        if section is None:
            continue
        for item in section.iter():
            tag = _local(item.tag)
            if tag == "Data":
                value = (item.text or "").strip()
                if item.get("Name"):
                    data[item.get("Name") or ""] = value
                else:
                    values.append(value)
            elif tag == "Binary":
                binary = _decode_binary(item.text or "", binary_encoding)
            elif item is not section and len(item) == 0 and tag not in data:
                data[tag] = (item.text or "").strip()
    return SystemEvent(
        provider=provider,
        event_id=int(id_el.text.strip()),  # type: ignore[union-attr]
        time=parse_event_time(time_el.get("SystemTime") if time_el is not None else None),
        record_id=int(record_text) if _DIGITS.match(record_text) else None,
        data=data,
        values=tuple(values),
        binary=binary,
    )


def _decode_binary(text: str, encoding: str) -> bytes | None:
    text = "".join(text.split())
    if not text:
        return None
    try:
        return bytes.fromhex(text) if encoding == "hex" else base64.b64decode(text, validate=True)
    except (ValueError, binascii.Error):
        return None


def parse_int(text: str | None) -> int | None:
    """A decimal or ``0x`` hex number as Windows renders UInt fields; ``None`` if it is neither."""
    if text is None:
        return None
    match = _HEX.match(text)
    if match:
        return int(match.group(1), 16)
    text = text.strip()
    return int(text) if _DIGITS.match(text) else None


def parse_bool(text: str | None) -> bool | None:
    value = (text or "").strip().lower()
    return True if value in ("true", "1") else False if value in ("false", "0") else None


@dataclass(frozen=True)
class Bugcheck:
    code: int
    parameters: tuple[int, ...] | None
    width: int


def wer_bugcheck(event: SystemEvent) -> Bugcheck | None:
    """WER 1000/1001: ``param1`` = ``0x0000001a (0x0000000000003600, 0xfffffe7f3f9fc000, ...)``."""
    match = _WER_PARAM1.match(event.data.get("param1") or (event.values[0] if event.values else ""))
    if not match:
        return None
    raw = [part.strip() for part in (match.group(2) or "").split(",") if part.strip()]
    numbers = [parse_int(part) for part in raw]
    params = tuple(n for n in numbers if n is not None) if len(raw) == 4 and None not in numbers else None
    width = 16 if any(len(part) > 10 for part in raw) else 8 if raw else 16
    return Bugcheck(int(match.group(1), 16), params, width)


def wer_dump_path(event: SystemEvent) -> str | None:
    path = event.data.get("param2") or (event.values[1] if len(event.values) > 1 else "")
    if event.event_id != 1001:
        return None
    return path.strip() or None


def kernel_power_bugcheck(event: SystemEvent) -> Bugcheck | None:
    """Kernel-Power 41: ``BugcheckCode`` in decimal (0 = none recorded), parameters in hex."""
    code = parse_int(event.data.get("BugcheckCode"))
    if not code or code > 0xFFFFFFFF:
        return None
    params = tuple(parse_int(event.data.get(f"BugcheckParameter{i}")) for i in range(1, 5))
    return Bugcheck(code, None if None in params else params, 16)  # type: ignore[arg-type]


def power_button_held(event: SystemEvent) -> bool:
    """Kernel-Power 41 with a non-zero ``PowerButtonTimestamp``: the button was held for 4+ seconds."""
    return bool(parse_int(event.data.get("PowerButtonTimestamp"))) or \
        parse_bool(event.data.get("LongPowerButtonPressDetected")) is True


def last_alive_time(event: SystemEvent) -> datetime | None:
    """EventLog 6008: the second SYSTEMTIME of ``<Binary>`` is the last moment the system was alive (UTC)."""
    return systemtime_to_datetime(event.binary, 16) if event.binary else None
