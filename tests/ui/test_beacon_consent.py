"""The health-report question: asked once after start (after the first verdict, never at once), off unless
the answer is yes, never asked again once answered; the settings dialog explains and changes it too."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from app.core.beacon import outbox, reporter
from app.core.context import Context
from app.core.foundation.paths import get_paths
from app.core.foundation.settings import Settings
from app.ui.application import ConsoleApp
from app.ui.dialogs.settings import SettingsDialog


def _console(qapp: QApplication) -> ConsoleApp:
    app = ConsoleApp(qapp, get_paths(), use_tray=False, poll_updates=False, ask_consent=True)
    assert app.consent is not None
    app.consent.delay_ms = 200
    return app


def _question(qtbot: QtBot, app: ConsoleApp) -> QMessageBox:
    assert app.consent is not None
    qtbot.waitUntil(lambda: app.consent is not None and app.consent.box is not None and app.consent.box.isVisible(),
                    timeout=20_000)
    assert app.consent.box is not None
    return app.consent.box


def _click(box: QMessageBox, label: str) -> None:
    next(b for b in box.buttons() if b.text() == label).click()


def _should_ask() -> bool:
    with Context.open() as ctx:
        return reporter.should_ask(ctx)


def test_asked_after_the_first_verdict_and_no_means_off_for_good(qtbot: QtBot, qapp: QApplication,
                                                                 rf_home: Path) -> None:
    app = _console(qapp)
    try:
        app.start()
        assert app.consent is not None and app.consent.box is None and not app.consent.timer.isActive()
        qtbot.waitUntil(lambda: app.verdict is not None, timeout=20_000)
        assert app.consent.box is None  # not the moment the verdict arrives: a while later
        box = _question(qtbot, app)
        assert box.windowTitle() == "Health reports"
        assert "never contains file names, folders, file contents" in box.text()
        assert "turn this off at any time in the settings" in box.text()
        _click(box, "Don't send")
        qtbot.waitUntil(lambda: not _should_ask(), timeout=10_000)
        assert Settings.load(get_paths().settings_file)["beacon.enabled"] is False
        assert app.settings["beacon.enabled"] is False
    finally:
        app.quit()
    again = _console(qapp)
    try:
        again.start()
        assert again.consent is not None
        qtbot.waitUntil(lambda: again.consent is not None and again.consent.pending is False, timeout=20_000)
        assert again.consent.box is None
    finally:
        again.quit()


def test_yes_switches_the_reports_on_from_that_moment(qtbot: QtBot, qapp: QApplication, rf_home: Path) -> None:
    app = _console(qapp)
    try:
        app.start()
        _click(_question(qtbot, app), "Send health reports")
        qtbot.waitUntil(lambda: bool(app.settings["beacon.enabled"]), timeout=10_000)
        assert Settings.load(get_paths().settings_file)["beacon.enabled"] is True
        with Context.open() as ctx:
            assert not reporter.should_ask(ctx) and outbox.get(ctx.store, "active", False) is True
    finally:
        app.quit()


def test_closing_the_question_unanswered_asks_again_next_time(qtbot: QtBot, qapp: QApplication, rf_home: Path) -> None:
    app = _console(qapp)
    try:
        app.start()
        _question(qtbot, app).reject()
        qtbot.waitUntil(lambda: app.consent is not None and app.consent.box is None, timeout=5000)
        qtbot.wait(200)
        assert _should_ask() and app.settings["beacon.enabled"] is False
    finally:
        app.quit()
    again = _console(qapp)
    try:
        again.start()
        _question(qtbot, again)
    finally:
        again.quit()


def test_the_settings_dialog_explains_and_answers_the_question(qtbot: QtBot, console_app: ConsoleApp) -> None:
    dialog = SettingsDialog(console_app, "beacon")
    beacon_keys = [key for key in dialog.fields if key.startswith("beacon.")]
    assert beacon_keys == ["beacon.enabled"]  # whether the question was answered is no setting of the user's
    assert dialog.beacon_text is not None
    assert "never contains file names" in dialog.beacon_text.text()
    assert _should_ask()
    dialog.fields["beacon.enabled"].set(True)
    with qtbot.waitSignal(console_app.settings_changed, timeout=10_000):
        assert dialog.save()
    with Context.open() as ctx:
        assert not reporter.should_ask(ctx) and outbox.get(ctx.store, "active", False) is True
    dialog = SettingsDialog(console_app, "beacon")
    dialog.fields["beacon.enabled"].set(False)
    with qtbot.waitSignal(console_app.settings_changed, timeout=10_000):
        assert dialog.save()
    assert not _should_ask()  # switched off by hand: still answered, never asked again
    with Context.open() as ctx:
        assert outbox.get(ctx.store, "active", False) is False
