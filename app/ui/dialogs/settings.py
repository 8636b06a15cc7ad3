"""The settings dialog, generated from :data:`app.core.foundation.settings.SCHEMA`.

One tab per key prefix (``scan.``, ``quarantine.``, ``updates.``, ``history.``, ``ui.``; the exclusions,
``scan.exclude_*``, have a tab of their own with the list of everything never scanned), one field per
setting chosen by its type (check box, number, choice, list of lines), a reset-to-default button beside
each and a message under a field whose value cannot be used. Saving runs on a worker; the dialog
closes only when the settings are on disk.
"""

from __future__ import annotations

import os
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.core.beacon.reporter import consent_text
from app.core.foundation.settings import SCHEMA, Setting
from app.core.scanning.exclusions import known
from app.core.text.messages import QT_TRANSLATE_NOOP
from app.ui.console import Console
from app.ui.dialogs.exclusions_list import ExclusionsList
from app.ui.i18n import text
from app.ui.plain_text import plain_label

TABS: dict[str, str] = {
    "scan": QT_TRANSLATE_NOOP("SettingsDialog", "Scanning"),
    "exclusions": QT_TRANSLATE_NOOP("SettingsDialog", "Exclusions"),
    "realtime": QT_TRANSLATE_NOOP("SettingsDialog", "Protection"),  # real-time protection and USB drives
    "schedule": QT_TRANSLATE_NOOP("SettingsDialog", "Schedules"),
    "quarantine": QT_TRANSLATE_NOOP("SettingsDialog", "Quarantine"),
    "updates": QT_TRANSLATE_NOOP("SettingsDialog", "Updates"),
    "history": QT_TRANSLATE_NOOP("SettingsDialog", "History"),
    "ui": QT_TRANSLATE_NOOP("SettingsDialog", "Console"),
    "beacon": QT_TRANSLATE_NOOP("SettingsDialog", "Health reports"),
}
OTHER_TAB = QT_TRANSLATE_NOOP("SettingsDialog", "More")  # settings whose prefix has no tab of its own yet
TAB_ALIASES = {"general": "ui", "drives": "realtime"}  # settings.open:general (a verdict fix): the console's own tab
# Settings shown on another prefix's tab: what is watched while the PC runs (files, USB drives) is one place.
TAB_OF_PREFIX = {"drives": "realtime"}
CHOICES: dict[str, str] = {
    "system": QT_TRANSLATE_NOOP("SettingsDialog", "System language"),
    "en": "English",  # each language is named in itself
    "de": "Deutsch",
    "early": QT_TRANSLATE_NOOP("SettingsDialog", "Early"),
    "default": QT_TRANSLATE_NOOP("SettingsDialog", "Default"),
    "delayed": QT_TRANSLATE_NOOP("SettingsDialog", "Delayed (48 hours)"),
    "pinned": QT_TRANSLATE_NOOP("SettingsDialog", "Pinned (no updates)"),
    "report": QT_TRANSLATE_NOOP("SettingsDialog", "Only report it"),
    "quarantine": QT_TRANSLATE_NOOP("SettingsDialog", "Move it to the quarantine"),
    "ask": QT_TRANSLATE_NOOP("SettingsDialog", "Ask me"),
    "off": QT_TRANSLATE_NOOP("SettingsDialog", "Ignore it"),
    "nothing": QT_TRANSLATE_NOOP("SettingsDialog", "Do nothing"),
    "scan": QT_TRANSLATE_NOOP("SettingsDialog", "Scan it"),
}


def problem(setting: Setting, value: Any) -> str | None:
    """Why ``value`` cannot be used for ``setting`` (one translated sentence), or None."""
    if setting.type is int and setting.minimum is not None and setting.maximum is not None \
            and not setting.minimum <= value <= setting.maximum:
        message = QCoreApplication.translate("SettingsDialog", "Choose a number from %1 to %2.")
        return message.replace("%1", str(setting.minimum)).replace("%2", str(setting.maximum))
    if setting.type is list:
        for item in value:
            if setting.key in ("scan.exclude_paths", "realtime.roots") and not os.path.isabs(item):
                return QCoreApplication.translate("SettingsDialog", "Write the full path of the folder or file: %1").replace("%1", item)
            if setting.key == "scan.exclude_extensions" and any(c in item for c in "/\\*? "):
                return QCoreApplication.translate("SettingsDialog", "Not a file extension: %1 (write it like .iso)").replace("%1", item)
    return None


class Field:
    """One setting's editor, reset button and message."""

    def __init__(self, setting: Setting, value: Any) -> None:
        self.setting = setting
        self.widget = self._make()
        self.widget.setObjectName(f"field-{setting.key}")
        self.reset = QToolButton()
        self.reset.setObjectName(f"reset-{setting.key}")
        self.reset.clicked.connect(lambda: self.set(setting.default))
        self.message = plain_label(QLabel())
        self.message.setObjectName(f"message-{setting.key}")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #d13438;")
        self.message.hide()
        self.label = QLabel()
        self.label.setWordWrap(False)  # on its own line above the field (WrapAllRows): room enough
        self.label.setBuddy(self.widget)
        self.set(value)

    def _make(self) -> QWidget:
        setting = self.setting
        if setting.type is bool:
            return QCheckBox()
        if setting.type is int:
            spin = QSpinBox()
            spin.setRange(setting.minimum if setting.minimum is not None else -(2**31),
                          setting.maximum if setting.maximum is not None else 2**31 - 1)
            spin.setMinimumWidth(spin.fontMetrics().horizontalAdvance("0") * 12)
            return spin
        if setting.choices:
            combo = QComboBox()
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            for choice in setting.choices:
                combo.addItem(choice, choice)
            return combo
        edit = QPlainTextEdit()
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(72)
        return edit

    def value(self) -> Any:
        w = self.widget
        if isinstance(w, QCheckBox):
            return w.isChecked()
        if isinstance(w, QSpinBox):
            return w.value()
        if isinstance(w, QComboBox):
            return w.currentData()
        assert isinstance(w, QPlainTextEdit)
        return [line.strip() for line in w.toPlainText().splitlines() if line.strip()]

    def set(self, value: Any) -> None:
        w = self.widget
        if isinstance(w, QCheckBox):
            w.setChecked(bool(value))
        elif isinstance(w, QSpinBox):
            w.setValue(int(value))
        elif isinstance(w, QComboBox):
            w.setCurrentIndex(max(0, w.findData(value)))
        elif isinstance(w, QPlainTextEdit):
            w.setPlainText("\n".join(value))
        self.show_problem(None)

    def show_problem(self, message: str | None) -> None:
        self.message.setText(message or "")
        self.message.setVisible(bool(message))

    def retranslate(self) -> None:
        label = QCoreApplication.translate("Settings", self.setting.label)
        if isinstance(self.widget, QCheckBox):
            self.widget.setText(label)
            self.label.setText("")
        else:
            self.label.setText(label)
        self.widget.setAccessibleName(label)
        self.reset.setText(QCoreApplication.translate("SettingsDialog", "Reset"))
        self.reset.setToolTip(QCoreApplication.translate("SettingsDialog", "Back to the default value"))
        self.reset.setAccessibleName(QCoreApplication.translate("SettingsDialog", "Reset %1 to its default").replace("%1", label))
        if isinstance(self.widget, QComboBox):
            for index in range(self.widget.count()):
                source = CHOICES.get(str(self.widget.itemData(index)), str(self.widget.itemData(index)))
                self.widget.setItemText(index, QCoreApplication.translate("SettingsDialog", source))
        if isinstance(self.widget, QPlainTextEdit):
            self.widget.setPlaceholderText(QCoreApplication.translate("SettingsDialog", "One entry per line"))


class SettingsDialog(QDialog):
    def __init__(self, app: Console, tab: str | None = None) -> None:
        super().__init__(app.window)
        self.app = app
        self.setObjectName("settingsDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.tabs = QTabWidget()
        self.fields: dict[str, Field] = {}
        self._tab_index: dict[str, int] = {}
        self.beacon_text: QLabel | None = None
        self.exclusions: ExclusionsList | None = None
        for prefix in self._prefixes():
            page = QWidget()
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QScrollArea.Shape.NoFrame)
            scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            scroll.setWidget(page)
            form = QFormLayout(page)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)  # the label above its field: never clipped
            form.setVerticalSpacing(form.verticalSpacing() + 4)
            for setting in SCHEMA:
                if self._tab_of(setting.key) != prefix:
                    continue
                field = Field(setting, app.settings[setting.key])
                self.fields[setting.key] = field
                row = QWidget()
                row_layout = QVBoxLayout(row)
                row_layout.setContentsMargins(0, 0, 0, 0)
                line = QHBoxLayout()  # the reset button right beside its field
                if isinstance(field.widget, QPlainTextEdit):
                    line.addWidget(field.widget, 1)
                    line.addWidget(field.reset, 0, Qt.AlignmentFlag.AlignTop)
                else:  # a number or a choice as wide as its values need, not as the dialog
                    line.addWidget(field.widget)
                    line.addWidget(field.reset)
                    line.addStretch(1)
                row_layout.addLayout(line)
                row_layout.addWidget(field.message)
                if isinstance(field.widget, QCheckBox):
                    form.addRow(row)  # a check box carries its own label across the whole row
                else:
                    form.addRow(field.label, row)
            if prefix == "beacon":  # what the health reports carry, in the words of the question asked once
                self.beacon_text = QLabel()
                self.beacon_text.setObjectName("beaconExplained")
                self.beacon_text.setWordWrap(True)
                form.addRow(self.beacon_text)
            if prefix == "exclusions":  # every excluded place with why, as the fields above say now
                self.exclusions = ExclusionsList(page)
                form.addRow(self.exclusions)
            self._tab_index[prefix] = self.tabs.addTab(scroll, "")
        self.error = plain_label(QLabel())
        self.error.setObjectName("settingsError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #d13438;")
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
                                        | QDialogButtonBox.StandardButton.RestoreDefaults)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        restore = self.buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
        restore.clicked.connect(self.restore_defaults)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        tab = TAB_ALIASES.get(tab or "", tab)
        if tab in self._tab_index:
            self.tabs.setCurrentIndex(self._tab_index[tab])
        self.resize(900, 600)
        self._retranslate()
        if self.exclusions is not None:
            self._follow_exclusions(self.exclusions)

    def _follow_exclusions(self, shown: ExclusionsList) -> None:
        fields = [f for key, f in self.fields.items() if self._tab_of(key) == "exclusions"]
        for field in fields:
            widget = field.widget
            if isinstance(widget, QCheckBox):
                widget.toggled.connect(lambda _on: shown.show_values(self.values()))
            elif isinstance(widget, QPlainTextEdit):
                widget.textChanged.connect(lambda: shown.show_values(self.values()))
        shown.show_values(self.values())
        self.app.workers.submit("exclusions", known).finished.connect(shown.set_known)

    @staticmethod
    def _tab_of(key: str) -> str:
        if key.startswith("scan.exclude"):
            return "exclusions"
        prefix = key.split(".", maxsplit=1)[0]
        prefix = TAB_OF_PREFIX.get(prefix, prefix)
        return prefix if prefix in TABS else ""

    def _prefixes(self) -> list[str]:
        used = {self._tab_of(s.key) for s in SCHEMA}
        return [p for p in TABS if p in used] + ([""] if "" in used else [])

    def values(self) -> dict[str, Any]:
        return {key: field.value() for key, field in self.fields.items()}

    def restore_defaults(self) -> None:
        """Every field on the current tab back to its default (saved only with OK)."""
        prefix = self._prefixes()[self.tabs.currentIndex()]
        for key, field in self.fields.items():
            if self._tab_of(key) == prefix:
                field.set(field.setting.default)

    def save(self) -> bool:
        """Check every field; if all are usable, save them on a worker (the dialog closes when saved)."""
        first_bad = None
        for field in self.fields.values():
            message = problem(field.setting, field.value())
            field.show_problem(message)
            if message and first_bad is None:
                first_bad = field
        if first_bad is not None:
            self.tabs.setCurrentIndex(self._tab_index[self._tab_of(first_bad.setting.key)])
            first_bad.widget.setFocus()
            return False
        self.buttons.setEnabled(False)
        job = self.app.save_settings(self.values())
        job.finished.connect(lambda _settings: self.accept())
        job.failed.connect(self._failed)
        return True

    def _failed(self, message: Any) -> None:
        self.buttons.setEnabled(True)
        self.error.setText(text(message))
        self.error.show()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(QCoreApplication.translate("SettingsDialog", "Settings"))
        for prefix, index in self._tab_index.items():
            self.tabs.setTabText(index, QCoreApplication.translate("SettingsDialog", TABS.get(prefix, OTHER_TAB)))
        for field in self.fields.values():
            field.retranslate()
        if self.beacon_text is not None:
            self.beacon_text.setText(text(consent_text()))
