"""Fleet simulation: thousands of simulated installations send real beacons over HTTP to the real
collector while the real promotion gates drive two releases on a real, signed channel.

    python bench/fleet_sim.py [--clients 5000] [--seed 7] [--json OUT] [--no-attacks]

Simulated hours pass in steps of one hour (the publisher's, the collector's and the gates' clocks all
follow the simulation). Each installation polls the signed rollout document every few hours and
takes what its bucket allows (the client's own ring rules), reports activations, and sends its day's
counters (engine starts, crashes) every three hours, built with the client's beacon code. Engine crashes
happen at a base rate of 0.1 % per installation-hour; the **bad** release raises that to 15 %.

1. The bad release starts at the canary (10 buckets); the gates run every hour. Expected: halted at the
   canary step; the number of installations that ever ran it is reported.
2. A human revokes it and resumes; a **good** release (same crash rate as the fleet) starts at the
   canary. Expected: promoted 0.1 % → 1 % → 5 % → 25 % → 100 % on the 4-hour schedule.

Unless ``--no-attacks``, an attacker with made-up install ids (well-formed beacons, each id within the
rate limit) tries to steer both: **Sybil dilution** (3,000 made-up installs report the bad release as
activated and healthy), **invented days** (one install sends its counters for 110 invented days),
a **forged severe report** (one made-up install reports a protected-file hit on the good release,
first with its own words as the code) and an **idle flood** (12,000 made-up idle installs appear while
the good release rolls out). Expected: the same two outcomes as without the attacker.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.channel import publisher  # noqa: E402
from app.channel.collector.server import start_in_thread  # noqa: E402
from app.channel.collector.sqlite import SqliteStore  # noqa: E402
from app.channel.collector.storage import Limits  # noqa: E402
from app.channel.promote import run_once  # noqa: E402
from app.channel.repository import ChannelRepo  # noqa: E402
from app.core.beacon import build  # noqa: E402
from app.core.beacon.schema import COUNTERS  # noqa: E402
from app.core.updates.rings import Policy, bucket, choose  # noqa: E402
from app.engine.bundle import build_bundle  # noqa: E402

HOUR = 3600.0
EICAR = 'rule EICAR_Test_File {\n  strings: $a = "EICAR-STANDARD-ANTIVIRUS-TEST-FILE"\n  condition: $a\n}\n'
BASE_CRASH, BAD_CRASH = 0.001, 0.15


class SimClock:
    def __init__(self) -> None:
        self.t = float(int(time.time() // 86400) * 86400)

    def __call__(self) -> float:
        return self.t


@dataclass
class Install:
    install_id: str
    bucket: int
    next_poll: float
    version: int = 1
    ever: frozenset[int] = frozenset({1})
    day: str = ""
    today: dict[int, list[int]] | None = None  # version -> [starts, crashes] of the current day

    def identity(self) -> build.Identity:
        return build.Identity.of(self.install_id, "default", self.bucket, self.version)


class Attacker:
    """Made-up installs sending well-formed beacons (see the module documentation); what the collector
    answered is kept per attack."""

    def __init__(self, sim: Sim, sybils: int = 3000, idle: int = 12_000) -> None:
        self.sim, self.sybils, self.idle = sim, sybils, idle
        self.answers: dict[str, dict[int, int]] = {}

    def _identity(self, name: str, version: int | None) -> build.Identity:
        return build.Identity.of(f"attacker-{name}", "default", 0, version)

    def _post(self, attack: str, beacons: list[dict]) -> None:
        tally = self.answers.setdefault(attack, {})
        for code in self.sim.pool.map(self.sim._post, beacons):
            tally[code] = tally.get(code, 0) + 1

    def _counters(self, identity: build.Identity, day: str, version: int, now: float, **values: int) -> dict:
        counts = dict.fromkeys(COUNTERS, 0)
        counts.update(values)
        return build.counter_beacon(identity, {"day": day, "version": version, **counts,
                                               "detections_by_hour": [0] * 24}, now)

    def on_bad(self, hour: int, version: int) -> None:
        now, today = self.sim.clock.t, build.day_of(self.sim.clock.t)
        sybils = [self._identity(f"sybil-{i}", version) for i in range(self.sybils)]
        if hour == 0:
            self._post("sybil dilution", [build.state_beacon(i, "activated", version, "", now) for i in sybils])
        if hour % 3 == 0:
            self._post("sybil dilution", [self._counters(i, today, version, now, starts=1) for i in sybils])
        if hour == 1:
            liar = self._identity("days", version)
            self._post("invented days", [self._counters(liar, time.strftime("%Y-%m-%d", time.gmtime(
                946_684_800 + n * 365.25 * 86400)), version, now, starts=1) for n in range(110)])

    def on_good(self, hour: int, version: int) -> None:
        now, today = self.sim.clock.t, build.day_of(self.sim.clock.t)
        if hour == 1:
            forger = self._identity("forger", version)
            own_words = build.state_beacon(forger, "protected_hit", version, "protected_file", now)
            own_words["event"]["code"] = "ringfence_is_compromised_reinst"
            self._post("forged severe report", [own_words,
                                                build.state_beacon(forger, "protected_hit", version, "protected_file", now)])
        if hour == 2:
            self._post("idle flood", [self._counters(self._identity(f"idle-{i}", 1), today, 1, now)
                                      for i in range(self.idle)])


class Sim:
    def __init__(self, base: Path, clients: int, seed: int) -> None:
        self.rng = random.Random(seed)
        self.clock = SimClock()
        self.repo = ChannelRepo.init(base / "chan", base / "chan-keys", clock=self.clock)
        publisher.create(self.repo, "stable", "fleet-salt")
        self.bundles = {v: self._bundle(base, v) for v in (1, 2, 3)}
        publisher.release(self.repo, self.bundles[1], 10_000)
        self.store = SqliteStore(base / "collector.db")
        self.collector = start_in_thread(self.store, limits=Limits(120), clock=self.clock)
        self.fleet = []
        for i in range(clients):
            iid = f"sim-{seed}-{i}"
            self.fleet.append(Install(iid, bucket(iid, "fleet-salt"), self.clock.t + self.rng.uniform(0, 4 * HOUR)))
        self.crash_rate = {1: BASE_CRASH, 2: BAD_CRASH, 3: BASE_CRASH}
        self.local = threading.local()
        self.pool = ThreadPoolExecutor(8)
        self.sent = 0
        self.log: list[dict] = []

    def _bundle(self, base: Path, version: int) -> Path:
        rules = base / f"rules-{version}"
        rules.mkdir()
        (rules / "eicar.yar").write_text(EICAR, encoding="utf-8")
        return build_bundle(rules, base / f"defs-{version}.tar.gz", version, rule_count=1)

    def _post(self, body: dict) -> int:
        session = getattr(self.local, "session", None)
        if session is None:
            session = self.local.session = requests.Session()
        return session.post(f"{self.collector.url}/v1/beacons", json=body, timeout=30).status_code

    def send(self, beacons: list[dict]) -> None:
        codes = list(self.pool.map(self._post, beacons))
        bad = [c for c in codes if c not in (200, 202)]
        if bad:
            raise RuntimeError(f"the collector refused simulated beacons: {sorted(set(bad))}")
        self.sent += len(beacons)

    def hour(self) -> None:
        """One simulated hour for the whole fleet."""
        now = self.clock.t
        doc = publisher.current(self.repo)
        today = build.day_of(now)
        out: list[dict] = []
        report_counters = int(now // HOUR) % 3 == 0
        for inst in self.fleet:
            if inst.day != today or inst.today is None:
                inst.day, inst.today = today, {}
            counts = inst.today.setdefault(inst.version, [0, 0])
            if now >= inst.next_poll:
                inst.next_poll = now + 4 * HOUR * self.rng.uniform(0.8, 1.2)
                if inst.version in doc.revoked:
                    out.append(build.state_beacon(inst.identity(), "revoked", inst.version, "revoked", now))
                    inst.version = max(v for v in inst.ever if v not in doc.revoked)
                choice = choose(doc, Policy("default", inst.bucket, now), active=inst.version, engine_version="1.0",
                                excluded=set(), declined=set())
                if choice.version is not None:
                    inst.version, inst.ever = choice.version, inst.ever | {choice.version}
                    counts = inst.today.setdefault(inst.version, [0, 0])
                    counts[0] += 1
                    out.append(build.state_beacon(inst.identity(), "activated", inst.version, "", now))
            if self.rng.random() < self.crash_rate[inst.version]:
                counts[0] += 1
                counts[1] += 1
            if report_counters:  # per day and version, as the client counts them
                for version, (starts, crashes) in inst.today.items():
                    values = dict.fromkeys(COUNTERS, 0)
                    values.update(starts=starts, crashes=crashes)
                    out.append(build.counter_beacon(inst.identity(), {"day": today, "version": version, **values,
                                                                      "detections_by_hour": [0] * 24}, now))
        self.send(out)

    def drive(self, version: int, max_hours: int, until: Callable[[], bool],
              attack: Callable[[int, int], None] | None = None) -> int:
        publisher.release(self.repo, self.bundles[version], 0)
        for h in range(max_hours):
            if attack is not None:
                attack(h, version)
            decision = run_once(self.repo, self.store, auto=True, log_path=self.repo.dir.parent / "promotions.jsonl")
            self.log.append({"hour": h, "version": version, "action": decision.action, "exposure": decision.exposure,
                             "next": decision.next_exposure, "reason": decision.reason, "alerts": decision.alerts})
            print(f"  h{h:02d} v{version} {decision.action:7s} exposure {decision.exposure:5d}  {decision.reason[:110]}",
                  flush=True)
            if until():
                return h
            self.hour()
            self.clock.t += HOUR
        return max_hours

    def close(self) -> None:
        self.pool.shutdown()
        self.collector.stop()
        self.store.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", help="write the results here (for scripts/reliability_report)")
    parser.add_argument("--no-attacks", action="store_true", help="without the attacker's made-up installs")
    args = parser.parse_args()
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as tmp:
        sim = Sim(Path(tmp), args.clients, args.seed)
        attacker = None if args.no_attacks else Attacker(sim)
        try:
            for _ in range(6):  # a quiet morning: the fleet on version 1 reports, the control group fills
                sim.hour()
                sim.clock.t += HOUR
            print("bad release (crash rate 15 % per installation-hour):", flush=True)
            halted_after = sim.drive(2, 48, lambda: publisher.current(sim.repo).halt_active,
                                     attacker.on_bad if attacker else None)
            doc = publisher.current(sim.repo)
            bad = doc.release(2)
            ran_bad = sum(1 for i in sim.fleet if 2 in i.ever)
            halt_message = doc.halt_message
            publisher.revoke(sim.repo, 2, "raised crash rate in the canary")
            publisher.resume(sim.repo)
            print("good release (crash rate as the fleet):", flush=True)
            complete_after = sim.drive(3, 60, lambda: (publisher.current(sim.repo).release(3).exposure == 10_000),
                                       attacker.on_good if attacker else None)
            on_good = sum(1 for i in sim.fleet if 2 in i.ever and i.version == 3)
            for _ in range(8):
                sim.hour()
                sim.clock.t += HOUR
            result = {
                "clients": args.clients, "seed": args.seed, "beacons_sent": sim.sent,
                "bad": {"halted": halt_message != "", "halted_after_hours": halted_after, "exposure_at_halt": bad.exposure if bad else None,
                        "installs_that_ran_it": ran_bad, "share": ran_bad / args.clients, "halt_message": halt_message},
                "good": {"hours_to_complete": complete_after, "exposure": publisher.current(sim.repo).release(3).exposure,
                         "steps": [e for e in sim.log if e["version"] == 3 and e["action"] == "promote"],
                         "installs_on_it_at_end": sum(1 for i in sim.fleet if i.version == 3),
                         "bad_installs_now_on_good": on_good},
                "wall_seconds": round(time.monotonic() - started, 1),
                "attacks": attacker.answers if attacker else {},
                "alerts": {v: next((e["alerts"] for e in reversed(sim.log) if e["version"] == v and e["alerts"]), [])
                           for v in (2, 3)},
                "halted_good": any(e["action"] == "halt" for e in sim.log if e["version"] == 3),
            }
        finally:
            sim.close()
    print(json.dumps({k: v for k, v in result.items() if k != "good"}, indent=2))
    print(f"good release: 100 % after {complete_after} simulated hours; {result['good']['installs_on_it_at_end']} "
          f"installations on it at the end")
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
