"""Reaching a limit says "not fully checked", never "threat": what a real disk holds (a zip of 2,500
photos, a wheel of more than 2,000 files, jars inside jars) is checked fully and left in place."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path

from tests.engine.helpers import scan_json, write


def many_member_zip(count: int, prefix: str = "photo") -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for index in range(count):
            archive.writestr(f"holiday/{prefix}-{index:05d}.jpg", b"\xff\xd8\xff\xe0" + index.to_bytes(4, "big") * 8)
    return buffer.getvalue()


def jar_in_jars(levels: int) -> bytes:
    """A jar holding a jar holding a jar…, each with its manifest and a class (like a Spring Boot fat jar)."""
    data = b""
    for level in range(levels):
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\r\nCreated-By: 21 (Test)\r\n\r\n")
            archive.writestr(f"org/example/Level{level}.class", b"\xca\xfe\xba\xbe" + bytes(60))
            if data:
                archive.writestr(f"BOOT-INF/lib/level{level - 1}.jar", data)
        data = buffer.getvalue()
    return data


def build_wheel(folder: Path, modules: int) -> Path:
    """A real wheel, built by pip from a package of ``modules`` modules."""
    project = folder / "project"
    package = project / "bigpkg"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text('"""A package with many modules."""\n')
    for index in range(modules):
        (package / f"mod_{index:04d}.py").write_text(f"VALUE = {index}\n")
    (project / "pyproject.toml").write_text(
        '[build-system]\nrequires = ["setuptools"]\nbuild-backend = "setuptools.build_meta"\n'
        '[project]\nname = "bigpkg"\nversion = "1.0"\n[tool.setuptools]\npackages = ["bigpkg"]\n')
    out = folder / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-q",
                    "-w", str(out), str(project)], check=True, capture_output=True, timeout=300)
    [wheel] = out.glob("bigpkg-1.0-*.whl")
    return wheel


def test_big_harmless_archives_are_checked_fully_and_never_moved(tmp_path: Path, rf_home: Path) -> None:
    files = tmp_path / "disk"
    photos = write(files / "holiday-photos.zip", many_member_zip(2500))
    wheel_source = build_wheel(tmp_path / "build", 2100)
    wheel = write(files / wheel_source.name, wheel_source.read_bytes())
    assert len(zipfile.ZipFile(wheel).namelist()) > 2000
    jar = write(files / "app.jar", jar_in_jars(6))  # five jars deep inside the outer one
    code, report, stderr = scan_json(str(files), "--action", "quarantine")
    assert code == 0, stderr
    assert report["detections"] == [] and report["not_fully_checked"] == 0
    assert not [item for item in report["skipped_items"] if item.get("limit")]
    assert photos.exists() and wheel.exists() and jar.exists()
    assert report["files_scanned"] == 3


def test_an_archive_over_a_limit_is_not_fully_checked_and_stays_unless_the_setting_says_otherwise(
        tmp_path: Path, rf_home: Path) -> None:
    files = tmp_path / "disk"
    archive = write(files / "huge-album.zip", many_member_zip(10050))  # more than the 10,000 members looked at
    code, report, stderr = scan_json(str(files), "--action", "quarantine")
    assert code == 0, stderr
    assert report["detections"] == [] and report["not_fully_checked"] == 1
    [item] = [item for item in report["skipped_items"] if item.get("limit")]
    assert item["reason"] == "not-fully-checked" and item["limit"] == "members"
    assert item["path"] == str(archive) + "!holiday/photo-10000.jpg"  # the member where the check stopped
    assert archive.exists()
    human = subprocess.run([sys.executable, "-m", "app", "scan", str(files), "--no-cache"], capture_output=True,
                           text=True, timeout=120, check=False, env=dict(os.environ))
    assert human.returncode == 0, human.stderr
    assert f"{archive}!holiday/photo-10000.jpg: NOT FULLY CHECKED (limit: members)" in human.stdout
    assert "Not fully checked (a limit, a password, a damaged or unsupported archive): 1" in human.stdout

    settings = rf_home / "config" / "settings.json"
    settings.write_text('{"settings_version": 2, "scan.archive_limit_is_finding": true}')
    code, report, stderr = scan_json(str(files), "--no-cache")
    assert code == 1, stderr
    assert [(d["path"], d["rule"], d["engine"]) for d in report["detections"]] == [
        (str(archive), "Heuristics.Limits.Exceeded.Members", "limit")]


def test_a_file_not_fully_checked_is_said_so_again_from_the_cache_until_a_limit_changes(
        tmp_path: Path, rf_home: Path) -> None:
    files = tmp_path / "disk"
    archive = write(files / "album.zip", many_member_zip(120))
    settings = rf_home / "config" / "settings.json"
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text('{"settings_version": 2, "scan.archive_max_members": 100}')
    first = scan_json(str(files))[1]
    again = scan_json(str(files))[1]
    stopped = [(str(archive) + "!holiday/photo-00100.jpg", "not-fully-checked", "members")]
    for report in (first, again):
        assert report["not_fully_checked"] == 1 and report["detections"] == []
        assert [(i["path"], i["reason"], i["limit"]) for i in report["skipped_items"] if i.get("limit")] == stopped
    assert (first["cached"], again["cached"]) == (0, 1)  # the second scan did not open the archive again
    # Another limit is another verdict: the cached one is not used.
    settings.write_text('{"settings_version": 2, "scan.archive_max_members": 100, "scan.archive_limit_is_finding": true}')
    code, report, stderr = scan_json(str(files))
    assert code == 1, stderr
    assert report["cached"] == 0 and [d["rule"] for d in report["detections"]] == ["Heuristics.Limits.Exceeded.Members"]
    settings.write_text('{"settings_version": 2}')  # the default limits: checked fully, nothing left unsaid
    report = scan_json(str(files))[1]
    assert report["cached"] == 0 and report["not_fully_checked"] == 0 and report["detections"] == []
