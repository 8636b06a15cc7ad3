"""Text a user reads, kept as data: the :class:`~app.core.text.messages.Message` type with its
translation markers (``translate``, ``QT_TRANSLATE_NOOP``) and rendering, and the label tables for code
words (:mod:`app.core.text.labels`). See ``docs/messages.md``.

May import: nothing from ``app`` (every other package of the core builds on it).
"""
