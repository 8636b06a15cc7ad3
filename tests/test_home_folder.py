"""A RINGFENCE_HOME (or data folder) that cannot be used gets one designed sentence, not the catch-all."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from app.core.foundation.errors import RingfenceError
from app.core.foundation.paths import get_paths
from tests.conftest import run_cli


def _as_unprivileged_user(*args: str, env: dict[str, str]) -> list[str]:
    """The command line that runs ``ringfence ARGS`` as a user the folder permissions apply to."""
    if os.geteuid() != 0:
        return list(args)
    setpriv = shutil.which("setpriv")
    assert setpriv, "setpriv (util-linux) is needed to drop root's rights in this test"
    return [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups", *args]


def _expect_designed_error(result_stderr: str, returncode: int, *fragments: str) -> None:
    assert returncode == 2
    assert result_stderr.startswith("ringfence: ") and result_stderr.count("\n") == 1
    assert "unexpected" not in result_stderr and "Traceback" not in result_stderr
    for fragment in fragments:
        assert fragment in result_stderr


def test_a_file_as_ringfence_home(tmp_path: Path) -> None:
    home = tmp_path / "not-a-folder"
    home.write_text("I am a file")
    result = run_cli("status", env={"RINGFENCE_HOME": str(home)})
    _expect_designed_error(result.stderr, result.returncode, str(home), "is a file, not a folder",
                           "point RINGFENCE_HOME to a folder")
    assert home.read_text() == "I am a file"


def test_a_file_where_a_ringfence_folder_belongs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / "data").write_text("in the way")
    monkeypatch.setenv("RINGFENCE_HOME", str(home))
    with pytest.raises(RingfenceError, match="is a file, not a folder") as caught:
        get_paths().ensure()
    assert str(home / "data") in caught.value.message
    assert (home / "data").read_text() == "in the way"


def test_an_unreadable_ringfence_home() -> None:
    import subprocess
    import sys
    import tempfile

    from tests.conftest import ROOT

    outer = Path(tempfile.mkdtemp(prefix="rf-home-test-"))  # in the system temp folder, which every user can reach
    home = outer / "locked"
    try:
        outer.chmod(0o755)
        home.mkdir()
        home.chmod(0o000)
        env = {**os.environ, "RINGFENCE_HOME": str(home)}
        command = _as_unprivileged_user(sys.executable, "-m", "app", "status", env=env)
        result = subprocess.run(command, capture_output=True, text=True, timeout=120, env=env, cwd=ROOT, check=False)
    finally:
        if home.exists():
            home.chmod(0o700)
        shutil.rmtree(outer)
    _expect_designed_error(result.stderr, result.returncode, "has no permission to use the folder", str(home))
