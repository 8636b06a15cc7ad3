"""Messages a translator can reach.

Core never builds a user-facing sentence. It returns (or stores) a :class:`Message`: a Qt Linguist
context, the English source text with ``%1``-style placeholders, its arguments and an optional plural
count (``%n``). The edge renders it: the CLI in English with :func:`english`, the console through Qt
Linguist with :func:`render` and ``QCoreApplication.translate`` as the lookup.

Make a message with :func:`translate` (the name ``pyside6-lupdate`` looks for, so the text lands in
``translations/*.ts``; with a count the entry becomes a plural one) and fill it with
:meth:`Message.arg`, as with ``QString.arg``::

    translate("Scan", "%n file(s) could not be read in %1.", None, 0).plural(count).arg(folder)

Arguments may be messages themselves (rendered in the same language). Stored data keeps codes and
arguments (see :mod:`app.core.events`), never rendered text, so an old event reads in today's language.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

#: ``lookup(context, source, disambiguation, n) -> text`` — ``QCoreApplication.translate`` fits.
Lookup = Callable[[str, str, "str | None", int], str]

Arg = "str | int | float | Message"
_PLACEHOLDER = re.compile(r"%(\d{1,2})")
_ENGLISH_PLURAL = re.compile(r"\((s|es)\)")


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
                                "args": [a.to_json() if isinstance(a, Message) else a for a in self.args]}
        if self.n is not None:
            data["n"] = self.n
        if self.disambiguation:
            data["disambiguation"] = self.disambiguation
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Message:
        args = tuple(cls.from_json(a) if isinstance(a, dict) else a for a in data.get("args", ()))
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


def render(message: Message | str, lookup: Lookup = _untranslated) -> str:
    """The message as text: looked up with ``lookup`` (English source text by default), then filled.

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
    args = [render(a, lookup) if isinstance(a, Message) else _plain(a) for a in message.args]

    def fill(match: re.Match[str]) -> str:
        index = int(match.group(1)) - 1
        return args[index] if 0 <= index < len(args) else match.group(0)

    return _PLACEHOLDER.sub(fill, text)


def _plain(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)
