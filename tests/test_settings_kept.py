"""Settings never destroy what the user set: a damaged file is kept aside, the user is told once, and
keys or values this version cannot use stay in the file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.core.context import Context
from app.core.foundation.errors import RingfenceError
from app.core.foundation.paths import get_paths
from app.core.foundation.settings import Settings
from app.core.journal import events
from tests.conftest import run_cli

BROKEN = b'{\n  "scan.exclude_paths": ["/home/me/vm-images", "/home/me/builds"],\n  "scan.jobs": 2,\n}\n'


def _settings_file() -> Path:
    return get_paths().ensure().settings_file


def _damaged_copies(path: Path) -> list[Path]:
    return sorted(path.parent.glob("settings.damaged-*.json"))


def test_a_settings_file_with_a_syntax_error_is_kept_aside_and_reported_once(rf_home: Path) -> None:
    path = _settings_file()
    path.write_bytes(BROKEN)
    with Context.open() as ctx:
        assert ctx.settings["scan.exclude_paths"] == []  # the defaults in memory...
        backup = ctx.settings.recovered_from
        assert backup is not None and backup.read_bytes() == BROKEN  # ...and the user's exclusions kept, byte for byte
        assert backup.parent == path.parent and "damaged-" in backup.name
        recorded = events.query(ctx.store, kinds=["settings"])
        assert [(e.code, e.args["backup"]) for e in recorded] == [("settings.corrupt", str(backup))]
    # The next start finds no damaged file: nothing is kept aside twice, no second event.
    with Context.open() as ctx:
        assert _damaged_copies(path) == [backup]
        assert len(events.query(ctx.store, kinds=["settings"])) == 1


def test_a_change_after_a_broken_file_keeps_the_copy_and_the_cli_says_where(rf_home: Path) -> None:
    path = _settings_file()
    path.write_bytes(BROKEN)
    result = run_cli("update", "ring", "early")
    assert result.returncode == 0, result.stderr
    [backup] = _damaged_copies(path)
    assert backup.read_bytes() == BROKEN
    assert result.stderr.count(str(backup)) == 1 and "default settings are in use" in result.stderr
    assert json.loads(path.read_text())["updates.ring"] == "early"
    again = run_cli("update", "ring", "delayed")  # told once: the next command has nothing to say
    assert again.returncode == 0 and "damaged" not in again.stderr
    assert _damaged_copies(path) == [backup] and backup.read_bytes() == BROKEN


def test_a_second_damaged_file_never_overwrites_the_first_copy(rf_home: Path) -> None:
    path = _settings_file()
    path.write_bytes(BROKEN)
    first = Settings.load(path).recovered_from
    path.write_bytes(b"\x00\x00 not even text")
    second = Settings.load(path).recovered_from
    assert first is not None and second is not None and first != second
    assert first.read_bytes() == BROKEN and second.read_bytes() == b"\x00\x00 not even text"


def test_every_context_of_the_process_knows_about_the_recovery(rf_home: Path) -> None:
    path = _settings_file()
    path.write_bytes(b"[1, 2")
    first = Settings.load(path)
    later = Settings.load(path)  # e.g. the console's next worker thread
    assert later.recovered_from == first.recovered_from is not None
    assert first.moved_aside and not later.moved_aside


def test_unknown_keys_and_unusable_values_round_trip(rf_home: Path) -> None:
    path = _settings_file()
    written = {"scan.jobs": 999, "ui.language": "fr", "future.feature": {"level": 3}, "scan.exclude_paths": ["/x"]}
    path.write_text(json.dumps(written))
    settings = Settings.load(path)
    assert settings["scan.jobs"] == 64 and settings["ui.language"] == "system"  # clamped / defaulted in memory
    assert len(settings.warnings) == 3
    settings.set("scan.use_cache", False)
    settings.save()
    saved = json.loads(path.read_text())
    assert {k: saved[k] for k in written} == written
    assert saved["scan.use_cache"] is False
    settings.set("scan.jobs", 4)  # a value the user sets replaces the unusable one
    settings.save()
    assert json.loads(path.read_text())["scan.jobs"] == 4


def test_a_slightly_wrong_exclusion_still_excludes(rf_home: Path) -> None:
    path = _settings_file()
    path.write_text(json.dumps({"scan.exclude_paths": "/home/me/vm-images",
                                "scan.exclude_globs": ["*.iso", 7, None, "*.vdi"]}))
    settings = Settings.load(path)
    assert settings["scan.exclude_paths"] == ["/home/me/vm-images"]
    assert settings["scan.exclude_globs"] == ["*.iso", "*.vdi"]
    settings.save()
    assert json.loads(path.read_text())["scan.exclude_paths"] == "/home/me/vm-images"  # the file keeps what was written


def test_a_settings_file_that_cannot_be_read_is_never_written_over(rf_home: Path) -> None:
    path = _settings_file()
    path.mkdir()  # unreadable as a file, even for an administrator
    (path / "keep.txt").write_text("mine")
    settings = Settings.load(path)
    assert settings["scan.jobs"] == 0 and settings.warnings
    settings.set("updates.ring", "early")
    with pytest.raises(RingfenceError, match="cannot be read"):
        settings.save()
    assert (path / "keep.txt").read_text() == "mine"
