"""When to check next: at start-up (after a short random delay) and every few hours with ±20 % jitter,
within the bounds the signed rollout document sets, and never before a server's ``Retry-After``."""

from __future__ import annotations

import random

from app.core.updates.state import UpdateState

JITTER = 0.2
STARTUP_DELAY = (5.0, 60.0)


def next_check_at(st: UpdateState, poll_hours: int, rng: random.Random, *, min_seconds: int = 3600,
                  max_seconds: int = 14400) -> float:
    """The time of the next scheduled check (a time in the past means "now")."""
    interval = min(max(poll_hours * 3600.0, min_seconds), max(max_seconds, min_seconds))
    interval *= rng.uniform(1 - JITTER, 1 + JITTER)
    at = (st.last_check or 0.0) + interval
    if st.retry_after_until:
        at = max(at, st.retry_after_until)
    return at


def startup_delay(rng: random.Random) -> float:
    """Spread start-up checks so a fleet booting at 9:00 does not hit the server in the same second."""
    return rng.uniform(*STARTUP_DELAY)
