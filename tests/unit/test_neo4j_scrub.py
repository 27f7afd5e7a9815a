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
    free_list_bytes,
    parse_size,
    rebuild_statements,
    written_extent,
)

ROOT = Path(__file__).resolve().parents[2]
ERASURE_SETTINGS = {
    "db.tx_log.rotation.retention_policy": "false",
    "db.tx_log.rotation.size": "1M",
    "db.checkpoint.interval.time": "10s",
    "internal.dbms.strictly_prioritize_id_freelist": "true",
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


def test_the_filler_covers_the_free_list_and_what_the_erasure_freed_together() -> None:
    assert sum(filler_chunks(3 * 1024**2, 1024**2, free_list=5 * 1024**2)) >= 8 * 1024**2
    assert sum(filler_chunks(100, 1024**2, free_list=0)) == sum(filler_chunks(100, 1024**2))


def test_a_store_file_is_written_up_to_its_last_non_zero_byte(tmp_path: Path) -> None:
    store = tmp_path / "strings"
    store.write_bytes(b"\0" * 300 + b"x" * 5 + b"\0" * 7 + b"y" + b"\0" * 5000)
    assert written_extent(store, block=64) == 313
    store.write_bytes(b"\0" * 4096)
    assert written_extent(store, block=64) == 0


def test_the_free_list_is_the_written_records_less_those_of_the_strings_in_use(tmp_path: Path) -> None:
    store = tmp_path / "data" / "databases" / "graphs" / "neostore.propertystore.db.strings"
    store.parent.mkdir(parents=True)
    store.write_bytes(b"x" * (128 * 10 + 1) + b"\0" * 1024)  # 11 records written, the last one in part
    answers = {"server.directories.data": [{"value": str(tmp_path / "data")}], "db.info": [{"name": "graphs"}]}

    def run(cypher: str, _params: dict[str, object]) -> list[dict[str, object]]:
        if "MATCH" in cypher:
            return [{"live": 4}]  # records of the strings in use
        return next(rows for key, rows in answers.items() if key in cypher)

    assert free_list_bytes(run) == (11 - 4) * 120
    answers["server.directories.data"] = [{"value": str(tmp_path / "elsewhere")}]
    assert free_list_bytes(run) is None  # the server's files are not on this machine
    assert free_list_bytes(run, server_files=tmp_path / "data") == (11 - 4) * 120  # a mounted volume


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
