"""The macros package imports in one direction: no module imports, even inside a function, one that imports it back."""
from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "macros"

# Edges allowed to close a cycle, each with why. Remove an entry once its cycle is gone (the test says so).
ALLOWED = {
    # `python -m macros.status` loads the whole site inside main(); site.py uses status's pool rules. Harmless at
    # run time (the import runs after both modules are loaded), to be removed by moving main() out of status.py.
    ("macros.status", "macros.site"),
}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path, modules: set[str]) -> set[str]:
    """The package modules a file imports anywhere in it (top level, functions, `if __name__` blocks)."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = package.rsplit(".", node.level - 1)[0] if node.level else ""
            base = ".".join(p for p in (base, node.module or "") if p)
            # `from . import x` imports the module x when there is one, else a name of the package.
            found |= {f"{base}.{a.name}" if f"{base}.{a.name}" in modules else base for a in node.names}
    return {m for m in found if m in modules and m != name}


def graph() -> dict[str, set[str]]:
    files = sorted(PACKAGE.rglob("*.py"))
    modules = {module_name(f) for f in files}
    return {module_name(f): imports(f, modules) for f in files}


def cycle(edges: dict[str, set[str]]) -> list[str] | None:
    """One import cycle as a path [a, b, ..., a], or None."""
    state: dict[str, str] = {}

    def visit(node: str, path: list[str]) -> list[str] | None:
        state[node] = "open"
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == "open":
                return path[path.index(nxt):] + [node, nxt] if nxt in path else [node, nxt]
            if nxt not in state and (found := visit(nxt, path + [node])):
                return found
        state[node] = "done"
        return None

    for start in sorted(edges):
        if start not in state and (found := visit(start, [])):
            return found
    return None


def test_the_import_graph_reader_sees_relative_and_function_level_imports():
    edges = graph()
    assert "macros.templating" in edges["macros.quiz"]
    assert "macros.quiz" in edges["macros.practice"]
    assert "macros.site" in edges["macros.bank_lint"]  # inside `if __name__ == "__main__":`
    assert "macros.compare" in edges["macros.register.notes"]  # `from .. import compare`
    assert cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert cycle({"a": {"b"}, "b": set()}) is None


def test_macros_has_no_import_cycle():
    edges = graph()
    for source, target in ALLOWED:
        assert target in edges[source], f"{source} no longer imports {target}: remove it from ALLOWED"
        edges[source] = edges[source] - {target}
    found = cycle(edges)
    assert found is None, "import cycle: " + " -> ".join(found)


def test_templating_imports_nothing_from_the_package():
    assert graph()["macros.templating"] == set()
