"""Build resources/definitions/baseline.tar.gz (reproducibly) with the definitions build step.

The baseline is "Ringfence Core" — the vendored public rule sets in definitions/upstream/, filtered and
annotated by ``app.channel.content`` — plus our own rules in definitions/baseline/rules (namespace
``ringfence``) with their golden samples. Run after changing a rule, the deny-list or a vendored
source: `python scripts/build_baseline.py`. A test checks that the committed archive is what this
script builds, and that every golden sample matches its rule while the clean self-test corpus stays
clean. No network is used.
"""

from __future__ import annotations

import base64
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.channel.build import core_bundle  # noqa: E402

DEFINITIONS = ROOT / "definitions"
SOURCE = DEFINITIONS / "baseline"
OUT = ROOT / "resources" / "definitions" / "baseline.tar.gz"


def golden_samples(source: Path) -> dict[str, bytes | tuple[str, bytes]]:
    samples: dict[str, bytes | tuple[str, bytes]] = {}
    for path in sorted((source / "golden").glob("*/*.b64")):
        samples[path.parent.name] = (path.name.removesuffix(".b64"), base64.b64decode(path.read_bytes()))
    return samples


def build(out: Path = OUT, definitions: Path = DEFINITIONS) -> Path:
    source = definitions / "baseline"
    release = json.loads((source / "release.json").read_text(encoding="utf-8"))
    path, _ = core_bundle(definitions, out, int(release["version"]), notes=(source / "notes.md").read_text(encoding="utf-8"),
                          changelog=release.get("changelog", []), created=release["created"],
                          golden=golden_samples(source))
    return path


if __name__ == "__main__":
    print(build())
