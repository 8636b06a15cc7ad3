"""Folders nested deeper than the system's path limit (4,096 bytes on Linux) are walked and matched.

Such a path cannot be handed to ``open``, ``stat`` or ``opendir`` (ENAMETOOLONG), so a file nested deep
enough was out of every scan's reach. The trees here are built the only way they can be: one folder at
a time, relative to the folder above (``os.mkdir(name, dir_fd=…)``).
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest
import yara

from app.engine.matcher import SMALL_FILE, Matcher
from app.engine.walker import SKIP_SYMLINK, SKIP_SYMLINK_OUTSIDE, Walker, WalkOptions
from tests.conftest import run_cli
from tests.engine.helpers import EICAR, scan_json, write

pytestmark = pytest.mark.skipif(sys.platform == "win32" or os.open not in os.supports_dir_fd,
                                reason="POSIX folders relative to folder handles")

DIR = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0)  # collected on Windows too, where the tests skip


def open_folder(path: str) -> int:
    """A handle on the folder ``path`` (of any length), opened one name at a time from the root."""
    fd = os.open("/", DIR)
    for name in path.strip("/").split("/"):
        inner = os.open(name, DIR, dir_fd=fd)
        os.close(fd)
        fd = inner
    return fd


def nest(top: Path | str, name: str, longer_than: int) -> str:
    """Folders ``name/name/…`` below ``top`` until the path is longer than ``longer_than`` bytes."""
    path = str(top)
    os.makedirs(path, exist_ok=True)
    fd = open_folder(path)
    try:
        while len(os.fsencode(path)) <= longer_than:
            os.mkdir(name, dir_fd=fd)
            inner = os.open(name, DIR, dir_fd=fd)
            os.close(fd)
            fd = inner
            path += "/" + name
    finally:
        os.close(fd)
    return path


def put(path: str, data: bytes) -> str:
    """Write the file ``path`` (of any length)."""
    folder, name = path.rsplit("/", 1)
    fd = open_folder(folder)
    try:
        out = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644, dir_fd=fd)
        with os.fdopen(out, "wb") as handle:
            handle.write(data)
    finally:
        os.close(fd)
    return path


def test_a_threat_deeper_than_the_path_limit_is_found_with_its_full_path(tmp_path: Path) -> None:
    deep = nest(tmp_path / "tree", "nested-folder-" + "x" * 86, 5000)
    hidden = put(deep + "/hidden-eicar.com", EICAR)
    put(deep + "/notes.txt", b"nothing to see\n")
    write(tmp_path / "tree" / "shallow.txt", "fine\n")
    assert len(os.fsencode(hidden)) > 5000
    code, report, stderr = scan_json(str(tmp_path / "tree"), "--no-cache")
    assert code == 1, stderr
    assert [(d["path"], d["rule"] != "") for d in report["detections"]] == [(hidden, True)]
    assert report["errors"] == []
    assert report["files_scanned"] == 3


def test_a_clean_deep_tree_is_clean_without_errors(tmp_path: Path) -> None:
    # Short names: over 500 folders, a hundred of them past the limit (more than the walk keeps open).
    # Not deeper: removing the tree afterwards (shutil.rmtree) recurses once per level.
    deep = nest(tmp_path / "tree", "abcdefgh", 5000)
    put(deep + "/bottom.txt", b"the bottom\n")
    middle = deep[:deep.index("/", 4500)]
    put(middle + "/middle.txt", b"half way\n")
    fd = open_folder(middle)
    try:
        os.mkdir("zz", dir_fd=fd)  # a sibling walked after the deepest folders: reached again from above
    finally:
        os.close(fd)
    put(middle + "/zz/last.txt", b"last\n")
    code, report, stderr = scan_json(str(tmp_path / "tree"), "--no-cache")
    assert code == 0, stderr
    assert report["detections"] == [] and report["errors"] == []
    assert report["files_scanned"] == 3


def test_the_walk_reaches_every_file_in_order_and_resumes_after_a_deep_one(tmp_path: Path) -> None:
    deep = nest(tmp_path, "d" * 40, 4500)
    names = [put(deep + f"/{n}.txt", b"x") for n in ("a", "b", "c")]
    items = list(Walker([str(tmp_path)], WalkOptions()))
    assert [i.path for i in items if i.kind == "file"] == names
    assert [i for i in items if i.kind != "file"] == []
    files = [i for i in items if i.kind == "file"]
    assert files[0].stat is not None and files[0].stat[2] == 1
    resumed = list(Walker([str(tmp_path)], WalkOptions(), resume_after=files[0].at))
    assert [i.path for i in resumed] == names[1:]


def test_deep_links_are_not_followed_and_deep_names_are_excluded(tmp_path: Path) -> None:
    root = tmp_path / "root"
    deep = nest(root, "e" * 50, 4200)
    outside = write(tmp_path / "outside" / "eicar.com", EICAR)
    fd = open_folder(deep)
    try:
        os.symlink(str(outside), "out.com", dir_fd=fd)
        os.symlink(str(root), "back", dir_fd=fd)
        os.mkfifo("pipe", dir_fd=fd)
    finally:
        os.close(fd)
    put(deep + "/skip.log", b"excluded by extension\n")
    items = list(Walker([str(root)], WalkOptions(exclude_extensions=("log",))))
    reasons = {i.path.rsplit("/", 1)[1]: i.reason for i in items}
    assert reasons == {"out.com": SKIP_SYMLINK_OUTSIDE, "back": SKIP_SYMLINK, "pipe": "not-a-regular-file",
                       "skip.log": "excluded"}


def test_a_large_deep_file_is_matched_through_its_handle(tmp_path: Path) -> None:
    deep = nest(tmp_path, "f" * 60, 4300)
    marker = b"LONGPATH-MARKER-7f3a"
    big = put(deep + "/big.bin", b"\0" * (SMALL_FILE + 4096) + marker)
    rules = yara.compile(source='rule Deep { strings: $m = "LONGPATH-MARKER-7f3a" condition: $m }',
                         externals={"filename": "", "filepath": "", "extension": "", "filetype": "", "owner": "",
                                    "md5": ""})
    result = Matcher(rules, {}, set()).match_file(big)
    assert result.errors == []
    assert [(hit.path, hit.rule) for hit in result.hits] == [(big, "Deep")]
    assert result.bytes_scanned == SMALL_FILE + 4096 + len(marker)


def exists_in(folder: str, name: str) -> bool:
    fd = open_folder(folder)
    try:
        os.stat(name, dir_fd=fd, follow_symlinks=False)
    except FileNotFoundError:
        return False
    finally:
        os.close(fd)
    return True


def test_a_deep_threat_is_quarantined_and_restored_elsewhere(tmp_path: Path) -> None:
    deep = nest(tmp_path / "tree", "g" * 90, 4600)
    hidden = put(deep + "/eicar.com", EICAR)
    code, report, stderr = scan_json(str(tmp_path / "tree"), "--no-cache", "--action", "quarantine")
    assert code == 1, stderr
    assert [(d["path"], d["action"]) for d in report["detections"]] == [(hidden, "quarantined")]
    assert not exists_in(deep, "eicar.com")
    [item] = json.loads(run_cli("quarantine", "list", "--json").stdout)
    assert item["original_path"] == hidden
    # Back to where it was cannot be done by name: one clear sentence, and the item stays in the vault.
    back = run_cli("quarantine", "restore", item["id"])
    assert back.returncode != 0
    assert "nested too deep" in back.stderr and "Traceback" not in back.stderr and "Errno" not in back.stderr
    assert [i["id"] for i in json.loads(run_cli("quarantine", "list", "--json").stdout)] == [item["id"]]
    elsewhere = tmp_path / "restored"
    assert run_cli("quarantine", "restore", item["id"], "--to", str(elsewhere)).returncode == 0
    assert (elsewhere / "eicar.com").read_bytes() == EICAR


def test_a_real_time_sweep_hands_deep_files_to_the_engine(tmp_path: Path) -> None:
    from app.core.realtime.filters import Exclusions
    from app.core.realtime.stability import _signature
    from app.core.realtime.sweep import CacheView, sweep

    deep = nest(tmp_path / "watched", "h" * 70, 4800)
    hidden = put(deep + "/dropped.exe", b"MZ new program")
    write(tmp_path / "watched" / "top.txt", "top\n")
    found = list(sweep([str(tmp_path / "watched")], CacheView(tmp_path / "no-cache.db", "p"),
                       Exclusions([], [], [], 1024 * 1024)))
    assert sorted(found) == sorted([str(tmp_path / "watched" / "top.txt"), hidden])
    assert _signature(hidden) is not None  # the quiet-period check sees it too (it is not dropped as gone)
