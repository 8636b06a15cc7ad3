"""Per-file scan problems as messages a translator can reach.

The engine reports a problem with a file as ``{"path", "error", "code", "args"}`` (the codes are in
``app/engine/problems.py``; the supervisor adds ``engine-crashed`` and ``engine-hung``).
:func:`file_problem` turns a record into a :class:`FileProblem` whose message comes from
:data:`FILE_ERRORS` by code (or by recognising the engine's sentence when a record has no code); a
text it does not know is kept as it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from app.core.text.labels import NOT_CHECKED_REASONS
from app.core.text.messages import Message, translate

_C = "Scan"
QUARANTINE_FAILED = "quarantine-failed"  # the file was detected but could not be quarantined
FILE_ERRORS: dict[str, Message] = {
    "missing": translate("Scan", "The path does not exist."),
    "vanished": translate("Scan", "The file disappeared during the scan."),
    "denied": translate("Scan", "Permission denied."),
    "os-error": translate("Scan", "The file cannot be read (%1)."),
    "not-regular": translate("Scan", "The file was replaced by something that is not a regular file."),
    "replaced-by-link": translate("Scan", "The file was replaced by a link during the scan."),
    "timeout": translate("Scan", "Matching took longer than the %1 s limit; the file was not fully checked."),
    "engine-error": translate("Scan", "The engine could not check this file (%1)."),
    "archive-member": translate("Scan", "This archive member cannot be unpacked (%1)."),
    "engine-crashed": translate("Scan", "The engine stopped while checking this file, and again when it checked "
                                    "the file alone, so it was not scanned. A file that crashes a scanner may be made "
                                    "to: treat it as suspicious."),
    "engine-hung": translate("Scan", "The engine stopped responding while checking this file, and again when it "
                                 "checked the file alone, so it was not scanned. A file that stalls a scanner may be "
                                 "made to: treat it as suspicious."),
}


@dataclass(frozen=True)
class FileProblem:
    """A file (or archive member) the scan could not check fully, and why."""

    path: str
    message: Message
    code: str = ""


def _pattern(template: Message) -> re.Pattern[str]:
    return re.compile(re.sub(r"%\\?(\d)", "(.+)", re.escape(template.source)))


#: The engine's English sentences, recognised when a record carries no code (an engine of an older
#: version, or a sentence from a code path that names none).
_BY_TEXT = [(code, _pattern(template)) for code, template in FILE_ERRORS.items()]


def file_problem(error: dict[str, Any]) -> FileProblem:
    """The problem in one error record of a scan (``path``, ``error`` and, when known, ``code``, ``args``)."""
    text = str(error.get("error", ""))
    code, args = str(error.get("code") or ""), tuple(error.get("args") or ())
    if code not in FILE_ERRORS:
        code, args = next(((c, m.groups()) for c, pattern in _BY_TEXT if (m := pattern.fullmatch(text))), (code, ()))
    template = FILE_ERRORS.get(code)
    message = template.arg(*args) if template is not None else Message(_C, text)  # unknown: shown as written
    return FileProblem(str(error["path"]), message, code)


NOT_FULLY_CHECKED = "not-fully-checked"
PASSWORD_PROTECTED = "password-protected"


def not_checked_problems(skipped_items: list[dict[str, Any]]) -> list[FileProblem]:
    """The archive members a limit or a password kept from being checked (never threats), as the
    console lists them beside the files that could not be checked."""
    problems = []
    for item in skipped_items:
        if not item.get("limit"):
            continue
        if item.get("reason") == PASSWORD_PROTECTED:
            #: Shown after an archive member's path, in the scan's list of files that could not be checked.
            message = translate("Scan", "could not be checked: it is password-protected")
            problems.append(FileProblem(item["path"], message, PASSWORD_PROTECTED))
        else:
            #: %1: why, for example "more files in the archive than the limit".
            message = translate("Scan", "not fully checked: %1").arg(NOT_CHECKED_REASONS(item["limit"]))
            problems.append(FileProblem(item["path"], message, NOT_FULLY_CHECKED))
    return problems
