"""Listing a big quarantine: 10,000 items through `ringfence quarantine list` (JSON and table).

    python bench/bench_quarantine.py [--items 10000] [--runs 7] [--write docs/PERFORMANCE.md]

The index rows are written straight into a fresh state database (quarantining 10,000 real files would
time the encryption, not the listing). Each run is a new `ringfence` process, so the time includes the
interpreter's start, as a user or a script sees it. Target: under 1 s. A benchmark, not a test.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.report import write_section  # noqa: E402


def seed(items: int) -> None:
    from app.core.context import Context
    from tests.quarantine.bulk import fill_index

    with Context.open() as ctx:
        fill_index(ctx, items)


def timed(args: list[str], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "app", *args], check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
        times.append(time.perf_counter() - start)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--write", type=Path, help="replace the quarantine section of this Markdown file")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="ringfence-bench-quarantine-") as home:
        os.environ["RINGFENCE_HOME"] = home
        seed(args.items)
        rows = []
        for label, cli in (("JSON", ["quarantine", "list", "--json"]), ("table", ["quarantine", "list"])):
            times = timed(cli, args.runs)
            rows.append(f"| `ringfence {' '.join(cli)}` ({label}) | median {statistics.median(times):.2f} s, "
                        f"best {min(times):.2f} s ({args.runs} runs; target under 1 s) |")
        version = timed(["--version"], args.runs)
        rows.append(f"| `ringfence --version` (the interpreter's and the CLI's own start) | median "
                    f"{statistics.median(version):.2f} s |")
    load = os.getloadavg()[0]
    section = (f"## Quarantine listing (bench/bench_quarantine.py)\n\n{args.items:,} items in the index, 2 CPUs, load "
               f"average {load:.1f}; each run is a new process.\n\n| measure | result |\n| --- | --- |\n"
               + "\n".join(rows) + "\n")
    print(section)
    if args.write is not None:
        write_section(args.write, section)
    return 0


if __name__ == "__main__":
    sys.exit(main())
