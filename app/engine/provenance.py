"""Where the definitions come from: the rule sets of a bundle, their licences and counts.

Reads the ``sources`` section of an extracted bundle's ``content.json`` (``content_schema`` 2), as the
definitions build writes it. Plain data, no engine and no core: the console's "About the definitions"
view and the CLI call :func:`read_sources` with the folder of the active definitions.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any


@dataclass(frozen=True)
class SourceInfo:
    id: str  # "reversinglabs", "signature-base", "bartblaze", "ringfence"
    name: str
    url: str
    commit: str
    date: str
    licence: str  # SPDX-like id of the rule set's own licence ("MIT", "DRL-1.1")
    licence_file: Path | None  # the licence text inside the bundle folder (None if missing)
    rule_count: int
    hash_count: int
    categories: dict[str, int] = field(default_factory=dict)  # "threat" / "pua" / "suspicious" -> rules
    rule_licences: dict[str, int] = field(default_factory=dict)  # licence id -> rules under it

    def licence_text(self) -> str:
        """The licence text, or "" when the bundle does not carry it."""
        if self.licence_file is None:
            return ""
        try:
            return self.licence_file.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""

    def licence_files(self) -> dict[str, Path]:
        """Every licence text this source's rules fall under, by licence id (its own and per-rule ones)."""
        folder = self.licence_file.parent if self.licence_file else None
        found = {self.licence: self.licence_file} if self.licence_file else {}
        if folder is not None:
            for licence in self.rule_licences:
                candidate = folder / f"{licence}.txt"
                if licence not in found and candidate.is_file():
                    found[licence] = candidate
        return found


def _int(value: object) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def _counts(value: object) -> dict[str, int]:
    if not isinstance(value, dict):
        return {}
    return {str(k): _int(v) for k, v in value.items()}


def _licence_path(bundle_dir: Path, value: object) -> Path | None:
    if not isinstance(value, str) or not value:
        return None
    pure = PurePosixPath(value)
    if pure.is_absolute() or ".." in pure.parts:
        return None
    path = bundle_dir / pure
    return path if path.is_file() else None


def read_sources(bundle_dir: Path) -> list[SourceInfo]:
    """The rule sets of the bundle extracted in ``bundle_dir``; [] for a schema-1 bundle, a plain rules
    folder or an unreadable manifest (the view then says the provenance is unknown)."""
    try:
        manifest: Any = json.loads((bundle_dir / "content.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    entries = manifest.get("sources") if isinstance(manifest, dict) else None
    if not isinstance(entries, list):
        return []
    found = []
    for entry in entries:
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
            continue
        found.append(SourceInfo(
            id=entry["id"], name=str(entry.get("name", entry["id"])), url=str(entry.get("url", "")),
            commit=str(entry.get("commit", "")), date=str(entry.get("date", "")),
            licence=str(entry.get("licence", "")), licence_file=_licence_path(bundle_dir, entry.get("licence_file")),
            rule_count=_int(entry.get("rule_count")), hash_count=_int(entry.get("hash_count")),
            categories=_counts(entry.get("categories")), rule_licences=_counts(entry.get("rule_licences")),
        ))
    return found
