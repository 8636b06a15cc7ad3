"""Realistic state for screenshots, made by Ringfence's own services in the current RINGFENCE_HOME.

* an update channel made by the publisher and served on 127.0.0.1: definitions 2 (taken, passed
  probation) and 3 (taken, then rolled back by probation because a scan suddenly found 40 threats);
* a folder of "downloads" holding EICAR and the baseline's golden samples, scanned with the action
  quarantine: the detections are moved to the quarantine as they are found; the user then restores one
  document and allows it;
* a folder of evidence copied off a Windows PC that crashed (a bug check 0x50 minidump naming
  csagent.sys, the System log's Kernel-Power 41 and WER 1001, reagentc outputs), built by the same
  helpers the recovery tests use.

``make(work)`` returns the crash folder (the console's ``crash_source``); ``usb_stick(folder, work)`` fills a folder
of ordinary files with two threats among them, for the scan the Scan page's screenshot shows.
"""

from __future__ import annotations

import base64
import io
import shutil
import sys
import threading
import time
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
HOUR = 3600.0


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def _golden(work: Path) -> Path:
    """The golden samples of our own baseline rules, decoded: the files the demo scans find."""
    golden = work / "golden"
    for sample in sorted((ROOT / "definitions" / "baseline" / "golden").glob("*/*.b64")):
        target = golden / sample.name.removesuffix(".b64")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(base64.b64decode(sample.read_bytes()))
    return golden


def _updates(work: Path) -> None:
    from app.channel import publisher
    from app.channel.build import build_core
    from app.channel.repository import ChannelRepo
    from app.core.context import Context
    from app.core.updates import health
    from app.core.updates.channelconfig import set_channel
    from app.core.updates.service import UpdateService

    # The channel's versions are the built-in content ("Ringfence Core") plus one new rule of our own each.
    v4_defs, v5_defs = work / "definitions-4", work / "definitions-5"
    shutil.copytree(ROOT / "definitions", v4_defs)
    (v4_defs / "baseline" / "rules" / "autorun_inf.yar").write_text(
        'rule Ringfence_Autorun_Inf_Executable {\n  meta:\n    description = "autorun.inf that starts a program"\n'
        '  strings:\n    $s = "[autorun]" nocase\n    $o = /open\\s*=\\s*\\S+\\.(exe|scr|bat|cmd)/ nocase\n'
        "  condition:\n    $s at 0 and $o\n}\n", encoding="utf-8")
    shutil.copytree(v4_defs, v5_defs)
    (v5_defs / "baseline" / "rules" / "archive_droppers.yar").write_text(
        'rule Ringfence_Archive_Dropper_Lnk {\n  meta:\n    description = "Shortcut that starts a hidden PowerShell"\n'
        '  strings:\n    $a = "powershell" nocase\n    $b = "-w hidden" nocase\n    $l = { 4C 00 00 00 01 14 02 00 }\n'
        "  condition:\n    $l at 0 and $a and $b\n}\n", encoding="utf-8")
    clean = [ROOT / "resources" / "selftest" / "clean"]

    def built(hours_ago: float) -> str:  # the publisher built each version a while before clients took it
        return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() - hours_ago * HOUR))

    v4 = build_core(v4_defs, work / "defs-4.tar.gz", 4, notes="New: autorun.inf files that start a program.\n",
                    clean=clean, changelog=["added Ringfence_Autorun_Inf_Executable"], created=built(62))[0].archive
    v5 = build_core(v5_defs, work / "defs-5.tar.gz", 5, notes="New: shortcuts that start a hidden PowerShell.\n",
                    clean=clean, changelog=["added Ringfence_Archive_Dropper_Lnk"], created=built(8))[0].archive
    repo = ChannelRepo.init(work / "channel")
    publisher.create(repo, "stable", "demo")
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(repo.dir)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    clock = [time.time() - 60 * HOUR]
    try:
        with Context.open() as ctx:
            set_channel(ctx.paths.config_dir, f"http://127.0.0.1:{server.server_address[1]}",
                        repo.metadata_dir / "1.root.json")
            service = UpdateService(ctx, clock=lambda: clock[0])
            publisher.release(repo, v4, 10_000)
            service.check(manual=True)
            when = clock[0] + HOUR
            for kind in ("start", "exit", "start", "exit"):
                health.record_engine_event(ctx.store, kind, 4, when=when)
            health.record_scan_stats(ctx.store, 4, files=1840, errors=0, detections=1, seconds=21.0, when=when)
            clock[0] = time.time() - 6 * HOUR
            service.startup()  # version 4 passes probation
            publisher.release(repo, v5, 10_000)
            service.check(manual=True)
            health.record_scan_stats(ctx.store, 5, files=300, errors=0, detections=40, seconds=3.0, when=clock[0] + 60)
            clock[0] = time.time() - 5 * HOUR
            service.startup()  # probation sees 40 sudden threats and goes back to version 4
    finally:
        server.shutdown()
        server.server_close()


def _scan(work: Path, golden: Path) -> None:
    from app.core import quarantine as q
    from app.core.context import Context
    from app.core.scanning.job import ScanJob, ScanRequest

    downloads = work / "Downloads"
    shutil.copytree(golden, downloads)
    (downloads / "holiday-notes.txt").write_text("Train at 9:40, platform 4.\n", encoding="utf-8")
    (downloads / "setup-helper.zip").write_bytes(_zip_with_eicar())
    with Context.open() as ctx:
        ScanJob(ctx, ScanRequest(kind="custom", paths=(str(downloads),), action="quarantine")).run(lambda event: None)
        # the user knows the document's macros (a colleague's order form): put back and allowed
        trusted = next(i for i in q.list_items(ctx) if i.original_path.endswith("report.doc"))
        q.restore(ctx, trusted.id, allow=True)


def _zip_with_eicar() -> bytes:
    import zipfile

    from app.engine.eicar import eicar_bytes

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "Run setup.com to install.\n")
        archive.writestr("setup.com", eicar_bytes())
    return buffer.getvalue()


def _crash(work: Path) -> Path:
    from app.core.context import Context
    from app.core.recovery.seen import SeenCrashes
    from tests.recovery.test_offline_cli import copied_folder

    folder = copied_folder(work / "copied-from-pc")
    (folder / "notes.txt").unlink()
    (folder / "damaged.dmp").unlink()
    with Context.open() as ctx:
        SeenCrashes(ctx.store).announce([])  # the console has run here before: these crashes are news
    return folder


def usb_stick(folder: Path, work: Path) -> Path:
    """A USB stick of a few hundred ordinary files (photos, letters, a project) holding a game "crack"
    (EICAR) and a mail attachment with a double extension (the baseline's sample, unpacked by :func:`make` in
    ``work``)."""
    import random

    from app.engine.eicar import eicar_bytes

    chance = random.Random(2026)  # the same files every time
    for index in range(120):
        photo = folder / "Photos" / "2026 Summer in Tuscany" / f"IMG_{4100 + index}.jpg"
        photo.parent.mkdir(parents=True, exist_ok=True)
        photo.write_bytes(b"\xff\xd8\xff\xe0" + chance.randbytes(chance.randint(2_000, 40_000)))
    for index in range(60):
        note = folder / "Documents" / f"Letters {2020 + index % 6}" / f"letter-{index:02d}.txt"
        note.parent.mkdir(parents=True, exist_ok=True)
        note.write_text(f"Dear neighbour,\n\nthank you for letter {index}.\n", encoding="utf-8")
    for index in range(80):
        source = folder / "Projects" / "garden-planner" / "src" / f"module_{index:02d}.py"
        source.parent.mkdir(parents=True, exist_ok=True)
        source.write_text(f"def plant_{index}(bed: str) -> str:\n    return bed.upper()\n", encoding="utf-8")
    (folder / "shopping-list.txt").write_text("milk, bread, coffee\n", encoding="utf-8")
    games = folder / "Games" / "Downloaded from a forum"
    games.mkdir(parents=True)
    (games / "free-game-crack.com").write_bytes(eicar_bytes())
    attachment = folder / "Mail attachments" / "Invoice March"
    attachment.mkdir(parents=True)
    shutil.copy(work / "golden" / "invoice.pdf.exe", attachment / "invoice-march-2026.pdf.exe")
    return folder


def make(work: Path) -> Path:
    work.mkdir(parents=True, exist_ok=True)
    golden = _golden(work)
    _updates(work)
    _scan(work, golden)
    return _crash(work)
