"""The Windows live provider run against recorded outputs through its injectable command runner."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.core.foundation.errors import RingfenceError
from app.core.recovery import windows_events as ev
from app.core.recovery.correlate import correlate
from app.core.recovery.providers import LIVE_PROVIDERS, live_provider
from app.core.recovery.runner import CommandResult
from app.core.recovery.windows_live import WindowsLiveProvider, decode_output, event_queries
from tests.recovery import eventxml as x
from tests.recovery import recorded as r
from tests.recovery.dumps import AMDPPM, STANDARD_DRIVERS, Triage, build_dump

MINIDUMP = "112525-11781-01.dmp"
SYSTEM_LOG = {
    ev.KERNEL_POWER: x.kernel_power_41(code=209, params=("0x0", "0x2", "0x0", hex(AMDPPM.base + 0x99))),
    ev.EVENTLOG: x.eventlog_6008(),
    ev.WER: x.wer_1001(param1=f"0x000000d1 (0x0000000000000000, 0x0000000000000002, 0x0000000000000000, {AMDPPM.base + 0x99:#018x})",
                       dump=rf"C:\Windows\Minidump\{MINIDUMP}"),
    ev.KERNEL_BOOT: x.kernel_boot_20("2025-11-25T15:33:30Z", last_boot_good=False),
}


class RecordedWindows:
    """Answers each command with what a Windows 11 24H2 PC printed (UTF-16 for reagentc /info, as when redirected)."""

    def __init__(self, *, wevtutil_code: int = 0, reagentc_pipe_fails: bool = False, reagentc_denied: bool = False) -> None:
        self.calls: list[tuple[tuple[str, ...], bool]] = []
        self.wevtutil_code, self.pipe_fails, self.denied = wevtutil_code, reagentc_pipe_fails, reagentc_denied

    def __call__(self, argv: Sequence[str], to_file: bool = False) -> CommandResult:
        self.calls.append((tuple(argv), to_file))
        if argv[0] == "wevtutil":
            if self.wevtutil_code:
                return CommandResult(self.wevtutil_code, b"", b"Failed to read events. Access is denied.\r\n")
            provider = argv[3].split("'")[1]
            stream = x.wevtutil_stream(SYSTEM_LOG[provider]) if provider in SYSTEM_LOG else ""
            return CommandResult(0, stream.encode("utf-8"))
        if self.denied:
            return CommandResult(5, b"REAGENTC.EXE: Operation failed: 5\r\n")
        if argv[1] == "/info":
            return CommandResult(0, r.INFO_24H2.replace("\n", "\r\n").encode("utf-16"))
        if self.pipe_fails and not to_file:
            return CommandResult(87, r.OPERATION_FAILED.encode())
        return CommandResult(0, r.GETRECOVERYSETTINGS.replace("\n", "\r\n").encode("utf-8"))


def windows(tmp_path: Path, runner: RecordedWindows) -> WindowsLiveProvider:
    minidumps = tmp_path / "Minidump"
    minidumps.mkdir(exist_ok=True)
    (minidumps / MINIDUMP).write_bytes(build_dump(code=0xD1, params=(0, 2, 0, AMDPPM.base + 0x99), triage=Triage(STANDARD_DRIVERS),
                                                  crashed=datetime(2025, 11, 25, 15, 23, 27, tzinfo=UTC)))
    (minidumps / "broken.dmp").write_bytes(b"PAGEDU64" + bytes(100))
    control = {"MinidumpDir": str(minidumps), "DumpFile": str(tmp_path / "MEMORY.DMP")}
    return WindowsLiveProvider(runner, lambda: control, lambda: False, system_root=tmp_path)


def test_recorded_windows_outputs_give_the_crash_card_and_recovery_state(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    runner = RecordedWindows()
    with caplog.at_level(logging.DEBUG):
        result = correlate(windows(tmp_path, runner).collect())
    (crash,) = result.crashes
    assert crash.kind == "bugcheck" and crash.bugcheck_name == "DRIVER_IRQL_NOT_LESS_OR_EQUAL"
    assert crash.probable_module == "amdppm.sys"
    assert crash.dump_path == str(tmp_path / "Minidump" / MINIDUMP)
    assert crash.time == datetime(2025, 11, 25, 15, 23, 27, tzinfo=UTC)
    state = result.recovery.to_json()
    assert state["platform"] == "windows" and state["winre_enabled"] is True
    assert state["winre_version"] == "10.0.26100.8235"
    assert (state["qmr_cloud_remediation"], state["qmr_auto_remediation"]) == (True, True)
    assert (state["qmr_total_wait_minutes"], state["qmr_retry_interval_minutes"]) == (2400, 120)
    assert [b["kind"] for b in state["recovery_boots"]] == ["failed_boot"]
    assert [str(n) for n in result.notes if "broken.dmp" in str(n)]  # the damaged dump is a note, not a failure
    assert r.WIFI_PASSWORD not in repr(result) and r.WIFI_PASSWORD not in caplog.text
    queries = [call[0] for call in runner.calls if call[0][0] == "wevtutil"]
    assert all(q[1:3] == ("qe", "System") and "/f:xml" in q and "/rd:true" in q for q in queries)
    assert len(queries) == len(event_queries())


def test_getrecoverysettings_is_retried_through_a_file_when_the_pipe_fails(tmp_path: Path) -> None:
    runner = RecordedWindows(reagentc_pipe_fails=True)
    result = correlate(windows(tmp_path, runner).collect())
    assert ((("reagentc", "/getrecoverysettings"), True)) in runner.calls
    assert result.recovery.qmr_auto_remediation is True


def test_without_rights_the_report_says_so_instead_of_failing(tmp_path: Path) -> None:
    result = correlate(windows(tmp_path, RecordedWindows(wevtutil_code=5, reagentc_denied=True)).collect())
    texts = [str(n) for n in result.notes]
    assert any("no permission to read the System event log" in t for t in texts)
    assert any("administrator rights" in t for t in texts)
    state = result.recovery
    assert (state.winre_enabled, state.qmr_cloud_remediation, state.qmr_total_wait_minutes) == (None, None, None)
    assert [c.bugcheck_code for c in result.crashes] == [0xD1]  # the readable minidump still counts


def test_a_missing_tool_is_a_note(tmp_path: Path) -> None:
    def runner(argv: Sequence[str], to_file: bool = False) -> CommandResult:
        raise FileNotFoundError(2, "The system cannot find the file specified", argv[0])

    findings = WindowsLiveProvider(runner, dict, lambda: True, system_root=tmp_path).collect()
    assert any("wevtutil" in str(n) for n in findings.notes) and any("reagentc" in str(n) for n in findings.notes)


def test_console_output_decoding() -> None:
    assert decode_output("Windows RE status: Etkin".encode("utf-16")) == "Windows RE status: Etkin"
    assert decode_output(b"\xef\xbb\xbfok") == "ok"
    assert decode_output(b"Stare Windows RE: Activat \xe2") .startswith("Stare")


def test_the_platform_is_chosen_in_one_place() -> None:
    assert set(LIVE_PROVIDERS) == {"win32", "linux"}
    assert isinstance(live_provider("win32"), WindowsLiveProvider)
    assert type(live_provider("linux")).__name__ == "LinuxLiveProvider"
    with pytest.raises(RingfenceError, match="copy its logs into a folder"):
        live_provider("darwin")
