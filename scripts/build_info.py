"""What build.spec needs to know about the project: its version and the Windows version resource.

Kept out of the spec so that tests can check it (tests/test_packaging.py).
"""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]  # scripts/ sits in the checkout

#: Qt plugin folders the console needs (everything else PyInstaller's hook would collect is left out). Not
#: ``tls`` (Qt's network module serves only the single-instance local socket; updates and the beacon speak
#: HTTPS through Python's ssl) nor ``generic`` (touch and evdev input for screens without a desktop).
QT_PLUGINS = {"platforms", "platformthemes", "imageformats", "iconengines", "xcbglintegrations", "styles",
              "wayland-decoration-client", "wayland-graphics-integration-client", "wayland-shell-integration",
              "platforminputcontexts"}
#: Plugins inside those folders that the console never loads, by name without ``lib`` and suffix: platforms
#: other than the desktop's own and ``offscreen`` (Direct2D and ``minimal`` are used only when asked for by
#: QT_QPA_PLATFORM), and readers of image formats it never opens (its icons are SVG drawn by QtSvg; PNG, the
#: only other format it reads, is built into QtGui). The SVG and ICO readers stay.
QT_UNUSED_PLUGINS = {"qdirect2d", "qminimal", "qjpeg", "qtiff", "qwebp", "qgif", "qicns", "qtga", "qwbmp", "qpdf"}
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


#: Files of the PySide6 wheel the console never loads: Qt's software OpenGL (for Qt Quick and OpenGL widgets
#: on a PC without a GPU driver; the console paints its widgets without OpenGL). Windows wheel only.
QT_UNUSED_FILES = {"opengl32sw.dll"}


def _inside_qt(dest: str) -> list[str] | None:
    """The parts of ``dest`` (a path inside the bundle) below Qt's own folder, or None outside PySide6.

    The wheels differ: Linux has ``PySide6/Qt/plugins/`` and ``PySide6/Qt/translations/``, Windows
    ``PySide6/plugins/`` and ``PySide6/translations/`` beside the modules. PyInstaller names files with
    the platform's separator."""
    parts = dest.replace("\\", "/").split("/")
    if "PySide6" not in parts:
        return None
    rest = parts[parts.index("PySide6") + 1:]
    return rest[1:] if rest[:1] == ["Qt"] else rest


def _plugin_name(file_name: str) -> str:
    """``qjpeg`` for ``qjpeg.dll`` (Windows) and ``libqjpeg.so`` (Linux)."""
    stem = file_name.split(".", maxsplit=1)[0]
    return stem[3:] if stem.startswith("lib") else stem


def wanted_qt_file(dest: str) -> bool:
    """False for a Qt plugin, translation or library the console does not need (``dest`` is the path
    inside the bundle, in either wheel's layout)."""
    rest = _inside_qt(dest)
    if not rest:
        return True
    if rest[0] == "translations":  # Qt's own texts: only for the languages Ringfence speaks
        return rest[-1] in {f"qtbase_{lang}.qm" for lang in LANGUAGES}
    if rest[0] == "plugins":
        return len(rest) > 2 and rest[1] in QT_PLUGINS and _plugin_name(rest[-1]) not in QT_UNUSED_PLUGINS
    return not (len(rest) == 1 and rest[0] in QT_UNUSED_FILES)


#: Extension modules no code path of Ringfence loads: pycryptodomex's public-key and big-number arithmetic
#: (py7zr, its only user here, needs AES and random bytes for 7-Zip's encryption; a Cryptodome module loads
#: its extension only when it is imported itself).
UNUSED_EXTENSION_FOLDERS = ("Cryptodome/PublicKey/", "Cryptodome/Math/")
#: Copies of the Microsoft C++ runtime that Windows never loads (Windows wheels only). Windows loads a DLL
#: name once per process and reuses it for every later import of that name: VCRUNTIME140.dll comes with
#: python311.dll, from beside it, before any other code runs; MSVCP140.dll and VCRUNTIME140_1.dll come with
#: shiboken6, which PySide6 imports before any Qt library, from shiboken6's folder (no other library of the
#: bundle imports them). The copies below, of the same versions, are never opened.
UNUSED_RUNTIME_COPIES = {"PySide6/MSVCP140.dll", "PySide6/VCRUNTIME140.dll", "PySide6/VCRUNTIME140_1.dll",
                         "shiboken6/VCRUNTIME140.dll"}


def wanted_file(dest: str) -> bool:
    """False for a file of the bundle (``dest``, its path inside the bundle, either separator) that the app
    never loads: Qt's (see :func:`wanted_qt_file`), unused extension modules and runtime copies."""
    path = dest.replace("\\", "/")
    path = path[len("_internal/"):] if path.startswith("_internal/") else path
    if path.startswith(UNUSED_EXTENSION_FOLDERS):
        return False
    if path.casefold() in {copy.casefold() for copy in UNUSED_RUNTIME_COPIES}:
        return False
    return wanted_qt_file(dest)


#: Python modules the client never runs: the vendor's channel tools (``ringfence-channel``, never imported by
#: the client), setuptools and its distutils (cffi refers to them for compiling C code, which a bundle never
#: does), pydoc (the interactive ``help()``), asyncio (only typing_extensions refers to it, for a deprecated
#: coroutine function; the client has none) and _pydecimal (decimal's fallback when its C extension,
#: which the bundle carries, is missing).
PYTHON_EXCLUDES = ["tkinter", "app.channel", "setuptools", "distutils", "_distutils_hack", "pkg_resources", "pydoc",
                   "asyncio", "_pydecimal"]


Module = tuple[str, str, str]  # PyInstaller's entry for a pure-Python module: name, source path, typecode


def shared_modules(pure: list[Module], collected: list[str]) -> list[Module]:
    """The pure-Python modules that can sit once in ``base_library.zip``, which both executables import
    from, instead of twice in the archive each executable carries.

    ``collected`` are the paths inside the bundle of the other files (extension modules, DLLs, data). A
    package with files of its own there stays in the archives (PyInstaller's importer finds a package's
    modules and its files in one folder; a zip import cannot), and so do namespace packages (which zip
    imports do not support)."""
    on_disk = {parts[0] for parts in (dest.replace("\\", "/").split("/") for dest in collected) if len(parts) > 1}
    namespaces = {name.split(".")[0] for name, source, _ in pure if source in ("-", None)}
    staying = on_disk | namespaces
    return [entry for entry in pure if entry[0].split(".")[0] not in staying]


def write_base_library(original: Path, shared: list[Module], out: Path, code_cache: dict | None = None) -> Path:
    """``original`` (PyInstaller's ``base_library.zip``: the modules Python needs to start) with the
    ``shared`` modules added, compiled as PyInstaller compiles them, into ``out``. The added modules are
    compressed; PyInstaller's own are too when zlib is built into the Python being frozen (Windows' is:
    its embeddable Python starts from a compressed zip of the standard library), otherwise they stay
    stored, as Python decompresses with zlib, which it must import first."""
    import sys
    import zipfile

    from PyInstaller.building.utils import create_base_library_zip

    added = out.with_name(out.stem + "-added.zip")
    create_base_library_zip(str(added), shared, code_cache)
    compress_all = "zlib" in sys.builtin_module_names
    with zipfile.ZipFile(out, "w") as merged:
        for source, compress in ((original, compress_all), (added, True)):
            with zipfile.ZipFile(source) as part:
                for info in part.infolist():
                    kind = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
                    merged.writestr(zipfile.ZipInfo(info.filename, info.date_time), part.read(info), kind)
    added.unlink()
    return out
