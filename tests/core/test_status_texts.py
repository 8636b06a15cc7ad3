"""The protection status keeps its notes and the definitions' age as messages: German in the console,
English in ``ringfence status --json``."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.context import Context
from app.core.status.protection import collect_status, english
from app.core.text.messages import Message, render
from tests.conftest import run_cli
from tests.scanjob.test_scan_messages import german

BASELINE = "Running on the baseline definitions shipped with Ringfence."


@pytest.fixture
def ctx(rf_home: Path) -> Iterator[Context]:
    with Context.open() as context:
        yield context


def test_notes_and_the_age_are_messages_the_console_reads_in_german(ctx: Context) -> None:
    status = collect_status(ctx)
    notes = status["notes"]
    assert notes and all(isinstance(n, Message) for n in notes)
    assert BASELINE in [render(n) for n in notes]
    assert "Ringfence läuft mit den mitgelieferten Basisdefinitionen." in [render(n, german) for n in notes]
    age = status["definitions"]["age_text"]
    assert isinstance(age, Message) and render(age, german) != render(age)
    json.dumps(english(status))  # the CLI's form is plain JSON


def test_the_cli_prints_the_notes_in_english(ctx: Context) -> None:
    done = run_cli("status", "--json")
    assert done.returncode == 0, done.stderr
    doc = json.loads(done.stdout)
    assert BASELINE in doc["notes"] and doc["definitions"]["age_text"].endswith(" old")
    assert f"Note: {BASELINE}" in run_cli("status").stdout
