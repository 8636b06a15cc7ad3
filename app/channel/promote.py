"""``ringfence-channel promote DIR``: run the promotion gates on the channel's newest rolling release.

Once per call (cron-friendly) or in a loop. Without ``--auto`` it only shows what it would do. With
``--auto`` a pass raises the exposure and a failing gate halts the channel, with the failing metric in
the signed rollout document's message — both through the ordinary publisher, so the document is
re-signed with a higher sequence. Every decision is appended with its numbers to the decision log
(JSON lines, beside the channel folder, never inside what is published).

Only established installs are weighed (see :mod:`app.channel.gates`); alerts for the vendor — a severe
signal from too few installs, a wave of new install ids from one network — are in the decision and
the log, and printed by the command.

Humans keep the last word with the existing commands: after ``resume`` following a gate's halt, the
gates leave that release alone (it moves only with ``expose``); ``revoke`` and ``rollback-to`` as ever.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path

from app.channel import gates, publisher
from app.channel.collector.storage import BASELINE, BeaconStore
from app.channel.repository import ChannelRepo
from app.core.updates.rollout import BUCKETS, Release, RolloutDoc, iso

FLEET_WINDOW = 7 * 24 * 3600.0


def default_log(repo: ChannelRepo) -> Path:
    return repo.dir.parent / f"{repo.dir.name}-promotions.jsonl"


def _candidate(doc: RolloutDoc) -> Release | None:
    rolling = [r for r in doc.releases if r.version not in doc.revoked and r.exposure < BUCKETS and r.state != "complete"]
    return max(rolling, key=lambda r: r.version) if rolling else None


def _control_version(doc: RolloutDoc, version: int) -> int:
    older = [r.version for r in doc.releases if r.version < version and r.version not in doc.revoked]
    return max(older) if older else BASELINE


def _last_action(log_path: Path, version: int) -> str | None:
    try:
        lines = log_path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return None
    for line in reversed(lines):
        try:
            entry = json.loads(line)
        except ValueError:
            continue
        if entry.get("version") == version and entry.get("applied"):
            return str(entry.get("action"))
    return None


def decide(repo: ChannelRepo, store: BeaconStore, now: float, log_path: Path,
           config: gates.GateConfig | None = None) -> gates.GateDecision:
    doc = publisher.current(repo)
    release = _candidate(doc)
    if release is None:
        return gates.GateDecision("none", None, 0, reason="No release is rolling out.")
    if doc.halt_active:
        return gates.GateDecision("none", release.version, release.exposure,
                                  reason=f"The channel is halted ({doc.halt_message}); a human resumes it.")
    if _last_action(log_path, release.version) == "halt":
        return gates.GateDecision("none", release.version, release.exposure,
                                  reason=f"A human resumed the channel after the gate halted version {release.version}; "
                                         "it moves only by hand now.")
    config = config or gates.GateConfig()
    since = release.released_at or 0.0
    stats = store.release_stats(release.version, since, established_before=since)
    control = store.release_stats(_control_version(doc, release.version), since, established_before=since)
    fleet = store.fleet_size(now - FLEET_WINDOW, established_before=since)
    waves = [f"Registration wave: {n} new install ids from one network (hash {network}) since version "
             f"{release.version} was released." for network, n in store.registration_waves(since, config.wave)]
    return gates.evaluate(release, stats, control, fleet, now, config=config, alerts=waves)


def run_once(repo: ChannelRepo, store: BeaconStore, *, auto: bool, log_path: Path | None = None,
             now: float | None = None, config: gates.GateConfig | None = None) -> gates.GateDecision:
    log_path = log_path or default_log(repo)
    now = repo.clock() if now is None else now
    decision = decide(repo, store, now, log_path, config)
    applied = False
    if auto and decision.version is not None:
        if decision.action == "promote" and decision.next_exposure is not None:
            publisher.expose(repo, decision.version, decision.next_exposure)
            applied = True
        elif decision.action == "halt":
            publisher.halt(repo, decision.reason)
            applied = True
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with log_path.open("a", encoding="utf-8") as log:
        log.write(json.dumps({"time": iso(now), "applied": applied, **decision.to_json()}, sort_keys=True) + "\n")
    return decision


def loop(repo: ChannelRepo, store: BeaconStore, *, interval: float, log_path: Path | None = None,
         report: Callable[[gates.GateDecision], None] = print, sleep: Callable[[float], None] = time.sleep) -> None:
    while True:
        report(run_once(repo, store, auto=True, log_path=log_path))
        sleep(interval)
