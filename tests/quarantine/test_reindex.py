"""A quarantine that survives the loss of its index: blobs describe themselves, the index is rebuilt
from them, and a damaged state.db gets a clear message and a way out."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import stat
from pathlib import Path

import pytest

from app.core import quarantine as q
from app.core.context import Context
from app.core.foundation.errors import RingfenceError
from app.core.journal import events
from app.core.quarantine.vault import Vault
from tests.conftest import run_cli
from tests.quarantine.conftest import make_file, quarantine

pytestmark = pytest.mark.usefixtures("secret_service")
MTIME_NS = 1_500_000_000_987_654_300  # Windows keeps times to 100 ns


def _files(tmp_path: Path) -> dict[Path, tuple[bytes, int]]:
    files = {
        tmp_path / "dl" / "setup.exe": (b"MZ" + os.urandom(70_000), 0o755),
        tmp_path / "dl" / "other" / "setup.exe": (b"same name, other folder", 0o600),
        # POSIX: a name that is not valid UTF-8; Windows names are UTF-16, so there it is only not ASCII
        tmp_path / "docs" / ("caf\udce9.doc" if os.name == "posix" else "caf\u00e9.doc"): (b"an unusual name", 0o640),
    }
    for path, (data, mode) in files.items():
        make_file(Path(os.fsdecode(os.fsencode(path))), data, mode)
        os.utime(path, ns=(1_600_000_000_123_456_789, MTIME_NS))
    # the mode as the system kept it (on Windows only the read-only bit)
    return {path: (data, stat.S_IMODE(os.stat(path).st_mode)) for path, (data, _) in files.items()}


def _drop_state_db(home: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        (home / "data" / f"state.db{suffix}").unlink(missing_ok=True)


def _listed() -> list[dict[str, object]]:
    result = run_cli("quarantine", "list", "--json")
    assert result.returncode == 0, result.stderr
    return list(json.loads(result.stdout))


def test_a_lost_index_is_rebuilt_from_the_blobs_and_every_item_restores(ctx: Context, tmp_path: Path,
                                                                         rf_home: Path) -> None:
    files = _files(tmp_path)
    ids = {}
    for path in files:
        outcome = quarantine(ctx, path)
        assert outcome.action == "quarantined", outcome.error
        ids[path] = outcome.item_id
    before = {item["id"]: item for item in _listed()}
    ctx.close()
    _drop_state_db(rf_home)
    listed = run_cli("quarantine", "list", "--json")  # any quarantine command notices the lost index first
    assert listed.returncode == 0 and "Added 3 quarantined items back to the index" in listed.stderr
    assert {item["id"] for item in json.loads(listed.stdout)} == set(before)

    _drop_state_db(rf_home)
    rebuilt = run_cli("quarantine", "reindex")
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert "Added 3 quarantined items back to the index" in rebuilt.stdout
    after = {item["id"]: item for item in _listed()}
    for item_id, item in before.items():  # everything the index held about the item, except its history
        assert {k: v for k, v in after[item_id].items() if k != "status_at"} == \
            {k: v for k, v in item.items() if k != "status_at"}
    for path, (data, mode) in files.items():
        restored = run_cli("quarantine", "restore", ids[path])
        assert restored.returncode == 0, restored.stderr
        st = os.stat(path)
        assert path.read_bytes() == data and st.st_mode & 0o777 == mode
        assert st.st_mtime_ns == MTIME_NS
    assert run_cli("quarantine", "reindex", "--json").stdout.count('"added": []') == 1  # nothing twice


def test_the_console_start_up_rebuilds_only_when_something_is_missing(ctx: Context, tmp_path: Path,
                                                                       rf_home: Path) -> None:
    item_id = quarantine(ctx, make_file(tmp_path / "x.bin", b"x" * 1000)).item_id
    assert q.ensure_index(ctx) is None
    ctx.close()
    _drop_state_db(rf_home)
    with Context.open() as fresh:
        report = q.startup(fresh).reindexed  # what the console runs at start
        assert report is not None and report.added == [item_id] and report.database_set_aside is None
        assert q.get_item(fresh, item_id).original_path == str(tmp_path / "x.bin")
        assert [e.code for e in events.query(fresh.store, kinds=["quarantine"])] == ["quarantine.reindexed"]
        assert q.ensure_index(fresh) is None


def test_a_blob_under_another_name_or_damaged_is_kept_and_reported(ctx: Context, tmp_path: Path, rf_home: Path) -> None:
    first = quarantine(ctx, make_file(tmp_path / "a.bin", b"a" * 100)).item_id
    second = quarantine(ctx, make_file(tmp_path / "b.bin", b"b" * 100)).item_id
    ctx.close()
    vault_dir = rf_home / "data" / "quarantine"
    shutil.copy(vault_dir / f"{first}.rfq", vault_dir / "00000000deadbeef.rfq")
    raw = bytearray((vault_dir / f"{second}.rfq").read_bytes())
    raw[60] ^= 0x01  # inside the sealed metadata
    (vault_dir / f"{second}.rfq").write_bytes(bytes(raw))
    _drop_state_db(rf_home)
    with Context.open() as fresh:
        report = q.reindex(fresh)
    assert report.added == [first]
    reasons = {item_id: why.english() for item_id, why in report.unreadable}
    assert "different item id" in reasons["00000000deadbeef"] and "does not authenticate" in reasons[second]
    assert (vault_dir / f"{second}.rfq").exists() and (vault_dir / "00000000deadbeef.rfq").exists()


def _corrupt_table_page(db: Path, table: str) -> None:
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        (root,) = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()
        (page_size,) = conn.execute("PRAGMA page_size").fetchone()
    conn.close()
    with open(db, "r+b") as handle:
        handle.seek((root - 1) * page_size)
        handle.write(b"\xa5" * page_size)


def test_a_damaged_page_gets_a_clear_message_and_reindex_is_the_way_out(ctx: Context, tmp_path: Path,
                                                                         rf_home: Path) -> None:
    path = make_file(tmp_path / "evil.exe", b"MZ" * 5000)
    item_id = quarantine(ctx, path).item_id
    ctx.close()
    db = rf_home / "data" / "state.db"
    _corrupt_table_page(db, "quarantine_items")

    listing = run_cli("quarantine", "list")
    assert listing.returncode == 2
    assert "is damaged" in listing.stderr and "quarantined files are safe" in listing.stderr
    assert "ringfence quarantine reindex" in listing.stderr and "unexpected" not in listing.stderr

    rebuilt = run_cli("quarantine", "reindex", "--json")
    assert rebuilt.returncode == 0, rebuilt.stderr
    report = json.loads(rebuilt.stdout)
    assert report["added"] == [item_id]
    kept = Path(report["database_set_aside"])
    assert kept.exists() and kept.read_bytes()[4096:].count(b"\xa5" * 64)  # the damaged database is kept as it was
    assert [i["id"] for i in _listed()] == [item_id]
    assert run_cli("quarantine", "restore", item_id).returncode == 0
    assert path.read_bytes() == b"MZ" * 5000
    with Context.open() as fresh:
        assert [e.code for e in events.query(fresh.store, kinds=["protection"])] == ["state.set_aside"]


def test_a_file_that_is_not_a_database_at_all_is_named_as_damaged(rf_home: Path) -> None:
    db = rf_home / "data" / "state.db"
    db.parent.mkdir(parents=True)
    db.write_bytes(b"not a database " * 300)
    result = run_cli("quarantine", "list")
    assert result.returncode == 2 and "is damaged" in result.stderr and "unexpected" not in result.stderr
    assert run_cli("quarantine", "reindex").returncode == 0
    assert _listed() == []


def test_the_metadata_is_in_the_blob_not_only_in_the_index(ctx: Context, tmp_path: Path) -> None:
    from app.core.quarantine import crypto
    from app.core.quarantine.keystore import load_key

    item_id = quarantine(ctx, make_file(tmp_path / "m.bin", b"m" * 10)).item_id
    vault = Vault(ctx)
    with open(vault.blob_path(item_id), "rb") as handle:
        metadata = crypto.read_metadata(load_key(ctx.paths, create=False), handle)
    assert metadata is not None
    item = vault.get(item_id)
    assert item is not None
    assert q.Item.from_metadata(metadata, status=item.status, status_at=item.status_at) == item
    assert str(tmp_path).encode() not in vault.blob_path(item_id).read_bytes()  # sealed, not readable


def _seal_format_1(key: bytes, data: bytes) -> bytes:
    """The format 1 writer as it was before blobs carried metadata (header, then the chunks)."""
    from app.core.quarantine import crypto

    header = crypto.Header(1, crypto.CHUNK_LOG2, crypto.key_id(key), os.urandom(crypto.SALT_SIZE))
    header_bytes = header.pack()
    cipher = crypto._item_cipher(key, header.salt)
    pieces = [data[i:i + crypto.CHUNK_SIZE] for i in range(0, len(data), crypto.CHUNK_SIZE)] or [b""]
    out = [header_bytes]
    for index, piece in enumerate(pieces):
        nonce, aad = crypto._nonce_aad(header_bytes, index, index == len(pieces) - 1)
        out.append(cipher.encrypt(nonce, piece, aad))
    return b"".join(out)


def test_format_1_blobs_get_their_metadata_at_start_up_and_then_survive_a_lost_index(
        ctx: Context, tmp_path: Path, rf_home: Path) -> None:
    from app.core.quarantine import crypto
    from app.core.quarantine.keystore import load_key

    data = os.urandom(3 * crypto.CHUNK_SIZE)  # an exact multiple of the chunk size: the last chunk is full
    path = make_file(tmp_path / "old" / "tool.exe", data, 0o700)
    mode = stat.S_IMODE(path.stat().st_mode)  # 0o700; on Windows only the read-only bit is kept
    item_id = quarantine(ctx, path).item_id
    blob = Vault(ctx).blob_path(item_id)
    blob.write_bytes(_seal_format_1(load_key(ctx.paths, create=False), data))  # as an older Ringfence left it
    assert q.startup(ctx).upgraded == [item_id]
    assert blob.read_bytes()[4] == crypto.FORMAT_VERSION
    assert not list(blob.parent.glob(".*.tmp"))
    assert q.startup(ctx).upgraded == []  # once
    ctx.close()
    _drop_state_db(rf_home)
    assert run_cli("quarantine", "reindex").returncode == 0
    assert run_cli("quarantine", "restore", item_id).returncode == 0
    assert path.read_bytes() == data and stat.S_IMODE(os.stat(path).st_mode) == mode


def test_a_format_1_blob_that_does_not_match_its_record_is_left_as_it_was(ctx: Context, tmp_path: Path) -> None:
    from app.core.quarantine.keystore import load_key

    item_id = quarantine(ctx, make_file(tmp_path / "a.bin", b"the real content")).item_id
    blob = Vault(ctx).blob_path(item_id)
    old = _seal_format_1(load_key(ctx.paths, create=False), b"something else entirely")
    blob.write_bytes(old)
    assert q.startup(ctx).upgraded == []
    assert blob.read_bytes() == old and not list(blob.parent.glob(".*.tmp"))


def test_damage_the_quick_check_misses_still_leads_out(ctx: Context, tmp_path: Path, rf_home: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """If a query meets damage that PRAGMA quick_check passed, reindex still sets the database aside."""
    from app.core.foundation.store import Store

    item_id = quarantine(ctx, make_file(tmp_path / "x.exe", b"MZ" * 100)).item_id
    ctx.close()
    _corrupt_table_page(rf_home / "data" / "state.db", "sqlite_autoindex_quarantine_items_1")  # what SELECT id reads
    monkeypatch.setattr(Store, "check", lambda self: None)  # stands in for a check that saw nothing wrong
    with Context.open() as fresh:
        report = q.reindex(fresh)
    assert report.added == [item_id] and report.database_set_aside is not None
    assert report.database_set_aside.exists()


def test_an_item_whose_encrypted_copy_is_gone_is_named_by_restore_and_by_reindex(ctx: Context, tmp_path: Path,
                                                                                 rf_home: Path) -> None:
    path = make_file(tmp_path / "Downloads" / "tool.exe", b"pretend payload " * 20)
    item_id = quarantine(ctx, path).item_id
    assert item_id
    Vault(ctx).blob_path(item_id).unlink()  # lost outside Ringfence (a sync tool, a cleaner)
    with pytest.raises(RingfenceError) as refused:
        q.restore(ctx, item_id)
    assert refused.value.message == (f"The encrypted copy of {path} is missing from the quarantine folder, so it "
                                     "cannot be restored.")
    assert not path.exists() and q.get_item(ctx, item_id).status == "quarantined"
    restored = run_cli("quarantine", "restore", item_id)
    assert restored.returncode == 2 and "is missing from the quarantine folder" in restored.stderr
    assert "unexpected" not in restored.stderr
    report = run_cli("quarantine", "reindex")
    assert f"{item_id}: listed, but its encrypted copy is missing from the quarantine folder" in report.stdout
    assert json.loads(run_cli("quarantine", "reindex", "--json").stdout)["orphaned"] == [item_id]
