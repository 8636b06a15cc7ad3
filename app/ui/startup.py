"""The console's background work, as plain functions a worker runs with its own context.

Nothing here touches Qt: :class:`~app.ui.application.ConsoleApp` submits these to
:class:`~app.ui.workers.Workers` (or, for the poller, to its own thread) and reacts to the signals.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.core.context import Context
from app.core.foundation.errors import RingfenceError
from app.core.foundation.settings import Settings

if TYPE_CHECKING:
    from app.core.updates.poller import Poller

log = logging.getLogger(__name__)
TRAY_HINT_FILE = "console-tray-hint-shown"


def start_poller(ctx: Context, on_result: Callable[[Any], None], first_delay: float | None = None) -> Poller:
    """Create and start the update poller (on a worker: importing the update client takes a while)."""
    from app.core.updates.poller import Poller
    from app.core.updates.service import UpdateService

    paths = ctx.paths

    def service() -> UpdateService:
        return UpdateService(Context.open(paths))

    poller = Poller(service, on_result=on_result, first_delay=first_delay)
    poller.start()
    return poller


def announce_crashes(ctx: Context, source: Path | None = None) -> int:
    """Look up the PC's crashes (or those recorded in ``source``); each new one is journalled once
    (``crash.found``) and stays pending until dismissed. Returns how many were new."""
    from app.core.recovery.providers import scan
    from app.core.recovery.seen import SeenCrashes

    return len(SeenCrashes(ctx.store).announce(scan(source).crashes))


def compute_verdict(ctx: Context) -> Any:
    from app.core.status.verdict import compute_verdict as compute

    return compute(ctx)


def save_settings(ctx: Context, values: dict[str, Any]) -> Settings:
    """Apply ``values`` to the settings on disk; all or nothing (a bad value raises with its reason)."""
    from app.core.desktop import autostart, scan_menu

    settings = Settings.load(ctx.paths.settings_file)
    reports_before = settings["beacon.enabled"]
    for key, value in values.items():
        settings.set(key, value)
    if "ui.autostart" in values:
        autostart.apply(bool(settings["ui.autostart"]))  # first: if it cannot be done, nothing is saved
    if "ui.scan_menu" in values:
        scan_menu.apply(bool(settings["ui.scan_menu"]))
    settings.save()
    ctx.settings = settings
    if settings["beacon.enabled"] != reports_before:  # an answer to the health-report question, given here
        from app.core.beacon import reporter

        reporter.set_enabled(ctx, bool(settings["beacon.enabled"]))
    return settings


def load_settings(ctx: Context) -> Settings:
    return Settings.load(ctx.paths.settings_file)


def first_time_hidden(ctx: Context) -> bool:
    """True the first time the window closes to the tray (the user is told once)."""
    marker = ctx.paths.data_dir / TRAY_HINT_FILE
    if marker.exists():
        return False
    try:
        marker.touch()
    except OSError as exc:
        raise RingfenceError(f"could not remember the tray hint: {exc}") from exc
    return True
