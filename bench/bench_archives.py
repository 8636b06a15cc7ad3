"""Memory of a scan through big archives: the engine worker and the CLI process, sampled as they run.

    python bench/bench_archives.py [--scale 1] [--write docs/PERFORMANCE.md]

Builds a corpus of large containers in a temporary folder (a solid 7z, a zip of large members, an
ISO/UDF image, a tar.xz, a CAB, nested zip bombs, a OneNote notebook; about 1.2 GB unpacked at
``--scale 1``), runs ``ringfence scan DIR --json --no-cache`` as a user would, and samples the resident
memory of the CLI process and of its engine worker every 50 ms. The targets (issue 19): engine
worker < 300 MB, CLI < 250 MB. A benchmark, not a test: run it on a quiet machine.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from pathlib import Path

import psutil
from report import write_section

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
MB = 1024 * 1024


def _noise(size: int, seed: int) -> bytes:
    """``size`` bytes that compress a little (a 1 MB random block, repeated with changes), so the
    archives stay quick to build while unpacking them costs real work and memory."""
    rng = random.Random(seed)
    block = bytearray(rng.randbytes(MB))
    out = io.BytesIO()
    while out.tell() < size:
        block[rng.randrange(MB)] ^= 0xFF
        out.write(block)
    return out.getvalue()[:size]


def build(folder: Path, scale: int) -> dict[str, int]:
    from tests.engine import containers_build as make
    from tests.engine.test_archives import nested_wide, zeros_zip

    folder.mkdir(parents=True, exist_ok=True)
    sizes: dict[str, int] = {}

    def put(name: str, data: bytes) -> None:
        (folder / name).write_bytes(data)
        sizes[name] = len(data)

    big = {f"data/part{index}.bin": _noise(40 * MB * scale, index) for index in range(3)}
    put("solid.7z", make.seven_zip(big))
    put("large-members.zip", make.zip_of({**big, "more/extra.bin": _noise(60 * MB * scale, 9)}))
    put("image.iso", make.iso_image({"setup/payload.bin": _noise(100 * MB * scale, 3),
                                     "setup/inner.zip": make.zip_of({"x.bin": _noise(30 * MB, 4)})}))
    put("backup.tar.xz", make.tar_of({"home/a.bin": _noise(60 * MB * scale, 5), "home/b.bin": _noise(60 * MB, 6)}, "xz"))
    put("driver.cab", make.cabinet({"driver.sys": _noise(30 * MB * scale, 7)}))
    put("notebook.one", make.onenote([_noise(20 * MB, 8), b"<html>note</html>"]))
    put("bomb.zip", zeros_zip(600))
    put("bomb-nested.zip", nested_wide(zeros_zip(256), copies=16, levels=2))
    many = io.BytesIO()
    with zipfile.ZipFile(many, "w", zipfile.ZIP_DEFLATED) as archive:
        for index in range(10_000):
            archive.writestr(f"photos/{index:05d}.jpg", b"\xff\xd8\xff\xe0" + bytes(200))
    put("photos.zip", many.getvalue())
    return sizes


def sample(root: psutil.Process, peaks: dict[str, int], done: threading.Event) -> None:
    while not done.is_set():
        try:
            peaks["cli"] = max(peaks["cli"], root.memory_info().rss)
            for child in root.children(recursive=True):
                memory = child.memory_info()
                peaks["worker"] = max(peaks["worker"], memory.rss)
                # Without the pages of files libyara maps to match them (the page cache's, reclaimable).
                peaks["worker_private"] = max(peaks["worker_private"], memory.rss - getattr(memory, "shared", 0))
        except psutil.Error:
            pass
        time.sleep(0.05)


def run(scale: int) -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix="rf-bench-archives-") as temp:
        corpus = Path(temp) / "corpus"
        started = time.monotonic()
        sizes = build(corpus, scale)
        built = time.monotonic() - started
        env = dict(os.environ, RINGFENCE_HOME=str(Path(temp) / "home"))
        peaks = {"cli": 0, "worker": 0, "worker_private": 0}
        done = threading.Event()
        started = time.monotonic()
        process = subprocess.Popen([sys.executable, "-m", "app", "scan", str(corpus), "--json", "--no-cache"],
                                   cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        watcher = threading.Thread(target=sample, args=(psutil.Process(process.pid), peaks, done), daemon=True)
        watcher.start()
        out, err = process.communicate(timeout=3600)
        seconds = time.monotonic() - started
        done.set()
        watcher.join()
        report = json.loads(out) if out.strip() else {}
        if not report:
            raise SystemExit(f"the scan failed: {err.decode(errors='replace')[-2000:]}")
        return {"sizes": sizes, "build_s": built, "scan_s": seconds, "cli_mb": peaks["cli"] / MB,
                "worker_mb": peaks["worker"] / MB, "worker_private_mb": peaks["worker_private"] / MB, "report": report}


def section(result: dict[str, object]) -> str:
    report = result["report"]
    assert isinstance(report, dict)
    sizes = result["sizes"]
    assert isinstance(sizes, dict)
    limits = sorted({(item["path"].rsplit(os.sep, 1)[-1].split("!")[0], item["limit"])
                     for item in report["skipped_items"] if item.get("limit")})
    return "\n".join([
        "## Memory through big archives (bench/bench_archives.py)",
        "",
        f"`ringfence scan` of {len(sizes)} containers ({sum(sizes.values()) / MB:.0f} MB on disk: a solid 7z, a zip "
        "of large members, an ISO/UDF image, a tar.xz, a CAB, a OneNote notebook, a zip of 10,000 photos and two "
        "zip bombs), default settings, `--no-cache`, resident memory sampled every 50 ms.",
        "",
        "| process | peak resident memory | target |",
        "| --- | --- | --- |",
        f"| engine worker | {result['worker_mb']:.0f} MB | < 300 MB |",
        f"| engine worker without mapped file pages (RSS - shared) | {result['worker_private_mb']:.0f} MB | |",
        f"| `ringfence scan` (the CLI; the console runs the same core) | {result['cli_mb']:.0f} MB | < 250 MB |",
        "",
        f"The scan took {result['scan_s']:.1f} s; {report['files_scanned']} files, "
        f"{len(report['detections'])} detections, {report['not_fully_checked']} not fully checked "
        f"({', '.join(f'{name}: {limit}' for name, limit in limits) or 'none'}). Members above 8 MB are spooled "
        "to the worker's spool folder and matched by path; a 7z archive keeps at most 16 MB of its members in "
        "memory at once.",
        "",
    ])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=1)
    parser.add_argument("--write", type=Path)
    args = parser.parse_args()
    result = run(args.scale)
    text = section(result)
    print(text)
    if args.write:
        write_section(args.write, text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
