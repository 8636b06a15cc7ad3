"""Shared fixtures. Every test runs with its own RINGFENCE_HOME in a temporary folder."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

#: Ends a process at once, as a crash would: SIGKILL on POSIX; on Windows ``os.kill`` with any other
#: signal than the console events is TerminateProcess, with that number as the exit code.
KILL = getattr(signal, "SIGKILL", signal.SIGTERM)
#: The return code ``subprocess`` reports for a process ended by :data:`KILL`.
KILLED_RETURNCODE = -KILL if os.name == "posix" else KILL


def under_wine() -> bool:
    """Windows programs run by Wine: ntdll.dll there exports ``wine_get_version``."""
    if sys.platform != "win32":
        return False
    import ctypes

    return hasattr(ctypes.WinDLL("ntdll"), "wine_get_version")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """``@pytest.mark.wine_gap("observed: …")`` skips a test under Wine only, with what was seen there.

    For what Wine lacks, not Windows: such tests run on Linux and on a real Windows. The reason shows in
    the job's summary (``-rs``), so nothing is skipped silently.
    """
    if not under_wine():
        return
    for item in items:
        for mark in item.iter_markers("wine_gap"):
            item.add_marker(pytest.mark.skip(reason=f"Wine gap: {' '.join(mark.args)}"))


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


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A user's home folder of the test's own (HOME), with the XDG folders at their defaults below it."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
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
