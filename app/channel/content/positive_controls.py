"""Positive controls: for each rule set, a few files synthesized from its simple string rules.

Never real malware: a control holds the plain strings a rule looks for (and, for rules that ask for a
Windows program, a bare ``MZ``/``PE`` header), nothing else. The build keeps the controls that the
compiled rules really detect; the bundle carries them sealed as golden positives, and the validation
sandbox and the self-test prove with them that each shipped source detects.
"""

from __future__ import annotations

import re
import struct

import yara

from app.channel.content.yara_split import Rule
from app.engine.rules import EXTERNALS

_STRING_DEF = re.compile(r'\$([A-Za-z0-9_]*)\s*=\s*("(?:[^"\\\n]|\\.)*"|\{[^}]*\}|/)([a-z \t]*)')
_OF = re.compile(r"^\(?\s*(any|all|\d+)\s+of\s+(them|\(([^)]*)\))\s*\)?$")
_ONE = re.compile(r"^\(?\s*\$([a-z0-9_]+)\s*\)?$")
_ALLOWED_PARTS = (
    re.compile(r"^filesize\s*<\s*(\d+)\s*(kb|mb)?$"),
    re.compile(r"^uint16\(0\)\s*==\s*0x5a4d$"),
    re.compile(r"^uint32\(uint32\(0x3c\)\)\s*==\s*0x0*4550$"),
)
_MODIFIERS = {"ascii", "wide", "nocase", "fullword"}
_PE_HEADER = b"MZ" + b"\0" * 58 + struct.pack("<I", 0x40) + b"PE\0\0" + b"\0" * 20


def _strings(rule: Rule) -> dict[str, bytes | None]:
    """Each string of ``rule`` as bytes that match it, or None when it cannot be synthesized simply."""
    found: dict[str, bytes | None] = {}
    for m in _STRING_DEF.finditer(rule.strings):
        name, value, modifiers = m.group(1).lower(), m.group(2), set(m.group(3).split())
        found[name] = None
        if value.startswith('"'):
            text = value[1:-1]
            if "\\" in text or not text.isascii() or len(text) < 6 or not modifiers <= _MODIFIERS:
                continue
            wide = "wide" in modifiers and "ascii" not in modifiers
            found[name] = text.encode("utf-16-le") if wide else text.encode()
        elif value.startswith("{"):
            hexes = re.sub(r"\s+", "", value[1:-1])
            if modifiers or not re.fullmatch(r"(?:[0-9A-Fa-f?]{2})+", hexes) or len(hexes) < 16:
                continue
            found[name] = bytes.fromhex(hexes.replace("?", "0"))
    return found


def _required(part: str, strings: dict[str, bytes | None]) -> list[str] | None:
    """The strings a condition part needs (None: a part the synthesizer does not understand)."""
    of = _OF.match(part)
    if of:
        if of.group(2) == "them":
            names = list(strings)
        else:
            names = []
            for item in (i.strip().lstrip("$") for i in of.group(3).split(",")):
                names += [n for n in strings if n.startswith(item[:-1])] if item.endswith("*") else [item]
        usable = [n for n in names if strings.get(n) is not None]
        if of.group(1) == "all":
            return names if len(usable) == len(names) else None
        count = 1 if of.group(1) == "any" else int(of.group(1))
        return usable[:count] if len(usable) >= count else None
    one = _ONE.match(part)
    if one:
        return [one.group(1)] if strings.get(one.group(1)) is not None else None
    return [] if any(p.match(part) for p in _ALLOWED_PARTS) else None


def _sample(rule: Rule) -> bytes | None:
    if rule.private or "filename" in rule.condition or "filepath" in rule.condition:
        return None
    strings = _strings(rule)
    if not strings:
        return None
    condition = re.sub(r"\s+", " ", rule.condition.lower()).strip()
    if condition.startswith("(") and condition.endswith(")") and condition.count("(") == 1:
        condition = condition[1:-1]
    needed: list[str] = []
    for part in (p.strip() for p in re.split(r"\band\b", condition)):
        names = _required(part, strings)
        if names is None:
            return None
        needed += [n for n in names if n not in needed]
    if not needed:
        return None
    body = b"".join(b" " + strings[n] + b" \n" for n in needed)  # type: ignore[operator]
    pe = "uint16(0)" in condition or "uint32(uint32(0x3c))" in condition
    return (_PE_HEADER if pe else b"control\n") + body


def synthesize_controls(rules: yara.Rules, by_source: dict[str, list[Rule]], per_source: int
                        ) -> dict[str, tuple[str, bytes]]:
    """Up to ``per_source`` controls for each source: rule name -> (file name, sample)."""
    controls: dict[str, tuple[str, bytes]] = {}
    externals = dict(EXTERNALS, filename="control.bin", extension=".bin")
    for source in sorted(by_source):
        taken = 0
        for rule in sorted(by_source[source], key=lambda r: r.name):
            if taken >= per_source:
                break
            sample = _sample(rule)
            if sample is None or rule.name in controls:
                continue
            fired = {(m.namespace, m.rule) for m in rules.match(data=sample, externals=externals)}
            if (source, rule.name) in fired:
                controls[rule.name] = ("control.bin", sample)
                taken += 1
    return controls
