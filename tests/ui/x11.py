"""A real X server (Xvfb) and, on request, a real tray host (trayer) for the tests marked ``x11``."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest


@contextmanager
def xvfb(size: str = "1280x860x24") -> Iterator[str]:
    """Start Xvfb on a free display; yields the DISPLAY value."""
    if shutil.which("Xvfb") is None:
        pytest.skip("Xvfb is not installed (scripts/setup installs it)")
    read, write = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", size, "-nolisten", "tcp"],
                              pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    try:
        assert number, "Xvfb did not start"
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(10)


@contextmanager
def trayer(display: str) -> Iterator[subprocess.Popen[bytes]]:
    """A system tray host on ``display`` (it owns the _NET_SYSTEM_TRAY selection while it runs)."""
    if shutil.which("trayer") is None:
        pytest.skip("trayer is not installed (scripts/setup installs it)")
    host = subprocess.Popen(["trayer", "--edge", "top", "--align", "right", "--widthtype", "request", "--height", "32",
                             "--SetDockType", "true", "--transparent", "false"],
                            env=dict(os.environ, DISPLAY=display), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and not _tray_owned(display):
            time.sleep(0.1)
        yield host
    finally:
        host.terminate()
        host.wait(10)


def _tray_owned(display: str) -> bool:
    if shutil.which("xprop") is None:
        time.sleep(1)
        return True
    result = subprocess.run(["xprop", "-root", "-display", display, "_NET_SUPPORTING_WM_CHECK"], capture_output=True,
                            check=False)
    owner = subprocess.run(["xdotool", "search", "--class", "trayer"], capture_output=True, check=False,
                           env=dict(os.environ, DISPLAY=display)) if shutil.which("xdotool") else result
    return owner.returncode == 0 and bool(owner.stdout.strip())
