"""Desktop notifications from the event journal: grouped, rate-limited, with do-not-disturb.

:meth:`Notifier.feed` takes new journal events. Those worth a notification wait a moment
(:data:`GATHER_MS`) so that a burst becomes one notification per group ("3 threats were moved to the
quarantine") instead of a storm; after a notification the next one waits at least :data:`GAP_MS`, and
one batch never shows more than :data:`MAX_PER_BATCH`. With the ``ui.do_not_disturb`` setting only
threats are shown. Everything about notifications lives here; ``show(title, text, critical)`` is the
tray's ``notify``.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer

from app.core.journal.events import Event
from app.ui.i18n import plural, text

GATHER_MS = 1500
GAP_MS = 8000
MAX_PER_BATCH = 3

Show = Callable[[str, str, bool], None]


@dataclass(frozen=True)
class Group:
    name: str
    codes: tuple[str, ...]
    critical: bool = False  # shown even in do-not-disturb


GROUPS: tuple[Group, ...] = (
    Group("threat", ("quarantine.added", "threat.found"), critical=True),
    Group("crash", ("crash.found",), critical=True),
    Group("update", ("updates.activated", "updates.rolled_back", "updates.withdrawn", "updates.reverted_at_start",
                     "updates.vendor_rollback", "updates.halted")),
    Group("scan", ("scan.finished",)),
    # a drive scan that starts on its own, or a drive removed while it was scanned (the question "Scan now?"
    # is app.ui.drives's own notification)
    Group("drive", ("drives.quick_scan", "drives.full_scan", "drives.removed_during_scan", "drives.scan_failed")),
)
_BY_CODE = {code: group for group in GROUPS for code in group.codes}


class Notifier(QObject):
    def __init__(self, show: Show, do_not_disturb: Callable[[], bool], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._show = show
        self._dnd = do_not_disturb
        self._pending: dict[str, list[Event]] = {}
        self._last_shown = 0.0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.flush)
        self.shown: list[tuple[str, str, bool]] = []  # what was shown, newest last (for the log and tests)

    def feed(self, events: list[Event]) -> None:
        for event in events:
            group = _BY_CODE.get(event.code)
            if group is not None:
                self._pending.setdefault(group.name, []).append(event)
        if self._pending and not self._timer.isActive():
            wait = max(GATHER_MS, int(GAP_MS - (time.monotonic() - self._last_shown) * 1000))
            self._timer.start(wait)

    def _title(self, group: str, code: str) -> str:
        if group == "threat":
            return self.tr("Threat moved to the quarantine") if code == "quarantine.added" else self.tr("Threat found")
        if group == "crash":
            return self.tr("Your PC recovered from a crash")
        if group == "drive":
            return self.tr("USB drive removed") if code == "drives.removed_during_scan" else self.tr("USB drive")
        if group == "update":
            return self.tr("Definitions updated") if code == "updates.activated" else self.tr("Definitions update undone")
        return self.tr("Scan finished")

    def _summary(self, group: str, events: list[Event]) -> tuple[str, str]:
        """Title and text for several events of one group."""
        n = len(events)
        if group == "threat":
            quarantined = sum(e.code == "quarantine.added" for e in events)
            if quarantined == n:
                return (self.tr("Threats moved to the quarantine"),
                        plural(self.tr("%n threat(s) were moved to the quarantine.", "", n), n))
            return self.tr("Threats found"), plural(self.tr("%n threat(s) were found.", "", n), n)
        if group == "crash":
            return self._title(group, ""), plural(self.tr("%n unexpected restart(s) of your PC were found.", "", n), n)
        if group == "update":
            return self._title(group, events[-1].code), text(events[-1].message)
        if group == "drive":  # a removed drive says most, else the newest
            event = next((e for e in events if e.code == "drives.removed_during_scan"), events[-1])
            return self._title(group, event.code), text(event.message)
        return self._title(group, ""), plural(self.tr("%n scan(s) finished.", "", n), n)

    def flush(self) -> None:
        """Show what is pending now (one notification per group, most important first)."""
        pending, self._pending = self._pending, {}
        dnd = self._dnd()
        shown = 0
        for group in GROUPS:
            events = pending.get(group.name)
            if events and group.name == "threat":
                events = _distinct_threats(events)
            if not events or (dnd and not group.critical) or shown >= MAX_PER_BATCH:
                continue
            if len(events) == 1:
                title, body = self._title(group.name, events[0].code), text(events[0].message)
            else:
                title, body = self._summary(group.name, events)
            self.shown.append((title, body, group.critical))
            self._show(title, body, group.critical)
            shown += 1
        if shown:
            self._last_shown = time.monotonic()


def _distinct_threats(events: list[Event]) -> list[Event]:
    """A file a scan found and then moved to the quarantine is one threat, told once (as moved), not two."""
    moved = {str(e.args.get("path")) for e in events if e.code == "quarantine.added"}
    return [e for e in events
            if not (e.code == "threat.found" and str(e.args.get("file") or e.args.get("path")) in moved)]
