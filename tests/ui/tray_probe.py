"""Run by tests/ui/test_tray_x11.py in a child process on a real X server: the console with a real tray.

Prints one JSON object with what the tray and the window did. Argument: ``tray``, ``late`` (the tray host starts after
the console) or ``notray``.
"""

from __future__ import annotations

import json
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QSystemTrayIcon

from app.core.foundation.paths import get_paths
from app.ui.application import ConsoleApp
from app.ui.gui import make_qapp


def main() -> int:
    qapp = make_qapp()
    report: dict[str, object] = {}
    console = ConsoleApp(qapp, get_paths(), poll_updates=False)
    ran: list[str] = []
    console.register_action("scan.quick", lambda _arg: ran.append("scan.quick"))
    console.start()

    waited = [0]
    want_tray = sys.argv[1:] in (["tray"], ["late"])

    def step1() -> None:
        # On a fresh, busy machine the tray host may take many seconds to start (its first font cache):
        # the console adopts a tray that appears late, then the host embeds the icon.
        tray = console.tray
        if (tray is None or tray.tray.geometry().isEmpty()) and want_tray and waited[0] < 240:
            waited[0] += 1
            QTimer.singleShot(250, step1)
            return
        report["tray_available"] = QSystemTrayIcon.isSystemTrayAvailable()
        report["has_tray"] = console.tray is not None
        report["window_visible"] = console.window.isVisible()
        if console.tray is not None:
            report["tray_visible"] = console.tray.tray.isVisible()
            report["tray_geometry"] = console.tray.tray.geometry().getRect()
            console.tray.scan_action.trigger()
            report["actions"] = list(ran)
            console.tray.set_state("alert")
            report["state"] = console.tray.state
        console.window.close()  # with a tray: hidden; without: the console quits
        if console.quitting:
            step2()
        else:
            QTimer.singleShot(500, step2)

    def step2() -> None:
        report["after_close_visible"] = console.window.isVisible()
        report["quitting_after_close"] = console.quitting
        if console.tray is not None:
            console.tray.quit_action.trigger()
        report["quit"] = console.quitting
        print(json.dumps(report), flush=True)

    QTimer.singleShot(1500, step1)
    QTimer.singleShot(90_000, qapp.quit)
    qapp.exec()
    return 0


if __name__ == "__main__":
    sys.exit(main())
