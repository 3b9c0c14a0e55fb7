"""No import cycles in the screens and the operations: each module can be read (and
imported) on its own, lower layers first. (Imports under ``TYPE_CHECKING`` and inside
functions count too: a cycle hidden there is still a cycle of ideas.)"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "facilitator"


def _module(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _graph() -> dict[str, set[str]]:
    modules = {_module(p): p for p in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        deps: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                deps.update(a.name for a in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                for a in node.names:  # ``from pkg import submodule`` needs the submodule
                    sub = f"{node.module}.{a.name}"
                    deps.add(sub if sub in modules else node.module)
        graph[name] = {d for d in deps if d in modules and d != name}
    return graph


def _cycles_through(graph: dict[str, set[str]], start: str) -> list[list[str]]:
    found: list[list[str]] = []

    def walk(node: str, path: list[str]) -> None:
        for nxt in sorted(graph.get(node, ())):
            if nxt == start:
                found.append([*path, nxt])
            elif nxt not in path and nxt.startswith(
                ("facilitator.ui", "facilitator.services.operations")
            ):
                walk(nxt, [*path, nxt])

    walk(start, [start])
    return found


def test_the_screens_and_the_operations_import_in_one_direction() -> None:
    graph = _graph()
    assert "facilitator.ui.document" in graph["facilitator.ui.organise.base"]  # the graph is real
    mine = [
        m for m in graph if m.startswith("facilitator.ui") or m == "facilitator.services.operations"
    ]
    cycles = [c for m in mine for c in _cycles_through(graph, m)]
    assert cycles == []


def test_the_undo_adapter_does_not_know_the_document() -> None:
    graph = _graph()
    assert "facilitator.ui.document" not in graph["facilitator.ui.undo"]
    assert "facilitator.ui.undo" in graph["facilitator.ui.document"]
