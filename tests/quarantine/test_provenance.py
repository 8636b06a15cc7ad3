"""A quarantined detection keeps its rule's provenance (issue #18); items from before it still read; the
false-positive report names the detection and the file's hash and size, never the file, its name or path."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.core import quarantine as q
from app.core.context import Context
from app.core.foundation.store import Schema, Store
from app.core.quarantine.vault import SCHEMA, Item, Vault
from tests.conftest import run_cli
from tests.quarantine.conftest import make_file, scanned

pytestmark = pytest.mark.usefixtures("secret_service")
PROVENANCE = {"category": "pua", "source": "testset-b", "author": "Jane Example (Example Labs)", "licence": "DRL-1.1",
              "reference": "https://example.org/rules/pua-tool"}


def _quarantined(ctx: Context, path: Path) -> str:
    digest, stat_key = scanned(path)
    outcome = q.quarantine_file(ctx, path, rule="RF_Test_PUA_Tool", engine="yara", definitions_version="2026.12.1",
                                sha256=digest, scanned_stat=stat_key, provenance=PROVENANCE)
    assert outcome.item_id
    return outcome.item_id


def test_the_blob_records_the_provenance_and_the_index_is_rebuilt_with_it(ctx: Context, tmp_path: Path) -> None:
    item_id = _quarantined(ctx, make_file(tmp_path / "tools" / "scanner-tool.exe", b"MZ a tool"))
    item = q.get_item(ctx, item_id)
    assert {k: getattr(item, k) for k in PROVENANCE} == PROVENANCE
    assert {k: item.metadata()[k] for k in PROVENANCE} == PROVENANCE
    ctx.store.conn.execute("DELETE FROM quarantine_items")
    q.reindex(ctx)
    assert {k: getattr(q.get_item(ctx, item_id), k) for k in PROVENANCE} == PROVENANCE


def test_an_item_from_before_provenance_reads_as_a_threat_of_unknown_source(rf_home: Path, tmp_path: Path) -> None:
    item = Item(id="00112233aabbccdd", original_path="/old/file.exe", size=3, sha256="ab" * 32, mode=0o644, uid=None,
                gid=None, atime_ns=1, mtime_ns=1, rule="Old_Rule", engine="yara", definitions_version="1",
                scan_id=None, quarantined_at=1.0, status="quarantined", status_at=1.0)
    old_metadata = {k: v for k, v in item.metadata().items() if k not in PROVENANCE}
    restored = Item.from_metadata(old_metadata, status="quarantined", status_at=1.0)
    assert (restored.category, restored.source, restored.author) == ("threat", "", "")
    # an index written before the provenance columns existed
    with Context.open() as ctx:
        path = ctx.paths.state_db
    store = Store(path)
    store.ensure(Schema("quarantine", SCHEMA.migrations[:1]))
    row = {k: v for k, v in item.to_row().items() if k not in PROVENANCE}
    store.conn.execute(f"INSERT INTO quarantine_items ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
                       tuple(row.values()))
    store.close()
    with Context.open() as ctx:
        old = Vault(ctx).get(item.id)
    assert old is not None and (old.rule, old.category, old.licence) == ("Old_Rule", "threat", "")


def test_report_fp_writes_the_detection_and_hash_never_the_file_name_or_path(ctx: Context, tmp_path: Path) -> None:
    original = make_file(tmp_path / "private-folder" / "my-own-scanner.exe", b"MZ my own tool, not malware")
    item_id = _quarantined(ctx, original)
    out = tmp_path / "reports"
    out.mkdir()
    result = run_cli("quarantine", "report-fp", item_id[:8], "--output", str(out))
    assert result.returncode == 0, result.stderr
    assert f"ringfence quarantine restore {item_id} --allow" in result.stdout
    (written,) = out.iterdir()
    raw = written.read_text(encoding="utf-8")
    report = json.loads(raw)
    assert report["report"] == "ringfence-false-positive"
    assert {k: report[k] for k in PROVENANCE} == PROVENANCE
    assert (report["rule"], report["definitions_version"]) == ("RF_Test_PUA_Tool", "2026.12.1")
    assert report["file"] == {"sha256": q.get_item(ctx, item_id).sha256, "size": len(b"MZ my own tool, not malware")}
    for private in ("my-own-scanner", "private-folder", str(tmp_path), ".exe"):
        assert private not in raw and private not in written.name
    as_json = run_cli("quarantine", "report-fp", item_id, "--output", str(out / "chosen.json"), "--json")
    assert as_json.returncode == 0, as_json.stderr
    assert json.loads(as_json.stdout)["saved_to"] == str(out / "chosen.json")
    assert json.loads((out / "chosen.json").read_text(encoding="utf-8"))["file"] == report["file"]
