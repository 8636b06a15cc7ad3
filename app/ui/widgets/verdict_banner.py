"""The verdict, large: ok / attention / alert in its fixed colour, and each reason with a one-click fix.

The verdict colours are the only fixed colours of the console (with the black crash card); the text on
them is chosen for contrast. What a fix button says comes from its action id.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.core.status.verdict import Verdict
from app.ui.i18n import text
from app.ui.icons import state_icon
from app.ui.plain_text import plain_label
from app.ui.widgets.fonts import emphasise

COLOURS = {"ok": ("#107c10", "#ffffff"), "attention": ("#f7b500", "#000000"), "alert": ("#c50f1f", "#ffffff")}


class VerdictBanner(QFrame):
    def __init__(self, on_fix: Callable[[str], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.on_fix = on_fix
        self.setObjectName("verdict")
        outer = QHBoxLayout(self)  # the verdict's shield beside the heading and its reasons
        self.shield = QLabel(self)
        self.shield.setAlignment(Qt.AlignmentFlag.AlignTop)
        outer.addWidget(self.shield)
        layout = QVBoxLayout()
        outer.addLayout(layout, 1)
        self.heading = QLabel(self)
        emphasise(self.heading, 1.8)
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        self.reasons = QGridLayout()
        layout.addLayout(self.reasons)
        self.level = ""
        self.fix_buttons: dict[str, QPushButton] = {}

    def fix_label(self, action: str) -> str:
        if action.startswith("settings.open"):
            return self.tr("Open settings")
        labels = {"update.check": self.tr("Check for updates"), "scan.quick": self.tr("Run a quick scan"),
                  "engine.selftest": self.tr("Run the self-test"), "recovery.open": self.tr("Show what happened"),
                  "realtime.resume": self.tr("Turn protection on")}
        return labels.get(action, self.tr("Fix"))

    def show_verdict(self, verdict: Verdict) -> None:
        self.level = verdict.level
        background, ink = COLOURS.get(verdict.level, COLOURS["attention"])
        self.setStyleSheet(f"QFrame#verdict {{ background: {background}; border-radius: 6px; }}"
                           f" QFrame#verdict QLabel {{ color: {ink}; }}")
        headings = {"ok": self.tr("You are protected"), "attention": self.tr("Ringfence needs your attention"),
                    "alert": self.tr("Your protection is at risk")}
        self.heading.setText(headings.get(verdict.level, headings["attention"]))
        side = self.heading.fontMetrics().height() * 2
        self.shield.setPixmap(state_icon(verdict.level).pixmap(QSize(side, side), self.devicePixelRatioF()))
        self.setAccessibleName(self.heading.text())
        while self.reasons.count():
            item = self.reasons.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.fix_buttons = {}
        for row, reason in enumerate(verdict.reasons):
            label = plain_label(QLabel(text(reason.message), self))
            label.setWordWrap(True)
            self.reasons.addWidget(label, row, 0)
            if reason.fix:
                button = QPushButton(self.fix_label(reason.fix), self)
                button.setAccessibleName(f"{button.text()}: {label.text()}")
                button.clicked.connect(lambda _checked=False, fix=reason.fix: self.on_fix(fix))
                self.reasons.addWidget(button, row, 1)
                self.fix_buttons[reason.code] = button
        self.reasons.setColumnStretch(0, 1)
