"""Messages render in English at the edge, survive a JSON round trip and fill nested arguments."""

from __future__ import annotations

from app.core.foundation.errors import RingfenceError
from app.core.text.messages import Message, render, translate


def test_placeholders_fill_in_order_and_plurals_follow_the_count() -> None:
    one = translate("Scan", "%n file(s) could not be read in %1.", None, 1).arg("Downloads")
    many = translate("Scan", "%n file(s) could not be read in %1.", None, 3).arg("Downloads")
    assert render(one) == "1 file could not be read in Downloads."
    assert render(many) == "3 files could not be read in Downloads."
    assert str(translate("X", "%2 before %1").arg("a", "b")) == "b before a"


def test_nested_messages_render_with_the_same_lookup_and_round_trip() -> None:
    inner = translate("Updates", "rule %1 failed to compile").arg("r1")
    outer = translate("Events", "Definitions %1 were refused: %2").arg("7", inner)
    assert Message.from_json(outer.to_json()) == outer

    def shout(context: str, source: str, disambiguation: str | None, n: int) -> str:
        return source.upper().replace("%N", "%n")

    assert render(outer, shout) == "DEFINITIONS 7 WERE REFUSED: %2".replace("%2", "RULE r1 FAILED TO COMPILE")


def test_a_translated_plural_is_not_rewritten_by_the_english_rule() -> None:
    def german(context: str, source: str, disambiguation: str | None, n: int) -> str:
        return "%n Datei(en)"

    assert render(translate("X", "%n file(s)", None, 2), german) == "2 Datei(en)"


def test_errors_carry_the_message_and_its_english_text() -> None:
    message = translate("Quarantine", "The item %1 is missing.").arg("abc")
    error = RingfenceError(message)
    assert error.msg == message
    assert str(error) == error.message == "The item abc is missing."
