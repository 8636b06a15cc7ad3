"""Acting on a scan's detections: quarantine each detected file once.

Shared by ``ringfence scan --action quarantine`` and real-time protection, so both move files into
the vault the same way (an archive is quarantined whole for a hit inside it).
"""

from __future__ import annotations

from pathlib import Path

from app.core.context import Context
from app.core.supervisor import ScanOutcome


def quarantine_detections(ctx: Context, outcome: ScanOutcome, scan_id: int) -> None:
    """Quarantine each detected file once; sets each detection's ``action`` and adds failures to
    ``outcome.errors``."""
    from app.core.quarantine import quarantine_file

    done: dict[str, tuple[str, str | None]] = {}
    for detection in outcome.detections:
        path = detection.get("file") or detection["path"]
        if path not in done:
            sha = detection["sha256"] if detection["path"] == path else sha256_file(Path(path))
            result = quarantine_file(ctx, path, rule=detection["rule"], engine=detection["engine"],
                                     definitions_version=detection["definitions_version"], sha256=sha,
                                     scanned_stat=tuple(detection["stat"]), scan_id=scan_id)
            done[path] = (result.action, result.error)
            if result.error:
                outcome.errors.append({"path": path, "error": result.error})
        detection["action"] = done[path][0]


def sha256_file(path: Path) -> str:
    from app.engine.hashing import sha256_file as digest

    try:
        return digest(path)
    except OSError:
        return ""
