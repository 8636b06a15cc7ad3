"""The false-positive report: what a user sends when they judge a detection wrong.

It names the detection (rule, namespace, engine, category, source, author, licence, reference), the
definitions version and the detected content by SHA-256 and size — so the vendor can find the rule and,
with the hash, the very file among its own samples — and nothing else: never the file, its name or its
path, nothing about the user's PC. It is a small JSON file the user saves where they choose and sends.
"""

from __future__ import annotations

import json
import time
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from app import __version__
from app.core.foundation.errors import RingfenceError
from app.core.foundation.fileio import atomic_write_bytes
from app.core.journal.provenance import provenance
from app.core.text.messages import translate

REPORT_KIND = "ringfence-false-positive"
REPORT_FORMAT = 1


@dataclass(frozen=True)
class FalsePositiveReport:
    rule: str
    engine: str
    definitions_version: str
    sha256: str
    size: int | None  # None: not known (a member inside an archive)
    namespace: str = ""
    category: str = "threat"
    source: str = ""
    author: str = ""
    licence: str = ""
    reference: str = ""
    created: float = 0.0

    def to_json(self) -> dict[str, Any]:
        values = asdict(self)
        created = datetime.fromtimestamp(values.pop("created") or time.time(), UTC)
        file = {"sha256": values.pop("sha256"), "size": values.pop("size")}
        return {"report": REPORT_KIND, "format": REPORT_FORMAT, "app_version": __version__,
                "created": created.isoformat(timespec="seconds").replace("+00:00", "Z"), **values, "file": file}

    def text(self) -> str:
        """The report file's content (UTF-8 JSON, one document)."""
        return json.dumps(self.to_json(), indent=2, ensure_ascii=False) + "\n"

    @property
    def file_name(self) -> str:
        """A name to save it under that says what it is, without the detected file's name."""
        return f"ringfence-false-positive-{self.sha256[:12] or 'unknown'}.json"


def from_detection(detection: Mapping[str, Any], *, size: int | None = None) -> FalsePositiveReport:
    """The report for a detection: a dict from a scan (``rule``, ``engine``, ``sha256``, …), a quarantine
    item's JSON form or an event's arguments (``threat`` for the rule). Raises :class:`RingfenceError`
    when the detection has no file hash to report (an event written by an older Ringfence)."""
    sha256 = str(detection.get("sha256") or "").lower()
    if len(sha256) != 64:
        raise RingfenceError(translate(
            "Findings", "This detection was recorded without the file's SHA-256, so it cannot be reported; "
            "scan the file again and report the new detection."))
    return FalsePositiveReport(
        rule=str(detection.get("rule") or detection.get("threat") or ""),
        engine=str(detection.get("engine") or ""),
        definitions_version=str(detection.get("definitions_version") or ""),
        sha256=sha256,
        size=size if size is not None else content_size(detection),
        namespace=str(detection.get("namespace") or ""),
        created=time.time(),
        **provenance(detection),
    )


def content_size(detection: Mapping[str, Any]) -> int | None:
    """The size of the detected content, when the record knows it: a quarantine item's or an event's
    ``size``, or a scan's ``stat`` when the hit is the file on disk (not a member inside it)."""
    value = detection.get("size")
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    stat = detection.get("stat")
    inside_archive = detection.get("file") not in (None, detection.get("path"))
    if isinstance(stat, list | tuple) and stat and not inside_archive:
        return int(stat[0])
    return None


def journal_args(detection: Mapping[str, Any]) -> dict[str, Any]:
    """What the event journal keeps of a detection besides its rule and path: the provenance, and what
    a false-positive report from the History page needs (hash, size, definitions, engine, namespace)."""
    return {**provenance(detection), "sha256": str(detection.get("sha256") or ""),
            "definitions_version": str(detection.get("definitions_version") or ""),
            "engine": str(detection.get("engine") or ""), "namespace": str(detection.get("namespace") or ""),
            "size": content_size(detection)}


def save(report: FalsePositiveReport, target: Path) -> Path:
    """Write the report to ``target`` (a file, or a folder to put it in under its own name); the path
    written. Raises :class:`RingfenceError` with one clear sentence when it cannot be written."""
    path = target / report.file_name if target.is_dir() else target
    try:
        atomic_write_bytes(path, report.text().encode("utf-8"))
    except OSError as exc:
        raise RingfenceError(translate("Findings", "The report could not be saved to %1 (%2); choose another place.")
                             .arg(str(path), exc.strerror or str(exc))) from exc
    return path


__all__ = ["FalsePositiveReport", "content_size", "from_detection", "journal_args", "save"]
