"""``ringfence-channel build``: a definitions bundle from a rules folder, checked by the client's own sandbox.

The publisher runs exactly the validation the client runs before activation (same code, same child
process, same limits), so a bundle that the client would refuse never reaches the channel.
"""

from __future__ import annotations

import base64
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from app.channel.content.core_build import ContentError, CoreContent, build_content
from app.channel.repository import ChannelError
from app.core.foundation.resources import resource_path
from app.core.updates.sandbox import SandboxResult, run_validation
from app.engine.bundle import BundleError, build_bundle, load_rules_folder
from app.engine.rules import compile_definitions, count_rules


@dataclass
class BuildResult:
    archive: Path
    validation: SandboxResult


def _read_hash_file(path: Path | None) -> dict[str, str]:
    if path is None:
        return {}
    entries: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            digest, _, name = line.partition("\t")
            entries[digest.strip().lower()] = name.strip() or "unnamed"
    return entries


def default_clean_corpus() -> list[Path]:
    folder = resource_path("selftest", "clean")
    return [folder] if folder.is_dir() else []


def build(rules_dir: Path, out: Path, version: int, *, notes: str = "", hashes: Path | None = None,
          allow: Path | None = None, golden_dir: Path | None = None, clean: list[Path] | None = None,
          changelog: list[str] | None = None, created: str | None = None) -> BuildResult:
    """Build ``out`` from ``rules_dir`` and validate it; a refused bundle is deleted again. ``created``
    (``2026-11-30T09:00:00Z``) dates the bundle; by default it is now."""
    try:
        rule_count = count_rules(compile_definitions(load_rules_folder(rules_dir)))
    except BundleError as exc:
        raise ChannelError(str(exc)) from exc
    golden: dict[str, bytes | tuple[str, bytes]] = {}
    if golden_dir is not None:
        # RULE.b64 / RULE.bin: a sample for RULE; RULE/<file name>: a sample whose file name matters
        for path in sorted(golden_dir.iterdir()):
            if path.is_file() and path.suffix == ".b64":
                golden[path.stem] = base64.b64decode(path.read_bytes())
            elif path.is_file() and path.suffix == ".bin":
                golden[path.stem] = path.read_bytes()
            elif path.is_dir():
                for sample in sorted(p for p in path.iterdir() if p.is_file())[:1]:
                    golden[path.name] = (sample.name, sample.read_bytes())
    build_bundle(rules_dir, out, version, rule_count=rule_count, notes=notes, hashes=_read_hash_file(hashes),
                 allow=_read_hash_file(allow), golden=golden, changelog=changelog, created=created)
    return BuildResult(out, _validate(out, version, clean))


def core_bundle(definitions: Path, out: Path, version: int, *, notes: str = "", changelog: list[str] | None = None,
                created: str | None = None, golden: dict[str, bytes | tuple[str, bytes]] | None = None,
                allow: dict[str, str] | None = None) -> tuple[Path, CoreContent]:
    """Write the "Ringfence Core" bundle from a repository's ``definitions/`` folder (no validation)."""
    try:
        content = build_content(definitions, own_rules=definitions / "baseline" / "rules")
    except ContentError as exc:
        raise ChannelError(str(exc)) from exc
    samples: dict[str, bytes | tuple[str, bytes]] = dict(content.golden)
    samples.update(golden or {})
    build_bundle(None, out, version, rule_count=content.rule_count, notes=notes, hashes=content.hashes,
                 allow=allow, golden=samples, changelog=changelog, created=created,
                 rule_sources=content.rule_sources, sources=content.sources, licences=content.licences)
    return out, content


def build_core(definitions: Path, out: Path, version: int, *, notes: str = "", changelog: list[str] | None = None,
               clean: list[Path] | None = None, created: str | None = None) -> tuple[BuildResult, CoreContent]:
    """``ringfence-channel build-core``: the default definitions from the vendored rule sets, validated."""
    _, content = core_bundle(definitions, out, version, notes=notes, changelog=changelog, created=created)
    return BuildResult(out, _validate(out, version, clean)), content


def _validate(out: Path, version: int, clean: list[Path] | None) -> SandboxResult:
    corpus = clean if clean is not None else default_clean_corpus()
    tmp = Path(tempfile.mkdtemp(prefix="ringfence-build-"))
    try:
        result = run_validation({
            "mode": "bundle", "archive": str(out), "dest": str(tmp / "bundle"), "expected_version": version,
            "clean_paths": [str(p) for p in corpus],
        })
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if not result.ok:
        out.unlink(missing_ok=True)
        raise ChannelError(f"{result.reason} (check: {result.step})")
    return result
