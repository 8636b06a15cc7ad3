"""Scan throughput of `ringfence scan` against the `yara` command line tool, side by side.

    python bench/bench_scan.py [--rounds 5] [--sizes small,tiny] [--write docs/PERFORMANCE.md]

For each corpus (made by ../shared/bench/make_corpus.py) and the public rule set in
../shared/bench/rules/yara (one namespace per file), every round times, as whole processes including
start-up, `yara -r -p 2` with the rules precompiled by `yarac`, and
`ringfence scan DIR --definitions RULES --no-cache --json`. It reports medians and the ratio
yara time / Ringfence time (>= 1.0 means Ringfence is at least as fast), checks that both report the
same (file, rule) pairs (Ringfence also looks inside zip archives; those member hits are listed
separately), times a second scan with the scan cache against the first, and samples the peak memory
of the engine worker. A benchmark, not a test: run it on a quiet machine.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil
from report import write_section

ROOT = Path(__file__).resolve().parents[1]
SHARED = next((p / "shared" / "bench" for p in ROOT.parents if (p / "shared" / "bench").is_dir()),
              ROOT.parent / "shared" / "bench")
RULES = SHARED / "rules" / "yara"
OUT = ROOT / "bench" / "out"


def corpus(size: str) -> Path:
    path = OUT / f"corpus-{size}"
    if not path.is_dir():
        OUT.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, str(SHARED / "make_corpus.py"), "--size", size, str(path)], check=True,
                       stdout=subprocess.DEVNULL)
    return path


def compiled_rules() -> Path:
    target = OUT / "rules.yarc"
    if not target.exists():
        args = [f"{p.stem}:{p}" for p in sorted(RULES.glob("*.yar*"))]
        subprocess.run(["yarac", *args, str(target)], check=True)
    return target


def timed(cmd: list[str], env: dict[str, str] | None = None, sample: bool = False) -> tuple[float, str, int]:
    """Wall time of a whole process, its stdout, and (with ``sample``) the peak RSS of its child
    processes in bytes. Sampling costs CPU, so timed rounds run without it."""
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
    peak = {"worker": 0}

    def sample_memory() -> None:
        try:
            parent = psutil.Process(proc.pid)
            while proc.poll() is None:
                for child in parent.children(recursive=True):
                    try:
                        peak["worker"] = max(peak["worker"], child.memory_info().rss)
                    except psutil.Error:
                        pass
                time.sleep(0.02)
        except psutil.Error:
            pass

    sampler = threading.Thread(target=sample_memory, daemon=True)
    if sample:
        sampler.start()
    out, _ = proc.communicate()
    elapsed = time.perf_counter() - started
    if sample:
        sampler.join()
    return elapsed, out.decode("utf-8", "surrogateescape"), peak["worker"]


def ringfence_cmd(path: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "app", "scan", str(path), "--definitions", str(RULES), "--json", *extra]


def yara_pairs(output: str) -> set[tuple[str, str]]:
    pairs = set()
    for line in output.splitlines():
        rule, _, path = line.partition(" ")
        if path:
            pairs.add((path, rule))
    return pairs


def bench_size(size: str, rounds: int, env: dict[str, str]) -> dict[str, object]:
    path = corpus(size)
    yarc = compiled_rules()
    yara_cmd = ["yara", "-r", "-p", "2", "-C", str(yarc), str(path)]
    timed(ringfence_cmd(path, "--no-cache"), env)  # warm-up: compiles and caches the rules once
    timed(yara_cmd)
    yara_times, rf_times = [], []
    ours: set[tuple[str, str]] = set()
    members: set[tuple[str, str]] = set()
    theirs: set[tuple[str, str]] = set()
    files = 0
    for _ in range(rounds):
        elapsed, out, _ = timed(yara_cmd)
        yara_times.append(elapsed)
        theirs = yara_pairs(out)
        elapsed, out, _ = timed(ringfence_cmd(path, "--no-cache"), env)
        rf_times.append(elapsed)
        report = json.loads(out)
        files = report["files_scanned"]
        pairs = {(d["path"], d["rule"]) for d in report["detections"] if d["engine"] == "yara"}
        ours = {p for p in pairs if "!" not in p[0]}
        members = pairs - ours
    peak = timed(ringfence_cmd(path, "--no-cache"), env, sample=True)[2]  # memory, in a round of its own
    # scan cache: a fresh cache, then the same corpus again
    cache_env = dict(env, RINGFENCE_HOME=tempfile.mkdtemp(prefix="rf-bench-cache-"))
    shutil.copytree(Path(env["RINGFENCE_HOME"]) / "cache" / "compiled",
                    Path(cache_env["RINGFENCE_HOME"]) / "cache" / "compiled")
    first, _, _ = timed(ringfence_cmd(path), cache_env)
    second = statistics.median(timed(ringfence_cmd(path), cache_env)[0] for _ in range(rounds))
    y, r = statistics.median(yara_times), statistics.median(rf_times)
    return {
        "size": size, "files": files, "yara_s": y, "ringfence_s": r, "ratio": y / r,
        "yara_all": yara_times, "ringfence_all": rf_times, "parity": ours == theirs,
        "only_ours": sorted(ours - theirs), "only_yara": sorted(theirs - ours), "archive_members": sorted(members),
        "cache_first_s": first, "cache_second_s": second, "cache_speedup": first / second,
        "worker_peak_mb": peak / 1e6,
    }


def markdown(results: list[dict[str, object]], rounds: int) -> str:
    yara_version = subprocess.run(["yara", "--version"], capture_output=True, text=True, check=False).stdout.strip()
    lines = [
        "## Scan throughput vs the yara command line tool",
        "",
        f"Measured {time.strftime('%Y-%m-%d')} with `python bench/bench_scan.py` on {os.cpu_count()} cores; "
        f"yara CLI {yara_version}; rules: the public rule set in `../shared/bench/rules/yara` "
        f"(one namespace per file); median of {rounds} rounds, both tools timed as whole processes "
        "including start-up, alternating in the same run.",
        "",
        "| corpus | files | `yara -r -p 2` (precompiled) | `ringfence scan --no-cache` | ratio (yara ÷ ours) | same (file, rule) pairs |",
        "|---|---|---|---|---|---|",
    ]
    for r in results:
        lines.append(f"| {r['size']} | {r['files']} | {r['yara_s']:.2f} s | {r['ringfence_s']:.2f} s | "
                     f"**{r['ratio']:.2f}×** | {'yes' if r['parity'] else 'NO'} |")
    lines += ["", "| corpus | first scan (fresh cache) | second scan (cache) | speed-up | engine worker peak memory |",
              "|---|---|---|---|---|"]
    for r in results:
        lines.append(f"| {r['size']} | {r['cache_first_s']:.2f} s | {r['cache_second_s']:.3f} s | "
                     f"**{r['cache_speedup']:.1f}×** | {r['worker_peak_mb']:.0f} MB |")
    lines.append("")
    for r in results:
        if r["archive_members"]:
            members = ", ".join(f"`{Path(p).name}` ({rule})" for p, rule in r["archive_members"])
            lines.append(f"Also found inside zip archives in the {r['size']} corpus (the yara CLI does not look "
                         f"inside archives): {members}.")
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--sizes", default="small,tiny")
    parser.add_argument("--write", type=Path, help="replace the scan section of this Markdown file")
    args = parser.parse_args()
    if not shutil.which("yara") or not shutil.which("yarac"):
        print("bench: the yara command line tools are needed (apt-get install yara)", file=sys.stderr)
        return 2
    if not (SHARED / "make_corpus.py").is_file() or not RULES.is_dir():
        print(f"bench: the benchmark data is not here ({SHARED}): it needs make_corpus.py and rules/yara "
              "from the shared benchmark folder beside the checkout", file=sys.stderr)
        return 2
    env = dict(os.environ, RINGFENCE_HOME=tempfile.mkdtemp(prefix="rf-bench-"))
    results = [bench_size(size, args.rounds, env) for size in args.sizes.split(",")]
    text = markdown(results, args.rounds)
    print(text)
    print(json.dumps(results, indent=1, default=str)[:4000], file=sys.stderr)
    if args.write:
        write_section(args.write, text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
