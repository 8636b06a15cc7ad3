"""The update channel as scans see it: disabled rules are honoured, and every definitions switch
re-checks the quarantine (real channel on 127.0.0.1, real engine worker, real vault)."""

from __future__ import annotations

from pathlib import Path

from app.channel import publisher
from app.core.quarantine import get_item, list_items, quarantine_file
from app.core.scanning import definitions
from app.core.scanning.runs import run_scan
from app.engine.hashing import sha256_file
from tests.updates.conftest import MARKER, Setup


def _scan(setup: Setup, folder: Path) -> set[str]:
    report = run_scan(setup.ctx, "custom", [str(folder)], definitions.active(setup.ctx), jobs=1)  # with the cache
    return {d["rule"] for d in report.outcome.detections}


def test_a_rule_the_vendor_disables_stops_firing(setup: Setup, tmp_path: Path) -> None:
    sample = tmp_path / "files" / "marked.txt"
    sample.parent.mkdir()
    sample.write_bytes(b"text with " + MARKER + b" in it\n")
    setup.release("v1")
    setup.service.check()
    assert _scan(setup, sample.parent) == {"Ringfence_Test_Marker"}
    publisher.disable_rule(setup.repo, "marker:Ringfence_Test_Marker")
    setup.service.check()
    assert _scan(setup, sample.parent) == set()


def test_activation_rechecks_the_quarantine(setup: Setup, tmp_path: Path) -> None:
    # quarantined by the baseline's double-extension rule, which the channel's version 1 does not have
    lure = tmp_path / "files" / "photo.jpg.vbs"
    lure.parent.mkdir()
    lure.write_bytes(b'WScript.Echo "hello"\r\n')
    st = lure.stat()
    outcome = quarantine_file(setup.ctx, lure, rule="Ringfence_Double_Extension_Script", engine="yara",
                              definitions_version="1", sha256=sha256_file(lure),
                              scanned_stat=(st.st_size, st.st_mtime_ns, st.st_ino))
    assert outcome.action == "quarantined"
    setup.release("v1")
    setup.service.check()
    item = get_item(setup.ctx, outcome.item_id)
    assert item.status == "no_longer_detected"
    assert not lure.exists(), "a re-check never restores by itself"
    assert [i.id for i in list_items(setup.ctx)] == [outcome.item_id]
