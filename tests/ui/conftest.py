"""Fixtures for the console: the real application object (``console_app``, ``tray_app``) and, for page
tests, a small application object with the real worker pool on the test's RINGFENCE_HOME, exposing
what a page uses (workers, paths, the journal's events, actions)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication

from app.core.context import Context
from app.core.foundation.paths import Paths, get_paths
from app.core.journal import events
from app.ui.application import ConsoleApp
from app.ui.language import Language
from app.ui.workers import Workers
from tests.updates.conftest import material, setup  # noqa: F401 - the real update channel, for the Updates page


class Console(QObject):
    """The part of the console application a page talks to; actions and page switches are recorded."""

    events = Signal(object)
    settings_changed = Signal()
    verdict_changed = Signal(object)

    def __init__(self, paths: Paths) -> None:
        super().__init__()
        self.paths = paths
        self.workers = Workers(paths, parent=self)
        self.actions: list[str] = []
        self.pages: list[str] = []
        with Context.open(paths) as ctx:
            self.last_event = events.latest_id(ctx.store)

    def run_action(self, action_id: str) -> None:
        self.actions.append(action_id)

    def show_page(self, name: str) -> None:
        self.pages.append(name)

    def poll(self) -> list[events.Event]:
        """Read the journal as the application's watcher does and announce what is new."""
        with Context.open(self.paths) as ctx:
            new = events.events_since(ctx.store, self.last_event)
        if new:
            self.last_event = new[-1].id
            self.events.emit(new)
        return new


@pytest.fixture
def german(qapp: QApplication) -> Iterator[None]:
    """The console in German for the test, English again afterwards."""
    language = Language(qapp)
    assert language.apply("de") == "de"
    yield
    language.apply("en")


@pytest.fixture
def console(rf_home: Path) -> Iterator[Console]:
    app = Console(get_paths().ensure())
    yield app
    assert app.workers.shutdown(), "a worker did not finish"


@pytest.fixture
def ctx(rf_home: Path) -> Iterator[Context]:
    context = Context.open()
    yield context
    context.close()


@pytest.fixture(autouse=True)
def desktop_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The autostart entry and menu files go to the test's own folders, never the real ones."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    return tmp_path


def make_console(qapp: QApplication, *, use_tray: bool = False) -> ConsoleApp:
    return ConsoleApp(qapp, get_paths(), use_tray=use_tray, poll_updates=False)


@pytest.fixture
def console_app(qapp: QApplication, rf_home: Path) -> Iterator[ConsoleApp]:
    app = make_console(qapp)
    yield app
    app.quit()


@pytest.fixture
def tray_app(qapp: QApplication, rf_home: Path) -> Iterator[ConsoleApp]:
    app = make_console(qapp, use_tray=True)
    yield app
    app.quit()
