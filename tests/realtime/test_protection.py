"""Real-time protection end to end: files written into a watched folder reach the engine."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

from app.core.context import Context
from app.core.journal import events
from app.core.quarantine import list_items
from app.core.realtime.realtime_service import RealtimeService
from tests.engine.helpers import EICAR
from tests.realtime.conftest import gone, wait_for


def test_eicar_is_quarantined_within_two_seconds_twenty_times(
        start_service: Callable[..., RealtimeService], watched: Path, ctx: Context) -> None:
    service = start_service()
    for i in range(20):
        target = watched / f"sample-{i}.exe"
        target.write_bytes(EICAR)
        assert wait_for(gone(target), 2.0), f"run {i}: still there after 2 s ({service.status()})"
    assert len(list_items(ctx)) == 20
    assert wait_for(lambda: events.count(ctx.store, kinds=["threat"]) == 20, 2.0)  # the journal follows the move
    detected = events.query(ctx.store, kinds=["threat"], limit=100)
    assert {e.code for e in detected} == {"realtime.detected"}
    assert "moved to the quarantine" in detected[0].message.english()


def test_benign_files_are_checked_and_left_alone(start_service: Callable[..., RealtimeService], watched: Path) -> None:
    service = start_service()
    files = [watched / f"note-{i}.txt" for i in range(30)] + [watched / "sub" / "deep" / "tool.exe"]
    for path in files:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"harmless content " + path.name.encode())
    assert wait_for(lambda: service.status().scanned >= len(files), 10.0), service.status()
    assert service.wait_idle(20)
    assert all(path.read_bytes().startswith(b"harmless") for path in files)
    assert service.status().detections == 0


def test_partial_download_is_scanned_after_the_rename(
        start_service: Callable[..., RealtimeService], watched: Path) -> None:
    service = start_service()
    partial = watched / "setup.exe.part"
    partial.write_bytes(EICAR)
    assert service.wait_idle(10)
    time.sleep(0.3)
    assert partial.exists() and service.status().scanned == 0  # a partial download is not checked
    final = watched / "setup.exe"
    os.rename(partial, final)
    assert wait_for(gone(final), 2.0)
    assert wait_for(lambda: service.status().detections == 1, 2.0)  # counted once the batch is done


def test_a_file_still_being_written_is_not_scanned_half_written(
        start_service: Callable[..., RealtimeService], watched: Path) -> None:
    service = start_service()
    target = watched / "download.bin"
    with open(target, "wb") as handle:
        handle.write(EICAR[:30])
        handle.flush()
        os.fsync(handle.fileno())
        time.sleep(0.5)
        assert service.status().scanned == 0
        handle.write(EICAR[30:])
    assert wait_for(gone(target), 2.0)  # checked once complete, and found


def test_non_ascii_names_and_nested_new_folders(start_service: Callable[..., RealtimeService], watched: Path) -> None:
    service = start_service()
    nested = watched / "Überweisung" / "März 2026" / "日本"
    nested.mkdir(parents=True)
    target = nested / "rechnung-ä.pdf.exe"
    target.write_bytes(EICAR)
    assert wait_for(gone(target), 3.0), service.status()


def test_own_folders_are_never_watched(start_service: Callable[..., RealtimeService], ctx: Context,
                                       watched: Path) -> None:
    from app.core.realtime.roots import protected_roots

    assert protected_roots(ctx, [str(ctx.paths.data_dir), str(watched)]) == [str(watched.resolve())]
    service = start_service()
    assert str(ctx.paths.data_dir) not in service.roots


def test_excluded_folders_and_extensions_are_left_alone(
        ctx: Context, watched: Path, start_service: Callable[..., RealtimeService]) -> None:
    ctx.settings.set("scan.exclude_paths", [str(watched / "builds")])
    ctx.settings.set("scan.exclude_extensions", ["iso"])
    service = start_service()
    (watched / "builds").mkdir()
    kept = [watched / "builds" / "out.exe", watched / "image.iso"]
    for path in kept:
        path.write_bytes(EICAR)
    caught = watched / "caught.exe"
    caught.write_bytes(EICAR)
    assert wait_for(gone(caught), 2.0)
    assert service.wait_idle(10)
    assert all(path.exists() for path in kept)


def test_the_verdict_says_attention_while_paused_and_alert_when_off(
        start_service: Callable[..., RealtimeService], ctx: Context) -> None:
    from app.core.status.verdict import compute_verdict

    def realtime_reasons() -> list[tuple[str, str, str | None]]:
        return [(r.code, r.severity, r.fix) for r in compute_verdict(ctx).reasons if r.code.startswith("realtime.")]

    service = start_service()
    assert realtime_reasons() == []
    service.pause(15 * 60)
    assert wait_for(lambda: realtime_reasons() == [("realtime.paused", "attention", "realtime.resume")], 3.0)
    service.resume()
    assert wait_for(lambda: realtime_reasons() == [], 3.0)
    service.stop()
    ctx.settings.set("realtime.enabled", False)
    assert realtime_reasons() == [("realtime.off", "alert", "realtime.resume")]


def test_the_windows_rule_end_to_end_scans_once_the_file_is_quiet_and_stable(
        start_service: Callable[..., RealtimeService], watched: Path) -> None:
    # The Windows event set (created / modified / moved, no "closed") through inotify: the quiet-and-
    # stable rule decides when a file is finished, as it does with ReadDirectoryChangesW.
    service = start_service(platform="win32")
    target = watched / "slow-download.exe"
    with open(target, "wb") as handle:
        for chunk in range(0, len(EICAR), 10):
            handle.write(EICAR[chunk:chunk + 10])
            handle.flush()
            time.sleep(0.1)  # still growing: each write restarts the quiet period
        assert service.status().scanned == 0
    assert wait_for(gone(target), 3.0), service.status()
    renamed = watched / "setup.exe.crdownload"
    renamed.write_bytes(EICAR)
    time.sleep(0.8)
    assert renamed.exists()  # a partial download waits for its final name
    os.rename(renamed, watched / "setup.exe")
    assert wait_for(gone(watched / "setup.exe"), 3.0)


def test_a_file_over_the_size_limit_is_reported_as_not_checked_never_silently(
        start_service: Callable[..., RealtimeService], watched: Path, ctx: Context) -> None:
    ctx.settings.set("scan.max_file_size_mb", 1)
    service = start_service()
    big = watched / "movie.iso"
    with open(big, "wb") as handle:  # starts with EICAR, 3 MB (sparse)
        handle.write(EICAR)
        handle.truncate(3 * 1024 * 1024)
    def not_checked() -> list[events.Event]:
        return [e for e in events.query(ctx.store, kinds=["protection"], limit=50) if e.code == "realtime.not_checked"]

    assert wait_for(lambda: bool(not_checked()), 20.0), service.status()
    (event,) = not_checked()
    assert event.message.english() == (f"Real-time protection did not check {big}: it is larger than the 1 MB limit "
                                       "for checking a file (a scan with a higher limit checks it).")
    assert big.exists()


def test_a_file_that_keeps_changing_is_not_rescanned_every_time_and_its_final_state_is_checked(
        start_service: Callable[..., RealtimeService], watched: Path, ctx: Context) -> None:
    service = start_service()
    log = watched / "growing.log"
    started = time.monotonic()
    while time.monotonic() - started < 4.0:  # appended to and closed every 50 ms
        with open(log, "ab") as handle:
            handle.write(b"a line of harmless text\n" * 2000)
        time.sleep(0.05)
    with open(log, "ab") as handle:  # its final state is a threat
        handle.write(EICAR)
    assert wait_for(gone(log), 20.0), service.status()  # checked once its wait was over: quarantined
    assert service.status().scanned <= 6, service.status()  # not some 80 full rescans


def test_a_protected_folder_renamed_away_and_recreated_is_watched_again_at_once(
        start_service: Callable[..., RealtimeService], watched: Path, ctx: Context) -> None:
    service = start_service()
    watched.rename(watched.with_name("watched-old"))
    watched.mkdir()
    time.sleep(0.5)
    target = watched / "arrived.exe"
    target.write_bytes(EICAR)
    assert wait_for(gone(target), 10.0), service.status()  # not at the next 15-minute sweep
    assert any(e.code == "realtime.overflow" and "moved, recreated" in e.message.english()
               for e in events.query(ctx.store, kinds=["protection"], limit=50))
