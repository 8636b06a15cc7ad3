"""Ringfence runs the same from an installed wheel and from the frozen one-folder bundle: resources
are found and the engine worker starts (DESIGN §2)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tomllib
import zipfile
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
import build_info

from tests.conftest import ROOT
from tests.engine.helpers import BASELINE_VERSION


def test_wheel_data_files_list_every_resources_folder() -> None:
    table = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["data-files"]
    listed = {Path(key).relative_to("share/ringfence") for key in table}
    folders = {p.parent.relative_to(ROOT) for p in (ROOT / "resources").rglob("*") if p.is_file()}
    assert folders <= listed


def _selftest(cmd: list[str], env: dict[str, str], cwd: Path) -> dict:
    result = subprocess.run([*cmd, "selftest", "--json"], capture_output=True, text=True, env=env, cwd=cwd,
                            timeout=300, check=False)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def _console_scripts() -> dict[str, bytes]:
    """The running environment's own ``ringfence`` commands (the developer's ``.venv/bin``), by name."""
    folder = Path(sysconfig.get_path("scripts"))
    found = {name: shutil.which(name, path=str(folder)) for name in ("ringfence", "ringfence-gui")}
    return {name: Path(path).read_bytes() for name, path in found.items() if path}


def _throwaway_environment(folder: Path) -> Path:
    """A new virtual environment that sees the running one's packages (PySide6, yara-python…) through a
    path file, but not its editable Ringfence: a directory named in a ``.pth`` file is added to
    ``sys.path`` without running the ``.pth`` files inside it, so the editable install's finder stays
    out. Returns its Python."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(folder)], check=True, capture_output=True,
                   timeout=120)
    site = Path(sysconfig.get_path("purelib", vars={"base": str(folder), "platbase": str(folder)}))
    shared = dict.fromkeys([sysconfig.get_path("purelib"), sysconfig.get_path("platlib")])
    (site / "running_environment.pth").write_text("".join(f"{p}\n" for p in shared), encoding="utf-8")
    return folder / ("Scripts" if os.name == "nt" else "bin") / ("python.exe" if os.name == "nt" else "python")


def test_installed_wheel_finds_its_resources_and_starts_the_engine(tmp_path: Path) -> None:
    """Built from a copy of the source and installed into a throw-away environment: the checkout and the
    environment the tests run in stay as they were (pip would uninstall an editable install it sees)."""
    scripts_before = _console_scripts()
    source = tmp_path / "source"
    source.mkdir()
    for item in ROOT.iterdir():
        if item.is_file():
            shutil.copy2(item, source / item.name)
    for folder in ("app", "resources", "translations"):
        shutil.copytree(ROOT / folder, source / folder, ignore=shutil.ignore_patterns("__pycache__"))
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w",
                    str(wheels), str(source)], check=True, capture_output=True, timeout=300)
    venv = tmp_path / "venv"
    python = _throwaway_environment(venv)
    subprocess.run([str(python), "-m", "pip", "install", "--no-deps", "--ignore-installed", "-q",
                    *map(str, wheels.glob("ringfence-*.whl"))], check=True, capture_output=True, timeout=300)
    assert (venv / "share" / "ringfence" / "resources" / "definitions" / "baseline.tar.gz").is_file()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    scripts = python.parent
    cli = shutil.which("ringfence", path=str(scripts))
    assert cli is not None and Path(cli).parent == scripts  # the wheel's own console script
    report = _selftest([cli], env, cwd=tmp_path)
    assert report["ok"] and report["definitions_version"] == BASELINE_VERSION
    probe = subprocess.run([str(python), "-c", "import app; print(app.__file__)"], capture_output=True,
                           text=True, env=env, cwd=tmp_path, check=True)
    site = Path(sysconfig.get_path("purelib", vars={"base": str(venv), "platbase": str(venv)}))
    assert Path(probe.stdout.strip()).is_relative_to(site)  # the wheel's copy ran, not the checkout
    found = subprocess.run([str(python), "-c", "from app.core.foundation.resources import translations_dir, "
                            "available_languages; print(translations_dir()); print(available_languages())"],
                           capture_output=True, text=True, env=env, cwd=tmp_path, check=True).stdout.splitlines()
    assert Path(found[0]) == venv / "share" / "ringfence" / "translations" and found[1] == "['de']"
    # The environment the tests run in still has its commands, unchanged, and still runs this checkout.
    assert scripts_before and _console_scripts() == scripts_before
    import app

    assert Path(app.__file__).resolve().is_relative_to(ROOT)


def test_the_bundle_and_the_checkout_carry_the_translations() -> None:
    from app.core.foundation.resources import available_languages, translations_dir

    assert translations_dir() == ROOT / "translations" and available_languages() == ["de"]
    spec = (ROOT / "build.spec").read_text(encoding="utf-8")
    assert '("translations/*.qm", "translations")' in spec


@pytest.mark.skipif(not shutil.which("pyinstaller", path=str(Path(sys.executable).parent)),
                    reason="PyInstaller is not installed (pip install -e '.[build]')")
def test_frozen_bundle_scans_with_its_own_engine_worker(tmp_path: Path) -> None:
    pyinstaller = str(Path(sys.executable).parent / "pyinstaller")
    subprocess.run([pyinstaller, str(ROOT / "build.spec"), "--noconfirm", "--distpath", str(tmp_path / "dist"),
                    "--workpath", str(tmp_path / "build")], check=True, capture_output=True, cwd=ROOT, timeout=900)
    folder = tmp_path / "dist" / "Ringfence"
    suffix = ".exe" if os.name == "nt" else ""
    exe, cli = folder / f"Ringfence{suffix}", folder / f"ringfence-cli{suffix}"
    env = dict(os.environ)
    report = _selftest([str(cli)], env, cwd=tmp_path)
    assert report["ok"]
    # The double-click executable opens and closes the console's window (offscreen) with what it bundles.
    console = subprocess.run([str(exe), "--console-selftest"], capture_output=True, text=True, env=env, cwd=tmp_path,
                             timeout=120, check=False)
    assert console.returncode == 0, console.stderr
    shown = json.loads(console.stdout)
    assert shown["ok"] and "dashboard" in shown["pages"]
    sample = tmp_path / "scan" / "eicar.com"
    sample.parent.mkdir()
    from app.engine.eicar import eicar_bytes

    sample.write_bytes(eicar_bytes())
    result = subprocess.run([str(cli), "scan", str(sample.parent), "--json"], capture_output=True, text=True,
                            env=env, cwd=tmp_path, timeout=300, check=False)
    assert result.returncode == 1, result.stderr
    assert [d["rule"] for d in json.loads(result.stdout)["detections"]] == ["EICAR_Test_File"]
    # The frozen app with its shipped definitions is never reported (a copy: scans skip the app's own folder).
    shutil.copytree(folder, tmp_path / "copy-of-the-app", symlinks=True)
    result = subprocess.run([str(cli), "scan", str(tmp_path / "copy-of-the-app"), "--json", "--no-cache"],
                            capture_output=True, text=True, env=env, cwd=tmp_path, timeout=900, check=False)
    copied = json.loads(result.stdout)
    assert result.returncode == 0 and copied["detections"] == [] and copied["files_scanned"] > 100, result.stderr
    # Only the Qt plugins and translations the console needs, and the version from pyproject.toml.
    pyside = next(folder.rglob("PySide6"))
    qt = pyside / "Qt" if (pyside / "Qt").is_dir() else pyside  # the Linux and the Windows wheel's layouts
    assert {p.name for p in (qt / "plugins").iterdir()} <= build_info.QT_PLUGINS
    assert {p.name for p in (qt / "translations").iterdir()} <= {"qtbase_de.qm"}
    assert not (qt / "opengl32sw.dll").exists()
    assert not {p.name for p in (qt / "plugins").rglob("*")} & {f"{prefix}{name}{suffix}" for name in
                                                                build_info.QT_UNUSED_PLUGINS
                                                                for prefix, suffix in (("", ".dll"), ("lib", ".so"))}
    # The Python code both executables run sits once, in base_library.zip; each executable's own archive holds
    # only the packages with files of their own. The channel's vendor tools and setuptools are nowhere.
    from PyInstaller.archive.readers import pkg_archive_contents

    internal = exe.parent / "_internal"
    with zipfile.ZipFile(internal / "base_library.zip") as shared:
        zipped = set(shared.namelist())
    assert {"app/cli.pyc", "app/core/quarantine/__init__.pyc", "tuf/ngclient/updater.pyc", "encodings/__init__.pyc"} <= zipped
    for program in (exe, cli):
        archived = pkg_archive_contents(str(program))
        assert "PySide6" in archived and not [name for name in archived if name == "app" or name.startswith("app.")]
    everywhere = zipped | set(pkg_archive_contents(str(exe)))
    assert not [name for name in everywhere if name.startswith(("app/channel", "app.channel", "setuptools"))]
    version_file = (tmp_path / "build" / "build" / "version_info.txt").read_text()
    assert f"'ProductVersion', '{build_info.project_version()}'" in version_file


def test_build_info_reads_the_version_from_pyproject() -> None:
    version = build_info.project_version()
    assert version == tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    assert build_info.version_tuple("1.2.3") == (1, 2, 3, 0)
    text = build_info.windows_version_info("1.2.3")
    assert "filevers=(1, 2, 3, 0)" in text and "'FileVersion', '1.2.3'" in text
    assert not build_info.wanted_qt_file("_internal/PySide6/Qt/plugins/sqldrivers/libqsqlite.so")
    assert build_info.wanted_qt_file("_internal/PySide6/Qt/plugins/platforms/libqxcb.so")
    assert not build_info.wanted_qt_file("_internal/PySide6/Qt/translations/qtbase_fr.qm")
    assert build_info.wanted_qt_file("_internal/app/whatever.py")
