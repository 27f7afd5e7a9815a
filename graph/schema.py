"""The graph schema as data: graph/schema.yaml, loaded and checked once."""

from __future__ import annotations

from functools import cache
from importlib import resources

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from samkarta.graph.errors import AppError


class SchemaError(AppError):
    """schema.yaml does not describe a valid graph."""


class NodeSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")
    key: str
    text: list[str] = []


class RelSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    sources: list[str]
    targets: list[str]


class GraphSchema(BaseModel):
    model_config = ConfigDict(extra="forbid")
    nodes: dict[str, NodeSpec]
    relationships: dict[str, RelSpec]

    def check_label(self, label: str) -> str:
        """The label itself if the schema knows it; the only way a label reaches Cypher text."""
        if label not in self.nodes:
            raise SchemaError(f"unknown node label {label!r}")
        return label

    def check_type(self, rel_type: str) -> str:
        if rel_type not in self.relationships:
            raise SchemaError(f"unknown relationship type {rel_type!r}")
        return rel_type


@cache
def load_schema() -> GraphSchema:
    raw = yaml.safe_load(resources.files(__package__).joinpath("schema.yaml").read_text(encoding="utf-8"))
    try:
        rels = {k: {"sources": v["from"], "targets": v["to"]} for k, v in raw["relationships"].items()}
        schema = GraphSchema(nodes=raw["nodes"], relationships=rels)
    except (KeyError, TypeError, ValidationError) as e:
        raise SchemaError(f"graph/schema.yaml: {e}") from e
    for name, rel in schema.relationships.items():
        unknown = set(rel.sources + rel.targets) - set(schema.nodes)
        if unknown:
            raise SchemaError(f"graph/schema.yaml: {name} names unknown labels {sorted(unknown)}")
    return schema
