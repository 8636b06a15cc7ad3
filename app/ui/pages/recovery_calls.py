"""The Recovery page's core calls: crash reports and recovery state, the crashes not yet dismissed."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from app.core.context import Context
from app.core.foundation.errors import RingfenceError
from app.core.recovery.crash_export import Say, write_export
from app.core.recovery.crash_history import CrashHistory, read_history
from app.core.recovery.model import RecoveryScan
from app.core.recovery.providers import scan
from app.core.recovery.seen import PendingCrash, SeenCrashes
from app.core.text.messages import Message


@dataclass(frozen=True)
class RecoveryView:
    found: RecoveryScan | None  # None when this system cannot be read
    pending: list[PendingCrash]
    problems: list[Message | str] = field(default_factory=list)
    history: CrashHistory | None = None  # the crashes aggregated by driver and set against definitions changes


def load(ctx: Context, source: Path | None) -> RecoveryView:
    """Read this system (or the folder ``source``); crashes not seen before become pending (and journal events)."""
    seen = SeenCrashes(ctx.store)
    try:
        found = scan(source)
    except RingfenceError as exc:
        return RecoveryView(None, seen.pending(), [exc.msg])
    seen.announce(found.crashes)
    return RecoveryView(found, seen.pending(), history=read_history(ctx.store, source, found))


def export(_ctx: Context, history: CrashHistory, target: str, say: Say, source: Path | None, language: str) -> str:
    """Write the crash history for support to ``target`` (HTML for ``.html``, else text); returns the path."""
    path = Path(target)
    write_export(path, history, say, source=source, language=language)
    return str(path)


def dismiss(ctx: Context, crash_id: str) -> bool:
    return SeenCrashes(ctx.store).acknowledge(crash_id)
