"""Lowering an engine worker's priority, so that the user's own work comes first.

Only worker processes are lowered, never the console. Two levels:

- ``"background"`` (scheduled scans): on Linux ``nice`` 10 and the idle I/O class (an ordinary user may
  set it; the disk then serves the scan only when nobody else asks); on Windows the idle priority class
  and very low I/O priority, set from outside the process with psutil (``PROCESS_MODE_BACKGROUND_BEGIN``
  can only be entered by a process for itself).
- ``"below_normal"`` (real-time protection): ``nice`` 5 / ``BELOW_NORMAL_PRIORITY_CLASS``, normal I/O —
  a file copied by the user is not slowed by the scans of the files it writes, and on an idle machine
  the verdict is just as quick.
"""

from __future__ import annotations

import logging
import sys

import psutil

log = logging.getLogger(__name__)


def lower_priority(pid: int, level: str = "background", platform: str = sys.platform) -> bool:
    """Lower process ``pid`` to ``level``; False (and a log line) where the OS refused."""
    try:
        proc = psutil.Process(pid)
        if platform == "win32":
            if level == "background":
                proc.nice(psutil.IDLE_PRIORITY_CLASS)
                proc.ionice(psutil.IOPRIO_VERYLOW)
            else:
                proc.nice(psutil.BELOW_NORMAL_PRIORITY_CLASS)
        else:
            proc.nice(10 if level == "background" else 5)
            if level == "background" and hasattr(psutil, "IOPRIO_CLASS_IDLE"):
                proc.ionice(psutil.IOPRIO_CLASS_IDLE)
        return True
    except (psutil.Error, OSError) as exc:
        log.warning("could not lower the priority of the engine worker %s: %s", pid, exc)
        return False


def cpu_seconds(pid: int) -> float | None:
    """CPU time (user + system) process ``pid`` has used, or None when it is gone."""
    try:
        times = psutil.Process(pid).cpu_times()
    except (psutil.Error, OSError):
        return None
    return float(times.user + times.system)
