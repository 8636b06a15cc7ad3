"""Which mounts of the Linux mount table are USB drives, and their names exactly as they are."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from app.core.drives.linux_mounts import LinuxDrives, parse_mountinfo
from tests.drives.conftest import MountTable

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="the Linux mount table (Windows has drive letters)")


def test_mountinfo_escapes_and_odd_bytes_are_read_back() -> None:
    data = (b"36 35 98:0 / /media/ann/MY\\040STICK\\012two rw - vfat /dev/sdc1 rw\n"
            b"37 35 98:1 / /media/ann/\xc3\x9cBER\\134X rw shared:3 master:1 - exfat /dev/sdd1 rw\n"
            b"38 35 98:2 / /media/ann/\xff rw - vfat /dev/sde1 rw\n"
            b"a line that is not a mount\n")
    mounts = parse_mountinfo(data)
    assert [m.mount_point for m in mounts] == ["/media/ann/MY STICK\ntwo", "/media/ann/ÜBER\\X",
                                               os.fsdecode(b"/media/ann/\xff")]
    assert [(m.device, m.fs_type, m.major_minor) for m in mounts][1] == ("/dev/sdd1", "exfat", "98:1")


def test_only_drives_under_the_media_folders_or_removable_in_sysfs_count(
        drives: LinuxDrives, table: MountTable, media: Path, tmp_path: Path) -> None:
    table.mount(media / "ann" / "KINGSTON", "/dev/sdb1")
    table.mount(tmp_path / "data", "/dev/sdc1", "ext4")  # an internal disk mounted elsewhere
    table.mount(media / "ann" / "share", "//nas/share", "cifs")  # not a block device
    # a card reader's disk mounted outside /media: its sysfs entry says removable
    disk = tmp_path / "sys" / "devices" / "pci0000:00" / "mmc0" / "block" / "mmcblk0"
    (disk / "mmcblk0p1").mkdir(parents=True)
    (disk / "removable").write_text("1\n")
    (disk / "mmcblk0p1" / "partition").write_text("1\n")
    (tmp_path / "sys" / "dev" / "block").mkdir(parents=True)
    table.mounts[str(tmp_path / "card")] = ("/dev/mmcblk0p1", "vfat")
    table.write()
    lines = table.path.read_text().splitlines()
    card_line = next(line for line in lines if "card" in line)
    major_minor = card_line.split()[2]
    os.symlink(disk / "mmcblk0p1", tmp_path / "sys" / "dev" / "block" / major_minor)

    found = {d.place: d for d in drives.current()}
    assert set(found) == {str(media / "ann" / "KINGSTON"), str(tmp_path / "card")}
    stick = found[str(media / "ann" / "KINGSTON")]
    assert (stick.label, stick.root, stick.fs_type) == ("KINGSTON", stick.place, "vfat")


def test_the_label_comes_from_dev_disk_by_label_exactly_as_it_is(
        drives: LinuxDrives, table: MountTable, media: Path, tmp_path: Path) -> None:
    device = tmp_path / "sdb1"
    device.write_bytes(b"")
    by_label = tmp_path / "dev-disk" / "by-label"
    by_label.mkdir()
    odd = "K\\xc3\\x9cHL\\x20BOX\\x0aOK"  # udev's escapes: "KÜHL BOX", a newline, "OK"
    os.symlink(device, by_label / odd)
    (tmp_path / "dev-disk" / "by-uuid").mkdir()
    os.symlink(device, tmp_path / "dev-disk" / "by-uuid" / "1234-ABCD")
    table.mount(media / "ann" / "KÜHL BOX", str(device))
    [drive] = drives.current()
    assert drive.label == "KÜHL BOX\nOK"
    assert drive.identity == "uuid:1234-ABCD"
