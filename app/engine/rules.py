"""Compiling definitions with the real engine, and the compiled-rules cache.

Each rule file is compiled in its own namespace (public rule sets repeat rule names across files).
The compiled form is saved in Ringfence's own cache folder, keyed by the definitions digest and the
yara version, and ``yara.load``-ed afterwards (compiling a large rule set takes ~0.5 s, loading it
~20 ms). Compiled rules hold the strings they look for, so the cache entry is sealed like the sources
(:mod:`app.engine.sealed`) and opened in memory. Compiled rules from anywhere else are never loaded.
``include`` directives are refused so a rule file can never read other files.
"""

from __future__ import annotations

import hashlib
import io
import os
import tempfile
from pathlib import Path

import yara

from app.engine.bundle import BundleError, Definitions, read_rule_source
from app.engine.sealed import SealError, seal, unseal

# External variables every rule may use (LOKI/THOR-style rules look at the file name); the matcher
# passes the real values for each file (``md5`` only when a rule reads it).
EXTERNALS = {"filename": "", "filepath": "", "extension": "", "filetype": "", "owner": "", "md5": ""}
CACHE_SUFFIX = ".rfc"


def compiled_key(defs: Definitions) -> str:
    material = f"{defs.digest}\0{yara.__version__}\0{yara.YARA_VERSION}\0{sorted(EXTERNALS)}".encode()
    return hashlib.sha256(material).hexdigest()[:32]


def count_rules(rules: yara.Rules) -> int:
    return sum(1 for _ in rules)


def compile_definitions(defs: Definitions) -> yara.Rules:
    """Compile the sources of ``defs``; refuse invalid YARA and a rule count that differs."""
    try:
        sources = {namespace: read_rule_source(path).decode("utf-8", "replace")
                   for namespace, path in defs.rule_files.items()}
    except OSError as exc:
        raise BundleError("compile-failed", exc) from exc
    try:
        rules = yara.compile(sources=sources, includes=False, externals=EXTERNALS)
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
    path = compiled_dir / f"{compiled_key(defs)}{CACHE_SUFFIX}"
    for plain in compiled_dir.glob("*.yarc"):  # plain compiled rules of earlier versions
        plain.unlink(missing_ok=True)
    if path.is_file():
        try:
            rules = yara.load(file=io.BytesIO(unseal(path.read_bytes())))
            _check_count(defs, rules)
            return rules
        except (yara.Error, BundleError, SealError, OSError):
            path.unlink(missing_ok=True)  # damaged cache entry: compile again from the sources
    rules = compile_definitions(defs)
    compiled_dir.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    rules.save(file=buffer)
    fd, tmp = tempfile.mkstemp(dir=compiled_dir, prefix=".compiling.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(seal(buffer.getvalue(), level=1))
        os.replace(tmp, path)
    except OSError:
        Path(tmp).unlink(missing_ok=True)  # a full disk only costs the cache, never the scan
    return rules
