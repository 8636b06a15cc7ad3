"""``ringfence history``: the event journal, for scripts and support.

``ringfence history [--kind K]... [--since TIME] [--search TEXT] [--limit N] [--json]`` lists events newest
first. TIME is a date or time in ISO 8601 (``2026-11-30``, ``2026-11-30T08:00:00Z``; without a zone it is
UTC) or an age such as ``36h`` or ``7d``.

``--format csv|json`` writes the events in the export format (:mod:`app.core.journal.export`) to stdout,
or with ``--output FILE`` to a file, which is never replaced unless ``--force`` is given. An export holds
every selected event unless ``--limit`` is given.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from datetime import UTC, datetime
from typing import Any

from app.commands.output import print_json, printable
from app.core.context import Context
from app.core.foundation.errors import RingfenceError
from app.core.journal import events, export
from app.core.journal.events import Event
from app.core.text.messages import render
from app.core.text.names import plain

_AGE = re.compile(r"^(\d+)\s*([mhd])$")
_UNIT = {"m": 60, "h": 3600, "d": 86400}


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("history", help="list the event journal (scans, threats, quarantine, updates, crashes)",
                                   description="List what Ringfence recorded, newest first.")
    parser.add_argument("--kind", action="append", choices=events.KINDS, metavar="KIND",
                        help=f"only events of this kind (repeatable): {', '.join(events.KINDS)}")
    parser.add_argument("--since", metavar="TIME", type=parse_since,
                        help="only events from TIME on: an ISO 8601 date or time (UTC unless it says otherwise) "
                             "or an age such as 36h or 7d")
    parser.add_argument("--search", metavar="TEXT", default="",
                        help="only events whose message or details contain TEXT (case-insensitive)")
    parser.add_argument("--limit", type=int, metavar="N",
                        help="at most N events (default: 200 listed; an export holds all)")
    parser.add_argument("--json", action="store_true", help="print one JSON list")
    parser.add_argument("--format", choices=export.FORMATS, help="export as CSV or JSON (to stdout, or to --output)")
    parser.add_argument("--output", metavar="FILE", help="write the export to FILE (the format from --format or "
                                                         "the name's extension)")
    parser.add_argument("--force", action="store_true", help="replace FILE if it exists")
    parser.set_defaults(func=run)


def parse_since(text: str, now: float | None = None) -> float:
    """``--since``: an ISO 8601 date / time or an age (``90m``, ``36h``, ``7d``) as a timestamp."""
    age = _AGE.match(text.strip().lower())
    if age:
        return (time.time() if now is None else now) - int(age.group(1)) * _UNIT[age.group(2)]
    try:
        moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is neither a date/time (2026-11-30, 2026-11-30T08:00:00Z) "
                                         "nor an age (36h, 7d)") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.timestamp()


def _iso(ts: float) -> str:
    return datetime.fromtimestamp(ts, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _english(event: Event) -> str:
    """An event's message as the export and the listing show it: English, names with controls visible."""
    return render(event.message, data=plain)


def run(args: argparse.Namespace) -> int:
    if args.limit is not None and args.limit < 1:
        raise RingfenceError("--limit must be at least 1.")
    if args.output or args.format:
        return _export(args)
    with Context.open() as ctx:
        if args.search:
            found = export.select(ctx.store, _english, kinds=args.kind, since=args.since, search=args.search)
            found = found[:args.limit or 200]
        else:
            found = events.query(ctx.store, kinds=args.kind, since=args.since, limit=args.limit or 200)
    if args.json:
        print_json([{**event.to_json(), "time": _iso(event.time)} for event in found])
        return 0
    if not found:
        print("No events recorded" + (" for this selection." if args.kind or args.since or args.search else " yet."))
    for event in found:
        print(f"{_iso(event.time)}  {event.kind:<10} {event.severity:<8} {printable(str(event.message))}")
    return 0


def _export(args: argparse.Namespace) -> int:
    if args.output:
        fmt = export.format_for(args.output, args.format)
        if os.path.lexists(args.output) and not args.force and not os.path.isdir(args.output):
            raise RingfenceError(f"{printable(args.output)} exists already; add --force to replace it.")
    with Context.open() as ctx:
        chosen = export.select(ctx.store, _english, kinds=args.kind, since=args.since, search=args.search)
    if args.limit is not None:
        chosen = chosen[:args.limit]
    if not args.output:
        document = export.to_csv(chosen, _english) if args.format == "csv" else export.to_json(chosen, _english)
        sys.stdout.flush()
        sys.stdout.buffer.write(document.encode("utf-8"))  # bytes: CSV's own line ends, also on Windows
        sys.stdout.buffer.flush()
        return 0
    written = export.write_export(args.output, chosen, _english, fmt=fmt, overwrite=args.force)
    print(f"{len(chosen)} event{'' if len(chosen) == 1 else 's'} written to {printable(str(written))}.")
    return 0
