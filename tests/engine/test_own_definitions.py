"""Ringfence never reports its own definitions, and the baseline rules leave YARA rules alone."""

from __future__ import annotations

import os
import shutil
import tarfile
from pathlib import Path

from tests.conftest import ROOT
from tests.engine.helpers import EICAR, scan_json, write


def test_own_definitions_in_every_form_are_never_reported(tmp_path: Path, rf_home: Path) -> None:
    from app.engine.bundle import extract_bundle, load_definitions
    from app.engine.rules import load_or_compile

    checkout = tmp_path / "checkout"
    # the rule sources: our own rules, the vendored rule sets (sealed), licences, notes, deny-list
    shutil.copytree(ROOT / "definitions", checkout / "definitions")
    shutil.copytree(ROOT / "resources" / "definitions", checkout / "resources" / "definitions")  # the bundle
    extract_bundle(ROOT / "resources" / "definitions" / "baseline.tar.gz", checkout / "extracted-bundle")
    with tarfile.open(ROOT / "resources" / "definitions" / "baseline.tar.gz") as bundle:
        bundle.extractall(checkout / "untarred-bundle", filter="data")  # as any archive tool unpacks it
    # the compiled rules as the engine caches them
    load_or_compile(load_definitions(checkout / "extracted-bundle"), checkout / "compiled-cache")
    assert list((checkout / "compiled-cache").glob("*.rfc"))
    write(checkout / "third-party" / "eicar_in_a_comment.yara",
          "// the test file reads: " + EICAR.decode() + "\nrule Eicar { strings: $a = \"EICAR\" condition: $a }\n")
    write(checkout / "eicar.com", EICAR)  # the scan does find what it should
    code, report, stderr = scan_json(str(checkout), "--no-cache")
    assert code == 1, stderr
    assert [(Path(d["path"]).name, d["rule"]) for d in report["detections"]] == [("eicar.com", "EICAR_Test_File")]
    assert report["files_scanned"] > 30
    # the state the app keeps after using the shipped definitions (unpacked bundle, compiled rules, logs):
    # scans skip Ringfence's own folders, so the engine's matcher looks at them directly
    state = [p for folder in (rf_home, Path(os.environ["RINGFENCE_COMPILED_CACHE"]))
             for p in sorted(folder.rglob("*")) if p.is_file()]
    assert any(p.suffix == ".rfz" for p in state) and any(p.suffix == ".rfp" for p in state)  # the split rules
    assert own_findings(state) == []


def own_findings(files: list[Path]) -> list[tuple[str, str]]:
    """What the shipped definitions, as the engine loads them, report in ``files``."""
    from app.core.context import Context
    from app.core.scanning import definitions
    from app.engine.matcher import Matcher
    from app.engine.rules import load_or_compile

    with Context.open() as ctx:
        defs = definitions.active(ctx).definitions
        matcher = Matcher(load_or_compile(defs, ctx.paths.compiled_dir), defs.hashes, set(defs.allow),
                          uses_md5=defs.uses_md5)
    return [(path.name, hit.rule) for path in files for hit in matcher.match_file(str(path)).hits]


def test_the_golden_positives_still_match() -> None:
    from app.core.context import Context
    from app.core.scanning import definitions
    from app.core.scanning.engine_selftest import run_selftest
    from app.core.scanning.supervisor import Supervisor

    with Context.open() as ctx, Supervisor(ctx) as supervisor:
        result = run_selftest(ctx, definitions.active(ctx), supervisor)
    golden = {check["check"] for check in result["checks"] if check["check"].startswith("golden:") and check["ok"]}
    ours = {f"golden:{rule}" for rule in ("EICAR_Test_File", "Ringfence_Double_Extension_Executable",
                                           "Ringfence_Office_AutoRun_Macro", "Ringfence_Script_Downloader_Executor")}
    assert result["ok"] and ours <= golden and len(golden) >= 12, result["checks"]  # ours and 3 per rule set
