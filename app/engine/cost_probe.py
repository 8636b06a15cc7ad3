"""What new definitions cost on files of growing size — the validation sandbox's ``cost`` step.

The self-test files are small, so a rule whose cost grows with the file size (a loop over every pair
of offsets, a regular expression that backtracks) passes every other check and then, once active,
makes every larger file hit the per-file time limit: checked by no rule at all. This step generates
files of varied content (random bytes, text, long runs of letters, zeros) of 64 KB, 1 MB and 8 MB in
memory, matches each with the real rules through the scanner's own :class:`~app.engine.matcher.Matcher`,
and refuses the definitions when

* a probe takes longer than its limit (``cost-slow``),
* the time per MB on the largest probe exceeds the budget (``cost-budget``, :func:`budget`):
  :data:`RELATIVE` times the last good version's figure, but never less than :data:`MIN_S_PER_MB`
  and never more than :data:`ABSOLUTE_S_PER_MB` (the publisher's build, without a last good
  version, uses the absolute budget), or
* the time per MB grows with the size (``cost-growth``): the 8 MB probe needs more than
  :data:`GROWTH` times the 1 MB probe's time per MB, and more than :data:`NOISE_S` in all.

The shipped content (about 5,700 rules) matches some 26 MB/s, 0.04 s per MB: the 8 MB probe takes
about 0.3 s — under a twelfth of the absolute budget, a sixth of the smallest relative one (a busy
machine that makes it several times slower still passes) and under the noise floor of the growth check.
A refusal names the rule: the namespaces are halved until one holds the cost, then that namespace's
rules (:func:`find_costly`).

Engine code: no ``app.core``, no network.
"""

from __future__ import annotations

import math
import random
import re
import time
from collections.abc import Callable
from dataclasses import dataclass

import yara

from app.engine.matcher import Matcher
from app.engine.rules import EXTERNALS

MB = 1024 * 1024
SIZES = (64 * 1024, MB, 8 * MB)
ABSOLUTE_S_PER_MB = 0.5  # 4 s for the 8 MB probe
RELATIVE = 4.0  # times the last good version's seconds per MB
MIN_S_PER_MB = 0.25  # the relative budget never below this (a busy machine, timer noise of a fast rule set)
GROWTH = 3.0
NOISE_S = 1.0  # below this the 8 MB probe is never called growing: timer noise on a busy machine


@dataclass
class CostReport:
    seconds: dict[int, float]  # probe size -> seconds (the limit when it timed out)
    s_per_mb: float  # on the largest probe that finished
    refusal: tuple[str, int, float] | None = None  # (code, probe size, figure) when refused


def probe_bytes(size: int) -> bytes:
    """``size`` bytes of varied content, the same every time for a size. Beyond 1 MB the first MB repeats,
    each further MB starting with its own random bytes (a probe costs milliseconds to make)."""
    if size > MB:
        base = _varied(MB, 1)
        rng = random.Random(size)
        out = bytearray()
        while len(out) < size:
            out += rng.randbytes(4096) + base[4096:]
        return bytes(out[:size])
    return _varied(size, size)


def _varied(size: int, seed: int) -> bytes:
    rng = random.Random(seed)
    words = [b"the", b"invoice", b"function", b"return", b"Windows", b"0x4d5a", b"http://example.com/", b"data"]
    out = bytearray()
    kind = 0
    while len(out) < size:
        kind = (kind + 1) % 4
        if kind == 0:
            out += rng.randbytes(4096)
        elif kind == 1:
            out += b" ".join(rng.choice(words) for _ in range(600))[:4096]
        elif kind == 2:
            n = rng.randint(200, 1500)
            out += b"a" * n + b"b" * n + b"c" * (n // 2) + b"x"
        else:
            out += bytes(4096)
    return bytes(out[:size])


def _limit(size: int, budget: float) -> int:
    return max(1, math.ceil(2 * budget * max(size / MB, 1.0)))


def timed(rules: yara.Rules, data: bytes, limit: int) -> float | None:
    """Seconds to match ``data`` (None: it hit the ``limit``), through the scanner's own matcher."""
    matcher = Matcher(rules, {}, set(), timeout=limit)
    started = time.monotonic()
    outcome = matcher.match_bytes("probe.bin", data)
    elapsed = time.monotonic() - started
    return None if outcome.errors else elapsed


def budget(reference_s_per_mb: float | None) -> float:
    """Seconds per MB new definitions may need, given what the last good version needed."""
    if not reference_s_per_mb or reference_s_per_mb <= 0:
        return ABSOLUTE_S_PER_MB
    return min(ABSOLUTE_S_PER_MB, max(MIN_S_PER_MB, RELATIVE * reference_s_per_mb))


def measure(rules: yara.Rules, reference_s_per_mb: float | None = None) -> CostReport:
    allowed = budget(reference_s_per_mb)
    seconds: dict[int, float] = {}
    for size in SIZES:
        limit = _limit(size, ABSOLUTE_S_PER_MB)
        took = timed(rules, probe_bytes(size), limit)
        if took is None:
            seconds[size] = float(limit)
            return CostReport(seconds, limit / (size / MB), ("cost-slow", size, float(limit)))
        seconds[size] = took
    large, middle = SIZES[-1], SIZES[-2]
    per_mb = seconds[large] / (large / MB)
    report = CostReport(seconds, per_mb)
    if per_mb > allowed:
        report.refusal = ("cost-budget", large, per_mb)
    elif seconds[large] > NOISE_S and per_mb > GROWTH * seconds[middle] / (middle / MB):
        report.refusal = ("cost-growth", large, per_mb)
    return report


_RULE_START = re.compile(rb"^[ \t]*(?:(?:private|global)[ \t]+)*rule[ \t]+[A-Za-z_][A-Za-z0-9_]*", re.M)


def split_rules(source: bytes) -> tuple[bytes, list[tuple[str, bytes]]]:
    """A rule file as its header (imports) and its rules, by name, each as source text."""
    starts = [m.start() for m in _RULE_START.finditer(source)]
    if not starts:
        return source, []
    chunks = [source[a:b] for a, b in zip(starts, [*starts[1:], len(source)], strict=True)]
    named = [(re.search(rb"rule[ \t]+([A-Za-z_][A-Za-z0-9_]*)", c).group(1).decode(), c)  # type: ignore[union-attr]
             for c in chunks]
    return source[:starts[0]], named


def _compile(sources: dict[str, bytes]) -> yara.Rules | None:
    try:
        return yara.compile(sources={ns: text.decode("utf-8", "replace") for ns, text in sources.items()},
                            includes=False, externals=EXTERNALS)
    except yara.Error:  # a subset that needs a rule from the other half: no further
        return None


def _narrow(items: list[str], slow: Callable[[list[str]], bool]) -> list[str]:
    """Halve ``items`` while one half alone is still slow; the smallest slow group found."""
    while len(items) > 1:
        half = len(items) // 2
        left, right = items[:half], items[half:]
        if slow(left):
            items = left
        elif slow(right):
            items = right
        else:
            break
    return items


def find_costly(sources: dict[str, bytes], size: int, limit: int, threshold: float) -> str:
    """The rule (``namespace:rule``) or namespaces whose cost on the ``size`` probe reaches ``threshold``."""
    data = probe_bytes(size)

    def slow_sources(subset: dict[str, bytes]) -> bool:
        rules = _compile(subset)
        if rules is None:
            return False
        took = timed(rules, data, limit)
        return took is None or took >= threshold

    namespaces = _narrow(sorted(sources), lambda names: slow_sources({n: sources[n] for n in names}))
    if len(namespaces) > 1:
        return ", ".join(namespaces)
    (namespace,) = namespaces
    header, rules = split_rules(sources[namespace])
    by_name = dict(rules)
    names = _narrow([name for name, _ in rules], lambda chosen: slow_sources(
        {namespace: header + b"".join(by_name[n] for n in chosen)}))
    return f"{namespace}:{names[0]}" if len(names) == 1 else namespace
