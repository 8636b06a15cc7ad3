"""The console's responsiveness: cold start, idle memory, and the GUI thread's worst stall during a scan.

    python bench/bench_gui.py [--runs 7] [--bundle dist/Ringfence] [--corpus DIR] [--write docs/PERFORMANCE.md]

* **Cold start**: ``Ringfence --console-selftest`` (from source, and from the frozen bundle with
  ``--bundle``) reports the time from process creation to the main window's first paint; median and
  best of ``--runs`` launches, each on a fresh RINGFENCE_HOME. Offscreen platform.
* **Idle memory**: ``python -m app.ui.gui`` runs for 15 s (window shown, workers, journal watcher and
  update poller running); resident and unique memory of the UI process afterwards.
* **GUI stall**: in this process, the real console with its Scan page scans ``--corpus`` (default: the
  small bench corpus made by ``../shared/bench/make_corpus.py --size small --synthetic-only``) as the user
  would, while a 5 ms QTimer measures the longest gap between its ticks (target: under 50 ms).

Prints a Markdown section; ``--write`` puts it into docs/PERFORMANCE.md. A benchmark, not a test.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
MAKE_CORPUS = next((p / "shared" / "bench" / "make_corpus.py" for p in ROOT.parents
                    if (p / "shared" / "bench" / "make_corpus.py").is_file()), ROOT.parent / "shared" / "bench" / "make_corpus.py")


def cold_start(cmd: list[str], runs: int) -> tuple[list[float], list[float]]:
    paints, rss = [], []
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="ringfence-bench-gui-") as home:
            env = dict(os.environ, RINGFENCE_HOME=home, QT_QPA_PLATFORM="offscreen")
            out = subprocess.run([*cmd, "--console-selftest"], capture_output=True, text=True, env=env, timeout=120,
                                 check=True, cwd=ROOT)
            report = json.loads(out.stdout.strip().splitlines()[-1])
            paints.append(float(report["first_paint_s"]))
            rss.append(float(report["rss_mb"]))
    return paints, rss


def idle_memory(seconds: float = 15.0) -> tuple[float, float]:
    with tempfile.TemporaryDirectory(prefix="ringfence-bench-idle-") as home:
        env = dict(os.environ, RINGFENCE_HOME=home, QT_QPA_PLATFORM="offscreen")
        env.pop("DISPLAY", None)
        proc = subprocess.Popen([sys.executable, "-m", "app.ui.gui"], env=env, cwd=ROOT,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            time.sleep(seconds)
            info = psutil.Process(proc.pid).memory_full_info()
            return info.rss / 2**20, info.uss / 2**20
        finally:
            proc.terminate()
            proc.wait(30)


def gui_stall(corpus: Path) -> dict[str, float]:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    home = tempfile.mkdtemp(prefix="ringfence-bench-stall-")
    os.environ["RINGFENCE_HOME"] = home
    from PySide6.QtCore import QElapsedTimer, QTimer

    from app.core.foundation.paths import get_paths
    from app.ui.application import ConsoleApp
    from app.ui.gui import make_qapp

    qapp = make_qapp()
    console = ConsoleApp(qapp, get_paths(), use_tray=False, poll_updates=False)
    console.start()
    page = console.window.pages["scan"]
    console.show_page("scan")
    clock = QElapsedTimer()
    gaps: list[float] = []
    probe = QTimer()
    probe.setInterval(5)

    def tick() -> None:
        if clock.isValid():
            gaps.append(clock.nsecsElapsed() / 1e6)
        clock.restart()

    probe.timeout.connect(tick)
    started = time.perf_counter()
    result: dict[str, float] = {}

    def begin() -> None:
        probe.start()
        action = page.action  # type: ignore[attr-defined]
        action.setCurrentIndex(action.findData("report"))  # the corpus stays as it is for the next run
        page.start_scan("custom", [str(corpus)])  # type: ignore[attr-defined]
        watch.start()

    def check_done() -> None:
        if not page.running:  # type: ignore[attr-defined]
            result["scan_s"] = time.perf_counter() - started
            summary = page.summary  # type: ignore[attr-defined]
            result["files"] = float(summary.outcome.progress.files_scanned) if summary else 0.0
            result["threats"] = float(len(summary.found)) if summary else 0.0
            probe.stop()
            console.quit()

    watch = QTimer()
    watch.setInterval(200)
    watch.timeout.connect(check_done)
    QTimer.singleShot(2000, begin)  # let start-up work settle
    qapp.exec()
    gaps.sort()
    result["ticks"] = len(gaps)
    result["worst_ms"] = gaps[-1] if gaps else 0.0
    result["p99_ms"] = gaps[int(len(gaps) * 0.99)] if gaps else 0.0
    result["over_50ms"] = float(sum(g > 50 for g in gaps))
    return result


def ensure_corpus(corpus: Path | None) -> Path:
    if corpus is not None:
        return corpus
    target = Path(tempfile.gettempdir()) / "ringfence-bench-small"
    if not target.is_dir():
        subprocess.run([sys.executable, str(MAKE_CORPUS), "--size", "small", "--synthetic-only", str(target)], check=True)
    return target


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--bundle", type=Path, help="the frozen bundle's folder (dist/Ringfence)")
    parser.add_argument("--corpus", type=Path, help="folder to scan for the stall probe")
    parser.add_argument("--skip-stall", action="store_true")
    parser.add_argument("--write", type=Path, help="replace the console section of this Markdown file")
    args = parser.parse_args()

    rows: list[tuple[str, str]] = []
    paints, rss = cold_start([sys.executable, "-m", "app"], args.runs)
    rows.append(("cold start to first painted window, from source",
                 f"median {statistics.median(paints):.2f} s, best {min(paints):.2f} s ({args.runs} runs)"))
    if args.bundle:
        exe = args.bundle / ("Ringfence.exe" if os.name == "nt" else "Ringfence")
        b_paints, b_rss = cold_start([str(exe)], args.runs)
        rows.append(("cold start to first painted window, frozen bundle",
                     f"median {statistics.median(b_paints):.2f} s, best {min(b_paints):.2f} s ({args.runs} runs)"))
        rows.append(("memory after the first paint, frozen bundle", f"{statistics.median(b_rss):.0f} MB resident"))
    rows.append(("memory after the first paint, from source", f"{statistics.median(rss):.0f} MB resident"))
    idle_rss, idle_uss = idle_memory()
    rows.append(("idle UI process after 15 s (window, workers, watcher, poller)",
                 f"{idle_rss:.0f} MB resident, {idle_uss:.0f} MB unique"))
    if not args.skip_stall:
        corpus = ensure_corpus(args.corpus)
        stall = gui_stall(corpus)
        rows.append(("GUI thread's worst stall during a scan from the Scan page",
                     f"{stall['worst_ms']:.0f} ms (p99 {stall['p99_ms']:.1f} ms, {stall['over_50ms']:.0f} of "
                     f"{stall['ticks']:.0f} ticks over 50 ms; {stall['files']:.0f} files, {stall['threats']:.0f} threats "
                     f"listed, in {stall['scan_s']:.0f} s)"))
    cpu = psutil.cpu_count()
    section = ("## Console (bench/bench_gui.py)\n\n"
               f"{cpu} CPUs, load average {os.getloadavg()[0]:.1f} when measured; offscreen Qt platform. Targets: "
               "first paint under 1 s, worst GUI stall under 50 ms.\n\n| measure | result |\n| --- | --- |\n"
               + "".join(f"| {name} | {value} |\n" for name, value in rows))
    from bench.report import publish

    publish(section, args.write)
    return 0


if __name__ == "__main__":
    sys.exit(main())
