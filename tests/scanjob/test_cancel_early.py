"""A cancel sent before the engine worker is ready, or right behind the scan request, stops the scan."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.context import Context
from app.core.scanning import definitions
from app.core.scanning.engine_process import EngineProcess
from app.core.scanning.runs import scan_request
from app.core.scanning.supervisor import ScanControl, Supervisor
from tests.engine.helpers import write


@pytest.fixture
def ctx(rf_home: Path) -> Iterator[Context]:
    with Context.open() as context:
        yield context


def files(root: Path, count: int) -> Path:
    for index in range(count):
        write(root / f"f{index:04d}.txt", f"file {index}\n")
    return root


def test_cancel_while_the_worker_starts_is_not_lost(ctx: Context, tmp_path: Path) -> None:
    defs = definitions.active(ctx)
    request = scan_request(ctx, [str(files(tmp_path / "c", 300))], defs, use_cache=False, jobs=1)
    control = ScanControl()
    with Supervisor(ctx) as supervisor:
        supervisor.prestart()  # the worker process is starting, not ready
        control.cancel()
        outcome = supervisor.scan(request, defs.version, control=control)
    assert outcome.cancelled
    assert outcome.progress.files_scanned == 0


def test_cancel_right_behind_the_scan_request_reaches_that_scan(ctx: Context, tmp_path: Path) -> None:
    defs = definitions.active(ctx)
    request = scan_request(ctx, [str(files(tmp_path / "c", 300))], defs, use_cache=False, jobs=1)
    proc = EngineProcess(ctx.paths.log_dir)
    try:
        proc.wait_ready()
        proc.send({**request, "cmd": "scan"})
        proc.send({"cmd": "cancel"})  # read by the worker before its main loop starts the scan
        while (message := proc.get(timeout=60)) is not None and message["type"] != "done":
            pass
    finally:
        proc.close()
    assert message is not None and message["cancelled"] is True
    assert message["files_scanned"] == 0
