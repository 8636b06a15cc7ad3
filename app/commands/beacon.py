"""``ringfence update beacon on|off|status|send``: the opt-in health reports from the command line."""

from __future__ import annotations

import argparse

import requests

from app.commands.output import count, print_json, printable, printable_block
from app.core.beacon import reporter
from app.core.beacon.sender import send_due
from app.core.context import Context

EXIT_OK, EXIT_ERROR = 0, 2


def run_beacon(args: argparse.Namespace) -> int:
    with Context.open() as ctx:
        action = args.beacon_action
        if action in ("on", "off"):
            reporter.set_enabled(ctx, action == "on")
        if action == "on" and not args.json:
            print(printable_block(reporter.consent_text().english()))
            print()
            print("Health reports are on. This is what one looks like:")
            print(reporter.preview(ctx))
        if action == "send":
            if not reporter.enabled(ctx):
                print("ringfence: health reports are off; turn them on with 'ringfence update beacon on'.")
                return EXIT_ERROR
            reporter.collect(ctx)
            with requests.Session() as session:
                sent = send_due(ctx, session)
            if not args.json:
                print(f"Sent {count(sent.sent, 'report')}; {sent.postponed} wait for a retry, {sent.dropped} refused by the collector.")
        status = reporter.status(ctx)
        if args.json:
            print_json(status)
        elif action in ("status", "off"):
            print(f"Health reports: {'on' if status['enabled'] else 'off'}")
            print(printable(f"Collector: {status['collector'] or 'none configured with the update channel'}"))
            print(f"Waiting to be sent: {status['queued']}; sent so far: {status['sent']}; dropped: {status['dropped']}")
        if reporter.collector_url(ctx) is None and action == "on":
            print("The update channel names no collector, so nothing is sent until it does.")
        return EXIT_OK
