"""A state shown as a badge: an icon for how good or bad it is, a short title and a sentence of detail.

The tone (``ok``, ``attention``, ``alert``, ``busy``) picks a standard icon from the style, so the badge
follows the palette; only the verdict banner uses fixed colours.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QStyle, QWidget

from app.ui.plain_text import plain_label
from app.ui.widgets.fonts import emphasise

_ICONS = {
    "ok": QStyle.StandardPixmap.SP_DialogApplyButton,
    "attention": QStyle.StandardPixmap.SP_MessageBoxWarning,
    "alert": QStyle.StandardPixmap.SP_MessageBoxCritical,
    "busy": QStyle.StandardPixmap.SP_BrowserReload,
    "info": QStyle.StandardPixmap.SP_MessageBoxInformation,
}


class StateBadge(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QGridLayout(self)
        self.icon = QLabel(self)
        self.heading = QLabel(self)
        emphasise(self.heading, 1.2)
        self.heading.setWordWrap(True)
        self.detail = plain_label(QLabel(self))
        self.detail.setWordWrap(True)
        layout.addWidget(self.icon, 0, 0, 2, 1)
        layout.addWidget(self.heading, 0, 1)
        layout.addWidget(self.detail, 1, 1)
        layout.setColumnStretch(1, 1)
        self.tone = "info"

    def set_state(self, tone: str, heading: str, detail: str = "") -> None:
        self.tone = tone
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_LargeIconSize)
        self.icon.setPixmap(self.style().standardIcon(_ICONS.get(tone, _ICONS["info"])).pixmap(size, size))
        self.heading.setText(heading)
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))
        self.setAccessibleName(f"{heading}. {detail}" if detail else heading)
