"""A deterministic corpus for the parity rules in tests/fixtures/parity/rules (several hundred pairs)."""

from __future__ import annotations

import base64
import random
import struct
from collections.abc import Callable
from pathlib import Path

from tests.conftest import ROOT

RULES = ROOT / "tests" / "fixtures" / "parity" / "rules"


def _xor(text: bytes, key: int) -> bytes:
    return bytes(b ^ key for b in text)


def _aligned(rng: random.Random, body: bytearray) -> bytes:
    pad = (-len(body)) % 16 + rng.choice((0, 16, 3))  # sometimes aligned, sometimes not
    return bytes(rng.randrange(256) for _ in range(pad)) + b"RF_ALIGN"


# Each planter returns bytes to put somewhere in a file; some of them match, some are near misses.
PLANTERS: list[Callable[[random.Random, bytearray], bytes]] = [
    lambda rng, body: b"RF_MARK_ALPHA",
    lambda rng, body: b"RF_MARK_ALPH",  # near miss
    lambda rng, body: "RF_WIDE_BETA".encode("utf-16-le"),
    lambda rng, body: "".join(c.upper() if rng.random() < 0.5 else c for c in "rf_case_gamma").encode(),
    lambda rng, body: rng.choice(("RF_BOTH_THETA", "rf_both_theta")).encode(rng.choice(("ascii", "utf-16-le"))),
    lambda rng, body: rng.choice((b" kappa ", b"kappas", b"(kappa)", b"xkappa")),
    lambda rng, body: _xor(b"RF_XOR_EPSILON", rng.randrange(1, 256)),
    lambda rng, body: base64.b64encode(rng.choice((b"", b"a", b"ab")) + b"RF_B64_ZETA_MARKER" + b"tail"),
    lambda rng, body: b"RF_HELPER_IOTA",
    lambda rng, body: b"RF" + bytes([rng.randrange(256)]) + b"HEX" + bytes(rng.randrange(1, 8)) + b"DELTA",
    lambda rng, body: rng.choice((b"RF_ALT1_OK", b"RF_ALT2_OK", b"RF_ALT3_OK")),
    lambda rng, body: f"RF-ID-{rng.randrange(10_000):04d}-{rng.choice(('ABC', 'FED', 'XYZ'))}".encode(),
    lambda rng, body: f"rf-{rng.choice(('red', 'GREEN', 'Blue', 'pink'))}-{'abcdefg'[:rng.randrange(1, 7)]} ".encode(),
    lambda rng, body: b"RF_REPEAT " * rng.randrange(1, 5),
    lambda rng, body: b"RF_LATE",
    _aligned,
    lambda rng, body: b"RF_SET_ONE" if rng.random() < 0.5 else b"RF_SET_TWO RF_SET_THREE",
    lambda rng, body: b"RF_ALL_A" + (b" RF_ALL_B" if rng.random() < 0.6 else b""),
    lambda rng, body: b"RF_SMALL",
]


def _filler(rng: random.Random, size: int) -> bytes:
    if rng.random() < 0.5:
        words = ("lorem", "ipsum", "dolor", "sit", "amet", "report", "invoice", "data", "value", "RF")
        return " ".join(rng.choice(words) for _ in range(size // 5 + 1)).encode()[:size]
    return bytes(rng.randrange(256) for _ in range(size))


def _pe(rng: random.Random) -> bytearray:
    body = bytearray(_filler(rng, 512))
    body[0:2] = b"MZ"
    body[0x3C:0x40] = struct.pack("<I", 0x80)
    body[0x80:0x84] = b"PE\0\0" if rng.random() < 0.8 else b"PX\0\0"
    return body


def make_corpus(root: Path, files: int = 400, seed: int = 20261130) -> int:
    """Write the corpus under ``root``; returns the number of files."""
    rng = random.Random(seed)
    for index in range(files):
        kind = rng.random()
        if kind < 0.1:
            body = _pe(rng)
        elif kind < 0.15:
            body = bytearray(b"RFHD" + _filler(rng, rng.randrange(10, 300)))
        elif kind < 0.18:
            body = bytearray(struct.pack(">I", 0xCAFEBABE) + _filler(rng, 100))
        elif kind < 0.21:
            body = bytearray(rng.randbytes(8192))  # high entropy
        elif kind < 0.23:
            body = bytearray()
        else:
            body = bytearray(_filler(rng, rng.randrange(20, 2000)))
        for _ in range(rng.randrange(0, 4) if body else 0):
            planted = rng.choice(PLANTERS)(rng, body)
            at = rng.randrange(len(body) + 1)
            body[at:at] = planted
        if rng.random() < 0.3 and body:
            body += _filler(rng, 300) + b"RF_LATE"
        path = root / f"group{index % 9}" / f"sample{index:04d}{rng.choice(('.txt', '.bin', '.dat', ''))}"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(bytes(body))
    return files
