"""About the definitions: the version in use, how many rules and hash signatures it holds, and each
public rule set it was built from — the set's licence (with its full text, which the licences ask to
be shipped and shown), the pinned commit, its rule and hash counts and how many of them are threats,
potentially unwanted or suspicious.

The dialog shows the :class:`~app.core.detections.sources.AboutDefinitions` a worker read.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.detections.sources import AboutDefinitions
from app.ui.widgets.detection_details import category_text


class AboutDefinitionsDialog(QDialog):
    def __init__(self, about: AboutDefinitions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDefinitions")
        self.setWindowTitle(self.tr("About the definitions"))
        self.about = about
        layout = QVBoxLayout(self)
        origin = {"baseline": self.tr("the definitions built into Ringfence"),
                  "channel": self.tr("from the update channel"),
                  "custom": self.tr("chosen for this scan")}.get(about.origin, about.origin)
        rules = "?" if about.rule_count is None else str(about.rule_count)
        self.summary = QLabel(self.tr("Definitions %1 (%2): %3 rules and %4 hash signatures.")
                              .replace("%1", about.version).replace("%2", origin).replace("%3", rules)
                              .replace("%4", str(about.hash_count)), self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.sources = QTreeWidget(self)
        self.sources.setRootIsDecorated(False)
        self.sources.setAccessibleName(self.tr("Rule sets"))
        self.sources.setHeaderLabels([self.tr("Rule set"), self.tr("Licence"), self.tr("Commit"), self.tr("Rules"),
                                      self.tr("Hash signatures"), self.tr("Kinds")])
        for source in about.sources:
            kinds = ", ".join(f"{category_text({'category': c})}: {n}" for c, n in sorted(source.categories.items())
                              if n)
            item = QTreeWidgetItem([source.name or source.id, source.licence, source.commit[:12],
                                    str(source.rule_count), str(source.hash_count), kinds])
            item.setToolTip(0, source.url)
            item.setToolTip(2, source.commit)
            for column in (3, 4):
                item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.sources.addTopLevelItem(item)
        for column in range(6):
            self.sources.resizeColumnToContents(column)
        self.sources.currentItemChanged.connect(self._show_source)
        layout.addWidget(self.sources, 1)
        self.none = QLabel(self.tr("These definitions do not list the rule sets they were built from: they are "
                                   "Ringfence's own rules."), self)
        self.none.setWordWrap(True)
        self.none.setVisible(not about.sources)
        self.sources.setVisible(bool(about.sources))
        layout.addWidget(self.none)
        self.where = QLabel(self)
        self.where.setWordWrap(True)
        self.where.setTextFormat(Qt.TextFormat.RichText)
        self.where.setOpenExternalLinks(True)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        layout.addWidget(self.where)
        self.licence = QPlainTextEdit(self)
        self.licence.setReadOnly(True)
        self.licence.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.licence.setAccessibleName(self.tr("Licence text"))
        layout.addWidget(self.licence, 2)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(760, 560)
        first = self.sources.topLevelItem(0)
        if first is not None:
            self.sources.setCurrentItem(first)
        else:
            self.where.hide()
            self.licence.hide()

    def _show_source(self, current: QTreeWidgetItem | None, _previous: object = None) -> None:
        if current is None:
            return
        source = self.about.sources[self.sources.indexOfTopLevelItem(current)]
        url = html.escape(source.url, quote=True)
        if not url:  # Ringfence's own rules: no upstream to name
            self.where.setText(self.tr("Licence of %1: %2").replace("%1", html.escape(source.name or source.id, quote=False))
                               .replace("%2", html.escape(source.licence, quote=False)))
            self.licence.setPlainText(source.licence_text())
            return
        self.where.setText(self.tr("%1 comes from %2 (commit %3) under the licence %4:")
                           .replace("%1", html.escape(source.name or source.id, quote=False))
                           .replace("%2", f'<a href="{url}">{url}</a>').replace("%3", html.escape(source.commit, quote=False))
                           .replace("%4", html.escape(source.licence, quote=False)))
        self.licence.setPlainText(source.licence_text())
