"""The collector's HTTP service (Starlette, served by uvicorn).

``POST /v1/beacons``  one beacon (``application/json``, at most :data:`MAX_BODY` bytes)
    202 stored · 200 duplicate (a retry; counted once) · 400 invalid, with the reason ·
    413 too large · 415 not JSON · 429 this install sent too many (``Retry-After``) · 503 storage down
``GET /v1/health``   200 while the service runs
``GET /v1/releases/{version}?since=EPOCH&ring=RING``  what the fleet reported about a release
``GET /v1/versions?since=EPOCH``  installs per app, engine and content version (unknown ones included)

A refused beacon is never stored. The service keeps no state of its own (see :mod:`.storage`).
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

from app.channel.collector.storage import BeaconStore, Limits, open_store
from app.core.beacon.schema import JSON_SCHEMA, MAX_BODY, RINGS

log = logging.getLogger(__name__)

_validate = fastjsonschema.compile(JSON_SCHEMA)
_STATUS = {"stored": 202, "duplicate": 200, "rate_limited": 429}


class BadBeacon(Exception):
    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status, self.reason = status, reason


def _refuse(status: int, reason: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"error": reason}, status_code=status, headers=headers)


async def read_beacon(request: Request, max_body: int) -> dict[str, Any]:
    """The request body as a schema-valid beacon, or :class:`BadBeacon` saying why not."""
    if request.headers.get("content-type", "").split(";")[0].strip() != "application/json":
        raise BadBeacon(415, "the body must be application/json")
    declared = request.headers.get("content-length")
    if declared is not None and (not declared.isdigit() or int(declared) > max_body):
        raise BadBeacon(413, f"a beacon is at most {max_body} bytes")
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > max_body:
            raise BadBeacon(413, f"a beacon is at most {max_body} bytes")
    try:
        doc = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise BadBeacon(400, "the body is not valid UTF-8 JSON") from None
    try:
        _validate(doc)
    except fastjsonschema.JsonSchemaValueException as exc:
        raise BadBeacon(400, f"the beacon does not match schema 1: {exc.message}") from None
    return doc


def create_app(store: BeaconStore, *, limits: Limits | None = None, clock: Callable[[], float] = time.time,
               max_body: int = MAX_BODY) -> Starlette:
    limits = limits or Limits()

    async def post_beacon(request: Request) -> JSONResponse:
        try:
            beacon = await read_beacon(request, max_body)
        except BadBeacon as bad:
            return _refuse(bad.status, bad.reason)
        try:
            outcome = await run_in_threadpool(store.ingest, beacon, clock(), limits)
        except Exception as exc:
            log.error("storing a beacon failed: %s", exc)
            return _refuse(503, "the collector cannot store beacons right now", {"Retry-After": "60"})
        if outcome == "rate_limited":
            retry = str(3600 - int(clock()) % 3600)
            return _refuse(429, f"this install sent more than {limits.per_install_per_hour} beacons this hour",
                           {"Retry-After": retry})
        return JSONResponse({"status": outcome}, status_code=_STATUS[outcome])

    async def health(request: Request) -> JSONResponse:
        return JSONResponse({"ok": True})

    async def release(request: Request) -> JSONResponse:
        try:
            version = int(request.path_params["version"])
            since = float(request.query_params.get("since", "0"))
        except ValueError:
            return _refuse(400, "version and since must be numbers")
        ring = request.query_params.get("ring")
        if ring is not None and ring not in RINGS:
            return _refuse(400, f"ring must be one of {', '.join(RINGS)}")
        stats = await run_in_threadpool(store.release_stats, version, since, ring)
        return JSONResponse(stats.to_json())

    async def versions(request: Request) -> JSONResponse:
        try:
            since = float(request.query_params.get("since", "0"))
        except ValueError:
            return _refuse(400, "since must be a number")
        return JSONResponse({"versions": await run_in_threadpool(store.versions, since)})

    return Starlette(routes=[
        Route("/v1/beacons", post_beacon, methods=["POST"]),
        Route("/v1/health", health, methods=["GET"]),
        Route("/v1/releases/{version}", release, methods=["GET"]),
        Route("/v1/versions", versions, methods=["GET"]),
    ], lifespan=_closing(store))


def _closing(store: BeaconStore) -> Callable[[Starlette], AbstractAsyncContextManager[None]]:
    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        try:
            yield
        finally:
            store.close()
    return lifespan


ENV_DB, ENV_LIMIT = "RINGFENCE_COLLECTOR_DB", "RINGFENCE_COLLECTOR_RATE"


def app_from_env() -> Starlette:
    """The factory each uvicorn worker process calls (``ringfence-channel collect --workers N``)."""
    store = open_store(os.environ[ENV_DB])
    return create_app(store, limits=Limits(int(os.environ.get(ENV_LIMIT, Limits.per_install_per_hour))))
