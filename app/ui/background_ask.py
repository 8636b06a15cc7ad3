"""The on-detection action "ask" for what finds threats in the background: real-time protection and
scheduled scans. (The Scan page asks about its own scans itself.)

Both journal each detection — ``realtime.detected`` with ``decision`` = ``ask`` for a file left in place,
``threat.found`` with ``on_detection`` = ``ask`` — and the console's journal watcher brings the event
here. The file joins the one non-blocking question (:class:`~app.ui.dialogs.threat_choice.ThreatChoiceDialog`)
and the answer is carried out on a worker: the file is quarantined by hand, its hash allowed, or it is left
where it is; a scan's history records the choice.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

from app.core.context import Context
from app.core.foundation.errors import RingfenceError
from app.core.journal.provenance import provenance
from app.core.scanning.actions import REPORTED, set_recorded_action
from app.core.text.messages import Message, translate
from app.ui.console import Console, owner
from app.ui.dialogs.threat_choice import Pending, ThreatChoiceDialog
from app.ui.i18n import text

if TYPE_CHECKING:
    from app.core.journal.events import Event

log = logging.getLogger(__name__)

Detection = tuple[int, str, str]  # scan id (0: real-time protection), path as recorded, threat


def carry_out(ctx: Context, choice: str, file: str, detections: list[Detection],
              provenance: dict[str, str] | None = None) -> Message:
    """The user's choice for a file left in place; what happened, in words (``provenance``: of the rule that
    found it, kept with a quarantined file)."""
    from app.core.quarantine import quarantine_by_hand
    from app.ui.pages.scan_calls import allow_file

    if choice == "quarantine":
        # raises with one clear message if it cannot
        outcome = quarantine_by_hand(ctx, file, rule=detections[0][2], provenance=provenance)
        _record(ctx, detections, outcome.action)
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
    _record(ctx, detections, REPORTED)
    return translate("RealtimeAsk", "%1 was left in place.").arg(file)


def _record(ctx: Context, detections: list[Detection], action: str) -> None:
    for scan_id, path, threat in detections:
        set_recorded_action(ctx, scan_id, {"path": path, "rule": threat}, action)


class BackgroundAsk(QObject):
    def __init__(self, app: Console) -> None:
        super().__init__(owner(app))
        self.app = app
        self.dialog: ThreatChoiceDialog | None = None
        self.outcomes: list[str] = []  # what the user was told, latest last
        app.events.connect(self.feed)

    def feed(self, found: list[Event]) -> None:
        for event in found:
            args = event.args
            if event.code == "realtime.detected" and args.get("decision") == "ask":
                scan_id = 0
            elif event.code == "threat.found" and args.get("on_detection") == "ask" and not self._scan_page_asks(args):
                scan_id = int(args.get("scan_id") or 0)
            else:
                continue
            file = str(args.get("file") or args.get("path") or "")
            threat = str(args.get("threat") or "")
            if file:
                self._ask(Pending(file, file, threat, ((scan_id, str(args.get("path") or file), threat),),
                                  provenance(args)))

    def _scan_page_asks(self, args: dict[str, Any]) -> bool:
        """A scan the Scan page runs: it asks about its findings itself."""
        page = self.app.page("scan")
        return bool(args.get("scan_id")) and getattr(page, "scan_id", 0) == args.get("scan_id")

    def stop(self) -> None:
        """At quit: the question goes away unanswered (the files stay where they are, as reported)."""
        if self.dialog is not None:
            self.dialog.hide()

    def _ask(self, pending: Pending) -> None:
        if self.dialog is None:
            self.dialog = ThreatChoiceDialog(self.app.window)
            self.dialog.chosen.connect(self._answered)
        self.dialog.add(pending)

    def _answered(self, choice: str, chosen: list[Pending]) -> None:
        for pending in chosen:
            job = self.app.workers.submit(f"background {choice}", carry_out, choice, pending.file, list(pending.records),
                                          pending.provenance)
            job.finished.connect(self._tell)
            job.failed.connect(self._tell)

    def _tell(self, message: Any) -> None:
        said = text(message)
        self.outcomes.append(said)
        log.info("choice for a threat found in the background: %s", said)
        self.app.window.statusBar().showMessage(said, 10_000)
