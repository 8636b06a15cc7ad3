"""The exclusion presets and "Never scan this folder": honoured by scans and by real-time protection (a real
watcher, the real engine, real files), the latter without a restart; each excluded place listed with why."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path

from app.core.context import Context
from app.core.foundation.paths import get_paths
from app.core.foundation.settings import Settings
from app.core.journal import events
from app.core.realtime.realtime_service import RealtimeService
from app.core.scanning import exclusions
from app.core.scanning.job import ScanJob, ScanRequest
from tests.engine.helpers import EICAR
from tests.realtime.conftest import gone, wait_for


def _tree(root: Path) -> dict[str, Path]:
    files = {
        "module": root / "app" / "node_modules" / "left-pad" / "index.js",
        "git": root / "app" / ".git" / "objects" / "blob",
        "source": root / "app" / "main.js",
        "build-script": root / "app" / "build",  # a file named like a developer folder is scanned
        "disk": root / "vms" / "win11.vdi",
    }
    for path in files.values():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(EICAR)
    return files


def _scan(ctx: Context, root: Path) -> set[str]:
    summary = ScanJob(ctx, ScanRequest("custom", [str(root)], action="report", use_cache=False, jobs=1)).run()
    return {found.path for found in summary.found}


def test_the_developer_folder_preset_keeps_scans_out_of_node_modules(ctx: Context, tmp_path: Path) -> None:
    files = _tree(tmp_path / "tree")
    everything = {str(p) for p in files.values()}
    assert _scan(ctx, tmp_path / "tree") == everything  # without a preset, every copy is found
    ctx.settings.set("scan.exclude_developer_folders", True)
    assert _scan(ctx, tmp_path / "tree") == everything - {str(files["module"]), str(files["git"])}
    ctx.settings.set("scan.exclude_vm_disks", True)
    assert _scan(ctx, tmp_path / "tree") == {str(files["source"]), str(files["build-script"])}


def test_real_time_protection_takes_up_the_preset_and_a_new_folder_without_a_restart(
        ctx: Context, watched: Path, start_service: Callable[..., RealtimeService]) -> None:
    service = start_service()
    module = watched / "node_modules" / "pkg" / "payload.exe"
    module.parent.mkdir(parents=True)
    module.write_bytes(EICAR)
    assert wait_for(gone(module), 3.0)  # no preset yet: caught
    assert service.wait_idle(30)

    settings = Settings.load(ctx.paths.settings_file)
    settings.set("scan.exclude_developer_folders", True)
    settings.save()
    service.apply_settings(settings)  # what the console does after saving: no restart
    kept = watched / "node_modules" / "pkg" / "again.exe"
    kept.write_bytes(EICAR)
    assert service.wait_idle(10)

    saved = exclusions.never_scan(ctx, str(watched / "games"), exclusions.FROM_SCAN_PAGE)
    service.apply_settings(saved)
    (watched / "games").mkdir()
    game = watched / "games" / "trainer.exe"
    game.write_bytes(EICAR)
    caught = watched / "caught.exe"
    caught.write_bytes(EICAR)
    assert wait_for(gone(caught), 3.0)  # protection still runs, and still catches what is not excluded
    assert service.wait_idle(10)
    time.sleep(0.3)
    assert kept.exists() and game.exists()


def test_never_scan_from_a_detection_is_listed_with_the_threat_it_came_from(ctx: Context, tmp_path: Path) -> None:
    folder = tmp_path / "tools"
    exclusions.never_scan(ctx, str(folder), exclusions.FROM_DETECTION, threat="EICAR-Test-File",
                          file=str(folder / "eicar.com"))
    exclusions.never_scan(ctx, str(folder), exclusions.FROM_DETECTION, threat="EICAR-Test-File",
                          file=str(folder / "eicar.com"))  # twice: one entry
    assert Settings.load(ctx.paths.settings_file)["scan.exclude_paths"] == [str(folder)]
    ctx.settings.set("scan.exclude_developer_folders", True)
    ctx.settings.set("scan.exclude_extensions", [".iso"])
    shown = {(e.place, e.kind): e.reason.english()
             for e in exclusions.listing(ctx.settings.values, exclusions.known(ctx))}
    assert shown[(str(folder), "place")] == (f"Added from the threat EICAR-Test-File found in {folder / 'eicar.com'}; "
                                             "that file is not scanned any more either")
    assert shown[("node_modules", "folder-name")] == "Preset: developer folders (any folder of this name)"
    assert shown[(".iso", "extension")] == "Added in the settings"
    assert (".vdi", "extension") not in shown  # the VM preset is off
    journal = events.query(ctx.store, kinds=["settings"], limit=10)
    assert journal[0].code == "exclusion.added_from_threat" and "EICAR-Test-File" in journal[0].message.english()


def test_an_older_settings_file_keeps_its_exclusions_and_gets_the_presets_off(rf_home: Path) -> None:
    path = get_paths().ensure().settings_file
    old = {"scan.exclude_paths": ["/srv/backups"], "scan.exclude_globs": ["*.iso"],
           "scan.exclude_extensions": [".bak"], "scan.jobs": 2}  # a version 1 file: no version key
    path.write_text(json.dumps(old))
    settings = Settings.load(path)
    assert not settings.warnings
    assert settings["scan.exclude_paths"] == ["/srv/backups"] and settings["scan.exclude_globs"] == ["*.iso"]
    assert settings["scan.exclude_extensions"] == [".bak"]
    assert settings["scan.exclude_developer_folders"] is False and settings["scan.exclude_vm_disks"] is False
    settings.save()
    saved = json.loads(path.read_text())
    assert saved["scan.exclude_paths"] == ["/srv/backups"] and saved["scan.exclude_extensions"] == [".bak"]
    assert exclusions.effective(Settings.load(path))["exclude_paths"] == ["/srv/backups"]
