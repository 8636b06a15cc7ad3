"""Delivering queued beacons with ``requests``, never on the caller's thread.

:func:`send_due` posts what is due (each beacon keeps its id, so a retry after a lost answer is
counted once by the collector). A network error, 429 or 5xx postpones the beacon with exponential
back-off (``Retry-After`` honoured); any other 4xx means the collector will never take it, so it is
dropped. :class:`BeaconThread` runs collection and delivery in the background: woken by
:func:`app.core.beacon.wake.notify` after update activity, otherwise once an hour.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.core.beacon import outbox, reporter, wake
from app.core.context import Context
from app.core.foundation.paths import Paths
from app.core.foundation.settings import Settings

if TYPE_CHECKING:  # requests is imported when the first report is sent, not at the console's start
    import requests

log = logging.getLogger(__name__)

TIMEOUT = (3.0, 5.0)  # connect, read
MAX_BACKOFF = 6 * 3600.0


@dataclass
class SendReport:
    sent: int = 0
    duplicates: int = 0
    dropped: int = 0
    postponed: int = 0


def backoff(attempts: int, rng: random.Random) -> float:
    return min(MAX_BACKOFF, 60.0 * 2 ** attempts) * rng.uniform(0.8, 1.2)


def _retry_after(response: requests.Response | None) -> float | None:
    value = response.headers.get("Retry-After", "") if response is not None else ""
    return float(value) if value.isdigit() else None


def send_due(ctx: Context, session: requests.Session, now: float | None = None, *, rng: random.Random | None = None,
             limit: int = 50) -> SendReport:
    report = SendReport()
    url = reporter.collector_url(ctx)
    if not reporter.enabled(ctx) or not url:
        return report
    import requests

    now = time.time() if now is None else now
    rng = rng or random.Random()
    for entry in outbox.due(ctx.store, now, limit):
        response: requests.Response | None = None
        try:
            response = session.post(f"{url}/v1/beacons", data=entry.body, timeout=TIMEOUT,
                                    headers={"Content-Type": "application/json"})
            status = response.status_code
        except requests.RequestException as exc:
            status = 0
            outbox.put(ctx.store, "last_error", f"{type(exc).__name__}")
        if status in (200, 202):
            outbox.remove(ctx.store, entry.id)
            report.sent += status == 202
            report.duplicates += status == 200
        elif 400 <= status < 500 and status != 429:
            log.warning("the collector refused a beacon (HTTP %s); dropped", status)
            outbox.remove(ctx.store, entry.id)
            outbox.put(ctx.store, "last_error", f"HTTP {status}")
            report.dropped += 1
        else:
            wait = _retry_after(response) or backoff(entry.attempts, rng)
            outbox.postpone(ctx.store, entry.id, now + wait)
            if status:
                outbox.put(ctx.store, "last_error", f"HTTP {status}")
            report.postponed += 1
            if status in (0, 429, 503):
                break  # the collector is away or busy: try the rest later, not one by one now
    if report.sent or report.duplicates:
        outbox.put(ctx.store, "last_sent", now)
        outbox.bump(ctx.store, "sent", report.sent + report.duplicates)
    return report


class BeaconThread(threading.Thread):
    """Collects and sends in the background with its own context (its own database connection)."""

    def __init__(self, paths: Paths, interval: float = 3600.0,
                 on_report: Callable[[SendReport], None] | None = None) -> None:
        super().__init__(name="beacon", daemon=True)
        self.paths, self.interval, self.on_report = paths, interval, on_report
        self.stopping = threading.Event()

    def stop(self) -> None:
        self.stopping.set()
        wake.notify()

    def run(self) -> None:
        import requests

        session = requests.Session()
        ctx = Context(self.paths, Settings.load(self.paths.settings_file), self.paths.log_dir / "ringfence.log")
        try:
            while not self.stopping.is_set():  # a first round at start (reports queued by the CLI), then on wake
                try:
                    ctx.settings = Settings.load(self.paths.settings_file)  # the user may have answered meanwhile
                    reporter.collect(ctx)
                    report = send_due(ctx, session)
                    if self.on_report is not None:
                        self.on_report(report)
                except Exception:  # the beacon must never take anything else down
                    log.exception("health beacon round failed")
                wake.changed.wait(self.interval)
                wake.changed.clear()
        finally:
            ctx.close()
            session.close()
