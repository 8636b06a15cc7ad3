"""``ringfence quarantine ...`` as a user runs it, and the 10,000-item listing budget."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import sys
from pathlib import Path

import pytest

from app import cli
from app.core.context import Context
from app.core.quarantine.vault import Vault
from tests.conftest import run_cli
from tests.quarantine.bulk import fill_index
from tests.quarantine.conftest import make_file

LIST_KEYS = {"id", "original_path", "size", "sha256", "rule", "definitions_version", "quarantined_at", "status"}


def test_add_list_show_restore_delete(tmp_path: Path) -> None:
    path = make_file(tmp_path / "dl" / "crack.exe", b"MZ suspicious", mode=0o600)
    mode = f"{stat.S_IMODE(path.stat().st_mode):04o}"  # 0600; Windows keeps only read-only, and marks .exe executable
    added = run_cli("quarantine", "add", str(path), "--rule", "Manual_Test")
    assert added.returncode == 0, added.stderr
    assert not path.exists()
    items = json.loads(run_cli("quarantine", "list", "--json").stdout)
    assert len(items) == 1 and set(items[0]) >= LIST_KEYS
    item = items[0]
    assert (item["original_path"], item["size"], item["rule"], item["status"]) == (str(path), 13, "Manual_Test", "quarantined")
    shown = json.loads(run_cli("quarantine", "show", item["id"][:6], "--json").stdout)
    assert shown["id"] == item["id"] and shown["mode"] == mode
    human = run_cli("quarantine", "list")
    assert item["id"] in human.stdout and "crack.exe" in human.stdout
    restored = run_cli("quarantine", "restore", item["id"], "--to", str(tmp_path / "back"), "--json")
    assert restored.returncode == 0, restored.stderr
    assert json.loads(restored.stdout)[0]["path"] == str(tmp_path / "back" / "crack.exe")
    assert (tmp_path / "back" / "crack.exe").read_bytes() == b"MZ suspicious"
    assert json.loads(run_cli("quarantine", "list", "--json").stdout) == []
    assert json.loads(run_cli("quarantine", "list", "--all", "--json").stdout)[0]["status"] == "restored"


def test_restore_by_definitions_version_and_delete_and_purge(tmp_path: Path) -> None:
    for name in ("a", "b"):
        assert run_cli("quarantine", "add", str(make_file(tmp_path / name, name.encode()))).returncode == 0
    items = json.loads(run_cli("quarantine", "list", "--json").stdout)
    deleted = run_cli("quarantine", "delete", items[0]["id"])
    assert deleted.returncode == 0 and "deleted" in deleted.stdout
    nothing = run_cli("quarantine", "restore", "--definitions-version", "2026.1")
    assert nothing.returncode == 0 and "Nothing in the quarantine" in nothing.stdout
    purged = run_cli("quarantine", "purge", "--days", "0", "--json")
    assert json.loads(purged.stdout) == [items[1]["id"]]


@pytest.mark.parametrize(("args", "message"), [
    (("quarantine", "show", "ffffffff"), "There is no quarantined item ffffffff"),
    (("quarantine", "restore"), "Name the items to restore"),
    (("quarantine", "restore", "nothex!"), "There is no quarantined item nothex!"),
    (("quarantine", "delete", "abc"), "There is no quarantined item abc"),
    (("quarantine", "add", "no-such-file"), "no-such-file does not exist."),
    (("quarantine", "purge", "--days", "-1"), "--days must be zero or more."),
])
def test_errors_are_one_sentence_and_exit_2(args: tuple[str, ...], message: str) -> None:
    result = run_cli(*args)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.wine_gap("observed: the command's SystemRoot stayed the prefix's C:\\windows (Wine sets it in every new "
                      "process), so the temporary file was quarantined; in-process, test_safety.py checks the same rule")
def test_a_protected_file_is_refused_in_one_sentence(tmp_path: Path, rf_home: Path) -> None:
    """No real system file is named: on Windows the system folder is a temporary one (SystemRoot); on
    other systems, whose system folders are fixed, Ringfence's own files stand in (the same refusal)."""
    if sys.platform == "win32":
        env = {"SYSTEMROOT": str(tmp_path / "Windows")}  # os.environ's spelling there: one entry, not two
        kept, why = make_file(tmp_path / "Windows" / "System32" / "drivers" / "x.sys", b"driver"), "an operating-system file"
    else:
        env = {}
        kept, why = make_file(rf_home / "data" / "own.bin", b"own"), "one of Ringfence's own files"
    result = run_cli("quarantine", "add", str(kept), env=env)
    assert result.returncode == 2 and f"is {why}, so it was not quarantined; add --force" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and kept.read_bytes() in (b"driver", b"own")


def test_a_folder_cannot_be_added(tmp_path: Path) -> None:
    result = run_cli("quarantine", "add", str(tmp_path))
    assert result.returncode == 2 and "only files can be quarantined" in result.stderr


def test_ten_thousand_items_list_completely_newest_first(capsys: pytest.CaptureFixture[str]) -> None:
    """All of a big index is listed, as JSON and as a table (its speed: bench/bench_quarantine.py)."""
    with Context.open() as ctx:
        fill_index(ctx, 10_000)
    capsys.readouterr()
    assert cli.main(["quarantine", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert len(listed) == 10_000 and listed[0]["id"] == f"{0:016x}" and listed[-1]["id"] == f"{9_999:016x}"
    assert len({item["id"] for item in listed}) == 10_000
    assert cli.main(["quarantine", "list"]) == 0
    table = capsys.readouterr().out.splitlines()
    assert len(table) == 10_001 and "file 0.exe" in table[1]


def test_the_index_is_real_sqlite(rf_home: Path) -> None:
    with Context.open() as ctx:
        Vault(ctx)
        db = ctx.paths.state_db
    conn = sqlite3.connect(db)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    conn.close()
    assert {"quarantine_items", "quarantine_intents"} <= tables
    assert os.path.getsize(db) > 0
