"""`ringfence scan` end to end: real files, real YARA, the baseline definitions, temp RINGFENCE_HOME."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import stat
import sys
from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.engine.helpers import BASELINE_VERSION, EICAR, pairs, scan_json, write, zip_with


def test_eicar_plain_renamed_and_zipped_found_clean_not(tmp_path: Path) -> None:
    tmp_path = tmp_path / "files"
    write(tmp_path / "eicar.com", EICAR)
    write(tmp_path / "holiday-photos.jpg", EICAR)
    zip_with(tmp_path / "archive.zip", {"docs/readme.txt": b"hello", "docs/eicar.com": EICAR})
    write(tmp_path / "letter.txt", "Dear friend, nothing to see here.\n")
    code, report, stderr = scan_json(str(tmp_path))
    assert code == 1, stderr
    assert pairs(report) == {
        ("eicar.com", "EICAR_Test_File"), ("holiday-photos.jpg", "EICAR_Test_File"),
        ("archive.zip!docs/eicar.com", "EICAR_Test_File"),
    }
    for detection in report["detections"]:
        assert detection["engine"] == "yara"
        assert detection["sha256"] == "275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f"
        assert detection["definitions_version"] == BASELINE_VERSION
        assert detection["action"] == "reported"
    assert report["files_scanned"] == 4
    assert report["errors"] == []
    for key in ("bytes_scanned", "skipped", "duration_s", "definitions_version"):
        assert key in report


def test_exit_codes_and_clear_errors(tmp_path: Path) -> None:
    write(tmp_path / "clean" / "a.txt", "nothing\n")
    code, report, _ = scan_json(str(tmp_path / "clean"))
    assert code == 0 and report["detections"] == []
    result = run_cli("scan", str(tmp_path / "does-not-exist"))
    assert result.returncode == 2
    assert "does not exist" in result.stdout + result.stderr
    result = run_cli("scan")
    assert result.returncode == 2
    assert result.stderr.strip() == "ringfence: Name a file or folder to scan, or use --quick or --full."
    assert "Traceback" not in result.stderr


def test_human_summary(tmp_path: Path) -> None:
    write(tmp_path / "eicar.com", EICAR)
    result = run_cli("scan", str(tmp_path))
    assert result.returncode == 1
    assert "EICAR_Test_File FOUND" in result.stdout
    assert "Threats found: 1" in result.stdout


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX special files")
def test_awkward_trees_are_reported_not_fatal(tmp_path: Path) -> None:
    root = tmp_path / "root"
    outside = write(tmp_path / "outside" / "eicar.com", EICAR)
    write(root / "inside.txt", "fine\n")
    (root / "loop").mkdir()
    os.symlink(root, root / "loop" / "back-to-root")
    os.symlink(root / "loop", root / "loop" / "self")
    os.symlink(outside, root / "link-out.com")
    os.mkfifo(root / "pipe")
    deep = root
    for level in range(300):
        deep = deep / f"d{level % 10}"
    write(deep / "deep-eicar.com", EICAR)
    odd = os.fsencode(str(root)) + b"/caf\xe9-\xff.com"
    with open(odd, "wb") as handle:
        handle.write(EICAR)
    with open(root / "huge.iso", "wb") as handle:
        handle.truncate(6 * 1024**3)  # sparse: 6 GB over the size limit, no disk used
    code, report, stderr = scan_json(str(root), timeout=60)
    assert code == 1, stderr
    names = {Path(d["path"]).name for d in report["detections"]}
    assert names == {"deep-eicar.com", os.fsdecode(b"caf\xe9-\xff.com")}
    reasons = {Path(s["path"]).name: s["reason"] for s in report["skipped_items"]}
    assert reasons["link-out.com"] == "symlink-outside-roots"
    assert reasons["back-to-root"] == "symlink"
    assert reasons["self"] == "symlink"
    assert reasons["pipe"] == "not-a-regular-file"
    assert reasons["huge.iso"] == "too-large"
    assert report["errors"] == []
    # the non-UTF-8 name survives the JSON round trip byte for byte
    odd_paths = [d["path"] for d in report["detections"] if "caf" in d["path"]]
    assert os.fsencode(odd_paths[0]) == odd


@pytest.mark.skipif(not hasattr(os, "geteuid") or not shutil.which("setpriv"), reason="POSIX permissions, setpriv")
def test_unreadable_file_is_an_error_not_a_crash(tmp_path: Path) -> None:
    root = tmp_path / "scan"
    write(root / "ok.txt", "fine\n")
    secret = write(root / "secret.txt", "private\n")
    write(root / "eicar.com", EICAR)
    os.chmod(secret, 0)
    # Root reads everything: take away the capabilities that let it (a real permission check).
    prefix = ("setpriv", "--bounding-set", "-dac_override,-dac_read_search") if os.geteuid() == 0 else ()
    try:
        code, report, stderr = scan_json(str(root), prefix=prefix)
    finally:
        os.chmod(secret, stat.S_IRUSR | stat.S_IWUSR)
    assert code == 1, stderr
    assert report["errors"] == [{"path": str(secret), "error": "Permission denied.", "code": "denied"}]
    assert pairs(report) == {("eicar.com", "EICAR_Test_File")}
    assert report["files_scanned"] == 2


def test_pseudo_filesystems_are_never_walked() -> None:
    if not Path("/proc/self").exists():
        pytest.skip("no /proc on this platform")
    code, report, _ = scan_json("/proc")
    assert code == 0
    assert report["skipped_items"] == [{"path": "/proc", "reason": "pseudo-filesystem"}]
    assert report["files_scanned"] == 0


def test_ringfence_never_scans_its_own_folders(tmp_path: Path, rf_home: Path) -> None:
    write(tmp_path / "files" / "eicar.com", EICAR)
    scan_json(str(tmp_path / "files"))  # fills the data and cache folders with rules and samples
    code, report, _ = scan_json(str(tmp_path))
    assert code == 1
    assert pairs(report) == {("eicar.com", "EICAR_Test_File")}
    assert str(rf_home / "data") in {s["path"] for s in report["skipped_items"]}


def test_exclusions_from_settings(tmp_path: Path, rf_home: Path) -> None:
    write(tmp_path / "keep" / "eicar.com", EICAR)
    write(tmp_path / "skipdir" / "eicar.com", EICAR)
    write(tmp_path / "image.iso", EICAR)
    write(tmp_path / "notes.tmp", EICAR)
    settings = rf_home / "config" / "settings.json"
    settings.parent.mkdir(parents=True)
    settings.write_text(json.dumps({
        "scan.exclude_paths": [str(tmp_path / "skipdir")], "scan.exclude_globs": ["*.iso"],
        "scan.exclude_extensions": ["tmp"],
    }))
    code, report, _ = scan_json(str(tmp_path))
    assert code == 1
    assert pairs(report) == {("eicar.com", "EICAR_Test_File")}
    assert {Path(s["path"]).name for s in report["skipped_items"] if s["reason"] == "excluded"} >= {
        "skipdir", "image.iso", "notes.tmp"}


def test_scan_cache_skips_unchanged_files_and_rechecks_changed(tmp_path: Path) -> None:
    tmp_path = tmp_path / "files"
    for index in range(20):
        write(tmp_path / f"f{index}.txt", f"clean file {index}\n")
    code, first, _ = scan_json(str(tmp_path))
    assert code == 0 and first["cached"] == 0
    code, second, _ = scan_json(str(tmp_path))
    assert second["cached"] == 20 and second["files_scanned"] == 20 and second["bytes_scanned"] == 0
    write(tmp_path / "f3.txt", EICAR)  # changed since it was found clean
    code, third, _ = scan_json(str(tmp_path))
    assert code == 1 and third["cached"] == 19
    assert pairs(third) == {("f3.txt", "EICAR_Test_File")}
    code, again, _ = scan_json(str(tmp_path))  # a cached verdict is a detection too
    assert code == 1 and again["cached"] == 20 and pairs(again) == {("f3.txt", "EICAR_Test_File")}
    code, fourth, _ = scan_json(str(tmp_path), "--no-cache")
    assert fourth["cached"] == 0 and fourth["files_scanned"] == 20


def test_detections_and_scans_are_stored(tmp_path: Path, rf_home: Path) -> None:
    tmp_path = tmp_path / "files"
    write(tmp_path / "eicar.com", EICAR)
    code, report, _ = scan_json(str(tmp_path))
    assert code == 1
    with sqlite3.connect(rf_home / "data" / "state.db") as db:
        rows = db.execute("SELECT scan_id, path, rule, engine, sha256, definitions_version FROM detections").fetchall()
        scan = db.execute("SELECT kind, files_scanned, detections FROM scans").fetchone()
    assert rows == [(report["scan_id"], str(tmp_path / "eicar.com"), "EICAR_Test_File", "yara",
                     report["detections"][0]["sha256"], BASELINE_VERSION)]
    assert scan == ("custom", 1, 1)


def test_jobs_must_be_sensible(tmp_path: Path) -> None:
    result = run_cli("scan", str(tmp_path), "--jobs", "0")
    assert result.returncode == 2 and "--jobs" in result.stderr


def test_scan_can_quarantine_what_it_finds(tmp_path: Path) -> None:
    files = tmp_path / "files"
    write(files / "eicar.com", EICAR)
    zip_with(files / "bundle.zip", {"inner/eicar.com": EICAR})
    write(files / "clean.txt", "clean\n")
    code, report, stderr = scan_json(str(files), "--action", "quarantine")
    assert code == 1, stderr
    assert {(Path(d["path"]).name, d["action"]) for d in report["detections"]} == {
        ("eicar.com", "quarantined")}  # the zip member's name is eicar.com too
    assert {d["action"] for d in report["detections"]} == {"quarantined"}
    assert not (files / "eicar.com").exists() and not (files / "bundle.zip").exists()
    assert (files / "clean.txt").exists()
    listing = json.loads(run_cli("quarantine", "list", "--json").stdout)
    assert sorted(Path(item["original_path"]).name for item in listing) == ["bundle.zip", "eicar.com"]


def test_status_reports_engine_definitions_and_last_scan(tmp_path: Path) -> None:
    before = json.loads(run_cli("status", "--json").stdout)
    assert before["last_scan"] is None
    assert before["engine"]["mode"] == "user"
    assert before["definitions"]["version"] == BASELINE_VERSION and before["definitions"]["source"] == "baseline"
    assert before["definitions"]["age_days"] is not None
    assert before["updates"]["state"] == "not_configured"
    write(tmp_path / "files" / "eicar.com", EICAR)
    scan_json(str(tmp_path / "files"))
    after = json.loads(run_cli("status", "--json").stdout)
    assert after["last_scan"]["files_scanned"] == 1 and after["last_scan"]["detections"] == 1
    text = run_cli("status").stdout
    assert f"Definitions: version {BASELINE_VERSION} (baseline)" in text and "Last scan: custom scan, 1 file, 1 threat," in text


def test_allowing_a_file_overrides_its_cached_verdict(tmp_path: Path) -> None:
    from app.core.context import Context
    from app.core.quarantine import allow

    write(tmp_path / "files" / "eicar.com", EICAR)
    code, first, _ = scan_json(str(tmp_path / "files"))
    assert code == 1
    with Context.open() as ctx:
        allow(ctx, first["detections"][0]["sha256"], "the user trusts this test file")
    code, second, _ = scan_json(str(tmp_path / "files"))
    assert code == 0 and second["detections"] == [] and second["cached"] == 0
