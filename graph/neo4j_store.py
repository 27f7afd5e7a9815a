"""The server store: Neo4j 5 through the official driver, behaving like the SQLite store.

Data model (docs/neo4j-schema.md): every domain node has its schema label plus `Sk_Entity` (id
lookups when the label is unknown) and the properties id, name, text, search_text and its domain
properties as native typed values (graph/neo4j_values.py); relationships carry their provenance
and typed properties the same way. A document's text, hash and extraction live on a
`Sk_DocumentSource` node; aliases, merge candidates, judgements, tombstones, the version counter
and the layout on `Sk_Alias`, `Sk_MergeCandidate`, `Sk_Judgement`, `Sk_Tombstone` and `Sk_Meta`
nodes, none of which stats(), names() or graph() count as graph nodes.
"""

from __future__ import annotations

import json
import secrets
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import networkx as nx
from neo4j import Driver, GraphDatabase, ManagedTransaction, NotificationMinimumSeverity, RoutingControl
from neo4j.exceptions import AuthError, DriverError, Neo4jError, ServiceUnavailable

from samkarta.errors import StoreOutdated, StoreUnavailable
from samkarta.graph import cypher as q
from samkarta.graph.ids import body_rank, name_key, names_matching
from samkarta.graph.model import (
    Alias,
    BodyMatch,
    Correction,
    DocumentHit,
    DocumentInfo,
    EntityJudgement,
    GraphBatch,
    Judgement,
    MergeCandidate,
    Node,
    Rel,
    ReviewJudgement,
    Stats,
    TextHit,
    WriteResult,
)
from samkarta.graph.neo4j_migration import LayoutMigration, MigrationReport
from samkarta.graph.neo4j_rewrite import Stored, plan_rewrite
from samkarta.graph.neo4j_scrub import ScrubReport, scrub
from samkarta.graph.neo4j_values import NODE_FIELDS, REL_FIELDS, props_of, to_neo4j
from samkarta.graph.redaction import redact, redact_json, redact_value
from samkarta.graph.search_text import search_text, search_tokens
from samkarta.graph.store import CHANGES_KEPT, GraphDelta, PersonRecord, StoredDocument

T = TypeVar("T")
_DRIVER_ERRORS = (Neo4jError, DriverError)


def _chunks(rows: list[dict[str, Any]], size: int = q.BATCH_SIZE) -> Iterator[list[dict[str, Any]]]:
    for i in range(0, len(rows), size):
        yield rows[i : i + size]


def _grouped(items: Iterable[T], key: Callable[[T], str]) -> dict[str, list[T]]:
    out: dict[str, list[T]] = {}
    for item in items:
        out.setdefault(key(item), []).append(item)
    return out


def _search(text: str | None) -> str | None:
    # sqlite indexes only truthy texts; a missing search_text keeps the item out of the index
    return search_text(text) if text else None


# Body lookup: every body's canonical name and aliases (bodies are few, hundreds); the ones that match
# are picked in Python with graph.ids.name_key, which Cypher cannot apply without a regex replace.
BODY_NAMES = (
    "MATCH (n:Network) RETURN n.id AS id, n.name AS matched, 0 AS alias "
    f"UNION ALL MATCH (a:{q.ALIAS}) MATCH (n:Network {{id: a.node_id}}) "
    "RETURN n.id AS id, a.alias AS matched, 1 AS alias"
)
# What each matched body did: meetings held, people who attended them.
BODY_STATS = (
    "UNWIND $ids AS id MATCH (n:Network {id: id}) "
    "RETURN n.id AS id, n.name AS name, n.region AS region, "
    "COUNT { MATCH (m:Meeting)-[:OF]->(n) RETURN DISTINCT m } AS meetings, "
    "COUNT { MATCH (p:Person)-[:ATTENDED]->(:Meeting)-[:OF]->(n) RETURN DISTINCT p } AS members"
)
_CORRECTION_TEXTS = ("text", "quote", "value", "reason")  # what of a correction can name a person
_JUDGEMENT_TEXTS = ("name", "value_name", "reason")  # and of an entity judgement (a person's split)
_KEYS = frozenset({"id", "doc_id", "meeting_id", "search_text"})  # ids and derived text: nothing to redact


def _redacted(stored: dict[str, Any], strings: list[str]) -> dict[str, Any]:
    """The stored properties a redaction changes, with the search text of a changed text."""
    changed = {}
    for key, value in stored.items():
        if key not in _KEYS and (red := redact_value(value, strings)) != value:
            changed[key] = red
    if "text" in changed:
        changed["search_text"] = _search(changed["text"])
    return changed


def _blanked(props: dict[str, Any]) -> dict[str, Any]:
    """Each string property (but the id) as a placeholder of its length, so an overwrite in place
    leaves nothing of the old value."""
    return {k: "_" * len(v) for k, v in props.items() if isinstance(v, str) and k != "id"}


def _node_row(n: Node) -> dict[str, Any]:
    """A node as merge_nodes writes it."""
    return {
        **to_neo4j(n.label, n.props, NODE_FIELDS),
        "id": n.id,
        "name": n.name,
        "text": n.text,
        "search_text": _search(n.text),
    }


def _rel_row(r: Rel) -> dict[str, Any]:
    """A relationship as merge_rels writes it."""
    return {
        "source": r.source,
        "target": r.target,
        "props": {
            **to_neo4j(r.type, r.props, REL_FIELDS),
            "id": r.id,
            "doc_id": r.doc_id,
            "start": r.start,
            "end": r.end,
            "quote": r.quote,
            "text": r.text,
            "search_text": _search(r.text),
        },
    }


def _source_row(b: GraphBatch) -> dict[str, Any]:
    """A document's Sk_DocumentSource properties."""
    return {
        **b.document.model_dump(exclude={"copies"}),  # a new document has none; add_copy records them
        "text": b.text,
        "search_text": search_text(b.text),
        "extraction": json.dumps(b.extraction, ensure_ascii=False),
    }


def _run(tx: ManagedTransaction, cypher: str, **params: Any) -> list[dict[str, Any]]:
    return [record.data() for record in tx.run(cypher, params)]


@dataclass
class _Change:
    """What one write transaction changes, noted as it goes (GraphStore.delta); `everything` when
    it cannot say (a migration)."""

    documents: set[str] = field(default_factory=set)
    nodes: set[str] = field(default_factory=set)
    everything: bool = False

    def of_batches(self, batches: list[GraphBatch]) -> None:
        for b in batches:
            self.documents.add(b.document.id)
            self.nodes.update(n.id for n in b.nodes)
            self.nodes.update(end for r in b.rels for end in (r.source, r.target))
            self.nodes.update(a.node_id for a in b.aliases)


class _RolledBack(Exception):
    """Ends a rehearsal's transaction without committing it."""


def _bump_params(change: _Change) -> dict[str, Any]:
    return {
        "documents": sorted(change.documents),
        "nodes": sorted(change.nodes),
        "everything": change.everything,
        "kept": CHANGES_KEPT,
    }


def _delta_in(tx: ManagedTransaction, since: int, labels: set[str] | None, types: set[str] | None) -> GraphDelta | None:
    """GraphStore.delta() read in `tx`."""
    found = _run(tx, q.CHANGES_SINCE, since=since)
    if not found:
        return None
    log = found[0]
    version = int(log["version"])
    if since > version or log["versions"] != list(range(since + 1, version + 1)) or any(log["everything"]):
        return None  # pruned, a migration, or written by a Samkarta without the log
    documents = {d for ds in log["documents"] for d in ds}
    nodes = {n for ns in log["nodes"] for n in ns}
    return _delta_parts(tx, version, documents, nodes, labels, types)


def _delta_parts(
    tx: ManagedTransaction,
    version: int,
    documents: set[str],
    nodes: set[str],
    labels: set[str] | None,
    types: set[str] | None,
) -> GraphDelta:
    """The delta of a change to `documents` and `nodes`: their relationships, nodes and names as stored."""
    rels = _run(tx, q.doc_rels_of(types), doc_ids=sorted(documents)) if documents else []
    ends = sorted({*nodes, *(r["source"] for r in rels), *(r["target"] for r in rels)})
    part = _graph_of(_run(tx, q.NODES_OF, ids=ends, labels=sorted(labels) if labels else None), rels)
    names = [(r["id"], r["label"], r["name"]) for r in _run(tx, q.NAMES_OF, ids=sorted(nodes))]
    return GraphDelta(version, documents, nodes, part, sorted(names))


def _graph_of(nodes: list[dict[str, Any]], rels: list[dict[str, Any]]) -> nx.MultiDiGraph:
    """Node and relationship rows as networkx (GraphStore.graph); relationships to nodes left out are left out."""
    g = nx.MultiDiGraph()
    for r in nodes:
        node = Neo4jStore._node(r)
        g.add_node(node.id, label=node.label, name=node.name, **node.props)
        if node.text is not None:
            g.nodes[node.id]["text"] = node.text
    for row in rels:
        rel = Neo4jStore._rel(row)
        if rel.source in g and rel.target in g:
            g.add_edge(
                rel.source,
                rel.target,
                key=rel.id,
                type=rel.type,
                doc_id=rel.doc_id,
                start=rel.start,
                end=rel.end,
                quote=rel.quote,
                **rel.props,
            )
    return g


class Neo4jStore:
    """GraphStore over a neo4j.Driver (thread-safe: every call uses its own session)."""

    def __init__(self, driver: Driver, database: str | None = None, server_files: Path | None = None) -> None:
        self._driver = driver
        self._database = database
        self._server_files = server_files  # where this machine sees the server's data directory, if not where it says
        self._lock = threading.Lock()
        self._closed = False
        self.last_scrub: ScrubReport | None = None  # what the last erasure did to the server's disk

    @classmethod
    def connect(
        cls,
        uri: str,
        user: str,
        password: str,
        database: str | None = None,
        prepare: bool = True,
        server_files: Path | None = None,
    ) -> Neo4jStore:
        """Connect to the server at `uri` and make sure constraints and indexes exist (`prepare`).
        `server_files`: the server's data directory as this machine sees it (a mounted volume), for
        the scrub after an erasure; by default the path the server gives, when it is on this machine.

        Raises:
            StoreUnavailable: the server cannot be reached or refused the user.
            StoreOutdated: the database holds an older layout (`samkarta migrate` converts it).
        """
        try:
            # fail within a second when the server is away, so the API answers 503 instead of hanging;
            # the server's notifications (e.g. about labels an empty database lacks) are not for users
            driver = GraphDatabase.driver(
                uri,
                auth=(user, password),
                connection_timeout=1.0,
                connection_acquisition_timeout=2.0,
                max_transaction_retry_time=0.5,
                notifications_min_severity=NotificationMinimumSeverity.OFF,
                warn_notification_severity=None,
            )
        except (*_DRIVER_ERRORS, ValueError, ImportError) as e:  # bad URI, or a scheme needing extras
            raise StoreUnavailable(f"cannot use Neo4j URI {uri!r}: {e}") from e
        try:
            driver.verify_connectivity()
        except AuthError as e:
            driver.close()
            raise StoreUnavailable(f"Neo4j at {uri} refused user {user!r} (wrong password?): {e}") from e
        except ServiceUnavailable as e:
            driver.close()
            raise StoreUnavailable(f"cannot reach Neo4j at {uri} (is the server running?): {e}") from e
        except _DRIVER_ERRORS as e:
            driver.close()
            raise StoreUnavailable(f"cannot connect to Neo4j at {uri}: {e}") from e
        store = cls(driver, database, server_files)
        if not prepare:
            return store
        try:
            store.ensure_schema()
        except StoreOutdated:
            store.close()
            raise
        except StoreUnavailable as e:
            store.close()
            raise StoreUnavailable(f"cannot prepare database {database or '(default)'} of Neo4j at {uri}: {e}") from e
        return store

    # -- plumbing ---------------------------------------------------------------------------
    def _check_open(self) -> None:
        if self._closed:
            raise StoreUnavailable("the Neo4j store is closed")

    def _query(
        self, cypher: str, params: dict[str, Any] | None = None, routing: RoutingControl = RoutingControl.READ
    ) -> list[dict[str, Any]]:
        self._check_open()
        try:
            result = self._driver.execute_query(cypher, parameters_=params, routing_=routing, database_=self._database)
        except _DRIVER_ERRORS as e:
            raise StoreUnavailable(f"Neo4j query failed: {e}") from e
        return [record.data() for record in result.records]

    def _write(self, work: Callable[[ManagedTransaction], T], what: str, change: _Change | None = None) -> T:
        """Run `work` in one write transaction that also bumps the version and logs `change` (what
        `work` notes there it changed of the graph; nothing if None); all or nothing."""
        self._check_open()
        change = change or _Change()

        def unit(tx: ManagedTransaction) -> T:
            result = work(tx)
            tx.run(q.BUMP_VERSION, _bump_params(change)).consume()
            return result

        return self._transaction(unit, what, write=True)

    def _transaction(self, work: Callable[[ManagedTransaction], T], what: str, write: bool) -> T:
        """`work` in one managed transaction (retried on transient errors by the driver)."""
        try:
            # the execute_query bookmark manager: reads through execute_query see this write (clusters)
            bookmarks = self._driver.execute_query_bookmark_manager
            with self._driver.session(database=self._database, bookmark_manager=bookmarks) as session:
                return session.execute_write(work) if write else session.execute_read(work)
        except _DRIVER_ERRORS as e:
            raise StoreUnavailable(f"{what} failed: {e}") from e

    def layout(self) -> tuple[int | None, bool]:
        """The layout marker (None in an empty database or one of layout 1) and whether anything
        of layout 1 is left."""
        row = self._query(q.LAYOUT_FOUND)[0]
        return row["layout"], row["old"]

    def ensure_schema(self) -> None:
        """Constraints, indexes and the bookkeeping nodes; refuses a database of another layout
        rather than misreading it."""
        layout, old = self.layout()
        if old:
            raise StoreOutdated(
                "this Neo4j database was written by an older Samkarta (layout 1: properties in "
                f"props_json strings); run `samkarta migrate` to convert it in place to layout {q.LAYOUT}"
            )
        if layout is not None and layout > q.LAYOUT:
            raise StoreOutdated(
                f"this Neo4j database has layout {layout}, written by a newer Samkarta; this one reads "
                f"layout {q.LAYOUT}: upgrade Samkarta"
            )
        for statement in q.schema_statements():
            self._query(statement, routing=RoutingControl.WRITE)
        self._query(q.AWAIT_INDEXES)
        self._query(q.ENSURE_META, {"layout": q.LAYOUT}, routing=RoutingControl.WRITE)
        self._index_sources()

    def _index_sources(self) -> None:
        """Give documents stored before the index of whole texts their search text (once)."""
        while rows := self._query(q.UNINDEXED_SOURCES):
            found = [{"id": r["id"], "search_text": search_text(r["text"] or "")} for r in rows]
            self._query(q.SET_SOURCE_SEARCH, {"rows": found}, routing=RoutingControl.WRITE)

    def migrate(self) -> MigrationReport:
        """Convert a database of layout 1 to this layout in place (`samkarta migrate`), then prepare it."""
        self._check_open()
        layout, _ = self.layout()
        if layout is not None and layout > q.LAYOUT:
            raise StoreOutdated(f"this Neo4j database has layout {layout}, newer than this Samkarta's {q.LAYOUT}")
        report = LayoutMigration(self._driver, self._database).run()
        self.ensure_schema()
        if report.nodes or report.relationships or any(report.relabelled.values()):
            # a new version: running APIs rebuild their projections whole
            self._write(lambda tx: None, "migrating", _Change(everything=True))
        return report

    def wipe(self) -> None:
        """Delete everything in the database (tests and benchmarks; never called by the product)."""
        self._check_open()
        try:
            with self._driver.session(database=self._database) as session:
                for statement in q.WIPE:  # IN TRANSACTIONS needs an auto-commit transaction
                    session.run(statement).consume()
        except _DRIVER_ERRORS as e:
            raise StoreUnavailable(f"Neo4j wipe failed: {e}") from e
        self._query(q.ENSURE_META, {"layout": q.LAYOUT}, routing=RoutingControl.WRITE)

    def close(self) -> None:
        with self._lock:
            if not self._closed:
                self._closed = True
                self._driver.close()

    # -- documents ----------------------------------------------------------------------------
    def write_document(self, batch: GraphBatch, replace: bool = False) -> WriteResult:
        doc = batch.document
        existing = self._query(q.DOCUMENT_SHA, {"id": doc.id})
        if existing and existing[0]["sha256"] == doc.sha256 and not replace:
            return WriteResult(status="unchanged")

        change = _Change()

        def work(tx: ManagedTransaction) -> int:
            if existing:
                created = self._rewrite_document(tx, batch, change)
                if created is not None:
                    return created
            named = self._delete_document(tx, doc.id, change) if existing else set()
            created = self._write_facts(tx, [batch], change)
            self._set_alias_lists(tx, named)  # whole again: the document may have named them no more
            return created

        created = self._write(work, f"writing {doc.path}", change)
        return WriteResult(
            status="replaced" if existing else "ingested",
            nodes_added=created,
            rels_added=len(batch.rels),
        )

    def write_new_documents(self, batches: list[GraphBatch]) -> WriteResult:
        """One transaction, and one statement per label, relationship type and record kind for all
        the documents together: the round trips of a load do not grow with its documents."""

        change = _Change()

        def work(tx: ManagedTransaction) -> int:
            stored = _run(tx, q.STORED_DOCUMENTS, ids=[b.document.id for b in batches])[0]["ids"]
            if stored:
                raise StoreUnavailable(f"new documents are already stored: {', '.join(sorted(stored))}")
            return self._write_facts(tx, batches, change)

        created = self._write(work, f"writing {len(batches)} documents", change)
        return WriteResult(status="ingested", nodes_added=created, rels_added=sum(len(b.rels) for b in batches))

    def _rewrite_document(self, tx: ManagedTransaction, batch: GraphBatch, change: _Change) -> int | None:
        """Write a stored document again as the difference from what it holds (graph/neo4j_rewrite.py):
        one read and the few statements a correction needs, instead of some forty. None (nothing
        written) where only deleting and writing again says the same. Returns the nodes created as
        deleting and writing again counts them."""
        doc_id = batch.document.id
        labels: dict[str, str] = {}
        node_rows: dict[str, dict[str, Any]] = {}
        for n in batch.nodes:
            if n.id not in node_rows:  # MERGE keeps the first
                labels[n.id], node_rows[n.id] = n.label, _node_row(n)
            elif labels[n.id] != n.label:
                return None
        candidate_rows = [{**c.model_dump(), "doc_id": doc_id} for c in batch.candidates]
        found = _run(
            tx,
            q.document_state(),
            doc_id=doc_id,
            node_ids=sorted({doc_id, *node_rows}),
            candidate_ids=sorted({c["id"] for c in candidate_rows}),
        )[0]
        stored = Stored(found["rels"], found["nodes"], found["aliases"], found["candidates"], found["source"])
        plan = plan_rewrite(
            stored,
            labels,
            node_rows,
            [(r.type, _rel_row(r)) for r in batch.rels],
            [a.model_dump() for a in batch.aliases],
            candidate_rows,
            _source_row(batch),
        )
        if plan is None:
            return None
        change.documents.add(doc_id)
        change.nodes.update(plan.touched | plan.named)
        change.of_batches([batch])
        for rel_type, ids in plan.delete_rels.items():
            tx.run(q.delete_rels(rel_type), ids=ids).consume()
        if plan.delete_nodes:
            tx.run(q.DELETE_ORPHANS, ids=plan.delete_nodes).consume()
        for label, rows in plan.create_nodes.items():
            for chunk in _chunks(rows):
                tx.run(q.merge_nodes(label), rows=chunk).consume()
        if plan.reset_nodes:
            tx.run(q.RESET_NODES, rows=plan.reset_nodes).consume()
        for rel_type, rows in plan.create_rels.items():
            self._create_rels(tx, rel_type, rows)
        if plan.delete_aliases:
            tx.run(q.DELETE_ALIASES, rows=plan.delete_aliases).consume()
        if plan.add_aliases:
            tx.run(q.MERGE_ALIASES, rows=plan.add_aliases).consume()
        if plan.delete_candidates:
            tx.run(q.DELETE_CANDIDATES, ids=plan.delete_candidates).consume()
        if plan.set_candidates:
            tx.run(q.MERGE_CANDIDATES, rows=plan.set_candidates).consume()
        if plan.source is not None:
            tx.run(q.SET_SOURCE, doc=plan.source).consume()
        self._set_alias_lists(tx, plan.alias_lists)
        return plan.created

    def _write_facts(self, tx: ManagedTransaction, batches: list[GraphBatch], change: _Change) -> int:
        """The documents' sources, nodes, relationships, aliases and merge candidates, in document
        order (the first write of a node wins, the last word on a candidate pair); returns how many
        nodes were created."""
        change.of_batches(batches)
        sources = [_source_row(b) for b in batches]
        for rows in _chunks(sources):
            tx.run(q.CREATE_SOURCES, docs=rows).consume()
        created = self._write_nodes(tx, [n for b in batches for n in b.nodes])
        self._write_rels(tx, [r for b in batches for r in b.rels])
        for rows in _chunks([a.model_dump() for b in batches for a in b.aliases]):
            tx.run(q.MERGE_ALIASES, rows=rows).consume()
        candidates = [{**c.model_dump(), "doc_id": b.document.id} for b in batches for c in b.candidates]
        for rows in _chunks(candidates):
            tx.run(q.MERGE_CANDIDATES, rows=rows).consume()
        return created

    def _write_nodes(self, tx: ManagedTransaction, nodes: list[Node]) -> int:
        """MERGE nodes by label in UNWIND batches; returns how many were created."""
        created = 0
        for label, group in _grouped(nodes, lambda n: n.label).items():
            rows = [_node_row(n) for n in group]
            for chunk in _chunks(rows):
                created += tx.run(q.merge_nodes(label), rows=chunk).consume().counters.nodes_created
        return created

    def _write_rels(self, tx: ManagedTransaction, rels: list[Rel]) -> None:
        for rel_type, group in _grouped(rels, lambda r: r.type).items():
            self._create_rels(tx, rel_type, [_rel_row(r) for r in group])

    @staticmethod
    def _create_rels(tx: ManagedTransaction, rel_type: str, rows: list[dict[str, Any]]) -> None:
        for chunk in _chunks(rows):
            written = _run(tx, q.merge_rels(rel_type), rows=chunk)[0]["written"]
            if written != len(chunk):
                # a batch naming nodes that exist nowhere is a builder bug: refuse the whole document
                raise StoreUnavailable(
                    f"{len(chunk) - written} {rel_type} relationship(s) name missing nodes "
                    f"(first in batch: {chunk[0]['props']['id']})"
                )

    def _delete_document(self, tx: ManagedTransaction, doc_id: str, change: _Change) -> set[str]:
        """Delete what the document said; returns the nodes whose aliases it named."""
        touched = set(_run(tx, q.DELETE_DOC_RELS, doc_id=doc_id)[0]["ends"])
        named = set(_run(tx, q.DOC_ALIAS_NODES, doc_id=doc_id)[0]["ids"])
        change.documents.add(doc_id)
        change.nodes.update(touched | named)
        tx.run(q.DELETE_DOC_RECORDS, doc_id=doc_id).consume()
        touched.add(doc_id)
        tx.run(q.DELETE_ORPHANS, ids=sorted(touched)).consume()
        return named

    @staticmethod
    def _set_alias_lists(tx: ManagedTransaction, node_ids: set[str]) -> None:
        ids = sorted(node_ids)
        for i in range(0, len(ids), q.BATCH_SIZE):
            tx.run(q.SET_ALIAS_LISTS, ids=ids[i : i + q.BATCH_SIZE]).consume()

    def delete_document(self, doc_id: str) -> bool:
        if not self._query(q.SOURCE_EXISTS, {"id": doc_id}):
            return False  # nothing changes, so the version stays

        change = _Change()

        def work(tx: ManagedTransaction) -> bool:
            self._set_alias_lists(tx, self._delete_document(tx, doc_id, change))
            return True

        return self._write(work, f"deleting document {doc_id}", change)

    def documents(self) -> list[DocumentInfo]:
        rows = self._query(q.DOCUMENTS)
        # sqlite's ORDER BY date, path: NULL dates first, then code point order
        rows.sort(key=lambda r: (r["date"] is not None, r["date"] or "", r["path"]))
        return [DocumentInfo(**{**r, "copies": sorted(r["copies"])}) for r in rows]

    def stored_documents(self, doc_ids: set[str]) -> set[str]:
        return set(self._query(q.STORED_DOCUMENTS, {"ids": sorted(doc_ids)})[0]["ids"])

    def add_copy(self, doc_id: str, path: str) -> None:
        self._write(lambda tx: tx.run(q.ADD_COPY, id=doc_id, path=path).consume(), f"recording a copy of {doc_id}")

    def document(self, doc_id: str) -> StoredDocument | None:
        rows = self._query(q.DOCUMENT, {"id": doc_id})
        if not rows:
            return None
        d = rows[0]["d"]
        info = DocumentInfo(
            **{k: d.get(k) for k in ("id", "path", "sha256", "format", "title", "date", "chars")},
            copies=sorted(d.get("copies") or []),
        )
        return StoredDocument(info=info, text=d["text"], extraction=json.loads(d["extraction"]))

    # -- reading ------------------------------------------------------------------------------
    @staticmethod
    def _rel(row: dict[str, Any]) -> Rel:
        r = row["r"]
        return Rel(
            id=r["id"],
            type=row["type"],
            source=row["source"],
            target=row["target"],
            doc_id=r["doc_id"],
            start=r.get("start"),
            end=r.get("end"),
            quote=r.get("quote"),
            props=props_of(r, REL_FIELDS),
            text=r.get("text"),
        )

    def get_node(self, node_id: str) -> Node | None:
        rows = self._query(q.GET_NODE, {"id": node_id})
        if not rows:
            return None
        return self._node(rows[0])

    @staticmethod
    def _node(row: dict[str, Any]) -> Node:
        n = row["n"]
        return Node(id=n["id"], label=row["label"], name=n["name"], props=props_of(n, NODE_FIELDS), text=n.get("text"))

    def rels_of(self, node_id: str) -> list[Rel]:
        return [self._rel(row) for row in self._query(q.RELS_OF, {"id": node_id})]

    def node_documents(self, node_id: str) -> list[str]:
        if self._query(q.SOURCE_EXISTS, {"id": node_id}):
            return [node_id]
        return sorted(r["doc_id"] for r in self._query(q.NODE_DOC_IDS, {"id": node_id}))

    def aliases(self, node_id: str | None = None) -> list[Alias]:
        rows = self._query(q.ALIASES) if node_id is None else self._query(q.ALIASES_OF, {"node_id": node_id})
        return [Alias(**r) for r in rows]

    def bodies_named(self, name: str) -> list[BodyMatch]:
        if not name_key(name):
            return []
        rows = sorted(self._query(BODY_NAMES), key=lambda r: (r["alias"], r["id"], r["matched"]))
        matched = names_matching(rows, name)
        if not matched:
            return []
        found = [BodyMatch(matched=matched[r["id"]], **r) for r in self._query(BODY_STATS, {"ids": sorted(matched)})]
        return sorted(found, key=lambda b: body_rank(b.meetings, b.members, b.name, b.id))

    def names(self) -> list[tuple[str, str, str]]:
        # sorted: the order sqlite's UNION gives in practice
        return sorted((r["id"], r["label"], r["name"]) for r in self._query(q.NAMES))

    def fulltext(self, query: str, limit: int = 50) -> list[TextHit]:
        terms = search_tokens(query)
        if not terms:
            return []
        params = {
            "nodes_index": q.FULLTEXT_ITEMS,
            "rels_index": q.FULLTEXT_HANDOFFS,
            "query": q.prefix_query(terms),
            "limit": limit,
        }
        return [TextHit(**r) for r in self._query(q.FULLTEXT, params)]

    def search_documents(self, query: str, limit: int = 1000) -> list[DocumentHit]:
        terms = search_tokens(query)
        if not terms:
            return []
        params = {"index": q.FULLTEXT_DOCUMENTS, "query": q.prefix_query(terms), "limit": limit}
        return [DocumentHit(**r) for r in self._query(q.SEARCH_DOCUMENTS, params)]

    def graph(self, labels: set[str] | None = None, types: set[str] | None = None) -> nx.MultiDiGraph:
        nodes = self._query(q.GRAPH_NODES, {"labels": sorted(labels) if labels else None})
        return _graph_of(nodes, self._query(q.GRAPH_RELS, {"types": sorted(types) if types else None}))

    def version(self) -> int:
        rows = self._query(q.VERSION)
        return int(rows[0]["value"]) if rows else 0

    def delta(self, since: int, labels: set[str] | None = None, types: set[str] | None = None) -> GraphDelta | None:
        self._check_open()
        # the log first, then the parts (Neo4j reads committed data): the parts are never older than
        # the log says; a write in between is applied again with the next delta
        return self._transaction(
            lambda tx: _delta_in(tx, since, labels, types), f"reading the changes since version {since}", write=False
        )

    def rehearse(
        self, batch: GraphBatch, correction: Correction, since: int, labels: set[str], types: set[str]
    ) -> None:
        """Run what a correction runs, with real parameters, in transactions rolled back: the
        correction saved, `batch` (its document as the correction leaves it) written as its
        difference and the version bumped, then the delta read. Nothing is written.

        A server plans a statement on first use and caches the plan by its text, the size class of
        each list parameter (1, 2-10, 11-100, ... items) and whether the transaction has written
        anything yet; on a fresh server the first correction at 10,000 meetings took 5-12 s, most of
        it planning (document_state() alone 1-4 s). So each transaction here is the one a correction
        runs, statement for statement, up to its commit. The API rehearses a few documents at start."""
        self._check_open()
        change = _Change()

        def save(tx: ManagedTransaction) -> None:
            tx.run(q.SAVE_CORRECTION, id=correction.id, props=correction.model_dump(exclude={"id"})).consume()
            tx.run(q.BUMP_VERSION, _bump_params(_Change())).consume()
            raise _RolledBack  # a managed transaction rolls back on an exception (no retry: not transient)

        def rewrite(tx: ManagedTransaction) -> None:
            if self._rewrite_document(tx, batch, change) is None:
                self._delete_document(tx, batch.document.id, change)
                self._write_facts(tx, [batch], change)
            tx.run(q.BUMP_VERSION, _bump_params(change)).consume()
            raise _RolledBack

        def read(tx: ManagedTransaction) -> None:  # the delta a reader makes of it
            _run(tx, q.CHANGES_SINCE, since=since)
            _delta_parts(tx, since + 1, change.documents, change.nodes, labels, types)

        try:
            for work in (save, rewrite):
                with self._driver.session(database=self._database) as session:
                    try:
                        session.execute_write(work)
                    except _RolledBack:
                        pass
                if work is save:
                    self._query(q.DOCUMENT_SHA, {"id": batch.document.id})
            with self._driver.session(database=self._database) as session:
                session.execute_read(read)
        except _DRIVER_ERRORS as e:
            raise StoreUnavailable(f"rehearsing a correction failed: {e}") from e

    def _people(self, key: str, values: list[str]) -> list[PersonRecord]:
        if not values:
            return []
        return [
            PersonRecord(
                id=r["id"],
                name=r["name"],
                region=r["region"],
                rkey=r["rkey"] or "",
                block=r["block"] or "",
                networks=sorted(set(r["networks"])),
                affiliations=sorted(set(r["affiliations"])),
            )
            for r in self._query(q.people(key), {"values": values})
        ]

    def people_by_rkey(self, rkeys: list[str]) -> list[PersonRecord]:
        return self._people("rkey", rkeys)

    def people_by_block(self, blocks: list[str]) -> list[PersonRecord]:
        return self._people("block", blocks)

    # -- tombstones ------------------------------------------------------------------------------
    def tombstone_key(self) -> str:
        found = self._query(q.READ_TOMBSTONE_KEY)
        if found:
            return found[0]["key"]
        key = secrets.token_hex(32)
        return self._write(lambda tx: _run(tx, q.TOMBSTONE_KEY, key=key)[0]["key"], "reading the tombstone key")

    def tombstones(self) -> set[str]:
        return {r["digest"] for r in self._query(q.TOMBSTONES)}

    def set_tombstone(self, digest: str, present: bool) -> None:
        cypher = q.ADD_TOMBSTONE if present else q.LIFT_TOMBSTONE
        self._write(lambda tx: tx.run(cypher, digest=digest).consume(), "saving a tombstone")

    # -- judgements and candidates --------------------------------------------------------------
    def save_judgement(self, judgement: Judgement) -> None:
        params = judgement.model_dump()
        self._write(lambda tx: tx.run(q.SAVE_JUDGEMENT, params).consume(), "saving a judgement")

    def judgements(self) -> list[Judgement]:
        return [Judgement(**r) for r in self._query(q.JUDGEMENTS)]

    def save_correction(self, correction: Correction) -> None:
        props = correction.model_dump(exclude={"id"})
        self._write(
            lambda tx: tx.run(q.SAVE_CORRECTION, id=correction.id, props=props).consume(), "saving a correction"
        )

    def corrections(self) -> list[Correction]:
        return [Correction(**row["c"]) for row in self._query(q.CORRECTIONS)]

    def save_entity_judgement(self, judgement: EntityJudgement) -> None:
        props = judgement.model_dump(exclude={"id"})
        self._write(
            lambda tx: tx.run(q.SAVE_ENTITY_JUDGEMENT, id=judgement.id, props=props).consume(),
            "saving an entity judgement",
        )

    def entity_judgements(self) -> list[EntityJudgement]:
        return [EntityJudgement(**row["e"]) for row in self._query(q.ENTITY_JUDGEMENTS)]

    def save_review(self, judgement: ReviewJudgement) -> None:
        props = judgement.model_dump(exclude={"id"}, exclude_none=True)  # Neo4j keeps no nulls
        self._write(lambda tx: tx.run(q.SAVE_REVIEW, id=judgement.id, props=props).consume(), "saving a review")

    def reviews(self) -> list[ReviewJudgement]:
        return [ReviewJudgement(**row["r"]) for row in self._query(q.REVIEWS)]

    def set_node_name(self, node_id: str, name: str) -> None:
        def rename(tx: ManagedTransaction) -> None:
            tx.run(q.SET_NODE_NAME, id=node_id, name=name).consume()

        self._write(rename, "renaming a node", _Change(nodes={node_id}))

    def candidates(self, status: str | None = None) -> list[MergeCandidate]:
        out = []
        for row in self._query(q.CANDIDATES, {"status": status or None}):
            c = row["c"]
            c.pop("doc_id", None)
            out.append(MergeCandidate(**c))
        return out

    def set_candidate_status(self, candidate_id: str, status: str) -> None:
        self._write(
            lambda tx: tx.run(q.SET_CANDIDATE_STATUS, id=candidate_id, status=status).consume(),
            f"setting candidate {candidate_id}",
        )

    # -- erasure --------------------------------------------------------------------------------
    def erase_node(self, node_id: str, redactions: dict[str, list[str]]) -> list[str]:
        scope = {
            key: sorted({s for s in values if len(s) > 1}, key=len, reverse=True) for key, values in redactions.items()
        }

        change = _Change(nodes={node_id})
        freed = 0  # bytes of the old values written over: what the scrub's filler must reuse

        def blank(tx: ManagedTransaction) -> None:
            # a short value lives in the property record itself, and a delete only marks the record
            # unused: the person's values and aliases are overwritten first, in a transaction of their
            # own (Neo4j drops the property changes of a node deleted in the same transaction)
            for row in _run(tx, q.ERASED_PROPS, id=node_id):
                tx.run(q.SET_NODE_PROPS, rows=[{"id": node_id, "props": _blanked(row["props"])}]).consume()
            tx.run(q.BLANK_ALIASES, id=node_id).consume()

        def work(tx: ManagedTransaction) -> list[str]:
            nonlocal freed
            reach = _run(tx, q.ERASED_REACH, id=node_id)
            if reach:
                change.documents.update(reach[0]["documents"])
                change.nodes.update(reach[0]["nodes"])
                freed += reach[0]["bytes"]
            tx.run(q.ERASE_NODE, id=node_id).consume()
            changed: list[str] = []
            # redaction happens here in Python, with the SQLite store's regex, on the texts read back
            for doc in _run(tx, q.SOURCE_TEXTS):
                doc_id = doc["id"]
                strings = scope.get("*", []) + scope.get(doc_id, [])
                text, extraction = redact(doc["text"], strings), redact_json(doc["extraction"], strings)
                if (text, extraction) == (doc["text"], doc["extraction"]):
                    continue
                changed.append(doc_id)
                freed += 2 * len(doc["text"].encode()) + len(doc["extraction"].encode())  # + its search text
                params = {"id": doc_id, "text": text, "extraction": extraction, "search_text": search_text(text)}
                tx.run(q.SET_SOURCE_TEXT, params).consume()
                rels = [
                    {"type": r["type"], "id": r["r"]["id"], "props": props}
                    for r in _run(tx, q.DOC_REL_PROPS, doc_id=doc_id)
                    if (props := _redacted(r["r"], strings))
                ]
                for rel_type, group in _grouped(rels, lambda r: r["type"]).items():
                    for rows in _chunks(group):
                        tx.run(q.set_rel_props(rel_type), rows=rows).consume()
                # a question, an assignee, an item's text: every string property, in lists too
                nodes = [
                    {"id": n["n"]["id"], "props": props}
                    for n in _run(tx, q.DOC_NODE_PROPS, doc_id=doc_id)
                    if (props := _redacted(n["n"], strings))
                ]
                for rows in _chunks(nodes):
                    tx.run(q.SET_NODE_PROPS, rows=rows).consume()
                change.documents.add(doc_id)
                change.nodes.update(n["id"] for n in nodes)
            # an attendee a person added, an assignee, a quote: corrections name people too
            corrections = []
            for row in _run(tx, q.CORRECTIONS):
                c = row["c"]
                strings = scope.get("*", []) + scope.get(c["doc_id"], [])
                texts = {k: redact_value(c.get(k), strings) for k in _CORRECTION_TEXTS}
                if props := {k: v for k, v in texts.items() if v != c.get(k)}:
                    corrections.append({"id": c["id"], "props": props})
            for rows in _chunks(corrections):
                tx.run(q.SET_CORRECTION_TEXTS, rows=rows).consume()
            reviews = []  # a review keeps keys, not names; only its why may name them
            for row in _run(tx, q.REVIEWS):
                r = row["r"]
                reason = redact_value(r.get("reason", ""), scope.get("*", []) + scope.get(r.get("doc_id", ""), []))
                if reason != r.get("reason", ""):
                    reviews.append({"id": r["id"], "reason": reason})
            for rows in _chunks(reviews):
                tx.run(q.SET_REVIEW_REASONS, rows=rows).consume()
            judgements = []
            for row in _run(tx, q.ENTITY_JUDGEMENTS):
                e = row["e"]
                texts = {k: redact_value(e.get(k, ""), scope.get("*", [])) for k in _JUDGEMENT_TEXTS}
                if props := {k: v for k, v in texts.items() if v != e.get(k, "")}:
                    judgements.append({"id": e["id"], "props": props})
            for rows in _chunks(judgements):
                tx.run(q.SET_ENTITY_JUDGEMENT_TEXTS, rows=rows).consume()
            return sorted(changed)

        self._write(blank, f"erasing {node_id}", _Change(nodes={node_id}))
        changed = self._write(work, f"erasing {node_id}", change)
        self.last_scrub = self._scrub(freed)
        return changed

    def _scrub(self, freed_bytes: int) -> ScrubReport:
        """The erased strings off the server's disk too (graph/neo4j_scrub.py)."""
        self._check_open()

        def run(cypher: str, params: dict[str, Any]) -> list[dict[str, Any]]:
            try:
                with self._driver.session(database=self._database) as session:  # schema changes: auto-commit
                    return session.run(cypher, params).data()
            except _DRIVER_ERRORS as e:
                what = "the erasure is stored, but taking the name off the server's disk failed"
                raise StoreUnavailable(f"{what}: {e}") from e

        with self._lock:
            return scrub(run, freed_bytes, self._server_files)

    # -- counts ---------------------------------------------------------------------------------
    def stats(self) -> Stats:
        counts: dict[str, dict[str, int]] = {"node": {}, "rel": {}, "doc": {}}
        for r in self._query(q.STATS):
            if r["n"]:
                counts[r["kind"]][r["key"]] = r["n"]
        return Stats(nodes=counts["node"], relationships=counts["rel"], documents=counts["doc"].get("", 0))
