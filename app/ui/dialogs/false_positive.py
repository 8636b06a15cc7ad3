"""Report a false positive: the report a user sends about a detection they judge wrong, shown before it
is saved (so they see it holds nothing about their PC), saved where they choose, and the offer to allow
the file by its hash so it is not reported again.

The report is made in core (:mod:`app.core.detections.fp_report`); saving and allowing run on workers.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.context import Context
from app.core.detections import fp_report
from app.core.detections.fp_report import FalsePositiveReport
from app.core.text.messages import Message
from app.ui.i18n import text
from app.ui.workers import Workers


def _save(ctx: Context, report: FalsePositiveReport, target: str) -> str:
    del ctx
    return str(fp_report.save(report, Path(target)))


def _allow(ctx: Context, sha256: str, name: str) -> None:
    from app.core import quarantine as q

    q.allow(ctx, sha256, note="false positive", name=name)


class FalsePositiveDialog(QDialog):
    saved = Signal(str)  # where the report was written
    allowed = Signal()

    def __init__(self, report: FalsePositiveReport, workers: Workers, parent: QWidget | None = None, *,
                 allow_name: str | None = None) -> None:
        """``allow_name``: the file's name for the local allow-list (never in the report); None when the file
        is in the quarantine: then "Restore and allow" is what brings it back, and the hint says so."""
        super().__init__(parent)
        self.setObjectName("falsePositive")
        self.report, self.workers, self.allow_name = report, workers, allow_name
        self.setWindowTitle(self.tr("Report a false positive"))
        layout = QVBoxLayout(self)
        about = QLabel(self.tr(
            "If you are sure this file is safe, send this report to the vendor of the definitions so the rule "
            "can be fixed. It names the rule, where the rule comes from, the definitions version and the "
            "file's SHA-256 and size. It never contains the file, its name or where it is on your PC."), self)
        about.setWordWrap(True)
        layout.addWidget(about)
        self.preview = QPlainTextEdit(report.text(), self)
        self.preview.setReadOnly(True)
        self.preview.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.preview.setAccessibleName(self.tr("The report"))
        layout.addWidget(self.preview, 1)
        self.hint = QLabel(self.tr(
            "If you trust this file, you can also allow it: Ringfence then never reports a file with this "
            "SHA-256 again.") if allow_name is not None else self.tr(
            "If you trust this file, put it back with Restore and allow: Ringfence then never reports a file "
            "with this SHA-256 again."), self)
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.hide()
        layout.addWidget(self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.save_button = QPushButton(self.tr("&Save report…"), self)
        self.allow_button = QPushButton(self.tr("&Allow this file"), self)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.allow_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.save_button.clicked.connect(self.choose_place)
        self.allow_button.clicked.connect(self.allow)
        self.allow_button.setVisible(allow_name is not None)
        layout.addWidget(buttons)
        self.resize(640, 460)

    def choose_place(self) -> None:
        """Ask where to save (the documents folder and the report's own name are proposed)."""
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        dialog = QFileDialog(self, self.tr("Save the false-positive report"),
                             str(Path(folder) / self.report.file_name))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(self.tr("Reports (*.json)"))
        dialog.setDefaultSuffix("json")
        dialog.fileSelected.connect(self.save_to)
        dialog.open()

    def save_to(self, target: str) -> None:
        """Write the report to ``target`` (a file, or a folder for its own name), on a worker."""
        job = self.workers.submit("report.save", _save, self.report, target)
        job.finished.connect(self._saved)
        job.failed.connect(self._failed)

    def allow(self) -> None:
        job = self.workers.submit("report.allow", _allow, self.report.sha256, self.allow_name or "")
        job.finished.connect(self._allowed)
        job.failed.connect(self._failed)

    def _saved(self, path: str) -> None:
        self._say(self.tr("The report was saved to %1. Send it to the vendor of your definitions.").replace("%1", path))
        self.saved.emit(path)

    def _allowed(self, _result: object) -> None:
        self.allow_button.setEnabled(False)
        self._say(self.tr("The file is allowed: a file with this SHA-256 is not reported again."))
        self.allowed.emit()

    def _failed(self, message: Message | str) -> None:
        self._say(text(message))

    def _say(self, sentence: str) -> None:
        self.status.setText(sentence)
        self.status.show()
