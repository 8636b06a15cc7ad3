"""Run as a program (``python -m tests.ui.clipping LANG``) under a given ``QT_SCALE_FACTOR``: opens the real
console on the test's RINGFENCE_HOME with demo state, visits every page and prints, as JSON, every label
or button whose text does not fit (narrower than its text needs) and every table that needs a horizontal
scroll bar (its columns wider than its room). The scale factor must be set before Qt
starts, hence a separate process."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QScrollArea, QTableView, QWidget

from app.ui.application import ConsoleApp

WINDOW = (1280, 720)  # a 1920x1080 screen at 150 %, in logical pixels (another size: a second argument, 1093x614)


def clipped(page: QWidget) -> list[str]:
    found = []
    for widget in page.findChildren(QWidget):
        if not widget.isVisibleTo(page) or not isinstance(widget, QLabel | QAbstractButton):
            continue
        if isinstance(widget, QLabel) and (widget.wordWrap() or (widget.pixmap() is not None and not widget.text())):
            continue
        text = widget.text()
        if text and widget.width() < widget.sizeHint().width():
            found.append(f"{text!r}: {widget.width()} < {widget.sizeHint().width()}")
    for table in page.findChildren(QTableView):
        if table.isVisibleTo(page) and table.horizontalScrollBar().isVisible():
            header = table.horizontalHeader()
            found.append(f"table {table.accessibleName()!r} needs {header.length()} px across, has "
                         f"{table.viewport().width()}")
    return found


def settings_clipped(app: ConsoleApp, qapp: QApplication) -> dict[str, list[str]]:
    """Every tab of the settings dialog at its opening size: no clipped label or button, no tab that
    needs a horizontal scroll bar."""
    from app.ui.dialogs.settings import SettingsDialog

    dialog = SettingsDialog(app)
    dialog.show()
    problems: dict[str, list[str]] = {}
    for index in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(index)
        for _ in range(10):
            qapp.processEvents()
        tab = dialog.tabs.widget(index)
        assert isinstance(tab, QScrollArea)
        found = clipped(tab)
        if tab.widget().minimumSizeHint().width() > tab.viewport().width():
            found.append(f"needs {tab.widget().minimumSizeHint().width()} px across, has {tab.viewport().width()}")
        if found:
            problems[f"settings: {dialog.tabs.tabText(index)}"] = found
    bar = dialog.tabs.tabBar()
    if bar.sizeHint().width() > dialog.tabs.width():
        problems["settings"] = [f"the tabs need {bar.sizeHint().width()} px, have {dialog.tabs.width()}"]
    dialog.close()
    return problems


def main(language: str, window: str = "") -> int:
    size_text = window.split("x") if window else WINDOW
    wanted = (int(size_text[0]), int(size_text[1]))
    from app.core.context import Context
    from app.core.foundation.paths import get_paths
    from app.core.recovery.seen import SeenCrashes
    from tests.quarantine.conftest import make_file, quarantine
    from tests.recovery.test_offline_cli import copied_folder

    qapp = QApplication(sys.argv[:1])
    scratch = Path(os.environ["RINGFENCE_HOME"]) / "demo"
    with Context.open() as ctx:
        quarantine(ctx, make_file(scratch / "Downloads" / "invoice-2026.pdf.exe", b"payload"), rule="Trojan_Test_Dropper")
        deep = scratch / "Documents" / "Mail attachments from the accountant" / "2026" / "March, final version"
        quarantine(ctx, make_file(deep / "invoice-march-2026-final-signed.pdf.exe", b"MZ payload"),
                   rule="Ringfence_Double_Extension_Executable")  # a long path and a long name
        SeenCrashes(ctx.store).announce([])  # the crashes in the copied folder are news: the black card shows
    app = ConsoleApp(qapp, get_paths(), use_tray=False, poll_updates=False, crash_source=copied_folder(scratch / "pc"))
    app.language.apply(language)
    app.start()
    app.window.resize(*wanted)
    problems: dict[str, list[str]] = {}
    qapp.processEvents()
    size = app.window.size()
    if size.width() > wanted[0] or size.height() > wanted[1]:
        problems["window"] = [f"the window needs {size.width()} x {size.height()}"]
    for name, page in app.window.pages.items():
        app.window.show_page(name)
        for _ in range(600):  # up to 30 s for the page's first load
            qapp.processEvents()
            if getattr(page, "loads", 1) > 0 and not getattr(page, "_loading", False):
                break
            QApplication.instance().thread().msleep(50)  # type: ignore[union-attr]
        for _ in range(10):
            qapp.processEvents()
        found = clipped(page)
        scroller = getattr(page, "scroller", None)
        if scroller is not None and scroller.horizontalScrollBar().isVisible():
            found.append(f"needs {page.body.minimumSizeHint().width()} px across, has {scroller.viewport().width()}")
        if found:
            problems[name] = found
    problems.update(settings_clipped(app, qapp))
    print(json.dumps(problems))
    app.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
