"""The pieces of the Neo4j scrub after an erasure that need no server: sizes, the index rebuild, and
the server settings Samkarta ships (the scrub works only with them; tests/integration has the rest)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from samkarta.graph import cypher as q
from samkarta.graph.neo4j_scrub import (
    CHUNK,
    MAX_FILLER,
    NAME_INDEXES,
    filler_chunks,
    parse_size,
    rebuild_statements,
)

ROOT = Path(__file__).resolve().parents[2]
ERASURE_SETTINGS = {
    "db.tx_log.rotation.retention_policy": "false",
    "db.tx_log.rotation.size": "1M",
    "db.checkpoint.interval.time": "10s",
}


@pytest.mark.parametrize(
    ("shown", "size"), [("1.00MiB", 1024**2), ("256M", 256 * 1024**2), ("131072", 131072), ("128.00KiB", 131072)]
)
def test_a_size_setting_reads_as_shown_by_the_server(shown: str, size: int) -> None:
    assert parse_size(shown) == size


def test_a_size_that_is_not_one_is_refused_with_the_value() -> None:
    with pytest.raises(ValueError, match="'lots'"):
        parse_size("lots")


def test_the_filler_passes_the_rotation_size_and_covers_what_was_freed_in_chunks() -> None:
    assert sum(filler_chunks(100, 1024**2)) > 1024**2
    big = filler_chunks(20 * 1024**2, 1024**2)
    assert sum(big) >= 20 * 1024**2 and max(big) == CHUNK and len(big) == -(-(20 * 1024**2 + 64 * 1024) // CHUNK)
    assert sum(filler_chunks(10 * MAX_FILLER, 1024**2)) == MAX_FILLER


def test_every_name_index_is_dropped_and_created_again_as_the_schema_defines_it() -> None:
    pairs = rebuild_statements()
    assert len(pairs) == len(NAME_INDEXES)
    for (drop, create), name in zip(pairs, NAME_INDEXES, strict=True):
        assert drop.startswith("DROP ") and drop.endswith(f" {name} IF EXISTS")
        assert create in q.schema_statements() and name in create
    assert "DROP CONSTRAINT sk_alias_key IF EXISTS" in [d for d, _ in pairs]


def test_the_dev_server_and_docker_compose_ship_the_settings_the_scrub_relies_on() -> None:
    conf = {}
    for line in (ROOT / "scripts" / "neo4j" / "neo4j.conf").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            key, value = line.split("=", 1)
            conf[key.strip()] = value.strip()
    env = yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))["services"]["neo4j"]["environment"]
    for setting, value in ERASURE_SETTINGS.items():
        assert conf[setting] == value, setting
        # the image's convention: dots become "_", underscores "__"
        assert str(env["NEO4J_" + setting.replace("_", "__").replace(".", "_")]) == value, setting
