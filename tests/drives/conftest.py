"""A recorded mount table the tests change (fed to the same parser as /proc/self/mountinfo), and a context."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.context import Context
from app.core.drives.linux_mounts import LinuxDrives
from app.core.journal import events

SYSTEM_LINES = (
    "22 1 0:21 / /proc rw,nosuid,nodev,noexec,relatime shared:12 - proc proc rw",
    "25 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw,errors=remount-ro",
    "26 25 0:24 / /run rw,nosuid,nodev shared:5 - tmpfs tmpfs rw,size=1631016k,mode=755",
)


def escaped(text: str) -> str:
    """A path as the kernel writes it in mountinfo."""
    return text.replace("\\", "\\134").replace(" ", "\\040").replace("\t", "\\011").replace("\n", "\\012")


class MountTable:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.mounts: dict[str, tuple[str, str]] = {}
        self.write()

    def mount(self, point: Path | str, device: str = "/dev/sdb1", fs_type: str = "vfat") -> None:
        self.mounts[str(point)] = (device, fs_type)
        self.write()

    def unmount(self, point: Path | str) -> None:
        self.mounts.pop(str(point), None)
        self.write()

    def write(self) -> None:
        lines = list(SYSTEM_LINES)
        for number, (point, (device, fs_type)) in enumerate(self.mounts.items(), start=100):
            lines.append(f"{number} 25 8:{number} / {escaped(point)} rw,nosuid,nodev,relatime shared:{number} - "
                         f"{fs_type} {device} rw,uid=1000,gid=1000,codepage=437")
        self.path.write_text("\n".join(lines) + "\n", encoding="utf-8", errors="surrogateescape")


@pytest.fixture
def media(tmp_path: Path) -> Path:
    folder = tmp_path / "media"
    folder.mkdir()
    return folder


@pytest.fixture
def table(tmp_path: Path) -> MountTable:
    return MountTable(tmp_path / "mountinfo")


@pytest.fixture
def drives(tmp_path: Path, table: MountTable, media: Path) -> LinuxDrives:
    """The Linux drive table over the recorded mount table (sysfs and /dev/disk of the test: empty)."""
    (tmp_path / "sys").mkdir()
    (tmp_path / "dev-disk").mkdir()
    return LinuxDrives(table.path, media_roots=(media,), sysfs=tmp_path / "sys", dev_disk=tmp_path / "dev-disk",
                       interval=0.05)


@pytest.fixture
def ctx(rf_home: Path) -> Iterator[Context]:
    with Context.open() as context:
        yield context


def set_policy(ctx: Context, on_connect: str, full: bool = False) -> None:
    ctx.settings.set("drives.on_connect", on_connect)
    ctx.settings.set("drives.full_scan", full)
    ctx.settings.save()


def codes(ctx: Context) -> list[str]:
    return [event.code for event in events.events_since(ctx.store, 0)]
