"""After an erasure on Neo4j: take the erased strings off the server's disk as well.

Neo4j 5 community keeps old values in three places after a transaction has redacted them (measured
on 5.26, tests/integration/test_neo4j_erasure_disk.py):
- the transaction logs hold every value a transaction wrote, and the old value of what it changed;
- a freed record of the string store keeps its bytes (only its in-use byte is cleared) until the
  record is reused;
- an index keeps old keys in its files (a range index on the name key, Lucene segments) until they
  are merged away.
Community edition has no `db.checkpoint()` procedure and no `neo4j-admin database copy`, so this
works with what a client can do: rebuild the indexes whose keys come from names (dropping an index
deletes its files), write throwaway values that reuse the freed string records and fill the current
transaction log past its rotation size, delete them, and write one more small transaction. With the
server settings Samkarta ships (scripts/neo4j/neo4j.conf, docker-compose.yml: keep no log that
recovery does not need, rotate at 1 MiB, checkpoint within 10 s of a write) the next checkpoint
writes the store files and deletes the logs that held the name.

The server hands free records out from a scan that resumes where it last stopped and starts over
only at the end of its free list, so records the erasure freed behind that point are reused only
once every free record after it is (measured: with a free list of tens of MiB left by earlier
removals, a filler of the erasure's own size left some of its records untouched). The filler
therefore covers the whole free list of the string store: the file up to its highest written
record less the strings in use, read where the server's data directory is on this machine (the
shipped scripts/neo4j-server, a local install) or mounted (SAMKARTA_NEO4J_DATA_DIR). The server
does not tell a client the size of its files; elsewhere the filler covers what the erasure freed
and the report says the free list was not known.

What this cannot reach: bytes of a value freed before the erasure by another change (a removed
document, a wiped database) that a later, shorter value reused in part; the record is in use, and
only its unused tail still holds the old bytes.
"""

from __future__ import annotations

import re
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from samkarta.graph import cypher as q

SCRUB = "Sk_Scrub"  # throwaway nodes; they live for the few transactions of a scrub
# indexes whose keys are (or contain) a person's name: a resolution key, a blocking key, an alias
# and every full-text index
NAME_INDEXES = (
    "person_rkey",
    "person_block",
    "sk_alias_key",
    q.FULLTEXT_ITEMS_SWEDISH,
    q.FULLTEXT_ITEMS,
    q.FULLTEXT_HANDOFFS,
    q.FULLTEXT_DOCUMENTS,
)
ROTATION_SIZE = "SHOW SETTINGS YIELD name, value WHERE name = 'db.tx_log.rotation.size' RETURN value"
DATA_DIRECTORY = "SHOW SETTINGS YIELD name, value WHERE name = 'server.directories.data' RETURN value"
DATABASE_NAME = "CALL db.info() YIELD name RETURN name"
STRING_STORE = "neostore.propertystore.db.strings"
RECORD_BYTES, BLOCK_BYTES = 128, 120  # a string-store record and the bytes of value it carries
# the string-store records in use, at least: those of the strings longer than any a property record
# packs itself (43 characters in a 5-bit encoding), a character taken as one byte
LIVE_RECORDS = """
CALL { MATCH (n) UNWIND keys(n) AS k WITH n[k] AS v WHERE v IS :: STRING AND size(v) > 43
       RETURN sum((size(v) + 119) / 120) AS nodes }
CALL { MATCH ()-[r]->() UNWIND keys(r) AS k WITH r[k] AS v WHERE v IS :: STRING AND size(v) > 43
       RETURN sum((size(v) + 119) / 120) AS rels }
RETURN nodes + rels AS live
"""
CREATE_FILLER = f"CREATE (s:{SCRUB} {{id: $id, pad: $pad}})"
# every filler, a crashed scrub's too (none of them is data), one a transaction: a delete holds the
# values it frees in the server's memory
DELETE_FILLER = f"MATCH (s:{SCRUB}) WITH s LIMIT 1 DELETE s RETURN count(s) AS deleted"
# one more transaction after the fillers: pruning keeps the log of the last checkpointed transaction
# and the one before it, so the checkpoint must reach a transaction two logs after the erasure's
TICK = f"MERGE (m:{q.META} {{key: 'scrubs'}}) ON CREATE SET m.value = 0 SET m.value = m.value + 1"
# one filler value, in a transaction of its own (measured: 16 MiB in 0.9 s, 3.9 s in 512 KiB values)
CHUNK = 4 * 1024 * 1024
ID_REUSE_DELAY = 2.0  # seconds: the server's id maintenance makes freed records reusable about once a second
MAX_FILLER = 256 * 1024 * 1024
_MARGIN = 64 * 1024
_UNITS = {"": 1, "B": 1, "K": 1024, "KIB": 1024, "M": 1024**2, "MIB": 1024**2, "G": 1024**3, "GIB": 1024**3}

Run = Callable[[str, dict[str, Any]], list[dict[str, Any]]]


@dataclass(frozen=True)
class ScrubReport:
    """What a scrub did: indexes rebuilt, the bytes written over freed records, whether that passed the
    log's rotation size (so the erasure's log can be pruned), covered every byte the erasure freed, and
    covered the string store's whole free list (False when its size was not known)."""

    indexes: int
    filler_bytes: int
    rotates_log: bool
    covers_freed: bool
    covers_free_list: bool


def rebuild_statements() -> list[tuple[str, str]]:
    """(drop, create) for each index or constraint in NAME_INDEXES, from the schema's own statements."""
    pairs = []
    for statement in q.schema_statements():
        found = re.match(r"CREATE (?:FULLTEXT )?(INDEX|CONSTRAINT) `?(\w+)`? ", statement)
        if found and found.group(2) in NAME_INDEXES:
            pairs.append((f"DROP {found.group(1)} {found.group(2)} IF EXISTS", statement))
    return pairs


def parse_size(value: str) -> int:
    """Bytes of a Neo4j size setting as SHOW SETTINGS prints it ('1.00MiB', '256M', '131072')."""
    match = re.fullmatch(r"\s*([0-9.]+)\s*([A-Za-z]*)\s*", value)
    if not match or match.group(2).upper() not in _UNITS:
        raise ValueError(f"not a Neo4j size: {value!r}")
    return int(float(match.group(1)) * _UNITS[match.group(2).upper()])


def filler_chunks(freed_bytes: int, rotation_bytes: int, free_list: int = 0) -> list[int]:
    """Sizes of the filler values: together enough to reuse the string store's free list and every
    record the erasure freed (which the store file may not show yet) and to pass the log's rotation
    size, at most MAX_FILLER."""
    total = min(max(freed_bytes + free_list, rotation_bytes) + _MARGIN, MAX_FILLER)
    return [min(CHUNK, total - start) for start in range(0, total, CHUNK)]


def written_extent(path: Path, block: int = 1 << 20) -> int:
    """The bytes of `path` up to its last non-zero byte: a store file grows in steps and is zero past
    its highest record."""
    with path.open("rb") as f:
        end = f.seek(0, 2)
        while end > 0:
            start = max(0, end - block)
            f.seek(start)
            if data := f.read(end - start).rstrip(b"\0"):
                return start + len(data)
            end = start
    return 0


def _setting_path(run: Run) -> Path | None:
    rows = run(DATA_DIRECTORY, {})
    return Path(str(rows[0]["value"])) if rows else None


def free_list_bytes(
    run: Run, server_files: Path | None = None, extent_of: Callable[[Path], int] = written_extent
) -> int | None:
    """The bytes of free records in the string store: its records up to the highest one written less
    those of the strings in use (an upper bound: some shorter strings and multi-byte characters take
    records too). `server_files` is the server's data directory as seen from here (by default where
    the server says it is). None when that directory cannot be read from here."""
    directory = server_files or _setting_path(run)
    database = run(DATABASE_NAME, {}) if directory is not None else []
    if not database:
        return None
    path = directory / "databases" / str(database[0]["name"]) / STRING_STORE
    try:
        size = extent_of(path)
    except OSError:
        return None
    rows = run(LIVE_RECORDS, {})
    live = int(rows[0]["live"] or 0) if rows else 0
    return max(0, -(-size // RECORD_BYTES) - live) * BLOCK_BYTES


def scrub(
    run: Run, freed_bytes: int, server_files: Path | None = None, pause: Callable[[float], None] = time.sleep
) -> ScrubReport:
    """Rebuild the name indexes, write fillers over the free string records and delete them, then
    tick once more: each step its own auto-committed transaction through `run(cypher, params)`."""
    pairs = rebuild_statements()
    for drop, create in pairs:
        run(drop, {})
        run(create, {})
    run(q.AWAIT_INDEXES, {})
    found = run(ROTATION_SIZE, {})
    rotation = parse_size(str(found[0]["value"])) if found else MAX_FILLER
    free_list = free_list_bytes(run, server_files)
    chunks = filler_chunks(freed_bytes, rotation, free_list or 0)
    pause(ID_REUSE_DELAY)  # the erasure's records join the free list at the server's next id maintenance
    for size in chunks:
        run(CREATE_FILLER, {"id": secrets.token_hex(8), "pad": "." * size})
    while run(DELETE_FILLER, {})[0]["deleted"]:
        pass
    run(TICK, {})
    written = sum(chunks)
    return ScrubReport(
        indexes=len(pairs),
        filler_bytes=written,
        rotates_log=written > rotation,
        covers_freed=written >= freed_bytes,
        covers_free_list=free_list is not None and written >= freed_bytes + free_list,
    )
