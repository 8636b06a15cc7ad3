"""The blob format on its own: exact round trips, and every kind of tampering is refused."""

from __future__ import annotations

import io
import os

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
    positions = [0, 4, 5, 8, 16, crypto.HEADER_SIZE - 1, crypto.HEADER_SIZE, crypto.HEADER_SIZE + C // 2,
                 crypto.HEADER_SIZE + C + 15, crypto.HEADER_SIZE + C + 16, len(blob) - 17, len(blob) - 1]
    for position in positions:
        for bit in (0, 7):
            damaged = bytearray(blob)
            damaged[position] ^= 1 << bit
            with pytest.raises(crypto.BlobError):
                unseal(bytes(damaged))


@pytest.mark.parametrize("cut", [0, 3, crypto.HEADER_SIZE, crypto.HEADER_SIZE + 10, crypto.HEADER_SIZE + C + 16,
                                 crypto.HEADER_SIZE + 2 * (C + 16), -1])
def test_truncation_is_detected_also_at_chunk_boundaries(cut: int) -> None:
    blob = seal(os.urandom(3 * C + 5))
    with pytest.raises(crypto.BlobError):
        unseal(blob[:cut])


def test_truncation_of_an_exact_multiple_of_the_chunk_size_is_detected() -> None:
    blob = seal(os.urandom(2 * C))
    with pytest.raises(crypto.BlobError):
        unseal(blob[: crypto.HEADER_SIZE + C + 16])  # the first chunk alone looks like a whole stream


def test_appending_and_reordering_are_detected() -> None:
    blob = seal(os.urandom(3 * C))
    sealed = C + 16
    head, chunks = blob[: crypto.HEADER_SIZE], [blob[crypto.HEADER_SIZE + i * sealed: crypto.HEADER_SIZE + (i + 1) * sealed]
                                               for i in range(3)]
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
    spliced = one[: crypto.HEADER_SIZE + C + 16] + two[crypto.HEADER_SIZE + C + 16:]
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
