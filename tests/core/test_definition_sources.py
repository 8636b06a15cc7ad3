"""``ringfence update status --sources``: the rule sets the definitions in use were built from."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.commands.update import print_sources
from app.core.detections.sources import AboutDefinitions
from tests.conftest import run_cli
from tests.engine.helpers import Source


def test_the_built_in_definitions_list_the_rule_sets_they_were_built_from(rf_home: Path) -> None:
    plain = run_cli("update", "status", "--sources")
    assert plain.returncode == 0, plain.stderr
    lines = plain.stdout.splitlines()
    assert any(line.startswith("Definitions ") and "(baseline)" in line for line in lines)
    for source in ("reversinglabs", "signature-base", "bartblaze", "ringfence"):
        assert any(line.startswith(f"  {source}: ") for line in lines), source
    doc = json.loads(run_cli("update", "status", "--sources", "--json").stdout)
    sources = {s["id"]: s for s in doc["definitions"]["sources"]}
    assert doc["definitions"]["origin"] == "baseline"
    assert sources["signature-base"]["licence"] == "DRL-1.1" and sources["signature-base"]["rule_count"] > 1000
    assert sum(s["rule_count"] for s in sources.values()) >= 5000
    assert "definitions" not in json.loads(run_cli("update", "status", "--json").stdout)


def test_each_rule_set_is_one_line_with_licence_commit_and_counts(capsys: pytest.CaptureFixture[str]) -> None:
    print_sources(AboutDefinitions("12", "channel", 5617, 1259, [
        Source("signature-base", "signature-base", "https://github.com/Neo23x0/signature-base", "8a89b3bf54517bbc",
               "DRL-1.1", "Detection Rule License 1.1", 4413, 1259, {"threat": 3800, "pua": 450, "suspicious": 0}),
        Source("ringfence", "Ringfence's own rules", "", "", "GPL-3.0", "GPL", 8, 0, {"threat": 8}),
    ]))
    assert capsys.readouterr().out.splitlines() == [
        "Definitions 12 (channel): 5617 rules, 1259 hash signatures",
        "  signature-base: signature-base, https://github.com/Neo23x0/signature-base (commit 8a89b3bf5451), "
        "licence DRL-1.1; 4413 rules, 1259 hashes (pua 450, threat 3800)",
        "  ringfence: Ringfence's own rules, - (commit -), licence GPL-3.0; 8 rules, 0 hashes (threat 8)",
    ]
