"""The Quarantine page's core calls (each runs on a worker thread with that thread's context)."""

from __future__ import annotations

from dataclasses import dataclass

from app.core import quarantine as q
from app.core.context import Context
from app.core.foundation.errors import RingfenceError
from app.core.text.messages import Message


@dataclass(frozen=True)
class Done:
    """What happened to one item: ``restored`` (``path`` set), ``exists`` (the name is taken), ``deleted``
    or ``failed`` (``error`` set)."""

    item_id: str
    outcome: str
    path: str | None = None
    error: Message | str | None = None


def load(ctx: Context) -> list[q.Item]:
    return q.list_items(ctx)


def restore(ctx: Context, ids: list[str], to: str | None, on_conflict: str, allow: bool) -> list[Done]:
    """Restore each item; with ``on_conflict="skip"`` an existing file is reported as ``exists`` untouched."""
    results = []
    for item_id in ids:
        try:
            outcome = q.restore(ctx, item_id, to=to, on_conflict=on_conflict, allow=allow)
        except RingfenceError as exc:
            results.append(Done(item_id, "failed", error=exc.msg))
            continue
        results.append(Done(item_id, "exists" if outcome.action == "skipped" else outcome.action, outcome.path))
    return results


def delete(ctx: Context, ids: list[str]) -> list[Done]:
    results = []
    for item_id in ids:
        try:
            q.delete(ctx, item_id)
        except RingfenceError as exc:
            results.append(Done(item_id, "failed", error=exc.msg))
        else:
            results.append(Done(item_id, "deleted"))
    return results


def allowed(ctx: Context) -> list[q.AllowEntry]:
    """The user's allow-list, newest first."""
    return q.allowed_entries(ctx)


def disallow(ctx: Context, hashes: list[str]) -> int:
    return sum(q.disallow(ctx, digest) for digest in hashes)
