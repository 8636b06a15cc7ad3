"""Event XML parsing and the correlation recipe: bugcheck, power loss, forced power-off, unclean shutdown."""

from __future__ import annotations

import base64
from datetime import UTC, datetime

import pytest

from app.core.foundation.errors import RingfenceError
from app.core.recovery import windows_events as ev
from app.core.recovery.correlate import correlate
from app.core.recovery.dumpfile import parse_dump
from app.core.recovery.explain import explain_code
from app.core.recovery.findings import DumpFinding, Findings
from app.core.recovery.model import RecoveryScan
from app.core.text.messages import render
from tests.recovery import eventxml as x
from tests.recovery.dumps import CSAGENT, STANDARD_DRIVERS, Triage, build_dump

WER_1A = "0x0000001a (0x0000000000003470, 0xfffffe7f3f9fc000, 0x0a000002d51cd867, 0x0a00000200000021)"


def scan_of(*xml: str, dumps: list[DumpFinding] | None = None) -> RecoveryScan:
    findings = Findings(platform="windows", events=ev.parse_events(x.wevtutil_stream(*xml)), dumps=dumps or [])
    return correlate(findings)


def test_kernel_power_41_reads_the_decimal_code_and_hex_parameters() -> None:
    (event,) = ev.parse_events(x.kernel_power_41(code=26, params=("0x3470", "0x0", "0x0", "0x0")))
    found = ev.kernel_power_bugcheck(event)
    assert found is not None and found.code == 0x1A and found.parameters == (0x3470, 0, 0, 0)
    assert event.time == datetime(2025, 11, 25, 15, 33, 38, 327936, tzinfo=UTC)


def test_wer_1001_reads_hex_param1_and_dump_path() -> None:
    (event,) = ev.parse_events(x.wer_1001(param1=WER_1A, dump=r"C:\Windows\Minidump\112525-11781-01.dmp"))
    found = ev.wer_bugcheck(event)
    assert found is not None and found.code == 0x1A
    assert found.parameters == (0x3470, 0xFFFFFE7F3F9FC000, 0x0A000002D51CD867, 0x0A00000200000021)
    assert ev.wer_dump_path(event) == r"C:\Windows\Minidump\112525-11781-01.dmp"


def test_eventlog_6008_time_comes_from_the_binary_systemtime_not_the_localised_strings() -> None:
    (event,) = ev.parse_events(x.eventlog_6008())
    assert ev.last_alive_time(event) == datetime(2025, 11, 25, 15, 23, 28, 357000, tzinfo=UTC)


def test_python_evtx_style_base64_binary_and_time() -> None:
    xml = x.eventlog_6008(time="2025-11-25 15:33:46.305144+00:00",
                          binary=base64.b64encode(bytes.fromhex(x.REAL_6008_BINARY)).decode())
    (event,) = ev.parse_events(xml, "base64")
    assert ev.last_alive_time(event) == datetime(2025, 11, 25, 15, 23, 28, 357000, tzinfo=UTC)
    assert event.time == datetime(2025, 11, 25, 15, 33, 46, 305144, tzinfo=UTC)


def test_exported_document_and_irrelevant_events() -> None:
    doc = x.exported_document(x.kernel_power_41(), x.eventlog_simple(6013, "2025-11-25T15:34:00Z"))
    parsed = ev.parse_events(doc)
    assert [(e.provider, e.event_id) for e in parsed] == [(ev.KERNEL_POWER, 41)]
    assert len(ev.parse_events(doc, relevant_only=False)) == 2


@pytest.mark.parametrize("bad", ["<Event><System>", '<!DOCTYPE x [<!ENTITY a "b">]><Event/>', "\x00\x01"])
def test_bad_event_xml_is_one_clear_error(bad: str) -> None:
    with pytest.raises(RingfenceError):
        ev.parse_events(bad)


def test_41_1001_and_6008_combine_into_one_bugcheck_report() -> None:
    result = scan_of(x.kernel_power_41(code=26, params=("0x3470", "0x0", "0x0", "0x0")), x.eventlog_6008(),
                     x.wer_1001(param1=WER_1A))
    (crash,) = result.crashes
    doc = crash.to_json()
    assert doc["kind"] == "bugcheck"
    assert doc["bugcheck_code"] == "0x0000001A" and doc["bugcheck_name"] == "MEMORY_MANAGEMENT"
    assert doc["parameters"] == ["0x0000000000003470", "0xFFFFFE7F3F9FC000", "0x0A000002D51CD867", "0x0A00000200000021"]
    assert doc["time"] == "2025-11-25T15:23:28Z"  # last alive, from 6008's binary
    assert doc["dump_path"] == r"C:\Windows\MEMORY.DMP"
    assert [e["source"] for e in doc["evidence"]] == [
        "System log: Kernel-Power 41", "System log: EventLog 6008", "System log: WER-SystemErrorReporting 1001"]
    assert "0x0000001A" in doc["evidence"][0]["detail"]
    assert doc["probable_module"] is None


def test_41_alone_with_a_stop_code_is_a_bugcheck() -> None:
    (crash,) = scan_of(x.kernel_power_41(code=209, params=("0x10", "0x2", "0x0", "0xfffff80671465e2a"))).crashes
    assert crash.kind == "bugcheck" and crash.bugcheck_code == 0xD1 and crash.bugcheck_name == "DRIVER_IRQL_NOT_LESS_OR_EQUAL"


def test_m_variant_from_both_sources_is_one_crash_of_the_7e_family() -> None:
    result = scan_of(x.kernel_power_41(code=126), x.wer_1001(param1="0x1000007e (0xffffffffc0000005, 0xfffff80671465e2a, "
                                                                    "0xffffd0012f2a6b58, 0xffffd0012f2a6390)"))
    (crash,) = result.crashes
    assert crash.bugcheck_code == 0x1000007E
    assert crash.bugcheck_name == "SYSTEM_THREAD_EXCEPTION_NOT_HANDLED_M"
    assert explain_code(crash.bugcheck_code) == explain_code(0x7E)


def test_plain_power_loss() -> None:
    (crash,) = scan_of(x.kernel_power_41(), x.eventlog_6008()).crashes
    assert crash.kind == "power_loss"
    assert crash.bugcheck_code is None and crash.parameters is None and crash.to_json()["bugcheck_name"] is None


def test_power_button_held_is_a_forced_power_off() -> None:
    (crash,) = scan_of(x.kernel_power_41(power_button=131728546170882432), x.eventlog_6008()).crashes
    assert crash.kind == "forced_power_off"
    assert "power button" in crash.evidence[0].detail


def test_planned_restart_that_never_finished_is_an_unclean_shutdown() -> None:
    result = scan_of(x.eventlog_simple(6005, "2025-11-25T09:00:00Z", record=1), x.user32_1074("2025-11-25T15:20:00Z", record=2),
                     x.kernel_power_41(), x.eventlog_6008())
    (crash,) = result.crashes
    assert crash.kind == "unclean_shutdown"
    assert any(render(e.source) == "System log: User32 1074" for e in crash.evidence)


def test_planned_restart_that_completed_does_not_count() -> None:
    result = scan_of(x.user32_1074("2025-11-25T15:10:00Z", record=2), x.eventlog_simple(6006, "2025-11-25T15:10:30Z", record=3),
                     x.eventlog_simple(6005, "2025-11-25T15:12:00Z", record=4), x.kernel_power_41(), x.eventlog_6008())
    assert result.crashes[0].kind == "power_loss"


def test_6008_alone_is_an_unclean_shutdown() -> None:
    (crash,) = scan_of(x.eventlog_6008()).crashes
    assert crash.kind == "unclean_shutdown" and crash.time == datetime(2025, 11, 25, 15, 23, 28, tzinfo=UTC).replace(microsecond=357000)


def test_boot_loop_gives_one_report_per_restart_newest_first() -> None:
    result = scan_of(x.kernel_power_41("2025-11-25T15:33:38Z", record=1), x.kernel_power_41("2025-11-25T15:35:10Z", record=2),
                     x.kernel_power_41("2025-11-26T08:00:00Z", code=26, record=3))
    assert [c.kind for c in result.crashes] == ["bugcheck", "power_loss", "power_loss"]
    assert result.crashes[0].time > result.crashes[1].time > result.crashes[2].time
    assert len({c.key for c in result.crashes}) == 3


def test_dump_named_by_1001_gives_probable_driver_parameters_and_crash_time() -> None:
    data = build_dump(code=0x50, params=(0xFFFF840500000074, 0, CSAGENT.base + 0x35E2A, 2), triage=Triage(STANDARD_DRIVERS),
                      crashed=datetime(2024, 7, 19, 4, 10, 2, tzinfo=UTC))
    dump = DumpFinding(r"D:\copy\071924-9952-01.dmp", parse_dump(data))
    result = scan_of(x.kernel_power_41("2024-07-19T04:11:30Z", code=80),
                     x.wer_1001("2024-07-19T04:12:40Z", param1="0x00000050 (0xffff840500000074, 0x0000000000000000, "
                                "0xfffff80671465e2a, 0x0000000000000002)", dump=r"C:\Windows\Minidump\071924-9952-01.dmp"),
                     dumps=[dump])
    (crash,) = result.crashes
    assert crash.probable_module == "csagent.sys"
    assert crash.time == datetime(2024, 7, 19, 4, 10, 2, tzinfo=UTC)
    assert crash.dump_path == r"D:\copy\071924-9952-01.dmp"
    assert crash.to_json()["bugcheck_name"] == "PAGE_FAULT_IN_NONPAGED_AREA"
    assert any("probable driver csagent.sys" in e.detail for e in crash.evidence)


def test_dump_without_events_is_its_own_report_and_a_mismatched_code_is_not_attached() -> None:
    dump = DumpFinding("MEMORY.DMP", parse_dump(build_dump(code=0x133, crashed=datetime(2025, 11, 25, 15, 30, tzinfo=UTC))))
    result = scan_of(x.kernel_power_41(code=26), dumps=[dump])
    assert sorted(c.bugcheck_code for c in result.crashes) == [0x1A, 0x133]


def test_recovery_boots_from_kernel_boot_20_and_winre_servicing() -> None:
    result = scan_of(x.kernel_boot_20("2025-11-25T15:33:30Z", last_boot_good=False, record=1),
                     x.kernel_boot_20("2025-11-20T10:00:00Z", record=2),
                     x.winre_agent(4501, "2025-11-24T03:00:00Z", record=3), x.winre_agent(4502, "2025-11-23T03:00:00Z", record=4))
    boots = result.recovery.to_json()["recovery_boots"]
    assert [b["kind"] for b in boots] == ["failed_boot", "winre_servicing", "winre_servicing"]
    assert "10.0.26100.8235" in boots[1]["detail"]
    assert result.crashes == []
