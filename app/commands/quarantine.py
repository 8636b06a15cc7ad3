"""``ringfence quarantine``: list, show, restore, delete, purge and manually add quarantined files."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from app.commands.output import count, print_json, printable
from app.core import quarantine as q
from app.core.context import Context
from app.core.detections import fp_report
from app.core.foundation.errors import RingfenceError
from app.core.foundation.store import StateDamaged
from app.core.journal.provenance import provenance
from app.core.text.messages import render

EXIT_OK, EXIT_ERROR = 0, 2


def register(subparsers: argparse._SubParsersAction) -> None:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--json", action="store_true", help="print JSON")
    parser = subparsers.add_parser("quarantine", help="list, restore or delete quarantined files",
                                   description="Encrypted quarantine: list, show, restore, delete, purge or add files.")
    actions = parser.add_subparsers(dest="quarantine_action", metavar="ACTION", required=True)

    p = actions.add_parser("list", parents=[common], help="list quarantined items")
    p.add_argument("--all", action="store_true", help="include restored and deleted items")

    p = actions.add_parser("show", parents=[common], help="show one item")
    p.add_argument("id", metavar="ID")

    p = actions.add_parser("restore", parents=[common], help="restore items to where they were (or --to DIR)")
    p.add_argument("ids", metavar="ID", nargs="*")
    p.add_argument("--to", metavar="DIR", help="restore into this folder instead of the original one")
    p.add_argument("--on-conflict", choices=q.CONFLICT_POLICIES, default="rename",
                   help="when a file with the same name exists: rename (default, 'name (restored).ext'), skip, overwrite")
    p.add_argument("--allow", action="store_true", help="also add the files to your allow-list so they are not detected again")
    p.add_argument("--definitions-version", metavar="V", help="restore everything this definitions version quarantined")

    p = actions.add_parser("delete", parents=[common], help="delete items permanently")
    p.add_argument("ids", metavar="ID", nargs="+")

    p = actions.add_parser("purge", parents=[common], help="delete items older than N days")
    p.add_argument("--days", type=int, metavar="N", help="age limit (default: the quarantine.purge_days setting)")

    actions.add_parser("reindex", parents=[common], help="rebuild the quarantine index from the encrypted files",
                       description="Rebuild the quarantine index in state.db from the items' own encrypted records "
                       "(after state.db was lost or damaged; a damaged one is kept aside).")

    p = actions.add_parser("add", parents=[common], help="quarantine a file you choose")
    p.add_argument("path", metavar="PATH")
    p.add_argument("--force", action="store_true", help="quarantine it even if it is an operating-system or Ringfence file")
    p.add_argument("--rule", default="manual", help="the reason to record (default: manual)")

    p = actions.add_parser("report-fp", parents=[common], help="write a false-positive report about an item",
                           description="Write a small report about a detection you judge wrong (rule, category, "
                           "source, definitions version, the file's SHA-256 and size; never the file, its name or "
                           "its path) to send to the vendor.")
    p.add_argument("id", metavar="ID")
    p.add_argument("--output", metavar="PATH", type=Path,
                   help="the report file, or a folder to put it in (default: the current folder)")

    parser.set_defaults(func=run)


def item_json(item: q.Item) -> dict[str, Any]:
    """The documented JSON form of one item (docs/quarantine.md)."""
    return {
        "id": item.id,
        "original_path": item.original_path,
        "size": item.size,
        "sha256": item.sha256,
        "rule": item.rule,
        "engine": item.engine,
        "definitions_version": item.definitions_version,
        "scan_id": item.scan_id,
        "quarantined_at": _iso(item.quarantined_at),
        "status": item.status,
        "status_at": _iso(item.status_at),
        "mode": f"{item.mode:04o}" if item.mode is not None else None,
        "mtime_ns": item.mtime_ns,
        "restored_to": item.restored_to,
        "recheck_version": item.recheck_version,
        **provenance(item),
    }


def _iso(timestamp: float) -> str:
    return datetime.fromtimestamp(timestamp, UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def run(args: argparse.Namespace) -> int:
    with Context.open() as ctx:
        if args.quarantine_action == "reindex":
            return _reindex(ctx, args)
        _relist_lost_items(ctx)
        q.recover_interrupted(ctx)
        handler = {"list": _list, "show": _show, "restore": _restore, "delete": _delete, "purge": _purge,
                   "add": _add, "report-fp": _report_fp}[args.quarantine_action]
        return handler(ctx, args)


def _relist_lost_items(ctx: Context) -> None:
    """A lost state database: the vault's blobs describe themselves, so they are listed again at once.

    A damaged one is left for ``reindex`` (which sets it aside), after the clear message the command
    gives; the CLI never moves the user's database away on its own."""
    try:
        ctx.store.check()
    except StateDamaged:
        return
    rebuilt = q.ensure_index(ctx)
    if rebuilt is not None and rebuilt.added:
        print(f"ringfence: {rebuilt.message().english()}", file=sys.stderr)


def _list(ctx: Context, args: argparse.Namespace) -> int:
    items = q.list_items(ctx, include_gone=args.all)
    if args.json:
        print_json([item_json(item) for item in items])
        return EXIT_OK
    if not items:
        print("The quarantine is empty.")
        return EXIT_OK
    lines = [f"{'ID':<16}  {'QUARANTINED':<20}  {'SIZE':>10}  {'STATUS':<18}  {'RULE':<24}  ORIGINAL PATH"]
    lines += [f"{i.id:<16}  {_iso(i.quarantined_at):<20}  {i.size:>10}  {i.status:<18}  {i.rule[:24]:<24}  "
              f"{printable(i.original_path)}" for i in items]
    sys.stdout.write("\n".join(lines) + "\n")
    return EXIT_OK


def _show(ctx: Context, args: argparse.Namespace) -> int:
    doc = item_json(q.get_item(ctx, args.id))
    if args.json:
        print_json(doc)
    else:
        for key, value in doc.items():
            print(f"{key + ':':<21}{printable(str(value)) if value is not None else '-'}")
    return EXIT_OK


def _report_fp(ctx: Context, args: argparse.Namespace) -> int:
    item = q.get_item(ctx, args.id)
    report = fp_report.from_detection(item_json(item))
    saved = fp_report.save(report, args.output or Path.cwd())
    if args.json:
        print_json({"saved_to": str(saved), "report": report.to_json()})
        return EXIT_OK
    print(f"False-positive report written to {printable(str(saved))}.")
    print("It names the rule, its source and the file's SHA-256 and size; never the file, its name or its path.")
    print(f"If you trust the file, restore it and allow its hash: ringfence quarantine restore {item.id} --allow")
    return EXIT_OK


def _restore(ctx: Context, args: argparse.Namespace) -> int:
    if not args.ids and not args.definitions_version:
        raise RingfenceError("Name the items to restore (their ids) or a --definitions-version.")
    outcomes: list[q.RestoreOutcome] = []
    if args.definitions_version:
        outcomes += q.restore_version(ctx, args.definitions_version, to=args.to, on_conflict=args.on_conflict,
                                      allow=args.allow)
    for text in args.ids:
        try:
            item_id = q.get_item(ctx, text).id
            outcomes.append(q.restore(ctx, item_id, to=args.to, on_conflict=args.on_conflict, allow=args.allow))
        except RingfenceError as exc:
            outcomes.append(q.RestoreOutcome(text, "failed", None, exc.message))
    failed = [o for o in outcomes if o.action == "failed"]
    if args.json:
        print_json([{"id": o.item_id, "action": o.action, "path": o.path, "error": o.error} for o in outcomes])
    else:
        for o in outcomes:
            if o.action == "restored":
                print(f"{o.item_id}: restored to {printable(o.path or '')}")
            elif o.action == "skipped":
                print(f"{o.item_id}: skipped, {printable(o.path or '')} already exists")
        if args.definitions_version and not outcomes:
            print(f"Nothing in the quarantine came from definitions version {args.definitions_version}.")
        for o in failed:
            print(f"ringfence: {o.item_id}: {o.error}", file=sys.stderr)
    return EXIT_ERROR if failed else EXIT_OK


def _delete(ctx: Context, args: argparse.Namespace) -> int:
    results, errors = [], []
    for text in args.ids:
        try:
            item = q.delete(ctx, q.get_item(ctx, text).id)
            results.append({"id": item.id, "action": "deleted", "error": None})
        except RingfenceError as exc:
            errors.append(exc.message)
            results.append({"id": text, "action": "failed", "error": exc.message})
    if args.json:
        print_json(results)
    else:
        for r in results:
            if r["action"] == "deleted":
                print(f"{r['id']}: deleted")
        for message in errors:
            print(f"ringfence: {message}", file=sys.stderr)
    return EXIT_ERROR if errors else EXIT_OK


def _purge(ctx: Context, args: argparse.Namespace) -> int:
    if args.days is not None and args.days < 0:
        raise RingfenceError("--days must be zero or more.")
    purged = q.purge(ctx, args.days)
    if args.json:
        print_json([item.id for item in purged])
    else:
        print(f"Deleted {count(len(purged), 'item')} from the quarantine.")
    return EXIT_OK


def _reindex(ctx: Context, args: argparse.Namespace) -> int:
    report = q.reindex(ctx)
    q.recover_interrupted(ctx)
    if args.json:
        print_json({"added": report.added, "already_listed": report.already_listed,
                    "unreadable": [{"id": i, "reason": why.english()} for i, why in report.unreadable],
                    "without_metadata": report.without_metadata, "orphaned": report.orphaned,
                    "database_set_aside": str(report.database_set_aside) if report.database_set_aside else None})
        return EXIT_OK
    if report.database_set_aside:
        print(f"The damaged state database was kept as {printable(str(report.database_set_aside))}; a new one was started.")
    print(report.message().english())
    for item_id, why in report.unreadable:
        print(f"{item_id}: kept in the vault but not listed: {why.english()}")
    for item_id in report.without_metadata:
        print(f"{item_id}: kept in the vault but not listed: it was quarantined by an older Ringfence that did not "
              "record where it came from")
    for item_id in report.orphaned:
        print(f"{item_id}: listed, but its encrypted copy is missing from the quarantine folder: it cannot be restored")
    return EXIT_OK


def _add(ctx: Context, args: argparse.Namespace) -> int:
    path = os.path.abspath(args.path)
    outcome = q.quarantine_by_hand(ctx, path, rule=args.rule, force=args.force)
    if args.json:
        print_json({"path": path, "action": outcome.action, "id": outcome.item_id,
                    "error": None if outcome.error is None else render(outcome.error),
                    "reason": None if outcome.reason is None else render(outcome.reason)})
    if outcome.action == "skipped-protected":
        if not args.json:
            print(f"ringfence: {printable(path)} is {outcome.reason}, so it was not quarantined; add --force to "
                  "quarantine it anyway.", file=sys.stderr)
        return EXIT_ERROR
    if outcome.action == "failed":
        if not args.json:
            print(f"ringfence: {outcome.error}", file=sys.stderr)
        return EXIT_ERROR
    if not args.json:
        print(f"{printable(path)}: quarantined as {outcome.item_id}")
    return EXIT_OK
