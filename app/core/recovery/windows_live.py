# ruff: noqa: E501 - each translatable text stays one string literal so that lupdate extracts it whole
"""The Windows live provider: the System log through ``wevtutil``, the crash dumps Windows kept, and the
WinRE / Quick Machine Recovery state through ``reagentc``.

The commands and the registry are reached through injectable callables (a command runner, a
CrashControl reader, an elevation check) so the same code runs against recorded outputs in tests.
Reading dumps and reagentc needs administrator rights; without them the report says so in a note
instead of failing. ``reagentc /getrecoverysettings`` prints the WinRE Wi-Fi password: its output is
handed straight to the parser, which removes it first, and is never logged.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from app.core.foundation.errors import RingfenceError
from app.core.recovery import reagentc
from app.core.recovery import windows_events as ev
from app.core.recovery.dumpfile import read_dump_file
from app.core.recovery.findings import DumpFinding, Findings
from app.core.recovery.runner import CommandResult, Runner, run_command
from app.core.text.messages import translate

log = logging.getLogger(__name__)
MAX_EVENTS = 200
MAX_MINIDUMPS = 50


def decode_output(data: bytes) -> str:
    """Console output: UTF-16 or UTF-8 when marked or valid, else the console (OEM) code page."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("oem" if sys.platform == "win32" else "latin-1", errors="replace")


def read_crash_control() -> dict[str, str]:
    """``MinidumpDir`` and ``DumpFile`` from HKLM\\SYSTEM\\CurrentControlSet\\Control\\CrashControl (expanded)."""
    if sys.platform != "win32":
        return {}
    import winreg

    values: dict[str, str] = {}
    try:
        with winreg.OpenKey(winreg.HKEY_LOCAL_MACHINE, r"SYSTEM\CurrentControlSet\Control\CrashControl") as key:
            for name in ("MinidumpDir", "DumpFile"):
                try:
                    value, _kind = winreg.QueryValueEx(key, name)
                except OSError:
                    continue
                values[name] = winreg.ExpandEnvironmentStrings(str(value))
    except OSError as exc:
        log.info("CrashControl key not readable: %s", exc)
    return values


def is_elevated() -> bool:
    if sys.platform != "win32":
        return False
    import ctypes

    try:
        return bool(ctypes.windll.shell32.IsUserAnAdmin())
    except OSError:
        return False


def event_queries() -> list[str]:
    """One XPath query per provider (short queries stay far from the event log's expression limits)."""
    queries = []
    for provider, ids in ev.RELEVANT.items():
        id_test = " or ".join(f"EventID={event_id}" for event_id in sorted(ids))
        queries.append(f"*[System[Provider[@Name='{provider}'] and ({id_test})]]")
    return queries


class WindowsLiveProvider:
    name = "windows"

    def __init__(self, runner: Runner = run_command, crash_control: Callable[[], dict[str, str]] = read_crash_control,
                 elevated: Callable[[], bool] = is_elevated, system_root: Path | None = None) -> None:
        self.runner, self.crash_control, self.elevated = runner, crash_control, elevated
        self.system_root = system_root or Path(os.environ.get("SYSTEMROOT", r"C:\Windows"))

    def collect(self) -> Findings:
        findings = Findings(platform="windows")
        self._events(findings)
        self._dumps(findings)
        self._reagentc(findings)
        return findings

    def _run(self, argv: Sequence[str], findings: Findings, to_file: bool = False) -> CommandResult | None:
        try:
            return self.runner(argv, to_file)
        except (OSError, subprocess.SubprocessError) as exc:
            findings.note(translate("Recovery", "The Windows tool %1 could not be run (%2).").arg(argv[0], exc))
            return None

    def _events(self, findings: Findings) -> None:
        for query in event_queries():
            done = self._run(["wevtutil", "qe", "System", f"/q:{query}", "/f:xml", "/rd:true", f"/c:{MAX_EVENTS}"], findings)
            if done is None:
                return
            if done.returncode != 0:
                reason = decode_output(done.stderr or done.stdout).strip().splitlines()
                if done.returncode == 5:
                    findings.note(translate("Recovery", "Ringfence has no permission to read the System event log."))
                else:
                    findings.note(translate("Recovery", "The System event log could not be read (%1).").arg(reason[0][:200] if reason else done.returncode))
                return
            try:
                findings.events.extend(ev.parse_events(decode_output(done.stdout), "hex", name=translate("Recovery", "The System event log")))
            except RingfenceError as exc:
                findings.note(translate("Recovery", "Part of the System event log was unreadable: %1").arg(exc.msg))
        findings.event_sources.append("System")

    def _dumps(self, findings: Findings) -> None:
        control = self.crash_control()
        minidumps = Path(control.get("MinidumpDir") or self.system_root / "Minidump")
        memory = Path(control.get("DumpFile") or self.system_root / "MEMORY.DMP")
        candidates: list[Path] = []
        try:
            if minidumps.is_dir():
                found = [p for p in minidumps.iterdir() if p.suffix.lower() == ".dmp" and p.is_file()]
                candidates.extend(sorted(found, key=lambda p: p.stat().st_mtime, reverse=True)[:MAX_MINIDUMPS])
        except PermissionError:
            findings.note(translate("Recovery", "Ringfence has no permission to read the crash dumps in %1; run it as an administrator to include them.").arg(minidumps))
        try:
            if memory.is_file():
                candidates.append(memory)
        except PermissionError:
            pass
        for path in candidates:
            try:
                findings.dumps.append(DumpFinding(str(path), read_dump_file(path)))
            except RingfenceError as exc:
                findings.note(translate("Recovery", "Skipped %1: %2").arg(path, exc.msg))

    def _reagentc(self, findings: Findings) -> None:
        info = self._run(["reagentc", "/info"], findings)
        if info is None:
            return
        findings.add_winre(reagentc.parse_info(decode_output(info.stdout)))
        settings = self._run(["reagentc", "/getrecoverysettings"], findings)
        if settings is not None and b"<WindowsRE" not in settings.stdout and b"<\x00W\x00i\x00n" not in settings.stdout:
            settings = self._run(["reagentc", "/getrecoverysettings"], findings, to_file=True) or settings
        if settings is not None:
            findings.add_qmr(reagentc.parse_recovery_settings(decode_output(settings.stdout)))
        if ((findings.winre and findings.winre.problem) or (findings.qmr and findings.qmr.problem)) and not self.elevated():
            findings.note(translate("Recovery", "Reading the Windows Recovery Environment and Quick Machine Recovery settings needs administrator rights."))
