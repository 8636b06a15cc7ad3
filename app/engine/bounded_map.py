"""A large file matched through a memory mapping whose resident pages stay bounded.

libyara matches a file by path by mapping it whole, and every page it has read stays in the worker's
resident memory (RSS, and PSS and USS alike: nobody else maps the file) until the match ends, so a
256 MB file or archive member cost 256 MB of the worker's memory. Instead Ringfence maps the file
itself and hands the mapping to libyara as one buffer: the rules see the whole file at once, so
``filesize``, offsets and modules behave exactly as when matched by path. While libyara reads it, a
trimming thread drops the mapping's resident pages every :data:`TRIM_SECONDS`. Dropping a page of a
read-only file mapping loses nothing: it is read back from the page cache (or the disk) when touched
again. Resident memory for the match is then what libyara reads in one interval (a few MB), whatever
the file's size.

Linux and macOS drop pages with ``madvise(MADV_DONTNEED)``; Windows removes them from the working set
with ``VirtualUnlock`` on the mapped range (documented to do so for pages that are not locked).
"""

from __future__ import annotations

import contextlib
import mmap
import os
import sys
import threading
from collections.abc import Callable, Iterator

TRIM_SECONDS = 0.01
TRIM_ABOVE = 16 * 1024 * 1024  # smaller mappings cost little: no trimming thread for them


@contextlib.contextmanager
def bounded_mapping(fd: int) -> Iterator[mmap.mmap | bytes]:
    """The whole content of ``fd`` (a regular file) mapped read-only; its resident pages are dropped
    as libyara goes while the block runs."""
    size = os.fstat(fd).st_size
    if size == 0:  # emptied since it was looked at: nothing to map
        yield b""
        return
    if sys.platform == "win32":  # pragma: no cover - Windows
        # Copy-on-write (never written): a writable buffer gives ctypes the mapping's address.
        mapping = mmap.mmap(fd, size, access=mmap.ACCESS_COPY)
    else:
        mapping = mmap.mmap(fd, size, access=mmap.ACCESS_READ)
    try:
        if size <= TRIM_ABOVE:
            yield mapping
            return
        trim = _trimmer(mapping, size)
        stop = threading.Event()
        thread = threading.Thread(target=_trim_until, args=(trim, stop), name="trim-mapping", daemon=True)
        thread.start()
        try:
            yield mapping
        finally:
            stop.set()
            thread.join()
    finally:
        mapping.close()


def _trim_until(trim: Callable[[], None], stop: threading.Event) -> None:
    while not stop.wait(TRIM_SECONDS):
        try:
            trim()
        except (OSError, ValueError):  # a system that refuses: the match goes on, merely less frugal
            return


def _trimmer(mapping: mmap.mmap, size: int) -> Callable[[], None]:
    if sys.platform != "win32":
        def trim() -> None:
            mapping.madvise(mmap.MADV_DONTNEED)

        return trim
    import ctypes  # pragma: no cover - Windows
    from ctypes import wintypes

    anchor = ctypes.c_char.from_buffer(mapping)
    address = ctypes.addressof(anchor)
    del anchor  # the address stays valid while the mapping is open; the buffer export must not
    unlock = ctypes.windll.kernel32.VirtualUnlock
    unlock.argtypes = [ctypes.c_void_p, ctypes.c_size_t]
    unlock.restype = wintypes.BOOL

    def unlock_all() -> None:
        unlock(address, size)  # "not locked" (error 158) is the expected answer: the pages leave anyway

    return unlock_all


def peak_resident() -> int:
    """The highest resident memory this process has had, in bytes (0 where the system does not say)."""
    if sys.platform == "win32":  # pragma: no cover - Windows
        import psutil

        return int(getattr(psutil.Process().memory_info(), "peak_wset", 0))
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    try:
        import resource

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return peak if sys.platform == "darwin" else peak * 1024
    except (ImportError, OSError):
        return 0


__all__ = ["TRIM_ABOVE", "TRIM_SECONDS", "bounded_mapping", "peak_resident"]
