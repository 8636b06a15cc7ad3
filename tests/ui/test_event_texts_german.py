"""Journal events read in German as the console shows them (History, notifications): code words become
German labels and times are written the way the German locale writes them — from new rows (timestamps)
and from rows older Ringfence versions wrote (ISO text, a preformatted local time)."""

from __future__ import annotations

import errno
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QDateTime, QLocale
from pytestqt.qtbot import QtBot

from app.core.context import Context
from app.core.journal import events
from app.core.realtime.realtime_messages import watch_failure
from app.core.recovery.model import CrashReport
from app.core.recovery.seen import SeenCrashes
from app.core.text.messages import Moment, render, translate
from app.ui.i18n import text
from app.ui.pages.history import HistoryPage
from tests.ui.conftest import Console
from tests.ui.pages import loaded

CRASHED = datetime(2026, 11, 30, 21, 15, tzinfo=UTC)
ISO_TIME = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")


@pytest.fixture
def ctx(rf_home: Path) -> Iterator[Context]:
    with Context.open() as context:
        yield context


def german_date(timestamp: float) -> str:
    """The German short form with a four-digit year (``30.11.2026 21:15``), as the console writes dates."""
    return QLocale("de").toString(QDateTime.fromMSecsSinceEpoch(int(timestamp * 1000)), "dd.MM.yyyy HH:mm")


def only(ctx: Context, code: str) -> events.Event:
    [event] = [e for e in events.events_since(ctx.store, 0) if e.code == code]
    return event


@pytest.mark.parametrize(("kind", "label"), [("quick", "Schnellprüfung"), ("full", "Vollständige Prüfung"),
                                             ("custom", "Benutzerdefinierte Prüfung"), ("scheduled", "Geplante Prüfung"),
                                             ("from-a-newer-version", "Prüfung")])
def test_a_started_scan_names_its_kind_in_german(ctx: Context, german: None, kind: str, label: str) -> None:
    events.record(ctx.store, "scan.started", scan_id=1, scan_kind=kind)
    shown = text(only(ctx, "scan.started").message)
    assert shown == f"Eine Prüfung hat begonnen: {label}."
    assert kind not in shown


def test_a_found_crash_stores_a_timestamp_and_shows_the_german_date(ctx: Context, german: None) -> None:
    SeenCrashes(ctx.store).announce([CrashReport("bugcheck", CRASHED, "crash-1", bugcheck_code=0x1A)])
    event = only(ctx, "crash.found")
    assert event.args["crash_time"] == CRASHED.timestamp()  # stored as a number, not a sentence or a date text
    shown = text(event.message)
    assert german_date(CRASHED.timestamp()) in shown and not ISO_TIME.search(shown)
    assert shown.startswith("Ihr PC wurde am ") and "0x0000001A" in shown
    assert "2026-11-30" in render(event.message)  # the CLI keeps ISO order


def test_a_crash_journalled_by_an_older_version_still_shows_a_german_date(ctx: Context, german: None) -> None:
    events.record(ctx.store, "crash.found", crash_id="old", crash_time="2026-11-30T21:15:00Z", crash_kind="", stop_code="")
    shown = text(only(ctx, "crash.found").message)
    assert german_date(CRASHED.timestamp()) in shown and "2026-11-30T21:15:00Z" not in shown


def test_a_pause_until_a_time_reads_in_the_german_locale_from_old_and_new_rows(ctx: Context, german: None) -> None:
    until = CRASHED.timestamp()
    events.record(ctx.store, "realtime.paused", until=until)
    old_text = datetime.fromtimestamp(until).strftime("%Y-%m-%d %H:%M")  # how older versions stored it (local time)
    events.record(ctx.store, "realtime.paused", until=old_text)
    shown = [text(e.message) for e in events.events_since(ctx.store, 0)]
    assert shown == [f"Der Echtzeitschutz ist bis {german_date(until)} pausiert."] * 2


def test_a_refused_update_names_its_step_in_german(ctx: Context, german: None) -> None:
    events.record(ctx.store, "updates.rejected", version="7", step="compile", reason="")
    shown = text(only(ctx, "updates.rejected").message)
    assert "„Übersetzen der Regeln“" in shown and "compile" not in shown


def test_a_time_of_day_alone_is_written_by_the_locale(german: None) -> None:
    moment = Moment(CRASHED.timestamp(), "time")
    local = QDateTime.fromMSecsSinceEpoch(int(moment.timestamp * 1000)).time()
    expected = QLocale("de").toString(local, QLocale.FormatType.ShortFormat)
    shown = text(translate("Verdict", "Real-time protection is paused until %1.").arg(moment))
    assert shown == f"Der Echtzeitschutz ist bis {expected} pausiert."


def test_a_folder_that_cannot_be_watched_says_why_in_german(ctx: Context, german: None) -> None:
    events.record(ctx.store, "realtime.watch_failed", folder="/media/stick", reason=watch_failure(errno.ENOENT))
    shown = text(only(ctx, "realtime.watch_failed").message)
    assert "/media/stick" in shown and "den Ordner gibt es nicht" in shown and "does not exist" not in shown


def test_the_history_page_shows_kinds_and_dates_the_german_way(qtbot: QtBot, console: Console, ctx: Context,
                                                                german: None) -> None:
    events.record(ctx.store, "scan.started", scan_id=1, scan_kind="quick")
    SeenCrashes(ctx.store).announce([CrashReport("bugcheck", CRASHED, "crash-1", bugcheck_code=0x1A)])
    page = HistoryPage(console)
    qtbot.addWidget(page)
    page.show()
    loaded(qtbot, page, 0)
    cells = [page.proxy.index(r, 3).data() for r in range(page.proxy.rowCount())]
    assert "Eine Prüfung hat begonnen: Schnellprüfung." in cells
    assert any(german_date(CRASHED.timestamp()) in c for c in cells)
    assert not any(ISO_TIME.search(c) or "quick" in c for c in cells)
