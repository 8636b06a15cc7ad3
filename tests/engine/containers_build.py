"""Builders of real containers for the reader tests: each made by the test itself, with the standard
library, the libraries Ringfence reads them with (py7zr, pycdlib), cabarchive, Debian's ``zip``, or by
hand from the published format (RAR stored members: RARLAB's technote; OneNote: [MS-ONESTORE])."""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
import shutil
import struct
import subprocess
import sys
import tarfile
import zipfile
import zlib
from pathlib import Path

import py7zr
import pycdlib
import pytest
from backports import zstd


def zip_of(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def encrypted_zip(folder: Path, members: dict[str, bytes], password: str = "infected") -> bytes:
    """A ZipCrypto-encrypted zip, made by Debian's ``zip -P`` (the way mail attachments are made)."""
    if sys.platform == "win32" and not shutil.which("zip"):
        pytest.skip("a ZipCrypto zip is made with Debian's zip -P, which a Windows machine does not have")
    assert shutil.which("zip"), "the zip tool is installed by scripts/setup"
    source = folder / "plain"
    for name, data in members.items():
        (source / name).parent.mkdir(parents=True, exist_ok=True)
        (source / name).write_bytes(data)
    out = folder / "locked.zip"
    subprocess.run(["zip", "-q", "-r", "-P", password, str(out), *members], cwd=source, check=True, timeout=60)
    return out.read_bytes()


def tar_of(members: dict[str, bytes], compression: str = "") -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as archive:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return compress(buffer.getvalue(), compression)


def compress(data: bytes, how: str) -> bytes:
    return {"": lambda d: d, "gz": gzip.compress, "bz2": bz2.compress, "xz": lzma.compress,
            "zst": zstd.compress}[how](data)


SEVEN_ZIP_FILTERS = {
    "lzma2": [{"id": py7zr.FILTER_LZMA2}],
    "lzma": [{"id": py7zr.FILTER_LZMA}],
    "bcj": [{"id": py7zr.FILTER_X86}, {"id": py7zr.FILTER_LZMA2}],
}


def seven_zip(members: dict[str, bytes], filters: str = "lzma2", password: str | None = None,
              encrypt_names: bool = False) -> bytes:
    """A 7z archive (solid: py7zr puts every member in one block)."""
    buffer = io.BytesIO()
    chosen = None if password else SEVEN_ZIP_FILTERS[filters]
    with py7zr.SevenZipFile(buffer, "w", filters=chosen, password=password, header_encryption=encrypt_names) as archive:
        for name, data in members.items():
            archive.writestr(data, name)
    return buffer.getvalue()


def seven_zip_declaring(members: dict[str, bytes], dictionary_property: int) -> bytes:
    """A 7z archive (LZMA2, plain header) whose coder declares the dictionary ``dictionary_property``
    stands for (LZMA2's one-byte property), without the memory an encoder would need for it."""
    buffer = io.BytesIO()
    with py7zr.SevenZipFile(buffer, "w", filters=SEVEN_ZIP_FILTERS["lzma2"]) as archive:
        archive.encoded_header_mode = False
        for name, data in members.items():
            archive.writestr(data, name)
    out = bytearray(buffer.getvalue())
    offset, size, _ = struct.unpack_from("<QQI", out, 12)
    header = 32 + offset
    at = out.index(b"\x21\x01", header)  # the LZMA2 coder: its id, one byte of properties
    out[at + 2] = dictionary_property
    struct.pack_into("<I", out, 28, zlib.crc32(out[header:header + size]))
    struct.pack_into("<I", out, 8, zlib.crc32(out[12:32]))
    return bytes(out)


def iso_image(members: dict[str, bytes], udf: bool = True) -> bytes:
    """An ISO 9660 image (with Joliet and UDF 2.60 when ``udf``); folders are made as needed."""
    image = pycdlib.PyCdlib()
    image.new(interchange_level=3, joliet=3 if udf else None, udf="2.60" if udf else None)
    made: set[str] = set()
    for name, data in members.items():
        parts = name.split("/")
        for depth in range(1, len(parts)):
            folder = "/".join(parts[:depth])
            if folder not in made:
                made.add(folder)
                names = {"joliet_path": f"/{folder}", "udf_path": f"/{folder}"} if udf else {}
                image.add_directory(f"/{folder.upper()}", **names)
        names = {"joliet_path": f"/{name}", "udf_path": f"/{name}"} if udf else {}
        image.add_fp(io.BytesIO(data), len(data), f"/{name.upper()};1", **names)
    out = io.BytesIO()
    image.write_fp(out)
    image.close()
    return out.getvalue()


def cabinet(members: dict[str, bytes], compressed: bool = True) -> bytes:
    from cabarchive import CabArchive, CabFile

    archive = CabArchive()
    for name, data in members.items():
        archive[name] = CabFile(data)
    return bytes(archive.save(compress=compressed))


# -- RAR, stored members, written from RARLAB's format description --------------------------------------

def rar4(members: dict[str, bytes], encrypted: bool = False, method: int = 0x30) -> bytes:
    def block(kind: int, flags: int, body: bytes, data: bytes = b"") -> bytes:
        head = struct.pack("<BHH", kind, flags, 7 + len(body)) + body
        return struct.pack("<H", zlib.crc32(head) & 0xFFFF) + head + data

    out = bytearray(b"Rar!\x1a\x07\x00")
    out += block(0x73, 0, bytes(6))  # the archive header
    for name, data in members.items():
        raw = name.encode()
        flags = 0x8000 | (0x04 if encrypted else 0)  # data follows; encrypted with a password
        body = struct.pack("<IIBIIBBHI", len(data), len(data), 2, zlib.crc32(data), 0x5A210000, 29, method, len(raw),
                           0x20) + raw
        out += block(0x74, flags, body, data)
    out += block(0x7B, 0, b"")
    return bytes(out)


def _vint(value: int) -> bytes:
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        out.append(byte | (0x80 if value else 0))
        if not value:
            return bytes(out)


def _rar5_block(kind: int, flags: int, fields: bytes, extra: bytes = b"", data: bytes = b"") -> bytes:
    head = _vint(kind) + _vint(flags | (0x1 if extra else 0) | (0x2 if data else 0))
    if extra:
        head += _vint(len(extra))
    if data:
        head += _vint(len(data))
    head += fields + extra
    sized = _vint(len(head)) + head
    return struct.pack("<I", zlib.crc32(sized)) + sized + data


def rar5(members: dict[str, bytes], encrypted: bool = False, method: int = 0, dictionary: int = 0) -> bytes:
    """``dictionary``: the dictionary size the members declare, as 128 KB shifted left by it."""
    out = bytearray(b"Rar!\x1a\x07\x01\x00")
    out += _rar5_block(1, 0, _vint(0))  # the main archive header
    for name, data in members.items():
        raw = name.encode()
        fields = (_vint(0x4) + _vint(len(data)) + _vint(0x20) + struct.pack("<I", zlib.crc32(data))
                  + _vint(method << 7 | dictionary << 10) + _vint(0) + _vint(len(raw)) + raw)
        extra = b""
        if encrypted:  # an encryption record: AES-256, no password check value
            record = _vint(0x01) + _vint(0) + _vint(0) + bytes([15]) + bytes(16) + bytes(16)
            extra = _vint(len(record)) + record
        out += _rar5_block(2, 0, fields, extra, data)
    out += _rar5_block(5, 0, _vint(0))  # the end of the archive
    return bytes(out)


# -- OneNote ------------------------------------------------------------------------------------------

ONE_HEADER = bytes.fromhex("E4525C7B8CD8A74DAEB15378D02996D3")
FILE_DATA = bytes.fromhex("E716E3BD65261145A4C48D4D0B7A9EAC")
FILE_DATA_FOOTER = bytes.fromhex("22A7FB71790F0B4ABB13899256426B24")


def onenote(attachments: list[bytes]) -> bytes:
    """A notebook with ``attachments`` as FileDataStoreObjects ([MS-ONESTORE] §2.6.13)."""
    out = bytearray(ONE_HEADER + bytes(1024 - len(ONE_HEADER)))  # the rest of the header, then the file's body
    for data in attachments:
        out += FILE_DATA + struct.pack("<QIQ", len(data), 0, 0) + data + FILE_DATA_FOOTER
        out += bytes(-len(out) % 8)
    out += b"\x00" * 256
    return bytes(out)
