"""Layers: loaders/ produce an Extraction; graph/ owns identity, storage and Cypher; queries/ ask
through the store protocol; api/ and viz/ present. No module imports a layer above its own."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# each layer, and the layers (as samkarta.<name>) its modules may not import
FORBIDDEN = {
    "loaders": ("graph", "queries", "api", "viz", "cli", "ingest"),
    "graph": ("queries", "api", "viz", "cli", "ingest"),
    "queries": ("api", "viz", "cli", "ingest"),
    "viz": ("api", "cli", "ingest"),
}


STORES = ("samkarta.graph.sqlite_store", "samkarta.graph.neo4j_store")  # reached only through GraphStore


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
    return names


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_no_module_imports_a_layer_above_its_own(layer: str) -> None:
    above = {f"samkarta.{name}" for name in FORBIDDEN[layer]}
    found = {
        f"{path.relative_to(ROOT)}: {name}"
        for path in (ROOT / layer).rglob("*.py")
        for name in _imports(path)
        if ".".join(name.split(".")[:2]) in above
    }
    assert not found, sorted(found)


@pytest.mark.parametrize("layer", ["queries", "api", "viz"])
def test_queries_and_presentation_reach_a_store_only_through_the_protocol(layer: str) -> None:
    found = {
        f"{path.relative_to(ROOT)}: {name}"
        for path in (ROOT / layer).rglob("*.py")
        for name in _imports(path)
        if name.startswith(STORES)
    }
    assert not found, sorted(found)
