"""A refused bundle's reason is a code and its arguments: the engine's English and the client's messages
say the same, and the console reads every one of them in German."""

from __future__ import annotations

import pytest

from app.core.scanning.bundle_messages import BUNDLE_ERRORS, bundle_error
from app.core.text.messages import Message, render
from app.core.updates.refusals import REFUSALS, refusal
from app.engine.bundle_errors import BUNDLE_TEXTS, BundleError
from app.engine.validation_result import REFUSAL_TEXTS, ValidationResult, bundle_refusal, refused
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


def test_the_engine_and_the_client_know_the_same_bundle_errors() -> None:
    assert set(BUNDLE_ERRORS) == set(BUNDLE_TEXTS)


@pytest.mark.parametrize("code", sorted(BUNDLE_TEXTS))
def test_each_bundle_error_reads_the_same_in_english_and_has_german(code: str) -> None:
    values = ("VALUE",) * BUNDLE_TEXTS[code].count("{")
    exc = BundleError(code, *values)
    message = bundle_error(exc)
    assert isinstance(message, Message) and render(message) == str(exc)
    assert render(message, german) != str(exc)


def test_a_bundle_refused_in_the_sandbox_keeps_the_bundle_errors_code() -> None:
    result = refused("archive", *bundle_refusal("archive-bad", BundleError("member-link", "'rules/x.yar'")))
    assert result.reason == "The definitions archive contains a link ('rules/x.yar') and was refused."
    assert render(refusal(result)) == result.reason
    assert "'rules/x.yar'" in render(refusal(result), german) and render(refusal(result), german) != result.reason
    plain = refused("archive", *bundle_refusal("archive-bad", BundleError("an older sentence")))
    assert render(refusal(plain)) == "The definitions archive cannot be used (an older sentence); it was refused."
