"""``ringfence watch``: real-time protection in the foreground, until Ctrl+C."""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from pathlib import Path

from app.commands.output import count, printable
from app.core.context import Context
from app.core.foundation.errors import RingfenceError

POLL_S = 0.5


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "watch", help="protect folders in real time (until Ctrl+C)",
        description="Watch folders and check every file once it has been written; detected files follow the "
                    "on-detection action. Without PATH: the protected folders from the settings (or the usual "
                    "ones: Downloads, Desktop, Documents, temp and autostart folders).")
    parser.add_argument("paths", nargs="*", metavar="PATH", help="folders to watch instead of the protected folders")
    parser.add_argument("--seconds", type=float, metavar="S", help="stop after S seconds (default: run until Ctrl+C)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from app.core.journal import events
    from app.core.realtime.realtime_service import RealtimeService

    for path in args.paths:
        if not Path(path).is_dir():
            raise RingfenceError(f"{path} is not a folder; name folders to watch.")
    stop = threading.Event()
    previous = {sig: signal.signal(sig, lambda *_: stop.set()) for sig in (signal.SIGINT, signal.SIGTERM)}
    with Context.open() as ctx:
        service = RealtimeService(ctx, [str(Path(p).absolute()) for p in args.paths] or None)
        if not service.roots:
            raise RingfenceError("None of the folders to watch exists.")
        last = events.latest_id(ctx.store)
        print(f"Watching {count(len(service.roots), 'folder')}; press Ctrl+C to stop.", file=sys.stderr)
        for root in service.roots:
            print(f"  {printable(root)}", file=sys.stderr)
        service.start()
        try:
            waited = 0.0
            while not stop.wait(POLL_S):
                for event in events.events_since(ctx.store, last):
                    last = event.id
                    if event.kind in ("threat", "protection"):
                        print(f"{event.code}: {printable(event.message.english())}", flush=True)
                waited += POLL_S
                if args.seconds is not None and waited >= args.seconds:
                    break
        finally:
            service.stop()
            for sig, handler in previous.items():
                signal.signal(sig, handler)
    status = service.status()
    print(f"Stopped: {count(status.scanned, 'file')} checked, {count(status.detections, 'threat')} found.", file=sys.stderr)
    return 0
