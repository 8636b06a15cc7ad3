"""Windows kernel crash dumps (``PAGEDU64`` / ``PAGEDUMP``): the header, and for triage (mini) dumps the
loaded driver list and the probable faulting driver.

Layouts follow Microsoft's ``DUMP_HEADER64`` / ``DUMP_HEADER32`` and the triage header (see
docs/recovery.md). Dump files come from a crashed machine and may be cut short or damaged, so every
offset is checked against the file before it is read and any inconsistency becomes one
:class:`RingfenceError` sentence. Only the header (and, for triage dumps, the small file itself) is
read: a complete ``MEMORY.DMP`` can be many gigabytes.
"""

from __future__ import annotations

import dataclasses
import struct
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path, PureWindowsPath
from typing import cast

from app.core.foundation.errors import RingfenceError
from app.core.recovery.bugchecks import normalize_code
from app.core.recovery.timeconv import filetime_to_datetime
from app.core.text.messages import Message, translate

PAGE_FILL = 0x45474150  # "PAGE": the value of every header field Windows did not set
MACHINES = {0x8664: "x64", 0xAA64: "ARM64", 0x14C: "x86", 0x1C4: "ARM"}
DUMP_TYPES = {1: "full", 2: "kernel", 3: "header", 4: "triage", 5: "bitmap_full", 6: "bitmap_kernel", 7: "automatic",
              8: "kernel_memory", 9: "kernel_and_user_memory", 10: "complete_memory"}
TRIAGE = 4
KERNEL_MODULES = frozenset({"ntoskrnl.exe", "ntkrnlmp.exe", "ntkrnlpa.exe", "ntkrpamp.exe", "hal.dll",
                            "halmacpi.dll", "halacpi.dll"})
MAX_TRIAGE_BYTES = 64 * 1024 * 1024
MAX_DRIVERS = 8192

# Bug check parameters that Microsoft documents as a code address (1-based parameter number).
CODE_ADDRESS_PARAMETER = {0x0A: 4, 0xD1: 4, 0x50: 3, 0x7E: 2, 0x1E: 2, 0x8E: 2, 0x3B: 2, 0x116: 2}


# MajorVersion: 0xF for a released ("free") Windows build, 0xC for a checked build.
MAJOR_VERSIONS = frozenset({0x0F, 0x0C})
MAX_PROCESSORS = 4096


@dataclass(frozen=True)
class Layout:
    """Where the fields sit in one of the two header formats."""

    signature: str
    header_size: int
    word: int  # pointer size in bytes
    machines: frozenset[int]  # the machine types this header format is written for
    machine: int
    bugcheck: int
    parameters: int
    context_ip: int
    dump_type: int
    system_time: int
    triage_fields: str  # struct format of the triage header up to DriverCount
    driver_entry_size: int
    dll_base: int  # offsets inside a driver entry
    size_of_image: int


X64 = Layout("PAGEDU64", 0x2000, 8, frozenset({0x8664, 0xAA64}),
             0x30, 0x38, 0x40, 0x348 + 0xF8, 0xF98, 0xFA8, "<14I", 0x90, 0x08 + 0x30, 0x08 + 0x40)
X86 = Layout("PAGEDUMP", 0x1000, 4, frozenset({0x14C, 0x1C4}),
             0x20, 0x28, 0x2C, 0x320 + 0xB8, 0xF88, 0xFC0, "<14I", 0x4C, 0x04 + 0x18, 0x04 + 0x20)


@dataclass(frozen=True)
class DriverEntry:
    name: str  # as stored, e.g. \SystemRoot\System32\drivers\amdppm.sys
    base: int
    size: int

    @property
    def file_name(self) -> str:
        return PureWindowsPath(self.name).name or self.name

    def contains(self, address: int) -> bool:
        return self.base <= address < self.base + self.size


@dataclass(frozen=True)
class DumpInfo:
    signature: str
    machine: str
    build: int
    dump_type: str
    bugcheck_code: int | None
    parameters: tuple[int, int, int, int]
    system_time: datetime | None
    drivers: tuple[DriverEntry, ...] = ()
    probable_module: str | None = None
    probable_how: str | None = None  # how it was found: "parameter:N", "instruction_pointer" or "stack"

    @property
    def probable_reason(self) -> str | None:
        """How the probable module was found, in English (the CLI's words; the console uses its messages)."""
        if self.probable_how is None:
            return None
        kind, _, number = self.probable_how.partition(":")
        return {"parameter": f"bug check parameter {number} points into it",
                "instruction_pointer": "the crashed thread's instruction pointer is inside it",
                "stack": "its code is on the crashed thread's stack"}[kind]

    @property
    def parameter_width(self) -> int:
        return 16 if self.signature == "PAGEDU64" else 8


class _Reader:
    """Bounds-checked little-endian reads from the dump bytes."""

    def __init__(self, data: bytes, name: str) -> None:
        self.data, self.name = data, name

    def unpack(self, fmt: str, offset: int) -> tuple[int, ...]:
        size = struct.calcsize(fmt)
        if offset < 0 or offset + size > len(self.data):
            raise RingfenceError(translate("Recovery", "The crash dump %1 is incomplete or damaged (a field points past "
                                                       "its end at byte %2); Windows may not have finished writing it.")
                                 .arg(self.name, offset))
        return struct.unpack_from(fmt, self.data, offset)

    def u32(self, offset: int) -> int:
        return self.unpack("<I", offset)[0]

    def word(self, offset: int, size: int) -> int:
        return self.unpack("<Q" if size == 8 else "<I", offset)[0]


def parse_dump(data: bytes, name: str = "file") -> DumpInfo:
    """Parse a kernel crash dump held in ``data`` (the whole file for triage dumps, else at least the header)."""
    if len(data) < 8:
        raise RingfenceError(translate("Recovery", "The file %1 is too short to be a Windows crash dump.").arg(name))
    magic = data[:8]
    if magic[:4] == b"MDMP":
        raise RingfenceError(translate("Recovery", "The file %1 is an application crash dump, not a Windows stop-code "
                                                   "(kernel) dump.").arg(name))
    if magic == b"PAGEDU64":
        layout = X64
    elif magic == b"PAGEDUMP":
        layout = X86
    else:
        raise RingfenceError(translate("Recovery", "The file %1 is not a Windows kernel crash dump (it does not start "
                                                   "with PAGEDU64 or PAGEDUMP).").arg(name))
    if len(data) < layout.header_size:
        raise RingfenceError(translate("Recovery", "The crash dump %1 is incomplete: it ends after %2 bytes, inside its "
                                                   "%3-byte header.").arg(name, len(data), layout.header_size))
    reader = _Reader(data, name)
    build = reader.u32(0x0C)
    machine_code = reader.u32(layout.machine)
    code = reader.u32(layout.bugcheck)
    params = tuple(reader.word(layout.parameters + i * layout.word, layout.word) for i in range(4))
    type_code = reader.u32(layout.dump_type)
    _check_header(reader, layout, build, machine_code, type_code)
    system_time = filetime_to_datetime(reader.unpack("<Q", layout.system_time)[0])
    info = DumpInfo(
        signature=layout.signature,
        machine=MACHINES.get(machine_code, f"0x{machine_code:04X}"),
        build=build,
        dump_type=DUMP_TYPES.get(type_code, "unknown"),
        bugcheck_code=None if code == PAGE_FILL else code,
        parameters=params,  # type: ignore[arg-type]
        system_time=system_time,
    )
    if type_code != TRIAGE:
        return info
    drivers = _drivers(reader, layout)
    module, reason = _probable_module(reader, layout, info, drivers)
    return dataclasses.replace(info, drivers=drivers, probable_module=module, probable_how=reason)


def _unreadable(name: str, why: Message) -> RingfenceError:
    return RingfenceError(translate("Recovery", "The file %1 is not a readable Windows crash dump: %2.").arg(name, why))


def _damaged(name: str, why: Message) -> RingfenceError:
    return RingfenceError(translate("Recovery", "The crash dump %1 is damaged: %2.").arg(name, why))


def _check_header(reader: _Reader, layout: Layout, build: int, machine: int, type_code: int) -> None:
    """Refuse a signature followed by garbage: every field a stop-code report rests on must be plausible."""
    major = reader.u32(0x08)
    if major not in MAJOR_VERSIONS:
        raise _unreadable(reader.name, translate("Recovery", "its header has an unknown major version (0x%1)").arg(f"{major:X}"))
    if not 1000 <= build <= 0xFFFF:
        raise _unreadable(reader.name, translate("Recovery", "its header names no plausible Windows build (%1)").arg(build))
    if machine not in layout.machines:
        raise _unreadable(reader.name, translate("Recovery", "its header names an unknown processor type (0x%1)")
                          .arg(f"{machine:X}"))
    processors = reader.u32(layout.machine + 4)
    if not 1 <= processors <= MAX_PROCESSORS:
        raise _unreadable(reader.name, translate("Recovery", "its header claims %1 processors").arg(processors))
    if type_code not in DUMP_TYPES:
        raise _unreadable(reader.name, translate("Recovery", "its header has an unknown dump type (%1)").arg(type_code))


def _drivers(reader: _Reader, layout: Layout) -> tuple[DriverEntry, ...]:
    base = layout.header_size
    fields = reader.unpack(layout.triage_fields, base)
    size_of_dump, valid_offset = fields[1], fields[2]
    driver_list, driver_count = fields[12], fields[13]
    if size_of_dump > len(reader.data):
        raise RingfenceError(translate("Recovery", "The crash dump %1 is incomplete: it says it is %2 bytes long but "
                                                   "only %3 bytes are there.").arg(reader.name, size_of_dump, len(reader.data)))
    end = len(reader.data)
    if not all(base <= offset <= end for offset in (valid_offset, driver_list, fields[10])):
        raise _unreadable(reader.name, translate("Recovery", "its triage section points outside the file"))
    if reader.unpack("4s", valid_offset)[0] != b"TRGD":
        raise _damaged(reader.name, translate("Recovery", "its triage section has no valid marker"))
    if driver_count > MAX_DRIVERS:
        raise _damaged(reader.name, translate("Recovery", "it claims %1 loaded drivers").arg(driver_count))
    drivers = []
    for index in range(driver_count):
        entry = driver_list + index * layout.driver_entry_size
        name_offset = reader.u32(entry)
        dll_base = reader.word(entry + layout.dll_base, layout.word)
        size = reader.u32(entry + layout.size_of_image)
        drivers.append(DriverEntry(_dump_string(reader, name_offset), dll_base, size))
    return tuple(drivers)


def _dump_string(reader: _Reader, offset: int) -> str:
    """A ``DUMP_STRING``: u32 length in UTF-16 units, then the characters."""
    length = reader.u32(offset)
    if length > 1024:
        raise _damaged(reader.name, translate("Recovery", "a driver name claims %1 characters").arg(length))
    raw = cast(bytes, reader.unpack(f"{length * 2}s", offset + 4)[0])  # an "Ns" field unpacks to bytes
    return raw.decode("utf-16-le", errors="replace")


def _probable_module(reader: _Reader, layout: Layout, info: DumpInfo,
                     drivers: tuple[DriverEntry, ...]) -> tuple[str | None, str | None]:
    """The reference method: documented code-address parameter, else context instruction pointer, else stack scan."""
    if not drivers:
        return None, None
    if info.bugcheck_code is not None:
        number = CODE_ADDRESS_PARAMETER.get(normalize_code(info.bugcheck_code))
        if number is not None:
            hit = _owner(drivers, info.parameters[number - 1])
            if hit:
                return hit.file_name, f"parameter:{number}"
    hit = _owner(drivers, reader.word(layout.context_ip, layout.word))
    if hit:
        return hit.file_name, "instruction_pointer"
    fields = reader.unpack(layout.triage_fields, layout.header_size)
    stack, stack_size = fields[10], min(fields[11], 0x10000)
    for offset in range(stack, stack + stack_size - layout.word + 1, layout.word):
        if offset + layout.word > len(reader.data):
            break
        hit = _owner(drivers, reader.word(offset, layout.word))
        if hit and hit.file_name.lower() not in KERNEL_MODULES:
            return hit.file_name, "stack"
    return None, None


def _owner(drivers: tuple[DriverEntry, ...], address: int) -> DriverEntry | None:
    for driver in drivers:
        if driver.size and driver.contains(address):
            return driver
    return None


def read_dump_file(path: Path) -> DumpInfo:
    """Read just enough of ``path`` (header, or the whole triage dump) and parse it."""
    try:
        with path.open("rb") as handle:
            head = handle.read(X64.header_size + 0x100)
            data = head
            if len(head) >= 0xF9C and head[:8] in (b"PAGEDU64", b"PAGEDUMP"):
                layout = X64 if head[:8] == b"PAGEDU64" else X86
                if struct.unpack_from("<I", head, layout.dump_type)[0] == TRIAGE:
                    data = head + handle.read(MAX_TRIAGE_BYTES - len(head))
    except PermissionError as exc:
        raise RingfenceError(translate("Recovery", "Ringfence has no permission to read the crash dump %1; run it as an "
                                                   "administrator to include it.").arg(str(path))) from exc
    except OSError as exc:
        raise RingfenceError(translate("Recovery", "The crash dump %1 cannot be read (%2).")
                             .arg(str(path), exc.strerror or str(exc))) from exc
    return parse_dump(data, str(path))
