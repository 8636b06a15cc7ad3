"""Categories and attribution from the engine outward (issue #18): threats follow the on-detection action,
potentially unwanted and suspicious findings are never quarantined without the user's say, and every
detection keeps its rule's provenance in the history, the event journal and the quarantine."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.context import Context
from app.core.journal import events
from app.core.quarantine import list_items
from app.core.scanning.job import ScanJob, ScanRequest, ScanSummary
from tests.conftest import run_cli
from tests.engine.helpers import ATTRIBUTED_RULES, sample

AUTHOR = "Jane Example (Example Labs)"


@pytest.fixture
def ctx(rf_home: Path) -> Iterator[Context]:
    with Context.open() as context:
        yield context


def _scan(ctx: Context, folder: Path, action: str | None = None) -> ScanSummary:
    """A scan as the console starts it: the on-detection action from the settings unless given."""
    return ScanJob(ctx, ScanRequest("custom", [str(folder)], action=action, definitions=ATTRIBUTED_RULES,
                                    use_cache=False)).run()


@pytest.mark.usefixtures("secret_service")
def test_with_the_console_defaults_a_pua_finding_is_reported_and_a_threat_quarantined(ctx: Context,
                                                                                     tmp_path: Path) -> None:
    assert ctx.settings["scan.action"] == "quarantine" and ctx.settings["scan.action_pua"] == "report"
    tool = sample(tmp_path / "scan" / "tool.txt", "pua")
    script = sample(tmp_path / "scan" / "script.txt", "suspicious")
    threat = sample(tmp_path / "scan" / "threat.txt", "threat")
    summary = _scan(ctx, tmp_path / "scan")
    actions = {f.rule: (f.category, f.action) for f in summary.found}
    assert actions == {"RF_Test_PUA_Tool": ("pua", "reported"), "RF_Test_Suspicious_Script": ("suspicious", "reported"),
                       "RF_Test_Threat_Sample": ("threat", "quarantined")}
    assert tool.exists() and script.exists() and not threat.exists()
    assert [i.original_path for i in list_items(ctx)] == [str(threat)]


@pytest.mark.usefixtures("secret_service")
def test_with_quarantine_chosen_for_pua_it_is_quarantined_with_its_provenance(ctx: Context, tmp_path: Path) -> None:
    ctx.settings.set("scan.action_pua", "quarantine")
    tool = sample(tmp_path / "scan" / "tool.txt", "pua")
    summary = _scan(ctx, tmp_path / "scan")
    assert [(f.rule, f.action) for f in summary.found] == [("RF_Test_PUA_Tool", "quarantined")]
    assert not tool.exists()
    (item,) = list_items(ctx)
    assert (item.rule, item.category, item.source, item.author, item.licence) == \
        ("RF_Test_PUA_Tool", "pua", "testset-b", AUTHOR, "DRL-1.1")
    row = ctx.store.conn.execute("SELECT category, source, author, licence, reference, action FROM detections") \
        .fetchone()
    assert tuple(row) == ("pua", "testset-b", AUTHOR, "DRL-1.1", "https://example.org/rules/pua-tool", "quarantined")
    shown = run_cli("quarantine", "show", item.id, "--json")
    assert shown.returncode == 0, shown.stderr
    doc = json.loads(shown.stdout)
    assert (doc["category"], doc["source"], doc["author"], doc["licence"], doc["reference"]) == \
        ("pua", "testset-b", AUTHOR, "DRL-1.1", "https://example.org/rules/pua-tool")
    plain = run_cli("quarantine", "show", item.id)
    assert f"author:              {AUTHOR}" in plain.stdout.splitlines()


@pytest.mark.usefixtures("secret_service")
def test_ask_for_pua_asks_and_a_scan_that_only_reports_never_moves_a_file(ctx: Context, tmp_path: Path) -> None:
    ctx.settings.set("scan.action_pua", "ask")
    tool = sample(tmp_path / "scan" / "tool.txt", "pua")
    assert [f.action for f in _scan(ctx, tmp_path / "scan").found] == ["ask"]
    ctx.settings.set("scan.action_pua", "quarantine")
    assert [f.action for f in _scan(ctx, tmp_path / "scan", action="report").found] == ["reported"]
    assert tool.exists() and not list_items(ctx)


@pytest.mark.usefixtures("secret_service")
def test_a_file_with_a_threat_and_a_pua_finding_is_quarantined_once(ctx: Context, tmp_path: Path) -> None:
    both = sample(tmp_path / "scan" / "both.txt", "pua", "threat")
    summary = _scan(ctx, tmp_path / "scan")
    assert sorted((f.rule, f.action) for f in summary.found) == [("RF_Test_PUA_Tool", "quarantined"),
                                                                 ("RF_Test_Threat_Sample", "quarantined")]
    assert not both.exists()
    (item,) = list_items(ctx)
    assert item.category == "threat"  # the detection that moved it


def test_the_journal_keeps_the_provenance_and_history_shows_the_author(ctx: Context, tmp_path: Path) -> None:
    sample(tmp_path / "scan" / "tool.txt", "pua")
    _scan(ctx, tmp_path / "scan")
    (found,) = [e for e in events.events_since(ctx.store, 0) if e.code == "threat.found"]
    assert {k: found.args[k] for k in ("category", "source", "author", "licence", "on_detection")} == \
        {"category": "pua", "source": "testset-b", "author": AUTHOR, "licence": "DRL-1.1", "on_detection": "report"}
    assert len(found.args["sha256"]) == 64 and found.args["size"] == (tmp_path / "scan" / "tool.txt").stat().st_size
    assert found.message.english() == (f"RF_Test_PUA_Tool was found in {tmp_path / 'scan' / 'tool.txt'} "
                                       f"(Potentially unwanted · rule set testset-b · by {AUTHOR} · licence DRL-1.1).")
    history = run_cli("history", "--kind", "threat")
    assert f"by {AUTHOR}" in history.stdout


def test_an_event_from_before_provenance_reads_as_it_did() -> None:
    old = events.Event(1, 0.0, "threat", "critical", "threat.found", {"threat": "EICAR", "path": "/x/a"})
    assert old.message.english() == "EICAR was found in /x/a."


@pytest.mark.usefixtures("secret_service")
def test_a_scheduled_scan_applies_the_categories_too(ctx: Context, tmp_path: Path) -> None:
    from app.core.schedule.scheduler import run_in_background

    tool = sample(tmp_path / "scan" / "tool.txt", "pua")
    threat = sample(tmp_path / "scan" / "threat.txt", "threat")
    run = run_in_background(ctx, ScanRequest("custom", [str(tmp_path / "scan")], definitions=ATTRIBUTED_RULES,
                                             use_cache=False))
    assert run.outcome == "finished"
    assert tool.exists() and not threat.exists()  # the console's defaults: the threat quarantined, not the tool
    rows = ctx.store.conn.execute("SELECT rule, category, action FROM detections ORDER BY rule").fetchall()
    assert [tuple(r) for r in rows] == [("RF_Test_PUA_Tool", "pua", "reported"),
                                        ("RF_Test_Threat_Sample", "threat", "quarantined")]
