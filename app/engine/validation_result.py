"""The result of validating a definitions bundle: produced inside the sandbox process, read by the
update client (this module imports nothing heavy, so the console can use it without loading YARA).

A refusal carries a stable ``code`` and its ``args`` besides the English ``reason`` (for logs and
older readers); the client turns code and arguments into a translated message
(``app/core/updates/refusals.py`` holds the same codes, and a test keeps the two equal).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from app.engine.bundle_errors import BUNDLE_TEXTS, BundleError

BUNDLE_PREFIX = "bundle:"  # a refusal code for a BundleError: "bundle:" and the error's code

#: Why a bundle was refused, in English, by code (``{0}``, ``{1}``: the arguments).
REFUSAL_TEXTS: dict[str, str] = {
    "archive-bad": "The definitions archive cannot be used ({0}); it was refused.",
    "manifest-bad": "The definitions' manifest is not valid ({0}); they were refused.",
    "no-manifest": "The definitions have no content.json manifest and were refused.",
    "version-mismatch": "The bundle holds version {0} but the channel announced version {1}; it was refused.",
    "hash-own-file": "The definitions list Ringfence's own file {0} as a threat ({1}); they were refused.",
    "hash-clean-file": "The definitions list the clean self-test file {0} as a threat ({1}); they were refused.",
    "compile-failed": "The rules do not compile ({0}); the definitions were refused.",
    "eicar-slow": "The definitions took too long on the EICAR test string; they were refused.",
    "eicar-missing": "The definitions do not detect the EICAR test string (the EICAR rule is missing or broken); "
                     "they were refused.",
    "golden-missed": "The golden sample {0} is no longer detected by its rule {1}; the definitions were refused.",
    "clean-corpus-missing": "The clean self-test corpus is missing, so the definitions cannot be checked for false "
                            "positives; reinstall Ringfence.",
    "clean-slow": "A rule took longer than {0} s on the clean self-test file {1} (a rule that hangs); the definitions "
                  "were refused.",
    "clean-rule-hit": "The rule {0} flags the clean self-test file {1} (a false positive); the definitions were refused.",
    "clean-hash-hit": "The hash entry {0} flags the clean self-test file {1} (a false positive); the definitions were "
                      "refused.",
    "budget": "The definitions needed more than {0} s for the self-test files (rules that are too slow); they were "
              "refused.",
    "cost-slow": "The rule {1} took longer than {2} s on a generated {0} file (its cost grows with the file size, so "
                 "larger files would not be checked at all); the definitions were refused.",
    "cost-budget": "The rule {1} needs {2} s per MB on a generated {0} file, more than the budget of {3} s per MB; "
                   "the definitions were refused.",
    "cost-growth": "The rule {1} needs {2} s per MB on a generated {0} file, more than three times as much as on "
                   "smaller files (its cost grows with the file size); the definitions were refused.",
    "request-invalid": "The validation request is invalid ({0}).",
    # set by the update client around the sandbox process and the engine worker's self-test
    "timeout": "Checking the definitions took longer than {0} s (a rule that hangs or is far too slow); they were "
               "refused.",
    "crash-memory": "The engine ran out of memory while checking the definitions; they were refused.",
    "crash-signal": "The engine crashed ({0}) while checking the definitions; they were refused.",
    "crash-exit": "The engine stopped unexpectedly (exit code {0}) while checking the definitions; they were refused.",
    "unreadable": "The engine gave an unreadable answer while checking the definitions; they were refused.",
    "selftest-load": "Version {0} failed to load in the engine ({1}).",
    "selftest-failed": "Version {0} failed its self-test in the engine ({1}).",
}


@dataclass
class ValidationResult:
    ok: bool
    step: str
    reason: str
    version: int | None = None
    rule_count: int = 0
    hash_count: int = 0
    clean_files: int = 0
    seconds: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)
    code: str = ""  # a key of REFUSAL_TEXTS or "bundle:" and a key of BUNDLE_TEXTS ("" from an older engine)
    args: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def refusal_text(code: str, values: list[str]) -> str:
    """The English sentence of the refusal ``code`` with its ``values``."""
    if code.startswith(BUNDLE_PREFIX):
        return BUNDLE_TEXTS[code.removeprefix(BUNDLE_PREFIX)].format(*values)
    return REFUSAL_TEXTS[code].format(*values)


def bundle_refusal(fallback: str, exc: BundleError) -> tuple[str, ...]:
    """The refusal code followed by its values for ``exc`` (``fallback`` and its sentence when it has no code),
    as :func:`refused` takes them: ``refused(step, *bundle_refusal(fallback, exc))``."""
    if exc.code:
        return (BUNDLE_PREFIX + exc.code, *exc.values)
    return fallback, str(exc)


def refused(step: str, code: str, *values: object, version: int | None = None) -> ValidationResult:
    """A refusal at ``step`` for the reason ``code`` (its English sentence filled with ``values``)."""
    shown = [str(v) for v in values]
    return ValidationResult(False, step, refusal_text(code, shown), version=version, code=code, args=shown)
