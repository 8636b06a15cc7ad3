"""The console cannot use its folders: it says why in a dialog and exits, instead of a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from app.ui import gui


def test_a_file_as_ringfence_home_gets_a_dialog_not_a_traceback(qtbot: QtBot, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    home = tmp_path / "home-is-a-file"
    home.write_text("not a folder")
    monkeypatch.setenv("RINGFENCE_HOME", str(home))
    shown: list[str] = []

    def close_the_dialog() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, close_the_dialog)
            return
        shown.append(box.objectName() + ": " + box.text())
        box.accept()

    QTimer.singleShot(0, close_the_dialog)
    assert gui.main([]) == 2
    assert shown == [f"startupErrorDialog: {home} (set in RINGFENCE_HOME) is a file, not a folder; "
                     "point RINGFENCE_HOME to a folder."]
    assert "is a file, not a folder" in capsys.readouterr().err
    assert home.read_text() == "not a folder"
