"""What scans and real-time protection leave alone, and why: the user's own list, the one-click presets
and the places added with "Never scan this folder".

The settings hold the lists (``scan.exclude_paths``, ``scan.exclude_globs``, ``scan.exclude_extensions``)
and the presets (``scan.exclude_developer_folders``, ``scan.exclude_vm_disks``); :func:`effective` turns
them into the walk's options, for scans and real-time protection alike. A place added from a detection
or from the Scan page keeps a note of why (the ``exclusion_notes`` table), and :func:`listing` shows
every excluded place with its reason in one list — a place added from a detection names that detection,
so excluding a folder never hides a threat from the user's view of what is excluded.
"""

from __future__ import annotations

import fnmatch
import os
import time
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from app.core.context import Context
from app.core.foundation.errors import RingfenceError
from app.core.foundation.resources import resources_dir
from app.core.foundation.settings import Settings
from app.core.foundation.store import Schema
from app.core.journal import events
from app.core.text.messages import Message, translate

# Folders that hold what a developer's tools download or build, by name (anywhere below a scanned folder).
DEVELOPER_FOLDERS = ("node_modules", ".git", ".venv", "__pycache__", "build", "dist", "target")
# Disks and memory images of virtual machines (VirtualBox, VMware, Hyper-V, QEMU, Parallels): huge, and
# a scan of a running machine's disk from outside sees only a changing blob.
VM_DISK_EXTENSIONS = (".vdi", ".vmdk", ".vhd", ".vhdx", ".avhd", ".avhdx", ".qcow", ".qcow2", ".qed",
                      ".vmem", ".vmsn", ".vmss", ".hdd")

SCHEMA = Schema("exclusions", (
    """
    CREATE TABLE exclusion_notes (
        place TEXT PRIMARY KEY,
        reason TEXT NOT NULL,
        threat TEXT NOT NULL DEFAULT '',
        file TEXT NOT NULL DEFAULT '',
        added_at REAL NOT NULL
    );
    """,
))

MAX_DETECTIONS = 20_000  # the detections looked at for "threats found there" (newest first)

# Why a place was added (stored codes)
FROM_DETECTION = "detection"
FROM_SCAN_PAGE = "scan-page"
IN_SETTINGS = "settings"


@dataclass(frozen=True)
class Excluded:
    """One entry of the list of what is never scanned."""

    place: str  # a folder or file, a folder name, a name pattern or an extension
    kind: str  # "place", "folder-name", "pattern" or "extension"
    reason: Message
    added_at: float | None = None
    threat: str = ""  # the threat found there when the place was added from a detection
    threats_found: int = 0  # detections recorded (in the kept history) that this exclusion would now leave alone


def effective(settings: Settings) -> dict[str, list[str]]:
    """The walk's exclusion options from ``settings``: the user's lists plus the chosen presets."""
    extensions = list(settings["scan.exclude_extensions"])
    if settings["scan.exclude_vm_disks"]:
        extensions += [e for e in VM_DISK_EXTENSIONS if e not in extensions]
    return {
        "exclude_paths": list(settings["scan.exclude_paths"]),
        "exclude_globs": list(settings["scan.exclude_globs"]),
        "exclude_extensions": extensions,
        "exclude_dir_names": list(DEVELOPER_FOLDERS) if settings["scan.exclude_developer_folders"] else [],
    }


def _same_place(a: str, b: str) -> bool:
    return os.path.normcase(os.path.normpath(a)) == os.path.normcase(os.path.normpath(b))


def never_scan(ctx: Context, folder: str, reason: str = FROM_SCAN_PAGE, *, threat: str = "",
               file: str = "") -> Settings:
    """Add ``folder`` to the places never scanned, with why (``threat`` and ``file`` name the detection it
    was added from); saved at once. Returns the saved settings (real-time protection takes them up)."""
    folder = os.path.abspath(folder)
    settings = Settings.load(ctx.paths.settings_file)
    places = list(settings["scan.exclude_paths"])
    if not any(_same_place(folder, p) for p in places):
        settings.set("scan.exclude_paths", [*places, folder])
        settings.save()
    ctx.settings = settings
    ctx.store.ensure(SCHEMA)
    with ctx.store.transaction() as conn:
        conn.execute("INSERT INTO exclusion_notes(place, reason, threat, file, added_at) VALUES (?, ?, ?, ?, ?) "
                     "ON CONFLICT(place) DO UPDATE SET reason = excluded.reason, threat = excluded.threat, "
                     "file = excluded.file, added_at = excluded.added_at",
                     (folder, reason, threat, file, time.time()))
    if reason == FROM_DETECTION:
        events.record(ctx.store, "exclusion.added_from_threat", place=folder, threat=threat, file=file)
    else:
        events.record(ctx.store, "exclusion.added", place=folder)
    return settings


@dataclass(frozen=True)
class Note:
    """Why a place was added (a row of ``exclusion_notes``)."""

    reason: str
    threat: str = ""
    file: str = ""
    added_at: float | None = None


@dataclass(frozen=True)
class Known:
    """What the list needs beyond the settings: the notes, by place, and Ringfence's own folders."""

    notes: dict[str, Note]
    own: tuple[str, ...]
    detected: tuple[str, ...] = ()  # the files of the detections recorded, newest first


def _key(place: str) -> str:
    return os.path.normcase(os.path.normpath(place))


def own_paths(ctx: Context) -> list[str]:
    """Ringfence's own folders: never scanned (they hold rule sources and test samples by design)."""
    paths = [ctx.paths.config_dir, ctx.paths.data_dir, ctx.paths.cache_dir, ctx.paths.log_dir]
    try:
        paths.append(resources_dir())
    except RingfenceError:
        pass
    return [str(p) for p in paths]


def known(ctx: Context) -> Known:
    """Read the notes and our own folders (on a worker: it reads the state database)."""
    ctx.store.ensure(SCHEMA)
    rows = ctx.store.conn.execute("SELECT place, reason, threat, file, added_at FROM exclusion_notes").fetchall()
    scanned = ctx.store.conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'detections'")
    detected = ctx.store.conn.execute("SELECT path FROM detections GROUP BY path ORDER BY MAX(id) DESC LIMIT ?",
                                      (MAX_DETECTIONS,)).fetchall() if scanned.fetchone() else []
    return Known({_key(r["place"]): Note(r["reason"], r["threat"], r["file"], r["added_at"]) for r in rows},
                 tuple(own_paths(ctx)), tuple(r["path"] for r in detected))


def _hides(entry: Excluded, files: tuple[str, ...]) -> int:
    """How many of the detected ``files`` the exclusion ``entry`` leaves alone now."""
    if entry.kind == "place":
        place = _key(entry.place)
        return sum(1 for f in files if _key(f) == place or _key(f).startswith(place.rstrip(os.sep) + os.sep))
    if entry.kind == "folder-name":
        name = os.path.normcase(entry.place)
        return sum(1 for f in files if name in os.path.dirname(_key(f)).split(os.sep))
    if entry.kind == "extension":
        ext = "." + entry.place.lower().lstrip(".")
        return sum(1 for f in files if f.lower().endswith(ext))
    return sum(1 for f in files if fnmatch.fnmatch(os.path.basename(f), entry.place))


def _place_reason(note: Note | None) -> Message:
    if note is None or note.reason == IN_SETTINGS:
        return translate("Exclusions", "Added in the settings")
    if note.reason == FROM_DETECTION:
        return translate("Exclusions", "Added from the threat %1 found in %2; that file is not scanned any more "
                         "either").arg(note.threat, note.file)
    return translate("Exclusions", "Added from the Scan page")


def listing(values: Mapping[str, Any], found: Known) -> list[Excluded]:
    """Everything scans and real-time protection leave alone, each with the reason it is there, for the
    settings ``values`` (saved, or as the settings dialog holds them)."""
    entries: list[Excluded] = []
    for place in values["scan.exclude_paths"]:
        note = found.notes.get(_key(place))
        entries.append(Excluded(place, "place", _place_reason(note), note.added_at if note is not None else None,
                                note.threat if note is not None and note.reason == FROM_DETECTION else ""))
    if values["scan.exclude_developer_folders"]:
        preset = translate("Exclusions", "Preset: developer folders (any folder of this name)")
        entries += [Excluded(name, "folder-name", preset) for name in DEVELOPER_FOLDERS]
    in_settings = translate("Exclusions", "Added in the settings")
    entries += [Excluded(pattern, "pattern", in_settings) for pattern in values["scan.exclude_globs"]]
    entries += [Excluded(extension, "extension", in_settings) for extension in values["scan.exclude_extensions"]]
    if values["scan.exclude_vm_disks"]:
        preset = translate("Exclusions", "Preset: virtual machine disks")
        entries += [Excluded(e, "extension", preset) for e in VM_DISK_EXTENSIONS
                    if e not in values["scan.exclude_extensions"]]
    own = translate("Exclusions", "Ringfence's own folders (its definitions and test samples): always")
    entries += [Excluded(place, "place", own) for place in found.own]
    return [replace(e, threats_found=_hides(e, found.detected)) for e in entries]
