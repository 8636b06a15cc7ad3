"""The shipped definitions find nothing on a slice of real clean files (the benchmark runs the full corpora).

Only reads: a few thousand files sampled from /usr/lib, /usr/share and this environment's
site-packages. Each finding is listed with its rule and source, so a bad rule can go on the
deny-list (definitions/deny.tsv). EICAR test files that packages carry on purpose are not findings.
"""

from __future__ import annotations

import os
import sys
import sysconfig
from pathlib import Path

from app.engine.bundle import extract_bundle, load_definitions
from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
from fp_corpus import describe, matcher_for, sample, scan

SLICE = 3000


def test_a_slice_of_real_clean_files_gives_no_finding(tmp_path: Path) -> None:
    extract_bundle(ROOT / "resources" / "definitions" / "baseline.tar.gz", tmp_path / "definitions")
    defs = load_definitions(tmp_path / "definitions")
    matcher = matcher_for(defs, Path(os.environ["RINGFENCE_COMPILED_CACHE"]))
    roots = [Path("/usr/lib"), Path("/usr/share"), Path(sysconfig.get_paths()["purelib"])]
    files = sample(roots, SLICE, max_size=2 * 1024 * 1024)
    assert len(files) >= SLICE // 2
    result = scan("slice", files, matcher)
    assert result.files == len(files) and result.bytes > 10_000_000
    assert result.findings == [], "\n".join(describe(hit) for hit in result.findings)
