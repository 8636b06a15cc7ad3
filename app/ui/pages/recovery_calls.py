"""The Recovery page's core calls: crash reports and recovery state, the crashes not yet dismissed."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from app.core.context import Context
from app.core.foundation.errors import RingfenceError
from app.core.recovery.model import RecoveryScan
from app.core.recovery.providers import scan
from app.core.recovery.seen import PendingCrash, SeenCrashes
from app.core.text.messages import Message


@dataclass(frozen=True)
class RecoveryView:
    found: RecoveryScan | None  # None when this system cannot be read
    pending: list[PendingCrash]
    problems: list[Message | str] = field(default_factory=list)


def load(ctx: Context, source: Path | None) -> RecoveryView:
    """Read this system (or the folder ``source``); crashes not seen before become pending (and journal events)."""
    seen = SeenCrashes(ctx.store)
    try:
        found = scan(source)
    except RingfenceError as exc:
        return RecoveryView(None, seen.pending(), [exc.msg])
    seen.announce(found.crashes)
    return RecoveryView(found, seen.pending())


def dismiss(ctx: Context, crash_id: str) -> bool:
    return SeenCrashes(ctx.store).acknowledge(crash_id)
