"""Splitting YARA source files into rules, so a build can filter, annotate and regroup them one by one.

A small lexer, not a YARA parser: it knows comments, quoted strings, regular expressions and braces,
which is all it takes to find where each rule starts and ends, its sections (``meta:``, ``strings:``,
``condition:``) and its meta values. Whether a rule is valid YARA is left to the real compiler, which
the build runs afterwards on everything it keeps.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_META_ITEM = re.compile(r'([A-Za-z_][A-Za-z0-9_]*)\s*=\s*("(?:[^"\\\n]|\\.)*"|-?\d+|true|false)')
_QUOTED = re.compile(r'"(?:[^"\\\n]|\\.)*"')
_REGEX = re.compile(r"/(?:[^/\\\n]|\\.)*/")
# What the body scan stops at: quotes, regex or comment slashes, braces, and section keywords.
_INTERESTING = re.compile(r'["/{}]|(?<![\w$#@!])(meta|strings|condition)\s*:')
_ESCAPE = re.compile(r"\\(x[0-9A-Fa-f]{2}|.)")
_STRING_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}


class SplitError(ValueError):
    """A source file the splitter cannot read (an unterminated rule, string or comment)."""


@dataclass
class Rule:
    name: str
    modifiers: tuple[str, ...]  # "private", "global"
    tags: tuple[str, ...]
    text: str  # the whole rule, from its first modifier to its closing brace
    meta: list[tuple[str, str | int | bool]] = field(default_factory=list)
    condition: str = ""
    strings: str = ""
    meta_end: int = -1  # offset in ``text`` just after "meta:" (-1: the rule has no meta section)
    body_start: int = 0  # offset in ``text`` just after the opening brace

    def first(self, key: str) -> str | int | bool | None:
        """The first meta value named ``key`` (case-insensitive)."""
        for name, value in self.meta:
            if name.lower() == key.lower():
                return value
        return None

    @property
    def private(self) -> bool:
        return "private" in self.modifiers

    def with_meta(self, items: list[tuple[str, str]]) -> str:
        """The rule's text with ``items`` added to its meta section (one is made when it has none)."""
        lines = "".join(f'\n\t\t{key} = "{escape(value)}"' for key, value in items)
        if self.meta_end >= 0:
            return self.text[:self.meta_end] + lines + self.text[self.meta_end:]
        return self.text[:self.body_start] + "\n\tmeta:" + lines + self.text[self.body_start:]


def escape(value: str) -> str:
    """``value`` as the inside of a YARA string literal."""
    out = []
    for ch in value:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\x{ord(ch):02x}")
        else:
            out.append(ch)
    return "".join(out)


def _unescape(literal: str) -> str:
    body = literal[1:-1]
    if "\\" not in body:
        return body

    def one(m: re.Match[str]) -> str:
        code = m.group(1)
        return chr(int(code[1:], 16)) if len(code) == 3 else _STRING_ESCAPES.get(code, "\\" + code)

    return _ESCAPE.sub(one, body)


def _meta_value(raw: str) -> str | int | bool:
    if raw.startswith('"'):
        return _unescape(raw)
    if raw in ("true", "false"):
        return raw == "true"
    return int(raw)


class _Lexer:
    def __init__(self, text: str) -> None:
        self.text, self.pos = text, 0

    def skip_comment(self) -> bool:
        t, p = self.text, self.pos
        if t.startswith("//", p):
            end = t.find("\n", p)
            self.pos = len(t) if end < 0 else end + 1
            return True
        if t.startswith("/*", p):
            end = t.find("*/", p + 2)
            if end < 0:
                raise SplitError("a comment is not closed")
            self.pos = end + 2
            return True
        return False

    def skip_quoted(self, quote: str) -> None:
        """From an opening ``"`` or regex ``/`` to just after its closing one."""
        found = (_QUOTED if quote == '"' else _REGEX).match(self.text, self.pos)
        if found is None:
            raise SplitError("a string or regular expression is not closed")
        self.pos = found.end()

    def body(self) -> tuple[int, dict[str, tuple[int, int]]]:
        """From just after a rule's ``{``: the offset of its closing brace and where each section starts."""
        t, depth = self.text, 1
        sections: dict[str, tuple[int, int]] = {}
        while (found := _INTERESTING.search(t, self.pos)) is not None:
            self.pos = found.start()
            if self.skip_comment():
                continue
            ch = t[self.pos]
            if ch == '"':
                self.skip_quoted('"')
            elif ch == "/":
                self.skip_quoted("/")
            elif ch == "{":
                depth += 1
                self.pos += 1
            elif ch == "}":
                depth -= 1
                if depth == 0:
                    return self.pos, sections
                self.pos += 1
            else:  # a section keyword
                if depth == 1:
                    sections.setdefault(found.group(1), (self.pos, found.end()))
                self.pos = found.end()
        raise SplitError("a rule is not closed")


def split(text: str) -> tuple[list[str], list[Rule]]:
    """The modules a YARA source imports and the rules it holds, in order."""
    lexer, imports, rules = _Lexer(text), [], []
    modifiers: list[str] = []
    start = -1
    while lexer.pos < len(text):
        if lexer.skip_comment():
            continue
        ch = text[lexer.pos]
        if ch.isspace():
            lexer.pos += 1
            continue
        if ch == '"':  # an import's or include's module name
            lexer.skip_quoted('"')
            continue
        word = _IDENT.match(text, lexer.pos)
        if not word:
            raise SplitError(f"unexpected {ch!r} at offset {lexer.pos}")
        lexer.pos = word.end()
        keyword = word.group(0)
        if keyword == "import":
            m = re.compile(r'\s*"([^"]+)"').match(text, lexer.pos)
            if not m:
                raise SplitError("an import names no module")
            imports.append(m.group(1))
            lexer.pos = m.end()
        elif keyword == "include":
            raise SplitError("include directives are not supported")
        elif keyword in ("private", "global"):
            start = word.start() if start < 0 else start
            modifiers.append(keyword)
        elif keyword == "rule":
            start = word.start() if start < 0 else start
            head = re.compile(r"\s+([A-Za-z_][A-Za-z0-9_]*)\s*(?::\s*([A-Za-z0-9_\s]*?))?\s*\{").match(text, lexer.pos)
            if not head:
                raise SplitError(f"a rule header is not understood at offset {word.start()}")
            lexer.pos = head.end()
            body_start = head.end() - start
            end, sections = lexer.body()
            lexer.pos = end + 1
            rule_text = text[start:end + 1]
            rule = Rule(head.group(1), tuple(modifiers), tuple((head.group(2) or "").split()), rule_text,
                        body_start=body_start)
            _sections(rule, {k: (a - start, b - start) for k, (a, b) in sections.items()})
            rules.append(rule)
            modifiers, start = [], -1
        else:
            raise SplitError(f"unexpected word {keyword!r} at offset {word.start()}")
    return imports, rules


def _sections(rule: Rule, sections: dict[str, tuple[int, int]]) -> None:
    """Fill meta, strings and condition from ``sections`` (name -> (keyword offset, offset after colon))."""
    ordered = sorted(sections.items(), key=lambda kv: kv[1][0])
    texts = {}
    for i, (name, (_, begin)) in enumerate(ordered):
        stop = ordered[i + 1][1][0] if i + 1 < len(ordered) else len(rule.text) - 1
        texts[name] = rule.text[begin:stop]
    if "meta" in sections:
        rule.meta_end = sections["meta"][1]
        rule.meta = [(k, _meta_value(v)) for k, v in _META_ITEM.findall(texts["meta"])]
    rule.strings = texts.get("strings", "")
    rule.condition = texts.get("condition", "").strip()


def referenced_names(condition: str) -> set[str]:
    """The identifiers a condition uses (rule names among them)."""
    without_strings = re.sub(r'"(?:[^"\\]|\\.)*"', '""', condition)
    return set(_IDENT.findall(re.sub(r"[$#@!][A-Za-z0-9_]*\*?", " ", without_strings)))
