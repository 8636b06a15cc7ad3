"""The Windows installer's build (scripts/windows_installer.py): every bundle file is installed and exactly those
are removed again; makensis builds a per-user installer with the version information. Installing and
uninstalling it for real happens under Wine (scripts/wine/installer-test)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
import build_info
import windows_installer as installer

from tests.conftest import ROOT


def _bundle(root: Path) -> Path:
    """A small folder shaped like the one-folder bundle (names with spaces, $ and non-ASCII letters)."""
    bundle = root / "Ringfence"
    for relative in ("Ringfence.exe", "ringfence-cli.exe", "_internal/python311.dll",
                     "_internal/PySide6/plugins/platforms/qwindows.dll", "_internal/resources/clean corpus/$notes.txt",
                     "_internal/translations/ringfence_de.qm", "_internal/grüße/ä.txt"):
        path = bundle / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(relative.encode())
    (bundle / "_internal" / "empty").mkdir()
    return bundle


def test_the_uninstaller_removes_exactly_what_the_installer_puts_there(tmp_path: Path) -> None:
    bundle = _bundle(tmp_path)
    files, unfiles = installer.file_lists(bundle)
    installed = [line.split(" ", 1)[1] for line in files.splitlines() if line.startswith("File ")]
    assert len(installed) == 7
    assert f'File "{bundle}/_internal/resources/clean corpus/$notes.txt"' in files.splitlines()
    assert 'SetOutPath "$INSTDIR\\_internal\\resources\\clean corpus"' in files.splitlines()
    deleted = [line for line in unfiles.splitlines() if line.startswith("Delete ")]
    assert len(deleted) == 7 and 'Delete "$INSTDIR\\_internal\\grüße\\ä.txt"' in deleted
    folders = [line.removeprefix("RMDir ") for line in unfiles.splitlines() if line.startswith("RMDir")]
    assert "/r" not in unfiles  # never a whole folder: the user may have chosen one that holds other files
    assert folders.index('"$INSTDIR\\_internal\\PySide6\\plugins\\platforms"') < folders.index('"$INSTDIR\\_internal\\PySide6"')
    assert folders[-1] == '"$INSTDIR\\_internal"' and '"$INSTDIR\\_internal\\empty"' in folders
    assert unfiles.index("Delete ") < unfiles.index("RMDir ")


def test_a_folder_that_is_not_a_windows_bundle_is_refused_with_one_sentence(tmp_path: Path) -> None:
    (tmp_path / "Ringfence").mkdir()
    (tmp_path / "Ringfence" / "Ringfence").write_bytes(b"a Linux executable")
    result = subprocess.run([str(ROOT / "scripts" / "build_installer"), str(tmp_path / "Ringfence"), "--out",
                             str(tmp_path / "out")], capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "is not a Windows bundle of Ringfence" in result.stderr
    assert not (tmp_path / "out").exists()


def test_a_name_nsis_cannot_carry_is_refused() -> None:
    with pytest.raises(installer.BuildError):
        installer.nsis_text('say "hello"')


@pytest.mark.skipif(shutil.which("makensis") is None, reason="NSIS is not installed (apt-get install nsis)")
def test_makensis_builds_a_versioned_installer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(installer.SIGN_ENV, raising=False)
    output = installer.build(_bundle(tmp_path), tmp_path / "out")
    version = build_info.project_version()
    assert output == tmp_path / "out" / f"Ringfence-Setup-{version}.exe"
    data = output.read_bytes()
    assert data[:2] == b"MZ" and b"PE\0\0" in data[:1024]
    assert b"\x64\x86" in data[0x40:0x200]  # IMAGE_FILE_MACHINE_AMD64: the bundle is 64-bit, so is its installer
    for key, value in (("ProductVersion", version), ("FileVersion", version), ("ProductName", "Ringfence")):
        assert f"{key}\0".encode("utf-16-le") in data and value.encode("utf-16-le") in data
    assert b'level="asInvoker"' in data  # RequestExecutionLevel user: no administrator prompt


def test_a_signing_command_signs_the_executables_and_a_failing_one_stops_the_build(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    signed = tmp_path / "signed.txt"
    signer = tmp_path / "sign"
    signer.write_text(f'#!/bin/sh\nbasename "$1" >> "{signed}"\n')
    signer.chmod(0o755)
    bundle = _bundle(tmp_path)
    monkeypatch.setenv(installer.SIGN_ENV, f"{signer}")
    if shutil.which("makensis"):
        installer.build(bundle, tmp_path / "out")
        names = signed.read_text().split()
        assert names[:2] == ["Ringfence.exe", "ringfence-cli.exe"] and len(names) == 4  # + uninstaller + installer
    monkeypatch.setenv(installer.SIGN_ENV, "false")
    with pytest.raises(installer.BuildError, match=r"signing Ringfence\.exe failed"):
        installer.build(bundle, tmp_path / "out2")
