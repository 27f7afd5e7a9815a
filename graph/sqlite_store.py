"""The embedded default store: one SQLite file (WAL, FTS5), no server."""

from __future__ import annotations

import json
import secrets
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import networkx as nx

from samkarta.errors import StoreUnavailable
from samkarta.graph import sqlite_documents as documents_fts
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
from samkarta.graph.redaction import redact, redact_json
from samkarta.graph.search_text import search_text, search_tokens
from samkarta.graph.store import CHANGES_KEPT, GraphDelta, PersonRecord, StoredDocument

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY, path TEXT NOT NULL, sha256 TEXT NOT NULL, format TEXT NOT NULL,
    title TEXT, date TEXT, chars INTEGER NOT NULL, text TEXT NOT NULL, extraction TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS document_copies (
    doc_id TEXT NOT NULL, path TEXT NOT NULL, PRIMARY KEY (doc_id, path)
);
CREATE TABLE IF NOT EXISTS nodes (
    id TEXT PRIMARY KEY, label TEXT NOT NULL, name TEXT NOT NULL, props TEXT NOT NULL, text TEXT,
    rkey TEXT, block TEXT
);
CREATE INDEX IF NOT EXISTS nodes_label ON nodes(label);
CREATE INDEX IF NOT EXISTS nodes_rkey ON nodes(rkey);
CREATE INDEX IF NOT EXISTS nodes_block ON nodes(block);
CREATE TABLE IF NOT EXISTS rels (
    id TEXT PRIMARY KEY, type TEXT NOT NULL, source TEXT NOT NULL, target TEXT NOT NULL,
    doc_id TEXT NOT NULL, start INTEGER, "end" INTEGER, quote TEXT, props TEXT NOT NULL, text TEXT
);
CREATE INDEX IF NOT EXISTS rels_source ON rels(source);
CREATE INDEX IF NOT EXISTS rels_target ON rels(target);
CREATE INDEX IF NOT EXISTS rels_doc ON rels(doc_id);
CREATE TABLE IF NOT EXISTS aliases (
    node_id TEXT NOT NULL, alias TEXT NOT NULL, reason TEXT NOT NULL, score REAL NOT NULL, doc_id TEXT NOT NULL,
    PRIMARY KEY (node_id, alias, doc_id)
);
CREATE INDEX IF NOT EXISTS aliases_doc ON aliases(doc_id);
CREATE TABLE IF NOT EXISTS candidates (
    id TEXT PRIMARY KEY, key_a TEXT NOT NULL, key_b TEXT NOT NULL, name_a TEXT NOT NULL, name_b TEXT NOT NULL,
    node_a TEXT NOT NULL, node_b TEXT NOT NULL, score REAL NOT NULL, reasons TEXT NOT NULL,
    status TEXT NOT NULL, doc_id TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS judgements (
    key_a TEXT NOT NULL, key_b TEXT NOT NULL, decision TEXT NOT NULL, reason TEXT NOT NULL,
    decided_at TEXT NOT NULL, decided_by TEXT NOT NULL DEFAULT '', PRIMARY KEY (key_a, key_b)
);
CREATE TABLE IF NOT EXISTS corrections (
    id TEXT PRIMARY KEY, doc_id TEXT NOT NULL, content TEXT NOT NULL, fact_kind TEXT NOT NULL, fact TEXT NOT NULL,
    text TEXT NOT NULL, quote TEXT NOT NULL, start INTEGER, "end" INTEGER, field TEXT NOT NULL, value TEXT,
    label TEXT NOT NULL DEFAULT '', reason TEXT NOT NULL, decided_at TEXT NOT NULL, decided_by TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS entity_judgements (
    id TEXT PRIMARY KEY, op TEXT NOT NULL, node TEXT NOT NULL, label TEXT NOT NULL, name TEXT NOT NULL,
    value TEXT NOT NULL, value_name TEXT NOT NULL, reason TEXT NOT NULL, decided_at TEXT NOT NULL,
    decided_by TEXT NOT NULL, documents TEXT NOT NULL DEFAULT '[]', contents TEXT NOT NULL DEFAULT '[]'
);
CREATE TABLE IF NOT EXISTS review_judgements (
    id TEXT PRIMARY KEY, op TEXT NOT NULL, doc_id TEXT NOT NULL, content TEXT NOT NULL, fact_kind TEXT,
    fact TEXT NOT NULL, field TEXT NOT NULL, text_key TEXT NOT NULL, quote_key TEXT NOT NULL,
    value_key TEXT NOT NULL, start INTEGER, "end" INTEGER, node_a TEXT NOT NULL, node_b TEXT NOT NULL,
    candidate TEXT NOT NULL DEFAULT '', decision TEXT NOT NULL DEFAULT '',
    undoes TEXT NOT NULL DEFAULT '', reason TEXT NOT NULL, decided_at TEXT NOT NULL, decided_by TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS tombstones (digest TEXT PRIMARY KEY);
CREATE TABLE IF NOT EXISTS changes (version INTEGER PRIMARY KEY, documents TEXT NOT NULL, nodes TEXT NOT NULL);
CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5(
    id UNINDEXED, label UNINDEXED, doc_id UNINDEXED, meeting_id UNINDEXED, text UNINDEXED, terms,
    tokenize = 'unicode61 remove_diacritics 0'
);
"""

# The change log (GraphStore.delta): triggers of this connection note, while a transaction runs, the
# documents whose relationships and the nodes whose rows, relationships or aliases it changes; _tx
# writes them to `changes` under the version the transaction makes. Temporary objects, so a store
# file holds no trigger that an older Samkarta would trip over.
_TRACKING = """
CREATE TEMP TABLE IF NOT EXISTS touched (kind TEXT NOT NULL, id TEXT NOT NULL, PRIMARY KEY (kind, id)) WITHOUT ROWID;
CREATE TEMP TRIGGER IF NOT EXISTS touched_rel_added AFTER INSERT ON main.rels BEGIN
    INSERT OR IGNORE INTO touched VALUES ('document', NEW.doc_id), ('node', NEW.source), ('node', NEW.target);
END;
CREATE TEMP TRIGGER IF NOT EXISTS touched_rel_deleted AFTER DELETE ON main.rels BEGIN
    INSERT OR IGNORE INTO touched VALUES ('document', OLD.doc_id), ('node', OLD.source), ('node', OLD.target);
END;
CREATE TEMP TRIGGER IF NOT EXISTS touched_rel_updated AFTER UPDATE ON main.rels BEGIN
    INSERT OR IGNORE INTO touched VALUES ('document', OLD.doc_id), ('node', OLD.source), ('node', OLD.target),
        ('document', NEW.doc_id), ('node', NEW.source), ('node', NEW.target);
END;
CREATE TEMP TRIGGER IF NOT EXISTS touched_node_added AFTER INSERT ON main.nodes BEGIN
    INSERT OR IGNORE INTO touched VALUES ('node', NEW.id);
END;
CREATE TEMP TRIGGER IF NOT EXISTS touched_node_deleted AFTER DELETE ON main.nodes BEGIN
    INSERT OR IGNORE INTO touched VALUES ('node', OLD.id);
END;
CREATE TEMP TRIGGER IF NOT EXISTS touched_node_updated AFTER UPDATE ON main.nodes BEGIN
    INSERT OR IGNORE INTO touched VALUES ('node', OLD.id), ('node', NEW.id);
END;
CREATE TEMP TRIGGER IF NOT EXISTS touched_alias_added AFTER INSERT ON main.aliases BEGIN
    INSERT OR IGNORE INTO touched VALUES ('node', NEW.node_id);
END;
CREATE TEMP TRIGGER IF NOT EXISTS touched_alias_deleted AFTER DELETE ON main.aliases BEGIN
    INSERT OR IGNORE INTO touched VALUES ('node', OLD.node_id);
END;
"""
_IDS = "(SELECT value FROM json_each(?))"  # a JSON list of ids as one parameter, however many
_NAMED = "label NOT IN ('AgendaItem', 'Decision', 'Action', 'Document')"  # nodes found by name

# (table, column, definition) of columns newer than the first stores; the names are constants, never input
_ADDED_COLUMNS = (
    ("judgements", "decided_by", "TEXT NOT NULL DEFAULT ''"),
    ("entity_judgements", "documents", "TEXT NOT NULL DEFAULT '[]'"),  # a split's anchor (JSON lists)
    ("entity_judgements", "contents", "TEXT NOT NULL DEFAULT '[]'"),
    ("review_judgements", "undoes", "TEXT NOT NULL DEFAULT ''"),
    ("review_judgements", "candidate", "TEXT NOT NULL DEFAULT ''"),
    ("review_judgements", "decision", "TEXT NOT NULL DEFAULT ''"),
    ("corrections", "label", "TEXT NOT NULL DEFAULT ''"),
)


_REL_COLUMNS = 'id, type, source, target, doc_id, start, "end", quote, props'


def _graph_of(nodes: list[dict[str, Any]], rels: list[dict[str, Any]]) -> nx.MultiDiGraph:
    """Node and relationship rows as networkx (GraphStore.graph); relationships to nodes left out are left out."""
    g = nx.MultiDiGraph()
    for r in nodes:
        g.add_node(r["id"], label=r["label"], name=r["name"], **json.loads(r["props"]))
        if r["text"] is not None:
            g.nodes[r["id"]]["text"] = r["text"]
    for r in rels:
        if r["source"] in g and r["target"] in g:
            g.add_edge(
                r["source"],
                r["target"],
                key=r["id"],
                type=r["type"],
                doc_id=r["doc_id"],
                start=r["start"],
                end=r["end"],
                quote=r["quote"],
                **json.loads(r["props"]),
            )
    return g


class SQLiteStore:
    """GraphStore over one SQLite connection (thread-safe through a lock)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self._lock = threading.RLock()
        self._closed = False
        self._tracking = False

    @classmethod
    def open(cls, path: Path | str) -> SQLiteStore:
        """Open (creating if needed) the store file at `path`."""
        try:
            if str(path) != ":memory:":
                Path(path).parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA secure_delete=ON")  # what is erased is overwritten, not left in free pages
        except (sqlite3.Error, OSError) as e:
            raise StoreUnavailable(f"cannot open SQLite store {path}: {e}") from e
        store = cls(conn)
        store.ensure_schema()
        return store

    # -- plumbing ---------------------------------------------------------------------------
    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            if self._closed:
                raise StoreUnavailable("the SQLite store is closed")
            self._track_changes()
            try:
                self._conn.execute("BEGIN IMMEDIATE")
                yield self._conn
                self._conn.execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'version'")
                self._log_change(self._conn)
                self._conn.execute("COMMIT")
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise

    def _track_changes(self) -> None:
        if not self._tracking:
            # INSERT OR REPLACE then fires the delete trigger for the row it replaces
            self._conn.execute("PRAGMA recursive_triggers = ON")
            self._conn.executescript(_TRACKING)
            self._tracking = True

    @staticmethod
    def _log_change(conn: sqlite3.Connection) -> None:
        """Write what the transaction touched under the version it makes; forget the oldest."""
        version = int(conn.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()[0])
        touched: dict[str, list[str]] = {"document": [], "node": []}
        for kind, item in conn.execute("SELECT kind, id FROM touched ORDER BY kind, id"):
            touched[kind].append(item)
        conn.execute("DELETE FROM touched")
        conn.execute(
            "INSERT OR REPLACE INTO changes VALUES (?, ?, ?)",
            (version, json.dumps(touched["document"]), json.dumps(touched["node"])),
        )
        conn.execute("DELETE FROM changes WHERE version <= ?", (version - CHANGES_KEPT,))

    def _rows(self, sql: str, params: tuple[Any, ...] | list[Any] = ()) -> list[sqlite3.Row]:
        with self._lock:
            if self._closed:
                raise StoreUnavailable("the SQLite store is closed")
            try:
                cur = self._conn.execute(sql, params)
                cols = [d[0] for d in cur.description or []]
                return [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]  # type: ignore[misc]
            except sqlite3.Error as e:
                raise StoreUnavailable(f"SQLite query failed: {e}") from e

    def ensure_schema(self) -> None:
        with self._lock:
            self._conn.executescript(_SCHEMA)
            self._conn.execute("INSERT OR IGNORE INTO meta(key, value) VALUES ('version', '0')")
            self._add_missing_columns()
            documents_fts.ensure(self._conn)
            self._track_changes()

    def _add_missing_columns(self) -> None:
        """Columns added since a store file was created (CREATE TABLE IF NOT EXISTS leaves its tables as they were)."""
        for table, column, definition in _ADDED_COLUMNS:
            present = {row[1] for row in self._conn.execute(f"PRAGMA table_info({table})")}
            if column not in present:
                self._conn.execute(f"ALTER TABLE {table} ADD COLUMN {column} {definition}")

    def close(self) -> None:
        with self._lock:
            if not self._closed:
                self._closed = True
                self._conn.close()

    # -- documents ----------------------------------------------------------------------------
    def write_document(self, batch: GraphBatch, replace: bool = False) -> WriteResult:
        doc = batch.document
        existing = self._rows("SELECT sha256 FROM documents WHERE id = ?", (doc.id,))
        if existing and existing[0]["sha256"] == doc.sha256 and not replace:
            return WriteResult(status="unchanged")
        try:
            with self._tx() as conn:
                if existing:
                    self._delete_document(conn, doc.id)
                added = self._insert_document(conn, batch)
        except sqlite3.Error as e:
            raise StoreUnavailable(f"writing {doc.path} failed: {e}") from e
        return WriteResult(
            status="replaced" if existing else "ingested",
            nodes_added=added,
            rels_added=len(batch.rels),
        )

    def write_new_documents(self, batches: list[GraphBatch]) -> WriteResult:
        added = 0
        try:
            with self._tx() as conn:
                for batch in batches:  # a document already stored breaks the primary key: none is written
                    added += self._insert_document(conn, batch)
        except sqlite3.Error as e:
            raise StoreUnavailable(f"writing {len(batches)} documents in one transaction failed: {e}") from e
        return WriteResult(status="ingested", nodes_added=added, rels_added=sum(len(b.rels) for b in batches))

    def _insert_document(self, conn: sqlite3.Connection, batch: GraphBatch) -> int:
        """Insert one document's facts; returns how many nodes were new."""
        doc = batch.document
        conn.execute(
            "INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                doc.id,
                doc.path,
                doc.sha256,
                doc.format,
                doc.title,
                doc.date,
                doc.chars,
                batch.text,
                json.dumps(batch.extraction, ensure_ascii=False),
            ),
        )
        documents_fts.index(conn, doc.id, batch.text)
        added = self._write_nodes(conn, batch.nodes)
        self._write_rels(conn, batch.rels)
        conn.executemany(
            "INSERT OR IGNORE INTO aliases VALUES (?, ?, ?, ?, ?)",
            [(a.node_id, a.alias, a.reason, a.score, a.doc_id) for a in batch.aliases],
        )
        conn.executemany(
            "INSERT OR REPLACE INTO candidates VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    c.id,
                    c.key_a,
                    c.key_b,
                    c.name_a,
                    c.name_b,
                    c.node_a,
                    c.node_b,
                    c.score,
                    json.dumps(c.reasons, ensure_ascii=False),
                    c.status,
                    doc.id,
                )
                for c in batch.candidates
            ],
        )
        return added

    def _write_nodes(self, conn: sqlite3.Connection, nodes: list[Node]) -> int:
        """Insert nodes not yet known; returns how many were new."""
        cur = conn.executemany(
            "INSERT INTO nodes(id, label, name, props, text, rkey, block) VALUES (?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(id) DO NOTHING",
            [
                (
                    n.id,
                    n.label,
                    n.name,
                    json.dumps(n.props, ensure_ascii=False),
                    n.text,
                    n.props.get("rkey"),
                    n.props.get("block"),
                )
                for n in nodes
            ],
        )
        added = cur.rowcount
        searchable = [n for n in nodes if n.text]
        conn.executemany(
            "INSERT INTO fts(id, label, doc_id, meeting_id, text, terms) VALUES (?, ?, ?, ?, ?, ?)",
            [
                (n.id, n.label, n.props.get("doc_id"), n.props.get("meeting_id"), n.text, search_text(n.text or ""))
                for n in searchable
            ],
        )
        return added

    def _write_rels(self, conn: sqlite3.Connection, rels: list[Rel]) -> None:
        conn.executemany(
            "INSERT OR REPLACE INTO rels VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    r.id,
                    r.type,
                    r.source,
                    r.target,
                    r.doc_id,
                    r.start,
                    r.end,
                    r.quote,
                    json.dumps(r.props, ensure_ascii=False),
                    r.text,
                )
                for r in rels
            ],
        )
        conn.executemany(
            "INSERT INTO fts(id, label, doc_id, meeting_id, text, terms) VALUES (?, ?, ?, ?, ?, ?)",
            [(r.id, r.type, r.doc_id, r.source, r.text, search_text(r.text or "")) for r in rels if r.text],
        )

    def _delete_document(self, conn: sqlite3.Connection, doc_id: str) -> None:
        conn.execute("DELETE FROM document_copies WHERE doc_id = ?", (doc_id,))
        touched = {
            row[0]
            for row in conn.execute(
                "SELECT source FROM rels WHERE doc_id = ? UNION SELECT target FROM rels WHERE doc_id = ?",
                (doc_id, doc_id),
            )
        }
        conn.execute("DELETE FROM rels WHERE doc_id = ?", (doc_id,))
        conn.execute("DELETE FROM fts WHERE doc_id = ?", (doc_id,))
        documents_fts.unindex(conn, doc_id)
        conn.execute("DELETE FROM aliases WHERE doc_id = ?", (doc_id,))
        conn.execute("DELETE FROM candidates WHERE doc_id = ?", (doc_id,))
        conn.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
        touched.add(doc_id)
        conn.executemany(
            "DELETE FROM nodes WHERE id = ? AND NOT EXISTS (SELECT 1 FROM rels WHERE source = ? OR target = ?)",
            [(n, n, n) for n in touched],
        )

    def delete_document(self, doc_id: str) -> bool:
        if not self._rows("SELECT 1 FROM documents WHERE id = ?", (doc_id,)):
            return False
        with self._tx() as conn:
            self._delete_document(conn, doc_id)
        return True

    def documents(self) -> list[DocumentInfo]:
        rows = self._rows("SELECT id, path, sha256, format, title, date, chars FROM documents ORDER BY date, path")
        copies = self._copies()
        return [DocumentInfo(**r, copies=copies.get(r["id"], [])) for r in rows]

    def stored_documents(self, doc_ids: set[str]) -> set[str]:
        rows = self._rows(f"SELECT id FROM documents WHERE id IN {_IDS}", (json.dumps(sorted(doc_ids)),))
        return {r["id"] for r in rows}

    def document(self, doc_id: str) -> StoredDocument | None:
        rows = self._rows("SELECT * FROM documents WHERE id = ?", (doc_id,))
        if not rows:
            return None
        r = rows[0]
        info = DocumentInfo(
            **{k: r[k] for k in ("id", "path", "sha256", "format", "title", "date", "chars")},
            copies=self._copies(doc_id).get(doc_id, []),
        )
        return StoredDocument(info=info, text=r["text"], extraction=json.loads(r["extraction"]))

    def add_copy(self, doc_id: str, path: str) -> None:
        with self._tx() as conn:
            if conn.execute("SELECT 1 FROM documents WHERE id = ? AND path <> ?", (doc_id, path)).fetchone():
                conn.execute("INSERT OR IGNORE INTO document_copies VALUES (?, ?)", (doc_id, path))

    def _copies(self, doc_id: str | None = None) -> dict[str, list[str]]:
        where, params = ("WHERE doc_id = ?", (doc_id,)) if doc_id else ("", ())
        out: dict[str, list[str]] = {}
        for row in self._rows(f"SELECT doc_id, path FROM document_copies {where} ORDER BY path", params):
            out.setdefault(row["doc_id"], []).append(row["path"])
        return out

    # -- reading ------------------------------------------------------------------------------
    @staticmethod
    def _node(row: dict[str, Any]) -> Node:
        return Node(
            id=row["id"], label=row["label"], name=row["name"], props=json.loads(row["props"]), text=row["text"]
        )

    @staticmethod
    def _rel(row: dict[str, Any]) -> Rel:
        return Rel(
            id=row["id"],
            type=row["type"],
            source=row["source"],
            target=row["target"],
            doc_id=row["doc_id"],
            start=row["start"],
            end=row["end"],
            quote=row["quote"],
            props=json.loads(row["props"]),
            text=row["text"],
        )

    def get_node(self, node_id: str) -> Node | None:
        rows = self._rows("SELECT * FROM nodes WHERE id = ?", (node_id,))
        return self._node(rows[0]) if rows else None

    def rels_of(self, node_id: str) -> list[Rel]:
        rows = self._rows(
            "SELECT * FROM rels WHERE source = ? UNION ALL SELECT * FROM rels WHERE target = ?", (node_id, node_id)
        )
        return [self._rel(r) for r in rows]

    def node_documents(self, node_id: str) -> list[str]:
        if self._rows("SELECT 1 FROM documents WHERE id = ?", (node_id,)):
            return [node_id]
        rows = self._rows(
            "SELECT doc_id FROM rels WHERE source = ? UNION SELECT doc_id FROM rels WHERE target = ?",
            (node_id, node_id),
        )
        return sorted(r["doc_id"] for r in rows)

    def aliases(self, node_id: str | None = None) -> list[Alias]:
        if node_id is None:
            rows = self._rows("SELECT * FROM aliases")
        else:
            rows = self._rows("SELECT * FROM aliases WHERE node_id = ?", (node_id,))
        return [Alias(**r) for r in rows]

    def names(self) -> list[tuple[str, str, str]]:
        rows = self._rows(
            f"SELECT id, label, name FROM nodes WHERE {_NAMED} "
            "UNION SELECT a.node_id, n.label, a.alias FROM aliases a JOIN nodes n ON n.id = a.node_id"
        )
        return [(r["id"], r["label"], r["name"]) for r in rows]

    def _names_of(self, node_ids: list[str]) -> list[tuple[str, str, str]]:
        ids = json.dumps(node_ids)
        rows = self._rows(
            f"SELECT id, label, name FROM nodes WHERE {_NAMED} AND id IN {_IDS} "
            f"UNION SELECT a.node_id, n.label, a.alias FROM aliases a JOIN nodes n ON n.id = a.node_id "
            f"WHERE a.node_id IN {_IDS}",
            (ids, ids),
        )
        return [(r["id"], r["label"], r["name"]) for r in rows]

    def bodies_named(self, name: str) -> list[BodyMatch]:
        if not name_key(name):
            return []
        # canonical names before aliases, so a body matched both ways reports its own name
        rows = self._rows("SELECT id, name AS matched FROM nodes WHERE label = 'Network' ORDER BY id") + self._rows(
            "SELECT a.node_id AS id, a.alias AS matched FROM aliases a JOIN nodes n ON n.id = a.node_id "
            "WHERE n.label = 'Network' ORDER BY a.node_id, a.alias"
        )
        matched = names_matching(rows, name)
        if not matched:
            return []
        ids = sorted(matched)
        stats = self._rows(
            "SELECT n.id, n.name, n.props, "
            "(SELECT COUNT(DISTINCT o.source) FROM rels o WHERE o.type = 'OF' AND o.target = n.id) AS meetings, "
            "(SELECT COUNT(DISTINCT a.source) FROM rels o JOIN rels a ON a.target = o.source AND a.type = 'ATTENDED' "
            "WHERE o.type = 'OF' AND o.target = n.id) AS members "
            f"FROM nodes n WHERE n.id IN ({','.join('?' * len(ids))})",
            ids,
        )
        found = [
            BodyMatch(
                id=r["id"],
                name=r["name"],
                region=json.loads(r["props"]).get("region"),
                matched=matched[r["id"]],
                meetings=r["meetings"],
                members=r["members"],
            )
            for r in stats
        ]
        return sorted(found, key=lambda b: body_rank(b.meetings, b.members, b.name, b.id))

    def fulltext(self, query: str, limit: int = 50) -> list[TextHit]:
        terms = search_tokens(query)
        if not terms:
            return []
        # every term as a prefix: Swedish compounds ("familjehem" finds "familjehemsvården")
        match = " AND ".join(f'"{t}"*' for t in terms)
        rows = self._rows(
            "SELECT id, label, doc_id, meeting_id, text, bm25(fts) AS rank FROM fts WHERE terms MATCH ? "
            "ORDER BY rank LIMIT ?",
            (match, limit),
        )
        spans = self._spans([r["id"] for r in rows])
        return [
            TextHit(
                id=r["id"],
                label=r["label"],
                text=r["text"],
                doc_id=r["doc_id"],
                meeting_id=r["meeting_id"],
                score=-float(r["rank"]),
                **spans.get(r["id"], {}),
            )
            for r in rows
        ]

    def search_documents(self, query: str, limit: int = 1000) -> list[DocumentHit]:
        expression = documents_fts.match(query)
        if expression is None:
            return []
        return documents_fts.hits(self._rows(documents_fts.SEARCH, (expression, limit)))

    def _spans(self, ids: list[str]) -> dict[str, dict[str, Any]]:
        """start, end and quote of text nodes (from their props) and of relationships, by id."""
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        out: dict[str, dict[str, Any]] = {}
        for r in self._rows(f"SELECT id, props FROM nodes WHERE id IN ({marks})", ids):
            props = json.loads(r["props"])
            out[r["id"]] = {k: props.get(k) for k in ("start", "end", "quote")}
        for r in self._rows(f'SELECT id, start, "end", quote FROM rels WHERE id IN ({marks})', ids):
            out[r["id"]] = {"start": r["start"], "end": r["end"], "quote": r["quote"]}
        return out

    def graph(self, labels: set[str] | None = None, types: set[str] | None = None) -> nx.MultiDiGraph:
        node_sql = "SELECT id, label, name, props, text FROM nodes"
        params: list[Any] = []
        if labels:
            node_sql += f" WHERE label IN ({','.join('?' * len(labels))})"
            params = sorted(labels)
        nodes = self._rows(node_sql, params)
        rel_sql = f"SELECT {_REL_COLUMNS} FROM rels"
        params = []
        if types:
            rel_sql += f" WHERE type IN ({','.join('?' * len(types))})"
            params = sorted(types)
        return _graph_of(nodes, self._rows(rel_sql, params))

    def _graph_part(
        self, doc_ids: list[str], node_ids: list[str], labels: set[str] | None, types: set[str] | None
    ) -> nx.MultiDiGraph:
        """Of graph(labels, types): the documents' relationships, the nodes at their ends and `node_ids`."""
        rels = [
            r
            for r in self._rows(f"SELECT {_REL_COLUMNS} FROM rels WHERE doc_id IN {_IDS}", (json.dumps(doc_ids),))
            if not types or r["type"] in types
        ]
        wanted = sorted({*node_ids, *(r["source"] for r in rels), *(r["target"] for r in rels)})
        found = self._rows(f"SELECT id, label, name, props, text FROM nodes WHERE id IN {_IDS}", (json.dumps(wanted),))
        nodes = [r for r in found if not labels or r["label"] in labels]
        return _graph_of(nodes, rels)

    def version(self) -> int:
        return int(self._rows("SELECT value FROM meta WHERE key = 'version'")[0]["value"])

    def delta(self, since: int, labels: set[str] | None = None, types: set[str] | None = None) -> GraphDelta | None:
        with self._lock:
            if self._closed:
                raise StoreUnavailable("the SQLite store is closed")
            self._conn.execute("BEGIN")  # one read transaction: the log and the parts of one version
            try:
                version = self.version()
                log = self._rows("SELECT * FROM changes WHERE version > ? ORDER BY version", (since,))
                if since > version or [r["version"] for r in log] != list(range(since + 1, version + 1)):
                    return None  # pruned, or written by a Samkarta without the log
                documents = {d for r in log for d in json.loads(r["documents"])}
                nodes = {n for r in log for n in json.loads(r["nodes"])}
                part = self._graph_part(sorted(documents), sorted(nodes), labels, types)
                return GraphDelta(version, documents, nodes, part, self._names_of(sorted(nodes)))
            finally:
                self._conn.execute("COMMIT")

    def _people(self, where: str, values: list[str]) -> list[PersonRecord]:
        if not values:
            return []
        marks = ",".join("?" * len(values))
        rows = self._rows(
            f"SELECT id, name, props, rkey, block FROM nodes WHERE label = 'Person' AND {where} IN ({marks})", values
        )
        if not rows:
            return []
        ids = [r["id"] for r in rows]
        pmarks = ",".join("?" * len(ids))
        networks: dict[str, set[str]] = {i: set() for i in ids}
        for n in self._rows(
            "SELECT a.source AS person, o.target AS net FROM rels a JOIN rels o ON o.source = a.target "
            f"AND o.type = 'OF' WHERE a.source IN ({pmarks}) AND a.type IN ('ATTENDED', 'ABSENT_FROM') "
            "UNION SELECT m.target, o.target FROM rels m JOIN rels o ON o.source = m.source AND o.type = 'OF' "
            f"WHERE m.target IN ({pmarks}) AND m.type = 'MENTIONS'",
            ids + ids,
        ):
            networks[n["person"]].add(n["net"])
        affiliations: dict[str, set[str]] = {i: set() for i in ids}
        for a in self._rows(f"SELECT source, target FROM rels WHERE source IN ({pmarks}) AND type = 'REPRESENTS'", ids):
            affiliations[a["source"]].add(a["target"])
        out = []
        for r in rows:
            props = json.loads(r["props"])
            out.append(
                PersonRecord(
                    id=r["id"],
                    name=r["name"],
                    region=props.get("region"),
                    rkey=r["rkey"] or "",
                    block=r["block"] or "",
                    networks=sorted(networks[r["id"]]),
                    affiliations=sorted(affiliations[r["id"]]),
                )
            )
        return out

    def people_by_rkey(self, rkeys: list[str]) -> list[PersonRecord]:
        return self._people("rkey", rkeys)

    def people_by_block(self, blocks: list[str]) -> list[PersonRecord]:
        return self._people("block", blocks)

    # -- tombstones ------------------------------------------------------------------------------
    def tombstone_key(self) -> str:
        found = self._rows("SELECT value FROM meta WHERE key = 'tombstone_key'")
        if found:
            return found[0]["value"]
        with self._tx() as conn:
            conn.execute("INSERT OR IGNORE INTO meta(key, value) VALUES ('tombstone_key', ?)", (secrets.token_hex(32),))
            return conn.execute("SELECT value FROM meta WHERE key = 'tombstone_key'").fetchone()[0]

    def tombstones(self) -> set[str]:
        return {r["digest"] for r in self._rows("SELECT digest FROM tombstones")}

    def set_tombstone(self, digest: str, present: bool) -> None:
        with self._tx() as conn:
            if present:
                conn.execute("INSERT OR IGNORE INTO tombstones VALUES (?)", (digest,))
            else:
                conn.execute("DELETE FROM tombstones WHERE digest = ?", (digest,))

    # -- judgements and candidates --------------------------------------------------------------
    def save_judgement(self, judgement: Judgement) -> None:
        with self._tx() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO judgements (key_a, key_b, decision, reason, decided_at, decided_by) "
                "VALUES (:key_a, :key_b, :decision, :reason, :decided_at, :decided_by)",
                judgement.model_dump(),
            )

    def judgements(self) -> list[Judgement]:
        return [Judgement(**r) for r in self._rows("SELECT * FROM judgements ORDER BY decided_at")]

    def save_correction(self, correction: Correction) -> None:
        with self._tx() as conn:
            conn.execute(
                'INSERT OR IGNORE INTO corrections (id, doc_id, content, fact_kind, fact, text, quote, start, "end", '
                "field, value, label, reason, decided_at, decided_by) VALUES (:id, :doc_id, :content, :fact_kind, "
                ":fact, :text, :quote, :start, :end, :field, :value, :label, :reason, :decided_at, :decided_by)",
                correction.model_dump(),
            )

    def corrections(self) -> list[Correction]:
        return [Correction(**r) for r in self._rows("SELECT * FROM corrections ORDER BY decided_at, id")]

    def save_entity_judgement(self, judgement: EntityJudgement) -> None:
        with self._tx() as conn:
            conn.execute(
                "INSERT OR IGNORE INTO entity_judgements (id, op, node, label, name, value, value_name, reason, "
                "decided_at, decided_by, documents, contents) VALUES (:id, :op, :node, :label, :name, :value, "
                ":value_name, :reason, :decided_at, :decided_by, :documents, :contents)",
                {
                    **judgement.model_dump(),
                    "documents": json.dumps(judgement.documents),
                    "contents": json.dumps(judgement.contents),
                },
            )

    def entity_judgements(self) -> list[EntityJudgement]:
        rows = self._rows("SELECT * FROM entity_judgements ORDER BY decided_at, id")
        return [
            EntityJudgement(**{**r, "documents": json.loads(r["documents"]), "contents": json.loads(r["contents"])})
            for r in rows
        ]

    def save_review(self, judgement: ReviewJudgement) -> None:
        with self._tx() as conn:
            conn.execute(
                "INSERT OR IGNORE INTO review_judgements (id, op, doc_id, content, fact_kind, fact, field, text_key, "
                'quote_key, value_key, start, "end", node_a, node_b, candidate, decision, undoes, reason, decided_at, '
                "decided_by) VALUES (:id, :op, :doc_id, :content, :fact_kind, :fact, :field, :text_key, :quote_key, "
                ":value_key, :start, :end, :node_a, :node_b, :candidate, :decision, :undoes, :reason, :decided_at, "
                ":decided_by)",
                judgement.model_dump(),
            )

    def reviews(self) -> list[ReviewJudgement]:
        return [ReviewJudgement(**r) for r in self._rows("SELECT * FROM review_judgements ORDER BY decided_at, id")]

    def set_node_name(self, node_id: str, name: str) -> None:
        with self._tx() as conn:
            conn.execute("UPDATE nodes SET name = ? WHERE id = ?", (name, node_id))

    def candidates(self, status: str | None = None) -> list[MergeCandidate]:
        sql = "SELECT * FROM candidates" + (" WHERE status = ?" if status else "") + " ORDER BY score DESC, id"
        rows = self._rows(sql, (status,) if status else ())
        out: dict[str, MergeCandidate] = {}
        for r in rows:
            r.pop("doc_id")
            r["reasons"] = json.loads(r["reasons"])
            out.setdefault(r["id"], MergeCandidate(**r))
        return list(out.values())

    def set_candidate_status(self, candidate_id: str, status: str) -> None:
        with self._tx() as conn:
            conn.execute("UPDATE candidates SET status = ? WHERE id = ?", (status, candidate_id))

    # -- erasure --------------------------------------------------------------------------------
    def erase_node(self, node_id: str, redactions: dict[str, list[str]]) -> list[str]:
        scope = {
            key: sorted({s for s in values if len(s) > 1}, key=len, reverse=True) for key, values in redactions.items()
        }
        with self._tx() as conn:
            conn.execute("DELETE FROM rels WHERE source = ? OR target = ?", (node_id, node_id))
            conn.execute("DELETE FROM aliases WHERE node_id = ?", (node_id,))
            conn.execute("DELETE FROM candidates WHERE node_a = ? OR node_b = ?", (node_id, node_id))
            conn.execute("DELETE FROM nodes WHERE id = ?", (node_id,))
            changed: set[str] = set()
            for doc_id, text, extraction in conn.execute("SELECT id, text, extraction FROM documents").fetchall():
                strings = scope.get("*", []) + scope.get(doc_id, [])
                new_text, new_extraction = redact(text, strings), redact_json(extraction, strings)
                if (new_text, new_extraction) == (text, extraction):
                    continue
                changed.add(doc_id)
                conn.execute(
                    "UPDATE documents SET text = ?, extraction = ? WHERE id = ?", (new_text, new_extraction, doc_id)
                )
                documents_fts.reindex(conn, doc_id, new_text)
                for rid, quote, rtext, rprops in conn.execute(
                    "SELECT id, quote, text, props FROM rels WHERE doc_id = ?", (doc_id,)
                ).fetchall():
                    conn.execute(
                        "UPDATE rels SET quote = ?, text = ?, props = ? WHERE id = ?",
                        (redact(quote, strings), redact(rtext, strings), redact_json(rprops, strings), rid),
                    )
                for nid, nname, ntext, nprops in conn.execute(
                    "SELECT id, name, text, props FROM nodes WHERE props LIKE ?", (f'%"doc_id": "{doc_id}"%',)
                ).fetchall():  # a question, an assignee: every string a fact of the document holds
                    conn.execute(
                        "UPDATE nodes SET text = ?, name = ?, props = ? WHERE id = ?",
                        (redact(ntext, strings), redact(nname, strings), redact_json(nprops, strings), nid),
                    )
                for rowid, ftext in conn.execute("SELECT rowid, text FROM fts WHERE doc_id = ?", (doc_id,)).fetchall():
                    red = redact(ftext, strings)
                    if red != ftext:
                        conn.execute(
                            "UPDATE fts SET text = ?, terms = ? WHERE rowid = ?", (red, search_text(red or ""), rowid)
                        )
            for cid, doc_id, ctext, cquote, cvalue, creason in conn.execute(
                "SELECT id, doc_id, text, quote, value, reason FROM corrections"
            ).fetchall():  # an attendee a person added, an assignee, a quote: corrections name people too
                strings = scope.get("*", []) + scope.get(doc_id, [])
                red = [redact(v, strings) for v in (ctext, cquote, cvalue, creason)]
                if red != [ctext, cquote, cvalue, creason]:
                    conn.execute(
                        "UPDATE corrections SET text = ?, quote = ?, value = ?, reason = ? WHERE id = ?", (*red, cid)
                    )
            for rid, doc_id, rreason in conn.execute("SELECT id, doc_id, reason FROM review_judgements").fetchall():
                red_reason = redact(rreason, scope.get("*", []) + scope.get(doc_id, []))  # the why may name them
                if red_reason != rreason:
                    conn.execute("UPDATE review_judgements SET reason = ? WHERE id = ?", (red_reason, rid))
            for eid, *texts in conn.execute("SELECT id, name, value_name, reason FROM entity_judgements").fetchall():
                red = [redact(v, scope.get("*", [])) for v in texts]  # a person's split names them
                if red != texts:
                    conn.execute(
                        "UPDATE entity_judgements SET name = ?, value_name = ?, reason = ? WHERE id = ?", (*red, eid)
                    )
            conn.execute("INSERT INTO fts(fts) VALUES ('optimize')")  # old index segments kept the words
            documents_fts.optimize(conn)
        self._purge()
        return sorted(changed)

    def _purge(self) -> None:
        """After an erasure, no copy of the old pages is left: the WAL is written back and
        emptied, and the file rebuilt."""
        with self._lock:
            try:
                self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                self._conn.execute("VACUUM")
                self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            except sqlite3.Error as e:
                raise StoreUnavailable(f"SQLite could not rewrite its file after an erasure: {e}") from e

    # -- counts ---------------------------------------------------------------------------------
    def stats(self) -> Stats:
        nodes = {r["label"]: r["n"] for r in self._rows("SELECT label, count(*) AS n FROM nodes GROUP BY label")}
        rels = {r["type"]: r["n"] for r in self._rows("SELECT type, count(*) AS n FROM rels GROUP BY type")}
        docs = self._rows("SELECT count(*) AS n FROM documents")[0]["n"]
        return Stats(nodes=nodes, relationships=rels, documents=docs)
