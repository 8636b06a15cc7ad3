"""Clean files to prove the shipped definitions silent on: sampling real folders, and matching them.

Shared by ``bench/bench_false_positives.py`` (the full corpora) and the CI test on a smaller slice
(``tests/content/test_false_positives.py``). Files are only read.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from app.engine.bundle import Definitions
from app.engine.matcher import Hit, Matcher
from app.engine.rules import load_or_compile

EICAR_RULE = "EICAR_Test_File"  # test files some packages carry on purpose: listed, never a false positive


@dataclass
class CorpusResult:
    name: str
    files: int = 0
    bytes: int = 0
    seconds: float = 0.0
    findings: list[Hit] = field(default_factory=list)
    eicar: list[str] = field(default_factory=list)
    errors: int = 0


def walk(root: Path, max_size: int) -> Iterator[Path]:
    """Regular files under ``root`` (no links followed) up to ``max_size`` bytes, in a stable order."""
    for folder, dirs, names in os.walk(root):
        dirs.sort()
        for name in sorted(names):
            path = Path(folder) / name
            try:
                st = path.lstat()
            except OSError:
                continue
            if path.is_file() and not path.is_symlink() and 0 < st.st_size <= max_size:
                yield path


def sample(roots: Iterable[Path], limit: int, max_size: int = 8 * 1024 * 1024) -> list[Path]:
    """Up to ``limit`` files spread evenly over ``roots`` (every n-th file of each walk)."""
    found = [list(walk(root, max_size)) for root in roots if root.is_dir()]
    if not found:
        return []
    share = max(1, limit // len(found))
    picked: list[Path] = []
    for files in found:
        step = max(1, len(files) // share)
        picked += files[::step][:share]
    return picked


def matcher_for(defs: Definitions, compiled_dir: Path | None = None) -> Matcher:
    return Matcher(load_or_compile(defs, compiled_dir), defs.hashes, set(defs.allow), timeout=60,
                   uses_md5=defs.uses_md5)


def scan(name: str, files: list[Path], matcher: Matcher, threads: int = 2) -> CorpusResult:
    result = CorpusResult(name)
    started = time.perf_counter()
    with ThreadPoolExecutor(threads) as pool:
        for outcome in pool.map(lambda p: matcher.match_file(str(p)), files):
            result.files += 1
            result.bytes += outcome.bytes_scanned
            result.errors += len(outcome.errors)
            for hit in outcome.hits:
                if hit.rule == EICAR_RULE:
                    result.eicar.append(hit.path)
                else:
                    result.findings.append(hit)
    result.seconds = time.perf_counter() - started
    return result


def describe(hit: Hit) -> str:
    return f"{hit.path}: {hit.namespace}:{hit.rule} ({hit.engine}, source {hit.source or '?'}, {hit.category})"
