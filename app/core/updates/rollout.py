"""The signed rollout document ``rollout-<channel>.json`` (reference §7.4).

It is a TUF target, so the client parses it only after python-tuf has verified its length and hash
against signed metadata. The parser is still strict: anything malformed is refused as a whole, never
half-applied. The publisher (``app.channel``) writes documents with :meth:`RolloutDoc.to_json` and
the client reads them with :func:`parse_rollout`, so both sides share one definition.
"""

from __future__ import annotations

import calendar
import json
import time
from dataclasses import dataclass, field
from typing import Any

from app.core.text.messages import Message, render, translate

ROLLOUT_SCHEMA = 1
BUCKETS = 10_000
STATES = ("rolling", "paused", "complete")
SEVERITIES = ("normal", "critical")


class RolloutError(Exception):
    """The rollout document is malformed: ``msg`` says how (``str()`` is its English text)."""

    def __init__(self, message: Message) -> None:
        super().__init__(render(message))
        self.msg = message


def _invalid(what: str, value: Any = None) -> RolloutError:
    """An invalid field ``what`` (the document's own name for it) with the value found, if any."""
    if value is None:
        return RolloutError(translate("Updates", "The rollout document has an invalid %1.").arg(what))
    return RolloutError(translate("Updates", "The rollout document has an invalid %1 (%2).").arg(what, repr(value)))


def iso(ts: float | None) -> str | None:
    return None if ts is None else time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(ts))


def parse_iso(text: Any, what: str) -> float | None:
    if text is None:
        return None
    if not isinstance(text, str):
        raise _invalid(what)
    try:
        return float(calendar.timegm(time.strptime(text, "%Y-%m-%dT%H:%M:%SZ")))
    except ValueError as exc:
        raise _invalid(what, text) from exc


@dataclass
class Release:
    version: int
    target: str
    exposure: int
    state: str = "rolling"
    completed_at: float | None = None
    released_at: float | None = None
    severity: str = "normal"
    notes: str | None = None  # target path of the release notes
    min_engine: str = "1.0"
    max_engine: str = "1.999"
    exposed_at: float | None = None  # when the exposure last changed (the promotion gates' bake time)

    def to_json(self) -> dict[str, Any]:
        return {
            "version": self.version, "target": self.target, "exposure": self.exposure, "state": self.state,
            "completed_at": iso(self.completed_at), "released_at": iso(self.released_at),
            "severity": self.severity, "notes": self.notes,
            "min_engine": self.min_engine, "max_engine": self.max_engine, "exposed_at": iso(self.exposed_at),
        }


@dataclass
class RolloutDoc:
    channel: str
    sequence: int
    issued_at: float
    expires: float
    bucket_salt: str = "ringfence"
    releases: list[Release] = field(default_factory=list)
    revoked: dict[int, str] = field(default_factory=dict)  # version -> reason
    rollback_to: int | None = None
    disabled_rules: list[str] = field(default_factory=list)
    halt_active: bool = False
    halt_message: str = ""
    min_poll_seconds: int = 3600
    max_poll_seconds: int = 14400

    def release(self, version: int) -> Release | None:
        return next((r for r in self.releases if r.version == version), None)

    def to_json(self) -> dict[str, Any]:
        return {
            "schema": ROLLOUT_SCHEMA, "channel": self.channel, "sequence": self.sequence,
            "issued_at": iso(self.issued_at), "expires": iso(self.expires), "bucket_salt": self.bucket_salt,
            "releases": [r.to_json() for r in sorted(self.releases, key=lambda r: r.version)],
            "revoked": [{"version": v, "reason": why} for v, why in sorted(self.revoked.items())],
            "rollback_to": self.rollback_to, "disabled_rules": sorted(self.disabled_rules),
            "halt": {"active": self.halt_active, "message": self.halt_message},
            "min_poll_seconds": self.min_poll_seconds, "max_poll_seconds": self.max_poll_seconds,
        }

    def to_bytes(self) -> bytes:
        return (json.dumps(self.to_json(), indent=2, sort_keys=True) + "\n").encode("utf-8")


def _int(value: Any, what: str, low: int = 0, high: int | None = None) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < low or (high is not None and value > high):
        raise _invalid(what, value)
    return value


def _str(value: Any, what: str) -> str:
    if not isinstance(value, str):
        raise _invalid(what)
    return value


def _release(doc: Any) -> Release:
    if not isinstance(doc, dict):
        raise _invalid("releases")
    state = _str(doc.get("state", "rolling"), "release state")
    severity = _str(doc.get("severity", "normal"), "release severity")
    if state not in STATES or severity not in SEVERITIES:
        raise _invalid("state/severity", f"{state}, {severity}")
    notes = doc.get("notes")
    return Release(
        version=_int(doc.get("version"), "release version"),
        target=_str(doc.get("target"), "release target"),
        exposure=_int(doc.get("exposure"), "exposure", 0, BUCKETS),
        state=state,
        completed_at=parse_iso(doc.get("completed_at"), "completed_at"),
        released_at=parse_iso(doc.get("released_at"), "released_at"),
        severity=severity,
        notes=None if notes is None else _str(notes, "notes path"),
        min_engine=_str(doc.get("min_engine", "1.0"), "min_engine"),
        max_engine=_str(doc.get("max_engine", "1.999"), "max_engine"),
        exposed_at=parse_iso(doc.get("exposed_at"), "exposed_at"),
    )


def parse_rollout(data: bytes) -> RolloutDoc:
    """Strictly parse verified rollout bytes into a :class:`RolloutDoc`."""
    try:
        doc = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise RolloutError(translate("Updates", "The rollout document is not valid JSON.")) from exc
    if not isinstance(doc, dict):
        raise RolloutError(translate("Updates", "The rollout document is not a JSON object."))
    if doc.get("schema") != ROLLOUT_SCHEMA:
        raise RolloutError(translate("Updates", "The rollout document uses schema %1, which this Ringfence does not "
                                                "read.").arg(repr(doc.get("schema"))))
    halt = doc.get("halt") or {}
    if not isinstance(halt, dict):
        raise _invalid("halt")
    revoked: dict[int, str] = {}
    for entry in doc.get("revoked") or []:
        if not isinstance(entry, dict):
            raise _invalid("revoked")
        revoked[_int(entry.get("version"), "revoked version")] = _str(entry.get("reason", ""), "revocation reason")
    rules = doc.get("disabled_rules") or []
    if not isinstance(rules, list) or not all(isinstance(r, str) for r in rules):
        raise _invalid("disabled_rules")
    rollback = doc.get("rollback_to")
    releases = [_release(r) for r in doc.get("releases") or []]
    if len({r.version for r in releases}) != len(releases):
        raise RolloutError(translate("Updates", "The rollout document lists a version twice."))
    issued = parse_iso(doc.get("issued_at"), "issued_at")
    expires = parse_iso(doc.get("expires"), "expires")
    if issued is None or expires is None:
        raise RolloutError(translate("Updates", "The rollout document has no issue or expiry time."))
    return RolloutDoc(
        channel=_str(doc.get("channel"), "channel name"),
        sequence=_int(doc.get("sequence"), "sequence"),
        issued_at=issued, expires=expires,
        bucket_salt=_str(doc.get("bucket_salt", "ringfence"), "bucket salt"),
        releases=releases, revoked=revoked,
        rollback_to=None if rollback is None else _int(rollback, "rollback_to"),
        disabled_rules=list(rules),
        halt_active=bool(halt.get("active", False)),
        halt_message=_str(halt.get("message", ""), "halt message"),
        min_poll_seconds=_int(doc.get("min_poll_seconds", 3600), "min_poll_seconds", 60),
        max_poll_seconds=_int(doc.get("max_poll_seconds", 14400), "max_poll_seconds", 60),
    )
