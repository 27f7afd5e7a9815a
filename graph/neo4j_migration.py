"""`samkarta migrate` for Neo4j: a store of layout 1 converted in place, losing nothing.

Layout 1 kept a node's domain properties in one `props_json` string (and its label in a `label`
property), a relationship's in another, merge candidates' reasons as JSON, and its bookkeeping
nodes under unprefixed labels (Entity, DocumentSource, Alias, MergeCandidate, Judgement, Meta,
Tombstone). Each batch is its own transaction and every step can run again, so an interrupted
migration is finished by running it again; the layout marker is written last.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from neo4j import Driver, RoutingControl
from neo4j.exceptions import DriverError, Neo4jError

from samkarta.errors import StoreUnavailable
from samkarta.graph import cypher as q
from samkarta.graph import cypher_migration as m
from samkarta.graph.neo4j_values import NODE_FIELDS, REL_FIELDS, to_neo4j
from samkarta.graph.schema import load_schema


@dataclass
class MigrationReport:
    """What a migration converted."""

    nodes: int = 0
    relationships: int = 0
    relabelled: dict[str, int] = field(default_factory=dict)

    def message(self) -> str:
        if not (self.nodes or self.relationships or any(self.relabelled.values())):
            return f"nothing to migrate: the store already has layout {q.LAYOUT}"
        kept = ", ".join(f"{n} {label}" for label, n in self.relabelled.items() if n)
        return (
            f"migrated to layout {q.LAYOUT}: {self.nodes} nodes and {self.relationships} relationships now have "
            f"typed properties; bookkeeping nodes relabelled ({kept or 'none'}); nothing was removed"
        )


def _label(labels: list[str]) -> str:
    return next((label for label in labels if label in load_schema().nodes), "")


def _json(text: str | None) -> dict[str, Any]:
    return json.loads(text) if text else {}


def _span(value: Any) -> Any:
    # layout 1 could hold a span as a string ('12'); spans are integers now
    return int(value) if isinstance(value, str) and value.isdigit() else value


class LayoutMigration:
    """Converts the database `database` of `driver` to the current layout."""

    def __init__(self, driver: Driver, database: str | None, batch_size: int = q.BATCH_SIZE) -> None:
        self._driver = driver
        self._database = database
        self._size = batch_size

    def _query(self, cypher: str, **params: Any) -> list[dict[str, Any]]:
        try:
            result = self._driver.execute_query(
                cypher, parameters_=params, routing_=RoutingControl.WRITE, database_=self._database
            )
        except (Neo4jError, DriverError) as e:
            raise StoreUnavailable(f"migration failed (run `samkarta migrate` again to finish it): {e}") from e
        return [record.data() for record in result.records]

    def _auto_commit(self, cypher: str) -> None:
        try:
            with self._driver.session(database=self._database) as session:
                session.run(cypher).consume()
        except (Neo4jError, DriverError) as e:
            raise StoreUnavailable(f"migration failed (run `samkarta migrate` again to finish it): {e}") from e

    def run(self) -> MigrationReport:
        """Convert everything of layout 1 that is left; the caller then ensures the new schema."""
        report = MigrationReport()
        report.nodes = self._nodes()
        report.relationships = sum(self._rels(t) for t in load_schema().relationships)
        report.relabelled[q.CANDIDATE] = self._candidates()
        for old, (new, cypher) in m.RELABEL.items():
            report.relabelled[new] = self._query(m.COUNT_LABEL[old])[0]["n"]
            self._auto_commit(cypher)
        report.relabelled[q.META] = self._query(m.CONVERT_META)[0]["n"]
        named = [r["id"] for r in self._query(m.ALIAS_NODES)]
        for i in range(0, len(named), self._size):
            self._query(q.SET_ALIAS_LISTS, ids=named[i : i + self._size])
        for statement in m.DROP_OLD_SCHEMA:
            self._query(statement)
        return report

    def _nodes(self) -> int:
        done = 0
        while rows := self._query(m.OLD_NODES, size=self._size):
            converted = [
                {"id": r["id"], "props": to_neo4j(_label(r["labels"]), _json(r["props_json"]), NODE_FIELDS)}
                for r in rows
            ]
            self._query(m.CONVERT_NODES, rows=converted)
            done += len(rows)
        return done

    def _rels(self, rel_type: str) -> int:
        done, after = 0, ""
        while rows := self._query(m.old_rels(rel_type), after=after, size=self._size):
            after = rows[-1]["id"]
            converted = [
                {
                    "id": r["id"],
                    "props": {
                        **to_neo4j(rel_type, _json(r["props_json"]), REL_FIELDS),
                        "start": _span(r["start"]),
                        "end": _span(r["end"]),
                    },
                }
                for r in rows
                if r["props_json"] is not None
            ]
            if converted:
                self._query(m.convert_rels(rel_type), rows=converted)
            done += len(converted)
        return done

    def _candidates(self) -> int:
        done = 0
        while rows := self._query(m.OLD_CANDIDATES, size=self._size):
            converted = [
                {"id": r["id"], "reasons": json.loads(r["reasons"]) if isinstance(r["reasons"], str) else r["reasons"]}
                for r in rows
            ]
            self._query(m.CONVERT_CANDIDATES, rows=converted)
            done += len(rows)
        return done
