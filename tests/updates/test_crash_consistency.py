"""SIGKILL at every step between download and pointer switch (and at random moments): the next start
sees the old or the new version, complete, never a mix — and the interrupted update then completes."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time

import pytest

from app.core.foundation.crashpoints import FAULT_ENV, UPDATE_STEPS
from app.core.scanning.definitions import active, read_pointer
from app.engine.bundle import load_definitions
from tests.conftest import ROOT
from tests.updates.conftest import Setup


def _consistent(s: Setup) -> int | None:
    """What the next start sees: the pointer names a complete, validated folder (or there is none)."""
    defs_dir = s.ctx.paths.definitions_dir
    pointer = read_pointer(s.ctx)
    version = None if pointer is None else pointer["version"]
    assert version in (1, 2)
    folder = defs_dir / str(pointer["path"])
    assert (defs_dir / "versions" / f"{version}.validated.json").is_file()
    assert load_definitions(folder).version == str(version)  # every file present and matching its manifest
    assert active(s.ctx).source == "channel"
    return version


def _after_restart_completes(s: Setup) -> None:
    s.service.startup()
    assert s.service.state.active_version == read_pointer(s.ctx)["version"]
    assert list((s.ctx.paths.definitions_dir / "staging").glob("*")) == []
    assert s.service.check().outcome in ("updated", "up_to_date")
    assert s.service.state.active_version == 2 and read_pointer(s.ctx)["version"] == 2


@pytest.fixture
def v1_then_v2(setup: Setup) -> Setup:
    setup.release("v1")
    assert setup.service.check().outcome == "updated"
    setup.release("v2")
    return setup


@pytest.mark.parametrize("step", UPDATE_STEPS)
def test_sigkill_at_each_step(v1_then_v2: Setup, step: str) -> None:
    proc = subprocess.run([sys.executable, "-m", "app", "update", "check"], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, FAULT_ENV: step}, timeout=120, check=False)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    seen = _consistent(v1_then_v2)
    assert seen == (1 if UPDATE_STEPS.index(step) < UPDATE_STEPS.index("pointer-written") else 2)
    _after_restart_completes(v1_then_v2)


def test_sigkill_at_random_moments(v1_then_v2: Setup) -> None:
    rng = random.Random(20240719)
    for _ in range(4):
        proc = subprocess.Popen([sys.executable, "-m", "app", "update", "check"], cwd=ROOT,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.2, 1.5))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        _consistent(v1_then_v2)
        if read_pointer(v1_then_v2.ctx)["version"] == 2:
            break
    _after_restart_completes(v1_then_v2)
