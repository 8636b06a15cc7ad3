"""The Updates page on a real channel (the publisher's bundles served over HTTP on 127.0.0.1): the reason of
a probation rollback in plain words, check now with its result, what changed, ring, pause and roll back."""

from __future__ import annotations

import json

from pytestqt.qtbot import QtBot

from app.core.updates import health
from app.ui.formatting import size as size_text
from app.ui.pages.updates import UpdatesPage
from tests.ui.conftest import Console
from tests.ui.pages import open_page
from tests.updates.conftest import Setup
from tests.updates.test_probation import on_v2


def reload(qtbot: QtBot, page: UpdatesPage) -> None:
    loads = page.loads
    page.refresh()
    qtbot.waitUntil(lambda: page.loads > loads and not page._loading, timeout=20_000)


def history(page: UpdatesPage) -> list[tuple[str, str, str]]:
    model = page.history_table.model()
    return [(model.index(r, 1).data(), model.index(r, 2).data(), model.index(r, 3).data())
            for r in range(model.rowCount())]


def test_a_rollback_by_probation_shows_its_reason(qtbot: QtBot, console: Console, setup: Setup) -> None:
    on_v2(setup)
    health.record_scan_stats(setup.ctx.store, 2, files=300, errors=12, detections=0, seconds=3.0,
                             when=setup.clock.t + 1)
    setup.service.startup()
    assert setup.service.state.active_version == 1
    page = open_page(qtbot, UpdatesPage, console)
    assert page.badge.tone == "attention"
    assert page.badge.heading.text() == "Version 2 was rolled back"
    assert "failed on 12 of 300" in page.badge.detail.text()
    assert page.badge.detail.text().endswith("Now using version 1.")
    assert page.facts["version"].text() == "1"
    reverted = [row for row in history(page) if row[1] == "Reverted automatically"]
    assert reverted and reverted[0][0] == "2" and "failed on 12 of 300" in reverted[0][2]
    assert page.rollback_button.isEnabled() and page.check_button.isEnabled()


def test_check_now_installs_shows_probation_and_what_changed(qtbot: QtBot, console: Console, setup: Setup) -> None:
    page = open_page(qtbot, UpdatesPage, console)
    assert page.facts["version"].text() == "Built-in definitions"
    assert "built-in definitions" in page.changes.summary.text()
    setup.release("v1")
    page.check_button.click()
    assert not page.check_button.isEnabled() and page.progress.isVisible()
    qtbot.waitUntil(lambda: page.facts["version"].text() == "1" and not page.checking, timeout=120_000)
    assert not page.progress.isVisible()
    assert page.badge.heading.text() == "Version 1 is on probation"
    assert " more; if it misbehaves" in page.badge.detail.text()
    assert page.notice.label.text() == "Version 1 passed validation and its self-test."
    diff = setup.service.rule_diff(None, 1)  # core's own comparison with the built-in definitions
    assert page.changes.summary.text() == (
        f"Version 1 compared with the built-in definitions — rules added: {len(diff.added)}, removed: "
        f"{len(diff.removed)}, changed: {len(diff.changed)}, unchanged: {diff.unchanged}.")
    assert "Added: marker:Ringfence_Test_Marker" in [page.changes.rules.item(i).text()
                                                    for i in range(page.changes.rules.count())]
    assert "Release 1." in page.changes.notes.text()
    assert page.facts["verification"].text().startswith("Signed and verified on ")

    setup.release("v2")
    page.check_button.click()
    qtbot.waitUntil(lambda: page.facts["version"].text() == "2" and not page.checking, timeout=120_000)
    assert page.changes.summary.text().startswith("Version 2 compared with version 1 — rules added: 1, removed: 0")
    assert [page.changes.rules.item(i).text() for i in range(page.changes.rules.count())] == [
        "Added: extra:Ringfence_Test_Extra"]

    qtbot.waitUntil(page.rollback_button.isEnabled, timeout=20_000)
    page.rollback_button.click()
    qtbot.waitUntil(lambda: page.question is not None and page.question.isVisible(), timeout=5000)
    assert page.question is not None
    next(b for b in page.question.buttons() if b.text() == "Roll back").click()
    # version 1 has not passed probation yet, so it is not known good: back to the built-in definitions
    qtbot.waitUntil(lambda: page.facts["version"].text() == "Built-in definitions", timeout=20_000)
    assert page.badge.heading.text() == "Version 2 was rolled back"
    assert page.badge.detail.text() == "Why: You rolled back from version 2. Now using the built-in definitions."


def test_ring_and_pause_are_saved(qtbot: QtBot, console: Console, setup: Setup) -> None:
    setup.release("v1")
    assert setup.service.check().outcome == "updated"  # fresh definitions: the pause is what the badge says
    page = open_page(qtbot, UpdatesPage, console)
    index = page.ring.findData("pinned")
    page.ring.setCurrentIndex(index)
    page.ring.activated.emit(index)
    settings = console.paths.settings_file
    qtbot.waitUntil(lambda: settings.exists() and json.loads(settings.read_text())["updates.ring"] == "pinned",
                    timeout=10_000)
    qtbot.waitUntil(lambda: page.facts["ring"].text() == "Pinned (only when you check now)", timeout=10_000)
    assert page.pause_button.isVisible() and not page.resume_button.isVisible()
    page.pause_button.menu().actions()[0].trigger()
    qtbot.waitUntil(page.resume_button.isVisible, timeout=10_000)
    assert page.facts["automatic"].text().startswith("Paused until ")
    page.resume_button.click()
    qtbot.waitUntil(page.pause_button.isVisible, timeout=10_000)
    assert page.facts["automatic"].text() == "Only when you choose Check now"


def test_the_download_shows_its_progress(qtbot: QtBot, console: Console, setup: Setup) -> None:
    setup.release("v1")
    size = setup.material.bundles["v1"].stat().st_size
    setup.server.faults["/content/"] = ("drip", 2.0 / size)  # the bundle arrives byte by byte over ~2 s
    page = open_page(qtbot, UpdatesPage, console)
    page.check_button.click()
    qtbot.waitUntil(lambda: page.progress.format().startswith("Downloading: "), timeout=60_000)
    assert page.progress.maximum() == size and 0 <= page.progress.value() <= size
    assert page.progress.format().endswith(f" of {size_text(size)}")
    qtbot.waitUntil(lambda: page.facts["version"].text() == "1" and not page.checking, timeout=120_000)
    assert not page.progress.isVisible()
