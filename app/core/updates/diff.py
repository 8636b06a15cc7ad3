"""What changed between two definitions versions, rule by rule (for the Updates page).

Rules are found in the YARA sources without compiling them: comments are stripped (string literals
are respected, so ``"http://"`` stays intact), then each ``[private|global] rule NAME`` declaration
starts a rule whose text runs to the next declaration. A rule is identified as ``namespace:name``
(the namespace is the rule file's path inside ``rules/``, as the engine compiles it) and compared by
the sha256 of its whitespace-normalised text.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from app.engine.bundle import RULE_SUFFIXES

_DECL = re.compile(r"^[ \t]*(?:(?:private|global)\s+)*rule\s+([A-Za-z_][A-Za-z0-9_]*)", re.MULTILINE)
_TOP_LEVEL = re.compile(r"^[ \t]*(?:import|include)\s+\"[^\"]*\"[ \t]*$", re.MULTILINE)


def strip_comments(text: str) -> str:
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == '"':
            j = i + 1
            while j < n and text[j] != '"' and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            out.append(text[i:j + 1])
            i = j + 1
        elif text.startswith("//", i):
            j = text.find("\n", i)
            i = n if j < 0 else j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            out.append(" ")
            i = n if j < 0 else j + 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


def rules_in_source(text: str) -> dict[str, str]:
    """Rule name -> sha256 of its normalised text."""
    clean = _TOP_LEVEL.sub("", strip_comments(text))
    found: dict[str, str] = {}
    decls = list(_DECL.finditer(clean))
    for index, match in enumerate(decls):
        end = decls[index + 1].start() if index + 1 < len(decls) else len(clean)
        body = " ".join(clean[match.start():end].split())
        found[match.group(1)] = hashlib.sha256(body.encode("utf-8", "surrogateescape")).hexdigest()
    return found


def rules_in_folder(folder: Path) -> dict[str, str]:
    """``namespace:rule`` -> hash for every rule of an extracted bundle (its ``rules/``) or a rules folder."""
    base = folder / "rules" if (folder / "rules").is_dir() else folder
    found: dict[str, str] = {}
    for path in sorted(p for p in base.rglob("*") if p.is_file() and p.suffix.lower() in RULE_SUFFIXES):
        namespace = path.relative_to(base).with_suffix("").as_posix()
        text = path.read_text(encoding="utf-8", errors="surrogateescape")
        for name, digest in rules_in_source(text).items():
            found[f"{namespace}:{name}"] = digest
    return found


@dataclass
class RuleDiff:
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: int = 0

    def to_json(self) -> dict[str, object]:
        return {"added": self.added, "removed": self.removed, "changed": self.changed, "unchanged": self.unchanged}


def rule_diff(old: Path | None, new: Path) -> RuleDiff:
    """Rules added, removed and changed from ``old`` (None: nothing) to ``new``."""
    before = rules_in_folder(old) if old is not None else {}
    after = rules_in_folder(new)
    return RuleDiff(
        added=sorted(set(after) - set(before)),
        removed=sorted(set(before) - set(after)),
        changed=sorted(k for k in set(before) & set(after) if before[k] != after[k]),
        unchanged=sum(1 for k in set(before) & set(after) if before[k] == after[k]),
    )
