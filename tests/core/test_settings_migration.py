"""A settings file written by an older version moves to today's archive limits, and keeps the rest."""

from __future__ import annotations

import json
from pathlib import Path

from app.core.foundation.paths import get_paths
from app.core.foundation.settings import SCHEMA, Settings
from app.core.foundation.settings_migrations import VERSION, VERSION_KEY

OLD_LIMITS = {"scan.archive_max_depth": 3, "scan.archive_max_members": 2000, "scan.archive_max_expanded_mb": 512,
              "scan.archive_max_seconds": 120, "scan.archive_limit_is_finding": True}


def _write(values: dict[str, object]) -> Path:
    path = get_paths().ensure().settings_file
    path.write_text(json.dumps(values))
    return path


def test_a_file_at_the_old_archive_defaults_moves_to_the_new_ones_and_keeps_every_other_value(rf_home: Path) -> None:
    old_file = {s.key: s.default for s in SCHEMA} | OLD_LIMITS | {"scan.jobs": 3, "updates.ring": "early"}
    old_file.pop("scan.encrypted_is_finding")  # a setting the old version did not have
    path = _write(old_file)
    settings = Settings.load(path)
    assert not settings.warnings
    assert {key: settings[key] for key in OLD_LIMITS} == {
        "scan.archive_max_depth": 17, "scan.archive_max_members": 10000, "scan.archive_max_expanded_mb": 2048,
        "scan.archive_max_seconds": 300, "scan.archive_limit_is_finding": False}
    assert settings["scan.jobs"] == 3 and settings["updates.ring"] == "early"
    assert settings["scan.encrypted_is_finding"] is False
    settings.save()
    saved = json.loads(path.read_text())
    assert saved[VERSION_KEY] == VERSION and saved["scan.archive_max_members"] == 10000 and saved["scan.jobs"] == 3


def test_limits_the_user_chose_are_kept(rf_home: Path) -> None:
    path = _write({"scan.archive_max_depth": 5, "scan.archive_max_members": 50000, "scan.archive_max_seconds": 120,
                   "scan.archive_limit_is_finding": False})
    settings = Settings.load(path)
    assert settings["scan.archive_max_depth"] == 5 and settings["scan.archive_max_members"] == 50000
    assert settings["scan.archive_max_seconds"] == 300  # this one was at the old default
    assert settings["scan.archive_limit_is_finding"] is False


def test_a_file_of_this_version_is_taken_as_it_is(rf_home: Path) -> None:
    path = _write({VERSION_KEY: VERSION, "scan.archive_max_depth": 3, "scan.archive_limit_is_finding": True})
    settings = Settings.load(path)
    assert settings["scan.archive_max_depth"] == 3 and settings["scan.archive_limit_is_finding"] is True
    assert not settings.warnings  # the version key is no unknown setting
    assert [s.key for s in SCHEMA if s.key.startswith("scan.archive")] and VERSION_KEY not in {s.key for s in SCHEMA}
