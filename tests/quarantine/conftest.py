"""Fixtures for the quarantine tests: a context on the test's RINGFENCE_HOME and real files to quarantine."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core import quarantine as q
from app.core.context import Context
from app.core.quarantine.keystore import KeyringBackend
from app.engine.hashing import sha256_file


@pytest.fixture
def ctx(rf_home: Path) -> Iterator[Context]:
    context = Context.open()
    yield context
    context.close()


@pytest.fixture
def secret_service() -> None:
    """The real Secret Service must be there (tests run inside dbus-run-session with gnome-keyring)."""
    if not KeyringBackend("probe").usable():
        pytest.fail("no usable Secret Service: run the tests through scripts/test (dbus-run-session + gnome-keyring)")


def sha256_of(path: Path) -> str:
    return sha256_file(path)


def scanned(path: Path) -> tuple[str, tuple[int, int, int]]:
    """What a scanner records about a file: its hash and (size, mtime_ns, inode)."""
    st = os.stat(path)
    return sha256_of(path), (st.st_size, st.st_mtime_ns, st.st_ino)


def quarantine(ctx: Context, path: Path, *, rule: str = "Test_Rule", version: str | None = "2026.11.1",
               force: bool = False) -> q.QuarantineOutcome:
    digest, stat_key = scanned(path)
    return q.quarantine_file(ctx, path, rule=rule, engine="yara", definitions_version=version, sha256=digest,
                             scanned_stat=stat_key, scan_id="scan-1", force=force)


def make_file(path: Path, data: bytes, mode: int = 0o640) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    os.chmod(path, mode)
    return path
