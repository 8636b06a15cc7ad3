"""Scan throughput of `ringfence scan` against the `yara` command line tool, side by side.

    python bench/bench_scan.py [--rounds 5] [--corpora small,usr,wine] [--write docs/PERFORMANCE.md]

Both tools get the same rules: by default the definitions Ringfence ships
(resources/definitions/baseline.tar.gz), unsealed through the engine's reader for `yarac` (one
namespace per source, the plain text deleted right after compiling); `--rules shared` uses the public
rule set in ../shared/bench/rules/yara instead. Corpora: `small` (../shared/bench/make_corpus.py),
`tiny` (the same, files of at most 1 KiB), `usr` (a fixed sample of at least 20,000 files of /usr/share
and /usr/lib, hard-linked into one folder) and `wine` (the Windows PE files of Debian's Wine packages).

Every round times, as whole processes including start-up and alternating, `yara -r -p 2` with the
rules precompiled by `yarac`, and `ringfence scan DIR --definitions DEFS --no-cache --json`. It reports
medians and the ratio yara time / Ringfence time (>= 1.0 means Ringfence is at least as fast), checks
that both report the same (file, rule) pairs — a mismatch fails the benchmark (exit code 1) — and times
a second scan with the scan cache against the first. Pairs the yara CLI cannot give are listed apart:
hits inside archives (it does not open them) and hits of rules that read a file's name, path, type,
owner or MD5 (the CLI has no per-file external variables). A benchmark, not a test: run it on a quiet
machine.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil
from report import compile_bytecode, with_split_rules, write_section

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from app.engine import partition  # noqa: E402
from app.engine.bundle import extract_bundle, load_definitions, read_rule_source  # noqa: E402

SHARED = next((p / "shared" / "bench" for p in ROOT.parents if (p / "shared" / "bench").is_dir()),
              ROOT.parent / "shared" / "bench")
SHARED_RULES = SHARED / "rules" / "yara"
SHIPPED = ROOT / "resources" / "definitions" / "baseline.tar.gz"
WINE = Path("/usr/lib/x86_64-linux-gnu/wine")
OUT = ROOT / "bench" / "out"
USR_SAMPLE = 20_500
PER_FILE_EXTERNALS = {"filename", "filepath", "extension", "filetype", "owner", "md5"}


def corpus(name: str) -> Path:
    path = OUT / f"corpus-{name}"
    if path.is_dir():
        return path
    OUT.mkdir(parents=True, exist_ok=True)
    if name == "wine":
        return WINE
    if name == "usr":
        files = sorted(str(Path(folder) / f) for top in ("/usr/share", "/usr/lib") for folder, _, names in os.walk(top)
                       for f in names)
        files = [f for f in files if os.path.isfile(f) and not os.path.islink(f) and not f.startswith(str(WINE))]
        random.Random(20261206).shuffle(files)
        tmp = OUT / "corpus-usr.tmp"
        shutil.rmtree(tmp, ignore_errors=True)
        for index, source in enumerate(files[:USR_SAMPLE]):
            target = tmp / f"{index % 100:02d}" / f"{index:05d}-{Path(source).name}"
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(source, target)
            except OSError:
                shutil.copyfile(source, target)
        tmp.rename(path)
        return path
    subprocess.run([sys.executable, str(SHARED / "make_corpus.py"), "--size", name, str(path)], check=True,
                   stdout=subprocess.DEVNULL)
    return path


def definitions(which: str) -> tuple[Path, Path, set[str]]:
    """Ringfence's definitions folder, the same rules compiled by `yarac`, and the names of the rules that
    read per-file external variables."""
    if which == "shared":
        sources = {p.stem: p.read_text(encoding="utf-8", errors="replace") for p in sorted(SHARED_RULES.glob("*.yar*"))}
        folder = SHARED_RULES
    else:
        folder = OUT / "definitions-shipped"
        OUT.mkdir(parents=True, exist_ok=True)
        if not folder.is_dir():
            extract_bundle(SHIPPED, folder)
        defs = load_definitions(folder)
        sources = {ns: read_rule_source(p).decode("utf-8", "replace") for ns, p in defs.rule_files.items()}
    target = OUT / f"rules-{which}.yarc"
    if not target.exists():
        with tempfile.TemporaryDirectory(prefix="rf-bench-rules-") as plain:
            args = []
            for namespace, text in sources.items():
                (Path(plain) / f"{namespace}.yar").write_text(text, encoding="utf-8")
                args.append(f"{namespace}:{Path(plain) / f'{namespace}.yar'}")
            defines = [f"--define={name}=" for name in sorted(PER_FILE_EXTERNALS)]
            subprocess.run(["yarac", *defines, *args, str(target)], check=True)
    external = set()
    for text in sources.values():
        try:
            rules = partition.split_source(text).rules
        except partition.SplitError:
            continue
        external |= {rule.name for rule in rules if PER_FILE_EXTERNALS & set(rule.condition)}
    return folder, target, external


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


def ringfence_cmd(path: Path, defs: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "app", "scan", str(path), "--definitions", str(defs), "--json", *extra]


def yara_pairs(output: str) -> set[tuple[str, str]]:
    pairs = set()
    for line in output.splitlines():
        rule, _, path = line.partition(" ")
        if path:
            pairs.add((path, rule))
    return pairs


def matching_floor(path: Path, rules: tuple[Path, Path, set[str]]) -> tuple[float, float]:
    """libyara's own matching time over the corpus's files on one thread, in this process, with no
    start-up, walking, hashing, archives or Python work around it: all the rules, as the yara CLI runs
    them, against the sets Ringfence's split gives each file (file by file, alternating; both compiled
    by yara-python's libyara, the yara CLI's own build cannot be loaded by it). Their ratio bounds what
    any scanner on libyara can gain over the yara CLI with these rules by leaving rules out."""
    from app.engine.rules import EXTERNALS, compile_definitions, compile_partitions
    folder = load_definitions(rules[0])
    whole, split = compile_definitions(folder), compile_partitions(folder)
    spent = [0.0, 0.0]
    for folder, _, names in os.walk(path):
        for name in names:
            file = os.path.join(folder, name)
            if os.path.islink(file) or not os.path.isfile(file):
                continue
            data = Path(file).read_bytes()
            started = time.perf_counter()
            whole.match(data=data, externals=dict(EXTERNALS), timeout=600)
            spent[0] += time.perf_counter() - started
            started = time.perf_counter()
            split.match(data[:2], len(data), data=data, externals=dict(EXTERNALS), timeout=600)
            spent[1] += time.perf_counter() - started
    return spent[0], spent[1]


def bench_corpus(name: str, rounds: int, env: dict[str, str], rules: tuple[Path, Path, set[str]]) -> dict[str, object]:
    path = corpus(name)
    defs, yarc, external = rules
    yara_cmd = ["yara", "-r", "-p", "2", "-C", str(yarc), str(path)]
    with_split_rules(env, defs)  # compiles and caches the rules once, as an update leaves them
    timed(ringfence_cmd(path, defs, "--no-cache"), env)  # warm-up
    timed(yara_cmd)
    yara_times, rf_times = [], []
    ours: set[tuple[str, str]] = set()
    theirs: set[tuple[str, str]] = set()
    report: dict = {}
    for _ in range(rounds):
        elapsed, out, _ = timed(yara_cmd)
        yara_times.append(elapsed)
        theirs = yara_pairs(out)
        elapsed, out, _ = timed(ringfence_cmd(path, defs, "--no-cache"), env)
        rf_times.append(elapsed)
        report = json.loads(out)
        ours = {(d["path"], d["rule"]) for d in report["detections"] if d["engine"] == "yara"}
    members = {p for p in ours if "!" in p[0]}
    by_name = {p for p in (ours | theirs) - members if p[1] in external}
    compared_ours, compared_theirs = ours - members - by_name, theirs - by_name
    peak = timed(ringfence_cmd(path, defs, "--no-cache"), env, sample=True)[2]  # memory, in a round of its own
    # scan cache: a fresh cache, then the same corpus again
    cache_env = dict(env, RINGFENCE_HOME=tempfile.mkdtemp(prefix="rf-bench-cache-"))
    shutil.copytree(Path(env["RINGFENCE_HOME"]) / "cache" / "compiled",
                    Path(cache_env["RINGFENCE_HOME"]) / "cache" / "compiled")
    first, _, _ = timed(ringfence_cmd(path, defs), cache_env)
    second = statistics.median(timed(ringfence_cmd(path, defs), cache_env)[0] for _ in range(rounds))
    y, r = statistics.median(yara_times), statistics.median(rf_times)
    floor_whole, floor_split = matching_floor(path, rules)
    return {
        "floor_whole_s": floor_whole, "floor_split_s": floor_split,
        "corpus": name, "files": report.get("files_scanned", 0), "mb": report.get("bytes_scanned", 0) / 1e6,
        "yara_s": y, "ringfence_s": r, "ratio": y / r,
        "yara_all": yara_times, "ringfence_all": rf_times, "parity": compared_ours == compared_theirs,
        "pairs": len(compared_theirs), "only_ours": sorted(compared_ours - compared_theirs),
        "only_yara": sorted(compared_theirs - compared_ours), "archive_members": sorted(members),
        "by_name": sorted(by_name), "cache_first_s": first, "cache_second_s": second,
        "cache_speedup": first / second, "worker_peak_mb": peak / 1e6,
    }


def markdown(results: list[dict[str, object]], rounds: int, rules: str, load: tuple[float, float]) -> str:
    yara_version = subprocess.run(["yara", "--version"], capture_output=True, text=True, check=False).stdout.strip()
    what = ("the definitions Ringfence ships (resources/definitions/baseline.tar.gz; the yara CLI gets them "
            "unsealed and compiled by `yarac`, one namespace per source)" if rules == "shipped" else
            "the public rule set in `../shared/bench/rules/yara` (one namespace per file)")
    lines = [
        "## Scan throughput vs the yara command line tool",
        "",
        f"Measured {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} with `python bench/bench_scan.py` on "
        f"{os.cpu_count()} cores (load average {load[0]:.1f} before, {load[1]:.1f} after); yara CLI {yara_version}; "
        f"rules: {what}; median of {rounds} rounds, both tools timed as whole processes including start-up, "
        "alternating in the same run.",
        "",
        "| corpus | files | MB | `yara -r -p 2` (precompiled) | `ringfence scan --no-cache` | ratio (yara ÷ ours) "
        "| same (file, rule) pairs |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in results:
        lines.append(f"| {r['corpus']} | {r['files']} | {r['mb']:.0f} | {r['yara_s']:.2f} s | {r['ringfence_s']:.2f} s | "
                     f"**{r['ratio']:.2f}×** | {'yes' if r['parity'] else 'NO'} ({r['pairs']} pairs) |")
    lines += ["", "| corpus | first scan (fresh cache) | second scan (cache) | speed-up | engine worker peak memory |",
              "|---|---|---|---|---|"]
    for r in results:
        lines.append(f"| {r['corpus']} | {r['cache_first_s']:.2f} s | {r['cache_second_s']:.3f} s | "
                     f"**{r['cache_speedup']:.1f}×** | {r['worker_peak_mb']:.0f} MB |")
    lines += ["", "libyara's matching time alone, one thread, every file of the corpus in memory (no start-up, walk, "
              "hashing, archives or Python around it): all the rules, as the yara CLI runs them, against the set "
              "Ringfence's split gives each file (both compiled by yara-python's libyara). Leaving out rules "
              "that cannot match is the only way a scanner on libyara does less matching than the yara CLI with "
              "the same rules, so this ratio bounds the speed-up on matching.",
              "", "| corpus | all rules (as the yara CLI) | split sets (as Ringfence) | ratio |", "|---|---|---|---|"]
    for r in results:
        lines.append(f"| {r['corpus']} | {r['floor_whole_s']:.2f} s | {r['floor_split_s']:.2f} s | "
                     f"**{r['floor_whole_s'] / r['floor_split_s']:.2f}×** |")
    lines.append("")
    for r in results:
        if r["archive_members"]:
            members = ", ".join(f"`{Path(p).name}` ({rule})" for p, rule in r["archive_members"])
            lines.append(f"Also found inside archives in the {r['corpus']} corpus (the yara CLI does not look "
                         f"inside archives): {members}.")
        if r["by_name"]:
            named = ", ".join(f"`{Path(p).name}` ({rule})" for p, rule in r["by_name"])
            lines.append(f"Not compared in the {r['corpus']} corpus, from rules that read the file's name, path, "
                         f"type, owner or MD5 (the yara CLI has no per-file external variables): {named}.")
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--corpora", default="small,usr,wine")
    parser.add_argument("--rules", choices=("shipped", "shared"), default="shipped")
    parser.add_argument("--write", type=Path, help="replace the scan section of this Markdown file")
    args = parser.parse_args()
    compile_bytecode()
    if not shutil.which("yara") or not shutil.which("yarac"):
        print("bench: the yara command line tools are needed (apt-get install yara)", file=sys.stderr)
        return 2
    names = [n for n in args.corpora.split(",") if n != "wine" or WINE.is_dir()]
    if any(n in ("small", "tiny", "large") for n in names) and not (SHARED / "make_corpus.py").is_file():
        print(f"bench: the benchmark data is not here ({SHARED}): the small corpus needs make_corpus.py from the "
              "shared benchmark folder beside the checkout", file=sys.stderr)
        return 2
    rules = definitions(args.rules)
    env = dict(os.environ, RINGFENCE_HOME=tempfile.mkdtemp(prefix="rf-bench-"))
    load_before = os.getloadavg()[0]
    results = [bench_corpus(name, args.rounds, env, rules) for name in names]
    text = markdown(results, args.rounds, args.rules, (load_before, os.getloadavg()[0]))
    print(text)
    print(json.dumps(results, indent=1, default=str)[:4000], file=sys.stderr)
    if args.write:
        write_section(args.write, text)
    return 0 if all(r["parity"] for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
