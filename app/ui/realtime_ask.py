"""Real-time protection with the on-detection action "ask": the console asks what to do with a file
left in place.

Real-time protection journals each detection (``realtime.detected``, with ``decision`` = ``ask`` when
the file was left for the user). The console's journal watcher brings the event here; the file joins the
one non-blocking question (:class:`~app.ui.dialogs.threat_choice.ThreatChoiceDialog`) and the answer is
carried out on a worker: the file is quarantined by hand, its hash allowed, or it is left where it is.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

from app.core.context import Context
from app.core.errors import RingfenceError
from app.core.messages import Message, translate
from app.ui.dialogs.threat_choice import Pending, ThreatChoiceDialog
from app.ui.i18n import text

if TYPE_CHECKING:
    from app.core.events import Event
    from app.ui.application import ConsoleApp

log = logging.getLogger(__name__)


def carry_out(ctx: Context, choice: str, file: str, threat: str) -> Message:
    """The user's choice for a file real-time protection left in place; what happened, in words."""
    from app.core.quarantine import quarantine_by_hand
    from app.ui.pages.scan_calls import allow_file

    if choice == "quarantine":
        outcome = quarantine_by_hand(ctx, file, rule=threat)  # raises with one clear message if it cannot
        if outcome.action == "quarantined":
            return translate("RealtimeAsk", "%1 was moved to the quarantine.").arg(file)
        if outcome.action == "skipped-protected":
            return translate("RealtimeAsk", "%1 was left in place: it is a system or Ringfence file.").arg(file)
        return translate("RealtimeAsk", "%1 could not be moved to the quarantine: %2").arg(file, outcome.error or "")
    if choice == "allow":
        error = allow_file(ctx, file)
        if error:
            raise RingfenceError(translate("RealtimeAsk", "%1 could not be allowed: %2").arg(file, error))
        return translate("RealtimeAsk", "%1 is allowed and will not be reported again.").arg(file)
    return translate("RealtimeAsk", "%1 was left in place.").arg(file)


class RealtimeAsk(QObject):
    def __init__(self, app: ConsoleApp) -> None:
        super().__init__(app)
        self.app = app
        self.dialog: ThreatChoiceDialog | None = None
        self.outcomes: list[str] = []  # what the user was told, latest last
        app.events.connect(self.feed)

    def feed(self, found: list[Event]) -> None:
        for event in found:
            if event.code == "realtime.detected" and event.args.get("decision") == "ask":
                file = str(event.args.get("file") or event.args.get("path") or "")
                if file:
                    self._ask(Pending(file, file, str(event.args.get("threat") or ""), (event,)))

    def _ask(self, pending: Pending) -> None:
        if self.dialog is None:
            self.dialog = ThreatChoiceDialog(self.app.window)
            self.dialog.chosen.connect(self._answered)
        self.dialog.add(pending)

    def _answered(self, choice: str, chosen: list[Pending]) -> None:
        for pending in chosen:
            job = self.app.workers.submit(f"real-time {choice}", carry_out, choice, pending.file,
                                          pending.threat.split(", ")[0])
            job.finished.connect(self._tell)
            job.failed.connect(self._tell)

    def _tell(self, message: Any) -> None:
        said = text(message)
        self.outcomes.append(said)
        log.info("real-time choice: %s", said)
        self.app.window.statusBar().showMessage(said, 10_000)
