"""Update channel timings on loopback: a full update of a large rule set, and an "already up to date" check.

    python bench/bench_update.py [--rounds 20] [--content shared|core] [--write docs/PERFORMANCE.md]

Builds a definitions bundle — ``shared``: from the public rule set in ../shared/bench/rules/yara (728
files, one namespace each) plus Ringfence's EICAR rule; ``core`` (the default): the definitions Ringfence
ships, built by ``ringfence-channel build-core`` from definitions/ as a new version — publishes it on a fresh channel (``ringfence-channel``
functions, real keys), serves it over HTTP on 127.0.0.1 and times the client: TUF refresh + download,
validation in the sandbox (compile with the real engine, EICAR, clean corpus, time budget), the
worker's self-test before the pointer moves, and the whole ``check``. Then it times repeated checks
when nothing changed (target: under 200 ms). Prints a Markdown table. A benchmark, not a test.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
RULES = ROOT.parent / "shared" / "bench" / "rules" / "yara"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20, help="repeated up-to-date checks (default 20)")
    parser.add_argument("--write", type=Path, help="replace the update section of this Markdown file")
    parser.add_argument("--content", choices=("core", "shared"), default="core",
                        help="the definitions Ringfence ships (default) or the shared public rule set")
    args = parser.parse_args()
    from report import compile_bytecode

    compile_bytecode()
    if args.content == "shared" and not RULES.is_dir():
        print(f"rule set not found: {RULES}", file=sys.stderr)
        return 2
    work = Path(tempfile.mkdtemp(prefix="ringfence-bench-update-"))
    os.environ["RINGFENCE_HOME"] = str(work / "home")
    try:
        return run(work, args.rounds, args.write, args.content)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def worker_start(ctx: object) -> list[tuple[str, str]]:
    """How long the split rules take to compile behind the activation, and then how long a new engine
    worker takes, with the active definitions, from its start to the first file matched (its hello,
    the definitions, the set for that file loaded from the compiled-rules cache), median of 5."""
    from app.core.context import Context
    from app.core.scanning import definitions
    from app.core.scanning.runs import engine_scan_bytes, scan_request
    from app.core.scanning.supervisor import Supervisor

    assert isinstance(ctx, Context)
    started = time.perf_counter()
    while not list(ctx.paths.compiled_dir.glob("*.rfp")) and time.perf_counter() - started < 120:
        time.sleep(0.05)
    warmed = time.perf_counter() - started
    defs = definitions.active(ctx)
    samples = []
    for _ in range(5):
        t = time.perf_counter()
        with Supervisor(ctx) as supervisor:
            scan = engine_scan_bytes(supervisor, scan_request(ctx, [], defs, use_cache=False, jobs=1), defs.version)
            assert scan("letter.txt", b"hello") == []
            samples.append(time.perf_counter() - t)
    return [("split rules compiled in the background after the switch", f"ready {warmed:.1f} s after it"),
            ("engine worker start with the active definitions, to the first file matched (median of 5)",
             f"{statistics.median(samples):.2f} s (target < 1 s)")]


def run(work: Path, rounds: int, write: Path | None = None, content: str = "core") -> int:
    from app.channel import publisher
    from app.channel.build import build, build_core
    from app.channel.repository import ChannelRepo
    from app.channel.serve import make_server
    from app.core.context import Context
    from app.core.updates.channelconfig import set_channel
    from app.core.updates.service import UpdateService

    rows: list[tuple[str, str]] = []
    t = time.perf_counter()
    if content == "core":  # the shipped definitions as a version above the baseline the client starts with
        built, _ = build_core(ROOT / "definitions", work / "defs-100.tar.gz", 100, notes="Benchmark bundle.\n")
        described = "the definitions Ringfence ships (`ringfence-channel build-core`, as version 100)"
        rows.append(("publisher build + validation", f"{time.perf_counter() - t:.2f} s"))
        rows.append(("bundle", f"{built.validation.rule_count} rules, {built.archive.stat().st_size / 1024:.0f} KiB"))
    else:
        rules = work / "rules"
        shutil.copytree(RULES, rules)
        baseline_eicar = "rule EICAR_Test_File {\n  strings: $a = \"EICAR-STANDARD-ANTIVIRUS-TEST-FILE\"\n  condition: $a\n}\n"
        (rules / "ringfence_eicar.yar").write_text(baseline_eicar, encoding="utf-8")
        built = build(rules, work / "defs-1.tar.gz", 1, notes="Benchmark bundle.\n")
        described = "a bundle built from the public rule set in `../shared/bench/rules/yara`"
        rows.append(("publisher build + validation", f"{time.perf_counter() - t:.2f} s"))
        files = sum(1 for p in rules.rglob("*") if p.suffix in (".yar", ".yara"))
        rows.append(("bundle", f"{files} files, {built.validation.rule_count} rules, "
                               f"{built.archive.stat().st_size / 1024:.0f} KiB"))
    repo = ChannelRepo.init(work / "chan")
    publisher.create(repo, "stable", "bench")
    t = time.perf_counter()
    publisher.release(repo, built.archive, 10_000)
    rows.append(("publisher release (sign + write)", f"{(time.perf_counter() - t) * 1000:.0f} ms"))

    server = make_server(repo.dir, 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}"
    with Context.open() as ctx:
        set_channel(ctx.paths.config_dir, url, repo.metadata_dir / "1.root.json")
        service = UpdateService(ctx)
        phases: dict[str, float] = {}

        def timed(name: str, func):  # type: ignore[no-untyped-def]
            def wrapper(*a, **kw):  # type: ignore[no-untyped-def]
                start = time.perf_counter()
                try:
                    return func(*a, **kw)
                finally:
                    phases[name] = phases.get(name, 0.0) + time.perf_counter() - start
            return wrapper

        service._validate = timed("validate", service._validate)  # type: ignore[method-assign]
        service.activator.selftest = timed("selftest", service.activator.selftest)
        t = time.perf_counter()
        result = service.check()
        total = time.perf_counter() - t
        if result.outcome != "updated":
            print(f"update failed: {result.outcome}: {result.message}", file=sys.stderr)
            return 1
        rows.append(("check + download + validate + activate (total)", f"{total:.2f} s"))
        rows.append(("  of which TUF refresh + download + staging", f"{total - phases['validate'] - phases['selftest']:.2f} s"))
        rows.append(("  of which validation sandbox", f"{phases['validate']:.2f} s"))
        rows.append(("  of which worker self-test before the switch", f"{phases['selftest']:.2f} s"))
        rows += worker_start(ctx)
        samples = []
        for _ in range(rounds):
            t = time.perf_counter()
            outcome = service.check().outcome
            samples.append((time.perf_counter() - t) * 1000)
            assert outcome in ("up_to_date",), outcome
        samples.sort()
        p95 = samples[min(len(samples) - 1, int(0.95 * len(samples)))]
        verdict = "ok" if statistics.median(samples) < 200 else "OVER TARGET"
        rows.append((f"already up to date check ({rounds} rounds)",
                     f"median {statistics.median(samples):.0f} ms, p95 {p95:.0f} ms (target < 200 ms: {verdict})"))
    server.shutdown()
    server.server_close()
    lines = ["## Update channel on loopback", "",
             f"Measured {time.strftime('%Y-%m-%d')} with `python bench/bench_update.py` on {os.cpu_count()} cores: "
             f"{described}, published on a fresh channel and served over HTTP on 127.0.0.1 (target for a "
             "version of the shipped size: activation in at most 5 s).", "",
             "| Update channel (loopback) | Result |", "| --- | --- |"]
    lines += [f"| {name} | {value} |" for name, value in rows]
    text = "\n".join(lines) + "\n"
    print(text)
    if write is not None:
        from report import write_section

        write_section(write, text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
