"""The engine self-test: the definitions load in a real worker, EICAR and the golden samples are
detected in memory, and the clean self-test corpus shipped in ``resources/`` is not.

Every run's result is kept in the state database (:func:`last_result`), so the protection verdict
can say that the engine failed its last self-test until a later one passes.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from dataclasses import dataclass
from typing import Any

from app.core.context import Context
from app.core.foundation.errors import RingfenceError
from app.core.foundation.resources import resource_path
from app.core.foundation.store import Schema, Store
from app.core.scanning.definitions import ActiveDefinitions
from app.core.scanning.supervisor import Supervisor

log = logging.getLogger(__name__)

CLEAN_CORPUS = ("selftest", "clean")

SELFTEST_SCHEMA = Schema("selftest", (
    """CREATE TABLE selftest_results (
        id INTEGER PRIMARY KEY, time REAL NOT NULL, definitions_version TEXT NOT NULL,
        ok INTEGER NOT NULL, failed_checks TEXT NOT NULL DEFAULT '');""",
))


@dataclass(frozen=True)
class SelftestResult:
    time: float
    definitions_version: str
    ok: bool
    failed_checks: tuple[str, ...]


def selftest_request(ctx: Context, defs: ActiveDefinitions) -> dict[str, Any]:
    return {
        "cmd": "selftest",
        "definitions": defs.definitions.to_request(),
        "compiled_dir": str(ctx.paths.compiled_dir),
        "clean_dirs": [str(resource_path(*CLEAN_CORPUS))],
        "timeout": ctx.settings["scan.rule_timeout_s"],
    }


def run_selftest(ctx: Context, defs: ActiveDefinitions, supervisor: Supervisor | None = None, *,
                 warm: bool = False) -> dict[str, Any]:
    """Self-test ``defs`` in an engine worker and record the result. Slow: starts a worker (seconds).

    With ``warm`` (an update's activation), a worker of its own is left to compile the rules split for
    scans once the self-test has passed (seconds, in the background: the caller does not wait, and the
    first scan of the new version finds them ready)."""
    own = supervisor is None
    supervisor = supervisor or Supervisor(ctx)
    passed = False
    try:
        result = supervisor.request(selftest_request(ctx, defs), "selftest", defs.version)
        passed = bool(result.get("ok"))
    except RingfenceError:
        record_result(ctx.store, defs.version, False, ("engine",))
        raise
    finally:
        if own and passed and warm:
            supervisor.close_after({"cmd": "warm", "definitions": defs.definitions.to_request(),
                                    "compiled_dir": str(ctx.paths.compiled_dir)})
        elif own:
            supervisor.close()
    result.pop("type", None)  # a protocol field, not part of the report
    result["definitions_source"] = defs.source
    failed = tuple(str(c.get("check")) for c in result.get("checks", []) if not c.get("ok"))
    record_result(ctx.store, defs.version, bool(result.get("ok")) and not failed, failed)
    return result


def record_result(store: Store, version: str, ok: bool, failed_checks: tuple[str, ...] = (),
                  when: float | None = None) -> None:
    """Keep one self-test result (best effort: a full disk must not turn a passed self-test into an error)."""
    try:
        store.ensure(SELFTEST_SCHEMA)
        with store.transaction() as conn:
            conn.execute("INSERT INTO selftest_results(time, definitions_version, ok, failed_checks) VALUES (?, ?, ?, ?)",
                         (time.time() if when is None else when, str(version), int(ok), ",".join(failed_checks)))
    except (RingfenceError, sqlite3.Error) as exc:
        log.error("self-test result of definitions %s not recorded: %s", version, exc)


def last_result(store: Store, version: str | None = None) -> SelftestResult | None:
    """The newest self-test result (of definitions ``version`` when given)."""
    store.ensure(SELFTEST_SCHEMA)
    sql = "SELECT * FROM selftest_results"
    params: tuple[str, ...] = ()
    if version is not None:
        sql, params = sql + " WHERE definitions_version = ?", (str(version),)
    row = store.conn.execute(sql + " ORDER BY time DESC, id DESC LIMIT 1", params).fetchone()
    if row is None:
        return None
    checks = tuple(c for c in str(row["failed_checks"]).split(",") if c)
    return SelftestResult(float(row["time"]), row["definitions_version"], bool(row["ok"]), checks)
