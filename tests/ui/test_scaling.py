"""At 125 % and 150 % display scaling, in English and German, and in the window of a small laptop, no label
or button on any page or settings tab is narrower than its text and no table needs a horizontal scroll bar
(each run is a separate process: the scale factor is read when Qt starts)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT


@pytest.mark.parametrize(("scale", "window"), [("1.25", ""), ("1.5", ""),
                                               ("1.25", "1093x614")])  # a 1366 x 768 laptop screen at 125 %
@pytest.mark.parametrize("language", ["en", "de"])
def test_no_clipped_text(scale: str, window: str, language: str, rf_home: Path) -> None:
    env = {**os.environ, "QT_SCALE_FACTOR": scale, "QT_QPA_PLATFORM": "offscreen", "RINGFENCE_HOME": str(rf_home)}
    done = subprocess.run([sys.executable, "-m", "tests.ui.clipping", language, window], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=180, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    problems = json.loads(done.stdout.strip().splitlines()[-1])
    assert problems == {}
