"""Running the collector: ``serve`` for ``ringfence-channel collect`` (uvicorn, one or more worker
processes) and :func:`start_in_thread` for drills, simulations and benchmarks in one process."""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

import uvicorn
from starlette.types import ASGIApp

from app.channel.collector.guard import GuardedProtocol
from app.channel.collector.storage import BeaconStore, Limits
from app.channel.collector.stores import open_store
from app.channel.collector.web import ENV_DB, ENV_LIMIT, create_app
from app.core.beacon.schema import MAX_BODY


def serve(db_url: str, host: str = "127.0.0.1", port: int = 8770, workers: int = 1, *,
          per_install_per_hour: int = Limits.per_install_per_hour, ready: Callable[[str], None] | None = None) -> None:
    """Create the tables once, then serve until interrupted (each worker opens its own pool)."""
    store = open_store(db_url)
    store.setup()
    store.close()
    os.environ[ENV_DB], os.environ[ENV_LIMIT] = db_url, str(per_install_per_hour)
    if ready is not None:
        ready(f"http://{host}:{port}")
    uvicorn.run("app.channel.collector.web:app_from_env", factory=True, host=host, port=port, workers=workers,
                log_level="warning", access_log=False, http=GuardedProtocol, loop="uvloop", backlog=2048)


@dataclass
class RunningCollector:
    url: str
    server: uvicorn.Server
    thread: threading.Thread

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


def start_in_thread(store: BeaconStore, *, limits: Limits | None = None, clock: Callable[[], float] = time.time,
                    max_body: int | None = None,
                    protocol: type[GuardedProtocol] = GuardedProtocol) -> RunningCollector:
    """Serve ``store`` on 127.0.0.1 (a free port) on a background thread; ``stop()`` ends it."""
    store.setup()
    app = create_app(store, limits=limits, clock=clock, max_body=MAX_BODY if max_body is None else max_body)
    return serve_app_in_thread(app, protocol)


def serve_app_in_thread(app: ASGIApp, protocol: type[GuardedProtocol] = GuardedProtocol) -> RunningCollector:
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    # The lifespan lets the app release what its store keeps on this server's event loop when it stops.
    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="on", http=protocol)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True, name="collector")
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the collector did not start")
        time.sleep(0.01)
    return RunningCollector(f"http://127.0.0.1:{sock.getsockname()[1]}", server, thread)
