"""The Quarantine page on the real encrypted quarantine: items listed and searchable, restore byte for byte,
the conflict choice (keep both / replace / cancel), restore and allow, delete, and items that stand out."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app.core import quarantine as q
from app.core.context import Context
from app.core.quarantine.vault import NO_LONGER_DETECTED, Vault
from app.engine.eicar import eicar_bytes
from app.ui.pages.quarantine import QuarantinePage
from tests.quarantine.conftest import make_file, quarantine, sha256_of
from tests.ui.conftest import Console
from tests.ui.pages import loaded, open_page


def cell(page: QuarantinePage, row: int, column: int) -> str:
    return str(page.proxy.index(row, column).data())


def select_all(page: QuarantinePage) -> None:
    page.table.selectAll()


def answer(qtbot: QtBot, page: QuarantinePage, label: str) -> None:
    qtbot.waitUntil(lambda: page.question is not None and page.question.isVisible(), timeout=10_000)
    box = page.question
    assert box is not None
    button = next(b for b in box.buttons() if b.text() == label)
    button.click()


def test_items_are_listed_searchable_and_no_longer_detected_stands_out(qtbot: QtBot, console: Console,
                                                                        ctx: Context, tmp_path: Path) -> None:
    first = make_file(tmp_path / "Downloads" / "eicar.com", eicar_bytes())
    second = make_file(tmp_path / "Documents" / "invoice.pdf.exe", b"MZ pretend payload " * 50)
    assert quarantine(ctx, first, rule="EICAR_Test_File", version="7").action == "quarantined"
    other = quarantine(ctx, second, rule="Trojan_Fake", version="8").item_id
    assert other
    with ctx.store.transaction() as conn:
        conn.execute("UPDATE quarantine_items SET status = ?, recheck_version = '9' WHERE id = ?", (NO_LONGER_DETECTED, other))
    page = open_page(qtbot, QuarantinePage, console)
    assert page.proxy.rowCount() == 2
    rows = {cell(page, r, 0): r for r in range(2)}
    assert cell(page, rows["eicar.com"], 1) == str(first.parent)
    assert cell(page, rows["eicar.com"], 2) == "EICAR_Test_File"
    assert cell(page, rows["eicar.com"], 4) == "7"
    assert cell(page, rows["eicar.com"], 6) == "Quarantined"
    assert cell(page, rows["invoice.pdf.exe"], 6) == "No longer detected"
    assert "No longer detected (definitions 9)" in page.proxy.index(rows["invoice.pdf.exe"], 6).data(
        Qt.ItemDataRole.ToolTipRole)
    assert page.proxy.index(rows["invoice.pdf.exe"], 0).data(Qt.ItemDataRole.FontRole).bold()
    assert page.proxy.index(rows["eicar.com"], 0).data(Qt.ItemDataRole.FontRole) is None
    assert page.summary.text().startswith("2 items")
    page.search.setText("trojan")
    assert page.proxy.rowCount() == 1 and cell(page, 0, 0) == "invoice.pdf.exe"
    page.table.sortByColumn(5, Qt.SortOrder.AscendingOrder)  # by size, numerically
    page.search.clear()
    assert [cell(page, r, 0) for r in range(2)] == ["eicar.com", "invoice.pdf.exe"]


def test_restore_brings_the_file_back_byte_for_byte(qtbot: QtBot, console: Console, ctx: Context,
                                                    tmp_path: Path) -> None:
    data = eicar_bytes() + b"\x00\xff tail"
    path = make_file(tmp_path / "Downloads" / "sample.bin", data, mode=0o640)
    mode = path.stat().st_mode & 0o777  # 0o640; on Windows only the read-only bit is kept
    digest = sha256_of(path)
    assert quarantine(ctx, path).action == "quarantined" and not path.exists()
    page = open_page(qtbot, QuarantinePage, console)
    assert not page.restore_button.isEnabled()
    select_all(page)
    assert page.restore_button.isEnabled()
    loads = page.loads
    page.restore_button.click()
    loaded(qtbot, page, loads)
    qtbot.waitUntil(path.exists, timeout=10_000)
    assert path.read_bytes() == data and sha256_of(path) == digest
    assert (path.stat().st_mode & 0o777) == mode
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 0, timeout=10_000)
    assert page.notice.isVisible() and str(path) in page.notice.label.text()


def test_an_existing_file_is_never_replaced_without_asking(qtbot: QtBot, console: Console, ctx: Context,
                                                           tmp_path: Path) -> None:
    path = tmp_path / "Downloads" / "tool.exe"
    original = b"the quarantined tool " * 10
    make_file(path, original)
    assert quarantine(ctx, path).action == "quarantined"
    newer = b"a different file the user made since"
    make_file(path, newer)
    page = open_page(qtbot, QuarantinePage, console)

    select_all(page)
    page.restore_button.click()
    answer(qtbot, page, "Cancel")
    assert path.read_bytes() == newer and len(q.list_items(ctx)) == 1

    select_all(page)
    page.restore_button.click()
    answer(qtbot, page, "Keep both")
    kept = path.with_name("tool (restored).exe")
    qtbot.waitUntil(kept.exists, timeout=10_000)
    assert kept.read_bytes() == original and path.read_bytes() == newer
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 0, timeout=10_000)

    make_file(kept, b"")
    kept.unlink()
    assert quarantine(ctx, make_file(tmp_path / "Downloads" / "tool.exe.new", original)).action == "quarantined"
    with ctx.store.transaction() as conn:  # the same original name as the file that is there now
        conn.execute("UPDATE quarantine_items SET original_path = ? WHERE status = 'quarantined'", (str(path).encode(),))
    loads = page.loads
    page.refresh()
    loaded(qtbot, page, loads)
    select_all(page)
    page.restore_button.click()
    answer(qtbot, page, "Replace")
    qtbot.waitUntil(lambda: path.read_bytes() == original, timeout=10_000)
    assert not kept.exists()


def test_restore_and_allow_puts_the_file_on_the_allow_list_and_delete_asks_first(
        qtbot: QtBot, console: Console, ctx: Context, tmp_path: Path) -> None:
    keep = make_file(tmp_path / "a" / "trusted.exe", b"trusted tool")
    drop = make_file(tmp_path / "b" / "junk.exe", b"junk")
    digest = sha256_of(keep)
    quarantine(ctx, keep)
    junk_id = quarantine(ctx, drop).item_id
    page = open_page(qtbot, QuarantinePage, console)
    row = next(r for r in range(2) if cell(page, r, 0) == "trusted.exe")
    page.table.selectRow(row)
    page.restore_allow_button.click()
    qtbot.waitUntil(lambda: digest in q.allowed_hashes(ctx), timeout=10_000)
    assert keep.read_bytes() == b"trusted tool"
    qtbot.waitUntil(lambda: page.allowed.model.rowCount() == 1, timeout=10_000)
    assert page.allowed.model.rows[0].sha256 == digest

    qtbot.waitUntil(lambda: page.proxy.rowCount() == 1, timeout=10_000)
    select_all(page)
    page.delete_button.click()
    answer(qtbot, page, "Cancel")
    assert Vault(ctx).get(junk_id or "").status == "quarantined"  # type: ignore[union-attr]
    page.delete_button.click()
    answer(qtbot, page, "Delete")
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 0, timeout=10_000)
    assert Vault(ctx).get(junk_id or "").status == "deleted"  # type: ignore[union-attr]
    assert not drop.exists()

    page.tabs.setCurrentWidget(page.allowed)
    page.allowed.table.selectAll()
    page.allowed.remove_button.click()
    qtbot.waitUntil(lambda: page.allowed.model.rowCount() == 0, timeout=10_000)
    assert digest not in q.allowed_hashes(ctx)


def test_a_failed_restore_says_why_in_one_sentence(qtbot: QtBot, console: Console, ctx: Context,
                                                   tmp_path: Path) -> None:
    path = make_file(tmp_path / "x" / "f.exe", b"data")
    item_id = quarantine(ctx, path).item_id
    Vault(ctx).blob_path(item_id or "").write_bytes(b"damaged")
    page = open_page(qtbot, QuarantinePage, console)
    select_all(page)
    page.restore_button.click()
    qtbot.waitUntil(page.notice.isVisible, timeout=10_000)
    assert not path.exists() and page.proxy.rowCount() == 1
    assert "Traceback" not in page.notice.label.text() and page.notice.label.text()
    assert QMessageBox is not None


def test_restore_to_a_chosen_folder_keeps_the_original_place_free(qtbot: QtBot, console: Console, ctx: Context,
                                                                   tmp_path: Path) -> None:
    data = b"report contents"
    path = make_file(tmp_path / "Documents" / "report.docm", data)
    quarantine(ctx, path)
    page = open_page(qtbot, QuarantinePage, console)
    select_all(page)
    target = tmp_path / "Restored here"
    page.restore(to=str(target), items=page.selected())  # what "Restore to…" does with the chosen folder
    qtbot.waitUntil((target / "report.docm").exists, timeout=10_000)
    assert (target / "report.docm").read_bytes() == data and not path.exists()
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 0, timeout=10_000)
