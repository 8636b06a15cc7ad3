"""Definitions whose cost grows with the file size never become active: the validation sandbox
measures them on generated files of 64 KB, 1 MB and 8 MB and refuses them, naming the rule — in the
publisher's build (the vendor learns first) and in the client, with the real default limits."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app.channel.build import build, default_clean_corpus
from app.channel.repository import ChannelError
from app.core.foundation.resources import resource_path
from app.core.text.messages import render
from app.core.updates.sandbox import DEFAULT_TIMEOUT_S
from app.engine import cost_probe
from app.engine.bundle import build_bundle, extract_bundle, load_definitions
from app.engine.rules import compile_definitions
from tests.updates.conftest import EICAR_RULE, HANG_RULE, MARKER_RULE, Setup, write_rules

BACKTRACK_RULE = "rule Ringfence_Test_Backtrack {\n  strings: $r = /(a+)+(b+)+(c+)+$/\n  condition: $r\n}\n"
FILLER = "".join(f'rule Filler_{i} {{\n  strings: $s = "RINGFENCE-FILLER-{i:03d}"\n  condition: $s\n}}\n'
                 for i in range(12))


def costly_rules(folder: Path, rule: str) -> Path:
    """A rule set where the costly rule hides among ordinary ones, in one of several files."""
    return write_rules(folder, {"eicar.yar": EICAR_RULE, "marker.yar": MARKER_RULE, "a_filler.yar": FILLER,
                                "z_mixed.yar": FILLER.replace("Filler_", "Mixed_") + rule})


@pytest.mark.parametrize(("rule", "name"), [(HANG_RULE, "z_mixed:Ringfence_Test_Hang"),
                                            (BACKTRACK_RULE, "z_mixed:Ringfence_Test_Backtrack")])
def test_the_publishers_build_refuses_a_rule_whose_cost_grows_with_the_size(tmp_path: Path, rule: str,
                                                                           name: str) -> None:
    rules = costly_rules(tmp_path / "rules", rule)
    with pytest.raises(ChannelError) as refused:  # the default clean corpus and the default limits
        build(rules, tmp_path / "defs.tar.gz", 9)
    reason = str(refused.value)
    assert reason.startswith(f"The rule {name} ") and reason.endswith("(check: cost)")
    # past the time limit on a file of some size, or within it on the largest file but over the budget
    # per MB: which one depends on this machine's speed, and both refuse the rule for its cost
    assert ("took longer than" in reason and "larger files would not be checked at all" in reason) or \
        re.search(r"needs [\d.]+ s per MB on a generated \d+ MB file, more than the budget", reason), reason
    assert not (tmp_path / "defs.tar.gz").exists()


def test_the_client_refuses_it_with_default_limits_and_keeps_protecting(setup: Setup, tmp_path: Path) -> None:
    setup.new_service(clean_corpus=default_clean_corpus(), validation_timeout=DEFAULT_TIMEOUT_S)
    setup.release("v1")
    assert setup.service.check().outcome == "updated"
    setup.service.state.known_good = [1]
    setup.service._save()
    rules = costly_rules(tmp_path / "rules", HANG_RULE)
    setup.material.bundles["quadratic"] = build_bundle(rules, tmp_path / "q.tar.gz", 4, rule_count=27)
    setup.force_release("quadratic")  # past a broken publishing pipeline, onto the signed channel
    result = setup.service.check()
    assert result.outcome == "rejected" and setup.service.state.active_version == 1
    entry = setup.service.status().history[0]
    assert (entry.event, entry.version) == ("rejected", "4")
    assert "The rule z_mixed:Ringfence_Test_Hang took longer than" in render(entry.reason)
    assert "generated 64 KB file" in render(entry.reason)


def test_a_good_version_records_its_cost_and_the_next_is_measured_against_it(setup: Setup) -> None:
    setup.release("v1")
    assert setup.service.check().outcome == "updated"
    record = setup.service.activator.staging.record(1)
    assert record is not None and 0 < record["timings"]["cost_s_per_mb"] < cost_probe.MIN_S_PER_MB
    setup.service.state.known_good = [1]
    assert setup.service._reference_cost() == record["timings"]["cost_s_per_mb"]


def test_the_budget_is_relative_to_the_last_good_version_within_fixed_bounds() -> None:
    assert cost_probe.budget(None) == cost_probe.ABSOLUTE_S_PER_MB == 0.5
    assert cost_probe.budget(0.001) == cost_probe.MIN_S_PER_MB  # a very fast set: never below the noise floor
    assert cost_probe.budget(0.1) == pytest.approx(0.4)  # four times the last good version
    assert cost_probe.budget(1.0) == cost_probe.ABSOLUTE_S_PER_MB  # never above the absolute budget


def test_the_shipped_definitions_pass_the_cost_step(tmp_path: Path) -> None:
    extract_bundle(resource_path("definitions", "baseline.tar.gz"), tmp_path / "b")
    rules = compile_definitions(load_definitions(tmp_path / "b"))
    report = cost_probe.measure(rules)
    assert report.refusal is None and report.s_per_mb < cost_probe.MIN_S_PER_MB


def test_probe_files_are_varied_and_the_same_every_time() -> None:
    data = cost_probe.probe_bytes(cost_probe.MB)
    assert len(data) == cost_probe.MB and data == cost_probe.probe_bytes(cost_probe.MB)
    assert b"aaaaaaaaaa" in data and bytes(4096) in data and b"invoice" in data and len(set(data)) == 256
    assert cost_probe.probe_bytes(64 * 1024) != data[:64 * 1024]
