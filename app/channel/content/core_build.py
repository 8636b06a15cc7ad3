"""Building "Ringfence Core": the default definitions, from the vendored upstream rule sets and our own rules.

Reads only the repository (``definitions/sources.json``, ``definitions/upstream/<id>/``, the deny-list,
the licence texts and ``definitions/baseline/rules``), never the network. For every upstream rule it
decides — licence, score, deny-list, rules it needs — whether the rule ships, and adds its provenance
to its meta (``rf_source``, ``rf_licence``, ``rf_category``; ``author`` and ``reference`` kept or set
from the rule set). Each source compiles as one namespace; our own rules as namespace ``ringfence``.
SHA-256 signatures come from signature-base's ``hash-iocs.txt`` and the reference-sample hashes in the
shipped rules' meta. The same input always gives the same output.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yara

from app.channel.content.policy import ALLOWED_LICENCES, CATEGORIES, category_of, licence_of, score_of
from app.channel.content.positive_controls import synthesize_controls
from app.channel.content.yara_split import Rule, SplitError, referenced_names, split
from app.engine.hashset import HashRecord
from app.engine.rules import EXTERNALS
from app.engine.sealed import unpack

OWN_SOURCE = "ringfence"
OWN_LICENCE = "GPL-3.0"
_SHA256 = re.compile(r"^[0-9a-fA-F]{64}$")


class ContentError(Exception):
    """The definitions cannot be built (one sentence saying why)."""


@dataclass
class Dropped:
    source: str
    rule: str
    path: str
    reason: str


@dataclass
class CoreContent:
    rule_sources: dict[str, bytes]  # namespace -> YARA source (sealed when written to a bundle)
    rule_count: int
    hashes: dict[str, HashRecord]
    sources: list[dict[str, Any]]  # the manifest's "sources" section (see app.engine.provenance)
    licences: dict[str, bytes]  # bundle file name under licences/ -> text
    golden: dict[str, tuple[str, bytes]]
    dropped: list[Dropped] = field(default_factory=list)

    def summary(self) -> str:
        lines = [f"{self.rule_count} rules and {len(self.hashes)} hash signatures from {len(self.sources)} sources:"]
        for s in self.sources:
            cats = ", ".join(f"{k} {v}" for k, v in sorted(s["categories"].items()))
            lines.append(f"  {s['id']}: {s['rule_count']} rules, {s['hash_count']} hashes ({cats}); "
                         f"licence {s['licence']}")
        reasons = Counter(d.reason.split(" (")[0] for d in self.dropped)
        lines.append(f"dropped {len(self.dropped)} rules: " + ", ".join(f"{r} {n}" for r, n in reasons.most_common()))
        return "\n".join(lines)


@dataclass
class _Kept:
    rule: Rule
    path: str
    category: str
    licence: str
    author: str
    reference: str


def read_deny_list(path: Path) -> dict[tuple[str, str], str]:
    deny: dict[tuple[str, str], str] = {}
    if not path.is_file():
        return deny
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3 or not all(p.strip() for p in parts):
            raise ContentError(f"Line {number} of {path.name} is not 'source<TAB>rule<TAB>reason'.")
        deny[(parts[0].strip(), parts[1].strip())] = parts[2].strip()
    return deny


def _select(config: dict[str, Any], files: dict[str, bytes], deny: dict[tuple[str, str], str],
            dropped: list[Dropped]) -> tuple[list[str], list[_Kept]]:
    """The rules of one source that ship, with their imports."""
    sid = config["id"]
    imports: set[str] = set()
    candidates: list[tuple[str, Rule, list[str]]] = []
    for path in sorted(files):
        if not path.startswith(config["rules_under"]) or not path.endswith((".yar", ".yara")):
            continue
        if any(path.startswith(prefix) for prefix in config.get("skip_under", [])):
            continue
        try:
            file_imports, rules = split(files[path].decode("utf-8", "replace"))
        except SplitError as exc:
            raise ContentError(f"{sid}: {path} cannot be split into rules ({exc}).") from exc
        candidates += [(path, rule, file_imports) for rule in rules]
    kept: dict[str, _Kept] = {}
    needs: dict[str, set[str]] = {}
    for path, rule, file_imports in candidates:
        reason = _refusal(config, rule, deny, kept)
        if reason:
            dropped.append(Dropped(sid, rule.name, path, reason))
            continue
        licence = licence_of(rule.first("license"), config["licence"])
        if not licence.allowed:
            dropped.append(Dropped(sid, rule.name, path, f"licence not allowed ({licence.reason or licence.id})"))
            continue
        names_in_file = {r.name for p, r, _ in candidates if p == path}
        needs[rule.name] = referenced_names(rule.condition) & (names_in_file - {rule.name})
        author = rule.first("author")
        reference = rule.first("reference")
        kept[rule.name] = _Kept(
            rule, path, category_of(sid, rule.name, path, config.get("pua_under", []), bool(config.get("name_categories"))),
            licence.id, author if isinstance(author, str) else config.get("author", ""),
            reference if isinstance(reference, str) else f"{config['url']}/blob/{config['commit']}/{path}")
        imports.update(file_imports)
    changed = True
    while changed:  # a rule that needs a rule that does not ship cannot ship either
        changed = False
        for name in list(kept):
            missing = sorted(needs[name] - set(kept))
            if missing:
                item = kept.pop(name)
                dropped.append(Dropped(sid, name, item.path, f"needs a rule that is not shipped ({missing[0]})"))
                changed = True
    return sorted(imports), list(kept.values())


def _refusal(config: dict[str, Any], rule: Rule, deny: dict[tuple[str, str], str], kept: dict[str, _Kept]) -> str:
    if (config["id"], rule.name) in deny:
        return f"deny-list ({deny[(config['id'], rule.name)]})"
    if "global" in rule.modifiers:
        return "global rule (it would constrain every rule of its source)"
    if rule.name in kept:
        return "duplicate name"
    minimum = config.get("min_score")
    score = score_of(rule.first("score"))
    if minimum is not None and score is not None and score < minimum:
        return f"score below {minimum}"
    if config.get("drop_info") and str(rule.first("category") or "").upper() == "INFO":
        return "informational rule"
    return ""


def _render(imports: list[str], kept: list[_Kept], source: str) -> bytes:
    parts = [f'import "{name}"\n' for name in imports]
    for item in kept:
        meta = [("rf_source", source), ("rf_licence", item.licence), ("rf_category", item.category)]
        keys = {key for key, _ in item.rule.meta}  # "Author" or "Reference" in some rules: the engine reads lower case
        if "author" not in keys and item.author:
            meta.append(("author", item.author))
        if "reference" not in keys:
            meta.append(("reference", item.reference))
        parts.append(item.rule.with_meta(meta) + "\n\n")
    return "".join(parts).encode("utf-8")


def _rule_hashes(kept: list[_Kept], source: str, hashes: dict[str, HashRecord]) -> int:
    added = 0
    for item in kept:
        if item.rule.private:
            continue
        record = HashRecord(item.rule.name, item.category, source, item.author, item.licence, item.reference)
        for _, value in item.rule.meta:
            if isinstance(value, str) and _SHA256.match(value.strip()) and value.strip().lower() not in hashes:
                hashes[value.strip().lower()] = record
                added += 1
    return added


def _ioc_hashes(config: dict[str, Any], files: dict[str, bytes], hashes: dict[str, HashRecord]) -> int:
    path = config.get("hash_iocs")
    if not path or path not in files:
        return 0
    added = 0
    reference = f"{config['url']}/blob/{config['commit']}/{path}"
    minimum = config.get("min_score", 0)
    for line in files[path].decode("utf-8", "replace").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split(";")
        digest = parts[0].strip().lower()
        if not _SHA256.match(digest):
            continue  # MD5 and SHA-1 entries: the engine matches SHA-256 only
        score = int(parts[1]) if len(parts) >= 3 and parts[1].strip().isdigit() else None
        if score is not None and score < minimum:
            continue
        name = (parts[-1].strip() if len(parts) > 1 else "") or "unnamed"
        if digest not in hashes:
            hashes[digest] = HashRecord(name[:200], "threat", config["id"], config.get("author", ""),
                                        config["licence"], reference)
            added += 1
    return added


def _own_rules(folder: Path, dropped: list[Dropped]) -> bytes:
    imports: set[str] = set()
    parts: list[str] = []
    seen: set[str] = set()
    for path in sorted(folder.glob("*.yar")):
        file_imports, rules = split(path.read_text(encoding="utf-8"))
        imports.update(file_imports)
        for rule in rules:
            if rule.name in seen:
                if "global" not in rule.modifiers:  # the shared guard appears in more than one file
                    dropped.append(Dropped(OWN_SOURCE, rule.name, path.name, "duplicate name"))
                continue
            seen.add(rule.name)
            meta = [("rf_source", OWN_SOURCE), ("rf_licence", OWN_LICENCE)]
            if rule.first("rf_category") is None:
                meta.append(("rf_category", "threat"))
            parts.append(rule.with_meta(meta) + "\n\n")
    return ("".join(f'import "{m}"\n' for m in sorted(imports)) + "".join(parts)).encode("utf-8")


def build_content(definitions: Path, *, own_rules: Path | None = None, controls_per_source: int = 3) -> CoreContent:
    """Select, annotate and compile the content of ``definitions`` (a repository's ``definitions/``)."""
    try:
        config = json.loads((definitions / "sources.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ContentError(f"definitions/sources.json cannot be read ({exc}).") from exc
    deny = read_deny_list(definitions / "deny.tsv")
    dropped: list[Dropped] = []
    rule_sources: dict[str, bytes] = {}
    hashes: dict[str, HashRecord] = {}
    licences: dict[str, bytes] = {}
    sources: list[dict[str, Any]] = []
    kept_by_source: dict[str, list[_Kept]] = {}
    for entry in config["sources"]:
        sid = entry["id"]
        folder = definitions / "upstream" / sid
        try:
            files = unpack((folder / "files.rfz").read_bytes())
        except (OSError, ValueError) as exc:
            raise ContentError(f"The vendored rule set {sid} cannot be read ({exc}).") from exc
        imports, kept = _select(entry, files, deny, dropped)
        kept_by_source[sid] = kept
        rule_sources[sid] = _render(imports, kept, sid)
        rule_hash_count = _rule_hashes(kept, sid, hashes)
        ioc_count = _ioc_hashes(entry, files, hashes)
        licence_file = f"{sid}-LICENSE.txt"
        licences[licence_file] = (folder / "LICENSE").read_bytes()
        used = sorted({k.licence for k in kept})
        for licence in used:
            if ALLOWED_LICENCES.get(licence):
                licences[ALLOWED_LICENCES[licence]] = (definitions / "licences" / ALLOWED_LICENCES[licence]).read_bytes()
        shipped = [k for k in kept if not k.rule.private]
        sources.append({
            "id": sid, "name": entry["name"], "url": entry["url"], "commit": entry["commit"], "date": entry["date"],
            "licence": entry["licence"], "licence_file": f"licences/{licence_file}",
            "rule_licences": {lic: sum(1 for k in shipped if k.licence == lic) for lic in used},
            "rule_count": len(kept), "hash_count": rule_hash_count + ioc_count,
            "categories": {c: n for c in CATEGORIES if (n := sum(1 for k in shipped if k.category == c))},
        })
    if own_rules is not None:
        rule_sources[OWN_SOURCE] = _own_rules(own_rules, dropped)
    rules = _compile(rule_sources)
    if own_rules is not None:
        own = list(_compile({OWN_SOURCE: rule_sources[OWN_SOURCE]}))
        own_count = len(own)
        licences["GPL-3.0.txt"] = (definitions / "licences" / "GPL-3.0.txt").read_bytes()
        sources.append({
            "id": OWN_SOURCE, "name": "Ringfence's own rules", "url": "", "commit": "", "date": "",
            "licence": OWN_LICENCE, "licence_file": "licences/GPL-3.0.txt", "rule_licences": {OWN_LICENCE: own_count},
            "rule_count": own_count, "hash_count": 0,
            "categories": dict(sorted(Counter(str(r.meta.get("rf_category", "threat"))
                                              for r in own if not r.is_private).items())),
        })
    golden = synthesize_controls(rules, {sid: [k.rule for k in kept] for sid, kept in kept_by_source.items()},
                                 controls_per_source)
    return CoreContent(rule_sources, sum(1 for _ in rules), hashes, sources, licences, golden, dropped)


def _compile(rule_sources: dict[str, bytes]) -> yara.Rules:
    try:
        return yara.compile(sources={ns: text.decode("utf-8") for ns, text in rule_sources.items()},
                            includes=False, externals=EXTERNALS)
    except yara.Error as exc:
        raise ContentError(f"The selected rules do not compile ({exc}).") from exc
