"""Which files a rule can match, decided from its condition, and the rule sources split by file type and size.

Most public rules demand a file's magic (``uint16(0) == 0x5A4D`` for PE, ``uint32(0) == 0x464C457F``
for ELF, ...). A rule that demands one can never match a file that starts otherwise, so it need not be
in the automaton libyara runs over that file. This module reads each rule's condition and finds the
first two bytes the rule *requires*; the engine then compiles one rule set per common two-byte head
(plus one for every other file) and picks the set by a file's first bytes.

Many rules also cap the size of the files they match (``filesize < 500KB``: a sample's family, not a
big installer). Each head's rules are split again by size class (:data:`SIZE_BOUNDS`): a rule goes
into every class whose smallest file it could still match, so a large file is matched by the rules
that allow its size only. Libyara looks for every string of every rule before it reads a condition,
so on large files, where most of the bytes are, this is time saved on every byte.

The analysis errs on the safe side. A head is taken only from a comparison that must hold for the
rule to match: a conjunct at the top of the condition (``and`` binds tighter than ``or``, so
``a or b and c`` needs ``a`` or both ``b`` and ``c``), through parentheses, each ``or`` branch needing
a head of its own; a size cap is read the same way (``filesize < N``, ``filesize <= N`` and their mirror
images, with ``KB``/``MB``). Everything else — ``not``, ``of``/``for``, ``filesize``, external variables,
modules, another rule's name, a comparison in any other form — tells nothing, and a rule with nothing
that tells runs on every file. Global rules run on every file of every size, and a rule another rule
refers to goes wherever that rule goes.

Some modules cost far more than the rules that read them are worth: ``elf`` parses every symbol of every
ELF file (281 MB and half a second for one 190 MB library), for one shipped rule. Where every rule of a
set that reads such a module (:data:`RELAXABLE`) can be *relaxed* — its condition a chain of ``and``
whose module-reading conjuncts are dropped (``$a at elf.entry_point`` kept as ``$a``), still asking for
a string — the set holds the relaxed rules instead and does not import the module. A relaxed rule
matches whenever the rule does (each dropped conjunct only narrowed it); when it fires, the matcher
runs the original rules on the file (:func:`confirm_sources`) and keeps their verdict.

Each set imports only the modules its rules need: where a set's files cannot have a module's magic,
a rule that reads that module in a branch that need not hold is rewritten to the undefined value the
module gives on such files (:func:`rewrite_without`), so ``pe`` (about 2 ms a file) is not loaded for
files without a PE head. The parity tests (``tests/engine/test_partition.py``) compare the (file,
rule) pairs of the split sets with those of the whole set, files of every size class included.
Decision record: ``docs/adr/0019-rules-split-by-file-type.md``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, field

SCHEME = 4  # changes whenever the analysis or the rewriting changes: compiled splits of another scheme are stale
OTHER = "other"  # the partition of files whose head no partition of its own claims
HEAD_BYTES = 2  # partitions are keyed by a file's first two bytes
MIN_RULES = 40  # a head needs this many rules for a set of its own; rarer heads go with OTHER
SIZE_BOUNDS = (256 * 1024, 1024 * 1024)  # size classes: below 256 KiB, below 1 MiB, the rest
RELAXABLE = ("elf", "dotnet")  # modules a set does without when each of its rules reading them can be relaxed
SEPARATOR = "/"  # a partition key is HEAD/CLASS, e.g. "4d5a/2" (PE files of 1 MiB or more)
_SIZE_NUMBER = re.compile(r"(0x[0-9A-Fa-f]+|\d+)(KB|MB)?")

_TOKEN = re.compile(
    r"""
    \s*(?:
    (?P<comment>//[^\n]*|/\*.*?\*/)
  | (?P<string>"(?:\\.|[^"\\\n])*")
  | (?P<regex>(?:=|\bmatches)\s*/(?:\\.|[^/\\\n])*/[is]*)
  | (?P<hex>\{[0-9A-Fa-f?\s\[\]\-|()~]*\})
  | (?P<word>[A-Za-z_$#@!][\w.*]*|\d+(?:\.\d+)?\w*)
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
    spans: list[tuple[int, int]] = field(default_factory=list)  # where each condition token is in ``text``
    heads: frozenset[bytes] | None = None  # None: can match any file
    size_cap: int | None = None  # it can match only files smaller than this; None: of any size
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
        depth, condition, spans, in_condition = 0, [], [], False
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
                spans.append((toks[i][1] - start, toks[i][2] - start))
            i += 1
        if i >= len(toks):
            raise SplitError(f"rule {name} does not end")
        used = {module for module in imports for tok in condition if tok == module or tok.startswith(f"{module}.")}
        rules.append(Rule(name, text[start:toks[i][2]], condition, is_global, used, spans))
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


def _size_number(tok: str) -> int | None:
    found = _SIZE_NUMBER.fullmatch(tok)
    if found is None:
        return None
    number = int(found.group(1), 0)
    return number * {"KB": 1024, "MB": 1024 * 1024, None: 1}[found.group(2)]


def _cap(toks: list[str]) -> int | None:
    """The size ``filesize < N`` (``<=``, and either way round) requires files to stay below, or None."""
    if len(toks) != 3:
        return None
    if toks[2] == "filesize":  # N > filesize
        toks = [toks[2], {">": "<", ">=": "<="}.get(toks[1], ""), toks[0]]
    subject, op, value = toks
    number = _size_number(value)
    if subject != "filesize" or number is None or op not in ("<", "<="):
        return None
    return number + (op == "<=")


def size_cap(toks: list[str]) -> int | None:
    """The size below which a file must be for ``toks`` (a condition) to hold; None: any size."""
    found = 0
    for branch in _split(toks, "or"):
        cap = None
        for conjunct in _split(branch, "and"):
            need = size_cap(conjunct[1:-1]) if _wrapped(conjunct) else _cap(conjunct)
            if need is not None:
                cap = need if cap is None else min(cap, need)
        if cap is None:
            return None
        found = max(found, cap)
    return found


def size_class(size: int) -> int:
    """The size class of a file of ``size`` bytes (an index into the ranges :data:`SIZE_BOUNDS` makes)."""
    return bisect.bisect_right(SIZE_BOUNDS, size)


def _classes(cap: int | None) -> list[int]:
    """The size classes holding a file smaller than ``cap``: each whose smallest size is below it (at
    least the first, so a rule no file can match still has a set)."""
    lows = (0, *SIZE_BOUNDS)
    return [index for index, low in enumerate(lows) if cap is None or low < cap or index == 0]


def _key(head: bytes) -> str | None:
    return head[:HEAD_BYTES].hex() if len(head) >= HEAD_BYTES else None


def assign(sources: dict[str, Source], min_rules: int = MIN_RULES) -> list[str]:
    """Give every rule its partitions; returns the partition keys (``HEAD/CLASS``, HEAD the hex of a
    file head or OTHER, CLASS a size class)."""
    counts: dict[str, int] = {}
    for source in sources.values():
        for rule in source.rules:
            rule.heads = None if rule.is_global else heads(rule.condition)
            rule.size_cap = None if rule.is_global else size_cap(rule.condition)
            for key in {_key(h) for h in rule.heads or ()}:
                if key is not None:
                    counts[key] = counts.get(key, 0) + 1
    own = sorted(key for key, count in counts.items() if count >= min_rules)
    everywhere = {*own, OTHER}
    for source in sources.values():
        for rule in source.rules:
            keys = {_key(h) for h in rule.heads} if rule.heads is not None else {None}
            places = set(everywhere) if None in keys else {key if key in own else OTHER for key in keys if key is not None}
            rule.partitions = {f"{head}{SEPARATOR}{size}" for head in places for size in _classes(rule.size_cap)}
        by_name = {rule.name: rule for rule in source.rules}
        for rule in reversed(source.rules):  # a rule named in a condition goes wherever that rule goes
            for tok in rule.condition:
                used = by_name.get(tok)
                if used is not None and used is not rule:
                    used.partitions |= rule.partitions
    return [f"{head}{SEPARATOR}{size}" for head in [*own, OTHER] for size in range(len(SIZE_BOUNDS) + 1)]


def partition_sources(sources: dict[str, Source], key: str, keys: Iterable[str] = ()) -> dict[str, str]:
    """The namespace sources of partition ``key`` (one of ``keys``): the rules in it, and the modules they use.

    A module costs time on every file even when no rule reads it (``pe`` about 2 ms a file), so where
    the files of ``key`` cannot have a module's magic, a rule's use of that module is rewritten to the
    undefined value it has on those files (:func:`rewrite_without`) and the module is not imported."""
    absent = _absent_modules(key, set(keys))
    relaxed = relaxed_rules(sources, key)
    texts = {}
    for namespace, source in sources.items():
        rules = [rule for rule in source.rules if key in rule.partitions]
        written, used = [], set()
        for rule in rules:
            text, modules = rule.text, rule.modules
            if (namespace, rule.name) in relaxed:  # a relaxed rule reads no module (see relaxed_rules)
                text, modules = relaxed[(namespace, rule.name)], set()
            elif modules & absent and (rewritten := rewrite_without(rule, absent)) is not None:
                text, modules = rewritten, modules - absent
            written.append(text)
            used |= modules
        imports = [f'import "{module}"' for module in source.imports if module in used]
        texts[namespace] = "\n\n".join([*imports, *written])
    return texts


def _head_of(key: str) -> str:
    return key.split(SEPARATOR, 1)[0]


def _absent_modules(key: str, keys: set[str]) -> set[str]:
    """Modules that parse no file of partition ``key``: their magic leads to another partition."""
    absent = set()
    head, heads_with_sets = _head_of(key), {_head_of(k) for k in keys}
    for module, (magic, _) in _MODULES.items():
        home = _key(magic)
        if home != head and (head != OTHER or home in heads_with_sets):
            absent.add(module)
    return absent


# ---------------------------------------------------------------------------------------------
# Conditions rewritten for files a module does not parse

_UNDEFINED = "uint8(filesize)"  # reads one byte past the end: undefined on every file
Span = tuple[str, int, int]


def _module_data(tok: str, absent: set[str]) -> tuple[bool, bool]:
    """(``tok`` names a module member, that member is a value of a module in ``absent``)."""
    module, _, member = tok.partition(".")
    if module not in _MODULES or not member:
        return False, False
    first = member.split(".")[0]
    return True, module in absent and not first[:1].isupper() and first not in _MODULES[module][1]


def _undefined_without(toks: list[str], absent: set[str]) -> bool:
    """``toks`` is undefined on every file none of ``absent`` parses: it reads one of their values
    through nothing but operators that keep an undefined value undefined (any index of such a value)."""
    found, previous, index = False, "", 0
    while index < len(toks):
        tok = toks[index]
        if tok == "[" and index and (_module_data(previous, set())[0] or previous in ("]", ")") or toks[index - 2:index - 1] == ["."]):
            depth = 0
            while index < len(toks):  # the index of a module's array: whatever it is, the value is undefined
                depth += (toks[index] == "[") - (toks[index] == "]")
                if depth == 0:
                    break
                index += 1
            previous = "]"
            index += 1
            continue
        if not (tok in _STRICT or tok.startswith('"') or _number(tok) is not None or previous == "."):
            member, data = _module_data(tok, absent)
            if not member:
                return False
            found = found or data
        previous = tok
        index += 1
    return found


def _uses(toks: list[str], absent: set[str]) -> bool:
    return any(tok.partition(".")[0] in absent and "." in tok for tok in toks)


def _split_spans(toks: list[Span], word: str) -> list[list[Span]]:
    parts: list[list[Span]] = [[]]
    depth = 0
    for tok in toks:
        depth += tok[0] in ("(", "[")
        depth -= tok[0] in (")", "]")
        if depth == 0 and tok[0] == word:
            parts.append([])
        else:
            parts[-1].append(tok)
    return parts


def _rewrite(toks: list[Span], absent: set[str]) -> list[tuple[int, int, str]] | None:
    """Replacements (start, end, text) that give the boolean expression ``toks`` the same value on every
    file none of ``absent`` parses, without naming those modules; None when this cannot be done."""
    out: list[tuple[int, int, str]] = []
    for branch in _split_spans(toks, "or"):
        for conjunct in _split_spans(branch, "and"):
            done = _rewrite_term(conjunct, absent)
            if done is None:
                return None
            out += done
    return out


def _rewrite_term(toks: list[Span], absent: set[str]) -> list[tuple[int, int, str]] | None:
    words = [tok for tok, _, _ in toks]
    if not _uses(words, absent):
        return []
    if words[0] in ("not", "defined"):
        return _rewrite_term(toks[1:], absent)
    if _wrapped(words):
        return _rewrite(toks[1:-1], absent)
    if _undefined_without(words, absent):
        return [(toks[0][1], toks[-1][2], f"({_UNDEFINED} == 0)")]
    if words[0] == "for" and "in" in words and "of" not in words[:words.index("in")]:
        start = words.index("in")
        if start + 1 < len(words) and words[start + 1] == "(" and not _uses(words[:start], absent):
            depth, close = 0, start + 1
            for close in range(start + 1, len(words)):
                depth += (words[close] == "(") - (words[close] == ")")
                if depth == 0:
                    break
            bounds = _split(words[start + 2:close], "..")
            if (len(bounds) == 2 and any(_undefined_without(b, absent) for b in bounds)
                    and words[close + 1:close + 2] == [":"] and _wrapped(words[close + 2:])):
                # an undefined range: the body is never evaluated, so the loop is the same with any body
                return [(toks[0][1], toks[-1][2], f"{' '.join(words[:start])} in (0..{_UNDEFINED}) : (true)")]
    if len(words) > 2 and words[0].startswith("$") and words[1] == "at" and _undefined_without(words[2:], absent):
        return [(toks[2][1], toks[-1][2], _UNDEFINED)]
    return None


def rewrite_without(rule: Rule, absent: set[str]) -> str | None:
    """``rule`` as it behaves on files none of the modules ``absent`` parses, without naming them."""
    toks = [(word, start, end) for word, (start, end) in zip(rule.condition, rule.spans, strict=True)]
    done = _rewrite(toks, absent) if toks else None
    if done is None:
        return None
    text = rule.text
    for start, end, replacement in sorted(done, reverse=True):
        text = text[:start] + replacement + text[end:]
    return text


# ---------------------------------------------------------------------------------------------
# Rules relaxed so that a set need not load a costly module, and confirmed when they fire


def relax(rule: Rule, module: str) -> str | None:
    """``rule`` without the conjuncts of its top-level ``and`` chain that read ``module`` (``$a at X``
    kept as ``$a``); None when it has none, reads ``module`` anywhere else, is an ``or`` at the top,
    or would no longer ask for any string."""
    toks = [(word, start, end) for word, (start, end) in zip(rule.condition, rule.spans, strict=True)]
    if not toks or len(_split_spans(toks, "or")) > 1:
        return None
    done, kept_strings = [], False
    for conjunct in _split_spans(toks, "and"):
        words = [word for word, _, _ in conjunct]
        if not _uses(words, {module}):
            kept_strings = kept_strings or any(w.startswith(("$", "#", "@", "!")) or w == "them" for w in words)
            continue
        if len(words) > 2 and words[0].startswith("$") and words[1] == "at" and not _uses(words[:1], {module}):
            done.append((conjunct[0][1], conjunct[-1][2], words[0]))
            kept_strings = True
        else:
            done.append((conjunct[0][1], conjunct[-1][2], "true"))
    if not done or not kept_strings:
        return None
    text = rule.text
    for start, end, replacement in sorted(done, reverse=True):
        text = text[:start] + replacement + text[end:]
    return text


def relaxed_rules(sources: dict[str, Source], key: str) -> dict[tuple[str, str], str]:
    """The rules of partition ``key`` that it holds relaxed, ``(namespace, name) -> relaxed text``: for
    each module of :data:`RELAXABLE` that some rule of the set reads, every such rule must relax (read
    no other module, and be neither global, private, nor named by another rule), or none is."""
    chosen: dict[tuple[str, str], str] = {}
    for module in RELAXABLE:
        found: dict[tuple[str, str], str] | None = {}
        for namespace, source in sources.items():
            named = {tok for rule in source.rules for tok in rule.condition}
            for rule in source.rules:
                if found is None or key not in rule.partitions or module not in rule.modules:
                    continue
                text = None
                if rule.modules == {module} and not rule.is_global and rule.name not in named and \
                        not rule.text.lstrip().startswith("private"):
                    text = relax(rule, module)
                found = None if text is None else {**found, (namespace, rule.name): text}
        chosen.update(found or {})
    return chosen


def confirm_sources(sources: dict[str, Source], names: Iterable[tuple[str, str]]) -> dict[str, str]:
    """The original rules ``names`` (and every rule they name), as written, with their imports: what a
    relaxed rule's hit is checked against."""
    wanted = set(names)
    texts = {}
    for namespace, source in sources.items():
        by_name = {rule.name: rule for rule in source.rules}
        need = {name for ns, name in wanted if ns == namespace}
        for rule in reversed(source.rules):
            if rule.name in need:
                need |= {tok for tok in rule.condition if tok in by_name}
        rules = [rule for rule in source.rules if rule.name in need]
        if rules:
            used = set().union(*(rule.modules for rule in rules))
            imports = [f'import "{module}"' for module in source.imports if module in used]
            texts[namespace] = "\n\n".join([*imports, *(rule.text for rule in rules)])
    return texts


def key_of(head: bytes, size: int, keys: Collection[str]) -> str:
    """The partition of a file of ``size`` bytes that starts with ``head`` (OTHER where ``keys`` are one
    unsplit set)."""
    size_part = f"{SEPARATOR}{size_class(size)}"
    key = _key(head)
    if key is not None and key + size_part in keys:
        return key + size_part
    return OTHER + size_part if OTHER + size_part in keys else OTHER


__all__ = ["OTHER", "SIZE_BOUNDS", "Rule", "Source", "SplitError", "assign", "heads", "key_of", "partition_sources",
           "size_cap", "size_class", "split_source", "tokens"]
