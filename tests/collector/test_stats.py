"""Aggregates per release and ring from real beacons through the real service: reporting installs,
activation / rejection / revert rates by trigger, crash rate and its control group."""

from __future__ import annotations

import requests

from app.channel.collector.server import RunningCollector
from app.channel.collector.storage import BeaconStore
from tests.collector.conftest import beacon


def send(collector: RunningCollector, doc: dict) -> None:
    assert requests.post(f"{collector.url}/v1/beacons", json=doc, timeout=10).status_code == 202


def test_release_stats_by_trigger_step_and_ring(collector: RunningCollector, store: BeaconStore) -> None:
    installs = [f"{i:032x}" for i in range(12)]
    for i, install in enumerate(installs[:10]):
        send(collector, beacon(install=install, ring="early" if i < 2 else "default", event={"version": 7}))
    send(collector, beacon(install=installs[0], ring="early", event={"name": "reverted", "version": 7, "code": "crash_streak"}))
    send(collector, beacon(install=installs[1], ring="early", event={"name": "reverted", "version": 7, "code": "protected_files"}))
    send(collector, beacon(install=installs[2], event={"name": "rolled_back", "version": 7, "code": "user"}))
    send(collector, beacon(install=installs[3], event={"name": "revoked", "version": 7, "code": "revoked"}))
    send(collector, beacon(install=installs[10], event={"name": "rejected", "version": 7, "code": "compile"}))
    send(collector, beacon(install=installs[11], event={"name": "rejected", "version": 7, "code": "compile"}))
    for i, install in enumerate(installs[:4]):
        send(collector, beacon("counters", install=install, counters={"version": 7, "crashes": 1 if i == 0 else 0,
                                                                       "protected_hits": 2 if i == 1 else 0}))
    for i in range(30):  # the control group: installs still on version 6
        send(collector, beacon("counters", install=f"c{i:031x}", content=6,
                               counters={"version": 6, "hangs": 1 if i < 3 else 0}))
    stats = store.release_stats(7)
    assert (stats.reporting, stats.activated) == (12, 10)
    assert stats.reverted == {"crash_streak": 1, "protected_files": 1, "user": 1}
    assert stats.rejected == {"compile": 2} and stats.withdrawn == 1
    assert abs(stats.revert_rate - 0.3) < 1e-9 and abs(stats.rejection_rate - 2 / 12) < 1e-9
    assert (stats.protected_installs, stats.protected_hits) == (1, 2)
    assert (stats.install_days, stats.crash_days, stats.crash_rate) == (4, 1, 0.25)
    ctl = store.release_stats(6)
    assert (ctl.install_days, ctl.crash_days) == (30, 3)
    early = store.release_stats(7, ring="early")
    assert (early.activated, early.reverted) == (2, {"crash_streak": 1, "protected_files": 1})
    shown = requests.get(f"{collector.url}/v1/releases/7", params={"ring": "default"}, timeout=10).json()
    assert shown["activated"] == 8 and shown["reverted"] == {"user": 1}
    assert requests.get(f"{collector.url}/v1/releases/7", params={"ring": "nowhere"}, timeout=10).status_code == 400
    assert store.fleet_size(0) == 42


def test_a_window_leaves_older_reports_out(collector: RunningCollector, store: BeaconStore, clock) -> None:
    send(collector, beacon(event={"version": 7}))
    clock.t += 7200
    send(collector, beacon(event={"version": 7}))
    assert store.release_stats(7).activated == 2
    assert store.release_stats(7, since=clock.t - 60).activated == 1
