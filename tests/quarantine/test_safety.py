"""A file that changed since it was scanned is never removed; OS-critical and Ringfence files are
never quarantined without force."""

from __future__ import annotations

import os
import sys
from pathlib import Path, PureWindowsPath

import pytest

import app
from app.core import quarantine as q
from app.core.context import Context
from app.core.quarantine import protected
from app.core.quarantine.vault import Vault
from app.core.text.messages import render
from tests.quarantine.conftest import make_file, quarantine, scanned


def _vault_is_empty(ctx: Context) -> bool:
    return q.list_items(ctx) == [] and [p for p in Vault(ctx).dir.iterdir() if p.suffix in (".rfq", ".tmp")] == []


@pytest.mark.parametrize("change", ["content-same-size", "appended", "touched", "replaced", "deleted", "hash-differs"])
def test_a_file_changed_after_the_scan_is_left_in_place(ctx: Context, tmp_path: Path, change: str) -> None:
    path = make_file(tmp_path / "changing.bin", b"A" * 1000)
    digest, stat_key = scanned(path)
    if change == "content-same-size":
        with open(path, "r+b") as handle:
            handle.write(b"B")
        os.utime(path, ns=(stat_key[1], stat_key[1] + 1))
    elif change == "appended":
        with open(path, "ab") as handle:
            handle.write(b"more")
    elif change == "touched":
        os.utime(path, ns=(stat_key[1], stat_key[1] + 10**9))
    elif change == "replaced":
        make_file(tmp_path / "new.bin", b"A" * 1000)
        os.utime(tmp_path / "new.bin", ns=(stat_key[1], stat_key[1]))
        os.replace(tmp_path / "new.bin", path)
    elif change == "deleted":
        path.unlink()
    elif change == "hash-differs":
        digest = "0" * 64  # the scanner saw other content than is there now
    outcome = q.quarantine_file(ctx, path, rule="R", engine="yara", definitions_version="1", sha256=digest,
                                scanned_stat=stat_key)
    assert outcome.action == "failed" and outcome.item_id is None
    error = render(outcome.error or "")
    assert error and ("changed after it was scanned" in error or "no longer exists" in error)
    if change != "deleted":
        assert path.exists()
    assert _vault_is_empty(ctx)
    assert q.recover_interrupted(ctx).undone == []


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need a privilege on Windows")
def test_links_and_folders_are_not_quarantined(ctx: Context, tmp_path: Path) -> None:
    target = make_file(tmp_path / "target.txt", b"t")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    st = os.lstat(link)
    outcome = q.quarantine_file(ctx, link, rule="R", engine="yara", definitions_version="1", sha256="0" * 64,
                                scanned_stat=(st.st_size, st.st_mtime_ns, st.st_ino))
    assert outcome.action == "failed" and "regular files" in render(outcome.error or "")
    assert link.is_symlink() and target.exists()


@pytest.mark.skipif(sys.platform == "win32", reason="the POSIX rule set; the Windows one is tested below")
def test_os_critical_posix_paths_are_protected(ctx: Context) -> None:
    for path in ("/etc/passwd", "/usr/bin/env", "/bin/sh", "/sbin/init", "/lib/x.so", "/lib64/ld.so", "/boot/vmlinuz",
                 "/usr/../etc/hosts"):
        assert protected.protection_reason(ctx.paths, path) == protected.SYSTEM, path
    for path in ("/home/user/Downloads/x.exe", "/tmp/etc/passwd", "/usrlocal/x", "/library/x"):
        assert protected.protection_reason(ctx.paths, path) is None, path


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need a privilege on Windows; the POSIX system folders")
def test_a_link_into_a_system_folder_is_recognised(ctx: Context, tmp_path: Path) -> None:
    (tmp_path / "sneaky").symlink_to("/etc")
    assert protected.protection_reason(ctx.paths, tmp_path / "sneaky" / "hostname") == protected.SYSTEM


def test_system_files_are_skipped_without_force(ctx: Context, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Never a real system file: the system folder is a temporary one (SystemRoot on Windows, the list of
    # system folders elsewhere), so a broken rule cannot quarantine anything that matters.
    system = tmp_path / "system"
    if sys.platform == "win32":
        monkeypatch.setenv("SystemRoot", str(system))
    else:
        monkeypatch.setattr(protected, "POSIX_SYSTEM_DIRS", (str(system),))
        monkeypatch.setattr(protected, "DARWIN_SYSTEM_DIRS", (str(system),))
    kept = make_file(system / "hostname", b"host")
    outcome = quarantine(ctx, kept)
    assert outcome.action == "skipped-protected" and render(outcome.reason) == protected.SYSTEM
    assert kept.read_bytes() == b"host" and _vault_is_empty(ctx)


def test_ringfence_files_are_skipped_without_force_and_moved_with_it(ctx: Context) -> None:
    assert protected.protection_reason(ctx.paths, Path(app.__file__)) == protected.OWN
    own = make_file(ctx.paths.cache_dir / "something.bin", b"ringfence's own file")
    outcome = quarantine(ctx, own)
    assert outcome.action == "skipped-protected" and render(outcome.reason) == protected.OWN
    assert own.exists() and _vault_is_empty(ctx)
    forced = quarantine(ctx, own, force=True)
    assert forced.action == "quarantined" and not own.exists()


WINDOWS_ENV = {"SystemRoot": r"C:\Windows", "SystemDrive": "C:"}


@pytest.mark.parametrize("path", [
    r"C:\Windows\System32\drivers\CrowdStrike\C-00000291-00000000-00000032.sys",
    r"c:\windows\system32\svchost.exe",
    r"C:\Windows\SysWOW64\kernel32.dll",
    r"C:\WINDOWS\explorer.exe",
    r"\\?\C:\Windows\System32\ntoskrnl.exe",
    r"C:\Windows\Temp\..\System32\cmd.exe",
    r"C:\bootmgr",
    r"C:\Boot\BCD",
    r"C:\EFI\Microsoft\Boot\bootmgfw.efi",
    r"C:\pagefile.sys",
    r"C:\Program Files\Ringfence\ringfence.exe",
    r"C:\Users\ann\AppData\Local\Ringfence\quarantine\x.rfq",
])
def test_windows_protected_paths(path: str) -> None:
    rules = protected.windows_rules(WINDOWS_ENV, [r"C:\Program Files\Ringfence", r"C:\Users\ann\AppData\Local\Ringfence"])
    assert rules.reason(path) is not None, path


@pytest.mark.parametrize("path", [
    r"C:\Users\ann\Downloads\setup.exe",
    r"D:\Windows\System32\copy-from-old-disk.dll",
    r"C:\WindowsApps-not-really\x.exe",
    r"C:\Temp\Windows\System32\x.dll",
    r"C:\Program Files\Other\tool.exe",
])
def test_windows_ordinary_paths(path: str) -> None:
    rules = protected.windows_rules(WINDOWS_ENV, [r"C:\Program Files\Ringfence"])
    assert rules.reason(path) is None, path


def test_windows_rules_follow_a_non_default_system_root() -> None:
    rules = protected.windows_rules({"SystemRoot": r"D:\WINNT"}, [])
    assert rules.reason(r"d:\winnt\system32\drivers\etc\hosts") == protected.SYSTEM
    assert rules.reason(r"D:\bootmgr") == protected.SYSTEM
    assert rules.reason(r"C:\Windows\notepad.exe") is None
    assert PureWindowsPath(r"D:\WINNT") in [root for root, _ in rules.entries]
