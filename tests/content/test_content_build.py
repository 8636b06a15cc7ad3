"""The definitions build: which upstream rules ship, with what provenance, from repository files only."""

from __future__ import annotations

import json
import shutil
import socket
from pathlib import Path

import pytest

from app.channel.content.core_build import ContentError, build_content
from app.channel.content.yara_split import split
from app.engine.sealed import is_sealed, pack, unpack
from tests.conftest import ROOT

RULES = r'''
import "pe"

/* a comment with a brace { and a "quote" */
rule HKTL_Demo_Tool : tag1 tag2
{
    meta:
        author = "Someone"
        score = 70
        hash1 = "1111111111111111111111111111111111111111111111111111111111111111"
    strings:
        $a = "demo-hacktool-marker {" ascii  // a brace in a string
        $b = /regex with a brace \{ and slash \// nocase
    condition:
        $a or $b
}

rule SUSP_Demo_Pattern { meta: author = "Someone" score = 65 strings: $a = "demo-suspicious-marker" condition: $a }
rule MAL_Demo_Low_Score { meta: author = "Someone" score = 60 strings: $a = "demo-low-marker" condition: $a }
rule MAL_Demo_Non_Commercial
{
    meta:
        author = "Someone"
        license = "https://creativecommons.org/licenses/by-nc/4.0/"
    strings:
        $a = "demo-nc-marker"
    condition:
        $a
}
rule MAL_Demo_Denied { meta: author = "Someone" strings: $a = "demo-denied-marker" condition: $a }
private rule Demo_Helper { strings: $a = "demo-helper-marker" condition: $a }
rule MAL_Demo_Needs_Low { meta: author = "Someone" condition: MAL_Demo_Low_Score }
rule MAL_Demo_Needs_Helper
{
    meta:
        author = "Someone"
        License = "BSD 2-Clause"
    condition:
        Demo_Helper and pe.number_of_sections >= 0
}
rule Demo_No_Meta { strings: $a = "demo-plain-marker" condition: $a }
'''


def make_definitions(root: Path) -> Path:
    folder = root / "definitions"
    (folder / "upstream" / "demo").mkdir(parents=True)
    (folder / "upstream" / "demo" / "files.rfz").write_bytes(pack({
        "yara/demo.yar": RULES.encode(), "yara/other/ignored.txt": b"not a rule file",
        "iocs/hashes.txt": b"# comment\n2222222222222222222222222222222222222222222222222222222222222222;Demo IOC\n"
                           b"3333333333333333333333333333333333333333333333333333333333333333;40;Low score IOC\n"
                           b"d41d8cd98f00b204e9800998ecf8427e;MD5 only\n"}))
    (folder / "upstream" / "demo" / "LICENSE").write_text("Demo licence text\n")
    shutil.copytree(ROOT / "definitions" / "licences", folder / "licences")
    (folder / "deny.tsv").write_text("# source\trule\treason\ndemo\tMAL_Demo_Denied\tflags clean files\n")
    (folder / "sources.json").write_text(json.dumps({"sources": [{
        "id": "demo", "name": "Demo rules", "url": "https://example.invalid/demo", "commit": "c" * 40,
        "date": "2026-01-01", "licence": "DRL-1.1", "rules_under": "yara/", "skip_under": [], "pua_under": [],
        "min_score": 65, "name_categories": True, "hash_iocs": "iocs/hashes.txt", "author": "Demo authors"}]}))
    return folder


def test_rules_are_filtered_per_rule_and_carry_their_provenance(tmp_path: Path) -> None:
    content = build_content(make_definitions(tmp_path))
    dropped = {d.rule: d.reason for d in content.dropped}
    assert dropped == {
        "MAL_Demo_Low_Score": "score below 65",
        "MAL_Demo_Non_Commercial": "licence not allowed (non-commercial licence)",
        "MAL_Demo_Denied": "deny-list (flags clean files)",
        "MAL_Demo_Needs_Low": "needs a rule that is not shipped (MAL_Demo_Low_Score)",
    }
    source = content.rule_sources["demo"].decode()
    _, rules = split(source)
    meta = {r.name: dict(r.meta) for r in rules}
    assert set(meta) == {"HKTL_Demo_Tool", "SUSP_Demo_Pattern", "Demo_Helper", "MAL_Demo_Needs_Helper", "Demo_No_Meta"}
    assert meta["HKTL_Demo_Tool"]["rf_category"] == "pua" and meta["HKTL_Demo_Tool"]["author"] == "Someone"
    assert meta["SUSP_Demo_Pattern"]["rf_category"] == "suspicious"
    assert meta["MAL_Demo_Needs_Helper"]["rf_licence"] == "BSD-2-Clause"
    assert meta["Demo_No_Meta"] == {"rf_source": "demo", "rf_licence": "DRL-1.1", "rf_category": "threat",
                                    "author": "Demo authors",
                                    "reference": f"https://example.invalid/demo/blob/{'c' * 40}/yara/demo.yar"}
    assert content.rule_count == 5 and source.startswith('import "pe"\n')
    assert set(content.hashes) == {"1" * 64, "2" * 64}
    assert content.hashes["1" * 64].name == "HKTL_Demo_Tool" and content.hashes["1" * 64].category == "pua"
    assert content.hashes["2" * 64].name == "Demo IOC" and content.hashes["2" * 64].licence == "DRL-1.1"
    assert set(content.licences) == {"demo-LICENSE.txt", "BSD-2-Clause.txt"}
    [about] = content.sources
    assert about["categories"] == {"pua": 1, "suspicious": 1, "threat": 2} and about["hash_count"] == 2
    # positive controls: synthesized from the simple string rules only (a regex or an "or" is not simple)
    assert content.golden == {"Demo_No_Meta": ("control.bin", b"control\n demo-plain-marker \n"),
                              "SUSP_Demo_Pattern": ("control.bin", b"control\n demo-suspicious-marker \n")}


def test_a_bad_deny_list_line_and_a_missing_source_are_one_clear_error(tmp_path: Path) -> None:
    folder = make_definitions(tmp_path)
    (folder / "deny.tsv").write_text("demo\tMAL_Demo_Denied\n")
    with pytest.raises(ContentError, match=r"Line 1 of deny\.tsv"):
        build_content(folder)
    (folder / "deny.tsv").unlink()
    (folder / "upstream" / "demo" / "files.rfz").unlink()
    with pytest.raises(ContentError, match="The vendored rule set demo cannot be read"):
        build_content(folder)


def test_the_build_needs_no_network(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object, **_kw: object) -> None:
        raise AssertionError("the definitions build opened a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    content = build_content(make_definitions(tmp_path))
    assert content.rule_count == 5


def test_the_vendored_sources_are_sealed_and_listed_with_their_licence(tmp_path: Path) -> None:
    config = json.loads((ROOT / "definitions" / "sources.json").read_text())
    assert {s["id"] for s in config["sources"]} == {"reversinglabs", "signature-base", "bartblaze"}
    for entry in config["sources"]:
        folder = ROOT / "definitions" / "upstream" / entry["id"]
        blob = (folder / "files.rfz").read_bytes()
        assert is_sealed(blob) and b"rule " not in blob
        assert any(name.endswith((".yar", ".yara")) for name in unpack(blob))
        note = (folder / "SOURCE.md").read_text()
        assert entry["commit"] in note and entry["url"] in note and (folder / "LICENSE").read_text().strip()
    assert not list((ROOT / "definitions").rglob("*.yara"))
    assert sorted(p.relative_to(ROOT / "definitions").as_posix() for p in (ROOT / "definitions").rglob("*.yar")) == [
        f"baseline/rules/{name}.yar" for name in ("double_extension", "eicar", "office_macros", "script_droppers")]
