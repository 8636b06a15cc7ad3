"""The Scan page drives a real scan: EICAR is found and listed as it is found, quarantined on the spot,
and appears on the Quarantine page of the same window, from where it comes back byte for byte."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent
from pytestqt.qtbot import QtBot

from app.core import quarantine as q
from app.core.context import Context
from app.engine.eicar import eicar_bytes
from app.ui.application import ConsoleApp
from app.ui.pages.quarantine import QuarantinePage
from app.ui.pages.scan import ScanPage
from tests.quarantine.conftest import make_file
from tests.ui.conftest import Console

SCAN_TIMEOUT = 120_000


def sample_tree(root: Path) -> Path:
    make_file(root / "docs" / "letter.txt", b"Dear reader, nothing to see here.\n" * 20)
    make_file(root / "downloads" / "eicar.com", eicar_bytes())
    make_file(root / "downloads" / "notes.md", b"# plain notes\n")
    return root / "downloads" / "eicar.com"


def finished(page: ScanPage) -> bool:
    return not page.running and page.summary is not None


def test_a_scan_finds_eicar_quarantines_it_and_the_quarantine_page_restores_it(
        qtbot: QtBot, console_app: ConsoleApp, tmp_path: Path) -> None:
    eicar = sample_tree(tmp_path / "tree")
    console_app.start()
    scan_page = console_app.window.pages["scan"]
    quarantine_page = console_app.window.pages["quarantine"]
    assert isinstance(scan_page, ScanPage) and isinstance(quarantine_page, QuarantinePage)
    console_app.show_page("scan")
    scan_page.action.setCurrentIndex(scan_page.action.findData("quarantine"))
    scan_page.start_scan("custom", [str(tmp_path / "tree")])
    assert not scan_page.quick.isEnabled()
    qtbot.waitUntil(lambda: finished(scan_page), timeout=SCAN_TIMEOUT)
    assert not eicar.exists()
    results = scan_page.results
    assert results.model.rowCount() == 1
    row = results.model.rows[0]
    assert row.path == str(eicar) and row.action == "quarantined" and row.item_id
    assert results.model.index(0, 3).data() == "Moved to the quarantine"
    assert scan_page.outcome.text().startswith("Scan finished: 3 files checked in ")
    assert "threats found: 1; files not checked: 0." in scan_page.outcome.text()
    assert scan_page.quick.isEnabled()

    qtbot.waitUntil(lambda: quarantine_page.proxy.rowCount() == 1, timeout=20_000)  # via the journal
    assert quarantine_page.proxy.index(0, 0).data() == "eicar.com"
    console_app.show_page("quarantine")
    quarantine_page.table.selectAll()
    quarantine_page.restore_button.click()
    qtbot.waitUntil(eicar.exists, timeout=20_000)
    assert eicar.read_bytes() == eicar_bytes()
    qtbot.waitUntil(lambda: quarantine_page.proxy.rowCount() == 0, timeout=20_000)


def test_report_only_then_quarantine_and_allow_from_the_list(qtbot: QtBot, console: Console, ctx: Context,
                                                             tmp_path: Path) -> None:
    eicar = sample_tree(tmp_path / "tree")
    page = ScanPage(console)
    qtbot.addWidget(page)
    page.show()
    page.action.setCurrentIndex(page.action.findData("report"))
    page.start_scan("custom", [str(eicar.parent)])
    qtbot.waitUntil(lambda: finished(page), timeout=SCAN_TIMEOUT)
    assert eicar.exists() and page.results.model.index(0, 3).data() == "Reported only"
    page.results.table.selectRow(0)
    assert page.results.quarantine.isEnabled()
    page.results.quarantine.click()
    qtbot.waitUntil(lambda: not eicar.exists(), timeout=20_000)
    qtbot.waitUntil(lambda: page.results.model.index(0, 3).data() == "Moved to the quarantine", timeout=20_000)
    assert len(q.list_items(ctx)) == 1
    page.results.table.selectRow(0)
    page.results.allow.click()  # allowing a quarantined file puts it back and allows its hash
    qtbot.waitUntil(eicar.exists, timeout=20_000)
    assert eicar.read_bytes() == eicar_bytes()
    qtbot.waitUntil(lambda: page.results.model.index(0, 3).data() == "Put back and allowed", timeout=20_000)
    assert [e.name for e in q.allowed_entries(ctx)] == ["eicar.com"]

    page.start_scan("custom", [str(eicar.parent)])  # allowed now: not found again
    qtbot.waitUntil(lambda: finished(page), timeout=SCAN_TIMEOUT)
    assert page.results.model.rowCount() == 0 and "threats found: 0" in page.outcome.text()


def test_dropped_files_are_scanned_and_pause_resume_cancel_reach_the_scan(qtbot: QtBot, console: Console,
                                                                         tmp_path: Path) -> None:
    for i in range(400):
        make_file(tmp_path / "many" / f"file-{i:03d}.txt", b"harmless text " * (200 + i))
    page = ScanPage(console)
    qtbot.addWidget(page)
    page.show()
    page.action.setCurrentIndex(page.action.findData("report"))
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(tmp_path / "many"))])
    drop = QDropEvent(QPoint(5, 5), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    page.dropEvent(drop)
    assert page.running
    qtbot.waitUntil(lambda: page.job is not None, timeout=SCAN_TIMEOUT)
    page.pause()
    assert page.progress is not None and page.progress.state == "paused"
    assert page.progress_view.resume.isVisible() and not page.progress_view.pause.isVisible()
    page.resume()
    assert page.progress is not None and page.progress.state in ("running", "finished")
    page.cancel()
    qtbot.waitUntil(lambda: finished(page), timeout=SCAN_TIMEOUT)
    assert page.summary is not None
    if page.summary.cancelled:
        assert page.outcome.text().startswith("Scan cancelled: ")
    assert page.summary.kind == "custom" and page.summary.roots == [str(tmp_path / "many")]


HOLDER = """
import sys, time
from app.core.foundation.paths import get_paths
from app.core.scanning.lock import ScanLock
from app.core.scanning.progress import JobProgress
import os
lock = ScanLock(get_paths().ensure())
lock.acquire()
lock.publish(JobProgress(state="running", kind="full", files_done=1234, files_total=5000, total_final=True,
                         percent=24.7, files_per_s=310.0, remaining_s=12.0, current="/srv/big/file.iso",
                         pid=os.getpid()), force=True)
print("held", flush=True)
sys.stdin.read()
lock.release()
"""


def test_a_scan_running_elsewhere_is_followed_and_a_second_one_is_refused_in_one_sentence(
        qtbot: QtBot, console: Console, rf_home: Path, tmp_path: Path) -> None:
    import subprocess
    import sys

    from tests.conftest import ROOT

    holder = subprocess.Popen([sys.executable, "-c", HOLDER], cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        page = ScanPage(console)
        qtbot.addWidget(page)
        page.show()
        qtbot.waitUntil(page.progress_view.isVisible, timeout=20_000)
        view = page.progress_view
        assert view.title() == "Full scan" and view.files.text() == f"{QLocale().toString(1234)} of {QLocale().toString(5000)}"
        assert not view.pause.isVisible() and not view.cancel.isVisible()  # not ours to control
        page.start_scan("custom", [str(tmp_path)])
        qtbot.waitUntil(lambda: not page.running, timeout=SCAN_TIMEOUT)
        assert page.notice.label.text() == ("A full scan is already running. Wait for it to finish, or cancel it "
                                            "where it was started.")
        qtbot.waitUntil(lambda: view.isVisible() and view.files.text().endswith(QLocale().toString(5000)), timeout=20_000)
        assert page.quick.isEnabled()
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=20)


def test_an_archive_not_fully_checked_is_told_even_when_it_is_no_threat(
        qtbot: QtBot, console: Console, rf_home: Path, tmp_path: Path) -> None:
    from tests.engine.test_archives import nested

    make_file(tmp_path / "tree" / "deep.zip", nested(eicar_bytes(), "eicar.com", 5))  # deeper than the 3 set below
    settings = rf_home / "config" / "settings.json"
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text('{"settings_version": 2, "scan.archive_max_depth": 3}')
    page = ScanPage(console)
    qtbot.addWidget(page)
    page.action.setCurrentIndex(page.action.findData("report"))
    page.start_scan("custom", [str(tmp_path / "tree")])
    qtbot.waitUntil(lambda: finished(page), timeout=SCAN_TIMEOUT)
    assert page.results.model.rowCount() == 0
    assert page.outcome.text().endswith("1 file could not be fully checked: an archive limit was reached or a password "
                                        "was needed.")
    shown = [page.results.problems.item(row).text() for row in range(page.results.problems.count())]
    assert shown == [f"{tmp_path / 'tree' / 'deep.zip'}!level3.zip!level2.zip!level1.zip: not fully checked: archives "
                     "nested deeper than the limit"]
    from app.core.journal import events
    with Context.open() as ctx:
        texts = [event.message.english() for event in events.query(ctx.store, kinds=["scan"])
                 if event.code == "scan.not_fully_checked"]
    assert texts == [f"{tmp_path / 'tree' / 'deep.zip'}!level3.zip!level2.zip!level1.zip was not fully checked: "
                     "archives nested deeper than the limit."]
