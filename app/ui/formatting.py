"""Dates, sizes and durations in the console's language (QLocale), and core labels through Qt Linguist."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, QLocale

from app.core.text.messages import Message, Moment, translate
from app.ui.i18n import moment, text

NONE = "—"


def core_label(context: str, label: str) -> str:
    """A label marked in core with ``QT_TRANSLATE_NOOP(context, label)``, in the console's language."""
    return QCoreApplication.translate(context, label)


def when(timestamp: float | None) -> str:
    """A moment as the user's locale writes a short date and time, always with a four-digit year (a dash
    when unknown)."""
    return moment(Moment(timestamp)) if timestamp else NONE


def when_iso(text: str | None) -> str:
    """An ISO 8601 time from core (``2026-11-30T21:15:00Z``) in the user's locale."""
    if not text:
        return NONE
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return text
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return when(moment.timestamp())


def size(count: int | None) -> str:
    return NONE if count is None else QLocale().formattedDataSize(count)


def data_rate(bytes_per_s: float) -> str:
    """A speed of reading, the way download speeds are written: "12.5 MB/s" (powers of 1000)."""
    amount = QLocale().formattedDataSize(round(bytes_per_s), 1, QLocale.DataSizeFormat.DataSizeSIFormat)
    return text(translate("Formatting", "%1/s").arg(amount))


def number(value: float, decimals: int = 0) -> str:
    return QLocale().toString(float(value), "f", decimals) if decimals else QLocale().toString(round(value))


def duration(seconds: float | None) -> str:
    """A remaining or elapsed time, roughly: "3 min 20 s", "2 h 5 min", "45 s"."""
    if seconds is None or seconds < 0:
        return NONE
    total = round(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return text(translate("Formatting", "%1 h %2 min").arg(hours, minutes))
    if minutes:
        return text(translate("Formatting", "%1 min %2 s").arg(minutes, secs))
    return text(translate("Formatting", "%1 s").arg(secs))


def age_days(days: float | None) -> str:
    """How old something is, in whole days or hours."""
    if days is None:
        return text(translate("Formatting", "age unknown"))
    if days >= 1:
        return text(translate("Formatting", "%n day(s) old", None, 0).plural(round(days)))
    if days * 24 < 1:
        return text(translate("Formatting", "less than an hour old"))
    return text(translate("Formatting", "%n hour(s) old", None, 0).plural(round(days * 24)))


def reason(value: object) -> str:
    """A reason stored by core: a message (or its JSON form) in the console's language, or plain text."""
    if isinstance(value, Message):
        return text(value)
    if isinstance(value, dict) and "source" in value and "context" in value:
        return text(Message.from_json(value))
    return "" if value is None else str(value)
