"""``ringfence history``: the event journal, for scripts and support.

``ringfence history [--kind K]... [--since TIME] [--limit N] [--json]`` lists events newest first. TIME is
a date or time in ISO 8601 (``2026-11-30``, ``2026-11-30T08:00:00Z``; without a zone it is UTC) or an age
such as ``36h`` or ``7d``.
"""

from __future__ import annotations

import argparse
import re
import time
from datetime import UTC, datetime
from typing import Any

from app.commands.output import print_json, printable
from app.core.context import Context
from app.core.foundation.errors import RingfenceError
from app.core.journal import events

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
    parser.add_argument("--limit", type=int, default=200, metavar="N", help="at most N events (default 200)")
    parser.add_argument("--json", action="store_true", help="print one JSON list")
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


def run(args: argparse.Namespace) -> int:
    if args.limit < 1:
        raise RingfenceError("--limit must be at least 1.")
    with Context.open() as ctx:
        found = events.query(ctx.store, kinds=args.kind, since=args.since, limit=args.limit)
    if args.json:
        print_json([{**event.to_json(), "time": _iso(event.time)} for event in found])
        return 0
    if not found:
        print("No events recorded" + (" for this selection." if args.kind or args.since else " yet."))
    for event in found:
        print(f"{_iso(event.time)}  {event.kind:<10} {event.severity:<8} {printable(str(event.message))}")
    return 0
