"""Uncaught errors in the console: logged with the traceback, and a dialog saying where the log is.

The console keeps running: Qt calls Python slots from its event loop, and an exception that escapes
one reaches :func:`sys.excepthook`, which :func:`install` replaces. The dialog shows one sentence and the
log's location, never a traceback.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QThread
from PySide6.QtWidgets import QApplication, QMessageBox

log = logging.getLogger(__name__)
_open: list[QMessageBox] = []  # the dialog on screen, if any


def message(log_file: Path) -> str:
    return QCoreApplication.translate(
        "ErrorDialog", "Something went wrong inside Ringfence. It keeps running; the details are in the log:\n%1"
    ).replace("%1", str(log_file))


def install(log_file: Path) -> None:
    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        log.critical("uncaught error", exc_info=(kind, exc, tb))
        app = QApplication.instance()
        if app is None or QThread.currentThread() is not app.thread() or _open:
            return  # only the GUI thread shows the dialog, and one at a time
        box = QMessageBox(QMessageBox.Icon.Critical, QCoreApplication.translate("ErrorDialog", "Ringfence"),
                          message(log_file))
        box.setObjectName("errorDialog")
        box.finished.connect(_open.clear)
        _open.append(box)
        box.open()

    sys.excepthook = hook
