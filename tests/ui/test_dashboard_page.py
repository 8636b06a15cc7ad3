"""The Dashboard on real state: the verdict with a fix button per reason that reaches the application,
and tiles that follow the quarantine, the engine's health, crashes of the PC and scans."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.core.context import Context
from app.core.journal import events
from app.core.recovery.model import CrashReport
from app.core.recovery.seen import SeenCrashes
from app.core.scanning.supervisor import record_event
from app.ui.pages.dashboard import DashboardPage
from tests.quarantine.conftest import make_file, quarantine
from tests.ui.conftest import Console
from tests.ui.pages import open_page


def test_the_verdict_shows_its_reasons_and_each_fix_reaches_the_application(
        qtbot: QtBot, console: Console, monkeypatch: pytest.MonkeyPatch) -> None:
    from app.core.updates.activation import Activator

    # built-in definitions ten days old (the shipped ones may have been built today)
    monkeypatch.setattr(Activator, "definitions_created", lambda self, st: time.time() - 10 * 86400)
    page = open_page(qtbot, DashboardPage, console)
    assert page.banner.level in ("attention", "alert")
    assert page.banner.heading.text() in ("Ringfence needs your attention", "Your protection is at risk")
    overdue = page.banner.fix_buttons["scan.overdue"]
    assert overdue.text() == "Run a quick scan"
    overdue.click()
    assert console.actions == ["scan.quick"]
    age = page.banner.fix_buttons.get("definitions.very_old") or page.banner.fix_buttons["definitions.old"]
    age.click()
    assert console.actions[-1] == "settings.open:updates"  # no channel: the fix is to set one up
    assert page.tiles["definitions"].value.text() == "Built-in definitions"
    assert "update ring: Default" in page.tiles["definitions"].detail.text()
    assert page.tiles["scan"].value.text() == "No scan yet"
    assert page.tiles["quarantine"].value.text() == "0 items"
    assert page.tiles["engine"].value.text() == "Working"
    assert page.tiles["realtime"].value.text() == "Off"
    page.tiles["realtime"].button.click()
    assert console.actions[-1] == "realtime.resume"
    page.tiles["quarantine"].button.click()
    assert console.pages == ["quarantine"]
    assert all(not tile.icon.pixmap().isNull() for tile in page.tiles.values())  # each tile has its icon
    off = page.tiles["realtime"].icon.pixmap().toImage()
    page._realtime({"state": "on"})
    assert page.tiles["realtime"].icon.pixmap().toImage() != off  # the shield follows the state
    assert page.tiles["realtime"].button.text() == "Pause…"
    page.tiles["realtime"].button.click()  # how long: a menu below the button, no "off" in it
    choices = page.pause_menu.actions()  # type: ignore[attr-defined]
    assert [a.text() for a in choices] == ["For 15 minutes", "For 1 hour", "Until Ringfence restarts"]
    choices[1].trigger()
    assert console.actions[-1] == "realtime.pause:3600"
    page.pause_menu.close()  # type: ignore[attr-defined]


def test_tiles_follow_the_journal(qtbot: QtBot, console: Console, ctx: Context, tmp_path: Path) -> None:
    page = open_page(qtbot, DashboardPage, console)
    assert page.tiles["recovery"].value.text() == "No new unexpected restarts"
    quarantine(ctx, make_file(tmp_path / "bad.exe", b"bad"))
    events.record(ctx.store, "quarantine.added", path=str(tmp_path / "bad.exe"), threat="Test_Rule")
    record_event(ctx, "crash", "1", "/tmp/hostile.zip")
    report = CrashReport("bugcheck", datetime.now(UTC), "crash-1", bugcheck_code=0xD1, probable_module="netwtw10.sys")
    assert SeenCrashes(ctx.store).announce([report])  # writes crash.found to the journal
    loads = page.loads
    console.poll()
    qtbot.waitUntil(lambda: page.loads > loads and not page._loading, timeout=20_000)
    assert page.tiles["quarantine"].value.text() == "1 item"
    assert page.tiles["engine"].value.text() == "Crashed recently"
    assert page.tiles["recovery"].value.text() == "Your PC restarted unexpectedly"
    assert "crash.unacknowledged" in page.banner.fix_buttons
    page.tiles["recovery"].button.click()
    assert console.actions[-1] == "recovery.open"


def test_the_self_test_fix_runs_the_real_engine_self_test(qtbot: QtBot, console: Console, ctx: Context) -> None:
    from app.core.scanning.engine_selftest import last_result

    page = open_page(qtbot, DashboardPage, console)
    assert page.handle_action("engine.selftest") and not page.handle_action("scan.quick")
    qtbot.waitUntil(lambda: last_result(ctx.store) is not None, timeout=60_000)
    result = last_result(ctx.store)
    assert result is not None and result.ok
    qtbot.waitUntil(lambda: page.notice.label.text().startswith("The self-test passed"), timeout=20_000)
    qtbot.waitUntil(lambda: page.tiles["engine"].detail.text().startswith("Last self-test passed on "), timeout=20_000)
