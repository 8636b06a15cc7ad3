"""Linux: pstore Panic/Oops records, systemd-pstore copies, kdump dmesg, and an unclean previous boot."""

from __future__ import annotations

import json
import os
import struct
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from app.core.recovery.correlate import correlate
from app.core.recovery.linux_live import LinuxLiveProvider
from app.core.recovery.offline import OfflineFolderProvider
from app.core.recovery.runner import CommandResult, Runner
from app.core.recovery.systemd_journal import JOURNAL_STOPPED
from app.core.text.messages import render

PANIC_PART1 = """Panic#1 Part1
<6>[  812.113201] sysrq: Trigger a crash
<0>[  812.113260] Kernel panic - not syncing: sysrq triggered crash
<4>[  812.113301] CPU: 2 PID: 1882 Comm: bash Not tainted 6.8.0-45-generic #45-Ubuntu
<4>[  812.113350] Call Trace:
<0>[  812.114020] ---[ end Kernel panic - not syncing: sysrq triggered crash ]---
"""
PANIC_PART2 = """Panic#1 Part2
<6>[  700.000001] usb 1-2: new high-speed USB device number 4 using xhci_hcd
<6>[  700.000101] usb 1-2: New USB device found
"""
OOPS_PART1 = """Oops#1 Part1
<1>[ 1503.000001] BUG: kernel NULL pointer dereference, address: 0000000000000008
<1>[ 1503.000010] #PF: supervisor read access in kernel mode
<4>[ 1503.000020] Oops: 0000 [#1] PREEMPT SMP NOPTI
<4>[ 1503.000030] RIP: 0010:nv_drm_atomic_commit+0x2a/0x1c0 [nvidia_drm]
<4>[ 1503.000040] Call Trace:
"""
SHUTDOWN_RECORD = "Shutdown#1 Part1\n<6>[ 9000.1] reboot: Power down\n"
KDUMP_DMESG = """[    0.000000] Linux version 6.8.0-45-generic (buildd@lcy02-amd64-075)
[    1.234567] systemd[1]: Started Journal Service.
[ 4040.500000] general protection fault, probably for non-canonical address 0xdead000000000122: 0000 [#1] SMP PTI
[ 4040.500100] RIP: 0010:list_del_entry_valid+0x10/0x90
[ 4040.500200] Kernel panic - not syncing: Fatal exception
"""


def touch(path: Path, text: str, when: datetime) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    os.utime(path, (when.timestamp(), when.timestamp()))
    return path


CRASH_AT = datetime(2026, 4, 18, 2, 40, 55, tzinfo=UTC)


def journal_json(boot: str, when: datetime, message_id: str | None = None) -> bytes:
    entry = {"__CURSOR": "s=1;i=2", "__REALTIME_TIMESTAMP": str(int(when.timestamp() * 1_000_000)), "_BOOT_ID": boot,
             "MESSAGE": "Journal stopped" if message_id else "something"}
    if message_id:
        entry["MESSAGE_ID"] = message_id
    return json.dumps(entry).encode() + b"\n"


def recorded_journal(stopped: bytes, last: bytes, stderr: bytes = b"", code: int = 0) -> Runner:
    calls: list[list[str]] = []

    def runner(argv: Sequence[str], to_file: bool = False) -> CommandResult:
        calls.append(list(argv))
        assert argv[:3] == ["journalctl", "-b", "-1"]
        return CommandResult(code, stopped if any(a.startswith("MESSAGE_ID=") for a in argv) else last, stderr)

    runner.calls = calls  # type: ignore[attr-defined]
    return runner


def provider(tmp_path: Path, runner: Runner) -> LinuxLiveProvider:
    return LinuxLiveProvider((tmp_path / "sys-pstore", tmp_path / "systemd-pstore"), tmp_path / "crash", runner)


def no_previous_boot_problem() -> Runner:
    return recorded_journal(journal_json("5433c648", CRASH_AT, JOURNAL_STOPPED), journal_json("5433c648", CRASH_AT))


def test_pstore_panic_parts_make_one_kernel_panic(tmp_path: Path) -> None:
    touch(tmp_path / "sys-pstore" / "dmesg-efi-177650405501001", PANIC_PART1, CRASH_AT)
    touch(tmp_path / "sys-pstore" / "dmesg-efi-177650405502001", PANIC_PART2, CRASH_AT)
    result = correlate(provider(tmp_path, no_previous_boot_problem()).collect())
    (crash,) = result.crashes
    assert crash.kind == "kernel_panic" and crash.time == CRASH_AT
    assert len(crash.evidence) == 2
    assert "Kernel panic - not syncing: sysrq triggered crash" in crash.evidence[0].detail
    assert "Panic#1" in crash.evidence[0].detail
    assert crash.bugcheck_code is None and crash.to_json()["parameters"] is None


def test_pstore_oops_names_the_module_and_shutdown_records_are_not_crashes(tmp_path: Path) -> None:
    touch(tmp_path / "sys-pstore" / "dmesg-ramoops-0", OOPS_PART1, CRASH_AT)
    touch(tmp_path / "sys-pstore" / "dmesg-ramoops-1", SHUTDOWN_RECORD, datetime(2026, 4, 1, tzinfo=UTC))
    (crash,) = correlate(provider(tmp_path, no_previous_boot_problem()).collect()).crashes
    assert crash.kind == "oops" and crash.probable_module == "nvidia_drm"
    assert "BUG: kernel NULL pointer dereference" in crash.evidence[0].detail


def test_systemd_pstore_layout_with_reassembled_dmesg_txt(tmp_path: Path) -> None:
    folder = tmp_path / "systemd-pstore" / "1776504055" / "001"
    touch(folder / "dmesg-efi_pstore-177650405501001", PANIC_PART1, CRASH_AT)
    touch(folder / "dmesg.txt", PANIC_PART1 + PANIC_PART2, CRASH_AT)
    (crash,) = correlate(provider(tmp_path, no_previous_boot_problem()).collect()).crashes
    assert crash.kind == "kernel_panic" and len(crash.evidence) == 2


def test_kdump_dmesg_with_its_dump(tmp_path: Path) -> None:
    stamp = tmp_path / "crash" / "202601210724"
    touch(stamp / "dmesg.202601210724", KDUMP_DMESG, datetime(2026, 1, 21, 7, 24, 30, tzinfo=UTC))
    touch(stamp / "dump.202601210724", "not really a vmcore", datetime(2026, 1, 21, 7, 25, tzinfo=UTC))
    touch(tmp_path / "crash" / "_usr_bin_foo.1000.crash", "ProblemType: Crash\n", CRASH_AT)  # apport: not kernel
    (crash,) = correlate(provider(tmp_path, no_previous_boot_problem()).collect()).crashes
    assert crash.kind == "kernel_panic"
    assert crash.dump_path == str(stamp / "dump.202601210724")
    assert "Fatal exception" in crash.evidence[0].detail


def test_previous_boot_without_journal_stopped_is_an_unclean_shutdown(tmp_path: Path) -> None:
    runner = recorded_journal(b"", journal_json("5433c64802034ccea6df64d3ce18f481", CRASH_AT))
    (crash,) = correlate(provider(tmp_path, runner).collect()).crashes
    assert crash.kind == "unclean_shutdown" and crash.time == CRASH_AT
    assert render(crash.evidence[0].source) == "The system journal of the previous boot"
    assert "Journal stopped" in crash.evidence[0].detail
    assert {tuple(c) for c in runner.calls} == {
        ("journalctl", "-b", "-1", "-o", "json", "--no-pager", f"MESSAGE_ID={JOURNAL_STOPPED}"),
        ("journalctl", "-b", "-1", "-o", "json", "--no-pager", "-n", "1")}


def test_clean_previous_boot_reports_nothing(tmp_path: Path) -> None:
    result = correlate(provider(tmp_path, no_previous_boot_problem()).collect())
    assert result.crashes == [] and result.notes == []
    assert result.recovery.platform == "linux"


def test_unclean_boot_explained_by_a_pstore_panic_is_one_report(tmp_path: Path) -> None:
    touch(tmp_path / "sys-pstore" / "dmesg-efi-1", PANIC_PART1, CRASH_AT)
    runner = recorded_journal(b"", journal_json("5433c648", CRASH_AT.replace(second=40)))
    (crash,) = correlate(provider(tmp_path, runner).collect()).crashes
    assert crash.kind == "kernel_panic"
    assert render(crash.evidence[-1].source) == "The system journal of the previous boot"


def test_journal_without_permission_or_history_is_a_note_not_a_crash(tmp_path: Path) -> None:
    hint = b"Hint: You are currently not seeing messages from other users and the system.\n"
    result = correlate(provider(tmp_path, recorded_journal(b"", journal_json("b", CRASH_AT), stderr=hint)).collect())
    assert result.crashes == [] and "permission" in str(result.notes[0])
    missing = recorded_journal(b"", b"", stderr=b"Data from the specified boot (-1) is not available: No such boot ID in journal\n",
                               code=1)
    result = correlate(provider(tmp_path, missing).collect())
    assert result.crashes == [] and "no record of the previous boot" in str(result.notes[0])


def _export_entry(fields: dict[str, str | bytes]) -> bytes:
    out = b""
    for key, value in fields.items():
        if isinstance(value, bytes):
            out += key.encode() + b"\n" + struct.pack("<Q", len(value)) + value + b"\n"
        else:
            out += f"{key}={value}\n".encode()
    return out + b"\n"


def test_offline_journal_export_format_with_binary_fields(tmp_path: Path) -> None:
    def micros(moment: datetime) -> str:
        return str(int(moment.timestamp() * 1_000_000))

    crashed, clean = "11111111111111111111111111111111", "22222222222222222222222222222222"
    export = b"".join([
        _export_entry({"__CURSOR": "s=a;i=1", "__REALTIME_TIMESTAMP": micros(datetime(2026, 4, 18, 2, 38, 53, tzinfo=UTC)),
                       "_BOOT_ID": crashed, "MESSAGE": b"binary \x00\x01 message"}),
        _export_entry({"__CURSOR": "s=a;i=2", "__REALTIME_TIMESTAMP": micros(CRASH_AT), "_BOOT_ID": crashed, "MESSAGE": "last words"}),
        _export_entry({"__CURSOR": "s=a;i=3", "__REALTIME_TIMESTAMP": micros(datetime(2026, 4, 18, 2, 41, 9, tzinfo=UTC)),
                       "_BOOT_ID": clean, "MESSAGE": "boot"}),
        _export_entry({"__CURSOR": "s=a;i=4", "__REALTIME_TIMESTAMP": micros(datetime(2026, 4, 18, 2, 43, 14, tzinfo=UTC)),
                       "_BOOT_ID": clean, "MESSAGE_ID": JOURNAL_STOPPED, "MESSAGE": "Journal stopped"}),
    ])
    (tmp_path / "prev-boot").write_bytes(export)
    result = correlate(OfflineFolderProvider(tmp_path).collect())
    (crash,) = result.crashes
    assert crash.kind == "unclean_shutdown" and crash.time == CRASH_AT
    assert result.recovery.platform == "linux"
