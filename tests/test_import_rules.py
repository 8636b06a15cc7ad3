"""DESIGN §1 import rules, enforced by parsing every module's imports."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _modules(package: str) -> list[Path]:
    files = sorted((ROOT / "app" / package).rglob("*.py"))
    assert files, f"no modules found in app/{package}"
    return files


def _violations(package: str, forbidden: tuple[str, ...]) -> list[str]:
    found = []
    for path in _modules(package):
        for name in _imports(path):
            if any(name == f or name.startswith(f + ".") for f in forbidden):
                found.append(f"{path.relative_to(ROOT)} imports {name}")
    return found


def test_core_never_imports_qt_or_ui() -> None:
    assert _violations("core", ("PySide6", "app.ui")) == []


def _top_level_imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_the_cli_never_imports_qt_or_ui() -> None:
    """The commands never touch Qt; ``app/cli.py`` imports no Qt itself and reaches the console only
    through a function-local import when it is started without a command on a desktop."""
    found = _violations("commands", ("PySide6", "app.ui"))
    cli = ROOT / "app" / "cli.py"
    found += [f"app/cli.py imports {n}" for n in _imports(cli) if n == "PySide6" or n.startswith("PySide6.")]
    found += [f"app/cli.py imports {n} at start" for n in _top_level_imports(cli) if n.startswith("app.ui")]
    assert found == []


def test_engine_never_imports_qt_ui_or_core() -> None:
    assert _violations("engine", ("PySide6", "app.ui", "app.core")) == []


def test_engine_never_opens_network_connections() -> None:
    assert _violations("engine", ("socket", "requests", "urllib", "http", "ssl", "urllib3")) == []


def test_client_never_imports_channel() -> None:
    found = []
    for path in sorted((ROOT / "app").rglob("*.py")):
        if "channel" in path.relative_to(ROOT / "app").parts:
            continue
        found += [f"{path.relative_to(ROOT)} imports {n}" for n in _imports(path) if n.startswith("app.channel")]
    assert found == []


def test_checker_sees_a_violation(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("import PySide6.QtCore\nfrom app.core import settings\n")
    assert _imports(bad) == {"PySide6.QtCore", "app.core"}
