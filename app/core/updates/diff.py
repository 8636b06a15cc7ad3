"""What changed between two definitions versions, rule by rule (for the Updates page).

Rules are found in the YARA sources (sealed ones opened in memory) without compiling them: comments
are stripped (string literals are respected, so ``"http://"`` stays intact), then each
``[private|global] rule NAME`` declaration starts a rule whose text runs to the next declaration. A
rule is identified as ``namespace:name`` (the namespace is the rule file's path inside ``rules/``, as
the engine compiles it; in built definitions it is the rule set) and compared by the sha256 of its
whitespace-normalised text. The changes are also counted by rule set and category (``rf_category``).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from app.engine.bundle import RULE_SUFFIXES, BundleError, read_rule_source
from app.engine.sealed import SUFFIX as SEALED

_DECL = re.compile(r"^[ \t]*(?:(?:private|global)\s+)*rule\s+([A-Za-z_][A-Za-z0-9_]*)", re.MULTILINE)
_LEXEMES = re.compile(r'"(?:[^"\\\n]|\\.)*"|//[^\n]*|/\*.*?(?:\*/|\Z)', re.DOTALL)
_CATEGORY = re.compile(r'\brf_category\s*=\s*"([a-z]+)"')
_TOP_LEVEL = re.compile(r"^[ \t]*(?:import|include)\s+\"[^\"]*\"[ \t]*$", re.MULTILINE)


def strip_comments(text: str) -> str:
    """``text`` without comments; string literals are kept as they are (``"http://"`` stays intact)."""
    return _LEXEMES.sub(lambda m: m.group(0) if m.group(0).startswith('"') else " ", text)


def rules_in_source(text: str) -> dict[str, str]:
    """Rule name -> sha256 of its normalised text."""
    return {name: digest for name, (digest, _) in _rules_with_category(text).items()}


def _rules_with_category(text: str) -> dict[str, tuple[str, str]]:
    """Rule name -> (sha256 of its normalised text, its ``rf_category`` meta or "threat")."""
    clean = _TOP_LEVEL.sub("", strip_comments(text))
    found: dict[str, tuple[str, str]] = {}
    decls = list(_DECL.finditer(clean))
    for index, match in enumerate(decls):
        end = decls[index + 1].start() if index + 1 < len(decls) else len(clean)
        body = " ".join(clean[match.start():end].split())
        category = _CATEGORY.search(body)
        found[match.group(1)] = (hashlib.sha256(body.encode("utf-8", "surrogateescape")).hexdigest(),
                                 category.group(1) if category else "threat")
    return found


def rules_in_folder(folder: Path) -> dict[str, tuple[str, str]]:
    """``namespace:rule`` -> (hash, category) for every rule of an extracted bundle (its ``rules/``, sealed
    or not) or a rules folder."""
    base = folder / "rules" if (folder / "rules").is_dir() else folder
    found: dict[str, tuple[str, str]] = {}
    for path in sorted(p for p in base.rglob("*") if p.is_file() and p.suffix.lower() in (*RULE_SUFFIXES, SEALED)):
        namespace = path.relative_to(base).with_suffix("").as_posix()
        try:
            text = read_rule_source(path).decode("utf-8", errors="surrogateescape")
        except (OSError, BundleError):
            continue  # a damaged file: the loader refuses these definitions anyway
        for name, entry in _rules_with_category(text).items():
            found[f"{namespace}:{name}"] = entry
    return found


@dataclass(frozen=True)
class RuleGroup:
    """The changes among one source's rules of one category (the namespace is the source)."""

    source: str
    category: str  # "threat", "pua", "suspicious"
    added: int = 0
    removed: int = 0
    changed: int = 0


@dataclass
class RuleDiff:
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: int = 0
    groups: list[RuleGroup] = field(default_factory=list)  # by source and category, sorted

    def to_json(self) -> dict[str, object]:
        return {"added": self.added, "removed": self.removed, "changed": self.changed, "unchanged": self.unchanged,
                "groups": [vars(g) for g in self.groups]}


def rule_diff(old: Path | None, new: Path) -> RuleDiff:
    """Rules added, removed and changed from ``old`` (None: nothing) to ``new``."""
    before = rules_in_folder(old) if old is not None else {}
    after = rules_in_folder(new)
    diff = RuleDiff(
        added=sorted(set(after) - set(before)),
        removed=sorted(set(before) - set(after)),
        changed=sorted(k for k in set(before) & set(after) if before[k][0] != after[k][0]),
        unchanged=sum(1 for k in set(before) & set(after) if before[k][0] == after[k][0]),
    )
    counts: dict[tuple[str, str], dict[str, int]] = {}
    for kind, names, side in (("added", diff.added, after), ("removed", diff.removed, before),
                              ("changed", diff.changed, after)):
        for name in names:
            key = (name.split(":", 1)[0], side[name][1])
            slot = counts.setdefault(key, {"added": 0, "removed": 0, "changed": 0})
            slot[kind] += 1
    diff.groups = [RuleGroup(source, category, **c) for (source, category), c in sorted(counts.items())]
    return diff
