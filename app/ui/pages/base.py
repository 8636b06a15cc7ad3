"""What every page shares: the application it belongs to, core calls through the workers, a notice
line for failures, a reload when the event journal reports something the page shows, and a rebuild
in the new language when the language changes.

A page subclass sets :attr:`Page.name`, :attr:`Page.icon` and :attr:`Page.kinds`, implements
:attr:`title`, :meth:`build` (its widgets, inside :attr:`body`; called again after a language change,
so widgets are made there and only there), a static ``load(ctx)`` that runs on a worker thread and
returns everything the page shows, and :meth:`show_data` that puts that result on screen (on the GUI
thread). Its ``__init__`` sets its own state, then calls :meth:`start`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QScrollArea, QVBoxLayout, QWidget

from app.core.context import Context
from app.core.text.messages import Message
from app.ui.console import ConsoleLike
from app.ui.i18n import text
from app.ui.widgets.notice import Notice
from app.ui.workers import Job


class Page(QWidget):
    name: ClassVar[str] = ""
    icon: ClassVar[str] = ""
    kinds: ClassVar[tuple[str, ...]] = ()  # event kinds that make this page reload

    def __init__(self, app: ConsoleLike, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.setObjectName(f"page-{self.name}")
        self._loading = False
        self._stale = False
        self.loads = 0  # completed loads (tests wait on it)
        self.shown: Any = None  # the data on screen (shown again after a rebuild)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.scroller = QScrollArea(self)
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QScrollArea.Shape.NoFrame)
        outer.addWidget(self.scroller, 1)
        self._new_body()
        app.events.connect(self._on_events)

    def _new_body(self) -> None:
        page = QWidget(self.scroller)
        layout = QVBoxLayout(page)
        self.notice = Notice(page)
        layout.addWidget(self.notice)
        self.body = QWidget(page)
        layout.addWidget(self.body, 1)
        old = self.scroller.takeWidget()
        self.scroller.setWidget(page)
        if old is not None:
            old.deleteLater()

    @property
    def title(self) -> str:
        raise NotImplementedError

    def build(self) -> None:
        """Make the page's widgets inside :attr:`body` (again after a language change)."""
        raise NotImplementedError

    def start(self) -> None:
        """Build the page and load its data (the end of a subclass's ``__init__``)."""
        self.build()
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "body"):
            self.rebuild()
        super().changeEvent(event)

    def rebuild(self) -> None:
        """The page again in the current language, with the data it showed, then freshly loaded."""
        self._new_body()
        self.build()
        if self.shown is not None:
            self.show_data(self.shown)
        self.refresh()

    # -- loading ------------------------------------------------------------------------------------

    @staticmethod
    def load(ctx: Context, *args: Any) -> Any:
        """Everything the page shows, read from core on a worker thread (``args`` from :meth:`load_args`)."""
        raise NotImplementedError

    def load_args(self) -> tuple[Any, ...]:
        """What :meth:`load` needs from the page's controls (read on the GUI thread)."""
        return ()

    def show_data(self, data: Any) -> None:
        raise NotImplementedError

    def refresh(self) -> None:
        """Reload from core (a reload asked for while one runs happens right after it)."""
        if self._loading:
            self._stale = True
            return
        self._loading = True
        job = self.call(f"{self.name}.load", type(self).load, *self.load_args(), done=self._show)
        job.done.connect(self._load_done)

    def _show(self, data: Any) -> None:
        self.shown = data
        self.show_data(data)

    def _load_done(self) -> None:
        self._loading = False
        self.loads += 1
        if self._stale:
            self._stale = False
            self.refresh()

    def _on_events(self, events: object) -> None:
        batch = events if isinstance(events, list | tuple) else [events]
        if any(getattr(event, "kind", None) in self.kinds for event in batch):
            self.refresh()

    # -- core calls ---------------------------------------------------------------------------------

    def call(self, name: str, fn: Callable[..., Any], *args: Any, done: Callable[[Any], None] | None = None,
             progress: bool = False) -> Job:
        """Run ``fn(ctx, *args)`` on a worker; a failure shows in the page's notice line."""
        job = self.app.workers.submit(name, fn, *args, progress=progress)
        if done is not None:
            job.finished.connect(done)
        job.failed.connect(self.show_failure)
        return job

    def show_failure(self, message: Message | str) -> None:
        self.notice.show_text(text(message))

    def say(self, message: str) -> None:
        self.notice.show_text(message, problem=False)
