"""The rule-level diff parser: comments and strings, modifiers, namespaces."""

from __future__ import annotations

from pathlib import Path

from app.core.updates.diff import rule_diff, rules_in_source

SOURCE = '''
import "pe"
// rule Commented_Out { condition: true }
/* rule Also_Commented { condition: true } */
private rule Helper { strings: $u = "http://example.org/{x}" condition: $u }
global private rule Gate { condition: filesize < 10MB }
rule Main : tag1 tag2 { meta: note = "rule Fake inside a string" condition: Helper and Gate }
'''


def test_rules_in_source() -> None:
    found = rules_in_source(SOURCE)
    assert sorted(found) == ["Gate", "Helper", "Main"]
    assert rules_in_source(SOURCE.replace("// rule Commented", "// a comment about rule Commented")) == found
    changed = rules_in_source(SOURCE.replace("10MB", "20MB"))
    assert changed["Gate"] != found["Gate"] and changed["Main"] == found["Main"]
    assert rules_in_source(SOURCE.replace("  ", " ").replace("{ condition", "{\n  condition")) == found


def test_rule_diff_between_folders(tmp_path: Path) -> None:
    old, new = tmp_path / "old" / "rules", tmp_path / "new" / "rules"
    old.mkdir(parents=True)
    new.mkdir(parents=True)
    (old / "a.yar").write_text("rule One { condition: true }\nrule Two { condition: false }\n")
    (new / "a.yar").write_text("rule One { condition: true }\nrule Two { condition: filesize > 1 }\n")
    (new / "b.yar").write_text("rule One { condition: true }\n")
    diff = rule_diff(tmp_path / "old", tmp_path / "new")
    assert diff.to_json() == {"added": ["b:One"], "removed": [], "changed": ["a:Two"], "unchanged": 1, "groups": [
        {"source": "a", "category": "threat", "added": 0, "removed": 0, "changed": 1},
        {"source": "b", "category": "threat", "added": 1, "removed": 0, "changed": 0}]}
    assert rule_diff(tmp_path / "new", tmp_path / "old").removed == ["b:One"]


def test_what_changed_in_built_definitions_is_counted_by_source_and_category(tmp_path: Path) -> None:
    import time

    from app.engine.bundle import extract_bundle
    from app.engine.sealed import seal, unseal
    from tests.conftest import ROOT

    new = tmp_path / "new"
    extract_bundle(ROOT / "resources" / "definitions" / "baseline.tar.gz", new)
    started = time.monotonic()
    first = rule_diff(None, new)  # everything is new: the first activation of the built definitions
    assert time.monotonic() - started < 30
    groups = {(g.source, g.category): g.added for g in first.groups}
    assert len(first.added) >= 5000 and groups[("signature-base", "pua")] > 100
    assert groups[("signature-base", "suspicious")] > 100 and groups[("reversinglabs", "threat")] > 1000
    assert {source for source, _ in groups} == {"bartblaze", "reversinglabs", "ringfence", "signature-base"}
    old = tmp_path / "old"
    extract_bundle(ROOT / "resources" / "definitions" / "baseline.tar.gz", old)
    sealed = old / "rules" / "bartblaze.rfz"
    text = unseal(sealed.read_bytes()).decode()
    cut = text.index("\nrule ", len(text) // 2)
    sealed.write_bytes(seal((text[:cut] + "\n").encode()))  # the older version lacked bartblaze's last rules
    diff = rule_diff(old, new)
    assert diff.removed == [] and diff.changed == [] and diff.added and all(n.startswith("bartblaze:") for n in diff.added)
    assert sum(g.added for g in diff.groups) == len(diff.added) and {g.source for g in diff.groups} == {"bartblaze"}
