"""The client's health beacon against a real collector: off by default, nothing before consent,
what the reports carry (and never carry, checked on the bytes the collector received), delivery with
back-off from a bounded queue on disk, and the background thread."""

from __future__ import annotations

import json
import random
import re
import time
from pathlib import Path

import fastjsonschema
import requests

from app.cli import main as ringfence
from app.core.beacon import outbox, reporter
from app.core.beacon.schema import JSON_SCHEMA, MAX_BODY
from app.core.beacon.sender import BeaconThread, send_due
from app.core.context import Context
from app.core.foundation.settings import Settings
from app.core.updates import update_history as history
from app.core.updates.channelconfig import set_channel
from app.core.updates.health import record_engine_event, record_scan_stats
from tests.beacon.conftest import Tapped, start_tapped
from tests.updates.conftest import Setup

SECRET_NAMES = ("Tax-Return-2026.pdf", "anna_private", "svchost.exe", "C:\\Users", "/home/", "System32")


def follow(setup: Setup, collector_url: str | None) -> None:
    set_channel(setup.ctx.paths.config_dir, setup.server.url, setup.repo.dir / "metadata" / "1.root.json",
                collector=collector_url)


def deliver(ctx: Context) -> None:
    reporter.collect(ctx)
    with requests.Session() as session:
        send_due(ctx, session)


def user_activity(ctx: Context, version: int) -> None:
    """Scans that flag files by name and path, engine crashes: what must be counted but never named."""
    record_scan_stats(ctx.store, version, files=300, errors=2, detections=3, seconds=4.0,
                      protected_hits=["C:\\Windows\\System32\\svchost.exe", "/home/anna_private/Tax-Return-2026.pdf"])
    record_engine_event(ctx.store, "start", version)
    record_engine_event(ctx.store, "crash", version, "while scanning /home/anna_private/Tax-Return-2026.pdf")
    history.record(ctx.store, "protected_hit", version, "Version flagged C:\\Windows\\System32\\svchost.exe",
                   code="protected_file")


def test_off_by_default_and_nothing_is_sent_or_queued_before_consent(setup: Setup, collector: Tapped) -> None:
    follow(setup, collector.url)
    assert Settings.load(setup.ctx.paths.settings_file)["beacon.enabled"] is False
    assert reporter.should_ask(setup.ctx)
    setup.release("v1")
    assert setup.service.check().outcome == "updated"
    user_activity(setup.ctx, 1)
    deliver(setup.ctx)
    assert outbox.size(setup.ctx.store) == 0
    assert collector.bodies == [] and collector.store.stored_beacons() == 0


def test_after_consent_state_changes_and_counters_arrive_without_names(setup: Setup, collector: Tapped) -> None:
    follow(setup, collector.url)
    setup.release("v1")
    setup.service.check()  # before consent: never reported
    reporter.set_enabled(setup.ctx, True)
    assert not reporter.should_ask(setup.ctx)
    setup.release("v2")
    assert setup.service.check().outcome == "updated"
    user_activity(setup.ctx, 2)
    deliver(setup.ctx)
    beacons = [json.loads(b) for b in collector.bodies]
    validate = fastjsonschema.compile(JSON_SCHEMA)
    for b in beacons:
        validate(b)
        assert len(json.dumps(b)) < MAX_BODY
    states = [(b["event"]["name"], b["event"]["version"], b["event"]["code"]) for b in beacons if b["kind"] == "state"]
    assert states == [("activated", 2, ""), ("protected_hit", 2, "protected_file")]
    counts = next(b["counters"] for b in beacons if b["kind"] == "counters" and b["counters"]["version"] == 2)
    # two starts: the activation's self-test worker and the one recorded above
    assert (counts["crashes"], counts["starts"], counts["scan_errors"], counts["files"]) == (1, 2, 2, 300)
    assert counts["protected_hits"] == 2 and sum(counts["detections_by_hour"]) == counts["detections"] == 3
    first = beacons[0]
    state = setup.service.state
    assert first["content"] == 2 and first["ring"] == "default" and first["decile"] == setup.service.bucket() // 1000
    assert re.fullmatch(r"[0-9a-f]{32}", first["install"]) and state.install_id.replace("-", "") not in first["install"]
    assert len({b["install"] for b in beacons}) == 1 and len({b["id"] for b in beacons}) == len(beacons)
    raw = collector.raw()
    for name in SECRET_NAMES:
        assert name.encode() not in raw and json.dumps(name)[1:-1].encode() not in raw
    assert state.install_id.encode() not in raw  # the bucket's id stays on the machine; a hash of it travels
    assert collector.store.release_stats(2).activated == 1
    assert collector.store.release_stats(1).activated == 0  # before consent: never sent


def test_unreachable_collector_backs_off_keeps_the_queue_and_delivers_later(setup: Setup, tmp_path: Path) -> None:
    ctx = setup.ctx
    follow(setup, "http://127.0.0.1:9")  # nothing listens there
    reporter.set_enabled(ctx, True)
    history.record(ctx.store, "activated", 7, "Version 7 was activated.")
    reporter.collect(ctx)
    now = time.time()
    with requests.Session() as session:
        report = send_due(ctx, session, now, rng=random.Random(1))
    assert (report.sent, report.postponed) == (0, 1)
    (entry,) = ctx.store.conn.execute("SELECT attempts, next_try FROM beacon_outbox").fetchall()
    assert entry[0] == 1 and 45 <= entry[1] - now <= 75  # one minute, with jitter
    with requests.Session() as session:
        assert send_due(ctx, session, now + 10).postponed == 0  # not due yet: not even tried
    later = start_tapped(tmp_path / "later.db")
    try:
        follow(setup, later.url)
        with requests.Session() as session:
            assert send_due(ctx, session, now + 120).sent == 1
        assert outbox.size(ctx.store) == 0 and later.store.release_stats(7).activated == 1
    finally:
        later.running.stop()
        later.store.close()


def test_a_refused_beacon_is_dropped_and_a_busy_collector_is_retried_after_its_delay(setup: Setup, tmp_path: Path) -> None:
    from app.channel.collector.storage import Limits

    ctx = setup.ctx
    busy = start_tapped(tmp_path / "busy.db", limits=Limits(per_install_per_hour=1))
    try:
        follow(setup, busy.url)
        reporter.set_enabled(ctx, True)
        for v in (7, 8):
            history.record(ctx.store, "activated", v, "")
        reporter.collect(ctx)
        now = time.time()
        with requests.Session() as session:
            report = send_due(ctx, session, now)
        assert (report.sent, report.postponed) == (1, 1)
        (next_try,) = ctx.store.conn.execute("SELECT next_try FROM beacon_outbox").fetchone()
        assert next_try - now >= 3600 - int(now) % 3600 - 1  # the collector's Retry-After, not our back-off
        outbox.clear(ctx.store)
        outbox.enqueue(ctx.store, [{"schema": 99}], now)  # a beacon the collector can never accept
        with requests.Session() as session:
            assert send_due(ctx, session, now).dropped == 1
        assert outbox.size(ctx.store) == 0 and busy.store.stored_beacons() == 1
    finally:
        busy.running.stop()
        busy.store.close()


def test_the_queue_is_bounded_and_old_beacons_are_dropped(setup: Setup) -> None:
    store = setup.ctx.store
    now = time.time()
    assert outbox.enqueue(store, [{"n": i} for i in range(outbox.MAX_QUEUE + 40)], now - 8 * 86400) == 40
    assert outbox.size(store) == outbox.MAX_QUEUE
    assert outbox.due(store, now) == []  # older than a week: gone
    assert outbox.size(store) == 0 and outbox.get(store, "dropped") == outbox.MAX_QUEUE + 40


def test_turning_it_off_empties_the_queue_and_stops_sending(setup: Setup, collector: Tapped) -> None:
    follow(setup, collector.url)
    reporter.set_enabled(setup.ctx, True)
    history.record(setup.ctx.store, "activated", 7, "")
    reporter.collect(setup.ctx)
    reporter.set_enabled(setup.ctx, False)
    assert outbox.size(setup.ctx.store) == 0
    history.record(setup.ctx.store, "activated", 8, "")
    deliver(setup.ctx)
    assert collector.bodies == []


def test_the_background_thread_sends_soon_after_an_update_event(setup: Setup, collector: Tapped) -> None:
    follow(setup, collector.url)
    reporter.set_enabled(setup.ctx, True)
    thread = BeaconThread(setup.ctx.paths, interval=3600)
    thread.start()
    try:
        started = time.monotonic()
        history.record(setup.ctx.store, "reverted", 7, "Version 7 stopped the engine 3 times", code="crash_streak")
        assert time.monotonic() - started < 0.5  # recording never waits for the network
        deadline = time.monotonic() + 20
        while collector.store.stored_beacons() == 0 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert collector.store.release_stats(7).reverted == {"crash_streak": 1}
    finally:
        thread.stop()
        thread.join(10)
    assert not thread.is_alive()


def test_the_consent_text_says_what_is_sent_and_what_never_is() -> None:
    text = reporter.consent_text()
    assert text.context == "Beacon"
    for words in ("crashes", "never contains file names", "random number", "turn this off"):
        assert words in text.english()


def test_cli_beacon_on_off_status_and_the_collector_with_the_channel(setup: Setup, collector: Tapped, capsys) -> None:
    root = setup.repo.dir / "metadata" / "1.root.json"
    assert ringfence(["update", "channel", setup.server.url, "--root", str(root), "--collector", collector.url]) == 0
    assert ringfence(["update", "beacon", "status"]) == 0
    out = capsys.readouterr().out
    assert "Health reports: off" in out and collector.url in out
    assert ringfence(["update", "beacon", "on"]) == 0
    out = capsys.readouterr().out
    assert "never contains file names" in out and '"kind": "counters"' in out
    assert ringfence(["update", "beacon", "send", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["enabled"] is True
    assert ringfence(["update", "beacon", "off"]) == 0
    assert "Health reports: off" in capsys.readouterr().out
    assert ringfence(["update", "channel", setup.server.url, "--root", str(root), "--collector", "ftp://x"]) == 2
    assert "must start with https://" in capsys.readouterr().err


def test_the_setting_changed_directly_never_sends_what_came_before_or_between(setup: Setup, collector: Tapped) -> None:
    """The settings dialog writes beacon.enabled itself: reports still start at that moment."""
    follow(setup, collector.url)
    ctx = setup.ctx
    history.record(ctx.store, "activated", 7, "")  # before any consent
    time.sleep(0.05)
    ctx.settings.set("beacon.enabled", True)
    ctx.settings.save()
    deliver(ctx)
    assert collector.bodies == []
    history.record(ctx.store, "activated", 8, "")
    deliver(ctx)
    ctx.settings.set("beacon.enabled", False)
    ctx.settings.save()
    history.record(ctx.store, "reverted", 8, "", code="crash_streak")  # while off
    deliver(ctx)
    time.sleep(0.05)
    ctx.settings.set("beacon.enabled", True)
    ctx.settings.save()
    history.record(ctx.store, "activated", 9, "")  # noticed only at the next round, still after the consent
    deliver(ctx)
    sent = [(b["event"]["name"], b["event"]["version"]) for b in map(json.loads, collector.bodies)]
    assert sent == [("activated", 8), ("activated", 9)]
