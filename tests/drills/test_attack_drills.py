"""The gates under attack, end to end: real clients validate, activate, reject and report through the
real beacon, while made-up installs send well-formed beacons over HTTP to the same real collector.
Each attack must end safe (ADR 0011)."""

from __future__ import annotations

import json
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import requests

from app.channel import publisher
from app.channel.promote import run_once
from app.core.beacon import build
from app.core.beacon.schema import COUNTERS
from tests.drills.conftest import Fleet
from tests.drills.test_drills import on_v1, states

HOUR, DAY = 3600.0, 86400.0


def made_up(n: int, tag: str) -> list[build.Identity]:
    return [build.Identity.of(f"attacker-{tag}-{i}", "default", 0, 1) for i in range(n)]


def counters(identity: build.Identity, version: int, day: str, **values: int) -> dict[str, Any]:
    counts = dict.fromkeys(COUNTERS, 0)
    counts.update(values)
    return build.counter_beacon(identity, {"day": day, "version": version, **counts, "detections_by_hour": [0] * 24},
                                time.time())


def post_all(fleet: Fleet, beacons: list[dict[str, Any]]) -> dict[int, int]:
    """Post beacons over four keep-alive connections; how many got each status code."""
    def post(part: list[dict[str, Any]]) -> list[int]:
        with requests.Session() as session:
            return [session.post(f"{fleet.collector.url}/v1/beacons", json=b, timeout=30).status_code for b in part]

    with ThreadPoolExecutor(4) as pool:
        codes = [c for part in pool.map(post, [beacons[i::4] for i in range(4)]) for c in part]
    return {code: codes.count(code) for code in sorted(set(codes))}


def control_group(fleet: Fleet, n: int = 25) -> None:
    """The rest of the fleet on version 1, reporting its day (seen before the release: established)."""
    day = build.day_of(time.time())
    assert post_all(fleet, [counters(i, 1, day, starts=2) for i in made_up(n, "control")]) == {202: n}


def test_sybil_dilution_and_invented_days_cannot_carry_a_release_every_canary_rejected(fleet: Fleet,
                                                                                       drill_report: dict) -> None:
    control_group(fleet)
    clients = on_v1(fleet, canaries=3, others=1)
    fleet.force_release("counts", 4, exposure=10)  # declares 21 rules, holds 20
    assert [c.check() for c in clients] == ["rejected", "rejected", "rejected", "rolling_out"]
    fleet.report()
    assert len(states(fleet, "rejected")) == 3
    day = build.day_of(time.time())
    sybils = made_up(1000, "sybil")  # 3 of 1,003 would be 0.30 %: under the 0.5 % limit
    sent = post_all(fleet, [b for i in sybils for b in (build.state_beacon(i, "activated", 4, "", time.time()),
                                                        counters(i, 4, day, starts=1))])
    liar = made_up(1, "days")[0]
    invented = post_all(fleet, [counters(liar, 4, time.strftime("%Y-%m-%d", time.gmtime(946_684_800 + n * 365.25 * DAY)),
                                         starts=1) for n in range(110)])
    decision = fleet.promote()
    doc = publisher.current(fleet.repo)
    assert sent == {202: 2000} and invented == {400: 110}
    assert decision.action == "halt" and doc.halt_active and doc.release(4).exposure == 10
    assert "rejection rate 100.00 %: 3 of 3 installs rejected it at validation (compile 3)" in doc.halt_message
    new = next(m for m in decision.metrics if m.name == "new install ids")
    assert new.value == 1000
    assert any(a.startswith("Registration wave: 1000 new install ids from one network") for a in decision.alerts)
    drill_report.update(scenario="Attack: Sybil dilution and invented counter days",
                        injected="3 real canaries reject version 4; 1,000 made-up installs report it activated and "
                                 "healthy (2,000 well-formed beacons); one install sends counters for 110 invented days",
                        clients=len(clients), outcome=f"the made-up installs were stored and shown ({new.detail}), never "
                                                      f"weighed; all 110 invented days were refused (400); the wave was "
                                                      f"flagged by a salted network hash; the gate halted: {doc.halt_message}")


def test_a_forged_severe_report_does_not_halt_and_an_idle_flood_does_not_stall(fleet: Fleet, drill_report: dict) -> None:
    control_group(fleet)
    clients = on_v1(fleet, canaries=3, others=1)
    fleet.release("v2", 10)
    assert [c.check() for c in clients] == ["updated", "updated", "updated", "rolling_out"]
    forger = made_up(1, "forger")[0]
    own_words = build.state_beacon(forger, "protected_hit", 2, "protected_file", time.time())
    own_words["event"]["code"] = "ringfence_is_compromised_reinst"
    forged = post_all(fleet, [own_words, build.state_beacon(forger, "protected_hit", 2, "protected_file", time.time())])
    assert forged == {202: 1, 400: 1}
    day = build.day_of(time.time())
    idle = post_all(fleet, [counters(i, 1, day) for i in made_up(7000, "idle")])  # fleet 7,000: 4 canaries needed
    assert idle == {202: 7000}
    fleet.report()
    control_group(fleet)  # the control group's next report, after the release started
    later = time.time() + 5 * HOUR  # the canary step has baked
    decision = run_once(fleet.repo, fleet.collector.store, auto=True, log_path=fleet.base / "promotions.jsonl", now=later)
    doc = publisher.current(fleet.repo)
    assert decision.action == "promote" and not doc.halt_active and doc.release(2).exposure == 100, decision.reason
    assert "ringfence_is_compromised" not in json.dumps(doc.to_json())
    reporting = next(m for m in decision.metrics if m.name == "reporting installs")
    drill_report.update(scenario="Attack: a forged severe report and an idle flood",
                        injected="one made-up install reports a protected-file hit on a healthy version 2 (first with its "
                                 "own words as the code); 7,000 made-up idle installs appear during the canary step",
                        clients=len(clients), outcome=f"the code in its own words was refused (400), the hit from a new id "
                                                      f"was stored but not weighed, the idle ids did not count in the "
                                                      f"fleet ({reporting.detail}); the gate promoted version 2 to "
                                                      f"{doc.release(2).exposure} buckets")
