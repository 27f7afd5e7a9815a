"""`samkarta correct person|text|kind|target|add`: a person's spelling, affiliation and roles at a
meeting, a decision edited and reclassified, a handoff sent on, an action added with its quote;
each in the fact's history, undone, and carried by `curation export`."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from samkarta.cli import app

runner = CliRunner()
MINUTES = (
    "Protokoll 2024-03-05\nStyrgruppen för trygghet\nNärvarande: Anna Berg, Mora; Per Ek, Falun\n\n"
    "1. Budget\nPer Ek redovisar läget för trygghetsarbetet i länet.\nStyrgruppen beslutade\natt anta budgeten.\n"
)


def run(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def test_correct_edits_a_person_an_outcome_and_adds_one_with_history_undo_and_curation(
    tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setenv("LOGNAME", "anna")
    store = f"sqlite:///{tmp_path / 'g.db'}"
    minutes = tmp_path / "styrgrupp.txt"
    minutes.write_text(MINUTES, encoding="utf-8")
    run("ingest", str(minutes), "--store", store)
    facts = json.loads(run("correct", "facts", str(minutes), "--store", store, "--json"))["facts"]
    per = next(f["id"] for f in facts if f["kind"] == "attendance" and f["text"] == "Per Ek")
    [decision] = [f["id"] for f in facts if f["kind"] == "decision"]

    out = run("correct", "person", str(minutes), per, "--name", "Per Eek", "--roles", "chair,present", "--store", store)
    assert f"attendance {per}: name = Per Eek (by anna)" in out and "roles = chair, present" in out
    refused = runner.invoke(app, ["correct", "person", str(minutes), per, "--roles", "boss", "--store", store])
    assert refused.exit_code != 0 and "roles" in refused.output
    run("correct", "text", str(minutes), decision, "Styrgruppen antar budgeten", "--store", store)
    no_target = runner.invoke(app, ["correct", "kind", str(minutes), decision, "handoff", "--store", store])
    assert no_target.exit_code != 0 and "to: a handoff needs" in no_target.output
    out = run("correct", "kind", str(minutes), decision, "handoff", "--to", "Länsstyrgruppen", "--store", store)
    assert "target = Länsstyrgruppen" in out and "kind = handoff" in out
    run("correct", "target", str(minutes), decision, "Socialchefsnätverket", "--by", "Bo Ek", "--store", store)
    quote = "Per Ek redovisar läget för trygghetsarbetet i länet."
    action = ["correct", "add", str(minutes), "action", "Skicka läget till länet", "--quote", quote]
    added = run(*action, "--assignee", "Anna Berg", "--store", store)
    assert "added = true" in added and "assignee = Anna Berg" in added
    missing = runner.invoke(
        app, ["correct", "add", str(minutes), "decision", "Något", "--quote", "Står inte här.", "--store", store]
    )
    assert missing.exit_code != 0 and "quote: not found in the document" in missing.output

    now = {f["id"]: f for f in json.loads(run("correct", "facts", str(minutes), "--store", store, "--json"))["facts"]}
    assert (now[per]["current"]["name"], now[per]["current"]["roles"]) == ("Per Eek", "chair, present")
    assert now[decision]["current"] | {} == {
        "text": "Styrgruppen antar budgeten",
        "kind": "handoff",
        "assignee": None,
        "target": "Socialchefsnätverket",
    }
    [action] = [f for f in now.values() if f["added"]]
    assert (action["kind"], action["current"]["assignee"]) == ("action", "Anna Berg")
    stats = json.loads(run("stats", "--store", store, "--json"))
    assert stats["nodes"].get("Decision", 0) == 0 and stats["nodes"]["Action"] == 1
    assert stats["relationships"]["HANDED_OFF"] == 1

    history = run("correct", "history", decision, "--store", store)
    assert [line.split("  ")[1] for line in history.splitlines()] == [
        "anna: text = Styrgruppen antar budgeten",
        "anna: target = Länsstyrgruppen",
        "anna: kind = handoff",
        "Bo Ek: target = Socialchefsnätverket",
    ]
    kind_id = json.loads(run("correct", "history", decision, "--store", store, "--json"))[2]["id"]
    run("correct", "undo", kind_id, "--store", store)
    stats = json.loads(run("stats", "--store", store, "--json"))
    assert stats["nodes"]["Decision"] == 1 and stats["relationships"].get("HANDED_OFF", 0) == 0

    exported = tmp_path / "curation.jsonl"
    run("curation", "export", str(exported), "--store", store)
    lines = [json.loads(line) for line in exported.read_text(encoding="utf-8").splitlines()]
    assert [line["field"] for line in lines] == [
        "name",
        "roles",
        "text",
        "target",
        "kind",
        "target",
        "added",
        "assignee",
        "kind",
    ]
    other = f"sqlite:///{tmp_path / 'other.db'}"
    run("ingest", str(minutes), "--store", other)
    assert "9 judgements applied" in run("curation", "import", str(exported), "--store", other)
    assert "0 judgements applied, 9 unchanged" in run("curation", "import", str(exported), "--store", other)
    assert json.loads(run("stats", "--store", other, "--json")) == json.loads(run("stats", "--store", store, "--json"))
