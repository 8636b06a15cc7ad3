"""What the console's views may use of the application object, as two small Protocols.

The application object (:class:`app.ui.application.ConsoleApp`) builds the views and hands itself to
each; the views know it only through these Protocols, so no module of ``app/ui`` but ``gui.py`` imports
``application.py`` and the imports between the console's modules run one way:
``gui → application → views → console``.

- :class:`ConsoleLike` — what a page may use: the workers, the data folders, the journal and settings
  signals, the verdict, actions and page switching.
- :class:`Console` — what the window, the settings dialog and the helpers the application owns
  (real-time protection, the background question, the health-report consent) may use besides.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, SignalInstance
from PySide6.QtWidgets import QMainWindow, QWidget

from app.core.foundation.paths import Paths
from app.core.foundation.settings import Settings
from app.ui.workers import Workers


class ConsoleLike(Protocol):
    """What a page needs from the application object."""

    workers: Workers
    paths: Paths
    events: SignalInstance  # list[Event]: new journal events, oldest first, from any process
    settings_changed: SignalInstance
    verdict_changed: SignalInstance  # Verdict

    def run_action(self, action_id: str) -> None: ...

    def show_page(self, name: str) -> None: ...


class Console(ConsoleLike, Protocol):
    """What the main window, the settings dialog and the application's helpers need besides."""

    settings: Settings
    quitting: bool

    @property
    def window(self) -> QMainWindow:
        """The main window: the parent of dialogs, and its status bar for one-line outcomes."""
        ...

    def page(self, name: str) -> QWidget | None:
        """The page called ``name`` (``scan``, ``quarantine``…), if the window has one."""
        ...

    def register_action(self, action_id: str, handler: Callable[[str], None]) -> None: ...

    def open_settings(self, tab: str | None = None) -> None: ...

    def save_settings(self, values: dict[str, Any]) -> Any: ...

    def adopt_settings(self, settings: Settings) -> None: ...


def owner(app: ConsoleLike) -> QObject | None:
    """The application as the Qt parent of a helper it owns, so the helper lives as long as it does."""
    return app if isinstance(app, QObject) else None
