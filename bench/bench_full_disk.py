"""A full scan of this machine's disks, as a user starts it, beside the yara CLI on the same tree.

    python bench/bench_full_disk.py [--part both|ringfence|yara|none] [--write docs/PERFORMANCE.md]

Runs ``ringfence scan --full --no-cache --json`` (report only: nothing is moved) with a fresh home and
the definitions Ringfence ships, samples the memory of the CLI process and its engine worker while it
runs (resident memory, PSS/USS and the kernel's peak VmHWM; bench_archives.py's sampler), and records
files, bytes, time, throughput, engine restarts and what was found. Then, unless ``--no-yara``, runs
``yara -r -N -p 2`` with the same shipped rules compiled by ``yarac`` (bench_scan.py's build) over the
same tree: every top-level folder of the scanned mount points except pseudo filesystems, one after the
other, and records its time and throughput on the tree's bytes. The targets (issue 21): the full scan
finishes with no restart in at most 6 minutes; the engine worker stays under 300 MB and the CLI under
250 MB (issue 19). A benchmark, not a test: it reads the whole disk for many minutes. Run it on a
quiet machine. Each part saves its result in ``bench/out/full-disk-PART.json``; ``--part`` runs one part
and reports it with the other part's last saved result (the report says when each was measured).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

from bench_archives import measured
from bench_scan import definitions
from report import compile_bytecode, publish, with_split_rules

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from app.core.scanning.targets import full_targets  # noqa: E402
from app.engine.walker import pseudo_mounts  # noqa: E402

MB = 1024 * 1024


def tree(roots: list[str]) -> tuple[list[str], int, int]:
    """The yara CLI's targets for the same tree (each root's entries, never a pseudo filesystem) and the
    tree's regular files and bytes, symbolic links not followed."""
    skip = pseudo_mounts()
    targets: list[str] = []
    files = size = 0
    for root in roots:
        for entry in sorted(os.scandir(root), key=lambda e: e.name):
            if entry.path in skip or entry.path in roots or entry.is_symlink():
                continue
            targets.append(entry.path)
    for target in targets:
        if os.path.isfile(target):
            files, size = files + 1, size + os.path.getsize(target)
            continue
        for folder, dirs, names in os.walk(target):
            dirs[:] = [d for d in dirs if os.path.join(folder, d) not in skip]
            for name in names:
                path = os.path.join(folder, name)
                try:
                    st = os.lstat(path)
                except OSError:
                    continue
                if os.path.isfile(path) and not os.path.islink(path):
                    files, size = files + 1, size + st.st_size
    return targets, files, size


def yara_run(compiled: Path, targets: list[str]) -> float:
    started = time.monotonic()
    for target in targets:
        subprocess.run(["yara", "-C", "-r", "-N", "-p", "2", str(compiled), target], stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, check=False)
    return time.monotonic() - started


def markdown(result: dict) -> str:
    report, peaks = result["report"], result["peaks"]
    seconds = result["scan_s"]
    mb = report["bytes_scanned"] / MB
    lines = [
        "## Full scan of this machine's disk (bench/bench_full_disk.py)",
        "",
        f"Measured {result['when']} with `python bench/bench_full_disk.py` on {os.cpu_count()} cores "
        f"(load average {result['load'][0]:.1f} before, {result['load'][1]:.1f} after); the definitions "
        "Ringfence ships; `ringfence scan --full --no-cache --json` (report only) with a fresh home whose "
        "rules split by file type were compiled first, as an update leaves them, as one whole process. "
        f"Scanned: {', '.join(result['roots'])}.",
        "",
        "| | Ringfence | target |",
        "|---|---|---|",
        f"| files checked | {report['files_scanned']:,} | |",
        f"| data checked | {mb / 1024:.1f} GB | |",
        f"| time | {seconds / 60:.1f} min ({seconds:.0f} s) | at most 6 min |",
        f"| throughput | {mb / seconds:.1f} MB/s, {report['files_scanned'] / seconds:.0f} files/s | |",
        f"| engine restarts | {report['engine_restarts']} | none |",
        f"| not fully checked / skipped / errors | {report['not_fully_checked']:,} / {report['skipped']:,} / "
        f"{len(report['errors']):,} | |",
        f"| engine worker peak (VmHWM / RSS / PSS) | {peaks['worker']['hwm'] / MB:.0f} / "
        f"{peaks['worker']['rss'] / MB:.0f} / {peaks['worker']['pss'] / MB:.0f} MB | under 300 MB |",
        f"| CLI process peak (VmHWM / RSS / PSS) | {peaks['cli']['hwm'] / MB:.0f} / {peaks['cli']['rss'] / MB:.0f}"
        f" / {peaks['cli']['pss'] / MB:.0f} MB | under 250 MB |",
        "",
    ]
    if "yara_s" in result:
        tree_mb = result["tree_bytes"] / MB
        lines += [
            f"The yara CLI (`yara -C -r -N -p 2`, the same rules compiled by `yarac`), measured "
            f"{result['yara_when']} (load average {result['yara_load'][0]:.1f} before, {result['yara_load'][1]:.1f} "
            f"after), over the same tree ({result['tree_files']:,} files, {tree_mb / 1024:.1f} GB — it also reads the files above "
            f"Ringfence's largest-file setting, which Ringfence skips and names): {result['yara_s'] / 60:.1f} min, "
            f"{tree_mb / result['yara_s']:.1f} MB/s on the tree's bytes; Ringfence "
            f"{tree_mb / seconds:.1f} MB/s on the same measure, a ratio of {result['yara_s'] / seconds:.2f}× "
            "(yara time ÷ Ringfence time).",
            "",
        ]
    found = report["detections"]
    files = {d["path"].split("!", 1)[0] for d in found}
    categories = Counter(d.get("category", "threat") for d in found)
    lines.append(f"Found (report only): {len(found):,} (file, rule) pairs in {len(files):,} files — "
                 + ", ".join(f"{n:,} {c}" for c, n in sorted(categories.items())) + ".")
    return "\n".join(lines) + "\n"


OUT = ROOT / "bench" / "out"


def run_ringfence(roots: list[str]) -> dict:
    with tempfile.TemporaryDirectory(prefix="rf-bench-disk-") as temp:
        env = dict(os.environ, RINGFENCE_HOME=str(Path(temp) / "home"), QT_QPA_PLATFORM="offscreen")
        with_split_rules(env)  # as an update leaves the definitions: compiled, split by file type
        load_before = os.getloadavg()[0]
        when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
        peaks, seconds, out = measured([sys.executable, "-m", "app", "scan", "--full", "--no-cache", "--json"], env)
    result = {"when": when, "roots": roots, "scan_s": seconds, "peaks": peaks, "report": json.loads(out),
              "load": (load_before, os.getloadavg()[0])}
    print(f"ringfence: {seconds:.0f} s, {result['report']['files_scanned']} files", flush=True)
    return result


def run_yara(roots: list[str]) -> dict:
    _, compiled, _ = definitions("shipped")
    load_before = os.getloadavg()[0]
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    targets, files, size = tree(roots)
    seconds = yara_run(compiled, targets)
    print(f"yara: {seconds:.0f} s", flush=True)
    return {"yara_when": when, "yara_s": seconds, "tree_files": files, "tree_bytes": size,
            "yara_load": (load_before, os.getloadavg()[0])}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--part", choices=("both", "ringfence", "yara", "none"), default="both",
                        help="run one part (the other part's last saved result is reported beside it), or none: "
                             "report the saved results")
    parser.add_argument("--no-yara", action="store_true", help="only Ringfence's full scan, nothing of the yara CLI")
    parser.add_argument("--write", type=Path, help="write the results into this Markdown file")
    args = parser.parse_args()
    compile_bytecode()
    roots = full_targets()
    OUT.mkdir(parents=True, exist_ok=True)
    parts = {"ringfence": run_ringfence, "yara": run_yara}
    for name, run in parts.items():
        if args.part in ("both", name) and not (name == "yara" and args.no_yara):
            (OUT / f"full-disk-{name}.json").write_text(json.dumps(run(roots)), encoding="utf-8")
    saved = OUT / "full-disk-ringfence.json"
    if not saved.exists():
        print("no result of Ringfence's full scan yet: run with --part ringfence", file=sys.stderr)
        return 1
    result = json.loads(saved.read_text(encoding="utf-8"))
    if not args.no_yara and (OUT / "full-disk-yara.json").exists():
        result.update(json.loads((OUT / "full-disk-yara.json").read_text(encoding="utf-8")))
    publish(markdown(result), args.write)
    return 0


if __name__ == "__main__":
    sys.exit(main())
