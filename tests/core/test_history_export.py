"""History exports (CSV and JSON) round-trip the filtered journal of a real state.db; file names that try to
be formulas, newlines or right-to-left tricks stay inert and visible; a bad place for the file gives one
sentence and replaces nothing; ``ringfence history --format … --output …`` does the same for scripts."""

from __future__ import annotations

import csv
import json
import os
import shutil
import stat
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from app.core.context import Context
from app.core.foundation.errors import RingfenceError
from app.core.journal import activity, events, export
from app.core.journal.events import Event
from app.core.text.messages import render
from app.core.text.names import plain
from tests.conftest import ROOT, run_cli

NOW = datetime(2026, 12, 6, 12, 0).timestamp()
ODD_NAMES = (
    "/home/ann/=HYPERLINK(\"http://evil.example\",\"click\").txt",
    "+SUM(1,2).csv", "-2+3.xls", "@cmd.txt", "\tindented.txt",
    "/home/ann/photo\u202egpj.exe",  # a right-to-left override: shows as "photoexe.jpg" when not made visible
    "/home/ann/two\nlines.txt\nscan finished: 0 threats",  # a newline forging a line
    "/home/ann/café \u05e9\u05dc\u05d5\u05dd.txt",  # non-ASCII letters, Hebrew (right-to-left) too
)


def english(event: Event) -> str:
    return render(event.message, data=plain)


@pytest.fixture
def ctx(rf_home: Path) -> Iterator[Context]:
    with Context.open() as context:
        yield context


@pytest.fixture
def journal(ctx: Context) -> list[int]:
    """Scans, threats with odd names, quarantine, updates and a settings event over two weeks."""
    ids = []
    for day in range(14):
        ids.append(events.record(ctx.store, "scan.finished", when=NOW - day * 86400, scan_id=day, scan_kind="quick",
                                 files=1000 + day, threats=0, errors=0))
    for index, name in enumerate(ODD_NAMES):
        ids.append(events.record(ctx.store, "threat.found", when=NOW - index * 3600, scan_id=1,
                                 threat="=cmd|' /C calc'!A0" if index == 0 else "EICAR_Test_File", path=name))
        ids.append(events.record(ctx.store, "quarantine.added", when=NOW - index * 3600 + 1, path=name,
                                 threat="EICAR_Test_File", item_id=f"item{index}"))
    ids.append(events.record(ctx.store, "updates.activated", when=NOW - 2 * 86400, version="2026.12.04"))
    ids.append(events.record(ctx.store, "settings.corrupt", when=NOW - 86400, backup="settings.json.bad"))
    assert all(ids)
    return ids


def same(exported: list[Event], expected: list[Event]) -> None:
    assert [(e.id, e.kind, e.severity, e.code, e.args) for e in exported] == \
           [(e.id, e.kind, e.severity, e.code, e.args) for e in expected]
    assert all(abs(a.time - b.time) < 1e-5 for a, b in zip(exported, expected, strict=True))


@pytest.mark.parametrize("fmt", export.FORMATS)
def test_an_export_round_trips_the_filtered_history(ctx: Context, journal: list[int], tmp_path: Path, fmt: str) -> None:
    view = export.select(ctx.store, english, kinds=["threat", "quarantine"], search="ann")
    assert len(view) == 2 * 4  # the four names under /home/ann, as threats and as quarantined files
    path = export.write_export(tmp_path / f"history.{fmt}", view, english)
    same(export.read_export(path), view)
    everything = export.select(ctx.store, english)
    assert len(everything) == len(journal)
    same(export.read_export(export.write_export(tmp_path / f"all.{fmt}", everything, english)), everything)


def test_csv_cells_never_run_as_formulas_and_odd_names_show_as_they_are(ctx: Context, journal: list[int],
                                                                        tmp_path: Path) -> None:
    view = export.select(ctx.store, english, kinds=["threat", "quarantine"])
    path = export.write_export(tmp_path / "history.csv", view, english)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # spreadsheets read it as UTF-8
    content = raw.decode("utf-8-sig")
    assert "\u202e" not in content and "\u05e9\u05dc\u05d5\u05dd" in content  # the override visible, letters kept
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == list(export.COLUMNS) and len(rows) == len(view) + 1  # a newline in a name is no new row
    for row in rows:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    messages = [row[5] for row in rows[1:]]
    assert "'=cmd|' /C calc'!A0 was found in /home/ann/=HYPERLINK(\"http://evil.example\",\"click\").txt." in messages
    assert "EICAR_Test_File was found in /home/ann/photo<U+202E>gpj.exe." in messages
    assert "EICAR_Test_File was found in /home/ann/two\\nlines.txt\\nscan finished: 0 threats." in messages
    paths = {json.loads(row[6])["path"] for row in rows[1:]}
    assert paths == set(ODD_NAMES)  # the exact names, in JSON
    assert "'+SUM(1,2).csv was moved to the quarantine (EICAR_Test_File)." in messages


def test_json_keeps_exact_names_and_escapes_the_invisible_controls(ctx: Context, journal: list[int],
                                                                   tmp_path: Path) -> None:
    view = export.select(ctx.store, english, kinds=["threat"])
    path = export.write_export(tmp_path / "history.json", view, english)
    content = path.read_text(encoding="utf-8")
    assert "\u202e" not in content and "photo\\u202egpj.exe" in content and "café" in content
    document = json.loads(content)
    assert document["format"] == "ringfence-history" and document["version"] == 1
    assert {e["args"]["path"] for e in document["events"]} == set(ODD_NAMES)


def test_a_bad_place_gives_one_sentence_and_nothing_is_replaced(ctx: Context, journal: list[int],
                                                                tmp_path: Path) -> None:
    view = export.select(ctx.store, english, kinds=["updates"])
    with pytest.raises(RingfenceError) as missing:
        export.write_export(tmp_path / "no such folder" / "history.csv", view, english)
    assert missing.value.message == (f"The folder {tmp_path / 'no such folder'} does not exist. Choose another place "
                                     "for the export.")
    out = tmp_path / "out"
    out.mkdir()
    kept = out / "kept.csv"
    kept.write_text("my own spreadsheet\n")
    with pytest.raises(RingfenceError) as exists:
        export.write_export(kept, view, english)
    assert exists.value.message == f"{kept} exists already. Choose another name, or allow replacing it."
    assert kept.read_text() == "my own spreadsheet\n"
    export.write_export(kept, view, english, overwrite=True)
    same(export.read_export(kept), view)
    with pytest.raises(RingfenceError) as unknown:
        export.write_export(out / "history.txt", view, english)
    assert unknown.value.message == "Choose CSV or JSON for the export (a name ending in .csv or .json)."
    with pytest.raises(RingfenceError) as folder:
        export.write_export(out, view, english, fmt="csv")
    assert folder.value.message == f"{out} is a folder. Choose a file name for the export."
    assert sorted(p.name for p in out.iterdir()) == ["kept.csv"]  # no temporary file left behind


def test_activity_counts_files_threats_and_updates_per_day_and_per_week(ctx: Context, journal: list[int]) -> None:
    daily = activity.activity(ctx.store, keep_days=365, now=NOW)
    assert daily.unit == "day" and len(daily.buckets) == 14
    assert daily.buckets[-1].start == datetime.fromtimestamp(NOW).date()
    assert daily.files == sum(1000 + day for day in range(14)) and daily.scans == 14
    assert daily.threats == len(ODD_NAMES) and daily.updates == 1
    assert daily.buckets[-3].updates == 1 and daily.buckets[-1].files == 1000 and daily.buckets[0].files == 1013
    events.record(ctx.store, "scan.finished", when=NOW - 100 * 86400, scan_id=99, scan_kind="full", files=500_000,
                  threats=0, errors=0)
    weekly = activity.activity(ctx.store, keep_days=365, now=NOW)
    assert weekly.unit == "week" and weekly.buckets[0].start.weekday() == 0
    assert weekly.files == daily.files + 500_000 and weekly.buckets[0].files == 500_000
    kept = activity.activity(ctx.store, keep_days=30, now=NOW)  # only the kept period
    assert kept.unit == "day" and kept.files == daily.files
    empty_start = (datetime.fromtimestamp(NOW) + timedelta(days=400)).timestamp()
    assert activity.activity(ctx.store, keep_days=30, now=empty_start).files == 0


def test_the_cli_exports_refuses_to_replace_without_force_and_prints_csv(ctx: Context, journal: list[int],
                                                                         tmp_path: Path) -> None:
    out = tmp_path / "threats.csv"
    done = run_cli("history", "--kind", "threat", "--search", "ann", "--format", "csv", "--output", str(out))
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"4 events written to {out}.\n"
    same(export.read_export(out), export.select(ctx.store, english, kinds=["threat"], search="ann"))
    before = out.read_bytes()
    again = run_cli("history", "--output", str(out))
    assert again.returncode == 2 and again.stderr == f"ringfence: {out} exists already; add --force to replace it.\n"
    assert out.read_bytes() == before
    forced = run_cli("history", "--output", str(out), "--force")
    assert forced.returncode == 0, forced.stderr
    same(export.read_export(out), export.select(ctx.store, english))
    as_json = run_cli("history", "--kind", "updates", "--format", "json", "--output", str(tmp_path / "u.data"))
    assert as_json.returncode == 0 and json.loads((tmp_path / "u.data").read_text())["events"][0]["code"] == \
        "updates.activated"
    missing = run_cli("history", "--output", str(tmp_path / "gone" / "h.json"))
    assert missing.returncode == 2
    assert missing.stderr == (f"ringfence: The folder {tmp_path / 'gone'} does not exist. Choose another place for "
                              "the export.\n")
    printed = run_cli("history", "--kind", "settings", "--format", "csv")
    assert printed.returncode == 0
    assert printed.stdout.splitlines()[0] == ",".join(export.COLUMNS) and "settings.corrupt" in printed.stdout


@pytest.mark.skipif(not hasattr(os, "geteuid") or not shutil.which("setpriv"), reason="POSIX permissions, setpriv")
def test_the_cli_says_so_when_the_folder_is_read_only(journal: list[int], tmp_path: Path) -> None:
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    # root writes everywhere: take away the capability that lets it (a real permission check)
    prefix = ["setpriv", "--bounding-set", "-dac_override"] if os.geteuid() == 0 else []
    try:
        done = subprocess.run([*prefix, sys.executable, "-m", "app", "history", "--output", str(folder / "h.csv")],
                              cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)
    finally:
        folder.chmod(stat.S_IRWXU)
    assert done.returncode == 2
    assert done.stderr == (f"ringfence: The export could not be written to {folder / 'h.csv'} (Permission denied). "
                           "Choose a folder you can write to.\n")
    assert list(folder.iterdir()) == []
