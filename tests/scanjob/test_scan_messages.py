"""Per-file scan problems become translatable messages with stable codes."""

from __future__ import annotations

import pytest

from app.core.scanning.file_problems import FILE_ERRORS, file_problem
from app.core.text.messages import render
from tests.conftest import ROOT


def german(context: str, source: str, disambiguation: str | None, n: int) -> str:
    """The console's lookup: Qt Linguist with the compiled German translation."""
    from PySide6.QtCore import QTranslator

    # No QCoreApplication: a bare one would make every later QWidget in the same test run abort.
    translator = QTranslator()
    assert translator.load(str(ROOT / "translations" / "ringfence_de.qm"))
    return translator.translate(context, source, disambiguation, n) or source


def test_a_code_and_its_arguments_make_the_message() -> None:
    problem = file_problem({"path": "/x", "error": "ignored", "code": "timeout", "args": [5]})
    assert (problem.code, render(problem.message)) == (
        "timeout", "Matching took longer than the 5 s limit; the file was not fully checked.")
    assert render(problem.message, german) == \
        "Die Prüfung dauerte länger als das Limit von 5 s; die Datei wurde nicht vollständig geprüft."


@pytest.mark.parametrize("code", sorted(FILE_ERRORS))
def test_every_engine_sentence_is_recognised_without_its_code(code: str) -> None:
    template = FILE_ERRORS[code]
    english = render(template.arg("ARG"))
    problem = file_problem({"path": "/x", "error": english})
    assert problem.code == code
    assert render(problem.message) == english
    assert render(problem.message, german) != english, "no German for " + code


def test_an_unknown_sentence_is_shown_as_written() -> None:
    problem = file_problem({"path": "/x", "error": "No such device."})
    assert problem.code == "" and render(problem.message) == "No such device."



def test_the_engine_and_the_console_know_the_same_problems() -> None:
    from app.engine.problems import TEXTS, Problem

    assert set(TEXTS) == set(FILE_ERRORS) - {"engine-crashed", "engine-hung"}
    for code, text in TEXTS.items():
        values = ("VALUE",) * text.count("{")
        english = Problem(code, *values)
        assert render(FILE_ERRORS[code].arg(*values)) == english, code
        problem = file_problem({"path": "/x", "error": str(english), "code": code, "args": list(values)})
        assert (problem.code, render(problem.message)) == (code, english)
