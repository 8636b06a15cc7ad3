"""Two connections bringing the same schema up to date at once: one migrates, the other waits and sees it done."""

from __future__ import annotations

import threading
from pathlib import Path

from app.core.foundation.store import Schema, Store

SCHEMA = Schema("race", ("CREATE TABLE race (id INTEGER PRIMARY KEY);", "ALTER TABLE race ADD COLUMN note TEXT;"))


def test_concurrent_ensure_migrates_once(tmp_path: Path) -> None:
    db = tmp_path / "state.db"
    Store(db).close()
    failures: list[BaseException] = []
    start = threading.Barrier(8)

    def worker() -> None:
        store = Store(db)
        try:
            start.wait()
            store.ensure(SCHEMA)
            store.conn.execute("INSERT INTO race(note) VALUES ('x')")
        except BaseException as exc:
            failures.append(exc)
        finally:
            store.close()

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert failures == []
    store = Store(db)
    assert store.schema_version("race") == 2
    store.close()
