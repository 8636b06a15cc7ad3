"""The engine worker process: ``python -m app --engine``.

Speaks JSON lines: requests on stdin, messages on stdout (the real stdout is kept for the protocol
and fd 1 is pointed at stderr, so nothing else can corrupt it). One request runs at a time on the main
thread's command loop; ``pause``, ``resume`` and ``cancel`` act on the running scan at once.

Requests: ``scan``, ``selftest``, ``warm``, ``scan_bytes``, ``shutdown``. Messages: ``ready``, ``batch``,
``done``, ``selftest``, ``warmed``, ``matches``, ``failed`` (a request that could not run, with one
sentence). ``batch``, ``done`` and ``matches`` say ``split_missing`` while the rules split by file type
are not in the cache and the whole set is used (:func:`app.engine.rules.load_for_scan`).
"""

from __future__ import annotations

import base64
import json
import os
import platform
import queue
import sys
import threading
import time
from pathlib import Path
from typing import Any, TextIO

import yara

from app import ENGINE_VERSION, __version__
from app.engine.bundle import BundleError, load_definitions
from app.engine.eicar import eicar_bytes
from app.engine.matcher import Matcher
from app.engine.problems import error_record
from app.engine.rules import count_rules, load_or_compile, load_or_compile_partitions
from app.engine.worker_scan import Controls, Scan, build_matcher, hit_record


class Channel:
    """Writes whole JSON lines to the protocol stream, one writer at a time. A console that has gone
    (it let the worker finish a request on its own, or it ended) leaves the messages unread: they are
    dropped and the request runs to its end."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.lock = threading.Lock()
        self.gone = False

    def send(self, message: dict[str, Any]) -> None:
        line = json.dumps(message, separators=(",", ":")) + "\n"
        with self.lock:
            if self.gone:
                return
            try:
                self.stream.write(line)
                self.stream.flush()
            except (OSError, ValueError):  # a broken pipe: nobody reads any more
                self.gone = True

    def close(self) -> None:
        with self.lock:
            try:
                self.stream.flush()
            except (OSError, ValueError):
                self.gone = True


def selftest(request: dict[str, Any]) -> dict[str, Any]:
    """Load the definitions, detect EICAR and the golden samples in memory, and stay silent on the
    clean corpus."""
    started = time.monotonic()
    defs = load_definitions(Path(request["definitions"]["path"]))
    compiled = request.get("compiled_dir")
    # The whole rule set proves the definitions; the split that scans use is compiled behind it by a
    # ``warm`` request (seconds, once per version), which proves it on the golden samples itself.
    rules = load_or_compile(defs, Path(compiled) if compiled else None)
    matcher = Matcher(rules, defs.hashes, set(defs.allow), timeout=int(request.get("timeout", 10)),
                      uses_md5=defs.uses_md5)
    checks = []
    eicar = matcher.match_bytes("EICAR test string", eicar_bytes())
    checks.append({"check": "eicar", "ok": bool(eicar.hits), "detail": ", ".join(h.rule for h in eicar.hits)})
    for rule, (filename, sample) in sorted(defs.golden.items()):
        hits = {h.rule for h in matcher.match_bytes(filename, sample).hits}
        checks.append({"check": f"golden:{rule}", "ok": rule in hits, "detail": ", ".join(sorted(hits))})
    false_alarms = []
    for folder in request.get("clean_dirs", []):
        for path in sorted(Path(folder).rglob("*")):
            if path.is_file():
                outcome = matcher.match_file(str(path))
                false_alarms += [f"{path.name}: {h.rule}" for h in outcome.hits]
                false_alarms += [f"{path.name}: {e}" for _, e in outcome.errors]
    checks.append({"check": "clean-corpus", "ok": not false_alarms, "detail": "; ".join(false_alarms)})
    return {
        "type": "selftest", "ok": all(c["ok"] for c in checks), "checks": checks,
        "definitions_version": defs.version, "rule_count": count_rules(rules), "hash_count": len(defs.hashes),
        "engine_version": ENGINE_VERSION, "app_version": __version__, "yara_version": yara.YARA_VERSION,
        "yara_python_version": yara.__version__, "python": platform.python_version(),
        "duration_s": round(time.monotonic() - started, 3),
    }


def scan_bytes(request: dict[str, Any]) -> dict[str, Any]:
    matcher, defs, split_missing = build_matcher(request)
    results = []
    for item in request.get("items", []):
        outcome = matcher.match_bytes(item["name"], base64.b64decode(item["data"]))
        results.append({
            "name": item["name"],
            "hits": [hit_record(h) for h in outcome.hits],
            "errors": [error_record(p, e) for p, e in outcome.errors],
        })
    return {"type": "matches", "definitions_version": defs.version, "results": results,
            "split_missing": split_missing}


def _reader(commands: queue.Queue[dict[str, Any] | None], controls_ref: list[Controls]) -> None:
    for line in sys.stdin:
        try:
            message = json.loads(line)
        except ValueError:
            continue
        cmd = message.get("cmd")
        if cmd == "scan":
            # The scan's controls exist as soon as its request is read, so a pause or cancel that
            # arrives right behind it (before the main loop starts the scan) acts on this scan.
            controls_ref[0] = Controls()
            if message.get("paused"):
                controls_ref[0].running.clear()
            message = {**message, "_controls": controls_ref[0]}
        controls = controls_ref[0]
        if cmd == "pause":
            controls.running.clear()
        elif cmd == "resume":
            controls.running.set()
        elif cmd == "cancel":
            controls.cancel.set()
            controls.running.set()
        else:
            commands.put(message)
    commands.put(None)  # stdin closed: the supervisor is gone


class _QuietStream:
    """stderr (the engine log) that never fails: a log on a full disk must not stop a scan."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except (OSError, ValueError):
            return len(text)

    def flush(self) -> None:
        try:
            self._stream.flush()
        except (OSError, ValueError):
            pass


def warm(request: dict[str, Any]) -> dict[str, Any]:
    """Compile the rules split by file type and size into the cache (after an update's self-test, so
    the first scan of the new version starts at once)."""
    started = time.monotonic()
    defs = load_definitions(Path(request["definitions"]["path"]))
    compiled = request.get("compiled_dir")
    rules = load_or_compile_partitions(defs, Path(compiled) if compiled else None)
    return {"type": "warmed", "definitions_version": defs.version, "sets": len(rules.keys),
            "duration_s": round(time.monotonic() - started, 3)}


def main(argv: list[str]) -> int:
    del argv
    protocol = os.fdopen(os.dup(1), "w", encoding="utf-8", newline="\n")
    os.dup2(2, 1)  # stray prints (libraries) go to stderr, never into the protocol
    sys.stderr = sys.stdout = _QuietStream(sys.stderr)
    channel = Channel(protocol)
    channel.send({"type": "ready", "pid": os.getpid(), "engine_version": ENGINE_VERSION,
                  "yara_version": yara.YARA_VERSION})
    commands: queue.Queue[dict[str, Any] | None] = queue.Queue()
    controls_ref = [Controls()]
    threading.Thread(target=_reader, args=(commands, controls_ref), daemon=True, name="commands").start()
    while (request := commands.get()) is not None:
        cmd = request.get("cmd")
        if cmd == "shutdown":
            break
        try:
            if cmd == "scan":
                channel.send(Scan(request, channel.send, request.pop("_controls")).run())
            elif cmd == "selftest":
                channel.send(selftest(request))
            elif cmd == "warm":
                channel.send(warm(request))
            elif cmd == "scan_bytes":
                channel.send(scan_bytes(request))
            else:
                channel.send({"type": "failed", "message": f"Unknown engine request {cmd!r}."})
        except BundleError as exc:
            channel.send({"type": "failed", "message": str(exc), "kind": "definitions", "code": exc.code,
                          "args": list(exc.values)})
        except (OSError, yara.Error, KeyError, ValueError) as exc:
            channel.send({"type": "failed", "message": f"The engine could not complete the request ({exc})."})
    channel.close()
    sys.stderr.flush()
    os._exit(0)  # nothing left to clean up; skipping interpreter teardown makes the exit immediate
