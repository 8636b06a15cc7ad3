"""Where crash and recovery evidence comes from: one small interface, the platform chosen in one place.

A provider only collects :class:`Findings`; :func:`scan` correlates them into the report, so every
provider gets the same reasoning. The live providers are picked by :func:`live_provider` from
``sys.platform``; the offline folder provider works everywhere.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from app.core.foundation.errors import RingfenceError
from app.core.recovery.correlate import correlate
from app.core.recovery.findings import Findings
from app.core.recovery.model import RecoveryScan
from app.core.text.messages import translate


class RecoveryProvider(Protocol):
    name: str

    def collect(self) -> Findings:
        """Everything this source holds; what cannot be read becomes a note, not a failure."""
        ...


def _windows() -> RecoveryProvider:
    from app.core.recovery.windows_live import WindowsLiveProvider

    return WindowsLiveProvider()


def _linux() -> RecoveryProvider:
    from app.core.recovery.linux_live import LinuxLiveProvider

    return LinuxLiveProvider()


LIVE_PROVIDERS: dict[str, Callable[[], RecoveryProvider]] = {"win32": _windows, "linux": _linux}


class UnsupportedSystemError(RingfenceError):
    """Crash insights cannot read the running system; a folder of its logs can be read instead."""


def live_provider(platform: str | None = None) -> RecoveryProvider:
    """The provider for the running system."""
    platform = platform or sys.platform
    for prefix, factory in LIVE_PROVIDERS.items():
        if platform.startswith(prefix):
            return factory()
    raise UnsupportedSystemError(translate("Recovery", "Crash insights cannot read this system (%1) directly; copy its logs "
                                               "into a folder and open that folder.").arg(platform))


def offline_provider(folder: Path) -> RecoveryProvider:
    from app.core.recovery.offline import OfflineFolderProvider

    return OfflineFolderProvider(folder)


def scan(source: Path | None = None, provider: RecoveryProvider | None = None) -> RecoveryScan:
    """Crash reports and recovery state from ``provider``, the folder ``source``, or the running system.
    Slow (> 50 ms; seconds on Windows): reads event logs and dumps and runs system tools."""
    if provider is None:
        provider = offline_provider(source) if source is not None else live_provider()
    return correlate(provider.collect())
