"""Installing anyway on the Updates page, on a real channel served over HTTP on 127.0.0.1: "Check now" keeps
a pause or the Pinned ring; the separate "Install anyway" asks first, installs with progress and says how it
went, and the user's pause or ring stays as it was."""

from __future__ import annotations

import json

from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app.ui.pages.updates import UpdatesPage
from tests.ui.conftest import Console
from tests.ui.pages import open_page
from tests.ui.test_updates_page import reload
from tests.updates.conftest import Setup


def _question(qtbot: QtBot, page: UpdatesPage) -> QMessageBox:
    qtbot.waitUntil(lambda: page.question is not None and page.question.isVisible(), timeout=30_000)
    assert page.question is not None
    return page.question


def _answer(box: QMessageBox, label: str) -> None:
    next(b for b in box.buttons() if b.text() == label).click()


def _check_now(qtbot: QtBot, page: UpdatesPage) -> None:
    page.check_button.click()
    qtbot.waitUntil(lambda: not page.checking and page.notice.isVisible(), timeout=120_000)
    reload(qtbot, page)  # the page's own reload after the check may still be on its way


def test_paused_check_now_installs_nothing_and_install_anyway_does(qtbot: QtBot, console: Console,
                                                                    setup: Setup) -> None:
    setup.release("v1")
    setup.service.pause(24)
    page = open_page(qtbot, UpdatesPage, console)
    assert page.install_button.isVisible() and page.install_button.isEnabled()
    _check_now(qtbot, page)
    assert page.notice.label.text().startswith("Updates paused until ")
    assert page.facts["version"].text() == "Built-in definitions"
    assert page.facts["latest"].text() == "1"
    assert setup.service.status().current_version is None

    page.install_button.click()
    box = _question(qtbot, page)
    assert box.text() == "Updates are paused. Install the newest definitions for this PC now anyway?"
    assert box.informativeText().startswith("Version 1 is available. Ringfence checks their signature")
    _answer(box, "Install anyway")
    qtbot.waitUntil(lambda: page.checking and page.progress.isVisible(), timeout=30_000)
    assert not page.install_button.isEnabled() and not page.check_button.isEnabled()
    qtbot.waitUntil(lambda: page.facts["version"].text() == "1" and not page.checking, timeout=120_000)
    assert page.notice.label.text() == "Version 1 passed validation and its self-test."
    assert not page.progress.isVisible()
    assert setup.service.status().current_version == 1
    assert page.facts["automatic"].text().startswith("Paused until ")  # the pause stays
    assert page.resume_button.isVisible() and page.install_button.isVisible()


def test_pinned_asks_first_and_cancel_changes_nothing(qtbot: QtBot, console: Console, setup: Setup) -> None:
    settings = json.loads(console.paths.settings_file.read_text()) if console.paths.settings_file.exists() else {}
    console.paths.settings_file.write_text(json.dumps({**settings, "updates.ring": "pinned"}))
    setup.release("v1")
    page = open_page(qtbot, UpdatesPage, console)
    assert page.install_button.isVisible()
    _check_now(qtbot, page)
    assert page.notice.label.text().startswith("Pinned: new definitions are installed only when you choose")
    assert page.facts["version"].text() == "Built-in definitions"

    page.install_button.click()
    box = _question(qtbot, page)
    assert box.text() == "Your definitions are pinned. Install the newest definitions for this PC now anyway?"
    requests = len(setup.server.requests)
    _answer(box, "Cancel")
    qtbot.wait(300)
    assert not page.checking and len(setup.server.requests) == requests
    assert setup.service.status().current_version is None

    page.install_button.click()
    _answer(_question(qtbot, page), "Install anyway")
    qtbot.waitUntil(lambda: page.facts["version"].text() == "1" and not page.checking, timeout=120_000)
    assert page.notice.label.text() == "Version 1 passed validation and its self-test."
    assert json.loads(console.paths.settings_file.read_text())["updates.ring"] == "pinned"  # the ring stays


def test_a_failed_install_anyway_says_why_and_keeps_the_definitions(qtbot: QtBot, console: Console,
                                                                    setup: Setup) -> None:
    setup.release("v1")
    setup.service.pause(24)
    page = open_page(qtbot, UpdatesPage, console)
    setup.server.faults["/content/"] = ("tamper",)  # the bundle is changed on the way
    page.install_button.click()
    _answer(_question(qtbot, page), "Install anyway")
    qtbot.waitUntil(lambda: not page.checking and page.notice.isVisible(), timeout=120_000)
    assert "failed verification and was refused" in page.notice.label.text()
    assert page.facts["version"].text() == "Built-in definitions"
    assert setup.service.status().current_version is None


def test_not_offered_when_updates_run_by_themselves(qtbot: QtBot, console: Console, setup: Setup) -> None:
    setup.release("v1")
    page = open_page(qtbot, UpdatesPage, console)
    assert page.check_button.isVisible() and not page.install_button.isVisible()
