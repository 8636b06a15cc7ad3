"""Build the Windows installer from the PyInstaller one-folder bundle with NSIS (``scripts/build_installer``).

The installer script is ``installer/ringfence.nsi``; this module gives it the version, the icon and two
generated include files: one that installs every file of the bundle, and one that removes exactly
those files again (the uninstaller never deletes a whole folder it did not fill).

Signing: ``RINGFENCE_SIGN_COMMAND`` names a command that signs, in place, the file given as its last
argument (``signtool sign /fd SHA256 /a`` on Windows, or a wrapper around ``osslsigncode`` on Linux).
When it is set, the two executables of the bundle, the uninstaller and the installer are signed; when
it is not, the build says so and the installer is unsigned.
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path, PurePosixPath

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_info import ROOT, project_version, version_tuple

SIGN_ENV = "RINGFENCE_SIGN_COMMAND"
EXECUTABLES = ("Ringfence.exe", "ringfence-cli.exe")
SCRIPT = ROOT / "installer" / "ringfence.nsi"
ICON = ROOT / "resources" / "icons" / "ringfence.ico"


class BuildError(Exception):
    """A build that cannot go on, with the one sentence that says why."""


def nsis_text(text: str) -> str:
    """``text`` as it stands inside an NSIS double-quoted string ($ starts a variable there)."""
    if '"' in text or "\n" in text or "\r" in text:
        raise BuildError(f"cannot put {text!r} into the installer: a file name with a quote or a line break")
    return text.replace("$", "$$")


def _source(path: Path) -> str:
    """The quoted path of a file makensis reads (at compile time only ``${`` is special)."""
    text = str(path)
    if "${" in text:
        raise BuildError(f"cannot put {text!r} into the installer: a file name with ${{")
    nsis_text(text)  # the same characters are refused
    return f'"{text}"'


def _installed(relative: PurePosixPath) -> str:
    """The quoted NSIS path of a bundle file or folder below the installation folder."""
    return '"' + "\\".join(("$INSTDIR", *map(nsis_text, relative.parts))) + '"'


def file_lists(bundle: Path) -> tuple[str, str]:
    """The install include (SetOutPath and File for each file) and the uninstall include (Delete for each
    file, then RMDir for each folder, deepest first) for the folder ``bundle``."""
    install: list[str] = []
    remove: list[str] = []
    folders: list[PurePosixPath] = []
    for directory, subdirs, files in os.walk(bundle):
        subdirs.sort()
        relative = PurePosixPath(Path(directory).relative_to(bundle).as_posix())
        if relative.parts:
            folders.append(relative)
        if not files:
            continue
        install.append(f"SetOutPath {_installed(relative)}")
        for name in sorted(files):
            install.append(f"File {_source(Path(directory) / name)}")
            remove.append(f"Delete {_installed(relative / name)}")
    for folder in sorted(folders, key=lambda f: len(f.parts), reverse=True):
        remove.append(f"RMDir {_installed(folder)}")
    return "\n".join(install) + "\n", "\n".join(remove) + "\n"


def sign_command() -> list[str] | None:
    text = os.environ.get(SIGN_ENV, "").strip()
    return shlex.split(text) if text else None


def sign(command: list[str], path: Path) -> None:
    result = subprocess.run([*command, str(path)], check=False)
    if result.returncode != 0:
        raise BuildError(f"signing {path.name} failed (exit code {result.returncode}): {shlex.join(command)}")


def build(bundle: Path, out_dir: Path, version: str | None = None, makensis: str = "makensis") -> Path:
    """Write ``Ringfence-Setup-<version>.exe`` into ``out_dir`` and return its path."""
    version = version or project_version()
    missing = [name for name in EXECUTABLES if not (bundle / name).is_file()]
    if missing:
        raise BuildError(f"{bundle} is not a Windows bundle of Ringfence (no {', '.join(missing)}); build it on "
                         "Windows or under Wine with PyInstaller on build.spec first")
    tool = shutil.which(makensis)
    if tool is None:
        raise BuildError("makensis is not installed (Debian: apt-get install nsis; Windows: nsis.sourceforge.io)")
    signer = sign_command()
    if signer:
        for name in EXECUTABLES:
            sign(signer, bundle / name)
    else:
        print(f"Not signed: set {SIGN_ENV} to a command that signs the file named by its last argument in place.")
    out_dir.mkdir(parents=True, exist_ok=True)
    output = (out_dir / f"Ringfence-Setup-{version}.exe").absolute()
    with tempfile.TemporaryDirectory(prefix="ringfence-nsis-") as scratch:
        files, unfiles = file_lists(bundle.absolute())
        (Path(scratch) / "files.nsh").write_text(files, encoding="utf-8")
        (Path(scratch) / "unfiles.nsh").write_text(unfiles, encoding="utf-8")
        defines = {"VERSION": version, "VIVERSION": ".".join(map(str, version_tuple(version))), "ICON": str(ICON),
                   "OUTFILE": str(output), "FILES_NSH": str(Path(scratch) / "files.nsh"),
                   "UNFILES_NSH": str(Path(scratch) / "unfiles.nsh")}
        if signer:
            defines["SIGN_COMMAND"] = shlex.join(signer)
        command = [tool, "-V2", "-INPUTCHARSET", "UTF8", *(f"-D{key}={value}" for key, value in defines.items()),
                   str(SCRIPT)]
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            raise BuildError(f"makensis failed:\n{result.stdout[-4000:]}{result.stderr[-4000:]}")
    return output


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="build_installer", description="Build the Windows installer "
                                     "dist/Ringfence-Setup-<version>.exe from the PyInstaller bundle.")
    parser.add_argument("bundle", nargs="?", type=Path, default=ROOT / "dist" / "Ringfence",
                        help="the one-folder Windows bundle (default: dist/Ringfence)")
    parser.add_argument("--out", type=Path, default=ROOT / "dist", help="where to write the installer (default: dist)")
    args = parser.parse_args(argv)
    try:
        output = build(args.bundle, args.out)
    except BuildError as exc:
        print(f"build_installer: {exc}", file=sys.stderr)
        return 2
    print(f"{output} ({output.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
