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

from samkarta.graph.model import GraphBatch  # noqa: E402
from samkarta.graph.sqlite_store import SQLiteStore  # noqa: E402
from samkarta.ingest import ingest_files  # noqa: E402
from samkarta.loaders.extract import extract_source  # noqa: E402
from samkarta.loaders.readers import read_document  # noqa: E402
from samkarta.loaders.to_graph import build_batch  # noqa: E402

REPO = Path(__file__).resolve().parent.parent


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def facts(summary_nodes: int, summary_rels: int) -> int:
    return summary_nodes + summary_rels


def bench_store(name: str, store, files: list[Path]) -> None:  # noqa: ANN001
    t0 = time.perf_counter()
    summary = ingest_files(store, files)
    elapsed = time.perf_counter() - t0
    written = summary.nodes_added + summary.rels_added
    stats = store.stats()
    print(
        f"{name:8} {len(files) / elapsed:8.1f} documents/s  {written / elapsed:9.0f} facts/s  "
        f"({len(files)} documents in {elapsed:.1f} s, {sum(stats.nodes.values())} nodes, "
        f"{sum(stats.relationships.values())} relationships, {len(summary.failed)} failed)"
    )


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


def batched_vs_per_fact(uri: str, batches: list[GraphBatch]) -> None:
    from samkarta.graph.neo4j_store import Neo4jStore

    password = os.environ.get("NEO4J_PASSWORD", "samkarta-test")
    store = Neo4jStore.connect(uri, os.environ.get("NEO4J_USER", "neo4j"), password)
    n_facts = sum(len(b.nodes) + len(b.rels) for b in batches)
    results = {}
    for mode in ("per-fact", "batched"):
        store.wipe()
        t0 = time.perf_counter()
        for batch in batches:
            if mode == "batched":
                store.write_document(batch)
            else:
                store.write_document_per_fact(batch)
        results[mode] = time.perf_counter() - t0
        print(
            f"neo4j {mode:9} {n_facts / results[mode]:9.0f} facts/s  ({len(batches)} documents, {n_facts} facts, "
            f"{results[mode]:.1f} s)"
        )
    print(f"batched UNWIND is {results['per-fact'] / results['batched']:.1f}x faster than one statement per fact")
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
        print(f"peak memory of this process: {peak_rss_mb():.0f} MB")
        if args.memory_only:
            return 0
        uri = neo4j_uri(args.neo4j)
        if uri is None:
            print("neo4j: no server (start scripts/neo4j-server or pass --neo4j); skipped")
            return 0
        from samkarta.graph.neo4j_store import Neo4jStore

        store = Neo4jStore.connect(
            uri, os.environ.get("NEO4J_USER", "neo4j"), os.environ.get("NEO4J_PASSWORD", "samkarta-test")
        )
        store.wipe()
        bench_store("neo4j", store, files)
        store.wipe()
        store.close()
        sample = files[: min(300, len(files))]
        batches = [build_batch(extract_source(src), src.text) for src in map(read_document, sample)]
        batched_vs_per_fact(uri, batches)
    return 0


if __name__ == "__main__":
    sys.exit(main())
