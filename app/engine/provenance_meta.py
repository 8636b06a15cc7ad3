"""Where a YARA rule comes from and what kind of finding it makes, read from the rule's meta.

A shipped rule carries ``rf_category`` (``threat``, ``pua`` or ``suspicious``), ``rf_source`` (the rule
set, e.g. ``signature-base``), ``author``, ``rf_licence`` (e.g. ``DRL-1.1``) and ``reference``. A rule
without them (a plain folder of rules, an older bundle) is a threat of unknown provenance. Values are
kept short: they travel with every detection, into the history, the quarantine and the logs.
"""

from __future__ import annotations

from typing import Any

CATEGORIES = ("threat", "pua", "suspicious")
DEFAULT_CATEGORY = "threat"
MAX_TEXT = 300  # characters of one provenance value (an author list, a URL)


def provenance_of(match: Any) -> dict[str, str]:
    """``category``, ``source``, ``author``, ``licence`` and ``reference`` of a ``yara.Match`` (or anything
    with a ``meta`` mapping), ready for :class:`app.engine.matcher.Hit`."""
    meta = getattr(match, "meta", None) or {}
    category = _text(meta.get("rf_category")).lower()
    return {
        "category": category if category in CATEGORIES else DEFAULT_CATEGORY,
        "source": _text(meta.get("rf_source")),
        "author": _text(meta.get("author")),
        # signature-base names a rule's licence in ``license`` when it is not the set's own
        "licence": _text(meta.get("rf_licence") or meta.get("license")),
        "reference": _text(meta.get("reference")),
    }


def _text(value: object) -> str:
    if value is None or isinstance(value, bool):
        return ""
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    return " ".join(str(value).split())[:MAX_TEXT]


__all__ = ["CATEGORIES", "DEFAULT_CATEGORY", "provenance_of"]
