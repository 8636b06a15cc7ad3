"""Crash history: several crashes aggregated by probable driver, set against Ringfence's definitions changes,
the driver's version resource read from a real PE file, and the export without personal details."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.core.context import Context
from app.core.recovery.crash_export import blocks, export_html, export_text, write_export
from app.core.recovery.crash_history import CrashHistory, build_history, conclusion, count_drivers, definitions_relation
from app.core.recovery.driver_version import locate_driver, read_driver_version
from app.core.recovery.model import CrashReport
from app.core.recovery.privacy import Personal, scrub
from app.core.recovery.providers import scan
from app.core.text.messages import render
from app.core.updates.update_history import HistoryEntry, entries
from tests.conftest import run_cli
from tests.recovery import crash_set as cs
from tests.recovery.dumps import CSAGENT, KERNEL, Driver, Triage, build_dump

KSECDD = cs.KSECDD
PLANTED = (cs.WIFI_PASSWORD, cs.SSID, cs.USER, cs.COMPUTER, cs.EMAIL, cs.SERIAL, cs.MAC)


@pytest.fixture
def ctx(rf_home: Path) -> Iterator[Context]:
    with Context.open() as context:
        yield context


@pytest.fixture
def crashes(tmp_path: Path) -> cs.CrashSet:
    return cs.build_crash_set(tmp_path, driver_file=KSECDD)


def personal(found: cs.CrashSet) -> Personal:
    return Personal((cs.USER,), (cs.COMPUTER,), (str(found.home),))


def history_of(found: cs.CrashSet, ctx: Context) -> CrashHistory:
    cs.record_changes(ctx.store)
    return build_history(scan(found.folder), entries(ctx.store, limit=100), found.windows)


def test_the_version_resource_of_a_real_driver() -> None:
    info = read_driver_version(KSECDD)
    assert info is not None
    assert (info.company, info.file_version, info.description, info.product) == (
        "Microsoft Corporation", "10.0.14393.187", "Wine ksecdd.sys", "Wine")
    assert info.date == datetime(2023, 2, 18, 22, 16, 11, tzinfo=UTC)  # the PE header's link time


VERSION_AT = KSECDD.read_bytes().find("VS_VERSION_INFO".encode("utf-16-le")) - 6  # the resource's first byte


@pytest.mark.parametrize("cut", [0, 2, 64, 0x200, 4096, VERSION_AT + 40, VERSION_AT + 400])
def test_a_damaged_driver_file_has_no_details_and_no_error(tmp_path: Path, cut: int) -> None:
    path = tmp_path / "broken.sys"
    path.write_bytes(KSECDD.read_bytes()[:cut])
    assert read_driver_version(path) is None  # cut short before or inside the version resource


def test_a_driver_with_a_broken_version_resource_has_no_details(tmp_path: Path) -> None:
    data = bytearray(KSECDD.read_bytes())
    data[VERSION_AT:VERSION_AT + 2] = b"\xff\xff"  # the resource claims to be longer than it is
    (tmp_path / "long.sys").write_bytes(bytes(data))
    assert read_driver_version(tmp_path / "long.sys") is None
    assert read_driver_version(tmp_path / "missing.sys") is None
    (tmp_path / "text.sys").write_text("MZ but not a program")
    assert read_driver_version(tmp_path / "text.sys") is None


def test_the_driver_a_dump_names_is_found_in_this_pcs_windows_folder(tmp_path: Path) -> None:
    drivers = tmp_path / "Windows" / "system32" / "DRIVERS"
    (drivers / "crowdstrike").mkdir(parents=True)
    (drivers / "crowdstrike" / "CSAgent.sys").write_bytes(b"MZ")
    (drivers / "tcpip.sys").write_bytes(b"MZ")
    root = tmp_path / "Windows"
    assert locate_driver(CSAGENT.name, "csagent.sys", root) == drivers / "crowdstrike" / "CSAgent.sys"
    assert locate_driver(r"\??\C:\Windows\System32\drivers\tcpip.sys", "tcpip.sys", root) == drivers / "tcpip.sys"
    assert locate_driver(None, "tcpip.sys", root) == drivers / "tcpip.sys"
    assert locate_driver(r"\SystemRoot\System32\drivers\gone.sys", "gone.sys", root) is None


def test_several_crashes_aggregate_by_driver_against_definitions_changes(crashes: cs.CrashSet, ctx: Context) -> None:
    history = history_of(crashes, ctx)
    times = [entry.report.time for entry in history.entries]
    assert times == sorted(times, reverse=True) and len(times) == 5  # newest first, every dump and the System log
    assert [e.report.kind for e in history.entries] == ["bugcheck"] * 4 + ["power_loss"]
    [driver] = history.drivers
    assert (driver.module, driver.named, driver.window) == ("csagent.sys", 4, 5)
    assert render(driver.summary) == "csagent.sys was named in 4 of the last 5 crashes."
    assert driver.version is not None and driver.version.company == "Microsoft Corporation"
    assert driver.version.path.endswith(os.path.join("CrowdStrike", "csagent.sys"))
    assert render(history.conclusion) == ("csagent.sys (from Microsoft Corporation) was named in 4 of the last 5 "
                                          "crashes: update or remove this driver first.")
    relations = [render(entry.definitions) for entry in history.entries]
    assert relations[0] == ("No Ringfence change in the 24 hours before this crash; Ringfence last changed its "
                            "definitions 3 days before it.")  # the refusal an hour before changed nothing
    assert relations[2] == "Ringfence changed its definitions 6 hours before this crash."
    assert relations[3:] == ["Ringfence recorded no definitions change before this crash."] * 2


def _crash(module: str | None, hours: int = 0) -> CrashReport:
    return CrashReport("bugcheck", datetime(2025, 11, 1, tzinfo=UTC) - timedelta(hours=hours), f"k{hours}",
                       0x50, probable_module=module)


def test_the_conclusion_in_plain_words() -> None:
    def said(reports: list[CrashReport]) -> str:
        return render(conclusion(reports, count_drivers(reports, None)))

    assert said([]) == "No unexpected restarts were found."
    assert said([_crash(None), _crash(None, 1)]) == ("None of the 2 unexpected restarts names a probable driver (only "
                                                     "small crash dumps name one), so no single cause stands out.")
    assert said([_crash("nvlddmkm.sys")]) == ("The one crash found names nvlddmkm.sys as the probable driver; if it "
                                              "happens again, update this driver.")
    assert said([_crash("a.sys"), _crash(None, 1), _crash(None, 2)]) == (
        "a.sys was named in 1 of the last 3 crashes; the others name no driver, so it may not be the only cause.")
    assert said([_crash("a.sys"), _crash("b.sys", 1), _crash("c.sys", 2), _crash("A.SYS", 3)]) == (
        "The last 4 crashes name 3 different drivers; crashes spread over many drivers often come from failing "
        "memory, overheating or power problems rather than one driver.")
    assert said([_crash("a.sys", h) for h in range(3)] + [_crash("b.sys", 5)]).startswith(
        "a.sys was named in 3 of the last 4 crashes: update")
    many = [_crash("old.sys", 100 + h) for h in range(20)]  # only the newest ten count
    assert said([_crash("new.sys", h) for h in range(6)] + many).startswith("new.sys was named in 6 of the last 10")


def test_definitions_relation_in_minutes_hours_and_days() -> None:
    crashed = datetime(2025, 11, 25, 12, 0, tzinfo=UTC)

    def change(before: timedelta) -> HistoryEntry:
        return HistoryEntry("7", "activated", "", (crashed - before).timestamp())

    assert render(definitions_relation(crashed, change(timedelta(minutes=1)))) == \
        "Ringfence changed its definitions 1 minute before this crash."
    assert render(definitions_relation(crashed, change(timedelta(hours=23, minutes=59)))) == \
        "Ringfence changed its definitions 23 hours before this crash."
    assert "24 hours" in render(definitions_relation(crashed, change(timedelta(hours=24))))
    assert "cannot be set against" in render(definitions_relation(None, change(timedelta(hours=1))))


def test_the_export_keeps_what_support_needs_and_nothing_personal(crashes: cs.CrashSet, ctx: Context,
                                                                  tmp_path: Path) -> None:
    history = history_of(crashes, ctx)
    raw = "\n".join(f"{b.heading}\n" + "\n".join(f"{label} {value}" for label, value in b.rows)
                    for b in blocks(history, source=crashes.folder))
    for item in (cs.EMAIL, cs.COMPUTER, cs.SERIAL, cs.MAC, cs.SSID, str(crashes.home)):
        assert item in raw, item  # planted where a report could leak it
    found = personal(crashes)
    text = export_text(history, personal=found, source=crashes.folder)
    page = export_html(history, personal=found, source=crashes.folder)
    for output in (text, page):
        for item in (*PLANTED, str(crashes.home)):
            assert item.lower() not in output.lower(), item
        assert "csagent.sys (from Microsoft Corporation) was named in 4 of the last 5 crashes" in output
        assert "PAGE_FAULT_IN_NONPAGED_AREA (0x00000050)" in output and "DRIVER_IRQL_NOT_LESS_OR_EQUAL" in output
        assert "10.0.14393.187" in output and "2023-02-18" in output
        assert "Ringfence changed its definitions 6 hours before this crash." in output
        assert "112525-11781-01.dmp" in output and r"\\[computer]\dumps\112225-9952-01.dmp" in output
        assert "ssid=[network]" in output and "[e-mail]" in output and "[serial]" in output
    assert text.splitlines()[2].startswith("csagent.sys (from Microsoft Corporation)")  # the conclusion on top
    assert '<p class="conclusion">csagent.sys' in page
    for name, kind in (("history.html", "html"), ("history.txt", "text")):
        assert write_export(tmp_path / name, history, personal=found, source=crashes.folder) == kind
        assert cs.WIFI_PASSWORD not in (tmp_path / name).read_text(encoding="utf-8")


def test_html_export_shows_names_as_text(tmp_path: Path) -> None:
    evil = Driver(r"\SystemRoot\System32\drivers\<script>alert(1)<script>.sys", CSAGENT.base, CSAGENT.size)
    folder = tmp_path / "copied"
    folder.mkdir()
    (folder / "<img src=x onerror=alert(1)> & co.dmp").write_bytes(build_dump(code=0x50, params=(0, 0, CSAGENT.base + 8, 0),
                                                        triage=Triage([KERNEL, evil])))
    history = build_history(scan(folder), [])
    assert history.drivers[0].module == "<script>alert(1)<script>.sys"
    page = export_html(history, personal=Personal())
    assert "<script>" not in page and "<img" not in page
    assert "&lt;script&gt;alert(1)&lt;script&gt;.sys was named in 1 of the last 1 crashes." in page
    assert "&lt;img src=x onerror=alert(1)&gt; &amp; co.dmp" in page


def test_scrub_removes_what_identifies_a_person() -> None:
    who = Personal(("jdoe",), ("DESKTOP-7QK2",), (r"D:\Profiles\jdoe",))
    text = (r"C:\Users\Jane Smith\Desktop\x.dmp, D:\Profiles\jdoe\dumps, /home/jane/crash, E:\home\ann\c, \\DESKTOP-7QK2\share\m.dmp "
            "jane@example.org serial number: 5CG1234XYZ, MAC 00-1A-2B-3C-4D-5E, <Wifi ssid=\"Home\" password=\"pw1\"/> "
            "network key: hunter2 jdoe on desktop-7qk2, SystemRoot stays, 10.0.26100.8235 stays")
    clean = scrub(text, who)
    for gone in ("Jane Smith", "jane@", r"Profiles\jdoe", "/home/jane", r"home\ann", "5CG1234XYZ", "00-1A-2B", "pw1", "Home\"",
                 "hunter2", "jdoe", "DESKTOP-7QK2", "desktop-7qk2"):
        assert gone not in clean, gone
    assert r"C:\Users\[user]\Desktop\x.dmp" in clean and r"[home]\dumps" in clean and "/home/[user]/crash" in clean
    assert r"\\[computer]\share" in clean and "SystemRoot stays" in clean and "10.0.26100.8235 stays" in clean


def test_cli_export_and_report(crashes: cs.CrashSet, ctx: Context, tmp_path: Path) -> None:
    cs.record_changes(ctx.store)
    env = {"HOME": str(crashes.home), "USERPROFILE": str(crashes.home), "USERNAME": cs.USER, "USER": cs.USER,
           "COMPUTERNAME": cs.COMPUTER}
    out = tmp_path / "crash-history.html"
    done = run_cli("recovery", "export", "--source", str(crashes.folder), "--output", str(out), env=env)
    assert done.returncode == 0, done.stderr
    assert "5 unexpected restarts" in done.stdout
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "csagent.sys was named in 4 of the last 5 crashes" in page
    text = run_cli("recovery", "export", "--source", str(crashes.folder), env=env)
    assert text.returncode == 0 and text.stdout.startswith("Ringfence crash history\n")
    assert "Ringfence changed its definitions 6 hours before this crash." in text.stdout
    for output in (page, text.stdout):
        for item in (*PLANTED, str(crashes.home)):
            assert item.lower() not in output.lower(), item
    failed = run_cli("recovery", "export", "--source", str(crashes.folder), "--output", str(out / "inside-a-file.txt"))
    assert failed.returncode == 2 and "Traceback" not in failed.stderr
    assert failed.stderr.splitlines()[-1].startswith("ringfence: The crash history could not be saved to ")
    report = run_cli("recovery", "--source", str(crashes.folder))
    assert report.returncode == 0, report.stderr
    assert report.stdout.splitlines()[2] == "csagent.sys was named in 4 of the last 5 crashes: update or remove this driver first."
    assert "Ringfence:        Ringfence changed its definitions 6 hours before this crash." in report.stdout
    assert cs.WIFI_PASSWORD not in report.stdout + report.stderr
