"""One engine worker process, seen from the console: start it, talk JSON lines, stop or kill it.

The worker runs in its own process group (session on POSIX), so stopping it never touches the
console, and its stderr goes to ``logs/engine.log``.
"""

from __future__ import annotations

import json
import logging
import os
import queue
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

from app.core.foundation.errors import EngineError
from app.core.text.messages import translate

log = logging.getLogger(__name__)
_EOF = object()
READER_END_S = 5.0  # how long closing waits for the reader to see a dead worker's stdout end


def engine_argv(mode: str = "--engine", *args: str) -> list[str]:
    """The command line that starts ``python -m app MODE ARGS`` (or the frozen executable's): the same
    from a source checkout, a wheel and the frozen bundle."""
    if getattr(sys, "frozen", False):
        return [sys.executable, mode, *args]
    return [sys.executable, "-m", "app", mode, *args]


class EngineDied(Exception):
    """The worker process ended without being asked to."""

    def __init__(self, returncode: int | None) -> None:
        super().__init__(f"engine worker exited with {returncode}")
        self.returncode = returncode


# glibc's allocator raises its mmap threshold to the largest block freed so far (up to 32 MB), after which
# the worker's many 1-16 MB buffers (files read whole, archive members) come from per-thread heaps that
# never shrink (a minute of scanning Python wheels peaked at 343 MB that way, 287 MB with a fixed threshold).
# A fixed threshold gives each such buffer back to the system when it is freed; two arenas bound the
# per-thread heaps. Other C libraries ignore these variables.
WORKER_MALLOC = {"MALLOC_MMAP_THRESHOLD_": str(1024 * 1024), "MALLOC_ARENA_MAX": "2"}


class EngineProcess:
    def __init__(self, log_dir: Path, start_timeout: float = 60.0) -> None:
        log_dir.mkdir(parents=True, exist_ok=True)
        self._stderr = open(log_dir / "engine.log", "ab")  # noqa: SIM115 - closed in close()
        kwargs: dict[str, Any] = {}
        if sys.platform != "win32":
            kwargs["start_new_session"] = True
        else:
            kwargs["creationflags"] = subprocess.CREATE_NEW_PROCESS_GROUP | getattr(subprocess, "CREATE_NO_WINDOW", 0)
        env = dict(os.environ, PYTHONUNBUFFERED="1")
        env.update({name: value for name, value in WORKER_MALLOC.items() if name not in os.environ})
        try:
            self.proc = subprocess.Popen(
                engine_argv("--engine"), stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._stderr,
                env=env, **kwargs,
            )
        except OSError as exc:
            self._stderr.close()
            raise EngineError(translate("Engine", "The scanner engine could not be started (%1).")
                              .arg(exc.strerror or str(exc))) from exc
        self._messages: queue.Queue[Any] = queue.Queue()
        self._reader = threading.Thread(target=self._read, daemon=True, name="engine-reader")
        self._reader.start()
        self.start_timeout = start_timeout
        self.pid: int = self.proc.pid
        self.info: dict[str, Any] | None = None

    def wait_ready(self) -> None:
        """Wait for the worker's hello (the process starts while the console prepares the request)."""
        if self.info is not None:
            return
        try:
            ready = self.get(timeout=self.start_timeout)
        except EngineDied:
            ready = None
        if ready is None or ready.get("type") != "ready":
            self.kill()
            raise EngineError(translate("Engine", "The scanner engine did not start; see the engine log for details."))
        self.pid = int(ready["pid"])
        self.info = ready

    def _read(self) -> None:
        """The worker's messages to the queue, then its end; this thread alone reads and closes stdout
        (closing a pipe while another thread reads it breaks that read)."""
        stdout = self.proc.stdout
        assert stdout is not None
        try:
            for raw in stdout:
                try:
                    self._messages.put(json.loads(raw))
                except ValueError:
                    log.warning("engine wrote a line that is not a message: %r", raw[:200])
        finally:
            self._messages.put(_EOF)
            stdout.close()

    def send(self, message: dict[str, Any]) -> None:
        assert self.proc.stdin is not None
        try:
            self.proc.stdin.write((json.dumps(message) + "\n").encode("utf-8"))
            self.proc.stdin.flush()
        except (BrokenPipeError, OSError):
            pass  # the reader will report the death

    def get(self, timeout: float | None) -> dict[str, Any] | None:
        """The next message, ``None`` on timeout; raises :class:`EngineDied` when the worker is gone."""
        try:
            message = self._messages.get(timeout=timeout)
        except queue.Empty:
            return None
        if message is _EOF:
            self._messages.put(_EOF)
            raise EngineDied(self.proc.wait())
        return message

    def alive(self) -> bool:
        return self.proc.poll() is None

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()
        self._close_streams()

    def close(self, timeout: float = 5.0) -> None:
        """Ask the worker to stop; kill it if it does not."""
        if self.proc.poll() is None:
            self.send({"cmd": "shutdown"})
            try:
                if self.proc.stdin:
                    self.proc.stdin.close()
                self.proc.wait(timeout=timeout)
            except (subprocess.TimeoutExpired, OSError):
                self.proc.kill()
                self.proc.wait()
        self._close_streams()

    def finish_in_background(self, message: dict[str, Any]) -> None:
        """Hand the worker one last request and let it go: it answers nobody, ends when the request is
        done (even after this process has ended), and a daemon thread reaps it meanwhile."""
        if self.proc.poll() is not None:
            self._close_streams()
            return
        self.send(message)
        self.send({"cmd": "shutdown"})
        try:
            if self.proc.stdin:
                self.proc.stdin.close()
        except OSError:
            pass

        def reap() -> None:
            self.proc.wait()
            self._close_streams()

        threading.Thread(target=reap, daemon=True, name="engine-reaper").start()

    def _close_streams(self) -> None:
        try:
            if self.proc.stdin:
                self.proc.stdin.close()
        except OSError:
            pass
        if self._reader is not threading.current_thread():
            self._reader.join(READER_END_S)  # the worker is gone: its stdout ends, and the reader closes it
        self._stderr.close()


