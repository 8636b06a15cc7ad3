"""What the collector believes of a schema-valid beacon, and how it names the sender's network.

The schema says what a beacon may look like; :func:`check` refuses what no real client sends:
counters for a day outside the last few days of the collector's clock (one install once sent 110
invented days), detections per hour that do not add up to the day's detections, more engine starts,
crashes or hangs in a day than the supervisor's back-off allows. A refused beacon is answered 400 with
the reason and never stored.

:func:`network_hash` turns the client's address into a salted hash of its network (an IPv4 /24 or an
IPv6 /48): enough to see a wave of new install ids from one place, never an address.
"""

from __future__ import annotations

import calendar
import hashlib
import ipaddress
import math
import time
from typing import Any

DAY = 86400
DAYS_BACK = 3  # counters of today and the three days before (a client reports late after a weekend off)
DAYS_AHEAD = 1  # and tomorrow, for clocks a little ahead or a time zone east of UTC
MAX_ENGINE_EVENTS_PER_DAY = 10_000  # starts, crashes or hangs: more than one every ten seconds all day
MAX_NUMBER = 2**53  # versions and times the collector accepts in a query


class Implausible(ValueError):
    """A beacon or query value no real client sends; the message is the reason."""


def check(beacon: dict[str, Any], now: float) -> None:
    """Raise :class:`Implausible` when a schema-valid beacon cannot be real."""
    counters = beacon.get("counters")
    if not counters:
        return
    try:
        day = calendar.timegm(time.strptime(counters["day"], "%Y-%m-%d"))
    except ValueError:
        raise Implausible("the counters' day is not a calendar date") from None
    today = int(now // DAY) * DAY
    if not today - DAYS_BACK * DAY <= day <= today + DAYS_AHEAD * DAY:
        raise Implausible(f"counters are accepted for the last {DAYS_BACK} days and today only")
    if sum(counters["detections_by_hour"]) != counters["detections"]:
        raise Implausible("the detections per hour do not add up to the day's detections")
    for name in ("starts", "crashes", "hangs"):
        if counters[name] > MAX_ENGINE_EVENTS_PER_DAY:
            raise Implausible(f"more than {MAX_ENGINE_EVENTS_PER_DAY} engine {name} in one day")


def number(text: str | None, name: str, *, default: float = 0.0, integer: bool = False) -> float:
    """A query parameter as a finite number within ±2**53 (a version: an integer), or :class:`Implausible`."""
    if text is None:
        return default
    try:
        value = int(text) if integer else float(text)
    except ValueError:
        raise Implausible(f"{name} must be a number") from None
    if not math.isfinite(value) or abs(value) > MAX_NUMBER:
        raise Implausible(f"{name} must be a finite number between -2**53 and 2**53")
    return value


def network_of(host: str) -> str:
    """The network an address belongs to, as the prefix a wave of registrations would share."""
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return ""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    prefix = 24 if address.version == 4 else 48
    return str(ipaddress.ip_network(f"{address}/{prefix}", strict=False))


def network_hash(salt: str, host: str | None) -> str:
    """A salted hash of the sender's network ("" when the address is unknown)."""
    network = network_of(host or "")
    if not network:
        return ""
    return hashlib.sha256(f"{salt}:{network}".encode()).hexdigest()[:24]
