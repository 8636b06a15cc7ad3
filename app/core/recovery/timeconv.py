"""The time formats crash evidence arrives in, turned into aware UTC datetimes.

Each converter returns ``None`` for a value that is absent or impossible instead of raising: a bad
timestamp in one record must not hide the rest of the report.
"""

from __future__ import annotations

import re
import struct
from datetime import UTC, datetime, timedelta

_FILETIME_EPOCH = datetime(1601, 1, 1, tzinfo=UTC)
_EVENT_TIME = re.compile(
    r"^\s*(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?\s*(Z|[+-]\d{2}:?\d{2})?\s*$"
)


def filetime_to_datetime(value: int) -> datetime | None:
    """A Windows FILETIME (100 ns ticks since 1601, UTC); 0 and the dump's ``PAGE`` filler mean unset."""
    if value in (0, 0x4547415045474150) or value >= 2**63:
        return None
    try:
        moment = _FILETIME_EPOCH + timedelta(microseconds=value // 10)
    except OverflowError:
        return None
    return moment if 1980 <= moment.year <= 9999 else None


def systemtime_to_datetime(data: bytes, offset: int = 0) -> datetime | None:
    """A 16-byte SYSTEMTIME (year, month, weekday, day, hour, minute, second, milliseconds), taken as UTC."""
    if offset < 0 or offset + 16 > len(data):
        return None
    year, month, _weekday, day, hour, minute, second, millis = struct.unpack_from("<8H", data, offset)
    try:
        return datetime(year, month, day, hour, minute, second, millis * 1000, tzinfo=UTC)
    except ValueError:
        return None


def parse_event_time(text: str | None) -> datetime | None:
    """``SystemTime`` of an event: wevtutil writes ``2025-11-25T15:33:38.3279369Z``, python-evtx
    ``2017-07-12 17:16:28.214161+00:00``. Fractions beyond microseconds are dropped."""
    if not text:
        return None
    match = _EVENT_TIME.match(text)
    if not match:
        return None
    year, month, day, hour, minute, second = (int(g) for g in match.groups()[:6])
    fraction, zone = match.group(7) or "0", match.group(8) or "Z"
    micros = int((fraction + "000000")[:6])
    offset = timedelta(0)
    if zone != "Z":
        sign = -1 if zone[0] == "-" else 1
        digits = zone[1:].replace(":", "")
        offset = sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
    try:
        local = datetime(year, month, day, hour, minute, second, micros, tzinfo=UTC)
    except ValueError:
        return None
    try:
        return local - offset
    except OverflowError:
        return None


def unix_micros_to_datetime(value: str | int | None) -> datetime | None:
    """journald's ``__REALTIME_TIMESTAMP``: microseconds since 1970, UTC."""
    try:
        micros = int(value)  # type: ignore[arg-type]
        moment = datetime(1970, 1, 1, tzinfo=UTC) + timedelta(microseconds=micros)
    except (TypeError, ValueError, OverflowError):
        return None
    return moment if moment.year >= 1980 else None
