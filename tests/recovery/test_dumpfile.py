"""Kernel crash dump headers and triage driver lists, built from the documented layouts."""

from __future__ import annotations

import os
import random
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.core.foundation.errors import RingfenceError
from app.core.recovery.dumpfile import parse_dump, read_dump_file
from tests.recovery.dumps import AMDPPM, CSAGENT, HAL, KERNEL, STANDARD_DRIVERS, TCPIP, Driver, Triage, build_dump

CRASHED = datetime(2025, 11, 25, 15, 23, 28, tzinfo=UTC)


def test_x64_full_dump_header() -> None:
    params = (0x3600, 0xFFFFFE7F3F9FC000, 0x0A000002D51CD867, 0x0A00000200000021)
    info = parse_dump(build_dump(bits=64, code=0x1A, params=params, build=22631, dump_type=1))
    assert info.signature == "PAGEDU64"
    assert info.machine == "x64"
    assert info.build == 22631
    assert info.dump_type == "full"
    assert info.bugcheck_code == 0x1A
    assert info.parameters == params
    assert info.system_time == CRASHED
    assert info.drivers == () and info.probable_module is None


def test_x86_full_dump_header() -> None:
    params = (0x8, 0x2, 0x0, 0x804F5F8C)
    info = parse_dump(build_dump(bits=32, code=0x0A, params=params, build=2600, dump_type=2,
                                 crashed=datetime(2009, 3, 1, 8, 0, 1, tzinfo=UTC)))
    assert (info.signature, info.machine, info.build, info.dump_type) == ("PAGEDUMP", "x86", 2600, "kernel")
    assert info.bugcheck_code == 0x0A and info.parameters == params
    assert info.system_time == datetime(2009, 3, 1, 8, 0, 1, tzinfo=UTC)
    assert info.parameter_width == 8


def test_arm64_and_unset_fields() -> None:
    data = bytearray(build_dump(machine=0xAA64, crashed=None))
    data[0x38:0x3C] = b"PAGE"  # BugCheckCode never written
    info = parse_dump(bytes(data))
    assert info.machine == "ARM64"
    assert info.bugcheck_code is None and info.system_time is None


def test_triage_x64_driver_list_and_documented_code_address() -> None:
    """0x50: parameter 3 is the address that referenced memory; it lies inside csagent.sys."""
    inside = CSAGENT.base + 0x35E2A
    data = build_dump(code=0x50, params=(0xFFFF840500000074, 0, inside, 2), triage=Triage(STANDARD_DRIVERS))
    info = parse_dump(data)
    assert info.dump_type == "triage"
    assert [d.file_name for d in info.drivers] == ["ntoskrnl.exe", "hal.dll", "amdppm.sys", "csagent.sys", "tcpip.sys"]
    assert info.drivers[3].base == CSAGENT.base and info.drivers[3].size == CSAGENT.size
    assert info.probable_module == "csagent.sys"
    assert "parameter 3" in (info.probable_reason or "")


def test_triage_uses_context_instruction_pointer_when_parameter_is_no_code_address() -> None:
    """0x1000007E ("_M" twin of 0x7E): parameter 2 is 0 here, so the context RIP decides."""
    data = build_dump(code=0x1000007E, params=(0xC0000005, 0, 0xFFFFD00012345678, 0),
                      context_ip=AMDPPM.base + 0x1234, triage=Triage(STANDARD_DRIVERS))
    info = parse_dump(data)
    assert info.probable_module == "amdppm.sys"
    assert "instruction pointer" in (info.probable_reason or "")


def test_triage_stack_scan_skips_the_kernel() -> None:
    stack = [0x1, KERNEL.base + 0x500, HAL.base + 0x20, TCPIP.base + 0x4000, AMDPPM.base + 0x10]
    info = parse_dump(build_dump(code=0xEF, params=(0xFFFF0000, 0, 0, 0), triage=Triage(STANDARD_DRIVERS, stack)))
    assert info.probable_module == "tcpip.sys"
    assert "stack" in (info.probable_reason or "")


def test_triage_without_any_address_in_a_driver_has_no_probable_module() -> None:
    info = parse_dump(build_dump(code=0xEF, params=(1, 2, 3, 4), triage=Triage(STANDARD_DRIVERS, [5, 6, 7])))
    assert info.probable_module is None
    assert len(info.drivers) == 5


def test_triage_x86_driver_list() -> None:
    driver = Driver(r"\SystemRoot\system32\DRIVERS\e1g60i32.sys", 0xF7A10000, 0x20000)
    kernel = Driver(r"\WINDOWS\system32\ntkrnlpa.exe", 0x804D7000, 0x1F8000)
    info = parse_dump(build_dump(bits=32, code=0xD1, params=(0x10, 2, 0, 0xF7A12345), triage=Triage([kernel, driver])))
    assert info.signature == "PAGEDUMP" and info.dump_type == "triage"
    assert [d.file_name for d in info.drivers] == ["ntkrnlpa.exe", "e1g60i32.sys"]
    assert info.probable_module == "e1g60i32.sys"


@pytest.mark.parametrize("cut", [0, 4, 8, 0x100, 0x1FFF])
def test_truncated_headers_fail_cleanly(cut: int) -> None:
    with pytest.raises(RingfenceError) as caught:
        parse_dump(build_dump()[:cut], "x.dmp")
    assert "x.dmp" in caught.value.message


def test_truncated_triage_fails_cleanly() -> None:
    data = build_dump(code=0x50, params=(0, 0, CSAGENT.base, 0), triage=Triage(STANDARD_DRIVERS, [1, 2]))
    for cut in (0x2004, 0x2080, 0x2100 + 0x90 * 2, len(data) - 1):
        with pytest.raises(RingfenceError, match=r"incomplete|damaged"):
            parse_dump(data[:cut], "mini.dmp")


def test_triage_with_a_driver_name_out_of_bounds_is_damaged() -> None:
    data = bytearray(build_dump(triage=Triage([CSAGENT])))
    data[0x2100:0x2104] = (len(data) + 0x1000).to_bytes(4, "little")  # DriverNameOffset past the end
    with pytest.raises(RingfenceError, match=r"incomplete|damaged"):
        parse_dump(bytes(data))


def test_triage_without_valid_marker_is_damaged() -> None:
    data = bytearray(build_dump(triage=Triage([CSAGENT])))
    data[-4:] = b"XXXX"
    with pytest.raises(RingfenceError, match="damaged"):
        parse_dump(bytes(data))


def test_empty_random_and_user_mode_files_fail_cleanly(tmp_path: Path) -> None:
    rng = random.Random(5)
    cases = {"empty.dmp": b"", "random.dmp": bytes(rng.randrange(256) for _ in range(70000)),
             "app.dmp": b"MDMP\x93\xa7" + bytes(5000), "text.dmp": b"hello world\n" * 100}
    for name, content in cases.items():
        path = tmp_path / name
        path.write_bytes(content)
        with pytest.raises(RingfenceError) as caught:
            read_dump_file(path)
        assert name in caught.value.message
    assert "application crash dump" in _message(read_dump_file, tmp_path / "app.dmp")


def test_read_dump_file_reads_the_whole_triage_dump_but_only_the_header_of_a_full_one(tmp_path: Path) -> None:
    mini = tmp_path / "112525-11781-01.dmp"
    mini.write_bytes(build_dump(code=0xD1, params=(0, 2, 0, AMDPPM.base + 8), triage=Triage(STANDARD_DRIVERS)))
    assert read_dump_file(mini).probable_module == "amdppm.sys"
    full = tmp_path / "MEMORY.DMP"
    full.write_bytes(build_dump(code=0x1A) + os.urandom(3 * 1024 * 1024))
    assert read_dump_file(full).bugcheck_code == 0x1A


def _message(func: object, *args: object) -> str:
    try:
        func(*args)  # type: ignore[operator]
    except RingfenceError as exc:
        return exc.message
    raise AssertionError("no error raised")


@pytest.mark.parametrize(("bits", "seed"), [(64, 1), (64, 2), (32, 3)])
def test_a_signature_followed_by_garbage_is_not_a_readable_dump(bits: int, seed: int) -> None:
    rng = random.Random(seed)
    signature = b"PAGEDU64" if bits == 64 else b"PAGEDUMP"
    data = signature + bytes(rng.randrange(256) for _ in range(0x2000 + 0x400))
    with pytest.raises(RingfenceError, match="is not a readable Windows crash dump") as caught:
        parse_dump(data, "garbage.dmp")
    assert "garbage.dmp" in caught.value.message


@pytest.mark.parametrize(("offset", "value", "why"), [
    (0x08, 7, "unknown major version (0x7)"),
    (0x0C, 12, "no plausible Windows build (12)"),
    (0x30, 0x1234, "unknown processor type (0x1234)"),
    (0x34, 0, "claims 0 processors"),
    (0xF98, 99, "unknown dump type (99)"),
])
def test_each_implausible_header_field_is_named(offset: int, value: int, why: str) -> None:
    data = bytearray(build_dump())
    data[offset:offset + 4] = value.to_bytes(4, "little")
    with pytest.raises(RingfenceError, match=r"not a readable Windows crash dump") as caught:
        parse_dump(bytes(data), "x.dmp")
    assert why in caught.value.message


def test_an_x86_header_naming_an_x64_processor_is_refused() -> None:
    with pytest.raises(RingfenceError, match="unknown processor type"):
        parse_dump(build_dump(bits=32, machine=0x8664))


def test_triage_offsets_inside_the_header_are_refused() -> None:
    data = bytearray(build_dump(triage=Triage([CSAGENT])))
    data[0x2000 + 4 * 12:0x2000 + 4 * 13] = (0x100).to_bytes(4, "little")  # DriverListOffset into the header
    with pytest.raises(RingfenceError, match="points outside the file"):
        parse_dump(bytes(data))
