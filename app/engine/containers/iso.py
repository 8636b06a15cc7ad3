"""ISO 9660 and UDF disk images (``.iso``, ``.img``), with ``pycdlib`` (pure Python).

The richest directory tree an image offers is walked: UDF, then Joliet, then Rock Ridge, then plain
ISO 9660 names (without their ``;1`` version). Each file is read as a stream from the image; its
declared length is only an upper bound (reads end with the image).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import IO, Any

from app.engine.archives import Budget
from app.engine.containers import Member, NotReadable


def members(source: IO[bytes], name: str, budget: Budget, path: str) -> Iterator[Member]:
    import pycdlib
    from pycdlib.pycdlibexception import PyCdlibException

    image = pycdlib.PyCdlib()
    try:
        image.open_fp(source)  # type: ignore[arg-type]
    except (PyCdlibException, OSError, EOFError, ValueError, IndexError, KeyError, TypeError, AttributeError,
            OverflowError, UnicodeError, RecursionError, MemoryError, ZeroDivisionError) as exc:
        raise NotReadable(f"iso: {type(exc).__name__}") from exc
    try:
        facade = _facade(image)
        try:
            for folder, _dirs, files in image.walk(**{facade: "/"}):
                budget.check_time(path)
                for file_name in files:
                    full = f"{folder.rstrip('/')}/{file_name}"
                    shown = full.lstrip("/")
                    if facade == "iso_path":
                        shown = shown.split(";", 1)[0]
                    yield Member(shown, None, functools.partial(_open, image, facade, full))
        except (PyCdlibException, ValueError, IndexError, KeyError, TypeError, AttributeError, RecursionError,
                UnicodeError) as exc:
            raise NotReadable(f"iso: {type(exc).__name__}") from exc
    finally:
        try:
            image.close()
        except Exception:  # closing a damaged image must never hide what was found
            pass


def _facade(image: Any) -> str:
    if image.has_udf():
        return "udf_path"
    if image.has_joliet():
        return "joliet_path"
    if image.has_rock_ridge():
        return "rr_path"
    return "iso_path"


def _open(image: Any, facade: str, full: str) -> Any:
    return image.open_file_from_iso(**{facade: full})


READERS = {"iso": members}
