"""Fault injection for the crash-safety tests: stop the process dead at a named step.

The quarantine (``q.*``, ``r.*``, ``d.*``) and the update pipeline (:data:`UPDATE_STEPS`, reference
§7.14, "power loss between staging and pointer switch") call :func:`point` between their durable
steps. ``RINGFENCE_FAULT=<step>[:<n>]`` makes the n-th arrival (default: the first) at ``<step>`` in
this process kill the process with SIGKILL (TerminateProcess on Windows) — no clean-up, no
``finally`` blocks, exactly like a power cut for everything not yet on disk. Unset (always, outside
tests) it costs one dictionary lookup.
"""

from __future__ import annotations

import os
import signal

FAULT_ENV = "RINGFENCE_FAULT"
UPDATE_STEPS = ("downloaded", "validated", "sidecar-written", "staged", "selftested", "pointer-written", "state-saved")
_arrivals: dict[str, int] = {}


def point(step: str) -> None:
    """Mark a step where a crash must be survivable."""
    spec = os.environ.get(FAULT_ENV)
    if not spec:
        return
    name, _, count = spec.partition(":")
    if name != step:
        return
    _arrivals[step] = _arrivals.get(step, 0) + 1
    if _arrivals[step] == int(count or 1):
        os.kill(os.getpid(), getattr(signal, "SIGKILL", signal.SIGTERM))


def reset() -> None:
    """Forget arrivals (a forked test process starts counting afresh)."""
    _arrivals.clear()
