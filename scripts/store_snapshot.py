"""Everything a store holds after ingesting a fixed set of minutes, as one JSON file, to show that a
change to how ingest computes or writes leaves the store's content identical.

    python scripts/store_snapshot.py sqlite before-sqlite.json
    python scripts/store_snapshot.py bolt://127.0.0.1:17687 before-neo4j.json   # WIPES that database
    python scripts/store_snapshot.py sqlite after-sqlite.json --compare before-sqlite.json

The minutes: corpus/docs/*.txt and --synthetic minutes of benchmarks/synthetic.py (seed 5), ingested
with `ingest_files` as `samkarta ingest` does (worker processes, 50 new documents per transaction).
Recorded: graph.store.snapshot() and, below the protocol, every row of every SQLite table or every
Neo4j node and relationship with all their properties (the version counter left out: it counts
transactions, not content). The synthetic minutes are written to the same folder on every run, so
document ids (hashes of the path) compare equal.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from synthetic import write_corpus  # noqa: E402

from samkarta.graph.sqlite_store import SQLiteStore  # noqa: E402
from samkarta.graph.store import snapshot  # noqa: E402
from samkarta.ingest import ingest_files  # noqa: E402

SYNTHETIC_DIR = Path(tempfile.gettempdir()) / "samkarta-store-snapshot" / "synthetic"


def _sqlite_rows(store: SQLiteStore) -> dict[str, list[list[Any]]]:
    conn = store._conn
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    out = {}
    for table in tables:
        if table.startswith(("fts_", "doc_fts_")) or table in ("meta",):
            continue  # FTS5 shadow tables hold the index's own pages; meta holds the version counter
        rows = conn.execute(f'SELECT * FROM "{table}"').fetchall()  # names from sqlite_master, not input
        out[table] = sorted(json.loads(json.dumps(list(r), default=str)) for r in rows)
    return out


def _neo4j_rows(store: Any) -> dict[str, list[Any]]:
    nodes = store._query("MATCH (n) WHERE NOT n:Sk_Meta RETURN labels(n) AS labels, properties(n) AS props", None)
    rels = store._query("MATCH (a)-[r]->(b) RETURN type(r) AS type, a.id AS a, b.id AS b, properties(r) AS props", None)

    def plain(rows: list[dict[str, Any]]) -> list[str]:
        return sorted(json.dumps(r, sort_keys=True, default=str, ensure_ascii=False) for r in rows)

    for row in nodes:
        row["labels"] = sorted(row["labels"])
    return {"nodes": plain(nodes), "relationships": plain(rels)}


def take(target: str, synthetic: int) -> dict[str, Any]:
    files = sorted((ROOT / "corpus" / "docs").glob("*.txt"))
    if synthetic:
        files += write_corpus(SYNTHETIC_DIR, synthetic, seed=5)
    with tempfile.TemporaryDirectory() as tmp:
        if target == "sqlite":
            store: Any = SQLiteStore.open(Path(tmp) / "graph.db")
        else:
            from samkarta.graph.neo4j_store import Neo4jStore

            password = os.environ.get("NEO4J_PASSWORD", "samkarta-test")
            store = Neo4jStore.connect(target, os.environ.get("NEO4J_USER", "neo4j"), password)
            store.wipe()
        summary = ingest_files(store, files)
        rows = _sqlite_rows(store) if target == "sqlite" else _neo4j_rows(store)
        out = {
            "summary": {k: v for k, v in summary.as_dict().items() if k != "seconds"},
            "snapshot": json.loads(json.dumps(snapshot(store), default=lambda o: o.model_dump())),
            "rows": rows,
        }
        store.close()
    return out


def compare(new: dict[str, Any], old: dict[str, Any]) -> int:
    """Print which parts differ; 0 when none does."""
    differ = 0
    for part in ("summary", "snapshot"):
        if new[part] != old[part]:
            print(f"differs: {part}")
            differ += 1
    for name in sorted(new["rows"].keys() | old["rows"].keys()):
        a, b = new["rows"].get(name), old["rows"].get(name)
        if a != b:
            print(f"differs: {name} ({len(a or [])} rows now, {len(b or [])} before)")
            differ += 1
    sizes = ", ".join(f"{k} {len(v)}" for k, v in new["rows"].items())
    print(f"compared summary, snapshot and rows ({sizes}): {differ} part(s) differ")
    return 1 if differ else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("target", help="'sqlite' (a new file) or a bolt:// URI, whose database is wiped first")
    ap.add_argument("out", type=Path, help="the snapshot to write (JSON)")
    ap.add_argument("--synthetic", type=int, default=1000, help="synthetic minutes (seed 5); default 1000")
    ap.add_argument("--compare", type=Path, help="a snapshot to compare the new one with")
    args = ap.parse_args()
    snap = take(args.target, args.synthetic)
    args.out.write_text(json.dumps(snap, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    print(f"{args.target}: {snap['summary']} -> {args.out}")
    if args.compare:
        return compare(snap, json.loads(args.compare.read_text(encoding="utf-8")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
