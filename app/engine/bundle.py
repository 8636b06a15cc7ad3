"""The definitions bundle format (``content_schema`` 2, schema 1 still loads) and its strict loader.

A bundle is a gzip-compressed tar archive holding::

    content.json        version, created, content_schema, min_engine/max_engine, counts, every file
                        with sha256 and length, changelog; schema 2 adds ``sources`` (provenance and
                        counts per rule set, see :mod:`app.engine.provenance`) and ``externals``
    rules/*.rfz         YARA sources, sealed (:mod:`app.engine.sealed`; schema 1: plain ``*.yar``),
                        one namespace per file; compiled rules from outside are never loaded
    hashes/sha256.rfh   SHA-256 signatures (:mod:`app.engine.hashset`) with hashes/records.rfz
                        (schema 1: ``hashes/sha256.tsv``, sha256<TAB>threat name)
    allow/sha256.tsv    sha256<TAB>description — known-good files that must never be flagged
    golden/<rule>/<file name>.rfz   optional golden positives, sealed (schema 1: base64 ``*.b64``),
                        opened in memory only, that must match
    licences/*.txt      the licence texts of the rule sets
    notes.md            release notes

Rule text never lies on disk in plain form: other security products quarantine plain YARA files, and
the rules would find their own strings in them.

The loader refuses, with one clear message, anything it does not fully understand: unsafe archive
members (absolute paths, ``..``, links, devices, too many or too large files), an unknown schema, files
missing from or not listed in the manifest, a sha256 or length mismatch, malformed hash lines, and
declared counts that differ from what was parsed (the "21 fields vs 20" lesson). Rule counts are
checked against the compiled rules in :mod:`app.engine.rules`.
"""

from __future__ import annotations

import base64
import errno
import hashlib
import io
import json
import os
import re
import time
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from app import ENGINE_VERSION
from app.engine.bundle_errors import BundleError
from app.engine.hashing import sha256_file
from app.engine.hashset import HashRecord
from app.engine.hashset import encode as encode_hashes
from app.engine.hashset import read as read_hash_table
from app.engine.sealed import SUFFIX as SEALED_SUFFIX
from app.engine.sealed import SealError, seal, unseal

if TYPE_CHECKING:
    import tarfile
    from collections.abc import Mapping

CONTENT_SCHEMA = 2
READABLE_SCHEMAS = (1, 2)
MANIFEST = "content.json"
MAX_MEMBERS = 20_000
MAX_MEMBER_BYTES = 64 * 1024 * 1024
MAX_TOTAL_BYTES = 512 * 1024 * 1024
RULE_SUFFIXES = (".yar", ".yara")
ALLOWED_TOP = {"rules", "hashes", "allow", "golden", "licences"}
ALLOWED_FILES = {MANIFEST, "notes.md"}
_HASH_LINE = re.compile(r"^([0-9a-f]{64})\t(\S.*)$")
# ``md5`` as a LOKI external variable in a condition (not ``hash.md5(...)``, not a meta key).
_USES_MD5 = re.compile(rb"(?<![.\w])md5\s*(==|!=|contains|icontains|matches|startswith|endswith|iequals)")




@dataclass
class Definitions:
    """Definitions ready to compile: where the sources are and what they declare."""

    version: str
    kind: str  # "bundle" or "folder"
    root: Path
    rule_files: dict[str, Path]  # namespace -> source file (``*.rfz``: sealed, see read_rule_source)
    hashes: Mapping[str, str] = field(default_factory=dict)  # sha256 -> threat name (HashTable in schema 2)
    allow: dict[str, str] = field(default_factory=dict)  # sha256 -> description
    golden: dict[str, tuple[str, bytes]] = field(default_factory=dict)  # rule -> (file name, sample bytes)
    manifest: dict[str, Any] = field(default_factory=dict)
    digest: str = ""  # identifies the exact content (compiled-rules cache key)
    uses_md5: bool = False  # a rule reads the ``md5`` external variable (the matcher computes it then)

    @property
    def declared_rule_count(self) -> int | None:
        value = self.manifest.get("rule_count")
        return value if isinstance(value, int) else None

    def to_request(self) -> dict[str, Any]:
        """The part of an engine request that names these definitions."""
        return {"path": str(self.root), "kind": self.kind}


def _version_tuple(text: str) -> tuple[int, ...]:
    try:
        return tuple(int(part) for part in str(text).split("."))
    except ValueError as exc:
        raise BundleError("engine-version-bad", repr(text)) from exc


# ---------------------------------------------------------------------------------------------
# Reading archives safely


def _check_member(member: tarfile.TarInfo) -> str:
    name = member.name
    pure = PurePosixPath(name)
    if name.startswith(("/", "\\")) or pure.is_absolute() or re.match(r"^[A-Za-z]:", name) or "\\" in name:
        raise BundleError("member-absolute", repr(name))
    if any(part == ".." for part in pure.parts):
        raise BundleError("member-escapes", repr(name))
    if member.issym() or member.islnk():
        raise BundleError("member-link", repr(name))
    if not (member.isfile() or member.isdir()):
        raise BundleError("member-special", repr(name))
    if member.size > MAX_MEMBER_BYTES:
        raise BundleError("member-too-large", repr(name))
    normal = str(pure)
    if normal in (".", ""):
        return ""
    if member.isfile() and not (normal in ALLOWED_FILES or (len(pure.parts) > 1 and pure.parts[0] in ALLOWED_TOP)):
        raise BundleError("member-unexpected", repr(name))
    return normal


def extract_bundle(archive: Path, dest: Path) -> None:
    """Extract ``archive`` into the new folder ``dest`` after checking every member."""
    import gzip
    import shutil
    import tarfile
    import tempfile
    import zlib

    try:
        with tarfile.open(archive, "r:gz") as tar:
            members: list[tuple[str, tarfile.TarInfo]] = []
            total = 0
            for member in tar:
                if len(members) >= MAX_MEMBERS:
                    raise BundleError("too-many-files")
                name = _check_member(member)
                total += member.size
                if total > MAX_TOTAL_BYTES:
                    raise BundleError("too-large")
                if name:
                    members.append((name, member))
            tmp = Path(tempfile.mkdtemp(dir=dest.parent, prefix=f".{dest.name}."))
            try:
                for name, member in members:
                    target = tmp / name
                    if member.isdir():
                        target.mkdir(parents=True, exist_ok=True)
                        continue
                    target.parent.mkdir(parents=True, exist_ok=True)
                    source = tar.extractfile(member)
                    assert source is not None
                    with open(target, "wb") as out:
                        shutil.copyfileobj(source, out, 1 << 20)
                os.replace(tmp, dest)
            except BaseException:
                shutil.rmtree(tmp, ignore_errors=True)
                raise
    except (tarfile.TarError, EOFError, zlib.error, gzip.BadGzipFile) as exc:
        raise BundleError("archive-damaged", archive.name, exc) from exc
    except OSError as exc:
        if exc.errno == errno.ENOSPC:
            raise BundleError("disk-full") from exc
        raise BundleError("archive-unreadable", archive.name, exc.strerror or exc) from exc


# ---------------------------------------------------------------------------------------------
# Loading an extracted bundle or a plain folder of rules


def load_bundle_dir(root: Path) -> Definitions:
    """Load and strictly check an extracted bundle folder (does not compile)."""
    manifest_path = root / MANIFEST
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise BundleError("no-manifest") from exc
    except (OSError, ValueError) as exc:
        raise BundleError("manifest-unreadable", exc) from exc
    if not isinstance(manifest, dict):
        raise BundleError("manifest-not-object")
    schema = manifest.get("content_schema")
    if schema not in READABLE_SCHEMAS or isinstance(schema, bool):
        raise BundleError("schema", repr(schema), " or ".join(map(str, READABLE_SCHEMAS)))
    version = manifest.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 0:
        raise BundleError("version-bad")
    low, high = str(manifest.get("min_engine", "0")), str(manifest.get("max_engine", "999"))
    if not _version_tuple(low) <= _version_tuple(ENGINE_VERSION) <= _version_tuple(high):
        raise BundleError("engine-range", low, high, ENGINE_VERSION)
    _check_files(root, manifest)
    suffixes = RULE_SUFFIXES if schema == 1 else (SEALED_SUFFIX,)
    rule_files = {
        str(PurePosixPath(p).with_suffix("")).removeprefix("rules/"): root / p
        for p in sorted(f["path"] for f in manifest["files"])
        if p.startswith("rules/") and p.endswith(suffixes)
    }
    hashes: Mapping[str, str]
    if schema == 1:
        hashes = _read_hash_list(root / "hashes" / "sha256.tsv")
        uses_md5 = any(_USES_MD5.search(path.read_bytes()) for path in rule_files.values())
    else:
        hashes = _read_hash_table(root)
        uses_md5 = "md5" in (manifest.get("externals") or [])
    allow = _read_hash_list(root / "allow" / "sha256.tsv")
    golden = {}
    for p in sorted(f["path"] for f in manifest["files"] if f["path"].startswith("golden/")):
        pure = PurePosixPath(p)
        # golden/<rule>.b64, or golden/<rule>/<file name>.b64 for rules that look at the file name
        rule, filename = (pure.parts[1], pure.stem) if len(pure.parts) == 3 else (pure.stem, pure.stem)
        golden[rule] = (filename, _decode_golden(root / p) if schema == 1 else _unseal_file(root / p))
    for key, parsed in (("hash_count", len(hashes)), ("allow_count", len(allow)), ("golden_count", len(golden))):
        declared = manifest.get(key, 0)
        if declared != parsed:
            raise BundleError(key.replace("_", "-"), declared, parsed)
    if not isinstance(manifest.get("rule_count"), int):
        raise BundleError("no-rule-count")
    conflicts = sorted(sha for sha in allow if sha in hashes)  # the allow-list is the short one
    if conflicts:
        raise BundleError("allow-clash", len(conflicts), conflicts[0])
    digest = hashlib.sha256(manifest_path.read_bytes()).hexdigest()
    return Definitions(str(version), "bundle", root, rule_files, hashes, allow, golden, manifest, digest,
                       uses_md5)


def _read_hash_table(root: Path) -> Mapping[str, str]:
    table, records = root / "hashes" / "sha256.rfh", root / "hashes" / "records.rfz"
    if not table.exists():
        return {}
    try:
        return read_hash_table(table, records)
    except (OSError, ValueError) as exc:
        raise BundleError("hash-list-unreadable", table.name, exc) from exc


def _unseal_file(path: Path) -> bytes:
    try:
        return unseal(path.read_bytes())
    except (OSError, SealError) as exc:
        raise BundleError("file-mismatch", path.name) from exc


def read_rule_source(path: Path) -> bytes:
    """The YARA source in ``path``, opened in memory when it is sealed."""
    return _unseal_file(path) if path.suffix == SEALED_SUFFIX else path.read_bytes()


def _check_files(root: Path, manifest: dict[str, Any]) -> None:
    files = manifest.get("files")
    if not isinstance(files, list) or not all(
        isinstance(f, dict) and isinstance(f.get("path"), str) and isinstance(f.get("sha256"), str)
        and isinstance(f.get("length"), int) for f in files
    ):
        raise BundleError("no-file-list")
    listed = {f["path"] for f in files}
    present = {
        p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file() and p.name != MANIFEST
    }
    if present - listed:
        raise BundleError("unlisted-file", sorted(present - listed)[0])
    if listed - present:
        raise BundleError("missing-file", sorted(listed - present)[0])
    for entry in files:
        path = root / entry["path"]
        if path.stat().st_size != entry["length"] or sha256_file(path) != entry["sha256"]:
            raise BundleError("file-mismatch", entry["path"])


def _read_hash_list(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    entries: dict[str, str] = {}
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise BundleError("hash-list-unreadable", path.name, exc) from exc
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        match = _HASH_LINE.match(line.strip("\r"))
        if not match:
            raise BundleError("hash-line-bad", number, f"{path.parent.name}/{path.name}")
        entries[match.group(1)] = match.group(2)
    return entries


def _decode_golden(path: Path) -> bytes:
    try:
        return base64.b64decode(path.read_bytes().strip(), validate=True)
    except ValueError as exc:
        raise BundleError("golden-not-base64", path.name) from exc


def load_rules_folder(folder: Path) -> Definitions:
    """A plain folder of ``.yar``/``.yara`` files (for comparisons with the yara command line tool)."""
    files = sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in RULE_SUFFIXES)
    if not files:
        raise BundleError("no-rule-files", folder)
    # A plain folder is identified by its files' names, sizes and modification times (reading and
    # hashing a large public rule set at every start would cost more than the scan of a cached tree).
    digest = hashlib.sha256()
    rule_files: dict[str, Path] = {}
    for path in files:
        namespace = path.relative_to(folder).with_suffix("").as_posix()
        rule_files[namespace] = path
        st = path.stat()
        digest.update(f"{namespace}\0{st.st_size}\0{st.st_mtime_ns}\0".encode("utf-8", "surrogateescape"))
    hexdigest = digest.hexdigest()
    uses_md5 = any(_USES_MD5.search(path.read_bytes()) for path in files)
    return Definitions(f"custom-{hexdigest[:12]}", "folder", folder, rule_files, digest=hexdigest,
                       uses_md5=uses_md5)


def load_definitions(path: Path) -> Definitions:
    """An extracted bundle folder (has content.json) or a plain rules folder."""
    if not path.is_dir():
        raise BundleError("folder-missing", path)
    if (path / MANIFEST).exists():
        return load_bundle_dir(path)
    return load_rules_folder(path)


# ---------------------------------------------------------------------------------------------
# Building bundles (the publisher and the baseline build use the same code)


def build_bundle(
    rules_dir: Path | None,
    out: Path,
    version: int,
    *,
    rule_count: int,
    notes: str = "",
    hashes: Mapping[str, str | HashRecord] | None = None,
    allow: dict[str, str] | None = None,
    golden: dict[str, bytes | tuple[str, bytes]] | None = None,
    changelog: list[str] | None = None,
    min_engine: str = "1.0",
    max_engine: str = "1.999",
    created: str | None = None,
    manifest_overrides: dict[str, Any] | None = None,
    rule_sources: dict[str, bytes] | None = None,
    sources: list[dict[str, Any]] | None = None,
    licences: dict[str, bytes] | None = None,
    externals: list[str] | None = None,
) -> Path:
    """Write a bundle archive (schema 2) to ``out``. ``rule_count`` is what the compiled rules must contain.

    The rules come from the ``.yar`` files of ``rules_dir`` (namespace = file path without suffix) or
    from ``rule_sources`` (namespace -> YARA source); either way they are sealed. ``sources`` and
    ``licences`` (file name -> text) describe where the content comes from. ``manifest_overrides``
    exists for tests of the loader (a publisher never needs it).
    """
    files: dict[str, bytes] = {}
    texts = dict(rule_sources or {})
    if rules_dir is not None:
        for path in sorted(p for p in rules_dir.rglob("*") if p.is_file() and p.suffix.lower() in RULE_SUFFIXES):
            texts[path.relative_to(rules_dir).with_suffix("").as_posix()] = path.read_bytes()
    if not texts:
        raise BundleError("no-rule-files", rules_dir)
    for namespace, text in texts.items():
        files[f"rules/{namespace}{SEALED_SUFFIX}"] = seal(text)
    if hashes:
        records = {sha: r if isinstance(r, HashRecord) else HashRecord(r) for sha, r in hashes.items()}
        files["hashes/sha256.rfh"], files["hashes/records.rfz"] = encode_hashes(records)
    if allow:
        files["allow/sha256.tsv"] = "".join(f"{h}\t{n}\n" for h, n in sorted(allow.items())).encode()
    for rule, sample in sorted((golden or {}).items()):
        filename, data = sample if isinstance(sample, tuple) else (rule, sample)
        files[f"golden/{rule}/{filename}{SEALED_SUFFIX}"] = seal(data)
    for name, text in sorted((licences or {}).items()):
        files[f"licences/{name}"] = text
    files["notes.md"] = notes.encode("utf-8")
    used = set(externals or [])
    if any(_USES_MD5.search(text) for text in texts.values()):
        used.add("md5")
    manifest: dict[str, Any] = {
        "content_schema": CONTENT_SCHEMA,
        "version": version,
        "created": created or time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "min_engine": min_engine,
        "max_engine": max_engine,
        "rule_count": rule_count,
        "hash_count": len(hashes or {}),
        "allow_count": len(allow or {}),
        "golden_count": len(golden or {}),
        "changelog": changelog or [],
        "externals": sorted(used),
        "sources": sources or [],
        "files": [
            {"path": name, "sha256": hashlib.sha256(data).hexdigest(), "length": len(data)}
            for name, data in sorted(files.items())
        ],
    }
    manifest.update(manifest_overrides or {})
    files[MANIFEST] = (json.dumps(manifest, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode()
    return write_archive(files, out)


def write_archive(files: dict[str, bytes], out: Path) -> Path:
    """A reproducible tar.gz of ``files``: fixed member times, a gzip header without time or name."""
    import gzip
    import tarfile

    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.tmp")
    with open(tmp, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as gz, \
            tarfile.open(fileobj=gz, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for name, data in sorted(files.items()):
            info = tarfile.TarInfo(name)
            info.size, info.mode, info.mtime = len(data), 0o644, 0
            tar.addfile(info, io.BytesIO(data))
    os.replace(tmp, out)
    return out
