"""Helpers for the page tests: open a page and wait for its loads."""

from __future__ import annotations

from typing import Any, TypeVar

from pytestqt.qtbot import QtBot

from app.ui.pages.base import Page

P = TypeVar("P", bound=Page)


def loaded(qtbot: QtBot, page: Page, before: int, timeout: int = 30_000) -> None:
    """Wait until ``page`` finished a load after its ``before``-th one."""
    qtbot.waitUntil(lambda: page.loads > before and not page._loading, timeout=timeout)


def open_page(qtbot: QtBot, page_class: type[P], console: Any, *args: Any) -> P:
    """The page, shown, after its first load."""
    page = page_class(console, *args)
    qtbot.addWidget(page)
    page.show()
    loaded(qtbot, page, 0)
    return page
