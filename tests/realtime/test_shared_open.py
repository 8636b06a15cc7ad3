"""The engine opens files so that others may rename and delete them while it reads."""

from __future__ import annotations

import os
from pathlib import Path

from app.engine import shared_open
from app.engine.shared_open import open_for_scan


def test_a_file_being_read_can_be_renamed_and_deleted(tmp_path: Path) -> None:
    target = tmp_path / "Überweisung-日本.exe"
    target.write_bytes(b"MZ" + b"\0" * 100)
    fd = open_for_scan(str(target))
    try:
        moved = target.with_name("renamed.exe")
        os.rename(target, moved)
        os.unlink(moved)
        assert os.read(fd, 2) == b"MZ"  # the reader keeps its view
    finally:
        os.close(fd)


def test_windows_long_path_form() -> None:
    long_path = shared_open.long_path
    assert long_path("C:\\Users\\Jörg\\Downloads\\..\\a.exe") == "\\\\?\\C:\\Users\\Jörg\\a.exe"
    assert long_path("\\\\server\\share\\a.exe") == "\\\\?\\UNC\\server\\share\\a.exe"
    assert long_path("relative\\name.exe") == "relative\\name.exe"
    assert long_path("\\\\?\\C:\\x") == "\\\\?\\C:\\x"
