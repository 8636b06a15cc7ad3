"""Promotion gates (reference §7.9, Argo Rollouts semantics): decide, from what the fleet reported,
whether a release moves to its next exposure step, waits, pauses or is halted.

* Only established installs are weighed (first seen before the release started, or with counters on
  several days: :func:`app.channel.collector.storage.established_sql`); newer ids are shown, never
  weighed. Beacons come from unauthenticated clients (ADR 0011), so no single report decides.
* A failing metric halts at once, even during the bake (background analysis): revert rate or
  validation-rejection rate above 0.5 %, protected-file hits, or a crash rate significantly above
  the control group (installs on the previous version over the same window; one-sided two-proportion
  z-test on install-days with a crash or hang). The severe signals — reverts, rejections,
  protected-file hits — fail only when :attr:`GateConfig.corroboration` distinct installs report
  them; fewer is an **alert**: the release pauses and the vendor is alerted, never halted, never
  promoted.
* Not enough data — too few reporting canaries, too small a control group — pauses: inconclusive
  never proceeds.
* Otherwise, once the step has baked, the release moves to the next step of its schedule. The
  critical schedule is shorter and faster, and still starts at the canary.

:func:`evaluate` is a pure function of its inputs; :mod:`app.channel.promote` fetches and acts.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field
from typing import Any

from app.channel.collector.storage import ReleaseStats
from app.core.updates.rollout import BUCKETS, Release

HOUR = 3600.0


@dataclass(frozen=True)
class Schedule:
    steps: tuple[int, ...]
    bake_seconds: float

    def next_step(self, exposure: int) -> int | None:
        return next((s for s in self.steps if s > exposure), None)


SCHEDULES = {
    "normal": Schedule((10, 100, 500, 2500, BUCKETS), 4 * HOUR),
    "critical": Schedule((10, 500, BUCKETS), 0.5 * HOUR),
}


@dataclass(frozen=True)
class GateConfig:
    max_revert_rate: float = 0.005
    max_rejection_rate: float = 0.005
    min_reporting: int = 3  # never fewer canaries than this
    max_required: int = 200  # "≥ 200 reporting canaries or half the canary cohort", whichever is fewer
    cohort_share: float = 0.5
    min_control_days: int = 20  # install-days the control group needs before crash rates are compared
    crash_z: float = 2.33  # one-sided, about 99 %
    corroboration: int = 2  # distinct established installs a severe signal needs before it halts
    wave: int = 100  # new install ids from one network since the release started that the log flags


@dataclass
class Metric:
    name: str
    value: float
    limit: float
    verdict: str  # "pass", "fail", "alert" (a severe signal not yet corroborated), "inconclusive" or "info"
    detail: str


@dataclass
class GateDecision:
    action: str  # "promote", "bake", "pause", "halt", "none"
    version: int | None
    exposure: int
    next_exposure: int | None = None
    reason: str = ""
    metrics: list[Metric] = field(default_factory=list)
    alerts: list[str] = field(default_factory=list)  # for the vendor: uncorroborated severe signals, waves

    def to_json(self) -> dict[str, Any]:
        return {**asdict(self), "metrics": [asdict(m) for m in self.metrics]}


def required_reporting(fleet: int, exposure: int, config: GateConfig) -> int:
    expected = fleet * exposure / BUCKETS
    return max(config.min_reporting, min(config.max_required, math.ceil(config.cohort_share * expected)))


def crash_z(stats: ReleaseStats, control: ReleaseStats) -> float:
    """How many standard errors the release's crash rate lies above the control group's."""
    n1, n2 = stats.install_days, control.install_days
    pooled = (stats.crash_days + control.crash_days) / (n1 + n2)
    if pooled in (0.0, 1.0):
        return 0.0
    se = math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
    return (stats.crash_rate - control.crash_rate) / se


def _pct(x: float) -> str:
    return f"{100 * x:.2f} %"


def _severe(over_limit: bool, installs: int, config: GateConfig) -> str:
    if not over_limit:
        return "pass"
    return "fail" if installs >= config.corroboration else "alert"


def metrics(stats: ReleaseStats, control: ReleaseStats, fleet: int, exposure: int, config: GateConfig) -> list[Metric]:
    out = []
    need = required_reporting(fleet, exposure, config)
    out.append(Metric("reporting installs", stats.reporting, need, "pass" if stats.reporting >= need else "inconclusive",
                      f"{stats.reporting} of the {need} needed (fleet {fleet}, exposure {exposure})"))
    rejected = sum(stats.rejected.values())
    steps = ", ".join(f"{k} {v}" for k, v in sorted(stats.rejected.items()))
    out.append(Metric("rejection rate", stats.rejection_rate, config.max_rejection_rate,
                      _severe(stats.rejection_rate > config.max_rejection_rate, rejected, config),
                      f"{_pct(stats.rejection_rate)}: {rejected} of {stats.activated + rejected} installs"
                      + (f" rejected it at validation ({steps})" if steps else "")))
    reverted = sum(stats.reverted.values())
    triggers = ", ".join(f"{k} {v}" for k, v in sorted(stats.reverted.items()))
    out.append(Metric("revert rate", stats.revert_rate, config.max_revert_rate,
                      _severe(stats.revert_rate > config.max_revert_rate, reverted, config),
                      f"{_pct(stats.revert_rate)}: {reverted} of {max(stats.activated, reverted)} installs reverted"
                      + (f" ({triggers})" if triggers else "")))
    hits = stats.protected_hits + stats.protected_installs
    out.append(Metric("protected-file hits", hits, 0,
                      _severe(hits > 0, max(stats.protected_installs, stats.protected_hit_installs), config),
                      f"{stats.protected_hits} protected files flagged, on "
                      f"{max(stats.protected_installs, stats.protected_hit_installs)} installs"))
    if control.install_days < config.min_control_days or stats.install_days < config.min_reporting:
        verdict, z = "inconclusive", 0.0
    else:
        z = crash_z(stats, control)
        verdict = "fail" if z > config.crash_z else "pass"
    out.append(Metric("crash rate vs control", z, config.crash_z, verdict,
                      f"{_pct(stats.crash_rate)} of {stats.install_days} install-days vs {_pct(control.crash_rate)} of "
                      f"{control.install_days} on version {control.version} (z = {z:.2f})"))
    out.append(Metric("new install ids", stats.new_installs, 0, "info",
                      f"{stats.new_installs} installs first seen after the release started reported about it "
                      "(stored, not weighed)"))
    return out


def evaluate(release: Release, stats: ReleaseStats, control: ReleaseStats, fleet: int, now: float, *,
             config: GateConfig | None = None, alerts: list[str] | None = None) -> GateDecision:
    """The decision for ``release``; ``alerts`` (e.g. registration waves) are passed on to the vendor."""
    config = config or GateConfig()
    schedule = SCHEDULES.get(release.severity, SCHEDULES["normal"])
    found = metrics(stats, control, fleet, release.exposure, config)
    decision = GateDecision("none", release.version, release.exposure, metrics=found, alerts=list(alerts or []))
    failed = [m for m in found if m.verdict == "fail"]
    if failed:
        decision.action = "halt"
        decision.reason = (f"Automatic gate halted version {release.version} at {release.exposure} of {BUCKETS} buckets: "
                           + "; ".join(f"{m.name} {m.detail}" for m in failed) + ".")
        return decision
    alarming = [m for m in found if m.verdict == "alert"]
    if alarming and release.exposure > 0:
        decision.action = "pause"
        decision.alerts += [f"Version {release.version}: {m.name} {m.detail}, reported by fewer than "
                            f"{config.corroboration} installs: check it before anything moves." for m in alarming]
        decision.reason = (f"Version {release.version} paused at {release.exposure} buckets and the vendor alerted: "
                           + "; ".join(f"{m.name} {m.detail}" for m in alarming)
                           + f" (not yet corroborated by {config.corroboration} installs).")
        return decision
    next_step = schedule.next_step(release.exposure)
    if next_step is None:
        decision.reason = f"Version {release.version} reaches everyone."
        return decision
    if release.exposure == 0:  # not started: the canary step needs no data
        decision.action, decision.next_exposure = "promote", next_step
        decision.reason = f"Version {release.version} starts at the canary step ({next_step} buckets)."
        return decision
    started = release.exposed_at or release.released_at or now
    if now - started < schedule.bake_seconds:
        decision.action = "bake"
        decision.reason = (f"Version {release.version} bakes at {release.exposure} buckets for another "
                           f"{(schedule.bake_seconds - (now - started)) / 60:.0f} min.")
        return decision
    unsure = [m for m in found if m.verdict == "inconclusive"]
    if unsure:
        decision.action = "pause"
        decision.reason = (f"Version {release.version} paused at {release.exposure} buckets, not enough data: "
                           + "; ".join(f"{m.name} {m.detail}" for m in unsure) + ".")
        return decision
    decision.action, decision.next_exposure = "promote", next_step
    decision.reason = f"Version {release.version} passed every gate at {release.exposure} buckets; next {next_step}."
    return decision
