"""What a quick drive scan picks, and which Windows drive letters are USB drives (the rules on every OS,
kernel32's calls on Windows)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from app.core.drives.drive_files import QUICK_MAX_FILE_MB, quick_selection
from app.core.drives.windows_drives import DRIVE_FIXED, DRIVE_REMOVABLE, removable_drives


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
