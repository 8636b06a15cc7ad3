"""docs/threads.md holds: threads with a context each work at once, and a reader on its own connection
sees only committed work — never the inside of another thread's transaction."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from app.core import quarantine as q
from app.core.context import Context
from app.core.journal import events
from app.core.status.verdict import compute_verdict


def test_two_threads_with_their_own_contexts_work_concurrently(rf_home: Path, tmp_path: Path) -> None:
    files = []
    for i in range(12):
        path = tmp_path / "drop" / f"file{i}.bin"
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(b"payload %d " % i * 2000)
        files.append(path)
    errors: list[BaseException] = []
    start = threading.Barrier(2)
    verdicts: list[str] = []
    seen_ids: list[int] = []

    def writer() -> None:
        try:
            with Context.open() as ctx:
                start.wait()
                for path in files:
                    assert q.quarantine_by_hand(ctx, path).action == "quarantined"
                    events.record(ctx.store, "scan.started", scan_kind="custom")
        except BaseException as exc:
            errors.append(exc)

    def reader() -> None:
        try:
            with Context.open() as ctx:
                start.wait()
                last = 0
                for _ in range(12):
                    verdicts.append(compute_verdict(ctx).level)
                    fresh = events.events_since(ctx.store, last)
                    seen_ids.extend(e.id for e in fresh)
                    last = fresh[-1].id if fresh else last
                    q.list_items(ctx)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=writer), threading.Thread(target=reader)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert errors == [] and not any(t.is_alive() for t in threads)
    assert len(verdicts) == 12 and set(verdicts) <= {"ok", "attention", "alert"}
    assert seen_ids == sorted(set(seen_ids))  # each event seen once, in order
    with Context.open() as ctx:
        assert len(q.list_items(ctx)) == 12
        assert events.count(ctx.store) == 24  # 12 quarantine.added and 12 scan.started
        assert all(not f.exists() for f in files)


def test_a_reader_on_its_own_connection_never_sees_an_unfinished_transaction(rf_home: Path) -> None:
    inside, done = threading.Event(), threading.Event()

    def writer() -> None:
        with Context.open() as ctx:
            ctx.store.ensure(events.EVENTS_SCHEMA)
            with ctx.store.transaction() as conn:
                conn.execute("INSERT INTO events(time, kind, severity, code, args) VALUES (0, 'scan', 'info', "
                             "'scan.started', '{}')")
                inside.set()
                done.wait(30)

    thread = threading.Thread(target=writer)
    with Context.open() as ctx:
        compute_verdict(ctx)  # its tables exist now (creating one is a short write of its own)
        before = events.latest_id(ctx.store)
        thread.start()
        assert inside.wait(30)
        assert events.events_since(ctx.store, before) == []  # not committed yet: not there
        started = time.monotonic()
        assert compute_verdict(ctx).level in ("ok", "attention", "alert")  # reads go on meanwhile
        assert time.monotonic() - started < 20  # not stuck behind the writer (its busy timeout is 30 s)
        done.set()
        thread.join(30)
        assert [e.code for e in events.events_since(ctx.store, before)] == ["scan.started"]
