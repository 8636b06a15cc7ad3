"""Rendering core messages in the console's language (through Qt Linguist)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.core.messages import Message, render


def _lookup(context: str, source: str, disambiguation: str | None, n: int) -> str:
    found = QCoreApplication.translate(context, source, disambiguation, n)
    if n >= 0 and found == source.replace("%n", str(n)):
        return source  # untranslated: Qt only filled in %n; render() makes the English plural
    return found


def text(message: Message | str) -> str:
    """``message`` in the language the console shows (plain text passes through unchanged)."""
    return render(message, _lookup)
