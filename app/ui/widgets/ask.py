"""Questions that do not stop the event loop: a message box opened window-modal, answered by a callback."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QMessageBox, QWidget

Choice = tuple[str, str, QMessageBox.ButtonRole]  # label, answer, role


def ask(parent: QWidget, title: str, question: str, choices: Sequence[Choice],
        on_answer: Callable[[str | None], None], *, detail: str = "") -> QMessageBox:
    """Show ``question`` with one button per choice; ``on_answer(answer)`` gets the chosen answer (None
    when the box was closed). The box is returned, so a caller (or a test) can find its buttons."""
    box = QMessageBox(QMessageBox.Icon.Question, title, question, QMessageBox.StandardButton.NoButton, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)  # questions and details name files: never HTML
    if detail:
        box.setInformativeText(detail)
    for shown in box.findChildren(QLabel):
        if shown.objectName() in ("qt_msgbox_label", "qt_msgbox_informativelabel"):
            shown.setTextFormat(Qt.TextFormat.PlainText)
    answers: dict[QAbstractButton, str] = {}
    for label, answer, role in choices:
        button = box.addButton(label, role)
        button.setAccessibleName(label)
        answers[button] = answer
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def finished() -> None:
        on_answer(answers.get(box.clickedButton()))

    box.finished.connect(finished)
    box.open()
    return box
