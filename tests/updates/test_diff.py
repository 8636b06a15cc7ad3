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
    assert diff.to_json() == {"added": ["b:One"], "removed": [], "changed": ["a:Two"], "unchanged": 1}
    assert rule_diff(tmp_path / "new", tmp_path / "old").removed == ["b:One"]
