"""``ringfence-channel``: create and run a definitions update channel (publisher side).

Every command takes the channel folder first; keys are looked up in ``<DIR>-keys`` beside it unless
``--keys`` names another folder. Errors are one sentence on stderr and exit code 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from app.channel import publisher
from app.channel.build import build
from app.channel.repository import ChannelError, ChannelRepo
from app.channel.serve import make_server
from app.core.updates.rollout import RolloutError
from app.engine.bundle import BundleError


def _repo(args: argparse.Namespace) -> ChannelRepo:
    return ChannelRepo(Path(args.dir), Path(args.keys) if args.keys else None)


def cmd_init(args: argparse.Namespace) -> int:
    repo = ChannelRepo.init(Path(args.dir), Path(args.keys) if args.keys else None,
                            root_keys=args.root_keys, root_threshold=args.root_threshold)
    publisher.create(repo, args.channel, args.bucket_salt)
    print(f"Created channel '{args.channel}' in {repo.dir}")
    print(f"Trusted root for clients: {repo.metadata_dir / '1.root.json'}")
    print(f"Private keys (keep them secret, back them up, never publish them): {repo.keys_dir}")
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    notes = Path(args.notes).read_text(encoding="utf-8") if args.notes else ""
    result = build(Path(args.rules_dir), Path(args.out), args.version, notes=notes,
                   hashes=Path(args.hashes) if args.hashes else None, allow=Path(args.allow) if args.allow else None,
                   golden_dir=Path(args.golden) if args.golden else None,
                   clean=[Path(p) for p in args.clean] if args.clean else None)
    v = result.validation
    print(f"Built {result.archive}: version {args.version}, {v.rule_count} rules, {v.hash_count} hashes; "
          f"validated in {v.seconds:.2f} s ({v.clean_files} clean files checked).")
    return 0


def cmd_build_core(args: argparse.Namespace) -> int:
    from app.channel.build import build_core

    notes = Path(args.notes).read_text(encoding="utf-8") if args.notes else ""
    result, content = build_core(Path(args.definitions), Path(args.out), args.version, notes=notes,
                                 clean=[Path(p) for p in args.clean] if args.clean else None)
    v = result.validation
    print(content.summary())
    print(f"Built {result.archive}: version {args.version}, {v.rule_count} rules, {v.hash_count} hashes; "
          f"validated in {v.seconds:.2f} s ({v.clean_files} clean files checked).")
    return 0


def cmd_release(args: argparse.Namespace) -> int:
    rel = publisher.release(_repo(args), Path(args.bundle), args.exposure, args.severity)
    print(f"Released version {rel.version} to {rel.exposure} of 10000 buckets.")
    return 0


def cmd_expose(args: argparse.Namespace) -> int:
    rel = publisher.expose(_repo(args), args.version, args.exposure)
    print(f"Version {rel.version} now reaches {rel.exposure} of 10000 buckets ({rel.state}).")
    return 0


def cmd_simple(args: argparse.Namespace) -> int:
    repo = _repo(args)
    if args.command == "halt":
        publisher.halt(repo, args.message)
        print("Halted: no client activates new definitions until 'resume'.")
    elif args.command == "resume":
        publisher.resume(repo)
        print("Resumed.")
    elif args.command == "revoke":
        publisher.revoke(repo, args.version, args.reason)
        print(f"Revoked version {args.version}; clients on it revert at their next check.")
    elif args.command == "rollback-to":
        publisher.rollback_to(repo, None if args.clear else args.version)
        print("Cleared the rollback target." if args.clear else f"Clients roll back to version {args.version}.")
    elif args.command == "disable-rule":
        publisher.disable_rule(repo, args.rule, enable=args.enable)
        print(f"Rule {args.rule} {'enabled again' if args.enable else 'disabled'}.")
    elif args.command == "timestamp":
        version = repo.resign_timestamp()
        print(f"Re-signed timestamp.json (version {version}).")
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    print(json.dumps(publisher.status(_repo(args)), indent=2))
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    repo = _repo(args)
    server = make_server(repo.dir, args.port)
    print(f"Serving {repo.dir} at http://127.0.0.1:{server.server_address[1]}/ (Ctrl+C to stop)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


def cmd_collect(args: argparse.Namespace) -> int:
    from app.channel.collector.server import serve

    def ready(url: str) -> None:
        print(f"Collecting beacons at {url}/v1/beacons into {args.db.split('@')[-1]} (Ctrl+C to stop)", flush=True)

    serve(args.db, args.host, args.port, args.workers, per_install_per_hour=args.rate, ready=ready)
    return 0


PROMOTE_EXIT = {"pause": 3, "halt": 4}


def cmd_promote(args: argparse.Namespace) -> int:
    from app.channel import promote
    from app.channel.collector.stores import open_store

    repo, store = _repo(args), open_store(args.db)
    log = Path(args.log) if args.log else None
    try:
        if args.loop:
            promote.loop(repo, store, interval=args.interval, log_path=log,
                         report=lambda d: print(json.dumps(d.to_json()), flush=True))
            return 0
        decision = promote.run_once(repo, store, auto=args.auto, log_path=log)
    finally:
        store.close()
    print(json.dumps(decision.to_json(), indent=2) if args.json else decision.reason)
    for alert in decision.alerts:
        print(f"Alert: {alert}", file=sys.stderr)
    if not args.auto and decision.action in ("promote", "halt"):
        print("(dry run: add --auto to act on it)")
    return PROMOTE_EXIT.get(decision.action, 0)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="ringfence-channel",
                                     description="Publish Ringfence definitions over a TUF-signed, staged channel.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    def add(name: str, func, help_text: str, *, needs_dir: bool = True) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text)
        if needs_dir:
            p.add_argument("dir", help="the channel folder")
            p.add_argument("--keys", help="the private key folder (default: <DIR>-keys beside it)")
        p.set_defaults(func=func)
        return p

    p = add("init", cmd_init, "create keys and a new channel")
    p.add_argument("--channel", default="stable")
    p.add_argument("--root-keys", type=int, default=1, help="number of root keys (default 1)")
    p.add_argument("--root-threshold", type=int, default=1, help="root signatures required (default 1)")
    p.add_argument("--bucket-salt", default="ringfence", help="salt of the rollout buckets (rotate to reshuffle)")
    p = add("build", cmd_build, "build and validate a definitions bundle", needs_dir=False)
    p.add_argument("rules_dir")
    p.add_argument("-o", "--out", required=True)
    p.add_argument("--version", type=int, required=True)
    p.add_argument("--notes", help="release notes (Markdown file)")
    p.add_argument("--hashes", help="sha256<TAB>threat name lines")
    p.add_argument("--allow", help="sha256<TAB>description lines of known-good files")
    p.add_argument("--golden", help="folder of golden positives (RULE.b64 or RULE.bin)")
    p.add_argument("--clean", action="append", help="clean corpus folder (default: the bundled one)")
    p = add("build-core", cmd_build_core, "build and validate the default definitions from the vendored rule sets",
            needs_dir=False)
    p.add_argument("definitions", help="the repository's definitions folder (sources.json, upstream/, deny.tsv)")
    p.add_argument("-o", "--out", required=True)
    p.add_argument("--version", type=int, required=True)
    p.add_argument("--notes", help="release notes (Markdown file)")
    p.add_argument("--clean", action="append", help="clean corpus folder (default: the bundled one)")
    p = add("release", cmd_release, "release a bundle to part of the clients")
    p.add_argument("bundle")
    p.add_argument("--exposure", type=int, required=True, help="buckets out of 10000 that may take it")
    p.add_argument("--severity", choices=("normal", "critical"), default="normal")
    p = add("expose", cmd_expose, "raise the exposure of a release")
    p.add_argument("version", type=int)
    p.add_argument("exposure", type=int)
    p = add("halt", cmd_simple, "stop all activations of new definitions")
    p.add_argument("--message", required=True)
    add("resume", cmd_simple, "lift a halt")
    p = add("revoke", cmd_simple, "withdraw a version; clients on it revert")
    p.add_argument("version", type=int)
    p.add_argument("--reason", required=True)
    p = add("rollback-to", cmd_simple, "make clients go back to an older version")
    p.add_argument("version", type=int, nargs="?")
    p.add_argument("--clear", action="store_true")
    p = add("disable-rule", cmd_simple, "switch one rule off everywhere")
    p.add_argument("rule")
    p.add_argument("--enable", action="store_true", help="switch it on again")
    add("timestamp", cmd_simple, "re-sign timestamp.json (run every few hours)")
    add("status", cmd_status, "show the channel state")
    p = add("serve", cmd_serve, "serve the channel on 127.0.0.1 for development")
    p.add_argument("--port", type=int, default=8765)
    p = add("collect", cmd_collect, "run the health beacon collector (HTTP)", needs_dir=False)
    p.add_argument("--db", default="sqlite:///collector.db",
                   help="sqlite:///PATH (default sqlite:///collector.db) or postgresql://USER@HOST:PORT/DB")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8770)
    p.add_argument("--workers", type=int, default=1, help="worker processes (default 1)")
    p.add_argument("--rate", type=int, default=120, help="beacons one install may send per hour (default 120)")
    p = add("promote", cmd_promote, "run the promotion gates on the newest rolling release")
    p.add_argument("--db", required=True, help="the collector's database (as for collect)")
    p.add_argument("--auto", action="store_true", help="act: raise the exposure or halt (default: only show)")
    p.add_argument("--loop", action="store_true", help="run every --interval seconds (implies --auto)")
    p.add_argument("--interval", type=float, default=300.0)
    p.add_argument("--log", help="decision log (default: <DIR>-promotions.jsonl beside the channel)")
    p.add_argument("--json", action="store_true", help="print the decision with its numbers as JSON")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "rollback-to" and args.version is None and not args.clear:
        print("ringfence-channel: give a version or --clear.", file=sys.stderr)
        return 2
    try:
        return int(args.func(args))
    except (ChannelError, BundleError, RolloutError) as exc:
        print(f"ringfence-channel: {exc}", file=sys.stderr)
        return 2
    except ValueError as exc:
        print(f"ringfence-channel: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"ringfence-channel: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
