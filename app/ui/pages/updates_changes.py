""""What changed" on the Updates page: the active version's release notes and its rules compared with the
version before it. Both are as tall as what they hold: a short list of rules and a line of notes leave no
empty boxes; a long list scrolls after :data:`VISIBLE_RULES` rows."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QLabel, QListWidget, QSizePolicy, QVBoxLayout, QWidget

from app.core.text.messages import translate
from app.ui.formatting import reason
from app.ui.i18n import text
from app.ui.pages.updates_calls import Changes
from app.ui.plain_text import plain_label
from app.ui.widgets.fonts import emphasise

VISIBLE_RULES = 6


class ChangesView(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("What changed"))
        layout = QVBoxLayout(self)
        self.summary = plain_label(QLabel(self))
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.rules = QListWidget(self)
        self.rules.setAccessibleName(self.tr("Rules added, removed and changed"))
        self.rules.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        layout.addWidget(self.rules)
        self.notes_title = QLabel(self.tr("Release notes"), self)
        emphasise(self.notes_title, 1.0)  # a sub-heading over the publisher's own words
        layout.addWidget(self.notes_title)
        self.notes = QLabel(self)
        self.notes.setAccessibleName(self.tr("Release notes"))
        self.notes.setTextFormat(Qt.TextFormat.MarkdownText)
        self.notes.setWordWrap(True)
        self.notes.setOpenExternalLinks(False)
        self.notes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.notes)
        layout.addStretch(1)

    def show_changes(self, changes: Changes | None) -> None:
        self.rules.clear()
        if changes is None:
            self.summary.setText(self.tr("Ringfence uses its built-in definitions; no update has been installed."))
            for widget in (self.rules, self.notes_title, self.notes):
                widget.hide()
            return
        for widget in (self.rules, self.notes_title, self.notes):
            widget.show()
        since = (text(translate("UpdatesPage", "version %1").arg(changes.since)) if changes.since is not None
                 else self.tr("the built-in definitions"))
        if changes.diff is None:
            self.summary.setText(reason(changes.diff_error))
        else:
            diff = changes.diff
            self.summary.setText(text(translate(
                "UpdatesPage", "Version %1 compared with %2 — rules added: %3, removed: %4, changed: %5, unchanged: %6.")
                .arg(changes.version, since, len(diff.added), len(diff.removed), len(diff.changed), diff.unchanged)))
            for group in diff.groups:  # by rule set and category first: thousands of rule names say little
                self.rules.addItem(text(translate(
                    "UpdatesPage", "%1, %2: %3 added, %4 removed, %5 changed")
                    .arg(group.source, self._category(group.category), group.added, group.removed, group.changed)))
            for label, names in ((self.tr("Added: %1"), diff.added), (self.tr("Removed: %1"), diff.removed),
                                 (self.tr("Changed: %1"), diff.changed)):
                for name in names:
                    self.rules.addItem(label.replace("%1", name))
        self._fit_rules()
        if changes.notes:
            self.notes.setTextFormat(Qt.TextFormat.MarkdownText)
            self.notes.setText(changes.notes)
        else:
            self.notes.setTextFormat(Qt.TextFormat.PlainText)
            self.notes.setText(self.tr("This version came without release notes."))

    def _category(self, category: str) -> str:
        return {"threat": self.tr("threats"), "pua": self.tr("potentially unwanted"),
                "suspicious": self.tr("suspicious")}.get(category, category)

    def _fit_rules(self) -> None:
        """The list as tall as its rows (up to VISIBLE_RULES), hidden when there are none."""
        count = self.rules.count()
        self.rules.setVisible(count > 0)
        rows = max(1, min(count, VISIBLE_RULES))
        row = self.rules.sizeHintForRow(0) if count else self.rules.fontMetrics().height()
        self.rules.setFixedHeight(rows * row + 2 * self.rules.frameWidth() + 2)
