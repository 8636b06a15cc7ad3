"""One scan inside the worker: walk, skip what the cache knows, match the rest on a thread pool.

Matching runs on ``jobs`` threads (yara-python releases the GIL during a match, so threads scale across
cores without loading the rules once per process). Everything else — walking, cache look-ups, ordering
results, reporting — happens on the coordinating thread.

Results are reported in walk order. Each walk item gets a sequence number, and a batch message carries
the *watermark*: every item up to it is accounted for, and the batch holds exactly their detections,
errors and counts. The batch also carries the watermark item's place in the walk (``position``), which
the supervisor hands to the next worker if this one dies: it resumes right after that place, skips the
files that were in flight by path, and so nothing is reported twice or lost, even on a tree that
changes in between. The ``done`` message also carries the worker's peak resident memory so far
(``peak_memory``, bytes; 0 where the system does not say).
"""

from __future__ import annotations

import functools
import os
import queue
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from app.engine.archives import ENCRYPTED, LIMIT_TIME, archive_limits
from app.engine.bounded_map import peak_resident
from app.engine.bundle import Definitions, load_definitions
from app.engine.inflight import Journal
from app.engine.matcher import FileResult, Hit, Matcher
from app.engine.problems import Problem, error_record
from app.engine.rules import cached_partitions, load_for_scan
from app.engine.scancache import ScanCache, policy_key
from app.engine.walker import Walker, WalkItem, identity, place_from_json, walk_options

Emit = Callable[[dict[str, Any]], None]
FLUSH_SECONDS = 0.2
ALIVE_SECONDS = 1.0  # a scan says it is alive this often, even while every thread is busy with one file
BATCH = 8
SPLIT_LOOK_SECONDS = 1.0  # how often a scan matching with the whole set looks for the split in the cache
MAX_SKIPS_REPORTED = 1000
NOT_FULLY_CHECKED = "not-fully-checked"  # a skip reason: an archive limit was reached (the item names it)
PASSWORD_PROTECTED = "password-protected"  # a skip reason: an archive or member behind a password


@dataclass
class Controls:
    """Pause and cancel, set from the worker's command reader."""

    cancel: threading.Event = field(default_factory=threading.Event)
    running: threading.Event = field(default_factory=threading.Event)  # cleared = paused

    def __post_init__(self) -> None:
        self.running.set()


def build_matcher(request: dict[str, Any]) -> tuple[Matcher, Definitions, bool]:
    """The matcher for ``request``, its definitions, and whether the split rules were missing from the
    cache (the answer says ``split_missing``: the console has them compiled)."""
    defs = load_definitions(Path(request["definitions"]["path"]))
    compiled = request.get("compiled_dir")
    rules, split_missing = load_for_scan(defs, Path(compiled) if compiled else None)
    options = request.get("options", {})
    matcher = Matcher(
        rules,
        defs.hashes,
        set(defs.allow) | set(request.get("allow", [])),
        timeout=int(options.get("timeout", 60)),
        disabled_rules=frozenset(request.get("disabled_rules", [])),
        archives=archive_limits(options),
        spool_dir=spool_dir(request),
        uses_md5=defs.uses_md5,
    )
    return matcher, defs, split_missing


def hit_record(hit: Hit) -> dict[str, Any]:
    """A hit as it crosses the IPC boundary: what fired, on what, and where the rule comes from."""
    return asdict(hit)


def scanned_stat(item: WalkItem) -> list[int]:
    """What the quarantine compares before it moves a detected file: size, mtime and file index.

    The walk's stat has no file index on Windows (see :func:`identity`), so it is read here, once per
    detected file; if the file was swapped meanwhile, the quarantine's content hash still refuses it.
    """
    if item.stat is None:
        return [item.size, 0, 0]
    dev, ino, _size, mtime_ns, _ctime_ns = item.stat
    try:
        ino = identity(item.path, dev, ino)[1]
    except OSError:
        pass  # gone or unreadable: the quarantine will say so
    return [item.size, mtime_ns, ino]


def spool_dir(request: dict[str, Any]) -> str | None:
    """This worker's folder for large archive members: ``spool-PID`` in the request's ``spool_dir``."""
    parent = request.get("spool_dir")
    if not parent:
        return None
    folder = os.path.join(parent, f"spool-{os.getpid()}")
    os.makedirs(folder, exist_ok=True)
    return folder


class Scan:
    def __init__(self, request: dict[str, Any], emit: Emit, controls: Controls) -> None:
        self.request = request
        self.emit = emit
        self.controls = controls
        options = request.get("options", {})
        self.jobs = max(1, int(options.get("jobs") or os.cpu_count() or 2))
        self.walker = Walker(list(request["roots"]), walk_options(options),
                             resume_after=place_from_json(request.get("resume_after")))
        self.skip_paths = set(request.get("skip_paths", ()))
        self.ignored = frozenset(options.get("ignore_categories", ()))
        self.matcher: Matcher | None = None
        self.defs: Definitions | None = None
        self.split_missing = False  # matching with the whole set until the split reaches the cache
        self.split_looked = 0.0
        self.version = str(request.get("definitions_version", ""))
        # ordered accounting
        self.done: dict[int, tuple[WalkItem, FileResult | None, str]] = {}
        self.watermark = -1
        self.position: list[tuple[int, str]] = []  # the watermark item's place in the walk
        self.counts = {"files_scanned": 0, "bytes_scanned": 0, "cached": 0, "skipped": 0, "incomplete": 0}
        self.new_detections: list[dict[str, Any]] = []
        self.new_errors: list[dict[str, str]] = []
        self.new_skips: list[dict[str, str]] = []
        self.skips_reported = 0
        self.current = ""
        self.last_flush = time.monotonic()

    # -- the coordinating loop -----------------------------------------------------------------

    def run(self) -> dict[str, Any]:
        cache = None
        if self.request.get("use_cache") and self.request.get("cache_db"):
            policy = policy_key(self.version, self.request.get("allow", []), self.request.get("disabled_rules", []),
                                archive_limits(self.request.get("options", {})))
            cache = ScanCache(Path(self.request["cache_db"]), policy)
            roots = self.request["roots"]
            cache.prefetch(sorted({*roots, *(os.path.realpath(r) for r in roots)}))
        # Files go to the matching threads in small batches, and results come back the same way:
        # one queue operation per batch instead of four per file keeps the coordinating thread
        # (which competes with the matching threads for the GIL) light.
        work: queue.Queue[list[tuple[int, WalkItem]] | None] = queue.Queue(maxsize=self.jobs * 4)
        results: queue.SimpleQueue[list[tuple[int, WalkItem, FileResult]]] = queue.SimpleQueue()
        journal = None
        if self.request.get("journal"):
            try:
                journal = Journal(Path(self.request["journal"]), self.jobs)
            except OSError as exc:  # a full disk: scan on, without naming files in flight after a crash
                print(f"in-flight journal unavailable: {exc}", file=sys.stderr)
        threads: list[threading.Thread] = []
        finished = threading.Event()
        threading.Thread(target=self._alive, args=(finished,), name="alive", daemon=True).start()
        pending: list[tuple[int, WalkItem]] = []
        outstanding = 0
        seq = -1

        def submit() -> None:
            nonlocal outstanding, pending
            while True:
                try:
                    work.put(pending, timeout=0.05)
                    break
                except queue.Full:
                    outstanding -= self._drain(results, cache, block=False)
            outstanding += len(pending)
            pending = []

        try:
            for item in self.walker:
                seq += 1
                if self.controls.cancel.is_set():
                    break
                self.controls.running.wait()
                if item.path in self.skip_paths:
                    self._complete(seq, item, None, "reported")
                elif item.kind != "file":
                    self._complete(seq, item, None, item.kind)
                elif cache is not None and item.stat is not None and (
                        known := cache.verdict(item.path, item.stat)) is not None:
                    self._complete(seq, item, FileResult(hits=[Hit(**hit) for hit in known[0]], incomplete=known[1]),
                                   "cached")
                else:
                    if self.matcher is None:
                        self.matcher, self.defs, self.split_missing = build_matcher(self.request)
                        self.version = self.defs.version
                        threads = [threading.Thread(target=self._match_loop, args=(slot, work, results, journal),
                                                    name=f"match-{slot}", daemon=True) for slot in range(self.jobs)]
                        for thread in threads:
                            thread.start()
                    pending.append((seq, item))
                    if len(pending) >= BATCH or work.qsize() == 0:
                        submit()
                        outstanding -= self._drain(results, cache, block=False)
            if pending:
                submit()
            for _ in threads:
                work.put(None)
            while outstanding > 0:
                outstanding -= self._drain(results, cache, block=True)
            for thread in threads:
                thread.join()
        finally:
            finished.set()
            if cache is not None:
                cache.close()
            if journal is not None:
                journal.close()
        self._flush(force=True)
        return {"type": "done", "cancelled": self.controls.cancel.is_set(), "watermark": self.watermark,
                "definitions_version": self.version, "peak_memory": peak_resident(),
                "split_missing": self.split_missing, **self.counts}

    def _alive(self, finished: threading.Event) -> None:
        while not finished.wait(ALIVE_SECONDS):
            self.emit({"type": "alive"})

    def _match_loop(self, slot: int, work: queue.Queue, results: queue.SimpleQueue, journal: Journal | None) -> None:
        assert self.matcher is not None
        while (batch := work.get()) is not None:
            done = []
            for seq, item in batch:
                if self.controls.cancel.is_set():
                    done.append((seq, item, FileResult()))
                    continue
                self.controls.running.wait()
                beat = None
                if journal is not None:
                    journal.begin(slot, seq, item.path)
                    beat = functools.partial(journal.beat, slot)
                try:
                    outcome = self.matcher.match_file(item.path, beat)
                except Exception as exc:  # a bug must cost one file, never the scan
                    outcome = FileResult(errors=[(item.path, Problem("engine-error", f"{type(exc).__name__}: {exc}"))])
                if journal is not None:
                    journal.end(slot)
                done.append((seq, item, outcome))
            results.put(done)

    def _drain(self, results: queue.SimpleQueue, cache: ScanCache | None, block: bool) -> int:
        drained = 0
        while True:
            try:
                batch = results.get(timeout=0.2) if block and drained == 0 else results.get_nowait()
            except queue.Empty:
                break
            for seq, item, outcome in batch:
                drained += 1
                cancelled = self.controls.cancel.is_set() and not outcome.hits and not outcome.errors and not outcome.bytes_scanned
                if cache is not None and not cancelled and not outcome.errors and item.stat and all(
                        limit != LIMIT_TIME for _, limit in outcome.incomplete):  # a time budget may hold next time
                    cache.remember(item.path, item.stat, [asdict(hit) for hit in outcome.hits], outcome.incomplete)
                self._complete(seq, item, outcome, "cancelled" if cancelled else "scanned")
        self._flush()
        return drained

    # -- ordered accounting --------------------------------------------------------------------

    def _complete(self, seq: int, item: WalkItem, outcome: FileResult | None, how: str) -> None:
        self.done[seq] = (item, outcome, how)
        while self.watermark + 1 in self.done:
            self.watermark += 1
            item, outcome, how = self.done.pop(self.watermark)
            self.position = list(item.at)
            self._account(item, outcome, how)
        if self.new_detections:
            self._flush(force=True)

    def _account(self, item: WalkItem, outcome: FileResult | None, how: str) -> None:
        if how == "skip":
            self.counts["skipped"] += 1
            if self.skips_reported < MAX_SKIPS_REPORTED:
                self.skips_reported += 1
                self.new_skips.append({"path": item.path, "reason": item.reason})
        elif how == "error":
            self.new_errors.append(error_record(item.path, item.reason))
        elif how == "cached":
            self.counts["files_scanned"] += 1
            self.counts["cached"] += 1
            self.current = item.path
            if outcome is not None:
                self._report_incomplete(outcome.incomplete)
                self._report_hits(item, outcome)
        elif how == "scanned" and outcome is not None:
            self.current = item.path
            if outcome.errors and not outcome.bytes_scanned:
                self.new_errors.extend(error_record(p, e) for p, e in outcome.errors)
                return
            self.counts["files_scanned"] += 1
            self.counts["bytes_scanned"] += outcome.bytes_scanned
            self.new_errors.extend(error_record(p, e) for p, e in outcome.errors)
            # a file the per-file time limit stopped was checked by no rule: never silent, never "clean"
            stopped = [(p, LIMIT_TIME) for p, e in outcome.errors if isinstance(e, Problem) and e.code == "timeout"]
            self._report_incomplete([*outcome.incomplete, *stopped])
            self._report_hits(item, outcome)

    def _report_incomplete(self, incomplete: list[tuple[str, str]]) -> None:
        """A file not fully checked, with what was not checked: counted once, each part named."""
        if incomplete:
            self.counts["incomplete"] += 1
            self.new_skips.extend({"path": p, "reason": PASSWORD_PROTECTED if limit == ENCRYPTED else NOT_FULLY_CHECKED,
                                   "limit": limit} for p, limit in incomplete)

    def _report_hits(self, item: WalkItem, outcome: FileResult) -> None:
        if outcome.hits:
            scanned = scanned_stat(item)
        for hit in outcome.hits:
            if hit.category in self.ignored:
                continue  # the user turned this kind of finding off
            self.new_detections.append({
                **hit_record(hit), "definitions_version": self.version,
                "file": item.path, "stat": scanned,
            })

    def _take_split(self) -> None:
        """Once the split rules reach the cache (compiled by a worker of their own: the first batch said
        ``split_missing``), the rest of the scan matches with them."""
        compiled = self.request.get("compiled_dir")
        if self.matcher is None or self.defs is None or not compiled:
            return
        split = cached_partitions(self.defs, Path(compiled))
        if split is not None:
            self.matcher.use(split)
            self.split_missing = False

    def _flush(self, force: bool = False) -> None:
        now = time.monotonic()
        if not force and now - self.last_flush < FLUSH_SECONDS:
            return
        self.last_flush = now
        if self.split_missing and (force or now - self.split_looked >= SPLIT_LOOK_SECONDS):
            self.split_looked = now
            self._take_split()
        self.emit({
            "type": "batch", "watermark": self.watermark, "position": self.position, **self.counts,
            "current": self.current, "split_missing": self.split_missing,
            "detections": self.new_detections, "errors": self.new_errors, "skipped_items": self.new_skips,
        })
        self.new_detections, self.new_errors, self.new_skips = [], [], []
