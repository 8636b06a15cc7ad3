"""The drive watcher: notices a connected USB drive, then does what the ``drives.on_connect`` setting says.

- ``nothing``: the connection is only written to History.
- ``ask`` (the default): ``drives.connected`` in the journal carries ``decision`` = ``ask``; the console
  asks the user and calls :meth:`DriveService.scan_now` when they say yes.
- ``scan``: the drive is scanned at once — quickly (:mod:`.drive_files`) or entirely (the
  ``drives.full_scan`` setting). A threat found follows the ``scan.action`` setting, like any scan.

The same drive connected again within :data:`REPEAT_S` (a loose contact, a drive that remounts) is not
asked about or scanned again. A drive removed while it is scanned stops its scan, and the journal says so
once. Two threads: one watches the mount table or the drive letters, one runs drive scans in turn; both
read the settings file afresh for each drive, so a changed setting applies at once.
"""

from __future__ import annotations

import logging
import queue
import sys
import threading
import time
from collections.abc import Callable
from typing import Any, Protocol

from app.core.context import Context
from app.core.drives.drive_files import QUICK_MAX_FILE_MB, QUICK_MAX_FILES, quick_selection
from app.core.drives.drive_model import Drive
from app.core.foundation.errors import RingfenceError
from app.core.foundation.settings import Settings
from app.core.journal import events
from app.core.text.messages import Message, translate

log = logging.getLogger(__name__)

REPEAT_S = 30 * 60.0
BUSY_RETRY_S = 15.0  # another scan runs: try again this often while the drive stays connected


class DriveTable(Protocol):
    def current(self) -> list[Drive]: ...
    def wait(self, stop: threading.Event, timeout: float | None = None) -> None: ...
    def close(self) -> None: ...


def drive_table() -> DriveTable:
    """This platform's drive table: drive letters on Windows, the mount table elsewhere."""
    if sys.platform == "win32":
        from app.core.drives.windows_drives import WindowsDrives

        return WindowsDrives()
    from app.core.drives.linux_mounts import LinuxDrives

    return LinuxDrives()


def drive_name(drive: Drive) -> str | Message:
    return drive.label or translate("Drives", "without a name")


class DriveService:
    def __init__(self, ctx: Context, table: DriveTable | None = None, *, clock: Callable[[], float] = time.monotonic,
                 busy_retry_s: float = BUSY_RETRY_S) -> None:
        self.paths, self.log_file = ctx.paths, ctx.log_file
        self.table = table or drive_table()
        self.clock = clock
        self.busy_retry_s = busy_retry_s
        self.present: dict[str, Drive] = {}  # by root
        self.handled: dict[str, float] = {}  # identity -> when it was last asked about or scanned
        self._requests: queue.Queue[Drive | None] = queue.Queue()
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._scanning: tuple[Drive, Any] | None = None  # the drive and its ScanJob
        self._removed: set[str] = set()  # roots removed while they were scanned
        self._threads: list[threading.Thread] = []
        self.idle = threading.Event()  # set while no drive scan is waiting or running (for tests)
        self.idle.set()

    # -- the two threads ---------------------------------------------------------------------------
    def start(self) -> None:
        """Take the drives connected now as known (they are not asked about), then watch."""
        self.present = {drive.root: drive for drive in self.table.current()}
        for target, name in ((self._watch, "drive-watch"), (self._scan_loop, "drive-scan")):
            thread = threading.Thread(target=target, name=name, daemon=True)
            thread.start()
            self._threads.append(thread)

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._requests.put(None)
        with self._lock:
            running = self._scanning
        if running is not None:
            running[1].cancel()
        for thread in self._threads:
            thread.join(timeout)
        self.table.close()

    def _watch(self) -> None:
        ctx = Context(self.paths, Settings.load(self.paths.settings_file), self.log_file)
        try:
            while not self._stop.is_set():
                self.table.wait(self._stop)
                if self._stop.is_set():
                    break
                try:
                    self.look(ctx)
                except Exception:
                    log.exception("looking for connected drives failed")
        finally:
            ctx.close()

    def look(self, ctx: Context) -> list[Drive]:
        """Compare the drive table with what was there; act on each new drive. Returns the new drives."""
        now = {drive.root: drive for drive in self.table.current()}
        gone = [drive for root, drive in self.present.items() if root not in now]
        new = [drive for root, drive in now.items() if root not in self.present or self.present[root] != drive]
        self.present = now
        for drive in gone:
            log.info("drive %s at %s was removed", drive.label, drive.place)
            with self._lock:
                if self._scanning is not None and self._scanning[0].root == drive.root:
                    self._removed.add(drive.root)
                    self._scanning[1].cancel()
        for drive in new:
            self.connected(ctx, drive)
        return new

    def connected(self, ctx: Context, drive: Drive) -> None:
        last = self.handled.get(drive.identity)
        if last is not None and self.clock() - last < REPEAT_S:
            log.info("drive %s at %s connected again; it was handled %.0f s ago", drive.label, drive.place,
                     self.clock() - last)
            return
        self.handled[drive.identity] = self.clock()
        decision = str(Settings.load(self.paths.settings_file)["drives.on_connect"])
        events.record(ctx.store, "drives.connected", label=drive_name(drive), place=drive.place, root=drive.root,
                      identity=drive.identity, decision=decision)
        if decision == "scan":
            self.scan_now(drive.root)

    def scan_now(self, root: str) -> bool:
        """Scan the connected drive at ``root`` (from any thread; the scan runs on the service's own).
        ``False`` if no such drive is connected any more."""
        drive = self.present.get(root)
        if drive is None:
            return False
        self.idle.clear()
        self._requests.put(drive)
        return True

    def _scan_loop(self) -> None:
        ctx = Context(self.paths, Settings.load(self.paths.settings_file), self.log_file)
        try:
            while not self._stop.is_set():
                drive = self._requests.get()
                if drive is None:
                    break
                try:
                    self.scan(ctx, drive)
                except Exception:
                    log.exception("the scan of the drive at %s failed", drive.root)
                finally:
                    if self._requests.empty():
                        self.idle.set()
        finally:
            ctx.close()

    # -- one drive scan ----------------------------------------------------------------------------
    def scan(self, ctx: Context, drive: Drive) -> str:
        """Scan ``drive`` (blocking): "finished", "cancelled", "removed", "nothing", "failed" or "gone"."""
        from app.core.scanning.job import ScanJob, ScanRequest
        from app.core.scanning.lock import ScanBusy

        ctx.settings = Settings.load(self.paths.settings_file)
        name = drive_name(drive)
        if bool(ctx.settings["drives.full_scan"]):
            paths = [drive.root]
            events.record(ctx.store, "drives.full_scan", label=name, place=drive.place)
        else:
            selection = quick_selection(drive.root)
            if selection.too_large or selection.more:
                events.record(ctx.store, "drives.quick_skipped", label=name, place=drive.place,
                              count=selection.too_large + selection.more, limit_mb=QUICK_MAX_FILE_MB,
                              max_files=QUICK_MAX_FILES)
            if not selection.files:
                events.record(ctx.store, "drives.nothing_to_scan", label=name, place=drive.place)
                return "nothing"
            paths = selection.files
            events.record(ctx.store, "drives.quick_scan", label=name, place=drive.place, files=len(paths))
        while not self._stop.is_set():
            if drive.root not in self.present:
                return "gone"
            job = ScanJob(ctx, ScanRequest(kind="custom", paths=tuple(paths)))
            with self._lock:
                self._scanning = (drive, job)
            try:
                summary = job.run()
            except ScanBusy:
                log.info("another scan runs; the scan of the drive at %s waits", drive.root)
                self._stop.wait(self.busy_retry_s)
                continue
            except RingfenceError as exc:
                events.record(ctx.store, "drives.scan_failed", label=name, place=drive.place, reason=exc.msg)
                return "failed"
            finally:
                with self._lock:
                    self._scanning = None
                    removed = drive.root in self._removed
                    self._removed.discard(drive.root)
            if removed or drive.root not in {d.root for d in self.table.current()}:
                events.record(ctx.store, "drives.removed_during_scan", label=name, place=drive.place,
                              scan_id=summary.scan_id)
                return "removed"
            return "cancelled" if summary.cancelled else "finished"
        return "cancelled"
