"""Matching details: hash signatures, allow-lists, files vanishing mid-scan, scan targets (archives: test_archives)."""

from __future__ import annotations

import hashlib
import os
import sys
import threading
from pathlib import Path

import pytest

from app.core.scanning.targets import full_targets, process_executables, quick_targets
from app.engine.bundle import build_bundle, extract_bundle
from app.engine.worker_scan import Controls, Scan
from tests.engine.helpers import EICAR, pairs, scan_json, write

RULE = 'rule Eicar { strings: $e = "EICAR-STANDARD-ANTIVIRUS-TEST-FILE" condition: $e }\n'


def test_hash_signatures_and_allow_list(tmp_path: Path) -> None:
    bad = b"a file known by its hash only\n"
    good_eicar_copy = EICAR + b"\n# a copy the vendor knows to be harmless\n"
    write(tmp_path / "src" / "eicar.yar", RULE)
    bundle = build_bundle(tmp_path / "src", tmp_path / "defs.tar.gz", 9, rule_count=1,
                          hashes={hashlib.sha256(bad).hexdigest(): "Test.HashOnly"},
                          allow={hashlib.sha256(good_eicar_copy).hexdigest(): "known good"})
    write(tmp_path / "scan" / "hashed.bin", bad)
    write(tmp_path / "scan" / "allowed.txt", good_eicar_copy)
    write(tmp_path / "scan" / "eicar.com", EICAR)
    code, report, stderr = scan_json(str(tmp_path / "scan"), "--definitions", str(bundle))
    assert code == 1, stderr
    assert pairs(report) == {("hashed.bin", "Test.HashOnly"), ("eicar.com", "Eicar")}
    engines = {Path(d["path"]).name: d["engine"] for d in report["detections"]}
    assert engines == {"hashed.bin": "hash", "eicar.com": "yara"}
    assert {d["definitions_version"] for d in report["detections"]} == {"9"}


def test_a_file_deleted_mid_scan_is_an_error(tmp_path: Path) -> None:
    folder = tmp_path / "scan"
    first = write(folder / "a-first.txt", "soon gone\n")
    write(folder / "b-eicar.com", EICAR)
    write(tmp_path / "rules" / "eicar.yar", RULE)
    controls = Controls()
    controls.running.clear()  # paused: the walk has met the first file but nothing is matched yet
    messages: list[dict] = []
    request = {"roots": [str(folder)], "definitions": {"path": str(tmp_path / "rules"), "kind": "folder"},
               "options": {"jobs": 1}}
    scan = Scan(request, messages.append, controls)
    walked_first = threading.Event()
    real_walker = scan.walker

    def walk_and_tell():  # the real walk, telling the test once the first file was met
        for item in real_walker:
            walked_first.set()
            yield item

    scan.walker = walk_and_tell()
    result: list[dict] = []
    worker = threading.Thread(target=lambda: result.append(scan.run()))
    worker.start()
    assert walked_first.wait(10)  # the walk has met (and stat-ed) the first file; matching is paused
    first.unlink()
    controls.running.set()
    worker.join(30)
    errors = [e for m in messages for e in m.get("errors", [])]
    detections = [d for m in messages for d in m.get("detections", [])]
    assert errors == [{"path": str(first), "error": "The file disappeared during the scan.", "code": "vanished", "args": []}]
    assert [Path(d["path"]).name for d in detections] == ["b-eicar.com"]
    assert result[0]["files_scanned"] == 1


def test_quick_and_full_scan_targets(tmp_path: Path) -> None:
    for folder in ("Downloads", "Desktop", ".config/autostart"):
        (tmp_path / folder).mkdir(parents=True)
    if sys.platform == "win32":
        targets = quick_targets(tmp_path, {"USERPROFILE": str(tmp_path), "APPDATA": str(tmp_path / "r"),
                                           "LOCALAPPDATA": str(tmp_path / "l")})
    else:
        targets = quick_targets(tmp_path)
        assert str(tmp_path / ".config" / "autostart") in targets
    assert str(tmp_path / "Downloads") in targets and str(tmp_path / "Desktop") in targets
    assert len(targets) == len({os.path.normcase(t) for t in targets})
    roots = full_targets()
    assert roots and all(os.path.isdir(r) for r in roots)


@pytest.mark.wine_gap("observed: psutil's Process.exe() raises OSError [WinError 87] for every process "
                      "(Wine 8.0 lacks the NtQuerySystemInformation class it asks for)")
def test_quick_scan_targets_include_running_programs(tmp_path: Path) -> None:
    assert os.path.realpath(sys.executable) in {os.path.realpath(t) for t in process_executables()}
    assert os.path.realpath(sys.executable) in {os.path.realpath(t) for t in quick_targets(tmp_path)}


def test_a_process_that_cannot_be_read_is_skipped() -> None:
    # On Windows psutil raises a plain OSError, not only AccessDenied, for a process the system will not
    # describe (under Wine: every process); the quick scan goes on without it.
    assert all(os.path.isfile(exe) for exe in process_executables())


def test_extracted_bundle_is_not_left_half_written(tmp_path: Path) -> None:
    write(tmp_path / "src" / "eicar.yar", RULE)
    bundle = build_bundle(tmp_path / "src", tmp_path / "defs.tar.gz", 3, rule_count=1)
    extract_bundle(bundle, tmp_path / "out")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["defs.tar.gz", "out", "src"]
