"""The tray icon: a thin view that mirrors the verdict and emits what the user asked for.

It decides nothing: the application connects its intents (:attr:`TrayIcon.open_requested`,
:attr:`~TrayIcon.quick_scan_requested`, :attr:`~TrayIcon.check_updates_requested`,
:attr:`~TrayIcon.quit_requested`) and calls :meth:`TrayIcon.set_state`. Features that add a menu entry
(pausing real-time protection) put it in the section :meth:`TrayIcon.add_action` fills, above Quit.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from app.ui.icons import state_icon


class TrayIcon(QObject):
    open_requested = Signal()
    quick_scan_requested = Signal()
    check_updates_requested = Signal()
    quit_requested = Signal()
    message_clicked = Signal(str)  # the tag of the notification the user clicked ("" for an untagged one)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = "ok"
        self.tray = QSystemTrayIcon(state_icon(self.state))
        self.menu = QMenu()
        self.open_action = self.menu.addAction("", self.open_requested.emit)
        self.menu.addSeparator()
        self.scan_action = self.menu.addAction("", self.quick_scan_requested.emit)
        self.update_action = self.menu.addAction("", self.check_updates_requested.emit)
        self._extra = self.menu.addSeparator()  # feature entries go above this line
        self.quit_action = self.menu.addAction("", self.quit_requested.emit)
        self.tray.setContextMenu(self.menu)
        self.tray.activated.connect(self._activated)
        self._message_tag = ""
        self.tray.messageClicked.connect(lambda: self.message_clicked.emit(self._message_tag))
        self._summary = ""
        self.retranslate()
        self.menu.installEventFilter(self)

    @staticmethod
    def available() -> bool:
        return QSystemTrayIcon.isSystemTrayAvailable()

    def show(self) -> None:
        self.tray.show()

    def hide(self) -> None:
        self.tray.hide()

    def add_action(self, action: QAction) -> None:
        """A feature's own entry (for example "Pause real-time protection"), above Quit."""
        self.menu.insertAction(self._extra, action)

    def set_state(self, state: str, summary: str = "") -> None:
        """Show ``state`` (ok / attention / alert / scanning); ``summary`` is the tooltip's second line."""
        self.state = state
        self._summary = summary
        self.tray.setIcon(state_icon(state))
        self._tooltip()

    def icon(self) -> QIcon:
        return self.tray.icon()

    def notify(self, title: str, text: str, critical: bool = False, tag: str = "") -> None:
        """Show a notification; a click on it emits :attr:`message_clicked` with ``tag`` (the newest one shown)."""
        self._message_tag = tag
        kind = QSystemTrayIcon.MessageIcon.Critical if critical else QSystemTrayIcon.MessageIcon.Information
        self.tray.showMessage(title, text, kind, 10_000)

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger, QSystemTrayIcon.ActivationReason.DoubleClick):
            self.open_requested.emit()

    def _tooltip(self) -> None:
        lines = [QCoreApplication.translate("Tray", "Ringfence")]
        if self._summary:
            lines.append(self._summary)
        self.tray.setToolTip("\n".join(lines))

    def retranslate(self) -> None:
        self.open_action.setText(QCoreApplication.translate("Tray", "Open Ringfence"))
        self.scan_action.setText(QCoreApplication.translate("Tray", "Quick scan"))
        self.update_action.setText(QCoreApplication.translate("Tray", "Check for updates"))
        self.quit_action.setText(QCoreApplication.translate("Tray", "Quit"))
        self._tooltip()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.menu and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False
