"""The console's language: System / English / Deutsch, switched without a restart.

:class:`Language` keeps one ``QTranslator`` for Ringfence's own texts and one for Qt's (standard
buttons). Switching removes the old ones and installs the new; Qt then sends every widget a
``LanguageChange`` event and each retranslates itself in ``changeEvent``.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QObject, QTranslator
from PySide6.QtWidgets import QApplication

from app.core.foundation.resources import translations_dir

log = logging.getLogger(__name__)

LANGUAGES: tuple[str, ...] = ("en", "de")  # English is the source language


def resolve(setting: str, system: QLocale | None = None) -> str:
    """The language to show for the ``ui.language`` setting (``system`` follows the OS, else English)."""
    if setting in LANGUAGES:
        return setting
    for name in (system or QLocale.system()).uiLanguages():
        code = name.replace("_", "-").split("-")[0].lower()
        if code in LANGUAGES:
            return code
    return "en"


class Language(QObject):
    def __init__(self, qapp: QApplication) -> None:
        super().__init__(qapp)
        self.qapp = qapp
        self.current = "en"
        self._installed: list[QTranslator] = []

    def apply(self, setting: str) -> str:
        """Show the language the setting asks for; returns the language code now in use."""
        code = resolve(setting)
        if code == self.current and (self._installed or code == "en"):
            return code
        for translator in self._installed:
            self.qapp.removeTranslator(translator)
        self._installed = []
        if code != "en":
            self._load(f"ringfence_{code}", translations_dir())
            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            self._load(f"qtbase_{code}", Path(qt_dir) if qt_dir else None)
        self.current = code
        QLocale.setDefault(QLocale(code))
        if not self._installed and code != "en":
            log.warning("no translation for %s found; showing English", code)
        return code

    def _load(self, name: str, folder: Path | None) -> None:
        if folder is None:
            return
        translator = QTranslator(self)
        if translator.load(name, str(folder)):
            self.qapp.installTranslator(translator)
            self._installed.append(translator)
