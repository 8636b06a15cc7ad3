"""The bundle keeps only the Qt plugins and translations the console uses, in both wheels' layouts
(the file lists of the real PySide6-Essentials wheels: tests/fixtures/qt_wheels/SOURCE.md)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
import build_info

from tests.conftest import ROOT

WHEELS = ROOT / "tests" / "fixtures" / "qt_wheels"
WINDOWS = "pyside6_essentials-6.11.3-win_amd64.txt"
LINUX = "pyside6_essentials-6.11.3-manylinux_2_34_x86_64.txt"
#: where each wheel keeps Qt's plugins and translations
QT_DIR = {WINDOWS: "PySide6/", LINUX: "PySide6/Qt/"}


def _files(name: str) -> list[str]:
    return (WHEELS / name).read_text(encoding="utf-8").split()


def _kept(name: str, kind: str) -> set[str]:
    """The plugin folders (``kind="plugins"``) or translation files the filter keeps from one wheel."""
    prefix = QT_DIR[name] + kind + "/"
    return {path[len(prefix):].split("/")[0] for path in _files(name)
            if path.startswith(prefix) and build_info.wanted_qt_file(path)}


@pytest.mark.parametrize("name", [WINDOWS, LINUX])
def test_only_the_console_s_plugins_and_german_qt_texts_are_kept(name: str) -> None:
    files = _files(name)
    assert sum(path.startswith(QT_DIR[name] + "translations/") for path in files) == 200  # every Qt text
    assert _kept(name, "translations") == {"qtbase_de.qm"}
    plugins = {p[len(QT_DIR[name] + "plugins/"):].split("/")[0] for p in files if p.startswith(QT_DIR[name] + "plugins/")}
    assert _kept(name, "plugins") == plugins & build_info.QT_PLUGINS
    assert {"sqldrivers", "qmltooling", "designer", "networkinformation"} <= plugins - _kept(name, "plugins")


def test_windows_keeps_the_same_plugins_as_linux_where_it_has_them() -> None:
    assert _kept(WINDOWS, "plugins") == {"generic", "iconengines", "imageformats", "platforminputcontexts",
                                         "platforms", "styles", "tls"}
    assert _kept(WINDOWS, "plugins") - {"styles"} <= _kept(LINUX, "plugins")  # Windows' own style plugin only


def test_windows_drops_the_software_opengl_and_keeps_the_qt_libraries() -> None:
    files = set(_files(WINDOWS))
    assert "PySide6/opengl32sw.dll" in files and not build_info.wanted_qt_file("PySide6/opengl32sw.dll")
    for kept in ("PySide6/Qt6Core.dll", "PySide6/Qt6Gui.dll", "PySide6/Qt6Widgets.dll", "PySide6/Qt6Svg.dll",
                 "PySide6/QtWidgets.pyd", "PySide6/plugins/platforms/qwindows.dll",
                 "PySide6/plugins/styles/qmodernwindowsstyle.dll", "PySide6/translations/qtbase_de.qm"):
        assert kept in files and build_info.wanted_qt_file(kept), kept
    linux = set(_files(LINUX))
    for kept in ("PySide6/Qt/lib/libQt6Core.so.6", "PySide6/Qt/plugins/platforms/libqxcb.so",
                 "PySide6/Qt/plugins/platforms/libqoffscreen.so"):
        assert kept in linux and build_info.wanted_qt_file(kept), kept


def test_windows_separators_and_the_bundle_prefix_give_the_same_answer() -> None:
    for path in _files(WINDOWS):
        assert build_info.wanted_qt_file("_internal\\" + path.replace("/", "\\")) == build_info.wanted_qt_file(path)
    assert build_info.wanted_qt_file("translations/ringfence_de.qm")  # Ringfence's own texts, not Qt's
    assert build_info.wanted_qt_file("resources/definitions/baseline.tar.gz")
