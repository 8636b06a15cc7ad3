"""Print the pinned requirements the Windows job installs, one per line, taken from pyproject.toml.

The runtime dependencies, the test extra without the Linux-side linters, and the build extra; plus the
Windows-only dependencies that pip does not pick when it resolves for another platform (it evaluates
environment markers for the host): colorama (pytest), pywin32-ctypes (keyring, PyInstaller), pefile
(PyInstaller).
"""

import sys
import tomllib
from pathlib import Path

NOT_ON_WINDOWS = {"ruff", "mypy"}  # linters: the Linux suite runs them
WINDOWS_ONLY = ["colorama", "pefile", "pywin32-ctypes"]


def pins(pyproject: Path) -> list[str]:
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    extras = project["optional-dependencies"]
    wanted: list[str] = []
    for requirement in [*project["dependencies"], *extras["test"], *extras["build"]]:
        name = requirement.split("==")[0].strip().lower()
        if name not in NOT_ON_WINDOWS and requirement not in wanted:
            wanted.append(requirement)
    return wanted + WINDOWS_ONLY


if __name__ == "__main__":
    print("\n".join(pins(Path(sys.argv[1]))))
