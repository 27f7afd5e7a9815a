"""docs/neo4j-schema.md is what scripts/schema_doc.py writes from graph/schema.yaml today."""

from __future__ import annotations

from samkarta.graph.schema import load_schema
from tests.support import ROOT, load_script


def test_the_committed_schema_page_is_up_to_date() -> None:
    schema_doc = load_script(ROOT / "scripts" / "schema_doc.py", "schema_doc")
    page = schema_doc.render()
    assert (ROOT / "docs" / "neo4j-schema.md").read_text(encoding="utf-8") == page, (
        "docs/neo4j-schema.md is out of date: run python scripts/schema_doc.py"
    )
    for label, spec in load_schema().nodes.items():
        assert f"| `{label}` |" in page and all(f"`{p}` {t}" in page for p, t in spec.properties.items())
    for rel_type in load_schema().relationships:
        assert f"| `{rel_type}` |" in page


def test_the_bloom_style_covers_every_label() -> None:
    bloom = (ROOT / "docs" / "bloom.md").read_text(encoding="utf-8")
    grass = (ROOT / "docs" / "samkarta.grass").read_text(encoding="utf-8")
    for label in load_schema().nodes:
        assert f"| `{label}` |" in bloom and f"node.{label} {{" in grass, label
