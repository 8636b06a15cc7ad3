"""Archives: one budget for the whole archive tree, metered as it streams, and never a silent miss."""

from __future__ import annotations

import io
import os
import struct
import sys
import time
import zipfile
from pathlib import Path

import pytest
import yara

from app.engine.archives import ArchiveLimits, member_name, member_path
from app.engine.matcher import Matcher
from tests.conftest import KILL
from tests.engine.helpers import EICAR, scan_json, write

RULE = 'rule Eicar { strings: $e = "EICAR-STANDARD-ANTIVIRUS-TEST-FILE" condition: $e }\n'
MB = 1024 * 1024


def matcher(limits: ArchiveLimits | None = None) -> Matcher:
    return Matcher(yara.compile(source=RULE), {}, set(), archives=limits or ArchiveLimits())


def zipped(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def zeros_zip(size_mb: int) -> bytes:
    """One member of ``size_mb`` MB of zeros, written in a stream (small on disk: about 1 KB per MB)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive, \
            archive.open("zeros.bin", "w", force_zip64=True) as handle:
        for _ in range(size_mb):
            handle.write(bytes(MB))
    return buffer.getvalue()


def nested(data: bytes, name: str, depth: int) -> bytes:
    for level in range(depth):
        data, name = zipped({name: data}), f"level{level}.zip"
    return data


def test_eicar_deeper_than_the_limit_is_reported_never_silent(tmp_path: Path, rf_home: Path) -> None:
    files = tmp_path / "files"
    write(files / "deep2.zip", nested(EICAR, "eicar.com", 2))  # two archives deep: found
    write(files / "deep5.zip", nested(EICAR, "eicar.com", 5))  # deeper than the limit of 3
    write(files / "many.zip", zipped({f"m{index:02d}.txt": b"member" for index in range(12)}))
    write(files / "bomb.zip", zipped({"zeros.bin": bytes(3 * MB), "z-eicar.com": EICAR}))
    settings = rf_home / "config" / "settings.json"
    settings.parent.mkdir(parents=True)
    settings.write_text('{"settings_version": 2, "scan.archive_max_depth": 3, "scan.archive_max_expanded_mb": 2, '
                        '"scan.archive_max_members": 10, "scan.archive_limit_is_finding": true}')
    code, report, stderr = scan_json(str(files))
    assert code == 1, stderr
    found = {(d["path"].split(os.sep)[-1], d["rule"]) for d in report["detections"]}
    assert found == {
        ("deep2.zip!level0.zip!eicar.com", "EICAR_Test_File"),
        ("deep5.zip", "Heuristics.Limits.Exceeded.Depth"),
        ("many.zip", "Heuristics.Limits.Exceeded.Members"),
        ("bomb.zip", "Heuristics.Limits.Exceeded.Expanded"),
    }
    limits = {item["path"].split(os.sep)[-1]: item["limit"] for item in report["skipped_items"] if item.get("limit")}
    assert limits == {"deep5.zip!level3.zip!level2.zip!level1.zip": "depth", "many.zip!m10.txt": "members",
                      "bomb.zip!zeros.bin": "expanded"}
    assert report["not_fully_checked"] == 3

    # With the setting off (the default), the limits are still reported, but are no finding.
    settings.write_text('{"settings_version": 2, "scan.archive_max_depth": 3, "scan.archive_max_expanded_mb": 2, '
                        '"scan.archive_max_members": 10}')
    code, report, stderr = scan_json(str(files), "--no-cache")
    assert code == 1, stderr  # deep2's EICAR
    assert {d["rule"] for d in report["detections"]} == {"EICAR_Test_File"}
    assert report["not_fully_checked"] == 3
    assert {item.get("limit") for item in report["skipped_items"]} == {"depth", "members", "expanded"}


def test_one_budget_for_the_whole_archive_tree() -> None:
    finding = {"limit_is_finding": True}
    # Three levels, each holding 1 MB of zeros and the next level: 3 MB in all, over a 2 MB budget,
    # although no single level comes near it.
    data = zipped({"a.bin": bytes(MB)})
    for level in range(2):
        data = zipped({f"z{level}.bin": bytes(MB), f"level{level}.zip": data})
    outcome = matcher(ArchiveLimits(max_expanded=2 * MB, max_depth=5, **finding)).match_bytes("tree.zip", data)
    assert [limit for _, limit in outcome.incomplete] == ["expanded"]
    assert [hit.rule for hit in outcome.hits] == ["Heuristics.Limits.Exceeded.Expanded"]


def test_the_time_limit_counts_for_the_whole_tree_and_is_reported() -> None:
    data = zipped({"a.txt": b"first", "b.com": EICAR})
    outcome = matcher(ArchiveLimits(max_seconds=-1, limit_is_finding=True)).match_bytes("slow.zip", data)  # out of time
    assert outcome.incomplete == [("slow.zip!a.txt", "time")]
    assert [hit.rule for hit in outcome.hits] == ["Heuristics.Limits.Exceeded.Time"]


def _forge_declared_size(data: bytes, member: str, size: int) -> bytes:
    """Write ``size`` as ``member``'s uncompressed size in its local header and central directory."""
    out = bytearray(data)
    raw = member.encode()
    local = out.find(b"PK\x03\x04" + bytes(0))
    while local >= 0:
        name_len = struct.unpack_from("<H", out, local + 26)[0]
        if bytes(out[local + 30: local + 30 + name_len]) == raw:
            struct.pack_into("<L", out, local + 22, size)
        local = out.find(b"PK\x03\x04", local + 4)
    central = out.find(b"PK\x01\x02")
    while central >= 0:
        name_len = struct.unpack_from("<H", out, central + 28)[0]
        if bytes(out[central + 46: central + 46 + name_len]) == raw:
            struct.pack_into("<L", out, central + 24, size)
        central = out.find(b"PK\x01\x02", central + 4)
    return bytes(out)


def test_a_member_with_a_forged_size_does_not_hide_the_members_after_it() -> None:
    data = zipped({"a-forged.txt": b"harmless text\n" * 100, "b-eicar.com": EICAR})
    forged = _forge_declared_size(data, "a-forged.txt", 0xFFFFFFF0)  # claims almost 4 GB
    assert zipfile.ZipFile(io.BytesIO(forged)).getinfo("a-forged.txt").file_size == 0xFFFFFFF0
    outcome = matcher(ArchiveLimits(max_expanded=MB)).match_bytes("forged.zip", forged)
    assert [(hit.path, hit.rule) for hit in outcome.hits] == [("forged.zip!b-eicar.com", "Eicar")]
    assert not outcome.incomplete


def test_member_names_with_the_separator_are_escaped() -> None:
    data = zipped({"a!b.com": EICAR, "100%!.txt": EICAR})
    outcome = matcher().match_bytes("x.zip", data)
    paths = sorted(hit.path for hit in outcome.hits)
    assert paths == ["x.zip!100%25%21.txt", "x.zip!a%21b.com"]
    assert all(path.count("!") == 1 for path in paths)
    assert member_name(member_path("x.zip", "100%!.txt")) == "100%!.txt"


@pytest.mark.parametrize("shape", ["single", "nested"])
def test_zip_bomb_finishes_in_seconds_with_bounded_memory_and_no_restart(tmp_path: Path, shape: str) -> None:
    from app.core.context import Context
    from app.core.scanning import definitions
    from app.core.scanning.runs import run_scan
    from app.core.scanning.supervisor import Supervisor

    folder = tmp_path / "scan"
    if shape == "single":
        bomb = zeros_zip(600)  # 600 MB of zeros in one member, about 600 KB on disk
    else:
        leaf = zeros_zip(256)  # 256 MB; 16 copies per level, three levels: 1 TB in all
        bomb = nested_wide(leaf, copies=16, levels=2)
    write(folder / "bomb.zip", bomb)
    write(folder / "z-after.com", EICAR)  # the scan goes on with the next file
    assert len(bomb) < 3 * MB
    with Context.open() as ctx, Supervisor(ctx) as supervisor:
        pids: list[int] = []
        supervisor.on_worker_started = pids.append
        defs = definitions.active(ctx)
        started = time.monotonic()
        report = run_scan(ctx, "custom", [str(folder)], defs, use_cache=False, jobs=2, supervisor=supervisor)
        seconds = time.monotonic() - started
        peak_kb = _peak_rss_kb(pids[-1])
        leftovers = list(ctx.paths.run_dir.glob("spool-*/*"))
    outcome = report.outcome
    assert not leftovers
    assert outcome.progress.restarts == 0 and not outcome.crashes
    assert seconds < 60, f"the bomb took {seconds:.1f} s"
    rules = {(Path(d["path"]).name, d["rule"]) for d in outcome.detections}
    assert ("z-after.com", "EICAR_Test_File") in rules
    assert rules == {("z-after.com", "EICAR_Test_File")}  # a bomb is not fully checked, never a threat
    assert outcome.progress.incomplete == 1
    assert {Path(item["path"].split("!")[0]).name for item in outcome.skipped_items if item.get("limit")} == {"bomb.zip"}
    if peak_kb is not None:
        assert peak_kb < 300 * 1024, f"worker peak memory {peak_kb // 1024} MB"  # the target of issue 19


def nested_wide(leaf: bytes, copies: int, levels: int) -> bytes:
    data, name = leaf, "leaf.zip"
    for level in range(levels):
        data = zipped({f"{index:02d}-{name}": data for index in range(copies)})
        name = f"level{level}.zip"
    return data


def _peak_rss_kb(pid: int) -> int | None:
    """The worker's peak resident memory (Linux), read while it is still running."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


def test_filetype_and_owner_externals_are_set_as_loki_and_thor_define_them(tmp_path: Path) -> None:
    from app.engine.rules import EXTERNALS

    if sys.platform == "win32":
        me = f"{os.environ['USERDOMAIN']}\\{os.environ['USERNAME']}"
    else:
        import pwd

        me = pwd.getpwuid(os.getuid()).pw_name

    source = "\n".join(f"rule {name} {{ condition: {condition} }}" for name, condition in (
        ("IsExe", 'filetype == "EXE"'),
        ("IsZip", 'filetype == "ZIP"'),
        ("IsUnknown", 'filetype == "UNKNOWN"'),
        ("OwnedByMe", f'owner == "{me.replace(chr(92), chr(92) * 2)}"'),
        ("OwnedBySomeoneElse", 'owner == "nobody-at-all"'),
    ))
    rules = yara.compile(source=source, externals=EXTERNALS)
    engine = Matcher(rules, {}, set())
    exe = write(tmp_path / "tool.bin", b"MZ\x90\x00" + bytes(100))
    text = write(tmp_path / "notes.txt", b"plain words")
    archive = write(tmp_path / "pack.zip", zipped({"inner.exe": b"MZ\x90\x00" + bytes(10)}))
    fired = {path.name: {hit.rule for hit in engine.match_file(str(path)).hits}
             for path in (exe, text)}
    assert fired == {"tool.bin": {"IsExe", "OwnedByMe"}, "notes.txt": {"IsUnknown", "OwnedByMe"}}
    inside = {(hit.path.split(os.sep)[-1], hit.rule) for hit in engine.match_file(str(archive)).hits}
    # A member has its own type and the owner of the archive that holds it.
    assert inside == {("pack.zip", "IsZip"), ("pack.zip", "OwnedByMe"),
                      ("pack.zip!inner.exe", "IsExe"), ("pack.zip!inner.exe", "OwnedByMe")}
    assert {hit.rule for hit in engine.match_bytes("buffer", b"MZ").hits} == {"IsExe"}  # no file: no owner


def test_a_worker_killed_while_unpacking_leaves_no_spooled_member(tmp_path: Path) -> None:
    import threading

    from app.core.context import Context
    from app.core.scanning import definitions
    from app.core.scanning.runs import run_scan
    from app.core.scanning.supervisor import Supervisor

    folder = tmp_path / "scan"
    write(folder / "bomb.zip", zeros_zip(600))
    write(folder / "z-after.com", EICAR)
    with Context.open() as ctx, Supervisor(ctx) as supervisor:
        pids: list[int] = []
        supervisor.on_worker_started = pids.append
        killed: list[Path] = []

        def kill_while_spooling() -> None:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline and not killed:
                spooled = list(ctx.paths.run_dir.glob("spool-*/member-*"))
                if spooled and pids:
                    killed.extend(spooled)
                    os.kill(pids[0], KILL)
                time.sleep(0.005)

        watcher = threading.Thread(target=kill_while_spooling)
        watcher.start()
        report = run_scan(ctx, "custom", [str(folder)], definitions.active(ctx), use_cache=False, jobs=1,
                          supervisor=supervisor)
        watcher.join()
        assert killed, "the member was never spooled"
        assert not any(path.exists() for path in killed)
        assert not list(ctx.paths.run_dir.glob(f"spool-{pids[0]}"))
    outcome = report.outcome
    assert outcome.progress.restarts == 1
    assert outcome.errors == []  # checked again alone after the restart: not fully checked, as without the kill
    assert [Path(item["path"].split("!")[0]).name for item in outcome.skipped_items if item.get("limit")] == ["bomb.zip"]
    assert [Path(d["path"]).name for d in outcome.detections] == ["z-after.com"]
