"""The console's icons: SVG files made for Ringfence in ``resources/icons/``.

``icon("app")`` is the application icon; ``state_icon(level)`` the tray icon for a verdict level (``ok``,
``attention``, ``alert``) or ``scanning``; ``icon("page-scan")`` and friends the sidebar icons. The
page icons are drawn in the palette's text colour, so they read on light and dark themes alike.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QSize, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QImage, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from app.core.foundation.resources import resource_path

STATES: tuple[str, ...] = ("ok", "attention", "alert", "scanning")
_SIZES = (16, 20, 24, 32, 48, 64, 128, 256)
_INK = "currentColor"


def icon_file(name: str) -> str:
    return str(resource_path("icons", f"{name}.svg"))


@cache
def _render(name: str, ink: str, size: int) -> QPixmap:
    data = resource_path("icons", f"{name}.svg").read_bytes().replace(_INK.encode(), ink.encode())
    renderer = QSvgRenderer(QByteArray(data))
    image = QImage(QSize(size, size), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    return QPixmap.fromImage(image)


def _ink() -> str:
    app = QGuiApplication.instance()
    palette = app.palette() if isinstance(app, QGuiApplication) else QPalette()
    return str(palette.color(QPalette.ColorRole.WindowText).name())


def icon(name: str) -> QIcon:
    """The icon ``name`` (``resources/icons/NAME.svg``); ``currentColor`` becomes the palette's text colour."""
    ink = _ink()
    result = QIcon()
    for size in _SIZES:
        result.addPixmap(_render(name, ink, size))
    return result


def state_icon(state: str) -> QIcon:
    """The tray icon for a verdict level or ``scanning``."""
    return icon(f"state-{state if state in STATES else 'attention'}")


def app_icon() -> QIcon:
    return icon("app")
