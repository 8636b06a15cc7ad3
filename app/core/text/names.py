"""The one place that turns user data — a file name, a path — into text for display.

A file name is chosen by whoever made the file. ``photo\u202egpj.exe`` (a right-to-left override)
shows as ``photoexe.jpg``; a newline in a name forges a ``path: OK`` line or a whole log line; an
escape sequence hides output or retitles the terminal. So every place that shows a name shows it
through :func:`plain` (terminals, logs: one name, one line, every control visible) or :func:`shown`
(the console: the same, and isolated so the name cannot reorder the sentence around it). JSON output
keeps the exact name.
"""

from __future__ import annotations

import unicodedata

# Bidirectional formatting characters: embeddings, overrides, isolates and the invisible marks.
BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
FIRST_STRONG_ISOLATE, POP_DIRECTIONAL_ISOLATE = "\u2068", "\u2069"
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_RIGHT_TO_LEFT = ("R", "AL", "AN")


def _visible(ch: str) -> str:
    code = ord(ch)
    if ch in BIDI_CONTROLS or ch in "\u2028\u2029\ufeff":  # also the line and paragraph separators, BOM
        return f"<U+{code:04X}>"
    if code < 0x20 or 0x7F <= code < 0xA0:
        return _NAMED.get(ch, f"\\x{code:02x}")
    if 0xDC80 <= code <= 0xDCFF:  # a byte that is not UTF-8 (os.fsdecode's surrogate escape)
        return f"\\x{code - 0xDC00:02x}"
    return ch


def plain(text: str) -> str:
    """``text`` on one line with every control character escaped (``\\n``, ``\\x1b``) and every
    bidirectional control shown as ``<U+202E>``: for terminals and logs."""
    if text.isprintable() and not BIDI_CONTROLS.intersection(text):
        return text
    return "".join(_visible(ch) for ch in text)


def shown(text: str) -> str:
    """:func:`plain`, isolated (first-strong isolate … pop directional isolate) so that a name with
    controls or right-to-left letters cannot reorder the sentence it stands in: for the console. A name
    of left-to-right letters only stays as it is (nothing to isolate it from)."""
    visible = plain(text)
    if visible == text and not any(unicodedata.bidirectional(ch) in _RIGHT_TO_LEFT for ch in text):
        return text
    return FIRST_STRONG_ISOLATE + visible + POP_DIRECTIONAL_ISOLATE
