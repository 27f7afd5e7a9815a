"""How long an erasure takes on Neo4j, and how much filler its scrub writes over the free list.

    python benchmarks/erasure_scrub.py [--people 2] [--neo4j bolt://127.0.0.1:17687]

Empties the database, ingests the sample minutes, erases the first people one by one and prints,
for each, the seconds `erase_person` took (the erasure and the scrub of graph/neo4j_scrub.py), the
filler written and whether it covered the string store's whole free list (known only where the
server's data directory can be read from here). The free list is what earlier removals left, so
the figures depend on the server's history: print them with the server they came from.
Deletes everything in that database: use a test server.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "benchmarks")]

from ingest_throughput import neo4j_uri  # noqa: E402

from samkarta.graph.neo4j_store import Neo4jStore  # noqa: E402
from samkarta.ingest import erase_person, find_files, ingest_files  # noqa: E402
from samkarta.samples import sample_dir  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--people", type=int, default=2, help="people to erase, one after another")
    ap.add_argument("--neo4j", help="Bolt URI (default: NEO4J_URI or the running scripts/neo4j-server)")
    ap.add_argument("--password", default="samkarta-test")
    args = ap.parse_args()
    uri = neo4j_uri(args.neo4j)
    if uri is None:
        print("no Neo4j server: start one with scripts/neo4j-server start, or pass --neo4j", file=sys.stderr)
        return 1
    store = Neo4jStore.connect(uri, "neo4j", args.password)
    try:
        store.wipe()
        ingest_files(store, list(find_files([sample_dir()])))
        people = [(i, name) for i, label, name in store.names() if label == "Person"][: args.people]
        for person, name in people:
            start = time.perf_counter()
            erase_person(store, person)
            seconds = time.perf_counter() - start
            report = store.last_scrub
            assert report is not None
            print(
                f"{name}: {seconds:.1f} s, filler {report.filler_bytes / 2**20:.1f} MiB, "
                f"whole free list covered: {'yes' if report.covers_free_list else 'not known'}"
            )
        store.wipe()
    finally:
        store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
