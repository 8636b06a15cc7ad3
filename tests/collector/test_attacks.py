"""The promotion gates under attack: made-up installs send well-formed beacons over HTTP to the real
collector (SQLite and PostgreSQL, a simulated clock) while the real gates decide on a real, signed
channel. Each attack must end safe: a bad release is still halted, a healthy one is never halted by
one forged report, an idle flood cannot stall it, invented days are refused, and no sender-chosen
text reaches the signed rollout document."""

from __future__ import annotations

import json
import logging
import shutil
import socket
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import requests

from app.channel import publisher
from app.channel.collector.guard import GuardedProtocol, Tally
from app.channel.collector.server import RunningCollector, start_in_thread
from app.channel.collector.storage import BeaconStore, Limits
from app.channel.gates import GateDecision
from app.channel.promote import run_once
from app.channel.repository import ChannelRepo
from app.core.beacon.build import day_of
from tests.collector.conftest import Clock, beacon
from tests.updates.conftest import Material, material  # noqa: F401 - the session's channel material

HOUR, DAY = 3600.0, 86400.0


@dataclass
class Range:
    """A channel with version 1 everywhere, an established fleet on it, and version 2 at the canary."""

    repo: ChannelRepo
    store: BeaconStore
    running: RunningCollector
    clock: Clock
    log: Path
    canaries: list[str]
    fleet: list[str]

    def send(self, doc: dict[str, Any]) -> requests.Response:
        if "counters" in doc and "day" not in doc.get("_keep", ()):
            doc["counters"]["day"] = day_of(self.clock.t)
        doc.pop("_keep", None)
        return requests.post(f"{self.running.url}/v1/beacons", json=doc, timeout=30)

    def send_many(self, docs: list[dict[str, Any]]) -> list[int]:
        """Post many beacons over a few keep-alive connections; their status codes."""
        day = day_of(self.clock.t)

        def post_all(part: list[dict[str, Any]]) -> list[int]:
            with requests.Session() as session:
                out = []
                for doc in part:
                    if "counters" in doc:
                        doc["counters"]["day"] = day
                    out.append(session.post(f"{self.running.url}/v1/beacons", json=doc, timeout=30).status_code)
                return out

        parts = [docs[i::4] for i in range(4)]
        with ThreadPoolExecutor(4) as pool:
            return [code for codes in pool.map(post_all, parts) for code in codes]

    def promote(self) -> GateDecision:
        return run_once(self.repo, self.store, auto=True, log_path=self.log)

    def healthy_canaries(self, version: int = 2) -> None:
        for install in self.canaries:
            assert self.send(beacon(install=install, content=version, event={"version": version})).status_code == 202
            assert self.send(beacon("counters", install=install, content=version,
                                    counters={"version": version})).status_code == 202

    def control_reports(self, crashes: int = 1) -> None:
        for i, install in enumerate(self.fleet):
            assert self.send(beacon("counters", install=install, content=1,
                                    counters={"version": 1, "crashes": int(i < crashes)})).status_code == 202


def made_up(n: int, tag: str) -> list[str]:
    return [f"{tag}{i:0{32 - len(tag)}x}" for i in range(n)]


@pytest.fixture
def range_(tmp_path: Path, material: Material, store: BeaconStore) -> Iterator[Range]:  # noqa: F811
    clock = Clock(time.time())
    shutil.copytree(material.channel, tmp_path / "chan")
    shutil.copytree(material.keys, tmp_path / "chan-keys")
    repo = ChannelRepo(tmp_path / "chan", tmp_path / "chan-keys", clock=clock)
    publisher.release(repo, material.bundles["v1"], 10_000)
    running = start_in_thread(store, limits=Limits(20), clock=clock)
    r = Range(repo, store, running, clock, tmp_path / "promotions.jsonl", made_up(5, "ca"), made_up(40, "f"))
    try:
        for install in [*r.canaries, *r.fleet]:  # the established fleet, seen the day before
            assert r.send(beacon("counters", install=install, content=1, counters={"version": 1})).status_code == 202
        clock.t += DAY
        publisher.release(repo, material.bundles["v2"], 0)
        assert r.promote().action == "promote"  # the canary step: 10 buckets
        clock.t += 60
        yield r
    finally:
        running.stop()


def test_sybil_dilution_cannot_carry_a_release_every_real_canary_reverted(range_: Range) -> None:
    r = range_
    r.control_reports()
    for install in r.canaries:  # every real canary crashed and reverted
        assert r.send(beacon(install=install, content=2, event={"version": 2})).status_code == 202
        assert r.send(beacon("counters", install=install, content=2, counters={"version": 2, "crashes": 3})).status_code == 202
        assert r.send(beacon(install=install, content=1,
                             event={"name": "reverted", "version": 2, "code": "crash_streak"})).status_code == 202
    sybils = made_up(1200, "5b")  # made-up installs: activated, healthy counters, within the rate limit
    codes = r.send_many([doc for install in sybils for doc in (
        beacon(install=install, content=2, event={"version": 2}),
        beacon("counters", install=install, content=2, counters={"version": 2}))])
    assert set(codes) == {202}  # well-formed: stored, counted apart
    r.clock.t += 5 * HOUR
    decision = r.promote()
    doc = publisher.current(r.repo)
    assert decision.action == "halt" and doc.halt_active and doc.release(2).exposure == 10
    assert "revert rate 100.00 %: 5 of 5 installs reverted (crash_streak 5)" in doc.halt_message
    new = next(m for m in decision.metrics if m.name == "new install ids")
    assert new.value == 1200 and new.verdict == "info"
    # the wave of new ids from one network is flagged, by a salted hash, never by its address
    (wave,) = decision.alerts
    assert wave.startswith("Registration wave: 1200 new install ids from one network (hash ")
    log = r.log.read_text(encoding="utf-8")
    assert "127.0.0" not in log and "Registration wave" in log


def test_one_forged_severe_report_neither_halts_a_healthy_release_nor_speaks_in_the_signed_document(range_: Range) -> None:
    r = range_
    r.control_reports()
    r.healthy_canaries()
    forged = beacon(install=made_up(1, "e0")[0], content=2,
                    event={"name": "protected_hit", "version": 2, "code": "ringfence_is_compromised_reinst"})
    refused = r.send(forged)
    assert refused.status_code == 400 and "schema 1" in refused.json()["error"]
    forged["event"]["code"] = "protected_file"
    assert r.send(forged).status_code == 202  # a new id: stored, shown, never weighed
    r.clock.t += 5 * HOUR
    assert r.promote().action == "promote"
    assert publisher.current(r.repo).release(2).exposure == 100
    # the same report from one established install: pause and alert the vendor; never halt, never proceed
    assert r.send(beacon(install=r.canaries[0], content=2,
                         event={"name": "protected_hit", "version": 2, "code": "protected_file"})).status_code == 202
    r.clock.t += 5 * HOUR
    decision = r.promote()
    doc = publisher.current(r.repo)
    assert decision.action == "pause" and not doc.halt_active and doc.release(2).exposure == 100
    assert "vendor alerted" in decision.reason and decision.alerts[0].startswith("Version 2: protected-file hits")
    assert "ringfence_is_compromised" not in json.dumps(doc.to_json()) + r.log.read_text(encoding="utf-8")
    # a second established install corroborates it: now it halts
    assert r.send(beacon(install=r.canaries[1], content=2,
                         event={"name": "protected_hit", "version": 2, "code": "protected_file"})).status_code == 202
    assert r.promote().action == "halt"
    assert publisher.current(r.repo).halt_message.startswith(
        "Automatic gate halted version 2 at 100 of 10000 buckets: protected-file hits 0 protected files flagged, on 2 installs")


def test_an_idle_flood_of_made_up_installs_cannot_stall_a_healthy_release(range_: Range) -> None:
    r = range_
    r.control_reports()
    r.healthy_canaries()
    r.clock.t += 5 * HOUR
    assert r.promote().action == "promote"  # 1 % now: half the expected cohort of the real fleet is 3 at most
    idle = made_up(1500, "1d")
    assert set(r.send_many([beacon("counters", install=i, content=1, counters={"version": 1, "starts": 0})
                            for i in idle])) == {202}
    r.clock.t += 5 * HOUR
    r.control_reports()
    r.healthy_canaries()
    decision = r.promote()
    reporting = next(m for m in decision.metrics if m.name == "reporting installs")
    assert decision.action == "promote" and decision.next_exposure == 500, decision.reason
    assert "(fleet 45, exposure 100)" in reporting.detail


def test_invented_counter_days_are_refused_and_cannot_hide_a_crashing_canary(range_: Range) -> None:
    r = range_
    r.control_reports()
    for install in r.canaries[:3]:
        assert r.send(beacon(install=install, content=2, event={"version": 2})).status_code == 202
        assert r.send(beacon("counters", install=install, content=2, counters={"version": 2, "crashes": 2})).status_code == 202
    liar = r.canaries[4]  # even an established install: its invented days go nowhere
    answers = []
    for n in range(110):
        day = time.strftime("%Y-%m-%d", time.gmtime(946_684_800 + n * 365.25 * DAY))  # 2000-01-01 … 2109
        answers.append(r.send(beacon("counters", install=liar, content=2, _keep=("day",),
                                     counters={"version": 2, "day": day})))
    assert {a.status_code for a in answers} == {400}
    assert answers[0].json() == {"error": "counters are accepted for the last 3 days and today only"}
    stale = beacon("counters", install=liar, content=2, _keep=("day",),
                   counters={"version": 2, "day": day_of(r.clock.t - 5 * DAY)})
    assert r.send(stale).status_code == 400
    impossible = beacon("counters", install=liar, content=2, counters={"version": 2, "detections": 5})
    assert r.send(impossible).json() == {"error": "the detections per hour do not add up to the day's detections"}
    r.clock.t += HOUR
    decision = r.promote()
    assert decision.action == "halt" and "crash rate vs control" in decision.reason
    assert r.store.release_stats(2).install_days == 3  # one record per install and day; nothing invented


def test_queries_with_impossible_numbers_answer_400(range_: Range) -> None:
    for path in ("/v1/releases/1?since=nan", "/v1/releases/1?since=1e999", "/v1/releases/1?since=-inf",
                 "/v1/releases/" + "9" * 20, "/v1/releases/x", "/v1/versions?since=nan"):
        answer = requests.get(range_.running.url + path, timeout=10)
        assert answer.status_code == 400, path
        assert "error" in answer.json() and "Traceback" not in answer.text
    assert requests.get(range_.running.url + "/v1/releases/2?since=0", timeout=10).status_code == 200


def test_slow_clients_time_out_and_cannot_hold_every_connection(store: BeaconStore, clock: Clock,
                                                                caplog: pytest.LogCaptureFixture) -> None:
    quick = type("QuickGuard", (GuardedProtocol,), {"header_timeout": 0.5, "body_timeout": 0.5, "max_connections": 20,
                                                    "tally": Tally()})
    running = start_in_thread(store, clock=clock, protocol=quick)
    host, port = running.url.removeprefix("http://").split(":")
    slow: list[socket.socket] = []
    try:
        with caplog.at_level(logging.WARNING, logger="app.channel.collector.guard"):
            for i in range(30):  # more than the cap: headers (or a body) a byte at a time, never finished
                s = socket.create_connection((host, int(port)), timeout=10)
                s.sendall(b"POST /v1/beacons HTTP/1.1\r\nHost: x\r\n" if i % 2 else
                          b"POST /v1/beacons HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                          b"Content-Length: 400\r\n\r\n{\"schema\"")
                slow.append(s)
            started = time.monotonic()
            while True:  # a real beacon gets through once the slow ones have timed out
                try:
                    answer = requests.post(f"{running.url}/v1/beacons", json=beacon(), timeout=5)
                    if answer.status_code == 202:
                        break
                except requests.ConnectionError:
                    pass
                assert time.monotonic() - started < 5, "a real beacon waited for slow clients"
                time.sleep(0.05)
            for s in slow:  # every slow connection was closed by the collector
                s.settimeout(5)
                try:
                    assert s.recv(100) == b""
                except ConnectionResetError:
                    pass
        text = caplog.text
        assert "more than 20 open connections" in text
        assert "a slow client (no complete request headers within 0.5 s)" in text
        assert "a slow client (no complete request body within 0.5 s)" in text
        assert "127.0.0.1" not in text
    finally:
        for s in slow:
            s.close()
        running.stop()
