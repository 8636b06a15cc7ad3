"""The crash card, styled like Windows 11's black crash screen: black background, white text, the stop
code and its name, what failed, when, what it means and what the user can do. It stays until dismissed.

Its colours are fixed (like the screen it recalls); everything else in the console follows the palette.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.ui.plain_text import plain_label
from app.ui.widgets.fonts import emphasise

STYLE = ("QFrame#crashCard { background: #000000; border-radius: 6px; }"
         " QFrame#crashCard QLabel { color: #ffffff; background: transparent; }"
         " QFrame#crashCard QPushButton { color: #ffffff; background: #1f1f1f; border: 1px solid #ffffff;"
         " padding: 6px 14px; }"
         " QFrame#crashCard QPushButton:focus { border: 2px solid #ffffff; }")


@dataclass(frozen=True)
class CrashCardText:
    """What the card says (already in the console's language)."""

    stop_code: str  # "Stop code: PAGE_FAULT_IN_NONPAGED_AREA (0x00000050)", or the kind of crash
    what_failed: str  # "What failed: csagent.sys", or empty
    when: str
    meaning: str
    advice: str
    statement: str  # that Ringfence cannot have caused it
    position: str  # "1 of 2" when several crashes wait


class CrashCard(QFrame):
    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("crashCard")
        self.setStyleSheet(STYLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 24)
        layout.setSpacing(12)
        self.headline = QLabel(self.tr("Your device ran into a problem and needed to restart."), self)
        emphasise(self.headline, 1.9, bold=False)
        self.headline.setWordWrap(True)
        layout.addWidget(self.headline)
        self.labels: dict[str, QLabel] = {}
        for key in ("stop_code", "what_failed", "when", "meaning", "advice", "statement"):
            label = plain_label(QLabel(self))
            label.setWordWrap(True)
            layout.addWidget(label)
            self.labels[key] = label
        row = QHBoxLayout()
        self.position = QLabel(self)
        self.dismiss = QPushButton(self.tr("&Dismiss"), self)
        self.dismiss.setAccessibleName(self.tr("Dismiss the crash report"))
        self.dismiss.clicked.connect(self.dismissed.emit)
        row.addWidget(self.position)
        row.addStretch(1)
        row.addWidget(self.dismiss)
        layout.addLayout(row)

    def show_crash(self, card: CrashCardText) -> None:
        for key, label in self.labels.items():
            value = getattr(card, key)
            label.setText(value)
            label.setVisible(bool(value))
        self.position.setText(card.position)
        self.setAccessibleName(f"{self.headline.text()} {card.stop_code}")
        self.show()
