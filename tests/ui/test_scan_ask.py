"""The on-detection action "ask" on the Scan page, with a real scan: the threats gather in one
non-blocking question while the scan runs on, and each choice — quarantine, allow, leave it — is carried
out by core and shows in the results and the scan history."""

from __future__ import annotations

import zipfile
from pathlib import Path

from pytestqt.qtbot import QtBot

from app.core import quarantine as q
from app.core.context import Context
from app.engine.eicar import eicar_bytes
from app.ui.dialogs.threat_choice import ThreatChoiceDialog
from app.ui.pages.scan import ScanPage
from tests.quarantine.conftest import make_file
from tests.ui.conftest import Console

SCAN_TIMEOUT = 120_000


def _scan(qtbot: QtBot, console: Console, root: Path) -> ScanPage:
    page = ScanPage(console)
    qtbot.addWidget(page)
    page.show()
    page.action.setCurrentIndex(page.action.findData("ask"))
    page.start_scan("custom", [str(root)])
    qtbot.waitUntil(lambda: not page.running and page.summary is not None, timeout=SCAN_TIMEOUT)
    return page


def _archive(root: Path) -> Path:
    """A zip with two EICAR members (stored: the zip itself matches too) — one file, several detections."""
    root.mkdir()
    archive = root / "attachments.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("one.com", eicar_bytes())
        zf.writestr("two.com", eicar_bytes())
    return archive


def _select(dialog: ThreatChoiceDialog, name: str) -> None:
    dialog.list.clearSelection()
    [item] = [dialog.list.topLevelItem(i) for i in range(dialog.list.topLevelItemCount())
              if dialog.list.topLevelItem(i).text(0) == name]  # type: ignore[union-attr]
    item.setSelected(True)  # type: ignore[union-attr]


def _what_was_done(page: ScanPage) -> dict[str, str]:
    model = page.results.model
    return {Path(model.rows[r].path).name: model.index(r, 3).data() for r in range(model.rowCount())}


def _recorded(ctx: Context, scan_id: int) -> dict[str, str]:
    rows = ctx.store.conn.execute("SELECT path, action FROM detections WHERE scan_id = ?", (scan_id,)).fetchall()
    return {Path(path).name: action for path, action in rows}


def test_each_choice_is_carried_out_while_the_scan_is_not_held_up(qtbot: QtBot, console: Console, ctx: Context,
                                                                  tmp_path: Path) -> None:
    root = tmp_path / "downloads"
    bad, good, kept = (make_file(root / name, eicar_bytes()) for name in ("bad.com", "tool.com", "sample.com"))
    make_file(root / "notes.txt", b"plain notes\n")
    page = _scan(qtbot, console, root)
    dialog = page.asking
    assert dialog is not None and dialog.isVisible() and not dialog.isModal()  # the scan ended meanwhile
    assert dialog.list.topLevelItemCount() == 3 and len(dialog.list.selectedItems()) == 3
    assert dialog.heading.text() == "<b>Ringfence found 3 threats.</b> What should Ringfence do?"
    assert set(_what_was_done(page).values()) == {"Waiting for your choice"}
    assert bad.exists() and good.exists() and kept.exists()

    _select(dialog, "bad.com")
    dialog.quarantine.click()
    qtbot.waitUntil(lambda: not bad.exists(), timeout=20_000)
    _select(dialog, "tool.com")
    dialog.allow.click()
    qtbot.waitUntil(lambda: _what_was_done(page)["tool.com"] == "Allowed", timeout=20_000)
    assert dialog.list.topLevelItemCount() == 1 and dialog.isVisible()
    dialog.leave.click()  # the last one, selected for it by default
    qtbot.waitUntil(lambda: _what_was_done(page)["sample.com"] == "Reported only", timeout=20_000)
    assert not dialog.isVisible()

    assert _what_was_done(page) == {"bad.com": "Moved to the quarantine", "tool.com": "Allowed",
                                    "sample.com": "Reported only"}
    assert good.read_bytes() == eicar_bytes() and kept.read_bytes() == eicar_bytes()
    [item] = q.list_items(ctx)
    assert item.original_path == str(bad)
    assert [entry.name for entry in q.allowed_entries(ctx)] == ["tool.com"]
    recorded = _recorded(ctx, page.scan_id)
    assert recorded["bad.com"] == "quarantined" and recorded["sample.com"] == "reported"


def test_two_threats_in_one_archive_are_one_choice_and_closing_leaves_them(qtbot: QtBot, console: Console,
                                                                           ctx: Context, tmp_path: Path) -> None:
    archive = _archive(tmp_path / "mail")
    page = _scan(qtbot, console, archive.parent)
    assert len(page.found) >= 2 and {f.file for f in page.found} == {str(archive)}
    dialog = page.asking
    assert dialog is not None and dialog.list.topLevelItemCount() == 1
    assert dialog.list.topLevelItem(0).text(0) == "attachments.zip"  # type: ignore[union-attr]
    dialog.reject()  # closed without a choice: left in place, as reported
    qtbot.waitUntil(lambda: set(_what_was_done(page).values()) == {"Reported only"}, timeout=20_000)
    assert archive.exists() and q.list_items(ctx) == []
    assert set(_recorded(ctx, page.scan_id).values()) == {"reported"}


def test_quarantining_an_archive_with_two_threats_moves_it_once(qtbot: QtBot, console: Console, ctx: Context,
                                                                tmp_path: Path) -> None:
    archive = _archive(tmp_path / "mail")
    page = _scan(qtbot, console, archive.parent)
    assert page.asking is not None
    page.asking.quarantine.click()
    qtbot.waitUntil(lambda: set(_what_was_done(page).values()) == {"Moved to the quarantine"}, timeout=20_000)
    assert not archive.exists() and len(q.list_items(ctx)) == 1
    assert set(_recorded(ctx, page.scan_id).values()) == {"quarantined"}


def test_a_threat_dealt_with_from_the_results_list_leaves_the_question(qtbot: QtBot, console: Console, ctx: Context,
                                                                       tmp_path: Path) -> None:
    root = tmp_path / "desktop"
    first, second = (make_file(root / name, eicar_bytes()) for name in ("first.com", "second.com"))
    page = _scan(qtbot, console, root)
    dialog = page.asking
    assert dialog is not None and dialog.list.topLevelItemCount() == 2
    row = next(r for r in range(page.results.model.rowCount()) if page.results.model.rows[r].file == str(first))
    page.results.table.selectRow(page.results.table.model().mapFromSource(page.results.model.index(row, 0)).row())  # type: ignore[attr-defined]
    page.results.quarantine.click()
    qtbot.waitUntil(lambda: not first.exists(), timeout=20_000)
    qtbot.waitUntil(lambda: dialog.list.topLevelItemCount() == 1, timeout=5000)
    assert dialog.list.topLevelItem(0).text(0) == "second.com" and dialog.isVisible()  # type: ignore[union-attr]
    assert second.exists()


def test_an_answer_given_after_the_next_scan_started_goes_to_the_scan_that_asked(
        qtbot: QtBot, console: Console, ctx: Context, tmp_path: Path) -> None:
    early = make_file(tmp_path / "first" / "early.com", eicar_bytes())
    make_file(tmp_path / "second" / "plain.txt", b"nothing here\n")
    page = _scan(qtbot, console, early.parent)
    asked_by = page.scan_id
    page.start_scan("custom", [str(tmp_path / "second")])
    qtbot.waitUntil(lambda: not page.running and page.summary is not None, timeout=SCAN_TIMEOUT)
    assert page.scan_id != asked_by
    assert page.asking is not None and page.asking.list.topLevelItemCount() == 1
    page.asking.quarantine.click()
    qtbot.waitUntil(lambda: not early.exists(), timeout=20_000)
    qtbot.waitUntil(lambda: _recorded(ctx, asked_by) == {"early.com": "quarantined"}, timeout=20_000)
