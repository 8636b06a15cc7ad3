"""How the console is started: from ``ringfence`` on a desktop, once per user, help text without a display."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from pytestqt.qtbot import QtBot

from app.cli import has_display
from app.core.foundation.paths import get_paths
from app.ui.single_instance import SingleInstance
from tests.conftest import ROOT, run_cli


def test_display_detection() -> None:
    assert has_display({}, platform="win32")
    assert not has_display({}, platform="linux")
    assert has_display({"DISPLAY": ":0"}, platform="linux")
    assert has_display({"WAYLAND_DISPLAY": "wayland-0"}, platform="linux")


@pytest.mark.skipif(sys.platform == "win32", reason="Windows always has a display: `python -m app` opens the console there")
def test_without_a_display_ringfence_lists_its_commands() -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    result = subprocess.run([sys.executable, "-m", "app"], capture_output=True, text=True, env=env, cwd=ROOT,
                            timeout=60, check=False)
    assert result.returncode == 0
    assert "scan" in result.stdout and "quarantine" in result.stdout


def test_a_second_launch_brings_the_first_forward(qtbot: QtBot) -> None:
    first = SingleInstance(get_paths())
    assert first.listen()
    with qtbot.waitSignal(first.activated, timeout=20_000):
        # A real second launch: it finds the first, asks it to come forward and exits at once.
        proc = subprocess.Popen([sys.executable, "-m", "app.ui.gui"], cwd=ROOT, env=dict(os.environ),
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        qtbot.waitUntil(lambda: proc.poll() is not None, timeout=20_000)
    assert proc.returncode == 0
    first.close()


def test_a_socket_left_by_a_crashed_instance_does_not_block_the_next(qtbot: QtBot) -> None:
    from PySide6.QtNetwork import QLocalServer

    paths = get_paths()
    stale = QLocalServer()
    assert stale.listen(SingleInstance(paths).name)
    stale.close()  # gone without a goodbye (on Linux a crash leaves the socket file)
    instance = SingleInstance(paths)
    assert not instance.forward(timeout_ms=200)
    assert instance.listen()
    instance.close()


def test_version_still_works_without_a_display() -> None:
    assert run_cli("--version").stdout.startswith("Ringfence")
