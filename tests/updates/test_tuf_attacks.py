"""Every TUF attack class is refused and the active definitions stay exactly as they were.

Each test first activates version 1 from a real served channel, then publishes version 2 and makes
the server (or the repository) misbehave while the client checks again.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

import pytest
from securesystemslib.signer import CryptoSigner
from tuf.api.metadata import Metadata, Targets

from app.channel import publisher
from app.core.text.messages import render
from app.core.updates.rollout import iso
from tests.updates.conftest import Setup


@pytest.fixture
def on_v1(setup: Setup) -> Setup:
    setup.release("v1")
    assert setup.service.check().outcome == "updated"
    setup.before = setup.pointer()  # type: ignore[attr-defined]
    return setup


def _untouched(s: Setup) -> None:
    assert s.pointer() == s.before  # type: ignore[attr-defined]
    assert s.service.state.active_version == 1
    assert not (s.ctx.paths.definitions_dir / "versions" / "2").exists()


def _refused(s: Setup, fragment: str) -> None:
    result = s.service.check()
    assert result.outcome == "refused", result
    assert fragment in result.message
    _untouched(s)
    last = s.service.status().history[0]
    assert last.event == "refused" and fragment in render(last.reason)


def test_tampered_bundle(on_v1: Setup) -> None:
    on_v1.release("v2")
    on_v1.server.faults["defs-000002"] = ("tamper",)
    _refused(on_v1, "failed verification")


def test_oversized_bundle(on_v1: Setup) -> None:
    on_v1.release("v2")
    on_v1.server.faults["defs-000002"] = ("append", 4096)
    _refused(on_v1, "failed verification")


def test_truncated_bundle(on_v1: Setup) -> None:
    on_v1.release("v2")
    on_v1.server.faults["defs-000002"] = ("truncate",)
    _refused(on_v1, "failed verification")


def test_wrong_signing_key(on_v1: Setup) -> None:
    """Someone with the snapshot and timestamp keys but not the targets key rewrites the targets."""
    on_v1.release("v2")
    repo = on_v1.repo
    targets = repo.targets()
    targets.signed.version += 1
    targets.signatures.clear()
    targets.sign(CryptoSigner.generate_ed25519())
    repo._write_meta(targets, f"{targets.signed.version}.targets.json")
    timestamp = repo.timestamp().signed
    repo._snapshot_and_timestamp(targets_version=targets.signed.version, snapshot_version=timestamp.snapshot_meta.version + 1,
                                 timestamp_version=timestamp.version + 1)
    _refused(on_v1, "UnsignedMetadataError")


def test_replayed_old_timestamp(on_v1: Setup) -> None:
    """After seeing a newer timestamp, an older one (which would hide version 3) is refused."""
    old = (on_v1.repo.metadata_dir / "timestamp.json").read_bytes()
    publisher.halt(on_v1.repo, "checking a report")  # a newer timestamp the client sees
    assert on_v1.service.check().outcome == "halted"
    publisher.resume(on_v1.repo)
    on_v1.release("v2")
    on_v1.server.faults["timestamp.json"] = ("replace", old)
    _refused(on_v1, "BadVersionNumberError")


def test_replayed_old_rollout_document(on_v1: Setup) -> None:
    """A correctly signed but older rollout document (lower sequence) is refused by the high-water mark."""
    old = publisher.current(on_v1.repo)
    on_v1.release("v2")
    assert on_v1.service.check().outcome == "updated"
    on_v1.before = on_v1.pointer()  # type: ignore[attr-defined]
    on_v1.repo.add_targets({"rollout-stable.json": old.to_bytes()})
    result = on_v1.service.check()
    assert result.outcome == "refused" and "replay" in result.message
    assert on_v1.pointer() == on_v1.before  # type: ignore[attr-defined]
    assert on_v1.service.state.active_version == 2


def test_expired_timestamp(on_v1: Setup) -> None:
    on_v1.release("v2")
    on_v1.repo.resign_timestamp(expires=datetime.now(UTC) - timedelta(hours=1))
    _refused(on_v1, "ExpiredMetadataError")


def test_expired_targets(on_v1: Setup) -> None:
    repo = on_v1.repo
    on_v1.release("v2")
    targets: Metadata[Targets] = repo.targets()
    targets.signed.version += 1
    targets.signed.expires = datetime.now(UTC) - timedelta(days=1)
    repo._sign(targets, "targets")
    repo._write_meta(targets, f"{targets.signed.version}.targets.json")
    ts = repo.timestamp().signed
    repo._snapshot_and_timestamp(targets_version=targets.signed.version, snapshot_version=ts.snapshot_meta.version + 1,
                                 timestamp_version=ts.version + 1)
    _refused(on_v1, "ExpiredMetadataError")


def test_endless_timestamp(on_v1: Setup) -> None:
    on_v1.server.faults["timestamp.json"] = ("endless",)
    _refused(on_v1, "more data than the signed metadata allows")


def _serve_old_under_new_name(on_v1: Setup, role: str) -> None:
    """Release version 2, but serve the role's previous metadata under its new file name."""
    version = lambda: getattr(on_v1.repo, role)().signed.version  # noqa: E731
    old = (on_v1.repo.metadata_dir / f"{version()}.{role}.json").read_bytes()
    on_v1.release("v2")
    on_v1.server.faults[f"/{version()}.{role}.json"] = ("replace", old)


def test_mix_and_match_snapshot(on_v1: Setup) -> None:
    """The current timestamp with a snapshot that never belonged to it."""
    _serve_old_under_new_name(on_v1, "snapshot")
    _refused(on_v1, "failed verification")


def test_mix_and_match_targets(on_v1: Setup) -> None:
    """The current snapshot with an older targets file served under the new name."""
    _serve_old_under_new_name(on_v1, "targets")
    _refused(on_v1, "BadVersionNumberError")


def test_drip_is_bounded_by_the_total_deadline(on_v1: Setup) -> None:
    on_v1.release("v2")
    on_v1.server.faults["defs-000002"] = ("drip", 0.05)
    started = time.monotonic()
    result = on_v1.service.check()
    assert time.monotonic() - started < 15
    assert result.outcome == "offline" and "could not be downloaded" in result.message
    _untouched(on_v1)


@pytest.mark.parametrize("code", [404, 500])
def test_http_errors_are_offline_not_fatal(on_v1: Setup, code: int) -> None:
    on_v1.release("v2")
    on_v1.server.faults["timestamp.json"] = ("status", code)
    result = on_v1.service.check()
    assert result.outcome == "offline" and f"HTTP {code}" in result.message
    _untouched(on_v1)
    status = on_v1.service.status()
    assert status.last_error and status.last_success is not None and status.freshness == "fresh"
    del on_v1.server.faults["timestamp.json"]
    assert on_v1.service.check().outcome == "updated"  # back online: the update arrives


def test_429_retry_after_is_honoured(on_v1: Setup) -> None:
    on_v1.server.faults["timestamp.json"] = ("status", 429, {"Retry-After": "600"})
    assert on_v1.service.check().outcome == "offline"
    st = on_v1.service.state
    assert st.retry_after_until == pytest.approx(on_v1.clock() + 600)
    assert on_v1.service.next_check_at() >= st.retry_after_until
    asked = len(on_v1.server.requests)
    assert on_v1.service.check().outcome == "deferred"
    assert on_v1.service.poll_if_due() is None
    assert len(on_v1.server.requests) == asked  # the server was left alone
    on_v1.clock.advance(601)
    del on_v1.server.faults["timestamp.json"]
    assert on_v1.service.check().outcome == "up_to_date"
    assert iso(on_v1.service.state.last_success) == iso(on_v1.clock())
