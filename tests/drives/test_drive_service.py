"""The drive watcher with injected mount events: the setting, re-mounts, a drive removed mid-scan."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.context import Context
from app.core.drives.drive_service import DriveService
from app.core.drives.linux_mounts import LinuxDrives
from app.core.journal import events
from tests.drives.conftest import MountTable, codes, set_policy
from tests.engine.helpers import EICAR
from tests.realtime.conftest import wait_for

# the service's rules with a recorded Linux mount table (on Windows the same rules meet drive letters)
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="a recorded Linux mount table")


@pytest.fixture
def services(ctx: Context) -> Iterator[list[DriveService]]:
    started: list[DriveService] = []
    yield started
    for service in started:
        service.stop()


def stick(media: Path, name: str = "KINGSTON") -> Path:
    folder = media / "ann" / name
    folder.mkdir(parents=True)
    (folder / "eicar.com").write_bytes(EICAR)
    (folder / "holiday.jpg").write_bytes(b"\xff\xd8\xff not a program")
    return folder


def test_drives_connected_before_the_start_are_not_asked_about(
        ctx: Context, drives: LinuxDrives, table: MountTable, media: Path) -> None:
    table.mount(stick(media))
    service = DriveService(ctx, drives)
    service.present = {d.root: d for d in drives.current()}
    assert service.look(ctx) == []
    assert "drives.connected" not in codes(ctx)


@pytest.mark.parametrize("policy", ["ask", "nothing"])
def test_ask_and_do_nothing_record_the_drive_and_scan_nothing(
        ctx: Context, drives: LinuxDrives, table: MountTable, media: Path, policy: str) -> None:
    set_policy(ctx, policy)
    service = DriveService(ctx, drives)
    folder = stick(media)
    table.mount(folder)
    [drive] = service.look(ctx)
    [event] = events.events_since(ctx.store, 0)
    assert (event.code, event.args["decision"], event.args["label"], event.args["place"]) == \
        ("drives.connected", policy, "KINGSTON", str(folder))
    assert event.message.english() == f"USB drive KINGSTON ({folder}) connected."
    assert service._requests.empty() and (folder / "eicar.com").exists()
    assert drive.root == str(folder)


def test_the_same_drive_mounted_again_and_again_is_handled_once(
        ctx: Context, drives: LinuxDrives, table: MountTable, media: Path) -> None:
    set_policy(ctx, "scan")
    now = [1000.0]
    service = DriveService(ctx, drives, clock=lambda: now[0])
    folder = stick(media)
    for _ in range(5):  # a loose contact: mounted, unmounted, mounted…
        table.mount(folder, "/dev/sdc1")
        service.look(ctx)
        table.unmount(folder)
        service.look(ctx)
        now[0] += 60
    assert codes(ctx).count("drives.connected") == 1
    assert service._requests.qsize() == 1  # one scan asked for
    now[0] += 31 * 60  # much later: the same stick again is a new visit
    table.mount(folder, "/dev/sdc1")
    service.look(ctx)
    assert codes(ctx).count("drives.connected") == 2


def test_a_label_with_odd_characters_is_kept_as_it_is(
        ctx: Context, drives: LinuxDrives, table: MountTable, media: Path) -> None:
    from app.core.text.messages import render
    from app.core.text.names import plain

    set_policy(ctx, "ask")
    service = DriveService(ctx, drives)
    folder = media / "ann" / "MY STICK\n\u202egpj.exe"
    folder.mkdir(parents=True)
    table.mount(folder)
    service.look(ctx)
    [event] = events.events_since(ctx.store, 0)
    assert event.args["label"] == "MY STICK\n\u202egpj.exe"  # stored exactly
    shown = render(event.message, data=plain)
    assert "MY STICK\\n<U+202E>gpj.exe" in shown and "\n" not in shown


def test_a_drive_removed_during_its_scan_stops_the_scan_with_one_message(
        ctx: Context, drives: LinuxDrives, table: MountTable, media: Path, services: list[DriveService]) -> None:
    set_policy(ctx, "scan")
    ctx.settings.set("scan.action", "report")
    ctx.settings.save()
    service = DriveService(ctx, drives)
    services.append(service)
    service.start()
    folder = stick(media)
    for index in range(40):
        (folder / f"tool{index}.exe").write_bytes(b"MZ" + bytes(index))
    table.mount(folder)
    assert wait_for(lambda: service._scanning is not None, 30)
    running = service._scanning
    assert running is not None
    running[1].pause()  # hold the scan while the stick is pulled
    table.unmount(folder)
    for child in folder.iterdir():
        child.unlink()
    assert wait_for(service.idle.is_set, 60)
    found = codes(ctx)
    assert found.count("drives.removed_during_scan") == 1
    assert "scan.cancelled" in found and "scan.finished" not in found
    [removed] = [e for e in events.events_since(ctx.store, 0) if e.code == "drives.removed_during_scan"]
    assert removed.message.english() == (f"USB drive KINGSTON ({folder}) was removed before its scan ended, so the "
                                         "scan stopped. Connect it again to scan it.")


def test_a_drive_without_anything_risky_at_the_top_is_not_scanned(
        ctx: Context, drives: LinuxDrives, table: MountTable, media: Path) -> None:
    set_policy(ctx, "scan")
    service = DriveService(ctx, drives)
    folder = media / "ann" / "PHOTOS"
    folder.mkdir(parents=True)
    (folder / "cat.jpg").write_bytes(b"\xff\xd8\xff")
    table.mount(folder)
    [drive] = service.look(ctx)
    assert service.scan(ctx, drive) == "nothing"
    assert codes(ctx) == ["drives.connected", "drives.nothing_to_scan"]
