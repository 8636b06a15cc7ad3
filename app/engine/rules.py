"""Compiling definitions with the real engine, and the compiled-rules cache.

Each rule file is compiled in its own namespace (public rule sets repeat rule names across files).
The compiled form is saved in Ringfence's own cache folder, keyed by the definitions digest and the
yara version, and loaded afterwards (compiling a large rule set takes ~0.5 s, loading it ~20 ms
through :func:`load_compiled`). Compiled rules hold the strings they look for, so the cache entry is sealed like the sources
(:mod:`app.engine.sealed`) and opened in memory. Compiled rules from anywhere else are never loaded.
``include`` directives are refused so a rule file can never read other files.

Scans use the rules split by file type and size (:mod:`app.engine.partition`): one compiled set per
common file head and size class, cached together in one sealed entry beside the whole set's.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import tempfile
import threading
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import yara

from app.engine import partition
from app.engine.bundle import BundleError, Definitions, read_rule_source
from app.engine.filetypes import HEAD, file_type
from app.engine.sealed import SealError, pack, seal, unpack, unseal

# External variables every rule may use (LOKI/THOR-style rules look at the file name); the matcher
# passes the real values for each file (``md5`` only when a rule reads it).
EXTERNALS = {"filename": "", "filepath": "", "extension": "", "filetype": "", "owner": "", "md5": ""}
CACHE_SUFFIX = ".rfc"
PARTITIONS_SUFFIX = ".rfp"
_COUNT = "rule-count"  # the pack entry beside the compiled sets that holds their distinct rule count
_RELAXED = "relaxed"  # the pack entry that names each set's relaxed rules (JSON: key -> ["namespace:rule"])
CONFIRM = "confirm"  # the set of original rules a relaxed rule's hit is checked against


def compiled_key(defs: Definitions) -> str:
    material = f"{defs.digest}\0{yara.__version__}\0{yara.YARA_VERSION}\0{sorted(EXTERNALS)}".encode()
    return hashlib.sha256(material).hexdigest()[:32]


def count_rules(rules: yara.Rules) -> int:
    return sum(1 for _ in rules)


class Partitioned:
    """Compiled rules split by file type and size: ``select(head, size)`` gives the set for a file of
    ``size`` bytes starting with ``head``.

    A set from the cache stays sealed until the first file of its type needs it, so a scan that meets
    no PE file never loads the PE set (the largest). ``recompile`` replaces a cached set that turns out
    damaged when it is opened."""

    def __init__(self, sets: Mapping[str, yara.Rules | bytes], rule_count: int,
                 recompile: Callable[[], Partitioned] | None = None,
                 relaxed: Mapping[str, frozenset[tuple[str, str]]] | None = None) -> None:
        self._sets = dict(sets)  # a set still sealed (bytes) until a file needs it
        self.keys = frozenset(key for key in sets if key != CONFIRM)
        self.rule_count = rule_count  # distinct rules over all the sets
        self.relaxed = dict(relaxed or {})  # key -> (namespace, rule) held relaxed in that set
        self._recompile = recompile
        self._lock = threading.Lock()

    def rules_for(self, key: str) -> yara.Rules:
        found = self._sets[key]
        if isinstance(found, yara.Rules):
            return found
        with self._lock:
            found = self._sets[key]
            if not isinstance(found, yara.Rules):
                try:
                    found = load_compiled(unseal(found))
                except (yara.Error, SealError):
                    if self._recompile is None:
                        raise
                    fresh = self._recompile()  # the whole cache entry is written again
                    self._sets, self.relaxed = dict(fresh._sets), fresh.relaxed
                    found = self._sets[key]
                    if not isinstance(found, yara.Rules):
                        found = load_compiled(unseal(found))
                self._sets[key] = found  # loaded: the sealed copy goes
        return found

    def select(self, head: bytes, size: int) -> yara.Rules:
        """The set for a file of ``size`` bytes that starts with ``head``."""
        return self.rules_for(partition.key_of(head, size, self.keys))

    def match(self, head: bytes, size: int, **options: Any) -> list[yara.Match]:
        """Match a file of ``size`` bytes that starts with ``head`` (``options`` go to ``yara.Rules.match``):
        its set, and where a relaxed rule fired, the original rules, whose verdict on it counts."""
        key = partition.key_of(head, size, self.keys)
        found = self.rules_for(key).match(**options)
        relaxed = self.relaxed.get(key)
        if relaxed and any((m.namespace, m.rule) in relaxed for m in found):
            confirmed = {(m.namespace, m.rule): m for m in self.rules_for(CONFIRM).match(**options)}
            found = [confirmed[(m.namespace, m.rule)] if (m.namespace, m.rule) in relaxed else m for m in found
                     if (m.namespace, m.rule) not in relaxed or (m.namespace, m.rule) in confirmed]
        return found

    @property
    def sets(self) -> dict[str, yara.Rules]:
        return {key: self.rules_for(key) for key in sorted(self.keys)}

    def saved(self) -> dict[str, bytes]:
        """The pack entries of this split: each set (and the confirming set) sealed, and the relaxed rules."""
        blobs = {key: found if isinstance(found := self._sets[key], bytes) else seal(_saved(found), level=1)
                 for key in sorted(self._sets)}
        relaxed = {key: sorted(f"{ns}:{name}" for ns, name in rules) for key, rules in self.relaxed.items()}
        return {**blobs, _COUNT: str(self.rule_count).encode(), _RELAXED: json.dumps(relaxed).encode()}


def load_compiled(raw: bytes) -> yara.Rules:
    """Compiled rules from memory. Libyara reads a file path ten times faster than a Python stream (0.02
    against 0.2 s for the PE set), so where the system has anonymous memory files the rules go through
    one, never through a file on disk: a compiled rule set in the clear holds every string it looks for."""
    memfd = getattr(os, "memfd_create", None)
    fd = -1
    if memfd is not None:
        try:
            fd = memfd("ringfence-rules", os.MFD_CLOEXEC)
        except OSError:
            fd = -1
    if fd < 0:
        return yara.load(file=io.BytesIO(raw))
    try:
        view = memoryview(raw)
        while view:
            view = view[os.write(fd, view):]
        path = f"/proc/self/fd/{fd}"
        if not os.path.exists(path):  # no /proc: the stream it is
            return yara.load(file=io.BytesIO(raw))
        return yara.load(path)
    finally:
        os.close(fd)


def _sources(defs: Definitions) -> dict[str, str]:
    try:
        return {namespace: read_rule_source(path).decode("utf-8", "replace")
                for namespace, path in defs.rule_files.items()}
    except OSError as exc:
        raise BundleError("compile-failed", exc) from exc


def _compile(sources: dict[str, str]) -> yara.Rules:
    try:
        return yara.compile(sources=sources, includes=False, externals=EXTERNALS)
    except yara.SyntaxError as exc:
        raise BundleError("rule-syntax", exc) from exc
    except yara.Error as exc:
        raise BundleError("compile-failed", exc) from exc


def compile_definitions(defs: Definitions) -> yara.Rules:
    """Compile the sources of ``defs``; refuse invalid YARA and a rule count that differs."""
    rules = _compile(_sources(defs))
    _check_count(defs, rules)
    return rules


def compile_partitions(defs: Definitions) -> Partitioned:
    """The rules of ``defs`` compiled once per file type (see :mod:`app.engine.partition`).

    Sources the splitter cannot read, a part that does not compile, or a split that loses a rule give
    one set with every rule."""
    sources = _sources(defs)
    try:
        split = {namespace: partition.split_source(text) for namespace, text in sources.items()}
    except partition.SplitError:
        split = None
    if split is not None:
        keys = partition.assign(split)
        relaxed = {key: frozenset(found) for key in keys if (found := partition.relaxed_rules(split, key))}
        # One set at a time, sealed as soon as it is compiled: the compiler's peak is one set's, not
        # nine (344 MB at once), and a scan compiling the split beside its matching stays small.
        sets: dict[str, bytes] = {}
        counts: dict[str, int] = {}
        confirm = set().union(*relaxed.values())
        try:
            for key in [*keys, *([CONFIRM] if confirm else [])]:
                rules = _compile(partition.confirm_sources(split, confirm) if key == CONFIRM
                                 else partition.partition_sources(split, key, keys))
                counts[key], sets[key] = count_rules(rules), seal(_saved(rules), level=1)
                del rules
        except BundleError:
            return _unsplit(defs)  # the whole set says what is wrong, or compiles where a part does not
        every = [rule for source in split.values() for rule in source.rules]
        parted = Partitioned(sets, len(every), relaxed=relaxed)
        # every rule went somewhere, libyara compiled exactly the rules each set was given, and each
        # golden sample is found by the set its head and size choose
        if all(rule.partitions for rule in every) and all(
                counts[key] == sum(key in rule.partitions for rule in every) for key in keys
        ) and _golden_found(defs, parted):
            _check_count(defs, len(every))
            return parted
    return _unsplit(defs)


def _golden_found(defs: Definitions, parted: Partitioned) -> bool:
    """Every golden sample of ``defs`` fires its rule in the set the split gives it (the self-test at
    activation proves the whole set; this proves the split, once, when it is compiled)."""
    for rule, (filename, sample) in defs.golden.items():
        name = filename.replace("\\", "/").rsplit("/", 1)[-1]
        externals = {**EXTERNALS, "filename": name, "filepath": filename, "extension": os.path.splitext(name)[1].lower(),
                     "filetype": file_type(sample[:HEAD]),
                     "md5": hashlib.md5(sample).hexdigest() if defs.uses_md5 else ""}
        try:
            found = parted.match(sample, len(sample), data=sample, externals=externals)
        except yara.Error:
            return False
        if rule not in {match.rule for match in found}:
            return False
    return True


def _unsplit(defs: Definitions) -> Partitioned:
    whole = compile_definitions(defs)
    return Partitioned({partition.OTHER: whole}, count_rules(whole))


def _check_count(defs: Definitions, rules: yara.Rules | int) -> None:
    declared = defs.declared_rule_count
    if defs.kind == "bundle" and declared is not None:
        parsed = rules if isinstance(rules, int) else count_rules(rules)
        if parsed != declared:
            raise BundleError("rule-count", declared, parsed)


def load_or_compile(defs: Definitions, compiled_dir: Path | None) -> yara.Rules:
    """The compiled rules for ``defs``, from the cache when possible."""
    if compiled_dir is None:
        return compile_definitions(defs)
    path = compiled_dir / f"{compiled_key(defs)}{CACHE_SUFFIX}"
    for plain in compiled_dir.glob("*.yarc"):  # plain compiled rules of earlier versions
        plain.unlink(missing_ok=True)
    if path.is_file():
        try:
            rules = load_compiled(unseal(path.read_bytes()))
            _check_count(defs, rules)
            return rules
        except (yara.Error, BundleError, SealError, OSError):
            path.unlink(missing_ok=True)  # damaged cache entry: compile again from the sources
    rules = compile_definitions(defs)
    _store(path, seal(_saved(rules), level=1))
    return rules


def _partitions_path(defs: Definitions, compiled_dir: Path) -> Path:
    return compiled_dir / f"{compiled_key(defs)}-{partition.SCHEME}{PARTITIONS_SUFFIX}"


def _compile_partitions_into(defs: Definitions, compiled_dir: Path) -> Partitioned:
    """Compile the split and store it as the cache entry (this scheme's; any other entry of ``defs`` goes)."""
    for stale in compiled_dir.glob(f"{compiled_key(defs)}*{PARTITIONS_SUFFIX}"):
        stale.unlink(missing_ok=True)
    parted = compile_partitions(defs)
    _store(_partitions_path(defs, compiled_dir), pack(parted.saved(), level=0))  # each set is sealed
    return parted


def cached_partitions(defs: Definitions, compiled_dir: Path) -> Partitioned | None:
    """The split from the cache, or ``None`` when it is not there or damaged."""
    path = _partitions_path(defs, compiled_dir)
    if not path.is_file():
        return None
    try:
        blobs = unpack(path.read_bytes())
        count = int(blobs.pop(_COUNT))
        _check_count(defs, count)
        relaxed = {key: frozenset(tuple(name.split(":", 1)) for name in names)
                   for key, names in json.loads(blobs.pop(_RELAXED)).items()}
        if partition.key_of(b"", 0, blobs) in blobs and (CONFIRM in blobs or not relaxed):
            return Partitioned(blobs, count, lambda: _compile_partitions_into(defs, compiled_dir), relaxed)
    except (BundleError, SealError, OSError, KeyError, ValueError, TypeError, AttributeError):
        pass  # damaged cache entry: compile again from the sources
    return None


def load_or_compile_partitions(defs: Definitions, compiled_dir: Path | None) -> Partitioned:
    """The compiled rules for ``defs`` split by file type, from the cache when possible."""
    if compiled_dir is None:
        return compile_partitions(defs)
    return cached_partitions(defs, compiled_dir) or _compile_partitions_into(defs, compiled_dir)


def load_for_scan(defs: Definitions, compiled_dir: Path | None) -> tuple[Partitioned, bool]:
    """The rules a scan matches with, and whether the split was missing: the split from the cache when
    it is there; otherwise every rule in one set (from the cache, or compiled in a third of the split's
    time and with a third of its memory), so the first file is checked at once. The console then has
    the split compiled by a worker of its own (a ``warm`` request); a running scan takes it from the
    cache when it is there (:func:`cached_partitions`), and the requests that follow start with it."""
    if compiled_dir is None:
        return compile_partitions(defs), False
    cached = cached_partitions(defs, compiled_dir)
    if cached is not None:
        return cached, False
    whole = load_or_compile(defs, compiled_dir)
    return Partitioned({partition.OTHER: whole}, count_rules(whole)), True


def _saved(rules: yara.Rules) -> bytes:
    buffer = io.BytesIO()
    rules.save(file=buffer)
    return buffer.getvalue()


def _store(path: Path, blob: bytes) -> None:
    """Write a cache entry atomically; a full disk only costs the cache, never the scan."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".compiling.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(blob)
        os.replace(tmp, path)
    except OSError:
        Path(tmp).unlink(missing_ok=True)
