"""Intent records: what a quarantine or restore was about to do, so the next start can finish or undo it.

An intent is written (and committed) before the first change on disk and removed in the same
transaction that records the final state. Each records the process that owns it (pid and start
time), so recovery never touches an operation that a live process is still carrying out.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from dataclasses import dataclass
from typing import Any

import psutil

QUARANTINE, RESTORE = "quarantine", "restore"


@dataclass(frozen=True)
class Intent:
    id: int
    op: str
    item_id: str
    pid: int
    pid_started: float
    created_at: float
    detail: dict[str, Any]

    def owner_alive(self) -> bool:
        """True while the process that wrote this intent is still running."""
        if self.pid == os.getpid() and abs(self.pid_started - _own_start()) < 0.01:
            return True
        try:
            return abs(psutil.Process(self.pid).create_time() - self.pid_started) < 0.01
        except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
            return False


def _own_start() -> float:
    return psutil.Process(os.getpid()).create_time()


def begin(conn: sqlite3.Connection, op: str, item_id: str, detail: dict[str, Any]) -> int:
    cursor = conn.execute(
        "INSERT INTO quarantine_intents (op, item_id, pid, pid_started, created_at, detail) VALUES (?, ?, ?, ?, ?, ?)",
        (op, item_id, os.getpid(), _own_start(), time.time(), json.dumps(detail)),
    )
    return int(cursor.lastrowid or 0)


def update(conn: sqlite3.Connection, intent_id: int, detail: dict[str, Any]) -> None:
    conn.execute("UPDATE quarantine_intents SET detail = ? WHERE id = ?", (json.dumps(detail), intent_id))


def finish(conn: sqlite3.Connection, intent_id: int) -> None:
    conn.execute("DELETE FROM quarantine_intents WHERE id = ?", (intent_id,))


def get(conn: sqlite3.Connection, intent_id: int) -> Intent | None:
    row = conn.execute("SELECT * FROM quarantine_intents WHERE id = ?", (intent_id,)).fetchone()
    return _from_row(row) if row else None


def _from_row(r: sqlite3.Row) -> Intent:
    return Intent(r["id"], r["op"], r["item_id"], r["pid"], r["pid_started"], r["created_at"], json.loads(r["detail"]))


def pending(conn: sqlite3.Connection) -> list[Intent]:
    rows = conn.execute("SELECT * FROM quarantine_intents ORDER BY id").fetchall()
    return [_from_row(r) for r in rows]
