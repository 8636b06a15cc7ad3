"""One console per user (and per ``RINGFENCE_HOME``): a second launch asks the first to come forward.

The first instance listens on a local socket (a named pipe on Windows) whose name derives from the data
folder; a later launch connects, sends ``activate`` and exits. A socket left by a crashed instance
is removed before listening.
"""

from __future__ import annotations

import hashlib
import logging
import os

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from app.core.foundation.paths import Paths

log = logging.getLogger(__name__)
MESSAGE = b"activate\n"


def server_name(paths: Paths) -> str:
    user = os.environ.get("USER") or os.environ.get("USERNAME") or ""
    digest = hashlib.sha256(f"{user}\0{paths.data_dir}".encode()).hexdigest()[:16]
    return f"ringfence-console-{digest}"


class SingleInstance(QObject):
    activated = Signal()  # a later launch asked this instance to come forward

    def __init__(self, paths: Paths, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = server_name(paths)
        self.server: QLocalServer | None = None

    def forward(self, timeout_ms: int = 1000) -> bool:
        """True if another instance runs (and was asked to come forward)."""
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(timeout_ms):
            return False
        socket.write(MESSAGE)
        socket.waitForBytesWritten(timeout_ms)
        socket.disconnectFromServer()
        return True

    def listen(self) -> bool:
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            QLocalServer.removeServer(self.name)  # left behind by an instance that crashed
            if not server.listen(self.name):
                log.warning("single-instance socket %s: %s", self.name, server.errorString())
                return False
        server.newConnection.connect(self._connection)
        self.server = server
        return True

    def _connection(self) -> None:
        assert self.server is not None
        while (socket := self.server.nextPendingConnection()) is not None:
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll().data()).startswith(MESSAGE.strip()):
            self.activated.emit()

    def close(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server = None
