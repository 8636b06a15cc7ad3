# ruff: noqa: E501 - each translatable text stays one string literal so that lupdate extracts it whole
"""The crash history as a text or HTML report a user can send to support.

Both forms are built from the same blocks (:func:`blocks`), and every piece of text passes
:func:`app.core.recovery.privacy.scrub` before it is written, so no Wi-Fi password, name, home
folder, e-mail address, network name or serial number reaches the file. The HTML form escapes every
value: a driver or file name is always shown as text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from html import escape
from pathlib import Path

from app.core.foundation.errors import RingfenceError
from app.core.foundation.fileio import atomic_write_bytes
from app.core.recovery.crash_history import CrashHistory, DriverCount
from app.core.recovery.explain import USER_MODE_STATEMENT, kind_title
from app.core.recovery.model import hex_code, hex_parameter
from app.core.recovery.privacy import Personal, scrub
from app.core.text.messages import Message, marked, render, translate

Say = Callable[[Message | str], str]
TITLE = translate("CrashExport", "Ringfence crash history")


@dataclass
class Block:
    """A heading and its rows: (label, value); an empty label makes the value a paragraph of its own."""

    heading: str
    rows: list[tuple[str, str]] = field(default_factory=list)
    level: int = 2  # 1 the report, 2 a section, 3 one crash


def utc(moment: datetime | None) -> str:
    """A time the way a support desk anywhere reads it: ``2025-11-25 15:23 UTC``."""
    if moment is None:
        return "?"
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


def blocks(history: CrashHistory, say: Say = render, *, source: Path | None = None,
           created: datetime | None = None) -> list[Block]:
    """The report's content in reading order; the first block holds the conclusion."""
    created = created or datetime.now(UTC)
    where = say(translate("CrashExport", "a folder of copied logs and dumps (%1)").arg(str(source))) if source \
        else say(translate("CrashExport", "this PC"))
    head = Block(say(TITLE), [("", say(history.conclusion)),
                              (say(translate("CrashExport", "Created")), utc(created)),
                              (say(translate("CrashExport", "Read from")), where),
                              ("", say(marked("StopCodes", USER_MODE_STATEMENT)))])
    result = [head]
    if history.drivers:
        drivers = Block(say(translate("CrashExport", "Probable drivers")))
        for driver in history.drivers:
            drivers.rows += _driver_rows(driver, say, looked_up=source is None)
        result.append(drivers)
    if history.entries:  # none: the conclusion says so
        result.append(Block(say(translate("CrashExport", "Unexpected restarts, newest first"))))
    for number, entry in enumerate(history.entries, 1):
        report = entry.report
        block = Block(f"{number}. {utc(report.time)}: {say(kind_title(report.kind))}", level=3)
        if report.bugcheck_code is not None:
            block.rows.append((say(translate("CrashExport", "Stop code")),
                               f"{report.bugcheck_name or '?'} ({hex_code(report.bugcheck_code)})"))
        if report.parameters:
            block.rows.append((say(translate("CrashExport", "Parameters")),
                               ", ".join(hex_parameter(p, report.parameter_width) for p in report.parameters)))
        if report.probable_module:
            block.rows.append((say(translate("CrashExport", "Probable driver")), report.probable_module))
        if report.dump_path:
            block.rows.append((say(translate("CrashExport", "Dump file")), report.dump_path))
        block.rows.append((say(translate("CrashExport", "Ringfence definitions")), say(entry.definitions)))
        for item in report.evidence:
            block.rows.append((say(translate("CrashExport", "Evidence")),
                               f"{say(item.source)} ({utc(item.time)}): {say(item.message)}"))
        result.append(block)
    if history.notes:
        result.append(Block(say(translate("CrashExport", "What could not be read")), [("", say(n)) for n in history.notes]))
    result.append(Block(say(translate("CrashExport", "Privacy")), [("", say(translate(
        "CrashExport", "User and computer names, home folders, e-mail addresses, network names, serial numbers and Wi-Fi passwords were removed from this report.")))]))
    return result


def _driver_rows(driver: DriverCount, say: Say, *, looked_up: bool) -> list[tuple[str, str]]:
    rows = [("", say(driver.summary))]
    info = driver.version
    if info is None:
        if looked_up:
            rows.append((say(translate("CrashExport", "On this PC")),
                         say(translate("CrashExport", "not found, or without version information"))))
        return rows
    rows.append((say(translate("CrashExport", "File on this PC")), info.path))
    for label, value in ((translate("CrashExport", "Company"), info.company),
                         (translate("CrashExport", "File version"), info.file_version),
                         (translate("CrashExport", "Description"), info.description),
                         (translate("CrashExport", "Product"), info.product)):
        if value:
            rows.append((say(label), value))
    if info.date is not None:
        rows.append((say(translate("CrashExport", "Date")), info.date.astimezone(UTC).strftime("%Y-%m-%d")))
    return rows


def _clean(found: list[Block], personal: Personal) -> list[Block]:
    return [Block(scrub(b.heading, personal), [(scrub(label, personal), scrub(value, personal)) for label, value in b.rows],
                  b.level) for b in found]


def export_text(history: CrashHistory, say: Say = render, personal: Personal | None = None, *,
                source: Path | None = None, created: datetime | None = None) -> str:
    """The report as plain text (UTF-8, one value per line)."""
    found = _clean(blocks(history, say, source=source, created=created), _personal(personal))
    lines: list[str] = []
    found[0].level = 1
    for block in found:
        lines += [block.heading, "=-~"[block.level - 1] * min(len(block.heading), 78)]
        lines += [f"{label}: {value}" if label else value for label, value in block.rows]
        lines.append("")
    return "\n".join(lines)


def export_html(history: CrashHistory, say: Say = render, personal: Personal | None = None, *,
                source: Path | None = None, created: datetime | None = None, language: str = "en") -> str:
    """The report as one self-contained HTML page; every value is escaped."""
    found = _clean(blocks(history, say, source=source, created=created), _personal(personal))
    head, rest = found[0], found[1:]
    out = ["<!DOCTYPE html>", f'<html lang="{escape(language)}">', "<head>", '<meta charset="utf-8">',
           f"<title>{escape(head.heading)}</title>",
           "<style>body{font-family:sans-serif;max-width:60em;margin:2em auto;padding:0 1em}"
           "table{border-collapse:collapse}th,td{text-align:left;vertical-align:top;padding:.2em .6em}"
           "th{white-space:nowrap}.conclusion{font-size:1.2em;font-weight:bold}</style>", "</head>", "<body>",
           f"<h1>{escape(head.heading)}</h1>"]
    out += _html_rows(head.rows, conclusion=True)
    for block in rest:
        out.append(f"<h{block.level}>{escape(block.heading)}</h{block.level}>")
        out += _html_rows(block.rows)
    out += ["</body>", "</html>", ""]
    return "\n".join(out)


def _html_rows(rows: list[tuple[str, str]], *, conclusion: bool = False) -> list[str]:
    out: list[str] = []
    table: list[str] = []
    for index, (label, value) in enumerate(rows):
        if label:
            table.append(f"<tr><th>{escape(label)}</th><td>{escape(value)}</td></tr>")
            continue
        if table:
            out += ["<table>", *table, "</table>"]
            table = []
        css = ' class="conclusion"' if conclusion and index == 0 else ""
        out.append(f"<p{css}>{escape(value)}</p>")
    if table:
        out += ["<table>", *table, "</table>"]
    return out


def _personal(personal: Personal | None) -> Personal:
    this_pc = Personal.of_this_pc()
    return this_pc if personal is None else personal.merged(this_pc)


def write_export(path: Path, history: CrashHistory, say: Say = render, personal: Personal | None = None, *,
                 source: Path | None = None, language: str = "en") -> str:
    """Write the report to ``path``: HTML for ``.html`` / ``.htm``, plain text otherwise; returns the format."""
    html = path.suffix.lower() in (".html", ".htm")
    content = export_html(history, say, personal, source=source, language=language) if html \
        else export_text(history, say, personal, source=source)
    try:
        atomic_write_bytes(path, content.encode("utf-8"), mode=0o644)
    except OSError as exc:
        raise RingfenceError(translate("CrashExport", "The crash history could not be saved to %1 (%2); choose another folder.")
                             .arg(str(path), exc.strerror or str(exc))) from exc
    return "html" if html else "text"
