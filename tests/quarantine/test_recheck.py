"""Re-check after a definitions change, with a real YARA rule compiled by yara-python."""

from __future__ import annotations

from pathlib import Path

import yara

from app.core import quarantine as q
from app.core.context import Context
from tests.quarantine.conftest import make_file, quarantine

RULES_V1 = """
rule Evil_Marker { strings: $a = "EVIL-MARKER-1" condition: $a }
rule Noisy_Rule { strings: $a = "harmless text" condition: $a }
"""
RULES_V2 = """
rule Evil_Marker { strings: $a = "EVIL-MARKER-1" condition: $a }
"""


def scanner(source: str):  # -> ScanBytes
    rules = yara.compile(source=source)

    def scan_bytes(name: str, data: bytes) -> list[str]:
        del name
        return [match.rule for match in rules.match(data=data)]

    return scan_bytes


def test_items_no_longer_detected_are_flagged_not_restored(ctx: Context, tmp_path: Path) -> None:
    evil = make_file(tmp_path / "evil.bin", b"xx EVIL-MARKER-1 xx")
    innocent = make_file(tmp_path / "notes.txt", b"some harmless text")
    scan_v1 = scanner(RULES_V1)
    assert scan_v1("evil.bin", evil.read_bytes()) == ["Evil_Marker"]
    assert scan_v1("notes.txt", innocent.read_bytes()) == ["Noisy_Rule"]
    evil_id = quarantine(ctx, evil, rule="Evil_Marker", version="v1").item_id
    innocent_id = quarantine(ctx, innocent, rule="Noisy_Rule", version="v1").item_id

    report = q.recheck(ctx, scanner(RULES_V2), "v2")
    assert report.still_detected == [evil_id]
    assert report.no_longer_detected == [innocent_id]
    assert q.get_item(ctx, innocent_id).status == "no_longer_detected"
    assert q.get_item(ctx, innocent_id).recheck_version == "v2"
    assert q.get_item(ctx, evil_id).status == "quarantined"
    assert not innocent.exists() and not evil.exists()  # offered for restore, never restored silently
    assert q.summary(ctx).no_longer_detected == 1
    assert {i.id for i in q.list_items(ctx)} == {evil_id, innocent_id}

    # definitions that detect it again put it back to "quarantined"
    report = q.recheck(ctx, scan_v1, "v3")
    assert sorted(report.still_detected) == sorted([evil_id, innocent_id])
    assert q.get_item(ctx, innocent_id).status == "quarantined"

    # and a no-longer-detected item restores normally when the user says so
    q.recheck(ctx, scanner(RULES_V2), "v4")
    assert q.restore(ctx, innocent_id).action == "restored"
    assert innocent.read_bytes() == b"some harmless text"


def test_recheck_reports_a_damaged_item_instead_of_clearing_it(ctx: Context, tmp_path: Path) -> None:
    from app.core.quarantine.vault import Vault

    item_id = quarantine(ctx, make_file(tmp_path / "x.bin", b"EVIL-MARKER-1")).item_id
    assert item_id
    blob = Vault(ctx).blob_path(item_id)
    blob.write_bytes(blob.read_bytes()[:-1])
    report = q.recheck(ctx, scanner(RULES_V2), "v2")
    assert "does not authenticate" in report.errors[item_id]
    assert q.get_item(ctx, item_id).status == "quarantined"


def test_recheck_of_an_empty_quarantine_needs_no_key(ctx: Context) -> None:
    report = q.recheck(ctx, scanner(RULES_V2), "v2")
    assert report.still_detected == [] and report.no_longer_detected == []
