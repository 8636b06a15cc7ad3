""""What changed" on the Updates page: the active version's release notes and its rules compared with the
version before it."""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QLabel, QListWidget, QTextBrowser, QVBoxLayout, QWidget

from app.core.messages import translate
from app.ui.formatting import reason
from app.ui.i18n import text
from app.ui.pages.updates_calls import Changes


class ChangesView(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("What changed"))
        layout = QVBoxLayout(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.rules = QListWidget(self)
        self.rules.setAccessibleName(self.tr("Rules added, removed and changed"))
        self.rules.setMinimumHeight(80)
        layout.addWidget(self.rules)
        self.notes = QTextBrowser(self)
        self.notes.setAccessibleName(self.tr("Release notes"))
        self.notes.setOpenExternalLinks(False)
        self.notes.setMinimumHeight(80)
        layout.addWidget(self.notes)

    def show_changes(self, changes: Changes | None) -> None:
        self.rules.clear()
        if changes is None:
            self.summary.setText(self.tr("Ringfence uses its built-in definitions; no update has been installed."))
            self.rules.hide()
            self.notes.hide()
            return
        self.rules.show()
        self.notes.show()
        since = (text(translate("UpdatesPage", "version %1").arg(changes.since)) if changes.since is not None
                 else self.tr("the built-in definitions"))
        if changes.diff is None:
            self.summary.setText(reason(changes.diff_error))
        else:
            diff = changes.diff
            self.summary.setText(text(translate(
                "UpdatesPage", "Version %1 compared with %2 — rules added: %3, removed: %4, changed: %5, unchanged: %6.")
                .arg(changes.version, since, len(diff.added), len(diff.removed), len(diff.changed), diff.unchanged)))
            for label, names in ((self.tr("Added: %1"), diff.added), (self.tr("Removed: %1"), diff.removed),
                                 (self.tr("Changed: %1"), diff.changed)):
                for name in names:
                    self.rules.addItem(label.replace("%1", name))
        if changes.notes:
            self.notes.setMarkdown(changes.notes)
        else:
            self.notes.setPlainText(self.tr("This version came without release notes."))
