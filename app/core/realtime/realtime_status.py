"""What real-time protection is doing, for the console (a snapshot) and other processes (a file).

The status file (``cache/run/realtime.json``) lets ``ringfence status`` in another process see that
protection runs in the console and whether it is paused; it names the process that wrote it, so a
file left behind by a process that died is ignored.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.core.foundation.fileio import atomic_write_json
from app.core.foundation.paths import Paths
from app.core.realtime.realtime_messages import catching_up
from app.core.text.messages import Message


@dataclass(frozen=True)
class Status:
    state: str  # "off", "starting", "on", "paused" or "error"
    roots: tuple[str, ...]
    unwatched: tuple[str, ...]  # roots the OS would not let us watch: covered by sweeps only
    paused_until: float | None  # wall-clock time of the automatic resume (None: not paused, or until restart)
    pending: int  # files waiting for the engine
    sweeping: bool
    last_sweep: float | None
    scanned: int
    detections: int
    overflows: int
    sweeps: int
    engine_errors: int

    @property
    def catching_up(self) -> Message | None:
        """"Catching up: N files" while a backlog is being checked, else None."""
        return catching_up(self.pending) if self.pending else None


def status_path(paths: Paths) -> Path:
    return paths.run_dir / "realtime.json"


class StatusFile:
    def __init__(self, path: Path) -> None:
        self.path = path

    def write(self, state: str, paused_until: float | None) -> None:
        try:
            atomic_write_json(self.path, {"pid": os.getpid(), "state": state, "paused_until": paused_until})
        except OSError:
            pass  # a full disk: only other processes' view of the state is stale

    def remove(self) -> None:
        self.path.unlink(missing_ok=True)


def read_status_file(path: Path) -> dict[str, Any] | None:
    """The state written by a running protection, or None (none runs, or its process is gone)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or not isinstance(data.get("pid"), int):
        return None
    import psutil

    return data if psutil.pid_exists(data["pid"]) else None
