"""Every setting, declared once.

:data:`SCHEMA` lists each key with its type, default, bounds and translatable label. Persistence,
validation and (later) the settings dialog are all derived from it. ``settings.json`` is written
atomically. A damaged file can never stop the app, and never costs the user what they set: see
:class:`Settings`.
"""

from __future__ import annotations

import builtins
import json
import logging
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.core.foundation.errors import RingfenceError
from app.core.foundation.fileio import atomic_write_json, fsync_dir
from app.core.foundation.settings_migrations import VERSION, VERSION_KEY, migrate
from app.core.text.messages import QT_TRANSLATE_NOOP, Message, translate

log = logging.getLogger(__name__)


class InvalidValue(ValueError):
    """A value that does not fit its setting; ``problem`` says why (a translatable phrase)."""

    def __init__(self, problem: Message) -> None:
        super().__init__(problem.english())
        self.problem = problem


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
        """Return ``value`` if it fits this setting, else raise :class:`InvalidValue` saying why."""
        if self.type is bool:
            if not isinstance(value, bool):
                raise InvalidValue(translate("Settings", "expected true or false"))
            return value
        if self.type is int:
            if isinstance(value, bool) or not isinstance(value, int):
                raise InvalidValue(translate("Settings", "expected a whole number"))
            if self.minimum is not None and value < self.minimum:
                raise InvalidValue(translate("Settings", "must be at least %1").arg(self.minimum))
            if self.maximum is not None and value > self.maximum:
                raise InvalidValue(translate("Settings", "must be at most %1").arg(self.maximum))
            return value
        if self.type is str:
            if not isinstance(value, str):
                raise InvalidValue(translate("Settings", "expected text"))
            if self.choices and value not in self.choices:
                raise InvalidValue(translate("Settings", "must be one of %1").arg(", ".join(self.choices)))
            return value
        if self.type is list:
            if not isinstance(value, list) or not all(isinstance(v, self.item_type or str) for v in value):
                raise InvalidValue(translate("Settings", "expected a list of text"))
            return list(value)
        raise ValueError(f"unsupported setting type {self.type!r}")  # pragma: no cover - schema bug

    def usable(self, value: Any) -> Any:
        """What to use in place of an invalid ``value``: a number clamped into range, the text entries of a
        list (one text for a list of texts), else the default — so a slightly wrong exclusion still excludes."""
        if self.type is int and isinstance(value, int) and not isinstance(value, bool):
            low = value if self.minimum is None else max(self.minimum, value)
            return low if self.maximum is None else min(self.maximum, low)
        if self.type is list and self.item_type is str:
            if isinstance(value, str):
                return [value]
            if isinstance(value, list):
                return [v for v in value if isinstance(v, str)]
        return self.default


def _s(key: str, type_: type, default: Any, label: str, **kw: Any) -> Setting:
    return Setting(key, type_, default, label, **kw)


SCHEMA: tuple[Setting, ...] = (
    # Quarantine by default: the vault is encrypted and every item comes back byte for byte, so acting
    # at once is safe, and a home user should not have to decide about each threat while it can run.
    # (Files the OS needs are never quarantined; `ringfence scan` reports unless told otherwise.)
    _s("scan.action", str, "quarantine", QT_TRANSLATE_NOOP("Settings", "When a scan finds a threat"),
       choices=("report", "quarantine", "ask")),
    # Potentially unwanted and suspicious findings are never quarantined without the user's say
    # (a hack tool on a home PC is often the user's own): reported unless chosen otherwise.
    _s("scan.action_pua", str, "report",
       QT_TRANSLATE_NOOP("Settings", "When Ringfence finds potentially unwanted software (such as hack tools)"),
       choices=("off", "report", "ask", "quarantine")),
    _s("scan.action_suspicious", str, "report",
       QT_TRANSLATE_NOOP("Settings", "When Ringfence finds something suspicious (not clearly a threat)"),
       choices=("off", "report", "ask", "quarantine")),
    _s("scan.max_file_size_mb", int, 256, QT_TRANSLATE_NOOP("Settings", "Largest file to scan (MB)"),
       minimum=1, maximum=1024 * 1024),
    _s("scan.jobs", int, 0, QT_TRANSLATE_NOOP("Settings", "Scanner threads (0 = one per processor core)"),
       minimum=0, maximum=64),
    _s("scan.rule_timeout_s", int, 60, QT_TRANSLATE_NOOP("Settings", "Time limit for matching one file (seconds)"),
       minimum=1, maximum=3600),
    _s("scan.use_cache", bool, True, QT_TRANSLATE_NOOP("Settings", "Skip files that are unchanged since they were found clean")),
    # Limits at least ClamAV's (clamd.conf): a JDK, big jars, wheels and game archives are checked fully,
    # while a zip bomb stays bounded in seconds. Reaching one says "not fully checked", never "threat".
    _s("scan.scan_archives", bool, True,
       QT_TRANSLATE_NOOP("Settings", "Look inside archives and disk images (zip, 7z, RAR, ISO, CAB, tar, OneNote)")),
    _s("scan.archive_max_depth", int, 17, QT_TRANSLATE_NOOP("Settings", "Archives inside archives: deepest level"),
       minimum=0, maximum=32),
    _s("scan.archive_max_members", int, 10000,
       QT_TRANSLATE_NOOP("Settings", "Archives: most files to look at in one archive"), minimum=1, maximum=1000000),
    _s("scan.archive_max_expanded_mb", int, 2048,
       QT_TRANSLATE_NOOP("Settings", "Archives: most data to unpack from one archive (MB)"), minimum=1, maximum=65536),
    _s("scan.archive_max_seconds", int, 300,
       QT_TRANSLATE_NOOP("Settings", "Archives: most time to spend on one archive (seconds)"), minimum=1, maximum=3600),
    _s("scan.archive_limit_is_finding", bool, False,
       QT_TRANSLATE_NOOP("Settings", "Report an archive that could not be fully checked (a limit was reached) as a "
                                     "threat, and act on it like one")),
    _s("scan.encrypted_is_finding", bool, False,
       QT_TRANSLATE_NOOP("Settings", "Report a password-protected archive (which cannot be checked) as a threat, "
                                     "and act on it like one")),
    # The exclusions (their own settings tab): the one-click presets first, then the user's own lists.
    _s("scan.exclude_developer_folders", bool, False,
       QT_TRANSLATE_NOOP("Settings", "Never scan developer folders (node_modules, .git, .venv, __pycache__, build, dist, "
                                     "target)")),
    _s("scan.exclude_vm_disks", bool, False,
       QT_TRANSLATE_NOOP("Settings", "Never scan virtual machine disks (.vdi, .vmdk, .vhd, .vhdx, .qcow2 and others)")),
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
    _s("beacon.enabled", bool, False,
       QT_TRANSLATE_NOOP("Settings", "Send anonymous health reports about definitions updates to the vendor")),
    _s("realtime.enabled", bool, True, QT_TRANSLATE_NOOP("Settings", "Real-time protection: check new and changed files")),
    _s("realtime.roots", list, [], QT_TRANSLATE_NOOP("Settings", "Real-time protection: folders to watch (empty = the usual ones)"),
       item_type=str),
    _s("schedule.min_battery_percent", int, 50,
       QT_TRANSLATE_NOOP("Settings", "Scheduled scans: skip on battery below (percent; 0 = never skip)"),
       minimum=0, maximum=100),
    # USB sticks and external disks (app.core.drives): asking is the default, as Windows' own AutoPlay does
    _s("drives.on_connect", str, "ask", QT_TRANSLATE_NOOP("Settings", "When a USB drive is connected"),
       choices=("nothing", "ask", "scan")),
    _s("drives.full_scan", bool, False,
       QT_TRANSLATE_NOOP("Settings", "Scan everything on a USB drive (slower), not only programs, scripts and "
                                     "shortcuts")),
    _s("history.keep_days", int, 365, QT_TRANSLATE_NOOP("Settings", "Keep the event history for (days)"),
       minimum=7, maximum=3650),
    _s("ui.language", str, "system", QT_TRANSLATE_NOOP("Settings", "Language"), choices=("system", "en", "de")),
    _s("ui.autostart", bool, False, QT_TRANSLATE_NOOP("Settings", "Start Ringfence when I log in")),
    _s("ui.scan_menu", bool, False,
       QT_TRANSLATE_NOOP("Settings", "Show \"Scan with Ringfence\" in the file manager's menu for files and folders")),
    _s("ui.do_not_disturb", bool, False,
       QT_TRANSLATE_NOOP("Settings", "Do not disturb: show only threat and crash notifications")),
)

BY_KEY: dict[str, Setting] = {s.key: s for s in SCHEMA}


# Settings files this process found damaged and kept aside (the file's path -> the copy), so every
# context of the process — the console opens one per worker thread — can tell the user.
_RECOVERED: dict[Path, Path] = {}


@dataclass
class Settings:
    """The user's settings, always valid in memory. Load with :meth:`load`, change with :meth:`set`.

    Nothing the user wrote is lost: a file that is not valid JSON is kept aside under a time-stamped
    name (:attr:`recovered_from`) before the defaults are used; unknown keys and unusable values stay
    in the file on :meth:`save` (in memory an unusable value is clamped or defaulted, with a warning);
    a file that can be neither read nor kept aside is never written over.
    """

    path: Path
    values: dict[str, Any] = field(default_factory=dict)
    warnings: list[Message] = field(default_factory=list)
    # The copy of a damaged settings file kept aside (in this process), or ``None``.
    recovered_from: Path | None = None
    # Whether this very load moved the damaged file aside (so the event is recorded once).
    moved_aside: bool = False
    _kept: dict[str, Any] = field(default_factory=dict, repr=False)
    _frozen: Message | None = field(default=None, repr=False)

    @classmethod
    def load(cls, path: Path) -> Settings:
        settings = cls(path, {s.key: s.default for s in SCHEMA}, recovered_from=_RECOVERED.get(path))
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            return settings
        except OSError as exc:
            settings._frozen = translate(
                "Settings", "The settings file %1 cannot be read (%2), so Ringfence uses the default settings "
                "and leaves the file as it is; check its permissions.").arg(str(path), exc.strerror or str(exc))
            settings._warn(settings._frozen)
            return settings
        try:
            raw = json.loads(data.decode("utf-8"))
            if not isinstance(raw, dict):
                raise ValueError("the file does not hold an object")
        except ValueError as exc:
            log.warning("%s is not valid settings JSON: %s", path, exc)
            settings._keep_aside(data)
            return settings
        for key, value in migrate(raw).items():
            if key == VERSION_KEY:
                continue  # written anew by save()
            settings._take(key, value)
        return settings

    def _take(self, key: str, value: Any) -> None:
        setting = BY_KEY.get(key)
        if setting is None:
            self._kept[key] = value
            self._warn(translate("Settings", "The settings file has a setting %1 that this version does not know; "
                                 "it is kept in the file.").arg(key))
            return
        try:
            self.values[key] = setting.validate(value)
        except InvalidValue as exc:
            self._kept[key] = value
            self.values[key] = setting.usable(value)
            self._warn(translate("Settings", "The setting %1 in the settings file cannot be used (%2); %3 is used "
                                 "instead, and the file keeps its value until the setting is changed.")
                       .arg(key, exc.problem, json.dumps(self.values[key])))

    def _keep_aside(self, data: bytes) -> None:
        backup = _write_backup(self.path, data)
        if backup is None:
            self._frozen = translate(
                "Settings", "The settings file %1 is damaged and could not be copied aside, so Ringfence uses the "
                "default settings and leaves the file as it is; repair or remove it.").arg(str(self.path))
            self._warn(self._frozen)
            return
        try:
            self.path.unlink()
            fsync_dir(self.path.parent)
        except OSError as exc:  # the copy is safe; the damaged file is written over on the next save
            log.warning("could not remove the damaged %s: %s", self.path, exc)
        _RECOVERED[self.path] = backup
        self.recovered_from, self.moved_aside = backup, True
        self._warn(recovered_message(backup))

    def _warn(self, message: Message) -> None:
        log.warning("%s", message.english())
        self.warnings.append(message)

    def __getitem__(self, key: str) -> Any:
        return self.values[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.values)

    def set(self, key: str, value: Any) -> None:
        setting = BY_KEY.get(key)
        if setting is None:
            raise RingfenceError(translate("Settings", "There is no setting called %1.").arg(key))
        try:
            self.values[key] = setting.validate(value)
        except InvalidValue as exc:
            raise RingfenceError(translate("Settings", "The setting %1 cannot take that value: %2.")
                                 .arg(key, exc.problem)) from exc
        self._kept.pop(key, None)

    def save(self) -> None:
        """Write the settings; unknown keys and values this version could not use are written back as found."""
        if self._frozen is not None:
            raise RingfenceError(self._frozen)
        atomic_write_json(self.path, {**self.values, **self._kept, VERSION_KEY: VERSION})


def recovered_in_this_process() -> list[Path]:
    """The copies of damaged settings files this process kept aside (the CLI names them on stderr)."""
    return list(_RECOVERED.values())


def recovered_message(backup: Path) -> Message:
    """What to tell the user when a damaged settings file was kept aside as ``backup``."""
    return translate("Settings", "The settings file could not be read; it was kept as %1 and the default "
                     "settings are in use.").arg(str(backup))


def _write_backup(path: Path, data: bytes) -> Path | None:
    """Copy ``data`` next to ``path`` under a new time-stamped name (never over an existing file)."""
    stamp = time.strftime("%Y%m%d-%H%M%S", time.gmtime())
    for attempt in range(100):
        suffix = f"-{attempt}" if attempt else ""
        target = path.with_name(f"{path.stem}.damaged-{stamp}{suffix}{path.suffix}")
        try:
            with open(target, "xb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
        except FileExistsError:
            continue
        except OSError as exc:
            log.error("could not keep the damaged %s as %s: %s", path, target, exc)
            return None
        return target
    return None
