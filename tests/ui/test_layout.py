"""Layout defects seen on screenshots, kept from coming back: a scan's threats in a deep folder fill the
table's width with the folder elided in the middle (whole path in the tooltip, no horizontal scroll bar),
"What changed", short tables and the crash evidence are as tall as what they hold, a finished scan shows no
speed or time left, the settings' numbers are not stretched across the dialog, and dates are never written
with a two-digit year."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QSpinBox, QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from app.core.text.messages import Moment, translate
from app.core.updates.diff import RuleDiff
from app.engine.eicar import eicar_bytes
from app.ui.application import ConsoleApp
from app.ui.dialogs.settings import SettingsDialog
from app.ui.formatting import when
from app.ui.i18n import text
from app.ui.models.rows import Column, RowsModel
from app.ui.pages.scan import ScanPage
from app.ui.pages.updates_calls import Changes
from app.ui.pages.updates_changes import VISIBLE_RULES, ChangesView
from app.ui.widgets.elided_label import ElidedLabel
from app.ui.widgets.fitting_browser import FittingBrowser
from app.ui.widgets.table import MIN_WIDE_WIDTH, ElideMiddle, fit_rows, table_view
from tests.quarantine.conftest import make_file
from tests.ui.conftest import Console

DEEP = ("Mail attachments from the accountant", "2026", "March, the final and signed version", "Scans of letters")


def test_threats_in_a_deep_folder_fill_the_table_and_elide_the_folder_in_the_middle(
        qtbot: QtBot, console: Console, tmp_path: Path) -> None:
    eicar = make_file(tmp_path.joinpath(*DEEP) / "free-game-crack-with-a-long-name.com", eicar_bytes())
    page = ScanPage(console)
    qtbot.addWidget(page)
    page.resize(900, 700)
    page.show()
    page.action.setCurrentIndex(page.action.findData("report"))
    page.start_scan("custom", [str(tmp_path)])
    qtbot.waitUntil(lambda: not page.running and page.summary is not None, timeout=120_000)
    table = page.results.table
    qtbot.waitUntil(lambda: table.model().rowCount() == 1)
    header = table.horizontalHeader()
    assert not table.horizontalScrollBar().isVisible()
    assert header.length() == table.viewport().width()  # the columns fill the width, none beyond it
    folder = table.model().index(0, 1)
    assert folder.data() == str(eicar.parent)
    assert folder.data(Qt.ItemDataRole.ToolTipRole) == str(eicar)
    assert table.model().index(0, 0).data(Qt.ItemDataRole.ToolTipRole) == str(eicar)
    width = header.sectionSize(1)
    assert table.fontMetrics().horizontalAdvance(str(eicar.parent)) > width  # too long: it is elided...
    delegate = table.itemDelegateForColumn(1)
    assert isinstance(delegate, ElideMiddle)
    option = QStyleOptionViewItem()
    delegate.initStyleOption(option, folder)
    assert option.textElideMode == Qt.TextElideMode.ElideMiddle  # ...in the middle: start and end stay
    assert header.sectionSize(1) >= max(header.sectionSize(c) for c in (0, 2, 3))  # the folder gets the room


def test_a_finished_scan_shows_no_speed_time_left_or_current_file(qtbot: QtBot, console: Console,
                                                                   tmp_path: Path) -> None:
    make_file(tmp_path / "letter.txt", b"Dear reader.\n")
    page = ScanPage(console)
    qtbot.addWidget(page)
    page.show()
    page.start_scan("custom", [str(tmp_path)])
    qtbot.waitUntil(lambda: not page.running and page.summary is not None, timeout=120_000)
    view = page.progress_view
    assert view.isVisible() and view.files.isVisible()
    for label in (view.speed, view.remaining, view.current):
        assert not label.isVisible()


def test_what_changed_is_as_tall_as_its_contents(qtbot: QtBot) -> None:
    view = ChangesView()
    qtbot.addWidget(view)
    view.resize(600, 400)
    view.show()
    view.show_changes(Changes(2, 1, "New: one rule.", RuleDiff(added=["a:Rule_One"], unchanged=8)))
    row = view.rules.sizeHintForRow(0)
    assert view.rules.height() < 2 * row + 2 * view.rules.frameWidth() + 4  # one rule: one row, no empty box
    assert view.notes.height() < 3 * view.notes.fontMetrics().height()
    many = [f"a:Rule_{n}" for n in range(40)]
    view.show_changes(Changes(3, 2, "", RuleDiff(added=many)))
    assert view.rules.count() == 40
    assert view.rules.height() < (VISIBLE_RULES + 1) * row + 2 * view.rules.frameWidth() + 4  # the rest scrolls
    view.show_changes(Changes(3, 2, "", RuleDiff()))
    assert not view.rules.isVisibleTo(view)  # no rules changed: no empty list


def test_settings_numbers_are_not_stretched_across_the_dialog(qtbot: QtBot, console_app: ConsoleApp) -> None:
    console_app.start()
    dialog = SettingsDialog(console_app, "scan")
    qtbot.addWidget(dialog)
    dialog.show()
    spin = dialog.fields["scan.max_file_size_mb"].widget
    assert isinstance(spin, QSpinBox)
    qtbot.waitUntil(spin.isVisible)
    assert spin.width() < dialog.width() / 3
    reset = dialog.fields["scan.max_file_size_mb"].reset
    assert 0 <= reset.x() - (spin.x() + spin.width()) < 30  # the reset button beside its field


def test_short_tables_and_evidence_are_as_tall_as_their_rows(qtbot: QtBot) -> None:
    model: RowsModel[str] = RowsModel([Column("Line", lambda s: s)])
    view = table_view(model, "Lines", None)  # type: ignore[arg-type]
    qtbot.addWidget(view)
    fit_rows(view, minimum=2, maximum=6)
    view.show()
    row = view.verticalHeader().defaultSectionSize()
    model.set_rows(["one"])
    two_rows = view.height()
    assert two_rows < view.horizontalHeader().sizeHint().height() + 3 * row  # room for two rows, no more
    model.set_rows([str(n) for n in range(50)])
    assert two_rows < view.height() < view.horizontalHeader().sizeHint().height() + 7 * row + 40  # six, then it scrolls
    browser = FittingBrowser()
    qtbot.addWidget(browser)
    browser.resize(500, 100)
    browser.show()
    browser.setHtml("<b>System log</b>: one line.")
    one_line = browser.height()
    assert one_line < 4 * browser.fontMetrics().height()
    browser.setHtml("<br>".join(f"line {n}" for n in range(6)))
    assert browser.height() > one_line + 4 * browser.fontMetrics().height() - 4  # grows with its text


def test_dates_have_four_digit_years_in_every_language() -> None:
    moment = 1_764_600_000.0  # 1 December 2025, around 14:40 UTC
    before = QLocale()
    try:
        for name in ("de_DE", "en_GB", "en_US"):
            QLocale.setDefault(QLocale(name))
            assert "2025" in when(moment)
            assert "2025" in text(translate("Test", "On %1").arg(Moment(moment)))
    finally:
        QLocale.setDefault(before)


def test_in_a_narrow_window_the_widest_columns_give_way(qtbot: QtBot) -> None:
    long = "Ringfence_Double_Extension_Executable"
    model: RowsModel[str] = RowsModel([Column("Name", lambda s: s), Column("Where", lambda s: f"/home/ann/{s}"),
                                       Column("Threat", lambda s: long), Column("Size", lambda s: "68 bytes")])
    view = table_view(model, "Narrow", None, stretch=1, paths=(1,))
    qtbot.addWidget(view)
    view.resize(520, 200)
    view.show()
    model.set_rows([f"invoice-march-2026-final-signed-{n}.pdf.exe" for n in range(3)])
    header = view.horizontalHeader()
    assert not view.horizontalScrollBar().isVisible()
    assert header.sectionSize(1) >= MIN_WIDE_WIDTH
    assert header.sectionSize(2) < view.fontMetrics().horizontalAdvance(long)  # elided, its tooltip whole
    assert header.sectionSize(3) >= view.fontMetrics().horizontalAdvance("68 bytes")  # small ones untouched
    view.resize(1600, 200)
    qtbot.waitUntil(lambda: header.sectionSize(2) >= view.fontMetrics().horizontalAdvance(long))  # room again


def test_the_file_being_checked_is_elided_in_the_middle_and_follows_the_width(qtbot: QtBot) -> None:
    path = "/home/ann/Documents/Mail attachments from the accountant/2026/March/invoice-march-2026.pdf.exe"
    label = ElidedLabel()
    qtbot.addWidget(label)
    label.resize(220, 20)
    label.show()
    label.set_full_text(path)
    assert "…" in label.text() and label.text().endswith(".pdf.exe") and label.text().startswith("/home")
    assert label.toolTip() == path
    assert label.fontMetrics().horizontalAdvance(label.text()) <= 220
    label.resize(2000, 20)
    qtbot.waitUntil(lambda: label.text() == path)  # room enough: the whole path


def test_no_empty_threat_list_before_a_scan(qtbot: QtBot, console: Console, tmp_path: Path) -> None:
    make_file(tmp_path / "letter.txt", b"Dear reader.\n")
    page = ScanPage(console)
    qtbot.addWidget(page)
    page.show()
    assert not page.results.isVisible()
    page.start_scan("custom", [str(tmp_path)])
    assert page.results.isVisible()  # from the start: threats appear as they are found
    qtbot.waitUntil(lambda: not page.running and page.summary is not None, timeout=120_000)
    assert page.results.isVisible()  # the outcome stays, even with nothing found
