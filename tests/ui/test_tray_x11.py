"""The tray on a real X server with a real tray host (Xvfb + trayer)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT
from tests.ui.x11 import trayer, xvfb

pytestmark = pytest.mark.x11


def _probe(display: str, mode: str) -> dict:
    env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb")
    env.pop("WAYLAND_DISPLAY", None)
    result = subprocess.run([sys.executable, "-m", "tests.ui.tray_probe", mode], capture_output=True, text=True, env=env,
                            cwd=ROOT, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_with_a_tray_host_the_console_lives_in_the_tray() -> None:
    with xvfb() as display, trayer(display):
        report = _probe(display, "tray")
    assert report["tray_available"] and report["has_tray"] and report["tray_visible"]
    _x, _y, width, height = report["tray_geometry"]
    assert width > 0 and height > 0  # embedded in trayer's panel
    assert report["actions"] == ["scan.quick"] and report["state"] == "alert"
    assert report["window_visible"] and not report["after_close_visible"] and not report["quitting_after_close"]
    assert report["quit"]


def test_without_a_tray_host_closing_the_window_quits() -> None:
    with xvfb() as display:
        report = _probe(display, "notray")
    assert not report["tray_available"] and not report["has_tray"]
    assert report["window_visible"] and report["quitting_after_close"]
