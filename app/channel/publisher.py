"""Publisher operations on the rollout document: release, expose, halt, revoke, rollback, disable a rule.

Every operation is a roll-forward: a new rollout document with a higher ``sequence`` is signed as a
TUF target (never an old document replayed). Exposure only goes up (lowering it would be a halt);
versions only go up; a revoked version cannot be the ``rollback_to`` target.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path
from typing import Any

from app.channel.repository import EXPIRY, ChannelError, ChannelRepo
from app.core.updates.rollout import BUCKETS, Release, RolloutDoc, iso, parse_rollout
from app.engine.bundle import BundleError, extract_bundle, load_bundle_dir


def rollout_path(channel: str) -> str:
    return f"rollout-{channel}.json"


def channel_name(repo: ChannelRepo) -> str:
    names = [p for p in repo.targets().signed.targets if p.startswith("rollout-") and p.endswith(".json")]
    if len(names) != 1:
        raise ChannelError(f"The channel in {repo.dir} has {len(names)} rollout documents; expected exactly one.")
    return names[0].removeprefix("rollout-").removesuffix(".json")


def current(repo: ChannelRepo) -> RolloutDoc:
    path = repo.target_file(rollout_path(channel_name(repo)))
    assert path is not None
    return parse_rollout(path.read_bytes())


def create(repo: ChannelRepo, channel: str, bucket_salt: str) -> RolloutDoc:
    """The first rollout document of a new channel (no releases yet)."""
    now = repo.clock()
    doc = RolloutDoc(channel=channel, sequence=1, issued_at=now,
                     expires=now + EXPIRY["targets"].total_seconds(), bucket_salt=bucket_salt)
    repo.add_targets({rollout_path(channel): doc.to_bytes()})
    return doc


def publish(repo: ChannelRepo, doc: RolloutDoc, extra: dict[str, bytes] | None = None) -> RolloutDoc:
    """Sign ``doc`` with the next sequence number (plus any new target files)."""
    now = repo.clock()
    doc.sequence += 1
    doc.issued_at, doc.expires = now, now + EXPIRY["targets"].total_seconds()
    repo.add_targets({**(extra or {}), rollout_path(doc.channel): doc.to_bytes()})
    return doc


def release(repo: ChannelRepo, bundle: Path, exposure: int, severity: str = "normal") -> Release:
    if not 0 <= exposure <= BUCKETS:
        raise ChannelError(f"The exposure must be between 0 and {BUCKETS} buckets.")
    manifest = _bundle_manifest(bundle)
    version = int(manifest["version"])
    doc = current(repo)
    newest = max((r.version for r in doc.releases), default=0)
    if version <= newest:
        raise ChannelError(f"Version {version} is not newer than the newest release ({newest}); build a higher version.")
    data = bundle.read_bytes()
    notes = (manifest.get("_notes") or "").encode("utf-8")
    now = repo.clock()
    rel = Release(version=version, target=f"content/defs-{version:06d}.tar.gz", exposure=exposure,
                  state="complete" if exposure == BUCKETS else "rolling",
                  completed_at=now if exposure == BUCKETS else None, released_at=now, severity=severity,
                  notes=f"notes/notes-{version:06d}.md",
                  min_engine=str(manifest.get("min_engine", "1.0")), max_engine=str(manifest.get("max_engine", "1.999")),
                  exposed_at=now)
    doc.releases.append(rel)
    publish(repo, doc, {rel.target: data, rel.notes or "": notes})
    return rel


def _bundle_manifest(bundle: Path) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        dest = Path(tmp) / "bundle"
        try:
            extract_bundle(bundle, dest)
            defs = load_bundle_dir(dest)
        except BundleError as exc:
            raise ChannelError(str(exc)) from exc
        manifest = dict(defs.manifest)
        notes = dest / "notes.md"
        manifest["_notes"] = notes.read_text(encoding="utf-8") if notes.is_file() else ""
        return manifest


def _release_of(doc: RolloutDoc, version: int) -> Release:
    rel = doc.release(version)
    if rel is None:
        raise ChannelError(f"Version {version} has not been released on this channel.")
    return rel


def expose(repo: ChannelRepo, version: int, exposure: int) -> Release:
    doc = current(repo)
    rel = _release_of(doc, version)
    if not rel.exposure <= exposure <= BUCKETS:
        raise ChannelError(f"Exposure only goes up (now {rel.exposure}); to stop a release use 'halt' or 'revoke'.")
    if exposure != rel.exposure:
        rel.exposure, rel.exposed_at = exposure, repo.clock()
    if exposure == BUCKETS and rel.state != "complete":
        rel.state, rel.completed_at = "complete", repo.clock()
    publish(repo, doc)
    return rel


def halt(repo: ChannelRepo, message: str) -> RolloutDoc:
    doc = current(repo)
    doc.halt_active, doc.halt_message = True, message
    return publish(repo, doc)


def resume(repo: ChannelRepo) -> RolloutDoc:
    doc = current(repo)
    doc.halt_active, doc.halt_message = False, ""
    return publish(repo, doc)


def revoke(repo: ChannelRepo, version: int, reason: str) -> RolloutDoc:
    doc = current(repo)
    _release_of(doc, version)
    if doc.rollback_to == version:
        raise ChannelError(f"Version {version} is the rollback target; choose another rollback target first.")
    doc.revoked[version] = reason
    return publish(repo, doc)


def rollback_to(repo: ChannelRepo, version: int | None) -> RolloutDoc:
    doc = current(repo)
    if version is not None:
        _release_of(doc, version)
        if version in doc.revoked:
            raise ChannelError(f"Version {version} is revoked and cannot be the rollback target.")
    doc.rollback_to = version
    return publish(repo, doc)


def disable_rule(repo: ChannelRepo, rule: str, enable: bool = False) -> RolloutDoc:
    doc = current(repo)
    rules = set(doc.disabled_rules)
    if enable:
        rules.discard(rule)
    else:
        rules.add(rule)
    doc.disabled_rules = sorted(rules)
    return publish(repo, doc)


def status(repo: ChannelRepo) -> dict[str, Any]:
    doc = current(repo)
    timestamp, snapshot, targets = repo.timestamp().signed, repo.snapshot().signed, repo.targets().signed
    return {
        "channel": doc.channel, "sequence": doc.sequence, "halt": {"active": doc.halt_active, "message": doc.halt_message},
        "releases": [r.to_json() for r in doc.releases],
        "revoked": {str(k): v for k, v in doc.revoked.items()}, "rollback_to": doc.rollback_to,
        "disabled_rules": doc.disabled_rules,
        "metadata": {
            "root": repo.root().signed.version,
            "targets": {"version": targets.version, "expires": iso(targets.expires.timestamp())},
            "snapshot": {"version": snapshot.version, "expires": iso(snapshot.expires.timestamp())},
            "timestamp": {"version": timestamp.version, "expires": iso(timestamp.expires.timestamp())},
        },
        "keys_dir": str(repo.keys_dir),
    }


def copy_root(repo: ChannelRepo, dest: Path) -> Path:
    shutil.copyfile(repo.metadata_dir / "1.root.json", dest)
    return dest


def dumps(doc: dict[str, Any]) -> str:
    return json.dumps(doc, indent=2)
