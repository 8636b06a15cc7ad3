"""Folder and file identity in the walk: what tells two folders apart, and what the quarantine compares.

On Windows ``DirEntry.stat()`` reports device and file index 0 for every entry (documented CPython
behaviour). Keyed on that, the loop guard took every subfolder after the first for one already walked,
and the quarantine found every scanned file "changed since it was scanned".
"""

from __future__ import annotations

import os
from pathlib import Path

from app.engine.walker import SKIP_ALREADY_WALKED, Walker, WalkOptions
from app.engine.worker_scan import scanned_stat
from tests.engine.helpers import EICAR, scan_json, write


def test_every_subfolder_is_walked(tmp_path: Path) -> None:
    for name in ("a/one.txt", "b/two.txt", "c/d/three.txt", "c/e/four.txt"):
        write(tmp_path / name, name)
    items = list(Walker([str(tmp_path)], WalkOptions()))
    assert sorted(Path(item.path).name for item in items if item.kind == "file") == [
        "four.txt", "one.txt", "three.txt", "two.txt"]
    assert [item.path for item in items if item.reason == SKIP_ALREADY_WALKED] == []


def test_a_scan_finds_eicar_in_every_subfolder(tmp_path: Path) -> None:
    for name in ("a/eicar.com", "b/nested/eicar.com", "c/d/e/eicar.com"):
        write(tmp_path / name, EICAR)
    code, report, stderr = scan_json(str(tmp_path), "--no-cache")
    assert code == 1, stderr
    assert len(report["detections"]) == 3


def test_the_scanned_stat_is_what_the_quarantine_compares(tmp_path: Path) -> None:
    path = write(tmp_path / "sub" / "eicar.com", EICAR)
    [item] = [item for item in Walker([str(tmp_path)], WalkOptions()) if item.kind == "file"]
    st = os.lstat(path)
    assert scanned_stat(item) == [st.st_size, st.st_mtime_ns, st.st_ino]
    assert st.st_ino != 0
