"""Consent, and turning what happened into queued beacons.

Nothing is queued, let alone sent, before the user agrees (``beacon.enabled``, off by default), and
nothing from before the moment of consent: the history cursor and the counters start there. Turning
the beacon off empties the queue.
"""

from __future__ import annotations

import json
import time
from typing import Any

from app.core.beacon import build, outbox
from app.core.context import Context
from app.core.text.messages import Message, translate
from app.core.updates.channelconfig import load_channel
from app.core.updates.rings import bucket
from app.core.updates.state import load_state
from app.core.updates.update_history import SCHEMA as UPDATES_SCHEMA

COUNTER_EVERY = 3 * 3600  # a day's counters are refreshed at most this often while the day runs


def consent_text() -> Message:
    """The question the console asks once, in plain words: what is sent, what never is, and why."""
    return translate(
        "Beacon",
        "Help stop bad definitions updates before they reach everyone? Ringfence can send the vendor a short, "
        "anonymous health report after each definitions update (installed, refused, rolled back, or passed its "
        "health check) and once a day a few counts (engine crashes and hangs, scan errors, protected system files "
        "flagged, detections per hour). Each report carries a random number that identifies this installation and "
        "nothing else, its update ring and the versions of Ringfence and its definitions. It never contains file "
        "names, folders, file contents or anything about your files. The vendor uses these reports to halt a "
        "release that makes computers crash or flags system files while only a few installations have it. You can "
        "turn this off at any time in the settings.")


def enabled(ctx: Context) -> bool:
    return bool(ctx.settings["beacon.enabled"])


def collector_url(ctx: Context) -> str | None:
    config = load_channel(ctx.paths.config_dir)
    return config.collector if config else None


def should_ask(ctx: Context) -> bool:
    """Whether the console still has to ask the question (it asks once)."""
    return not outbox.get(ctx.store, "asked", False) and not enabled(ctx)


def set_enabled(ctx: Context, on: bool, now: float | None = None) -> None:
    """Record the user's answer (the console asks once; the settings dialog and the CLI change it too)."""
    ctx.settings.set("beacon.enabled", on)
    ctx.settings.save()
    outbox.put(ctx.store, "asked", True)
    sync_consent(ctx, time.time() if now is None else now)


def _changed_at(ctx: Context) -> float:
    """When the settings were last saved: the moment of consent when the settings dialog switched it on."""
    try:
        return ctx.paths.settings_file.stat().st_mtime
    except OSError:
        return time.time()


def sync_consent(ctx: Context, since: float | None = None) -> bool:
    """Follow the setting, however it was changed: on → reports start at the moment it was switched on
    (``since``, else when the settings were saved) — nothing from before, nor from a time it was off;
    off → the queue is emptied. Returns whether reports are on."""
    on, store = enabled(ctx), ctx.store
    if on == bool(outbox.get(store, "active", False)):
        return on
    if on:
        since = _changed_at(ctx) if since is None else since
        store.ensure(UPDATES_SCHEMA)
        (last,) = store.conn.execute("SELECT COALESCE(MAX(id), 0) FROM update_history WHERE time < ?",
                                     (since,)).fetchone()
        outbox.put(store, "enabled_at", since)
        outbox.put(store, "history_cursor", int(last))
        outbox.put(store, "counters_sent", {})
    else:
        outbox.clear(store)
    outbox.put(store, "active", on)
    return on


def identity(ctx: Context) -> build.Identity:
    state = load_state(ctx.paths.data_dir)
    return build.Identity.of(state.install_id, str(ctx.settings["updates.ring"]), bucket(state.install_id, state.bucket_salt),
                             state.active_version)


def collect(ctx: Context, now: float | None = None) -> int:
    """Queue beacons for what happened since the last look; returns how many were queued."""
    if not sync_consent(ctx):
        return 0
    now = time.time() if now is None else now
    who = identity(ctx)
    store = ctx.store
    beacons, cursor = build.state_beacons(store, who, int(outbox.get(store, "history_cursor", 0)), now)
    since = float(outbox.get(store, "enabled_at", now))
    sent: dict[str, Any] = outbox.get(store, "counters_sent", {})
    today = build.day_of(now)
    for day, version in build.active_days(store, max(since, now - 2 * build.DAY)):
        values = build.counters(store, day, version, since)
        key, digest = f"{day}|{version}", json.dumps(values, sort_keys=True)
        last_at, last_digest = sent.get(key, (0.0, ""))
        if digest == last_digest or (day == today and now - last_at < COUNTER_EVERY):
            continue
        beacons.append(build.counter_beacon(who, values, now))
        sent[key] = (now, digest)
    cutoff = build.day_of(now - 3 * build.DAY)
    sent = {k: v for k, v in sent.items() if k.split("|", 1)[0] >= cutoff}
    if beacons:
        outbox.enqueue(store, beacons, now)
    outbox.put(store, "history_cursor", cursor)
    outbox.put(store, "counters_sent", sent)
    return len(beacons)


def status(ctx: Context) -> dict[str, Any]:
    store = ctx.store
    return {"enabled": enabled(ctx), "asked": not should_ask(ctx), "collector": collector_url(ctx),
            "queued": outbox.size(store), "last_sent": outbox.get(store, "last_sent"),
            "last_error": outbox.get(store, "last_error"), "sent": outbox.get(store, "sent", 0),
            "dropped": outbox.get(store, "dropped", 0)}


def preview(ctx: Context) -> str:
    """A sample of exactly what a report looks like, for the console and ``update beacon status``."""
    sample = build.counter_beacon(identity(ctx), build.counters(ctx.store, build.day_of(time.time()), "", time.time()),
                                  time.time())
    return json.dumps(sample, indent=2, sort_keys=True)
