"""``scripts/screenshots.py`` end to end on a real X server: the demo state is made by Ringfence's own
services, the real console shows it on every page (the script checks each page holds the demo's data
and fails otherwise) and a window-sized picture of every page and the settings is written in English
and German."""

from __future__ import annotations

import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.x11

PAGES = ("dashboard", "scan", "quarantine", "allow-list", "updates", "recovery", "history")


def png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", header[16:24])
    return width, height


@pytest.mark.skipif(shutil.which("Xvfb") is None, reason="Xvfb is not installed (scripts/setup installs it)")
def test_every_page_shows_the_demo_state_in_both_languages(tmp_path: Path) -> None:
    out = tmp_path / "shots"
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "screenshots.py"), "--out", str(out),
                           "--work", str(tmp_path / "demo")], cwd=ROOT, capture_output=True, text=True,
                          timeout=280, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    for language in ("en", "de"):
        for page in PAGES:
            assert png_size(out / f"{language}-{page}.png") == (1280, 800), page
        width, height = png_size(out / f"{language}-settings.png")
        assert width >= 600 and height >= 400
    assert not (tmp_path / "demo").exists()  # the demo state is removed again
