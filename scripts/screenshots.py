#!/usr/bin/env python3
"""Screenshots of every page of the console, in English and German, for the README.

    .venv/bin/python scripts/screenshots.py [--out docs/screenshots] [--scale 1.5] [--size 1280x800]

Makes realistic state with Ringfence's own services in a temporary RINGFENCE_HOME (scripts/demo_state.py:
an update history with a probation rollback, a scan that quarantined what it found and a document the
user put back and allowed, a crashed PC's copied evidence, a USB stick with two threats), starts a real
X server (Xvfb), runs the real console on it with real-time protection on, scans the USB stick from the
Scan page, visits every page and the settings dialog in each language and writes ``<lang>-<page>.png``.
Nothing on screen is staged: each page shows what core returns for that state, and the script fails
when a page does not show it.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))
SIZE = (1280, 800)


def start_xvfb() -> tuple[subprocess.Popen[bytes], str]:
    read, write = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1400x1000x24", "-nolisten", "tcp"],
                              pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as pipe:
        return server, f":{pipe.readline().strip()}"


def missing_data(pages: dict[str, Any]) -> list[str]:
    """What a page should show for the demo state but does not (empty means: every page shows real data)."""
    checks = {
        "dashboard": lambda p: p.banner.level in ("attention", "alert") and all(t.value.text() for t in p.tiles.values()),
        "scan": lambda p: len(p.results.model.rows) >= 2,
        "quarantine": lambda p: len(p.model.rows) >= 7 and len(p.allowed.model.rows) >= 1,
        "updates": lambda p: any(h.event == "reverted" for h in p.history.rows) and p.changes.rules.count() > 0,
        "recovery": lambda p: len(p.crashes.rows) == 2 and p.card.isVisibleTo(p),
        "history": lambda p: len(p.model.rows) >= 10,
    }
    return [f"the {name} page does not show the demo state" for name, shows in checks.items()
            if name not in pages or not shows(pages[name])]


def shoot(crash_source: Path, stick: Path, out: Path) -> int:
    """In the child process, on the X server: the real console, page by page."""
    from PySide6.QtCore import QCoreApplication, QElapsedTimer

    from app.core.foundation.paths import get_paths
    from app.ui.application import ConsoleApp
    from app.ui.dialogs.settings import SettingsDialog
    from app.ui.gui import make_qapp

    qapp = make_qapp()
    console = ConsoleApp(qapp, get_paths(), use_tray=False, poll_updates=False, protect=True,
                         crash_source=crash_source)  # real-time protection watches the demo user's folders
    console.start()
    width, height = os.environ.get("RINGFENCE_SHOT_SIZE", "x".join(map(str, SIZE))).split("x")
    console.window.resize(int(width), int(height))

    def settle(ms: int, until: object = None) -> None:
        timer = QElapsedTimer()
        timer.start()
        while timer.elapsed() < ms or (callable(until) and not until() and timer.elapsed() < 60_000):
            qapp.processEvents()

    settle(1500)
    scan = console.window.pages.get("scan")
    if scan is not None:  # a scan the user starts on the Scan page: results as they were found
        console.show_page("scan")
        scan.start_scan("custom", [str(stick)])  # type: ignore[attr-defined]
        settle(500, lambda: not scan.running)  # type: ignore[attr-defined]
    for language in ("en", "de"):
        console.language.apply(language)
        settle(600)
        for name, page in console.window.pages.items():
            console.show_page(name)
            refresh = getattr(page, "refresh", None)
            if callable(refresh) and name != "scan":
                before = getattr(page, "loads", 0)
                refresh()
                settle(300, lambda p=page, b=before: getattr(p, "loads", 1) > b)
            settle(700)
            console.window.grab().save(str(out / f"{language}-{name}.png"))
            if name == "quarantine":  # and its second tab, the allow-list
                page.tabs.setCurrentIndex(1)  # type: ignore[attr-defined]
                settle(400)
                console.window.grab().save(str(out / f"{language}-allow-list.png"))
                page.tabs.setCurrentIndex(0)  # type: ignore[attr-defined]
        problems = missing_data(console.window.pages)
        if problems:
            print("\n".join(problems), file=sys.stderr)
            console.quit()
            return 1
        dialog = SettingsDialog(console, "scan")
        dialog.show()
        settle(500)
        dialog.grab().save(str(out / f"{language}-settings.png"))
        dialog.close()
    QCoreApplication.processEvents()
    console.quit()
    return 0


def in_keyring_session() -> int:
    """This script again inside a private D-Bus session with an unlocked throw-away gnome-keyring (as on a
    desktop, and as scripts/test does): the demo's quarantine key goes to the keyring, not a private file."""
    keyrings = tempfile.mkdtemp(prefix="ringfence-shots-keyring-")
    unlock = ('eval "$(printf ringfence-demo | XDG_DATA_HOME="$KEYRINGS" gnome-keyring-daemon --unlock '
              '--components=secrets 2>/dev/null)" || true; exec "$@"')
    try:
        return subprocess.run(["dbus-run-session", "--", "bash", "-c", unlock, "bash", sys.executable, *sys.argv],
                              env=dict(os.environ, RINGFENCE_SHOTS_KEYRING="1", KEYRINGS=keyrings),
                              check=False).returncode
    finally:
        shutil.rmtree(keyrings, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--scale", default="1", help="display scaling to look at, e.g. 1.25 or 1.5 (default 1)")
    parser.add_argument("--size", default="x".join(map(str, SIZE)), help="the window's size (default %(default)s)")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "ringfence-demo",
                        help="a scratch folder for the demo state (emptied; its paths are on the screenshots)")
    parser.add_argument("--shoot", nargs=3, type=Path, metavar=("CRASHES", "FOLDER", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.shoot:
        return shoot(*args.shoot)
    if shutil.which("Xvfb") is None:
        print("Xvfb is needed (scripts/setup installs it)", file=sys.stderr)
        return 2
    if "RINGFENCE_SHOTS_KEYRING" not in os.environ and shutil.which("dbus-run-session") \
            and shutil.which("gnome-keyring-daemon"):
        return in_keyring_session()
    work = args.work  # paths on screen read /tmp/ringfence-demo/alex/...
    if work != parser.get_default("work") and work.exists() and any(work.iterdir()):
        print(f"{work} is not empty; give a new or empty folder", file=sys.stderr)
        return 2
    shutil.rmtree(work, ignore_errors=True)
    env = dict(os.environ, RINGFENCE_HOME=str(work / "home"), XDG_CONFIG_HOME=str(work / "xdg"), LANG="en_GB.UTF-8")
    os.environ.update(env)
    import demo_state

    crashes = demo_state.make(work / "alex")
    stick = demo_state.usb_stick(work / "USB stick", work / "alex")
    (work / "alex" / "tmp").mkdir()
    args.out.mkdir(parents=True, exist_ok=True)
    server, display = start_xvfb()
    try:
        child_env = dict(env, DISPLAY=display, QT_QPA_PLATFORM="xcb", QT_SCALE_FACTOR=args.scale, RINGFENCE_SHOT_SIZE=args.size,
                         HOME=str(work / "alex"), TMPDIR=str(work / "alex" / "tmp"))  # real-time protection
        # watches the demo user's usual folders (Downloads, Desktop, Documents, temp); the USB stick is not one
        child_env.pop("WAYLAND_DISPLAY", None)
        done = subprocess.run([sys.executable, __file__, "--shoot", str(crashes), str(stick), str(args.out)],
                              env=child_env, cwd=ROOT, timeout=600, check=False)
    finally:
        server.terminate()
        server.wait(10)
        shutil.rmtree(work, ignore_errors=True)
    print(f"screenshots in {args.out}")
    return done.returncode


if __name__ == "__main__":
    sys.exit(main())
