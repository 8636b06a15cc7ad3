"""The validation sandbox: checks a definitions bundle with the real engine before it may be activated.

Runs as a short-lived child process (``python -m app --engine-validate``) started by
:mod:`app.core.updates.sandbox` with a wall-clock timeout and a memory cap, so a rule that crashes
libyara, eats memory or loops forever costs only this process. It reads one JSON request on stdin (or
from the file named by its first argument) and prints one JSON result line on stdout.

The checks, in order (each failure names the step and a reason code with its arguments, see
:data:`~app.engine.validation_result.REFUSAL_TEXTS`):

1. ``archive``  safe extraction (no absolute paths, ``..``, links, devices, too many/too large files)
2. ``manifest`` schema, engine range, every file's sha256 and length, declared counts, hash∩allow
3. ``version``  the bundle's version is the one the signed rollout document announced
4. ``hashes``   no hash-list entry names one of Ringfence's own files or a clean self-test file
5. ``compile``  real ``yara.compile`` (includes refused), declared rule count equals compiled
6. ``eicar``    the 68-byte EICAR test string, built in memory, must match (steps 6–8 go through the
                scanner's own :class:`~app.engine.matcher.Matcher`, the code path scans use)
7. ``golden``   each golden positive must match the rule it is named after
8. ``clean``    the clean self-test corpus must not match anything; a per-file time limit catches
                rules that hang
9. ``budget``   matching the corpus and the golden samples must fit a total time budget
10. ``cost``    generated files of 64 KB, 1 MB and 8 MB: the time per MB must fit a budget (also relative
                to the last good version) and must not grow with the size; a refusal names the rule
                (:mod:`app.engine.cost_probe`)

This module is engine code: it never imports ``app.core`` and never opens a network connection.
"""

from __future__ import annotations

import json
import math
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import yara

from app.engine import cost_probe
from app.engine.bundle import BundleError, Definitions, extract_bundle, load_definitions, read_rule_source
from app.engine.eicar import eicar_bytes
from app.engine.hashing import sha256_file
from app.engine.matcher import Matcher
from app.engine.rules import compile_definitions, count_rules, load_or_compile
from app.engine.validation_result import ValidationResult, bundle_refusal, refusal_text, refused


@dataclass
class ValidationRequest:
    mode: str = "bundle"  # "bundle": extract ``archive`` into ``dest`` first; "folder": check ``dest``
    archive: str = ""
    dest: str = ""
    expected_version: int | None = None
    clean_paths: list[str] = field(default_factory=list)
    protected_files: list[str] = field(default_factory=list)
    per_file_timeout: int = 2
    budget_seconds: float = 60.0
    require_clean_corpus: bool = True
    compiled_dir: str | None = None  # "folder" mode: leave the compiled rules in this cache
    cost_check: bool = True  # the cost step (bundles only)
    reference_s_per_mb: float | None = None  # the last good version's cost, for the relative budget

    @classmethod
    def from_json(cls, doc: dict[str, Any]) -> ValidationRequest:
        known = {k: v for k, v in doc.items() if k in cls.__dataclass_fields__}
        return cls(**known)


class _RefusedError(Exception):
    def __init__(self, step: str, code: str, *values: object) -> None:
        self.step, self.code, self.values = step, code, [str(v) for v in values]
        super().__init__(refusal_text(code, self.values))


def _bundle_refused(step: str, fallback: str, exc: BundleError) -> _RefusedError:
    return _RefusedError(step, *bundle_refusal(fallback, exc))


def _iter_files(paths: list[str]) -> list[Path]:
    found: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_file():
            found.append(path)
        elif path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.is_file()))
    return found


def _check_hash_lists(defs: Definitions, protected: list[Path], clean: list[Path]) -> None:
    for code, files in (("hash-own-file", protected), ("hash-clean-file", clean)):
        for path in files:
            try:
                digest = sha256_file(path)
            except OSError:
                continue
            if digest in defs.hashes:
                raise _RefusedError("hashes", code, path.name, defs.hashes[digest])


def _self_tests(defs: Definitions, rules: yara.Rules, req: ValidationRequest, clean: list[Path],
                timings: dict[str, float]) -> None:
    """EICAR, golden positives and the clean corpus through the scanner's own :class:`Matcher`."""
    timeout = max(1, int(req.per_file_timeout))
    matcher = Matcher(rules, defs.hashes, set(defs.allow), timeout=timeout, uses_md5=defs.uses_md5)
    started = time.monotonic()
    eicar = matcher.match_bytes("eicar.com", eicar_bytes())
    if not eicar.hits:
        raise _RefusedError("eicar", "eicar-slow" if eicar.errors else "eicar-missing")
    timings["eicar"] = time.monotonic() - started
    for rule, (filename, sample) in sorted(defs.golden.items()):
        fired = {h.rule for h in matcher.match_bytes(filename, sample).hits}
        if rule not in fired:
            raise _RefusedError("golden", "golden-missed", filename, rule)
    timings["golden"] = time.monotonic() - started - timings["eicar"]
    if req.require_clean_corpus and not clean:
        raise _RefusedError("clean", "clean-corpus-missing")
    corpus_started = time.monotonic()
    for path in clean:
        file_started = time.monotonic()
        outcome = matcher.match_file(str(path))
        if outcome.errors and time.monotonic() - file_started >= timeout:
            raise _RefusedError("clean", "clean-slow", timeout, path.name)
        if outcome.hits:
            hit = outcome.hits[0]
            if hit.namespace:
                raise _RefusedError("clean", "clean-rule-hit", f"{hit.namespace}:{hit.rule}", path.name)
            raise _RefusedError("clean", "clean-hash-hit", hit.rule, path.name)
        if time.monotonic() - started > req.budget_seconds:
            raise _RefusedError("budget", "budget", f"{req.budget_seconds:g}")
    timings["clean"] = time.monotonic() - corpus_started


def _size(size: int) -> str:
    return f"{size // cost_probe.MB} MB" if size >= cost_probe.MB else f"{size // 1024} KB"


def _cost(defs: Definitions, rules: yara.Rules, req: ValidationRequest, timings: dict[str, float]) -> None:
    """The ``cost`` step: refuse definitions whose time per MB is over budget or grows with the size."""
    mark = time.monotonic()
    report = cost_probe.measure(rules, req.reference_s_per_mb)
    timings["cost"] = time.monotonic() - mark
    timings["cost_s_per_mb"] = report.s_per_mb
    if report.refusal is None:
        return
    code, size, figure = report.refusal
    sources = {ns: read_rule_source(path) for ns, path in defs.rule_files.items()}
    took = report.seconds[size]
    culprit = cost_probe.find_costly(sources, size, max(1, math.ceil(took)), took / 2)
    values: list[object] = [_size(size), culprit, f"{figure:.2f}" if code != "cost-slow" else f"{figure:g}"]
    if code == "cost-budget":
        values.append(f"{cost_probe.budget(req.reference_s_per_mb):.2f}")
    raise _RefusedError("cost", code, *values)


def validate(req: ValidationRequest) -> ValidationResult:
    started = time.monotonic()
    timings: dict[str, float] = {}
    result = ValidationResult(ok=False, step="", reason="")
    try:
        dest = Path(req.dest)
        if req.mode == "bundle":
            try:
                extract_bundle(Path(req.archive), dest)
            except BundleError as exc:
                raise _bundle_refused("archive", "archive-bad", exc) from exc
        timings["extract"] = time.monotonic() - started
        try:
            defs = load_definitions(dest)
        except BundleError as exc:
            raise _bundle_refused("manifest", "manifest-bad", exc) from exc
        if defs.kind != "bundle":
            raise _RefusedError("manifest", "no-manifest")
        result.version, result.hash_count = int(defs.version), len(defs.hashes)
        if req.expected_version is not None and int(defs.version) != req.expected_version:
            raise _RefusedError("version", "version-mismatch", defs.version, req.expected_version)
        clean = _iter_files(req.clean_paths)
        _check_hash_lists(defs, _iter_files(req.protected_files), clean)
        mark = time.monotonic()
        try:
            rules = load_or_compile(defs, Path(req.compiled_dir)) if req.compiled_dir else compile_definitions(defs)
        except BundleError as exc:
            raise _bundle_refused("compile", "compile-failed", exc) from exc
        timings["compile"] = time.monotonic() - mark
        result.rule_count = count_rules(rules)
        _self_tests(defs, rules, req, clean, timings)
        if req.cost_check and req.mode == "bundle":
            _cost(defs, rules, req, timings)
        result.clean_files = len(clean)
        result.ok, result.step, result.reason = True, "done", ""
    except _RefusedError as failed:
        result.step, result.reason, result.code, result.args = failed.step, str(failed), failed.code, failed.values
    result.seconds = time.monotonic() - started
    result.timings = {k: round(v, 4) for k, v in timings.items()}
    return result


def main(argv: list[str]) -> int:
    """Entry point of ``python -m app --engine-validate [REQUEST_JSON]``; exit 0 = accepted, 1 = refused."""
    try:
        raw = Path(argv[0]).read_text(encoding="utf-8") if argv else sys.stdin.read()
        doc = json.loads(raw)
        if not isinstance(doc, dict):
            raise ValueError("the request is not a JSON object")
        req = ValidationRequest.from_json(doc)
    except (OSError, ValueError, TypeError) as exc:
        print(json.dumps(asdict(refused("request", "request-invalid", exc))))
        return 2
    result = validate(req)
    sys.stdout.write(json.dumps(asdict(result)) + "\n")
    sys.stdout.flush()
    return 0 if result.ok else 1
