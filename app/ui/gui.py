"""``ringfence-gui`` (and ``ringfence`` with no command on a desktop): start the console.

``--minimized`` starts in the tray (the autostart entry uses it). Paths given (``ringfence-gui --scan
PATH…``, also ``ringfence --scan PATH…`` and the bundle's executable: "Scan with Ringfence" and "Open with"
in the file manager) are scanned at once, without a question;
a console that was not running starts in the tray for it and notifies when the scan is done. A second
launch hands over to the running console (with its paths, if any) and exits.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from app import __version__
from app.core.foundation.errors import RingfenceError
from app.core.foundation.logs import setup_logging
from app.core.foundation.paths import get_paths
from app.ui import error_dialog, i18n
from app.ui.icons import app_icon
from app.ui.single_instance import SingleInstance

if TYPE_CHECKING:
    from app.core.foundation.paths import Paths
    from app.ui.application import ConsoleApp

log = logging.getLogger(__name__)


def make_qapp(argv: Sequence[str] = ()) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    qapp = QApplication(["ringfence", *argv])
    qapp.setApplicationName("Ringfence")
    qapp.setApplicationDisplayName("Ringfence")
    qapp.setApplicationVersion(__version__)
    qapp.setOrganizationName("Ringfence")
    qapp.setDesktopFileName("ringfence")
    qapp.setWindowIcon(app_icon())
    qapp.setQuitOnLastWindowClosed(False)
    return qapp


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="ringfence-gui", description="Ringfence desktop console")
    parser.add_argument("--minimized", action="store_true", help="start in the tray (for starting at log-in)")
    parser.add_argument("--scan", action="store_true",
                        help="scan the PATHs at once (what \"Scan with Ringfence\" in the file manager runs)")
    parser.add_argument("paths", nargs="*", metavar="PATH", help="files, folders or drives to scan at once")
    args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    targets = scan_targets(args.paths)
    try:
        paths = get_paths().ensure()
    except RingfenceError as exc:  # its folders cannot be used: nothing else can work
        return cannot_start(exc)
    log_file = setup_logging(paths.log_dir)
    qapp = make_qapp()
    instance = SingleInstance(paths)
    if not instance.claim(targets):
        log.info("Ringfence is already running; handed over to it (%d path(s) to scan)", len(targets))
        return 0
    error_dialog.install(log_file)

    console = build_console(qapp, paths)
    instance.activated.connect(console.open_window)
    instance.scan_requested.connect(console.scan_from_outside)
    console.about_to_quit.connect(instance.close)
    console.start(minimized=args.minimized or bool(targets))
    if targets:
        instance.request_scan(targets)  # gathered with the other items of the same selection
    return qapp.exec()


def scan_targets(given: Sequence[str], platform: str = sys.platform) -> list[str]:
    """The paths a file manager passed, made absolute (Nautilus passes names in the folder it shows).
    On Windows a drive's root quoted as ``"C:\\"`` arrives as ``C:"`` (the backslash escapes the quote)."""
    found = []
    for each in given:
        path = each[:-1] + "\\" if platform == "win32" and each.endswith('"') else each
        if path:
            found.append(os.path.abspath(path))
    return found


def build_console(qapp: QApplication, paths: Paths, **options: Any) -> ConsoleApp:
    """The application object with its window (``options`` go to :class:`ConsoleApp`: ``use_tray``,
    ``poll_updates``…). The one place outside ``application.py`` that names it; imported only once a
    console really starts, after the error dialog is in place."""
    from app.ui.application import ConsoleApp

    return ConsoleApp(qapp, paths, **options)


def cannot_start(exc: RingfenceError) -> int:
    """Say why the console cannot start, in a dialog (and on stderr for whoever started it); exit code 2."""
    print(f"ringfence: {exc.message}", file=sys.stderr)
    make_qapp()
    box = QMessageBox(QMessageBox.Icon.Critical, QCoreApplication.translate("ErrorDialog", "Ringfence"), i18n.text(exc.msg))
    box.setObjectName("startupErrorDialog")
    box.exec()
    return 2


if __name__ == "__main__":
    sys.exit(main())
