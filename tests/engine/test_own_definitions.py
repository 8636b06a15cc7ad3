"""Ringfence never reports its own definitions, and the baseline rules leave YARA rules alone."""

from __future__ import annotations

import shutil
import tarfile
from pathlib import Path

import yara

from tests.conftest import ROOT
from tests.engine.helpers import EICAR, scan_json, write

DROPPER_STRINGS = '''
rule Someone_Elses_Downloader
{
    meta:
        description = "quotes what a dropper holds, as rules do"
    strings:
        $a = "MSXML2.XMLHTTP" nocase
        $b = "ADODB.Stream" nocase
        $c = "SaveToFile" nocase
        $d = "WScript.Shell" nocase
        $e = "powershell -w hidden -enc SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQAIABOAGUAdAAuAFcAZQBiAEMAbABpAGUAbgB0ACkA"
    condition:
        all of them
}
'''


def test_own_definitions_in_every_form_are_never_reported(tmp_path: Path) -> None:
    checkout = tmp_path / "checkout"
    shutil.copytree(ROOT / "definitions", checkout / "definitions")  # the rule sources
    shutil.copytree(ROOT / "resources" / "definitions", checkout / "resources" / "definitions")  # the bundle
    with tarfile.open(ROOT / "resources" / "definitions" / "baseline.tar.gz") as bundle:
        bundle.extractall(checkout / "extracted-bundle", filter="data")  # a bundle as it is unpacked
    sources = sorted((ROOT / "definitions" / "baseline" / "rules").glob("*.yar"))
    compiled = yara.compile(filepaths={path.stem: str(path) for path in sources},
                            externals={"filename": "", "filepath": "", "extension": "", "filetype": "", "owner": ""})
    compiled.save(str(checkout / "compiled.yarc"))  # rules as the engine compiles and caches them
    write(checkout / "third-party" / "downloader.yar", DROPPER_STRINGS)  # someone else's rules
    write(checkout / "third-party" / "eicar_in_a_comment.yara",
          "// the test file reads: " + EICAR.decode() + "\nrule Eicar { strings: $a = \"EICAR\" condition: $a }\n")
    write(checkout / "eicar.com", EICAR)  # the scan does find what it should
    code, report, stderr = scan_json(str(checkout), "--no-cache")
    assert code == 1, stderr
    assert [(Path(d["path"]).name, d["rule"]) for d in report["detections"]] == [("eicar.com", "EICAR_Test_File")]
    assert report["files_scanned"] > 15


def test_the_golden_positives_still_match() -> None:
    from app.core.context import Context
    from app.core.scanning import definitions
    from app.core.scanning.engine_selftest import run_selftest
    from app.core.scanning.supervisor import Supervisor

    with Context.open() as ctx, Supervisor(ctx) as supervisor:
        result = run_selftest(ctx, definitions.active(ctx), supervisor)
    golden = {check["check"] for check in result["checks"] if check["check"].startswith("golden:") and check["ok"]}
    assert result["ok"] and len(golden) == 6, result["checks"]
