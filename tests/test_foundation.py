"""Paths, settings, state database and logging."""

from __future__ import annotations

import json
import logging
import os
import sqlite3
from pathlib import Path

import pytest

from app.core.context import Context
from app.core.foundation.errors import RingfenceError
from app.core.foundation.paths import get_paths
from app.core.foundation.settings import SCHEMA, Settings
from app.core.foundation.store import Schema, StateDamaged, Store
from tests.conftest import run_cli


def test_ringfence_home_puts_everything_under_one_folder(rf_home: Path) -> None:
    paths = get_paths().ensure()
    for directory in (paths.config_dir, paths.data_dir, paths.cache_dir, paths.log_dir):
        assert directory.is_dir()
        assert rf_home in directory.parents
    if os.name == "posix":
        assert paths.data_dir.stat().st_mode & 0o077 == 0


def test_settings_defaults_and_round_trip(rf_home: Path) -> None:
    path = get_paths().ensure().settings_file
    settings = Settings.load(path)
    assert all(settings[s.key] == s.default for s in SCHEMA)
    settings.set("scan.max_file_size_mb", 12)
    settings.set("scan.exclude_globs", ["*.iso"])
    settings.save()
    again = Settings.load(path)
    assert again["scan.max_file_size_mb"] == 12
    assert again["scan.exclude_globs"] == ["*.iso"]
    assert not list(path.parent.glob("*.tmp"))


def test_invalid_settings_fall_back_with_a_warning(rf_home: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = get_paths().ensure().settings_file
    path.write_text(json.dumps({
        "scan.max_file_size_mb": -5, "scan.jobs": "many", "ui.language": "xx", "no.such": 1,
        "scan.use_cache": False,
    }))
    with caplog.at_level(logging.WARNING):
        settings = Settings.load(path)
    assert settings["scan.max_file_size_mb"] == 1  # clamped into range
    assert settings["scan.jobs"] == 0
    assert settings["ui.language"] == "system"
    assert settings["scan.use_cache"] is False
    assert len(settings.warnings) == 4
    assert "no.such" in caplog.text


def test_setting_a_bad_value_is_a_clear_error(rf_home: Path) -> None:
    settings = Settings.load(get_paths().ensure().settings_file)
    with pytest.raises(RingfenceError, match="at least 1"):
        settings.set("scan.max_file_size_mb", 0)
    with pytest.raises(RingfenceError, match="no setting"):
        settings.set("nope", 1)


def test_store_applies_migrations_once_and_in_order(tmp_path: Path) -> None:
    v1 = Schema("demo", ("CREATE TABLE demo (id INTEGER PRIMARY KEY, name TEXT);",))
    v2 = Schema("demo", (*v1.migrations, "ALTER TABLE demo ADD COLUMN size INTEGER DEFAULT 0;"))
    with Store(tmp_path / "state.db") as store:
        store.ensure(v1)
        store.conn.execute("INSERT INTO demo(name) VALUES ('a')")
        assert store.schema_version("demo") == 1
    with Store(tmp_path / "state.db") as store:
        store.ensure(v2)
        store.ensure(v2)
        assert store.schema_version("demo") == 2
        assert tuple(store.conn.execute("SELECT name, size FROM demo").fetchone()) == ("a", 0)
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_failed_migration_leaves_the_database_unchanged(tmp_path: Path) -> None:
    bad = Schema("demo", ("CREATE TABLE demo (id INTEGER);", "CREATE TABLE t2 (x); THIS IS NOT SQL;"))
    with Store(tmp_path / "state.db") as store:
        with pytest.raises(sqlite3.OperationalError):
            store.ensure(bad)
        assert store.schema_version("demo") == 1
        assert store.conn.execute("SELECT name FROM sqlite_master WHERE name='t2'").fetchone() is None


def test_newer_database_is_refused_clearly(tmp_path: Path) -> None:
    with Store(tmp_path / "state.db") as store:
        store.ensure(Schema("demo", ("CREATE TABLE a (x);", "CREATE TABLE b (x);")))
    with Store(tmp_path / "state.db") as store, pytest.raises(RingfenceError, match="newer Ringfence"):
        store.ensure(Schema("demo", ("CREATE TABLE a (x);",)))


def test_corrupt_database_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "state.db").write_bytes(b"this is not a database" * 100)
    with pytest.raises(StateDamaged, match="is damaged") as caught:
        Store(tmp_path / "state.db").ensure(Schema("demo", ("CREATE TABLE a (x);",)))
    assert caught.value.fix == "state.rebuild"


def test_context_writes_a_log_file(rf_home: Path) -> None:
    with Context.open() as ctx:
        logging.getLogger("app.test").warning("hello log")
        assert ctx.log_file.parent == rf_home / "logs"
    assert "hello log" in ctx.log_file.read_text()


def test_cli_help_and_version() -> None:
    result = run_cli("--version")
    assert result.returncode == 0
    assert "Ringfence" in result.stdout
    result = run_cli("no-such-command")
    assert result.returncode == 2
