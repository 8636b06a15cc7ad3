"""A read-only rich-text box as tall as its text at its current width (up to ``maximum`` pixels, then it
scrolls): a few lines of evidence leave no empty box below them."""

from __future__ import annotations

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QTextBrowser, QWidget


class FittingBrowser(QTextBrowser):
    def __init__(self, parent: QWidget | None = None, maximum: int = 320) -> None:
        super().__init__(parent)
        self.maximum = maximum
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.document().contentsChanged.connect(self.fit)
        self.fit()

    def fit(self) -> None:
        document = self.document()
        document.setTextWidth(self.viewport().width())
        wanted = int(document.size().height()) + 2 * self.frameWidth() + 2
        self.setFixedHeight(max(self.fontMetrics().height() * 2, min(wanted, self.maximum)))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.fit()
