"""Who gets which release: deterministic buckets, user rings and eligibility (reference §7.4–7.5).

A client's bucket is ``sha256(salt:install_id)`` (first 64 bits) mod 10,000: sticky for the life of a
salt, uniform, computable offline, and monotonic — raising a release's exposure only adds clients.
Pure functions of their inputs, so the ring rules are tested without any network or clock.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from app.core.updates.rollout import BUCKETS, Release, RolloutDoc

RINGS = ("early", "default", "delayed", "pinned")
DELAY_SECONDS = 48 * 3600


def bucket(install_id: str, salt: str, n: int = BUCKETS) -> int:
    digest = hashlib.sha256(f"{salt}:{install_id}".encode()).digest()
    return int.from_bytes(digest[:8], "big") % n


def _version_tuple(text: str) -> tuple[int, ...]:
    try:
        return tuple(int(p) for p in text.split("."))
    except ValueError:
        return (10**9,)  # an unreadable engine bound makes the release ineligible, never a crash


def engine_fits(release: Release, engine_version: str) -> bool:
    return _version_tuple(release.min_engine) <= _version_tuple(engine_version) <= _version_tuple(release.max_engine)


@dataclass(frozen=True)
class Choice:
    version: int | None  # the release to activate, or None
    why: str  # "eligible", "up_to_date", "rolling_out", "halted", "paused", "pinned", "delayed", "stopped"


@dataclass(frozen=True)
class Policy:
    ring: str
    bucket: int
    now: float
    manual: bool = False  # "update apply": the user asked, so pause and Pinned do not hold it back
    paused_until: float | None = None
    auto_stopped: bool = False


def release_reaches(release: Release, policy: Policy) -> bool:
    """Whether this device is inside ``release``'s exposure under the user's ring."""
    if release.state == "paused":
        return False
    ring = policy.ring
    if policy.manual and ring in ("pinned", "delayed"):
        ring = "default"
    if ring == "delayed":
        return (release.state == "complete" and release.completed_at is not None
                and policy.now >= release.completed_at + DELAY_SECONDS)
    effective = 0 if ring == "early" else policy.bucket
    return effective < release.exposure


def choose(doc: RolloutDoc, policy: Policy, *, active: int | None, engine_version: str,
           excluded: set[int], declined: set[int]) -> Choice:
    """The highest eligible release newer than ``active``, or why there is none."""
    if doc.halt_active:
        return Choice(None, "halted")
    newer = [
        r for r in doc.releases
        if r.version > (active or 0) and r.version not in doc.revoked and r.version not in excluded
        and (policy.manual or r.version not in declined) and engine_fits(r, engine_version)
        and (doc.rollback_to is None or r.version <= doc.rollback_to)
    ]
    if not newer:
        return Choice(None, "up_to_date")
    reachable = [r for r in newer if release_reaches(r, policy)]
    if not policy.manual:
        if policy.auto_stopped:
            return Choice(None, "stopped")
        if policy.ring == "pinned":
            return Choice(None, "pinned")
        if policy.paused_until is not None and policy.now < policy.paused_until:
            return Choice(None, "paused")
    if not reachable:
        return Choice(None, "delayed" if policy.ring == "delayed" and not policy.manual else "rolling_out")
    return Choice(max(r.version for r in reachable), "eligible")
