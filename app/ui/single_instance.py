"""One console per user (and per ``RINGFENCE_HOME``): a later launch hands over to the first and exits.

The first instance listens on a local socket (a named pipe on Windows) whose name derives from the data
folder; a later launch connects, sends one line, waits until the console answers that it has read it
(on Windows a line still in the pipe when the launch hangs up may be lost while the console is busy)
and exits: ``activate`` (come forward) or ``scan`` with the paths to scan as JSON. The file manager
starts one process per selected item (Explorer does), so scan requests are gathered: each one waits
:data:`GATHER_MS` for more, at most :data:`GATHER_MAX_MS` in all, and the items selected together
become one scan (:attr:`SingleInstance.scan_requested`).

Launches that start at the same moment decide who is first one after the other, under a lock file
(:meth:`SingleInstance.claim`): otherwise two could both find no one listening, and the second would
take the first one's socket. A socket left by a crashed instance is removed before listening.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import time
from collections.abc import Sequence

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from app.core.foundation.filelock import LockBusy, file_lock
from app.core.foundation.paths import Paths
from app.core.text.messages import translate

log = logging.getLogger(__name__)
MESSAGE = b"activate\n"
SCAN = b"scan "
READ = b"ok\n"  # the console's answer: the line arrived
ANSWER_WAIT_MS = 10_000  # a console busy starting up answers late; a launch gives up waiting after this
GATHER_MS = 1500  # a selection's launches arrive within this of each other (a frozen start varies by a second)
GATHER_MAX_MS = 5000  # however many there are, the scan starts after this
CLAIM_WAIT_S = 20.0
MAX_LINE = 1 << 20


def server_name(paths: Paths) -> str:
    user = os.environ.get("USER") or os.environ.get("USERNAME") or ""
    digest = hashlib.sha256(f"{user}\0{paths.data_dir}".encode()).hexdigest()[:16]
    return f"ringfence-console-{digest}"


class SingleInstance(QObject):
    activated = Signal()  # a later launch asked this instance to come forward
    scan_requested = Signal(list)  # list[str]: the paths of launches gathered into one scan

    def __init__(self, paths: Paths, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = server_name(paths)
        self.lock_path = paths.data_dir / "console-start.lock"
        self.server: QLocalServer | None = None
        self._buffers: dict[QLocalSocket, bytes] = {}
        self._gathered: list[str] = []
        self._gather_started = 0.0
        self._gather = QTimer(self)
        self._gather.setSingleShot(True)
        self._gather.timeout.connect(self._flush)

    def claim(self, paths: Sequence[str] = ()) -> bool:
        """True if this launch is the first (it now listens); False if it handed ``paths`` (or, with none,
        an ``activate``) to the running console."""
        busy = translate("SingleInstance", "Another start of Ringfence did not finish in time.")
        try:
            with file_lock(self.lock_path, wait=CLAIM_WAIT_S, busy=busy):
                if self.forward(paths):
                    return False
                self.listen()
                return True
        except LockBusy:
            log.warning("the start lock %s stayed taken; going on without it", self.lock_path)
            if self.forward(paths):
                return False
            self.listen()
            return True

    def forward(self, paths: Sequence[str] = (), timeout_ms: int = 1000) -> bool:
        """True if another instance runs (and was given ``paths`` to scan, or asked to come forward)."""
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(timeout_ms):
            return False
        socket.write(SCAN + json.dumps(list(paths)).encode() + b"\n" if paths else MESSAGE)
        socket.waitForBytesWritten(timeout_ms)
        if not socket.waitForReadyRead(ANSWER_WAIT_MS):
            log.warning("the running console did not answer; it may not have taken this launch's request")
        socket.disconnectFromServer()
        if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
            socket.waitForDisconnected(timeout_ms)
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
            self._buffers[socket] = b""
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(lambda s=socket: self._closed(s))
            if socket.bytesAvailable():
                self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        data = self._buffers.get(socket, b"") + bytes(socket.readAll().data())
        while b"\n" in data:
            line, data = data.split(b"\n", 1)
            self._message(line)
            if socket.state() == QLocalSocket.LocalSocketState.ConnectedState:
                socket.write(READ)
        if len(data) > MAX_LINE:
            log.warning("a launch sent more than %d bytes without a line end; ignored", MAX_LINE)
            data = b""
        self._buffers[socket] = data

    def _closed(self, socket: QLocalSocket) -> None:
        if socket not in self._buffers:
            return  # told twice (a hang-up while the answer was written)
        if socket.bytesAvailable():
            self._read(socket)
        rest = self._buffers.pop(socket, b"")
        if rest:
            self._message(rest)
        socket.deleteLater()

    def _message(self, line: bytes) -> None:
        if line.strip() == MESSAGE.strip():
            self.activated.emit()
            return
        if not line.startswith(SCAN):
            log.warning("a launch sent a message this version does not know: %r", line[:40])
            return
        try:
            paths = json.loads(line[len(SCAN):].decode("utf-8"))
        except ValueError:
            paths = None
        if not isinstance(paths, list) or not all(isinstance(p, str) for p in paths):
            log.warning("a launch sent paths that cannot be read: %r", line[:80])
            return
        self.request_scan(paths)

    def request_scan(self, paths: Sequence[str]) -> None:
        """Gather ``paths`` with the other launches of the same moment into one scan."""
        log.info("a launch asks for a scan of %d item(s)", len(paths))
        if not self._gathered:
            self._gather_started = time.monotonic()
        self._gathered += [p for p in paths if p not in self._gathered]
        waited_ms = (time.monotonic() - self._gather_started) * 1000
        self._gather.start(int(max(0.0, min(GATHER_MS, GATHER_MAX_MS - waited_ms))))

    def _flush(self) -> None:
        gathered, self._gathered = self._gathered, []
        if gathered:
            log.info("a scan of %d item(s) asked for from outside", len(gathered))
            self.scan_requested.emit(gathered)

    def close(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server = None
