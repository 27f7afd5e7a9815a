"""The writers registry: tokens shown once, stored as hashes, in a file only its owner reads."""

from __future__ import annotations

import hashlib
import stat
from pathlib import Path

import pytest

from samkarta.errors import AppError, InvalidInput, NotFound
from samkarta.settings import Settings
from samkarta.writers import API_TOKEN_WRITER, Writers, writer_of, writes_enabled


@pytest.fixture
def writers(tmp_path: Path) -> Writers:
    return Writers.in_dir(tmp_path / "data")


def test_each_writer_is_known_by_its_own_token(writers: Writers) -> None:
    anna, ci = writers.add("Anna Berg"), writers.add("ci-skript")
    assert anna != ci and len(anna) >= 40
    assert writers.name_of(anna) == "Anna Berg" and writers.name_of(ci) == "ci-skript"
    assert writers.name_of(anna[:-1]) is None and writers.name_of("") is None
    assert [w.name for w in writers.entries()] == ["Anna Berg", "ci-skript"]
    assert all(w.added.startswith("20") for w in writers.entries())


def test_the_file_holds_a_hash_of_the_token_never_the_token_and_only_its_owner_reads_it(writers: Writers) -> None:
    token = writers.add("Anna Berg")
    text = writers.path.read_text(encoding="utf-8")
    assert token not in text
    assert hashlib.sha256(token.encode()).hexdigest() in text
    assert stat.S_IMODE(writers.path.stat().st_mode) == 0o600
    writers.add("ci-skript")  # rewritten, still private, and no temporary file is left beside it
    assert stat.S_IMODE(writers.path.stat().st_mode) == 0o600
    assert [p.name for p in writers.path.parent.iterdir()] == ["writers.json"]


def test_a_removed_writer_no_longer_writes_and_the_others_still_do(writers: Writers) -> None:
    anna, ci = writers.add("Anna Berg"), writers.add("ci-skript")
    writers.remove("Anna Berg")
    assert writers.name_of(anna) is None and writers.name_of(ci) == "ci-skript"
    with pytest.raises(NotFound, match="no writer named 'Anna Berg'"):
        writers.remove("Anna Berg")


@pytest.mark.parametrize("name", ["", "x" * 61, "tab\there", "rad\nbrytning", " kant", "kant ", "API-token"])
def test_names_are_one_to_sixty_printable_characters_and_not_the_api_tokens(writers: Writers, name: str) -> None:
    with pytest.raises(InvalidInput):
        writers.add(name)
    assert writers.entries() == []


def test_a_name_is_taken_once_whatever_its_case(writers: Writers) -> None:
    writers.add("Åsa Öberg")
    writers.add("x" * 60)
    with pytest.raises(InvalidInput, match="exists already"):
        writers.add("åsa öberg")
    assert [w.name for w in writers.entries()] == ["Åsa Öberg", "x" * 60]


def test_a_damaged_registry_is_a_clear_error_not_an_open_door(writers: Writers) -> None:
    writers.path.parent.mkdir(parents=True)
    writers.path.write_text('{"writers": [{"name": "x"}]}', encoding="utf-8")
    with pytest.raises(AppError, match="writers.json"):
        writers.name_of("anything")


def test_the_api_token_is_one_writer_and_no_token_no_writes(tmp_path: Path) -> None:
    plain = Settings(SAMKARTA_DATA_DIR=str(tmp_path))
    assert not writes_enabled(plain) and writer_of(plain, "") is None
    with_token = Settings(SAMKARTA_DATA_DIR=str(tmp_path), SAMKARTA_API_TOKEN="test-token-0123456789")
    assert writes_enabled(with_token)
    assert writer_of(with_token, "test-token-0123456789") == API_TOKEN_WRITER
    assert writer_of(with_token, "test-token-012345678") is None
    token = Writers.in_dir(tmp_path).add("Anna Berg")
    assert writes_enabled(plain) and writer_of(plain, token) == "Anna Berg" and writer_of(with_token, token)
