"""Per-file scan problems as messages a translator can reach.

The engine reports a problem with a file as ``{"path", "error"}`` and, where it knows one, a stable
``code`` with ``args``. :func:`file_problem` turns either into a :class:`FileProblem` whose message
is looked up from :data:`FILE_ERRORS` by code; an engine text without a code is kept as it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.core.messages import Message, translate

_C = "Scan"
FILE_ERRORS: dict[str, Message] = {
    "missing": translate("Scan", "The path does not exist."),
    "vanished": translate("Scan", "The file disappeared during the scan."),
    "denied": translate("Scan", "Permission denied."),
    "os-error": translate("Scan", "The file could not be read (%1)."),
    "not-regular": translate("Scan", "The file was replaced by something that is not a regular file."),
    "timeout": translate("Scan", "Matching took longer than the %1 s limit; the file was not fully checked."),
    "engine-error": translate("Scan", "The engine could not check this file (%1)."),
    "archive-members": translate("Scan", "The archive holds more than %1 files; the rest were not checked."),
    "archive-expanded": translate("Scan", "The archive expands to more data than the limit; the rest was not checked."),
    "archive-member": translate("Scan", "This archive member cannot be unpacked (%1)."),
    "engine-crashed": translate("Scan", "The engine stopped while checking this file, so it was not scanned; "
                                    "the scan went on without it."),
    "engine-hung": translate("Scan", "The engine stopped responding while checking this file, so it was restarted "
                                 "and the file was not scanned."),
}


@dataclass(frozen=True)
class FileProblem:
    """A file (or archive member) the scan could not check fully, and why."""

    path: str
    message: Message
    code: str = ""


def file_problem(error: dict[str, Any]) -> FileProblem:
    code = str(error.get("code") or "")
    template = FILE_ERRORS.get(code)
    if template is not None:
        message = template.arg(*error.get("args", ()))
    else:  # an engine text without a code (or a quarantine failure): shown as written
        message = error["message"] if isinstance(error.get("message"), Message) else Message(_C, str(error.get("error", "")))
    return FileProblem(str(error["path"]), message, code)
