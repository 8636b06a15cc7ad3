"""Installer scripts that download an installer and run it are not droppers when they are signed."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import ROOT
from tests.engine.helpers import pairs, scan_json, write

SIGNED = ROOT / "resources" / "selftest" / "clean" / "reinstall_chrome_stable_win.ps1"


def test_a_signed_installer_script_is_clean_and_the_same_script_unsigned_is_still_reported(tmp_path: Path) -> None:
    text = SIGNED.read_text(encoding="utf-8")
    assert "# SIG # Begin signature block" in text  # the shape of Playwright's Microsoft-signed script
    write(tmp_path / "scan" / "reinstall_chrome_stable_win.ps1", text)
    write(tmp_path / "scan" / "unsigned" / "reinstall.ps1", text.split("# SIG # Begin signature block")[0])
    write(tmp_path / "scan" / "fake-block" / "reinstall.ps1",  # a comment line is no signature
          text.split("# SIG # Begin signature block")[0] + "# SIG # Begin signature block\n# not base64\n")
    code, report, stderr = scan_json(str(tmp_path / "scan"), "--no-cache")
    assert code == 1, stderr
    assert pairs(report) == {("reinstall.ps1", "Ringfence_Script_Downloader_Executor")}
    assert len(report["detections"]) == 2  # the unsigned copy and the one with a fake block
