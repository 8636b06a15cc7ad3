"""Shared output helpers for the command line."""

from __future__ import annotations

import json
import sys
from typing import Any

from app.core.text.names import plain


def print_json(document: Any) -> None:
    """One JSON document on stdout. Paths with undecodable bytes survive as escaped surrogates."""
    sys.stdout.write(json.dumps(document, indent=2, sort_keys=False) + "\n")
    sys.stdout.flush()


def printable(text: str) -> str:
    """``text`` (a name, or a line holding names) as one line a terminal shows as it is: control
    characters escaped, bidirectional controls visible (:func:`app.core.text.names.plain`), and whatever the
    terminal's encoding cannot show backslash-escaped."""
    return printable_block(plain(text))


def printable_block(text: str) -> str:
    """Our own text of several lines, only made safe for the terminal's encoding."""
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    return text.encode(encoding, errors="backslashreplace").decode(encoding, errors="replace")


def count(n: int, noun: str, plural: str | None = None) -> str:
    """``n`` with its noun in English: "1 file", "2 files" (the CLI speaks English)."""
    return f"{n} {noun if n == 1 else plural or noun + 's'}"
