"""Rendering core messages in the console's language (through Qt Linguist)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.core.messages import Message, render


def _lookup(context: str, source: str, disambiguation: str | None, n: int) -> str:
    return QCoreApplication.translate(context, source, disambiguation, n)


def text(message: Message | str) -> str:
    """``message`` in the language the console shows (plain text passes through unchanged)."""
    return render(message, _lookup)
