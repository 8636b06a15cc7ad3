"""Output of ``reagentc /info`` (WinRE status) and ``reagentc /getrecoverysettings`` (Quick Machine Recovery).

The labels of ``/info`` are translated on non-English Windows, so the parser leans on what is not:
the ``\\\\?\\GLOBALROOT\\device\\...`` location (present exactly when WinRE is enabled), the BCD GUID
(all zeros when disabled) and the dotted version number; the English labels are only a fallback.

``/getrecoverysettings`` prints the Wi-Fi network WinRE may use *with its password in clear text*.
:func:`redact_wifi` removes every credential before anything else looks at the text, so the
password is never stored, shown or logged; both parsers call it first.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

_LOCATION = re.compile(r"\\\\\?\\GLOBALROOT\\device\\\S+", re.IGNORECASE)
_GUID = re.compile(r"\b([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\b")
_VERSION = re.compile(r"^\d{1,3}\.\d{1,3}\.\d{1,6}\.\d{1,6}$")
_ZERO_GUID = "00000000-0000-0000-0000-000000000000"
_REDACTIONS = (
    (re.compile(r"\b(password|passphrase|key)\s*=\s*(?:\"[^\"]*(?:\"|\Z)|'[^']*(?:'|\Z)|\S*)", re.IGNORECASE), r'\1=""'),
    (re.compile(r"<\s*(\w*(?:password|keyMaterial)\w*)\b.*?(?:</\s*\1\s*>|\Z)", re.IGNORECASE | re.DOTALL), ""),
    (re.compile(r"<\s*WifiCredential\b.*?(?:</\s*WifiCredential\s*>|\Z)", re.IGNORECASE | re.DOTALL), ""),
    (re.compile(r"<\s*Wifi\b[^>]*(?:>|\Z)", re.IGNORECASE), ""),
)
_ENABLED_WORDS = {"enabled"}
_DISABLED_WORDS = {"disabled"}


def redact_wifi(text: str) -> str:
    """``text`` without any Wi-Fi credential element, WLAN key or password attribute."""
    for pattern, replacement in _REDACTIONS:
        text = pattern.sub(replacement, text)
    return text


def _status_line(text: str) -> str | None:
    """The ``REAGENTC.EXE: ...`` result line (its wording is localised; shown only as a detail)."""
    lines = [line.strip() for line in text.splitlines() if line.strip().upper().startswith("REAGENTC.EXE")]
    return lines[-1][:200] if lines else None


@dataclass(frozen=True)
class WinreInfo:
    enabled: bool | None
    location: str | None
    version: str | None
    problem: str | None = None  # reagentc's own words when it could not answer


def parse_info(text: str) -> WinreInfo:
    """Parse ``reagentc /info``; every field stays ``None`` when the output does not say."""
    text = redact_wifi(text)
    location = version = status_word = None
    zero_guid = real_guid = False
    for raw in text.splitlines():
        line = raw.strip()
        found = _LOCATION.search(line)
        if found:
            location = found.group(0)
            continue
        label, value = _split(line)
        if value is None:
            continue
        guid = _GUID.search(value)
        if guid:
            zero_guid |= guid.group(1) == _ZERO_GUID
            real_guid |= guid.group(1) != _ZERO_GUID
        elif _VERSION.match(value):
            version = value
        elif "windows re" in label.lower() and status_word is None and value.lower() in _ENABLED_WORDS | _DISABLED_WORDS:
            status_word = value.lower()
    if location:
        enabled: bool | None = True
    elif zero_guid or status_word in _DISABLED_WORDS:
        enabled = False
    elif status_word in _ENABLED_WORDS:
        enabled = True
    else:
        enabled = None
    answered = location or zero_guid or real_guid or version or status_word
    return WinreInfo(enabled, location, version if enabled is not False else None,
                     None if answered else _status_line(text) or "no WinRE information in the output")


def _split(line: str) -> tuple[str, str | None]:
    """``label: value`` with an ASCII or full-width colon; ``(line, None)`` when there is no colon."""
    for index, char in enumerate(line):
        if char in ":\uff1a":
            return line[:index].strip(), line[index + 1:].strip()
    return line, None


@dataclass(frozen=True)
class QmrSettings:
    cloud_remediation: bool | None
    auto_remediation: bool | None
    total_wait_minutes: int | None
    retry_interval_minutes: int | None
    problem: str | None = None


def parse_recovery_settings(text: str) -> QmrSettings:
    """Parse ``reagentc /getrecoverysettings``: the ``<WindowsRE>`` XML followed by a localised status line."""
    text = redact_wifi(text)
    start = text.find("<WindowsRE")
    end = text.find("</WindowsRE>", start)
    if start < 0 or end < 0 or re.search(r"<!(DOCTYPE|ENTITY)", text, re.IGNORECASE):
        return QmrSettings(None, None, None, None, _status_line(text) or "no recovery settings in the output")
    try:
        root = ET.fromstring(text[start:end + len("</WindowsRE>")])
    except ET.ParseError:
        return QmrSettings(None, None, None, None, "the recovery settings could not be read")
    elements = {child.tag.rsplit("}", 1)[-1].lower(): {k.lower(): v for k, v in child.attrib.items()} for child in root}
    cloud = elements.get("cloudremediation", {})
    auto = elements.get("autoremediation", {})
    return QmrSettings(
        cloud_remediation=_state(cloud.get("state")),
        auto_remediation=_state(auto.get("state")),
        total_wait_minutes=_minutes(auto.get("totalwaittime")),
        retry_interval_minutes=_minutes(auto.get("waitinterval")),
    )


def _state(value: str | None) -> bool | None:
    return {"1": True, "0": False}.get((value or "").strip())


def _minutes(value: str | None) -> int | None:
    value = (value or "").strip()
    return int(value) if re.fullmatch(r"[0-9]{1,6}", value) else None
