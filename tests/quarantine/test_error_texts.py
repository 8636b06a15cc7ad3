"""What the quarantine says when it cannot do something is a message: German in the console, and never
a command line or a flag (the console has buttons, not commands)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core import quarantine as q
from app.core.context import Context
from app.core.foundation.errors import RingfenceError
from app.core.text.messages import Message, render
from tests.quarantine.conftest import make_file, quarantine
from tests.scanjob.test_scan_messages import german


def refusal(call: object, *args: object, **kwargs: object) -> Message:
    with pytest.raises(RingfenceError) as raised:
        call(*args, **kwargs)  # type: ignore[operator]
    assert isinstance(raised.value.msg, Message)
    english = render(raised.value.msg)
    assert "ringfence " not in english and "--" not in english
    assert render(raised.value.msg, german) != english
    return raised.value.msg


def test_a_missing_item_and_a_bad_hash_read_in_german(ctx: Context) -> None:
    assert render(refusal(q.restore, ctx, "abc123"), german) == "Es gibt kein Quarantäne-Element abc123."
    assert render(refusal(q.get_item, ctx, "abc123"), german) == "Es gibt kein Quarantäne-Element abc123."
    refusal(q.allow, ctx, "not-a-hash")


@pytest.mark.usefixtures("secret_service")
def test_restoring_into_a_file_or_a_gone_item_reads_in_german(ctx: Context, tmp_path: Path) -> None:
    item = quarantine(ctx, make_file(tmp_path / "setup.exe", b"payload")).item_id
    assert item is not None
    not_a_folder = make_file(tmp_path / "a-file", b"x")
    shown = render(refusal(q.restore, ctx, item, to=not_a_folder), german)
    assert shown.startswith(str(not_a_folder)) and "kein Ordner" in shown
    q.delete(ctx, item)
    assert render(refusal(q.restore, ctx, item), german).endswith("Es wurde gelöscht.")
