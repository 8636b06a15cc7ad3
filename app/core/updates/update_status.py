"""What the Updates page and ``ringfence update status`` show (reference §7.11).

:func:`build_status` turns the persisted state into one :class:`UpdateStatus`: a state key, its text
(a :class:`~app.core.text.messages.Message` in the "UpdateState" context, rendered at the edge; ``text`` is
its English rendering for the CLI and JSON), the details each state needs
(progress, probation time left, revert reason, the vendor's halt message, out-of-date since), and the
history with reasons.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.core.text.messages import QT_TRANSLATE_NOOP, Message, Moment, render, translate
from app.core.updates.probation import ends_at
from app.core.updates.rollout import RolloutDoc, iso
from app.core.updates.state import UpdateState
from app.core.updates.update_history import HistoryEntry

DAY = 86400.0
OUT_OF_DATE_DAYS = 3
BADLY_OUT_OF_DATE_DAYS = 7

STATE_TEXT: dict[str, Message] = {
    "not_configured": translate("UpdateState", "No update channel is configured; Ringfence uses its built-in baseline "
                                        "definitions."),
    "up_to_date": translate("UpdateState", "Up to date"),
    "rolling_out": translate("UpdateState", "An update is rolling out; it has not reached this device yet"),
    "downloading": translate("UpdateState", "Downloading version %1 (%2 of %3 bytes)"),
    "validating": translate("UpdateState", "Checking version %1 before it is used"),
    "activating": translate("UpdateState", "Switching to version %1"),
    "probation": translate("UpdateState", "Version %1 is in probation: %2 hours left"),
    "rolled_back": translate("UpdateState", "Rolled back: %1"),
    "halted": translate("UpdateState", "Updates halted by the vendor: %1"),
    "paused": translate("UpdateState", "Updates paused until %1"),
    "pinned": translate("UpdateState", "Pinned: new definitions are installed only when you choose to install them"),
    "out_of_date": translate("UpdateState", "Out of date since %1"),
    "badly_out_of_date": translate("UpdateState", "Badly out of date since %1"),
}

EVENT_TEXT: dict[str, str] = {
    "activated": QT_TRANSLATE_NOOP("UpdateState", "Activated"),
    "rejected": QT_TRANSLATE_NOOP("UpdateState", "Refused before use"),
    "reverted": QT_TRANSLATE_NOOP("UpdateState", "Reverted automatically"),
    "revoked": QT_TRANSLATE_NOOP("UpdateState", "Withdrawn by the vendor"),
    "rolled_back": QT_TRANSLATE_NOOP("UpdateState", "Rolled back"),
    "probation_passed": QT_TRANSLATE_NOOP("UpdateState", "Passed probation"),
    "refused": QT_TRANSLATE_NOOP("UpdateState", "Update refused (verification failed)"),
    "protected_hit": QT_TRANSLATE_NOOP("UpdateState", "Flagged a protected file (reported only)"),
    "baseline": QT_TRANSLATE_NOOP("UpdateState", "Back on the baseline definitions"),
    "halted": QT_TRANSLATE_NOOP("UpdateState", "Halted by the vendor"),
}


@dataclass
class UpdateStatus:
    state: str
    text: str  # the state in English (the CLI, JSON); ``message`` for the console
    current_version: int | None
    ring: str
    bucket: int
    channel_url: str | None
    channel_configured: bool
    last_check: float | None
    last_success: float | None
    last_error: Message | str | None  # English text when an older version stored it
    freshness: str  # "fresh", "out_of_date", "badly_out_of_date"
    out_of_date_since: float | None
    paused_until: float | None
    probation_ends: float | None
    progress: dict[str, Any] | None
    halt_message: str | None
    rolled_back: dict[str, Any] | None
    latest_available: int | None
    known_good: list[int]
    disabled_rules: list[str]
    history: list[HistoryEntry] = field(default_factory=list)
    message: Message = field(default_factory=lambda: STATE_TEXT["up_to_date"])

    def to_json(self) -> dict[str, Any]:
        return {
            "current_version": self.current_version, "state": self.state, "text": self.text, "ring": self.ring,
            "bucket": self.bucket, "channel_url": self.channel_url, "channel_configured": self.channel_configured,
            "last_check": iso(self.last_check), "last_success": iso(self.last_success),
            "last_error": None if self.last_error is None else render(self.last_error),
            "freshness": self.freshness, "out_of_date_since": iso(self.out_of_date_since),
            "paused_until": iso(self.paused_until), "probation_ends": iso(self.probation_ends),
            "progress": self.progress, "halt_message": self.halt_message, "rolled_back": english_reason(self.rolled_back),
            "latest_available": self.latest_available, "known_good": self.known_good,
            "disabled_rules": self.disabled_rules,
            "history": [{**h.to_json(), "time": iso(h.time)} for h in self.history],
        }


def freshness(reference: float | None, now: float) -> tuple[str, float | None]:
    """Out of date when the last verified refresh (or the definitions' date) is 3 days old; badly at 7."""
    if reference is None:
        return "badly_out_of_date", None
    age = now - reference
    if age > BADLY_OUT_OF_DATE_DAYS * DAY:
        return "badly_out_of_date", reference
    if age > OUT_OF_DATE_DAYS * DAY:
        return "out_of_date", reference
    return "fresh", None


def build_status(st: UpdateState, doc: RolloutDoc | None, *, now: float, ring: str, bucket: int,
                 channel_url: str | None, definitions_created: float | None, choice_why: str,
                 history: list[HistoryEntry]) -> UpdateStatus:
    fresh, since = freshness(st.last_success if st.last_success is not None else definitions_created, now)
    op = st.operation
    latest = max((r.version for r in doc.releases), default=None) if doc else None
    status = UpdateStatus(
        state="up_to_date", text="", current_version=st.active_version, ring=ring, bucket=bucket,
        channel_url=channel_url, channel_configured=channel_url is not None, last_check=st.last_check,
        last_success=st.last_success,
        last_error=None if st.last_error is None else as_reason(st.last_error), freshness=fresh, out_of_date_since=since,
        paused_until=st.paused_until if st.paused_until and st.paused_until > now else None,
        probation_ends=ends_at(st.probation) if st.probation else None, progress=op,
        halt_message=doc.halt_message if doc and doc.halt_active else None, rolled_back=st.rolled_back,
        latest_available=latest, known_good=list(st.known_good),
        disabled_rules=list(doc.disabled_rules) if doc else [], history=history,
    )
    key, args = _state(status, st, now, choice_why)
    status.state, status.message = key, STATE_TEXT[key].arg(*args)
    status.text = render(status.message)
    return status


def as_reason(value: Any) -> Message | str:
    """A reason as stored (a message's JSON form, or English text from an older version) as a message."""
    if isinstance(value, dict) and "source" in value and "context" in value:
        return Message.from_json(value)
    return "" if value is None else str(value)


def english_reason(undone: dict[str, Any] | None) -> dict[str, Any] | None:
    """``rolled_back`` for JSON: its reason in English."""
    if not undone:
        return undone
    return {**undone, "reason": render(as_reason(undone.get("reason")))}


def _state(s: UpdateStatus, st: UpdateState, now: float, choice_why: str) -> tuple[str, tuple[object, ...]]:
    if not s.channel_configured:
        return "not_configured", ()
    if s.progress:
        phase = s.progress.get("phase", "downloading")
        return phase, (s.progress.get("version"), s.progress.get("done", 0), s.progress.get("total", 0))
    if s.halt_message is not None:
        return "halted", (s.halt_message or "-",)
    if st.rolled_back and (st.probation is None or st.probation.kind == "revert"):
        return "rolled_back", (as_reason(st.rolled_back.get("reason")),)
    if s.freshness != "fresh":
        return s.freshness, (Moment(s.out_of_date_since) if s.out_of_date_since else "-",)
    if st.probation and s.probation_ends:
        return "probation", (st.probation.version, max(0, round((s.probation_ends - now) / 3600)))
    if s.paused_until:
        return "paused", (Moment(s.paused_until),)
    if choice_why == "pinned":
        return "pinned", ()
    if choice_why in ("rolling_out", "delayed"):
        return "rolling_out", ()
    return "up_to_date", ()
