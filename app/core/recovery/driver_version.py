"""Whose driver is it? The version resource of a Windows driver file, read in pure Python.

A crash names a driver by file name; the file on this PC says who made it and which version is
installed (``CompanyName``, ``FileVersion``, ``FileDescription``, ``ProductName`` of the
``VS_VERSIONINFO`` resource) and when it was built (the PE header's link time). The reader follows
the PE/COFF layout (DOS header -> ``PE\\0\\0`` -> optional header -> resource directory, type 16),
checks every offset against the file and returns ``None`` for anything it cannot read: a driver
file that is damaged or not a PE file simply has no details. It runs on every system, so the tests
read real driver files on Linux too.
"""

from __future__ import annotations

import logging
import os
import struct
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path, PureWindowsPath

log = logging.getLogger(__name__)

MAX_DRIVER_BYTES = 96 * 1024 * 1024
RT_VERSION = 16
FIXED_SIGNATURE = 0xFEEF04BD
_STRINGS = ("CompanyName", "FileVersion", "FileDescription", "ProductName")
_EARLIEST_LINK = datetime(1993, 1, 1, tzinfo=UTC)  # reproducible builds write a hash, not a time, there


@dataclass(frozen=True)
class DriverVersion:
    """What a driver file says about itself; ``None`` wherever it says nothing."""

    path: str
    file_version: str | None
    company: str | None
    description: str | None
    product: str | None
    date: datetime | None  # the PE link time when plausible, else the file's modification time

    def to_json(self) -> dict[str, str | None]:
        from app.core.recovery.model import iso_utc

        return {"path": self.path, "file_version": self.file_version, "company": self.company,
                "description": self.description, "product": self.product, "date": iso_utc(self.date)}


class _Bad(Exception):
    """The file is not a PE file with a readable version resource."""


def read_driver_version(path: Path) -> DriverVersion | None:
    """The version details of the driver file ``path``, or ``None`` when it cannot be read."""
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_DRIVER_BYTES)
        modified = datetime.fromtimestamp(path.stat().st_mtime, UTC)
    except (OSError, OverflowError, ValueError) as exc:
        log.info("driver file %s not readable: %s", path, exc)
        return None
    try:
        linked, strings, fixed_version = _parse(data)
    except (_Bad, struct.error, UnicodeDecodeError) as exc:
        log.info("driver file %s has no readable version resource: %s", path, exc)
        return None
    now = datetime.now(UTC)
    date = linked if linked is not None and _EARLIEST_LINK <= linked <= now else modified
    return DriverVersion(str(path), strings.get("FileVersion") or fixed_version, strings.get("CompanyName"),
                         strings.get("FileDescription"), strings.get("ProductName"), date)


def _parse(data: bytes) -> tuple[datetime | None, dict[str, str], str | None]:
    if data[:2] != b"MZ" or len(data) < 0x40:
        raise _Bad("no MZ header")
    pe = _u32(data, 0x3C)
    if data[pe:pe + 4] != b"PE\0\0":
        raise _Bad("no PE signature")
    sections, stamp, optional_size = struct.unpack_from("<2xHI8xH", data, pe + 4)
    optional = pe + 24
    magic = struct.unpack_from("<H", data, optional)[0]
    if magic not in (0x10B, 0x20B):
        raise _Bad("unknown optional header")
    directories = optional + (96 if magic == 0x10B else 112)
    count = _u32(data, directories - 4)
    if count <= 2:
        raise _Bad("no resource directory")
    resource_rva, resource_size = struct.unpack_from("<II", data, directories + 2 * 8)
    table = _sections(data, optional + optional_size, sections)
    linked = datetime.fromtimestamp(stamp, UTC) if stamp else None
    if not resource_rva or not resource_size:
        return linked, {}, None
    root = _offset(table, resource_rva, len(data))
    version = _version_entry(data, root)
    if version is None:
        return linked, {}, None
    data_rva, size = struct.unpack_from("<II", data, version)
    start = _offset(table, data_rva, len(data))
    blob = data[start:start + size]
    if len(blob) != size:
        raise _Bad("version resource cut short")
    strings, fixed = _version_info(blob)
    return linked, strings, fixed


def _u32(data: bytes, offset: int) -> int:
    if offset < 0 or offset + 4 > len(data):
        raise _Bad(f"offset {offset} outside the file")
    return int(struct.unpack_from("<I", data, offset)[0])


def _sections(data: bytes, start: int, count: int) -> list[tuple[int, int, int]]:
    """(virtual address, size, file offset) of each section."""
    table = []
    for index in range(min(count, 96)):
        entry = start + index * 40
        virtual_size, address, raw_size, raw = struct.unpack_from("<IIII", data, entry + 8)
        table.append((address, max(virtual_size, raw_size), raw))
    return table


def _offset(table: list[tuple[int, int, int]], rva: int, length: int) -> int:
    for address, size, raw in table:
        if address <= rva < address + size:
            offset = raw + rva - address
            if offset < length:
                return offset
    raise _Bad(f"address 0x{rva:X} is in no section")


def _version_entry(data: bytes, root: int) -> int | None:
    """Offset of the IMAGE_RESOURCE_DATA_ENTRY of the first RT_VERSION resource (type -> name -> language)."""
    directory = root
    wanted_id: int | None = RT_VERSION  # type 16, then any name, then any language
    for _level in range(3):
        named, ids = struct.unpack_from("<HH", data, directory + 12)
        entries = [struct.unpack_from("<II", data, directory + 16 + i * 8) for i in range(min(named + ids, 4096))]
        if wanted_id is not None:
            entries = [e for e in entries if not e[0] & 0x80000000 and e[0] == wanted_id]
        if not entries:
            return None
        target = entries[0][1]
        wanted_id = None
        if not target & 0x80000000:
            return root + target
        directory = root + (target & 0x7FFFFFFF)
        if directory + 16 > len(data):
            raise _Bad("resource directory outside the file")
    return None


def _block(blob: bytes, offset: int) -> tuple[str, int, int, int, int]:
    """One VS_VERSIONINFO node: key, value type, value offset, value length (bytes), end."""
    length, value_length, kind = struct.unpack_from("<HHH", blob, offset)
    end = offset + length
    if length < 6 or end > len(blob):
        raise _Bad("version node outside the resource")
    key_start = offset + 6
    key_end = key_start
    while key_end + 1 < end and blob[key_end:key_end + 2] != b"\0\0":
        key_end += 2
    key = blob[key_start:key_end].decode("utf-16-le")
    value = (key_end + 2 + 3) & ~3
    size = value_length * 2 if kind == 1 else value_length
    return key, kind, value, min(size, max(end - value, 0)), end


def _version_info(blob: bytes) -> tuple[dict[str, str], str | None]:
    key, _kind, value, size, end = _block(blob, 0)
    if key != "VS_VERSION_INFO":
        raise _Bad("not a VS_VERSIONINFO resource")
    fixed = None
    if size >= 52 and _u32(blob, value) == FIXED_SIGNATURE:
        high, low = struct.unpack_from("<II", blob, value + 8)
        fixed = f"{high >> 16}.{high & 0xFFFF}.{low >> 16}.{low & 0xFFFF}"
    strings: dict[str, str] = {}
    for child_key, _node, child, child_end in _children(blob, (value + size + 3) & ~3, end):
        if child_key != "StringFileInfo":
            continue
        for _table_key, _table, first, table_end in _children(blob, child, child_end):
            for name, entry, _first, _end in _children(blob, first, table_end):
                if name in _STRINGS and name not in strings:
                    _, _, text_at, text_size, _ = _block(blob, entry)
                    value_text = blob[text_at:text_at + text_size].decode("utf-16-le").split("\0")[0].strip()
                    if value_text:
                        strings[name] = value_text
    return strings, fixed


def _children(blob: bytes, start: int, end: int) -> list[tuple[str, int, int, int]]:
    """The nodes between ``start`` and ``end``: (key, node offset, offset of its first child, node end)."""
    found = []
    offset = start
    while offset + 6 <= end:
        key, _kind, value, size, node_end = _block(blob, offset)
        found.append((key, offset, (value + size + 3) & ~3, node_end))
        offset = (node_end + 3) & ~3
    return found


def default_system_root() -> Path | None:
    """The Windows folder of the running system (``%SystemRoot%``), or ``None`` elsewhere."""
    if sys.platform != "win32":
        return None
    return Path(os.environ.get("SYSTEMROOT") or os.environ.get("WINDIR") or r"C:\Windows")


def locate_driver(stored: str | None, file_name: str, system_root: Path) -> Path | None:
    """Where the driver a crash dump lists (``\\SystemRoot\\System32\\drivers\\x.sys``) is on this PC."""
    candidates: list[tuple[str, ...]] = []
    if stored:
        cleaned = PureWindowsPath(stored.replace("\\??\\", "", 1))
        parts = tuple(p for p in cleaned.parts if p not in ("\\", "/") and p != cleaned.anchor)
        if parts and parts[0].lower() in ("systemroot", "windows", "winnt"):
            candidates.append(parts[1:])
        elif cleaned.drive and sys.platform == "win32" and Path(cleaned).is_file():
            return Path(cleaned)  # installed outside the Windows folder
        elif parts and not cleaned.anchor:
            candidates.append(parts)
    candidates.append(("System32", "drivers", file_name))
    for parts in candidates:
        found = _existing(system_root, parts)
        if found is not None:
            return found
    return None


def _existing(root: Path, parts: tuple[str, ...]) -> Path | None:
    """``root`` joined with ``parts``, matching each part without regard to case (Windows does not either)."""
    current = root
    for part in parts:
        exact = current / part
        if exact.exists():
            current = exact
            continue
        try:
            match = next((entry for entry in current.iterdir() if entry.name.lower() == part.lower()), None)
        except OSError:
            return None
        if match is None:
            return None
        current = match
    return current if current.is_file() else None
