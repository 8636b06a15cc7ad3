"""SHA-256 signatures: a sorted table that is searched, not loaded, and sealed files that open in memory only."""

from __future__ import annotations

import hashlib
import mmap
from pathlib import Path

import pytest

from app.engine import hashset
from app.engine.hashset import HashRecord, HashTable, encode, hash_record
from app.engine.sealed import SealError, pack, seal, unpack, unseal


def digests(n: int) -> list[str]:
    return [hashlib.sha256(str(i).encode()).hexdigest() for i in range(n)]


def write_table(folder: Path, entries: dict[str, HashRecord]) -> tuple[Path, Path]:
    table, records = encode(entries)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "sha256.rfh").write_bytes(table)
    (folder / "records.rfz").write_bytes(records)
    return folder / "sha256.rfh", folder / "records.rfz"


@pytest.mark.parametrize("index_up_to", [hashset.INDEX_UP_TO, 10])  # indexed in memory, and searched
def test_lookups_find_every_entry_with_its_record_and_nothing_else(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                    index_up_to: int) -> None:
    monkeypatch.setattr(hashset, "INDEX_UP_TO", index_up_to)
    shas = digests(5000)
    kinds = [HashRecord("Mal.A", "threat", "demo", "Ann", "MIT", "https://example.invalid/a"),
             HashRecord("Tool.B", "pua", "demo", "Bob", "DRL-1.1")]
    entries = {sha: kinds[i % 2] for i, sha in enumerate(shas)}
    table = hashset.read(*write_table(tmp_path, entries))
    assert len(table) == 5000 and sorted(table) == sorted(shas)
    for i, sha in enumerate(shas[:200]):
        assert table.record(sha) == kinds[i % 2] and table[sha] == kinds[i % 2].name and sha in table
    missing = hashlib.sha256(b"not listed").hexdigest()
    assert table.record(missing) is None and missing not in table and table.get(missing) is None
    assert table.record("xyz") is None and table.record("ab" * 16) is None
    assert hash_record({shas[0]: "Old.Name"}, shas[0]) == HashRecord("Old.Name")  # a schema-1 list
    assert hash_record(table, shas[1]) == kinds[1]
    assert (table._indexed is not None) == (index_up_to >= 5000)


def test_the_same_entries_give_the_same_bytes_and_records_are_shared() -> None:
    entries = {sha: HashRecord("Same") for sha in digests(1000)}
    first, second = encode(entries), encode(dict(reversed(list(entries.items()))))
    assert first == second
    assert len(first[0]) == 16 + 1000 * 36 and unseal(first[1]) == b'[["Same","threat","","","",""]]'


def test_a_large_table_is_memory_mapped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shas = digests(3000)
    paths = write_table(tmp_path, {sha: HashRecord("Big") for sha in shas})
    monkeypatch.setattr(hashset, "MAP_ABOVE", 1024)
    table = hashset.read(*paths)
    assert isinstance(table._buffer, mmap.mmap)
    assert table.record(shas[-1]) == HashRecord("Big")


def test_a_damaged_table_is_refused(tmp_path: Path) -> None:
    table_path, records = write_table(tmp_path, {sha: HashRecord("X") for sha in digests(10)})
    table_path.write_bytes(table_path.read_bytes()[:-3])
    with pytest.raises(ValueError, match="damaged"):
        hashset.read(table_path, records)
    write_table(tmp_path, {sha: HashRecord("X") for sha in digests(10)})
    records.write_bytes(records.read_bytes()[:20])
    with pytest.raises(ValueError, match="damaged"):
        hashset.read(table_path, records)
    with pytest.raises(ValueError):
        HashTable(b"\x89RFHASH\x01" + b"\1\0\0\0\0\0\0\0" + b"\0" * 32 + b"\5\0\0\0", [])  # a record that is missing


def test_seals_round_trip_and_refuse_damage_and_bombs() -> None:
    data = b"rule Demo { condition: true }\n" * 100
    blob = seal(data)
    assert unseal(blob) == data and data[:10] not in blob and blob[:2] not in (b"\x1f\x8b", b"PK", b"\xfd7")
    assert unpack(pack({"b": b"2", "a/x.yar": data})) == {"a/x.yar": data, "b": b"2"}
    assert pack({"b": b"2", "a": b"1"}) == pack({"a": b"1", "b": b"2"})
    with pytest.raises(SealError, match="not a sealed"):
        unseal(data)
    with pytest.raises(SealError, match="damaged"):
        unseal(blob[:-5])
    with pytest.raises(SealError, match="limit"):
        unseal(seal(b"\0" * 10_000), limit=1000)
    with pytest.raises(SealError, match="not a sealed pack"):
        unpack(seal(b"plain"))
