"""Neo4j writes a corrected document as a difference (graph/neo4j_rewrite.py), and the store then
holds exactly what deleting the document and writing it whole again left: the same random sequences
of ingests, corrections, fact edits, undos, entity judgements, merge decisions and erasures are run
once each way, and every node and relationship with all its properties compared."""

from __future__ import annotations

import itertools
import json
import random
import shutil
from pathlib import Path
from typing import Any

import pytest

from samkarta import corrections as fix
from samkarta import entities, fact_edits, review
from samkarta.graph.neo4j_store import Neo4jStore
from samkarta.samples import sample_dir
from tests.contract.entities_contract import MINUTES as MINUTES_WITH_PROJECT
from tests.contract.entities_contract import OTHER
from tests.contract.incremental_contract import BY, _World
from tests.contract.minutes import MINUTES

pytestmark = pytest.mark.neo4j


class _EditingWorld(_World):
    """The incremental contract's steps, and a person's spelling, affiliation and roles and an
    outcome's text and kind corrected (the fact edits)."""

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.steps["edit"] = self.edit
        self.weights.append(5)

    def edit(self) -> str:
        doc = self.rng.choice(self.store.documents()).id
        facts = [s for s in fix.document_facts(self.store, doc).facts if not s.wrong]
        people = [s for s in facts if s.fact.kind == "attendance"]
        outcomes = [s for s in facts if s.fact.kind in ("decision", "action", "handoff")]
        if people and (not outcomes or self.rng.random() < 0.5):
            state = self.rng.choice(people)
            values = self.rng.choice(
                [{"name": "Kerstin Ekdahl"}, {"affiliation": "Falu kommun"}, {"roles": "chair"}, {"name": "Nils Berg"}]
            )
        elif outcomes:
            state = self.rng.choice(outcomes)
            values = self.rng.choice([{"text": "Ny lydelse av beslutet"}, {"kind": "action"}, {"kind": "decision"}])
        else:
            return "no facts"
        fix.correct_fields(self.store, doc, state.fact.id, values, **BY)
        return f"{state.fact.kind} {values}"


def _dump(store: Neo4jStore) -> dict[str, list[str]]:
    """Every node (but the version counter and tombstones, keyed by a random secret) and every
    relationship, with labels and all properties."""
    nodes = store._query(
        "MATCH (n) WHERE NOT n:Sk_Meta AND NOT n:Sk_Tombstone RETURN labels(n) AS labels, properties(n) AS props"
    )
    rels = store._query("MATCH (a)-[r]->(b) RETURN type(r) AS type, a.id AS a, b.id AS b, properties(r) AS props")
    for row in nodes:
        row["labels"] = sorted(row["labels"])
    return {
        name: sorted(json.dumps(r, sort_keys=True, default=str, ensure_ascii=False) for r in rows)
        for name, rows in (("nodes", nodes), ("relationships", rels))
    }


def _run(store: Neo4jStore, folder: Path, seed: int, monkeypatch: pytest.MonkeyPatch) -> tuple[dict, list[str]]:
    store.wipe()
    shutil.rmtree(folder, ignore_errors=True)  # the same paths both times: document ids hash them
    folder.mkdir()
    clock = itertools.count()
    stamp = lambda: f"2026-01-01T00:00:00.{next(clock):06d}+00:00"  # noqa: E731 - ids hash the time
    for module in (fix, entities, fact_edits, review):
        monkeypatch.setattr(module, "now", stamp, raising=False)
    samples = sorted(sample_dir().glob("*.txt"))
    variant = OTHER.replace("Torbjörn Wahlgren", "T. Wahlgren").replace("Lisa Holm", "Agneta Lövgrén")
    texts = [MINUTES, MINUTES_WITH_PROJECT, OTHER, variant] + [p.read_text(encoding="utf-8") for p in samples[:6]]
    world = _EditingWorld(store, folder, texts, random.Random(seed))
    steps = [world.step() for _ in range(30)]
    return _dump(store), steps


@pytest.mark.parametrize("seed", [1, 4])
def test_the_difference_leaves_what_deleting_and_writing_again_left(
    neo4j_uri: str, neo4j_auth: tuple[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seed: int
) -> None:
    store = Neo4jStore.connect(neo4j_uri, *neo4j_auth)
    rewrite = Neo4jStore._rewrite_document
    used: list[bool] = []

    def counted(self: Neo4jStore, *args: Any) -> int | None:
        created = rewrite(self, *args)
        used.append(created is not None)
        return created

    try:
        with monkeypatch.context() as whole:
            whole.setattr(Neo4jStore, "_rewrite_document", lambda *_: None)  # as before: delete, write all
            before, steps = _run(store, tmp_path / "minutes", seed, whole)
        with monkeypatch.context() as diff:
            diff.setattr(Neo4jStore, "_rewrite_document", counted)
            after, steps_after = _run(store, tmp_path / "minutes", seed, diff)
    finally:
        store.wipe()
        store.close()
    assert steps_after == steps
    assert sum(used) >= 10, (used, steps)  # the difference was written, not the fallback
    assert {s.split()[0] for s in steps} >= {"correct", "edit", "ingest"}, steps
    for part in ("nodes", "relationships"):
        missing = sorted(set(before[part]) - set(after[part]))
        extra = sorted(set(after[part]) - set(before[part]))
        assert (missing, extra) == ([], []), (part, steps)
    assert before == after
