"""A refused bundle's reason is a code and its arguments: the engine's English and the client's messages
say the same, and the console reads every one of them in German."""

from __future__ import annotations

import pytest

from app.core.messages import render
from app.core.updates.refusals import REFUSALS, refusal
from app.engine.validation_result import REFUSAL_TEXTS, ValidationResult, refused
from tests.scanjob.test_scan_messages import german


def test_the_engine_and_the_client_know_the_same_refusals() -> None:
    assert set(REFUSALS) == set(REFUSAL_TEXTS)


@pytest.mark.parametrize("code", sorted(REFUSAL_TEXTS))
def test_each_refusal_reads_the_same_in_english_and_has_german(code: str) -> None:
    values = ("VALUE",) * REFUSAL_TEXTS[code].count("{")
    result = refused("compile", code, *values)
    message = refusal(result)
    assert render(message) == result.reason
    shown = render(message, german)
    assert shown != result.reason and "VALUE" * bool(values) in shown


def test_a_result_from_an_older_engine_keeps_its_sentence_under_a_translated_step() -> None:
    old = ValidationResult(False, "golden", "The golden sample x is no longer detected.")
    assert render(refusal(old), german).startswith("Die Definitionen wurden im Schritt „Mustertest“ abgelehnt")
