"""``ringfence update``: the definitions update channel from the command line.

``status|check|apply|rollback|ring NAME|pause HOURS|resume [--json]`` and
``channel URL --root ROOT_JSON``. Offline is a normal state (exit 0, the message says when the last
successful check was); a refused update (verification or validation failed) exits 2 with the reason.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from app.commands.beacon import run_beacon
from app.commands.output import print_json, printable
from app.core.beacon import reporter
from app.core.context import Context
from app.core.detections.sources import AboutDefinitions, about_definitions
from app.core.updates.channelconfig import set_channel
from app.core.updates.rings import RINGS
from app.core.updates.rollout import iso
from app.core.updates.service import CheckResult, UpdateService
from app.core.updates.update_status import EVENT_TEXT, UpdateStatus

EXIT_OK, EXIT_ERROR = 0, 2
FAILED = ("refused", "rejected")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("update", help="definitions updates: status, check, apply, rollback, ring, pause")
    sub = parser.add_subparsers(dest="update_command", metavar="ACTION", required=True)

    def add(name: str, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text)
        p.add_argument("--json", action="store_true", help="print JSON")
        p.set_defaults(func=run)
        return p

    add("status", "show the definitions version, update state, ring and history").add_argument(
        "--sources", action="store_true", help="also list the rule sets the definitions were built from, with licences")
    add("check", "check the channel now and update if this device is in the rollout")
    add("apply", "install the newest version this device may have (even when paused or pinned)")
    add("rollback", "go back to the previous known-good definitions")
    add("ring", "choose the update ring").add_argument("ring_name", choices=RINGS)
    add("pause", "pause updates (revocations still apply)").add_argument("hours", type=float)
    add("resume", "resume paused updates")
    p = add("channel", "use another update channel")
    p.add_argument("url")
    p.add_argument("--root", required=True, help="the channel's trusted root (metadata/1.root.json)")
    p.add_argument("--name", default="stable", help="channel name (default: stable)")
    p.add_argument("--collector", help="the vendor's health beacon collector (URL), if it runs one")
    p = sub.add_parser("beacon", help="anonymous health reports to the vendor: on, off, status, send")
    p.add_argument("beacon_action", choices=("on", "off", "status", "send"))
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=run_beacon)


def _when(ts: float | None) -> str:
    return time.strftime("%Y-%m-%d %H:%M", time.localtime(ts)) if ts else "never"


def _print_status(status: UpdateStatus) -> None:
    version = status.current_version if status.current_version is not None else "baseline"
    print(printable(f"Definitions: {version}"))
    print(printable(f"State: {status.text}"))
    if not status.channel_configured:
        print("Add a channel with: ringfence update channel URL --root ROOT_JSON")
    if status.channel_configured:
        print(printable(f"Channel: {status.channel_url}"))
        print(f"Ring: {status.ring} (bucket {status.bucket} of 10000)")
        print(f"Last check: {_when(status.last_check)}; last successful check: {_when(status.last_success)}")
        if status.last_error:
            print(printable(f"Last problem: {status.last_error}"))
    if status.paused_until:
        print(f"Paused until: {_when(status.paused_until)}")
    if status.disabled_rules:
        print(printable(f"Rules switched off by the vendor: {', '.join(status.disabled_rules)}"))
    if status.history:
        print("History:")
        for entry in status.history:
            label = EVENT_TEXT.get(entry.event, entry.event)
            print(printable(f"  {_when(entry.time)}  {entry.version or '-':>6}  {label}: {entry.reason}"))


def print_sources(about: AboutDefinitions) -> None:
    """The rule sets of the definitions in use, one line each (``--sources``)."""
    rules = "?" if about.rule_count is None else about.rule_count
    print(printable(f"Definitions {about.version} ({about.origin}): {rules} rules, {about.hash_count} hash signatures"))
    if not about.sources:
        print("These definitions do not list the rule sets they were built from: they are Ringfence's own rules.")
    for source in about.sources:
        kinds = ", ".join(f"{category} {count}" for category, count in sorted(source.categories.items()) if count)
        print(printable(f"  {source.id}: {source.name}, {source.url or '-'} (commit {source.commit[:12] or '-'}), "
                        f"licence {source.licence}; {source.rule_count} rules, {source.hash_count} hashes"
                        + (f" ({kinds})" if kinds else "")))


def _result_json(result: CheckResult, status: UpdateStatus) -> dict[str, object]:
    return {"outcome": result.outcome, "message": result.message, **status.to_json()}


def run(args: argparse.Namespace) -> int:
    with Context.open() as ctx:
        service = UpdateService(ctx)
        command = args.update_command
        if command == "channel":
            config = set_channel(ctx.paths.config_dir, args.url, Path(args.root), args.name, args.collector)
            message = f"Ringfence now follows the channel {config.url}; run 'ringfence update check'."
            result = CheckResult("configured", message, service.state.active_version)
        elif command == "status":
            service.startup()
            status = service.status()
            about = about_definitions(ctx) if args.sources else None
            if args.json:
                print_json({**status.to_json(), **({"definitions": about.to_json()} if about else {})})
            else:
                _print_status(status)
                if about is not None:
                    print_sources(about)
            return EXIT_OK
        elif command in ("check", "apply"):
            service.startup()
            result = service.apply() if command == "apply" else service.check(manual=True)
        elif command == "rollback":
            result = service.rollback()
        elif command == "ring":
            service.set_ring(args.ring_name)
            result = CheckResult("ring", f"Update ring set to {args.ring_name}.", service.state.active_version)
        elif command == "pause":
            until = service.pause(args.hours)
            result = CheckResult("paused", f"Updates paused until {iso(until)}; revocations still apply.",
                                 service.state.active_version)
        else:
            service.resume()
            result = CheckResult("resumed", "Updates resumed.", service.state.active_version)
        if command in ("check", "apply", "rollback"):
            reporter.collect(ctx)  # queued only (and only with consent); the console's beacon thread sends them
        status = service.status()
        if args.json:
            print_json(_result_json(result, status))
        else:
            print(printable(result.message))
            if command in ("check", "apply") and result.outcome == "offline":
                print(f"Last successful check: {_when(status.last_success)}")
            if result.outcome == "not_configured":
                print("Add a channel with: ringfence update channel URL --root ROOT_JSON")
        return EXIT_ERROR if result.outcome in FAILED else EXIT_OK
