"""A running scan: its state, a progress bar with the percentage, files checked, the speed in files and
megabytes per second, remaining time and the file being checked, with pause / resume and cancel."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from app.core.scanning.progress import JobProgress
from app.core.text.messages import translate
from app.ui.formatting import NONE, data_rate, duration, number
from app.ui.i18n import text
from app.ui.labels import scan_kind
from app.ui.widgets.elided_label import ElidedLabel


class ScanProgressView(QGroupBox):
    pause_clicked = Signal()
    resume_clicked = Signal()
    cancel_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        self.state = QLabel(self)
        self.state.setWordWrap(True)
        form.addRow(self.state)
        self.bar = QProgressBar(self)
        self.bar.setAccessibleName(self.tr("Scan progress"))
        self.bar.setRange(0, 1000)
        form.addRow(self.bar)
        self.files, self.speed, self.remaining = (QLabel(self) for _ in range(3))
        self.current = ElidedLabel(self)
        self.form = form
        for label, value in ((self.tr("Files checked"), self.files), (self.tr("Speed"), self.speed),
                             (self.tr("Time left"), self.remaining), (self.tr("Checking"), self.current)):
            value.setAccessibleName(label)
            form.addRow(label, value)
        buttons = QHBoxLayout()
        self.pause = QPushButton(self.tr("&Pause"), self)
        self.resume = QPushButton(self.tr("R&esume"), self)
        self.cancel = QPushButton(self.tr("&Cancel scan"), self)
        self.pause.clicked.connect(self.pause_clicked.emit)
        self.resume.clicked.connect(self.resume_clicked.emit)
        self.cancel.clicked.connect(self.cancel_clicked.emit)
        buttons.addWidget(self.pause)
        buttons.addWidget(self.resume)
        buttons.addWidget(self.cancel)
        buttons.addStretch(1)
        form.addRow(buttons)
        self.resume.hide()

    def show_progress(self, p: JobProgress, *, controllable: bool = True) -> None:
        states = {"starting": self.tr("Starting the scanner…"), "running": self.tr("Scanning"),
                  "paused": self.tr("Paused"), "cancelling": self.tr("Cancelling…"),
                  "cancelled": self.tr("Cancelled"), "finished": self.tr("Finished"), "failed": self.tr("Stopped")}
        self.setTitle(scan_kind(p.kind) if p.kind else self.tr("Scan"))
        self.state.setText(states.get(p.state, p.state))
        if p.percent is None:
            self.bar.setRange(0, 0)  # still counting the files: a busy bar
        else:
            self.bar.setRange(0, 1000)
            self.bar.setValue(round(p.percent * 10))
            self.bar.setFormat(text(translate("ScanPage", "%1 %").arg(number(p.percent, 0))))
        total = p.files_total if p.total_final else None
        self.files.setText(text(translate("ScanPage", "%1 of %2").arg(number(p.files_done), number(total)))
                           if total else text(translate("ScanPage", "%1 (still counting)").arg(number(p.files_done))))
        self.speed.setText(speed_text(p))
        self.remaining.setText(remaining_text(p))
        self.current.set_full_text(p.current or NONE)
        active = p.state in ("starting", "running", "paused")
        for value in (self.speed, self.remaining, self.current):  # a finished scan: no speed, no time left
            self.form.setRowVisible(value, active)
        self.pause.setVisible(controllable and p.state in ("starting", "running"))
        self.resume.setVisible(controllable and p.state == "paused")
        self.cancel.setVisible(controllable and active)


def speed_text(p: JobProgress) -> str:
    """"350 files/s · 42.0 MB/s"; files from the scan cache are not read, so a rescan may show files only."""
    files = number(p.files_per_s, 1 if 0 < p.files_per_s < 10 else 0)
    if p.bytes_per_s <= 0:
        return text(translate("ScanPage", "%1 files/s").arg(files))
    return text(translate("ScanPage", "%1 files/s · %2").arg(files, data_rate(p.bytes_per_s)))


def remaining_text(p: JobProgress) -> str:
    """The time left, or why there is none yet (an honest blank beats a wild guess)."""
    if p.remaining_s is not None:
        return duration(p.remaining_s)
    if p.state in ("starting", "running", "paused") and not p.total_final:
        return text(translate("ScanPage", "known once the files are counted"))
    if p.state == "running":
        return text(translate("ScanPage", "estimating…"))
    return NONE
