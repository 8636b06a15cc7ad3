"""The update client's small persistent state (reference §7.6), written atomically as one JSON file.

It holds what must survive a crash at any moment and must never go backwards: the random install id,
the high-water marks (rollout ``sequence`` and the highest content version activated), the last
verified rollout document (so revocations apply offline), the target hashes seen in signed metadata,
the probation window, the last-known-good versions and the local verdicts on versions. Writes go
through :func:`app.core.foundation.fileio.atomic_write_json` (temp file, fsync, ``os.replace``), so a reader sees
the old or the new state, never a mix.
"""

from __future__ import annotations

import json
import logging
import uuid
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from app.core.foundation.fileio import atomic_write_json

log = logging.getLogger(__name__)


@dataclass
class Probation:
    version: int
    started_at: float
    kind: str = "activation"  # "activation" (a new version) or "revert" (back on a last-known-good)
    severity: str = "normal"
    reported_protected: bool = False


@dataclass
class UpdateState:
    install_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    channel_id: str = ""
    bucket_salt: str = "ringfence"
    sequence_hwm: int = 0
    version_hwm: int = 0
    rollout: dict[str, Any] | None = None
    targets: dict[str, dict[str, Any]] = field(default_factory=dict)  # path -> {"length", "sha256"}
    last_check: float | None = None
    last_success: float | None = None
    last_error: dict[str, Any] | str | None = None  # a message's JSON form (English text from older versions)
    unreachable_since: float | None = None  # first failed contact since the last successful one
    retry_after_until: float | None = None
    paused_until: float | None = None
    active_version: int | None = None  # None: the baseline bundle
    activated_at: float | None = None
    probation: Probation | None = None
    known_good: list[int] = field(default_factory=list)  # newest first, at most two
    # version -> why validation refused it / why it was reverted locally: a message's JSON form (English
    # text from older versions)
    rejected: dict[str, Any] = field(default_factory=dict)
    bad: dict[str, Any] = field(default_factory=dict)
    declined: list[int] = field(default_factory=list)  # versions the user rolled back from
    auto_stopped: bool = False  # after falling back to the baseline: no automatic activations
    rolled_back: dict[str, Any] | None = None  # {"from", "to", "reason", "time"} of the last revert
    operation: dict[str, Any] | None = None  # {"phase", "version", "done", "total", "since"} while busy

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, doc: dict[str, Any]) -> UpdateState:
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in doc.items() if k in known}
        if isinstance(values.get("probation"), dict):
            values["probation"] = Probation(**values["probation"])
        return cls(**values)


def state_path(data_dir: Path) -> Path:
    return data_dir / "updates" / "state.json"


def load_state(data_dir: Path) -> UpdateState:
    path = state_path(data_dir)
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(doc, dict):
            return UpdateState.from_json(doc)
        raise ValueError("not an object")
    except FileNotFoundError:
        pass
    except (OSError, ValueError, TypeError) as exc:
        # A damaged state file must never stop protection; start over (the next check refreshes it).
        log.error("update state %s unreadable (%s); starting with a fresh state", path, exc)
    state = UpdateState()
    save_state(data_dir, state)
    return state


def save_state(data_dir: Path, state: UpdateState) -> None:
    atomic_write_json(state_path(data_dir), state.to_json())


def disabled_rules(data_dir: Path) -> list[str]:
    """The rules the vendor switched off in the last verified rollout document (for scan requests;
    reading them needs none of the update machinery)."""
    rollout = load_state(data_dir).rollout or {}
    rules = rollout.get("disabled_rules") or []
    return [rule for rule in rules if isinstance(rule, str)]
