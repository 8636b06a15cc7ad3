"""The Recovery page on logs, a crash dump and reagentc outputs copied from a PC that crashed: the black
card until dismissed, the crash history with its evidence, the WinRE and Quick Machine Recovery state."""

from __future__ import annotations

import sys
from pathlib import Path

from pytestqt.qtbot import QtBot

from app.core.context import Context
from app.core.recovery.crash_history import build_history
from app.core.recovery.providers import scan
from app.core.recovery.seen import SeenCrashes
from app.ui.application import ConsoleApp
from app.ui.i18n import text
from app.ui.pages.recovery import RecoveryPage
from tests.recovery import crash_set as cs
from tests.recovery import recorded as r
from tests.recovery.test_offline_cli import copied_folder
from tests.ui.conftest import Console
from tests.ui.pages import open_page


def test_a_crash_shows_the_black_card_until_dismissed(qtbot: QtBot, console: Console, ctx: Context,
                                                      tmp_path: Path) -> None:
    SeenCrashes(ctx.store).announce([])  # Ringfence ran before: crashes found now are news
    page = open_page(qtbot, RecoveryPage, console, copied_folder(tmp_path / "copied"))
    card = page.card
    assert card.isVisible()
    assert card.headline.text() == "Your device ran into a problem and needed to restart."
    assert card.labels["stop_code"].text() == "Stop code: PAGE_FAULT_IN_NONPAGED_AREA (0x00000050)"
    assert card.labels["what_failed"].text() == "What failed: csagent.sys"
    assert card.labels["when"].text().startswith("When: ")
    assert card.labels["meaning"].text().startswith("What it means: ")
    assert card.labels["statement"].text().startswith("Ringfence runs in user mode")
    assert card.position.text() == "Crash 1 of 2"
    style = card.styleSheet()
    assert "#000000" in style and "#ffffff" in style

    loads = page.loads
    card.dismiss.click()
    qtbot.waitUntil(lambda: page.loads > loads and not page._loading, timeout=30_000)
    assert card.isVisible() and card.labels["stop_code"].text() == "What happened: Power loss or hard freeze"
    assert card.position.text() == ""
    loads = page.loads
    card.dismiss.click()
    qtbot.waitUntil(lambda: page.loads > loads and not page._loading, timeout=30_000)
    assert not card.isVisible() and SeenCrashes(ctx.store).pending() == []

    again = open_page(qtbot, RecoveryPage, console, page.source)  # dismissed stays dismissed
    assert not again.card.isVisible()
    assert again.crashes.rowCount() == 2


def test_history_evidence_and_recovery_state(qtbot: QtBot, console: Console, tmp_path: Path) -> None:
    page = open_page(qtbot, RecoveryPage, console, copied_folder(tmp_path / "copied"))
    assert not page.card.isVisible()  # first run: crashes older than a week are history, not news
    assert page.summary.text() == "2 unexpected restarts found."
    model = page.table.model()
    rows = [[model.index(r_, c).data() for c in range(4)] for r_ in range(model.rowCount())]
    assert ["Stop error", "PAGE_FAULT_IN_NONPAGED_AREA 0x00000050", "csagent.sys"] in [row[1:] for row in rows]
    page.table.selectRow([row[2] for row in rows].index("PAGE_FAULT_IN_NONPAGED_AREA 0x00000050"))
    evidence = page.evidence.toPlainText()
    assert "probable driver csagent.sys (stop code parameter 3 points into it)" in evidence
    assert "System log: Kernel-Power 41" in evidence and "stop code 0x00000050 was recorded" in evidence
    fields = {page.state_form.itemAt(i, page.state_form.ItemRole.LabelRole).widget().text():
              page.state_form.itemAt(i, page.state_form.ItemRole.FieldRole).widget().text()
              for i in range(page.state_form.rowCount())
              if page.state_form.itemAt(i, page.state_form.ItemRole.LabelRole) is not None}
    assert fields["Windows Recovery Environment"] == "on"
    assert fields["WinRE version"] == "10.0.26100.8235"
    assert fields["Keeps trying for"] == "40 hours"  # reagentc says 2400 minutes
    assert fields["Tries again every"] == "2 hours"
    assert "damaged.dmp" in page.notes.text()
    for widget_text in (page.evidence.toPlainText(), page.notes.text(), *fields.values()):
        assert r.WIFI_PASSWORD not in widget_text


def test_this_system_reads_without_failing(qtbot: QtBot, console: Console) -> None:
    page = open_page(qtbot, RecoveryPage, console, None)
    assert page.summary.text()
    assert page.state_box.title() == ("Windows recovery features" if sys.platform == "win32" else "Recovery features")


def test_the_crash_fix_opens_the_recovery_page_in_the_window(qtbot: QtBot, console_app: ConsoleApp) -> None:
    console_app.window.show()
    console_app.run_action("recovery.open")
    assert console_app.window.current_page() == "recovery"


def test_crash_history_conclusion_drivers_and_export(qtbot: QtBot, console: Console, ctx: Context,
                                                      tmp_path: Path) -> None:
    found = cs.build_crash_set(tmp_path)
    cs.record_changes(ctx.store)
    page = open_page(qtbot, RecoveryPage, console, found.folder)
    assert page.conclusion.isVisible()
    assert page.conclusion.text() == ("csagent.sys was named in 4 of the last 5 crashes: update or remove this driver "
                                      "first.")
    assert page.crashes.rowCount() == 5
    assert page.drivers_box.isVisible()
    [driver] = [page.drivers_layout.itemAt(i).widget() for i in range(page.drivers_layout.count())]
    assert driver.text() == "csagent.sys was named in 4 of the last 5 crashes."  # a copied folder: no local file
    model = page.table.model()
    newest = max(range(model.rowCount()), key=lambda row: page.crashes.rows[model.mapToSource(model.index(row, 0)).row()].time)
    page.table.selectRow(newest)
    assert page.evidence.toPlainText().startswith("No Ringfence change in the 24 hours before this crash; Ringfence "
                                                  "last changed its definitions 3 days before it.")
    target = tmp_path / "export" / "crash-history.html"
    page.export_to(str(target))
    qtbot.waitUntil(target.exists, timeout=30_000)
    qtbot.waitUntil(lambda: str(target) in page.notice.label.text(), timeout=10_000)
    exported = target.read_text(encoding="utf-8")
    assert '<p class="conclusion">csagent.sys was named in 4 of the last 5 crashes' in exported
    for item in (cs.WIFI_PASSWORD, cs.SSID, cs.USER, cs.COMPUTER, cs.EMAIL, cs.SERIAL, cs.MAC):
        assert item.lower() not in exported.lower(), item


def test_a_driver_on_this_pc_shows_whose_it_is(qtbot: QtBot, console: Console, tmp_path: Path) -> None:
    found = cs.build_crash_set(tmp_path, driver_file=cs.KSECDD)
    history = build_history(scan(found.folder), [], found.windows)
    page = open_page(qtbot, RecoveryPage, console, found.folder)
    page._show_history(history)
    [driver] = [page.drivers_layout.itemAt(i).widget() for i in range(page.drivers_layout.count())]
    first, second = driver.text().split("\n")
    assert first == "csagent.sys was named in 4 of the last 5 crashes."
    assert second.startswith("On this PC: Wine ksecdd.sys from Microsoft Corporation, file version 10.0.14393.187, "
                             "dated ")
    assert "2023" in second and second.endswith("csagent.sys).")
    assert page.conclusion.text().startswith("csagent.sys (from Microsoft Corporation) was named in 4 of the last 5")


def test_crash_history_in_german(qtbot: QtBot, console: Console, ctx: Context, tmp_path: Path, german: None) -> None:
    found = cs.build_crash_set(tmp_path)
    cs.record_changes(ctx.store)
    page = open_page(qtbot, RecoveryPage, console, found.folder)
    assert page.conclusion.text() == ("csagent.sys wurde bei 4 der letzten 5 Abstürze genannt: Aktualisieren oder "
                                      "entfernen Sie zuerst diesen Treiber.")
    assert page.drivers_box.title() == "Vermutliche Treiber" and page.export_button.text() == "Absturzverlauf exportieren …"
    assert "Ringfence hat seine Definitionen 6 Stunden vor diesem Absturz geändert." in {
        text(entry.definitions) for entry in page.view.history.entries}  # type: ignore[union-attr]
    target = tmp_path / "verlauf.txt"
    page.export_to(str(target))
    qtbot.waitUntil(lambda: str(target) in page.notice.label.text(), timeout=30_000)
    exported = target.read_text(encoding="utf-8")
    assert exported.startswith("Ringfence-Absturzverlauf\n") and "Vermutliche Treiber" in exported
    assert "WLAN-Passwörter wurden aus diesem Bericht entfernt." in exported and cs.WIFI_PASSWORD not in exported
