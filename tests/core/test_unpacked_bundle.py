"""The shipped bundle is unpacked once per content, even when several threads need it at the same moment."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

from app.core.context import Context
from app.core.scanning.definitions import unpacked_bundle
from app.engine.bundle import load_definitions
from tests.conftest import ROOT

ARCHIVE = ROOT / "resources" / "definitions" / "baseline.tar.gz"


def unpack_at_once(ctx: Context, threads: int) -> list[Path | BaseException]:
    start = threading.Barrier(threads)
    results: list[Path | BaseException] = []

    def unpack() -> None:
        start.wait()
        try:
            results.append(unpacked_bundle(ctx, ARCHIVE))
        except BaseException as exc:
            results.append(exc)

    workers = [threading.Thread(target=unpack) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return results


def test_threads_that_unpack_the_same_bundle_at_once_all_get_it(rf_home: Path) -> None:
    with Context.open() as ctx:
        for _ in range(3):  # the race is a matter of timing: give it several chances
            for folder in (ctx.paths.cache_dir / "bundles").glob("*"):
                shutil.rmtree(folder)
            results = unpack_at_once(ctx, 4)
            assert all(isinstance(r, Path) for r in results), results
            assert len(set(results)) == 1 and load_definitions(results[0]).version  # type: ignore[arg-type]
            assert not [p for p in (ctx.paths.cache_dir / "bundles").iterdir() if p.name.startswith(".")]
