"""The worker helper delivers every result, however fast the call ends, and gives each thread its context."""

from __future__ import annotations

import threading
import time

from pytestqt.qtbot import QtBot

from app.core.context import Context
from app.core.foundation.paths import get_paths
from app.ui.workers import Workers


def test_a_call_that_ends_before_the_caller_connects_still_reports(qtbot: QtBot) -> None:
    workers = Workers(get_paths())
    results: list[object] = []
    for n in range(20):
        job = workers.submit("instant", lambda ctx, n=n: n)
        time.sleep(0.01)  # the GUI thread is busy a moment before it connects
        job.finished.connect(results.append)
    qtbot.waitUntil(lambda: len(results) == 20, timeout=10_000)
    assert sorted(results) == list(range(20))  # type: ignore[type-var]
    workers.shutdown()


def test_each_thread_has_its_own_context(qtbot: QtBot) -> None:
    workers = Workers(get_paths(), max_threads=3)
    seen: list[tuple[int, int]] = []

    def which(ctx: Context) -> tuple[int, int]:
        time.sleep(0.05)
        return threading.get_ident(), id(ctx)

    for _ in range(6):
        workers.submit("ctx", which).finished.connect(seen.append)
    qtbot.waitUntil(lambda: len(seen) == 6)
    threads = {t for t, _c in seen}
    assert len(threads) > 1
    assert len({c for _t, c in seen}) == len(threads) == len(set(seen))
    workers.shutdown()
