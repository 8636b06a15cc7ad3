"""What build.spec needs to know about the project: its version and the Windows version resource.

Kept out of the spec so that tests can check it (tests/test_packaging.py).
"""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]  # scripts/ sits in the checkout

#: Qt plugin folders the console needs (everything else PyInstaller's hook would collect is left out).
QT_PLUGINS = {"platforms", "platformthemes", "imageformats", "iconengines", "xcbglintegrations", "styles",
              "wayland-decoration-client", "wayland-graphics-integration-client", "wayland-shell-integration",
              "generic", "platforminputcontexts", "tls"}
LANGUAGES = ("de",)  # besides English, Qt's source language
#: Qt modules the console does not use.
QT_EXCLUDES = ["PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtQuickWidgets", "PySide6.QtPdf", "PySide6.QtDesigner",
               "PySide6.QtHelp", "PySide6.QtOpenGL", "PySide6.QtOpenGLWidgets", "PySide6.QtSql", "PySide6.QtTest",
               "PySide6.QtUiTools", "PySide6.QtXml", "PySide6.QtConcurrent", "PySide6.QtDBus", "PySide6.QtPrintSupport"]


def project_version(root: Path = ROOT) -> str:
    return str(tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"])


def version_tuple(version: str) -> tuple[int, int, int, int]:
    numbers = [int(part) for part in version.split(".")[:4] if part.isdigit()]
    return tuple(([*numbers, 0, 0, 0, 0])[:4])  # type: ignore[return-value]


def windows_version_info(version: str) -> str:
    """The VERSIONINFO resource of the executables, in the text form PyInstaller's ``version=`` file takes
    (it is parsed only on Windows, where PyInstaller has pefile; file and product version from pyproject)."""
    numbers = version_tuple(version)
    strings = {"CompanyName": "Ringfence", "FileDescription": "Ringfence security console", "FileVersion": version,
               "InternalName": "Ringfence", "LegalCopyright": "GPL-3.0-or-later", "OriginalFilename": "Ringfence.exe",
               "ProductName": "Ringfence", "ProductVersion": version}
    table = ",\n          ".join(f"StringStruct({k!r}, {v!r})" for k, v in strings.items())
    return f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, mask=0x3f, flags=0x0, OS=0x40004,
                    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('040904B0', [
          {table}])]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])
  ]
)
"""


def write_version_file(folder: Path, version: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "version_info.txt"
    path.write_text(windows_version_info(version), encoding="utf-8")
    return path


def wanted_qt_file(dest: str) -> bool:
    """False for a Qt plugin the console does not need (``dest`` is the path inside the bundle)."""
    parts = Path(dest).parts
    if "Qt" in parts and "translations" in parts:  # Qt's own texts: only for the languages Ringfence speaks
        return Path(dest).name in {f"qtbase_{lang}.qm" for lang in LANGUAGES}
    if "plugins" not in parts or "Qt" not in parts:
        return True
    index = parts.index("plugins")
    return index + 1 < len(parts) and parts[index + 1] in QT_PLUGINS
