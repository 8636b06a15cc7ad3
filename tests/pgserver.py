"""A throw-away PostgreSQL server for tests and benchmarks: ``initdb`` + ``pg_ctl`` on a temporary
folder and a free port on 127.0.0.1, stopped and deleted afterwards.

PostgreSQL refuses to run as root (CI runs as root), so there the server runs as ``nobody`` through
``runuser``. ``scripts/setup`` installs the binaries (apt ``postgresql``); :func:`find_bin_dir`
returns None only when they are truly absent. Each server's folder records the process that started
it; a server whose starter died without cleaning up (a killed or aborted test run) is stopped and
removed by the next start.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def find_bin_dir() -> Path | None:
    found = shutil.which("initdb") and shutil.which("pg_ctl")
    if found:
        return Path(str(shutil.which("initdb"))).resolve().parent
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True)
    return Path(candidates[0]).parent if candidates else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def sweep_orphans(bin_dir: Path) -> None:
    """Stop and delete throw-away servers whose starting process no longer exists."""
    for folder in glob.glob(os.path.join(tempfile.gettempdir(), "rf-pg-*")):
        try:
            owner = int((Path(folder) / "owner.pid").read_text(encoding="ascii"))
        except (OSError, ValueError):
            continue
        if _alive(owner):
            continue
        as_user = ["runuser", "-u", "nobody", "--"] if os.geteuid() == 0 else []
        subprocess.run([*as_user, str(bin_dir / "pg_ctl"), "-D", str(Path(folder) / "data"), "-m", "immediate", "-w",
                        "stop"], check=False, capture_output=True, timeout=60)
        shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def temporary_postgres(extra: tuple[str, ...] = ()) -> Iterator[str]:
    """Start a server; yield its URL (``postgresql://ringfence@127.0.0.1:PORT/postgres``)."""
    bin_dir = find_bin_dir()
    if bin_dir is None:
        raise FileNotFoundError("PostgreSQL's initdb and pg_ctl are not installed")
    sweep_orphans(bin_dir)
    base = Path(tempfile.mkdtemp(prefix="rf-pg-"))
    (base / "owner.pid").write_text(str(os.getpid()), encoding="ascii")
    as_user: list[str] = []
    if os.geteuid() == 0:
        shutil.chown(base, "nobody")
        as_user = ["runuser", "-u", "nobody", "--"]
    data, port = base / "data", _free_port()

    def run(*cmd: str) -> None:
        subprocess.run([*as_user, *cmd], check=True, capture_output=True, timeout=120)

    try:
        run(str(bin_dir / "initdb"), "-D", str(data), "-A", "trust", "-U", "ringfence", "-E", "UTF8", "--no-sync")
        options = f"-p {port} -k {base} -c listen_addresses=127.0.0.1 -c max_connections=100 " + " ".join(extra)
        run(str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(base / "server.log"), "-w", "-t", "60",
            "-o", options, "start")
        try:
            yield f"postgresql://ringfence@127.0.0.1:{port}/postgres"
        finally:
            subprocess.run([*as_user, str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"],
                           check=False, capture_output=True, timeout=60)
    finally:
        shutil.rmtree(base, ignore_errors=True)
