"""Names that lie, in the real console offscreen: a right-to-left override shows as ``<U+202E>`` and the
name is isolated, and a name that looks like HTML stays text — in the Scan and Quarantine tables, their
tooltips, History, the restore-conflict question, the question a threat asks (scan or real-time
protection), the notice line and the current-file label."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from app.core.context import Context
from app.core.journal import events
from app.engine.eicar import eicar_bytes
from app.ui.application import ConsoleApp
from app.ui.dialogs.threat_choice import Pending, ThreatChoiceDialog
from app.ui.pages.history import HistoryPage
from app.ui.pages.quarantine import QuarantinePage
from app.ui.pages.scan import ScanPage
from app.ui.widgets.elided_label import ElidedLabel
from tests.quarantine.conftest import make_file, quarantine
from tests.ui.conftest import Console
from tests.ui.pages import loaded, open_page

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="such names cannot be made on Windows")

RLO = "photo\u202egpj.exe"  # shows as "photoexe.jpg" where bidi controls are obeyed
HTML = "invoice.pdf<b><!--.exe"  # restored, it read "restored to …/invoice.pdf" in bold
ISOLATED_RLO = "\u2068photo<U+202E>gpj.exe\u2069"


def column(model: object, col: int) -> list[str]:
    return [model.index(r, col).data() for r in range(model.rowCount())]  # type: ignore[attr-defined]


def test_the_scan_table_and_its_tooltips_show_names_as_they_are(qtbot: QtBot, console_app: ConsoleApp,
                                                                tmp_path: Path) -> None:
    make_file(tmp_path / "tree" / RLO, eicar_bytes())
    make_file(tmp_path / "tree" / HTML, eicar_bytes())
    console_app.start()
    page = console_app.window.pages["scan"]
    assert isinstance(page, ScanPage)
    page.action.setCurrentIndex(page.action.findData("report"))
    page.start_scan("custom", [str(tmp_path / "tree")])
    qtbot.waitUntil(lambda: not page.running and page.summary is not None, timeout=120_000)
    model = page.results.model
    assert sorted(column(model, 0)) == sorted([ISOLATED_RLO, HTML])
    assert not any("\u202e" in name for name in column(model, 0))
    tips = column_tips(model, 0)
    assert f"<qt>{tmp_path / 'tree'}/{HTML.replace('<', '&lt;').replace('>', '&gt;')}</qt>" in tips
    assert f"\u2068{tmp_path / 'tree'}/photo<U+202E>gpj.exe\u2069" in tips
    assert page.outcome.textFormat() == Qt.TextFormat.PlainText


def column_tips(model: object, col: int) -> list[str]:
    return [model.index(r, col).data(Qt.ItemDataRole.ToolTipRole) for r in range(model.rowCount())]  # type: ignore[attr-defined]


def test_quarantine_table_notice_and_restore_conflict_keep_names_as_text(qtbot: QtBot, console: Console, ctx: Context,
                                                                         tmp_path: Path) -> None:
    rlo = make_file(tmp_path / "Downloads" / RLO, b"pretend payload " * 10)
    html = make_file(tmp_path / "Downloads" / HTML, b"another payload " * 10)
    assert quarantine(ctx, rlo).action == "quarantined" and quarantine(ctx, html).action == "quarantined"
    page = open_page(qtbot, QuarantinePage, console)
    assert sorted(column(page.proxy, 0)) == sorted([ISOLATED_RLO, HTML])
    row = column(page.proxy, 0).index(HTML)
    assert page.proxy.index(row, 0).data(Qt.ItemDataRole.ToolTipRole).startswith("<qt>") and "&lt;b&gt;" in \
        page.proxy.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)

    page.table.selectRow(row)
    loads = page.loads
    page.restore_button.click()
    loaded(qtbot, page, loads)
    qtbot.waitUntil(html.exists, timeout=10_000)
    qtbot.waitUntil(page.notice.isVisible, timeout=10_000)
    label = page.notice.label
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert label.text() == f"The file was restored to {html}."  # the whole name, as text

    make_file(rlo, b"a new file of the same name")  # now restoring the other one meets it
    page.table.clearSelection()
    page.table.selectRow(column(page.proxy, 0).index(ISOLATED_RLO))
    page.restore_button.click()
    qtbot.waitUntil(lambda: page.question is not None and page.question.isVisible(), timeout=10_000)
    box = page.question
    assert box is not None
    assert box.informativeText() == f"\u2068{rlo.parent}/photo<U+202E>gpj.exe\u2069"
    labels = [w for w in box.findChildren(QLabel) if w.objectName() in ("qt_msgbox_label", "qt_msgbox_informativelabel")]
    assert len(labels) == 2 and all(w.textFormat() == Qt.TextFormat.PlainText for w in labels)
    next(b for b in box.buttons() if b.text() == "Cancel").click()


def test_history_isolates_names_so_they_cannot_reverse_the_sentence(qtbot: QtBot, console: Console,
                                                                   ctx: Context) -> None:
    events.record(ctx.store, "quarantine.added", path=f"/home/u/Downloads/{RLO}", threat="EICAR_Test_File")
    page = HistoryPage(console)
    qtbot.addWidget(page)
    page.show()
    loaded(qtbot, page, 0)
    assert column(page.proxy, 3) == [
        "\u2068/home/u/Downloads/photo<U+202E>gpj.exe\u2069 was moved to the quarantine (EICAR_Test_File)."]


def test_the_question_a_threat_asks_and_the_current_file_show_names_as_they_are(qtbot: QtBot) -> None:
    dialog = ThreatChoiceDialog()
    qtbot.addWidget(dialog)
    dialog.add(Pending("k1", f"/home/u/Downloads/{RLO}", "EICAR_Test_File"))
    dialog.add(Pending("k2", f"/home/u/Downloads/{HTML}", "EICAR_Test_File"))
    first, second = dialog.list.topLevelItem(0), dialog.list.topLevelItem(1)
    assert first is not None and second is not None
    assert first.text(0) == ISOLATED_RLO and second.text(0) == HTML
    assert first.toolTip(0) == "\u2068/home/u/Downloads/photo<U+202E>gpj.exe\u2069"
    assert second.toolTip(0) == "<qt>/home/u/Downloads/invoice.pdf&lt;b&gt;&lt;!--.exe</qt>"
    assert dialog.hint.textFormat() == Qt.TextFormat.PlainText

    current = ElidedLabel()
    qtbot.addWidget(current)
    current.resize(2000, 30)
    current.set_full_text(f"/home/u/{HTML}\n{RLO}")
    assert current.textFormat() == Qt.TextFormat.PlainText
    assert current.text() == f"\u2068/home/u/{HTML}\\n{'photo<U+202E>gpj.exe'}\u2069"
    assert current.toolTip().startswith("<qt>") and "&lt;!--" in current.toolTip()
