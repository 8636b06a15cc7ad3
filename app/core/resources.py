"""One function finds the app's resources, from a source checkout, an installed wheel or the frozen
PyInstaller bundle (``build.spec`` lists the same folder); :mod:`app.core.translations` finds the
translations the same way."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

from app.core.errors import RingfenceError
from app.core.text.messages import translate


def data_candidates(folder: str) -> list[Path]:
    """Where a data folder shipped beside the code (``resources``, ``translations``) may be, in order: the
    frozen bundle, a source checkout, an installed wheel's ``<prefix>/share/ringfence``."""
    candidates = []
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        candidates.append(Path(frozen_root) / folder)
    package = Path(__file__).resolve().parents[2]
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
