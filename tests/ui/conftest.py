"""A real console (application object, main window, workers) on a temporary RINGFENCE_HOME."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from app.core.context import Context
from app.core.paths import get_paths
from app.ui.application import ConsoleApp


def make_console(qapp: QApplication, *, use_tray: bool = False) -> ConsoleApp:
    return ConsoleApp(qapp, get_paths(), use_tray=use_tray, poll_updates=False)


@pytest.fixture
def console(qapp: QApplication, rf_home: object) -> Iterator[ConsoleApp]:
    app = make_console(qapp)
    yield app
    app.quit()


@pytest.fixture
def tray_console(qapp: QApplication, rf_home: object) -> Iterator[ConsoleApp]:
    app = make_console(qapp, use_tray=True)
    yield app
    app.quit()


@pytest.fixture
def ctx(rf_home: object) -> Iterator[Context]:
    """A core context of the test's own (as another process, such as the CLI, would have)."""
    with Context.open() as context:
        yield context
