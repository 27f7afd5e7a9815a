"""The graph schema as data: graph/schema.yaml, loaded and checked once."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from samkarta.errors import AppError


class SchemaError(AppError):
    """schema.yaml does not describe a valid graph."""


PropertyType = Literal["string", "integer", "float", "boolean", "date", "list<string>"]


class NodeSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")
    key: str
    text: list[str] = []
    properties: dict[str, PropertyType] = {}


class RelSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    sources: list[str]
    targets: list[str]
    properties: dict[str, PropertyType] = {}


class GraphSchema(BaseModel):
    model_config = ConfigDict(extra="forbid")
    nodes: dict[str, NodeSpec]
    relationships: dict[str, RelSpec]
    provenance: dict[str, PropertyType] = {}

    def date_properties(self, label_or_type: str) -> frozenset[str]:
        """The properties of a label or relationship type that hold dates."""
        spec = self.nodes.get(label_or_type) or self.relationships.get(label_or_type)
        return frozenset(k for k, v in spec.properties.items() if v == "date") if spec else frozenset()

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
        rels = {
            k: {"sources": v["from"], "targets": v["to"], "properties": v.get("properties", {})}
            for k, v in raw["relationships"].items()
        }
        schema = GraphSchema(nodes=raw["nodes"], relationships=rels, provenance=raw.get("provenance", {}))
    except (KeyError, TypeError, ValidationError) as e:
        raise SchemaError(f"graph/schema.yaml: {e}") from e
    for name, rel in schema.relationships.items():
        unknown = set(rel.sources + rel.targets) - set(schema.nodes)
        if unknown:
            raise SchemaError(f"graph/schema.yaml: {name} names unknown labels {sorted(unknown)}")
    return schema
