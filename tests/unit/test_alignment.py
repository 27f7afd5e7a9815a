"""Alignment checks: schema, compose file and packaging agree with the code."""

from __future__ import annotations

from pathlib import Path

import yaml

from samkarta.graph.schema import load_schema
from samkarta.loaders.model import Extraction, SourceInfo
from tests.support import GOLD_KEYS

ROOT = Path(__file__).resolve().parents[2]


def test_schema_labels_and_relationship_endpoints_are_known() -> None:
    schema = load_schema()
    assert {"Person", "Meeting", "Network", "Municipality", "Region", "Document"} <= set(schema.nodes)
    for rel in schema.relationships.values():
        assert set(rel.sources) | set(rel.targets) <= set(schema.nodes)


def test_every_label_has_a_neo4j_constraint() -> None:
    from samkarta.graph import cypher

    statements = "\n".join(cypher.schema_statements())
    for label in load_schema().nodes:
        assert f"`{label}`" in statements, label


def test_extraction_output_has_the_gold_keys() -> None:
    out = Extraction(source=SourceInfo(path="x", sha256="", format="txt", chars=0)).to_output(evidence=False)
    assert set(out) == GOLD_KEYS


def test_compose_runs_neo4j_lts_with_a_healthcheck_and_the_api_after_it() -> None:
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))
    neo4j, api = compose["services"]["neo4j"], compose["services"]["api"]
    assert neo4j["image"] == "neo4j:5.26-community"
    assert "healthcheck" in neo4j and neo4j["volumes"]
    assert "${NEO4J_PASSWORD:?" in neo4j["environment"]["NEO4J_AUTH"]
    assert api["depends_on"]["neo4j"]["condition"] == "service_healthy"
    assert api["environment"]["SAMKARTA_STORE"].startswith("bolt://neo4j:")
    assert (ROOT / "Dockerfile").is_file()
