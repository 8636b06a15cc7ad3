"""A state database damaged below the SQL level is named as such wherever it is met."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.foundation.store import Schema, StateDamaged, Store
from app.core.journal import events

DEMO = Schema("demo", ("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL);",))


def _damaged_store(tmp_path: Path, table: str = "notes") -> Store:
    db = tmp_path / "state.db"
    with Store(db) as store:
        store.ensure(DEMO)
        with store.transaction() as conn:
            conn.executemany("INSERT INTO notes(text) VALUES (?)", [("x" * 200,) for _ in range(200)])
        for _ in range(50):
            events.record(store, "settings.corrupt", backup="y" * 100)
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        (root,) = store.conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()
        (page_size,) = store.conn.execute("PRAGMA page_size").fetchone()
    with open(db, "r+b") as handle:
        handle.seek((root - 1) * page_size)
        handle.write(b"\x5a" * page_size)
    return Store(db)


def test_a_write_into_a_damaged_page_is_state_damaged(tmp_path: Path) -> None:
    store = _damaged_store(tmp_path)
    with pytest.raises(StateDamaged, match="is damaged") as caught, store.transaction() as conn:
        conn.execute("INSERT INTO notes(text) VALUES ('more')")
    assert caught.value.fix == "state.rebuild"
    with pytest.raises(StateDamaged):
        store.check()


def test_code_that_copes_with_a_failing_database_still_does(tmp_path: Path) -> None:
    """The event journal never fails its caller: it catches sqlite3.Error, which StateDamaged also is."""
    store = _damaged_store(tmp_path, table="events")
    assert events.record(store, "settings.corrupt", backup="x") == 0


def test_setting_aside_moves_the_wal_with_the_database_and_never_half(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    from app.core.foundation.errors import RingfenceError
    from app.core.foundation.store import set_aside

    db = tmp_path / "state.db"
    writer = Store(db)
    writer.ensure(DEMO)
    with writer.transaction() as conn:
        conn.execute("INSERT INTO notes(text) VALUES ('only in the WAL')")  # not checkpointed: lives in state.db-wal
    assert (tmp_path / "state.db-wal").stat().st_size > 0
    real_rename = os.rename

    def sharing_violation(src: object, dst: object) -> None:  # what Windows does while another process has it open
        if str(src) == str(db):
            raise PermissionError(32, "The process cannot access the file because it is being used by another process")
        real_rename(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "rename", sharing_violation)
    with pytest.raises(RingfenceError, match=r"could not be set aside .*quit the Ringfence console"):
        set_aside(db)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["state.db", "state.db-shm", "state.db-wal"]  # all back
    monkeypatch.setattr(os, "rename", real_rename)
    kept = set_aside(db)
    assert not db.exists() and not (tmp_path / "state.db-wal").exists()  # a new database starts without it
    assert (tmp_path / (kept.name + "-wal")).stat().st_size > 0  # the WAL went with the copy
    writer.conn.close()
    with Store(kept) as copy:
        assert copy.conn.execute("SELECT text FROM notes").fetchall()[0][0] == "only in the WAL"
