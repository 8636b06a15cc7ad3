"""The main window: keyboard navigation, accessible names, and icons that follow a dark palette."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette, QShortcut
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.ui.application import ConsoleApp


def test_ctrl_and_a_number_opens_that_page(qtbot: QtBot, console_app: ConsoleApp) -> None:
    console_app.start()
    window = console_app.window
    qtbot.waitExposed(window)
    names = window.page_names()
    shortcuts = {s.key().toString(): s for s in window.findChildren(QShortcut)}
    assert {f"Ctrl+{n + 1}" for n in range(len(names))} <= set(shortcuts)
    shortcuts["Ctrl+2"].activated.emit()
    assert window.current_page() == names[1]
    assert window.stack.currentWidget() is window.pages[names[1]]
    shortcuts["Ctrl+1"].activated.emit()
    assert window.current_page() == names[0]


def test_controls_have_accessible_names(console_app: ConsoleApp) -> None:
    window = console_app.window
    assert window.sidebar.accessibleName() == "Pages"
    assert window.settings_button.text() == "Settings"
    for row in range(window.sidebar.count()):
        assert window.sidebar.item(row).text() and window.sidebar.item(row).toolTip().endswith(f"(Ctrl+{row + 1})")


def test_sidebar_icons_follow_a_dark_palette(qtbot: QtBot, console_app: ConsoleApp, qapp: QApplication) -> None:
    window = console_app.window

    def ink() -> QColor:
        image = window.sidebar.item(0).icon().pixmap(24, 24).toImage()
        colours = [image.pixelColor(x, y) for x in range(24) for y in range(24)]
        return max(colours, key=lambda c: c.alpha())

    light = ink()
    original = qapp.palette()
    dark = QPalette(original)
    dark.setColor(QPalette.ColorRole.Window, QColor("#202020"))
    dark.setColor(QPalette.ColorRole.WindowText, QColor("#f0f0f0"))
    try:
        qapp.setPalette(dark)
        qtbot.waitUntil(lambda: ink().lightness() > 200)
        assert ink().lightness() > light.lightness()
    finally:
        qapp.setPalette(original)
