"""The console's main window: a sidebar of pages beside the page shown.

The page contract (every module in ``app/ui/pages/`` follows it):

* One page per file, ``app/ui/pages/<name>.py``, holding a ``QWidget`` subclass listed in :data:`PAGES`,
  constructed as ``Page(app)`` where ``app`` is the application, seen as :class:`~app.ui.console.ConsoleLike`. A page
  reads and changes core state only through ``app.workers.submit(...)`` (never on the GUI thread) and
  listens to the application's signals: ``events(list[Event])`` (new journal events, from any process),
  ``verdict_changed(Verdict)``, ``settings_changed()``, ``scanning_changed(bool)``.
* ``title`` (a property): the sidebar label, translated with ``self.tr()`` (read again after a language
  change). ``icon``: the name of its sidebar icon in ``resources/icons/`` (``"page-<name>"``).
  :class:`app.ui.pages.base.Page` gives both, and loading through the workers.
* Optional ``handle_action(action_id: str) -> bool``: a page that owns a fix action (``scan.quick`` for
  the Scan page, ``recovery.open`` for the Recovery page, …) runs it and returns True; the window then
  shows that page. ``app.run_action(action_id)`` asks the application first, then the pages.
* A page retranslates its own texts on ``changeEvent(QEvent.LanguageChange)``.

Only the pages whose module exists are shown, in the order of :data:`PAGES`.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from typing import Protocol, cast

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.ui.console import Console
from app.ui.icons import app_icon, icon

log = logging.getLogger(__name__)

#: (name, module, class) of every page, in sidebar order.
PAGES: tuple[tuple[str, str, str], ...] = (
    ("dashboard", "app.ui.pages.dashboard", "DashboardPage"),
    ("scan", "app.ui.pages.scan", "ScanPage"),
    ("quarantine", "app.ui.pages.quarantine", "QuarantinePage"),
    ("updates", "app.ui.pages.updates", "UpdatesPage"),
    ("recovery", "app.ui.pages.recovery", "RecoveryPage"),
    ("history", "app.ui.pages.history", "HistoryPage"),
)


class PageLike(Protocol):
    @property
    def title(self) -> str: ...

    icon: str


def available_pages() -> list[tuple[str, Callable[..., QWidget]]]:
    """The page classes whose modules are present (an import error inside a page is not hidden)."""
    found = []
    for name, module_name, class_name in PAGES:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name != module_name:
                raise
            continue
        found.append((name, getattr(module, class_name)))
    return found


class MainWindow(QMainWindow):
    close_requested = Signal()  # the application decides: hide to the tray or quit

    def __init__(self, app: Console) -> None:
        super().__init__()
        self.app = app
        self.setObjectName("mainWindow")
        self.setWindowIcon(app_icon())
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setIconSize(QSize(22, 22))
        self.sidebar.setSpacing(2)
        self.sidebar.setFrameShape(QListWidget.Shape.NoFrame)
        self.sidebar.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.stack = QStackedWidget()
        self.settings_button = QPushButton()
        self.settings_button.setIcon(icon("page-settings"))
        self.settings_button.clicked.connect(app.open_settings)

        self.side = side = QWidget()
        side.setObjectName("sidePanel")
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(8, 8, 8, 8)
        side_layout.addWidget(self.sidebar, 1)
        side_layout.addWidget(self.settings_button)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(side)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.pages: dict[str, QWidget] = {}
        for name, page_class in available_pages():
            self._add_page(name, page_class(app))
        self.sidebar.currentRowChanged.connect(self.stack.setCurrentIndex)
        if self.sidebar.count():
            self.sidebar.setCurrentRow(0)
        for row in range(min(self.sidebar.count(), 9)):  # Ctrl+1 … Ctrl+9 jump to a page
            QShortcut(QKeySequence(f"Ctrl+{row + 1}"), self, lambda r=row: self._go(r))
        QShortcut(QKeySequence(QKeySequence.StandardKey.Preferences), self, app.open_settings)
        QShortcut(QKeySequence("Ctrl+,"), self, app.open_settings)
        self.resize(1040, 700)
        self.setMinimumSize(760, 520)
        self._retranslate()

    def _add_page(self, name: str, page: QWidget) -> None:
        page.setObjectName(f"page-{name}")
        self.pages[name] = page
        self.stack.addWidget(page)
        item = QListWidgetItem(self.sidebar)
        item.setData(Qt.ItemDataRole.UserRole, name)
        item.setSizeHint(QSize(140, 36))

    def _go(self, row: int) -> None:
        self.sidebar.setCurrentRow(row)
        page = self.stack.currentWidget()
        if page is not None:
            page.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # -- what the application asks of the window --------------------------------------------------
    def page_names(self) -> list[str]:
        return list(self.pages)

    def current_page(self) -> str | None:
        item = self.sidebar.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def show_page(self, name: str) -> bool:
        page = self.pages.get(name)
        if page is None:
            return False
        self.sidebar.setCurrentRow(self.stack.indexOf(page))
        return True

    def dispatch_action(self, action_id: str) -> bool:
        """Let the page that owns ``action_id`` run it, and show that page."""
        for name, page in self.pages.items():
            handle = getattr(page, "handle_action", None)
            if handle is not None and handle(action_id):
                self.show_page(name)
                return True
        return False

    def bring_to_front(self) -> None:
        if self.isMinimized():
            self.setWindowState(self.windowState() & ~Qt.WindowState.WindowMinimized)
        self.show()
        self.raise_()
        self.activateWindow()

    # -- Qt overrides ---------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        event.ignore()
        self.close_requested.emit()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        elif event.type() == QEvent.Type.PaletteChange:
            self._reicon()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Ringfence"))
        self.settings_button.setText(self.tr("Settings"))
        self.settings_button.setToolTip(self.tr("Open the settings (Ctrl+,)"))
        self.sidebar.setAccessibleName(self.tr("Pages"))
        for row in range(self.sidebar.count()):
            item = self.sidebar.item(row)
            page = cast(PageLike, self.stack.widget(row))
            item.setText(page.title)
            item.setToolTip(self.tr("%1 (Ctrl+%2)").replace("%1", page.title).replace("%2", str(row + 1)))
        self._reicon()
        # As wide as the longest page name (in this language) needs, not wider.
        widest = max([self.sidebar.sizeHintForColumn(0), self.settings_button.sizeHint().width(), 150])
        self.side.setFixedWidth(widest + 40)

    def _reicon(self) -> None:
        for row in range(self.sidebar.count()):
            self.sidebar.item(row).setIcon(icon(cast(PageLike, self.stack.widget(row)).icon))
        self.settings_button.setIcon(icon("page-settings"))
