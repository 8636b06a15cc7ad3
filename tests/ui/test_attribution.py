"""Attribution in the console (issue #18): the Scan page, the quarantine, History and the "ask" question
show each detection's category, rule set, author and licence; "Report false positive" shows and saves a
report without the file's name or path and offers to allow the file; "About the definitions" lists each
rule set with its licence text."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.core import quarantine as q
from app.core.context import Context
from app.core.detections.fp_report import journal_args
from app.core.detections.sources import AboutDefinitions
from app.core.journal import events
from app.core.scanning import definitions
from app.ui.dialogs.about_definitions import AboutDefinitionsDialog
from app.ui.dialogs.threat_choice import Pending, ThreatChoiceDialog
from app.ui.pages.history import HistoryPage
from app.ui.pages.quarantine import QuarantinePage
from app.ui.pages.scan import ScanPage
from app.ui.pages.updates import UpdatesPage
from app.ui.widgets.detection_details import category_text
from tests.engine.helpers import ATTRIBUTED_RULES, Source, sample
from tests.quarantine.conftest import scanned, secret_service  # noqa: F401 - a fixture used by name
from tests.ui.conftest import Console
from tests.ui.pages import open_page

AUTHOR = "Jane Example (Example Labs)"
PUA = {"category": "pua", "source": "testset-b", "author": AUTHOR, "licence": "DRL-1.1",
       "reference": "https://example.org/rules/pua-tool"}


def _activate_attributed_rules(ctx: Context) -> None:
    """The attributed test rules as the definitions in use (a plain rules folder as version 99)."""
    folder = ctx.paths.definitions_dir / "versions" / "99"
    shutil.copytree(ATTRIBUTED_RULES, folder)
    definitions.write_pointer(ctx, 99, folder)


def test_the_scan_page_shows_the_provenance_and_reports_a_false_positive(qtbot: QtBot, console: Console,
                                                                         ctx: Context, tmp_path: Path) -> None:
    _activate_attributed_rules(ctx)
    tool = sample(tmp_path / "private-folder" / "my-scanner.exe", "pua")
    page = ScanPage(console)
    qtbot.addWidget(page)
    page.show()
    assert page.action.currentData() == "quarantine"  # the console's default for threats
    page.start_scan("custom", [str(tool.parent)])
    qtbot.waitUntil(lambda: not page.running and page.summary is not None, timeout=120_000)
    results = page.results
    assert results.model.rowCount() == 1 and tool.exists()  # potentially unwanted: reported, not quarantined
    assert [results.model.index(0, c).data() for c in range(2, 4)] == ["RF_Test_PUA_Tool", "Reported only"]
    assert results.model.index(0, 2).data(0x03) == \
        f"Potentially unwanted · rule set testset-b · by {AUTHOR} · licence DRL-1.1"  # the tooltip
    assert results.details.isHidden()
    results.table.selectRow(0)
    shown = results.details.text()
    for value in ("RF_Test_PUA_Tool", "Potentially unwanted", "testset-b", AUTHOR, "DRL-1.1",
                  'href="https://example.org/rules/pua-tool"'):
        assert value in shown
    assert results.report.isEnabled()

    dialog = page.report_false_positive(results.selected())  # type: ignore[arg-type]
    assert dialog is not None and dialog.isVisible()
    preview = dialog.preview.toPlainText()
    assert "RF_Test_PUA_Tool" in preview and scanned(tool)[0] in preview
    out = tmp_path / "reports"
    out.mkdir()
    with qtbot.waitSignal(dialog.saved, timeout=20_000) as saved:
        dialog.save_to(str(out))
    written = Path(saved.args[0])
    report = json.loads(written.read_text(encoding="utf-8"))
    assert report["file"] == {"sha256": scanned(tool)[0], "size": tool.stat().st_size}
    assert {k: report[k] for k in PUA} == PUA
    assert report["definitions_version"] == results.model.rows[0].definitions_version != ""
    for private in ("my-scanner", "private-folder", str(tmp_path)):
        assert private not in written.read_text(encoding="utf-8") and private not in preview
    assert "saved to" in dialog.status.text()
    with qtbot.waitSignal(dialog.allowed, timeout=20_000):
        dialog.allow_button.click()
    assert [e.sha256 for e in q.allowed_entries(ctx)] == [scanned(tool)[0]]
    qtbot.waitUntil(lambda: results.model.index(0, 3).data() == "Allowed", timeout=5_000)


@pytest.mark.usefixtures("secret_service")
def test_the_quarantine_page_shows_the_detection_and_offers_a_report(qtbot: QtBot, console: Console, ctx: Context,
                                                                     tmp_path: Path) -> None:
    path = sample(tmp_path / "tool.exe", "pua")
    digest, stat_key = scanned(path)
    q.quarantine_file(ctx, path, rule="RF_Test_PUA_Tool", engine="yara", definitions_version="99", sha256=digest,
                      scanned_stat=stat_key, provenance=PUA)
    page = open_page(qtbot, QuarantinePage, console)
    columns = page.model.columnCount()
    assert [page.proxy.index(0, c).data() for c in (columns - 2, columns - 1)] == \
        ["Potentially unwanted", f"testset-b · {AUTHOR}"]
    assert not page.report_button.isEnabled()
    page.table.selectRow(0)
    assert AUTHOR in page.details.text() and "DRL-1.1" in page.details.text()
    dialog = page.report_false_positive()
    assert dialog is not None
    assert digest in dialog.preview.toPlainText() and "tool.exe" not in dialog.preview.toPlainText()
    assert dialog.allow_button.isHidden() and "Restore and allow" in dialog.hint.text()  # the page's own button


def test_history_shows_the_attribution_and_reports_from_a_detection(qtbot: QtBot, console: Console, ctx: Context,
                                                                    tmp_path: Path) -> None:
    events.record(ctx.store, "threat.found", threat="EICAR", path="/old/eicar.com")  # from before provenance
    detection = {"path": "/home/u/Downloads/tool.exe", "rule": "RF_Test_PUA_Tool", "engine": "yara",
                 "sha256": "ab" * 32, "definitions_version": "99", "stat": [1234, 0, 0], **PUA}
    events.record(ctx.store, "realtime.detected", path=detection["path"], threat="RF_Test_PUA_Tool",
                  action="reported", decision="reported", file=detection["path"], **journal_args(detection))
    page = open_page(qtbot, HistoryPage, console)
    texts = [page.proxy.index(r, 3).data() for r in range(page.proxy.rowCount())]
    assert texts == [f"Real-time protection found RF_Test_PUA_Tool in /home/u/Downloads/tool.exe: reported "
                     f"(Potentially unwanted · rule set testset-b · by {AUTHOR} · licence DRL-1.1).",
                     "EICAR was found in /old/eicar.com."]
    page.table.selectRow(1)
    assert not page.report.isEnabled()  # recorded without the file's hash
    page.table.selectRow(0)
    assert page.report.isEnabled() and AUTHOR in page.details.text()
    dialog = page.report_false_positive()
    assert dialog is not None
    report = json.loads(dialog.preview.toPlainText())
    assert report["file"] == {"sha256": "ab" * 32, "size": 1234} and report["rule"] == "RF_Test_PUA_Tool"
    assert "tool.exe" not in dialog.preview.toPlainText()


def test_the_ask_question_names_the_kind_and_rule_set(qtbot: QtBot) -> None:
    dialog = ThreatChoiceDialog()
    qtbot.addWidget(dialog)
    dialog.add(Pending("/d/tool.exe", "/d/tool.exe", "RF_Test_PUA_Tool", (), dict(PUA)))
    item = dialog.list.topLevelItem(0)
    assert item is not None
    assert [item.text(c) for c in range(5)] == ["tool.exe", "/d", "RF_Test_PUA_Tool", "Potentially unwanted",
                                                f"testset-b · {AUTHOR}"]
    assert "licence DRL-1.1" in item.toolTip(4)


def test_about_the_definitions_lists_each_rule_set_with_its_licence(qtbot: QtBot) -> None:
    sources = [
        Source("reversinglabs", "ReversingLabs YARA rules", "https://github.com/reversinglabs/reversinglabs-yara-rules",
               "d5a78f3" + "0" * 33, "MIT", "MIT License\n\nCopyright (c) ReversingLabs", 1204, 0, {"threat": 1204}),
        Source("signature-base", "signature-base", "https://github.com/Neo23x0/signature-base", "8a89b3b" + "1" * 33,
               "DRL-1.1", "Detection Rule License (DRL) 1.1", 4413, 1259, {"threat": 3800, "pua": 450, "suspicious": 163}),
        Source("ringfence", "Ringfence's own rules", "", "", "GPL-3.0", "GNU General Public License", 8, 0,
               {"threat": 8}),
    ]
    dialog = AboutDefinitionsDialog(AboutDefinitions("12", "channel", 5617, 1259, sources))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.summary.text() == "Definitions 12 (from the update channel): 5617 rules and 1259 hash signatures."
    second = dialog.sources.topLevelItem(1)
    assert second is not None
    assert [second.text(c) for c in range(6)] == ["signature-base", "DRL-1.1", "8a89b3b11111", "4413", "1259",
                                                  "Potentially unwanted: 450, Suspicious: 163, Threat: 3800"]
    assert dialog.licence.toPlainText().startswith("MIT License")  # the first set, shown at once
    dialog.sources.setCurrentItem(second)
    assert dialog.licence.toPlainText() == "Detection Rule License (DRL) 1.1"
    assert "github.com/Neo23x0/signature-base" in dialog.where.text() and "8a89b3b" in dialog.where.text()
    dialog.sources.setCurrentItem(dialog.sources.topLevelItem(2))
    assert dialog.where.text() == "Licence of Ringfence's own rules: GPL-3.0"
    assert dialog.licence.toPlainText() == "GNU General Public License"


def test_the_updates_page_opens_about_the_definitions(qtbot: QtBot, console: Console) -> None:
    page = open_page(qtbot, UpdatesPage, console)
    page.about_button.click()
    qtbot.waitUntil(lambda: page.about_dialog is not None and page.about_dialog.isVisible(), timeout=20_000)
    dialog = page.about_dialog
    assert dialog is not None
    assert dialog.summary.text().startswith("Definitions ") and "the definitions built into Ringfence" in \
        dialog.summary.text()
    assert not dialog.none.isVisibleTo(dialog) and dialog.sources.isVisibleTo(dialog)
    shown = [dialog.sources.topLevelItem(i).text(0) for i in range(dialog.sources.topLevelItemCount())]  # type: ignore[union-attr]
    assert any("signature-base" in text for text in shown), shown


@pytest.mark.usefixtures("german")
def test_categories_and_attribution_in_german(qtbot: QtBot) -> None:
    dialog = ThreatChoiceDialog()
    qtbot.addWidget(dialog)
    dialog.add(Pending("/d/tool.exe", "/d/tool.exe", "RF_Test_PUA_Tool", (), dict(PUA)))
    item = dialog.list.topLevelItem(0)
    assert item is not None and item.text(3) == "Potenziell unerwünscht"
    assert item.toolTip(4) == f"Potenziell unerwünscht · Regelsammlung testset-b · von {AUTHOR} · Lizenz DRL-1.1"
    assert dialog.list.headerItem().text(4) == "Regelsammlung"  # type: ignore[union-attr]
    assert category_text({"category": "suspicious"}) == "Verdächtig" and category_text({}) == "Bedrohung"
