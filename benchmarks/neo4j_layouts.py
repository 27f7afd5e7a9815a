"""Write cost of Neo4j layout 1 (props_json strings) against typed properties, on one server.

    python benchmarks/neo4j_layouts.py [--docs 300] [--rounds 5] [--neo4j bolt://127.0.0.1:17687]

Writes the same prepared batches with the frozen layout-1 store (tests/integration/layout1) and
with the current store, alternately, one transaction per document and 50 documents per
transaction. Prints facts/s and, steadier on a shared machine, the CPU the Neo4j server and this
process spent per 1,000 facts (the server's from /proc, so run it where the server runs).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "benchmarks")]

from ingest_throughput import neo4j_uri  # noqa: E402
from synthetic import write_corpus  # noqa: E402

from samkarta.graph.batch import build_batch  # noqa: E402
from samkarta.graph.neo4j_store import Neo4jStore  # noqa: E402
from samkarta.loaders.extract import extract_source  # noqa: E402
from samkarta.loaders.readers import read_document  # noqa: E402
from tests.integration.conftest import clear  # noqa: E402
from tests.integration.layout1.neo4j_store import Neo4jStore as Layout1Store  # noqa: E402


def server_cpu() -> float:
    """Seconds of CPU the scripts/neo4j-server JVM has used (0 when it is not this machine's)."""
    pid_file = Path(os.environ.get("SAMKARTA_CACHE", Path.home() / ".cache" / "samkarta")) / "neo4j/run/neo4j.pid"
    try:
        stat = Path(f"/proc/{pid_file.read_text().split()[0]}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(stat[11]) + int(stat[12])) / os.sysconf("SC_CLK_TCK")


def write(store, batches, grouped: bool) -> None:  # noqa: ANN001
    if not grouped:
        for batch in batches:
            store.write_document(batch)
        return
    for i in range(0, len(batches), 50):
        group = batches[i : i + 50]
        nodes = list({n.id: n for b in group for n in b.nodes}.values())
        rels = list({r.id: r for b in group for r in b.rels}.values())

        def work(tx, nodes=nodes, rels=rels) -> None:  # noqa: ANN001
            store._write_nodes(tx, nodes)
            store._write_rels(tx, rels)

        store._write(work, "benchmark")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=300)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--neo4j", help="bolt URI (default: NEO4J_URI or a running scripts/neo4j-server)")
    args = ap.parse_args()
    uri = neo4j_uri(args.neo4j)
    if uri is None:
        print("no Neo4j server (start scripts/neo4j-server or pass --neo4j)")
        return 1
    auth = (os.environ.get("NEO4J_USER", "neo4j"), os.environ.get("NEO4J_PASSWORD", "samkarta-test"))
    with tempfile.TemporaryDirectory() as tmp:
        files = write_corpus(Path(tmp) / "docs", args.docs, seed=5)
        batches = [build_batch(extract_source(src), src.text) for src in map(read_document, files)]
    facts = sum(len(b.nodes) + len(b.rels) for b in batches)
    results: dict[str, list[tuple[float, float, float]]] = {}
    for rnd in range(args.rounds + 1):  # round 0 warms the server up and is not counted
        stores = [("layout 1", Layout1Store), ("typed", Neo4jStore)]
        for grouped in (False, True):
            for name, cls in stores if rnd % 2 else stores[::-1]:
                clear(uri, auth)
                store = cls.connect(uri, *auth)
                t0, s0, c0 = time.perf_counter(), server_cpu(), time.process_time()
                write(store, batches, grouped)
                wall, server, client = time.perf_counter() - t0, server_cpu() - s0, time.process_time() - c0
                store.close()
                if rnd:
                    key = f"{name}, {'50 documents' if grouped else 'one document'} per transaction"
                    results.setdefault(key, []).append((facts / wall, 1e6 * server / facts, 1e6 * client / facts))
    clear(uri, auth)
    print(f"{len(batches)} documents, {facts} facts, medians of {args.rounds} rounds")
    for key, runs in sorted(results.items(), key=lambda kv: kv[0].split(",")[1]):
        rate, server, client = (statistics.median(r[i] for r in runs) for i in range(3))
        print(f"{key:45} {rate:7.0f} facts/s  server CPU {server:5.1f} ms, client CPU {client:5.1f} ms per 1000 facts")
    return 0


if __name__ == "__main__":
    sys.exit(main())
