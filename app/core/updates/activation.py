"""Acting on decisions: activate a staged version, revert to the last-known-good or the baseline,
honour revocations and ``rollback_to``, run the probation step, and keep the retention set tidy.

Order of every switch: the new worker self-tests the version → the pointer moves atomically →
history → state (atomic). :meth:`Activator.recover` reconciles the state with the pointer after an
interruption, so a crash between any two steps leaves a consistent installation.
"""

from __future__ import annotations

import calendar
import json
import logging
import time
from collections.abc import Callable
from pathlib import Path

from app.core.context import Context
from app.core.foundation import crashpoints
from app.core.foundation.errors import RingfenceError
from app.core.journal import events
from app.core.scanning.definitions import baseline
from app.core.text.messages import Message, arg_to_json, translate
from app.core.updates import update_history as history
from app.core.updates.probation import evaluate
from app.core.updates.refusals import refusal
from app.core.updates.rollout import RolloutDoc
from app.core.updates.sandbox import SandboxResult
from app.core.updates.staging import Staging, pointer_version, switch_pointer
from app.core.updates.state import Probation, UpdateState

log = logging.getLogger(__name__)

KEEP_KNOWN_GOOD = 2


class Activator:
    def __init__(self, ctx: Context, clock: Callable[[], float], save: Callable[[], None],
                 selftest: Callable[[int, Path], SandboxResult],
                 on_switch: Callable[[], object] | None = None) -> None:
        self.ctx, self.clock, self.save, self.selftest = ctx, clock, save, selftest
        self.on_switch = on_switch  # runs after every pointer switch (the quarantine re-check)
        self.staging = Staging(ctx.paths.definitions_dir)

    def recover(self, st: UpdateState) -> None:
        """Sweep leftovers of an interrupted run and adopt what the pointer says is active."""
        self.staging.recover()
        st.operation = None
        on_disk = pointer_version(self.ctx)
        if on_disk != st.active_version:
            now = self.clock()
            log.warning("definitions pointer says %s, update state says %s; following the pointer", on_disk, st.active_version)
            st.active_version, st.activated_at = on_disk, now
            st.probation = Probation(on_disk, now) if on_disk is not None else None
            if on_disk is not None:
                st.version_hwm = max(st.version_hwm, on_disk)
                history.record(self.ctx.store, "activated", on_disk, translate(
                    "Updates", "Version %1 was activated (finished after an interruption).").arg(on_disk), when=now)
        self.save()

    def lkg(self, st: UpdateState, doc: RolloutDoc | None, exclude: set[int]) -> int | None:
        """The newest last-known-good version that may be used, or None for the baseline."""
        for version in st.known_good:
            if version in exclude or str(version) in st.bad or (doc is not None and version in doc.revoked):
                continue
            if self.staging.is_staged(version):
                return version
        return None

    def activate(self, st: UpdateState, version: int, *, reason: Message | str,
                 severity: str = "normal") -> Message | str | None:
        """Self-test ``version`` in a new engine process, then switch to it. Returns a refusal reason or None."""
        st.operation = {"phase": "activating", "version": version, "since": self.clock()}
        self.save()
        result = self.selftest(version, self.staging.folder(version))
        if not result.ok:
            return refusal(result)
        crashpoints.point("selftested")
        switch_pointer(self.ctx, version)
        crashpoints.point("pointer-written")
        now = self.clock()
        history.record(self.ctx.store, "activated", version, reason, when=now)
        events.record(self.ctx.store, "updates.activated", when=now, version=str(version))
        st.active_version, st.activated_at, st.operation, st.rolled_back = version, now, None, None
        st.version_hwm = max(st.version_hwm, version)
        st.probation = Probation(version, now, "activation", severity)
        self.save()
        crashpoints.point("state-saved")
        if self.on_switch is not None:
            self.on_switch()
        return None

    def revert(self, st: UpdateState, to: int | None, event: str, reason: Message | str, *, code: str,
               trigger: str = "") -> None:
        """Switch back to ``to`` (a staged, previously validated version) or the baseline (``None``);
        ``code`` is the journal's event code saying who decided (see :data:`app.core.journal.events.CATALOG`), ``trigger``
        the machine-readable cause kept in the update history for the health beacon."""
        previous, now = st.active_version, self.clock()
        switch_pointer(self.ctx, to)
        if event in ("reverted", "baseline") and previous is not None:
            st.bad[str(previous)] = arg_to_json(reason)
        if event == "baseline":
            st.auto_stopped = True
        st.active_version, st.activated_at, st.operation = to, now, None
        st.probation = Probation(to, now, "revert") if to is not None else None
        stored = reason.to_json() if isinstance(reason, Message) else reason  # code and arguments, not a sentence
        st.rolled_back = {"from": previous, "to": to, "reason": stored, "time": now, "code": code}
        history.record(self.ctx.store, event, previous, reason, when=now, code=trigger)
        extra = {"trigger": reason} if code == "updates.rolled_back" else {"reason": reason}
        events.record(self.ctx.store, code, when=now, version=_label(previous), to_version=_label(to), **extra)
        self.save()
        if self.on_switch is not None:
            self.on_switch()

    def enforce(self, st: UpdateState, doc: RolloutDoc, client: object,
                stage: Callable[[int], bool]) -> Message | None:
        """Revoked active version → last-known-good at once; ``rollback_to`` below the active version → go there."""
        active = st.active_version
        if active is not None and active in doc.revoked:
            target = self.lkg(st, doc, exclude={active})
            if doc.rollback_to is not None and doc.rollback_to < active and (
                    self.staging.is_staged(doc.rollback_to) or stage(doc.rollback_to)):
                target = doc.rollback_to
            reason = translate("Updates", "The vendor withdrew version %1: %2").arg(active, doc.revoked[active])
            self.revert(st, target, "revoked", reason, code="updates.withdrawn", trigger="revoked")
            return reason
        target = doc.rollback_to
        if active is not None and target is not None and target < active and target not in doc.revoked:
            if self.staging.is_staged(target) or stage(target):
                reason = translate("Updates", "The vendor rolled the definitions back from version %1 to version %2.")\
                    .arg(active, target)
                self.revert(st, target, "rolled_back", reason, code="updates.vendor_rollback", trigger="rollback_to")
                return reason
            log.warning("rollback to %s pending: the version is not on disk and cannot be downloaded now", target)
        return None

    def probation_step(self, st: UpdateState, doc: RolloutDoc | None, *, at_start: bool = False) -> None:
        """Decide on the probation of the active version (``at_start``: run by the start-up step)."""
        p = st.probation
        if p is None:
            return
        if p.version != st.active_version:
            st.probation = None
            self.save()
            return
        lkg = self.lkg(st, doc, exclude={p.version})
        decision = evaluate(self.ctx.store, p, lkg, self.clock())
        code = "updates.reverted_at_start" if at_start else "updates.rolled_back"
        if decision.action == "revert" and lkg is not None:
            self.revert(st, lkg, "reverted", decision.reason, code=code, trigger=decision.trigger)
        elif decision.action in ("revert", "baseline"):
            self.revert(st, None, "baseline", decision.reason, code=code, trigger=decision.trigger)
        elif decision.action == "report":
            p.reported_protected = True
            history.record(self.ctx.store, "protected_hit", p.version, decision.reason, when=self.clock(),
                           code="protected_file")
            self.save()
        elif decision.action == "pass":
            st.known_good = [p.version, *[v for v in st.known_good if v != p.version]][:KEEP_KNOWN_GOOD]
            st.probation = None
            history.record(self.ctx.store, "probation_passed", p.version,
                           translate("Updates", "Version %1 ran without problems through its probation.").arg(p.version),
                           when=self.clock())
            events.record(self.ctx.store, "updates.probation_passed", when=self.clock(), version=str(p.version))
            self.save()
            self.collect_garbage(st, doc)

    def collect_garbage(self, st: UpdateState, doc: RolloutDoc | None) -> None:
        """Keep the active version, the last-known-good versions and the rollback target; drop the rest."""
        keep = {v for v in (st.active_version, *st.known_good) if v is not None}
        if doc is not None and doc.rollback_to is not None:
            keep.add(doc.rollback_to)
        newest = max(self.staging.staged_versions(), default=None)
        if newest is not None and st.active_version is not None and newest > st.active_version:
            keep.add(newest)  # staged and waiting for activation
        for version in self.staging.staged_versions():
            if version not in keep:
                self.staging.remove(version)

    def definitions_created(self, st: UpdateState) -> float | None:
        """When the active definitions were built (for "out of date" before any successful check)."""
        try:
            if st.active_version is not None:
                manifest = json.loads((self.staging.folder(st.active_version) / "content.json").read_text(encoding="utf-8"))
            else:
                manifest = baseline(self.ctx).manifest
            return float(calendar.timegm(time.strptime(str(manifest.get("created")), "%Y-%m-%dT%H:%M:%SZ")))
        except (OSError, ValueError, TypeError, RingfenceError):
            return None


def _label(version: int | None) -> str | Message:
    """A version for an event's arguments: its number, or the baseline as a message."""
    return translate("Events", "the built-in baseline definitions") if version is None else str(version)
