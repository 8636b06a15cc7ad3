"""Every user-visible string is in the translations, German is complete, placeholders match, and the
compiled .qm files are fresh."""

from __future__ import annotations

import ast
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


def _unreachable_translate_calls(root: Path) -> list[str]:
    """``translate(...)`` calls ``pyside6-lupdate`` would skip or not mark plural: a context or text that is
    not a literal, keyword arguments, or a count that is not a literal number (use ``.plural(n)``)."""
    found = []
    for path in sorted(root.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "translate"):
                continue
            args = node.args
            literal = len(args) >= 2 and all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in args[:2])
            count_ok = len(args) < 4 or (isinstance(args[3], ast.Constant) and isinstance(args[3].value, int))
            if not literal or not count_ok or node.keywords:
                found.append(f"{path.relative_to(root.parent)}:{node.lineno}")
    return found


def test_lupdate_reaches_every_translate_call() -> None:
    assert _unreachable_translate_calls(ROOT / "app") == []


def test_the_translate_call_check_sees_a_bad_call(tmp_path: Path) -> None:
    app = tmp_path / "app"
    app.mkdir()
    (app / "bad.py").write_text('CTX = "X"\na = translate(CTX, "text")\nb = translate("X", "%n day(s)", None, days)\n'
                                'c = translate("X", "fine %1")\nd = translate("X", "%n file(s)", None, 0)\n')
    assert _unreachable_translate_calls(app) == ["app/bad.py:2", "app/bad.py:3"]
