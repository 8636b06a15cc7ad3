"""Rules split by file type find exactly what the whole rule set finds.

The corpus: real executables (tests/fixtures/partition), the shipped definitions' golden samples, the
event logs in tests/fixtures/evtx, and files built from the shipped rules' own text strings behind the
heads of PE, ELF, Mach-O, PDF, OLE, zip, script and plain text files, some of them inside a zip. Every
file is matched by the whole compiled set and by the split sets, through the real matcher.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
from pathlib import Path

import pytest

from app.engine import partition
from app.engine.bundle import Definitions, extract_bundle, load_definitions, load_rules_folder, read_rule_source
from app.engine.matcher import Matcher
from app.engine.rules import Partitioned, compile_definitions, compile_partitions, load_or_compile_partitions
from app.engine.sealed import pack, unpack
from tests.conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures"
SHIPPED = ROOT / "resources" / "definitions" / "baseline.tar.gz"


def _pe_head() -> bytes:
    head = bytearray(0x100)
    head[0:2] = b"MZ"
    head[0x3C:0x40] = struct.pack("<I", 0x80)
    head[0x80:0x84] = b"PE\0\0"
    head[0x84:0x86] = struct.pack("<H", 0x14C)  # i386
    return bytes(head)


HEADS = {
    "pe": _pe_head(),
    "elf": b"\x7fELF\x02\x01\x01" + bytes(57),
    "macho": b"\xcf\xfa\xed\xfe" + bytes(28),
    "pdf": b"%PDF-1.7\n",
    "ole": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(24),
    "script": b"#!/bin/sh\n",
    "php": b"<?php\n",
    "text": b"",
}
SIZED_UP_TO = 1024 * 1024 + 4096  # sized files cross every class boundary, none larger than this
_ESCAPE = re.compile(rb"\\(x[0-9A-Fa-f]{2}|.)")


def _literal(token: str) -> bytes:
    def one(found: re.Match[bytes]) -> bytes:
        code = found.group(1)
        return bytes([int(code[1:], 16)]) if code[:1] == b"x" else {b"n": b"\n", b"t": b"\t", b"r": b"\r"}.get(code, code)
    return _ESCAPE.sub(one, token[1:-1].encode("utf-8", "surrogateescape"))


def _text_strings(rule: partition.Rule) -> list[bytes]:
    """The rule's text strings as they would appear in a file (wide ones in UTF-16)."""
    toks = [tok for tok, _, _ in partition.tokens(rule.text)]
    found = []
    for index in range(len(toks) - 2):
        if toks[index].startswith("$") and toks[index + 1] == "=" and toks[index + 2].startswith('"'):
            modifiers = set()
            for tok in toks[index + 3:]:
                if tok.startswith("$") or tok == "condition":
                    break
                modifiers.add(tok)
            if modifiers & {"xor", "base64", "base64wide"}:
                continue
            text = _literal(toks[index + 2])
            found.append(text.decode("latin-1").encode("utf-16-le") if "wide" in modifiers and "ascii" not in modifiers
                         else text)
    return found


@pytest.fixture(scope="module")
def shipped(tmp_path_factory: pytest.TempPathFactory) -> tuple[Matcher, Matcher, dict[str, partition.Source], Definitions]:
    dest = tmp_path_factory.mktemp("shipped") / "defs"
    extract_bundle(SHIPPED, dest)
    defs = load_definitions(dest)
    sources = {ns: partition.split_source(read_rule_source(p).decode("utf-8", "replace"))
               for ns, p in defs.rule_files.items()}
    partition.assign(sources)
    whole = Matcher(compile_definitions(defs), {}, set(), uses_md5=defs.uses_md5)
    parted = compile_partitions(defs)
    assert len(parted.sets) > 2, "the shipped rules should split into several sets"
    return whole, Matcher(parted, {}, set(), uses_md5=defs.uses_md5), sources, defs


def _corpus(sources: dict[str, partition.Source]) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    for path in sorted([*(FIXTURES / "partition").glob("*.e*"), *(FIXTURES / "evtx").glob("*.evtx")]):
        files[path.name] = path.read_bytes()
    rules = [rule for source in sources.values() for rule in source.rules]
    groups = [rules[start:start + 5] for start in range(0, len(rules), 5)][::12]  # one rule in twelve
    groups += [[rule] for rule in rules if rule.modules & {"pe", "dotnet", "elf"} and len(rule.partitions) > 1]
    members = {}
    for number, group in enumerate(groups):
        body = b"\n".join(text for rule in group for text in _text_strings(rule)) + b"\n"
        for kind, head in HEADS.items():
            name = f"bait{number:04d}.{kind}"
            files[name] = head + body
            if number % 10 == 0:
                members[name] = head + body
    # rules that cap the file size, at their cap and just below it, and in each larger size class
    capped = [rule for rule in rules if rule.size_cap is not None and rule.size_cap <= SIZED_UP_TO]
    for number, rule in enumerate(capped[::max(1, len(capped) // 60)]):
        body = b"\n".join(_text_strings(rule)) + b"\n"
        kind = "pe" if b"MZ" in (rule.heads or ()) else "elf" if b"\x7fELF" in (rule.heads or ()) else "text"
        assert rule.size_cap is not None
        for size in {rule.size_cap - 1, rule.size_cap, partition.SIZE_BOUNDS[0] + 1, partition.SIZE_BOUNDS[1] + 1}:
            data = HEADS[kind] + body
            if len(data) <= size <= SIZED_UP_TO:
                files[f"sized{number:03d}-{size}.{kind}"] = data + bytes(size - len(data))
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
        for name, data in members.items():
            zipped.writestr(name, data)
    files["members.zip"] = archive.getvalue()
    return files


def test_the_split_rules_find_exactly_what_the_whole_set_finds(shipped) -> None:
    whole, parted, sources, defs = shipped
    corpus = {**_corpus(sources), **{f"golden-{rule}-{name}": data for rule, (name, data) in defs.golden.items()}}
    theirs: set[tuple[str, str, str]] = set()
    ours: set[tuple[str, str, str]] = set()
    for name, data in corpus.items():
        theirs |= {(hit.path, hit.namespace, hit.rule) for hit in whole.match_bytes(name, data).hits}
        ours |= {(hit.path, hit.namespace, hit.rule) for hit in parted.match_bytes(name, data).hits}
    assert ours == theirs
    assert len(theirs) > 1000, "the corpus should make hundreds of (file, rule) pairs"
    assert len({rule for _, _, rule in theirs}) > 300
    kinds = {path.rsplit(".", 1)[-1] for path, _, _ in theirs}
    assert {"pe", "elf", "script", "text", "pdf", "ole"} <= kinds
    assert any("!" in path for path, _, _ in theirs), "members inside the zip should match too"
    sizes = {partition.size_class(len(corpus[path])) for path, _, _ in theirs if path.startswith("sized")}
    assert sizes == {0, 1, 2}, "files of every size class should match"
    on_pe = {rule for path, _, rule in theirs if path.endswith(".pe")}
    on_text = {rule for path, _, rule in theirs if path.endswith(".text")}
    assert on_pe - on_text, "rules that need a PE head should fire on the PE files only"


def test_the_split_keeps_every_rule(shipped) -> None:
    _, parted, sources, _ = shipped
    assert isinstance(parted.rules, Partitioned)
    every = [rule for source in sources.values() for rule in source.rules]
    assert parted.rules.rule_count == len(every) > 6000
    assert all(rule.partitions for rule in every)
    sets = parted.rules.sets
    pe, other = partition.key_of(b"MZ", 1000, sets), partition.key_of(b"ab", 1000, sets)
    assert pe != other and len(list(sets[pe])) > len(list(sets[other]))
    big_pe = partition.key_of(b"MZ", 50 * 1024 * 1024, sets)
    assert big_pe != pe and len(list(sets[big_pe])) < len(list(sets[pe])), "large files need fewer rules"



def test_split_rules_are_cached_and_a_damaged_entry_is_compiled_again(tmp_path: Path) -> None:
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "a.yar").write_text("\n".join(
        f'rule P{n} {{ strings: $a = "RF_X{n}" condition: uint16(0) == 0x5A4D and $a }}' for n in range(50)),
        encoding="utf-8")
    defs = load_rules_folder(folder)
    first = load_or_compile_partitions(defs, tmp_path / "cache")
    (entry,) = (tmp_path / "cache").glob("*.rfp")
    stamp = entry.stat().st_mtime_ns
    cached = load_or_compile_partitions(defs, tmp_path / "cache")
    assert entry.stat().st_mtime_ns == stamp, "the second load reads the cache"
    assert cached.keys == first.keys == {f"{head}/{size}" for head in ("4d5a", partition.OTHER) for size in range(3)}
    assert cached.rule_count == 50
    assert [h.rule for h in Matcher(cached, {}, set()).match_bytes("a", b"MZ RF_X7").hits] == ["P7"]
    entry.write_bytes(entry.read_bytes()[:100])  # a damaged entry is compiled again
    assert load_or_compile_partitions(defs, tmp_path / "cache").rule_count == 50
    blobs = unpack(entry.read_bytes())
    blobs["4d5a/0"] = blobs["4d5a/0"][:-10]  # one set damaged: found only when a PE file needs it
    entry.write_bytes(pack(blobs, level=0))
    lazy = load_or_compile_partitions(defs, tmp_path / "cache")
    assert [h.rule for h in Matcher(lazy, {}, set()).match_bytes("a", b"MZ RF_X9").hits] == ["P9"]
    assert len(unpack(entry.read_bytes())["4d5a/0"]) > len(blobs["4d5a/0"]), "the entry is written again"


HIDDEN = r"""
import "pe"
private rule PrivatePE { condition: uint16(0) == 0x5A4D }
rule Typed_PE { strings: $s = "RF_PART_MARK" condition: uint16(0) == 0x5A4D and $s }
rule Typed_Either { strings: $s = "RF_PART_MARK" condition: ($s and uint32be(0) == 0x7F454C46) or (uint16(0) == 0x5A4D and $s) }
rule Hidden_Xor { strings: $s = "RF_PART_MARK" condition: uint16(0) ^ 0x1111 == 0x4B5C and $s }
rule Hidden_Compared { strings: $s = "RF_PART_MARK" condition: (uint16(0) == 0x5A4D or true) and $s }
rule Hidden_Not { strings: $s = "RF_PART_MARK" condition: not uint16(0) == 0x5A4D and $s }
rule Hidden_Or { strings: $s = "RF_PART_MARK" condition: uint16(0) == 0x5A4D or $s }
rule Hidden_Loop { strings: $s = "RF_PART_MARK" condition: for any i in (0..0) : (uint16(i) == 0x5A4D) and $s }
rule Hidden_Sum { strings: $s = "RF_PART_MARK" condition: uint16(0) == 0x5A4C + 1 and $s }
rule Hidden_Reference { strings: $s = "RF_PART_MARK" condition: not PrivatePE and $s }
rule Hidden_External { strings: $s = "RF_PART_MARK" condition: filetype != "EXE" and $s }
rule Hidden_Constant { strings: $s = "RF_PART_MARK" condition: pe.DLL == 0x2000 and $s }
rule Hidden_Not_PE { strings: $s = "RF_PART_MARK" condition: pe.is_pe == 0 and $s }
rule Hidden_Module_Or { strings: $s = "RF_PART_MARK" condition: pe.number_of_sections > 0 or $s }
rule Typed_Module { strings: $s = "RF_PART_MARK" condition: pe.number_of_sections < 100 and $s }
rule Loop_All { strings: $s = "RF_PART_MARK" condition: $s and for all i in (0..pe.number_of_sections - 1) : (pe.sections[i].name != "x") }
rule Loop_None { strings: $s = "RF_PART_MARK" condition: $s and for none i in (0..pe.number_of_sections) : (pe.sections[i].name == "x") }
rule Loop_Or { strings: $s = "RF_PART_MARK" condition: $s or for any i in (0..pe.number_of_resources) : (true) }
rule Loop_Not_Dll { strings: $s = "RF_PART_MARK" condition: $s and not pe.is_dll() }
rule Loop_Not_Defined { strings: $s = "RF_PART_MARK" condition: $s and not defined pe.entry_point }
rule Loop_At_Entry { strings: $s = "RF_PART_MARK" condition: $s at pe.entry_point or #s > 1 }
rule Loop_Imphash { strings: $s = "RF_PART_MARK" condition: ($s and not pe.imphash() == "0123") or pe.characteristics & pe.DLL }
global private rule Global_Any { condition: filesize > 0 }
"""


@pytest.mark.parametrize("padding", [0, 40])  # a few rules of a head, or enough for a set of their own
def test_a_rule_whose_file_type_cannot_be_told_runs_on_every_file(tmp_path: Path, padding: int) -> None:
    folder = tmp_path / "rules"
    folder.mkdir()
    extra = "\n".join(f'rule Pad{n} {{ strings: $p = "RF_PAD_{n}" condition: uint16(0) == 0x5A4D and $p }}'
                      for n in range(padding))
    (folder / "hidden.yar").write_text(HIDDEN + extra, encoding="utf-8")
    defs = load_rules_folder(folder)
    parted = compile_partitions(defs)
    assert (len({key.split("/")[0] for key in parted.sets}) > 1) == bool(padding)
    hidden = set(re.findall(r"rule (Hidden_\w+)", HIDDEN))
    for rules in parted.sets.values():  # every set holds every rule analysis cannot place
        assert hidden <= {rule.identifier for rule in rules}
    if padding:
        for rule in partition.split_source(HIDDEN).rules:  # the loops need no pe module on other files
            if "pe" in rule.modules:
                rewritten = partition.rewrite_without(rule, {"pe"})
                free = rewritten is not None and not any(t.startswith("pe.") for t, _, _ in partition.tokens(rewritten))
                assert free == rule.name.startswith(("Loop_", "Typed_Module", "Hidden_Module_Or")), rule.name
        mz = parted.sets[partition.key_of(b"MZ", 100, parted.keys)]
        assert "Typed_Module" in {rule.identifier for rule in mz}
        assert "Typed_Module" not in {rule.identifier for rule in parted.sets[partition.key_of(b"ab", 100, parted.keys)]}
    whole = Matcher(compile_definitions(defs), {}, set())
    split = Matcher(parted, {}, set())
    expected = {
        "pe": {"Typed_PE", "Typed_Either", "Hidden_Xor", "Hidden_Compared", "Hidden_Or", "Hidden_Loop", "Hidden_Sum",
               "Hidden_Constant", "Hidden_Module_Or", "Typed_Module"},
        "elf": {"Typed_Either", "Hidden_Compared", "Hidden_Not", "Hidden_Or", "Hidden_Reference", "Hidden_External",
                "Hidden_Constant", "Hidden_Not_PE", "Hidden_Module_Or"},
        "text": {"Hidden_Compared", "Hidden_Not", "Hidden_Or", "Hidden_Reference", "Hidden_External",
                 "Hidden_Constant", "Hidden_Not_PE", "Hidden_Module_Or"},
    }
    samples = {"pe": (FIXTURES / "partition" / "robocopy.exe").read_bytes(), "elf": HEADS["elf"], "text": b"text"}
    for kind, rules_fired in expected.items():
        data = samples[kind] + b" RF_PART_MARK "
        got = {hit.rule for hit in split.match_bytes(f"sample.{kind}", data).hits}
        assert got == {hit.rule for hit in whole.match_bytes(f"sample.{kind}", data).hits}
        assert {rule for rule in got if not rule.startswith("Loop_")} == rules_fired, kind
        if kind == "text":  # values of pe rewritten to what they are on files without a PE head
            assert {"Loop_Or", "Loop_Not_Defined"} <= got


@pytest.mark.parametrize(("condition", "heads"), [
    ("uint16(0) == 0x5A4D and $a", {b"MZ"}),
    ("$a and 0x5a4d == uint16(0)", {b"MZ"}),
    ("filesize < 1MB and (uint32be(0) == 0x7F454C46 or uint16(0) == 0x5A4D) and all of them", {b"\x7fELF", b"MZ"}),
    ("uint32(0) == 0x464c457f and $a or uint16(0) == 0x5a4d and $b", {b"\x7fELF", b"MZ"}),
    ("pe.is_pe and $a", {b"MZ"}),
    ("uint16(0) == 0x5A4D or $a", None),
    ("not uint16(0) == 0x5A4D and $a", None),
    ("(uint16(0) == 0x5A4D or true) and $a", None),
    ("(uint16(0) == 0x5A4D and $a) or (uint16(0) == 0x5A4D and $b)", {b"MZ"}),
    ("uint16(1) == 0x5A4D", None),
    ("uint16(0) == 0x5A4D + 1", None),
    ("uint16(0) == 0x15A4D", None),
    ("uint16(0) != 0x5A4D", None),
    ("for any i in (0..1) : (uint16(i) == 0x5A4D)", None),
    ('filename matches /a or b/ and $a', None),
    ("all of them", None),
    ("pe.number_of_sections > 3 and $a", {b"MZ"}),
    ('$a and pe.imphash() == "abc"', {b"MZ"}),
    ("pe.characteristics & pe.DLL", {b"MZ"}),
    ('pe.sections[0].name == ".text"', {b"MZ"}),
    ('dotnet.guids[0] == "x" or pe.exports("y")', {b"MZ"}),
    ("elf.type == elf.ET_EXEC", {b"\x7fELF"}),
    ("pe.is_pe == 0", None),
    ("pe.DLL == 0x2000", None),
    ("not pe.is_dll()", None),
    ("pe.number_of_sections > filesize", None),
    ("for any i in (0..pe.number_of_sections - 1) : (pe.sections[i].name == \"x\")", None),
    ('math.entropy(0, filesize) > 7', None),
])
def test_heads_only_from_what_a_condition_requires(condition: str, heads: set[bytes] | None) -> None:
    toks = [tok for tok, _, _ in partition.tokens(condition)]
    assert partition.heads(toks) == (frozenset(heads) if heads is not None else None)


@pytest.mark.parametrize(("condition", "cap"), [
    ("filesize < 500KB and $a", 500 * 1024),
    ("$a and filesize <= 1000", 1001),
    ("2MB > filesize and $a", 2 * 1024 * 1024),
    ("0x100 >= filesize", 0x101),
    ("uint16(0) == 0x5A4D and (filesize < 100KB and $a or filesize < 300KB and $b)", 300 * 1024),
    ("filesize < 100KB and filesize < 50KB", 50 * 1024),
    ("(filesize < 1MB and $a) or $b", None),
    ("filesize < 1MB or $b", None),
    ("not filesize < 1MB and $a", None),
    ("filesize > 1MB and $a", None),
    ("filesize < 1MB + 1 and $a", None),
    ("filesize < pe.size_of_image and $a", None),
    ("filesize - 10 < 1MB and $a", None),
    ("for any i in (0..1) : (filesize < 100)", None),
    ("all of them", None),
])
def test_size_caps_only_from_what_a_condition_requires(condition: str, cap: int | None) -> None:
    toks = [tok for tok, _, _ in partition.tokens(condition)]
    assert partition.size_cap(toks) == cap


SIZED = r"""
rule Below_256K { strings: $s = "RF_SIZE_MARK" condition: filesize < 256KB and $s }
rule Upto_256K { strings: $s = "RF_SIZE_MARK" condition: filesize <= 262144 and $s }
rule Below_1M_Mirror { strings: $s = "RF_SIZE_MARK" condition: 1MB > filesize and $s }
rule Below_1M_Or { strings: $s = "RF_SIZE_MARK" condition: (filesize < 1MB and $s) or filesize < 10 }
rule Below_300K_Or_Other { strings: $s = "RF_SIZE_MARK" $o = "RF_OTHER_MARK" condition: filesize < 300KB and $s or $o }
rule Not_Below_1M { strings: $s = "RF_SIZE_MARK" condition: not filesize < 1MB and $s }
rule Above_1M { strings: $s = "RF_SIZE_MARK" condition: filesize > 1MB and $s }
private rule Small { condition: filesize < 200KB }
rule Uses_Small { strings: $s = "RF_SIZE_MARK" condition: $s and not Small }
rule Any_Size { strings: $s = "RF_SIZE_MARK" condition: $s }
"""


def test_rules_split_by_size_find_what_the_whole_set_finds_at_every_boundary(tmp_path: Path) -> None:
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "sized.yar").write_text(SIZED, encoding="utf-8")
    defs = load_rules_folder(folder)
    parted = compile_partitions(defs)
    assert parted.keys == {f"{partition.OTHER}/{size}" for size in range(3)}
    largest = {rule.identifier for rule in parted.sets[partition.key_of(b"", 2 * 1024 * 1024, parted.keys)]}
    assert not largest & {"Below_256K", "Upto_256K", "Below_1M_Mirror", "Below_1M_Or"}, "capped rules stay out"
    assert {"Not_Below_1M", "Above_1M", "Uses_Small", "Small", "Any_Size"} <= largest
    whole, split = Matcher(compile_definitions(defs), {}, set()), Matcher(parted, {}, set())
    for size in (100, 200 * 1024, 256 * 1024 - 1, 256 * 1024, 256 * 1024 + 1, 300 * 1024, 1024 * 1024 - 1,
                 1024 * 1024, 1024 * 1024 + 1, 3 * 1024 * 1024):
        for marks in (b"RF_SIZE_MARK", b"RF_SIZE_MARK RF_OTHER_MARK"):
            data = (marks + bytes(size))[:size]
            expected = {hit.rule for hit in whole.match_bytes("f", data).hits}
            assert {hit.rule for hit in split.match_bytes("f", data).hits} == expected, size
            assert "Any_Size" in expected
            assert ("Below_256K" in expected) == (size < 256 * 1024)
            assert ("Upto_256K" in expected) == (size <= 256 * 1024)


def _elf(entry_mark: int, other_mark: int, size: int = 0x400) -> bytes:
    """A minimal 64-bit ELF executable whose entry point is at file offset 0x100, with RF_ENTRY and
    RF_OTHER at the offsets given."""
    data = bytearray(size)
    data[0:16] = b"\x7fELF\x02\x01\x01" + bytes(9)
    struct.pack_into("<HHIQQQIHHHHHH", data, 16, 2, 0x3E, 1, 0x400100, 64, 0, 0, 64, 56, 1, 64, 0, 0)
    struct.pack_into("<IIQQQQQQ", data, 64, 1, 5, 0, 0x400000, 0x400000, size, size, 0x1000)
    data[entry_mark:entry_mark + 8], data[other_mark:other_mark + 8] = b"RF_ENTRY", b"RF_OTHER"
    return bytes(data)


RELAXED = r"""
import "elf"
import "pe"
rule Entry_Mark { strings: $a = "RF_ENTRY" $b = "RF_OTHER" condition: uint32(0) == 0x464C457F and $a at elf.entry_point and $b }
rule Elf_Type { strings: $b = "RF_OTHER" condition: $b and elf.type == elf.ET_EXEC }
rule Elf_Or { strings: $b = "RF_OTHER" condition: $b or elf.type == 1 }
rule Elf_Only { condition: elf.number_of_sections == 0 }
rule Two_Modules { strings: $b = "RF_OTHER" condition: $b and elf.type == 2 and pe.number_of_sections == 0 }
"""


@pytest.mark.parametrize(("condition", "relaxed"), [
    ("uint32(0) == 0x464C457F and $a at elf.entry_point and $b", "uint32(0) == 0x464C457F and $a and $b"),
    ("$b and elf.type == elf.ET_EXEC", "$b and true"),
    ("(elf.type == 2 and $a) and #b > 2", "true and #b > 2"),
    ("$b or elf.type == 1", None),
    ("elf.number_of_sections == 0", None),
    ("uint32(0) == 0x464C457F and elf.type == 2", None),
    ("all of them", None),
])
def test_a_rule_is_relaxed_only_to_a_condition_it_implies(condition: str, relaxed: str | None) -> None:
    (rule,) = partition.split_source(f'rule R {{ strings: $a = "x" $b = "y" condition: {condition} }}').rules
    rule.modules = {"elf"}
    text = partition.relax(rule, "elf")
    assert (text.split("condition:")[1].strip(" }") if text else None) == relaxed


def test_a_set_does_without_a_module_whose_rules_it_holds_relaxed_and_confirms_their_hits(tmp_path: Path) -> None:
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "relaxed.yar").write_text(RELAXED, encoding="utf-8")
    defs = load_rules_folder(folder)
    sources = {"relaxed": partition.split_source(RELAXED)}
    keys = partition.assign(sources)
    chosen = {key: set(partition.relaxed_rules(sources, key)) for key in keys}
    assert all(found == set() for found in chosen.values()), "Elf_Or, Elf_Only and Two_Modules cannot be relaxed"
    without_hard = RELAXED.replace("rule Elf_Or", "rule Elf_Or_Gone").split("rule Elf_Or_Gone")[0]
    (folder / "relaxed.yar").write_text(without_hard, encoding="utf-8")
    defs = load_rules_folder(folder)
    parted = compile_partitions(defs)
    assert set().union(*parted.relaxed.values()) == {("relaxed", "Entry_Mark"), ("relaxed", "Elf_Type")}
    split = {"relaxed": partition.split_source(without_hard)}
    partition.assign(split)
    assert all('import "elf"' not in text for key in parted.keys
               for text in partition.partition_sources(split, key, parted.keys).values())
    whole, matcher = Matcher(compile_definitions(defs), {}, set()), Matcher(parted, {}, set())
    for name, data, expected in [
        ("at-entry", _elf(0x100, 0x200), {"Entry_Mark", "Elf_Type"}),
        ("elsewhere", _elf(0x180, 0x200), {"Elf_Type"}),  # the relaxed Entry_Mark fires; the original does not
        ("not-elf", b"RF_ENTRY RF_OTHER" + bytes(100), set()),  # relaxed Elf_Type fires, elf.type is undefined
        ("large", _elf(0x100, 0x200, 2 * 1024 * 1024), {"Entry_Mark", "Elf_Type"}),
    ]:
        found = {hit.rule for hit in matcher.match_bytes(name, data).hits}
        assert found == {hit.rule for hit in whole.match_bytes(name, data).hits} == expected, name


def test_sources_the_splitter_cannot_read_keep_the_whole_set(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "a.yar").write_text('rule A { strings: $a = "RF_X" condition: uint16(0) == 0x5A4D and $a }', encoding="utf-8")
    with pytest.raises(partition.SplitError):
        partition.split_source("rule A { condition: true } something")

    def unreadable(text: str) -> partition.Source:
        raise partition.SplitError("a layout the splitter does not know")

    monkeypatch.setattr(partition, "split_source", unreadable)
    parted = compile_partitions(load_rules_folder(folder))
    assert list(parted.sets) == [partition.OTHER] and parted.rule_count == 1
    assert partition.key_of(b"MZ", 10 * 1024 * 1024, parted.keys) == partition.OTHER
    assert [hit.rule for hit in Matcher(parted, {}, set()).match_bytes("a", b"MZ RF_X").hits] == ["A"]
