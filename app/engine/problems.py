"""Problems with one file, as the engine reports them: a stable code, its arguments, an English sentence.

A :class:`Problem` is the English sentence (a ``str``, so logs and the ``--json`` report keep their
text) that also carries its ``code`` and ``values``. :func:`error_record` makes the batch record the
worker sends, ``{"path", "error", "code", "args"}``; the console turns the code and arguments into a
translated message (``app/core/scanning/file_problems.py`` holds the same codes, and a test keeps the two equal).
"""

from __future__ import annotations

from typing import Any

TEXTS: dict[str, str] = {
    "missing": "The path does not exist.",
    "vanished": "The file disappeared during the scan.",
    "denied": "Permission denied.",
    "os-error": "The file cannot be read ({0}).",
    "not-regular": "The file was replaced by something that is not a regular file.",
    "replaced-by-link": "The file was replaced by a link during the scan.",
    "timeout": "Matching took longer than the {0} s limit; the file was not fully checked.",
    "engine-error": "The engine could not check this file ({0}).",
    "archive-member": "This archive member cannot be unpacked ({0}).",
}


class Problem(str):
    """An English sentence about one file, with the code and values it was made from."""

    code: str
    values: tuple[str, ...]

    def __new__(cls, code: str, *values: object) -> Problem:
        shown = tuple(str(v) for v in values)
        problem = super().__new__(cls, TEXTS[code].format(*shown))
        problem.code, problem.values = code, shown
        return problem


def error_record(path: str, error: str) -> dict[str, Any]:
    """The batch record of one problem (an error without a code keeps only its text)."""
    if isinstance(error, Problem):
        return {"path": path, "error": str(error), "code": error.code, "args": list(error.values)}
    return {"path": path, "error": str(error)}


def os_problem(exc: OSError) -> Problem:
    """The problem an ``OSError`` on a file is."""
    import errno

    if isinstance(exc, PermissionError):
        return Problem("denied")
    if isinstance(exc, FileNotFoundError):
        return Problem("vanished")
    if exc.errno == errno.ELOOP:
        return Problem("replaced-by-link")
    return Problem("os-error", exc.strerror or type(exc).__name__)
