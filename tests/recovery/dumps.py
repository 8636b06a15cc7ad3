"""Windows kernel crash dumps built byte by byte from the documented layouts (DUMP_HEADER64 / DUMP_HEADER32
and the triage header with its driver list), so the parser is checked against the layout, not itself."""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from datetime import UTC, datetime

FILETIME_EPOCH = datetime(1601, 1, 1, tzinfo=UTC)


def filetime(moment: datetime) -> int:
    delta = moment - FILETIME_EPOCH
    return (delta.days * 86400 + delta.seconds) * 10_000_000 + delta.microseconds * 10


@dataclass
class Driver:
    name: str
    base: int
    size: int


@dataclass
class Triage:
    drivers: list[Driver] = field(default_factory=list)
    stack: list[int] = field(default_factory=list)


def build_dump(*, bits: int = 64, code: int = 0x1A, params: tuple[int, int, int, int] = (0x3600, 0, 0, 0),
               build: int = 22631, machine: int | None = None, dump_type: int = 1,
               crashed: datetime | None = datetime(2025, 11, 25, 15, 23, 28, tzinfo=UTC), context_ip: int = 0,
               triage: Triage | None = None) -> bytes:
    """A dump header (plus a triage section when ``triage`` is given, which also sets DumpType 4)."""
    x64 = bits == 64
    header_size = 0x2000 if x64 else 0x1000
    data = bytearray(b"PAGE" * (header_size // 4))
    data[0:8] = b"PAGEDU64" if x64 else b"PAGEDUMP"
    struct.pack_into("<II", data, 0x08, 15, build)  # MajorVersion, MinorVersion (= build)
    if triage is not None:
        dump_type = 4
    if x64:
        struct.pack_into("<II", data, 0x30, machine or 0x8664, 8)  # MachineImageType, NumberProcessors
        struct.pack_into("<II", data, 0x38, code, 0)
        struct.pack_into("<4Q", data, 0x40, *params)
        struct.pack_into("<Q", data, 0x348 + 0xF8, context_ip)  # ContextRecord.Rip
        struct.pack_into("<I", data, 0xF98, dump_type)
        struct.pack_into("<Q", data, 0xFA8, filetime(crashed) if crashed else 0)
    else:
        struct.pack_into("<II", data, 0x20, machine or 0x14C, 2)
        struct.pack_into("<I", data, 0x28, code)
        struct.pack_into("<4I", data, 0x2C, *params)
        struct.pack_into("<I", data, 0x320 + 0xB8, context_ip)  # ContextRecord.Eip
        struct.pack_into("<I", data, 0xF88, dump_type)
        struct.pack_into("<Q", data, 0xFC0, filetime(crashed) if crashed else 0)
    if triage is not None:
        data += _triage_section(header_size, x64, triage)
    return bytes(data)


def _triage_section(start: int, x64: bool, triage: Triage) -> bytes:
    """Triage header at the end of the dump header, then driver list, string pool, call stack, TRGD marker.
    Every *Offset field is an absolute file offset."""
    entry_size = 0x90 if x64 else 0x4C
    driver_list = start + 0x100
    pool = driver_list + entry_size * len(triage.drivers)
    strings = b""
    name_offsets = []
    for driver in triage.drivers:
        name_offsets.append(pool + len(strings))
        encoded = driver.name.encode("utf-16-le")
        strings += struct.pack("<I", len(driver.name)) + encoded + b"\0\0"
        strings += b"\0" * (-len(strings) % 8)
    stack_offset = pool + len(strings)
    stack = b"".join(struct.pack("<Q" if x64 else "<I", value) for value in triage.stack)
    valid_offset = stack_offset + len(stack)
    total = valid_offset + 4
    section = bytearray(total - start)
    fields = [0, total, valid_offset, 0, 0, 0, 0, 0, 0, 0, stack_offset, len(stack), driver_list, len(triage.drivers),
              pool, len(strings), 0, 0]
    struct.pack_into("<18I", section, 0, *fields)
    for index, driver in enumerate(triage.drivers):
        entry = driver_list - start + index * entry_size
        struct.pack_into("<I", section, entry, name_offsets[index])
        if x64:
            struct.pack_into("<Q", section, entry + 0x08 + 0x30, driver.base)  # KLDR_DATA_TABLE_ENTRY64.DllBase
            struct.pack_into("<I", section, entry + 0x08 + 0x40, driver.size)  # .SizeOfImage
            struct.pack_into("<I", section, entry + 0x08 + 0x80, 0x5F3A1B2C)  # .TimeDateStamp
        else:
            struct.pack_into("<I", section, entry + 0x04 + 0x18, driver.base)  # KLDR_DATA_TABLE_ENTRY32.DllBase
            struct.pack_into("<I", section, entry + 0x04 + 0x20, driver.size)  # .SizeOfImage
    section[pool - start:pool - start + len(strings)] = strings
    section[stack_offset - start:stack_offset - start + len(stack)] = stack
    section[valid_offset - start:valid_offset - start + 4] = b"TRGD"
    return bytes(section)


KERNEL = Driver(r"\SystemRoot\system32\ntoskrnl.exe", 0xFFFFF80270000000, 0x1046000)
HAL = Driver(r"\SystemRoot\system32\hal.dll", 0xFFFFF80271100000, 0x6000)
AMDPPM = Driver(r"\SystemRoot\System32\drivers\amdppm.sys", 0xFFFFF80673A00000, 0x26000)
CSAGENT = Driver(r"\SystemRoot\System32\drivers\CrowdStrike\csagent.sys", 0xFFFFF80671430000, 0x1A5000)
TCPIP = Driver(r"\SystemRoot\System32\drivers\tcpip.sys", 0xFFFFF80675000000, 0x2E0000)
STANDARD_DRIVERS = [KERNEL, HAL, AMDPPM, CSAGENT, TCPIP]
