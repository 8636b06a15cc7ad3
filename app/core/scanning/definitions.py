"""Which definitions are active, and where they are on disk.

Layout under ``data/definitions/``::

    versions/<N>/     immutable, validated, extracted bundles (one folder per content version)
    current.json      the pointer: {"version": N, "path": "versions/N", "activated_at": ...}

Activation writes a new pointer atomically (temp file, fsync, ``os.replace``), so a crash at any
moment leaves either the old or the new pointer. Without a pointer, or when the pointer names a folder
that is missing or fails to load, Ringfence runs on the baseline bundle shipped in ``resources/``.
"""

from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass
from pathlib import Path

from app.core.context import Context
from app.core.foundation.errors import DefinitionsError
from app.core.foundation.fileio import atomic_write_json
from app.core.foundation.resources import resource_path
from app.core.scanning.bundle_messages import bundle_error
from app.core.text.messages import translate
from app.engine.bundle import BundleError, Definitions, extract_bundle, load_definitions
from app.engine.hashing import sha256_file

log = logging.getLogger(__name__)

POINTER = "current.json"
BASELINE_ARCHIVE = ("definitions", "baseline.tar.gz")


@dataclass(frozen=True)
class ActiveDefinitions:
    definitions: Definitions
    source: str  # "baseline", "channel" or "custom"

    @property
    def version(self) -> str:
        return self.definitions.version

    @property
    def created(self) -> str | None:
        value = self.definitions.manifest.get("created")
        return value if isinstance(value, str) else None


def unpacked_bundle(ctx: Context, archive: Path) -> Path:
    """Extract a bundle archive once into the cache (keyed by its sha256) and return the folder."""
    try:
        digest = sha256_file(archive)
    except OSError as exc:
        raise DefinitionsError(translate("Definitions", "The definitions file %1 cannot be read (%2).")
                               .arg(str(archive), exc.strerror or str(exc))) from exc
    dest = ctx.paths.cache_dir / "bundles" / digest[:32]
    if not dest.is_dir():
        dest.parent.mkdir(parents=True, exist_ok=True)
        try:
            extract_bundle(archive, dest)
        except BundleError as exc:
            if not dest.is_dir():  # else another thread or process unpacked the same archive meanwhile
                raise DefinitionsError(bundle_error(exc)) from exc
    return dest


def load_path(ctx: Context, path: Path) -> Definitions:
    """Definitions from ``--definitions PATH``: a bundle archive or a folder of rules / a bundle."""
    path = path.expanduser()
    if not path.exists():
        raise DefinitionsError(translate("Definitions", "The definitions %1 do not exist.").arg(str(path)))
    folder = unpacked_bundle(ctx, path) if path.is_file() else path
    try:
        return load_definitions(folder)
    except BundleError as exc:
        raise DefinitionsError(bundle_error(exc)) from exc


def baseline(ctx: Context) -> Definitions:
    return load_path(ctx, resource_path(*BASELINE_ARCHIVE))


def read_pointer(ctx: Context) -> dict[str, object] | None:
    path = ctx.paths.definitions_dir / POINTER
    try:
        value = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        log.warning("definitions pointer %s unreadable (%s); using the baseline", path, exc)
        return None
    return value if isinstance(value, dict) else None


def write_pointer(ctx: Context, version: int, folder: Path) -> None:
    """Atomically make ``folder`` (inside ``definitions/versions``) the active definitions."""
    root = ctx.paths.definitions_dir
    atomic_write_json(root / POINTER, {
        "version": version,
        "path": folder.relative_to(root).as_posix(),
        "activated_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    })


def active(ctx: Context) -> ActiveDefinitions:
    """The definitions scans use now: the pointer's version, or the baseline. Slow (> 50 ms) the first
    time: unpacks the baseline bundle."""
    pointer = read_pointer(ctx)
    if pointer and isinstance(pointer.get("path"), str):
        folder = ctx.paths.definitions_dir / str(pointer["path"])
        try:
            return ActiveDefinitions(load_definitions(folder), "channel")
        except BundleError as exc:
            log.error("active definitions %s refused (%s); falling back to the baseline", folder, exc)
    return ActiveDefinitions(baseline(ctx), "baseline")


def choose(ctx: Context, override: Path | None) -> ActiveDefinitions:
    """``--definitions PATH`` when given, else the active definitions."""
    if override is not None:
        return ActiveDefinitions(load_path(ctx, override), "custom")
    return active(ctx)
