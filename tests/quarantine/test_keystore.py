"""The quarantine key: in the real Secret Service, or in a private file when no keyring works."""

from __future__ import annotations

import base64
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import keyring
import pytest

from app.core import quarantine as q
from app.core.context import Context
from app.core.foundation.errors import RingfenceError
from app.core.quarantine import keystore
from tests.conftest import ROOT
from tests.quarantine.conftest import make_file, quarantine


def _keyring_user(ctx: Context) -> str:
    return f"quarantine-key:{keystore.read_vault_record(ctx.paths).vault_id}"


def test_key_is_created_once_in_the_system_keyring(ctx: Context, secret_service: None) -> None:
    key = keystore.load_key(ctx.paths)
    assert len(key) == 32
    assert keystore.load_key(ctx.paths) == key
    stored = keyring.get_password("Ringfence", _keyring_user(ctx))
    assert stored is not None and base64.b64decode(stored) == key
    assert q.key_protection(ctx) == "keyring"
    assert not (ctx.paths.data_dir / "quarantine-key").exists()
    assert key.hex() not in json.dumps(json.loads((ctx.paths.quarantine_dir / "vault.json").read_text()))


def test_two_vaults_never_share_a_key(tmp_path: Path, secret_service: None, monkeypatch: pytest.MonkeyPatch) -> None:
    keys = []
    for name in ("one", "two"):
        monkeypatch.setenv("RINGFENCE_HOME", str(tmp_path / name))
        with Context.open() as ctx:
            keys.append(keystore.load_key(ctx.paths))
    assert keys[0] != keys[1]


def test_forced_file_backend_keeps_a_private_key_file(ctx: Context, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(keystore.BACKEND_ENV, "file")
    key = keystore.load_key(ctx.paths)
    key_file = ctx.paths.data_dir / "quarantine-key"
    assert base64.b64decode(key_file.read_text()) == key
    if os.name == "posix":  # on Windows the profile's access rights keep it private
        assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert q.key_protection(ctx) == "file"
    assert q.summary(ctx).key_protection == "file"
    # the file key really seals and opens items
    path = make_file(tmp_path / "f" / "x.bin", b"payload")
    outcome = quarantine(ctx, path)
    assert outcome.action == "quarantined"
    assert q.restore(ctx, outcome.item_id).action == "restored"
    assert path.read_bytes() == b"payload"


def test_without_any_keyring_backend_the_file_is_used(tmp_path: Path) -> None:
    """keyring's own 'fail' backend (what it picks when nothing works) sends the key to the file."""
    env = dict(os.environ, PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring", RINGFENCE_HOME=str(tmp_path / "home"))
    env.pop(keystore.BACKEND_ENV, None)
    code = ("from app.core.context import Context\nfrom app.core import quarantine as q\n"
            "from app.core.quarantine import keystore\n"
            "ctx = Context.open(); keystore.load_key(ctx.paths); print(q.key_protection(ctx))")
    result = subprocess.run([sys.executable, "-c", code], check=False, capture_output=True, text=True, env=env, cwd=ROOT, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "file"
    assert (tmp_path / "home" / "data" / "quarantine-key").is_file()


def test_a_file_key_moves_into_the_keyring_once_one_works(ctx: Context, monkeypatch: pytest.MonkeyPatch,
                                                          tmp_path: Path, secret_service: None) -> None:
    monkeypatch.setenv(keystore.BACKEND_ENV, "file")
    path = make_file(tmp_path / "f" / "y.bin", b"sealed with the file key")
    item_id = quarantine(ctx, path).item_id
    file_key = keystore.load_key(ctx.paths)
    monkeypatch.delenv(keystore.BACKEND_ENV)
    assert keystore.load_key(ctx.paths) == file_key
    assert q.key_protection(ctx) == "keyring"
    assert not (ctx.paths.data_dir / "quarantine-key").exists()
    assert base64.b64decode(keyring.get_password("Ringfence", _keyring_user(ctx)) or "") == file_key
    assert q.restore(ctx, item_id).action == "restored"
    assert path.read_bytes() == b"sealed with the file key"


def test_a_missing_keyring_key_is_never_silently_replaced(ctx: Context, secret_service: None) -> None:
    keystore.load_key(ctx.paths)
    keyring.delete_password("Ringfence", _keyring_user(ctx))
    with pytest.raises(keystore.KeyUnavailableError, match="missing from the system keyring"):
        keystore.load_key(ctx.paths)
    assert keyring.get_password("Ringfence", _keyring_user(ctx)) is None


def test_a_damaged_vault_record_is_a_clear_error(ctx: Context) -> None:
    ctx.paths.quarantine_dir.mkdir(parents=True, exist_ok=True)
    (ctx.paths.quarantine_dir / "vault.json").write_text("{not json")
    with pytest.raises(RingfenceError, match=r"vault\.json is damaged"):
        keystore.load_key(ctx.paths)


def test_an_unknown_forced_backend_is_refused(ctx: Context, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(keystore.BACKEND_ENV, "floppy")
    with pytest.raises(RingfenceError, match="must be 'keyring' or 'file'"):
        keystore.load_key(ctx.paths)


def _in_own_keyring_session(tmp_path: Path, script_text: str, daemon: str) -> dict:
    """Run ``script_text`` in a D-Bus session of its own with a gnome-keyring started by ``daemon`` (a shell
    command; ``{keyrings}`` becomes the XDG_DATA_HOME assignment of a fresh keyring folder); its last line."""
    keyrings = tmp_path / "keyrings"
    keyrings.mkdir()
    script = tmp_path / "script.py"
    script.write_text(script_text)
    start = daemon.format(keyrings=f"XDG_DATA_HOME={keyrings}")
    shell = f'eval "$({start} --components=secrets)"; exec "{sys.executable}" "{script}"'
    env = dict(os.environ, RINGFENCE_HOME=str(tmp_path / "home"), PYTHONPATH=str(ROOT))
    for name in (keystore.BACKEND_ENV, "DISPLAY", "GNOME_KEYRING_CONTROL"):  # no prompt window; a daemon of its own
        env.pop(name, None)
    result = subprocess.run(["dbus-run-session", "--", "bash", "-c", shell], check=False, capture_output=True, text=True,
                            env=env, cwd=ROOT, timeout=60)
    assert result.returncode == 0, result.stderr
    return dict(json.loads(result.stdout.strip().splitlines()[-1]))


_LOCKED_SCRIPT = r"""
import json, secretstorage
from app.core.context import Context
from app.core.quarantine import keystore
ctx = Context.open()
key = keystore.load_key(ctx.paths)
bus = secretstorage.dbus_init()
secretstorage.get_default_collection(bus).lock()
try:
    keystore.load_key(ctx.paths)
    outcome = "opened"
except keystore.KeyUnavailableError as exc:
    outcome = exc.message
print(json.dumps({"outcome": outcome, "where": keystore.read_vault_record(ctx.paths).key_location,
                  "file": (ctx.paths.data_dir / "quarantine-key").exists()}))
"""


@pytest.mark.skipif(sys.platform != "linux", reason="gnome-keyring is the Linux Secret Service")
def test_a_locked_keyring_is_reported_and_no_second_key_is_made(tmp_path: Path) -> None:
    """In a private D-Bus session of its own (so locking does not affect the other tests)."""
    report = _in_own_keyring_session(tmp_path, _LOCKED_SCRIPT, "printf pw | {keyrings} gnome-keyring-daemon --unlock")
    assert "locked or unavailable" in report["outcome"]
    assert report["where"] == "keyring" and report["file"] is False


_DISMISSED_SCRIPT = r"""
import json, logging
from app.core.context import Context
from app.core.quarantine import keystore
probes = []
logging.basicConfig(level=logging.INFO)
logging.getLogger("app.core.quarantine.keystore").addFilter(
    lambda record: probes.append(record.getMessage()) or True)
import threading
ctx = Context.open()
asked = [threading.Thread(target=keystore.key_protection, args=(ctx.paths,)) for _ in range(4)]  # the console's
for thread in asked:                                                                             # first workers
    thread.start()
for thread in asked:
    thread.join()
keys = [keystore.load_key(ctx.paths) for _ in range(3)]  # and later ones load the key again and again
print(json.dumps({"where": keystore.read_vault_record(ctx.paths).key_location, "same": len(set(keys)) == 1,
                  "refusals": sum("cannot be used" in p for p in probes)}))
"""


@pytest.mark.skipif(sys.platform != "linux", reason="gnome-keyring is the Linux Secret Service")
def test_a_keyring_whose_prompt_was_dismissed_is_not_asked_again_and_again(tmp_path: Path) -> None:
    """A Secret Service with no keyring yet asks the user to create one; dismissed (here: no display for the
    prompt), the key goes to the private file and the user is not prompted on every later key load."""
    report = _in_own_keyring_session(tmp_path, _DISMISSED_SCRIPT, "{keyrings} gnome-keyring-daemon --start")
    assert report == {"where": "file", "same": True, "refusals": 1}
