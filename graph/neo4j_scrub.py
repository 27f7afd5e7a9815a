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
deletes its files), write throwaway values that reuse the freed string records (a few transactions
apart: the server hands freed records out again in between) and fill the current transaction log
past its rotation size, delete them, and write one more small transaction. With the server settings
Samkarta ships (scripts/neo4j/neo4j.conf, docker-compose.yml: keep no log that recovery does not
need, rotate at 1 MiB, checkpoint within 10 s of a write) the next checkpoint writes the store files
and deletes the logs that held the name.

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
CREATE_FILLER = f"CREATE (s:{SCRUB} {{id: $id, pad: $pad}})"
# every filler, a crashed scrub's too: none of them is data
DELETE_FILLERS = f"MATCH (s:{SCRUB}) DELETE s"
# one more transaction after the fillers: pruning keeps the log of the last checkpointed transaction
# and the one before it, so the checkpoint must reach a transaction two logs after the erasure's
TICK = f"MERGE (m:{q.META} {{key: 'scrubs'}}) ON CREATE SET m.value = 0 SET m.value = m.value + 1"
CHUNK = 512 * 1024  # one filler transaction: the server hands out freed records again between them
ID_REUSE_DELAY = 1.0  # seconds: the server's id maintenance makes freed records reusable about once a second
MAX_FILLER = 256 * 1024 * 1024
_MARGIN = 64 * 1024
_UNITS = {"": 1, "B": 1, "K": 1024, "KIB": 1024, "M": 1024**2, "MIB": 1024**2, "G": 1024**3, "GIB": 1024**3}

Run = Callable[[str, dict[str, Any]], list[dict[str, Any]]]


@dataclass(frozen=True)
class ScrubReport:
    """What a scrub did: indexes rebuilt, the bytes written over freed records, whether that passed the
    log's rotation size (so the erasure's log can be pruned) and covered every byte the erasure freed."""

    indexes: int
    filler_bytes: int
    rotates_log: bool
    covers_freed: bool


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


def filler_chunks(freed_bytes: int, rotation_bytes: int) -> list[int]:
    """Sizes of the filler values: together enough to reuse every freed string record and to pass
    the log's rotation size, at most MAX_FILLER."""
    total = min(max(freed_bytes, rotation_bytes) + _MARGIN, MAX_FILLER)
    return [min(CHUNK, total - start) for start in range(0, total, CHUNK)]


def scrub(run: Run, freed_bytes: int, pause: Callable[[float], None] = time.sleep) -> ScrubReport:
    """Rebuild the name indexes, write fillers over the freed records and delete them, then tick
    once more: each step its own auto-committed transaction through `run(cypher, params)`."""
    pairs = rebuild_statements()
    for drop, create in pairs:
        run(drop, {})
        run(create, {})
    run(q.AWAIT_INDEXES, {})
    found = run(ROTATION_SIZE, {})
    rotation = parse_size(str(found[0]["value"])) if found else MAX_FILLER
    ids: list[str] = []
    for size in filler_chunks(freed_bytes, rotation):
        if ids:
            pause(ID_REUSE_DELAY)
        ids.append(secrets.token_hex(8))
        run(CREATE_FILLER, {"id": ids[-1], "pad": "." * size})
    run(DELETE_FILLERS, {})
    run(TICK, {})
    written = sum(filler_chunks(freed_bytes, rotation))
    return ScrubReport(
        indexes=len(pairs), filler_bytes=written, rotates_log=written > rotation, covers_freed=written >= freed_bytes
    )
