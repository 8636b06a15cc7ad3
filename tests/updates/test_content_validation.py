"""Bad content is rejected in the sandbox before activation, with a clear reason in the history.

The bundles are correctly signed and served (a broken publishing pipeline put them on the channel);
the client's own validation with the real engine is the last line of defence.
"""

from __future__ import annotations

import io
import tarfile
from pathlib import Path

import pytest

from app.core.text.messages import render
from app.core.updates.refusals import refusal
from app.core.updates.sandbox import run_validation
from tests.updates.conftest import Material, Setup

CASES = [
    ("no-compile", "does not compile"),
    ("counts", "declare 21 rules but contain 20"),
    ("own-file-hash", "Ringfence's own file __init__.py as a threat"),
    ("allow-clash", "known-good file hash"),
    ("no-eicar", "do not detect the EICAR test string"),
    ("flags-clean", "flags the clean self-test file readme.txt"),
    ("hangs", "a rule that hangs"),
]


@pytest.mark.parametrize(("bundle", "reason"), CASES, ids=[c[0] for c in CASES])
def test_bad_content_is_rejected_before_activation(setup: Setup, bundle: str, reason: str) -> None:
    setup.release("v1")
    assert setup.service.check().outcome == "updated"
    before = setup.pointer()
    setup.force_release(bundle)
    result = setup.service.check()
    assert result.outcome == "rejected", result
    assert reason in result.message
    assert setup.pointer() == before and setup.service.state.active_version == 1
    defs = setup.ctx.paths.definitions_dir
    assert not (defs / "versions" / "4").exists() and not (defs / "versions" / "4.validated.json").exists()
    assert list((defs / "staging").iterdir()) == []
    entry = setup.service.status().history[0]
    assert (entry.event, entry.version) == ("rejected", "4") and reason in render(entry.reason)
    # a refused version is not fetched and checked again on every poll
    asked = len(setup.server.requests)
    assert setup.service.check().outcome == "up_to_date"
    assert not any("defs-000004" in r for r in setup.server.requests[asked:])


def _evil_archive(path: Path) -> Path:
    with tarfile.open(path, "w:gz") as tar:
        data = b"rule x { condition: true }"
        info = tarfile.TarInfo("../../escaped.yar")
        info.size = len(data)
        tar.addfile(info, io.BytesIO(data))
    return path


def test_archive_escaping_its_folder_is_refused(tmp_path: Path, material: Material) -> None:
    result = run_validation({"archive": str(_evil_archive(tmp_path / "evil.tar.gz")), "dest": str(tmp_path / "x" / "b"),
                             "clean_paths": [str(material.corpus)]})
    assert (result.ok, result.step) == (False, "archive")
    assert "leaves its folder" in result.reason
    assert (result.code, result.args) == ("bundle:member-escapes", ["'../../escaped.yar'"])  # the console translates
    assert render(refusal(result)) == result.reason
    assert not (tmp_path / "escaped.yar").exists()


def test_wall_clock_limit_kills_the_sandbox(tmp_path: Path, material: Material) -> None:
    result = run_validation({"archive": str(material.bundles["hangs"]), "dest": str(tmp_path / "b"),
                             "clean_paths": [str(material.corpus)], "per_file_timeout": 60}, timeout=3)
    assert (result.ok, result.step) == (False, "timeout")
    assert "longer than 3 s" in result.reason


@pytest.mark.skipif(not hasattr(__import__("os"), "fork"), reason="memory cap is POSIX-only (rlimit)")
def test_memory_cap_applies(tmp_path: Path, material: Material) -> None:
    result = run_validation({"archive": str(material.bundles["v1"]), "dest": str(tmp_path / "b"),
                             "clean_paths": [str(material.corpus)]}, memory_mb=32)
    assert not result.ok and "memory" in result.reason.lower()


def test_good_bundle_passes_every_step(tmp_path: Path, material: Material) -> None:
    result = run_validation({"archive": str(material.bundles["v1-golden"]), "dest": str(tmp_path / "b"),
                             "expected_version": 1, "clean_paths": [str(material.corpus)]})
    assert result.ok, result.reason
    corpus = [p for p in material.corpus.rglob("*") if p.is_file()]
    assert (result.version, result.rule_count, result.clean_files) == (1, 2, len(corpus)) and len(corpus) >= 11
    assert set(result.timings) >= {"extract", "compile", "eicar", "golden", "clean"}


def test_golden_positive_that_no_longer_fires_is_refused(tmp_path: Path, material: Material) -> None:
    from app.engine.bundle import build_bundle
    from tests.updates.conftest import EICAR_RULE, GOLDEN, write_rules

    rules = write_rules(tmp_path / "rules", {"eicar.yar": EICAR_RULE, "marker.yar": "rule Ringfence_Test_Marker { condition: false }"})
    archive = build_bundle(rules, tmp_path / "g.tar.gz", 5, rule_count=2, golden=dict(GOLDEN))
    result = run_validation({"archive": str(archive), "dest": str(tmp_path / "b"), "clean_paths": [str(material.corpus)]})
    assert (result.ok, result.step) == (False, "golden")
    assert "no longer detected by its rule Ringfence_Test_Marker" in result.reason


def test_version_other_than_announced_is_refused(tmp_path: Path, material: Material) -> None:
    result = run_validation({"archive": str(material.bundles["v2"]), "dest": str(tmp_path / "b"), "expected_version": 7,
                             "clean_paths": [str(material.corpus)]})
    assert (result.ok, result.step) == (False, "version")
