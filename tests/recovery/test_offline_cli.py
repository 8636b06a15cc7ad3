"""The offline folder provider on real System logs and copied artifacts, and the ``ringfence recovery`` CLI."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.core.recovery.correlate import correlate
from app.core.recovery.evtx_reader import read_evtx
from app.core.recovery.offline import OfflineFolderProvider
from tests.conftest import ROOT, run_cli
from tests.recovery import eventxml as x
from tests.recovery import recorded as r
from tests.recovery.dumps import CSAGENT, STANDARD_DRIVERS, Triage, build_dump

EVTX = ROOT / "tests" / "fixtures" / "evtx"
CRASH_KEYS = ["time", "kind", "bugcheck_code", "bugcheck_name", "parameters", "probable_module", "dump_path", "evidence"]
RECOVERY_KEYS = ["platform", "winre_enabled", "winre_location", "winre_version", "qmr_cloud_remediation",
                 "qmr_auto_remediation", "qmr_total_wait_minutes", "qmr_retry_interval_minutes", "recovery_boots"]
DUMP_KEYS = ["signature", "machine", "build", "dump_type", "bugcheck_code", "bugcheck_name", "parameters", "system_time",
             "probable_module", "drivers_count"]


@pytest.mark.parametrize("name", ["system-clean.evtx", "system-clean-2.evtx"])
def test_real_clean_system_logs_report_no_crash(tmp_path: Path, name: str) -> None:
    events = read_evtx(EVTX / name)
    # The parser really read the log: the clean restarts' User32 1074 and Kernel-Boot 20 are there.
    assert any(e.provider == "User32" and e.event_id == 1074 for e in events)
    assert any(e.provider == "Microsoft-Windows-Kernel-Boot" and e.event_id == 20 for e in events)
    shutil.copy(EVTX / name, tmp_path / "copied-log")  # recognised by content, not by name
    result = correlate(OfflineFolderProvider(tmp_path).collect())
    assert result.crashes == []
    assert result.recovery.platform == "windows"
    assert result.notes == []


def test_cli_clean_logs_json(tmp_path: Path) -> None:
    for name in ("system-clean.evtx", "system-clean-2.evtx"):
        shutil.copy(EVTX / name, tmp_path / name)
    done = run_cli("recovery", "--source", str(tmp_path), "--json")
    assert done.returncode == 0, done.stderr
    doc = json.loads(done.stdout)
    assert list(doc) == ["crashes", "recovery"] and doc["crashes"] == []
    assert list(doc["recovery"]) == RECOVERY_KEYS


def copied_folder(folder: Path) -> Path:
    """What a helper copies off a PC that crashed twice: an exported log, a minidump, reagentc outputs."""
    folder.mkdir()
    log = x.exported_document(
        x.kernel_power_41("2025-11-20T08:00:05Z", record=1),
        x.kernel_power_41("2025-11-25T15:33:38.3279369Z", code=80, record=2), x.eventlog_6008(record=3),
        x.wer_1001(param1="0x00000050 (0xffff840500000074, 0x0000000000000000, 0xfffff80671465e2a, 0x0000000000000002)",
                   dump=r"C:\Windows\Minidump\112525-11781-01.dmp", record=4))
    (folder / "system-export.xml").write_text(log, encoding="utf-8")
    (folder / "112525-11781-01.dmp").write_bytes(build_dump(
        code=0x50, params=(0xFFFF840500000074, 0, CSAGENT.base + 0x35E2A, 2), triage=Triage(STANDARD_DRIVERS),
        crashed=datetime(2025, 11, 25, 15, 23, 28, tzinfo=UTC)))
    (folder / "winre.txt").write_bytes(r.INFO_24H2.replace("\n", "\r\n").encode("utf-16"))  # PowerShell ">" writes UTF-16
    (folder / "qmr.txt").write_text(r.GETRECOVERYSETTINGS, encoding="utf-8")
    (folder / "notes.txt").write_text("the PC rebooted twice while gaming\n")
    (folder / "damaged.dmp").write_bytes(b"PAGEDU64" + bytes(64))
    return folder


def test_cli_recovery_json_contract_and_no_wifi_password_anywhere(tmp_path: Path, rf_home: Path) -> None:
    folder = copied_folder(tmp_path / "copied")
    done = run_cli("recovery", "--source", str(folder), "--json")
    assert done.returncode == 0, done.stderr
    doc = json.loads(done.stdout)
    assert [list(c) for c in doc["crashes"]] == [CRASH_KEYS, CRASH_KEYS]
    newest, older = doc["crashes"]
    assert newest["time"] == "2025-11-25T15:23:28Z" and newest["kind"] == "bugcheck"
    assert (newest["bugcheck_code"], newest["bugcheck_name"]) == ("0x00000050", "PAGE_FAULT_IN_NONPAGED_AREA")
    assert newest["probable_module"] == "csagent.sys"
    assert newest["dump_path"].endswith("112525-11781-01.dmp")
    assert {"source", "time", "detail"} == set(newest["evidence"][0])
    assert older["kind"] == "power_loss" and older["bugcheck_code"] is None and older["parameters"] is None
    recovery = doc["recovery"]
    assert recovery["winre_enabled"] is True and recovery["winre_version"] == "10.0.26100.8235"
    assert recovery["qmr_total_wait_minutes"] == 2400 and recovery["qmr_retry_interval_minutes"] == 120
    assert "damaged.dmp" in done.stderr and done.stderr.count("\n") == 1  # one note, on stderr
    human = run_cli("recovery", "--source", str(folder))
    assert human.returncode == 0
    assert "Probable driver:  csagent.sys" in human.stdout and "PAGE_FAULT_IN_NONPAGED_AREA" in human.stdout
    assert "cannot have caused a stop code" in human.stdout
    assert "2400 minutes (40 hours)" in human.stdout
    debug = run_cli("--debug", "recovery", "--source", str(folder))
    for output in (done.stdout, done.stderr, human.stdout, human.stderr, debug.stdout, debug.stderr):
        assert r.WIFI_PASSWORD not in output
    logs = list((rf_home / "logs").glob("*"))
    assert logs, "the command writes a log"
    for log_file in logs:
        assert r.WIFI_PASSWORD not in log_file.read_text(encoding="utf-8", errors="replace")


def test_cli_dump_json(tmp_path: Path) -> None:
    path = tmp_path / "mini.dmp"
    path.write_bytes(build_dump(code=0x50, params=(0xFFFF840500000074, 0, CSAGENT.base + 0x10, 2), build=26100,
                                triage=Triage(STANDARD_DRIVERS)))
    done = run_cli("recovery", "dump", str(path), "--json")
    assert done.returncode == 0, done.stderr
    doc = json.loads(done.stdout)
    assert list(doc) == DUMP_KEYS
    assert doc == {
        "signature": "PAGEDU64", "machine": "x64", "build": 26100, "dump_type": "triage", "bugcheck_code": "0x00000050",
        "bugcheck_name": "PAGE_FAULT_IN_NONPAGED_AREA",
        "parameters": ["0xFFFF840500000074", "0x0000000000000000", f"0x{CSAGENT.base + 0x10:016X}", "0x0000000000000002"],
        "system_time": "2025-11-25T15:23:28Z", "probable_module": "csagent.sys", "drivers_count": 5}
    human = run_cli("recovery", "dump", str(path))
    assert "Probable driver:  csagent.sys" in human.stdout and "5 drivers listed" in human.stdout


@pytest.mark.parametrize("content", [b"", b"\x00" * 10, b"PAGEDU64" + bytes(0x100), b"just some text\n"])
def test_cli_dump_errors_are_one_sentence_and_exit_2(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "bad.dmp"
    path.write_bytes(content)
    done = run_cli("recovery", "dump", str(path))
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith("ringfence: ") and done.stderr.count("\n") == 1 and "Traceback" not in done.stderr


def test_cli_garbage_after_the_signature_prints_no_made_up_stop_code(tmp_path: Path) -> None:
    path = tmp_path / "fake.dmp"
    path.write_bytes(b"PAGEDU64" + bytes(range(256)) * 40)
    done = run_cli("recovery", "dump", str(path))
    assert done.returncode == 2 and done.stdout == ""
    assert "is not a readable Windows crash dump" in done.stderr and "Stop code" not in done.stderr


def test_driver_advice_only_when_a_driver_was_named(tmp_path: Path) -> None:
    full = tmp_path / "MEMORY.DMP"
    full.write_bytes(build_dump(code=0xD1, params=(0, 2, 0, CSAGENT.base + 8)))  # no driver list: no driver named
    done = run_cli("recovery", "dump", str(full))
    assert done.returncode == 0, done.stderr
    assert "Probable driver" not in done.stdout and "named as probable cause" not in done.stdout
    assert "What you can do:  Install pending Windows and driver updates" in done.stdout
    mini = tmp_path / "mini.dmp"
    mini.write_bytes(build_dump(code=0xD1, params=(0, 2, 0, CSAGENT.base + 8), triage=Triage(STANDARD_DRIVERS)))
    named = run_cli("recovery", "dump", str(mini))
    assert "Probable driver:  csagent.sys" in named.stdout and "named as probable cause" in named.stdout


def test_cli_errors_for_missing_inputs(tmp_path: Path) -> None:
    for args in (("recovery", "--source", str(tmp_path / "nope")), ("recovery", "dump", str(tmp_path / "nope.dmp"))):
        done = run_cli(*args)
        assert done.returncode == 2 and done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
