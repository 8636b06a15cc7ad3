"""USB drives in the console, end to end: a recorded mount table announces a stick, the console asks
"Scan now?" (a question in the window without a tray, a notification from the tray with one), and the
answer scans the stick with the real engine; in English and German, with the label shown as it is."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.core.context import Context
from app.core.drives.linux_mounts import LinuxDrives
from app.core.foundation.paths import get_paths
from app.ui.application import ConsoleApp
from app.ui.drives import Drives
from tests.drives.conftest import MountTable
from tests.engine.helpers import EICAR

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="a recorded Linux mount table announces the drive")


@pytest.fixture
def stick(tmp_path: Path) -> Path:
    folder = tmp_path / "media" / "ann" / "KINGSTON"
    folder.mkdir(parents=True)
    (folder / "eicar.com").write_bytes(EICAR)
    return folder


@pytest.fixture
def table(tmp_path: Path) -> MountTable:
    return MountTable(tmp_path / "mountinfo")


Start = Callable[..., tuple[ConsoleApp, Drives]]


@pytest.fixture
def start(qapp: QApplication, qtbot: QtBot, tmp_path: Path, table: MountTable) -> Iterator[Start]:
    """Starts the console with its drive watcher on the recorded mount table (``use_tray``, ``on_connect``)."""
    apps: list[ConsoleApp] = []

    def started(*, use_tray: bool = False, on_connect: str = "ask") -> tuple[ConsoleApp, Drives]:
        with Context.open() as ctx:
            ctx.settings.set("drives.on_connect", on_connect)
            ctx.settings.save()
        app = ConsoleApp(qapp, get_paths(), use_tray=use_tray, poll_updates=False, protect=False)
        apps.append(app)
        (tmp_path / "sys").mkdir(exist_ok=True)
        drives = app.drives = Drives(app, lambda: LinuxDrives(
            table.path, media_roots=(tmp_path / "media",), sysfs=tmp_path / "sys", dev_disk=tmp_path / "sys",
            interval=0.05))
        app.start()
        qtbot.waitUntil(lambda: drives.service is not None, timeout=10_000)
        return app, drives

    yield started
    for app in apps:
        app.quit()


def test_without_a_tray_the_window_asks_and_scan_now_scans_the_stick(
        qtbot: QtBot, table: MountTable, stick: Path, start: Start) -> None:
    app, drives = start()
    table.mount(stick)
    qtbot.waitUntil(lambda: drives.question is not None and drives.question.isVisible(), timeout=10_000)
    question = drives.question
    assert question is not None and not question.isModal()
    assert question.text() == f"USB drive KINGSTON ({stick}) connected — Scan now?"
    assert (stick / "eicar.com").exists()  # nothing happens before the answer
    drives.scan_button.click()
    qtbot.waitUntil(lambda: not (stick / "eicar.com").exists(), timeout=120_000)
    qtbot.waitUntil(lambda: any(title.startswith("Threat") for title, _b, _c in app.notifier.shown),
                    timeout=20_000)
    assert ("USB drive", f"Checking USB drive KINGSTON ({stick}): 1 program, script and shortcut at its top "
            "levels.", False) in app.notifier.shown


def test_with_a_tray_the_notification_asks_and_a_click_on_it_scans(
        qtbot: QtBot, table: MountTable, stick: Path, start: Start) -> None:
    app, drives = start(use_tray=True)
    assert app.tray is not None
    table.mount(stick)
    qtbot.waitUntil(lambda: bool(drives.told), timeout=10_000)
    assert drives.told == [f"USB drive KINGSTON ({stick}) connected — Scan now?"]
    assert drives.question is None  # the tray's notification asks, not a window
    app.tray.tray.messageClicked.emit()  # what the desktop reports when the user clicks the notification
    qtbot.waitUntil(lambda: not (stick / "eicar.com").exists(), timeout=120_000)
    assert drives.told[-1] == "Scanning the USB drive; History shows what it finds."


def test_a_label_with_odd_characters_and_the_german_question(
        qtbot: QtBot, tmp_path: Path, table: MountTable, german: None, start: Start) -> None:
    odd = tmp_path / "media" / "ann" / "FOTOS\nOK \u202egpj.exe"
    odd.mkdir(parents=True)
    _app, drives = start()
    table.mount(odd)
    qtbot.waitUntil(lambda: drives.question is not None and drives.question.isVisible(), timeout=10_000)
    assert drives.question is not None
    said = drives.question.text()
    assert said.startswith("USB-Laufwerk \u2068FOTOS\\nOK <U+202E>gpj.exe\u2069 (")
    assert said.endswith(") angeschlossen – jetzt prüfen?") and "\n" not in said
    assert drives.scan_button.text() == "Jetzt prüfen"
    drives.later_button.click()
    assert not drives.question.isVisible()


def test_do_nothing_asks_nothing(qtbot: QtBot, table: MountTable, stick: Path, start: Start) -> None:
    _app, drives = start(on_connect="nothing")
    table.mount(stick)
    qtbot.waitUntil(lambda: "drives.connected" in _codes(), timeout=10_000)
    qtbot.wait(1500)  # the journal watcher has brought the event to the console
    assert drives.question is None and drives.told == [] and (stick / "eicar.com").exists()


def _codes() -> list[str]:
    from app.core.journal import events

    with Context.open() as ctx:
        return [e.code for e in events.events_since(ctx.store, 0)]
