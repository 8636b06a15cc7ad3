"""What malware arrives in: every container format is recognised by its content, looked into with the
file's one budget, each member scanned under its own name, nested to any mix; password-protected
archives are reported as such, never as threats and never silently."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yara

from app.engine.archives import ArchiveLimits
from app.engine.containers import detect
from app.engine.matcher import FileResult, Matcher
from tests.engine import containers_build as build
from tests.engine.helpers import EICAR, scan_json, write

RULE = 'rule Eicar { strings: $e = "EICAR-STANDARD-ANTIVIRUS-TEST-FILE" condition: $e }\n'
MB = 1024 * 1024


def match(name: str, data: bytes, **limits: object) -> FileResult:
    engine = Matcher(yara.compile(source=RULE), {}, set(), archives=ArchiveLimits(**limits))  # type: ignore[arg-type]
    return engine.match_bytes(name, data)


def found(result: FileResult) -> set[str]:
    return {hit.path for hit in result.hits}


FORMATS: dict[str, tuple[bytes, str]] = {
    # name: (the container, the member path EICAR must be found at)
    "zip": (build.zip_of({"dir/eicar.com": EICAR}), "x!dir/eicar.com"),
    "7z-lzma2": (build.seven_zip({"a.txt": b"first", "dir/eicar.com": EICAR}), "x!dir/eicar.com"),
    "7z-lzma": (build.seven_zip({"dir/eicar.com": EICAR}, "lzma"), "x!dir/eicar.com"),
    "7z-bcj": (build.seven_zip({"dir/eicar.com": EICAR, "b.exe": b"MZ" + bytes(500)}, "bcj"), "x!dir/eicar.com"),
    "rar4": (build.rar4({"dir/eicar.com": EICAR}), "x!dir/eicar.com"),
    "rar5": (build.rar5({"dir/eicar.com": EICAR}), "x!dir/eicar.com"),
    "iso9660": (build.iso_image({"dir/eicar.com": EICAR}, udf=False), "x!DIR/EICAR.COM"),
    "iso-udf": (build.iso_image({"dir/eicar.com": EICAR}), "x!dir/eicar.com"),
    "cab-mszip": (build.cabinet({"readme.txt": b"words " * 5000, "dir\\eicar.com": EICAR}), "x!dir\\eicar.com"),
    "cab-stored": (build.cabinet({"dir\\eicar.com": EICAR}, compressed=False), "x!dir\\eicar.com"),
    "tar": (build.tar_of({"dir/eicar.com": EICAR}), "x!dir/eicar.com"),
    "tar.gz": (build.tar_of({"dir/eicar.com": EICAR}, "gz"), "x!x.content!dir/eicar.com"),
    "tar.bz2": (build.tar_of({"dir/eicar.com": EICAR}, "bz2"), "x!x.content!dir/eicar.com"),
    "tar.xz": (build.tar_of({"dir/eicar.com": EICAR}, "xz"), "x!x.content!dir/eicar.com"),
    "tar.zst": (build.tar_of({"dir/eicar.com": EICAR}, "zst"), "x!x.content!dir/eicar.com"),
    "gz": (build.compress(EICAR, "gz"), "x!x.content"),
    "bz2": (build.compress(EICAR, "bz2"), "x!x.content"),
    "xz": (build.compress(EICAR, "xz"), "x!x.content"),
    "onenote": (build.onenote([b"<html>harmless</html>", EICAR]), "x!attachment-2"),
}


@pytest.mark.parametrize("kind", FORMATS)
def test_eicar_inside_each_format_is_found_with_its_member_path(kind: str) -> None:
    data, where = FORMATS[kind]
    result = match("x", data)  # no extension: recognised by content alone
    assert where in found(result), (result.hits, result.incomplete, result.errors)
    assert not result.incomplete and not result.errors


def test_compressed_streams_take_their_name_from_the_file() -> None:
    assert "photos.tar.gz!photos.tar!dir/eicar.com" in found(match("photos.tar.gz", FORMATS["tar.gz"][0]))
    assert "notes.txt.xz!notes.txt" in found(match("notes.txt.xz", FORMATS["xz"][0]))


def test_zip_in_7z_in_iso_is_found_with_its_full_path() -> None:
    inner = build.zip_of({"payload/eicar.com": EICAR})
    middle = build.seven_zip({"docs/readme.txt": b"read me", "inner.zip": inner})
    image = build.iso_image({"setup/middle.7z": middle, "autorun.inf": b"[autorun]\r\n"})
    result = match("outer.iso", image)
    assert found(result) == {"outer.iso!setup/middle.7z!inner.zip!payload/eicar.com"}
    assert not result.incomplete


ENCRYPTED = {
    "7z": (lambda folder: build.seven_zip({"dir/eicar.com": EICAR}, password="infected"), ["x!dir/eicar.com"]),
    "7z-names": (lambda folder: build.seven_zip({"dir/eicar.com": EICAR}, password="infected", encrypt_names=True),
                 ["x"]),
    "zip": (lambda folder: build.encrypted_zip(folder, {"dir/eicar.com": EICAR, "b.txt": b"b"}),
            ["x!b.txt", "x!dir/eicar.com"]),
    "rar4": (lambda folder: build.rar4({"dir/eicar.com": EICAR}, encrypted=True), ["x!dir/eicar.com"]),
    "rar5": (lambda folder: build.rar5({"dir/eicar.com": EICAR}, encrypted=True), ["x!dir/eicar.com"]),
}


@pytest.mark.parametrize("kind", ENCRYPTED)
def test_a_password_protected_archive_is_reported_as_such_and_is_no_threat_by_default(kind: str, tmp_path: Path) -> None:
    make, where = ENCRYPTED[kind]
    data = make(tmp_path)
    result = match("x", data)
    assert sorted(result.incomplete) == [(path, "encrypted") for path in where]
    assert not [hit for hit in result.hits if hit.path != "x"]  # a stored RAR member's bytes are plain in the file
    flagged = match("x", data, encrypted_is_finding=True)
    assert ("x", "Heuristics.Encrypted.Archive") in {(hit.path, hit.rule) for hit in flagged.hits}


def test_a_7z_dictionary_larger_than_the_limit_is_named_not_unpacked() -> None:
    from app.engine.archives import MAX_DICTIONARY

    fits = build.seven_zip_declaring({"dir/eicar.com": EICAR}, 0x1C)  # 2 << 25: 64 MB, the limit
    assert "x!dir/eicar.com" in found(match("x", fits))  # (LZMA2 stores so small a member as it is: "x" too)
    too_large = build.seven_zip_declaring({"dir/eicar.com": EICAR}, 0x1D)  # 3 << 25: 96 MB
    result = match("x", too_large)
    assert result.incomplete == [("x!dir/eicar.com", "unsupported")]
    assert found(result) <= {"x"}
    assert MAX_DICTIONARY == 64 * MB


def test_a_cabinet_compressed_with_lzx_or_quantum_is_named_not_fully_checked() -> None:
    # No reader here decodes LZX or Quantum: such a folder's members are listed, named as not fully
    # checked ("unsupported"), and never called clean or a threat. The folder's compression type is the
    # 16-bit field at offset 6 of the first CFFOLDER, right after the 36-byte CFHEADER.
    cabinet = bytearray(build.cabinet({"dir\\eicar.com": EICAR}))
    assert cabinet[42:44] == b"\x01\x00"  # MSZIP
    for name, method in (("LZX", b"\x03\x15"), ("Quantum", b"\x02\x00")):
        cabinet[42:44] = method
        result = match("x", bytes(cabinet))
        assert result.incomplete == [("x!dir\\eicar.com", "unsupported")], name
        assert not [hit for hit in result.hits if "!" in hit.path], name


def test_containers_are_recognised_by_content_never_by_extension() -> None:
    assert detect(FORMATS["7z-lzma2"][0]) == "sevenzip"
    assert detect(FORMATS["iso-udf"][0][:0x8806]) == "iso"
    assert detect(b"7z but not really") is None
    assert "holiday.jpg!dir/eicar.com" in found(match("holiday.jpg", FORMATS["7z-lzma2"][0]))
    assert not match("archive.7z", b"plain text that only claims to be an archive").incomplete


@pytest.mark.parametrize("kind", ["7z-lzma2", "tar.xz", "iso-udf", "cab-mszip", "onenote", "rar5"])
def test_one_budget_counts_what_every_format_unpacks(kind: str) -> None:
    zeros = bytes(3 * MB)
    data = {
        "7z-lzma2": lambda: build.seven_zip({"zeros.bin": zeros, "z.com": EICAR}),
        "tar.xz": lambda: build.tar_of({"zeros.bin": zeros, "z.com": EICAR}, "xz"),
        "iso-udf": lambda: build.iso_image({"zeros.bin": zeros, "z.com": EICAR}),
        "cab-mszip": lambda: build.cabinet({"zeros.bin": zeros, "z.com": EICAR}),
        "onenote": lambda: build.onenote([zeros, EICAR]),
        "rar5": lambda: build.rar5({"zeros.bin": zeros, "z.com": EICAR}),
    }[kind]()
    result = match("x", data, max_expanded=2 * MB)
    assert [limit for _, limit in result.incomplete] == ["expanded"]
    assert not [hit for hit in result.hits if hit.rule != "Eicar" or ("!" in hit.path and "z.com" not in hit.path)]


def test_the_cli_reports_members_in_every_format_and_passwords_as_could_not_be_checked(
        tmp_path: Path, rf_home: Path) -> None:
    disk = tmp_path / "downloads"
    inner = build.zip_of({"payload/eicar.com": EICAR})
    write(disk / "invoice.iso", build.iso_image({"setup/middle.7z": build.seven_zip({"inner.zip": inner})}))
    write(disk / "notes.one", build.onenote([EICAR]))
    write(disk / "driver.cab", build.cabinet({"eicar.com": EICAR}))
    write(disk / "backup.tar.zst", build.tar_of({"home/eicar.com": EICAR}, "zst"))
    locked = write(disk / "invoice-password-in-mail.zip", build.encrypted_zip(tmp_path, {"invoice.exe": EICAR}))
    code, report, stderr = scan_json(str(disk))
    assert code == 1, stderr
    detected = {d["path"][len(str(disk)) + 1:] for d in report["detections"]}
    assert {"invoice.iso!setup/middle.7z!inner.zip!payload/eicar.com", "notes.one!attachment-1",
            "driver.cab!eicar.com", "backup.tar.zst!backup.tar!home/eicar.com"} <= detected
    assert not [name for name in detected if name.startswith("invoice-password")]
    assert [(item["path"], item["reason"]) for item in report["skipped_items"] if item.get("limit")] == [
        (str(locked) + "!invoice.exe", "password-protected")]
    assert report["password_protected"] == 1 and report["not_fully_checked"] == 1

    # Alone, with the console's default action: never moved, it could not be checked, it was no threat.
    for other in disk.iterdir():
        if other != locked:
            other.unlink()
    code, report, stderr = scan_json(str(disk), "--action", "quarantine", "--no-cache")
    assert code == 0, stderr
    assert report["detections"] == [] and report["password_protected"] == 1 and locked.exists()


def test_a_rar_never_starts_an_unpacker_found_on_the_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import struct
    import zlib

    marker = tmp_path / "started"
    tools = tmp_path / "bin"
    for tool in ("unrar", "unar", "7z", "7zz", "bsdtar"):
        write(tools / tool, f"#!/bin/sh\ntouch {marker}\nexit 0\n").chmod(0o755)
    monkeypatch.setenv("PATH", f"{tools}{os.pathsep}{os.environ['PATH']}")
    # A RAR 4 archive whose main header holds an old-style comment, compressed: rarfile (the reader
    # before UnRAR's library) handed such a comment to an external unpacker.
    comment = b"\x01\x02\x03\x04\x05"
    block = struct.pack("<HBHH", 0, 0x75, 0, 7 + 6 + len(comment)) + struct.pack("<HBBH", 5, 29, 0x33, 0) + comment
    head = struct.pack("<BHH", 0x73, 0x0002, 7 + 6 + len(block)) + bytes(6) + block
    data = b"Rar!\x1a\x07\x00" + struct.pack("<H", zlib.crc32(head) & 0xFFFF) + head
    data += build.rar4({"a.txt": b"plain"})[7 + 13:]  # its members and end, after its own marker and main header
    result = match("x.rar", data)
    assert not marker.exists(), "an external unpacker was started"
    assert result.incomplete == [("x.rar", "unreadable")]  # said plainly, never faked
