"""RAR 4 and 5 archives with compressed members are unpacked by the UnRAR library (never an external
program), within the file's one budget; password-protected ones are reported as such.

The compressed archives are small fixtures made by RAR (tests/fixtures/rar/SOURCE.md): none holds
EICAR, so a rule on the unpacked text, which the compressed bytes do not contain, proves that the
members were unpacked and matched."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yara

from app.engine.archives import ArchiveLimits
from app.engine.containers import detect, rar
from app.engine.matcher import FileResult, Matcher
from tests.conftest import ROOT
from tests.engine import containers_build as build
from tests.engine.helpers import EICAR

FIXTURES = ROOT / "tests" / "fixtures" / "rar"
LINES = b"255\n256\n257\n"  # in stest1.txt and stest2.txt (the lines 000 to 511), at offset 1020
RULES = yara.compile(source=r"""
    rule Lines { strings: $a = "255\n256\n257\n" condition: $a at 1020 and filesize == 2048 }
    rule ForTest { strings: $t = "This is for test." condition: $t at 0 }
    rule Eicar { strings: $e = "EICAR-STANDARD-ANTIVIRUS-TEST-FILE" condition: $e }
""")


def match(name: str, data: bytes, spool: Path | None = None, **limits: object) -> FileResult:
    engine = Matcher(RULES, {}, set(), archives=ArchiveLimits(**limits),  # type: ignore[arg-type]
                     spool_dir=str(spool) if spool else None)
    return engine.match_bytes(name, data)


def hits(result: FileResult) -> list[tuple[str, str]]:
    return sorted((hit.path, hit.rule) for hit in result.hits)


@pytest.mark.parametrize("fixture", ["rar3-solid.rar", "rar5-solid.rar"])
def test_compressed_members_of_rar_4_and_5_are_unpacked_and_matched(fixture: str, tmp_path: Path) -> None:
    data = (FIXTURES / fixture).read_bytes()
    assert detect(data) == "rar"
    assert LINES not in data  # compressed: only unpacking shows the text
    result = match("x.rar", data, spool=tmp_path)
    assert hits(result) == [("x.rar!stest1.txt", "Lines"), ("x.rar!stest2.txt", "Lines")]
    assert result.incomplete == [] and result.errors == []
    assert list(tmp_path.iterdir()) == []  # the archive's spooled copy is gone


def test_a_rar_that_is_not_solid_mixes_compressed_and_stored_members() -> None:
    data = (FIXTURES / "unrar2-cffi-test.rar").read_bytes()
    assert b"This is for test." not in data
    result = match("x", data)
    assert hits(result) == [("x!test_file.txt", "ForTest")]
    assert result.incomplete == []


def test_a_compressed_rar_nested_in_a_zip_in_a_7z_is_found_with_its_full_path() -> None:
    inner = build.zip_of({"archives/lines.rar": (FIXTURES / "rar5-solid.rar").read_bytes()})
    outer = build.seven_zip({"readme.txt": b"read me", "inner.zip": inner})
    result = match("outer.7z", outer)
    assert hits(result) == [("outer.7z!inner.zip!archives/lines.rar!stest1.txt", "Lines"),
                            ("outer.7z!inner.zip!archives/lines.rar!stest2.txt", "Lines")]


def test_eicar_in_stored_members_of_rar_4_and_5_is_found() -> None:
    for make in (build.rar4, build.rar5):
        result = match("x.rar", make({"readme.txt": b"harmless", "dir/eicar.com": EICAR}))
        assert ("x.rar!dir/eicar.com", "Eicar") in hits(result)
        assert result.incomplete == []


@pytest.mark.parametrize(("fixture", "where"), [
    ("rar5-psw.rar", ["x!stest1.txt", "x!stest2.txt"]),  # names readable, contents encrypted
    ("rar3-comment-psw.rar", ["x!file1.txt", "x!file2.txt"]),
    ("rar5-hpsw.rar", ["x"]),  # even the names are encrypted
    ("rar3-comment-hpsw.rar", ["x"]),
])
def test_password_protected_rar_archives_are_reported_as_such(fixture: str, where: list[str]) -> None:
    result = match("x", (FIXTURES / fixture).read_bytes())
    assert sorted(result.incomplete) == [(path, "encrypted") for path in where]
    assert result.hits == []
    flagged = match("x", (FIXTURES / fixture).read_bytes(), encrypted_is_finding=True)
    assert hits(flagged) == [("x", "Heuristics.Encrypted.Archive")]


def test_the_budget_stops_a_rar_member_as_it_is_unpacked() -> None:
    data = (FIXTURES / "rar5-solid.rar").read_bytes()  # two members of 2,048 bytes, 169 bytes on disk
    too_large = match("x", data, max_member=1000)
    assert too_large.incomplete == [("x!stest1.txt", "member-size")] and too_large.hits == []
    spent = match("x", data, max_expanded=3000)
    assert hits(spent) == [("x!stest1.txt", "Lines")]
    assert spent.incomplete == [("x!stest2.txt", "expanded")]
    few = match("x", data, max_members=1)
    assert few.incomplete == [("x!stest2.txt", "members")]


def test_a_dictionary_larger_than_the_limit_is_named_not_unpacked() -> None:
    result = match("x", build.rar5({"setup.exe": b"MZ"}, dictionary=15))  # 128 KB << 15: 4 GB
    assert result.incomplete == [("x!setup.exe", "unsupported")]
    assert rar.MAX_DICTIONARY == 64 * 1024 * 1024


def test_damaged_rar_archives_are_not_readable_and_cost_one_file() -> None:
    data = (FIXTURES / "rar3-solid.rar").read_bytes()
    # Truncated in the first member, a header overwritten, compressed data overwritten, cut short.
    for damaged in (data[:60], data[:7] + bytes(40) + data[47:], data[:120] + b"\xff" * 20 + data[140:], data[:150]):
        result = match("x", damaged)
        assert result.incomplete == [("x", "unreadable")]
        assert result.hits == [] and result.errors == []


NATIVE_MEMORY = r"""
import random, sys
from pathlib import Path
from app.engine.bounded_map import peak_resident
from tests.engine.test_rar import FIXTURES, match

seeds = [(FIXTURES / name).read_bytes() for name in ("rar3-solid.rar", "rar5-solid.rar", "unrar2-cffi-test.rar")]
match("x", seeds[0])
before = peak_resident()
rng = random.Random(19)
for _ in range(int(sys.argv[1])):
    data = bytearray(rng.choice(seeds))
    for _ in range(rng.randint(1, 6)):
        at = rng.randrange(len(data))
        data[at:at + 4] = rng.choice([b"\xff\xff\xff\xff", b"\xff\xff\xff\x7f", bytes(4), rng.randbytes(4)])
    match("x", bytes(data[:rng.randint(len(data) // 2, len(data))]))
print((peak_resident() - before) // (1024 * 1024))
"""


@pytest.mark.skipif(sys.platform != "linux", reason="the peak resident memory is read from /proc")
def test_hostile_rar_archives_cost_bounded_native_memory() -> None:
    # UnRAR allocates in C++, out of tracemalloc's sight (the fuzz tests' bound): the process's own
    # peak, in a fresh process, is what 2,000 damaged archives may add to it.
    done = subprocess.run([sys.executable, "-c", NATIVE_MEMORY, "2000"], capture_output=True, text=True,
                          cwd=ROOT, timeout=300, check=True)
    assert int(done.stdout.strip()) < rar.MAX_DICTIONARY // (1024 * 1024) + 32, done.stdout
