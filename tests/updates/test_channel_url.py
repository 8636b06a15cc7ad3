"""``ringfence update channel URL``: addresses are parsed, not prefix-matched; each bad one gets its own
clear sentence, and plain http is only for a channel on this computer."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.foundation.errors import RingfenceError
from app.core.updates.channelconfig import server_url, set_channel
from tests.conftest import run_cli


@pytest.mark.parametrize(("url", "expected"), [
    ("https://updates.example.com/ringfence/", "https://updates.example.com/ringfence"),
    ("HTTPS://Updates.Example.com", "https://Updates.Example.com"),
    ("https://updates.example.com:8443/c", "https://updates.example.com:8443/c"),
    ("http://127.0.0.1:8080/", "http://127.0.0.1:8080"),
    ("http://127.8.9.10/ch", "http://127.8.9.10/ch"),
    ("http://localhost:9000/x/", "http://localhost:9000/x"),
    ("http://[::1]:8080/", "http://[::1]:8080"),
    ("https://[2001:db8::1]/c", "https://[2001:db8::1]/c"),
])
def test_good_addresses_are_accepted_and_normalised(url: str, expected: str) -> None:
    assert server_url(url) == expected


@pytest.mark.parametrize(("url", "message"), [
    ("http://", "names no server"),
    ("https://", "names no server"),
    ("http://[::1", "not a valid web address"),
    ("https://updates.example.com:99999/", "not a valid web address"),
    ("https://updates.example.com:0/", "not a valid web address"),
    ("https://updates.example.com:http/", "not a valid web address"),
    ("https://user:secret@updates.example.com/", "must not contain a user name or password"),
    ("https://token@updates.example.com/", "must not contain a user name or password"),
    ("http://updates.example.com/", "only allowed for a server on this computer"),
    ("http://192.168.1.10:8080/", "only allowed for a server on this computer"),
    ("http://127.0.0.1.evil.example/", "only allowed for a server on this computer"),
    ("ftp://updates.example.com/", "must start with https://"),
    ("updates.example.com", "must start with https://"),
    ("https://updates.example.com/c?x=1", "must not contain a query"),
    ("https://updates.example.com/c#top", "must not contain a query"),
    ("https://updates.example.com/a b", "spaces or control characters"),
])
def test_bad_addresses_are_refused_with_a_clear_sentence(url: str, message: str, tmp_path: Path) -> None:
    with pytest.raises(RingfenceError, match=message) as caught:
        set_channel(tmp_path / "config", url, tmp_path / "root.json")
    assert "secret" not in caught.value.message  # a password is never echoed
    assert not (tmp_path / "config").exists()  # nothing was written


def test_a_collector_address_gets_the_same_checks(tmp_path: Path) -> None:
    with pytest.raises(RingfenceError, match="only allowed for a server on this computer"):
        set_channel(tmp_path / "config", "https://updates.example.com", tmp_path / "root.json",
                    collector="http://collector.example.com")


def test_the_cli_refuses_a_remote_plain_http_channel(tmp_path: Path) -> None:
    root = tmp_path / "root.json"
    root.write_text("{}")
    done = run_cli("update", "channel", "http://updates.example.com/", "--root", str(root))
    assert done.returncode == 2 and done.stderr.count("\n") == 1
    assert "only allowed for a server on this computer" in done.stderr and "Traceback" not in done.stderr
