"""One function finds the app's resources, from a source checkout, an installed wheel or the frozen
PyInstaller bundle (``build.spec`` lists the same folder); :func:`translations_dir` finds the compiled
translations (``translations/ringfence_<lang>.qm``) the same way."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

import app
from app.core.foundation.errors import RingfenceError
from app.core.text.messages import translate


def data_candidates(folder: str) -> list[Path]:
    """Where a data folder shipped beside the code (``resources``, ``translations``) may be, in order: the
    frozen bundle, a source checkout, an installed wheel's ``<prefix>/share/ringfence``."""
    candidates = []
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        candidates.append(Path(frozen_root) / folder)
    package = Path(app.__file__).resolve().parent.parent
    candidates.append(package / folder)  # source checkout
    # An installed wheel: its data files sit in <prefix>/share/ringfence, with the package in
    # <prefix>/lib/pythonX.Y/site-packages (POSIX) or <prefix>/Lib/site-packages (Windows).
    candidates += [parent / "share" / "ringfence" / folder for parent in package.parents[:4]]
    candidates.append(Path(sys.prefix) / "share" / "ringfence" / folder)
    return candidates


@cache
def resources_dir() -> Path:
    for candidate in data_candidates("resources"):
        if (candidate / "README.md").is_file():
            return candidate
    raise RingfenceError(translate("Errors", "Ringfence's resources folder is missing; reinstall Ringfence."))


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def translations_dir() -> Path | None:
    """The folder holding ``ringfence_*.qm``, or None when this installation has none (English only)."""
    return next((c for c in data_candidates("translations") if any(c.glob("ringfence_*.qm"))), None)


def available_languages() -> list[str]:
    """The languages with a compiled translation (``["de"]``); English, the source language, is not listed."""
    folder = translations_dir()
    if folder is None:
        return []
    return sorted(p.stem.removeprefix("ringfence_") for p in folder.glob("ringfence_*.qm"))
