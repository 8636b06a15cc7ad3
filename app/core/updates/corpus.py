"""The files validation checks against: the clean self-test corpus and Ringfence's own files."""

from __future__ import annotations

import sys
from pathlib import Path

import app
from app.core.foundation.resources import resource_path

OWN_SUFFIXES = {".py", ".pyd", ".so", ".dll", ".exe"}
MAX_OWN_FILES = 5000


def default_clean_corpus() -> list[Path]:
    """The clean corpus shipped in ``resources/selftest/clean`` (empty when a build lacks it)."""
    folder = resource_path("selftest", "clean")
    return [folder] if folder.is_dir() else []


def own_files() -> list[Path]:
    """Ringfence's own program files: no hash list may ever name one of them as a threat."""
    package = Path(app.__file__).resolve().parent
    found = [Path(sys.executable)]
    for path in sorted(package.rglob("*")):
        if path.suffix in OWN_SUFFIXES and path.is_file():
            found.append(path)
            if len(found) >= MAX_OWN_FILES:
                break
    return found
