"""The event journal: append, read since an id, filter and page, prune — on a real state database."""

from __future__ import annotations

import pytest

from app.core.context import Context
from app.core.journal import events
from app.core.text.messages import render, translate


@pytest.fixture
def ctx() -> Context:
    with Context.open() as context:
        yield context


def test_every_catalog_entry_has_a_known_kind_and_severity_and_fills_its_fields() -> None:
    for code, etype in events.CATALOG.items():
        assert etype.kind in events.KINDS, code
        assert etype.severity in events.SEVERITIES, code
        placeholders = {f"%{i + 1}" for i in range(len(etype.fields))}
        assert all(p in etype.text.source for p in placeholders), code
        assert ("%n" in etype.text.source) == (etype.count is not None), code


def test_events_are_read_back_in_order_with_their_message(ctx: Context) -> None:
    first = events.record(ctx.store, "scan.finished", files=12, threats=1, errors=0, scan_id=4)
    reason = translate("Updates", "rule %1 does not compile").arg("r1")
    second = events.record(ctx.store, "updates.rejected", version="7", step="compile", reason=reason)
    assert 0 < first < second == events.latest_id(ctx.store)
    got = events.events_since(ctx.store, 0)
    assert [e.code for e in got] == ["scan.finished", "updates.rejected"]
    assert render(got[0].message) == "Scan finished: 12 files checked; threats found: 1; not checked: 0."
    assert render(got[1].message) == "Definitions 7 were refused at the rule compilation step: rule r1 does not compile"
    assert events.events_since(ctx.store, first) == got[1:]


def test_query_filters_by_kind_time_and_text_and_pages_newest_first(ctx: Context) -> None:
    for i in range(30):
        events.record(ctx.store, "quarantine.restored", when=1000.0 + i, path=f"/home/ann/file{i}.txt")
    events.record(ctx.store, "updates.activated", when=2000.0, version="9")
    assert events.count(ctx.store) == 31
    assert events.count(ctx.store, kinds=["updates"]) == 1
    page = events.query(ctx.store, kinds=["quarantine"], limit=10, offset=10)
    assert [e.args["path"] for e in page][:2] == ["/home/ann/file19.txt", "/home/ann/file18.txt"]
    assert [e.code for e in events.query(ctx.store, since=1500.0)] == ["updates.activated"]
    assert events.count(ctx.store, text="file2") == 1 + 10  # file2 and file20..file29
    assert events.count(ctx.store, text="100%") == 0  # LIKE wildcards in the search are literal


def test_prune_drops_only_old_events(ctx: Context) -> None:
    events.record(ctx.store, "updates.activated", when=0.0, version="1")
    events.record(ctx.store, "updates.activated", when=100 * 86400.0, version="2")
    assert events.prune(ctx.store, keep_days=30, now=101 * 86400.0) == 1
    assert [e.args["version"] for e in events.events_since(ctx.store, 0)] == ["2"]


def test_an_unknown_code_is_a_programming_error_and_a_stored_unknown_code_still_reads(ctx: Context) -> None:
    with pytest.raises(ValueError):
        events.record(ctx.store, "no.such.code")
    ctx.store.ensure(events.EVENTS_SCHEMA)
    with ctx.store.transaction() as conn:
        conn.execute("INSERT INTO events(time, kind, severity, code, args) VALUES (1, 'scan', 'info', 'future.code', '{\"a\": 1}')")
    (event,) = events.events_since(ctx.store, 0)
    assert render(event.message) == 'future.code ({"a": 1})'


def test_a_broken_database_never_fails_the_operation(ctx: Context) -> None:
    ctx.store.ensure(events.EVENTS_SCHEMA)
    with ctx.store.transaction() as conn:
        conn.execute("DROP TABLE events")
    assert events.record(ctx.store, "updates.activated", version="3") == 0
