"""``ringfence-channel promote``: the gates act on a real, signed channel — promote on schedule, bake,
pause without data, halt with the failing metric in the signed rollout document, log every decision
with its numbers, and leave a release alone once a human has resumed after a halt."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import requests

from app.channel import publisher
from app.channel.cli import main as channel_main
from app.channel.collector.server import start_in_thread
from app.channel.collector.storage import BeaconStore, Limits
from app.channel.promote import default_log, run_once
from app.channel.repository import ChannelRepo
from app.core.beacon.build import day_of
from tests.collector.conftest import Clock, beacon
from tests.updates.conftest import Material, material  # noqa: F401 - the session's channel material

HOUR = 3600.0


def make_repo(tmp_path: Path, material: Material, clock: Clock) -> ChannelRepo:  # noqa: F811
    shutil.copytree(material.channel, tmp_path / "chan")
    shutil.copytree(material.keys, tmp_path / "chan-keys")
    return ChannelRepo(tmp_path / "chan", tmp_path / "chan-keys", clock=clock)


def test_promote_bake_pause_halt_and_human_override(tmp_path: Path, material: Material, store: BeaconStore,  # noqa: F811
                                                    store_url: str) -> None:
    clock = Clock(time.time())
    repo = make_repo(tmp_path, material, clock)
    publisher.release(repo, material.bundles["v1"], 10_000)
    running = start_in_thread(store, limits=Limits(50), clock=clock)

    def send(doc: dict) -> None:
        if "counters" in doc:
            doc["counters"]["day"] = day_of(clock.t)
        assert requests.post(f"{running.url}/v1/beacons", json=doc, timeout=10).status_code == 202

    canaries = [f"{i:032x}" for i in range(4)]
    try:
        for install in [*canaries, *(f"c{i:031x}" for i in range(40))]:  # established: seen before version 2
            send(beacon("counters", install=install, content=1, counters={"version": 1}))
        clock.t += 10
        publisher.release(repo, material.bundles["v2"], 0)
        for i in range(40):  # the fleet reports on version 1: the control group
            send(beacon("counters", install=f"c{i:031x}", content=1, counters={"version": 1, "crashes": int(i < 2)}))
        assert run_once(repo, store, auto=True).action == "promote"
        assert publisher.current(repo).release(2).exposure == 10
        assert run_once(repo, store, auto=True).action == "bake"
        clock.t += 5 * HOUR
        paused = run_once(repo, store, auto=True)
        assert paused.action == "pause" and "reporting installs 0 of the 3 needed" in paused.reason
        assert publisher.current(repo).release(2).exposure == 10
        for install in canaries:
            send(beacon(install=install, content=2, event={"version": 2}))
            send(beacon("counters", install=install, content=2, counters={"version": 2}))
        # the command line (real clock: the step has not baked yet there) only shows without --auto
        assert channel_main(["promote", str(repo.dir), "--db", store_url]) == 0
        assert publisher.current(repo).release(2).exposure == 10
        assert run_once(repo, store, auto=True).action == "promote"
        assert publisher.current(repo).release(2).exposure == 100
        clock.t += 1 * HOUR
        send(beacon(install=canaries[0], content=1, event={"name": "reverted", "version": 2, "code": "crash_streak"}))
        alerted = run_once(repo, store, auto=True)  # one install's word: pause and alert, never halt
        assert alerted.action == "pause" and "revert rate 25.00 %" in alerted.alerts[0]
        assert not publisher.current(repo).halt_active and publisher.current(repo).release(2).exposure == 100
        send(beacon(install=canaries[1], content=1, event={"name": "reverted", "version": 2, "code": "crash_streak"}))
        assert channel_main(["promote", str(repo.dir), "--db", store_url, "--auto"]) == 4
        doc = publisher.current(repo)
        assert doc.halt_active and doc.release(2).exposure == 100
        assert doc.halt_message.startswith("Automatic gate halted version 2 at 100 of 10000 buckets: revert rate 50.00 %")
        assert "crash_streak 2" in doc.halt_message
        assert run_once(repo, store, auto=True).action == "none"  # halted: waits for a human
        publisher.resume(repo)
        after = run_once(repo, store, auto=True)
        assert after.action == "none" and "moves only by hand" in after.reason
        assert not publisher.current(repo).halt_active
        log = [json.loads(line) for line in default_log(repo).read_text(encoding="utf-8").splitlines()]
        assert [e["action"] for e in log] == ["promote", "bake", "pause", "bake", "promote", "pause", "halt", "none",
                                              "none"]
        assert [e["applied"] for e in log] == [True, False, False, False, True, False, True, False, False]
        assert log[5]["alerts"] and not log[6]["alerts"]
        halt = log[6]
        revert = next(m for m in halt["metrics"] if m["name"] == "revert rate")
        assert revert["verdict"] == "fail" and revert["value"] == 0.5 and revert["limit"] == 0.005
    finally:
        running.stop()


def test_the_loop_runs_the_gates_once_per_interval(tmp_path: Path, material: Material, store: BeaconStore) -> None:  # noqa: F811
    from app.channel.promote import loop

    clock = Clock(time.time())
    repo = make_repo(tmp_path, material, clock)
    publisher.release(repo, material.bundles["v1"], 0)
    seen, waits = [], []

    class Stop(Exception):
        pass

    def sleep(seconds: float) -> None:
        waits.append(seconds)
        if len(waits) == 2:
            raise Stop

    try:
        loop(repo, store, interval=300, report=seen.append, sleep=sleep)
    except Stop:
        pass
    assert [d.action for d in seen] == ["promote", "bake"] and waits == [300, 300]
    assert publisher.current(repo).release(1).exposure == 10
