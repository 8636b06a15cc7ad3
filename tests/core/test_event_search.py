"""Searching the journal for what the reader sees — on a real state database, with core's English
rendering standing in for the console's."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.core.context import Context
from app.core.journal import events
from app.core.journal import search as event_search
from app.core.journal.events import Event
from app.core.text.messages import render


@pytest.fixture
def ctx() -> Iterator[Context]:
    with Context.open() as context:
        yield context


def english(event: Event) -> str:
    return render(event.message)


def test_the_search_matches_the_rendered_sentence_and_the_raw_arguments_not_hidden_codes(ctx: Context) -> None:
    started = events.record(ctx.store, "scan.started", scan_id=1, scan_kind="quick")
    found = events.record(ctx.store, "threat.found", threat="EICAR_Test_File", path="/home/u/Downloads/eicar.com")
    events.record(ctx.store, "updates.activated", version="42")

    def ids(text: str) -> list[int]:
        return [e.id for e in event_search.search(ctx.store, text, english).events]

    assert ids("QUICK SCAN") == [started]  # the label the sentence shows, case-insensitively
    assert ids("downloads/EICAR") == [found]  # part of a path
    assert ids("was found in") == [found]  # words of the sentence only, in no argument
    assert ids("scan_kind") == ids("threat.found") == []  # argument names and codes are not shown
    assert ids("are now active") == [events.latest_id(ctx.store)]


def test_the_search_pages_over_the_matches_and_says_when_it_read_only_the_newest(ctx: Context) -> None:
    for i in range(25):
        events.record(ctx.store, "quarantine.restored", path=f"/data/report-{i}.pdf")
        events.record(ctx.store, "updates.activated", version=str(i))
    first = event_search.search(ctx.store, "report-", english, offset=0, limit=10)
    assert (first.total, first.offset, first.limited) == (25, 0, False)
    assert [e.args["path"] for e in first.events] == [f"/data/report-{i}.pdf" for i in range(24, 14, -1)]
    last = event_search.search(ctx.store, "report-", english, offset=100, limit=10)  # past the end: the last page
    assert (last.offset, [e.args["path"] for e in last.events]) == (20, [f"/data/report-{i}.pdf" for i in range(4, -1, -1)])

    bounded = event_search.search(ctx.store, "report-", english, bound=20)  # the newest 20 of 50 events
    assert (bounded.total, bounded.limited) == (10, True)
    exact = event_search.search(ctx.store, "report-", english, kinds=["quarantine"], bound=25)
    assert (exact.total, exact.limited) == (25, False)  # exactly all the events in the filter: nothing left out
    assert event_search.search(ctx.store, "report-", english, kinds=["updates"]).total == 0
