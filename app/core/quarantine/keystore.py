"""Where the quarantine key lives: the OS keyring, or a private key file when no keyring works.

The 256-bit master key is created on first use. It goes into the system keyring (Secret Service on
Linux, Credential Manager on Windows, Keychain on macOS) under service ``Ringfence`` and user
``quarantine-key:<vault id>`` — the vault id keeps two Ringfence data folders (a portable copy, a
test run) from ever sharing or overwriting one another's key. When no keyring backend works, the key
is written to ``<data>/quarantine-key`` readable only by the user, and :func:`key_protection` says
``"file"`` so the status report and the dashboard can tell the user.

``vault.json`` in the quarantine folder records the vault id and where the key was put. That record
is what stops a locked keyring from silently forking the key: if the key is in the keyring and the
keyring is locked today, opening the vault fails with a clear message instead of creating a second key
that old items could not be opened with. A key found in a file is moved into the keyring as soon as
one works.

Backends are small classes behind the :class:`KeyBackend` protocol; :func:`select_backend` is the
one place that chooses. ``RINGFENCE_KEY_BACKEND=keyring|file`` forces a choice (used by tests and by
users who prefer the file).
"""

from __future__ import annotations

import base64
import json
import logging
import os
import secrets
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from app.core.foundation.errors import RingfenceError
from app.core.foundation.fileio import atomic_write_bytes, atomic_write_json
from app.core.foundation.filelock import file_lock
from app.core.foundation.paths import Paths
from app.core.quarantine.crypto import KEY_SIZE
from app.core.text.messages import translate

log = logging.getLogger(__name__)

# Creating the key may wait for the user to unlock the keyring in another process.
KEY_LOCK_WAIT = 120.0
KEY_BUSY = translate("Quarantine", "Another Ringfence process is creating the quarantine key and has not finished; "
                     "try again in a minute.")

SERVICE = "Ringfence"
USER_PREFIX = "quarantine-key"
BACKEND_ENV = "RINGFENCE_KEY_BACKEND"
KEY_FILE_NAME = "quarantine-key"
# A keyring that refused (a locked one whose unlock prompt the user dismissed, no Secret Service) is not
# asked again for this long: each probe may put a password prompt in front of the user.
KEYRING_REPROBE_S = 3600.0
VAULT_FILE_NAME = "vault.json"


class KeyUnavailableError(RingfenceError):
    """The quarantine key exists but cannot be read now, or it has gone missing."""


class KeyBackend(Protocol):
    name: str

    def usable(self) -> bool: ...
    def load(self) -> bytes | None: ...
    def save(self, key: bytes) -> None: ...
    def delete(self) -> None: ...


class _KeyringProbe:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.refused_by: type | None = None  # the kind of keyring backend that last refused, until ``until``
        self.until = 0.0


_probe = _KeyringProbe()


def _encode(key: bytes) -> str:
    return base64.b64encode(key).decode("ascii")


def _decode(text: str) -> bytes | None:
    try:
        key = base64.b64decode(text.strip(), validate=True)
    except ValueError:
        return None
    return key if len(key) == KEY_SIZE else None


class KeyringBackend:
    """The OS keyring through the ``keyring`` package."""

    name = "keyring"

    def __init__(self, username: str) -> None:
        self.username = username

    def usable(self) -> bool:
        """Whether the OS keyring works now. One probe at a time in this process, and none for a while
        after it refused: the probe may ask the user to unlock or create a keyring."""
        import keyring
        from keyring.backends import fail, null
        from keyring.errors import KeyringError

        with _probe.lock:  # also around the library's first get_keyring(), which is not thread-safe
            backend = keyring.get_keyring()
            if isinstance(backend, fail.Keyring | null.Keyring):
                return False
            if _probe.refused_by is type(backend) and time.monotonic() < _probe.until:
                return False
            try:
                backend.get_password(SERVICE, self.username)
            except (KeyringError, OSError) as exc:
                log.info("the system keyring cannot be used: %s", exc)
                _probe.refused_by, _probe.until = type(backend), time.monotonic() + KEYRING_REPROBE_S
                return False
            _probe.refused_by = None
            return True

    def load(self) -> bytes | None:
        import keyring
        from keyring.errors import KeyringError

        try:
            text = keyring.get_password(SERVICE, self.username)
        except (KeyringError, OSError) as exc:
            raise KeyUnavailableError(translate(
                "Quarantine", "The system keyring that holds the quarantine key is locked or unavailable; "
                "unlock it and try again."), detail=str(exc)) from exc
        return _decode(text) if text else None

    def save(self, key: bytes) -> None:
        import keyring
        from keyring.errors import KeyringError

        try:
            keyring.set_password(SERVICE, self.username, _encode(key))
        except (KeyringError, OSError) as exc:
            raise KeyUnavailableError(translate(
                "Quarantine", "The quarantine key could not be stored in the system keyring; unlock it and try again."),
                detail=str(exc)) from exc

    def delete(self) -> None:
        import keyring
        from keyring.errors import PasswordDeleteError

        try:
            keyring.delete_password(SERVICE, self.username)
        except PasswordDeleteError:
            pass


class FileBackend:
    """A key file readable only by the user, beside the state database."""

    name = "file"

    def __init__(self, path: Path) -> None:
        self.path = path

    def usable(self) -> bool:
        return True

    def load(self) -> bytes | None:
        try:
            text = self.path.read_text(encoding="ascii")
        except FileNotFoundError:
            return None
        except (OSError, UnicodeDecodeError) as exc:
            raise KeyUnavailableError(translate(
                "Quarantine", "The quarantine key file cannot be read; check its permissions."), detail=str(exc)) from exc
        return _decode(text)

    def save(self, key: bytes) -> None:
        atomic_write_bytes(self.path, (_encode(key) + "\n").encode("ascii"), mode=0o600)

    def delete(self) -> None:
        self.path.unlink(missing_ok=True)


@dataclass(frozen=True)
class VaultRecord:
    vault_id: str
    key_location: str | None  # "keyring" | "file" | None before the first key exists


def _vault_file(paths: Paths) -> Path:
    return paths.quarantine_dir / VAULT_FILE_NAME


def read_vault_record(paths: Paths, *, create: bool = True) -> VaultRecord:
    """The vault id and key location, creating the record on first use when ``create``."""
    path = _vault_file(paths)
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return VaultRecord(str(raw["vault_id"]), raw.get("key_location"))
    except FileNotFoundError:
        pass
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise RingfenceError(translate(
            "Quarantine", "The quarantine's vault.json is damaged; restore it from a backup to open the quarantine."),
            detail=f"{path}: {exc}") from exc
    record = VaultRecord(secrets.token_hex(8), None)
    if create:
        _write_vault_record(paths, record)
    return record


def _write_vault_record(paths: Paths, record: VaultRecord) -> None:
    paths.quarantine_dir.mkdir(parents=True, exist_ok=True)
    atomic_write_json(_vault_file(paths), {"vault_id": record.vault_id, "key_location": record.key_location})


def backends_for(paths: Paths, record: VaultRecord) -> dict[str, KeyBackend]:
    """The registry of key backends for this vault, by name."""
    return {
        "keyring": KeyringBackend(f"{USER_PREFIX}:{record.vault_id}"),
        "file": FileBackend(paths.data_dir / KEY_FILE_NAME),
    }


def select_backend(paths: Paths, record: VaultRecord) -> KeyBackend:
    """The one place that chooses where a new key goes: a forced choice, else a working keyring, else the file."""
    backends = backends_for(paths, record)
    forced = os.environ.get(BACKEND_ENV, "").strip().lower()
    if forced:
        if forced not in backends:
            raise RingfenceError(f"{BACKEND_ENV} must be 'keyring' or 'file', not {forced!r}.")
        return backends[forced]
    keyring_backend = backends["keyring"]
    return keyring_backend if keyring_backend.usable() else backends["file"]


def load_key(paths: Paths, *, create: bool = True) -> bytes:
    """The vault's master key; created on first use when ``create``. Slow (> 50 ms): asks the OS keyring.

    Raises :class:`KeyUnavailableError` when the key was created before but cannot be found now.
    """
    record = read_vault_record(paths)
    if record.key_location is None:
        if not create:
            raise KeyUnavailableError(translate("Quarantine", "The quarantine has no key yet, so there is nothing to open."))
        with file_lock(paths.quarantine_dir / ".key.lock", wait=KEY_LOCK_WAIT, busy=KEY_BUSY):
            record = read_vault_record(paths)  # another process may have created it meanwhile
            if record.key_location is None:
                return _create_key(paths, record)
    backends = backends_for(paths, record)
    if record.key_location not in backends:
        raise RingfenceError(translate("Quarantine", "The quarantine's vault.json names an unknown key location %1.")
                             .arg(repr(record.key_location)))
    key = backends[record.key_location].load()
    if key is None:
        raise KeyUnavailableError(
            translate("Quarantine", "The quarantine key is missing from the system keyring, so quarantined items "
                              "cannot be opened; restore the keyring from a backup.")
            if record.key_location == "keyring" else
            translate("Quarantine", "The quarantine key file is missing or damaged, so quarantined items cannot be "
                              "opened; restore it from a backup."))
    if record.key_location == "file":
        _move_to_keyring_if_possible(paths, record, key)
    return key


def _create_key(paths: Paths, record: VaultRecord) -> bytes:
    backend = select_backend(paths, record)
    key = secrets.token_bytes(KEY_SIZE)
    backend.save(key)
    if backend.load() != key:
        raise KeyUnavailableError(translate(
            "Quarantine", "The quarantine key could not be stored safely; check the system keyring and try again."))
    _write_vault_record(paths, VaultRecord(record.vault_id, backend.name))
    if backend.name == "file":
        log.warning("no system keyring works; the quarantine key is kept in a private file instead")
    return key


def _move_to_keyring_if_possible(paths: Paths, record: VaultRecord, key: bytes) -> None:
    """Move a file key into the keyring once one works (never when the user forced the file)."""
    if os.environ.get(BACKEND_ENV, "").strip().lower() == "file":
        return
    backends = backends_for(paths, record)
    keyring_backend = backends["keyring"]
    if not keyring_backend.usable():
        return
    try:
        keyring_backend.save(key)
        if keyring_backend.load() != key:
            return
    except KeyUnavailableError as exc:
        log.info("the quarantine key stays in its file: %s", exc.detail)
        return
    _write_vault_record(paths, VaultRecord(record.vault_id, "keyring"))
    backends["file"].delete()
    log.info("the quarantine key was moved from its file into the system keyring")


def key_protection(paths: Paths) -> str:
    """``"keyring"`` or ``"file"``: where the quarantine key is (or would be created now). Slow (> 50 ms)
    before the first key exists: probes the OS keyring."""
    record = read_vault_record(paths, create=False)
    if record.key_location is not None:
        return record.key_location
    return select_backend(paths, record).name
