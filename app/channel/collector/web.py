"""The collector's HTTP service (Starlette, served by uvicorn).

``POST /v1/beacons``  one beacon (``application/json``, at most :data:`MAX_BODY` bytes)
    202 stored · 200 duplicate (a retry; counted once) · 400 invalid, with the reason ·
    413 too large · 415 not JSON · 429 this install sent too many (``Retry-After``) · 503 storage down
``GET /v1/health``   200 while the service runs
``GET /v1/releases/{version}?since=EPOCH&ring=RING``  what the fleet reported about a release
``GET /v1/versions?since=EPOCH``  installs per app, engine and content version (unknown ones included)

A refused beacon is never stored; neither is one no real client sends (:mod:`.plausible`). Each stored
beacon notes a salted hash of the sender's network, never its address. The service keeps no state of its own (see :mod:`.storage`).
"""

from __future__ import annotations

import json
import logging
import os
import time
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Any

import fastjsonschema
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route
from starlette.types import Receive, Scope, Send

from app.channel.collector import plausible
from app.channel.collector.storage import BeaconStore, Limits
from app.channel.collector.stores import open_store
from app.core.beacon.schema import JSON_SCHEMA, MAX_BODY, RINGS

log = logging.getLogger(__name__)

_validate = fastjsonschema.compile(JSON_SCHEMA)
# JSON_SCHEMA is a oneOf of one object schema per kind, each with its "kind" const: a beacon matches the
# whole schema exactly when it matches its own kind's branch, so a valid beacon is checked once, not twice.
_VALIDATE_KIND = {branch["properties"]["kind"]["const"]: fastjsonschema.compile(
    {"$schema": JSON_SCHEMA["$schema"], **branch}) for branch in JSON_SCHEMA["oneOf"]}
_STATUS = {"stored": 202, "duplicate": 200, "rate_limited": 429}
_JSON_HEADERS = [(b"content-type", b"application/json")]


class BadBeacon(Exception):
    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status, self.reason = status, reason


def _refuse(status: int, reason: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"error": reason}, status_code=status, headers=headers)


def _json_bytes(content: Any) -> bytes:
    return json.dumps(content, ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode("utf-8")


# The answers to a stored or repeated beacon, encoded once.
_ANSWERS = {outcome: (status, _json_bytes({"status": outcome})) for outcome, status in _STATUS.items()
            if outcome != "rate_limited"}


def parse_beacon(body: bytes) -> dict[str, Any]:
    """A request body as a schema-valid beacon, or :class:`BadBeacon` saying why not."""
    try:
        doc = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise BadBeacon(400, "the body is not valid UTF-8 JSON") from None
    kind = doc.get("kind") if isinstance(doc, dict) else None
    validate = _VALIDATE_KIND.get(kind) if isinstance(kind, str) else None
    try:
        (validate or _validate)(doc)
    except fastjsonschema.JsonSchemaValueException as exc:
        raise BadBeacon(400, f"the beacon does not match schema 1: {exc.message}") from None
    return doc


async def read_body(scope: Scope, receive: Receive, max_body: int) -> bytes | None:
    """The whole body of a beacon request (None: the client went away), or :class:`BadBeacon`.

    A declared Content-Length over ``max_body`` is refused before reading; a chunked body is refused
    as soon as it grows past ``max_body``, so a client cannot make the collector hold more than that.
    """
    content_type, declared = b"", None
    for name, value in scope["headers"]:
        if name == b"content-type":
            content_type = value
        elif name == b"content-length":
            declared = value
    if content_type.split(b";")[0].strip() != b"application/json":
        raise BadBeacon(415, "the body must be application/json")
    if declared is not None and (not declared.isdigit() or int(declared) > max_body):
        raise BadBeacon(413, f"a beacon is at most {max_body} bytes")
    message = await receive()
    body = message.get("body", b"")
    if message["type"] != "http.request":
        return None
    if not message.get("more_body", False) and len(body) <= max_body:
        return body  # the usual case: the whole body in one message
    chunks, size = [body], len(body)
    while message.get("more_body", False):
        if size > max_body:
            break
        message = await receive()
        if message["type"] != "http.request":
            return None
        chunks.append(message.get("body", b""))
        size += len(chunks[-1])
    if size > max_body:
        raise BadBeacon(413, f"a beacon is at most {max_body} bytes")
    return b"".join(chunks)


class BeaconEndpoint:
    """``POST /v1/beacons`` as a plain ASGI app: the hot path, without a Request or Response object."""

    def __init__(self, store: BeaconStore, limits: Limits, clock: Callable[[], float], max_body: int) -> None:
        self.store, self.limits, self.clock, self.max_body = store, limits, clock, max_body
        self.salt = store.network_salt()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        try:
            body = await read_body(scope, receive, self.max_body)
            if body is None:
                return
            beacon = parse_beacon(body)
            now = self.clock()
            plausible.check(beacon, now)
        except BadBeacon as bad:
            return await _answer(send, bad.status, {"error": bad.reason})
        except plausible.Implausible as bad:
            return await _answer(send, 400, {"error": str(bad)})
        client = scope.get("client")
        network = plausible.network_hash(self.salt, client[0] if client else None)
        try:
            outcome = await self.store.ingest_async(beacon, now, self.limits, network)
        except Exception as exc:
            log.error("storing a beacon failed: %s", exc)
            return await _answer(send, 503, {"error": "the collector cannot store beacons right now"},
                                 [(b"retry-after", b"60")])
        if outcome == "rate_limited":
            retry = str(3600 - int(self.clock()) % 3600).encode()
            return await _answer(send, 429, {"error": f"this install sent more than "
                                             f"{self.limits.per_install_per_hour} beacons this hour"},
                                 [(b"retry-after", retry)])
        status, encoded = _ANSWERS[outcome]
        await _send(send, status, encoded, _JSON_HEADERS)


async def _answer(send: Send, status: int, content: Any, headers: list[tuple[bytes, bytes]] | None = None) -> None:
    await _send(send, status, _json_bytes(content), [*_JSON_HEADERS, *(headers or [])])


async def _send(send: Send, status: int, body: bytes, headers: list[tuple[bytes, bytes]]) -> None:
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-length", str(len(body)).encode()), *headers]})
    await send({"type": "http.response.body", "body": body})


def create_app(store: BeaconStore, *, limits: Limits | None = None, clock: Callable[[], float] = time.time,
               max_body: int = MAX_BODY, owns_store: bool = False) -> Starlette:
    """The collector's ASGI app. Its lifespan releases what the store keeps on the serving event loop,
    and closes the store itself only when the app ``owns_store`` (a worker process's own store)."""
    limits = limits or Limits()

    async def health(request: Request) -> JSONResponse:
        return JSONResponse({"ok": True})

    async def release(request: Request) -> JSONResponse:
        try:
            version = int(plausible.number(request.path_params["version"], "version", integer=True))
            since = plausible.number(request.query_params.get("since"), "since")
        except plausible.Implausible as bad:
            return _refuse(400, str(bad))
        ring = request.query_params.get("ring")
        if ring is not None and ring not in RINGS:
            return _refuse(400, f"ring must be one of {', '.join(RINGS)}")
        stats = await run_in_threadpool(store.release_stats, version, since, ring)
        return JSONResponse(stats.to_json())

    async def versions(request: Request) -> JSONResponse:
        try:
            since = plausible.number(request.query_params.get("since"), "since")
        except plausible.Implausible as bad:
            return _refuse(400, str(bad))
        return JSONResponse({"versions": await run_in_threadpool(store.versions, since)})

    beacons = BeaconEndpoint(store, limits, clock, max_body)
    return CollectorApp(beacons, routes=[
        Route("/v1/beacons", beacons, methods=["POST"]),
        Route("/v1/health", health, methods=["GET"]),
        Route("/v1/releases/{version}", release, methods=["GET"]),
        Route("/v1/versions", versions, methods=["GET"]),
    ], lifespan=_closing(store, owns_store))


class CollectorApp(Starlette):
    """Starlette with a short way in for ``POST /v1/beacons``: past the middleware stack and the router,
    a sizeable share of a beacon's handling (other methods on that path still go the long way: 405)."""

    def __init__(self, beacons: BeaconEndpoint, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.beacons = beacons

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "POST" and scope["path"] == "/v1/beacons":
            return await self.beacons(scope, receive, send)
        return await super().__call__(scope, receive, send)


def _closing(store: BeaconStore, owns_store: bool) -> Callable[[Starlette], AbstractAsyncContextManager[None]]:
    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        try:
            yield
        finally:
            await store.release_loop()
            if owns_store:
                store.close()
    return lifespan


ENV_DB, ENV_LIMIT = "RINGFENCE_COLLECTOR_DB", "RINGFENCE_COLLECTOR_RATE"


def app_from_env() -> Starlette:
    """The factory each uvicorn worker process calls (``ringfence-channel collect --workers N``)."""
    store = open_store(os.environ[ENV_DB])
    return create_app(store, limits=Limits(int(os.environ.get(ENV_LIMIT, Limits.per_install_per_hour))), owns_store=True)
