"""Fuzzing every container reader: truncated, corrupted and hostile containers end in a clear result
(what was found, "not readable", or an error naming the member), in bounded time and memory (traced per
example: the whole process's peak would count Hypothesis's own bookkeeping of the examples), and never
stop the scan. A hundred examples per format by default; ``-m slow`` runs 10,000 each."""

from __future__ import annotations

import struct
import time
import tracemalloc

import pytest
import yara
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.engine.archives import LIMITS, ArchiveLimits
from app.engine.matcher import FileResult, Matcher
from tests.conftest import ROOT
from tests.engine import containers_build as build
from tests.engine.helpers import EICAR

FAST = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
SLOW = settings(max_examples=10_000, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
MB = 1024 * 1024
REASONS = {*LIMITS, "encrypted", "unreadable", "unsupported"}
# Lines: the text of the compressed RAR fixtures' members (tests/fixtures/rar/SOURCE.md), seen only unpacked.
ENGINE = Matcher(yara.compile(source='rule Eicar { strings: $e = "EICAR-STANDARD" condition: $e }\n'
                                     'rule Lines { strings: $l = "255\\n256\\n257\\n" condition: $l }'), {}, set(),
                 archives=ArchiveLimits(max_expanded=16 * MB, max_seconds=10))
RAR_FIXTURES = ROOT / "tests" / "fixtures" / "rar"

SEEDS: dict[str, bytes] = {
    "zip": build.zip_of({"a.txt": b"words " * 200, "dir/eicar.com": EICAR}),
    "7z": build.seven_zip({"a.txt": b"words " * 200, "dir/eicar.com": EICAR}),
    "7z-bcj": build.seven_zip({"b.exe": b"MZ" + bytes(300), "dir/eicar.com": EICAR}, "bcj"),
    "rar4": build.rar4({"a.txt": b"words", "dir/eicar.com": EICAR}),
    "rar5": build.rar5({"a.txt": b"words", "dir/eicar.com": EICAR}),
    "rar4-solid": (RAR_FIXTURES / "rar3-solid.rar").read_bytes(),  # compressed: unpacked by UnRAR
    "rar5-solid": (RAR_FIXTURES / "rar5-solid.rar").read_bytes(),
    "iso": build.iso_image({"dir/a.txt": b"words " * 200, "eicar.com": EICAR}),
    "cab": build.cabinet({"a.txt": b"words " * 9000, "dir\\eicar.com": EICAR}),
    "tar": build.tar_of({"a.txt": b"words " * 200, "dir/eicar.com": EICAR}),
    "tar.gz": build.tar_of({"a.txt": b"words " * 200, "dir/eicar.com": EICAR}, "gz"),
    "bz2": build.compress(b"words " * 200 + EICAR, "bz2"),
    "xz": build.compress(b"words " * 200 + EICAR, "xz"),
    "zst": build.compress(b"words " * 200 + EICAR, "zst"),
    "onenote": build.onenote([b"words " * 200, EICAR]),
}
# Where each format keeps the counts, sizes and offsets a hostile file would lie about.
HOT: dict[str, list[int]] = {
    "zip": [18, 22, 26, 28], "7z": [12, 20, 28], "7z-bcj": [12, 20, 28], "rar4": [7, 14, 21, 25, 30, 45],
    "rar5": [8, 12, 16, 20, 24, 30], "rar4-solid": [7, 14, 20, 25, 29, 36, 44, 64, 140],
    "rar5-solid": [8, 12, 16, 20, 24, 30, 36, 44, 100], "iso": [0x8050, 0x8078, 0x8080, 0x8084, 0x809E, 0x80A6, 0x8800, 0x9000],
    "cab": [8, 16, 24, 28, 36, 40, 44, 48, 52], "tar": [124, 148, 156, 257, 512 + 124], "tar.gz": [3, 10, 20],
    "bz2": [4, 10], "xz": [6, 12, 24], "zst": [4, 5, 6], "onenote": [1024 + 16, 1024 + 20, 1024 + 24],
}


@st.composite
def hostile(draw: st.DrawFn, kind: str) -> bytes:
    data = bytearray(SEEDS[kind])
    for _ in range(draw(st.integers(0, 10))):
        position = draw(st.sampled_from(HOT[kind])) if draw(st.booleans()) else draw(st.integers(0, len(data) - 1))
        position %= len(data)
        if draw(st.booleans()):
            chunk = draw(st.sampled_from([b"\xff\xff\xff\xff", b"\xff\xff\xff\x7f", b"\x00\x00\x00\x00",
                                          struct.pack("<Q", 2**63 - 1), b"\x80\x80\x80\x80\x80\x80\x80\x80\x01"]))
        else:
            chunk = draw(st.binary(min_size=1, max_size=8))
        data[position:position + len(chunk)] = chunk
    if draw(st.booleans()):
        data = data[:draw(st.integers(0, len(data)))]
    return bytes(data)


def check(kind: str, data: bytes) -> FileResult:
    started = time.monotonic()
    tracemalloc.start()
    try:
        result = ENGINE.match_bytes(f"x.{kind}", data)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert time.monotonic() - started < 30, f"{kind}: {time.monotonic() - started:.1f} s"
    # What one hostile container may cost, whatever it declares: its own copy, and the budget's chunks.
    assert peak < 64 * MB + 4 * len(data), f"{kind}: {peak / MB:.0f} MB"
    assert {reason for _, reason in result.incomplete} <= REASONS
    assert all(hit.rule in ("Eicar", "Lines") or hit.rule.startswith("Heuristics.") for hit in result.hits)
    assert all(path.startswith(f"x.{kind}") for path, _ in [*result.errors, *result.incomplete])
    return result


@pytest.mark.parametrize("kind", SEEDS)
def test_each_seed_is_read_in_full(kind: str) -> None:
    result = check(kind, SEEDS[kind])
    assert not result.incomplete and not result.errors
    assert [hit for hit in result.hits if "!" in hit.path]  # EICAR inside was found


@pytest.mark.parametrize("kind", [k for k in SEEDS if k not in ("tar", "onenote")])
def test_a_truncated_container_is_never_silent(kind: str) -> None:
    cut = SEEDS[kind][: len(SEEDS[kind]) * 2 // 3]
    result = check(kind, cut)
    # What could be read was checked; what could not is named (not readable, or an error for the member).
    assert result.incomplete or result.errors or kind == "zip", (result.incomplete, result.errors)


def fuzz(kind: str, examples: settings) -> None:
    @examples
    @given(data=hostile(kind))
    def run(data: bytes) -> None:
        check(kind, data)

    run()


@pytest.mark.parametrize("kind", SEEDS)
def test_hostile_containers_end_in_a_clear_result(kind: str) -> None:
    fuzz(kind, FAST)


@pytest.mark.slow
@pytest.mark.parametrize("kind", SEEDS)
def test_hostile_containers_end_in_a_clear_result_10000_each(kind: str, request: pytest.FixtureRequest) -> None:
    if "slow" not in (request.config.getoption("markexpr") or ""):
        pytest.skip("10,000 examples per format: run with -m slow")
    fuzz(kind, SLOW)
