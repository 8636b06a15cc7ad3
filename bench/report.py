"""Writing benchmark results into docs/PERFORMANCE.md, one section per benchmark."""

from __future__ import annotations

import subprocess
import sys
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
