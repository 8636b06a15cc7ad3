"""What the crash & recovery insights report: crash reports, the recovery state and their evidence.

These dataclasses cross every boundary of the feature (providers -> correlation -> CLI JSON -> UI),
so their JSON form is the stable contract documented in docs/cli.md. Unknown values stay ``None``
(``null`` in JSON): a report never guesses.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal

from app.core.recovery.bugchecks import bugcheck_name
from app.core.text.messages import Message, render

CrashKind = Literal["bugcheck", "power_loss", "forced_power_off", "kernel_panic", "oops", "unclean_shutdown"]
CRASH_KINDS: tuple[str, ...] = ("bugcheck", "power_loss", "forced_power_off", "kernel_panic", "oops", "unclean_shutdown")


def iso_utc(moment: datetime | None) -> str | None:
    """ISO 8601 in UTC with a ``Z`` (seconds precision), or ``None``."""
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def hex_code(code: int | None) -> str | None:
    """A stop code the way Microsoft writes it: ``0x0000001A``."""
    return None if code is None else f"0x{code:08X}"


def hex_parameter(value: int, width: int) -> str:
    """A bug check parameter, zero-padded to the pointer width of the crashed system (8 or 16 digits)."""
    return f"0x{value:0{width}X}"


@dataclass(frozen=True)
class Evidence:
    """One source and what it said, e.g. ``System log: Kernel-Power 41`` -> ``stop code 0x0000001A recorded``."""

    source: Message | str  # a message naming the source ("System log: Kernel-Power 41"), or a file's path
    message: Message
    time: datetime | None = None

    @property
    def detail(self) -> str:
        return render(self.message)

    def to_json(self) -> dict[str, Any]:
        return {"source": render(self.source), "time": iso_utc(self.time), "detail": self.detail}


@dataclass
class CrashReport:
    """One unexpected end of a running system.

    ``time`` is the moment of the crash when a source records it (dump header, EventLog 6008 last-alive
    time, pstore record); otherwise the time of the restart that reported it. ``key`` identifies the crash
    across launches (see :mod:`app.core.recovery.seen`).
    """

    kind: str
    time: datetime | None
    key: str
    bugcheck_code: int | None = None
    parameters: tuple[int, ...] | None = None
    parameter_width: int = 16
    probable_module: str | None = None
    dump_path: str | None = None
    evidence: list[Evidence] = field(default_factory=list)
    # where the dump's driver list says the probable driver was loaded from (not part of the JSON contract)
    probable_module_path: str | None = None

    @property
    def bugcheck_name(self) -> str | None:
        return None if self.bugcheck_code is None else bugcheck_name(self.bugcheck_code)

    def to_json(self) -> dict[str, Any]:
        return {
            "time": iso_utc(self.time),
            "kind": self.kind,
            "bugcheck_code": hex_code(self.bugcheck_code),
            "bugcheck_name": self.bugcheck_name,
            "parameters": None if self.parameters is None
            else [hex_parameter(p, self.parameter_width) for p in self.parameters],
            "probable_module": self.probable_module,
            "dump_path": self.dump_path,
            "evidence": [item.to_json() for item in self.evidence],
        }


def crash_key(*parts: object) -> str:
    """A short stable identifier built from the facts that anchor a crash."""
    text = "|".join("" if part is None else str(part) for part in parts)
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:24]


@dataclass(frozen=True)
class RecoveryBoot:
    """Evidence that Windows' recovery machinery ran: a failed boot, or WinRE being serviced."""

    kind: Literal["failed_boot", "winre_servicing"]
    time: datetime | None
    source: Message | str
    message: Message

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "time": iso_utc(self.time), "source": render(self.source), "detail": render(self.message)}


@dataclass
class RecoveryState:
    """WinRE and Quick Machine Recovery settings; ``None`` wherever no source said."""

    platform: str | None = None
    winre_enabled: bool | None = None
    winre_location: str | None = None
    winre_version: str | None = None
    qmr_cloud_remediation: bool | None = None
    qmr_auto_remediation: bool | None = None
    qmr_total_wait_minutes: int | None = None
    qmr_retry_interval_minutes: int | None = None
    recovery_boots: list[RecoveryBoot] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "platform": self.platform,
            "winre_enabled": self.winre_enabled,
            "winre_location": self.winre_location,
            "winre_version": self.winre_version,
            "qmr_cloud_remediation": self.qmr_cloud_remediation,
            "qmr_auto_remediation": self.qmr_auto_remediation,
            "qmr_total_wait_minutes": self.qmr_total_wait_minutes,
            "qmr_retry_interval_minutes": self.qmr_retry_interval_minutes,
            "recovery_boots": [boot.to_json() for boot in self.recovery_boots],
        }


@dataclass
class RecoveryScan:
    """The whole answer: crashes newest first, the recovery state, and notes about what could not be read."""

    crashes: list[CrashReport]
    recovery: RecoveryState
    notes: list[Message] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"crashes": [c.to_json() for c in self.crashes], "recovery": self.recovery.to_json()}
