"""The console's questions in German: the threat choice for "ask", the health-report question, the
Updates page's "install anyway" and the settings dialog's explanation — no English text left on screen."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QTreeWidget
from pytestqt.qtbot import QtBot

from app.core.foundation.paths import get_paths
from app.ui.application import ConsoleApp
from app.ui.beacon_consent import BeaconConsent
from app.ui.dialogs.settings import SettingsDialog
from app.ui.dialogs.threat_choice import Pending, ThreatChoiceDialog
from app.ui.pages.updates import UpdatesPage
from tests.ui.clipping import WINDOW, clipped
from tests.ui.test_pages_german import english_only, visible_texts
from tests.updates.conftest import Setup


@pytest.fixture
def app(qapp: QApplication, rf_home: Path) -> Iterator[ConsoleApp]:
    console = ConsoleApp(qapp, get_paths(), use_tray=False, poll_updates=False)
    console.language.apply("de")
    yield console
    console.quit()
    console.language.apply("en")


def test_the_threat_choice_speaks_german(qtbot: QtBot, app: ConsoleApp, tmp_path: Path) -> None:
    dialog = ThreatChoiceDialog(app.window)
    qtbot.addWidget(dialog)
    for name in ("a.exe", "b.exe"):
        dialog.add(Pending(str(tmp_path / name), str(tmp_path / name), "EICAR_Test_File"))
    shown = visible_texts(dialog)
    assert not shown & english_only()
    assert dialog.heading.text() == "<b>Ringfence hat 2 Bedrohungen gefunden.</b> Was soll Ringfence tun?"
    assert {"In Quarantäne verschieben", "Zulassen (die Datei ist sicher)", "Belassen (nur melden)"} <= shown
    header = dialog.findChild(QTreeWidget).headerItem()  # type: ignore[union-attr]
    assert [header.text(i) for i in range(3)] == ["Datei", "Ordner", "Bedrohung"]
    qtbot.waitExposed(dialog)
    assert clipped(dialog) == []


def test_the_health_report_question_speaks_german(qtbot: QtBot, app: ConsoleApp) -> None:
    box = BeaconConsent(app).show_question()
    assert box.windowTitle() == "Zustandsberichte"
    assert box.text().startswith("Helfen, fehlerhafte Definitions-Updates zu stoppen")
    assert sorted(b.text() for b in box.buttons()) == ["Nicht senden", "Zustandsberichte senden"]
    box.reject()
    dialog = SettingsDialog(app, "beacon")
    assert dialog.beacon_text is not None and dialog.beacon_text.text() == box.text()
    dialog.reject()


def test_install_anyway_speaks_german(qtbot: QtBot, app: ConsoleApp, setup: Setup) -> None:
    setup.release("v1")
    setup.service.pause(24)
    page = app.window.pages["updates"]
    assert isinstance(page, UpdatesPage)
    page.refresh()
    qtbot.waitUntil(lambda: page.view is not None and page.view.held_back == "paused", timeout=20_000)
    assert page.install_button.text() == "Trotzdem &installieren"
    app.window.resize(*WINDOW)
    app.window.show()
    app.window.show_page("updates")
    qtbot.waitExposed(app.window)
    assert clipped(page) == []  # one more button in the row, in the longer language
    page.install_button.click()
    qtbot.waitUntil(lambda: page.question is not None and page.question.isVisible(), timeout=5000)
    assert page.question is not None
    assert page.question.text() == ("Updates sind pausiert. Die neuesten Definitionen für diesen PC trotzdem jetzt "
                                    "installieren?")
    assert sorted(b.text() for b in page.question.buttons()) == ["Abbrechen", "Trotzdem installieren"]
    page.question.reject()
