"""Every user-visible string is in the translations, German is complete, placeholders match, and the
compiled .qm files are fresh."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.conftest import ROOT

TRANSLATIONS = sorted((ROOT / "translations").glob("ringfence_*.ts"))
PLACEHOLDER = re.compile(r"%L?\d+|%n|\{[A-Za-z_][A-Za-z0-9_]*\}")
BIN = Path(sys.executable).parent


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()
    found = {}
    for context in root.iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            found[(name, message.findtext("source", ""))] = message
    return found


def tool(name: str) -> str:
    path = BIN / name
    if not path.exists():
        pytest.skip(f"{name} is not installed (it comes with PySide6)")
    return str(path)


def test_there_is_a_german_translation() -> None:
    assert [p.name for p in TRANSLATIONS] == ["ringfence_de.ts"]


@pytest.mark.parametrize("ts", TRANSLATIONS, ids=lambda p: p.stem)
def test_every_message_is_translated_with_the_same_placeholders(ts: Path) -> None:
    found = messages(ts)
    assert found, "no messages"
    problems = []
    for (context, source), message in found.items():
        translation = message.find("translation")
        assert translation is not None
        # A plural entry holds one <numerusform> per form of the language; each must be filled.
        forms = [f.text or "" for f in translation.iter("numerusform")] if message.get("numerus") == "yes" \
            else [translation.text or ""]
        if translation.get("type") in ("unfinished", "vanished", "obsolete") or not all(f.strip() for f in forms):
            problems.append(f"untranslated [{context}] {source!r}")
        elif any(sorted(set(PLACEHOLDER.findall(source))) != sorted(set(PLACEHOLDER.findall(f))) for f in forms):
            problems.append(f"placeholders differ [{context}] {source!r}")
    assert problems == []


@pytest.mark.parametrize("ts", TRANSLATIONS, ids=lambda p: p.stem)
def test_translations_hold_every_string_of_the_code(ts: Path, tmp_path: Path) -> None:
    fresh = tmp_path / ts.name
    shutil.copy(ts, fresh)
    sources = sorted(str(p) for p in (ROOT / "app").rglob("*.py"))
    subprocess.run([tool("pyside6-lupdate"), "-no-obsolete", *sources, "-ts", str(fresh)], check=True,
                   capture_output=True)
    assert set(messages(fresh)) == set(messages(ts)), "strings changed: run scripts/update_translations"


@pytest.mark.parametrize("ts", TRANSLATIONS, ids=lambda p: p.stem)
def test_compiled_translation_is_fresh_and_loads(ts: Path, tmp_path: Path) -> None:
    qm = ts.with_suffix(".qm")
    built = tmp_path / qm.name
    subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm", str(built)], check=True, capture_output=True)
    assert qm.read_bytes() == built.read_bytes(), f"{qm.name} is stale: run scripts/update_translations"
    from PySide6.QtCore import QTranslator

    translator = QTranslator()
    assert translator.load(str(qm))
    assert translator.translate("UpdateState", "Up to date") == "Auf dem neuesten Stand"
    assert translator.translate("Settings", "Language") == "Sprache"
