"""The one SHA-256 helper: files, descriptors and chunk streams agree with hashlib, in constant memory."""

from __future__ import annotations

import hashlib
import io
import os
from pathlib import Path

from app.engine.hashing import BLOCK, blocks, sha256_chunks, sha256_fd, sha256_file


def test_every_form_gives_the_same_digest(tmp_path: Path) -> None:
    data = os.urandom(2 * BLOCK + 123)  # more than one block, not a multiple
    path = tmp_path / "f.bin"
    path.write_bytes(data)
    expected = hashlib.sha256(data).hexdigest()
    assert sha256_file(path) == expected
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))  # text mode on Windows would change CR/LF
    try:
        os.lseek(fd, 1000, os.SEEK_SET)  # from the start whatever the offset
        assert sha256_fd(fd) == expected
    finally:
        os.close(fd)
    assert sha256_chunks(blocks(io.BytesIO(data))) == expected
    assert [len(b) for b in blocks(io.BytesIO(data))] == [BLOCK, BLOCK, 123]
    empty = tmp_path / "empty"
    empty.write_bytes(b"")
    assert sha256_file(empty) == hashlib.sha256(b"").hexdigest()
