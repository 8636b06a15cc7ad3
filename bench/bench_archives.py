"""Memory of a scan through big archives: the engine worker and the CLI process, sampled as they run.

    python bench/bench_archives.py [--scale 1] [--write docs/PERFORMANCE.md]

Builds a corpus of large containers in a temporary folder (a zip of four 250 MB members that expands to
1 GB, a solid 7z, a zip of large members, an ISO/UDF image holding a zip, a tar.xz, a CAB, a zip in a
tar.gz in a zip, nested zip bombs, a OneNote notebook, a zip of 10,000 photos; about 2.5 GB unpacked at
``--scale 1``), runs ``ringfence scan DIR --json --no-cache`` as a user would, then the console
scanning the same folder from its Scan page (offscreen), and samples the memory of the CLI or UI
process and of its engine worker: resident (RSS) every 50 ms, proportional and unique (PSS, USS, from
smaps) every 200 ms, and the kernel's own peak (VmHWM, Linux) read until the processes end. The
targets (issue 19): engine worker < 300 MB, console or CLI < 250 MB. A benchmark, not a test: run it on a
quiet machine.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import platform
import random
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from pathlib import Path
from typing import Any

import psutil
from report import publish, with_split_rules

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


def big_members_zip(path: Path, members: int, size: int) -> int:
    """A zip of ``members`` members of ``size`` bytes each, written in a stream (deflate finds the
    repeats of a 16 KB block, so it is small on disk while each member unpacks to its full size)."""
    rng = random.Random(members)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for index in range(members):
            block = bytearray(rng.randbytes(16 * 1024))
            with archive.open(f"big/member{index}.bin", "w", force_zip64=True) as member:
                for _ in range(size // len(block)):
                    block[rng.randrange(len(block))] ^= 0xFF
                    member.write(block)
    return path.stat().st_size


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
    sizes["gigabyte.zip"] = big_members_zip(folder / "gigabyte.zip", 4 * scale, 250 * MB)
    put("nested.zip", make.zip_of({"backup.tar.gz": make.tar_of(
        {"inner.zip": make.zip_of({f"x{index}.bin": _noise(100 * MB, 20 + index) for index in range(2)})}, "gz")}))
    many = io.BytesIO()
    with zipfile.ZipFile(many, "w", zipfile.ZIP_DEFLATED) as archive:
        for index in range(10_000):
            archive.writestr(f"photos/{index:05d}.jpg", b"\xff\xd8\xff\xe0" + bytes(200))
    put("photos.zip", many.getvalue())
    return sizes


PEAKS = ("rss", "pss", "uss", "hwm")


def _hwm(pid: int) -> int:
    """The kernel's record of a process's peak resident memory (Linux; 0 elsewhere)."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return 0


def sample(root: psutil.Process, peaks: dict[str, dict[str, int]], done: threading.Event) -> None:
    rounds = 0
    while not done.is_set():
        try:
            processes = [("cli", root)] + [("worker", child) for child in root.children(recursive=True)]
            for role, process in processes:
                peak = peaks[role]
                peak["rss"] = max(peak["rss"], process.memory_info().rss)
                peak["hwm"] = max(peak["hwm"], _hwm(process.pid))
                if rounds % 4 == 0:  # smaps is slower to read: every 200 ms
                    full = process.memory_full_info()
                    peak["pss"] = max(peak["pss"], getattr(full, "pss", 0))
                    peak["uss"] = max(peak["uss"], full.uss)
        except psutil.Error:
            pass
        rounds += 1
        time.sleep(0.05)


CONSOLE = """
import json, sys
from pathlib import Path
sys.path.insert(0, "bench")
import bench_gui
print(json.dumps(bench_gui.gui_stall(Path(sys.argv[1]))))
"""


def measured(command: list[str], env: dict[str, str]) -> tuple[dict[str, dict[str, int]], float, bytes]:
    """Run ``command`` (a CLI scan, or the console scanning from its Scan page) and sample it and its
    engine worker until it ends: (peaks by role, seconds, its output)."""
    peaks = {role: dict.fromkeys(PEAKS, 0) for role in ("cli", "worker")}
    done = threading.Event()
    started = time.monotonic()
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    watcher = threading.Thread(target=sample, args=(psutil.Process(process.pid), peaks, done), daemon=True)
    watcher.start()
    out, err = process.communicate(timeout=3600)
    seconds = time.monotonic() - started
    done.set()
    watcher.join()
    if process.returncode not in (0, 1) or not out.strip():
        raise SystemExit(f"the scan failed: {err.decode(errors='replace')[-2000:]}")
    return peaks, seconds, out


def run(scale: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="rf-bench-archives-") as temp:
        corpus = Path(temp) / "corpus"
        started = time.monotonic()
        sizes = build(corpus, scale)
        built = time.monotonic() - started
        env = dict(os.environ, RINGFENCE_HOME=str(Path(temp) / "home"), QT_QPA_PLATFORM="offscreen")
        with_split_rules(env)  # as an update leaves the definitions: compiled, split by file type
        load_before = os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0
        peaks, seconds, out = measured([sys.executable, "-m", "app", "scan", str(corpus), "--json", "--no-cache"], env)
        report = json.loads(out)
        console_peaks, console_s, console_out = measured([sys.executable, "-c", CONSOLE, str(corpus)], env)
        console = json.loads(console_out.decode().strip().splitlines()[-1])
        load_after = os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0
        return {"sizes": sizes, "build_s": built, "scan_s": seconds, "peaks": peaks, "report": report,
                "console_peaks": console_peaks, "console_s": console_s, "console": console,
                "load": (load_before, load_after)}


def section(result: dict[str, Any]) -> str:
    report, sizes, load = result["report"], result["sizes"], result["load"]
    peaks, console_peaks, console = result["peaks"], result["console_peaks"], result["console"]

    def row(label: str, role: str, target: str, measured: dict[str, dict[str, int]] = peaks) -> str:
        peak = {key: f"{value / MB:.0f} MB" if value else "–" for key, value in measured[role].items()}
        return f"| {label} | {peak['hwm']} | {peak['rss']} | {peak['pss']} | {peak['uss']} | {target} |"

    limits = sorted({(item["path"].rsplit(os.sep, 1)[-1].split("!")[0], item["limit"])
                     for item in report["skipped_items"] if item.get("limit")})
    return "\n".join([
        "## Memory through big archives (bench/bench_archives.py)",
        "",
        f"`ringfence scan` of {len(sizes)} containers ({sum(sizes.values()) / MB:.0f} MB on disk: a zip of four "
        "250 MB members that expands to 1 GB, a solid 7z, a zip of large members, an ISO/UDF image holding a zip, "
        "a tar.xz, a CAB, a zip in a tar.gz in a zip, a OneNote notebook, a zip of 10,000 photos and two zip "
        "bombs), default settings, `--no-cache`.",
        "",
        "| process | peak resident (VmHWM, kernel) | peak RSS (sampled 50 ms) | peak PSS (200 ms) | "
        "peak USS (200 ms) | target |",
        "| --- | --- | --- | --- | --- | --- |",
        row("engine worker", "worker", "< 300 MB"),
        row("`ringfence scan` (the CLI)", "cli", "< 250 MB"),
        row("engine worker, scan started from the console's Scan page", "worker", "< 300 MB", console_peaks),
        row("the console's UI process (window, workers, watcher, poller) during that scan", "cli", "< 250 MB",
            console_peaks),
        "",
        f"The scan took {result['scan_s']:.1f} s; {report['files_scanned']} files, "
        f"{len(report['detections'])} detections, {report['not_fully_checked']} not fully checked "
        f"({', '.join(f'{name}: {limit}' for name, limit in limits) or 'none'}). From the console (offscreen, "
        f"the Scan page, action \"report\") the same scan took {result['console_s']:.1f} s including the "
        f"console's start, {console.get('files', 0):.0f} files; the GUI thread's worst stall was "
        f"{console.get('worst_ms', 0):.0f} ms.",
        "",
        f"Measured {time.strftime('%Y-%m-%d', time.gmtime())} on {os.cpu_count()} cores ({platform.system()}, "
        f"Python {platform.python_version()}), a machine shared with other work: 1-minute load average "
        f"{load[0]:.1f} before the scan and {load[1]:.1f} after it, so the time above is not a throughput "
        "figure. VmHWM is the kernel's own record of the highest resident memory, so no peak between two "
        "samples is missed; PSS and USS leave out what the worker shares with other processes (libraries, "
        "the page cache).",
        "",
        "How the worker stays bounded whatever the archives hold: a member is unpacked in 1 MB pieces, "
        "metered against the file's one budget as it streams, held in memory up to 8 MB (7z: 16 MB for the "
        "members of one archive) and spooled to a file beyond that. Large files and spooled members are matched "
        "through a memory mapping whose resident pages are dropped every 10 ms while libyara reads it "
        "(`app/engine/bounded_map.py`): the rules see the whole file, but a 250 MB member costs a few MB of "
        "resident memory, where libyara's own mapping kept every page it had read (343 MB peak before, with the "
        "256 MB leaves of the nested bomb). py7zr is asked for 1 MB of output at a time (its default, 128 MB in "
        "one piece, cost 70 MB more), and LZMA or RAR dictionaries above 64 MB are not unpacked. What remains is "
        "the rules and signatures loaded once, the decoders' dictionaries (at most 64 MB each) and the members "
        "held in memory by the two matching threads.",
        "",
    ])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=1)
    parser.add_argument("--write", type=Path)
    args = parser.parse_args()
    result = run(args.scale)
    publish(section(result), args.write)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
