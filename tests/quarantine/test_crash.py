"""Kill -9 at every step of quarantine, restore and delete: after recovery no file is ever lost.

Each crash is a real process (forked from the test so that hundreds of them stay fast) that sets
``RINGFENCE_FAULT=<step>:<n>`` and is stopped by a real SIGKILL at the n-th arrival at that step;
everything it had not written to disk is gone. The next "start" runs ``recover_interrupted`` and the
test checks that every file exists exactly once — at its path, or in the vault and restorable to the
same SHA-256 — and that no temporary file, stray blob or open intent is left.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import sys
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from app.core import quarantine as q
from app.core.context import Context
from app.core.foundation import crashpoints
from app.core.quarantine import crypto, intents
from app.core.quarantine.keystore import load_key
from app.core.quarantine.operations import verify_blob
from app.core.quarantine.vault import Vault
from tests.conftest import run_cli
from tests.quarantine.conftest import make_file, scanned

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="crash injection forks real processes (POSIX)")

C = crypto.CHUNK_SIZE
Q_STEPS = ("q.intent", "q.chunk", "q.fsynced", "q.renamed", "q.recorded", "q.verified", "q.removed", "q.done")
R_STEPS = ("r.intent", "r.chunk", "r.written", "r.chosen", "r.landed", "r.recorded", "r.done")
ROUNDS = (
    {"sizes": (0, C + 1, 2 * C + 5), "conflict": False, "to": False, "policy": "rename"},
    {"sizes": (1, C, 3 * C), "conflict": True, "to": False, "policy": "rename"},
    {"sizes": (C - 1, 2 * C, 17), "conflict": False, "to": True, "policy": "rename"},
    {"sizes": (5, 2 * C + 1, C + 2), "conflict": True, "to": False, "policy": "overwrite"},
)


@dataclass(frozen=True)
class Original:
    path: Path
    data: bytes
    sha256: str
    stat_key: tuple[int, int, int]


def _make_files(folder: Path, sizes: tuple[int, ...]) -> list[Original]:
    files = []
    for index, size in enumerate(sizes):
        data = os.urandom(size)
        path = make_file(folder / f"file{index}.bin", data)
        digest, stat_key = scanned(path)
        files.append(Original(path, data, digest, stat_key))
    return files


def _in_child(fault: str, work: Callable[[Context], None]) -> bool:
    """Run ``work`` in a forked process with the fault armed; True when SIGKILL stopped it."""
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:
        code = 0
        try:
            os.environ[crashpoints.FAULT_ENV] = fault
            crashpoints.reset()
            with Context.open() as ctx:
                work(ctx)
        except BaseException:
            traceback.print_exc()
            code = 3
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    if os.WIFSIGNALED(status):
        assert os.WTERMSIG(status) == signal.SIGKILL
        return True
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0, f"the process under {fault} failed"
    return False


def _quarantine_all(files: list[Original]) -> Callable[[Context], None]:
    def work(ctx: Context) -> None:
        for f in files:
            outcome = q.quarantine_file(ctx, f.path, rule="R", engine="yara", definitions_version="v1", sha256=f.sha256,
                                        scanned_stat=f.stat_key)
            assert outcome.action == "quarantined", outcome.error
    return work


def _check_vault_tidy(ctx: Context) -> None:
    vault = Vault(ctx)
    assert intents.pending(ctx.store.conn) == []
    blobs = {p.name for p in vault.dir.iterdir() if p.name.endswith((".rfq", ".tmp"))}
    assert blobs == {f"{i.id}.rfq" for i in vault.items()}


def _check_exactly_once(ctx: Context, files: list[Original], item_of: dict[str, q.Item]) -> None:
    key = load_key(ctx.paths)
    vault = Vault(ctx)
    for f in files:
        item = item_of.get(str(f.path))
        at_path = f.path.exists() and f.path.read_bytes() == f.data
        in_vault = item is not None and item.in_vault
        restored = item is not None and item.status == "restored"
        if restored:
            assert item is not None and item.restored_to
            assert Path(item.restored_to).read_bytes() == f.data
            assert not vault.blob_path(item.id).exists()
        else:
            assert at_path + in_vault == 1, f"{f.path}: at path {at_path}, in vault {in_vault}"
            if in_vault:
                assert item is not None and verify_blob(vault, key, item.id) == f.sha256


def _items_by_path(ctx: Context) -> dict[str, q.Item]:
    return {i.original_path: i for i in q.list_items(ctx, include_gone=True)}


def _quarantine_crashes(base: Path, round_no: int, sizes: tuple[int, ...]) -> int:
    kills = 0
    for step in Q_STEPS:
        n = 1
        while True:
            files = _make_files(base / f"q{round_no}-{step}-{n}", sizes)
            killed = _in_child(f"{step}:{n}", _quarantine_all(files))
            with Context.open() as ctx:
                q.recover_interrupted(ctx)
                _check_vault_tidy(ctx)
                _check_exactly_once(ctx, files, _items_by_path(ctx))
            if not killed:
                break
            kills += 1
            n += 1
    return kills


def _restore_crashes(base: Path, round_no: int, setup: dict) -> int:
    kills = 0
    for step in R_STEPS:
        n = 1
        while True:
            folder = base / f"r{round_no}-{step}-{n}"
            files = _make_files(folder, setup["sizes"])
            with Context.open() as ctx:
                ids = [q.quarantine_file(ctx, f.path, rule="R", engine="yara", definitions_version="v1", sha256=f.sha256,
                                         scanned_stat=f.stat_key).item_id for f in files]
            conflict = folder / "file1.bin"
            if setup["conflict"]:
                conflict.write_bytes(b"the user's own file with the same name")
            target = folder / "restored-here" if setup["to"] else None

            def work(ctx: Context, ids: list[str | None] = ids, target: Path | None = target) -> None:
                for item_id in ids:
                    assert item_id is not None
                    q.restore(ctx, item_id, to=target, on_conflict=setup["policy"])

            killed = _in_child(f"{step}:{n}", work)
            with Context.open() as ctx:
                q.recover_interrupted(ctx)
                _check_vault_tidy(ctx)
                items = _items_by_path(ctx)
                _check_exactly_once(ctx, files, items)
                left = {p for p in folder.rglob("*") if p.is_file()}
                assert not [p for p in left if "ringfence-restore" in p.name], "a temporary restore file was left"
                if setup["conflict"] and setup["policy"] == "rename":
                    assert conflict.read_bytes() == b"the user's own file with the same name"
                mine = [items[str(f.path)] for f in files]
                expected = {Path(i.restored_to) for i in mine if i.status == "restored" and i.restored_to}
                expected |= {conflict} if setup["conflict"] else set()
                assert left == expected
            if not killed:
                break
            kills += 1
            n += 1
    return kills


def _delete_crashes(base: Path) -> int:
    kills = 0
    for n in (1, 2, 3):
        files = _make_files(base / f"d-{n}", (10, 20, 30))
        with Context.open() as ctx:
            _quarantine_all(files)(ctx)
            ids = [i.id for i in q.list_items(ctx) if Path(i.original_path).parent == base / f"d-{n}"]

        def work(ctx: Context, ids: list[str] = ids) -> None:
            for item_id in ids:
                q.delete(ctx, item_id)

        kills += _in_child(f"d.marked:{n}", work)
        with Context.open() as ctx:
            q.recover_interrupted(ctx)
            _check_vault_tidy(ctx)
            statuses = sorted(q.get_item(ctx, i).status for i in ids)
            assert statuses == sorted(["deleted"] * n + ["quarantined"] * (3 - n))
    return kills


def test_hundreds_of_injected_crashes_lose_nothing(tmp_path: Path) -> None:
    with Context.open() as ctx:
        load_key(ctx.paths)  # the key exists before the first crash, as it would after any earlier use
    kills = 0
    for round_no, setup in enumerate(ROUNDS):
        kills += _quarantine_crashes(tmp_path, round_no, setup["sizes"])
        kills += _restore_crashes(tmp_path, round_no, setup)
    kills += _delete_crashes(tmp_path)
    assert kills >= 200, f"only {kills} crashes were injected"


@pytest.mark.parametrize("step", ["q.fsynced", "q.recorded", "q.removed"])
def test_the_command_line_survives_a_kill_and_the_next_start_recovers(tmp_path: Path, step: str) -> None:
    data = os.urandom(3 * C)
    path = make_file(tmp_path / "files" / "payload.bin", data)
    result = run_cli("quarantine", "add", str(path), env={crashpoints.FAULT_ENV: f"{step}:1"})
    assert result.returncode == -signal.SIGKILL
    listing = run_cli("quarantine", "list", "--json")  # every command starts with recovery
    assert listing.returncode == 0, listing.stderr
    items = json.loads(listing.stdout)
    if step == "q.removed":
        assert not path.exists() and [i["original_path"] for i in items] == [str(path)]
        assert run_cli("quarantine", "restore", items[0]["id"]).returncode == 0
    else:
        assert items == []
    assert hashlib.sha256(path.read_bytes()).hexdigest() == hashlib.sha256(data).hexdigest()
