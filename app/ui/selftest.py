"""``Ringfence --console-selftest``: open the console's main window, wait for its first paint, close it.

Used by the frozen bundle's self-test (every Qt plugin, translation and icon the window needs is
really in the bundle) and by ``bench/bench_gui.py`` (time from process start to the first painted
window). Prints one JSON object: ``ok``, ``pages``, ``first_paint_s`` (since the process started),
``rss_mb`` (after the first paint). No tray, no update poller; runs offscreen when no platform is set.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Sequence

import psutil


def main(argv: Sequence[str] = ()) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEvent, QObject, QTimer

    from app.core.foundation.paths import get_paths
    from app.ui.gui import build_console, make_qapp

    qapp = make_qapp()

    process = psutil.Process()
    result: dict[str, object] = {"ok": False}

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and "first_paint_s" not in result:
                result["first_paint_s"] = round(time.time() - process.create_time(), 3)
                QTimer.singleShot(0, console.quit)
            return False

    console = build_console(qapp, get_paths(), use_tray=False, poll_updates=False)
    painted = FirstPaint()
    console.window.installEventFilter(painted)
    QTimer.singleShot(30_000, console.quit)  # a window that never paints fails, it does not hang
    console.start()
    qapp.exec()
    result["pages"] = console.window.page_names()
    result["rss_mb"] = round(process.memory_info().rss / 2**20, 1)
    result["ok"] = "first_paint_s" in result and bool(result["pages"])
    print(json.dumps(result))
    return 0 if result["ok"] else 1
