"""`samkarta review`: the review queue on the command line, on the embedded store: listed by kind,
items accepted and rejected by id, each decision undone by the id it printed, unknown ids named."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from samkarta.cli import app
from samkarta.samples import sample_dir
from tests.contract.minutes import PAIR_MINUTES

runner = CliRunner()


def _listed(store: str, *args: str) -> list[dict]:
    answer = runner.invoke(app, ["review", "list", "--threshold", "1", "--store", store, "--json", *args])
    assert answer.exit_code == 0, answer.output
    return json.loads(answer.stdout)


def _decided(store: str, decision: str, item: str) -> str:
    """Decide an item; the id its undo takes (printed as the command to run)."""
    answer = runner.invoke(
        app, ["review", decision, item, "--reason", "granskat", "--by", "Anna Berg", "--store", store]
    )
    assert answer.exit_code == 0, answer.output
    assert "(by Anna Berg)" in answer.stdout
    return answer.stdout.split("undo with: samkarta review undo ")[1].strip()


def test_the_queue_is_listed_by_kind_and_in_order(tmp_path: Path) -> None:
    store = f"sqlite:///{tmp_path / 'g.db'}"
    assert runner.invoke(app, ["ingest", str(sample_dir()), "--store", store]).exit_code == 0
    every = _listed(store)
    assert {i["kind"] for i in every} == {"fact", "entity_merge"}
    assert [i["impact"] for i in every] == sorted((i["impact"] for i in every), reverse=True)
    facts = _listed(store, "--kind", "fact")
    bodies = _listed(store, "--kind", "body")
    organisations = _listed(store, "--kind", "organisation")
    assert facts == [i for i in every if i["kind"] == "fact"] and facts
    assert bodies == [i for i in every if i.get("label") == "Network"]
    assert organisations == [i for i in every if i.get("label") == "Organization"]
    assert len(facts) + len(bodies) + len(organisations) == len(every)
    assert _listed(store, "--kind", "body", "--kind", "organisation") == [i for i in every if i["kind"] != "fact"]
    text = runner.invoke(app, ["review", "list", "--threshold", "1", "--store", store]).stdout.splitlines()
    assert [line.split()[0] for line in text] == [i["id"] for i in every]
    assert f"confidence {facts[0]['confidence']:.2f}" in text[[i["id"] for i in every].index(facts[0]["id"])]
    bad = runner.invoke(app, ["review", "list", "--kind", "people", "--store", store])
    assert bad.exit_code == 2 and "--kind: people is not one of fact, person, body, organisation" in bad.stderr


def test_items_are_accepted_rejected_and_undone_by_id(tmp_path: Path) -> None:
    store = f"sqlite:///{tmp_path / 'g.db'}"
    assert runner.invoke(app, ["ingest", str(sample_dir()), "--store", store]).exit_code == 0
    before = [i["id"] for i in _listed(store)]
    fact = next(i for i in _listed(store, "--kind", "fact") if i["can_reject"])
    candidate = _listed(store, "--kind", "body", "--kind", "organisation")[0]
    for decision, item, stored in (
        ("accept", fact, "review-"),
        ("reject", fact, "correction-"),
        ("reject", candidate, "review-"),
        ("accept", candidate, "entityjudgement-"),
    ):
        undo = _decided(store, decision, item["id"])
        assert undo.startswith(stored) and item["id"] not in {i["id"] for i in _listed(store)}
        done = runner.invoke(app, ["review", "undo", undo, "--reason", "fel", "--by", "Per Lind", "--store", store])
        assert done.exit_code == 0 and done.stdout.startswith(f"undid {undo}") and "(by Per Lind)" in done.stdout
        assert [i["id"] for i in _listed(store)] == before, (decision, item["id"])
        again = runner.invoke(app, ["review", "undo", undo, "--store", store])
        assert again.exit_code == 2 and ("already undone" in again.stderr or "nothing to undo" in again.stderr)
    reviews = json.loads(runner.invoke(app, ["stats", "--store", store, "--json"]).stdout)
    assert reviews["nodes"]  # the store still answers after every decision and undo


def test_unknown_ids_and_wrong_decisions_are_clear_errors(tmp_path: Path) -> None:
    store = f"sqlite:///{tmp_path / 'g.db'}"
    assert runner.invoke(app, ["ingest", str(sample_dir()), "--store", store]).exit_code == 0
    for decision in ("accept", "reject"):
        unknown = runner.invoke(app, ["review", decision, "review-0123456789abcdef", "--store", store])
        assert unknown.exit_code == 2
        assert "error: no item 'review-0123456789abcdef' in the review queue" in unknown.stderr
    for judgement in ("review-0123456789abcdef", "correction-0123456789abcdef", "merge-42"):
        unknown = runner.invoke(app, ["review", "undo", judgement, "--store", store])
        assert unknown.exit_code == 2 and f"'{judgement}'" in unknown.stderr, unknown.output
    meeting = next(i for i in _listed(store, "--kind", "fact") if not i["can_reject"])
    refused = runner.invoke(app, ["review", "reject", meeting["id"], "--store", store])
    assert refused.exit_code == 2 and f"decision: {meeting['id']} is a meeting's {meeting['field']}" in refused.stderr


def test_a_person_pair_is_decided_undone_and_its_history_listed(tmp_path: Path) -> None:
    store = f"sqlite:///{tmp_path / 'g.db'}"
    (tmp_path / "pair").mkdir()
    for name, text in PAIR_MINUTES.items():
        (tmp_path / "pair" / name).write_text(text, encoding="utf-8")
    assert runner.invoke(app, ["ingest", str(tmp_path / "pair"), "--store", store]).exit_code == 0
    (pair,) = _listed(store, "--kind", "person")
    made = _decided(store, "reject", pair["id"])
    assert made.startswith("review-") and _listed(store, "--kind", "person") == []
    undone = runner.invoke(app, ["review", "undo", made, "--by", "Per Lind", "--store", store])
    assert undone.exit_code == 0 and f"undid {made}" in undone.stdout, undone.output
    assert _listed(store, "--kind", "person") == [pair]
    shown = runner.invoke(app, ["review", "history", "--node", pair["sides"][0]["id"], "--store", store, "--json"])
    history = json.loads(shown.stdout)
    assert [(r["op"], r["decision"], r["decided_by"]) for r in history] == [
        ("person", "rejected", "Anna Berg"),
        ("undo", "rejected", "Per Lind"),
    ]
    text = runner.invoke(app, ["review", "history", "--store", store]).stdout.splitlines()
    assert [line.split()[0] for line in text] == [r["id"] for r in history]
    again = runner.invoke(app, ["review", "undo", made, "--by", "Per Lind", "--store", store])
    assert again.exit_code != 0 and "already undone" in again.output
