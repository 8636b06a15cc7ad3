"""User data in the console is shown as text, never as HTML.

A QLabel or a tooltip takes text that looks like HTML for HTML: after restoring
``invoice.pdf<b><!--.exe`` the notice said "restored to …/invoice.pdf" in bold and hid the rest.
Every label that shows user data is made a :func:`plain_label`; every tooltip goes through
:func:`tip`. Names themselves are written by :func:`app.core.text.names.shown` (controls visible, isolated).
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as QtGui
from PySide6.QtWidgets import QLabel


def plain_label(label: QLabel) -> QLabel:
    """``label`` showing its text as it is, whatever it looks like."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def tip(text: str) -> str:
    """A tooltip that shows ``text`` as it is: escaped as HTML when Qt would take it for HTML."""
    if not QtGui.mightBeRichText(text):
        return text
    return "<qt>" + html.escape(text).replace("\n", "<br>") + "</qt>"
