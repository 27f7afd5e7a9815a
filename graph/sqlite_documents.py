"""The embedded store's full-text index of whole documents (FTS5 over Samkarta's normalised words).

One row per document: its id and the normalised words of its text (graph/search_text.py), so a
query finds the same documents here as in Neo4j's index of the same words.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from samkarta.graph.model import DocumentHit
from samkarta.graph.search_text import search_text, search_tokens

SCHEMA = """
CREATE VIRTUAL TABLE IF NOT EXISTS doc_fts USING fts5(
    doc_id UNINDEXED, terms, tokenize = 'unicode61 remove_diacritics 0'
);
"""
_INDEXED = "document_search"  # meta key: every stored document is in doc_fts (older files are filled once)


def ensure(conn: sqlite3.Connection) -> None:
    """Create the index, and fill it once with the documents a store written before it holds."""
    conn.executescript(SCHEMA)
    if conn.execute("SELECT 1 FROM meta WHERE key = ?", (_INDEXED,)).fetchone():
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute("DELETE FROM doc_fts")
        for doc_id, text in conn.execute("SELECT id, text FROM documents").fetchall():
            index(conn, doc_id, text)
        conn.execute("INSERT INTO meta(key, value) VALUES (?, '1')", (_INDEXED,))
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


# A document's row shares the rowid of its row in `documents`, so it is found without a scan (doc_id
# is unindexed); it is written after that row and deleted before it.
def index(conn: sqlite3.Connection, doc_id: str, text: str) -> None:
    conn.execute(
        "INSERT INTO doc_fts(rowid, doc_id, terms) SELECT rowid, id, ? FROM documents WHERE id = ?",
        (search_text(text), doc_id),
    )


def unindex(conn: sqlite3.Connection, doc_id: str) -> None:
    conn.execute("DELETE FROM doc_fts WHERE rowid = (SELECT rowid FROM documents WHERE id = ?)", (doc_id,))


def reindex(conn: sqlite3.Connection, doc_id: str, text: str) -> None:
    """After a redaction: the document's words as they now stand, and no index segment keeping the old."""
    unindex(conn, doc_id)
    index(conn, doc_id, text)


def optimize(conn: sqlite3.Connection) -> None:
    conn.execute("INSERT INTO doc_fts(doc_fts) VALUES ('optimize')")


def match(query: str) -> str | None:
    """The FTS5 expression of a query: every normalised word required, each as a prefix. Tokens hold
    letters and digits only (search_tokens), so quoting them is enough; the expression goes in as a
    parameter."""
    terms = search_tokens(query)
    return " AND ".join(f'"{t}"*' for t in terms) if terms else None


SEARCH = "SELECT doc_id, bm25(doc_fts) AS rank FROM doc_fts WHERE terms MATCH ? ORDER BY rank, doc_id LIMIT ?"


def hits(rows: list[dict[str, Any]]) -> list[DocumentHit]:
    return [DocumentHit(doc_id=r["doc_id"], score=-float(r["rank"])) for r in rows]
