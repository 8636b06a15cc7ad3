"""A real collector (SQLite) that also keeps every raw request body it received, and the update
channel fixtures of tests/updates (a signed channel on 127.0.0.1 and a real update client)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.channel.collector.server import RunningCollector, serve_app_in_thread
from app.channel.collector.sqlite import SqliteStore
from app.channel.collector.storage import Limits
from app.channel.collector.web import create_app
from tests.updates.conftest import material, setup  # noqa: F401 - shared fixtures


@dataclass
class Tapped:
    running: RunningCollector
    store: SqliteStore
    bodies: list[bytes] = field(default_factory=list)

    @property
    def url(self) -> str:
        return self.running.url

    def raw(self) -> bytes:
        return b"\n".join(self.bodies)


class Tap:
    """ASGI middleware: every byte of every request body, as it arrived."""

    def __init__(self, app: ASGIApp, bodies: list[bytes]) -> None:
        self.app, self.bodies = app, bodies

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        chunks: list[bytes] = []

        async def tapped() -> Message:
            message = await receive()
            if message["type"] == "http.request":
                chunks.append(message.get("body", b""))
                if not message.get("more_body"):
                    self.bodies.append(b"".join(chunks))
            return message

        return await self.app(scope, tapped, send)


def start_tapped(db: Path, limits: Limits | None = None) -> Tapped:
    store = SqliteStore(db)
    store.setup()
    bodies: list[bytes] = []
    running = serve_app_in_thread(Tap(create_app(store, limits=limits), bodies))
    return Tapped(running, store, bodies)


@pytest.fixture
def collector(tmp_path: Path) -> Iterator[Tapped]:
    tapped = start_tapped(tmp_path / "collector.db")
    try:
        yield tapped
    finally:
        tapped.running.stop()
        tapped.store.close()
