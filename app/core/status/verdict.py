"""The protection verdict: one overall state — ok, attention or alert — and the reasons for it.

Each condition is one small function ``(ctx, now) -> Reason | None`` registered with
:func:`condition`; :func:`compute_verdict` asks every condition and the worst severity among the
reasons found is the level (no reason: ``ok``). A reason has a stable ``code`` (scripts and the
console key on it), a severity, a translatable :class:`~app.core.text.messages.Message` and an optional
fix: an action id the console maps to a button (never a CLI command):

=====================  ==========================================================
``update.check``       check the update channel now
``scan.quick``         run a quick scan
``engine.selftest``    run the engine self-test
``settings.open:X``    open the settings on page X (``updates``, ``general``)
``recovery.open``      open the crash & recovery page
``realtime.resume``    turn real-time protection back on
=====================  ==========================================================

Adding a condition is adding one function here (or in the module that owns the state)::

    @condition
    def _realtime(ctx: Context, now: float) -> Reason | None:
        if realtime_is_on(ctx):
            return None
        return Reason("realtime.off", "alert", translate("Verdict", "Real-time protection is off."),
                      "realtime.resume")

A condition that cannot read its state is logged and skipped: the verdict never fails.
Slow (> 50 ms): reads the update state, the state database and probes the OS keyring.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, Literal

from app.core.context import Context
from app.core.foundation.errors import RingfenceError
from app.core.text.messages import Message, Moment, render, translate

log = logging.getLogger(__name__)

Level = Literal["ok", "attention", "alert"]
Severity = Literal["attention", "alert"]
DAY = 86400.0
ENGINE_TROUBLE_WINDOW = DAY
CHANNEL_UNREACHABLE_AFTER = DAY
SCAN_OVERDUE_DAYS = 14


@dataclass(frozen=True)
class Reason:
    code: str
    severity: Severity
    message: Message
    fix: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code, "severity": self.severity, "message": render(self.message), "fix": self.fix}


@dataclass(frozen=True)
class Verdict:
    level: Level
    reasons: tuple[Reason, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {"level": self.level, "reasons": [r.to_json() for r in self.reasons]}


Condition = Callable[[Context, float], "Reason | None"]
_shared: ContextVar[dict[str, Any] | None] = ContextVar("verdict_shared", default=None)
CONDITIONS: list[Condition] = []


def condition(fn: Condition) -> Condition:
    """Register ``fn`` as one verdict condition (the order of registration is the order of reasons)."""
    CONDITIONS.append(fn)
    return fn


def compute_verdict(ctx: Context, now: float | None = None) -> Verdict:
    """The verdict now (alert reasons first). Slow (> 50 ms): call it from a worker thread."""
    now = time.time() if now is None else now
    reasons: list[Reason] = []
    token = _shared.set({})  # facts several conditions read are read once per verdict
    try:
        for check in CONDITIONS:
            try:
                reason = check(ctx, now)
            except (RingfenceError, sqlite3.Error, OSError, ValueError) as exc:
                log.error("verdict condition %s could not be checked: %s", check.__name__, exc)
                continue
            if reason is not None:
                reasons.append(reason)
    finally:
        _shared.reset(token)
    reasons.sort(key=lambda r: r.severity != "alert")
    level: Level = "alert" if any(r.severity == "alert" for r in reasons) else "attention" if reasons else "ok"
    return Verdict(level, tuple(reasons))


# -- definitions and updates ---------------------------------------------------------------------

def _update_status(ctx: Context, now: float) -> Any:
    from app.core.updates.service import UpdateService

    shared = _shared.get()
    if shared is None or "updates" not in shared:
        status = UpdateService(ctx, clock=lambda: now).status(history_limit=1)
        if shared is None:
            return status
        shared["updates"] = status
    return shared["updates"]


@condition
def _definitions_age(ctx: Context, now: float) -> Reason | None:
    status = _update_status(ctx, now)
    fix = "update.check" if status.channel_configured else "settings.open:updates"
    if status.freshness == "fresh":
        return None
    severity: Severity = "alert" if status.freshness == "badly_out_of_date" else "attention"
    code = "definitions.very_old" if severity == "alert" else "definitions.old"
    if status.out_of_date_since is None:
        return Reason(code, severity, translate("Verdict", "The age of the definitions is unknown."), fix)
    days = round((now - status.out_of_date_since) / DAY)
    return Reason(code, severity, translate("Verdict", "The definitions are %n day(s) old.", None, 0).plural(days), fix)


@condition
def _last_update_undone(ctx: Context, now: float) -> Reason | None:
    from app.core.updates.state import load_state

    st = load_state(ctx.paths.data_dir)
    undone = st.rolled_back
    if not undone or (st.probation is not None and st.probation.kind != "revert"):
        return None
    code = undone.get("code", "updates.rolled_back")
    if code == "updates.user_rollback":
        return None  # the user chose it; nothing to be told about
    was = undone.get("from")
    if code == "updates.withdrawn":
        return Reason(code, "attention",
                      translate("Verdict", "The vendor withdrew definitions %1; the previous definitions are in use.").arg(was))
    if code == "updates.vendor_rollback":
        return Reason(code, "attention", translate("Verdict", "The vendor rolled the definitions back from %1.").arg(was))
    return Reason("updates.rolled_back", "attention",
                  translate("Verdict", "Definitions version %1 caused problems and was rolled back.").arg(was))


@condition
def _updates_halted(ctx: Context, now: float) -> Reason | None:
    status = _update_status(ctx, now)
    if status.halt_message is None:
        return None
    return Reason("updates.halted", "attention",
                  translate("Verdict", "The vendor halted definitions updates: %1").arg(status.halt_message or "-"))


@condition
def _channel_unreachable(ctx: Context, now: float) -> Reason | None:
    from app.core.updates.channelconfig import load_channel
    from app.core.updates.state import load_state

    since = load_state(ctx.paths.data_dir).unreachable_since
    if since is None or now - since <= CHANNEL_UNREACHABLE_AFTER or load_channel(ctx.paths.config_dir) is None:
        return None
    return Reason("updates.unreachable", "attention",
                  translate("Verdict", "The update server has not been reachable for more than a day."), "update.check")


# -- the engine ----------------------------------------------------------------------------------

@condition
def _engine_trouble(ctx: Context, now: float) -> Reason | None:
    """A worker crash or hang in the last 24 h, unless a self-test passed after it."""
    from app.core.scanning.engine_selftest import last_result
    from app.core.scanning.supervisor import ENGINE_SCHEMA

    ctx.store.ensure(ENGINE_SCHEMA)
    row = ctx.store.conn.execute(
        "SELECT kind, time FROM engine_events WHERE kind IN ('crash', 'hang') AND time >= ? AND time <= ? "
        "ORDER BY time DESC, id DESC LIMIT 1", (now - ENGINE_TROUBLE_WINDOW, now)).fetchone()
    if row is None:
        return None
    selftest = last_result(ctx.store)
    if selftest is not None and selftest.ok and selftest.time > row["time"]:
        return None
    if row["kind"] == "hang":
        return Reason("engine.hung", "attention",
                      translate("Verdict", "The scanner engine stopped responding in the last 24 hours."), "engine.selftest")
    return Reason("engine.crashed", "attention",
                  translate("Verdict", "The scanner engine crashed in the last 24 hours."), "engine.selftest")


@condition
def _selftest_failing(ctx: Context, now: float) -> Reason | None:
    from app.core.scanning.engine_selftest import last_result

    result = last_result(ctx.store)
    if result is None or result.ok:
        return None
    return Reason("engine.selftest_failed", "alert",
                  translate("Verdict", "The scanner engine failed its last self-test."), "engine.selftest")


# -- real-time protection -------------------------------------------------------------------------

@condition
def _realtime(ctx: Context, now: float) -> Reason | None:
    """Off in the settings: alert. Paused in a running console (another process may ask): attention."""
    if not ctx.settings["realtime.enabled"]:
        return Reason("realtime.off", "alert", translate("Verdict", "Real-time protection is off."), "realtime.resume")
    from app.core.realtime.realtime_status import read_status_file, status_path

    state = read_status_file(status_path(ctx.paths))
    if state is None or state.get("state") != "paused":
        return None
    until = state.get("paused_until")
    text = (translate("Verdict", "Real-time protection is paused until Ringfence restarts.") if until is None else
            translate("Verdict", "Real-time protection is paused until %1.")
            .arg(Moment(float(until), "time" if float(until) - now < 12 * 3600 else "minute")))
    return Reason("realtime.paused", "attention", text, "realtime.resume")


# -- scans, quarantine, the PC, settings -----------------------------------------------------------

@condition
def _scan_overdue(ctx: Context, now: float) -> Reason | None:
    from app.core.scanning.runs import SCANS_SCHEMA

    ctx.store.ensure(SCANS_SCHEMA)
    row = ctx.store.conn.execute(
        "SELECT MAX(finished) FROM scans WHERE finished IS NOT NULL AND NOT cancelled").fetchone()
    last = row[0]
    if last is not None and now - float(last) <= SCAN_OVERDUE_DAYS * DAY:
        return None
    text = (translate("Verdict", "No scan has been completed yet.") if last is None else
            translate("Verdict", "No scan has been completed for %n day(s).", None, 0)
            .plural(round((now - float(last)) / DAY)))
    return Reason("scan.overdue", "attention", text, "scan.quick")


@condition
def _key_not_in_keyring(ctx: Context, now: float) -> Reason | None:
    from app.core.quarantine.keystore import key_protection

    if key_protection(ctx.paths) == "keyring":
        return None
    return Reason("quarantine.key_not_in_keyring", "attention",
                  translate("Verdict", "The quarantine key is kept in a private file because the system keyring is not "
                                "available."))


@condition
def _pc_crashed(ctx: Context, now: float) -> Reason | None:
    from app.core.recovery.explain import kind_title
    from app.core.recovery.seen import SeenCrashes

    pending = SeenCrashes(ctx.store).pending()
    if not pending:
        return None
    newest = pending[0]
    return Reason("crash.unacknowledged", "attention",
                  translate("Verdict", "Your PC restarted unexpectedly (%1) on %2.").arg(kind_title(newest.kind),
                                                                                  Moment.parse(newest.time) or "-"),
                  "recovery.open")


@condition
def _settings_corrupt(ctx: Context, now: float) -> Reason | None:
    """A damaged settings file was kept aside by this process (told for as long as the process runs)."""
    from app.core.foundation.settings import recovered_message

    backup = ctx.settings.recovered_from
    if backup is None:
        return None
    return Reason("settings.corrupt", "attention", recovered_message(backup), "settings.open:general")
