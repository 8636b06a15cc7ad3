"""The console's housekeeping on real state: at start-up the journal is pruned to ``history.keep_days`` and
quarantined items older than ``quarantine.purge_days`` are deleted; the daily run does it again later."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.core import quarantine as q
from app.core.context import Context
from app.core.foundation.paths import get_paths
from app.core.foundation.settings import Settings
from app.core.journal import events
from app.ui.housekeeping import Housekeeping
from app.ui.workers import Workers
from tests.ui.conftest import make_console

DAY = 86400.0


def _settings(keep_days: int, purge_days: int) -> None:
    settings = Settings.load(get_paths().ensure().settings_file)
    settings.set("history.keep_days", keep_days)
    settings.set("quarantine.purge_days", purge_days)
    settings.save()


def _quarantined(ctx: Context, path: Path, age_days: float) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"something unwanted " + path.name.encode())
    item = q.quarantine_by_hand(ctx, path).item_id
    assert item is not None
    with ctx.store.transaction() as conn:
        conn.execute("UPDATE quarantine_items SET quarantined_at = ? WHERE id = ?", (time.time() - age_days * DAY, item))
    return item


def _codes(ctx: Context) -> list[str]:
    return [e.code for e in events.events_since(ctx.store, 0)]


def test_start_up_prunes_the_journal_and_purges_old_quarantine_items(qtbot: QtBot, qapp: QApplication,
                                                                     tmp_path: Path) -> None:
    _settings(keep_days=7, purge_days=30)
    with Context.open() as ctx:
        old_event = events.record(ctx.store, "scan.cancelled", when=time.time() - 40 * DAY, scan_id=1)
        old_item = _quarantined(ctx, tmp_path / "old" / "junk.exe", age_days=45)
        new_item = _quarantined(ctx, tmp_path / "new" / "fresh.exe", age_days=2)
        assert old_event in [e.id for e in events.events_since(ctx.store, 0)]
    app = make_console(qapp)
    try:
        app.start()
        qtbot.waitUntil(lambda: app.housekeeping.last is not None, timeout=20_000)
        report = app.housekeeping.last
        assert report is not None and report.problems == []
        assert report.events_pruned == 1 and report.quarantine_purged == [old_item]
        assert app.housekeeping.timer.isActive()
    finally:
        app.quit()
    with Context.open() as ctx:
        assert old_event not in [e.id for e in events.events_since(ctx.store, 0)]
        assert [item.id for item in q.list_items(ctx)] == [new_item]
        assert "quarantine.purged" in _codes(ctx)


def test_the_daily_run_repeats_the_work_while_the_console_runs(qtbot: QtBot, rf_home: Path, tmp_path: Path) -> None:
    _settings(keep_days=7, purge_days=30)
    workers = Workers(get_paths().ensure())
    keeping = Housekeeping(workers, interval_ms=300)
    try:
        keeping.start()
        qtbot.waitUntil(lambda: keeping.runs >= 1, timeout=20_000)
        with Context.open() as ctx:  # state that turns old while the console runs
            stale = events.record(ctx.store, "scan.cancelled", when=time.time() - 8 * DAY, scan_id=2)
            item = _quarantined(ctx, tmp_path / "later" / "junk.exe", age_days=31)
        qtbot.waitUntil(lambda: keeping.last is not None and keeping.last.quarantine_purged == [item], timeout=20_000)
        assert keeping.runs >= 2
        with Context.open() as ctx:
            assert stale not in [e.id for e in events.events_since(ctx.store, 0)]
            assert q.list_items(ctx) == []
    finally:
        keeping.stop()
        assert workers.shutdown()
