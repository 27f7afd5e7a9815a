"""An erased name leaves the Neo4j server's disk: every file under its data directory (store files,
indexes, transaction logs), read as bytes, no longer holds it in any spelling or encoding, and
nothing else the store held has changed."""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from neo4j import Driver

from samkarta.graph.neo4j_scrub import MAX_FILLER
from samkarta.graph.neo4j_store import Neo4jStore
from samkarta.ingest import erase_person, find_files, ingest_files, judge
from samkarta.samples import sample_dir

pytestmark = pytest.mark.neo4j

# a name nothing else wrote to this server: a new one each run, since a run that fails before its
# erasure leaves the name in records that only a scrub overwrites
_PARTS = ("al", "berg", "dal", "ek", "fors", "gran", "hag", "lind", "mark", "sand", "strand", "vik")
GIVEN = "Märta"
SURNAME = "".join(secrets.choice(_PARTS) for _ in range(3)).capitalize() + "björk"
FOLDED = SURNAME.lower().replace("ö", "o")
MINUTES = (
    f"Protokoll 2024-03-05\nSocialchefsnätverket i Dalarna\n\nNärvarande: {GIVEN} {SURNAME}, Mora; Per Ek, Falun\n\n"
    f"1. Budget\n{GIVEN} {SURNAME} ska ta fram underlaget till nästa möte. Beslut: nämnden beslutar att "
    f"{GIVEN} {SURNAME} leder arbetet. Frågan om budgeten lämnas till IFO-chefsnätverket, som "
    f"{GIVEN.upper()} {SURNAME.upper()} föreslog. Kontakt: marta.{FOLDED}@mora.se. M. {SURNAME} informerade "
    f"om läget, och {GIVEN}\n{SURNAME} tackade.\n"
    # the genitive, in a decision, an action and a handoff
    f"2. Enkäten\nNätverket beslutade att anta {GIVEN} {SURNAME}s förslag. {GIVEN} {SURNAME}:s grupp ska "
    f"sammanställa enkäten. Frågan om {GIVEN.upper()} {SURNAME.upper()}S förslag och {GIVEN} {SURNAME}'s enkät "
    f"lämnas till IFO-chefsnätverket.\n"
)
# as SHOW SETTINGS prints what scripts/neo4j/neo4j.conf sets
SHIPPED = {
    "db.tx_log.rotation.retention_policy": "false",
    "db.tx_log.rotation.size": "1.00MiB",
    "db.checkpoint.interval.time": "10s",
}
Found = dict[str, dict[str, int]]  # per file, how often each form occurs
CHECKPOINT_WAIT = 60  # seconds; the shipped settings checkpoint within 10 s of a write


def forms() -> dict[str, bytes]:
    """The surname as the disk could hold it: any case, folded to ASCII, in UTF-8, Latin-1 and UTF-16."""
    out = {}
    for word in (SURNAME, SURNAME.lower(), SURNAME.upper(), FOLDED, FOLDED.upper()):
        for encoding in ("utf-8", "latin-1", "utf-16-le", "utf-16-be"):
            out[f"{word} ({encoding})"] = word.encode(encoding)
    return out


def occurrences(root: Path) -> Found:
    """Per file under `root` (relative path), how often each form occurs in its bytes."""
    found: Found = {}
    for path in sorted(root.rglob("*")):
        try:
            raw = path.read_bytes() if path.is_file() else b""
        except OSError:  # a file the server just pruned
            continue
        hits = {form: raw.count(pattern) for form, pattern in forms().items() if pattern in raw}
        if hits:
            found[str(path.relative_to(root))] = hits
    return found


def settle(root: Path, done: Callable[[Found], bool], seconds: float = CHECKPOINT_WAIT) -> Found:
    """Scan `root` until `done(found)` holds (the server writes at its next checkpoint) or time is up."""
    found = occurrences(root)
    deadline = time.monotonic() + seconds
    while not done(found) and time.monotonic() < deadline:
        time.sleep(2)
        found = occurrences(root)
    return found


@pytest.fixture
def data_dir(driver: Driver) -> Path:
    """The server's data directory (databases/, transactions/), asked of the server itself."""
    rows = driver.execute_query(
        "SHOW SETTINGS YIELD name, value WHERE name = 'server.directories.data' RETURN value"
    ).records
    path = Path(str(rows[0]["value"])) if rows else None
    if path is None or not (path / "databases").is_dir() or not (path / "transactions").is_dir():
        pytest.skip(f"the Neo4j server's data directory {path} is not on this machine: its files cannot be read")
    settings = {
        r["name"]: r["value"]
        for r in driver.execute_query(
            "SHOW SETTINGS YIELD name, value WHERE name IN $names RETURN name, value", names=list(SHIPPED)
        ).records
    }
    assert settings == SHIPPED, (
        f"the server runs without the settings Samkarta ships (scripts/neo4j/neo4j.conf): {settings}; "
        "restart it with scripts/neo4j-server"
    )
    return path


def unaffected(store: Neo4jStore, changed: set[str]) -> dict[str, object]:
    """What the store answers about every node and document the erasure had no reason to touch."""
    g = store.graph()
    nodes = [n for n in g if not set(store.node_documents(n)) & changed]
    return {
        "documents": {d.id: store.document(d.id) for d in store.documents() if d.id not in changed},
        "nodes": {n: store.get_node(n) for n in nodes},
        "rels": {n: sorted(store.rels_of(n), key=lambda r: r.id) for n in nodes},
        "judgements": store.judgements(),
        "tombstone_key": store.tombstone_key(),
    }


def test_an_erased_name_leaves_every_file_of_the_server(store: Neo4jStore, data_dir: Path, tmp_path: Path) -> None:
    minutes = tmp_path / "erase.txt"
    minutes.write_text(MINUTES, encoding="utf-8")
    assert ingest_files(store, [*find_files([sample_dir()]), minutes]).ingested == 12
    merged = [c for c in store.candidates() if c.status == "merged"]
    judge(store, merged[0].id, "rejected", "two people", "2026-01-01T00:00:00", decided_by="tester")  # a rebuild
    [person] = [i for i, label, name in store.names() if label == "Person" and name == f"{GIVEN} {SURNAME}"]
    changed = set(store.node_documents(person))
    before = settle(data_dir, lambda found: any(p.startswith("databases/") for p in found))
    # measured: the scan sees the name where the server keeps it, so its silence afterwards means something
    assert any(p.startswith("databases/") for p in before), before
    others = unaffected(store, changed)
    people = sorted(n for _, label, n in store.names() if label == "Person")

    assert sorted(erase_person(store, person)) == sorted(changed)
    report = store.last_scrub
    assert report is not None and report.indexes == 7 and report.rotates_log and report.covers_freed
    # the server's files are on this machine, so the scrub knew its free list; a server used long
    # enough holds more free records than one scrub writes over (README, "Erasure")
    assert report.covers_free_list, (
        f"the string store's free list is over the scrub's cap ({MAX_FILLER} bytes): run the tests on a "
        "server with an empty data directory (NEO4J_DATA_DIR)"
        if report.filler_bytes >= MAX_FILLER
        else "the scrub did not learn the size of the server's free list"
    )

    after = settle(data_dir, lambda found: not found)
    assert after == {}, f"the erased name is still on the server's disk: {after} (before the erasure: {before})"
    assert unaffected(store, changed) == others
    assert sorted(n for _, label, n in store.names() if label == "Person") == [
        n for n in people if n != f"{GIVEN} {SURNAME}"
    ]
    assert store.fulltext(SURNAME) == [] and [h.id for h in store.fulltext("IFO-chefsnätverket")]
