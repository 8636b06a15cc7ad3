""""Scan with Ringfence": the items of one selection, each started as its own process by the file manager,
become one scan on the running console (the real single-instance channel, real sockets, real processes),
which starts without a question and, from the tray, says when it is done."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from pytestqt.qtbot import QtBot

from app.cli import wants_console
from app.core.context import Context
from app.core.foundation.paths import get_paths
from app.core.scanning.runs import SCANS_SCHEMA
from app.engine.eicar import eicar_bytes
from app.ui import single_instance
from app.ui.application import ConsoleApp
from app.ui.gui import scan_targets
from app.ui.pages.scan import ScanPage
from app.ui.single_instance import SingleInstance
from tests.conftest import ROOT
from tests.quarantine.conftest import make_file

SCAN_TIMEOUT = 120_000
# ringfence-gui PATH, from this checkout (Windows' embeddable Python does not look in the working folder)
LAUNCH = "import sys; sys.path.insert(0, sys.argv[1]); from app.ui.gui import main; sys.exit(main(sys.argv[2:]))"
CLAIM = ("import sys; sys.path.insert(0, sys.argv[1]); from PySide6.QtCore import QCoreApplication; "
         "app = QCoreApplication([]); from app.core.foundation.paths import get_paths; "
         "from app.ui.single_instance import SingleInstance; "
         "sys.exit(3 if SingleInstance(get_paths().ensure()).claim(sys.argv[2:]) else 0)")


def _three(root: Path) -> list[str]:
    make_file(root / "report.pdf", b"%PDF-1.4 an ordinary document\n" * 10)
    make_file(root / "photos" / "beach.jpg", b"\xff\xd8\xff\xe0 not really a photo\n" * 10)
    make_file(root / "download.com", eicar_bytes())
    return [str(root / "report.pdf"), str(root / "photos"), str(root / "download.com")]


def _launch(*items: str) -> subprocess.Popen[str]:
    """A later launch: a process of its own that hands ``items`` to the console and exits (0: handed over)."""
    return subprocess.Popen([sys.executable, "-c", CLAIM, str(ROOT), *items], cwd=ROOT,
                            env=dict(os.environ, QT_QPA_PLATFORM="offscreen"), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def _ended(qtbot: QtBot, launches: list[subprocess.Popen[str]]) -> list[int]:
    """Wait for the launches with the console's event loop running (it answers them)."""
    for launch in launches:
        while launch.poll() is None:
            qtbot.wait(50)
    return [launch.returncode for launch in launches]


def test_three_launches_in_a_moment_are_gathered_into_one_request(qtbot: QtBot, rf_home: Path) -> None:
    first = SingleInstance(get_paths().ensure())
    assert first.claim()  # nobody listens yet: this one is the console
    try:
        with qtbot.waitSignal(first.scan_requested, timeout=60_000) as gathered:
            assert _ended(qtbot, [_launch(f"/data/{name}") for name in ("a.txt", "b.txt", "c.txt")]) == [0, 0, 0]
        assert sorted(gathered.args[0]) == ["/data/a.txt", "/data/b.txt", "/data/c.txt"]
        with qtbot.waitSignal(first.activated, timeout=60_000):
            assert _ended(qtbot, [_launch()]) == [0]  # no paths: come forward, as before
        with qtbot.waitSignal(first.scan_requested, timeout=60_000) as later:
            assert _ended(qtbot, [_launch("/data/d.txt")]) == [0]
        assert later.args == [["/data/d.txt"]]  # a later selection is a scan of its own
    finally:
        first.close()


def test_gathering_ends_after_the_longest_wait_however_many_arrive(qtbot: QtBot, rf_home: Path,
                                                                   monkeypatch) -> None:
    monkeypatch.setattr(single_instance, "GATHER_MAX_MS", 300)
    instance = SingleInstance(get_paths().ensure())
    with qtbot.waitSignal(instance.scan_requested, timeout=5_000) as gathered:
        instance.request_scan(["/one"])
        qtbot.wait(200)
        instance.request_scan(["/two", "/one"])  # the same item twice is scanned once
    assert gathered.args == [["/one", "/two"]]


def test_three_real_processes_make_one_scan_of_three_items_shown_on_the_scan_page(
        qtbot: QtBot, console_app: ConsoleApp, tmp_path: Path) -> None:
    chosen = _three(tmp_path / "selection")
    instance = SingleInstance(console_app.paths)
    assert instance.listen()
    instance.scan_requested.connect(console_app.scan_from_outside)
    console_app.start()
    scan_page = console_app.window.pages["scan"]
    assert isinstance(scan_page, ScanPage)
    console_app.show_page("dashboard")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    try:
        launches = [subprocess.Popen([sys.executable, "-c", LAUNCH, str(ROOT), "--scan", path], cwd=ROOT, env=env,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for path in chosen]
        for launch in launches:
            while launch.poll() is None:  # the console's event loop reads their messages meanwhile
                qtbot.wait(50)
            assert launch.returncode == 0, launch.stderr.read() if launch.stderr else ""
        qtbot.waitUntil(lambda: scan_page.summary is not None and not scan_page.running, timeout=SCAN_TIMEOUT)
    finally:
        instance.close()
    assert sorted(scan_page.summary.roots) == sorted(chosen)  # type: ignore[union-attr]
    assert console_app.window.current_page() == "scan"  # the open window shows the scan
    assert [f.path for f in scan_page.found] == [chosen[2]]
    with Context.open(console_app.paths) as ctx:
        ctx.store.ensure(SCANS_SCHEMA)
        assert ctx.store.conn.execute("SELECT COUNT(*) FROM scans").fetchone()[0] == 1


def test_from_the_tray_the_scan_runs_unseen_and_its_end_is_notified(
        qtbot: QtBot, console_app: ConsoleApp, tmp_path: Path) -> None:
    chosen = _three(tmp_path / "selection")[:2]
    console_app.start()
    console_app.window.hide()  # the console lives in the tray
    scan_page = console_app.window.pages["scan"]
    assert isinstance(scan_page, ScanPage)
    console_app.scan_from_outside(chosen)
    assert scan_page.running  # no question first
    console_app.scan_from_outside([str(tmp_path / "selection" / "download.com")])  # chosen while it runs
    qtbot.waitUntil(lambda: scan_page.summary is not None and not scan_page.running
                    and scan_page.summary.roots == [str(tmp_path / "selection" / "download.com")],
                    timeout=SCAN_TIMEOUT)  # the second selection is scanned right after the first
    assert not console_app.window.isVisible()
    qtbot.waitUntil(lambda: any(title == "Scan finished" or "scan(s) finished" in body
                                for title, body, _critical in console_app.notifier.shown), timeout=30_000)


def test_ringfence_scan_paths_starts_the_console_and_a_command_stays_a_command() -> None:
    assert wants_console(["--scan", "C:\\Users\\anna\\Downloads\\setup.exe"])  # the bundle's Ringfence.exe
    assert wants_console([]) and wants_console(["--minimized"])
    assert not wants_console(["scan", "--quick"]) and not wants_console(["C:\\scan-me"])


def test_paths_from_the_file_manager_are_made_absolute(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert scan_targets(["notes.txt", str(tmp_path / "x")], platform="linux") == [
        str(tmp_path / "notes.txt"), str(tmp_path / "x")]
    if sys.platform == "win32":  # pragma: no cover - Windows' own path rules
        assert scan_targets(['D:"'], platform="win32") == ["D:\\"]


def test_with_no_console_running_three_launches_start_one_console_and_one_scan(rf_home: Path, tmp_path: Path) -> None:
    chosen = _three(tmp_path / "selection")
    (tmp_path / "selection" / "download.com").write_bytes(b"an ordinary program, this time\n")
    home = tmp_path / "home"
    home.mkdir()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(home), USERPROFILE=str(home),
               XDG_CONFIG_HOME=str(home / ".config"), XDG_DATA_HOME=str(home / ".local" / "share"))
    launches = [subprocess.Popen([sys.executable, "-c", LAUNCH, str(ROOT), "--scan", path], cwd=ROOT, env=env,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True) for path in chosen]
    try:
        deadline = time.monotonic() + SCAN_TIMEOUT / 1000
        finished: list[tuple[str, object]] = []
        while time.monotonic() < deadline and not finished:
            time.sleep(0.5)
            with Context.open(get_paths()) as ctx:
                ctx.store.ensure(SCANS_SCHEMA)
                finished = [(r["roots"], r["files_scanned"]) for r in
                            ctx.store.conn.execute("SELECT roots, files_scanned FROM scans WHERE finished IS NOT NULL")]
        running = [launch for launch in launches if launch.poll() is None]
        assert len(running) == 1  # the first became the console (in the tray, or its window where there is none)
        assert sorted(launch.returncode for launch in launches if launch not in running) == [0, 0]  # handed over
        assert len(finished) == 1 and sorted(json.loads(finished[0][0])) == sorted(chosen) and finished[0][1] == 3
    finally:
        for launch in launches:
            if launch.poll() is None:
                launch.terminate()
                launch.wait(30)
