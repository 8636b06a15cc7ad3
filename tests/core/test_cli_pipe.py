"""``ringfence history | head -1``: a reader that stops early ends the command quietly, exit 0."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from app.core.context import Context
from app.core.journal import events
from tests.conftest import ROOT


def test_a_reader_that_stops_early_ends_the_command_quietly(rf_home: Path) -> None:
    ctx = Context.open()
    try:
        for i in range(3000):  # more than a pipe holds
            events.record(ctx.store, "quarantine.added", path=f"/home/u/Downloads/file-{i}.com", threat="EICAR_Test_File")
    finally:
        ctx.close()
    proc = subprocess.Popen([sys.executable, "-m", "app", "history", "--limit", "3000"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, cwd=ROOT, env=dict(os.environ))
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline()
    proc.stdout.close()  # what head -1 does after its line
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 0, err
    assert first and err == ""
