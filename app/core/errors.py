"""Errors a user can act on.

Every failure a user can meet is raised as a :class:`RingfenceError` whose message is one clear
sentence saying what happened and what to do. The CLI prints that sentence (never a traceback unless
``--debug``); the UI shows it. Details go to the log.
"""


class RingfenceError(Exception):
    """A failure with a message meant for the user."""

    def __init__(self, message: str, *, detail: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail

    def __str__(self) -> str:
        return self.message


class DefinitionsError(RingfenceError):
    """A definitions bundle or rules folder was refused."""


class EngineError(RingfenceError):
    """The engine worker could not do what was asked."""
