"""History shows the real journal: filtered by kind, searched, paged, and live as events arrive."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.core import events
from app.core.context import Context
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
