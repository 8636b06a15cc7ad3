"""Searching the journal for what its reader sees: an event's message rendered in the reader's language
(dates and labels included) and its raw arguments (paths, threat names).

The rendering belongs to the edge (Qt Linguist, the user's locale), so the caller passes it in; core
walks the filtered events newest first, in batches, and stops after :data:`SEARCH_LIMIT` of them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from app.core.foundation.store import Store
from app.core.journal import events
from app.core.journal.events import Event

SEARCH_LIMIT = 20_000  # the newest events in the filter that a search reads
BATCH = 500


@dataclass(frozen=True)
class Found:
    events: list[Event]  # the page asked for, newest first
    total: int  # matches among the events searched
    offset: int  # where the page starts (moved back onto the last page when asked past the end)
    limited: bool  # older events in the filter were not searched


def _arg_texts(value: Any) -> Iterable[str]:
    """The plain values among an event's arguments (nested messages and moments show in the message)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, bool):
        return
    elif isinstance(value, int | float):
        yield str(value)
    elif isinstance(value, list):
        for item in value:
            yield from _arg_texts(item)


def matches(event: Event, needle: str, render: Callable[[Event], str]) -> bool:
    """Whether ``needle`` (casefolded) is in the rendered message or one of the raw arguments."""
    if needle in render(event).casefold():
        return True
    return any(needle in value.casefold() for arg in event.args.values() for value in _arg_texts(arg))


def search(store: Store, text: str, render: Callable[[Event], str], *, kinds: Iterable[str] | None = None,
           since: float | None = None, until: float | None = None, offset: int = 0, limit: int = 100,
           bound: int = SEARCH_LIMIT) -> Found:
    """A page of the events whose rendered message (``render(event)``) or arguments contain ``text``,
    case-insensitively, among the newest ``bound`` events in the filter. Slow (> 50 ms) on a long journal."""
    needle = text.casefold()
    kinds = None if kinds is None else list(kinds)
    found: list[Event] = []
    searched, before = 0, None
    while True:
        if searched >= bound:  # were there older events in the filter that the search did not read?
            older = events.query(store, kinds=kinds, since=since, until=until, before=before, limit=1)
            return _page(found, offset, limit, limited=bool(older))
        want = min(BATCH, bound - searched)
        batch = events.query(store, kinds=kinds, since=since, until=until, before=before, limit=want)
        found += [event for event in batch if matches(event, needle, render)]
        searched += len(batch)
        if len(batch) < want:
            return _page(found, offset, limit, limited=False)
        before = batch[-1].id

def _page(found: list[Event], offset: int, limit: int, *, limited: bool) -> Found:
    offset = max(0, min(offset, (max(len(found), 1) - 1) // limit * limit))
    return Found(found[offset:offset + limit], len(found), offset, limited)
