"""Layering: travelog's packages and top-level modules import one another without cycles,
and the photo pipeline never reaches into comments or importers."""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

SOURCE = Path(__file__).resolve().parent.parent / "src" / "travelog"


def _unit(module: str) -> str:
    """The package or top-level module a dotted name belongs to (``photos``, ``config``)."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def _imports() -> dict[str, dict[str, set[str]]]:
    """unit -> imported unit -> the modules of the first unit that import it."""
    graph: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for path in SOURCE.rglob("*.py"):
        parts = path.relative_to(SOURCE.parent).with_suffix("").parts
        module = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        names: list[str] = []
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.append(node.module)
            elif isinstance(node, ast.Import):
                names += [alias.name for alias in node.names]
        for name in names:
            if name.startswith("travelog.") and _unit(name) != _unit(module):
                graph[_unit(module)][_unit(name)].add(module)
    return graph


def _cycle_from(start: str, graph: dict[str, dict[str, set[str]]]) -> list[str] | None:
    """A path of imports leading from ``start`` back to it, if there is one."""
    stack = [(start, [start])]
    seen: set[str] = set()
    while stack:
        unit, path = stack.pop()
        for imported in graph.get(unit, {}):
            if imported == start:
                return [*path, start]
            if imported not in seen:
                seen.add(imported)
                stack.append((imported, [*path, imported]))
    return None


def test_no_two_packages_import_each_other_even_through_others():
    graph = _imports()
    cycles = {
        " -> ".join(cycle)
        for unit in list(graph)
        if (cycle := _cycle_from(unit, graph)) is not None
    }
    assert not cycles, "import cycles between travelog's packages:\n" + "\n".join(sorted(cycles))


def test_photos_never_import_comments_or_importers():
    imported = set(_imports().get("photos", {}))
    assert not imported & {"comments", "importers"}
