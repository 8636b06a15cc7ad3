"""The Updates page's core calls (each runs on a worker thread with that thread's context)."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from app.core.context import Context
from app.core.errors import RingfenceError
from app.core.messages import Message
from app.core.settings import Settings
from app.core.updates.diff import RuleDiff
from app.core.updates.service import CheckResult, UpdateService
from app.core.updates.update_status import UpdateStatus
from app.ui.workers import Job

HISTORY_ROWS = 50


@dataclass(frozen=True)
class Changes:
    """What changed in the active version: its release notes and its rules compared with ``since``."""

    version: int
    since: int | None  # None: the built-in baseline
    notes: str | None
    diff: RuleDiff | None
    diff_error: Message | str | None = None


@dataclass(frozen=True)
class UpdatesView:
    status: UpdateStatus
    created: float | None
    changes: Changes | None
    loaded_at: float


def _fresh(ctx: Context) -> Context:
    """``ctx`` with the settings as saved now (another worker thread may have changed the ring)."""
    ctx.settings = Settings.load(ctx.paths.settings_file)
    return ctx


def load(ctx: Context) -> UpdatesView:
    service = UpdateService(_fresh(ctx))
    status = service.status(history_limit=HISTORY_ROWS)
    created = service.activator.definitions_created(service.state)
    changes = None
    current = status.current_version
    if current is not None:
        older = [v for v in service.activator.staging.staged_versions() if v < current]
        since = older[-1] if older else None
        try:
            diff, error = service.rule_diff(since, current), None
        except RingfenceError as exc:
            diff, error = None, exc.msg
        changes = Changes(current, since, service.release_notes(current), diff, error)
    return UpdatesView(status, created, changes, time.time())


def check(ctx: Context, job: Job) -> CheckResult:
    """Check now (a manual check: pause and Pinned still hold; installing anyway is ``UpdateService.apply``)."""
    def progress(phase: str, done: int, total: int) -> None:
        job.report((phase, done, total))

    return UpdateService(_fresh(ctx), progress=progress).check(manual=True)


def rollback(ctx: Context) -> CheckResult:
    return UpdateService(ctx).rollback()


def set_ring(ctx: Context, ring: str) -> None:
    UpdateService(_fresh(ctx)).set_ring(ring)


def pause(ctx: Context, hours: float) -> float:
    return UpdateService(ctx).pause(hours)


def resume(ctx: Context) -> None:
    UpdateService(ctx).resume()


def operation(ctx: Context) -> dict[str, Any] | None:
    """The download or validation in progress, if any (another process may be running it)."""
    from app.core.updates.state import load_state

    return load_state(ctx.paths.data_dir).operation
