"""The throw-away PostgreSQL of the tests cleans up after a run that was killed."""

from __future__ import annotations

import glob
import os
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.pgserver import find_bin_dir, temporary_postgres

STARTER = """
import os, signal
from tests.pgserver import temporary_postgres
server = temporary_postgres()  # kept referenced: a dropped generator would clean up at once
url = server.__enter__()
print(url, flush=True)
os.kill(os.getpid(), signal.SIGKILL)  # dies without any clean-up, like an aborted test run
"""


@pytest.mark.skipif(find_bin_dir() is None, reason="PostgreSQL is not installed (apt package postgresql)")
def test_a_server_left_by_a_killed_run_is_stopped_by_the_next_start() -> None:
    child = subprocess.run([sys.executable, "-c", STARTER], cwd=ROOT, capture_output=True, text=True, check=False,
                           timeout=120)
    port = int(child.stdout.strip().rsplit(":", 1)[1].split("/")[0])
    (folder,) = [f for f in glob.glob(os.path.join(tempfile.gettempdir(), "rf-pg-*"))
                 if (Path(f) / f".s.PGSQL.{port}").exists()]
    with socket.create_connection(("127.0.0.1", port), timeout=5):
        pass  # the orphan still runs
    with temporary_postgres(), pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", port), timeout=2).close()
    assert not os.path.exists(folder)
