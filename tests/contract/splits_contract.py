"""Splits of people, bodies, organisations and projects on every store: the mentions in the chosen
documents go to a node of their own with the relationships read there, the two are never proposed
for a merge again, the split survives re-ingest and re-extraction, is listed when its documents no
longer give the node, can be undone, travels as curation lines and gives the same id in any store
and any order of ingest. StoreContract inherits this, so the SQLite and the Neo4j store both run it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from samkarta import entities as ent
from samkarta.curation import export_lines, import_judgements, parse_lines
from samkarta.errors import Conflict, InvalidInput, NotFound
from samkarta.graph.batch import document_id
from samkarta.graph.candidates_entities import entity_candidates
from samkarta.graph.entities import split_id
from samkarta.graph.sqlite_store import SQLiteStore
from samkarta.graph.store import GraphStore, snapshot
from samkarta.ingest import erase_person, ingest_files
from samkarta.queries.review import body_and_organisation_candidates
from samkarta.queries.view import GraphView
from tests.contract.entities_contract import re_extracted, reingested_every_way

# Anna Berg of Sala and Anna Berg of Köping: one county, one name, so resolution makes them one person;
# the three meetings' body has one name, so they are one body too
SALA = """Minnesanteckningar

Familjehemsgruppen 2023-03-09

Närvarande: Anna Berg ordf. Sala, Torbjörn Wahlgren Köping

1. Rekrytering av familjehem

Anna Berg informerar om projektet Barnahus och om Socialstyrelsen. Anna Berg ska sammanställa en gemensam annons.
"""

KOPING = """Minnesanteckningar

Familjehemsgruppen 2023-04-12

Närvarande: Anna Berg Köping, Lisa Holm Västerås

1. Barnahus

Lisa Holm berättar om Barnahus, som Socialstyrelsen följer. Anna Berg ska kontakta Socialstyrelsen om handledning.
"""

SALA_AGAIN = """Minnesanteckningar

Familjehemsgruppen 2023-05-10

Närvarande: Anna Berg ordf. Sala, Torbjörn Wahlgren Köping

1. Barnahus

Anna Berg berättar att Barnahus har öppnat i Västerås.
"""

BY = {"by": "Anna Ek", "reason": "två olika"}


def named(store: GraphStore, label: str, name: str) -> list[str]:
    return sorted(n for n, d in store.graph({label}).nodes(data=True) if d["name"] == name)


def meetings_of(store: GraphStore, node_id: str) -> set[str]:
    """The meetings a node attended, met as, or was mentioned or handed to by."""
    rels = store.rels_of(node_id)
    return {r.target if r.type == "ATTENDED" else r.source for r in rels if r.type in ("ATTENDED", "OF", "MENTIONS")}


def meeting_of(store: GraphStore, path: Path) -> str:
    [meeting] = {r.target for r in store.rels_of(document_id(str(path))) if r.type == "DESCRIBES"}
    return meeting


class SplitsContract:
    @pytest.fixture
    def three(self, store: GraphStore, tmp_path: Path) -> tuple[GraphStore, list[Path]]:
        paths = [tmp_path / "sala.txt", tmp_path / "koping.txt", tmp_path / "sala-igen.txt"]
        for path, text in zip(paths, (SALA, KOPING, SALA_AGAIN), strict=True):
            path.write_text(text, encoding="utf-8")
        assert ingest_files(store, paths).ingested == 3
        return store, paths

    def test_a_person_split_takes_attendance_affiliation_and_actions_and_undo_gives_them_back(self, three) -> None:
        store, paths = three
        [anna] = named(store, "Person", "Anna Berg")
        koping = document_id(str(paths[1]))
        before = snapshot(store)
        j = ent.split(store, anna, [koping], name="Anna Berg (Köping)", **BY)
        sha = store.document(koping).info.sha256  # type: ignore[union-attr]
        assert (j.op, j.node, j.documents, j.contents, j.decided_by) == ("split", anna, [koping], [sha], "Anna Ek")
        assert j.value == split_id("Person", anna, [sha]) == named(store, "Person", "Anna Berg (Köping)")[0]
        other = j.value
        assert meetings_of(store, other) == {meeting_of(store, paths[1])}
        assert meetings_of(store, anna) == {meeting_of(store, paths[0]), meeting_of(store, paths[2])}
        represents = {
            p: {store.get_node(r.target).name for r in store.rels_of(p) if r.type == "REPRESENTS"}
            for p in (anna, other)
        }  # type: ignore[union-attr]
        assert represents == {anna: {"Sala"}, other: {"Köping"}}
        assigned = {p: {r.doc_id for r in store.rels_of(p) if r.type == "ASSIGNED_TO"} for p in (anna, other)}
        assert assigned == {anna: {document_id(str(paths[0]))}, other: {koping}}
        assert {a.alias for a in store.aliases(other)} >= {"Anna Berg"}  # still found by the minutes' name
        assert [h.id for h in ent.history(store, anna)] == [h.id for h in ent.history(store, other)] == [j.id]
        assert all({c.node_a, c.node_b} != {anna, other} for c in store.candidates())  # not proposed as one
        undone = ent.undo(store, j.id, reason="samma ändå", by="Bo Ek")
        assert snapshot(store) == before and store.get_node(other) is None
        assert [h.op for h in ent.history(store, other)] == ["split", "undo"] and undone.value == j.id

    def test_erasing_a_person_split_off_redacts_the_split(self, three) -> None:
        store, paths = three
        [anna] = named(store, "Person", "Anna Berg")
        j = ent.split(
            store, anna, [document_id(str(paths[1]))], name="Anna Berg (Köping)", reason="Anna Berg i Köping", by="Bo"
        )
        erase_person(store, j.value)
        assert store.get_node(j.value) is None
        [kept] = store.entity_judgements()
        assert "Anna Berg" not in f"{kept.name} {kept.value_name} {kept.reason}" and kept.value == j.value

    def test_bad_splits_are_refused_naming_the_field(self, three) -> None:
        store, paths = three
        [anna] = named(store, "Person", "Anna Berg")
        [torbjorn] = named(store, "Person", "Torbjörn Wahlgren")
        every = [document_id(str(p)) for p in paths]
        with pytest.raises(InvalidInput) as unknown:
            ent.split(store, anna, ["document-0000000000000000"], **BY)
        assert unknown.value.source == "documents" and "no stored document" in unknown.value.reason
        with pytest.raises(InvalidInput) as absent:
            ent.split(store, torbjorn, [every[1]], **BY)
        assert absent.value.source == "documents" and "does not mention" in absent.value.reason
        with pytest.raises(InvalidInput) as empty:
            ent.split(store, anna, [], **BY)
        assert empty.value.source == "documents"
        with pytest.raises(InvalidInput) as bad_name:
            ent.split(store, anna, every[:1], name="x", **BY)
        assert bad_name.value.source == "name"
        with pytest.raises(Conflict, match="a split must leave the node at least one"):
            ent.split(store, anna, every, **BY)
        with pytest.raises(NotFound):
            ent.split(store, "person-0000000000000000", every[:1], **BY)
        assert store.entity_judgements() == []

    @pytest.mark.parametrize(
        ("label", "name"),
        [("Network", "Familjehemsgruppen"), ("Organization", "Socialstyrelsen"), ("Project", "Barnahus")],
    )
    def test_a_body_organisation_or_project_split_takes_the_meetings_of_its_documents(
        self, three, label: str, name: str
    ) -> None:
        store, paths = three
        [node] = named(store, label, name)
        koping = document_id(str(paths[1]))
        before = meetings_of(store, node)
        assert meeting_of(store, paths[1]) in before and len(before) >= 2
        j = ent.split(store, node, [koping], **BY)
        # the default name is the one the minutes give it: two nodes of one name, told apart by id
        assert named(store, label, name) == sorted([node, j.value])
        assert meetings_of(store, j.value) == {meeting_of(store, paths[1])}
        assert meetings_of(store, node) == before - {meeting_of(store, paths[1])}
        assert store.node_documents(j.value) == [koping]

    def test_a_split_pair_is_never_proposed_for_a_merge_again(self, three) -> None:
        store, paths = three
        [body] = named(store, "Network", "Familjehemsgruppen")
        j = ent.split(store, body, [document_id(str(paths[1]))], **BY)
        snap = GraphView(store).current()
        pair = frozenset((body, j.value))
        assert pair in {frozenset((c.node_a, c.node_b)) for c in entity_candidates(snap.g, snap.names)}
        assert pair not in {frozenset((c.node_a, c.node_b)) for c in body_and_organisation_candidates(store, snap)}
        ent.undo(store, j.id, **BY)
        assert len(named(store, "Network", "Familjehemsgruppen")) == 1

    def test_splits_survive_re_ingest_and_re_extraction(self, three, monkeypatch: pytest.MonkeyPatch) -> None:
        store, paths = three
        [anna] = named(store, "Person", "Anna Berg")
        [body] = named(store, "Network", "Familjehemsgruppen")
        koping = document_id(str(paths[1]))
        person = ent.split(store, anna, [koping], name="Anna Berg (Köping)", **BY)
        ent.split(store, body, [koping], name="Familjehemsgruppen Köping", **BY)
        curated = snapshot(store)

        def same() -> bool:
            return snapshot(store) == curated and ent.orphaned(store) == []

        reingested_every_way(store, paths, same)
        re_extracted(store, paths, monkeypatch, lambda x: x.people)
        assert meetings_of(store, person.value) == {meeting_of(store, paths[1])}
        assert named(store, "Network", "Familjehemsgruppen Köping") != []
        assert ent.orphaned(store) == []

    def test_a_split_whose_documents_no_longer_give_the_node_is_listed_as_orphaned(
        self, three, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        store, paths = three
        [anna] = named(store, "Person", "Anna Berg")
        koping = document_id(str(paths[1]))
        j = ent.split(store, anna, [koping], **BY)
        store.delete_document(koping)
        [gone] = ent.orphaned(store)
        assert (gone.judgement.id, gone.why) == (j.id, "document gone")
        assert ingest_files(store, [paths[1]]).ingested == 1  # back: applied again
        assert ent.orphaned(store) == [] and meetings_of(store, j.value) == {meeting_of(store, paths[1])}
        # the minutes re-read by an extractor that no longer finds her there
        paths[1].write_text(KOPING.replace("Anna Berg Köping, ", "").replace("Anna Berg ska", "Hon ska"), "utf-8")
        assert ingest_files(store, [paths[1]]).replaced == 1
        [lost] = ent.orphaned(store)
        assert (lost.judgement.id, lost.why) == (j.id, "node not found in its documents")
        ent.undo(store, j.id, **BY)
        assert ent.orphaned(store) == []

    def test_curation_lines_carry_splits_with_the_same_ids_in_any_order_of_ingest(self, three, tmp_path: Path) -> None:
        store, paths = three
        [anna] = named(store, "Person", "Anna Berg")
        [project] = named(store, "Project", "Barnahus")
        koping = document_id(str(paths[1]))
        kept = ent.split(store, anna, [koping], name="Anna Berg (Köping)", **BY)
        taken_back = ent.split(store, project, [document_id(str(paths[2]))], **BY)
        ent.undo(store, taken_back.id, **BY)
        lines = list(export_lines(store))
        assert [json.loads(line)["op"] for line in lines] == ["split", "split", "undo"]
        elsewhere = SQLiteStore.open(tmp_path / "elsewhere.db")
        try:  # the same minutes the other way round, one per transaction
            ingest_files(elsewhere, list(reversed(paths)), per_transaction=1)
            report = import_judgements(elsewhere, parse_lines(lines, "lines"))
            assert (report.applied, report.unchanged) == (3, 0) and report.rebuilt >= 1
            assert snapshot(elsewhere) == snapshot(store)
            assert named(elsewhere, "Person", "Anna Berg (Köping)") == [kept.value]
            again = import_judgements(elsewhere, parse_lines(lines, "lines"))
            assert (again.applied, again.unchanged, again.rebuilt) == (0, 3, 0)
            assert snapshot(elsewhere) == snapshot(store)
            # split there by hand: the same new node
            [there] = named(elsewhere, "Project", "Barnahus")
            own = ent.split(elsewhere, there, [document_id(str(paths[2]))], **BY)
            assert own.value == taken_back.value
        finally:
            elsewhere.close()
