"""Edits of the facts of a meeting on every store: a person's spelling, affiliation and roles at the
meeting; a decision's, action's or handoff's text, kind and target; decisions, actions and handoffs
added with their quote. Each shows in the graph, can be undone, survives re-ingest and
re-extraction, is listed when its anchor is gone, and travels as curation lines. StoreContract
inherits this, so the SQLite and the Neo4j store both run it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from samkarta import corrections as fix
from samkarta.curation import export_lines, import_judgements, parse_lines
from samkarta.errors import Conflict, InvalidInput
from samkarta.fact_edits import add_fact, attendances
from samkarta.graph.batch import document_id
from samkarta.graph.store import GraphStore
from samkarta.ingest import ingest_files
from samkarta.queries import questions
from samkarta.queries.view import GraphView
from tests.contract.corrections_contract import (
    CorrectionsContract,
    edges,
    kept_through_changes,
    names,
    store_elsewhere,
)
from tests.contract.minutes import MINUTES
from tests.contract.review_contract import RUG_MINUTES

SENTENCE = "Agneta Lövgren informerar om länets kampanj för familjehemmen."
ACTION = "Torbjörn ska ta med sig frågan om gemensam annonsering till Socialchefsnätverket"


def nodes(store: GraphStore, label: str) -> list[dict[str, Any]]:
    return [d for _, d in store.graph({label}).nodes(data=True)]


def edges_in(store: GraphStore, rtype: str, doc_id: str) -> set[tuple[str, str]]:
    """(source name, target name) of the relationships of one type one document gives."""
    g = store.graph()
    return {
        (g.nodes[a]["name"], g.nodes[b]["name"])
        for a, b, d in g.edges(data=True)
        if d["type"] == rtype and d["doc_id"] == doc_id
    }


def texts(store: GraphStore, label: str) -> set[str]:
    return {d.get("text") or d["name"] for d in nodes(store, label)}


class FactEditsContract(CorrectionsContract):
    """On CorrectionsContract's minutes (the `minutes` fixture: the store, the file, the document id)."""

    def test_a_persons_spelling_affiliation_and_roles_at_a_meeting_are_corrected(self, minutes, tmp_path) -> None:
        store, _, doc = minutes
        other = tmp_path / "april.txt"  # another meeting names her as she is spelled elsewhere
        other.write_text(MINUTES.replace("2023-03-09", "2023-04-13").replace("Lövgren", "Berglund"), "utf-8")
        assert ingest_files(store, [other]).ingested == 1
        assert {"Agneta Lövgren", "Agneta Berglund"} <= names(store, "Person")
        agneta = self.fact(store, doc, "attendance", "Agneta")
        made = fix.correct(store, doc, agneta, "name", "Agneta Berglund", reason="gift", by="Anna Berg")
        assert (made.field, made.value, made.text, made.decided_by) == (
            "name",
            "Agneta Berglund",
            "Agneta Lövgren",
            "Anna Berg",
        )
        assert "Agneta Lövgren" not in names(store, "Person")  # she resolves like any name: one person now
        attended = [(p, m) for p, m in edges(store, "ATTENDED") if p == "Agneta Berglund"]
        assert len(attended) == 2, attended
        fredrik = self.fact(store, doc, "attendance", "Fredrik")
        fix.correct(store, doc, fredrik, "affiliation", "västerås", by="Anna Berg")  # found in the reference data
        represents = {(p, a) for p, a in edges_in(store, "REPRESENTS", doc) if p == "Fredrik Ödman"}
        assert represents == {("Fredrik Ödman", "Västerås")}
        fix.correct(store, doc, fredrik, "roles", "secretary, present", by="Anna Berg")
        g = store.graph({"Person", "Meeting"}, {"ATTENDED"})
        roles = [
            d["roles"] for a, _, d in g.edges(data=True) if g.nodes[a]["name"] == "Fredrik Ödman" and d["doc_id"] == doc
        ]
        assert roles == [["present", "secretary"]]
        state = fix.document_facts(store, doc).fact(fredrik)
        _, now = fix.values_of(fix.document_facts(store, doc), state)
        assert (now["affiliation"], now["roles"]) == ("Västerås", "present, secretary")
        with pytest.raises(Conflict):
            fix.correct(store, doc, fredrik, "roles", "present, secretary", by="Anna Berg")  # a repeat
        with pytest.raises(InvalidInput, match="roles"):
            fix.correct(store, doc, fredrik, "roles", "ordförande", by="Anna Berg")
        with pytest.raises(InvalidInput, match="field"):
            fix.correct(store, doc, fredrik, "text", "Fredrik", by="Anna Berg")
        found = attendances(store, next(i for i, lab, n in store.names() if n == "Fredrik Ödman"), {"Fredrik Ödman"})
        assert {a.info.id: a.now["roles"] for a in found} == {
            doc: "present, secretary",
            document_id(str(other)): "present",
        }
        assert len(fix.history(store, fredrik)) == 2

    def test_a_decision_action_or_handoff_is_edited_reclassified_and_sent_elsewhere(self, minutes) -> None:
        store, _, doc = minutes
        decision = self.fact(store, doc, "decision")
        fix.correct(store, doc, decision, "text", "Länsgruppen ställer sig bakom kampanjen", by="Anna Berg")
        assert texts(store, "Decision") == {"Länsgruppen ställer sig bakom kampanjen"}
        fix.correct(store, doc, decision, "kind", "action", by="Anna Berg")
        assert nodes(store, "Decision") == []
        [moved] = [d for d in nodes(store, "Action") if d["text"] == "Länsgruppen ställer sig bakom kampanjen"]
        assert moved["quote"] == "att ställa sig bakom kampanjen."  # the evidence still leads to the minutes
        fix.correct(store, doc, decision, "assignee", "Fredrik Ödman", by="Anna Berg")
        assert ("Länsgruppen ställer sig bakom kampanjen", "Fredrik Ödman") in edges(store, "ASSIGNED_TO")
        with pytest.raises(InvalidInput, match="to"):
            fix.correct(store, doc, decision, "kind", "handoff", by="Anna Berg")  # a handoff goes somewhere
        made = fix.correct_fields(store, doc, decision, {"kind": "handoff", "target": "Familjehemsgruppen"}, by="Bo Ek")
        assert [c.field for c in made] == ["target", "kind"]
        assert "Familjehemsgruppen" in {b for _, b in edges(store, "HANDED_OFF")}
        assert all(d["text"] != "Länsgruppen ställer sig bakom kampanjen" for d in nodes(store, "Action"))
        handoff = self.fact(store, doc, "handoff")
        fix.correct(store, doc, handoff, "target", "IFO-chefsnätverket", by="Bo Ek")
        targets = {b for _, b in edges(store, "HANDED_OFF")}
        assert targets == {"Familjehemsgruppen", "IFO-chefsnätverket"}, targets
        with pytest.raises(Conflict):
            fix.correct(store, doc, handoff, "target", "IFO-chefsnätverket", by="Bo Ek")
        with pytest.raises(InvalidInput, match="kind"):
            fix.correct(store, doc, handoff, "kind", "protokoll", by="Bo Ek")
        with pytest.raises(Conflict):  # its target cannot go while it is a handoff only by reclassification
            fix.undo(store, made[0].id, by="Bo Ek")
        fix.undo(store, made[1].id, by="Bo Ek")  # a decision again, as the minutes say, with the edited text
        assert texts(store, "Decision") == {"Länsgruppen ställer sig bakom kampanjen"}
        assert {b for _, b in edges(store, "HANDED_OFF")} == {"IFO-chefsnätverket"}
        history = fix.history(store, decision)
        assert [c.field for c in history] == ["text", "kind", "assignee", "target", "kind", "kind"]

    def test_a_decision_action_or_handoff_the_minutes_miss_is_added_with_its_quote(self, minutes) -> None:
        store, _, doc = minutes
        made = add_fact(store, doc, "decision", "Kampanjen ska pågå året ut", SENTENCE, by="Anna Berg")
        [added] = made
        assert (added.field, added.fact_kind, added.quote, added.decided_by) == (
            "added",
            "decision",
            SENTENCE,
            "Anna Berg",
        )
        [node] = [d for d in nodes(store, "Decision") if d["text"] == "Kampanjen ska pågå året ut"]
        assert node["quote"] == SENTENCE and MINUTES[node["start"] : node["end"]] == SENTENCE
        wrapped = "Agneta Lövgren informerar om\n  länets kampanj"  # spacing and line breaks differ
        handoff = add_fact(store, doc, "handoff", "Kampanjen", wrapped, to="IFO-chefsnätverket", by="Anna Berg")
        assert [c.field for c in handoff] == ["added", "target"]
        assert handoff[0].quote == "Agneta Lövgren informerar om länets kampanj"
        assert {b for _, b in edges(store, "HANDED_OFF")} == {"Socialchefsnätverket", "IFO-chefsnätverket"}
        action = add_fact(store, doc, "action", "Ta fram affischer", SENTENCE, assignee="Agneta Lövgren", by="Bo Ek")
        assert ("Ta fram affischer", "Agneta Lövgren") in edges(store, "ASSIGNED_TO")
        with pytest.raises(InvalidInput) as refused:
            add_fact(store, doc, "decision", "Något", "Ingen sådan mening finns.", by="Anna Berg")
        assert refused.value.source == "quote"
        with pytest.raises(InvalidInput) as refused:
            add_fact(store, doc, "handoff", "Annonsering", SENTENCE, by="Anna Berg")
        assert refused.value.source == "to"
        with pytest.raises(Conflict):
            add_fact(store, doc, "decision", "Kampanjen ska pågå året ut", SENTENCE, by="Anna Berg")  # a repeat
        fix.correct(store, doc, action[0].fact, "text", "Ta fram affischer och flygblad", by="Bo Ek")
        assert "Ta fram affischer och flygblad" in texts(store, "Action")
        fix.undo(store, added.id, by="Bo Ek")
        assert "Kampanjen ska pågå året ut" not in texts(store, "Decision")
        assert [c.field for c in fix.history(store, added.fact)] == ["added", "added"]
        assert [c.field for c in fix.history(store, action[0].fact)] == ["added", "assignee", "text"]
        assert fix.orphaned(store) == []

    def test_edits_survive_re_ingest_a_changed_document_and_re_extraction(self, minutes, monkeypatch) -> None:
        store, path, doc = minutes
        by = {"by": "Anna Berg"}
        fix.correct(store, doc, self.fact(store, doc, "attendance", "Agneta"), "name", "Agneta Löwgren", **by)
        fix.correct(store, doc, self.fact(store, doc, "attendance", "Fredrik"), "roles", "chair", **by)
        fix.correct(store, doc, self.fact(store, doc, "decision"), "kind", "action", **by)
        fix.correct(store, doc, self.fact(store, doc, "handoff"), "target", "IFO-chefsnätverket", **by)
        add_fact(store, doc, "decision", "Kampanjen ska pågå året ut", SENTENCE, **by)

        def still_edited() -> bool:
            g = store.graph({"Person", "Meeting"}, {"ATTENDED"})
            roles = {g.nodes[a]["name"]: d["roles"] for a, _, d in g.edges(data=True)}
            decisions = {d["text"]: d["quote"] for d in nodes(store, "Decision")}
            return (
                "Agneta Löwgren" in names(store, "Person")
                and "Agneta Lövgren" not in names(store, "Person")
                and roles.get("Fredrik Ödman") == ["chair"]
                and decisions == {"Kampanjen ska pågå året ut": SENTENCE}
                and any(d["quote"] == "att ställa sig bakom kampanjen." for d in nodes(store, "Action"))
                and {b for _, b in edges(store, "HANDED_OFF")} == {"IFO-chefsnätverket"}
            )

        assert still_edited()
        store.delete_document(doc)
        assert ingest_files(store, [path]).ingested == 1 and still_edited()  # ingested anew
        kept_through_changes(store, path, doc, still_edited, monkeypatch)

    def test_an_edit_whose_anchor_is_gone_is_listed_as_orphaned_until_undone(self, minutes) -> None:
        store, path, doc = minutes
        [added] = add_fact(store, doc, "decision", "Kampanjen ska pågå året ut", SENTENCE, by="Anna Berg")
        renamed = fix.correct(
            store, doc, self.fact(store, doc, "attendance", "Fredrik"), "name", "Fredrik Öd", by="A B"
        )
        text = fix.correct(store, doc, self.fact(store, doc, "decision", "kampanjen"), "text", "Ja", by="A B")
        path.write_text(MINUTES.replace(SENTENCE, "Agneta informerar.").replace(", Fredrik Ödman Köping", ""), "utf-8")
        assert ingest_files(store, [path]).replaced == 1
        orphans = fix.orphaned(store)
        assert sorted((o.correction.id, o.why) for o in orphans) == sorted(
            [(added.id, "fact not found"), (renamed.id, "fact not found")]
        )
        assert "Kampanjen ska pågå året ut" not in texts(store, "Decision")  # never applied elsewhere
        assert texts(store, "Decision") == {"Ja"}  # the others still apply
        assert text.id not in {o.correction.id for o in orphans}
        fix.undo(store, added.id, by="A B")
        assert [o.correction.id for o in fix.orphaned(store)] == [renamed.id]
        store.delete_document(doc)
        assert {o.why for o in fix.orphaned(store)} == {"document gone"}

    def test_curation_lines_carry_the_edits_and_importing_twice_changes_nothing(self, minutes, tmp_path: Path) -> None:
        store, path, doc = minutes
        by = {"by": "Anna Berg"}
        fix.correct_fields(
            store,
            doc,
            self.fact(store, doc, "attendance", "Agneta"),
            {"name": "Agneta Löwgren", "roles": "chair"},
            **by,
        )
        fix.correct(store, doc, self.fact(store, doc, "attendance", "Fredrik"), "affiliation", "Västerås", **by)
        fix.correct(store, doc, self.fact(store, doc, "decision"), "text", "Ett annat beslut", **by)
        fix.correct_fields(store, doc, self.fact(store, doc, "action"), {"kind": "handoff", "target": "RUG"}, **by)
        fix.correct(store, doc, self.fact(store, doc, "handoff", "annonsering"), "target", "IFO-chefsnätverket", **by)
        add_fact(store, doc, "action", "Ta fram affischer", SENTENCE, assignee="Fredrik Ödman", **by)
        lines = list(export_lines(store))
        assert len(lines) == 9 and {json.loads(line)["kind"] for line in lines} == {"correction"}
        with store_elsewhere(path, tmp_path) as other:
            report = import_judgements(other, parse_lines(lines, "lines"))
            assert (report.applied, report.unchanged, report.rebuilt) == (9, 0, 1)
            assert other.stats() == store.stats()
            assert names(other, "Person") == names(store, "Person")
            assert edges(other, "HANDED_OFF") == edges(store, "HANDED_OFF")
            assert edges(other, "REPRESENTS") == edges(store, "REPRESENTS")
            assert texts(other, "Action") == texts(store, "Action")
            again = import_judgements(other, parse_lines(list(export_lines(other)), "lines"))
            assert (again.applied, again.unchanged, again.rebuilt) == (0, 9, 0)
            assert other.stats() == store.stats()
        back = import_judgements(store, parse_lines(lines, "lines"))
        assert (back.applied, back.unchanged) == (0, 9)

    # -- handoffs to organisations -------------------------------------------------------------------
    @staticmethod
    def handoff_targets(store: GraphStore, doc_id: str) -> set[tuple[str, str]]:
        """(label, name) of where the document's questions went."""
        g = store.graph()
        return {
            (g.nodes[b]["label"], g.nodes[b]["name"])
            for _, b, d in g.edges(data=True)
            if d["type"] == "HANDED_OFF" and d["doc_id"] == doc_id
        }

    def test_a_handoff_is_sent_to_an_organisation_found_by_name_alias_or_reference_data(
        self, minutes, tmp_path: Path, monkeypatch
    ) -> None:
        store, path, doc = minutes
        handoff = self.fact(store, doc, "handoff")
        assert self.handoff_targets(store, doc) == {("Network", "Socialchefsnätverket")}
        made = fix.correct(store, doc, handoff, "target", "ivo", reason="en fråga för tillsynen", by="Bo Ek")
        assert (made.value, made.label) == ("Inspektionen för vård och omsorg", "Organization")  # the reference
        ivo = {("Organization", "Inspektionen för vård och omsorg")}
        assert self.handoff_targets(store, doc) == ivo
        assert "Inspektionen för vård och omsorg" not in names(store, "Network") and "ivo" not in names(
            store, "Network"
        )
        trail = questions.trail(store, GraphView(store).refresh(), "annonsering")
        assert [(h.to_label, h.to_name) for h in trail.handoffs] == [
            ("Organization", "Inspektionen för vård och omsorg")
        ]
        kept_through_changes(store, path, doc, lambda: self.handoff_targets(store, doc) == ivo, monkeypatch)

        other = tmp_path / "rug.txt"  # an organisation the reference data does not know, read elsewhere
        other.write_text(RUG_MINUTES["rug-2023-09-14.txt"], encoding="utf-8")
        assert ingest_files(store, [other]).ingested == 1
        [falun] = [i for i, label, n in store.names() if label == "Organization" and n == "Socialförvaltningen Falun"]
        handoff = self.fact(store, doc, "handoff")  # its id as the minutes read now
        made = fix.correct(store, doc, handoff, "target", "socialförvaltningen  falun", by="Bo Ek")
        assert (made.value, made.label) == ("Socialförvaltningen Falun", "Organization")
        g = store.graph()
        assert [b for _, b, d in g.edges(data=True) if d["type"] == "HANDED_OFF" and d["doc_id"] == doc] == [falun]
        assert [n for _, label, n in store.names() if n == "Socialförvaltningen Falun"] == ["Socialförvaltningen Falun"]

        fix.correct(store, doc, handoff, "target", "Region Västmanland", by="Bo Ek")  # one this document names
        g = store.graph()
        [region] = {
            b
            for _, b, d in g.edges(data=True)
            if d["type"] == "REPRESENTS" and g.nodes[b]["name"] == "Region Västmanland"
        }
        assert [b for _, b, d in g.edges(data=True) if d["type"] == "HANDED_OFF"] == [region]
        made = fix.correct(store, doc, handoff, "target", "IFO-chefsnätverket", by="Bo Ek")  # a body stays a body
        assert made.label == "" and self.handoff_targets(store, doc) == {("Network", "IFO-chefsnätverket")}
        with pytest.raises(InvalidInput) as refused:
            fix.correct(store, doc, handoff, "target", "x", by="Bo Ek")
        assert refused.value.source == "target"
        for c in reversed([c for c in fix.history(store, handoff) if c.value is not None]):
            if c.id in {s.id for s in fix.document_facts(store, doc).fact(handoff).in_force.values()}:
                fix.undo(store, c.id, by="Bo Ek")
        assert self.handoff_targets(store, doc) == {("Network", "Socialchefsnätverket")}  # as the minutes say

    def test_an_added_or_reclassified_handoff_goes_to_an_organisation_and_travels_in_curation(
        self, minutes, tmp_path: Path
    ) -> None:
        store, path, doc = minutes
        add_fact(store, doc, "handoff", "Kampanjen", SENTENCE, to="socialstyrelsen", by="Anna Berg")
        decision = self.fact(store, doc, "decision")
        made = fix.correct_fields(store, doc, decision, {"kind": "handoff", "target": "SKR"}, by="Anna Berg")
        assert [(c.field, c.value, c.label) for c in made] == [
            ("target", "Sveriges Kommuner och Regioner", "Organization"),
            ("kind", "handoff", ""),
        ]
        expected = {
            ("Network", "Socialchefsnätverket"),
            ("Organization", "Socialstyrelsen"),
            ("Organization", "Sveriges Kommuner och Regioner"),
        }
        assert self.handoff_targets(store, doc) == expected
        lines = list(export_lines(store))
        assert sum('"label": "Organization"' in line for line in lines) == 2
        with store_elsewhere(path, tmp_path) as other:
            report = import_judgements(other, parse_lines(lines, "curation.jsonl"))
            assert report.applied == len(lines) and report.rebuilt == 1
            copy = other.documents()[0].id
            assert self.handoff_targets(other, copy) == expected
            again = import_judgements(other, parse_lines(lines, "curation.jsonl"))
            assert again.applied == 0 and self.handoff_targets(other, copy) == expected
