"""Ingest throughput for both backends, three runs in one invocation, batched vs per-fact writes on
Neo4j, and memory.

    python benchmarks/ingest_throughput.py [--docs 2000] [--runs 3] [--neo4j bolt://127.0.0.1:17687]
    python benchmarks/ingest_throughput.py --docs 10000 --memory-only

Prints documents/s and facts/s (nodes + relationships written) per backend and run, where each
document's time went (read, extract, resolve, write), and the CPU seconds of this process, the
extraction workers and a local Neo4j server, with the rate they would allow if they had the
machine's cores to themselves (the wall clock of a shared machine says less). With a Neo4j URI (or
NEO4J_URI, or the repo's scripts/neo4j-server running) each run also writes the same prepared
batches once with the store's batched UNWIND statements and once with one statement per fact. Then
the runs side by side and the issue's targets against their median. The memory run ingests into
SQLite once and prints the peak resident size of this process and of the largest worker.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
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


@dataclass
class Run:
    """One ingest: wall time, facts written, seconds per phase and CPU seconds per process."""

    name: str
    documents: int
    elapsed: float
    facts: int
    phases: dict[str, float]
    cpu: dict[str, float]  # this process, the worker processes, the Neo4j server (when local)

    @property
    def rate(self) -> float:
        return self.documents / self.elapsed

    @property
    def fact_rate(self) -> float:
        return self.facts / self.elapsed

    @property
    def cpu_bound_rate(self) -> float:
        """Documents/s if these processes had the machine's cores to themselves: every core busy
        with this work alone (an upper bound; on a shared machine the wall clock says less)."""
        return self.documents * (os.cpu_count() or 1) / sum(self.cpu.values())


def _cpu_seconds(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def server_cpu_seconds(pid: int | None) -> float:
    """User + system CPU seconds of a process (the local Neo4j server), from /proc."""
    if pid is None:
        return 0.0
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def server_pid(uri: str) -> int | None:
    """The pid of the repo's Neo4j server listening on the URI's port, if it runs on this machine."""
    port = uri.rsplit(":", 1)[-1].strip("/")
    for proc in Path("/proc").iterdir():
        try:
            args = (proc / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"samkarta.Neo4jLauncher" in args and port.encode() in args:
            return int(proc.name)
    return None


def bench_store(
    name: str, store, files: list[Path], per_transaction: int | None = None, server: int | None = None
) -> Run:  # noqa: ANN001
    """One ingest into the empty store: 50 new documents per transaction by default, or
    `per_transaction` documents per transaction."""
    name = f"{name} {'50/tx' if per_transaction is None else f'{per_transaction}/tx'}"
    before = _cpu_seconds(resource.RUSAGE_SELF), _cpu_seconds(resource.RUSAGE_CHILDREN), server_cpu_seconds(server)
    t0 = time.perf_counter()
    summary = ingest_files(store, files, per_transaction=per_transaction)
    elapsed = time.perf_counter() - t0
    after = _cpu_seconds(resource.RUSAGE_SELF), _cpu_seconds(resource.RUSAGE_CHILDREN), server_cpu_seconds(server)
    cpu = {k: a - b for k, a, b in zip(("main", "workers", "neo4j"), after, before, strict=True) if a > b}
    run = Run(name, len(files), elapsed, summary.nodes_added + summary.rels_added, dict(summary.seconds), cpu)
    stats = store.stats()
    print(
        f"{name:17} {run.rate:8.1f} documents/s  {run.fact_rate:9.0f} facts/s  "
        f"({len(files)} documents in {elapsed:.1f} s, {sum(stats.nodes.values())} nodes, "
        f"{sum(stats.relationships.values())} relationships, {len(summary.failed)} failed)"
    )
    per_doc = "  ".join(f"{p} {1000 * s / len(files):.1f}" for p, s in summary.seconds.items())
    print(f"{'':17} ms per document by phase (read/extract summed over workers): {per_doc}")
    cpu_doc = "  ".join(f"{p} {1000 * s / len(files):.1f}" for p, s in cpu.items())
    print(
        f"{'':17} CPU ms per document: {cpu_doc}; with {os.cpu_count()} cores to itself at most "
        f"{run.cpu_bound_rate:.0f} documents/s"
    )
    return run


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


def batched_vs_per_fact(uri: str, batches: list[GraphBatch], autocommit: bool = True) -> float:
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
    print(f"batched UNWIND vs one statement per fact: {batched / per_fact:.1f}x in the same transactions")
    if autocommit:
        one_each = run("autocommit", batches[:40], 50)
        print(f"batched UNWIND vs one auto-commit transaction per fact: {batched / one_each:.1f}x")
    neo4j_store._chunks = batched_chunks
    store.wipe()
    store.close()
    return batched / per_fact


def report(runs: dict[str, list[Run]], ratios: list[float]) -> None:
    """Each configuration over the runs, and the issue's targets against the median run."""
    print(f"\n{'':17} documents/s per run (median)      facts/s (median)   CPU-bound documents/s (median)")
    for name, rs in runs.items():
        rates = ", ".join(f"{r.rate:.1f}" for r in rs)
        median = statistics.median
        print(
            f"{name:17} {rates:24} ({median(r.rate for r in rs):6.1f})  "
            f"{median(r.fact_rate for r in rs):9.0f}   {median(r.cpu_bound_rate for r in rs):8.0f}"
        )
    targets = [("sqlite 50/tx", "rate", 150, "documents/s"), ("neo4j 50/tx", "rate", 60, "documents/s")]
    targets.append(("neo4j 50/tx", "fact_rate", 5000, "facts/s"))
    for name, attr, goal, unit in targets:
        if name in runs:
            value = statistics.median(getattr(r, attr) for r in runs[name])
            print(f"target {name} >= {goal:,} {unit}: {value:,.1f} ({'met' if value >= goal else 'not met'})")
    if ratios:
        every = all(r >= 10 for r in ratios)
        shown = ", ".join(f"{r:.1f}x" for r in ratios)
        print(f"target batched >= 10x per-fact in every run: {shown} ({'met' if every else 'not met'})")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--runs", type=int, default=3, help="ingests of each kind, one after another (default 3)")
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--neo4j", help="bolt URI (default: NEO4J_URI or a running scripts/neo4j-server)")
    ap.add_argument("--memory-only", action="store_true", help="one SQLite run, reporting peak memory")
    ap.add_argument("--no-neo4j", action="store_true", help="SQLite only")
    ap.add_argument("--no-single", action="store_true", help="skip the one-document-per-transaction ingests")
    args = ap.parse_args()
    runs: dict[str, list[Run]] = {}
    ratios: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        files = write_corpus(Path(tmp) / "docs", args.docs, seed=args.seed)
        print(f"{len(files)} synthetic documents, {sum(f.stat().st_size for f in files) / 1e6:.1f} MB")
        uri = None if args.memory_only or args.no_neo4j else neo4j_uri(args.neo4j)
        if uri is None and not (args.memory_only or args.no_neo4j):
            print("neo4j: no server (start scripts/neo4j-server or pass --neo4j); skipped")
        modes = [None] if args.memory_only or args.no_single else [None, 1]
        batches: list[GraphBatch] = []
        for k in range(1 if args.memory_only else args.runs):
            print(f"-- run {k + 1}")
            for per_transaction in modes:
                sqlite = SQLiteStore.open(Path(tmp) / f"graph-{k}-{per_transaction}.db")
                run = bench_store("sqlite", sqlite, files, per_transaction)
                runs.setdefault(run.name, []).append(run)
                sqlite.close()
            if uri is None:
                continue
            store = _connect(uri)
            for per_transaction in modes:
                _wipe(store)
                run = bench_store("neo4j", store, files, per_transaction, server_pid(uri))
                runs.setdefault(run.name, []).append(run)
            _wipe(store)
            store.close()
            if not batches:  # writes only: the batches are built first, people resolved as in a first ingest
                sample = files[: min(300, len(files))]
                batches = [build_batch(extract_source(src), src.text) for src in map(read_document, sample)]
            ratios.append(batched_vs_per_fact(uri, batches, autocommit=k == 0))
        print(
            f"peak memory: this process {peak_rss_mb():.0f} MB, "
            f"the largest worker process {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024:.0f} MB"
        )
    if not args.memory_only:
        report(runs, ratios)
    return 0


if __name__ == "__main__":
    sys.exit(main())
