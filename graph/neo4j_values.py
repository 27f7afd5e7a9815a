"""Domain properties as native Neo4j values, typed by graph/schema.yaml, and back.

A property the schema types `date` is written as a Neo4j `date` (a Python `datetime.date`), so
Cypher can compare and filter it; spans are integers and roles lists of strings already. Reading
turns dates back into the ISO strings the rest of the product uses, so both stores answer alike.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Any

from neo4j.time import Date

from samkarta.errors import InvalidInput
from samkarta.graph.schema import load_schema

# Stored beside a node's domain properties: not part of Node.props (`aliases` lists the node's
# Sk_Alias names, which the store protocol answers through aliases()).
NODE_FIELDS = frozenset({"id", "name", "text", "search_text", "aliases"})
# Stored beside a relationship's domain properties: not part of Rel.props.
REL_FIELDS = frozenset({"id", "doc_id", "start", "end", "quote", "text", "search_text"})


@cache
def _date_keys(label_or_type: str) -> frozenset[str]:
    return load_schema().date_properties(label_or_type)


def _date(value: str) -> dt.date | str:
    """An ISO date as a date; anything else stays as written, so reading gives back the same string."""
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        return value
    return day if day.isoformat() == value else value


def to_neo4j(label_or_type: str, props: dict[str, Any], reserved: frozenset[str]) -> dict[str, Any]:
    """A node's or relationship's props as Neo4j property values (None means no property)."""
    dates = _date_keys(label_or_type)
    out: dict[str, Any] = {}
    for key, value in props.items():
        if key in reserved:
            raise InvalidInput(label_or_type, f"property {key!r} is a field of its own, not a prop")
        if value is None:
            continue
        out[key] = _date(value) if key in dates and isinstance(value, str) else value
    return out


def from_neo4j(value: Any) -> Any:
    """A property value as the rest of the product knows it: dates as ISO strings."""
    if isinstance(value, Date | dt.date):
        return value.isoformat()
    return value


def props_of(stored: dict[str, Any], fields: frozenset[str]) -> dict[str, Any]:
    """The domain props among a node's or relationship's stored properties."""
    return {k: from_neo4j(v) for k, v in stored.items() if k not in fields and v is not None}
