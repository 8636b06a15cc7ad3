"""Every setting, declared once.

:data:`SCHEMA` lists each key with its type, default, bounds and translatable label. Persistence,
validation and (later) the settings dialog are all derived from it. ``settings.json`` is written
atomically; an unknown key or an invalid value falls back to the default with a logged warning, so a
damaged file can never stop the app.
"""

from __future__ import annotations

import builtins
import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.core.errors import RingfenceError
from app.core.fileio import atomic_write_json
from app.core.i18n import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Setting:
    key: str
    type: type
    default: Any
    label: str
    minimum: int | None = None
    maximum: int | None = None
    choices: tuple[str, ...] = ()
    item_type: builtins.type | None = None  # for lists

    def validate(self, value: Any) -> Any:
        """Return ``value`` if it fits this setting, else raise ``ValueError`` saying why."""
        if self.type is bool:
            if not isinstance(value, bool):
                raise ValueError("expected true or false")
            return value
        if self.type is int:
            if isinstance(value, bool) or not isinstance(value, int):
                raise ValueError("expected a whole number")
            if self.minimum is not None and value < self.minimum:
                raise ValueError(f"must be at least {self.minimum}")
            if self.maximum is not None and value > self.maximum:
                raise ValueError(f"must be at most {self.maximum}")
            return value
        if self.type is str:
            if not isinstance(value, str):
                raise ValueError("expected text")
            if self.choices and value not in self.choices:
                raise ValueError(f"must be one of {', '.join(self.choices)}")
            return value
        if self.type is list:
            if not isinstance(value, list) or not all(isinstance(v, self.item_type or str) for v in value):
                raise ValueError("expected a list of text")
            return list(value)
        raise ValueError(f"unsupported setting type {self.type!r}")  # pragma: no cover - schema bug


def _s(key: str, type_: type, default: Any, label: str, **kw: Any) -> Setting:
    return Setting(key, type_, default, label, **kw)


SCHEMA: tuple[Setting, ...] = (
    _s("scan.max_file_size_mb", int, 256, QT_TRANSLATE_NOOP("Settings", "Largest file to scan (MB)"),
       minimum=1, maximum=1024 * 1024),
    _s("scan.jobs", int, 0, QT_TRANSLATE_NOOP("Settings", "Scanner threads (0 = one per processor core)"),
       minimum=0, maximum=64),
    _s("scan.rule_timeout_s", int, 60, QT_TRANSLATE_NOOP("Settings", "Time limit for matching one file (seconds)"),
       minimum=1, maximum=3600),
    _s("scan.use_cache", bool, True, QT_TRANSLATE_NOOP("Settings", "Skip files that are unchanged since they were found clean")),
    _s("scan.scan_archives", bool, True, QT_TRANSLATE_NOOP("Settings", "Look inside zip archives")),
    _s("scan.archive_max_depth", int, 3, QT_TRANSLATE_NOOP("Settings", "Archives inside archives: deepest level"),
       minimum=0, maximum=10),
    _s("scan.archive_max_members", int, 2000, QT_TRANSLATE_NOOP("Settings", "Archives: most files to look at in one archive"),
       minimum=1, maximum=100000),
    _s("scan.archive_max_expanded_mb", int, 512, QT_TRANSLATE_NOOP("Settings", "Archives: most data to unpack from one archive (MB)"),
       minimum=1, maximum=16384),
    _s("scan.exclude_paths", list, [], QT_TRANSLATE_NOOP("Settings", "Folders and files never scanned"), item_type=str),
    _s("scan.exclude_globs", list, [], QT_TRANSLATE_NOOP("Settings", "Name patterns never scanned (for example *.iso)"),
       item_type=str),
    _s("scan.exclude_extensions", list, [], QT_TRANSLATE_NOOP("Settings", "File extensions never scanned"), item_type=str),
    _s("quarantine.purge_days", int, 90, QT_TRANSLATE_NOOP("Settings", "Delete quarantined items after (days)"),
       minimum=1, maximum=3650),
    _s("updates.poll_hours", int, 4, QT_TRANSLATE_NOOP("Settings", "Check for definitions every (hours)"),
       minimum=1, maximum=48),
    _s("updates.ring", str, "default", QT_TRANSLATE_NOOP("Settings", "Update ring (early, default, delayed 48 hours, pinned)"),
       choices=("early", "default", "delayed", "pinned")),
    _s("history.keep_days", int, 365, QT_TRANSLATE_NOOP("Settings", "Keep the event history for (days)"),
       minimum=7, maximum=3650),
    _s("ui.language", str, "system", QT_TRANSLATE_NOOP("Settings", "Language"), choices=("system", "en", "de")),
    _s("ui.autostart", bool, False, QT_TRANSLATE_NOOP("Settings", "Start Ringfence when I log in")),
    _s("ui.do_not_disturb", bool, False,
       QT_TRANSLATE_NOOP("Settings", "Do not disturb: show only threat and crash notifications")),
)

BY_KEY: dict[str, Setting] = {s.key: s for s in SCHEMA}


@dataclass
class Settings:
    """The user's settings, always valid. Load with :meth:`load`, change with :meth:`set`."""

    path: Path
    values: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    @classmethod
    def load(cls, path: Path) -> Settings:
        settings = cls(path, {s.key: s.default for s in SCHEMA})
        if not path.exists():
            return settings
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            if not isinstance(raw, dict):
                raise ValueError("the file does not hold an object")
        except (OSError, ValueError) as exc:
            settings._warn(f"{path} could not be read ({exc}); using the default settings")
            return settings
        for key, value in raw.items():
            setting = BY_KEY.get(key)
            if setting is None:
                settings._warn(f"unknown setting {key!r} in {path} ignored")
                continue
            try:
                settings.values[key] = setting.validate(value)
            except ValueError as exc:
                settings._warn(f"setting {key!r} {exc}; using the default {setting.default!r}")
        return settings

    def _warn(self, message: str) -> None:
        log.warning(message)
        self.warnings.append(message)

    def __getitem__(self, key: str) -> Any:
        return self.values[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.values)

    def set(self, key: str, value: Any) -> None:
        setting = BY_KEY.get(key)
        if setting is None:
            raise RingfenceError(f"There is no setting called {key!r}.")
        try:
            self.values[key] = setting.validate(value)
        except ValueError as exc:
            raise RingfenceError(f"The setting {key!r} {exc}.") from exc

    def save(self) -> None:
        atomic_write_json(self.path, self.values)
