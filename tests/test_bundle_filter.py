"""The bundle keeps only the Qt plugins and translations the console uses, in both wheels' layouts
(the file lists of the real PySide6-Essentials wheels: tests/fixtures/qt_wheels/SOURCE.md)."""

from __future__ import annotations

import subprocess
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
    assert _kept(WINDOWS, "plugins") == {"iconengines", "imageformats", "platforminputcontexts", "platforms", "styles"}
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


def test_the_bundle_keeps_only_the_plugins_the_console_loads() -> None:
    kept = {path.split("/", 2)[2] for path in _files(WINDOWS)
            if path.startswith("PySide6/plugins/") and build_info.wanted_qt_file(path)}
    assert kept == {"platforms/qwindows.dll", "platforms/qoffscreen.dll", "styles/qmodernwindowsstyle.dll",
                    "iconengines/qsvgicon.dll", "imageformats/qsvg.dll", "imageformats/qico.dll",
                    "platforminputcontexts/qtvirtualkeyboardplugin.dll"}
    linux = {path.split("/", 3)[3] for path in _files(LINUX)
             if path.startswith("PySide6/Qt/plugins/") and build_info.wanted_qt_file(path)}
    assert {"platforms/libqxcb.so", "platforms/libqwayland.so", "platforms/libqoffscreen.so",
            "platformthemes/libqgtk3.so", "imageformats/libqsvg.so", "iconengines/libqsvgicon.so"} <= linux
    assert not {"platforms/libqminimal.so", "imageformats/libqjpeg.so", "tls/libqopensslbackend.so"} & linux


def test_runtime_copies_windows_never_loads_and_unused_extensions_are_left_out() -> None:
    for dropped in ("PySide6\\MSVCP140.dll", "PySide6\\VCRUNTIME140.dll", "PySide6\\VCRUNTIME140_1.dll",
                    "shiboken6\\VCRUNTIME140.dll", "Cryptodome\\PublicKey\\_ec_ws.pyd", "Cryptodome/Math/_modexp.abi3.so"):
        assert not build_info.wanted_file(dropped), dropped
    for kept in ("shiboken6\\MSVCP140.dll", "shiboken6\\VCRUNTIME140_1.dll", "PySide6\\MSVCP140_1.dll",
                 "PySide6\\MSVCP140_2.dll", "PySide6\\Qt6Core.dll", "VCRUNTIME140.dll", "VCRUNTIME140_1.dll",
                 "Cryptodome\\Cipher\\_raw_aes.pyd", "Cryptodome\\Util\\_cpuid_c.pyd", "yara.cp311-win_amd64.pyd"):
        assert build_info.wanted_file(kept), kept
    assert not build_info.wanted_file("PySide6\\plugins\\imageformats\\qjpeg.dll")  # Qt's filter applies too


def test_7z_encryption_needs_none_of_the_cryptodome_extensions_left_out(tmp_path: Path) -> None:
    """py7zr is pycryptodomex's only user in Ringfence: encrypting and decrypting a 7z archive (names
    too), then reading it as the engine does, imports no Cryptodome module whose extension is left out."""
    probe = """
import io, sys
from pathlib import Path
import py7zr
from tests.engine import containers_build as build

for names in (False, True):
    data = build.seven_zip({"dir/a.txt": b"a" * 1000}, password="secret", encrypt_names=names)
    with py7zr.SevenZipFile(io.BytesIO(data), password="secret") as archive:
        archive.extractall(path=sys.argv[1])
    assert (Path(sys.argv[1]) / "dir" / "a.txt").read_bytes() == b"a" * 1000
    with py7zr.SevenZipFile(io.BytesIO(build.seven_zip({"b.txt": b"b"}))) as archive:
        assert not archive.needs_password()
print(" ".join(sorted(name for name in sys.modules if name.startswith("Cryptodome"))))
"""
    result = subprocess.run([sys.executable, "-c", probe, str(tmp_path)], capture_output=True, text=True, cwd=ROOT, timeout=120,
                            check=False)
    assert result.returncode == 0, result.stderr
    loaded = result.stdout.split()
    assert "Cryptodome.Cipher.AES" in loaded  # the probe did encrypt
    for folder in build_info.UNUSED_EXTENSION_FOLDERS:
        package = folder.rstrip("/").replace("/", ".")
        assert not [name for name in loaded if name == package or name.startswith(package + ".")], loaded


def test_modules_are_shared_unless_their_package_has_files_of_its_own_or_is_a_namespace() -> None:
    pure = [("app", "app/__init__.py", "PYMODULE"), ("app.cli", "app/cli.py", "PYMODULE"),
            ("json", "json/__init__.py", "PYMODULE"), ("tuf.api", "tuf/api/__init__.py", "PYMODULE"),
            ("PySide6", "PySide6/__init__.py", "PYMODULE"), ("cryptography.fernet", "cryptography/fernet.py", "PYMODULE"),
            ("certifi.core", "certifi/core.py", "PYMODULE"), ("jaraco", "-", "PYMODULE"),
            ("jaraco.functools", "jaraco/functools/__init__.py", "PYMODULE")]
    collected = ["PySide6\\Qt6Core.dll", "cryptography/hazmat/bindings/_rust.abi3.so", "certifi\\cacert.pem",
                 "yara.cp311-win_amd64.pyd", "base_library.zip", "resources/README.md"]
    assert [name for name, _, _ in build_info.shared_modules(pure, collected)] == ["app", "app.cli", "json", "tuf.api"]
