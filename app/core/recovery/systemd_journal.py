"""systemd journal exports (``journalctl -o export`` and ``-o json``), reduced to one summary per boot.

What matters for crash insight is whether a boot ended with journald's own "Journal stopped" entry
(``MESSAGE_ID=d93fb3c9c24d451a97cea615ce59c00b``): a finished boot without it ended without a clean
shutdown. Only four fields per entry are kept, so even a large export is read in constant memory.
"""

from __future__ import annotations

import json
import struct
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import BinaryIO

from app.core.foundation.errors import RingfenceError
from app.core.recovery.timeconv import unix_micros_to_datetime
from app.core.text.messages import Message, translate

JOURNAL_STOPPED = "d93fb3c9c24d451a97cea615ce59c00b"
_WANTED = {"__REALTIME_TIMESTAMP", "_BOOT_ID", "MESSAGE_ID"}
_MAX_FIELD = 64 * 1024 * 1024


@dataclass
class JournalBoot:
    boot_id: str
    first: datetime | None = None
    last: datetime | None = None
    entries: int = 0
    clean_stop: bool = False


def summarize_boots(entries: Iterable[dict[str, str]]) -> list[JournalBoot]:
    """One :class:`JournalBoot` per ``_BOOT_ID``, in order of first appearance."""
    boots: dict[str, JournalBoot] = {}
    for entry in entries:
        boot_id = entry.get("_BOOT_ID") or ""
        if not boot_id:
            continue
        boot = boots.setdefault(boot_id, JournalBoot(boot_id))
        boot.entries += 1
        moment = unix_micros_to_datetime(entry.get("__REALTIME_TIMESTAMP"))
        if moment:
            boot.first = moment if boot.first is None else min(boot.first, moment)
            boot.last = moment if boot.last is None else max(boot.last, moment)
        if (entry.get("MESSAGE_ID") or "").lower() == JOURNAL_STOPPED:
            boot.clean_stop = True
    return list(boots.values())


def looks_like_journal(head: bytes) -> bool:
    start = head.lstrip()[:200]
    return start.startswith(b"__CURSOR=") or (start.startswith(b"{") and b'"__CURSOR"' in start)


def read_journal(stream: BinaryIO, name: Message | str | None = None) -> list[JournalBoot]:
    """Boots in a (seekable) journal export, in either the export or the JSON-lines format."""
    start = stream.tell()
    head = stream.read(64).lstrip()[:1]
    stream.seek(start)
    name = translate("Recovery", "The journal export") if name is None else name
    entries = _json_entries(stream, name) if head == b"{" else _export_entries(stream, name)
    return summarize_boots(entries)


def _json_entries(stream: BinaryIO, name: Message | str) -> Iterator[dict[str, str]]:
    for number, raw in enumerate(stream, 1):
        line = raw.strip()
        if not line:
            continue
        try:
            record = json.loads(line)
        except (ValueError, RecursionError) as exc:
            raise RingfenceError(translate("Recovery", "%1 is not a readable journal export (line %2 is not JSON).")
                                 .arg(name, number)) from exc
        if isinstance(record, dict):
            yield {key: value for key, value in record.items() if key in _WANTED and isinstance(value, str)}


def _ends_inside(name: Message | str) -> Message:
    return translate("Recovery", "%1 is not a readable journal export (it ends inside a field).").arg(name)


def _export_entries(stream: BinaryIO, name: Message | str) -> Iterator[dict[str, str]]:
    """The journal export format: ``NAME=value`` lines, or ``NAME``, a 64-bit little-endian size and raw bytes."""
    entry: dict[str, str] = {}
    while True:
        line = stream.readline(1024 * 1024)
        if not line:
            break
        if line in (b"\n", b"\r\n"):
            if entry:
                yield entry
            entry = {}
            continue
        if b"=" in line:
            field, _, value = line.rstrip(b"\r\n").partition(b"=")
        else:
            field = line.rstrip(b"\r\n")
            size_bytes = stream.read(8)
            if len(size_bytes) < 8:
                raise RingfenceError(_ends_inside(name))
            size = struct.unpack("<Q", size_bytes)[0]
            if size > _MAX_FIELD:
                raise RingfenceError(translate("Recovery", "%1 is not a readable journal export (a field claims %2 bytes).")
                                     .arg(name, size))
            value = stream.read(size)
            if len(value) < size:
                raise RingfenceError(_ends_inside(name))
            stream.read(1)
        key = field.decode("utf-8", "replace")
        if key in _WANTED:
            entry[key] = value.decode("utf-8", "replace")
    if entry:
        yield entry
