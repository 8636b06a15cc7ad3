"""Removable drives on Linux, from the mount table.

:func:`parse_mountinfo` reads ``/proc/self/mountinfo`` (or any file in its format: the tests feed one).
A mount is a removable drive when it is mounted under ``/media`` or ``/run/media`` (where the desktop's
UDisks2 mounts sticks and disks) from a block device or through FUSE (fuseblk, fusefat; not a network
file system), or when its disk says so in sysfs (``removable`` is 1, or the disk hangs on a USB bus).
:class:`LinuxDrives` lists them and waits for the table to change: the kernel marks
``/proc/self/mountinfo`` with ``POLLPRI`` on every mount and unmount.
"""

from __future__ import annotations

import os
import re
import select
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from app.core.drives.drive_model import Drive

MOUNTINFO = Path("/proc/self/mountinfo")
MEDIA_ROOTS: tuple[str, ...] = ("/media", "/run/media")
NETWORK_FUSE = frozenset({"fuse.sshfs", "fuse.rclone", "fuse.s3fs", "fuse.gvfsd-fuse", "fuse.davfs", "fuse.curlftpfs"})
_ESCAPE = re.compile(rb"\\([0-7]{3})")
_BY_ID_ESCAPE = re.compile(r"\\x([0-9a-fA-F]{2})")


@dataclass(frozen=True)
class Mount:
    device: str  # the mount source, for example /dev/sdb1
    mount_point: str
    fs_type: str
    major_minor: str


def _unescape(field: bytes) -> str:
    """A mountinfo field: spaces, tabs, newlines and backslashes are written as octal escapes (\\040)."""
    return os.fsdecode(_ESCAPE.sub(lambda m: bytes([int(m.group(1), 8)]), field))


def parse_mountinfo(data: bytes) -> list[Mount]:
    """Every mount in a mountinfo table; a line that does not have the format is skipped."""
    mounts = []
    for line in data.splitlines():
        fields = line.split(b" ")
        try:
            dash = fields.index(b"-", 6)
            mounts.append(Mount(_unescape(fields[dash + 2]), _unescape(fields[4]), _unescape(fields[dash + 1]),
                                fields[2].decode("ascii", "replace")))
        except (ValueError, IndexError):
            continue
    return mounts


def _by_link(folder: Path, device: str) -> str:
    """The name under ``/dev/disk/by-label`` or ``by-uuid`` that points at ``device`` (udev writes odd
    characters as \\xNN), or ``""``."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return ""
    target = os.path.realpath(device)
    for entry in entries:
        try:
            if os.path.realpath(entry.path) == target:
                raw = _BY_ID_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), entry.name)
                return raw.encode("latin-1", "surrogateescape").decode("utf-8", "surrogateescape")
        except (OSError, UnicodeError):
            continue
    return ""


class LinuxDrives:
    """The removable drives in a mount table, and a way to wait until the table changes."""

    def __init__(self, mountinfo: Path = MOUNTINFO, *, media_roots: Iterable[str | Path] = MEDIA_ROOTS,
                 sysfs: Path = Path("/sys"), dev_disk: Path = Path("/dev/disk"), interval: float = 2.0) -> None:
        self.mountinfo = mountinfo
        self.media_roots = tuple(str(Path(root)) for root in media_roots)
        self.sysfs, self.dev_disk = sysfs, dev_disk
        self.interval = interval
        self._poll: select.poll | None = None
        self._handle: int | None = None

    def current(self) -> list[Drive]:
        try:
            data = self.mountinfo.read_bytes()
        except OSError:
            return []
        drives, seen = [], set()
        for mount in parse_mountinfo(data):
            if mount.mount_point in seen or not self.removable(mount):
                continue
            seen.add(mount.mount_point)
            drives.append(self._drive(mount))
        return drives

    def removable(self, mount: Mount) -> bool:
        point = mount.mount_point
        under_media = any(point.startswith(root.rstrip("/") + "/") for root in self.media_roots)
        if under_media and mount.fs_type.startswith("fuse") and mount.fs_type not in NETWORK_FUSE:
            return True  # FAT, exFAT or NTFS through FUSE (fuseblk, fuse.fusefat): the source names no device
        if not mount.device.startswith("/") or mount.device.startswith("//"):
            return False  # proc, tmpfs, network shares (//server/share, server:/path)
        if under_media:
            return True
        block = self.sysfs / "dev" / "block" / mount.major_minor
        try:
            real = os.path.realpath(block)
        except OSError:
            return False
        if "/usb" in real:
            return True
        disk = Path(real)
        if (disk / "partition").exists():
            disk = disk.parent
        try:
            return (disk / "removable").read_text().strip() == "1"
        except OSError:
            return False

    def _drive(self, mount: Mount) -> Drive:
        label = _by_link(self.dev_disk / "by-label", mount.device) or os.path.basename(mount.mount_point)
        uuid = _by_link(self.dev_disk / "by-uuid", mount.device)
        identity = f"uuid:{uuid}" if uuid else f"label:{mount.fs_type}:{label}"
        return Drive(mount.mount_point, mount.mount_point, label, identity, mount.device, mount.fs_type)

    def wait(self, stop: threading.Event, timeout: float | None = None) -> None:
        """Return when the mount table may have changed, ``stop`` is set, or after ``timeout`` (the interval)."""
        timeout = self.interval if timeout is None else timeout
        if str(self.mountinfo).startswith("/proc/"):
            if self._poll is None:
                try:
                    self._handle = os.open(self.mountinfo, os.O_RDONLY)
                    self._poll = select.poll()
                    self._poll.register(self._handle, select.POLLPRI | select.POLLERR)
                except OSError:
                    self._poll = None
            if self._poll is not None:
                # short slices, so that a stop is seen soon; a mount event ends the wait at once
                left = timeout
                while left > 0 and not stop.is_set():
                    if self._poll.poll(min(left, 0.5) * 1000):  # the kernel clears the mark as it reports it
                        return
                    left -= 0.5
                return
        stop.wait(timeout)  # a recorded table (tests) or no poll support: read it again after the interval

    def close(self) -> None:
        if self._handle is not None:
            os.close(self._handle)
            self._handle, self._poll = None, None
