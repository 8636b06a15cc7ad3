"""Runs the validation sandbox (:mod:`app.engine.sandbox_checks`) in its own short-lived process.

The child gets its own process group (so a timeout kills everything it started), a wall-clock
timeout and, on POSIX, an address-space cap (``RLIMIT_AS``). On Windows a job object would be needed
for a memory cap, which is not available without extra dependencies; there the wall-clock timeout
still applies and a runaway child is killed when it expires. A crash of the child (even a native one
in libyara) is a refusal of the bundle, never a crash of Ringfence.
"""

from __future__ import annotations

import json
import logging
import os
import signal
import subprocess
from typing import Any

from app.core.scanning.engine_process import engine_argv
from app.engine.validation_result import ValidationResult as SandboxResult
from app.engine.validation_result import refused

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT_S = 180.0
DEFAULT_MEMORY_MB = 2048


def _limit_memory(megabytes: int) -> None:  # pragma: no cover - runs in the child before exec
    import resource

    limit = megabytes * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _kill_group(proc: subprocess.Popen[str]) -> None:
    try:
        if os.name == "posix":
            os.killpg(proc.pid, signal.SIGKILL)
        else:
            proc.kill()
    except (ProcessLookupError, PermissionError, OSError):
        pass


def run_validation(request: dict[str, Any], *, timeout: float = DEFAULT_TIMEOUT_S,
                   memory_mb: int = DEFAULT_MEMORY_MB) -> SandboxResult:
    """Validate in a child process; any failure of the child itself is a refusal with a reason."""
    kwargs: dict[str, Any] = {}
    if os.name == "posix":
        kwargs["start_new_session"] = True
        kwargs["preexec_fn"] = lambda: _limit_memory(memory_mb)
    else:
        kwargs["creationflags"] = getattr(subprocess, "CREATE_NEW_PROCESS_GROUP", 0)
    env = dict(os.environ)
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    proc = subprocess.Popen(
        engine_argv("--engine-validate"), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True, env=env, **kwargs,
    )
    try:
        out, err = proc.communicate(json.dumps(request), timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill_group(proc)
        proc.communicate()
        return refused("timeout", "timeout", f"{timeout:g}")
    if proc.returncode not in (0, 1, 2) or not out.strip():
        log.warning("validation sandbox ended with %s: %s", proc.returncode, err[-2000:])
        if "MemoryError" in err:
            return refused("crash", "crash-memory")
        return _crashed(proc.returncode)
    try:
        doc = json.loads(out.strip().splitlines()[-1])
        known = {k: v for k, v in doc.items() if k in SandboxResult.__dataclass_fields__}
        return SandboxResult(**known)
    except (ValueError, TypeError) as exc:
        log.warning("validation sandbox printed %r (%s)", out[-500:], exc)
        return refused("crash", "unreadable")


def _crashed(code: int | None) -> SandboxResult:
    if code is not None and code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        return refused("crash", "crash-signal", name)
    return refused("crash", "crash-exit", code)
