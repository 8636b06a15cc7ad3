"""The update channel with the real content: build "Ringfence Core", sign, serve on 127.0.0.1, validate
in the client's sandbox, activate — and the installed definitions report nothing of themselves."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.channel import publisher
from app.channel.build import build_core
from app.core.scanning import definitions
from app.engine.matcher import Matcher
from app.engine.rules import load_or_compile
from tests.engine.helpers import EICAR, scan_json, write
from tests.updates.conftest import ROOT, Material, Setup


@pytest.fixture(scope="module")
def core_bundle(tmp_path_factory: pytest.TempPathFactory, material: Material) -> Path:
    out = tmp_path_factory.mktemp("core") / "core.tar.gz"
    result, content = build_core(ROOT / "definitions", out, 7, notes="Ringfence Core.\n", clean=[material.corpus])
    assert result.validation.ok and result.validation.rule_count == content.rule_count >= 5000
    assert result.validation.hash_count == len(content.hashes) >= 4000
    return out


def test_the_real_content_is_served_validated_activated_and_silent_about_itself(
        setup: Setup, core_bundle: Path, tmp_path: Path) -> None:
    version = publisher.release(setup.repo, core_bundle, 10_000).version
    result = setup.service.check()
    assert result.outcome == "updated", result
    status = setup.service.status()
    assert status.current_version == version == 7
    active = definitions.active(setup.ctx)
    assert active.source == "channel" and len(active.definitions.hashes) >= 4000
    # what changed: the baseline shipped in the app is the same content, rule for rule
    diff = setup.service.rule_diff(None, 7)
    assert diff.unchanged >= 5000 and (diff.added, diff.removed, diff.changed, diff.groups) == ([], [], [], [])
    # scans use it: EICAR and a positive control of each rule set
    defs = active.definitions
    controls = {rule: sample for rule, (_, sample) in defs.golden.items()}
    assert len(controls) >= 9
    write(tmp_path / "scan" / "eicar.com", EICAR)
    for rule, sample in sorted(controls.items()):
        write(tmp_path / "scan" / f"{rule}.bin", sample)
    code, report, stderr = scan_json(str(tmp_path / "scan"), "--no-cache")
    assert code == 1, stderr
    found = {(Path(d["path"]).stem, d["rule"]) for d in report["detections"]}
    assert ("eicar", "EICAR_Test_File") in found and all((rule, rule) in found for rule in controls)
    # the installed state (staged and active versions, unpacked baseline, compiled rules) is never reported
    matcher = Matcher(load_or_compile(defs, setup.ctx.paths.compiled_dir), defs.hashes, set(defs.allow))
    state = [p for p in sorted(Path(setup.ctx.paths.data_dir).rglob("*")) if p.is_file()]
    state += [p for p in sorted(setup.ctx.paths.compiled_dir.rglob("*")) if p.is_file()]
    assert any(p.suffix == ".rfz" for p in state) and any(p.suffix == ".rfc" for p in state)
    assert [(p.name, h.rule) for p in state for h in matcher.match_file(str(p)).hits] == []
