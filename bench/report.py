"""Writing benchmark results into docs/PERFORMANCE.md, one section per benchmark."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def write_section(path: Path, section: str) -> None:
    """Replace the section with the same ``## `` heading in ``path`` (or append it)."""
    heading = section.splitlines()[0]
    old = path.read_text(encoding="utf-8") if path.exists() else "# Performance\n\n"
    if heading in old:
        before, _, rest = old.partition(heading)
        after = rest.split("\n## ", 1)
        old = before + section + ("\n## " + after[1] if len(after) > 1 else "")
    else:
        old = old.rstrip("\n") + "\n\n" + section
    path.write_text(old, encoding="utf-8")


def publish(section: str, path: Path | None) -> None:
    """Print a benchmark's section and, when ``path`` is given, write it there too."""
    print(section)
    if path is not None:
        write_section(path, section)


def compile_bytecode() -> None:
    """Write the app's bytecode before anything is timed, as an installed Ringfence has it (pip writes
    it at install time, the bundle carries it): where ``PYTHONDONTWRITEBYTECODE`` is set, every process
    would otherwise compile each module it imports from source (about 0.1 s a process)."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "app")], check=True,
                   stdout=subprocess.DEVNULL)


def with_split_rules(env: dict[str, str], definitions: Path | None = None, timeout: float = 300.0) -> float:
    """Leave the home of ``env`` (a home used with one set of definitions) as an installed Ringfence has
    it after an update: the rules split by file type compiled into its cache. A first scan finds no split, matches with the whole set and
    has a worker of its own compile the split; this scans one small file and waits for that worker's
    result, so what is timed next is the steady state. Returns the seconds waited."""
    home = Path(env["RINGFENCE_HOME"])
    compiled = Path(env.get("RINGFENCE_COMPILED_CACHE") or home / "cache" / "compiled")
    started = time.monotonic()
    if not list(compiled.glob("*.rfp")):
        extra = ["--definitions", str(definitions)] if definitions else []
        subprocess.run([sys.executable, "-m", "app", "scan", str(ROOT / "README.md"), "--no-cache", *extra],
                       cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    while not list(compiled.glob("*.rfp")):
        if time.monotonic() - started > timeout:
            raise SystemExit(f"the split rules were not compiled within {timeout:.0f} s")
        time.sleep(0.1)
    return time.monotonic() - started
