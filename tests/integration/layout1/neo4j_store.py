"""Frozen layout-1 copy (see __init__.py). The server store: Neo4j 5 through the official driver.

Data model: every domain node has its schema label plus `Entity` (id lookups when the label is
unknown) and the properties id, label, name, text, props_json, rkey, block, doc_id, meeting_id,
search_text. A document's text, hash and extraction live on a `DocumentSource` node; aliases,
merge candidates, judgements and the version counter on `Alias`, `MergeCandidate`, `Judgement`
and `Meta` nodes, none of which stats(), names() or graph() count as graph nodes.
"""

from __future__ import annotations

import json
import secrets
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

import networkx as nx
from neo4j import Driver, GraphDatabase, ManagedTransaction, NotificationMinimumSeverity, RoutingControl
from neo4j.exceptions import AuthError, DriverError, Neo4jError, ServiceUnavailable

from samkarta.errors import StoreUnavailable
from samkarta.graph.model import (
    Alias,
    DocumentInfo,
    GraphBatch,
    Judgement,
    MergeCandidate,
    Node,
    Rel,
    Stats,
    TextHit,
    WriteResult,
)
from samkarta.graph.redaction import redact, redact_json
from samkarta.graph.search_text import search_text, search_tokens
from samkarta.graph.store import PersonRecord, StoredDocument
from tests.integration.layout1 import cypher as q

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


def _run(tx: ManagedTransaction, cypher: str, **params: Any) -> list[dict[str, Any]]:
    return [record.data() for record in tx.run(cypher, params)]


class Neo4jStore:
    """GraphStore over a neo4j.Driver (thread-safe: every call uses its own session)."""

    def __init__(self, driver: Driver, database: str | None = None) -> None:
        self._driver = driver
        self._database = database
        self._lock = threading.Lock()
        self._closed = False

    @classmethod
    def connect(cls, uri: str, user: str, password: str, database: str | None = None) -> Neo4jStore:
        """Connect to the server at `uri` and make sure constraints and indexes exist."""
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
        store = cls(driver, database)
        try:
            store.ensure_schema()
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

    def _write(self, work: Callable[[ManagedTransaction], T], what: str) -> T:
        """Run `work` in one write transaction that also bumps the version; all or nothing."""
        self._check_open()

        def unit(tx: ManagedTransaction) -> T:
            result = work(tx)
            tx.run(q.BUMP_VERSION).consume()
            return result

        try:
            # the execute_query bookmark manager: reads through execute_query see this write (clusters)
            bookmarks = self._driver.execute_query_bookmark_manager
            with self._driver.session(database=self._database, bookmark_manager=bookmarks) as session:
                return session.execute_write(unit)
        except _DRIVER_ERRORS as e:
            raise StoreUnavailable(f"{what} failed: {e}") from e

    def ensure_schema(self) -> None:
        for statement in q.schema_statements():
            self._query(statement, routing=RoutingControl.WRITE)
        self._query(q.AWAIT_INDEXES)
        self._query(q.ENSURE_META, routing=RoutingControl.WRITE)

    def wipe(self) -> None:
        """Delete everything in the database (tests and benchmarks; never called by the product)."""
        self._check_open()
        try:
            with self._driver.session(database=self._database) as session:
                for statement in q.WIPE:  # IN TRANSACTIONS needs an auto-commit transaction
                    session.run(statement).consume()
        except _DRIVER_ERRORS as e:
            raise StoreUnavailable(f"Neo4j wipe failed: {e}") from e

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
        source = {
            **doc.model_dump(),
            "text": batch.text,
            "extraction": json.dumps(batch.extraction, ensure_ascii=False),
        }
        aliases = [a.model_dump() for a in batch.aliases]
        candidates = [
            {**c.model_dump(), "reasons": json.dumps(c.reasons, ensure_ascii=False), "doc_id": doc.id}
            for c in batch.candidates
        ]

        def work(tx: ManagedTransaction) -> tuple[int, int]:
            if existing:
                self._delete_document(tx, doc.id)
            tx.run(q.CREATE_SOURCE, doc=source).consume()
            created = self._write_nodes(tx, batch.nodes)
            self._write_rels(tx, batch.rels)
            for rows in _chunks(aliases):
                tx.run(q.MERGE_ALIASES, rows=rows).consume()
            for rows in _chunks(candidates):
                tx.run(q.MERGE_CANDIDATES, rows=rows).consume()
            return created

        created = self._write(work, f"writing {doc.path}")
        return WriteResult(
            status="replaced" if existing else "ingested",
            nodes_added=created,
            rels_added=len(batch.rels),
        )

    def _write_nodes(self, tx: ManagedTransaction, nodes: list[Node]) -> int:
        """MERGE nodes by label in UNWIND batches; returns how many were created."""
        created = 0
        for label, group in _grouped(nodes, lambda n: n.label).items():
            rows = [
                {
                    "id": n.id,
                    "label": n.label,
                    "name": n.name,
                    "text": n.text,
                    "props_json": json.dumps(n.props, ensure_ascii=False),
                    "rkey": n.props.get("rkey"),
                    "block": n.props.get("block"),
                    "doc_id": n.props.get("doc_id"),
                    "meeting_id": n.props.get("meeting_id"),
                    "search_text": _search(n.text),
                }
                for n in group
            ]
            for chunk in _chunks(rows):
                created += tx.run(q.merge_nodes(label), rows=chunk).consume().counters.nodes_created
        return created

    def _write_rels(self, tx: ManagedTransaction, rels: list[Rel]) -> None:
        for rel_type, group in _grouped(rels, lambda r: r.type).items():
            rows = [
                {
                    "source": r.source,
                    "target": r.target,
                    "props": {
                        "id": r.id,
                        "doc_id": r.doc_id,
                        "start": r.start,
                        "end": r.end,
                        "quote": r.quote,
                        "props_json": json.dumps(r.props, ensure_ascii=False),
                        "text": r.text,
                        "search_text": _search(r.text),
                    },
                }
                for r in group
            ]
            for chunk in _chunks(rows):
                written = _run(tx, q.merge_rels(rel_type), rows=chunk)[0]["written"]
                if written != len(chunk):
                    # a batch naming nodes that exist nowhere is a builder bug: refuse the whole document
                    raise StoreUnavailable(
                        f"{len(chunk) - written} {rel_type} relationship(s) name missing nodes "
                        f"(first in batch: {chunk[0]['props']['id']})"
                    )

    def _delete_document(self, tx: ManagedTransaction, doc_id: str) -> None:
        touched = set(_run(tx, q.DELETE_DOC_RELS, doc_id=doc_id)[0]["ends"])
        tx.run(q.DELETE_DOC_RECORDS, doc_id=doc_id).consume()
        touched.add(doc_id)
        tx.run(q.DELETE_ORPHANS, ids=sorted(touched)).consume()

    def delete_document(self, doc_id: str) -> bool:
        if not self._query(q.SOURCE_EXISTS, {"id": doc_id}):
            return False  # nothing changes, so the version stays

        def work(tx: ManagedTransaction) -> bool:
            self._delete_document(tx, doc_id)
            return True

        return self._write(work, f"deleting document {doc_id}")

    def documents(self) -> list[DocumentInfo]:
        rows = self._query(q.DOCUMENTS)
        # sqlite's ORDER BY date, path: NULL dates first, then code point order
        rows.sort(key=lambda r: (r["date"] is not None, r["date"] or "", r["path"]))
        return [DocumentInfo(**r) for r in rows]

    def document(self, doc_id: str) -> StoredDocument | None:
        rows = self._query(q.DOCUMENT, {"id": doc_id})
        if not rows:
            return None
        d = rows[0]["d"]
        info = DocumentInfo(**{k: d.get(k) for k in ("id", "path", "sha256", "format", "title", "date", "chars")})
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
            props=json.loads(r["props_json"]),
            text=r.get("text"),
        )

    def get_node(self, node_id: str) -> Node | None:
        rows = self._query(q.GET_NODE, {"id": node_id})
        if not rows:
            return None
        n = rows[0]["n"]
        return Node(id=n["id"], label=n["label"], name=n["name"], props=json.loads(n["props_json"]), text=n["text"])

    def rels_of(self, node_id: str) -> list[Rel]:
        return [self._rel(row) for row in self._query(q.RELS_OF, {"id": node_id})]

    def node_documents(self, node_id: str) -> list[str]:
        if self._query(q.SOURCE_EXISTS, {"id": node_id}):
            return [node_id]
        return sorted(r["doc_id"] for r in self._query(q.NODE_DOC_IDS, {"id": node_id}))

    def aliases(self, node_id: str | None = None) -> list[Alias]:
        rows = self._query(q.ALIASES) if node_id is None else self._query(q.ALIASES_OF, {"node_id": node_id})
        return [Alias(**r) for r in rows]

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
        hits = []
        for r in self._query(q.FULLTEXT, params):
            props = json.loads(r.pop("props_json") or "{}")
            for key in ("start", "end", "quote"):
                r[key] = r[key] if r[key] is not None else props.get(key)
            hits.append(TextHit(**r))
        return hits

    def graph(self, labels: set[str] | None = None, types: set[str] | None = None) -> nx.MultiDiGraph:
        g = nx.MultiDiGraph()
        for r in self._query(q.GRAPH_NODES, {"labels": sorted(labels) if labels else None}):
            g.add_node(r["id"], label=r["label"], name=r["name"], **json.loads(r["props_json"]))
            if r["text"] is not None:
                g.nodes[r["id"]]["text"] = r["text"]
        for row in self._query(q.GRAPH_RELS, {"types": sorted(types) if types else None}):
            rel = self._rel(row)
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

    def version(self) -> int:
        rows = self._query(q.VERSION)
        return int(rows[0]["value"]) if rows else 0

    def _people(self, key: str, values: list[str]) -> list[PersonRecord]:
        if not values:
            return []
        return [
            PersonRecord(
                id=r["id"],
                name=r["name"],
                region=json.loads(r["props_json"]).get("region"),
                rkey=r["rkey"] or "",
                block=r["block"] or "",  # the record's blocking key, a field added since layout 1
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

    def corrections(self) -> list[Any]:
        """Layout 1 had no corrections of facts (added to the copy so today's ingest can write it)."""
        return []

    def entity_judgements(self) -> list[Any]:
        """Layout 1 had no entity judgements (added to the copy so today's ingest can write it)."""
        return []

    def stored_documents(self, doc_ids: set[str]) -> set[str]:
        """Added to the copy so today's ingest can write it (from documents(): layout 1 stores are small)."""
        return {d.id for d in self.documents()} & doc_ids

    def candidates(self, status: str | None = None) -> list[MergeCandidate]:
        out = []
        for row in self._query(q.CANDIDATES, {"status": status or None}):
            c = row["c"]
            c.pop("doc_id", None)
            c["reasons"] = json.loads(c["reasons"])
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

        def work(tx: ManagedTransaction) -> list[str]:
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
                tx.run(q.SET_SOURCE_TEXT, id=doc_id, text=text, extraction=extraction).consume()
                rels = [
                    {
                        "type": r["type"],
                        "id": r["id"],
                        "quote": redact(r["quote"], strings),
                        "text": red,
                        "props_json": redact_json(r["props_json"] or "{}", strings),
                    }
                    for r in _run(tx, q.DOC_REL_TEXTS, doc_id=doc_id)
                    for red in [redact(r["text"], strings)]
                ]
                for rel_type, group in _grouped(rels, lambda r: r["type"]).items():
                    for rows in _chunks([{**r, "search_text": _search(r["text"])} for r in group]):
                        tx.run(q.set_rel_texts(rel_type), rows=rows).consume()
                nodes = []
                for n in _run(tx, q.DOC_NODE_TEXTS, doc_id=doc_id):  # a question, an assignee: every string
                    red = redact(n["text"], strings)
                    nodes.append(
                        {
                            "id": n["id"],
                            "text": red,
                            "name": redact(n["name"], strings),
                            "search_text": _search(red),
                            "props_json": redact_json(n["props_json"] or "{}", strings),
                        }
                    )
                for rows in _chunks(nodes):
                    tx.run(q.SET_NODE_TEXTS, rows=rows).consume()
            return sorted(changed)

        return self._write(work, f"erasing {node_id}")

    # -- counts ---------------------------------------------------------------------------------
    def stats(self) -> Stats:
        counts: dict[str, dict[str, int]] = {"node": {}, "rel": {}, "doc": {}}
        for r in self._query(q.STATS):
            if r["n"]:
                counts[r["kind"]][r["key"]] = r["n"]
        return Stats(nodes=counts["node"], relationships=counts["rel"], documents=counts["doc"].get("", 0))
