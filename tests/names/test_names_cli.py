"""Names that lie, through the real command line: a right-to-left override, a newline that would forge a
``path: OK`` line and escape sequences that would hide output or retitle the terminal are shown visibly,
one finding per line, in ``scan``, ``quarantine list``, ``history`` and the log; ``--json`` keeps every
name exactly."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from app.core.text.names import plain, shown
from app.engine.eicar import eicar_bytes
from tests.conftest import run_cli

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="such names cannot be made on Windows")

NAMES = ["photo\u202egpj.exe", "evil\nclean.txt: OK", "\x1b[8mhidden\x1b]0;owned\x07.com", "invoice.pdf<b><!--.exe"]


def tree(root: Path) -> list[Path]:
    root.mkdir(parents=True)
    paths = [root / name for name in NAMES]
    for path in paths:
        path.write_bytes(eicar_bytes())
    return paths


def test_the_names_plain_output_and_the_console_show() -> None:
    assert plain("photo\u202egpj.exe") == "photo<U+202E>gpj.exe"
    assert plain("evil\nclean.txt: OK") == "evil\\nclean.txt: OK"
    assert plain("\x1b[8mx\r\t\x7f\x9b") == "\\x1b[8mx\\r\\t\\x7f\\x9b"
    assert plain("caf\udce9.com") == "caf\\xe9.com"  # a byte that is not UTF-8
    assert plain("ordinary name.txt") == "ordinary name.txt" and plain("\u05e9\u05dc\u05d5\u05dd.txt") == "\u05e9\u05dc\u05d5\u05dd.txt"
    assert shown("ordinary name.txt") == "ordinary name.txt"
    assert shown("photo\u202egpj.exe") == "\u2068photo<U+202E>gpj.exe\u2069"  # isolated: cannot reorder the sentence
    assert shown("\u05e9\u05dc\u05d5\u05dd.txt") == "\u2068\u05e9\u05dc\u05d5\u05dd.txt\u2069"


def test_scan_shows_every_name_visibly_on_its_own_line_and_json_keeps_it_exact(tmp_path: Path, rf_home: Path) -> None:
    paths = tree(tmp_path / "files")
    result = run_cli("scan", str(tmp_path / "files"), "--no-cache")
    assert result.returncode == 1, result.stderr
    found = [line for line in result.stdout.splitlines() if "FOUND" in line]
    assert len(found) == 4  # one finding, one line
    assert not any(ch in result.stdout + result.stderr for ch in "\x1b\x07\u202e\r")
    assert f"{tmp_path / 'files'}/photo<U+202E>gpj.exe: EICAR_Test_File FOUND" in result.stdout
    assert f"{tmp_path / 'files'}/evil\\nclean.txt: OK: EICAR_Test_File FOUND" in result.stdout
    assert not any(line.startswith("clean.txt: OK") for line in result.stdout.splitlines())
    assert "\\x1b[8mhidden\\x1b]0;owned\\x07.com" in result.stdout
    as_json = run_cli("scan", str(tmp_path / "files"), "--no-cache", "--json")
    assert {d["path"] for d in json.loads(as_json.stdout)["detections"]} == {str(p) for p in paths}


def test_quarantine_list_history_and_the_log_escape_names(tmp_path: Path, rf_home: Path) -> None:
    tree(tmp_path / "files")
    assert run_cli("scan", str(tmp_path / "files"), "--no-cache", "--action", "quarantine").returncode == 1
    listed = run_cli("quarantine", "list")
    assert listed.returncode == 0, listed.stderr
    rows = [line for line in listed.stdout.splitlines() if str(tmp_path) in line]
    assert len(rows) == 4 and not any(ch in listed.stdout for ch in "\x1b\x07\u202e")
    assert any(line.endswith("photo<U+202E>gpj.exe") for line in rows)
    assert any(line.endswith("evil\\nclean.txt: OK") for line in rows)
    as_json = run_cli("quarantine", "list", "--json")
    assert {Path(i["original_path"]).name for i in json.loads(as_json.stdout)} == set(NAMES)
    history = run_cli("history")
    assert history.returncode == 0, history.stderr
    assert not any(ch in history.stdout for ch in "\x1b\x07\u202e") and "photo<U+202E>gpj.exe" in history.stdout
    assert not any(line.startswith("clean.txt: OK") for line in history.stdout.splitlines())
    log = "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in rf_home.rglob("*.log"))
    assert "quarantined " in log and "photo<U+202E>gpj.exe" in log and "evil\\nclean.txt: OK" in log
    assert not any(ch in log for ch in "\x1b\x07\u202e")
    assert not any(line.startswith("clean.txt: OK") for line in log.splitlines())
