"""The five rollout drills of reference §7.9–7.10, end to end: the real publisher signs, a real HTTP
channel serves, real clients validate, activate, crash, revert and report through the real beacon,
the real collector counts, and the promotion gates decide."""

from __future__ import annotations

import json
import os
import shutil
import signal
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from app.channel import publisher
from app.channel.collector.storage import Limits
from app.core.beacon.build import day_of
from app.core.foundation.errors import EngineError
from app.core.quarantine import get_item, protected, quarantine_file
from app.core.quarantine.restoring import restore_version
from app.core.scanning.definitions import active
from app.core.scanning.engine_selftest import selftest_request
from app.core.scanning.runs import run_scan
from app.core.scanning.supervisor import Supervisor
from app.engine.bundle import build_bundle
from app.engine.hashing import sha256_file
from tests.drills.conftest import Client, Fleet
from tests.updates.conftest import EICAR_RULE, MARKER_RULE

DAY = 86400.0


def beacons(fleet: Fleet) -> list[dict[str, Any]]:
    return [json.loads(b) for b in fleet.collector.bodies]


def states(fleet: Fleet, name: str) -> list[tuple[int | None, str]]:
    return [(b["event"]["version"], b["event"]["code"]) for b in beacons(fleet)
            if b["kind"] == "state" and b["event"]["name"] == name]


def on_v1(fleet: Fleet, canaries: int, others: int) -> list[Client]:
    fleet.release("v1", 10_000)
    clients = [fleet.client(canary=i < canaries) for i in range(canaries + others)]
    for c in clients:
        assert c.check() == "updated"
        c.service.state.known_good = [1]
        c.service._save()
    fleet.report()  # the gates weigh established installs: seen before the next release starts
    time.sleep(1.01 - time.time() % 1)  # a release's start is recorded in whole seconds: start it in the next one
    return clients


def test_contract_breaking_content_is_rejected_in_the_sandbox_and_halted(fleet: Fleet, drill_report: dict) -> None:
    clients = on_v1(fleet, canaries=3, others=1)
    fleet.force_release("counts", 4, exposure=10)  # declares 21 rules, holds 20: the July 2024 shape
    outcomes = [c.check() for c in clients]
    assert outcomes == ["rejected", "rejected", "rejected", "rolling_out"]
    assert all(c.service.state.active_version == 1 for c in clients)  # never activated
    fleet.report()
    rejected = states(fleet, "rejected")
    assert len(rejected) == 3 and {v for v, _ in rejected} == {4}
    (step,) = {code for _, code in rejected}
    assert step == "compile"  # the count of compiled rules is checked against the manifest
    decision = fleet.promote()
    doc = publisher.current(fleet.repo)
    assert decision.action == "halt" and doc.halt_active and doc.release(4).exposure == 10
    assert "rejection rate 100.00 %: 3 of 3 installs rejected it at validation (compile 3)" in doc.halt_message
    drill_report.update(scenario="Contract-breaking content (declared 21 rules, 20 present)",
                        injected="a bundle whose manifest count disagrees with its rules, published at 10 buckets "
                                 "without the publisher's checks",
                        clients=len(clients), outcome=f"rejected at validation step '{step}' on all 3 canaries, never "
                                                      f"activated; the gate halted it at 10 buckets: {doc.halt_message}")


def os_fp_bundle(base: Path) -> Path:
    rules = base / "rules-os-fp"
    rules.mkdir()
    (rules / "eicar.yar").write_text(EICAR_RULE, encoding="utf-8")
    (rules / "marker.yar").write_text(MARKER_RULE, encoding="utf-8")
    (rules / "fp.yar").write_text('rule Drill_Flags_System_Tools {\n  strings: $s = "GNU coreutils"\n  condition: $s\n}\n',
                                  encoding="utf-8")
    return build_bundle(rules, base / "defs-5.tar.gz", 5, rule_count=3)


def test_content_flagging_system_files_is_reverted_and_halted(fleet: Fleet, drill_report: dict, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    clients = on_v1(fleet, canaries=2, others=1)
    fleet.material.bundles["os-fp"] = os_fp_bundle(fleet.base)
    fleet.release("os-fp", 10)
    assert [c.check() for c in clients] == ["updated", "updated", "rolling_out"]
    # Copies of real system tools in a temporary system folder: if the protection ever broke, the scan
    # would move these copies, never the machine's own programs.
    system = tmp_path / "system" / "bin"
    system.mkdir(parents=True)
    monkeypatch.setattr(protected, "POSIX_SYSTEM_DIRS", (str(tmp_path / "system"),))
    system_files = [str(shutil.copy2(shutil.which(tool) or f"/usr/bin/{tool}", system / tool)) for tool in ("ls", "cat", "cp")]
    for n, canary in enumerate(clients[:2], start=1):
        report = run_scan(canary.ctx, "custom", system_files, active(canary.ctx), jobs=1)
        assert {d["rule"] for d in report.outcome.detections} == {"Drill_Flags_System_Tools"}
        assert all(os.path.exists(p) for p in system_files)  # protected: reported, never quarantined
        canary.service.startup()
        assert canary.service.state.active_version == 1
        fleet.report()
        assert states(fleet, "reverted") == [(5, "protected_files")] * n
        decision = fleet.promote()
        if n == 1:  # one install's report: paused, the vendor alerted; corroboration is needed to halt
            assert decision.action == "pause" and decision.alerts and not publisher.current(fleet.repo).halt_active
    raw = fleet.collector.raw()
    assert str(system).encode() not in raw and b"coreutils" not in raw and b"Drill_Flags" not in raw
    doc = publisher.current(fleet.repo)
    assert decision.action == "halt" and doc.halt_active and doc.release(5).exposure == 10
    assert "protected files flagged, on 2 installs" in doc.halt_message
    drill_report.update(scenario="Content that flags operating-system files (McAfee DAT 5958 shape)",
                        injected="a rule matching the system tools ls, cat and cp, released at 10 buckets; two canaries scan them",
                        clients=len(clients), outcome="the files stayed in place (report-only), each canary reverted to "
                                                      "version 1 (trigger protected_files); after the first report the "
                                                      "gate paused and alerted the vendor, after the second (corroborated) "
                                                      f"it halted: {doc.halt_message}")


def crash_loop(client: Client, max_app_starts: int = 3) -> tuple[int, int]:
    """Content that kills the real engine worker at every start: each app start runs one engine request
    (the supervisor restarts a dead worker once) and then the probation check, as the console does.
    Returns (app starts, worker crashes) when the client reverted."""
    crashes = 0
    for app_start in range(1, max_app_starts + 1):
        defs = active(client.ctx)
        sup = Supervisor(client.ctx)
        sup.on_worker_started = lambda pid: os.kill(pid, signal.SIGKILL)
        try:
            sup.request(selftest_request(client.ctx, defs), "selftest", defs.version)
        except EngineError:
            crashes += 2
        finally:
            sup.close()
        client.service.startup()
        if client.service.state.active_version != 2:
            return app_start, crashes
    raise AssertionError(f"{client.name} still runs version 2 after {max_app_starts} app starts")


def test_an_engine_crash_loop_reverts_clients_and_halts_before_one_percent(fleet: Fleet, drill_report: dict) -> None:
    clients = on_v1(fleet, canaries=3, others=1)
    for i in range(25):  # control group: the rest of the fleet on version 1, reporting its days
        fleet.collector.store.ingest({"schema": 1, "id": f"{i:032x}", "install": f"c{i:031x}", "sent_at": int(time.time()),
                                     "ring": "default", "decile": 5, "app": "0.1.0", "engine": "1.0", "content": 1,
                                     "kind": "counters", "counters": {
                                         "day": day_of(time.time()), "version": 1, "starts": 2, "crashes": 0, "hangs": 0,
                                         "scans": 1, "files": 10, "scan_errors": 0, "protected_hits": 0,
                                         "detections": 0, "detections_by_hour": [0] * 24}}, time.time(), Limits())
    fleet.release("v2", 10)
    assert [c.check() for c in clients] == ["updated", "updated", "updated", "rolling_out"]
    restarts = [crash_loop(c) for c in clients[:3]]
    assert all(c.service.state.active_version == 1 for c in clients[:3])
    assert all(starts <= 3 for starts, _ in restarts)
    assert clients[3].service.state.active_version == 1
    fleet.report()
    assert states(fleet, "reverted") == [(2, "crash_streak")] * 3
    decision = fleet.promote()
    doc = publisher.current(fleet.repo)
    assert decision.action == "halt" and doc.release(2).exposure == 10  # halted at the canary, before 1 % (100)
    assert "revert rate 100.00 %: 3 of 3 installs reverted (crash_streak 3)" in doc.halt_message
    drill_report.update(scenario="Engine crash loop after activation (Channel File 291 shape)",
                        injected="version 2 at 10 buckets; the engine worker SIGKILLed at each start on 3 canaries",
                        clients=len(clients), outcome=f"each canary reverted to version 1 at app start {max(s for s, _ in restarts)} "
                                                      f"(after {max(c for _, c in restarts)} worker crashes); "
                                                      f"exposure stayed at 10 buckets (0.1 %); the gate halted: {doc.halt_message}")


def test_vendor_halt_and_revoke_mid_rollout(fleet: Fleet, drill_report: dict, tmp_path: Path) -> None:
    clients = on_v1(fleet, canaries=1, others=1)
    canary, other = clients
    fleet.release("v2", 10)
    assert canary.check() == "updated" and other.check() == "rolling_out"
    sample = tmp_path / "files" / "report.txt"
    sample.parent.mkdir()
    sample.write_bytes(b"text RINGFENCE-EXTRA-91c2 text\n")  # only version 2's extra rule flags it
    found = run_scan(canary.ctx, "custom", [str(sample.parent)], active(canary.ctx), jobs=1).outcome.detections
    assert [d["rule"] for d in found] == ["Ringfence_Test_Extra"]
    st = sample.stat()
    item = quarantine_file(canary.ctx, sample, rule="Ringfence_Test_Extra", engine="yara", definitions_version="2",
                           sha256=sha256_file(sample), scanned_stat=(st.st_size, st.st_mtime_ns, st.st_ino)).item_id
    assert not sample.exists()
    publisher.halt(fleet.repo, "Investigating reports about version 2")
    assert other.check() == "halted" and other.service.state.active_version == 1
    publisher.revoke(fleet.repo, 2, "False positives on text files")
    assert canary.check() == "reverted" and canary.service.state.active_version == 1
    assert get_item(canary.ctx, item).status == "no_longer_detected"  # offered for restore, never restored silently
    assert not sample.exists()
    restored = restore_version(canary.ctx, "2")
    assert [r.action for r in restored] == ["restored"] and sample.exists()
    fleet.report()
    assert states(fleet, "revoked") == [(2, "revoked")]
    assert fleet.collector.store.release_stats(2).withdrawn == 1
    drill_report.update(scenario="Vendor halt and revoke mid-rollout",
                        injected="version 2 at 10 buckets quarantines a file on a canary; the vendor halts, then revokes 2",
                        clients=len(clients), outcome="the canary went back to version 1 at its next check, the item "
                                                      "version 2 quarantined was offered for restore and restored; the "
                                                      "other client never took version 2")


def test_a_compromised_mirror_is_refused_and_the_last_good_stays(fleet: Fleet, drill_report: dict) -> None:
    (client,) = on_v1(fleet, canaries=1, others=0)
    old_timestamp = (fleet.repo.metadata_dir / "timestamp.json").read_bytes()
    fleet.release("v2", 10_000)
    fleet.server.faults["/content/"] = ("tamper",)
    assert client.check() == "refused" and client.service.state.active_version == 1
    del fleet.server.faults["/content/"]
    fleet.server.faults["timestamp.json"] = ("replace", old_timestamp)  # replayed metadata
    assert client.check() == "refused" and client.service.state.active_version == 1
    del fleet.server.faults["timestamp.json"]
    assert client.check() == "updated" and client.service.state.active_version == 2
    # a mirror frozen in time: it keeps serving metadata whose expiry has passed (4 days later)
    fleet.release("v3", 10_000)
    fleet.repo.resign_timestamp(expires=datetime.now(UTC) - timedelta(hours=1))
    fleet.clock.advance(4 * DAY)
    assert client.check() == "refused" and client.service.state.active_version == 2
    status = client.service.status()
    assert status.freshness == "out_of_date" and status.out_of_date_since is not None
    fleet.report()
    assert [code for _, code in states(fleet, "refused")] == ["verification"] * 3
    drill_report.update(scenario="Compromised mirror",
                        injected="a tampered bundle, a replayed older timestamp, then metadata frozen past its expiry for 4 days",
                        clients=1, outcome="all three refused by TUF verification, the last good version stayed active, "
                                           "and the status says out of date since the last verified check")
