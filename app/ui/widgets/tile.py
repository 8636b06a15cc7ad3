"""A dashboard tile: an icon beside what it is about, its state in a few words, a line of detail and one
action."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from app.ui.plain_text import plain_label
from app.ui.widgets.fonts import emphasise


class Tile(QFrame):
    def __init__(self, title: str, parent: QWidget | None = None, icon: QIcon | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        outer = QHBoxLayout(self)
        self.icon = QLabel(self)
        self.icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        outer.addWidget(self.icon)
        layout = QVBoxLayout()
        outer.addLayout(layout, 1)
        if icon is not None:
            self.set_icon(icon)
        self.title = QLabel(title, self)
        self.value = plain_label(QLabel(self))
        emphasise(self.value, 1.25)
        self.value.setWordWrap(True)
        self.detail = plain_label(QLabel(self))
        self.detail.setWordWrap(True)
        self.button = QPushButton(self)
        self.button.hide()
        self._action: Callable[[], None] | None = None
        self.button.clicked.connect(self._clicked)
        for widget in (self.title, self.value, self.detail):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignLeft)  # a button as wide as its text
        self.setAccessibleName(title)

    def set_icon(self, icon: QIcon) -> None:
        side = self.fontMetrics().height() * 2
        self.icon.setPixmap(icon.pixmap(QSize(side, side), self.devicePixelRatioF()))

    def set_state(self, value: str, detail: str = "", action: tuple[str, Callable[[], None]] | None = None) -> None:
        self.value.setText(value)
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))
        self.setAccessibleDescription(f"{value}. {detail}" if detail else value)
        if action is None:
            self._action = None
            self.button.hide()
        else:
            self.button.setText(action[0])
            self.button.setAccessibleName(f"{self.title.text()}: {action[0]}")
            self._action = action[1]
            self.button.show()

    def _clicked(self) -> None:
        if self._action is not None:
            self._action()
