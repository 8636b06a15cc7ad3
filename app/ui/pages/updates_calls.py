"""The Updates page's core calls (each runs on a worker thread with that thread's context)."""

from __future__ import annotations

import time
from collections.abc import Callable
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
    held_back: str | None = None  # why automatic installs wait: "paused", "pinned", "stopped" (else None)


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
    return UpdatesView(status, created, changes, time.time(), held_back(service, status))


def held_back(service: UpdateService, status: UpdateStatus) -> str | None:
    """Why new definitions are not installed automatically now, if the user holds them back."""
    if status.paused_until is not None and status.paused_until > service.clock():
        return "paused"
    if status.ring == "pinned":
        return "pinned"
    return "stopped" if service.state.auto_stopped else None


def check(ctx: Context, job: Job) -> CheckResult:
    """Check now (a manual check: pause and Pinned still hold; installing anyway is :func:`install_anyway`)."""
    return UpdateService(_fresh(ctx), progress=_reporter(job)).check(manual=True)


def install_anyway(ctx: Context, job: Job) -> CheckResult:
    """The user's explicit "install anyway": the newest definitions for this PC despite pause, Pinned or a
    stop; they are verified, validated and self-tested as always. The pause and the ring stay as they are."""
    return UpdateService(_fresh(ctx), progress=_reporter(job)).apply()


def _reporter(job: Job) -> Callable[[str, int, int], None]:
    def progress(phase: str, done: int, total: int) -> None:
        job.report((phase, done, total))

    return progress


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
