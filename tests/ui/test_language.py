"""The language setting applies at once: German everywhere without a restart, and back."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QCheckBox, QLabel, QListWidget, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from app.ui.application import ConsoleApp
from app.ui.dialogs.settings import SettingsDialog

NAMES = {"", "OK", "Ringfence", "English", "Deutsch", "Updates", "Updates und Definitionen"}  # the same in both


def _texts(root: QWidget, deep: bool = True) -> set[str]:
    """Every text a user can read in ``root`` (labels, buttons, list entries, tab titles)."""
    found: set[str] = set()
    for widget in [root, *root.findChildren(QWidget)] if deep else [root]:
        if isinstance(widget, QLabel | QAbstractButton | QCheckBox):
            found.add(widget.text().replace("&", ""))
        if isinstance(widget, QListWidget):
            found |= {widget.item(i).text() for i in range(widget.count())}
        if isinstance(widget, QTabWidget):
            found |= {widget.tabText(i) for i in range(widget.count())}
    return {t for t in found if t and not t.strip().isdigit()} - NAMES


def _menu(app: ConsoleApp) -> set[str]:
    assert app.tray is not None
    return {action.text() for action in app.tray.menu.actions() if action.text()}


def _switch(qtbot: QtBot, app: ConsoleApp, language: str) -> None:
    with qtbot.waitSignal(app.settings_changed, timeout=20_000):  # the console's background calls may hold every thread
        app.save_settings({"ui.language": language})


def test_german_shows_without_a_restart_and_english_comes_back(qtbot: QtBot, tray_app: ConsoleApp) -> None:
    tray_app.start()
    qtbot.waitExposed(tray_app.window)
    dialog = SettingsDialog(tray_app)
    window = tray_app.window
    english = _texts(window.sidebar) | _texts(window.settings_button, deep=False) | _texts(dialog) | _menu(tray_app)
    assert "Settings" in english and "Scanning" in english
    _switch(qtbot, tray_app, "de")
    assert tray_app.language.current == "de"
    qtbot.waitUntil(lambda: tray_app.window.settings_button.text() == "Einstellungen")  # LanguageChange is posted
    assert tray_app.tray is not None and tray_app.tray.scan_action.text() == "Schnellprüfung"
    german = _texts(window.sidebar) | _texts(window.settings_button, deep=False) | _texts(dialog) | _menu(tray_app)
    assert english & german == set(), f"still English: {sorted(english & german)}"
    _switch(qtbot, tray_app, "en")
    qtbot.waitUntil(lambda: tray_app.window.settings_button.text() == "Settings")
    assert _texts(dialog) <= english
    dialog.close()


def test_system_language_follows_the_locale(qtbot: QtBot, console_app: ConsoleApp) -> None:
    from PySide6.QtCore import QLocale

    from app.ui.language import resolve

    assert resolve("system", QLocale("de_AT")) == "de"
    assert resolve("system", QLocale("fr_FR")) == "en"
    assert resolve("en", QLocale("de_DE")) == "en"
