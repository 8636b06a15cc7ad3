"""The shipped definitions: real public rule sets, each rule and hash with its provenance and category."""

from __future__ import annotations

import io
import os
import zipfile
from collections import Counter
from pathlib import Path

import pytest

from app.channel.content.policy import ALLOWED_LICENCES, CATEGORIES
from app.engine.bundle import Definitions, build_bundle, extract_bundle, load_definitions
from app.engine.hashset import HashTable
from app.engine.provenance import read_sources
from app.engine.rules import load_or_compile
from tests.conftest import ROOT
from tests.engine.helpers import scan_json, write

BASELINE = ROOT / "resources" / "definitions" / "baseline.tar.gz"
UPSTREAM = {"reversinglabs", "signature-base", "bartblaze"}


@pytest.fixture(scope="module")
def shipped(tmp_path_factory: pytest.TempPathFactory) -> Definitions:
    folder = tmp_path_factory.mktemp("shipped") / "bundle"
    extract_bundle(BASELINE, folder)
    return load_definitions(folder)


def test_the_shipped_definitions_hold_three_public_rule_sets_with_provenance(shipped: Definitions) -> None:
    rules = load_or_compile(shipped, None)
    by_source: Counter[str] = Counter()
    for rule in rules:
        meta = rule.meta
        assert meta.get("rf_licence") in ALLOWED_LICENCES or meta.get("rf_source") == "ringfence", rule.identifier
        assert meta.get("rf_category") in CATEGORIES, rule.identifier
        by_source[str(meta.get("rf_source"))] += 1
        if meta.get("rf_source") == "signature-base" and not rule.is_private:
            assert meta.get("author"), rule.identifier  # DRL 1.1: matches must name the rule's author
    assert sum(by_source.values()) >= 5000 and set(by_source) >= UPSTREAM, by_source
    assert all(by_source[s] >= 90 for s in UPSTREAM)
    assert isinstance(shipped.hashes, HashTable) and len(shipped.hashes) >= 4000
    licences = Counter(shipped.hashes.record(sha).licence for sha in shipped.hashes)  # type: ignore[union-attr]
    assert set(licences) <= set(ALLOWED_LICENCES) and "CC-BY-NC-4.0" not in licences


def test_the_about_data_names_each_source_its_licence_text_commit_and_counts(shipped: Definitions) -> None:
    rules = load_or_compile(shipped, None)
    compiled = Counter(str(r.meta.get("rf_source")) for r in rules)
    sources = {s.id: s for s in read_sources(shipped.root)}
    assert set(sources) == UPSTREAM | {"ringfence"}
    for sid, info in sources.items():
        assert info.rule_count == compiled[sid], sid
        assert info.licence_text().strip(), sid
        assert sum(info.categories.values()) <= info.rule_count
    sig = sources["signature-base"]
    assert sig.licence == "DRL-1.1" and "Detection Rule License" in sig.licence_text()
    assert len(sig.commit) == 40 and sig.url.startswith("https://github.com/Neo23x0/")
    assert sig.categories["pua"] > 0 and sig.categories["suspicious"] > 0 and sig.categories["threat"] > 0
    assert sig.hash_count >= 4000 and set(sig.licence_files()) >= {"DRL-1.1", "GPL-3.0", "BSD-2-Clause"}
    assert read_sources(shipped.root / "rules") == []  # no manifest: no provenance, no error


def test_a_hash_signature_names_its_source_licence_and_category(tmp_path: Path, shipped: Definitions) -> None:
    table = shipped.hashes
    assert isinstance(table, HashTable)
    sha = next(iter(table))
    record = table.record(sha)
    assert record is not None and record.source in UPSTREAM and record.category in CATEGORIES
    assert table.record("0" * 64) is None and "0" * 64 not in table and table.get("zz") is None


def test_lokis_external_variables_work_on_disk_and_inside_archives(tmp_path: Path) -> None:
    program = b"MZ" + b"\0" * 200
    write(tmp_path / "scan" / "readme.txt", program)  # a program cloaked as a text file
    write(tmp_path / "scan" / "invoice.pdf.exe", b"just text, named like a lure\n")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("docs/notes.txt", program)
    write(tmp_path / "scan" / "mail.zip", buffer.getvalue())
    write(tmp_path / "scan" / "plain.txt", b"nothing to see\n")
    code, report, stderr = scan_json(str(tmp_path / "scan"), "--no-cache")
    assert code == 1, stderr
    found = {(Path(d["path"].split("!")[0]).name + ("!" + d["path"].split("!")[1] if "!" in d["path"] else ""),
              d["rule"]) for d in report["detections"]}
    assert ("readme.txt", "EXE_cloaked_as_TXT") in found
    assert ("mail.zip!docs/notes.txt", "EXE_cloaked_as_TXT") in found
    assert ("invoice.pdf.exe", "EXE_extension_cloaking") in found
    assert not any(name == "plain.txt" for name, _ in found)


def test_md5_is_defined_for_rules_that_read_it_also_for_archive_members(tmp_path: Path) -> None:
    import hashlib

    sample = b"a file named by its md5\n"
    write(tmp_path / "rules" / "by_md5.yar",
          f'rule Known_By_Md5 {{ condition: md5 == "{hashlib.md5(sample).hexdigest()}" }}\n')
    write(tmp_path / "scan" / "one.bin", sample)
    write(tmp_path / "scan" / "other.bin", sample + b"changed")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("inner/two.bin", sample)
    write(tmp_path / "scan" / "box.zip", buffer.getvalue())
    bundle = build_bundle(tmp_path / "rules", tmp_path / "md5.tar.gz", 5, rule_count=1)  # bundles open archives
    code, report, stderr = scan_json(str(tmp_path / "scan"), "--no-cache", "--definitions", str(bundle))
    assert code == 1, stderr
    assert sorted(Path(d["path"].replace("!", os.sep)).name for d in report["detections"]) == ["one.bin", "two.bin"]
    assert any(d["path"].endswith("box.zip!inner/two.bin") for d in report["detections"])
    assert all(d["rule"] == "Known_By_Md5" for d in report["detections"])
    assert load_definitions(tmp_path / "rules").uses_md5
    extract_bundle(bundle, tmp_path / "unpacked")
    assert load_definitions(tmp_path / "unpacked").manifest["externals"] == ["md5"]
    assert load_definitions(tmp_path / "unpacked").uses_md5
