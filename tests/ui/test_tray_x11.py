"""The tray on a real X server with a real tray host (Xvfb + trayer)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import pytest

from tests.conftest import ROOT
from tests.ui.x11 import trayer, xvfb

pytestmark = pytest.mark.x11


def _probe(display: str, mode: str) -> dict:
    env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb")
    env.pop("WAYLAND_DISPLAY", None)
    result = subprocess.run([sys.executable, "-m", "tests.ui.tray_probe", mode], capture_output=True, text=True, env=env,
                            cwd=ROOT, timeout=150, check=False)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_with_a_tray_host_the_console_lives_in_the_tray() -> None:
    with xvfb() as display, trayer(display):
        report = _probe(display, "tray")
    assert report["tray_available"] and report["has_tray"] and report["tray_visible"], report
    _x, _y, width, height = report["tray_geometry"]
    assert width > 0 and height > 0  # embedded in trayer's panel
    assert report["actions"] == ["scan.quick"] and report["state"] == "alert"
    assert report["window_visible"] and not report["after_close_visible"] and not report["quitting_after_close"]
    assert report["quit"]


def test_a_tray_host_that_starts_after_the_console_is_adopted() -> None:
    """At login the console may start before the panel: it moves into the tray once one appears."""
    with xvfb() as display:
        env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb")
        env.pop("WAYLAND_DISPLAY", None)
        probe = subprocess.Popen([sys.executable, "-m", "tests.ui.tray_probe", "late"], stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)
        try:
            time.sleep(3)  # the console is up with no tray
            assert probe.poll() is None
            with trayer(display):
                out, err = probe.communicate(timeout=150)
        finally:
            probe.kill()
    assert probe.returncode == 0, err
    report = json.loads(out.strip().splitlines()[-1])
    assert report["has_tray"] and report["tray_visible"], report
    assert report["window_visible"] and not report["after_close_visible"] and not report["quitting_after_close"]


def test_without_a_tray_host_closing_the_window_quits() -> None:
    with xvfb() as display:
        report = _probe(display, "notray")
    assert not report["tray_available"] and not report["has_tray"]
    assert report["window_visible"] and report["quitting_after_close"]


def test_ringfence_without_a_command_opens_the_console_on_a_desktop(tmp_path: object) -> None:
    from app.core.foundation.paths import get_paths
    from app.ui.single_instance import SingleInstance

    with xvfb() as display:
        env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb")
        env.pop("WAYLAND_DISPLAY", None)
        console = subprocess.Popen([sys.executable, "-m", "app"], env=env, cwd=ROOT,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        try:
            import time

            deadline = time.monotonic() + 30
            running = False
            while time.monotonic() < deadline and not running and console.poll() is None:
                running = SingleInstance(get_paths()).forward(timeout_ms=300)  # the console answers
                time.sleep(0.2)
            assert running, console.stderr.read().decode() if console.poll() is not None else "no answer"
        finally:
            console.terminate()
            console.wait(10)
