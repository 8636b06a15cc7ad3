"""Vendor a pinned upstream rule set into definitions/upstream/<id>/ (sealed, never as plain rule text).

    python scripts/vendor_upstream.py ID FOLDER URL COMMIT DATE

FOLDER is an unpacked ``git archive`` of COMMIT. Every file except the licence is kept in one sealed
pack (``files.rfz``, see app/engine/sealed.py): plain YARA files are quarantined by other security
products and flagged by the rules themselves. The licence and a source note stay plain text. The
definitions build (``ringfence-channel build-core``) reads only what this script wrote; it needs no
network.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.engine.sealed import pack  # noqa: E402

LICENCE_NAMES = ("LICENSE", "LICENSE.txt", "LICENSE.md", "COPYING")


def vendor(source_id: str, folder: Path, url: str, commit: str, date: str, *, dest_root: Path) -> Path:
    files = {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
             if p.is_file() and p.name not in LICENCE_NAMES and p.name != "SOURCE.txt"}
    dest = dest_root / source_id
    dest.mkdir(parents=True, exist_ok=True)
    (dest / "files.rfz").write_bytes(pack(files))
    licence = next(folder / name for name in LICENCE_NAMES if (folder / name).is_file())
    (dest / "LICENSE").write_bytes(licence.read_bytes())
    rules = sum(1 for name in files if name.endswith((".yar", ".yara")))
    (dest / "SOURCE.md").write_text(
        f"# {source_id}\n\n"
        f"- Upstream: {url}\n- Commit: {commit} ({date})\n"
        f"- Taken: all {len(files)} files of that commit's snapshot ({rules} rule files), unchanged, kept sealed\n"
        f"  in `files.rfz` (a zlib stream behind Ringfence's own header; `app/engine/sealed.py` opens it).\n"
        f"  The licence is `LICENSE` beside this note. The file names are not listed here: many name the\n"
        f"  tools they detect, and the rules would flag this note.\n",
        encoding="utf-8")
    return dest


if __name__ == "__main__":
    if len(sys.argv) != 6:
        sys.exit(__doc__)
    print(vendor(sys.argv[1], Path(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5],
                 dest_root=ROOT / "definitions" / "upstream"))
