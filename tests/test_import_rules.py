"""DESIGN §1 import rules, enforced by parsing every module's imports: the layers of ``docs/architecture.md``
and an import graph of ``app/`` without cycles."""

from __future__ import annotations

import ast
from collections import deque
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


def _app_violations(package: str, allowed: tuple[str, ...]) -> list[str]:
    """Imports of ``app`` modules from ``app/<package>`` outside ``allowed`` (the package itself and the
    bare ``app``, for its version, always allowed)."""
    own = "app." + package.replace("/", ".")
    allowed = (*allowed, own)
    found = []
    for path in _modules(package):
        for name in _imports(path):
            if name.startswith("app.") and not any(name == a or name.startswith(a + ".") for a in allowed):
                found.append(f"{path.relative_to(ROOT)} imports {name}")
    return sorted(found)


def test_core_layers_import_only_what_is_below_them() -> None:
    """text → foundation → journal → context, desktop → the services → status (``app/core/__init__.py``)."""
    text, foundation, journal = "app.core.text", "app.core.foundation", "app.core.journal"
    found = _app_violations("core/text", ())
    found += _app_violations("core/foundation", (text,))
    # the journal renders a detection's provenance with the engine's category vocabulary (a leaf module)
    found += _app_violations("core/journal", (text, foundation, "app.engine.provenance_meta"))
    found += _app_violations("core/desktop", (text, foundation))
    context = ROOT / "app" / "core" / "context.py"
    found += [f"app/core/context.py imports {n}" for n in _imports(context)
              if n.startswith("app.") and not n.startswith((text, foundation, journal))]
    assert found == []


def test_nothing_in_the_core_imports_status_or_the_edges() -> None:
    """The status package reads every service, so none of them may read it; and the core never reaches
    up to the CLI commands, the console or the channel tools."""
    found = []
    for path in _modules("core"):
        if "status" in path.relative_to(ROOT / "app" / "core").parts[:1]:
            continue
        found += [f"{path.relative_to(ROOT)} imports {n}" for n in _imports(path)
                  if n == "app.core.status" or n.startswith(("app.core.status.", "app.commands", "app.cli",
                                                               "app.channel", "app.ui"))]
    assert found == []


def test_only_the_entry_point_knows_the_console_application_class() -> None:
    """Views see the application through the Protocols of ``app/ui/console.py``; only ``gui.py`` builds it."""
    found = [f"{path.relative_to(ROOT)} imports {name}" for path in _modules("ui")
             if path.name not in ("gui.py", "application.py")
             for name in _imports(path) if name == "app.ui.application"]
    assert found == []


def test_no_two_modules_of_the_core_share_a_name() -> None:
    """A name in the core points at one module; ``status``, ``history`` and ``selftest`` already name a
    CLI command and a console view, so no core module takes them either."""
    names: dict[str, list[str]] = {}
    for path in _modules("core"):
        if path.name != "__init__.py":
            names.setdefault(path.stem, []).append(str(path.relative_to(ROOT)))
    for folder in (ROOT / "app" / "core").rglob("*"):
        if folder.is_dir() and (folder / "__init__.py").is_file():
            names.setdefault(folder.name, []).append(str(folder.relative_to(ROOT)) + "/")
    shared = {name: where for name, where in names.items() if len(where) > 1}
    taken = {name: where for name, where in names.items() if name in ("history", "selftest")
             or (name == "status" and any(w.endswith(".py") for w in where))}
    assert shared == {} and taken == {}


# -- no import cycles ---------------------------------------------------------------------------------


def _module_names(root: Path) -> dict[str, Path]:
    modules = {}
    for path in sorted((root / "app").rglob("*.py")):
        parts = list(path.relative_to(root).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        modules[".".join(parts)] = path
    return modules


def import_graph(root: Path) -> dict[str, set[str]]:
    """Module → the modules of ``app`` it imports, counting every import: at the top, inside functions
    and under ``TYPE_CHECKING`` (a cycle through a type hint still ties the modules together).
    ``from package import name`` counts as importing the submodule when ``name`` is one."""
    modules = _module_names(root)

    def known(name: str) -> str | None:
        while name and name not in modules:
            name = name.rpartition(".")[0]
        return name or None

    graph: dict[str, set[str]] = {}
    for module, path in modules.items():
        package = module if path.name == "__init__.py" else module.rpartition(".")[0]
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
            if isinstance(node, ast.Import):
                found.update(filter(None, (known(alias.name) for alias in node.names)))
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                    base = ".".join([*anchor, base] if base else anchor)
                for alias in node.names:
                    target = f"{base}.{alias.name}"
                    found.add(target if target in modules else known(base) or "")
        found.discard("")
        found.discard(module)
        graph[module] = found
    return graph


def find_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One shortest cycle per strongly connected group of modules, as ``[a, b, …, a]``."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[set[str]] = []

    def visit(start: str) -> None:  # Tarjan's algorithm, iterative (no recursion limit to meet)
        work = [(start, iter(sorted(graph.get(start, ()))))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.add(member)
                    if member == node:
                        break
                if len(group) > 1:
                    groups.append(group)

    for module in sorted(graph):
        if module not in index:
            visit(module)
    cycles = []
    for group in groups:
        start = min(group)
        came_from: dict[str, str] = {}
        queue = deque([start])
        while queue:  # breadth first: the shortest way from start back to start inside the group
            node = queue.popleft()
            if start in graph[node]:
                path = [start]
                while node != start:
                    path.insert(1, node)
                    node = came_from[node]
                cycles.append([*path, start])
                break
            for child in sorted(graph[node] & group):
                if child not in came_from and child != start:
                    came_from[child] = node
                    queue.append(child)
    return sorted(cycles)


def test_no_import_cycles_in_app() -> None:
    cycles = [" -> ".join(cycle) for cycle in find_cycles(import_graph(ROOT))]
    assert cycles == []


def test_the_cycle_finder_names_a_cycle_through_type_hints_and_functions(tmp_path: Path) -> None:
    package = tmp_path / "app" / "pkg"
    package.mkdir(parents=True)
    (tmp_path / "app" / "__init__.py").write_text("")
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text("from app.pkg import b\n")
    (package / "b.py").write_text("def f():\n    from .c import g\n")
    (package / "c.py").write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import app.pkg.a\n")
    (package / "d.py").write_text("from app.pkg import a, c\n")  # on the way in, not part of the cycle
    graph = import_graph(tmp_path)
    assert graph["app.pkg.b"] == {"app.pkg.c"}
    assert find_cycles(graph) == [["app.pkg.a", "app.pkg.b", "app.pkg.c", "app.pkg.a"]]
    (package / "c.py").write_text("")
    assert find_cycles(import_graph(tmp_path)) == []


def test_checker_sees_a_violation(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("import PySide6.QtCore\nfrom app.core import settings\n")
    assert _imports(bad) == {"PySide6.QtCore", "app.core"}
