"""Which files a rule can match, decided from its condition, and the rule sources split by file type.

Most public rules demand a file's magic (``uint16(0) == 0x5A4D`` for PE, ``uint32(0) == 0x464C457F``
for ELF, ...). A rule that demands one can never match a file that starts otherwise, so it need not be
in the automaton libyara runs over that file. This module reads each rule's condition and finds the
first two bytes the rule *requires*; the engine then compiles one rule set per common two-byte head
(plus one for every other file) and picks the set by a file's first bytes.

The analysis errs on the safe side. A head is taken only from a comparison that must hold for the
rule to match: a conjunct at the top of the condition (``and`` binds tighter than ``or``, so
``a or b and c`` needs ``a`` or both ``b`` and ``c``), through parentheses, each ``or`` branch needing
a head of its own. Everything else — ``not``, ``of``/``for``, ``filesize``, external variables,
modules, another rule's name, a comparison in any other form — tells nothing, and a rule with nothing
that tells runs on every file. Global rules run on every file, and a rule another rule refers to goes
wherever that rule goes. The parity test (``tests/engine/test_partition.py``) compares the (file,
rule) pairs of the split sets with those of the whole set over a corpus of real files.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

OTHER = "other"  # the partition of files whose head no partition of its own claims
HEAD_BYTES = 2  # partitions are keyed by a file's first two bytes
MIN_RULES = 40  # a head needs this many rules for a set of its own; rarer heads go with OTHER

_TOKEN = re.compile(
    r"""
    \s*(?:
    (?P<comment>//[^\n]*|/\*.*?\*/)
  | (?P<string>"(?:\\.|[^"\\\n])*")
  | (?P<regex>(?:=|\bmatches)\s*/(?:\\.|[^/\\\n])*/[is]*)
  | (?P<hex>\{[0-9A-Fa-f?\s\[\]\-|()~]*\})
  | (?P<word>[A-Za-z_$#@!][\w.*]*|\d[\w.]*)
  | (?P<op>==|!=|<=|>=|<<|>>|\.\.|[^\s\w])
  | (?P<end>$))
    """,
    re.VERBOSE | re.DOTALL,
)
_UINT = {"uint8": (1, "little"), "uint16": (2, "little"), "uint32": (4, "little"),
         "uint16be": (2, "big"), "uint32be": (4, "big")}
_MODULE_HEADS = {"pe.is_pe": b"MZ"}  # a module value that only files with this head can have
# Modules that parse a file only when it starts with their magic: until then every value of theirs is
# undefined, except their constants (upper case) and the members named here, which say "not mine" (0).
_MODULES = {"pe": (b"MZ", {"is_pe"}), "dotnet": (b"MZ", set()), "elf": (b"\x7fELF", set())}
# Operators through which an undefined operand makes the whole expression undefined, hence false.
_STRICT = {"==", "!=", "<", "<=", ">", ">=", "&", "|", "^", "~", "+", "-", "*", "\\", "%", "<<", ">>", "(", ")",
           "[", "]", ",", ".", "contains", "icontains", "startswith", "istartswith", "endswith", "iendswith",
           "iequals"}


class SplitError(ValueError):
    """The source is not laid out as the splitter expects; the caller keeps the whole set."""


@dataclass
class Rule:
    name: str
    text: str  # the rule exactly as written, modifiers and tags included
    condition: list[str]  # its condition's tokens
    is_global: bool = False
    modules: set[str] = field(default_factory=set)  # the imported modules its condition uses
    heads: frozenset[bytes] | None = None  # None: can match any file
    partitions: set[str] = field(default_factory=set)


@dataclass
class Source:
    """One namespace's source split into its rules (in their order) and what comes before them."""

    imports: list[str]  # module names, in their order
    rules: list[Rule]


def tokens(text: str) -> Iterator[tuple[str, int, int]]:
    """YARA tokens of ``text`` as (token, start, end), comments and white space left out; a regular
    expression, a hex string and a text string are one token each."""
    pos = 0
    for found in _TOKEN.finditer(text):
        if found.start() != pos:
            raise SplitError(f"unexpected character at offset {pos}")
        pos = found.end()
        kind = found.lastgroup or "end"
        if kind not in {"comment", "end"}:
            yield found.group(kind), found.start(kind), pos
    if pos != len(text):
        raise SplitError(f"unexpected character at offset {pos}")


def split_source(text: str) -> Source:
    """The rules of one YARA source, each with its exact text and its condition's tokens."""
    toks = list(tokens(text))
    imports: list[str] = []
    rules: list[Rule] = []
    i = 0
    while i < len(toks):
        tok, start, _ = toks[i]
        if tok == "import" and i + 1 < len(toks):
            imports.append(toks[i + 1][0].strip('"'))
            i += 2
            continue
        if tok not in ("rule", "private", "global"):
            raise SplitError(f"unexpected {tok!r} at offset {start}")
        is_global = False
        while toks[i][0] in ("private", "global"):
            is_global = is_global or toks[i][0] == "global"
            i += 1
        if toks[i][0] != "rule" or i + 1 >= len(toks):
            raise SplitError(f"a rule was expected at offset {toks[i][1]}")
        name = toks[i + 1][0]
        while i < len(toks) and toks[i][0] != "{":
            i += 1
        depth, condition, in_condition = 0, [], False
        while i < len(toks):
            tok = toks[i][0]
            if tok == "{":
                depth += 1
            elif tok == "}":
                depth -= 1
                if depth == 0:
                    break
            elif depth == 1 and tok == "condition" and i + 1 < len(toks) and toks[i + 1][0] == ":":
                in_condition = True
                i += 2
                continue
            if in_condition:
                condition.append(tok)
            i += 1
        if i >= len(toks):
            raise SplitError(f"rule {name} does not end")
        used = {module for module in imports for tok in condition if tok == module or tok.startswith(f"{module}.")}
        rules.append(Rule(name, text[start:toks[i][2]], condition, is_global, used))
        i += 1
    return Source(imports, rules)


def _split(toks: list[str], word: str) -> list[list[str]]:
    parts: list[list[str]] = [[]]
    depth = 0
    for tok in toks:
        if tok in ("(", "[", "{"):
            depth += 1
        elif tok in (")", "]", "}"):
            depth -= 1
        if depth == 0 and tok == word:
            parts.append([])
        else:
            parts[-1].append(tok)
    return parts


def _wrapped(toks: list[str]) -> bool:
    """``toks`` is one parenthesised expression: ``( ... )`` with the first parenthesis closing last."""
    if len(toks) < 2 or toks[0] != "(" or toks[-1] != ")":
        return False
    depth = 0
    for index, tok in enumerate(toks):
        depth += tok == "("
        depth -= tok == ")"
        if depth == 0 and index < len(toks) - 1:
            return False
    return True


def _number(tok: str) -> int | None:
    try:
        return int(tok, 16) if tok.lower().startswith("0x") else int(tok, 10)
    except ValueError:
        return None


def _magic(toks: list[str]) -> bytes | None:
    """The head ``uintN(0) == V`` (either way round) requires, or None."""
    if len(toks) == 1 and toks[0] in _MODULE_HEADS:
        return _MODULE_HEADS[toks[0]]
    if len(toks) != 6:
        return None
    if toks[1] == "==" and toks[2] in _UINT:  # V == uintN(0)
        toks = [*toks[2:], "==", toks[0]]
    func, open_, offset, close, op, value = toks
    if func not in _UINT or open_ != "(" or close != ")" or op != "==" or _number(offset) != 0:
        return None
    number = _number(value)
    width, order = _UINT[func]
    if number is None or not 0 <= number < 1 << (8 * width):
        return None
    return number.to_bytes(width, order)  # type: ignore[arg-type]


def _module_head(toks: list[str]) -> bytes | None:
    """The head a comparison of module values requires: one that reads a value of a module that parses
    only files of one head, through nothing but operators that keep an undefined value undefined."""
    need, previous = None, ""
    for tok in toks:
        if tok in _STRICT or tok.startswith('"') or _number(tok) is not None or previous == ".":
            pass  # an operator, a literal, or a member of a module's structure
        else:
            module, _, member = tok.partition(".")
            if module not in _MODULES or not member:
                return None  # a string, a keyword, a variable, another module: it may be defined anyway
            magic, defined = _MODULES[module]
            first = member.split(".")[0]
            if not first[:1].isupper() and first not in defined:
                need = need or magic
        previous = tok
    return need


def heads(toks: list[str]) -> frozenset[bytes] | None:
    """The heads one of which a file must start with for ``toks`` (a condition) to hold; None: any."""
    found: set[bytes] = set()
    for branch in _split(toks, "or"):
        need = None
        for conjunct in _split(branch, "and"):
            if _wrapped(conjunct):
                need = heads(conjunct[1:-1])
            else:
                magic = _magic(conjunct) or _module_head(conjunct)
                need = frozenset([magic]) if magic is not None else None
            if need is not None:
                break
        if need is None:
            return None
        found |= need
    return frozenset(found) if found else None


def _key(head: bytes) -> str | None:
    return head[:HEAD_BYTES].hex() if len(head) >= HEAD_BYTES else None


def assign(sources: dict[str, Source], min_rules: int = MIN_RULES) -> list[str]:
    """Give every rule its partitions; returns the partition keys (hex of a head, and OTHER)."""
    counts: dict[str, int] = {}
    for source in sources.values():
        for rule in source.rules:
            rule.heads = None if rule.is_global else heads(rule.condition)
            for key in {_key(h) for h in rule.heads or ()}:
                if key is not None:
                    counts[key] = counts.get(key, 0) + 1
    own = sorted(key for key, count in counts.items() if count >= min_rules)
    everywhere = {*own, OTHER}
    for source in sources.values():
        for rule in source.rules:
            keys = {_key(h) for h in rule.heads} if rule.heads is not None else {None}
            if None in keys:
                rule.partitions = set(everywhere)
            else:
                rule.partitions = {key if key in own else OTHER for key in keys if key is not None}
        by_name = {rule.name: rule for rule in source.rules}
        for rule in reversed(source.rules):  # a rule named in a condition goes wherever that rule goes
            for tok in rule.condition:
                used = by_name.get(tok)
                if used is not None and used is not rule:
                    used.partitions |= rule.partitions
    return [*own, OTHER]


def partition_sources(sources: dict[str, Source], key: str) -> dict[str, str]:
    """The namespace sources of partition ``key``: the rules in it, and the modules they use (a module
    costs time on every file even when no rule reads it: ``pe`` about 2 ms)."""
    texts = {}
    for namespace, source in sources.items():
        rules = [rule for rule in source.rules if key in rule.partitions]
        used = set().union(*(rule.modules for rule in rules))
        imports = [f'import "{module}"' for module in source.imports if module in used]
        texts[namespace] = "\n\n".join([*imports, *(rule.text for rule in rules)])
    return texts


def key_of(head: bytes, keys: Iterable[str]) -> str:
    """The partition of a file that starts with ``head``."""
    key = _key(head)
    return key if key is not None and key in keys else OTHER


__all__ = ["OTHER", "Rule", "Source", "SplitError", "assign", "heads", "key_of", "partition_sources",
           "split_source", "tokens"]
