"""Errors a user can act on.

Every failure a user can meet is raised as a :class:`RingfenceError` whose message is one clear
sentence saying what happened and what to do. The message is a :class:`~app.core.text.messages.Message`
(or, in code not yet converted, plain English text): the CLI prints it in English (never a traceback
unless ``--debug``); the console renders it through Qt Linguist. Details go to the log.
"""

from __future__ import annotations

from app.core.text.messages import Message, render


class RingfenceError(Exception):
    """A failure with a message meant for the user; ``fix`` names an action that resolves it, if any."""

    fix: str | None = None

    def __init__(self, message: str | Message, *, detail: str | None = None) -> None:
        self.msg: Message | str = message
        self.message = render(message)  # English, for the CLI and the log
        super().__init__(self.message)
        self.detail = detail

    def __str__(self) -> str:
        return self.message


class DefinitionsError(RingfenceError):
    """A definitions bundle or rules folder was refused."""


class EngineError(RingfenceError):
    """The engine worker could not do what was asked."""
