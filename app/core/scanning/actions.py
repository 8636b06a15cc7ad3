"""What a scan does with a detection, the moment it is found: report it, quarantine it, or ask.

A detection is a dict from the engine (``path``, ``rule``, ``engine``, ``sha256``, ``file``, ``stat``,
…). :class:`DetectionActor` sets its ``action`` — the value the history and the reports show — and
quarantines each detected *file* once: a hit inside an archive quarantines the whole archive.
For ``ask`` the detection is left in place with the action ``ask``; the console asks the user and
calls :func:`quarantine_detection` for the ones they choose.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.core.context import Context
from app.core.detections.policy import OFF, category_action, stronger, strongest_first
from app.core.foundation.errors import RingfenceError
from app.core.journal import events
from app.core.journal.provenance import provenance
from app.core.scanning.runs import SCANS_SCHEMA, db_text
from app.core.text.messages import Message
from app.engine.longpath import lexists_long

log = logging.getLogger(__name__)

ACTIONS = ("report", "quarantine", "ask")
REPORTED, ASK = "reported", "ask"
GONE = "gone"  # the file was deleted before it could be quarantined: nothing left to protect from


@dataclass(frozen=True)
class ActionResult:
    """What happened to one detected file: ``action`` as recorded, the vault item, a failure."""

    action: str  # "reported" | "ask" | "quarantined" | "skipped-protected" | "failed" | "gone"
    item_id: str | None = None
    error: Message | None = None


def journal(ctx: Context, code: str, **args: Any) -> None:
    """Record an event of a scan; a state database that cannot be opened (full disk) never stops the scan."""
    try:
        store = ctx.store
    except RingfenceError as exc:
        log.error("event %s not recorded: %s", code, exc.message)
        return
    events.record(store, code, **args)


def detected_file(detection: dict[str, Any]) -> str:
    """The file on disk a detection is in (the archive, for a hit inside one)."""
    return str(detection.get("file") or detection["path"])


def _sha256_of(path: str) -> str:
    from app.engine.hashing import sha256_file

    try:
        return sha256_file(Path(path))
    except OSError:
        return ""


def quarantine_detection(ctx: Context, detection: dict[str, Any], scan_id: int = 0) -> ActionResult:
    """Quarantine the file of one detection now (blocking: encrypts the file; seconds for a big one).

    Records ``quarantine.added`` in the event journal and the detection's new action in the history
    (once the detection is there). Never raises for a problem with the file: the result says what happened.
    """
    from app.core.quarantine import quarantine_file

    path = detected_file(detection)
    sha = detection.get("sha256") if detection["path"] == path else _sha256_of(path)
    outcome = quarantine_file(ctx, path, rule=detection["rule"], engine=detection["engine"],
                              definitions_version=detection.get("definitions_version"), sha256=sha or "",
                              scanned_stat=tuple(detection["stat"]), scan_id=str(scan_id) if scan_id else None,
                              provenance=provenance(detection))
    error = Message("Quarantine", outcome.error) if isinstance(outcome.error, str) and outcome.error else \
        outcome.error or None
    if outcome.action == "failed" and not lexists_long(path):  # deleted first: not a failure to move it
        log.info("%s was deleted before it could be quarantined", path)
        detection["action"], detection["item_id"] = GONE, None
        set_recorded_action(ctx, scan_id, detection, GONE)
        return ActionResult(GONE)
    if outcome.item_id:
        journal(ctx, "quarantine.added", path=db_text(path), threat=detection["rule"],
                item_id=outcome.item_id, scan_id=scan_id, **provenance(detection))
    detection["action"], detection["item_id"] = outcome.action, outcome.item_id
    set_recorded_action(ctx, scan_id, detection, outcome.action)
    return ActionResult(outcome.action, outcome.item_id, error)


def set_recorded_action(ctx: Context, scan_id: int, detection: dict[str, Any], action: str) -> None:
    """Change the action of a detection already in the history (after the user answered ``ask``;
    a detection is recorded as it is found, so this works while its scan still runs)."""
    if not scan_id:
        return
    try:
        ctx.store.ensure(SCANS_SCHEMA)
        with ctx.store.transaction() as conn:
            conn.execute("UPDATE detections SET action=? WHERE scan_id=? AND path=? AND rule=?",
                         (action, scan_id, db_text(detection["path"]), detection["rule"]))
    except (RingfenceError, sqlite3.Error) as exc:
        log.error("could not record the action on %s: %s", detection["path"], exc)


class DetectionActor:
    """Applies the scan's on-detection action to each detection as it arrives (one scan's worth):
    to threats; potentially unwanted and suspicious findings get the action of their category
    (:mod:`app.core.detections.policy`)."""

    def __init__(self, ctx: Context, action: str) -> None:
        if action not in ACTIONS:
            raise ValueError(f"unknown scan action {action!r}")
        self.ctx, self.action = ctx, action
        self.scan_id = 0
        self._done: dict[str, tuple[str, ActionResult]] = {}

    def action_for(self, detection: dict[str, Any]) -> str:
        """What this scan does with ``detection``: ``report``, ``ask`` or ``quarantine`` (a category
        turned ``off`` never reaches here: the engine leaves it out; if one did, it is only reported)."""
        action = category_action(self.ctx.settings, self.action, detection.get("category"))
        return "report" if action == OFF else action

    def in_order(self, detections: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """``detections`` in the order to act on them: per file, the one asking for the most first."""
        return strongest_first(detections, self.action_for, detected_file)

    def act(self, detection: dict[str, Any]) -> tuple[ActionResult, bool]:
        """Act on one detection and set its ``action``; a file already handled is not handled twice
        (the flag says whether this call handled it), unless this detection asks for more (a threat
        after a potentially unwanted finding in the same file)."""
        path = detected_file(detection)
        wanted = self.action_for(detection)
        done = self._done.get(path)
        fresh = done is None or (stronger(wanted, done[0]) and done[1].action in (REPORTED, ASK))
        if fresh:
            if wanted == "quarantine":
                result = quarantine_detection(self.ctx, detection, self.scan_id)
            else:
                result = ActionResult(ASK if wanted == "ask" else REPORTED)
            self._done[path] = (wanted, result)
        else:
            assert done is not None
            result = done[1]
        detection["action"] = result.action
        detection["item_id"] = result.item_id
        return result, fresh
