"""Rendering core messages in the console's language (through Qt Linguist)."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale

from app.core.text.messages import Message, Moment, render
from app.core.text.names import shown


def _lookup(context: str, source: str, disambiguation: str | None, n: int) -> str:
    found = QCoreApplication.translate(context, source, disambiguation, n)
    if n >= 0 and found == source.replace("%n", str(n)):
        return source  # untranslated: Qt only filled in %n; render() makes the English plural
    return found


def _full_year(pattern: str) -> str:
    """A short date pattern with the year in four digits (``dd.MM.yy`` -> ``dd.MM.yyyy``): short, but
    never ambiguous."""
    return pattern if "yyyy" in pattern else pattern.replace("yy", "yyyy")


def moment(value: Moment) -> str:
    """A point in time as the user's locale writes it (short format, four-digit year)."""
    when = QDateTime.fromMSecsSinceEpoch(int(value.timestamp * 1000))
    locale, short = QLocale(), QLocale.FormatType.ShortFormat
    if value.precision == "time":
        return locale.toString(when.time(), short)
    if value.precision == "date":
        return locale.toString(when.date(), _full_year(locale.dateFormat(short)))
    return locale.toString(when, _full_year(locale.dateTimeFormat(short)))


def text(message: Message | str) -> str:
    """``message`` in the language the console shows (plain text passes through unchanged; dates in the
    user's locale; names and other text arguments with their controls visible and isolated, so that a
    name cannot reorder or forge the sentence around it)."""
    return render(message, _lookup, moment, shown)


_ENGLISH_PLURAL = re.compile(r"\((s|es)\)")


def plural(found: str, n: int) -> str:
    """English plural for a ``tr(…, "", n)`` result that no translation replaced ("3 file(s)" -> "3 files")."""
    return _ENGLISH_PLURAL.sub(lambda m: "" if n == 1 else m.group(1), found)
