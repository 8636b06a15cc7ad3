"""A full disk: one clear message, the app keeps running, no user file is lost.

Ringfence's state (with the unpacked built-in definitions, about 2 MB) lives on a real, small tmpfs
(mounted for the test; skipped where mounting is not allowed), which is then filled to the last byte.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.engine.helpers import EICAR, scan_json, write


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    mount = tmp_path / "disk"
    mount.mkdir()
    if not hasattr(os, "geteuid") or os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("mounting a test filesystem needs root")
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(mount)],
                            capture_output=True, check=False)
    if result.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {result.stderr.decode().strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def fill(disk: Path) -> None:
    with open(disk / "filler", "wb") as handle:
        try:
            while True:
                handle.write(b"\0" * 65536)
        except OSError:
            pass


def test_quarantine_on_a_full_disk_keeps_the_file(tmp_path: Path, small_disk: Path) -> None:
    env = {"RINGFENCE_HOME": str(small_disk / "home")}
    victim = write(tmp_path / "files" / "big-eicar.com", EICAR + b" " * 12_000_000)  # larger than the disk
    before = victim.read_bytes()
    code, report, stderr = scan_json(str(victim.parent), "--action", "quarantine", env=env)
    assert code == 1, stderr
    assert [d["action"] for d in report["detections"]] == ["failed"]
    assert report["errors"] == [{"path": str(victim), "error": "There is not enough free disk space for the "
                                                            "quarantine copy, so the file was left in place.",
                                 "code": "quarantine-failed"}]
    assert victim.read_bytes() == before
    vault = small_disk / "home" / "data" / "quarantine"
    leftovers = [p.name for p in vault.rglob("*") if p.is_file()] if vault.exists() else []
    assert set(leftovers) <= {"vault.json", ".key.lock"}, leftovers  # vault metadata only, no partial blob


def test_scanning_goes_on_when_the_disk_is_full(tmp_path: Path, small_disk: Path) -> None:
    env = {"RINGFENCE_HOME": str(small_disk / "home")}
    write(tmp_path / "files" / "eicar.com", EICAR)
    write(tmp_path / "files" / "clean.txt", "clean\n")
    assert scan_json(str(tmp_path / "files"), env=env)[0] == 1  # state folders exist, then the disk fills up
    fill(small_disk)
    write(tmp_path / "files" / "new.txt", "another clean file\n")
    code, report, stderr = scan_json(str(tmp_path / "files"), env=env)
    assert code == 1, stderr
    assert [Path(d["path"]).name for d in report["detections"]] == ["eicar.com"]
    assert report["files_scanned"] == 3
    assert "Traceback" not in stderr and "Logging error" not in stderr
    status = run_cli("status", "--json", env=env)
    assert "Traceback" not in status.stderr
    if status.returncode != 0:
        assert "no free disk space" in status.stderr
    else:
        assert json.loads(status.stdout)["engine"]["mode"] == "user"
