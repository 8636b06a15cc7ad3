"""False positives of the shipped definitions on real clean files: must be zero.

    python bench/bench_false_positives.py [--sample 20000] [--write docs/PERFORMANCE.md]

Corpora (each only read; downloads go to a temporary folder and nothing is installed):
- Windows PE files of Debian's Wine (``apt-get download libwine`` + ``dpkg-deb -x``);
- the Windows wheels of Ringfence's own dependencies (``pip download --platform win_amd64
  --only-binary=:all:``), unpacked: PE DLLs and ``.pyd`` files;
- a sample of ``/usr/lib`` and ``/usr/share``;
- this environment's site-packages.
Every finding is printed with its rule and source, so that a bad rule can go on the deny-list
(``definitions/deny.tsv``) and be dropped at build time. A benchmark, not a test.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import time
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from fp_corpus import CorpusResult, describe, matcher_for, sample, scan, walk  # noqa: E402
from report import write_section  # noqa: E402

from app.engine.bundle import extract_bundle, load_definitions  # noqa: E402

BASELINE = ROOT / "resources" / "definitions" / "baseline.tar.gz"


def wine_pe(work: Path) -> list[Path]:
    subprocess.run(["apt-get", "download", "libwine"], cwd=work, check=True, capture_output=True, timeout=600)
    deb = next(work.glob("libwine*.deb"))
    subprocess.run(["dpkg-deb", "-x", str(deb), str(work / "wine")], check=True, timeout=600)
    return [p for p in walk(work / "wine", 256 * 1024 * 1024) if p.read_bytes()[:2] == b"MZ"]


def windows_wheels(work: Path) -> list[Path]:
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    pins = [d.split(";")[0].split("#")[0].strip() for d in deps]
    subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--platform", "win_amd64",
                    "--only-binary=:all:", "--dest", str(work / "wheels"), *pins], check=False, timeout=1200)
    for wheel in sorted((work / "wheels").glob("*.whl")):
        with zipfile.ZipFile(wheel) as archive:
            archive.extractall(work / "unpacked" / wheel.stem)
    return list(walk(work / "unpacked", 256 * 1024 * 1024))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=int, default=20000, help="files sampled from /usr/lib and /usr/share")
    parser.add_argument("--write", type=Path, help="write the results into this Markdown file")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="ringfence-fp-"))
    try:
        extract_bundle(BASELINE, work / "definitions")
        defs = load_definitions(work / "definitions")
        started = time.perf_counter()
        matcher = matcher_for(defs, work / "compiled")
        print(f"definitions {defs.version}: compiled in {time.perf_counter() - started:.1f} s", flush=True)
        corpora = [
            ("Wine's Windows PE files (libwine)", lambda: wine_pe(work)),
            ("Windows wheels of Ringfence's dependencies", lambda: windows_wheels(work)),
            ("/usr/lib + /usr/share sample", lambda: sample([Path("/usr/lib"), Path("/usr/share")], args.sample)),
            ("site-packages of this environment (sample)",
             lambda: sample([Path(sysconfig.get_paths()["purelib"])], args.sample // 2)),
        ]
        results: list[CorpusResult] = []
        for name, files in corpora:
            try:
                chosen = files()
            except (OSError, subprocess.SubprocessError, StopIteration) as exc:
                print(f"{name}: not available ({exc})", flush=True)
                continue
            result = scan(name, chosen, matcher)
            results.append(result)
            print(f"{name}: {result.files} files, {result.bytes / 1e6:.0f} MB, {len(result.findings)} findings, "
                  f"{result.seconds:.1f} s", flush=True)
            for hit in result.findings:
                print("  " + describe(hit), flush=True)
            for path in result.eicar:
                print(f"  (EICAR test file, expected: {path})", flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if args.write:
        rows = "\n".join(
            f"| {r.name} | {r.files:,} | {r.bytes / 1e6:,.0f} MB | **{len(r.findings)}** | {r.seconds:.1f} s | "
            f"{r.bytes / 1e6 / r.seconds if r.seconds else 0:.1f} MB/s |" for r in results)
        write_section(args.write, (
            "## False positives of the shipped definitions (bench/bench_false_positives.py)\n\n"
            f"Measured {time.strftime('%Y-%m-%d')} on 2 shared cores with definitions {defs.version} "
            f"({sum(1 for _ in matcher.rules)} rules, {len(defs.hashes)} hash signatures); the engine's own "
            "matcher on 2 threads, archives opened. A finding is any detection except the EICAR test files some "
            "packages carry on purpose.\n\n"
            "| corpus | files | size | findings | time | throughput |\n|---|---|---|---|---|---|\n" + rows + "\n"))
    return 1 if any(r.findings for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
