"""Fault-injection points for the crash-consistency tests (reference §7.14, "power loss between
staging and pointer switch").

The update pipeline calls :func:`checkpoint` between its durable steps. When the environment variable
``RINGFENCE_FAULT_KILL_AT`` names that step, the process kills itself with SIGKILL on the spot — no
``finally`` blocks, no flushing — exactly like a power cut or a killed process. Unset (always, outside
those tests) a checkpoint does nothing.
"""

from __future__ import annotations

import os
import signal

KILL_ENV = "RINGFENCE_FAULT_KILL_AT"
STEPS = ("downloaded", "validated", "sidecar-written", "staged", "selftested", "pointer-written",
         "state-saved")


def checkpoint(step: str) -> None:
    if os.environ.get(KILL_ENV) == step:
        if os.name == "posix":
            os.kill(os.getpid(), signal.SIGKILL)
        os._exit(137)  # pragma: no cover - Windows has no SIGKILL
