"""History shows the real journal: filtered by kind, searched, paged, and live as events arrive."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.core.context import Context
from app.core.journal import events
from app.core.journal.search import SEARCH_LIMIT
from app.ui.i18n import text
from app.ui.pages.history import PAGE_SIZE, HistoryPage
from tests.ui.conftest import Console
from tests.ui.pages import loaded


def shown(page: HistoryPage) -> list[str]:
    model = page.proxy
    return [model.index(r, 3).data() for r in range(model.rowCount())]




def test_history_filters_searches_and_pages(qtbot: QtBot, console: Console, ctx: Context) -> None:
    events.record(ctx.store, "quarantine.added", path="/home/u/Downloads/eicar.com", threat="EICAR_Test_File")
    events.record(ctx.store, "updates.rolled_back", version="2", to_version="1", trigger="the engine crashed")
    for i in range(PAGE_SIZE + 5):
        events.record(ctx.store, "scan.finished", files=i, threats=0, errors=0)
    page = HistoryPage(console)
    qtbot.addWidget(page)
    page.show()
    loaded(qtbot, page, 0)
    assert page.model.rowCount() == PAGE_SIZE
    assert page.position.text() == "Events 1–100 of 107"
    assert page.older.isEnabled() and not page.newer.isEnabled()
    loads = page.loads
    page.older.click()
    loaded(qtbot, page, loads)
    assert page.model.rowCount() == 7
    assert any("rolled back to 1 during probation: the engine crashed" in t for t in shown(page))

    loads = page.loads
    page.kind_boxes["scan"].setChecked(False)
    loaded(qtbot, page, loads)
    assert sorted(shown(page)) == sorted([
        "/home/u/Downloads/eicar.com was moved to the quarantine (EICAR_Test_File).",
        "Definitions 2 were rolled back to 1 during probation: the engine crashed"])
    for row in range(page.proxy.rowCount()):  # severity is a marker in its column, not a page of bold rows
        index = page.proxy.index(row, 2)
        severity = page.model.rows[page.proxy.mapToSource(index).row()].severity
        assert (index.data(Qt.ItemDataRole.DecorationRole) is not None) == (severity in ("warning", "critical"))
        assert page.proxy.index(row, 3).data(Qt.ItemDataRole.FontRole) is None

    loads = page.loads
    page.search.setText("eicar")
    loaded(qtbot, page, loads)
    assert shown(page) == ["/home/u/Downloads/eicar.com was moved to the quarantine (EICAR_Test_File)."]


def test_history_reloads_when_the_journal_reports_new_events(qtbot: QtBot, console: Console, ctx: Context) -> None:
    page = HistoryPage(console)
    qtbot.addWidget(page)
    page.show()
    loaded(qtbot, page, 0)
    assert page.model.rowCount() == 0 and page.position.text() == "No events match these filters."
    events.record(ctx.store, "engine.crashed", file="/tmp/bad.zip", version="3")
    loads = page.loads
    assert console.poll()
    loaded(qtbot, page, loads)
    assert shown(page) == ["The scanner engine stopped while checking /tmp/bad.zip (definitions 3) and was restarted."]


def search(qtbot: QtBot, page: HistoryPage, text: str) -> list[str]:
    loads = page.loads
    page.search.setText(text)
    loaded(qtbot, page, loads)
    return shown(page)


def test_the_search_finds_words_of_the_shown_sentence_and_pages_over_the_matches(
        qtbot: QtBot, console: Console, ctx: Context) -> None:
    for i in range(PAGE_SIZE + 20):
        events.record(ctx.store, "quarantine.restored", path=f"/home/u/report-{i}.pdf")
        events.record(ctx.store, "scan.finished", files=i, threats=0, errors=0)
    page = HistoryPage(console)
    qtbot.addWidget(page)
    page.show()
    loaded(qtbot, page, 0)
    assert page.position.text() == f"Events 1–100 of {2 * (PAGE_SIZE + 20)}"

    found = search(qtbot, page, "RESTORED FROM")  # in the sentence, in no argument; any case
    assert len(found) == PAGE_SIZE and all(t.endswith("was restored from the quarantine.") for t in found)
    assert page.position.text() == f"Events 1–100 of {PAGE_SIZE + 20}" and page.older.isEnabled()
    assert page.limited.isHidden()
    loads = page.loads
    page.older.click()
    loaded(qtbot, page, loads)
    assert sorted(shown(page)) == sorted(f"/home/u/report-{i}.pdf was restored from the quarantine."
                                         for i in range(20))
    assert page.position.text() == f"Events 101–{PAGE_SIZE + 20} of {PAGE_SIZE + 20}"
    assert not page.older.isEnabled() and page.newer.isEnabled()

    assert search(qtbot, page, "report-7.pdf") == ["/home/u/report-7.pdf was restored from the quarantine."]
    assert page.offset == 0  # a new search starts at its newest match
    assert search(qtbot, page, "files checked; threats found: 0") != []
    loads = page.loads
    page.kind_boxes["scan"].setChecked(False)  # the filters still apply to a search
    loaded(qtbot, page, loads)
    assert shown(page) == [] and page.position.text() == "No events match these filters."


def test_in_german_the_search_finds_what_the_german_page_shows(qtbot: QtBot, console: Console, ctx: Context,
                                                                german: None) -> None:
    events.record(ctx.store, "scan.started", scan_id=1, scan_kind="quick")
    events.record(ctx.store, "scan.started", scan_id=2, scan_kind="full")
    events.record(ctx.store, "threat.found", threat="EICAR_Test_File", path="/home/u/Downloads/eicar.com")
    events.record(ctx.store, "updates.activated", version="42")
    page = HistoryPage(console)
    qtbot.addWidget(page)
    page.show()
    loaded(qtbot, page, 0)
    assert len(shown(page)) == 4

    assert search(qtbot, page, "schnellprüfung") == ["Eine Prüfung hat begonnen: Schnellprüfung."]
    assert page.position.text() == "Ereignisse 1–1 von 1"
    assert search(qtbot, page, "Downloads/eicar") == [text(events.query(ctx.store, kinds=["threat"])[0].message)]
    assert len(search(qtbot, page, "Prüfung hat begonnen")) == 2
    assert search(qtbot, page, "Quick scan") == search(qtbot, page, "are now active") == []  # the English is not shown


def test_a_search_over_a_long_journal_says_it_read_only_the_newest_events(qtbot: QtBot, console: Console,
                                                                          ctx: Context) -> None:
    ctx.store.ensure(events.EVENTS_SCHEMA)  # a long journal, written in one transaction to keep the test short
    with ctx.store.transaction() as conn:
        conn.executemany("INSERT INTO events(time, kind, severity, code, args) VALUES (?, ?, ?, ?, ?)",
                         [(1_700_000_000 + i, "quarantine", "info", "quarantine.restored",
                           json.dumps({"path": f"/home/u/file-{i}.pdf"})) for i in range(SEARCH_LIMIT + 10)])
    page = HistoryPage(console)
    qtbot.addWidget(page)
    page.show()
    loaded(qtbot, page, 0)
    assert page.limited.isHidden()
    assert search(qtbot, page, "file-5.pdf") == []  # among the oldest ten: not searched
    assert not page.limited.isHidden()
    assert page.limited.text() == "Only the newest 20,000 events were searched."
    assert search(qtbot, page, f"file-{SEARCH_LIMIT + 9}.pdf") != [] and not page.limited.isHidden()
    page.search.clear()
    loaded(qtbot, page, page.loads)
    assert page.limited.isHidden()
