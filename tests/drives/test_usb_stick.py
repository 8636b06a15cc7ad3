"""A real USB stick, as far as Linux can tell: a FAT image made by the test, loop-mounted, with EICAR on it.

The drive watcher reads the real /proc/self/mountinfo and waits on it with poll(POLLPRI); the test's
``media`` folder stands in for /media (where the desktop mounts sticks), so nothing outside the test's
folder is touched. Needs root (losetup, mount) and mkfs.vfat (dosfstools); skipped with the reason
otherwise. Every loop device is unmounted and detached in a ``finally``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from app.core.context import Context
from app.core.drives.drive_service import DriveService
from app.core.drives.linux_mounts import LinuxDrives
from app.core.journal import events
from app.core.quarantine.inventory import list_items
from tests.drives.conftest import codes, set_policy
from tests.engine.helpers import EICAR
from tests.realtime.conftest import wait_for

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="loop devices and mount are Linux's")


def _run(*command: str) -> str:
    return subprocess.run(command, check=True, capture_output=True, text=True, timeout=60).stdout.strip()


def _mount_fat(device: str, point: Path) -> None:
    """Mount the FAT file system on ``device`` at ``point``: the kernel's vfat, or FUSE where the kernel has
    none (as exFAT and NTFS sticks are mounted through FUSE on many desktops)."""
    try:
        _run("mount", "-t", "vfat", device, str(point))
    except subprocess.CalledProcessError as exc:
        if "unknown filesystem type" not in exc.stderr or shutil.which("fusefat") is None:
            raise
        _run("fusefat", "-o", "rw+", device, str(point))


def _unmount(point: Path) -> None:
    subprocess.run(["umount", str(point)], check=False, capture_output=True, timeout=60)
    if os.path.ismount(point):
        subprocess.run(["umount", "-l", str(point)], check=False, capture_output=True, timeout=60)


@pytest.fixture
def usb_stick(tmp_path: Path, media: Path) -> Iterator[Callable[[], Path]]:
    """A FAT image labelled KINGSTON with eicar.com and a photo on it; calling the fixture plugs it in
    (mounts it under ``media``) and returns the mount point."""
    if os.geteuid() != 0:
        pytest.skip("mounting a loop device needs root")
    if shutil.which("mkfs.vfat") is None:
        pytest.skip("mkfs.vfat (Debian package dosfstools) is not installed")
    if "vfat" not in Path("/proc/filesystems").read_text() and shutil.which("fusefat") is None:
        pytest.skip("this kernel cannot mount FAT and fusefat (Debian package fusefat) is not installed")
    image = tmp_path / "stick.img"
    _run("mkfs.vfat", "-C", "-n", "KINGSTON", str(image), "8192")
    try:
        device = _run("losetup", "--find", "--show", str(image))
    except (subprocess.CalledProcessError, OSError) as exc:
        pytest.skip(f"no loop device available: {getattr(exc, 'stderr', exc)}")
    point = media / "ann" / "KINGSTON"
    mounted: list[Path] = []
    try:
        staging = tmp_path / "staging"
        staging.mkdir()
        _mount_fat(device, staging)
        mounted.append(staging)
        (staging / "eicar.com").write_bytes(EICAR)
        (staging / "holiday.jpg").write_bytes(b"\xff\xd8\xff a photo")
        _unmount(staging)
        mounted.remove(staging)

        def plug_in() -> Path:
            point.mkdir(parents=True, exist_ok=True)
            _mount_fat(device, point)
            mounted.append(point)
            return point

        yield plug_in
    finally:
        for folder in mounted:
            _unmount(folder)
        subprocess.run(["losetup", "-d", device], check=False, capture_output=True, timeout=60)


@pytest.fixture
def watcher(ctx: Context, media: Path) -> Iterator[DriveService]:
    service = DriveService(ctx, LinuxDrives(media_roots=(media,), interval=5.0))
    service.start()
    try:
        yield service
    finally:
        service.stop()


def connected(ctx: Context) -> list[events.Event]:
    return [e for e in events.events_since(ctx.store, 0) if e.code == "drives.connected"]


def test_ask_records_the_stick_for_the_question_and_scans_nothing(
        ctx: Context, usb_stick: Callable[[], Path], watcher: DriveService) -> None:
    set_policy(ctx, "ask")
    point = usb_stick()
    assert wait_for(lambda: bool(connected(ctx)), 10)  # poll(POLLPRI) sees the mount at once
    [event] = connected(ctx)
    assert (event.args["label"], event.args["place"], event.args["decision"]) == ("KINGSTON", str(point), "ask")
    assert watcher.idle.is_set() and (point / "eicar.com").exists()
    assert "scan.started" not in codes(ctx)


def test_scan_finds_the_threat_on_the_stick_and_quarantines_it(
        ctx: Context, usb_stick: Callable[[], Path], watcher: DriveService) -> None:
    set_policy(ctx, "scan")
    point = usb_stick()
    assert wait_for(lambda: "scan.finished" in codes(ctx), 120), codes(ctx)
    assert wait_for(watcher.idle.is_set, 30)
    found = codes(ctx)
    assert found[:2] == ["drives.connected", "drives.quick_scan"]
    assert "quarantine.added" in found
    assert not (point / "eicar.com").exists() and (point / "holiday.jpg").exists()
    [item] = list_items(ctx)
    assert item.original_path == str(point / "eicar.com")
    [quick] = [e for e in events.events_since(ctx.store, 0) if e.code == "drives.quick_scan"]
    assert quick.args["files"] == 1  # eicar.com; the photo is not a program


def test_do_nothing_does_nothing_but_note_the_stick(
        ctx: Context, usb_stick: Callable[[], Path], watcher: DriveService) -> None:
    set_policy(ctx, "nothing")
    point = usb_stick()
    assert wait_for(lambda: bool(connected(ctx)), 10)
    assert connected(ctx)[0].args["decision"] == "nothing"
    assert watcher.idle.wait(2) and (point / "eicar.com").exists()
    assert codes(ctx) == ["drives.connected"]
