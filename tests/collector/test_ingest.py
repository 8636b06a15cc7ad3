"""Beacons in: stored once, retries counted once, bad input refused with a reason and never stored,
floods from one install refused while the service stays up — on SQLite and on PostgreSQL."""

from __future__ import annotations

import json
import socket

import requests

from app.channel.collector.server import RunningCollector
from app.channel.collector.storage import BeaconStore
from tests.collector.conftest import beacon


def post(collector: RunningCollector, doc: object, **kw: object) -> requests.Response:
    return requests.post(f"{collector.url}/v1/beacons", json=doc, timeout=10, **kw)  # type: ignore[arg-type]


def test_a_beacon_is_stored_and_a_retry_counted_once(collector: RunningCollector, store: BeaconStore) -> None:
    doc = beacon()
    first = post(collector, doc)
    assert first.status_code == 202 and first.json() == {"status": "stored"}
    again = post(collector, doc)
    assert again.status_code == 200 and again.json() == {"status": "duplicate"}
    assert store.stored_beacons() == 1
    assert store.release_stats(5).activated == 1


def test_newer_counters_of_the_same_day_replace_older_ones(collector: RunningCollector, store: BeaconStore) -> None:
    install = "a" * 32
    early = beacon("counters", install=install, sent_at=1_800_000_000, counters={"crashes": 0})
    late = beacon("counters", install=install, sent_at=1_800_003_600, counters={"crashes": 2})
    assert post(collector, late).status_code == 202
    assert post(collector, early).status_code == 202  # arrives late: stored, but does not overwrite
    stats = store.release_stats(5)
    assert (stats.install_days, stats.crash_days) == (1, 1)


def test_unknown_versions_are_accepted_and_counted(collector: RunningCollector, store: BeaconStore) -> None:
    assert post(collector, beacon(app="9.7.1-beta+nightly", engine="7.3", content=999999)).status_code == 202
    assert post(collector, beacon(app="0.1.0")).status_code == 202
    seen = {(v["app"], v["content"]): v["installs"] for v in store.versions(0)}
    assert seen[("9.7.1-beta+nightly", 999999)] == 1 and seen[("0.1.0", 5)] == 1


BAD = [
    ("missing install", lambda d: d.pop("install"), "install"),
    ("a file path smuggled in an extra field", lambda d: d.update(file="C:\\Users\\ann\\secret.docx"), "additional"),
    ("a path in the app version", lambda d: d.update(app="/home/ann/report.pdf"), "app"),
    ("a path in the event code", lambda d: d["event"].update(code="c:/windows/system32/svchost.exe"), "code"),
    ("a wrong schema version", lambda d: d.update(schema=2), "schema"),
    ("a decile out of range", lambda d: d.update(decile=10), "decile"),
    ("an unknown event", lambda d: d["event"].update(name="exploded"), "name"),
    ("an install id that is not random hex", lambda d: d.update(install="ann-laptop"), "install"),
]


def test_schema_violations_are_refused_with_a_reason_and_not_stored(collector: RunningCollector,
                                                                    store: BeaconStore) -> None:
    for label, spoil, _field in BAD:
        doc = beacon()
        spoil(doc)
        answer = post(collector, doc)
        assert answer.status_code == 400, label
        assert "schema" in answer.json()["error"], label
    assert store.stored_beacons() == 0
    assert requests.get(f"{collector.url}/v1/health", timeout=5).status_code == 200


def test_not_json_and_wrong_types_are_refused(collector: RunningCollector, store: BeaconStore) -> None:
    url = f"{collector.url}/v1/beacons"
    assert requests.post(url, data=b"{not json", headers={"Content-Type": "application/json"}, timeout=5).status_code == 400
    assert requests.post(url, data=b"\xff\xfe", headers={"Content-Type": "application/json"}, timeout=5).status_code == 400
    wrong_type = requests.post(url, data=json.dumps(beacon()), headers={"Content-Type": "text/plain"}, timeout=5)
    assert wrong_type.status_code == 415 and "application/json" in wrong_type.json()["error"]
    assert requests.post(url, json=[beacon()], timeout=5).status_code == 400
    assert store.stored_beacons() == 0


def test_oversized_bodies_are_refused_declared_or_streamed(collector: RunningCollector, store: BeaconStore) -> None:
    big = beacon()
    big["padding"] = "x" * 10_000
    answer = post(collector, big)
    assert answer.status_code == 413 and "4096 bytes" in answer.json()["error"]

    def chunks():  # no Content-Length: the limit applies while reading
        yield json.dumps(beacon()).encode()[:-1]
        for _ in range(20):
            yield b" " * 1000
        yield b"}"

    streamed = requests.post(f"{collector.url}/v1/beacons", data=chunks(),
                             headers={"Content-Type": "application/json"}, timeout=10)
    assert streamed.status_code == 413
    assert store.stored_beacons() == 0
    assert post(collector, beacon()).status_code == 202  # still up and accepting


def test_a_lying_content_length_does_not_hang_or_store(collector: RunningCollector, store: BeaconStore) -> None:
    host, port = collector.url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=5) as sock:
        sock.sendall(b"POST /v1/beacons HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                     b"Content-Length: 99999999\r\n\r\n{")
        reply = sock.recv(4096)
    assert b" 413 " in reply.split(b"\r\n")[0]
    assert store.stored_beacons() == 0


def test_a_flood_from_one_install_is_refused_and_others_still_get_through(collector: RunningCollector,
                                                                          store: BeaconStore) -> None:
    install = "f" * 32
    codes = [post(collector, beacon(install=install)).status_code for _ in range(30)]
    assert codes[:20] == [202] * 20
    assert set(codes[20:]) == {429}
    refused = post(collector, beacon(install=install))
    assert refused.status_code == 429 and int(refused.headers["Retry-After"]) > 0
    assert "more than 20 beacons" in refused.json()["error"]
    assert store.stored_beacons() == 20  # nothing of the flood beyond the allowance was stored
    assert post(collector, beacon()).status_code == 202  # another install is unaffected
    assert requests.get(f"{collector.url}/v1/health", timeout=5).json() == {"ok": True}


def test_the_hourly_allowance_starts_again_next_hour(collector: RunningCollector, store: BeaconStore, clock) -> None:
    install = "e" * 32
    for _ in range(20):
        assert post(collector, beacon(install=install)).status_code == 202
    assert post(collector, beacon(install=install)).status_code == 429
    clock.t += 3600
    assert post(collector, beacon(install=install)).status_code == 202


def test_other_methods_on_the_beacon_path_are_refused(collector: RunningCollector, store: BeaconStore) -> None:
    url = f"{collector.url}/v1/beacons"
    assert requests.get(url, timeout=5).status_code == 405
    assert requests.put(url, json=beacon(), timeout=5).status_code == 405
    assert store.stored_beacons() == 0
