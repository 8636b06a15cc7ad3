"""Build resources/definitions/baseline.tar.gz from definitions/baseline/ (reproducibly).

Run after changing a baseline rule: `python scripts/build_baseline.py`. A test checks that the
committed archive is what this script builds, and that every golden sample matches its rule while
the clean self-test corpus stays clean.
"""

from __future__ import annotations

import base64
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.engine.bundle import build_bundle, load_rules_folder  # noqa: E402
from app.engine.rules import compile_definitions, count_rules  # noqa: E402

SOURCE = ROOT / "definitions" / "baseline"
OUT = ROOT / "resources" / "definitions" / "baseline.tar.gz"


def golden_samples(source: Path) -> dict[str, bytes | tuple[str, bytes]]:
    samples: dict[str, bytes | tuple[str, bytes]] = {}
    for path in sorted((source / "golden").glob("*/*.b64")):
        samples[path.parent.name] = (path.name.removesuffix(".b64"), base64.b64decode(path.read_bytes()))
    return samples


def build(out: Path = OUT, source: Path = SOURCE) -> Path:
    release = json.loads((source / "release.json").read_text(encoding="utf-8"))
    rules = compile_definitions(load_rules_folder(source / "rules"))
    return build_bundle(
        source / "rules", out, int(release["version"]), rule_count=count_rules(rules),
        notes=(source / "notes.md").read_text(encoding="utf-8"), golden=golden_samples(source),
        changelog=release.get("changelog", []), created=release["created"],
    )


if __name__ == "__main__":
    print(build())
