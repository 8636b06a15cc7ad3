"""What the Dashboard reads from core (on a worker thread): the verdict and the facts behind each tile."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from app.core.context import Context
from app.core.realtime.realtime_status import read_status_file
from app.core.recovery.seen import PendingCrash, SeenCrashes
from app.core.scanning import definitions
from app.core.scanning.engine_selftest import SelftestResult, last_result, run_selftest
from app.core.scanning.supervisor import ENGINE_SCHEMA
from app.core.status.protection import collect_status
from app.core.status.verdict import Verdict, compute_verdict

DAY = 86400.0


@dataclass(frozen=True)
class EngineHealth:
    trouble: str | None  # "crash" or "hang" in the last 24 hours
    trouble_at: float | None
    selftest: SelftestResult | None


@dataclass(frozen=True)
class DashboardData:
    verdict: Verdict
    status: dict[str, Any]  # collect_status()
    engine: EngineHealth
    crashes: list[PendingCrash]
    realtime: dict[str, Any] | None  # the running protection's state file, None when it does not run


def engine_health(ctx: Context, now: float) -> EngineHealth:
    ctx.store.ensure(ENGINE_SCHEMA)
    row = ctx.store.conn.execute(
        "SELECT kind, time FROM engine_events WHERE kind IN ('crash', 'hang') AND time >= ? "
        "ORDER BY time DESC, id DESC LIMIT 1", (now - DAY,)).fetchone()
    return EngineHealth(row["kind"] if row else None, float(row["time"]) if row else None, last_result(ctx.store))


def selftest(ctx: Context) -> bool:
    """Self-test the active definitions in a fresh engine worker (seconds); the result is recorded."""
    reply = run_selftest(ctx, definitions.active(ctx))
    return bool(reply.get("ok"))


def load(ctx: Context) -> DashboardData:
    now = time.time()
    return DashboardData(compute_verdict(ctx, now), collect_status(ctx), engine_health(ctx, now),
                         SeenCrashes(ctx.store).pending(), read_status_file(ctx.paths.run_dir / "realtime.json"))
