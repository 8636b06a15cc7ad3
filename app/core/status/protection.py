"""Protection status, collected from the other services: the verdict (:mod:`app.core.status.verdict`)
with its reasons, and the engine, definitions, last scan, updates and quarantine details.

The definitions' age and the notes are messages (the console renders them in its language);
:func:`english` turns the whole status into the plain JSON ``ringfence status --json`` prints."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from app import ENGINE_VERSION, __version__
from app.core.context import Context
from app.core.scanning import definitions
from app.core.scanning.runs import last_scan
from app.core.status.verdict import compute_verdict
from app.core.text.messages import Message, arg_to_json, render, translate


def _iso(ts: float | None) -> str | None:
    return datetime.fromtimestamp(ts, UTC).strftime("%Y-%m-%dT%H:%M:%SZ") if ts else None


def definitions_age_days(created: str | None, now: float | None = None) -> float | None:
    if not created:
        return None
    try:
        stamp = datetime.strptime(created, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC).timestamp()
    except ValueError:
        return None
    return max(0.0, ((now or time.time()) - stamp) / 86400)


def _age_text(age: float | None) -> Message:
    if age is None:
        return translate("Formatting", "age unknown")
    if age >= 1:
        return translate("Formatting", "%n day(s) old", None, 0).plural(round(age))
    return translate("Formatting", "%n hour(s) old", None, 0).plural(round(age * 24))


def _yara_version() -> str:
    try:
        return version("yara-python")
    except PackageNotFoundError:
        return "unknown"


def english(value: Any) -> Any:
    """``value`` (a status, or any part of it) with every message rendered in English, for JSON."""
    if isinstance(value, Message):
        return render(value)
    if isinstance(value, dict):
        return {k: english(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [english(v) for v in value]
    return arg_to_json(value)


def collect_status(ctx: Context) -> dict[str, Any]:
    """Everything ``ringfence status`` shows (``age_text`` and ``notes`` as messages; :func:`english` for JSON).
    Slow (> 50 ms): reads the update state and probes the keyring."""
    active = definitions.active(ctx)
    age = definitions_age_days(active.created)
    age_text = _age_text(age)
    scan = last_scan(ctx)
    notes: list[Message] = []
    if active.source == "baseline":
        notes.append(translate("Status", "Running on the baseline definitions shipped with Ringfence."))
    from app.core.quarantine import summary
    from app.core.updates.service import UpdateService

    updates = UpdateService(ctx).status(history_limit=3)
    if not updates.channel_configured or updates.state != "up_to_date":
        notes.append(updates.message)

    vault = summary(ctx)
    if vault.key_protection != "keyring":
        notes.append(translate("Status", "The quarantine key is not protected by the system keyring; it is kept in "
                                         "a file readable only by you."))
    verdict = compute_verdict(ctx).to_json()
    return {
        "level": verdict["level"],
        "reasons": verdict["reasons"],
        "app_version": __version__,
        "engine": {"version": ENGINE_VERSION, "yara_version": _yara_version(), "mode": "user"},
        "definitions": {
            "version": active.version, "source": active.source, "created": active.created,
            "age_days": None if age is None else round(age, 2), "age_text": age_text,
            "rule_files": len(active.definitions.rule_files), "hash_count": len(active.definitions.hashes),
        },
        "last_scan": None if scan is None else {
            "id": scan["id"], "kind": scan["kind"], "files_scanned": scan["files_scanned"],
            "detections": scan["detections"], "errors": scan["errors"], "cancelled": bool(scan["cancelled"]),
            "started_at": _iso(scan["started"]), "finished_at": _iso(scan["finished"]),
            "definitions_version": scan["definitions_version"],
        },
        "updates": {"state": updates.state, "text": updates.text, "ring": updates.ring,
                    "channel_url": updates.channel_url, "freshness": updates.freshness,
                    "last_success": _iso(updates.last_success)},
        "quarantine": {"items": vault.items, "total_size": vault.total_size,
                       "no_longer_detected": vault.no_longer_detected, "key_protection": vault.key_protection},
        "notes": notes,
    }
