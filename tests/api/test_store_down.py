"""Neo4j going away and coming back: 503 with a message, then answers again without a restart."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest
from fastapi.testclient import TestClient

from samkarta.api.app import create_app
from samkarta.api.errors import STORE_DOWN
from samkarta.graph.neo4j_store import Neo4jStore
from samkarta.ingest import find_files, ingest_files
from samkarta.samples import sample_dir
from samkarta.settings import Settings

pytestmark = pytest.mark.neo4j


class TcpProxy:
    """A loopback TCP relay we can switch off, standing in for the network between API and Neo4j."""

    def __init__(self, target: tuple[str, int]) -> None:
        self.target = target
        self.port = 0
        self._listener: socket.socket | None = None
        self._conns: list[socket.socket] = []
        self._lock = threading.Lock()

    def start(self) -> None:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen()
        self.port = listener.getsockname()[1]
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def stop(self) -> None:
        if self._listener:
            try:
                self._listener.shutdown(socket.SHUT_RDWR)  # wakes the thread blocked in accept()
            except OSError:
                pass
            self._listener.close()
            self._listener = None
        with self._lock:
            for conn in self._conns:
                try:
                    conn.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                conn.close()
            self._conns.clear()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            upstream = socket.create_connection(self.target)
            with self._lock:
                self._conns += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(src: socket.socket, dst: socket.socket) -> None:
        try:
            while data := src.recv(65536):
                dst.sendall(data)
        except OSError:
            pass
        finally:
            for s in (src, dst):
                try:
                    s.close()
                except OSError:
                    pass


def relay_to(neo4j_uri: str) -> TcpProxy:
    url = urlparse(neo4j_uri)
    return TcpProxy((url.hostname or "127.0.0.1", url.port or 7687))


def settings_through(proxy: TcpProxy, auth: tuple[str, str], data_dir: Path) -> Settings:
    return Settings(
        SAMKARTA_STORE=f"bolt://127.0.0.1:{proxy.port}",
        NEO4J_USER=auth[0],
        NEO4J_PASSWORD=auth[1],
        SAMKARTA_DATA_DIR=str(data_dir),
        SAMKARTA_ALLOWED_HOSTS="testserver",
    )


@pytest.fixture
def proxied(neo4j_uri: str, neo4j_auth: tuple[str, str], tmp_path: Path) -> Iterator[tuple[TestClient, TcpProxy]]:
    seed = Neo4jStore.connect(neo4j_uri, *neo4j_auth)
    seed.wipe()
    ingest_files(seed, find_files([sample_dir()]))
    seed.close()
    proxy = relay_to(neo4j_uri)
    proxy.start()
    with TestClient(create_app(settings_through(proxy, neo4j_auth, tmp_path))) as client:
        yield client, proxy
    proxy.stop()


def test_store_down_gives_503_and_the_api_recovers(proxied: tuple[TestClient, TcpProxy]) -> None:
    client, proxy = proxied
    assert client.get("/health").status_code == 200
    assert client.get("/api/search", params={"q": "Anna Ståhlkloo"}).status_code == 200
    proxy.stop()
    down = client.get("/api/search", params={"q": "Anna Ståhlkloo"})
    assert down.status_code == 503
    body = down.json()
    assert body["ok"] is False and body["status"] == 503 and body["error"] == STORE_DOWN
    assert "127.0.0.1" not in down.text  # no driver internals, no addresses
    assert "Traceback" not in down.text
    assert client.get("/health").status_code == 503
    proxy.start()
    back = client.get("/api/search", params={"q": "Anna Ståhlkloo"})
    assert back.status_code == 200 and back.json()["data"][0]["name"] == "Anna Ståhlkloo"
    assert client.get("/health").json()["ok"] is True


def test_api_starts_while_the_store_is_down_and_connects_later(
    neo4j_uri: str, neo4j_auth: tuple[str, str], tmp_path: Path
) -> None:
    proxy = relay_to(neo4j_uri)
    proxy.start()
    proxy.stop()  # reserved a port, nothing listens on it yet
    with TestClient(create_app(settings_through(proxy, neo4j_auth, tmp_path))) as client:
        first = client.get("/health")
        assert first.status_code == 503 and first.json()["error"] == STORE_DOWN
        proxy.start()
        assert client.get("/health").status_code == 200
    proxy.stop()
