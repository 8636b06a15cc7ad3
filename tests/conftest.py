"""Shared fixtures. Every test runs with its own RINGFENCE_HOME in a temporary folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True, scope="session")
def shared_compiled_rules(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One compiled-rules cache for the whole run: the shipped definitions (6,000+ rules) compile once,
    not once per test. Entries are keyed by the definitions' digest, so tests cannot see each other's."""
    folder = tmp_path_factory.mktemp("compiled-rules")
    os.environ["RINGFENCE_COMPILED_CACHE"] = str(folder)
    return folder


@pytest.fixture(autouse=True)
def rf_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Isolate all state of the test under a temporary RINGFENCE_HOME."""
    home = tmp_path / "rf-home"
    monkeypatch.setenv("RINGFENCE_HOME", str(home))
    return home


def run_cli(*args: str, env: dict[str, str] | None = None, timeout: float = 120,
            cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``python -m app ARGS`` as a user would, with the test's RINGFENCE_HOME."""
    full_env = dict(os.environ)
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        check=False, capture_output=True, text=True, timeout=timeout, env=full_env, cwd=cwd or ROOT,
    )
