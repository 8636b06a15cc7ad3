"""``ringfence recovery``: what the crash screen showed, and the state of Windows' recovery features.

``ringfence recovery [--source DIR] [--json]`` reports the unexpected restarts found on this system (or
in a folder of copied logs and dumps) and the WinRE / Quick Machine Recovery state;
``ringfence recovery dump FILE [--json]`` reads one Windows crash dump;
``ringfence recovery export [--source DIR] [--format text|html] [--output FILE]`` writes the crash history
(aggregated by probable driver, set against Ringfence's definitions changes, personal details removed)
for support. Notes about what could not be read go to stderr, so the JSON on stdout stays exactly the
documented document.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import Any

from app.commands.output import print_json, printable
from app.core.context import Context
from app.core.foundation.errors import RingfenceError
from app.core.recovery.crash_export import export_html, export_text, write_export
from app.core.recovery.crash_history import CrashHistory, DriverCount, read_history
from app.core.recovery.dumpfile import read_dump_file
from app.core.recovery.explain import USER_MODE_STATEMENT, explain_code, kind_text, kind_title
from app.core.recovery.model import CrashReport, RecoveryScan, RecoveryState, hex_code, hex_parameter, iso_utc
from app.core.recovery.providers import UnsupportedSystemError, scan

log = logging.getLogger(__name__)


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("recovery", help="crash & recovery insights: stop codes, probable drivers, QMR state",
                                   description="Explain unexpected restarts and show the Windows recovery (WinRE, "
                                               "Quick Machine Recovery) state.")
    parser.add_argument("--source", type=Path, metavar="DIR",
                        help="read a folder of copied event logs, crash dumps and saved outputs instead of this system")
    parser.add_argument("--json", action="store_true", help="print one JSON document")
    parser.set_defaults(func=run, recovery_command=None)
    sub = parser.add_subparsers(dest="recovery_command", metavar="COMMAND")
    dump = sub.add_parser("dump", help="read one Windows kernel crash dump (.dmp)")
    dump.add_argument("file", type=Path, metavar="FILE")
    dump.add_argument("--json", action="store_true", dest="dump_json", help="print one JSON document")
    export = sub.add_parser("export", help="the crash history for support, without personal details (text or HTML)")
    export.add_argument("--source", type=Path, metavar="DIR", dest="export_source",
                        help="read a folder of copied event logs and crash dumps instead of this system")
    export.add_argument("--format", choices=("text", "html"), default=None,
                        help="text or html (default: from the --output name, else text)")
    export.add_argument("--output", type=Path, metavar="FILE", help="write to FILE instead of standard output")


def run(args: argparse.Namespace) -> int:
    with Context.open() as ctx:
        if args.recovery_command == "dump":
            return _run_dump(args.file, args.json or args.dump_json)
        if args.recovery_command == "export":
            return _run_export(ctx, args.export_source or args.source, args.format, args.output)
        return _run_scan(ctx, args.source, args.json)


def _run_dump(path: Path, as_json: bool) -> int:
    info = read_dump_file(path)
    log.info("read crash dump %s: %s", path, hex_code(info.bugcheck_code))
    doc: dict[str, Any] = {
        "signature": info.signature,
        "machine": info.machine,
        "build": info.build,
        "dump_type": info.dump_type,
        "bugcheck_code": hex_code(info.bugcheck_code),
        "bugcheck_name": _name(info.bugcheck_code),
        "parameters": [hex_parameter(p, info.parameter_width) for p in info.parameters],
        "system_time": iso_utc(info.system_time),
        "probable_module": info.probable_module,
        "drivers_count": len(info.drivers),
    }
    if as_json:
        print_json(doc)
        return 0
    lines = [f"Crash dump {path}", ""]
    lines += _stop_code_lines(info.bugcheck_code, doc["parameters"], info.probable_module, info.probable_reason)
    lines.append(f"  Crashed at:       {_when(doc['system_time'])}")
    lines.append(f"  Windows:          build {info.build}, {info.machine}, {info.dump_type} dump, "
                 f"{len(info.drivers)} drivers listed")
    lines += ["", USER_MODE_STATEMENT]
    _print(lines)
    return 0


def _name(code: int | None) -> str | None:
    from app.core.recovery.bugchecks import bugcheck_name

    return None if code is None else bugcheck_name(code)


def _read(source: Path | None) -> RecoveryScan:
    try:
        result = scan(source)
    except UnsupportedSystemError as exc:
        raise RingfenceError(f"{exc.message} Use --source FOLDER.") from exc
    for note in result.notes:
        log.info("recovery note: %s", note)
        print(printable(f"ringfence: note: {note}"), file=sys.stderr)
    return result


def _run_scan(ctx: Context, source: Path | None, as_json: bool) -> int:
    result = _read(source)
    if as_json:
        print_json(result.to_json())
        return 0
    _print(_scan_lines(result, source, read_history(ctx.store, source, result)))
    return 0


def _run_export(ctx: Context, source: Path | None, fmt: str | None, output: Path | None) -> int:
    history = read_history(ctx.store, source, _read(source))
    html = fmt == "html" or (fmt is None and output is not None and output.suffix.lower() in (".html", ".htm"))
    if output is None:
        content = export_html(history, source=source) if html else export_text(history, source=source)
        sys.stdout.write(content)
        sys.stdout.flush()
        return 0
    if html and output.suffix.lower() not in (".html", ".htm"):
        output = output.with_name(output.name + ".html")
    elif not html and output.suffix.lower() in (".html", ".htm"):
        output = output.with_suffix(".txt")
    write_export(output, history, source=source)
    log.info("crash history exported to %s", output)
    print(printable(f"Crash history written to {output} ({len(history.entries)} unexpected restarts)."))
    return 0


def _scan_lines(result: RecoveryScan, source: Path | None, history: CrashHistory) -> list[str]:
    where = f"the folder {source}" if source else "this system"
    count = len(result.crashes)
    lines = [f"Crash & recovery report for {where}", "", str(history.conclusion), ""]
    for driver in history.drivers:
        lines.append(f"  {driver.summary}" + _driver_details(driver))
    if history.drivers:
        lines.append("")
    if not count:
        lines.append("No unexpected restarts or crashes were found.")
    else:
        lines.append(f"{count} unexpected restart{'s' if count != 1 else ''} found, newest first:")
    for entry in history.entries:
        lines += ["", *_crash_lines(entry.report), f"  Ringfence:        {entry.definitions}"]
    lines += ["", *_recovery_lines(result.recovery)]
    if result.crashes:
        lines += ["", USER_MODE_STATEMENT]
    return lines


def _driver_details(driver: DriverCount) -> str:
    info = driver.version
    if info is None:
        return ""
    facts = [f"version {info.file_version}" if info.file_version else "", info.company or "",
             f"dated {info.date:%Y-%m-%d}" if info.date else ""]
    return " (" + ", ".join(filter(None, facts)) + ")" if any(facts) else ""


def _crash_lines(crash: CrashReport) -> list[str]:
    data = crash.to_json()
    lines = [f"* {_when(data['time'])}: {kind_title(crash.kind)}", f"  {kind_text(crash.kind)}"]
    if crash.bugcheck_code is not None or crash.probable_module:
        lines += _stop_code_lines(crash.bugcheck_code, data["parameters"], crash.probable_module, None)
    if crash.dump_path:
        lines.append(f"  Dump file:        {crash.dump_path}")
    lines.append("  Evidence:")
    lines += [f"    - {item.source} ({_when(iso_utc(item.time))}): {item.detail}" for item in crash.evidence]
    return lines


def _stop_code_lines(code: int | None, parameters: list[str] | None, module: str | None, how: str | None) -> list[str]:
    lines = []
    if code is not None:
        lines.append(f"  Stop code:        {_name(code) or 'unknown stop code'} ({hex_code(code)})")
        if parameters:
            lines.append(f"  Parameters:       {', '.join(parameters)}")
    if module:
        lines.append(f"  Probable driver:  {module}" + (f" ({how})" if how else ""))
    text = explain_code(code, module)
    if text is not None:
        lines += [f"  What it means:    {text.meaning}", f"  What you can do:  {text.advice}"]
    return lines


def _recovery_lines(state: RecoveryState) -> list[str]:
    if state.platform != "windows":
        return ["Windows recovery features: not applicable." if state.platform else "Windows recovery features: no information found."]
    lines = ["Windows recovery:"]
    winre = {True: "enabled", False: "disabled", None: "unknown"}[state.winre_enabled]
    if state.winre_version:
        winre += f", version {state.winre_version}"
    if state.winre_location:
        winre += f", at {state.winre_location}"
    lines.append(f"  Recovery Environment (WinRE): {winre}")
    lines.append(f"  Quick Machine Recovery, cloud remediation: {_on_off(state.qmr_cloud_remediation)}")
    lines.append(f"  Quick Machine Recovery, auto remediation:  {_on_off(state.qmr_auto_remediation)}")
    if state.qmr_retry_interval_minutes is not None:
        lines.append(f"  Looks for a fix every:  {_minutes(state.qmr_retry_interval_minutes)}")
    if state.qmr_total_wait_minutes is not None:
        lines.append(f"  Restarts after:         {_minutes(state.qmr_total_wait_minutes)}")
    if not state.recovery_boots:
        lines.append("  Failed boots or recovery activity: none recorded.")
    for boot in state.recovery_boots:
        lines.append(f"  - {_when(iso_utc(boot.time))}: {boot.message}")
    return lines


def _on_off(value: bool | None) -> str:
    return {True: "on", False: "off", None: "unknown"}[value]


def _minutes(value: int) -> str:
    if value == 0:
        return "once (no repeat)"
    return f"{value} minutes" + (f" ({value / 60:g} hours)" if value >= 60 and value % 30 == 0 else "")


def _when(iso: str | None) -> str:
    return iso.replace("T", " ").replace("Z", " UTC") if iso else "time unknown"


def _print(lines: list[str]) -> None:
    sys.stdout.write("\n".join(printable(line) for line in lines) + "\n")
    sys.stdout.flush()
