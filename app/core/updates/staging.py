"""Versioned, immutable definitions folders and the pointer switch (reference §6.3).

``definitions/staging/<version>-<random>/bundle`` is where the sandbox extracts and checks a bundle.
Only a bundle that passed is moved (one ``os.replace`` of a directory onto a name that does not
exist yet, atomic on POSIX and Windows) to ``definitions/versions/<version>``, after its files were
fsynced and after the validation record ``versions/<version>.validated.json`` was written. A folder
without its record is never activated. The pointer ``current.json`` then moves atomically; falling
back to the baseline removes it. Whatever moment a crash hits, the next start sees the old or the
new version, never a mix; :meth:`Staging.recover` sweeps what an interrupted run left behind.
"""

from __future__ import annotations

import json
import logging
import os
import secrets
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.core.context import Context
from app.core.foundation import crashpoints
from app.core.foundation.fileio import atomic_write_json, fsync_dir
from app.core.scanning.definitions import POINTER, read_pointer, write_pointer
from app.core.updates.sandbox import SandboxResult

log = logging.getLogger(__name__)


# os.fsync is FlushFileBuffers on Windows, which refuses a handle that may not write ("Permission denied").
_FSYNC_OPEN = os.O_RDWR | getattr(os, "O_BINARY", 0) if os.name == "nt" else os.O_RDONLY


def _fsync_tree(root: Path) -> None:
    for directory, _dirs, files in os.walk(root):
        for name in files:
            fd = os.open(os.path.join(directory, name), _FSYNC_OPEN)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
        fsync_dir(Path(directory))


class Staging:
    def __init__(self, definitions_dir: Path) -> None:
        self.root = definitions_dir
        self.versions = definitions_dir / "versions"
        self.staging = definitions_dir / "staging"

    def folder(self, version: int) -> Path:
        return self.versions / str(version)

    def record_path(self, version: int) -> Path:
        return self.versions / f"{version}.validated.json"

    def is_staged(self, version: int) -> bool:
        return self.folder(version).is_dir() and self.record_path(version).is_file()

    def staged_versions(self) -> list[int]:
        found = []
        if self.versions.is_dir():
            for path in self.versions.iterdir():
                if path.is_dir() and path.name.isdigit() and self.is_staged(int(path.name)):
                    found.append(int(path.name))
        return sorted(found)

    def stage(self, version: int, archive: Path, validate: Callable[[dict[str, Any]], SandboxResult],
              request: dict[str, Any]) -> SandboxResult:
        """Extract and validate ``archive`` in the sandbox; move it into ``versions/`` only if it passed."""
        self.staging.mkdir(parents=True, exist_ok=True)
        self.versions.mkdir(parents=True, exist_ok=True)
        work = self.staging / f"{version}-{secrets.token_hex(4)}"
        work.mkdir()
        try:
            dest = work / "bundle"
            result = validate({**request, "mode": "bundle", "archive": str(archive), "dest": str(dest),
                               "expected_version": version})
            if not result.ok:
                return result
            crashpoints.point("validated")
            _fsync_tree(dest)
            atomic_write_json(self.record_path(version), {"version": version, **result.to_json()})
            crashpoints.point("sidecar-written")
            final = self.folder(version)
            if final.exists():  # a folder without a record: an older run was interrupted; redo it
                shutil.rmtree(final)
            os.replace(dest, final)
            fsync_dir(self.versions)
            crashpoints.point("staged")
            return result
        finally:
            shutil.rmtree(work, ignore_errors=True)

    def recover(self) -> None:
        """Remove what an interrupted run left: staging folders, temp files, unrecorded version folders."""
        if self.staging.is_dir():
            for path in self.staging.iterdir():
                shutil.rmtree(path, ignore_errors=True) if path.is_dir() else path.unlink(missing_ok=True)
        if self.versions.is_dir():
            for path in self.versions.iterdir():
                if path.name.startswith("."):
                    shutil.rmtree(path, ignore_errors=True) if path.is_dir() else path.unlink(missing_ok=True)
                elif path.is_dir() and path.name.isdigit() and not self.record_path(int(path.name)).is_file():
                    shutil.rmtree(path, ignore_errors=True)
        for path in self.root.glob(f".{POINTER}.*.tmp") if self.root.is_dir() else ():
            path.unlink(missing_ok=True)

    def remove(self, version: int) -> None:
        self.record_path(version).unlink(missing_ok=True)
        shutil.rmtree(self.folder(version), ignore_errors=True)

    def record(self, version: int) -> dict[str, Any] | None:
        try:
            value = json.loads(self.record_path(version).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return value if isinstance(value, dict) else None


def pointer_version(ctx: Context) -> int | None:
    """The version the pointer names, or None (baseline) when there is no usable pointer."""
    pointer = read_pointer(ctx)
    if not pointer:
        return None
    version = pointer.get("version")
    if isinstance(version, int) and not isinstance(version, bool) and Staging(ctx.paths.definitions_dir).is_staged(version):
        return version
    return None


def switch_pointer(ctx: Context, version: int | None) -> None:
    """Make ``version`` active (``None``: the baseline) in one atomic step."""
    root = ctx.paths.definitions_dir
    if version is None:
        pointer = root / POINTER
        if pointer.exists():
            pointer.unlink()
            fsync_dir(root)
        return
    write_pointer(ctx, version, Staging(root).folder(version))
