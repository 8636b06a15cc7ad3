"""Finds the compiled translations (``translations/ringfence_<lang>.qm``) the way
:func:`app.core.resources.resources_dir` finds ``resources/``: in the frozen bundle (``build.spec``
ships ``translations/*.qm``), a source checkout or an installed wheel (``pyproject.toml`` data files)."""

from __future__ import annotations

from pathlib import Path

from app.core.resources import data_candidates


def translations_dir() -> Path | None:
    """The folder holding ``ringfence_*.qm``, or None when this installation has none (English only)."""
    return next((c for c in data_candidates("translations") if any(c.glob("ringfence_*.qm"))), None)


def available_languages() -> list[str]:
    """The languages with a compiled translation (``["de"]``); English, the source language, is not listed."""
    folder = translations_dir()
    if folder is None:
        return []
    return sorted(p.stem.removeprefix("ringfence_") for p in folder.glob("ringfence_*.qm"))
