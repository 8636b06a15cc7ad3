"""A one-line notice at the top of a page: what just failed (or happened), until the user closes it."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QStyle, QToolButton, QWidget

from app.ui.plain_text import plain_label


class Notice(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(self.tr("Notice"))
        layout = QHBoxLayout(self)
        self.icon = QLabel(self)
        self.label = plain_label(QLabel(self))  # it names files: never HTML
        self.label.setWordWrap(True)
        self.label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.label.setTextInteractionFlags(self.label.textInteractionFlags().TextSelectableByMouse)
        close = QToolButton(self)
        close.setText(self.tr("Close"))
        close.setAccessibleName(self.tr("Close the notice"))
        close.clicked.connect(self.hide)
        layout.addWidget(self.icon)
        layout.addWidget(self.label, 1)
        layout.addWidget(close)
        self.hide()

    def show_text(self, text: str, *, problem: bool = True) -> None:
        which = QStyle.StandardPixmap.SP_MessageBoxWarning if problem else QStyle.StandardPixmap.SP_MessageBoxInformation
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        self.icon.setPixmap(self.style().standardIcon(which).pixmap(size, size))
        self.label.setText(text)
        self.label.setAccessibleName(text)
        self.show()
