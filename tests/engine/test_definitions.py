"""The definitions loader refuses bad bundles with one clear message; the previous ones keep working."""

from __future__ import annotations

import io
import json
import tarfile
from pathlib import Path

import pytest

from app.engine.bundle import BundleError, build_bundle, extract_bundle, load_definitions
from app.engine.rules import compile_definitions
from scripts.build_baseline import build as build_baseline
from tests.conftest import ROOT, run_cli
from tests.engine.helpers import EICAR, pairs, scan_json, write

GOOD_RULE = 'rule Eicar { strings: $e = "EICAR-STANDARD-ANTIVIRUS-TEST-FILE" condition: $e }\n'


def bundle(tmp_path: Path, rules: dict[str, str], **kw) -> Path:
    folder = tmp_path / "src"
    for name, text in rules.items():
        write(folder / name, text)
    kw.setdefault("rule_count", 1)
    return build_bundle(folder, tmp_path / "defs.tar.gz", 7, **kw)


def raw_tar(path: Path, members: list[tuple[tarfile.TarInfo, bytes]]) -> Path:
    with tarfile.open(path, "w:gz") as tar:
        for info, data in members:
            tar.addfile(info, io.BytesIO(data) if info.isfile() else None)
    return path


def member(name: str, data: bytes = b"", kind: bytes = tarfile.REGTYPE, link: str = "") -> tuple[tarfile.TarInfo, bytes]:
    info = tarfile.TarInfo(name)
    info.type, info.size, info.linkname = kind, len(data) if kind == tarfile.REGTYPE else 0, link
    return info, data


def load(tmp_path: Path, archive: Path):
    dest = tmp_path / f"out-{len(list(tmp_path.glob('out-*')))}"
    extract_bundle(archive, dest)
    defs = load_definitions(dest)
    compile_definitions(defs)
    return defs


def test_a_good_bundle_loads(tmp_path: Path) -> None:
    defs = load(tmp_path, bundle(tmp_path, {"eicar.yar": GOOD_RULE}, hashes={"a" * 64: "Test.Hash"}))
    assert defs.version == "7" and defs.hashes == {"a" * 64: "Test.Hash"}


@pytest.mark.parametrize(("members", "message"), [
    ([member("/etc/evil.yar", b"x")], "absolute path"),
    ([member("rules/../../evil.yar", b"x")], "leaves its folder"),
    ([member("rules/link.yar", kind=tarfile.SYMTYPE, link="/etc/passwd")], "link"),
    ([member("rules/hard.yar", kind=tarfile.LNKTYPE, link="content.json")], "link"),
    ([member("rules/dev", kind=tarfile.CHRTYPE)], "special file"),
    ([member("payload.exe", b"MZ")], "unexpected file"),
])
def test_unsafe_archives_are_refused(tmp_path: Path, members, message: str) -> None:
    with pytest.raises(BundleError, match=message):
        extract_bundle(raw_tar(tmp_path / "bad.tar.gz", members), tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_too_many_files_and_damaged_archives_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("app.engine.bundle.MAX_MEMBERS", 5)
    with pytest.raises(BundleError, match="too many files"):
        extract_bundle(raw_tar(tmp_path / "many.tar.gz", [member(f"rules/r{i}.yar", b"x") for i in range(6)]),
                       tmp_path / "out")
    good = bundle(tmp_path, {"eicar.yar": GOOD_RULE})
    (tmp_path / "cut.tar.gz").write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    with pytest.raises(BundleError, match="damaged or unreadable"):
        extract_bundle(tmp_path / "cut.tar.gz", tmp_path / "out2")


def test_declared_counts_must_match_the_content(tmp_path: Path) -> None:
    """The "21 fields vs 20" lesson: a manifest that disagrees with what was parsed is refused."""
    archive = bundle(tmp_path, {"eicar.yar": GOOD_RULE}, rule_count=2)
    with pytest.raises(BundleError, match="declare 2 rules but contain 1"):
        load(tmp_path, archive)
    archive = bundle(tmp_path, {"eicar.yar": GOOD_RULE}, hashes={"b" * 64: "X"}, manifest_overrides={"hash_count": 3})
    with pytest.raises(BundleError, match="declare 3 entries for hash but contain 1"):
        load(tmp_path, archive)


@pytest.mark.parametrize(("overrides", "message"), [
    ({"content_schema": 3}, "content schema 3"),
    ({"version": "seven"}, "integer version"),
    ({"min_engine": "9.0"}, "need engine 9.0"),
])
def test_unknown_schema_and_engine_range_are_refused(tmp_path: Path, overrides, message: str) -> None:
    with pytest.raises(BundleError, match=message):
        load(tmp_path, bundle(tmp_path, {"eicar.yar": GOOD_RULE}, manifest_overrides=overrides))


def test_invalid_yara_hash_lines_and_allow_conflicts_are_refused(tmp_path: Path) -> None:
    with pytest.raises(BundleError, match="does not compile"):
        load(tmp_path, bundle(tmp_path, {"bad.yar": "rule Broken { condition: nonsense_identifier }\n"}))
    with pytest.raises(BundleError, match="known-good"):
        load(tmp_path / "b", bundle(tmp_path / "b", {"eicar.yar": GOOD_RULE}, hashes={"c" * 64: "X"},
                                    allow={"c" * 64: "notepad.exe"}))
    archive = bundle(tmp_path / "c", {"eicar.yar": GOOD_RULE})
    dest = tmp_path / "c" / "out"
    extract_bundle(archive, dest)
    with open(dest / "rules" / "eicar.rfz", "ab") as sealed:
        sealed.write(b"tampered")
    with pytest.raises(BundleError, match="does not match its manifest"):
        load_definitions(dest)


def test_cli_refuses_bad_definitions_and_keeps_the_previous_ones(tmp_path: Path) -> None:
    write(tmp_path / "scan" / "eicar.com", EICAR)
    broken = bundle(tmp_path / "x", {"eicar.yar": GOOD_RULE}, rule_count=21)
    result = run_cli("scan", str(tmp_path / "scan"), "--definitions", str(broken))
    assert result.returncode == 2
    assert result.stderr.strip() == "ringfence: The definitions declare 21 rules but contain 1; they were refused."
    garbage = write(tmp_path / "garbage.tar.gz", b"\x1f\x8b not really gzip")
    result = run_cli("scan", str(tmp_path / "scan"), "--definitions", str(garbage))
    assert result.returncode == 2 and "damaged or unreadable" in result.stderr
    code, report, _ = scan_json(str(tmp_path / "scan"))  # the active definitions still work
    assert code == 1 and pairs(report) == {("eicar.com", "EICAR_Test_File")}


def test_rules_folder_with_repeated_rule_names_compiles_one_namespace_per_file(tmp_path: Path) -> None:
    write(tmp_path / "rules" / "a.yar", 'rule Same { strings: $a = "alpha-marker" condition: $a }')
    write(tmp_path / "rules" / "sub" / "b.yara", 'rule Same { strings: $b = "beta-marker" condition: $b }')
    write(tmp_path / "scan" / "x.txt", "alpha-marker and beta-marker")
    code, report, _ = scan_json(str(tmp_path / "scan"), "--definitions", str(tmp_path / "rules"))
    assert code == 1
    assert sorted(d["namespace"] for d in report["detections"]) == ["a", "sub/b"]


def test_shipped_baseline_is_fresh_and_passes_its_selftest(tmp_path: Path) -> None:
    fresh = build_baseline(tmp_path / "baseline.tar.gz")
    assert fresh.read_bytes() == (ROOT / "resources" / "definitions" / "baseline.tar.gz").read_bytes(), (
        "resources/definitions/baseline.tar.gz is stale: run scripts/build_baseline.py")
    result = run_cli("selftest", "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["ok"] and report["rule_count"] >= 5000  # the public rule sets and our own
    assert {c["check"] for c in report["checks"] if c["ok"]} >= {"eicar", "clean-corpus",
                                                                  "golden:Ringfence_Office_AutoRun_Macro"}


def test_same_file_rule_pairs_as_the_yara_cli(tmp_path: Path) -> None:
    import shutil
    import subprocess

    from tests.engine.parity_corpus import RULES, make_corpus

    if not shutil.which("yara"):
        pytest.skip("the yara command line tool is not installed (scripts/setup installs it)")
    make_corpus(tmp_path / "corpus")
    write(tmp_path / "corpus" / "planted" / "eicar.com", EICAR)
    write(tmp_path / "corpus" / "planted" / "notes.txt", b"see: " + EICAR + b" end")
    rules = tmp_path / "rules"
    shutil.copytree(RULES, rules)
    write(rules / "eicar.yar", 'rule SUSP_Test_Eicar { strings: $e = "EICAR-STANDARD-ANTIVIRUS-TEST-FILE" condition: $e }')
    args = [f"{p.stem}:{p}" for p in sorted(rules.glob("*.yar"))]
    yarac_out = tmp_path / "rules.yarc"
    subprocess.run(["yarac", *args, str(yarac_out)], check=True)
    theirs = subprocess.run(["yara", "-r", "-C", str(yarac_out), str(tmp_path / "corpus")], capture_output=True,
                            text=True, check=True).stdout
    their_pairs = {(line.split(" ", 1)[1], line.split(" ", 1)[0]) for line in theirs.splitlines()}
    code, report, stderr = scan_json(str(tmp_path / "corpus"), "--definitions", str(rules), "--no-cache", timeout=300)
    assert code in (0, 1), stderr
    our_pairs = {(d["path"], d["rule"]) for d in report["detections"]}
    assert len(their_pairs) > 400, "the corpus should trigger hundreds of (file, rule) pairs"
    assert len({rule for _, rule in their_pairs}) == 24, "every parity rule (and EICAR) should fire"
    assert our_pairs == their_pairs


def test_a_schema_1_bundle_with_plain_rules_still_loads_and_detects(tmp_path: Path) -> None:
    import hashlib
    import json

    from app.engine.bundle import write_archive
    from app.engine.matcher import Matcher
    from app.engine.rules import compile_definitions

    rule, hashes = GOOD_RULE.encode(), ("b" * 64 + "\tOld.Hash\n").encode()
    files = {"rules/eicar.yar": rule, "hashes/sha256.tsv": hashes, "notes.md": b""}
    manifest = {"content_schema": 1, "version": 3, "rule_count": 1, "hash_count": 1, "files": [
        {"path": name, "sha256": hashlib.sha256(data).hexdigest(), "length": len(data)} for name, data in files.items()]}
    files["content.json"] = json.dumps(manifest).encode()
    dest = tmp_path / "out"
    extract_bundle(write_archive(files, tmp_path / "old.tar.gz"), dest)
    defs = load_definitions(dest)
    assert defs.version == "3" and dict(defs.hashes) == {"b" * 64: "Old.Hash"}
    hits = Matcher(compile_definitions(defs), defs.hashes, set()).match_bytes("eicar.com", EICAR).hits
    assert [(h.rule, h.namespace) for h in hits] == [("Eicar", "eicar")]


def test_a_schema_2_bundle_holds_no_plain_rule_text(tmp_path: Path) -> None:
    import tarfile

    archive = bundle(tmp_path, {"eicar.yar": GOOD_RULE}, hashes={"a" * 64: "Test.Hash"})
    with tarfile.open(archive) as tar:
        names = tar.getnames()
        contents = b"".join(tar.extractfile(m).read() for m in tar.getmembers() if m.isfile())  # type: ignore[union-attr]
    assert "rules/eicar.rfz" in names and not any(n.endswith((".yar", ".yara")) for n in names)
    assert b"EICAR-STANDARD" not in contents and b"condition" not in contents
