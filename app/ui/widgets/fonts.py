"""Bigger text for headings and key values, scaled from the widget's own font (so it follows the system
font and the display scaling)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def emphasise(widget: QWidget, scale: float, *, bold: bool = True) -> None:
    font = widget.font()
    font.setBold(bold)
    font.setPointSizeF(font.pointSizeF() * scale)
    widget.setFont(font)
