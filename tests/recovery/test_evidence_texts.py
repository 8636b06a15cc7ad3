"""Crash evidence names its source and its times as messages: German on the console, English in the CLI,
dates written by the edge rather than baked into the sentence."""

from __future__ import annotations

import re
from pathlib import Path

from app.core.recovery import windows_events as ev
from app.core.recovery.correlate import correlate
from app.core.recovery.findings import Findings
from app.core.recovery.offline import OfflineFolderProvider
from app.core.text.messages import Message, Moment, render
from tests.recovery import eventxml as x
from tests.scanjob.test_scan_messages import german

ISO_TIME = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")


def test_event_log_evidence_names_its_source_and_time_in_the_readers_language() -> None:
    findings = Findings(platform="windows", events=ev.parse_events(x.wevtutil_stream(
        x.eventlog_simple(6005, "2025-11-25T09:00:00Z", record=1), x.kernel_power_41(), x.eventlog_6008())))
    (crash,) = correlate(findings).crashes
    sources = [item.source for item in crash.evidence]
    assert all(isinstance(s, Message) for s in sources)
    assert "System log: Kernel-Power 41" in [render(s) for s in sources]
    assert "Systemprotokoll: Kernel-Power 41" in [render(s, german) for s in sources]
    [alive] = [item.message for item in crash.evidence if "last running" in render(item.message)]
    moment = alive.args[0]
    assert isinstance(moment, Moment)
    assert render(alive, german, lambda m: "<DATE>").endswith("<DATE>.")
    assert not ISO_TIME.search(render(alive, german, lambda m: "<DATE>"))
    assert crash.to_json()["evidence"][0]["source"].startswith("System log: ")  # the CLI's JSON stays English


def test_a_damaged_file_in_a_copied_folder_is_noted_in_the_readers_language(tmp_path: Path) -> None:
    (tmp_path / "MEMORY.DMP").write_bytes(b"PAGEDU64" + b"\0" * 64)  # a dump cut off inside its header
    [note] = OfflineFolderProvider(tmp_path).collect().notes
    english, shown = render(note), render(note, german)
    assert "crash dump" in english and "is incomplete" in english
    assert "Speicherabbild" in shown and "unvollständig" in shown and "crash dump" not in shown
