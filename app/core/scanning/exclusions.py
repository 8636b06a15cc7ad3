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

import os
import time
from dataclasses import dataclass
from typing import Any

from app.core.context import Context
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


def _notes(ctx: Context) -> dict[str, Any]:
    ctx.store.ensure(SCHEMA)
    rows = ctx.store.conn.execute("SELECT place, reason, threat, file, added_at FROM exclusion_notes").fetchall()
    return {os.path.normcase(os.path.normpath(r["place"])): r for r in rows}


def _place_reason(note: Any) -> Message:
    if note is None or note["reason"] == IN_SETTINGS:
        return translate("Exclusions", "Added in the settings")
    if note["reason"] == FROM_DETECTION:
        return translate("Exclusions", "Added from the threat %1 found in %2; that file is not scanned any more "
                         "either").arg(note["threat"], note["file"])
    return translate("Exclusions", "Added from the Scan page")


def listing(ctx: Context) -> list[Excluded]:
    """Everything scans and real-time protection leave alone, each with the reason it is there."""
    s = ctx.settings
    notes = _notes(ctx)
    found: list[Excluded] = []
    for place in s["scan.exclude_paths"]:
        note = notes.get(os.path.normcase(os.path.normpath(place)))
        found.append(Excluded(place, "place", _place_reason(note), note["added_at"] if note is not None else None))
    if s["scan.exclude_developer_folders"]:
        preset = translate("Exclusions", "Preset: developer folders (any folder of this name)")
        found += [Excluded(name, "folder-name", preset) for name in DEVELOPER_FOLDERS]
    for pattern in s["scan.exclude_globs"]:
        found.append(Excluded(pattern, "pattern", translate("Exclusions", "Added in the settings")))
    for extension in s["scan.exclude_extensions"]:
        found.append(Excluded(extension, "extension", translate("Exclusions", "Added in the settings")))
    if s["scan.exclude_vm_disks"]:
        preset = translate("Exclusions", "Preset: virtual machine disks")
        found += [Excluded(e, "extension", preset) for e in VM_DISK_EXTENSIONS
                  if e not in s["scan.exclude_extensions"]]
    return found
