"""Builders for engine tests: real files, real rules."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.engine.eicar import eicar_bytes
from tests.conftest import ROOT

EICAR = eicar_bytes()
# The version of the definitions the app ships (what it scans with until an update arrives).
BASELINE_VERSION = str(json.loads((ROOT / "definitions" / "baseline" / "release.json").read_text())["version"])


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


def zip_with(path: Path, members: dict[str, bytes]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def scan_json(*args: str, env: dict[str, str] | None = None, timeout: float = 120, prefix: tuple[str, ...] = (),
              **popen: Any) -> tuple[int, dict[str, Any], str]:
    """``ringfence scan ARGS --json`` as a user runs it: (exit code, report, stderr)."""
    full_env = dict(os.environ, **(env or {}))
    result = subprocess.run([*prefix, sys.executable, "-m", "app", "scan", *args, "--json"], capture_output=True,
                            text=True, timeout=timeout, env=full_env, cwd=ROOT, check=False, **popen)
    report = json.loads(result.stdout) if result.stdout.strip() else {}
    return result.returncode, report, result.stderr


def pairs(report: dict[str, Any]) -> set[tuple[str, str]]:
    """(file name, or archive name!member, rule) of every detection."""
    return {(d["path"].rsplit("!", 1)[0].rsplit(os.sep, 1)[-1] + ("!" + d["path"].rsplit("!", 1)[1] if "!" in d["path"] else ""),
             d["rule"]) for d in report["detections"]}


def slow_rules(folder: Path, inner: str = "filesize-1") -> Path:
    """A rules folder whose one rule loops over every byte pair (up to ``inner``): about 10 ms on a
    450-byte file with the default, so a scan of a few hundred files lasts seconds, with our own rules."""
    write(folder / "slow.yar", "rule Slow { condition: for any i in (0..filesize-1) : "
                               f"(for any j in (0..{inner}) : (uint8(i) == uint8(j) + 1000)) }}")
    return folder


ATTRIBUTED_RULES = ROOT / "tests" / "fixtures" / "provenance" / "rules"
#: What a file must contain to match each rule of ATTRIBUTED_RULES (by the rule's category; "none": no meta).
MARKERS = {"threat": b"rf-test-threat-sample", "pua": b"rf-test-pua-tool", "suspicious": b"rf-test-suspicious-script",
           "none": b"rf-test-unattributed"}


def sample(path: Path, *categories: str) -> Path:
    """A harmless file that the attributed test rules find as ``categories``."""
    return write(path, b"an ordinary text file\n" + b"\n".join(MARKERS[c] for c in categories) + b"\n")


@dataclass(frozen=True)
class Source:
    """A rule set as the definitions reader describes it (the shape "About the definitions" shows)."""

    id: str
    name: str
    url: str
    commit: str
    licence: str
    licence_body: str
    rule_count: int
    hash_count: int
    categories: Mapping[str, int] = field(default_factory=dict)

    def licence_text(self) -> str:
        return self.licence_body
