"""The TUF repository behind a channel: keys, signed metadata and target files on disk.

Layout of a channel folder (plain static files; any web server, object store or CDN can host it)::

    metadata/1.root.json, 2.root.json ...   immutable (all roots stay published for root chaining)
    metadata/N.targets.json                  immutable (consistent snapshots)
    metadata/N.snapshot.json                 immutable
    metadata/timestamp.json                  the only mutable file (short cache lifetime)
    targets/<sha256>.rollout-<channel>.json  the signed rollout document
    targets/content/<sha256>.defs-000123.tar.gz
    targets/notes/<sha256>.notes-000123.md

Private keys live in a separate folder outside the served tree (``<DIR>-keys`` by default), one PEM
file per key named ``<role>.<keyid>.pem`` with mode 0600. Built on the python-tuf Metadata API with
securesystemslib ``CryptoSigner`` (Ed25519).
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography.hazmat.primitives.serialization import load_pem_private_key
from securesystemslib.signer import CryptoSigner, Signer
from tuf.api.metadata import Metadata, MetaFile, Root, Snapshot, TargetFile, Targets, Timestamp
from tuf.api.serialization.json import JSONSerializer

from app.core.foundation.fileio import atomic_write_bytes

ROLES = ("root", "targets", "snapshot", "timestamp")
EXPIRY = {"root": timedelta(days=365), "targets": timedelta(days=90),
          "snapshot": timedelta(days=7), "timestamp": timedelta(days=1)}


class ChannelError(Exception):
    """A publisher operation was refused; the message is one sentence for the operator."""


def default_keys_dir(channel_dir: Path) -> Path:
    return channel_dir.resolve().parent / f"{channel_dir.resolve().name}-keys"


class ChannelRepo:
    """One channel folder and its key folder."""

    def __init__(self, root_dir: Path, keys_dir: Path | None = None, clock: Callable[[], float] = time.time) -> None:
        self.dir = root_dir
        self.keys_dir = keys_dir or default_keys_dir(root_dir)
        self.clock = clock
        if not (self.metadata_dir / "1.root.json").is_file():
            raise ChannelError(f"{root_dir} is not a channel folder (no metadata/1.root.json); run 'ringfence-channel init' first.")

    @property
    def metadata_dir(self) -> Path:
        return self.dir / "metadata"

    @property
    def targets_dir(self) -> Path:
        return self.dir / "targets"

    def now(self) -> datetime:
        return datetime.fromtimestamp(int(self.clock()), tz=UTC)

    # -- creating --------------------------------------------------------------------------------

    @classmethod
    def init(cls, root_dir: Path, keys_dir: Path | None = None, *, root_keys: int = 1, root_threshold: int = 1,
             clock: Callable[[], float] = time.time) -> ChannelRepo:
        keys_dir = (keys_dir or default_keys_dir(root_dir)).resolve()
        root_dir = root_dir.resolve()
        if (root_dir / "metadata").exists():
            raise ChannelError(f"{root_dir} already holds a channel; choose an empty folder.")
        if keys_dir == root_dir or root_dir in keys_dir.parents:
            raise ChannelError("The key folder must be outside the channel folder, which is served to everyone.")
        if not 1 <= root_threshold <= root_keys:
            raise ChannelError("The root threshold must be between 1 and the number of root keys.")
        keys_dir.mkdir(parents=True, exist_ok=True)
        if os.name == "posix":
            os.chmod(keys_dir, 0o700)
        (root_dir / "metadata").mkdir(parents=True)
        (root_dir / "targets").mkdir(parents=True)
        now = datetime.fromtimestamp(int(clock()), tz=UTC)
        root = Root(expires=now + EXPIRY["root"], consistent_snapshot=True)
        signers: dict[str, list[Signer]] = {}
        for role in ROLES:
            count = root_keys if role == "root" else 1
            signers[role] = []
            for _ in range(count):
                signer = CryptoSigner.generate_ed25519()
                root.add_key(signer.public_key, role)
                path = keys_dir / f"{role}.{signer.public_key.keyid}.pem"
                atomic_write_bytes(path, signer.private_bytes, mode=0o600)
                signers[role].append(signer)
        root.roles["root"].threshold = root_threshold
        md = Metadata(root)
        for root_signer in signers["root"]:
            md.sign(root_signer, append=True)
        repo = cls.__new__(cls)
        repo.dir, repo.keys_dir, repo.clock = root_dir, keys_dir, clock
        repo._write_meta(md, "1.root.json")
        targets = Metadata(Targets(expires=now + EXPIRY["targets"]))
        targets.sign(signers["targets"][0])
        repo._write_meta(targets, "1.targets.json")
        repo._snapshot_and_timestamp(targets_version=1, snapshot_version=1, timestamp_version=1)
        return repo

    # -- reading ---------------------------------------------------------------------------------

    def root(self) -> Metadata[Root]:
        numbers = sorted(int(p.name.split(".")[0]) for p in self.metadata_dir.glob("*.root.json"))
        return Metadata[Root].from_file(str(self.metadata_dir / f"{numbers[-1]}.root.json"))

    def timestamp(self) -> Metadata[Timestamp]:
        return Metadata[Timestamp].from_file(str(self.metadata_dir / "timestamp.json"))

    def snapshot(self) -> Metadata[Snapshot]:
        version = self.timestamp().signed.snapshot_meta.version
        return Metadata[Snapshot].from_file(str(self.metadata_dir / f"{version}.snapshot.json"))

    def targets(self) -> Metadata[Targets]:
        version = self.snapshot().signed.meta["targets.json"].version
        return Metadata[Targets].from_file(str(self.metadata_dir / f"{version}.targets.json"))

    def target_file(self, path: str) -> Path | None:
        info = self.targets().signed.targets.get(path)
        if info is None:
            return None
        directory, _, name = path.rpartition("/")
        return self.targets_dir / directory / f"{info.hashes['sha256']}.{name}"

    def signers(self, role: str) -> list[Signer]:
        root = self.root().signed
        found: list[Signer] = []
        for keyid in root.roles[role].keyids:
            path = self.keys_dir / f"{role}.{keyid}.pem"
            if path.is_file():
                key = load_pem_private_key(path.read_bytes(), None)
                found.append(CryptoSigner(key, root.get_key(keyid)))  # type: ignore[arg-type]
        if len(found) < root.roles[role].threshold:
            raise ChannelError(f"The {role} key(s) are not in {self.keys_dir}; pass --keys with the key folder.")
        return found

    # -- writing ---------------------------------------------------------------------------------

    def _write_meta(self, md: Metadata, name: str) -> bytes:
        data = md.to_bytes(JSONSerializer(compact=False))
        atomic_write_bytes(self.metadata_dir / name, data, mode=0o644)
        return data

    def _sign(self, md: Metadata, role: str) -> None:
        md.signatures.clear()
        for signer in self.signers(role):
            md.sign(signer, append=True)

    def _snapshot_and_timestamp(self, *, targets_version: int, snapshot_version: int, timestamp_version: int,
                                timestamp_expires: datetime | None = None) -> None:
        now = self.now()
        snapshot = Metadata(Snapshot(version=snapshot_version, expires=now + EXPIRY["snapshot"],
                                     meta={"targets.json": MetaFile(version=targets_version)}))
        self._sign(snapshot, "snapshot")
        data = self._write_meta(snapshot, f"{snapshot_version}.snapshot.json")
        meta = MetaFile(version=snapshot_version, length=len(data), hashes={"sha256": hashlib.sha256(data).hexdigest()})
        timestamp = Metadata(Timestamp(version=timestamp_version, expires=timestamp_expires or now + EXPIRY["timestamp"],
                                       snapshot_meta=meta))
        self._sign(timestamp, "timestamp")
        self._write_meta(timestamp, "timestamp.json")

    def add_targets(self, files: dict[str, bytes]) -> None:
        """Publish new target files and a new targets/snapshot/timestamp generation."""
        targets = self.targets()
        for path, data in files.items():
            info = TargetFile.from_data(path, data, ["sha256"])
            directory, _, name = path.rpartition("/")
            atomic_write_bytes(self.targets_dir / directory / f"{info.hashes['sha256']}.{name}", data, mode=0o644)
            targets.signed.targets[path] = info
        targets.signed.version += 1
        targets.signed.expires = self.now() + EXPIRY["targets"]
        self._sign(targets, "targets")
        self._write_meta(targets, f"{targets.signed.version}.targets.json")
        timestamp = self.timestamp().signed
        self._snapshot_and_timestamp(targets_version=targets.signed.version,
                                     snapshot_version=timestamp.snapshot_meta.version + 1,
                                     timestamp_version=timestamp.version + 1)

    def resign_timestamp(self, *, expires: datetime | None = None) -> int:
        """Re-sign timestamp.json (and a new snapshot when the current one expires within two days)."""
        timestamp = self.timestamp().signed
        snapshot = self.snapshot().signed
        if snapshot.expires - self.now() < timedelta(days=2):
            self._snapshot_and_timestamp(targets_version=snapshot.meta["targets.json"].version,
                                         snapshot_version=snapshot.version + 1,
                                         timestamp_version=timestamp.version + 1, timestamp_expires=expires)
        else:
            md = Metadata(Timestamp(version=timestamp.version + 1,
                                    expires=expires or self.now() + EXPIRY["timestamp"],
                                    snapshot_meta=timestamp.snapshot_meta))
            self._sign(md, "timestamp")
            self._write_meta(md, "timestamp.json")
        return timestamp.version + 1
