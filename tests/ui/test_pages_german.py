"""Every page in German, with real data on it: no English text left on screen, and German words where
the pages' own texts are. The English source texts come from translations/ringfence_de.ts."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QTableView, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from app.core.context import Context
from app.core.foundation.paths import get_paths
from app.core.journal import events
from app.core.recovery.seen import SeenCrashes
from app.ui.application import ConsoleApp
from app.ui.pages.base import Page
from tests.conftest import ROOT
from tests.quarantine.conftest import make_file, quarantine
from tests.recovery.test_offline_cli import copied_folder


def english_only() -> set[str]:
    """Source texts whose German differs (a text the same in both languages is no evidence)."""
    found = set()
    for message in ET.parse(ROOT / "translations" / "ringfence_de.ts").getroot().iter("message"):
        source = message.findtext("source", "")
        translation = message.find("translation")
        forms = [] if translation is None else [e.text or "" for e in translation.iter("numerusform")]
        german = {translation.text or ""} if translation is not None and not forms else set(forms)
        plain = source.replace("&", "")
        if "%" not in source and plain not in {g.replace("&", "") for g in german}:
            found.add(plain)
    return found


def visible_texts(page: QWidget) -> set[str]:
    texts: set[str] = set()
    for widget in page.findChildren(QWidget):
        if not widget.isVisibleTo(page):
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            texts.add(widget.text().replace("&", ""))
        elif isinstance(widget, QGroupBox):
            texts.add(widget.title())
        elif isinstance(widget, QTabWidget):
            texts |= {widget.tabText(i).replace("&", "") for i in range(widget.count())}
        elif isinstance(widget, QTableView) and widget.model() is not None:
            model = widget.model()
            texts |= {str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(model.columnCount())}
    return {t for t in texts if t}


@pytest.fixture
def german_app(qapp: object, rf_home: Path, tmp_path: Path) -> Iterator[ConsoleApp]:
    with Context.open() as ctx:
        quarantine(ctx, make_file(tmp_path / "Downloads" / "setup.exe", b"not really a threat"), rule="Trojan_Test")
        events.record(ctx.store, "quarantine.added", path=str(tmp_path / "Downloads" / "setup.exe"), threat="Trojan_Test")
        SeenCrashes(ctx.store).announce([])
    app = ConsoleApp(qapp, get_paths(), use_tray=False, poll_updates=False,  # type: ignore[arg-type]
                     crash_source=copied_folder(tmp_path / "copied"))
    yield app
    app.quit()
    app.language.apply("en")


def test_every_page_speaks_german(qtbot: QtBot, german_app: ConsoleApp) -> None:
    german_app.start()
    with qtbot.waitSignal(german_app.settings_changed, timeout=10_000):
        german_app.save_settings({"ui.language": "de"})
    pages = german_app.window.pages
    assert set(pages) == {"dashboard", "scan", "quarantine", "updates", "recovery", "history"}
    for page in pages.values():
        assert isinstance(page, Page)
        qtbot.waitUntil(lambda page=page: page.loads > 0 and not page._loading, timeout=60_000)
    dashboard, recovery = pages["dashboard"], pages["recovery"]
    qtbot.waitUntil(lambda: dashboard.tiles["realtime"].title.text() == "Echtzeitschutz", timeout=10_000)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: recovery.card.isVisibleTo(recovery), timeout=30_000)  # type: ignore[attr-defined]
    english = english_only()
    left: dict[str, set[str]] = {}
    for name, page in pages.items():
        german_app.window.show_page(name)
        qtbot.waitUntil(lambda page=page: bool(visible_texts(page)), timeout=5_000)  # a rebuilt body shows next turn
        shown = visible_texts(page)
        if shown & english:
            left[name] = shown & english
    assert left == {}
    assert recovery.card.headline.text().startswith("Auf Ihrem Gerät ist ein Problem aufgetreten")  # type: ignore[attr-defined]
    assert pages["quarantine"].title == "Quarantäne"
