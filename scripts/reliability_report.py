"""Write docs/RELIABILITY.md from real runs: the rollout drills (tests/drills) and the fleet simulation
(bench/fleet_sim.py). Nothing in the document is typed by hand except the headings.

    .venv/bin/python scripts/reliability_report.py [--fleet-json FILE] [--clients 5000]

``--fleet-json`` reuses a finished simulation's results instead of running it again.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run_drills(report: Path) -> tuple[list[dict], str]:
    env = {**os.environ, "RINGFENCE_DRILL_REPORT": str(report), "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run([sys.executable, "-m", "pytest", "tests/drills", "-q", "-p", "no:cacheprovider"], cwd=ROOT,
                          env=env, capture_output=True, text=True, check=False)
    summary = proc.stdout.strip().splitlines()[-1] if proc.stdout.strip() else proc.stderr.strip()[-300:]
    entries = [json.loads(line) for line in report.read_text(encoding="utf-8").splitlines()] if report.exists() else []
    return entries, summary


def fleet_section(fleet: dict) -> list[str]:
    bad, good = fleet["bad"], fleet["good"]
    steps = ", ".join(f"{s['exposure']} → {s['next']} at hour {s['hour']}" for s in good["steps"])
    return [
        "## Fleet simulation",
        "",
        f"`bench/fleet_sim.py --clients {fleet['clients']} --seed {fleet['seed']}`: {fleet['clients']} simulated "
        f"installations sent {fleet['beacons_sent']} real schema-1 beacons over HTTP to the real collector (SQLite) "
        "while the real gates ran every simulated hour on a real signed channel (wall time "
        f"{fleet['wall_seconds']} s).",
        "",
        "| release | injected | outcome |",
        "| --- | --- | --- |",
        "| bad (version 2) | engine crash rate 15 % per installation-hour (fleet: 0.1 %) | "
        + (f"halted at {bad['exposure_at_halt']} buckets after {bad['halted_after_hours']} h; "
           f"**{bad['installs_that_ran_it']} of {fleet['clients']} installations ({100 * bad['share']:.2f} %) ever ran it**; "
           f"halt message: {bad['halt_message']} |" if bad["halted"] else "not halted |"),
        f"| good (version 3) | none (same crash rate as the fleet) | reached {good['exposure']} of 10000 buckets after "
        f"{good['hours_to_complete']} simulated hours ({steps}); {good['installs_on_it_at_end']} installations on it "
        "eight hours later |",
        "",
        *attack_section(fleet),
    ]


ATTACKS = {
    "sybil dilution": "3,000 made-up installs report the bad release activated and healthy, every hour from its start",
    "invented days": "one made-up install sends counters for 110 invented days (2000-01-01 … 2109) on the bad release",
    "forged severe report": "one made-up install reports a protected-file hit on the good release, first with its own "
                            "words as the code",
    "idle flood": "12,000 made-up idle installs appear while the good release is at the canary step",
}


def attack_section(fleet: dict) -> list[str]:
    """The attacker's beacons during the same run, what the collector answered, and how each release ended."""
    answers = fleet.get("attacks") or {}
    if not answers:
        return []
    bad, good = fleet["bad"], fleet["good"]
    ended = {
        "sybil dilution": f"the bad release was still halted at {bad['exposure_at_halt']} buckets after "
                          f"{bad['halted_after_hours']} h",
        "invented days": "nothing of it was stored; the bad release was still halted",
        "forged severe report": "the good release was " + ("halted" if fleet["halted_good"] else "never halted"),
        "idle flood": f"the good release still reached {good['exposure']} of 10000 buckets after "
                      f"{good['hours_to_complete']} simulated hours",
    }
    rows = [f"| {name} | {ATTACKS[name]} | {', '.join(f'{n} × {code}' for code, n in sorted(codes.items()))} | "
            f"{ended[name]} |" for name, codes in answers.items()]
    alerts = [a for v in ("2", "3") for a in fleet["alerts"].get(v, [])]
    return [
        "### Under attack (the same run)",
        "",
        "An attacker with made-up install ids sends well-formed beacons, each id within the rate limit (ADR 0011).",
        "",
        "| attack | injected | collector answered | outcome |",
        "| --- | --- | --- | --- |",
        *rows,
        "",
        "Alerts in the decision log: " + ("; ".join(a.rstrip(".") for a in alerts) if alerts else "none") + ".",
        "",
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fleet-json")
    parser.add_argument("--clients", type=int, default=5000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        drills, summary = run_drills(Path(tmp) / "drills.jsonl")
        fleet_json = Path(args.fleet_json) if args.fleet_json else Path(tmp) / "fleet.json"
        if not args.fleet_json:
            subprocess.run([sys.executable, "bench/fleet_sim.py", "--clients", str(args.clients), "--json",
                            str(fleet_json)], cwd=ROOT, check=True)
        fleet = json.loads(fleet_json.read_text(encoding="utf-8"))
    lines = [
        "# Reliability",
        "",
        f"Written by `scripts/reliability_report.py` on {time.strftime('%Y-%m-%d', time.gmtime())} from real runs. "
        "The drills run the real publisher, a signed channel over HTTP on 127.0.0.1, several real clients (update "
        "client, validation sandbox, engine worker, quarantine, health beacon), the real collector and the promotion "
        f"gates; pytest: {summary}.",
        "",
        "## Drills (tests/drills)",
        "",
        "| scenario | faults injected | clients | outcome |",
        "| --- | --- | ---: | --- |",
        *[f"| {d['scenario']} | {d['injected']} | {d['clients']} | {d['outcome']} |" for d in drills],
        "",
        *fleet_section(fleet),
    ]
    (ROOT / "docs" / "RELIABILITY.md").write_text("\n".join(lines), encoding="utf-8")
    print(f"docs/RELIABILITY.md: {len(drills)} drills, fleet of {fleet['clients']}")
    return 0 if len(drills) == 7 else 1


if __name__ == "__main__":
    sys.exit(main())
