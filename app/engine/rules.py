"""Compiling definitions with the real engine, and the compiled-rules cache.

Each rule file is compiled in its own namespace (public rule sets repeat rule names across files).
The compiled form is saved in Ringfence's own cache folder, keyed by the definitions digest and the
yara version, and ``yara.load``-ed afterwards (compiling a large rule set takes ~0.4 s, loading it
~20 ms). Compiled rules from anywhere else are never loaded. ``include`` directives are refused so a
rule file can never read other files.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

import yara

from app.engine.bundle import BundleError, Definitions

# External variables every rule may use (LOKI/THOR-style rules look at the file name); the matcher
# passes the real values for each file.
EXTERNALS = {"filename": "", "filepath": "", "extension": "", "filetype": "", "owner": ""}


def compiled_key(defs: Definitions) -> str:
    material = f"{defs.digest}\0{yara.__version__}\0{yara.YARA_VERSION}".encode()
    return hashlib.sha256(material).hexdigest()[:32]


def count_rules(rules: yara.Rules) -> int:
    return sum(1 for _ in rules)


def compile_definitions(defs: Definitions) -> yara.Rules:
    """Compile the sources of ``defs``; refuse invalid YARA and a rule count that differs."""
    try:
        rules = yara.compile(
            filepaths={namespace: str(path) for namespace, path in defs.rule_files.items()},
            includes=False,
            externals=EXTERNALS,
        )
    except yara.SyntaxError as exc:
        raise BundleError("rule-syntax", exc) from exc
    except yara.Error as exc:
        raise BundleError("compile-failed", exc) from exc
    _check_count(defs, rules)
    return rules


def _check_count(defs: Definitions, rules: yara.Rules) -> None:
    declared = defs.declared_rule_count
    if defs.kind == "bundle" and declared is not None:
        parsed = count_rules(rules)
        if parsed != declared:
            raise BundleError("rule-count", declared, parsed)


def load_or_compile(defs: Definitions, compiled_dir: Path | None) -> yara.Rules:
    """The compiled rules for ``defs``, from the cache when possible."""
    if compiled_dir is None:
        return compile_definitions(defs)
    path = compiled_dir / f"{compiled_key(defs)}.yarc"
    if path.is_file():
        try:
            rules = yara.load(str(path))
            _check_count(defs, rules)
            return rules
        except (yara.Error, BundleError):
            path.unlink(missing_ok=True)  # damaged cache entry: compile again from the sources
    rules = compile_definitions(defs)
    compiled_dir.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=compiled_dir, prefix=".compiling.", suffix=".tmp")
    os.close(fd)
    try:
        rules.save(tmp)
        os.replace(tmp, path)
    except OSError:
        Path(tmp).unlink(missing_ok=True)  # a full disk only costs the cache, never the scan
    return rules
