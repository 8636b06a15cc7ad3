"""The scan cache's bulk look-up and its per-file fallback give the same answers."""

from __future__ import annotations

import os
from pathlib import Path

from app.engine.scancache import ScanCache
from tests.engine.helpers import write


def _key(path: Path) -> tuple[int, int, int, int, int]:
    st = path.stat()
    return st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns


def test_prefetch_and_fallback_agree(tmp_path: Path) -> None:
    files = [write(tmp_path / "tree" / f"d{i % 3}" / f"f{i}.txt", f"{i}\n") for i in range(30)]
    other = write(tmp_path / "tree-other" / "x.txt", "x\n")  # shares the prefix "tree" but is outside
    cache = ScanCache(tmp_path / "cache.db", "v1")
    for path in [*files, other]:
        cache.remember(str(path), _key(path), [])
    cache.close()
    write(files[5], "changed content\n")

    for limit in (1_000, 3):  # bulk, and over the limit: one query per file
        cache = ScanCache(tmp_path / "cache.db", "v1")
        cache.prefetch([str(tmp_path / "tree")], limit=limit)
        assert (getattr(cache, "_known", None) is not None) == (limit == 1_000)
        clean = {p.name for p in files if cache.lookup(str(p), _key(p)) == []}
        assert clean == {p.name for p in files} - {"f5.txt"}
        if limit == 1_000:
            assert os.fsencode(str(other)) not in cache._known
        cache.close()
    cache = ScanCache(tmp_path / "cache.db", "v2")  # another policy (definitions, allow-list): nothing is known
    cache.prefetch([str(tmp_path / "tree")])
    assert all(cache.lookup(str(p), _key(p)) is None for p in files)
    cache.close()


def test_damaged_cache_is_replaced(tmp_path: Path) -> None:
    (tmp_path / "cache.db").write_bytes(b"garbage" * 1000)
    cache = ScanCache(tmp_path / "cache.db", "v1")
    path = write(tmp_path / "a.txt", "a")
    assert cache.lookup(str(path), _key(path)) is None
    cache.remember(str(path), _key(path), [])
    cache.close()
    assert ScanCache(tmp_path / "cache.db", "v1").lookup(str(path), _key(path)) == []
