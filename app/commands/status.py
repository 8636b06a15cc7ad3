"""``ringfence status``: protection at a glance."""

from __future__ import annotations

import argparse

from app.commands.output import count, print_json
from app.core.context import Context
from app.core.status.protection import collect_status, english

LEVEL_TEXT = {"ok": "OK", "attention": "needs attention", "alert": "at risk"}
#: What the console's fix buttons do, as the commands a CLI user can type.
FIX_HINT = {
    "update.check": "ringfence update check",
    "scan.quick": "ringfence scan --quick",
    "engine.selftest": "ringfence selftest",
    "settings.open:updates": "ringfence update channel URL --root ROOT_JSON",
    "recovery.open": "ringfence recovery",
}


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("status", help="show the protection status",
                                   description="Show the protection verdict and its reasons, the engine, the definitions "
                                               "and the last scan.")
    parser.add_argument("--json", action="store_true", help="print one JSON document")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    with Context.open() as ctx:
        status = english(collect_status(ctx))
    if args.json:
        print_json(status)
        return 0
    d, scan = status["definitions"], status["last_scan"]
    print(f"Protection: {LEVEL_TEXT[status['level']]}")
    for reason in status["reasons"]:
        hint = FIX_HINT.get(reason["fix"] or "")
        print(f"  [{reason['severity']}] {reason['message']}" + (f" (fix: {hint})" if hint else ""))
    print(f"Ringfence {status['app_version']} — engine {status['engine']['version']} "
          f"(yara {status['engine']['yara_version']}), runs in user mode")
    print(f"Definitions: version {d['version']} ({d['source']}), {d['age_text']}")
    if scan:
        print(f"Last scan: {scan['kind']} scan, {count(int(scan['files_scanned']), 'file')}, "
              f"{count(int(scan['detections']), 'threat')}, finished {scan['finished_at']}")
    else:
        print("Last scan: never")
    for note in status["notes"]:
        print(f"Note: {note}")
    return 0
