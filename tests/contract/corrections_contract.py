"""Corrections of facts on every store: each kind shows in the graph and the queries, can be undone,
survives re-ingest and re-extraction, is listed when its fact is gone, and travels as curation lines.
StoreContract inherits this, so the SQLite and the Neo4j store both run it."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

import pytest

from samkarta import corrections as fix
from samkarta.curation import export_lines, import_judgements, parse_lines
from samkarta.errors import Conflict, InvalidInput
from samkarta.graph.batch import document_id
from samkarta.graph.sqlite_store import SQLiteStore
from samkarta.graph.store import GraphStore
from samkarta.ingest import erase_person, ingest_files
from samkarta.loaders.model import Extraction
from samkarta.queries import questions as q
from samkarta.queries.view import GraphView
from tests.contract.minutes import MINUTES


def names(store: GraphStore, label: str) -> set[str]:
    return {name for _, lab, name in store.names() if lab == label}


def edges(store: GraphStore, rtype: str) -> set[tuple[str, str]]:
    g = store.graph()
    return {(g.nodes[a]["name"], g.nodes[b]["name"]) for a, b, d in g.edges(data=True) if d["type"] == rtype}


def use_a_newer_extractor(monkeypatch: pytest.MonkeyPatch) -> None:
    """Ingest from now on as a newer extractor would: other spans, decisions worded otherwise, the
    same quotes."""
    import samkarta.ingest as ingest_module

    real = ingest_module.extract_source

    def newer(src, workers=None):  # noqa: ANN001, ANN202
        x: Extraction = real(src, workers)
        for d in x.decisions:
            d.text = d.text.upper()
            d.evidence = [replace(e, start=e.start - 1) for e in d.evidence]
        return x

    monkeypatch.setattr(ingest_module, "extract_source", newer)


def kept_through_changes(
    store: GraphStore, path: Path, doc: str, kept: Callable[[], bool], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`kept()` holds, and no correction is orphaned, after the minutes change (a line above
    shifts every span: quotes and names still find the facts) and after a re-extraction by a newer
    extractor."""
    path.write_text("Utskrift 2023-03-20\n\n" + MINUTES, encoding="utf-8")
    assert ingest_files(store, [path]).replaced == 1 and kept()
    assert fix.orphaned(store) == []
    use_a_newer_extractor(monkeypatch)
    store.delete_document(doc)
    assert ingest_files(store, [path]).ingested == 1
    assert kept() and fix.orphaned(store) == []


@contextmanager
def store_elsewhere(path: Path, tmp_path: Path) -> Iterator[SQLiteStore]:
    """Another store holding the same minutes, ingested under another name (closed afterwards)."""
    other_dir = tmp_path / "elsewhere"
    other_dir.mkdir()
    copy = other_dir / "kopia.txt"
    copy.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    other = SQLiteStore.open(tmp_path / "other.db")
    try:
        ingest_files(other, [copy])
        yield other
    finally:
        other.close()


class CorrectionsContract:
    @pytest.fixture
    def minutes(self, store: GraphStore, tmp_path: Path) -> tuple[GraphStore, Path, str]:
        """The store with one document holding a fact of every kind; its file and its id."""
        path = tmp_path / "lansgrupp.txt"
        path.write_text(MINUTES, encoding="utf-8")
        assert ingest_files(store, [path]).ingested == 1
        return store, path, document_id(str(path))

    @staticmethod
    def fact(store: GraphStore, doc_id: str, kind: str, text: str = "") -> str:
        found = [
            s.fact.id for s in fix.document_facts(store, doc_id).facts if s.fact.kind == kind and text in s.fact.text
        ]
        assert len(found) == 1, (kind, text, found)
        return found[0]

    def test_each_kind_of_correction_shows_in_the_graph_and_the_queries(self, minutes) -> None:
        store, _, doc = minutes
        assert names(store, "Person") == {"Torbjörn Wahlgren", "Agneta Lövgren", "Fredrik Ödman"}
        by = {"by": "Anna Berg"}
        made = fix.correct(store, doc, self.fact(store, doc, "decision"), "wrong", reason="inget beslut", **by)
        assert (made.decided_by, made.reason, made.fact_kind, made.value) == (
            "Anna Berg",
            "inget beslut",
            "decision",
            "true",
        )
        assert made.decided_at and made.quote == "att ställa sig bakom kampanjen."
        assert store.stats().nodes.get("Decision", 0) == 0
        fix.correct(store, doc, self.fact(store, doc, "handoff"), "wrong", **by)
        assert edges(store, "HANDED_OFF") == set()
        fix.correct(store, doc, self.fact(store, doc, "action"), "assignee", "Fredrik Ödman", **by)
        assert edges(store, "ASSIGNED_TO") == {
            ("Torbjörn ska ta med sig frågan om gemensam annonsering till Socialchefsnätverket", "Fredrik Ödman")
        }
        fix.correct(store, doc, self.fact(store, doc, "attendance", "Agneta"), "wrong", **by)
        fix.add_attendee(store, doc, "Lisa Holm", reason="står i närvarolistan på papper", **by)
        attended = {person for person, _ in edges(store, "ATTENDED")}
        assert attended == {"Torbjörn Wahlgren", "Fredrik Ödman", "Lisa Holm"}
        assert "Agneta Lövgren" not in names(store, "Person")  # no other fact of the minutes names her
        meeting = self.fact(store, doc, "meeting")
        fix.correct(store, doc, meeting, "date", "2023-03-10", **by)
        fix.correct(store, doc, meeting, "body", "Familjehemsgruppen", **by)
        fix.correct(store, doc, meeting, "region", "Dalarnas län", **by)
        node = store.get_node(meeting)
        assert node is not None and (node.props["date"], node.props["body"], node.props["region"]) == (
            "2023-03-10",
            "Familjehemsgruppen",
            "Dalarna",
        )
        assert {b for _, b in edges(store, "OF")} == {"Familjehemsgruppen"}
        assert "Länsgrupp för familjehemsfrågor" not in names(store, "Network")  # no empty namesake is left
        [info] = store.documents()
        assert info.date == "2023-03-10"
        snap = GraphView(store).current()  # the queries read the corrected graph
        [body] = store.bodies_named("Familjehemsgruppen")
        net = q.network(snap, body.id)
        assert (net.region, [m.date for m in net.meetings]) == ("Dalarna", ["2023-03-10"])
        assert {m.name for m in net.members} == {"Torbjörn Wahlgren", "Fredrik Ödman", "Lisa Holm"}
        lisa = next(i for i, lab, n in store.names() if lab == "Person" and n == "Lisa Holm")
        assert {c.name for c in q.collaborators(snap, lisa).data} == {"Torbjörn Wahlgren", "Fredrik Ödman"}
        assert len(store.corrections()) == 8

    def test_a_correction_is_refused_for_a_field_the_fact_lacks_or_a_value_it_cannot_take(self, minutes) -> None:
        store, _, doc = minutes
        with pytest.raises(InvalidInput, match="field"):
            fix.correct(store, doc, self.fact(store, doc, "decision"), "assignee", "Anna", by="a")
        with pytest.raises(InvalidInput, match="region"):
            fix.correct(store, doc, self.fact(store, doc, "meeting"), "region", "Narnia", by="a")
        with pytest.raises(InvalidInput, match="date"):
            fix.correct(store, doc, self.fact(store, doc, "meeting"), "date", "9 mars", by="a")
        with pytest.raises(Conflict):
            fix.add_attendee(store, doc, "Fredrik Ödman", by="a")  # attends already
        assert store.corrections() == []

    def test_undo_gives_back_the_minutes_value_and_the_history_keeps_both(self, minutes) -> None:
        store, _, doc = minutes
        decision = self.fact(store, doc, "decision")
        wrong = fix.correct(store, doc, decision, "wrong", reason="fel", by="Anna Berg")
        assert store.stats().nodes.get("Decision", 0) == 0
        undone = fix.undo(store, wrong.id, reason="det var ett beslut", by="Bo Ek")
        assert undone.value is None and undone.fact == decision and undone.decided_at > wrong.decided_at
        assert store.stats().nodes["Decision"] == 1
        history = fix.history(store, decision)
        assert [(c.value, c.decided_by, c.reason) for c in history] == [
            ("true", "Anna Berg", "fel"),
            (None, "Bo Ek", "det var ett beslut"),
        ]
        with pytest.raises(Conflict):
            fix.undo(store, wrong.id, by="Bo Ek")  # nothing left to undo
        meeting = self.fact(store, doc, "meeting")
        moved = fix.correct(store, doc, meeting, "date", "2023-04-01", by="Anna Berg")
        fix.undo(store, moved.id, by="Anna Berg")
        assert store.get_node(meeting).props["date"] == "2023-03-09"  # type: ignore[union-attr]
        added = fix.add_attendee(store, doc, "Lisa Holm", by="Anna Berg")
        fix.undo(store, added.id, by="Anna Berg")
        assert "Lisa Holm" not in names(store, "Person")

    def test_corrections_survive_re_ingest_a_changed_document_and_re_extraction(
        self, minutes, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        store, path, doc = minutes
        fix.correct(store, doc, self.fact(store, doc, "decision"), "wrong", by="Anna Berg")
        fix.correct(store, doc, self.fact(store, doc, "attendance", "Agneta"), "wrong", by="Anna Berg")
        fix.correct(store, doc, self.fact(store, doc, "meeting"), "date", "2023-03-10", by="Anna Berg")

        def corrected() -> bool:
            meetings = [d for _, d in store.graph({"Meeting"}).nodes(data=True)]
            return (
                store.stats().nodes.get("Decision", 0) == 0
                and "Agneta Lövgren" not in {p for p, _ in edges(store, "ATTENDED")}
                and [d.date for d in store.documents()] == ["2023-03-10"]
                and [m["date"] for m in meetings] == ["2023-03-10"]
            )

        assert corrected()
        assert ingest_files(store, [path]).unchanged == 1 and corrected()  # the same file again
        store.delete_document(doc)
        assert ingest_files(store, [path]).ingested == 1 and corrected()  # ingested anew
        moved = path.with_name("flyttad.txt")  # the same minutes under another name: found by content
        path.rename(moved)
        store.delete_document(doc)
        assert ingest_files(store, [moved]).ingested == 1 and corrected()
        assert fix.orphaned(store) == []
        store.delete_document(document_id(str(moved)))
        moved.rename(path)
        assert ingest_files(store, [path]).ingested == 1 and corrected()
        kept_through_changes(store, path, doc, corrected, monkeypatch)

    def test_a_correction_whose_fact_is_gone_is_listed_as_orphaned_until_undone(self, minutes) -> None:
        store, path, doc = minutes
        wrong = fix.correct(store, doc, self.fact(store, doc, "decision"), "wrong", by="Anna Berg")
        fix.correct(store, doc, self.fact(store, doc, "attendance", "Fredrik"), "wrong", by="Anna Berg")
        assert fix.orphaned(store) == []
        path.write_text(MINUTES.replace("Länsgruppen beslutade\natt ställa sig bakom kampanjen.\n", ""), "utf-8")
        assert ingest_files(store, [path]).replaced == 1
        [orphan] = fix.orphaned(store)
        assert (orphan.correction.id, orphan.why) == (wrong.id, "fact not found")
        assert [c.id for c in fix.document_facts(store, doc).result.orphaned] == [wrong.id]
        assert "Fredrik Ödman" not in {p for p, _ in edges(store, "ATTENDED")}  # the others still apply
        store.delete_document(doc)
        assert sorted(o.why for o in fix.orphaned(store)) == ["document gone", "document gone"]
        fix.undo(store, wrong.id, reason="protokollet är borta", by="Anna Berg")
        assert [o.correction.text for o in fix.orphaned(store)] == ["Fredrik Ödman"]

    def test_curation_lines_carry_corrections_and_importing_twice_changes_nothing(
        self, minutes, tmp_path: Path
    ) -> None:
        store, path, doc = minutes
        fix.correct(store, doc, self.fact(store, doc, "decision"), "wrong", reason="inget beslut", by="Anna Berg")
        added = fix.add_attendee(store, doc, "Lisa Holm", by="Anna Berg")
        fix.undo(store, added.id, by="Bo Ek")
        fix.correct(store, doc, self.fact(store, doc, "meeting"), "body", "Familjehemsgruppen", by="Bo Ek")
        lines = list(export_lines(store))
        assert [json.loads(line)["kind"] for line in lines] == ["correction"] * 4, lines
        with store_elsewhere(path, tmp_path) as other:
            report = import_judgements(other, parse_lines(lines, "lines"))
            assert (report.applied, report.unchanged, report.rebuilt) == (4, 0, 1)
            assert other.stats() == store.stats()
            assert sorted(other.corrections(), key=lambda c: c.id) == sorted(store.corrections(), key=lambda c: c.id)
            again = import_judgements(other, parse_lines(list(export_lines(other)), "lines"))
            assert (again.applied, again.unchanged, again.rebuilt) == (0, 4, 0)
        back = import_judgements(store, parse_lines(lines, "lines"))  # into the store they came from
        assert (back.applied, back.unchanged) == (0, 4)

    def test_erasing_a_person_redacts_the_corrections_that_name_them(self, minutes) -> None:
        store, _, doc = minutes
        added = fix.add_attendee(store, doc, "Lisa Holm", reason="Lisa Holm var där", by="Anna Berg")
        lisa = next(i for i, lab, n in store.names() if lab == "Person" and n == "Lisa Holm")
        erase_person(store, lisa)
        [kept] = [c for c in store.corrections() if c.id == added.id]
        assert "Lisa" not in f"{kept.text} {kept.value} {kept.reason}"
        assert "Lisa Holm" not in names(store, "Person")
        fix.correct(store, doc, self.fact(store, doc, "meeting"), "date", "2023-03-10", by="Anna Berg")  # a rebuild
        assert "Lisa Holm" not in names(store, "Person")
