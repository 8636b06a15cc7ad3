"""History to keep: the event journal (all of it, or a filtered view) written as CSV or JSON, and read back.

Each event becomes one row / object: id, time (ISO 8601, UTC, to the microsecond), kind, severity, code,
the message as the reader sees it (rendered by the caller: the console's language, or English with
:func:`app.core.text.names.plain` in the CLI) and the stored arguments as JSON. The arguments keep every
file name exactly (JSON escapes; non-ASCII as ``\\uXXXX`` in CSV, so a right-to-left mark or a newline in
a name is visible as what it is and survives the round trip; JSON keeps other letters as they are but
escapes the invisible direction controls too).

A spreadsheet runs a cell that starts with ``=``, ``+``, ``-`` or ``@`` as a formula ("CSV injection"), and
a file name is chosen by whoever made the file. Such a cell — and one starting with a tab, a carriage
return or a quote — is written with a leading ``'``, which spreadsheets show as text and
:func:`read_export` removes again.

Writing never replaces a file unless asked (``overwrite``), never leaves half a file behind, and fails
with one sentence the user can act on (folder missing, not writable).
"""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from app.core.foundation.errors import RingfenceError
from app.core.foundation.store import Store
from app.core.journal import events
from app.core.journal import search as event_search
from app.core.journal.events import Event
from app.core.text.messages import translate
from app.core.text.names import BIDI_CONTROLS

FORMATS = ("csv", "json")
COLUMNS = ("id", "time", "kind", "severity", "code", "message", "args")
FORMAT_NAME = "ringfence-history"
FORMAT_VERSION = 1
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "'")
BATCH = 1000
_INVISIBLE = sorted(BIDI_CONTROLS | {"\u2028", "\u2029", "\ufeff"})


def select(store: Store, render: Callable[[Event], str], *, kinds: Iterable[str] | None = None,
           since: float | None = None, search: str = "") -> list[Event]:
    """The events of a view, newest first: all of them, or those of ``kinds`` from ``since`` on whose
    message (as ``render`` shows it) or arguments contain ``search`` — what the History page shows."""
    kinds = None if kinds is None else list(kinds)
    if search:
        found = event_search.search(store, search, render, kinds=kinds, since=since, limit=event_search.SEARCH_LIMIT)
        return found.events
    chosen: list[Event] = []
    before = None
    while batch := events.query(store, kinds=kinds, since=since, before=before, limit=BATCH):
        chosen += batch
        before = batch[-1].id
    return chosen


def format_for(path: str | os.PathLike[str], chosen: str | None = None) -> str:
    """The format asked for, or the one the file name's extension names."""
    if chosen is None:
        chosen = Path(path).suffix.lower().lstrip(".")
    if chosen in FORMATS:
        return chosen
    raise RingfenceError(translate("HistoryExport", "Choose CSV or JSON for the export (a name ending in .csv or "
                                                    ".json)."))


def iso_time(timestamp: float) -> str:
    return datetime.fromtimestamp(timestamp, UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def neutral(cell: str) -> str:
    """A CSV cell that a spreadsheet shows as text, never runs as a formula."""
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def _restored(cell: str) -> str:
    return cell[1:] if cell.startswith("'") else cell


def to_csv(chosen: list[Event], render: Callable[[Event], str]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for event in chosen:
        row = [str(event.id), iso_time(event.time), event.kind, event.severity, event.code, render(event),
               json.dumps(event.args, ensure_ascii=True, sort_keys=True)]
        writer.writerow([neutral(cell) for cell in row])
    return out.getvalue()


def to_json(chosen: list[Event], render: Callable[[Event], str], *, exported: float | None = None) -> str:
    document = {
        "format": FORMAT_NAME, "version": FORMAT_VERSION,
        "exported": iso_time(datetime.now(UTC).timestamp() if exported is None else exported),
        "events": [{"id": e.id, "time": iso_time(e.time), "timestamp": e.time, "kind": e.kind, "severity": e.severity,
                    "code": e.code, "message": render(e), "args": e.args} for e in chosen],
    }
    written = json.dumps(document, indent=2, ensure_ascii=False)
    for ch in _INVISIBLE:  # only ever inside strings: escaped, the text is the same and reads as it is
        written = written.replace(ch, f"\\u{ord(ch):04x}")
    return written + "\n"


def write_export(path: str | os.PathLike[str], chosen: list[Event], render: Callable[[Event], str], *,
                 fmt: str | None = None, overwrite: bool = False) -> Path:
    """Write ``chosen`` to ``path`` as CSV (UTF-8 with a byte order mark, which spreadsheets need to read
    it as UTF-8) or JSON. An existing file is replaced only with ``overwrite``; the file appears whole or
    not at all."""
    target = Path(path)
    fmt = format_for(target, fmt)
    folder = target.parent
    if not folder.is_dir():
        raise RingfenceError(translate("HistoryExport", "The folder %1 does not exist. Choose another place for "
                                                        "the export.").arg(str(folder)))
    if target.is_dir():
        raise RingfenceError(translate("HistoryExport", "%1 is a folder. Choose a file name for the export.")
                             .arg(str(target)))
    if target.exists() and not overwrite:
        raise _exists(target)
    data = (to_csv(chosen, render).encode("utf-8-sig") if fmt == "csv"
            else to_json(chosen, render).encode("utf-8"))
    try:
        handle, temp = tempfile.mkstemp(prefix=".export-", suffix=".part", dir=folder)
    except OSError as exc:
        raise _not_written(target, exc) from exc
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        if overwrite:
            os.replace(temp, target)
        else:
            _place_new(temp, target)
    except OSError as exc:
        raise _not_written(target, exc) from exc
    finally:
        if os.path.exists(temp):
            os.unlink(temp)
    return target


def _place_new(temp: str, target: Path) -> None:
    """Move ``temp`` to ``target`` unless something appeared there meanwhile (never replaced silently)."""
    try:
        os.link(temp, target)  # fails if the target exists, on every file system that has links
    except FileExistsError:
        raise _exists(target) from None
    except OSError:  # no hard links here (FAT, some network drives): exclusive creation instead
        with open(target, "xb") as out, open(temp, "rb") as source:
            out.write(source.read())


def _exists(target: Path) -> RingfenceError:
    return RingfenceError(translate("HistoryExport", "%1 exists already. Choose another name, or allow replacing "
                                                     "it.").arg(str(target)))


def _not_written(target: Path, exc: OSError) -> RingfenceError:
    reason = exc.strerror or type(exc).__name__
    return RingfenceError(translate("HistoryExport", "The export could not be written to %1 (%2). Choose a folder "
                                                     "you can write to.").arg(str(target), reason), detail=str(exc))


def read_export(path: str | os.PathLike[str]) -> list[Event]:
    """The events in an export written by :func:`write_export` (the message column is not needed: an
    event reads from its code and arguments)."""
    target = Path(path)
    if format_for(target) == "json":
        document = json.loads(target.read_text(encoding="utf-8"))
        return [Event(int(e["id"]), float(e["timestamp"]), e["kind"], e["severity"], e["code"], dict(e["args"]))
                for e in document["events"]]
    with open(target, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return [Event(int(_restored(r["id"])), _timestamp(_restored(r["time"])), _restored(r["kind"]),
                  _restored(r["severity"]), _restored(r["code"]), _args(_restored(r["args"]))) for r in rows]


def _timestamp(text: str) -> float:
    return datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()


def _args(text: str) -> dict[str, Any]:
    value = json.loads(text)
    return value if isinstance(value, dict) else {}
