"""Running a system tool (wevtutil, reagentc, journalctl) and capturing what it printed.

Providers take the runner as a parameter: the real one below, or in tests a function that returns an
output recorded on a real machine.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass

COMMAND_TIMEOUT = 60


@dataclass(frozen=True)
class CommandResult:
    returncode: int
    stdout: bytes
    stderr: bytes = b""


Runner = Callable[[Sequence[str], bool], CommandResult]


def run_command(argv: Sequence[str], to_file: bool = False) -> CommandResult:
    """Run a tool (without a console window on Windows); ``to_file`` captures stdout through a private temporary
    file (``reagentc /getrecoverysettings`` can fail when writing to a pipe)."""
    flags = getattr(subprocess, "CREATE_NO_WINDOW", 0)
    if not to_file:
        done = subprocess.run(list(argv), capture_output=True, stdin=subprocess.DEVNULL, timeout=COMMAND_TIMEOUT,
                              creationflags=flags, check=False)
        return CommandResult(done.returncode, done.stdout, done.stderr)
    handle, name = tempfile.mkstemp(prefix="rf-", suffix=".txt")
    try:
        with os.fdopen(handle, "w+b") as out:
            done = subprocess.run(list(argv), stdout=out, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
                                  timeout=COMMAND_TIMEOUT, creationflags=flags, check=False)
            out.seek(0)
            return CommandResult(done.returncode, out.read(), done.stderr)
    finally:
        os.unlink(name)
