"""History you can keep and look at: the History page exports what it shows (or everything) through a file
dialog that never blocks the console, says in one sentence when it cannot, and draws an activity chart of
the real journal that reads in light and dark palettes, with a text summary for everyone."""

from __future__ import annotations

import math
import time
from pathlib import Path

from PySide6.QtCore import QLocale, QPoint
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from app.core.context import Context
from app.core.journal import events, export
from app.core.journal.activity import activity
from app.ui.i18n import text
from app.ui.pages.history import HistoryPage
from app.ui.widgets.activity_chart import ActivityChart
from tests.ui.conftest import Console
from tests.ui.pages import loaded

DAY = 86400


def fill(ctx: Context) -> None:
    now = time.time()
    for day in (0, 1, 3, 6):
        events.record(ctx.store, "scan.finished", when=now - day * DAY, scan_id=day, scan_kind="quick",
                      files=2000 * (day + 1), threats=1 if day == 3 else 0, errors=0)
    events.record(ctx.store, "threat.found", when=now - 3 * DAY, scan_id=3, threat="EICAR_Test_File",
                  path="/home/u/=2+3\u202egpj.exe")
    events.record(ctx.store, "quarantine.added", when=now - 3 * DAY + 1, path="/home/u/=2+3\u202egpj.exe",
                  threat="EICAR_Test_File")
    events.record(ctx.store, "updates.activated", when=now - 1 * DAY, version="2026.12.05")


def opened(qtbot: QtBot, console: Console) -> HistoryPage:
    page = HistoryPage(console)
    qtbot.addWidget(page)
    page.show()
    loaded(qtbot, page, 0)
    return page


def test_the_events_shown_are_exported_through_a_dialog_that_does_not_block(
        qtbot: QtBot, console: Console, ctx: Context, tmp_path: Path) -> None:
    fill(ctx)
    page = opened(qtbot, console)
    loads = page.loads
    page.kind_boxes["scan"].setChecked(False)
    page.search.setText("gpj")
    loaded(qtbot, page, loads)
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 2)
    page.export_shown.trigger()  # returns at once: the dialog is open, the console goes on
    dialog = page.findChild(QFileDialog)
    assert dialog is not None and dialog.isVisible() and dialog.acceptMode() == QFileDialog.AcceptMode.AcceptSave
    target = tmp_path / "shown.csv"
    dialog.fileSelected.emit(str(target))  # the user's choice
    qtbot.waitUntil(page.notice.isVisible, timeout=20_000)
    assert page.notice.label.text() == f"2 events exported to {target}."
    view = export.select(ctx.store, lambda e: text(e.message), kinds=[k for k in events.KINDS if k != "scan"],
                         search="gpj")
    assert [(e.id, e.code, e.args) for e in export.read_export(target)] == [(e.id, e.code, e.args) for e in view]
    content = target.read_text(encoding="utf-8-sig")
    assert "\u202e" not in content and "<U+202E>" in content  # the name as it is, the trick visible
    page.export_all.trigger()
    every = tmp_path / "every.json"
    dialog = [d for d in page.findChildren(QFileDialog) if d.isVisible()][-1]
    dialog.fileSelected.emit(str(every))
    qtbot.waitUntil(every.exists, timeout=20_000)
    assert len(export.read_export(every)) == events.count(ctx.store)


def test_an_export_that_cannot_be_written_says_why_and_replaces_nothing(
        qtbot: QtBot, console: Console, ctx: Context, tmp_path: Path) -> None:
    fill(ctx)
    page = opened(qtbot, console)
    page.export_to(str(tmp_path / "missing" / "history.csv"), every=True)
    qtbot.waitUntil(page.notice.isVisible, timeout=20_000)
    assert page.notice.label.text() == (f"The folder {tmp_path / 'missing'} does not exist. Choose another place "
                                        "for the export.")
    kept = tmp_path / "kept.csv"
    kept.write_text("mine\n")
    page.notice.hide()
    page.export_to(str(kept), every=True)  # not from the dialog, which asks before replacing
    qtbot.waitUntil(page.notice.isVisible, timeout=20_000)
    assert page.notice.label.text() == f"{kept} exists already. Choose another name, or allow replacing it."
    assert kept.read_text() == "mine\n"


def background_and_bars(chart: ActivityChart) -> tuple[QImage, QColor]:
    image = chart.grab().toImage()
    return image, image.pixelColor(QPoint(chart.width() - 2, 2))  # a corner no bar reaches


def bar_pixels(chart: ActivityChart, image: QImage, row: int, index: int) -> list[QColor]:
    values = chart.rows()[row][2]
    rect = chart.bar_rect(row, index, values[index], max(values))  # the pixels wholly inside it
    return [image.pixelColor(QPoint(x, y)) for x in range(math.ceil(rect.left()), math.floor(rect.right()))
            for y in range(math.ceil(rect.top()), math.floor(rect.bottom()))]


def test_the_activity_chart_paints_the_real_journal_in_light_and_dark(
        qtbot: QtBot, console: Console, ctx: Context) -> None:
    fill(ctx)
    page = opened(qtbot, console)
    chart = page.chart
    assert chart.activity is not None and chart.activity.unit == "day" and len(chart.activity.buckets) == 7
    assert page.chart_summary.text() == (f"Last 7 days — files checked: {QLocale().toString(28_000)}; scans: 4; "
                                         "threats found: 1; definitions updates installed: 1.")
    assert chart.accessibleDescription() == page.chart_summary.text()
    standalone = ActivityChart()
    qtbot.addWidget(standalone)
    standalone.resize(600, standalone.sizeHint().height())
    standalone.set_activity(activity(ctx.store, 365))
    for scheme in ("light", "dark"):
        palette = QPalette(standalone.palette())
        if scheme == "dark":
            for role, colour in ((QPalette.ColorRole.Window, "#202020"), (QPalette.ColorRole.WindowText, "#f0f0f0"),
                                 (QPalette.ColorRole.Highlight, "#3d8ee6")):
                palette.setColor(role, QColor(colour))
        standalone.setPalette(palette)
        standalone.setAutoFillBackground(True)
        image, background = background_and_bars(standalone)
        assert background == palette.color(QPalette.ColorRole.Window)
        buckets = standalone.activity.buckets if standalone.activity else ()
        for row, name in enumerate(("files", "threats", "updates")):
            for index, bucket in enumerate(buckets):
                value = getattr(bucket, name)
                if value:  # a bar: not one pixel of it is background
                    pixels = bar_pixels(standalone, image, row, index)
                    assert pixels and all(p != background for p in pixels), (scheme, name, index)
        label_area = [image.pixelColor(QPoint(x, y)) for x in range(0, standalone.bar_rect(0, 0, 0, 1).toRect().left())
                      for y in range(0, standalone.height())]
        text_colour = palette.color(QPalette.ColorRole.WindowText)
        assert any(abs(p.lightness() - background.lightness()) > 100 for p in label_area)  # labels readable
        assert abs(text_colour.lightness() - background.lightness()) > 100
        empty = [i for i, b in enumerate(buckets) if not b.files]
        assert empty
        x = round(standalone.bar_rect(0, empty[0], 1, 1).center().x())
        baseline_above = standalone.bar_rect(0, empty[0], 1, 1).toRect().top() + 2
        assert image.pixelColor(QPoint(x, baseline_above)) == background  # no bar where nothing was scanned


def test_the_chart_and_its_summary_read_in_german(qtbot: QtBot, console: Console, ctx: Context, german: None) -> None:
    fill(ctx)
    page = opened(qtbot, console)
    assert page.chart_summary.text().startswith("Letzte 7 Tage — geprüfte Dateien: ")
    assert page.chart.rows()[0][0] == "Geprüfte Dateien"
    assert page.export_button.text() == "E&xportieren …"

