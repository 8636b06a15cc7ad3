"""Every detection carries its rule's provenance (issue #18): from the rule's meta in the engine, over
IPC, into the CLI's plain and JSON output; categories the user turned off are not reported."""

from __future__ import annotations

import json
from pathlib import Path

import yara

from app.core.context import Context
from app.engine.bundle import load_definitions
from app.engine.matcher import Matcher
from app.engine.provenance_meta import provenance_of
from app.engine.rules import compile_definitions
from tests.conftest import run_cli
from tests.engine.helpers import ATTRIBUTED_RULES, sample, scan_json

PUA = {"rule": "RF_Test_PUA_Tool", "category": "pua", "source": "testset-b", "author": "Jane Example (Example Labs)",
       "licence": "DRL-1.1", "reference": "https://example.org/rules/pua-tool"}


def _matcher() -> Matcher:
    return Matcher(compile_definitions(load_definitions(ATTRIBUTED_RULES)), {}, set())


def test_the_matcher_fills_each_hit_from_its_rule_meta(tmp_path: Path) -> None:
    hits = {h.rule: h for h in _matcher().match_file(str(sample(tmp_path / "a.txt", "pua", "threat", "none"))).hits}
    pua = hits["RF_Test_PUA_Tool"]
    assert {k: getattr(pua, k) for k in PUA} == PUA
    assert hits["RF_Test_Threat_Sample"].category == "threat"
    assert hits["RF_Test_Threat_Sample"].licence == "MIT"
    bare = hits["RF_Test_Unattributed"]  # a rule without provenance: a threat of unknown source
    assert (bare.category, bare.source, bare.author, bare.licence, bare.reference) == ("threat", "", "", "", "")


def test_provenance_of_keeps_values_short_on_one_line_and_unknown_categories_threats() -> None:
    rules = yara.compile(source='rule R { meta: rf_category = "Adware" author = "A\\nB" license = "CC-BY-4.0" '
                                'reference = 7 condition: true }')
    (match,) = rules.match(data=b"x")
    assert provenance_of(match) == {"category": "threat", "source": "", "author": "A B", "licence": "CC-BY-4.0",
                                    "reference": "7"}


def test_json_output_names_rule_category_source_author_and_licence(rf_home: Path, tmp_path: Path) -> None:
    sample(tmp_path / "scan" / "tool.txt", "pua")
    sample(tmp_path / "scan" / "clean.txt")  # no marker: nothing found
    code, report, _ = scan_json(str(tmp_path / "scan"), "--definitions", str(ATTRIBUTED_RULES))
    assert code == 1
    (detection,) = report["detections"]
    assert {k: detection[k] for k in PUA} == PUA
    assert detection["action"] == "reported"


def test_plain_output_keeps_one_line_per_finding_with_the_attribution(rf_home: Path, tmp_path: Path) -> None:
    sample(tmp_path / "scan" / "both.txt", "pua", "suspicious")
    result = run_cli("scan", str(tmp_path / "scan"), "--definitions", str(ATTRIBUTED_RULES))
    assert result.returncode == 1, result.stderr
    found = [line for line in result.stdout.splitlines() if " FOUND " in line]
    assert len(found) == 2
    pua = next(line for line in found if "RF_Test_PUA_Tool" in line)
    assert pua.endswith('category=pua source=testset-b author="Jane Example (Example Labs)" licence=DRL-1.1 '
                        'reference=https://example.org/rules/pua-tool)')
    assert "Threats found: 2 (of them potentially unwanted: 1, suspicious: 1)" in result.stdout.splitlines()


def test_a_category_turned_off_is_not_reported(rf_home: Path, tmp_path: Path) -> None:
    with Context.open() as ctx:
        ctx.settings.set("scan.action_suspicious", "off")
        ctx.settings.save()
    sample(tmp_path / "scan" / "script.txt", "suspicious")
    sample(tmp_path / "scan" / "tool.txt", "pua")
    code, report, _ = scan_json(str(tmp_path / "scan"), "--definitions", str(ATTRIBUTED_RULES))
    assert code == 1
    assert [d["rule"] for d in report["detections"]] == ["RF_Test_PUA_Tool"]
    assert json.dumps(report).count("RF_Test_Suspicious_Script") == 0


def test_verdicts_cached_before_hits_carried_provenance_are_not_reused() -> None:
    import hashlib

    from app.engine.scancache import policy_key

    before = json.dumps(["7", ["ab" * 32], []])  # how the policy was keyed then
    assert policy_key("7", ["ab" * 32], []) != f"7:{hashlib.sha256(before.encode()).hexdigest()[:16]}"
