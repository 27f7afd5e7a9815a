"""Renames, re-kinds and merges of bodies, organisations and projects on every store: each shows in
the graph, the names and the queries, can be undone, survives re-ingest and re-extraction, is listed
when its node is gone, and travels as curation lines. StoreContract inherits this, so the SQLite and
the Neo4j store both run it."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from samkarta import entities as ent
from samkarta.curation import export_lines, import_judgements, parse_lines
from samkarta.errors import Conflict, InvalidInput, NotFound
from samkarta.graph.batch import document_id
from samkarta.graph.ids import make_id, name_key
from samkarta.graph.sqlite_store import SQLiteStore
from samkarta.graph.store import GraphStore, snapshot
from samkarta.ingest import ingest_files
from samkarta.loaders.model import Extraction
from samkarta.queries import questions as q
from samkarta.queries.view import GraphView

MINUTES = """Minnesanteckningar

Länsgrupp för familjehemsfrågor 2023-03-09

Närvarande: Torbjörn Wahlgren ordf. Sala, Agneta Lövgren Region Västmanland, Fredrik Ödman Köping

1. Rekrytering av familjehem

Agneta Lövgren informerar om projektet Barnahus och om Socialstyrelsen. Torbjörn ska ta med sig frågan \
om gemensam annonsering till Socialchefsnätverket.

Länsgruppen beslutade
att ställa sig bakom kampanjen.
"""

OTHER = """Minnesanteckningar

Familjehemsgruppen 2023-04-12

Närvarande: Torbjörn Wahlgren ordf. Sala, Lisa Holm Västerås

1. Barnahus

Lisa Holm berättar om Barnahus, som Socialstyrelsen följer.
"""


def labelled(store: GraphStore, label: str) -> dict[str, str]:
    """Name -> id of the stored nodes of a label."""
    return {d["name"]: n for n, d in store.graph({label}).nodes(data=True)}


def found_by(store: GraphStore, name: str) -> set[str]:
    return {i for i, _, n in store.names() if name_key(n) == name_key(name)}


def mentions(store: GraphStore, node_id: str) -> set[str]:
    """Ids of the meetings that mention or meet as the node."""
    return {r.source for r in store.rels_of(node_id) if r.type in ("MENTIONS", "OF", "HANDED_OFF")}


def reingested_every_way(store: GraphStore, paths: list[Path], same: Callable[[], bool]) -> None:
    """The documents ingested again unchanged, removed and ingested anew, and anew in reverse one per
    transaction: `same()` holds after each."""
    assert same()
    assert ingest_files(store, paths).unchanged == len(paths) and same()
    for path in paths:
        store.delete_document(document_id(str(path)))
    assert ingest_files(store, paths).ingested == len(paths) and same()
    for path in paths:
        store.delete_document(document_id(str(path)))
    assert ingest_files(store, list(reversed(paths)), per_transaction=1).ingested == len(paths) and same()


def re_extracted(
    store: GraphStore, paths: list[Path], monkeypatch: pytest.MonkeyPatch, facts: Callable[[Extraction], list[Any]]
) -> None:
    """The documents removed and read again by a newer extractor, which spans the `facts` it picks
    one character later."""
    import samkarta.ingest as ingest_module

    real = ingest_module.extract_source

    def newer(src, workers=None):  # noqa: ANN001, ANN202
        x: Extraction = real(src, workers)
        for fact in facts(x):
            fact.evidence = [replace(e, start=e.start + 1) for e in fact.evidence]
        return x

    monkeypatch.setattr(ingest_module, "extract_source", newer)
    for path in paths:
        store.delete_document(document_id(str(path)))
    assert ingest_files(store, paths).ingested == len(paths)


class EntitiesContract:
    @pytest.fixture
    def two(self, store: GraphStore, tmp_path: Path) -> tuple[GraphStore, list[Path]]:
        """The store with two documents that name the same project, organisation and bodies."""
        paths = [tmp_path / "lansgrupp.txt", tmp_path / "familjehem.txt"]
        for path, text in zip(paths, (MINUTES, OTHER), strict=True):
            path.write_text(text, encoding="utf-8")
        assert ingest_files(store, paths).ingested == 2
        return store, paths

    @staticmethod
    def node(store: GraphStore, label: str, name: str) -> str:
        found = labelled(store, label)
        assert name in found, sorted(found)
        return found[name]

    def test_rename_keeps_the_old_name_as_an_alias_and_shows_everywhere(self, two) -> None:
        store, _ = two
        body = self.node(store, "Network", "Familjehemsgruppen")
        meetings = mentions(store, body)
        j = ent.rename(store, body, "Familjehemsnätverket Västmanland", reason="heter så", by="Anna Berg")
        assert (j.op, j.decided_by, j.reason, j.name) == ("rename", "Anna Berg", "heter så", "Familjehemsgruppen")
        assert store.get_node(body).name == "Familjehemsnätverket Västmanland"  # type: ignore[union-attr]
        assert found_by(store, "Familjehemsgruppen") == found_by(store, "Familjehemsnätverket Västmanland") == {body}
        assert mentions(store, body) == meetings
        assert [b.id for b in store.bodies_named("Familjehemsgruppen")] == [body]
        with pytest.raises(InvalidInput) as bad:
            ent.rename(store, body, " ", by="Anna Berg")
        assert bad.value.source == "name"
        with pytest.raises(NotFound):
            ent.rename(store, "network-0000", "Ny", by="Anna Berg")
        with pytest.raises(Conflict):
            ent.rename(store, body, "Familjehemsnätverket Västmanland", by="Anna Berg")
        ent.undo(store, j.id, reason="fel", by="Bo Ek")
        assert store.get_node(body).name == "Familjehemsgruppen"  # type: ignore[union-attr]
        assert found_by(store, "Familjehemsnätverket Västmanland") == set()
        with pytest.raises(Conflict):
            ent.undo(store, j.id, by="Bo Ek")
        assert [h.op for h in ent.history(store, body)] == ["rename", "undo"]

    def test_rekind_moves_a_project_to_the_organisation_with_its_relationships(self, two) -> None:
        store, _ = two
        project = self.node(store, "Project", "Barnahus")
        meetings = mentions(store, project)
        assert len(meetings) == 2
        with pytest.raises(InvalidInput) as bad:
            ent.rekind(store, project, "Network", by="Anna Berg")
        assert bad.value.source == "label"
        j = ent.rekind(store, project, "Organization", reason="en verksamhet", by="Anna Berg")
        assert store.get_node(project) is None and "Barnahus" not in labelled(store, "Project")
        org = self.node(store, "Organization", "Barnahus")
        assert org == make_id("Organization", name_key("Barnahus"))  # the organisation the minutes would give
        assert mentions(store, org) == meetings
        assert ent.history(store, org)[0].id == j.id
        # re-kinded back is the undo: a project again, with its meetings
        back = ent.rekind(store, org, "Project", by="Bo Ek")
        assert (back.op, back.value) == ("undo", j.id)
        assert mentions(store, self.node(store, "Project", "Barnahus")) == meetings

    def test_merge_moves_relationships_and_undo_splits_them_again(self, two) -> None:
        store, _ = two
        keep = self.node(store, "Network", "Familjehemsgruppen")
        other = self.node(store, "Network", "Länsgrupp för familjehemsfrågor")
        before = snapshot(store)
        own, theirs = mentions(store, keep), mentions(store, other)
        with pytest.raises(InvalidInput) as bad:
            ent.merge(store, keep, self.node(store, "Project", "Barnahus"), by="Anna Berg")
        assert bad.value.source == "merged"
        with pytest.raises(InvalidInput):
            ent.merge(store, keep, keep, by="Anna Berg")
        j = ent.merge(store, keep, other, reason="samma grupp", by="Anna Berg")
        assert store.get_node(other) is None
        assert mentions(store, keep) == own | theirs
        assert found_by(store, "Länsgrupp för familjehemsfrågor") == {keep}
        assert store.get_node(keep).name == "Familjehemsgruppen"  # type: ignore[union-attr]
        snap = GraphView(store).current()  # the queries read the curated graph, by either name
        net = q.network_named(store, snap, "Länsgrupp för familjehemsfrågor")
        assert (net.id, net.name, len(net.meetings)) == (keep, "Familjehemsgruppen", 2)
        assert {m.name for m in net.members} >= {"Torbjörn Wahlgren", "Lisa Holm", "Agneta Lövgren"}
        ent.undo(store, j.id, by="Bo Ek")
        assert snapshot(store) == before

    def test_judgements_survive_re_ingest_and_re_extraction(self, two, monkeypatch: pytest.MonkeyPatch) -> None:
        store, paths = two
        keep = self.node(store, "Network", "Familjehemsgruppen")
        other = self.node(store, "Network", "Länsgrupp för familjehemsfrågor")
        ent.merge(store, keep, other, by="Anna Berg")
        ent.rename(store, keep, "Familjehemsnätverket", by="Anna Berg")
        ent.rekind(store, self.node(store, "Project", "Barnahus"), "Organization", by="Anna Berg")
        curated = snapshot(store)

        def same() -> bool:
            return snapshot(store) == curated and ent.orphaned(store) == []

        reingested_every_way(store, paths, same)
        re_extracted(store, paths, monkeypatch, lambda x: x.projects)
        assert store.get_node(keep).name == "Familjehemsnätverket"  # type: ignore[union-attr]
        assert "Barnahus" in labelled(store, "Organization") and "Barnahus" not in labelled(store, "Project")
        assert ent.orphaned(store) == []

    def test_a_judgement_whose_node_is_gone_is_listed_as_orphaned_until_undone(self, two) -> None:
        store, paths = two
        body = self.node(store, "Network", "Familjehemsgruppen")
        renamed = ent.rename(store, body, "Familjehemsnätverket", by="Anna Berg")
        assert ent.orphaned(store) == []
        store.delete_document(document_id(str(paths[1])))
        [orphan] = ent.orphaned(store)
        assert (orphan.judgement.id, orphan.why) == (renamed.id, "node not found")
        assert ingest_files(store, [paths[1]]).ingested == 1  # back: applied again
        assert ent.orphaned(store) == [] and store.get_node(body).name == "Familjehemsnätverket"  # type: ignore[union-attr]
        store.delete_document(document_id(str(paths[1])))
        ent.undo(store, renamed.id, by="Anna Berg")
        assert ent.orphaned(store) == []

    def test_curation_lines_carry_entity_judgements_and_importing_twice_changes_nothing(
        self, two, tmp_path: Path
    ) -> None:
        store, paths = two
        keep = self.node(store, "Network", "Familjehemsgruppen")
        other = self.node(store, "Network", "Länsgrupp för familjehemsfrågor")
        merged = ent.merge(store, keep, other, by="Anna Berg")
        ent.rename(store, keep, "Familjehemsnätverket", by="Anna Berg")
        rekinded = ent.rekind(store, self.node(store, "Project", "Barnahus"), "Organization", by="Bo Ek")
        ent.undo(store, rekinded.id, by="Bo Ek")
        lines = list(export_lines(store))
        assert [json.loads(line)["kind"] for line in lines] == ["entity"] * 4, lines
        elsewhere = tmp_path / "elsewhere.db"
        other_store = SQLiteStore.open(elsewhere)
        try:
            ingest_files(other_store, paths)
            report = import_judgements(other_store, parse_lines(lines, "lines"))
            assert (report.applied, report.unchanged) == (4, 0) and report.rebuilt >= 1
            assert snapshot(other_store) == snapshot(store)
            again = import_judgements(other_store, parse_lines(list(export_lines(other_store)), "lines"))
            assert (again.applied, again.unchanged, again.rebuilt) == (0, 4, 0)
        finally:
            other_store.close()
        back = import_judgements(store, parse_lines(lines, "lines"))
        assert (back.applied, back.unchanged) == (0, 4)
        assert merged.id in {j.id for j in store.entity_judgements()}
