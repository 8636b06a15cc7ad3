"""Every control on every page can be reached with the keyboard and says what it is to a screen reader."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QTextBrowser,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.ui.application import ConsoleApp
from app.ui.pages.base import Page


def unreachable_or_unnamed(page: QWidget) -> list[str]:
    problems = []
    for widget in page.findChildren(QWidget):
        if not widget.isVisibleTo(page) or isinstance(widget, QHeaderView) or not isinstance(
                widget, QAbstractButton | QAbstractItemView | QComboBox | QLineEdit | QTextBrowser):
            continue  # (a table's header is sorted with the mouse; the table itself takes the focus)
        label = (widget.text() if isinstance(widget, QAbstractButton) else "") or widget.accessibleName()
        if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            problems.append(f"{type(widget).__name__} {label!r} cannot take the focus with Tab")
        if not label.replace("&", "").strip():
            problems.append(f"{type(widget).__name__} in {widget.parent().objectName() or type(widget.parent()).__name__} "
                            "has no name")
    return problems


def test_every_control_is_reachable_and_named(qtbot: QtBot, console_app: ConsoleApp) -> None:
    console_app.start()
    found = {}
    for name, page in console_app.window.pages.items():
        assert isinstance(page, Page)
        console_app.window.show_page(name)
        qtbot.waitUntil(lambda page=page: page.loads > 0 and not page._loading, timeout=60_000)
        if problems := unreachable_or_unnamed(page):
            found[name] = problems
    assert found == {}
