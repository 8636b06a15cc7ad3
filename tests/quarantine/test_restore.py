"""Restore never overwrites by accident, refuses damaged items without leaving anything behind, and
supports --to, restore-and-allow, bulk restore by definitions version, delete and purge."""

from __future__ import annotations

import os
import shutil
import sys
import time
from pathlib import Path

import keyring
import pytest

from app.core import quarantine as q
from app.core.context import Context
from app.core.foundation.errors import RingfenceError
from app.core.quarantine import crypto, keystore
from app.core.quarantine.restoring import restored_name
from app.core.quarantine.vault import Vault
from tests.quarantine.conftest import make_file, quarantine


def _quarantined(ctx: Context, path: Path, data: bytes = b"quarantined content", **kw: object) -> str:
    make_file(path, data)
    outcome = quarantine(ctx, path, **kw)  # type: ignore[arg-type]
    assert outcome.action == "quarantined", outcome.error
    assert outcome.item_id
    return outcome.item_id


def _listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_restore_onto_an_existing_file_renames_by_default(ctx: Context, tmp_path: Path) -> None:
    path = tmp_path / "docs" / "report.pdf"
    first = _quarantined(ctx, path, b"old report")
    path.write_bytes(b"the user's new report")
    assert q.restore(ctx, first).path == str(tmp_path / "docs" / "report (restored).pdf")
    second = _quarantined(ctx, tmp_path / "elsewhere" / "report.pdf", b"another")
    assert q.restore(ctx, second, to=tmp_path / "docs").path == str(tmp_path / "docs" / "report (restored 2).pdf")
    assert path.read_bytes() == b"the user's new report"
    assert (tmp_path / "docs" / "report (restored).pdf").read_bytes() == b"old report"
    assert (tmp_path / "docs" / "report (restored 2).pdf").read_bytes() == b"another"


def test_skip_and_overwrite_policies(ctx: Context, tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    item_id = _quarantined(ctx, path, b"quarantined")
    path.write_bytes(b"mine")
    outcome = q.restore(ctx, item_id, on_conflict="skip")
    assert outcome.action == "skipped" and path.read_bytes() == b"mine"
    assert q.get_item(ctx, item_id).status == "quarantined"
    assert _listing(tmp_path) == ["notes.txt", "rf-home"]
    assert q.restore(ctx, item_id, on_conflict="overwrite").action == "restored"
    assert path.read_bytes() == b"quarantined"


def test_restore_recreates_a_missing_parent_folder(ctx: Context, tmp_path: Path) -> None:
    folder = tmp_path / "projects" / "deep" / "folder"
    item_id = _quarantined(ctx, folder / "tool.exe", b"MZ tool")
    shutil.rmtree(tmp_path / "projects")
    assert q.restore(ctx, item_id).action == "restored"
    assert (folder / "tool.exe").read_bytes() == b"MZ tool"


def test_restore_to_another_folder(ctx: Context, tmp_path: Path) -> None:
    item_id = _quarantined(ctx, tmp_path / "src" / "a.bin")
    outcome = q.restore(ctx, item_id, to=tmp_path / "out")
    assert outcome.path == str(tmp_path / "out" / "a.bin")
    assert not (tmp_path / "src" / "a.bin").exists()
    assert q.get_item(ctx, item_id).restored_to == str(tmp_path / "out" / "a.bin")
    not_a_folder = make_file(tmp_path / "plain-file", b"")
    other = _quarantined(ctx, tmp_path / "src" / "b.bin")
    with pytest.raises(RingfenceError, match="is not a folder"):
        q.restore(ctx, other, to=not_a_folder)


def test_restore_and_allow_adds_the_hash(ctx: Context, tmp_path: Path) -> None:
    item_id = _quarantined(ctx, tmp_path / "good.exe", b"a false positive")
    assert q.allowed_hashes(ctx) == set()
    q.restore(ctx, item_id, allow=True)
    assert q.allowed_hashes(ctx) == {q.get_item(ctx, item_id).sha256}


def _damage_and_expect_refusal(ctx: Context, tmp_path: Path, damage: str) -> None:
    path = tmp_path / "victim" / "data.bin"
    item_id = _quarantined(ctx, path, os.urandom(3 * crypto.CHUNK_SIZE + 11))
    blob = Vault(ctx).blob_path(item_id)
    raw = bytearray(blob.read_bytes())
    start = crypto.content_offset(bytes(raw))
    if damage == "flip":
        raw[start + 2 * crypto.CHUNK_SIZE + 100] ^= 0x10
        blob.write_bytes(bytes(raw))
        expected = "does not authenticate"
    elif damage == "truncate":
        blob.write_bytes(bytes(raw[: start + 2 * (crypto.CHUNK_SIZE + 16)]))
        expected = "does not authenticate"
    elif damage == "wrong-key":
        user = f"quarantine-key:{keystore.read_vault_record(ctx.paths).vault_id}"
        keyring.set_password("Ringfence", user, keystore._encode(os.urandom(32)))
        expected = "different quarantine key"
    else:
        user = f"quarantine-key:{keystore.read_vault_record(ctx.paths).vault_id}"
        keyring.delete_password("Ringfence", user)
        expected = "missing from the system keyring"
    with pytest.raises(RingfenceError, match=expected):
        q.restore(ctx, item_id)
    assert not (tmp_path / "victim").exists() or _listing(tmp_path / "victim") == []  # nothing partial
    assert q.get_item(ctx, item_id).status == "quarantined"
    assert blob.exists()
    assert q.recover_interrupted(ctx).finished == []


def test_a_refused_restore_takes_back_the_folders_it_recreated(ctx: Context, tmp_path: Path) -> None:
    item_id = _quarantined(ctx, tmp_path / "gone" / "deeper" / "file.bin", os.urandom(1000))
    shutil.rmtree(tmp_path / "gone")
    blob = Vault(ctx).blob_path(item_id)
    blob.write_bytes(blob.read_bytes()[:-1])
    with pytest.raises(RingfenceError, match="damaged"):
        q.restore(ctx, item_id)
    assert not (tmp_path / "gone").exists()
    assert q.get_item(ctx, item_id).status == "quarantined"


@pytest.mark.parametrize("damage", ["flip", "truncate", "wrong-key", "missing-key"])
def test_damaged_blob_or_bad_key_is_refused_without_leftovers(ctx: Context, tmp_path: Path, damage: str,
                                                               secret_service: None) -> None:
    _damage_and_expect_refusal(ctx, tmp_path, damage)


def test_bulk_restore_by_definitions_version(ctx: Context, tmp_path: Path) -> None:
    bad = [_quarantined(ctx, tmp_path / f"bad{i}.txt", version="2026.11.2") for i in range(3)]
    kept = _quarantined(ctx, tmp_path / "kept.txt", version="2026.11.1")
    outcomes = q.restore_version(ctx, "2026.11.2")
    assert sorted(o.item_id for o in outcomes) == sorted(bad)
    assert all(o.action == "restored" for o in outcomes)
    assert [i.id for i in q.list_items(ctx)] == [kept]
    assert all((tmp_path / f"bad{i}.txt").exists() for i in range(3))


def test_delete_is_permanent_and_purge_removes_old_items(ctx: Context, tmp_path: Path) -> None:
    doomed = _quarantined(ctx, tmp_path / "doomed.bin")
    q.delete(ctx, doomed)
    assert not Vault(ctx).blob_path(doomed).exists()
    assert q.get_item(ctx, doomed).status == "deleted"
    with pytest.raises(RingfenceError, match="no longer in the quarantine"):
        q.restore(ctx, doomed)
    old, new = _quarantined(ctx, tmp_path / "old.bin"), _quarantined(ctx, tmp_path / "new.bin")
    with ctx.store.transaction() as conn:
        conn.execute("UPDATE quarantine_items SET quarantined_at = ? WHERE id = ?", (time.time() - 91 * 86400, old))
    assert [i.id for i in q.purge(ctx)] == [old]  # default: the quarantine.purge_days setting (90)
    assert [i.id for i in q.list_items(ctx)] == [new]
    assert [i.id for i in q.purge(ctx, days=0)] == [new]


def test_restored_names() -> None:
    assert restored_name("report.pdf", 1) == "report (restored).pdf"
    assert restored_name("report.pdf", 2) == "report (restored 2).pdf"
    assert restored_name("archive.tar.gz", 1) == "archive.tar (restored).gz"
    assert restored_name(".bashrc", 3) == ".bashrc (restored 3)"
    assert restored_name("README", 1) == "README (restored)"


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need extra rights on Windows")
@pytest.mark.parametrize("replaced", ["Downloads", "home"])
def test_restore_never_writes_through_a_link_that_replaced_the_folder(ctx: Context, tmp_path: Path, replaced: str) -> None:
    path = make_file(tmp_path / "home" / "Downloads" / "tool.exe", b"pretend payload " * 20)
    item_id = quarantine(ctx, path).item_id
    assert item_id
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    swapped = tmp_path / "home" / "Downloads" if replaced == "Downloads" else tmp_path / "home"
    swapped.rename(tmp_path / "moved-away")
    swapped.symlink_to(elsewhere if replaced == "Downloads" else tmp_path / "moved-away", target_is_directory=True)
    if replaced == "home":  # a link above: .../home -> moved-away, which holds Downloads
        (tmp_path / "moved-away" / "Downloads").mkdir(exist_ok=True)
    with pytest.raises(RingfenceError) as refused:
        q.restore(ctx, item_id)
    assert refused.value.message == (f"{swapped} is now a link to another place, and Ringfence never restores through "
                                     "a link; restore the item to a folder you choose instead.")
    assert list(elsewhere.iterdir()) == [] and not (tmp_path / "moved-away" / "Downloads" / "tool.exe").exists()
    assert q.get_item(ctx, item_id).status == "quarantined"
    chosen = q.restore(ctx, item_id, to=tmp_path / "chosen")  # a folder the user chooses still works
    assert chosen.action == "restored" and (tmp_path / "chosen" / "tool.exe").exists()
