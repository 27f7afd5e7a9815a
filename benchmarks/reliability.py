"""Fault cases, run for real, with a table of what held:

    python benchmarks/reliability.py [--docs 80] [--kills 3] [--neo4j bolt://127.0.0.1:17687]

- kill -9 during `samkarta ingest` (several times, at different moments), then the same ingest run to
  its end: the store must equal a clean ingest of the same files (counts, named nodes, documents and
  every relationship by id), on SQLite and, with a Neo4j URI (or NEO4J_URI, or a running
  scripts/neo4j-server), on Neo4j;
- a 2 MB upload to a running `samkarta serve` while 200 reads are made: the slowest read must answer
  in under a second;
- a 1 GB body without a token, streamed: refused, and nothing written to the data folder;
- schemathesis with all its checks against the running server's OpenAPI, without a token (as
  anyone who can reach the server): no failure.

Exit status 0 when every case held. The numbers depend on the machine; the verdicts should not.
"""

from __future__ import annotations

import argparse
import http.client
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ingest_throughput import neo4j_uri  # noqa: E402
from synthetic import write_corpus  # noqa: E402

from samkarta.graph.store import snapshot  # noqa: E402
from samkarta.ingest import find_files, ingest_files  # noqa: E402
from samkarta.stores import open_store  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
SAMKARTA = [str(Path(sys.executable).parent / "samkarta")]  # the console script installed beside this Python
TOKEN = "reliability-token"
Row = tuple[str, bool, str]


def _env(**extra: str) -> dict[str, str]:
    env = {**os.environ, **extra}
    env.pop("SAMKARTA_STORE", None)
    return env


# -- kill -9 during ingest -------------------------------------------------------------------------
def _stored(uri: str) -> int:
    store = open_store(uri)
    try:
        return store.stats().documents
    finally:
        store.close()


def crash_case(name: str, uri: str, folder: Path, kills: int, wipe: Callable[[], None]) -> Row:
    wipe()
    clean_store = open_store(uri)
    try:
        ingest_files(clean_store, find_files([folder]), workers=1)
        clean = snapshot(clean_store)
    finally:
        clean_store.close()
    wipe()
    cmd = [*SAMKARTA, "ingest", str(folder), "--store", uri, "--workers", "1"]
    total = len(find_files([folder]))
    killed_after = []
    for k in range(kills):
        target = (k + 1) * total // (kills + 1)  # each kill lands further into the batch
        proc = subprocess.Popen(cmd, env=_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        start = time.monotonic()
        while proc.poll() is None and _stored(uri) < target:
            time.sleep(0.1)
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            killed_after.append(f"{time.monotonic() - start:.1f} s ({_stored(uri)} of {total} stored)")
        proc.wait()
    done = subprocess.run(cmd, env=_env(), capture_output=True, text=True, check=False)
    store = open_store(uri)
    try:
        after = snapshot(store)
    finally:
        store.close()
    wipe()
    same = done.returncode == 0 and after == clean
    detail = f"killed after {', '.join(killed_after) or 'none (ingest ended)'}; "
    detail += "identical to a clean ingest" if same else f"DIFFERENT (exit {done.returncode})"
    return f"kill -9 during ingest ({name})", same and bool(killed_after), detail


# -- a served app ------------------------------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, data: Path) -> None:
        self.port = free_port()
        self.data = data
        env = _env(
            SAMKARTA_DATA_DIR=str(data),
            SAMKARTA_API_TOKEN=TOKEN,
            SAMKARTA_STORE=f"sqlite://{data / 'graph.db'}",
        )
        self.proc = subprocess.Popen(
            [*SAMKARTA, "serve", "--port", str(self.port)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if self.get("/health")[0] == 200:
                    return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("samkarta serve did not answer within 60 s")

    def connection(self) -> http.client.HTTPConnection:
        return http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)

    def get(self, path: str) -> tuple[int, float]:
        conn = self.connection()
        start = time.perf_counter()
        conn.request("GET", path)
        response = conn.getresponse()
        response.read()
        conn.close()
        return response.status, time.perf_counter() - start

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=30)


def _multipart(name: str, data: bytes, boundary: str = "samkartareliability") -> tuple[bytes, str]:
    head = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
        "Content-Type: text/plain\r\n\r\n"
    ).encode()
    return head + data + f"\r\n--{boundary}--\r\n".encode(), f"multipart/form-data; boundary={boundary}"


def upload_case(server: Server, text: bytes) -> Row:
    body, content_type = _multipart("stor-protokollsamling.txt", text)
    result: dict[str, int] = {}

    def upload() -> None:
        conn = server.connection()
        headers = {"Content-Type": content_type, "Authorization": f"Bearer {TOKEN}"}
        conn.request("POST", "/api/documents", body=body, headers=headers)
        result["status"] = conn.getresponse().status
        conn.close()

    thread = threading.Thread(target=upload)
    thread.start()
    times = []
    paths = ("/health", "/api/search?q=Berg", "/api/documents")
    for k in range(200):
        status, seconds = server.get(paths[k % len(paths)])
        times.append(seconds if status == 200 else float("inf"))
    uploading = thread.is_alive()
    thread.join()
    slowest = max(times)
    ok = result.get("status") == 200 and slowest < 1.0
    detail = (
        f"{len(text) / 1e6:.1f} MB upload answered {result.get('status')}; 200 reads, slowest {slowest:.3f} s, "
        f"median {sorted(times)[100]:.3f} s; upload {'still running after' if uploading else 'ended during'} the reads"
    )
    return "reads during a 2 MB upload", ok, detail


def huge_body_case(server: Server, size: int) -> Row:
    before = _files(server.data)
    conn = server.connection()
    conn.putrequest("POST", "/api/documents")
    conn.putheader("Content-Type", "multipart/form-data; boundary=x")
    conn.putheader("Transfer-Encoding", "chunked")
    conn.endheaders()
    chunk = b"\0" * (1 << 20)
    sent = 0
    status = None
    try:
        while sent < size:
            conn.send(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            sent += len(chunk)
        conn.send(b"0\r\n\r\n")
    except OSError:
        pass  # the server answered and closed the connection while the body was still coming
    try:
        status = conn.getresponse().status
    except (OSError, http.client.HTTPException):
        status = None
    conn.close()
    written = _files(server.data) - before
    ok = status == 401 and not written
    detail = f"answered {status} after {sent / 1e6:,.0f} MB of {size / 1e6:,.0f} MB sent; new files: {len(written)}"
    return f"{size / 1e9:g} GB body without a token", ok, detail


def _files(folder: Path) -> set[str]:
    return {str(p) for p in folder.rglob("*") if p.is_file() and "graph.db" not in p.name}


def schemathesis_case(server: Server, examples: int) -> Row:
    cmd = [
        sys.executable,
        "-m",
        "schemathesis.cli",
        "run",
        f"http://127.0.0.1:{server.port}/openapi.json",
        "--checks",
        "all",
        "--max-examples",
        str(examples),
        "--seed",
        "1",
    ]  # without the token, as anyone on the network: writes must be refused as documented
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    last = [line for line in done.stdout.splitlines() if line.strip()][-3:]
    return "schemathesis, all checks", done.returncode == 0, " / ".join(s.strip(" =") for s in last)[:160]


def big_minutes(folder: Path, size: int) -> bytes:
    parts: list[bytes] = []
    total = 0
    for path in sorted(folder.glob("*.txt")):
        data = path.read_bytes()
        parts.append(data)
        total += len(data)
        if total >= size:
            break
    return b"\n\n".join(parts)[:size]


def _cases(args: argparse.Namespace, tmp: Path) -> Iterator[Row]:
    docs = tmp / "docs"
    write_corpus(docs, args.docs, seed=11)
    db = tmp / "crash.db"

    def wipe_sqlite() -> None:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)

    yield crash_case("SQLite", f"sqlite://{db}", docs, args.kills, wipe_sqlite)
    uri = neo4j_uri(args.neo4j)
    if uri is None:
        yield "kill -9 during ingest (Neo4j)", True, "skipped: no Neo4j (start scripts/neo4j-server or pass --neo4j)"
    else:

        def wipe_neo4j() -> None:
            from samkarta.graph.neo4j_store import Neo4jStore

            store = open_store(uri)
            assert isinstance(store, Neo4jStore)
            store.wipe()
            store.close()

        yield crash_case("Neo4j", uri, docs, args.kills, wipe_neo4j)
    big = tmp / "big"
    write_corpus(big, 700, seed=12)
    server = Server(tmp / "data")
    try:
        yield upload_case(server, big_minutes(big, 2_000_000))
        yield huge_body_case(server, args.body_mb * 1_000_000)
        yield schemathesis_case(server, args.examples)
    finally:
        server.stop()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=80, help="synthetic minutes ingested in the kill -9 cases")
    ap.add_argument("--kills", type=int, default=3)
    ap.add_argument("--body-mb", type=int, default=1000, help="size of the body sent without a token")
    ap.add_argument("--examples", type=int, default=20, help="schemathesis examples per operation")
    ap.add_argument("--neo4j", help="bolt URI (default: NEO4J_URI or a running scripts/neo4j-server)")
    args = ap.parse_args()
    os.environ.setdefault("NEO4J_PASSWORD", "samkarta-test")  # the repo's scripts/neo4j-server default
    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as tmp:
        for row in _cases(args, Path(tmp)):
            rows.append(row)
            print(f"{'held ' if row[1] else 'FAILED'}  {row[0]:34} {row[2]}", flush=True)
    failed = [r for r in rows if not r[1]]
    print(f"\n{len(rows) - len(failed)} of {len(rows)} cases held")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
