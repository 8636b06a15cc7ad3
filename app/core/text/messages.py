"""Messages a translator can reach.

Core never builds a user-facing sentence. It returns (or stores) a :class:`Message`: a Qt Linguist
context, the English source text with ``%1``-style placeholders, its arguments and an optional plural
count (``%n``). The edge renders it: the CLI in English with :func:`english`, the console through Qt
Linguist with :func:`render` and ``QCoreApplication.translate`` as the lookup.

Make a message with :func:`translate` (the name ``pyside6-lupdate`` looks for, so the text lands in
``translations/*.ts``; with a count the entry becomes a plural one) and fill it with
:meth:`Message.arg`, as with ``QString.arg``::

    translate("Scan", "%n file(s) could not be read in %1.", None, 0).plural(count).arg(folder)

Arguments may be messages themselves (rendered in the same language) or :class:`Moment` (a point in time,
written by the edge as the reader's locale writes dates). Stored data keeps codes and arguments (see
:mod:`app.core.journal.events`), never rendered text, so an old event reads in today's language.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

#: ``lookup(context, source, disambiguation, n) -> text`` — ``QCoreApplication.translate`` fits.
Lookup = Callable[[str, str, "str | None", int], str]

Arg = "str | int | float | Message | Moment"
Precision = Literal["minute", "time", "date"]
_PLACEHOLDER = re.compile(r"%(\d{1,2})")
_ENGLISH_PLURAL = re.compile(r"\((s|es)\)")


@dataclass(frozen=True)
class Moment:
    """A point in time as a message argument: a UNIX timestamp, written out only by the edge (the console
    in the user's locale, the CLI as ``2026-11-30 21:15`` local time). ``precision`` says what to show:
    date and time (``minute``), the time of day (``time``) or the day (``date``)."""

    timestamp: float
    precision: Precision = "minute"

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"moment": self.timestamp}
        if self.precision != "minute":
            data["precision"] = self.precision
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Moment:
        precision = data.get("precision", "minute")
        return cls(float(data["moment"]), precision if precision in ("minute", "time", "date") else "minute")

    @classmethod
    def parse(cls, value: Any, precision: Precision = "minute", *, naive_local: bool = False) -> Moment | None:
        """A moment from what older data stored: a timestamp, an ISO 8601 text (``Z`` allowed; without a
        zone UTC, or local time with ``naive_local``), a ``datetime`` or a moment's JSON form; ``None`` when it
        is none of them."""
        if isinstance(value, Moment):
            return value
        if isinstance(value, dict) and "moment" in value:
            return cls.from_json(value)
        if isinstance(value, bool):
            return None
        if isinstance(value, int | float):
            return cls(float(value), precision)
        if isinstance(value, datetime):
            if value.tzinfo is None:
                value = value.astimezone() if naive_local else value.replace(tzinfo=UTC)
            return cls(value.timestamp(), precision)
        if isinstance(value, str) and value.strip():
            try:
                moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
            except ValueError:
                return None
            return cls.parse(moment, precision, naive_local=naive_local)
        return None

    def english(self) -> str:
        """The CLI's form: local time, ISO order."""
        pattern = {"minute": "%Y-%m-%d %H:%M", "time": "%H:%M", "date": "%Y-%m-%d"}[self.precision]
        return time.strftime(pattern, time.localtime(self.timestamp))

    def __str__(self) -> str:
        return self.english()


def is_moment_json(value: Any) -> bool:
    return isinstance(value, dict) and "moment" in value and isinstance(value["moment"], int | float)


def is_message_json(value: Any) -> bool:
    return isinstance(value, dict) and "source" in value and "context" in value


def arg_to_json(value: Any) -> Any:
    return value.to_json() if isinstance(value, Message | Moment) else value


def arg_from_json(value: Any) -> Any:
    """A stored argument back as a message or moment (anything else as it is)."""
    if is_message_json(value):
        return Message.from_json(value)
    if is_moment_json(value):
        return Moment.from_json(value)
    return value


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    args: tuple[Any, ...] = ()
    n: int | None = None
    disambiguation: str | None = None

    def arg(self, *values: Any) -> Message:
        """This message with more arguments (``%1``, ``%2``, … in the order given)."""
        return Message(self.context, self.source, self.args + values, self.n, self.disambiguation)

    def plural(self, n: int) -> Message:
        """This plural message for the count ``n``. ``pyside6-lupdate`` marks an entry plural only when
        ``translate`` gets a literal count, so write ``translate(ctx, "%n file(s)", None, 0).plural(count)``."""
        return Message(self.context, self.source, self.args, n, self.disambiguation)

    def english(self) -> str:
        return render(self)

    def __str__(self) -> str:
        return render(self)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"context": self.context, "source": self.source,
                                "args": [arg_to_json(a) for a in self.args]}
        if self.n is not None:
            data["n"] = self.n
        if self.disambiguation:
            data["disambiguation"] = self.disambiguation
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Message:
        args = tuple(arg_from_json(a) for a in data.get("args", ()))
        return cls(str(data["context"]), str(data["source"]), args, data.get("n"), data.get("disambiguation"))


def translate(context: str, source: str, disambiguation: str | None = None, n: int = -1) -> Message:
    """A message in ``context`` (the marker ``pyside6-lupdate`` collects; ``n >= 0`` makes it a plural)."""
    return Message(context, source, (), None if n < 0 else n, disambiguation)


def marked(context: str, source: str) -> Message:
    """A message for a text already marked for translation elsewhere (``QT_TRANSLATE_NOOP(context, source)``
    in a table), looked up at run time. :func:`translate` itself must get literal texts: ``pyside6-lupdate``
    collects only those (``tests/test_translations.py`` checks every call)."""
    return Message(context, source)


def _untranslated(context: str, source: str, disambiguation: str | None, n: int) -> str:
    del context, disambiguation, n
    return source


def _english_moment(moment: Moment) -> str:
    return moment.english()


def render(message: Message | str, lookup: Lookup = _untranslated,
           moment: Callable[[Moment], str] = _english_moment, data: Callable[[str], str] | None = None) -> str:
    """The message as text: looked up with ``lookup`` (English source text by default), then filled;
    :class:`Moment` arguments are written by ``moment`` (the console passes its locale's format), text
    arguments — names, paths: user data — by ``data`` (the console isolates them, ``app.core.text.names``).

    English plurals come from the source text's ``(s)`` / ``(es)`` markers when no translation applied.
    """
    if isinstance(message, str):
        return message
    n = -1 if message.n is None else message.n
    text = lookup(message.context, message.source, message.disambiguation, n)
    if message.n is not None:
        if text == message.source:
            text = _ENGLISH_PLURAL.sub(lambda m: "" if message.n == 1 else m.group(1), text)
        text = text.replace("%n", str(message.n))
    args = [render(a, lookup, moment, data) if isinstance(a, Message) else moment(a) if isinstance(a, Moment)
            else data(a) if data is not None and isinstance(a, str) else _plain(a) for a in message.args]

    def fill(match: re.Match[str]) -> str:
        index = int(match.group(1)) - 1
        return args[index] if 0 <= index < len(args) else match.group(0)

    return _PLACEHOLDER.sub(fill, text)


def _plain(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Marks a label for ``lupdate`` in a table (setting labels, stop-code explanations, state names).

    The text lands in ``translations/*.ts``; the console translates it at display time with
    ``QCoreApplication.translate``. The core never imports Qt, so the marker simply returns the text.
    """
    del context
    return text
