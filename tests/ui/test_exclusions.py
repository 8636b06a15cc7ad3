""""Never scan this folder" from a detection and from the Scan page, the presets, and the one list of what is
never scanned and why, in the settings: the real console, real scans, real files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app.core.foundation.paths import get_paths
from app.core.foundation.settings import Settings
from app.ui.application import ConsoleApp
from app.ui.dialogs.settings import SettingsDialog
from app.ui.pages.scan import ScanPage
from tests.ui.test_scan_page import SCAN_TIMEOUT, finished, sample_tree


def _rows(dialog: SettingsDialog) -> dict[str, tuple[str, str]]:
    """What is never scanned -> (what it is, why)."""
    assert dialog.exclusions is not None
    model = dialog.exclusions.model
    return {model.index(r, 0).data(): (model.index(r, 1).data(), model.index(r, 3).data())
            for r in range(model.rowCount())}


def _found_there(dialog: SettingsDialog, place: str) -> str:
    assert dialog.exclusions is not None
    model = dialog.exclusions.model
    return next(model.index(r, 2).data() for r in range(model.rowCount()) if model.index(r, 0).data() == place)


def test_never_scan_a_detections_folder_is_asked_saved_honoured_and_listed_with_the_threat(
        qtbot: QtBot, console_app: ConsoleApp, tmp_path: Path) -> None:
    eicar = sample_tree(tmp_path / "tree")
    console_app.start()
    page = console_app.window.pages["scan"]
    assert isinstance(page, ScanPage)
    console_app.show_page("scan")
    page.action.setCurrentIndex(page.action.findData("report"))
    page.start_scan("custom", [str(tmp_path / "tree")])
    qtbot.waitUntil(lambda: finished(page), timeout=SCAN_TIMEOUT)
    page.results.table.selectRow(0)
    assert page.results.exclude.isEnabled()
    found = page.results.selected()
    assert found is not None
    question = page.ask_never_scan(found)
    assert str(eicar) in question.text() and found.rule in question.text()  # what the exclusion will hide
    question.button(QMessageBox.StandardButton.Cancel).click()
    qtbot.wait(200)
    assert Settings.load(get_paths().settings_file)["scan.exclude_paths"] == []  # cancelled: nothing changed

    question = page.ask_never_scan(found)
    yes = next(b for b in question.buttons() if b.text() == "Never scan it")
    with qtbot.waitSignal(console_app.settings_changed, timeout=10_000):  # the console takes the saved settings
        yes.click()
    assert console_app.settings["scan.exclude_paths"] == [str(eicar.parent)]
    assert "will never be scanned" in page.notice.label.text()

    page.start_scan("custom", [str(tmp_path / "tree")])  # the folder is left alone now
    qtbot.waitUntil(lambda: finished(page), timeout=SCAN_TIMEOUT)
    assert page.results.model.rowCount() == 0 and eicar.exists()

    dialog = SettingsDialog(console_app, "exclusions")
    qtbot.addWidget(dialog)
    assert dialog.tabs.tabText(dialog.tabs.currentIndex()) == "Exclusions"
    qtbot.waitUntil(lambda: str(get_paths().data_dir) in _rows(dialog), timeout=10_000)  # the notes, from a worker
    kind, why = _rows(dialog)[str(eicar.parent)]
    assert kind == "Folder or file" and found.rule in why and str(eicar) in why
    assert _found_there(dialog, str(eicar.parent)) == "1"  # the threat found there is not forgotten
    assert "node_modules" not in _rows(dialog)
    dialog.fields["scan.exclude_developer_folders"].widget.click()  # the list follows the tab before saving
    assert _rows(dialog)["node_modules"] == ("Folder name", "Preset: developer folders (any folder of this name)")
    dialog.fields["scan.exclude_extensions"].set([".iso"])
    assert _rows(dialog)[".iso"] == ("File extension", "Added in the settings")
    dialog.fields["scan.exclude_extensions"].set([".com"])  # would leave the file found before alone: told
    assert _found_there(dialog, ".com") == "1"


def test_never_scan_a_folder_from_the_scan_page(qtbot: QtBot, console_app: ConsoleApp, tmp_path: Path) -> None:
    console_app.start()
    page = console_app.window.pages["scan"]
    assert isinstance(page, ScanPage)
    assert page.never.isEnabled()
    with qtbot.waitSignal(console_app.settings_changed, timeout=10_000):
        page.never_scan(str(tmp_path / "games"))
    assert console_app.settings["scan.exclude_paths"] == [str(tmp_path / "games")]
    dialog = SettingsDialog(console_app, "exclusions")
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: _rows(dialog).get(str(tmp_path / "games"), ("", ""))[1] == "Added from the Scan page",
                    timeout=10_000)
