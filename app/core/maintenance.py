"""Housekeeping a long-running Ringfence does at start-up and once a day: the event journal is pruned
to the ``history.keep_days`` setting and quarantined items older than ``quarantine.purge_days`` are
deleted (at start-up an interrupted quarantine operation is finished or undone first).

The console runs :func:`maintain` on a worker thread at start and then every :data:`INTERVAL_S`; the CLI,
being short-lived, leaves it to the console (``ringfence quarantine purge`` does the purge by hand).
"""

from __future__ import annotations

import logging
import sqlite3
import time
from dataclasses import dataclass, field

from app.core.context import Context
from app.core.foundation.errors import RingfenceError
from app.core.journal import events

log = logging.getLogger(__name__)

INTERVAL_S = 24 * 3600.0


@dataclass
class MaintenanceReport:
    events_pruned: int = 0
    quarantine_purged: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # for the log; nothing here stops the app


def maintain(ctx: Context, *, at_start: bool = False, now: float | None = None) -> MaintenanceReport:
    """Prune the journal and purge the quarantine (``at_start``: recover interrupted quarantine work first).

    Slow (> 50 ms): deletes rows and files. Never raises for a problem with its work; see ``problems``."""
    from app.core import quarantine

    report = MaintenanceReport()
    try:
        report.events_pruned = events.prune(ctx.store, int(ctx.settings["history.keep_days"]), now=now)
    except (RingfenceError, sqlite3.Error, OSError) as exc:
        report.problems.append(f"journal not pruned: {exc}")
    try:
        if at_start:
            report.quarantine_purged = quarantine.startup(ctx).purged
        else:
            report.quarantine_purged = [item.id for item in quarantine.purge(ctx, now=now)]
    except (RingfenceError, sqlite3.Error, OSError) as exc:
        report.problems.append(f"quarantine not purged: {exc}")
    for problem in report.problems:
        log.error("maintenance: %s", problem)
    log.info("maintenance at %s: %d events pruned, %d quarantined items purged", time.ctime(now or time.time()),
             report.events_pruned, len(report.quarantine_purged))
    return report
