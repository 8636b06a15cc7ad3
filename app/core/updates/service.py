"""The update client pipeline (DESIGN §5, reference §7.6): check → plan → download → validate → stage →
activate → probation, with revoke / rollback_to / halt honoured at once.

One :class:`UpdateService` per process; every operation holds the update lock (python-tuf's cache is
single-instance) and persists the state atomically before it acts on it. Offline is a normal
outcome, not an error: the active definitions stay, and revocations already received still apply.
Verification failures (every TUF attack class, a replayed rollout document) are refused with a
history entry and never touch the active definitions.
"""

from __future__ import annotations

import json
import logging
import random
import time
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from tuf.api import exceptions as tuf_errors

from app import ENGINE_VERSION
from app.core.context import Context
from app.core.foundation import crashpoints
from app.core.foundation.errors import RingfenceError
from app.core.foundation.fileio import atomic_write_bytes
from app.core.foundation.filelock import file_lock
from app.core.foundation.resources import resource_path
from app.core.journal import events
from app.core.scanning.definitions import BASELINE_ARCHIVE, ActiveDefinitions, unpacked_bundle
from app.core.scanning.definitions_changed import recheck_quarantine
from app.core.scanning.engine_selftest import run_selftest
from app.core.text.messages import Message, Moment, arg_to_json, render, translate
from app.core.updates import update_history as history
from app.core.updates.activation import Activator
from app.core.updates.channelconfig import ChannelConfig, load_channel
from app.core.updates.check_schedule import next_check_at
from app.core.updates.corpus import default_clean_corpus, own_files
from app.core.updates.diff import RuleDiff, rule_diff
from app.core.updates.fetcher import RequestsFetcher
from app.core.updates.refusals import refusal
from app.core.updates.rings import RINGS, Choice, Policy, bucket, choose
from app.core.updates.rollout import RolloutDoc, RolloutError, parse_rollout
from app.core.updates.sandbox import SandboxResult, run_validation
from app.core.updates.state import disabled_rules, load_state, save_state
from app.core.updates.update_status import STATE_TEXT, UpdateStatus, build_status
from app.engine.bundle import BundleError, load_definitions
from app.engine.hashing import sha256_file
from app.engine.validation_result import refused

log = logging.getLogger(__name__)

UPDATE_BUSY = translate("Updates", "The definitions are being updated right now; try again in a minute.")

Clock = Callable[[], float]
Progress = Callable[[str, int, int], None]  # phase, done, total


@dataclass(frozen=True)
class CheckResult:
    outcome: str  # "updated", a Choice.why, "offline", "refused", "rejected", "deferred", "not_configured", "reverted"
    msg: Message | str  # what happened, for the console (plain text only for the vendor's own halt message)
    version: int | None

    @property
    def message(self) -> str:
        """``msg`` in English (the CLI, the log)."""
        return render(self.msg)


class UpdateService:
    def __init__(self, ctx: Context, *, clock: Clock = time.time, clean_corpus: list[Path] | None = None,
                 selftest: Callable[[int, Path], SandboxResult] | None = None,
                 fetcher_factory: Callable[[], RequestsFetcher] | None = None, progress: Progress | None = None,
                 validation_timeout: float = 180.0, rng: random.Random | None = None, lock_wait: float = 0.0) -> None:
        """``lock_wait``: how long an operation waits for another updater before it raises
        :class:`~app.core.foundation.filelock.LockBusy` ("busy"); none by default, so a user's action answers at once."""
        self.ctx, self.clock = ctx, clock
        self.lock_wait = lock_wait
        self.clean_corpus = clean_corpus if clean_corpus is not None else default_clean_corpus()
        self.fetcher_factory = fetcher_factory or RequestsFetcher
        self.progress = progress
        self.validation_timeout = validation_timeout
        self.rng = rng or random.Random()
        self.activator = Activator(ctx, clock, self._save, selftest or self._worker_selftest,
                                   on_switch=lambda: recheck_quarantine(ctx))
        self.state = load_state(ctx.paths.data_dir)

    # -- plumbing -------------------------------------------------------------------------------

    def _lock(self) -> AbstractContextManager[None]:
        """One updater at a time: python-tuf's metadata cache is single-instance (reference §2.3)."""
        return file_lock(self.ctx.paths.tuf_dir / ".update.lock", wait=self.lock_wait, busy=UPDATE_BUSY)

    def _save(self) -> None:
        save_state(self.ctx.paths.data_dir, self.state)

    def _validate(self, request: dict[str, Any]) -> SandboxResult:
        return run_validation({**request, "clean_paths": [str(p) for p in self.clean_corpus],
                               "protected_files": [str(p) for p in own_files()],
                               "reference_s_per_mb": self._reference_cost()}, timeout=self.validation_timeout)

    def _reference_cost(self) -> float | None:
        """Seconds per MB the newest known-good version needed in its validation (the relative budget)."""
        for version in self.state.known_good:
            record = self.activator.staging.record(version) or {}
            cost = (record.get("timings") or {}).get("cost_s_per_mb")
            if isinstance(cost, int | float) and cost > 0:
                return float(cost)
        return None

    def _worker_selftest(self, version: int, folder: Path) -> SandboxResult:
        """A new engine worker loads the staged version (compiling it into the compiled-rules cache) and
        self-tests it: EICAR and golden positives must match, the clean corpus must not."""
        try:
            defs = ActiveDefinitions(load_definitions(folder), "channel")
            reply = run_selftest(self.ctx, defs, warm=True)
        except (RingfenceError, BundleError) as exc:
            return refused("selftest", "selftest-load", version, exc)
        failed = [f"{c['check']}: {c.get('detail') or 'failed'}" for c in reply.get("checks", []) if not c.get("ok")]
        if not reply.get("ok") or failed:
            return refused("selftest", "selftest-failed", version, "; ".join(failed) or "-")
        return SandboxResult(True, "selftest", "", version=version, rule_count=int(reply.get("rule_count", 0)))

    def ring(self) -> str:
        value = self.ctx.settings["updates.ring"]
        return value if value in RINGS else "default"

    def bucket(self) -> int:
        return bucket(self.state.install_id, self.state.bucket_salt)

    def doc(self) -> RolloutDoc | None:
        if not self.state.rollout:
            return None
        try:
            return parse_rollout(json.dumps(self.state.rollout).encode())
        except RolloutError:
            return None

    def _policy(self, manual: bool) -> Policy:
        return Policy(self.ring(), self.bucket(), self.clock(), manual, self.state.paused_until, self.state.auto_stopped)

    def _choose(self, doc: RolloutDoc, manual: bool) -> Choice:
        excluded = {int(v) for v in (*self.state.rejected, *self.state.bad)}
        return choose(doc, self._policy(manual), active=self.state.active_version, engine_version=ENGINE_VERSION,
                      excluded=excluded, declined=set(self.state.declined))

    # -- public operations ------------------------------------------------------------------------

    def startup(self) -> UpdateStatus:
        """At start-up: finish or undo an interrupted run, apply known revocations (offline), check health.
        Slow (> 50 ms): may switch definitions and self-test them in an engine worker."""
        with self._lock():
            self.state = load_state(self.ctx.paths.data_dir)
            self.activator.recover(self.state)
            doc = self.doc()
            if doc is not None:
                self.activator.enforce(self.state, doc, None, self._cached_archive_stager(doc))
            self.activator.probation_step(self.state, doc, at_start=True)
        return self.status()

    def check(self, *, manual: bool = False, install_anyway: bool = False) -> CheckResult:
        """Check the channel and install what this device may have now.

        ``manual``: a person asked ("check now"), so a server's Retry-After does not defer it; pause, Pinned,
        the delayed ring and a stop after a fall-back to the baseline still hold. ``install_anyway`` (the
        explicit "install anyway" / ``update apply``) overrides those too. Slow: network, then the
        validation sandbox and an engine self-test (seconds to minutes); raises
        :class:`~app.core.foundation.filelock.LockBusy` at once when another updater is busy."""
        config = load_channel(self.ctx.paths.config_dir)
        if config is None:
            return CheckResult("not_configured", STATE_TEXT["not_configured"], self.state.active_version)
        with self._lock():
            self.state = st = load_state(self.ctx.paths.data_dir)
            self.activator.recover(st)
            if st.channel_id != config.id:
                st.channel_id, st.sequence_hwm, st.rollout, st.targets, st.retry_after_until = config.id, 0, None, {}, None
            now = self.clock()
            if not manual and st.retry_after_until and now < st.retry_after_until:
                return CheckResult("deferred", translate("Updates", "The update server asked to wait; Ringfence checks "
                                                         "again later."), st.active_version)
            if install_anyway:
                st.auto_stopped = False
            st.last_check = now
            self._save()
            fetcher = self.fetcher_factory()
            fetcher.progress = self._download_progress
            try:
                client, doc = self._refresh(config, fetcher)
            except _CheckFailedError as failed:
                st.last_error = arg_to_json(failed.message)
                if failed.outcome == "offline" and st.unreachable_since is None:
                    st.unreachable_since = now
                if failed.outcome == "refused":
                    history.record(self.ctx.store, "refused", None, failed.message, when=now, code="verification")
                    # no version is known yet: the event names where the definitions came from instead
                    events.record(self.ctx.store, "updates.rejected", when=now, step="verification", reason=failed.message,
                                  version=translate("Events", "from the update server"))
                if fetcher.retry_after:
                    st.retry_after_until = now + fetcher.retry_after
                self._save()
                known = self.doc()
                if known is not None:  # revocations already received still apply
                    self.activator.enforce(st, known, None, self._cached_archive_stager(known))
                return CheckResult(failed.outcome, failed.message, st.active_version)
            st.sequence_hwm, st.rollout, st.bucket_salt = doc.sequence, doc.to_json(), doc.bucket_salt
            st.last_success, st.last_error, st.retry_after_until, st.unreachable_since = now, None, None, None
            for rel in doc.releases:
                try:
                    st.targets[rel.target] = client.target_info(rel.target)
                except RolloutError:
                    log.warning("release %s names a target the channel does not list", rel.version)
            self._save()  # high-water marks are durable before anything acts on the document
            self._fetch_notes(client, doc)
            return self._act(doc, client, install_anyway)

    def apply(self) -> CheckResult:
        """``update apply``: check now and install what this device may have, even when paused or pinned.
        Slow: see :meth:`check`."""
        return self.check(manual=True, install_anyway=True)

    def rollback(self) -> CheckResult:
        """The user's "roll back to previous definitions". Slow (> 50 ms): switches definitions and re-checks
        the quarantine."""
        with self._lock():
            self.state = st = load_state(self.ctx.paths.data_dir)
            active = st.active_version
            if active is None:
                raise RingfenceError(translate("Updates", "Ringfence already uses its built-in baseline definitions; there "
                                                          "is nothing to roll back."))
            target = self.activator.lkg(st, self.doc(), exclude={active})
            st.declined = sorted({*st.declined, active})
            reason = translate("Updates", "You rolled back from version %1.").arg(active)
            self.activator.revert(st, target, "rolled_back", reason, code="updates.user_rollback", trigger="user")
            return CheckResult("reverted", reason, st.active_version)

    def set_ring(self, ring: str) -> None:
        if ring not in RINGS:
            raise RingfenceError(translate("Updates", "Unknown update ring %1; choose one of %2.").arg(ring, ", ".join(RINGS)))
        self.ctx.settings.set("updates.ring", ring)
        self.ctx.settings.save()

    def pause(self, hours: float) -> float:
        if not 1 <= hours <= 72:
            raise RingfenceError(translate("Updates", "Updates can be paused for 1 to 72 hours."))
        with self._lock():
            self.state = load_state(self.ctx.paths.data_dir)
            self.state.paused_until = self.clock() + hours * 3600
            self._save()
            return self.state.paused_until

    def resume(self) -> None:
        with self._lock():
            self.state = load_state(self.ctx.paths.data_dir)
            self.state.paused_until = None
            self._save()

    def status(self, history_limit: int = 10) -> UpdateStatus:
        self.state = load_state(self.ctx.paths.data_dir)
        config = load_channel(self.ctx.paths.config_dir)
        doc = self.doc()
        why = self._choose(doc, False).why if doc else "up_to_date"
        created = self.activator.definitions_created(self.state)
        return build_status(self.state, doc, now=self.clock(), ring=self.ring(), bucket=self.bucket(),
                            channel_url=config.url if config else None, definitions_created=created,
                            choice_why=why, history=history.entries(self.ctx.store, history_limit))

    def next_check_at(self) -> float:
        doc = self.doc()
        return next_check_at(self.state, int(self.ctx.settings["updates.poll_hours"]), self.rng,
                             min_seconds=doc.min_poll_seconds if doc else 3600,
                             max_seconds=doc.max_poll_seconds if doc else 14400)

    def poll_if_due(self) -> CheckResult | None:
        """For the scheduler: check when the jittered interval (or a Retry-After) has passed."""
        if self.clock() < self.next_check_at():
            return None
        return self.check()

    def disabled_rules(self) -> list[str]:
        return disabled_rules(self.ctx.paths.data_dir)

    def release_notes(self, version: int) -> str | None:
        for path in (self.activator.staging.folder(version) / "notes.md", self._notes_path(version)):
            try:
                return path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                continue
        return None

    def rule_diff(self, old: int | None, new: int) -> RuleDiff:
        """Added / removed / changed rules from version ``old`` (None: the baseline) to ``new``. Slow (> 50 ms)."""
        staging = self.activator.staging
        if not staging.is_staged(new) or (old is not None and not staging.is_staged(old)):
            raise RingfenceError(translate("Updates", "Only versions that are on this computer can be compared."))
        base = unpacked_bundle(self.ctx, resource_path(*BASELINE_ARCHIVE)) if old is None else staging.folder(old)
        return rule_diff(base, staging.folder(new))

    # -- steps ---------------------------------------------------------------------------------------

    def _refresh(self, config: ChannelConfig, fetcher: RequestsFetcher) -> tuple[Any, RolloutDoc]:
        from app.core.updates.tufclient import ChannelClient

        try:
            client = ChannelClient(config, self.ctx.paths.tuf_dir / config.id, fetcher)
            doc = parse_rollout(client.rollout())
        except tuf_errors.DownloadLengthMismatchError as exc:
            raise _CheckFailedError("refused", translate(
                "Updates", "The update server sent more data than the signed metadata allows (%1).").arg(str(exc))) from exc
        except tuf_errors.DownloadHTTPError as exc:
            raise _CheckFailedError("offline", translate(
                "Updates", "The update server answered HTTP %1; Ringfence keeps its current definitions and tries again "
                "later.").arg(exc.status_code)) from exc
        except tuf_errors.DownloadError as exc:
            raise _CheckFailedError("offline", translate(
                "Updates", "The update server cannot be reached (%1); Ringfence keeps its current definitions and tries "
                "again later.").arg(str(exc))) from exc
        except tuf_errors.RepositoryError as exc:
            raise _CheckFailedError("refused", translate(
                "Updates", "The update failed verification and was refused (%1: %2).").arg(type(exc).__name__, str(exc))) from exc
        except RolloutError as exc:
            raise _CheckFailedError("refused", translate("Updates", "The rollout document was refused: %1").arg(exc.msg)) from exc
        except OSError as exc:
            raise _CheckFailedError("offline", translate("Updates", "The update could not be stored (%1).").arg(str(exc))) from exc
        if doc.channel != config.channel:
            raise _CheckFailedError("refused", translate(
                "Updates", "The rollout document is for channel %1, not %2; it was refused.").arg(doc.channel, config.channel))
        if doc.sequence < self.state.sequence_hwm:
            raise _CheckFailedError("refused", translate(
                "Updates", "The rollout document is older (sequence %1) than one already seen (%2); a replay was "
                "refused.").arg(doc.sequence, self.state.sequence_hwm))
        return client, doc

    def _act(self, doc: RolloutDoc, client: Any, manual: bool) -> CheckResult:
        st = self.state
        reverted = self.activator.enforce(st, doc, client, self._cached_archive_stager(doc, client))
        if doc.halt_active and st.rollout is not None:
            last = history.entries(self.ctx.store, 1)
            if not last or last[0].event != "halted":
                history.record(self.ctx.store, "halted", None, doc.halt_message, when=self.clock())
                events.record(self.ctx.store, "updates.halted", when=self.clock(), message=doc.halt_message or "")
        self.activator.probation_step(st, doc)
        choice = self._choose(doc, manual)
        if choice.version is None:
            if reverted:
                return CheckResult("reverted", reverted, st.active_version)
            return CheckResult(choice.why, self._why_not(choice.why, doc), st.active_version)
        return self._install(doc, choice.version, client)

    def _why_not(self, why: str, doc: RolloutDoc) -> Message | str:
        """Why nothing was installed, as the user should read it."""
        if why == "halted":
            return doc.halt_message or STATE_TEXT["halted"].arg("-")
        if why == "paused":
            until = self.state.paused_until
            return STATE_TEXT["paused"].arg(Moment(until) if until else "-")
        if why == "stopped":
            return translate("Updates", "Automatic updates stopped after Ringfence went back to its built-in definitions; "
                                        "new definitions are installed only when you choose to install them.")
        key = "rolling_out" if why == "delayed" else why
        return STATE_TEXT.get(key, STATE_TEXT["up_to_date"])

    def _install(self, doc: RolloutDoc, version: int, client: Any) -> CheckResult:
        st = self.state
        rel = doc.release(version)
        assert rel is not None
        staging = self.activator.staging
        if not staging.is_staged(version):
            st.operation = {"phase": "downloading", "version": version, "done": 0,
                            "total": int(st.targets.get(rel.target, {}).get("length") or 0), "since": self.clock()}
            self._save()
            try:
                archive = client.fetch(rel.target)
            except (tuf_errors.RepositoryError, tuf_errors.DownloadError, RolloutError, OSError) as exc:
                st.operation = None
                refused = isinstance(exc, (tuf_errors.RepositoryError, tuf_errors.DownloadLengthMismatchError))
                message = (translate("Updates", "Version %1 failed verification and was refused (%2).")
                           .arg(version, type(exc).__name__) if refused else
                           translate("Updates", "Version %1 could not be downloaded (%2); Ringfence tries again later.")
                           .arg(version, str(exc)))
                st.last_error = arg_to_json(message)
                self._save()
                if refused:
                    history.record(self.ctx.store, "refused", version, message, when=self.clock(), code="verification")
                    events.record(self.ctx.store, "updates.rejected", when=self.clock(), version=str(version),
                                  step="verification", reason=message)
                return CheckResult("refused" if refused else "offline", message, st.active_version)
            crashpoints.point("downloaded")
            st.operation = {"phase": "validating", "version": version, "since": self.clock()}
            self._save()
            self._report("validating", 0, 1)
            result = staging.stage(version, archive, self._validate, {})
            self._report("validating", 1, 1)
            if not result.ok:
                return self._rejected(version, refusal(result), result.step)
        reason = translate("Updates", "Version %1 passed validation and its self-test.").arg(version)
        self._report("activating", 0, 1)
        outcome = self.activator.activate(st, version, reason=reason, severity=rel.severity)
        self._report("activating", 1, 1)
        if outcome is not None:
            return self._rejected(version, outcome, "selftest")
        return CheckResult("updated", reason, version)

    def _rejected(self, version: int, reason: Message | str, step: str) -> CheckResult:
        st = self.state
        st.operation = None
        st.rejected[str(version)] = arg_to_json(reason)
        self._save()
        history.record(self.ctx.store, "rejected", version, reason, when=self.clock(), code=step)
        events.record(self.ctx.store, "updates.rejected", when=self.clock(), version=str(version), step=step, reason=reason)
        return CheckResult("rejected", reason, st.active_version)

    def _report(self, phase: str, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress(phase, done, total)

    def _download_progress(self, url: str, done: int) -> None:
        op = self.state.operation
        if op and op.get("phase") == "downloading" and "/content/" in url:
            op["done"] = done
            if self.progress is not None:
                self.progress("downloading", done, int(op.get("total") or 0))

    def _notes_path(self, version: int) -> Path:
        return self.ctx.paths.data_dir / "updates" / "notes" / f"{version}.md"

    def _fetch_notes(self, client: Any, doc: RolloutDoc) -> None:
        for rel in sorted(doc.releases, key=lambda r: -r.version)[:3]:
            path = self._notes_path(rel.version)
            if rel.notes and not path.exists():
                try:
                    atomic_write_bytes(path, client.fetch(rel.notes).read_bytes(), mode=0o644)
                except (tuf_errors.RepositoryError, tuf_errors.DownloadError, RolloutError, OSError) as exc:
                    log.info("release notes of %s not available (%s)", rel.version, exc)

    def _cached_archive_stager(self, doc: RolloutDoc, client: Any = None) -> Callable[[int], bool]:
        """Stage a version for a rollback: from an already downloaded archive (works offline), verified
        against the length and sha256 recorded from signed metadata, else downloaded when online."""
        def stage(version: int) -> bool:
            if self._stage_cached(doc, version):
                return True
            rel = doc.release(version)
            if client is None or rel is None:
                return False
            try:
                archive = client.fetch(rel.target)
            except (tuf_errors.RepositoryError, tuf_errors.DownloadError, RolloutError, OSError) as exc:
                log.warning("rollback target %s not available (%s)", version, exc)
                return False
            result = self.activator.staging.stage(version, archive, self._validate, {})
            if not result.ok:
                self._rejected(version, refusal(result), result.step)
            return result.ok
        return stage

    def _stage_cached(self, doc: RolloutDoc, version: int) -> bool:
        config = load_channel(self.ctx.paths.config_dir)
        rel = doc.release(version)
        if config is None or rel is None:
            return False
        info = self.state.targets.get(rel.target) or {}
        path = self.ctx.paths.tuf_dir / config.id / "targets" / quote(rel.target, "")
        try:
            if path.stat().st_size != info.get("length") or sha256_file(path) != info.get("sha256"):
                return False
        except OSError:
            return False
        return self.activator.staging.stage(version, path, self._validate, {}).ok


class _CheckFailedError(Exception):
    def __init__(self, outcome: str, message: Message) -> None:
        super().__init__(render(message))
        self.outcome, self.message = outcome, message

