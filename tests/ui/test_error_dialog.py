"""An uncaught error in the console is logged and shown as one sentence with the log's location."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from app.ui import error_dialog


def test_uncaught_error_shows_the_log_location(qtbot: QtBot, tmp_path: Path, qapp: QApplication) -> None:
    log_file = tmp_path / "logs" / "ringfence.log"
    previous = sys.excepthook
    error_dialog.install(log_file)
    try:
        try:
            raise ValueError("a slot went wrong")
        except ValueError as exc:
            sys.excepthook(type(exc), exc, exc.__traceback__)
        boxes = [w for w in qapp.topLevelWidgets() if isinstance(w, QMessageBox) and w.objectName() == "errorDialog"]
        assert len(boxes) == 1 and boxes[0].isVisible()
        assert str(log_file) in boxes[0].text() and "Traceback" not in boxes[0].text()
        try:
            raise RuntimeError("a second one while the dialog is open")
        except RuntimeError as exc:
            sys.excepthook(type(exc), exc, exc.__traceback__)
        assert len([w for w in qapp.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
                    and w.objectName() == "errorDialog"]) == 1
        boxes[0].accept()
    finally:
        sys.excepthook = previous
