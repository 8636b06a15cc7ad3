"""The collector's HTTP protocol with limits for slow or too many clients.

uvicorn closes idle keep-alive connections, but a client that opens a connection and then sends its
headers (or its body) a byte at a time holds a file descriptor for as long as it likes: 1,100 such
connections against a collector with the systemd default of 1,024 open files blocked every real
beacon. :class:`GuardedProtocol` gives each request :data:`HEADER_TIMEOUT` seconds for its headers and
:data:`BODY_TIMEOUT` for its body, refuses connections beyond a cap (half the process's open-file
limit, at most :data:`MAX_CONNECTIONS`), and logs what it closed — counted, at most one line per
reason every :data:`LOG_EVERY` seconds, and never a client's address.
"""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Any

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

log = logging.getLogger(__name__)

HEADER_TIMEOUT = 10.0
BODY_TIMEOUT = 10.0
MAX_CONNECTIONS = 4096
LOG_EVERY = 10.0


def connection_cap(limit: int = MAX_CONNECTIONS) -> int:
    """Half the open-file limit (the rest is for the database, logs and the listening sockets)."""
    try:
        import resource
    except ImportError:  # Windows: no such limit per process
        return limit
    soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    return limit if soft == resource.RLIM_INFINITY else max(16, min(limit, soft // 2))


class Tally:
    """Counts closures per reason and logs them at most every :data:`LOG_EVERY` seconds."""

    def __init__(self) -> None:
        self.pending: dict[str, int] = {}
        self.logged_at: dict[str, float] = {}

    def note(self, reason: str) -> None:
        self.pending[reason] = self.pending.get(reason, 0) + 1
        now = time.monotonic()
        if now - self.logged_at.get(reason, -LOG_EVERY) >= LOG_EVERY:
            log.warning("closed %d connection(s): %s", self.pending.pop(reason), reason)
            self.logged_at[reason] = now


class GuardedProtocol(HttpToolsProtocol):
    """uvicorn's httptools protocol with header and body deadlines and a connection cap."""

    header_timeout = HEADER_TIMEOUT
    body_timeout = BODY_TIMEOUT
    max_connections = connection_cap()
    tally = Tally()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._deadline: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        if len(self.connections) > self.max_connections:
            self.tally.note(f"more than {self.max_connections} open connections")
            transport.abort()
            return
        self._arm(self.header_timeout, f"no complete request headers within {self.header_timeout:g} s")

    def on_message_begin(self) -> None:
        super().on_message_begin()
        if self._deadline is None:  # a further request on a kept-alive connection
            self._arm(self.header_timeout, f"no complete request headers within {self.header_timeout:g} s")

    def on_headers_complete(self) -> None:
        super().on_headers_complete()
        self._arm(self.body_timeout, f"no complete request body within {self.body_timeout:g} s")

    def on_message_complete(self) -> None:
        super().on_message_complete()
        self._disarm()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def _arm(self, seconds: float, reason: str) -> None:
        self._disarm()
        self._deadline = self.loop.call_later(seconds, self._expired, reason)

    def _disarm(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None

    def _expired(self, reason: str) -> None:
        self._deadline = None
        if not self.transport.is_closing():
            self.tally.note(f"a slow client ({reason})")
            self.transport.abort()
