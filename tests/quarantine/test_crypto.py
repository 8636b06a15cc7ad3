"""The blob format on its own: exact round trips, and every kind of tampering is refused."""

from __future__ import annotations

import hashlib
import io
import os
from pathlib import Path

import pytest

from app.core.quarantine import crypto

KEY = bytes(range(32))
C = crypto.CHUNK_SIZE


def seal(data: bytes, key: bytes = KEY) -> bytes:
    sink = io.BytesIO()
    crypto.encrypt_stream(key, io.BytesIO(data), sink)
    return sink.getvalue()


def unseal(blob: bytes, key: bytes = KEY) -> bytes:
    return b"".join(crypto.decrypt_chunks(key, io.BytesIO(blob)))


H = crypto.content_offset(seal(b""))  # where the first chunk starts: header, then the sealed metadata


@pytest.mark.parametrize("size", [0, 1, C - 1, C, C + 1, 2 * C, 3 * C + 7])
def test_round_trip_is_byte_identical(size: int) -> None:
    data = os.urandom(size)
    blob = seal(data)
    assert len(blob) == crypto.sealed_size(size)
    assert unseal(blob) == data
    if size >= 16:
        assert data[:16] not in blob  # the content is not visible in the blob


def test_same_content_seals_differently_each_time() -> None:
    assert seal(b"same") != seal(b"same")


def test_every_flipped_bit_is_detected() -> None:
    data = os.urandom(2 * C + 100)
    blob = seal(data)
    positions = [0, 4, 5, 8, 16, crypto.HEADER_SIZE - 1, crypto.HEADER_SIZE, crypto.HEADER_SIZE + 3,
                 crypto.HEADER_SIZE + 4, H - 1, H, H + C // 2, H + C + 15, H + C + 16, len(blob) - 17, len(blob) - 1]
    for position in positions:
        for bit in (0, 7):
            damaged = bytearray(blob)
            damaged[position] ^= 1 << bit
            with pytest.raises(crypto.BlobError):
                unseal(bytes(damaged))


@pytest.mark.parametrize("cut", [0, 3, crypto.HEADER_SIZE, crypto.HEADER_SIZE + 2, crypto.HEADER_SIZE + 10, H, H + 10,
                                 H + C + 16, H + 2 * (C + 16), -1])
def test_truncation_is_detected_also_at_chunk_boundaries(cut: int) -> None:
    blob = seal(os.urandom(3 * C + 5))
    with pytest.raises(crypto.BlobError):
        unseal(blob[:cut])


def test_truncation_of_an_exact_multiple_of_the_chunk_size_is_detected() -> None:
    blob = seal(os.urandom(2 * C))
    with pytest.raises(crypto.BlobError):
        unseal(blob[: H + C + 16])  # the first chunk alone looks like a whole stream


def test_appending_and_reordering_are_detected() -> None:
    blob = seal(os.urandom(3 * C))
    sealed = C + 16
    head, chunks = blob[:H], [blob[H + i * sealed: H + (i + 1) * sealed] for i in range(3)]
    with pytest.raises(crypto.BlobError):
        unseal(head + chunks[1] + chunks[0] + chunks[2])
    with pytest.raises(crypto.BlobError):
        unseal(blob + chunks[2])
    with pytest.raises(crypto.BlobError):
        unseal(blob + b"\0")
    with pytest.raises(crypto.BlobError):
        unseal(head + chunks[0] + chunks[2])  # a chunk dropped from the middle


def test_chunks_cannot_be_moved_between_blobs() -> None:
    one, two = seal(os.urandom(C + 1)), seal(os.urandom(C + 1))
    spliced = one[: H + C + 16] + two[H + C + 16:]
    with pytest.raises(crypto.BlobError):
        unseal(spliced)


def test_wrong_key_is_reported_as_such() -> None:
    blob = seal(b"secret")
    with pytest.raises(crypto.WrongKeyError, match="different quarantine key"):
        unseal(blob, key=os.urandom(32))


def test_unknown_format_and_version_are_refused_clearly() -> None:
    blob = bytearray(seal(b"x"))
    with pytest.raises(crypto.BlobError, match="not a Ringfence quarantine file"):
        unseal(b"MZ" + bytes(blob[2:]))
    blob[4] = 9
    with pytest.raises(crypto.BlobError, match="newer Ringfence"):
        unseal(bytes(blob))


def test_decryption_streams_in_chunks() -> None:
    data = os.urandom(5 * C)
    chunks = list(crypto.decrypt_chunks(KEY, io.BytesIO(seal(data))))
    assert [len(c) for c in chunks] == [C] * 5


def test_the_metadata_is_sealed_with_the_content_and_read_back() -> None:
    sink = io.BytesIO()
    meta = {"original_path": "L2hvbWUvbWUvZXZpbC5leGU=", "size": 4}
    crypto.encrypt_stream(KEY, io.BytesIO(b"evil"), sink, metadata=meta)
    blob = sink.getvalue()
    assert len(blob) == crypto.sealed_size(4, meta)
    assert crypto.read_metadata(KEY, io.BytesIO(blob)) == meta
    assert unseal(blob) == b"evil"
    assert b"L2hvbWUv" not in blob
    with pytest.raises(crypto.WrongKeyError):
        crypto.read_metadata(os.urandom(32), io.BytesIO(blob))


def test_metadata_cannot_be_moved_between_blobs() -> None:
    one, two = io.BytesIO(), io.BytesIO()
    crypto.encrypt_stream(KEY, io.BytesIO(b"1"), one, metadata={"original_path": "one"})
    crypto.encrypt_stream(KEY, io.BytesIO(b"2"), two, metadata={"original_path": "two"})
    a, b = one.getvalue(), two.getvalue()
    swapped = a[:crypto.HEADER_SIZE] + b[crypto.HEADER_SIZE:crypto.content_offset(b)] + a[crypto.content_offset(a):]
    with pytest.raises(crypto.BlobError, match="does not authenticate"):
        crypto.read_metadata(KEY, io.BytesIO(swapped))


def test_a_format_1_blob_from_before_metadata_still_opens() -> None:
    """tests/fixtures/quarantine/format1.rfq: written by the format 1 writer (see the README there)."""
    blob = (Path(__file__).resolve().parents[1] / "fixtures" / "quarantine" / "format1.rfq").read_bytes()
    assert blob[4] == 1
    assert crypto.read_metadata(KEY, io.BytesIO(blob)) is None
    data = unseal(blob)
    assert data == b"Ringfence quarantine format 1 sample\n" * 3000
    assert hashlib.sha256(data).hexdigest() == "e15b35043dbfda9076c4aa98e96fbc25b97a543a84245d5fd15523a846bb371f"
    damaged = bytearray(blob)
    damaged[crypto.HEADER_SIZE + 5] ^= 1
    with pytest.raises(crypto.BlobError):
        unseal(bytes(damaged))
