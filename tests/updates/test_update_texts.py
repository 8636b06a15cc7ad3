"""The update status keeps its problems as messages (code and arguments), never as English sentences:
the console reads them in German, and a state file written by an older version still reads."""

from __future__ import annotations

import json

import pytest

from app.core.text.messages import Message, Moment, render
from app.core.updates.rollout import RolloutError, parse_rollout
from app.core.updates.state import state_path
from tests.scanjob.test_scan_messages import german
from tests.updates.conftest import Setup


def test_a_failed_check_stores_its_problem_as_a_message(setup: Setup) -> None:
    setup.release("v1")
    assert setup.service.check().outcome == "updated"
    setup.server.faults["/metadata/"] = ("status", 503)
    assert setup.service.check().outcome == "offline"
    stored = json.loads(state_path(setup.ctx.paths.data_dir).read_text(encoding="utf-8"))["last_error"]
    assert isinstance(stored, dict) and {"context", "source", "args"} <= set(stored)
    status = setup.service.status()
    assert isinstance(status.last_error, Message)
    english, shown = render(status.last_error), render(status.last_error, german)
    assert "HTTP 503" in english and shown != english and "HTTP 503" in shown
    assert status.to_json()["last_error"] == english  # scripts keep the English text


def test_an_english_problem_stored_by_an_older_version_still_reads(setup: Setup) -> None:
    setup.release("v1")
    assert setup.service.check().outcome == "updated"
    path = state_path(setup.ctx.paths.data_dir)
    doc = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps({**doc, "last_error": "The update server could not be reached."}), encoding="utf-8")
    status = setup.service.status()
    assert status.last_error == "The update server could not be reached."
    assert status.to_json()["last_error"] == "The update server could not be reached."


def test_a_check_while_paused_names_the_end_of_the_pause_as_a_moment(setup: Setup) -> None:
    setup.release("v1")
    assert setup.service.check().outcome == "updated"
    until = setup.service.pause(24)
    setup.release("v2")
    result = setup.service.check()
    assert result.outcome == "paused" and isinstance(result.msg, Message)
    assert result.msg.args == (Moment(until),)  # the edge writes it in the reader's locale


@pytest.mark.parametrize(("data", "english"), [
    (b"not json", "The rollout document is not valid JSON."),
    (b'{"schema": 99}', "The rollout document uses schema 99, which this Ringfence does not read."),
])
def test_a_malformed_rollout_document_is_refused_with_a_message(data: bytes, english: str) -> None:
    with pytest.raises(RolloutError) as raised:
        parse_rollout(data)
    assert render(raised.value.msg) == str(raised.value) == english
    assert render(raised.value.msg, german) != english
