"""The health-report question, asked once: what is sent, what never is, and why (the text is core's).

The console asks a while after it started — once its window is on screen and the first verdict has
arrived, never in the first second — and only if the user has not answered yet (``reporter.should_ask``).
Reports stay off unless the answer is yes; either answer is final (the settings dialog changes it later).
Closing the box without answering leaves the question for the next start. Every core call runs on a worker.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QMessageBox

from app.core.beacon import reporter
from app.core.beacon.reporter import consent_text
from app.core.context import Context
from app.core.foundation.settings import Settings
from app.ui.console import Console, owner
from app.ui.i18n import text
from app.ui.widgets.ask import ask

DELAY_MS = 8_000  # after the first verdict: the user first sees the window settle
RETRY_MS = 60_000  # the window is hidden (started in the tray): look again later


def still_to_ask(ctx: Context) -> bool:
    ctx.settings = Settings.load(ctx.paths.settings_file)  # another thread may have saved the answer
    return reporter.should_ask(ctx)


def answer(ctx: Context, yes: bool) -> Settings:
    """Record the answer (it is never asked again) and return the settings as saved."""
    ctx.settings = Settings.load(ctx.paths.settings_file)  # never save another thread's older copy
    reporter.set_enabled(ctx, yes)
    return ctx.settings


class BeaconConsent(QObject):
    def __init__(self, app: Console, delay_ms: int = DELAY_MS) -> None:
        super().__init__(owner(app))
        self.app = app
        self.box: QMessageBox | None = None
        self.asked = False  # in this run
        self.pending: bool | None = None  # what core said when it was time to ask (None: not looked yet)
        self.timer = QTimer(self, singleShot=True)
        self.timer.timeout.connect(self._due)
        self.delay_ms = delay_ms

    def arm(self) -> None:
        """Ask after the first verdict (called at start)."""
        self.app.verdict_changed.connect(self._first_verdict)

    def _first_verdict(self, _verdict: object) -> None:
        self.app.verdict_changed.disconnect(self._first_verdict)
        self.timer.start(self.delay_ms)

    def _due(self) -> None:
        if self.app.quitting or self.asked:
            return
        if not self.app.window.isVisible():
            self.timer.start(RETRY_MS)
            return
        self.app.workers.submit("health report question", still_to_ask).finished.connect(self._checked)

    def _checked(self, ask_now: bool) -> None:
        self.pending = ask_now
        if ask_now and not self.asked and not self.app.quitting:
            self.show_question()

    def show_question(self) -> QMessageBox:
        """The question itself (also for a second look from elsewhere in the console)."""
        self.asked = True
        choices = [(self.tr("Send health reports"), "yes", QMessageBox.ButtonRole.AcceptRole),
                   (self.tr("Don't send"), "no", QMessageBox.ButtonRole.RejectRole)]
        self.box = ask(self.app.window, self.tr("Health reports"), text(consent_text()), choices, self._answered)
        return self.box

    def stop(self) -> None:
        """At quit: no question left on screen (unanswered, so it is asked at the next start)."""
        self.timer.stop()
        if self.box is not None:
            self.box.close()

    def _answered(self, choice: str | None) -> None:
        self.box = None
        if choice is None:
            return  # closed without an answer: asked again at the next start
        job = self.app.workers.submit("health report answer", answer, choice == "yes")
        job.finished.connect(self.app.adopt_settings)
        job.failed.connect(lambda message: self.app.window.statusBar().showMessage(text(message), 8000))
