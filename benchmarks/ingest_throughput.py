"""Ingest throughput for both backends in one run, batched vs per-fact writes on Neo4j, and memory.

    python benchmarks/ingest_throughput.py [--docs 2000] [--neo4j bolt://127.0.0.1:17687]
    python benchmarks/ingest_throughput.py --docs 10000 --memory-only

Prints documents/s and facts/s (nodes + relationships written) per backend. With a Neo4j URI (or
NEO4J_URI, or the repo's scripts/neo4j-server running) it also writes the same prepared batches
once with the store's batched UNWIND statements and once with one statement per fact. The memory
run ingests into SQLite and prints the peak resident size of this process.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import write_corpus  # noqa: E402

from samkarta.graph.batch import build_batch  # noqa: E402
from samkarta.graph.model import GraphBatch  # noqa: E402
from samkarta.graph.sqlite_store import SQLiteStore  # noqa: E402
from samkarta.ingest import ingest_files  # noqa: E402
from samkarta.loaders.extract import extract_source  # noqa: E402
from samkarta.loaders.readers import read_document  # noqa: E402

REPO = Path(__file__).resolve().parent.parent


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def facts(summary_nodes: int, summary_rels: int) -> int:
    return summary_nodes + summary_rels


def bench_store(name: str, store, files: list[Path], per_transaction: int | None = None) -> None:  # noqa: ANN001
    """One ingest into the empty store: 50 new documents per transaction by default, or
    `per_transaction` documents per transaction."""
    name = f"{name} {'50/tx' if per_transaction is None else f'{per_transaction}/tx'}"
    t0 = time.perf_counter()
    summary = ingest_files(store, files, per_transaction=per_transaction)
    elapsed = time.perf_counter() - t0
    written = summary.nodes_added + summary.rels_added
    stats = store.stats()
    print(
        f"{name:17} {len(files) / elapsed:8.1f} documents/s  {written / elapsed:9.0f} facts/s  "
        f"({len(files)} documents in {elapsed:.1f} s, {sum(stats.nodes.values())} nodes, "
        f"{sum(stats.relationships.values())} relationships, {len(summary.failed)} failed)"
    )
    per_doc = "  ".join(f"{p} {1000 * s / len(files):.1f}" for p, s in summary.seconds.items())
    print(f"{'':17} ms per document by phase (read/extract summed over workers): {per_doc}")


def neo4j_uri(arg: str | None) -> str | None:
    if arg:
        return arg
    if os.environ.get("NEO4J_URI"):
        return os.environ["NEO4J_URI"]
    script = REPO / "scripts" / "neo4j-server"
    status = subprocess.run([str(script), "status"], capture_output=True, text=True)
    return (
        subprocess.run([str(script), "uri"], capture_output=True, text=True).stdout.strip()
        if (status.returncode == 0)
        else None
    )


def _connect(uri: str):  # noqa: ANN202
    from samkarta.graph.neo4j_store import Neo4jStore

    return Neo4jStore.connect(
        uri, os.environ.get("NEO4J_USER", "neo4j"), os.environ.get("NEO4J_PASSWORD", "samkarta-test")
    )


def _wipe(store) -> None:  # noqa: ANN001 - a Neo4jStore

    store.wipe()


def batched_vs_per_fact(uri: str, batches: list[GraphBatch]) -> None:
    """The store's node and relationship statements over the same facts: fed as UNWIND batches of up to
    1,000 rows in transactions of 50 documents; fed one fact per statement in the same transactions;
    and one fact per statement, each its own auto-commit transaction (the usual naive writer)."""
    import samkarta.graph.neo4j_store as neo4j_store
    from samkarta.graph.model import Node, Rel

    store = _connect(uri)
    batched_chunks = neo4j_store._chunks
    one_row = lambda rows, size=1: ([r] for r in rows)  # noqa: E731

    def run(mode: str, docs: list[GraphBatch], per_tx: int) -> float:
        store.wipe()
        neo4j_store._chunks = batched_chunks if mode == "batched" else one_row
        facts = sum(len(b.nodes) + len(b.rels) for b in docs)
        t0 = time.perf_counter()
        for i in range(0, len(docs), per_tx):
            group = docs[i : i + per_tx]
            nodes: dict[str, Node] = {n.id: n for b in group for n in b.nodes}
            rels: dict[str, Rel] = {r.id: r for b in group for r in b.rels}
            if mode == "autocommit":
                for node in nodes.values():
                    store._write(lambda tx, node=node: store._write_nodes(tx, [node]), "benchmark")
                for rel in rels.values():
                    store._write(lambda tx, rel=rel: store._write_rels(tx, [rel]), "benchmark")
            else:

                def work(tx, nodes=nodes, rels=rels) -> None:  # noqa: ANN001
                    store._write_nodes(tx, list(nodes.values()))
                    store._write_rels(tx, list(rels.values()))

                store._write(work, "benchmark")
        rate = facts / (time.perf_counter() - t0)
        print(f"neo4j {mode:10} {rate:9.0f} facts/s  ({len(docs)} documents, {facts} facts)")
        return rate

    run("batched", batches, 50)  # warms the server's JIT and query caches; not counted
    batched = run("batched", batches, 50)
    per_fact = run("per-fact", batches, 50)
    autocommit = run("autocommit", batches[:40], 50)
    neo4j_store._chunks = batched_chunks
    print(
        f"batched UNWIND vs one statement per fact: {batched / per_fact:.1f}x in the same transactions, "
        f"{batched / autocommit:.1f}x against one auto-commit transaction per fact"
    )
    store.wipe()
    store.close()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--neo4j", help="bolt URI (default: NEO4J_URI or a running scripts/neo4j-server)")
    ap.add_argument("--memory-only", action="store_true", help="only the SQLite run, reporting peak memory")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        files = write_corpus(Path(tmp) / "docs", args.docs, seed=args.seed)
        print(f"{len(files)} synthetic documents, {sum(f.stat().st_size for f in files) / 1e6:.1f} MB")
        sqlite = SQLiteStore.open(Path(tmp) / "graph.db")
        bench_store("sqlite", sqlite, files)
        sqlite.close()
        if not args.memory_only:
            sqlite = SQLiteStore.open(Path(tmp) / "graph-one-per-transaction.db")
            bench_store("sqlite", sqlite, files, per_transaction=1)
            sqlite.close()
        print(f"peak memory of this process: {peak_rss_mb():.0f} MB")
        if args.memory_only:
            return 0
        uri = neo4j_uri(args.neo4j)
        if uri is None:
            print("neo4j: no server (start scripts/neo4j-server or pass --neo4j); skipped")
            return 0
        store = _connect(uri)
        for per_transaction in (None, 1):
            _wipe(store)
            bench_store("neo4j", store, files, per_transaction)
        _wipe(store)
        store.close()
        sample = files[: min(300, len(files))]
        # writes only: the batches are built first, people resolved as in a first ingest
        batches = [build_batch(extract_source(src), src.text) for src in map(read_document, sample)]
        batched_vs_per_fact(uri, batches)
    return 0


if __name__ == "__main__":
    sys.exit(main())
