"""Which mounts are USB drives, their names as they are, quick-scan selection, and Windows' drive rules."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from app.core.drives.drive_files import QUICK_MAX_FILE_MB, quick_selection
from app.core.drives.linux_mounts import LinuxDrives, parse_mountinfo
from app.core.drives.windows_drives import DRIVE_FIXED, DRIVE_REMOVABLE, removable_drives
from tests.drives.conftest import MountTable


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


def test_a_quick_drive_scan_looks_at_programs_scripts_and_shortcuts_at_the_top_levels(tmp_path: Path) -> None:
    stick = tmp_path / "stick"
    (stick / "photos" / "2024").mkdir(parents=True)
    (stick / "tools").mkdir()
    files = {
        "autorun.inf": b"[autorun]\nopen=setup.exe\n", "setup.exe": b"MZ...", "photo.jpg": b"\xff\xd8\xff",
        "Report.docx.lnk": b"L\0\0\0", "tools/run.ps1": b"Write-Host", "tools/readme.txt": b"hello",
        "tools/renamed.dat": b"MZ\x90\x00 a program by another name", "photos/2024/deep.exe": b"MZ deep",
        "AUTORUN.INF.bak": b"not autorun",
    }
    for name, data in files.items():
        (stick / name).write_bytes(data)
    big = stick / "big.iso"
    with open(big, "wb") as handle:
        handle.truncate((QUICK_MAX_FILE_MB + 1) * 1024 * 1024)
    os.symlink("/", stick / "everything.exe")  # a link on a stick may point anywhere: never followed

    selection = quick_selection(str(stick))
    picked = sorted(os.path.relpath(path, stick) for path in selection.files)
    assert picked == sorted(["Report.docx.lnk", "autorun.inf", "setup.exe", os.path.join("tools", "renamed.dat"),
                             os.path.join("tools", "run.ps1")])
    assert (selection.too_large, selection.more) == (1, 0)
    capped = quick_selection(str(stick), max_files=2)
    assert (len(capped.files), capped.more) == (2, 3)


def test_windows_drive_letters_removable_and_external_usb_disks_count() -> None:
    types = {"C:\\": DRIVE_FIXED, "D:\\": 5, "E:\\": DRIVE_REMOVABLE, "F:\\": DRIVE_FIXED, "G:\\": DRIVE_REMOVABLE,
             "H:\\": DRIVE_FIXED}
    buses = {"C": 17, "F": 7, "H": None}  # NVMe, USB, not said
    volumes = {"C:\\": ("Windows", 0x1111, "NTFS"), "E:\\": ("KINGSTON", 0xA1B2C3D4, "FAT32"),
               "F:\\": ("", 0x0BAD, "exFAT"), "H:\\": ("Backup", 0x22, "NTFS")}  # G: a card reader without a card
    mask = sum(1 << (ord(root[0]) - ord("A")) for root in types)
    found = removable_drives(mask, types.__getitem__, volumes.get, buses.get)
    assert [(d.place, d.root, d.label, d.identity, d.fs_type) for d in found] == [
        ("E:", "E:\\", "KINGSTON", "serial:A1B2C3D4", "FAT32"), ("F:", "F:\\", "", "serial:00000BAD", "exFAT")]


@pytest.mark.skipif(sys.platform != "win32", reason="kernel32's drive calls exist only on Windows")
def test_the_windows_drive_calls_really_answer() -> None:
    from app.core.drives.windows_drives import WindowsDrives

    table = WindowsDrives()
    system = os.environ.get("SYSTEMDRIVE", "C:").upper()
    volume = table.volume(system + "\\")
    assert volume is not None and isinstance(volume[0], str) and volume[1] > 0
    drives = table.current()
    assert system not in [d.place for d in drives]  # the system disk is never a USB drive
    assert all(os.path.isdir(d.root) and d.identity.startswith("serial:") for d in drives)
    bus = table.bus(system[0])
    assert bus is None or bus not in (7, 12, 13)  # the system disk is not on USB, SD or MMC
