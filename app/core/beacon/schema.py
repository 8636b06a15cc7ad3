"""The beacon wire format, schema version 1: one JSON object per POST, shared by client and collector.

Every string field has a pattern that admits no path separator, every object forbids extra keys, and
the whole body is at most :data:`MAX_BODY` bytes, so nothing but the declared counters and codes can
travel — a file name has nowhere to go. The collector validates each body against :data:`JSON_SCHEMA`.
"""

from __future__ import annotations

from typing import Any

SCHEMA_VERSION = 1
MAX_BODY = 4096  # bytes; a real beacon is about 400
RINGS = ("early", "default", "delayed", "pinned")
KINDS = ("state", "counters")
# History events that are definitions state changes (app.core.updates.update_history.EVENTS minus "halted").
STATE_EVENTS = ("activated", "rejected", "reverted", "revoked", "rolled_back", "probation_passed", "refused",
                "protected_hit", "baseline")
# Events that count as a revert of the version named in the beacon (the gate's revert rate).
HEALTH_REVERTS = ("reverted", "baseline")
# Every code a state beacon may carry: the validation steps (app.core.text.labels.UPDATE_STEPS), the probation
# triggers (app.core.updates.probation) and the reasons a version was left or flagged. A closed list, so that
# nothing a sender chooses can reach the gates' signed messages; the client sends "other" for anything else.
CODES = ("", "other", "verification", "archive", "manifest", "version", "hashes", "compile", "eicar", "golden",
         "clean", "budget", "cost", "timeout", "crash", "request", "selftest", "crash_streak", "scan_errors", "slow",
         "protected_files", "protected_file", "detection_spike", "scan_timeouts", "user", "revoked", "rollback_to")
COUNTERS = ("starts", "crashes", "hangs", "scans", "files", "scan_errors", "protected_hits", "detections")

_ID = {"type": "string", "pattern": "^[0-9a-f]{32}$"}
_VERSION_TEXT = {"type": "string", "pattern": "^[0-9A-Za-z.+-]{1,32}$"}
_CONTENT = {"type": ["integer", "null"], "minimum": 0, "maximum": 2**53}
_COUNT = {"type": "integer", "minimum": 0, "maximum": 10**9}

_COMMON: dict[str, Any] = {
    "schema": {"const": SCHEMA_VERSION},
    "id": _ID,  # this beacon (a retry sends the same id; the collector counts it once)
    "install": _ID,  # a random id of this installation (a hash of the update client's random install id)
    "sent_at": {"type": "integer", "minimum": 1_000_000_000, "maximum": 9_999_999_999},
    "ring": {"enum": list(RINGS)},
    "decile": {"type": "integer", "minimum": 0, "maximum": 9},
    "app": _VERSION_TEXT,
    "engine": _VERSION_TEXT,
    "content": _CONTENT,  # the active definitions version (null: the built-in baseline)
}
_REQUIRED = ["schema", "id", "install", "sent_at", "ring", "decile", "app", "engine", "content", "kind"]

JSON_SCHEMA: dict[str, Any] = {
    "$schema": "http://json-schema.org/draft-07/schema#",
    "oneOf": [
        {
            "type": "object",
            "additionalProperties": False,
            "required": [*_REQUIRED, "event"],
            "properties": {
                **_COMMON,
                "kind": {"const": "state"},
                "event": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["name", "version", "code"],
                    "properties": {
                        "name": {"enum": list(STATE_EVENTS)},
                        "version": _CONTENT,  # the version the event is about
                        "code": {"enum": list(CODES)},  # validation step or revert trigger
                    },
                },
            },
        },
        {
            "type": "object",
            "additionalProperties": False,
            "required": [*_REQUIRED, "counters"],
            "properties": {
                **_COMMON,
                "kind": {"const": "counters"},
                "counters": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["day", "version", *COUNTERS, "detections_by_hour"],
                    "properties": {
                        "day": {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"},
                        "version": _CONTENT,  # the definitions version these counters ran on
                        **{name: _COUNT for name in COUNTERS},
                        "detections_by_hour": {"type": "array", "minItems": 24, "maxItems": 24, "items": _COUNT},
                    },
                },
            },
        },
    ],
}
