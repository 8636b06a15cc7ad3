"""``ringfence-channel``: keys, repository, validation at build time, monotonic releases, serving."""

from __future__ import annotations

import json
import stat
import subprocess
import sys
from pathlib import Path

import pytest
import requests

from app.channel import publisher
from app.channel.repository import ChannelError, ChannelRepo
from app.core.updates.channelconfig import check_root
from tests.conftest import ROOT
from tests.updates.conftest import EICAR_RULE, MARKER_RULE, Material, Setup, write_rules


def channel_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "app.channel.cli", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, check=False)


def test_init_keeps_keys_private_and_outside_the_served_tree(tmp_path: Path) -> None:
    proc = channel_cli("init", str(tmp_path / "chan"), "--root-keys", "3", "--root-threshold", "2")
    assert proc.returncode == 0, proc.stderr
    keys = tmp_path / "chan-keys"
    assert str(keys) in proc.stdout and "1.root.json" in proc.stdout
    pems = sorted(keys.glob("*.pem"))
    assert len(pems) == 6  # 3 root + targets + snapshot + timestamp
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in pems)
    assert not list((tmp_path / "chan").rglob("*.pem"))
    root = check_root((tmp_path / "chan" / "metadata" / "1.root.json").read_bytes()).signed
    assert root.consistent_snapshot and root.roles["root"].threshold == 2 and len(root.roles["root"].keyids) == 3
    assert channel_cli("init", str(tmp_path / "chan")).returncode == 2  # never overwrite a channel
    inside = channel_cli("init", str(tmp_path / "other"), "--keys", str(tmp_path / "other" / "keys"))
    assert inside.returncode == 2 and "outside the channel folder" in inside.stderr


def test_build_runs_the_client_validation(tmp_path: Path, material: Material) -> None:
    good = write_rules(tmp_path / "good", {"eicar.yar": EICAR_RULE, "marker.yar": MARKER_RULE})
    proc = channel_cli("build", str(good), "-o", str(tmp_path / "ok.tar.gz"), "--version", "9", "--clean", str(material.corpus))
    assert proc.returncode == 0, proc.stderr
    assert "version 9, 2 rules" in proc.stdout and (tmp_path / "ok.tar.gz").is_file()
    bad = write_rules(tmp_path / "bad", {"marker.yar": MARKER_RULE})
    proc = channel_cli("build", str(bad), "-o", str(tmp_path / "bad.tar.gz"), "--version", "9", "--clean", str(material.corpus))
    assert proc.returncode == 2 and "EICAR" in proc.stderr and "Traceback" not in proc.stderr
    assert not (tmp_path / "bad.tar.gz").exists()


def test_versions_and_exposure_only_go_up(setup: Setup) -> None:
    setup.release("v2", exposure=100)
    with pytest.raises(ChannelError, match="not newer"):
        setup.release("v1")
    with pytest.raises(ChannelError, match="only goes up"):
        publisher.expose(setup.repo, 2, 50)
    publisher.expose(setup.repo, 2, 10_000)
    rel = publisher.current(setup.repo).release(2)
    assert rel is not None and rel.state == "complete" and rel.completed_at is not None
    publisher.revoke(setup.repo, 2, "bad")
    with pytest.raises(ChannelError, match="revoked"):
        publisher.rollback_to(setup.repo, 2)
    with pytest.raises(ChannelError, match="has not been released"):
        publisher.revoke(setup.repo, 7, "x")


def test_every_change_is_a_new_signed_sequence(setup: Setup) -> None:
    first = publisher.current(setup.repo).sequence
    publisher.halt(setup.repo, "stop")
    publisher.resume(setup.repo)
    assert publisher.current(setup.repo).sequence == first + 2
    before = setup.repo.timestamp().signed.version
    proc = channel_cli("timestamp", str(setup.repo.dir), "--keys", str(setup.repo.keys_dir))
    assert proc.returncode == 0 and setup.repo.timestamp().signed.version == before + 1
    status = json.loads(channel_cli("status", str(setup.repo.dir), "--keys", str(setup.repo.keys_dir)).stdout)
    assert status["sequence"] == first + 2 and status["metadata"]["timestamp"]["version"] == before + 1


def test_missing_keys_are_a_clear_error(setup: Setup, tmp_path: Path) -> None:
    proc = channel_cli("halt", str(setup.repo.dir), "--keys", str(tmp_path / "nowhere"), "--message", "x")
    assert proc.returncode == 2 and "key(s) are not in" in proc.stderr
    with pytest.raises(ChannelError, match="not a channel folder"):
        ChannelRepo(tmp_path)


def test_serve_is_static_and_loopback_only(setup: Setup) -> None:
    proc = subprocess.Popen([sys.executable, "-m", "app.channel.cli", "serve", str(setup.repo.dir), "--port", "0",
                             "--keys", str(setup.repo.keys_dir)], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert "http://127.0.0.1:" in line
        base = line.split()[3].rstrip("/")
        ts = requests.get(f"{base}/metadata/timestamp.json", timeout=5)
        assert ts.status_code == 200 and "max-age=60" in ts.headers["Cache-Control"]
        root = requests.get(f"{base}/metadata/1.root.json", timeout=5)
        assert "immutable" in root.headers["Cache-Control"]
        assert requests.get(f"{base}/metadata/", timeout=5).status_code == 404  # no directory listings
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_client_follows_a_two_of_three_root(tmp_path: Path, material: Material, setup: Setup) -> None:
    repo = ChannelRepo.init(tmp_path / "c2", root_keys=3, root_threshold=2)
    publisher.create(repo, "stable", "s")
    publisher.release(repo, material.bundles["v1"], 10_000)
    setup.server.directory = repo.dir
    from app.core.updates.channelconfig import set_channel

    set_channel(setup.ctx.paths.config_dir, setup.server.url, repo.metadata_dir / "1.root.json")
    service = setup.new_service()
    assert service.check().outcome == "updated" and service.state.active_version == 1
