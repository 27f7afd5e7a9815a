"""The review queue's judgements and candidates on every store: a confirmed fact leaves the queue and
stays confirmed through re-ingest and re-extraction (until the fact reads otherwise); bodies and
organisations that may be one are proposed with reasons, the same whatever the order of ingest;
accepting merges them, rejecting keeps them apart for good. StoreContract inherits this, so the
SQLite and the Neo4j store both run it."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import pytest

from samkarta import review
from samkarta.curation import export_lines, import_judgements, parse_lines
from samkarta.errors import Conflict, InvalidInput, NotFound
from samkarta.graph.batch import document_id
from samkarta.graph.model import ReviewJudgement
from samkarta.graph.sqlite_store import SQLiteStore
from samkarta.graph.store import GraphStore
from samkarta.ingest import find_files, ingest_files, judge
from samkarta.queries.review import ReviewItem, body_and_organisation_candidates, review_queue
from samkarta.queries.view import GraphView
from samkarta.samples import sample_dir
from tests.contract.minutes import MINUTES, PAIR_MINUTES

EVERYTHING = 1.01  # a threshold above every confidence: every fact is in the queue
# one body of Dalarna under its short and its full name, with members in common, and two ways of
# writing one social services office at one meeting
RUG_MINUTES = {
    "rug-2023-03-09.txt": """Minnesanteckningar

RUG barn och unga i Dalarna 2023-03-09

Närvarande: Anna Berg ordf. Falun, Per Lind Borlänge, Karin Ek Mora

1. Barnahus

Anna Berg informerar om Barnahus. Per Lind ska ta fram en plan för samverkan.
""",
    "rug-2023-05-11.txt": """Minnesanteckningar

RUG i Dalarna 2023-05-11

Närvarande: Anna Berg ordf. Falun, Per Lind Borlänge, Lena Sand Ludvika

1. Uppföljning

Per Lind redovisar planen. Karin Ek ska ta frågan till Socialchefsnätverket.
""",
    "rug-2023-09-14.txt": """Minnesanteckningar

RUG barn och unga i Dalarna 2023-09-14

Närvarande: Anna Berg ordf. Falun, Per Lind Borlänge, Maja Holm Socialförvaltningen Falun

1. Samverkan

Anna Berg informerar om arbetet med socialförvaltningen och Socialförvaltningen Falun.
""",
}


def _write(folder: Path, files: dict[str, str]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
        out.append(folder / name)
    return out


def _queue(store: GraphStore, threshold: float = EVERYTHING) -> list[ReviewItem]:
    return review_queue(store, GraphView(store).refresh(), threshold, limit=10_000).data


def _facts(store: GraphStore, kind: str, field: str = "") -> list[ReviewItem]:
    return [i for i in _queue(store) if i.kind == "fact" and i.fact_kind == kind and i.field == field]


def _people(store: GraphStore) -> list[ReviewItem]:
    return [i for i in _queue(store) if i.kind == "person_merge"]


def _person_names(store: GraphStore) -> list[str]:
    return sorted(d["name"] for _, d in store.graph(labels={"Person"}).nodes(data=True))


def _candidates(store: GraphStore) -> list[tuple[str, str, float, tuple[str, ...]]]:
    found = body_and_organisation_candidates(store, GraphView(store).refresh())
    return [(c.id, c.label, c.score, tuple(c.reasons)) for c in found]


class ReviewContract:
    def test_a_review_judgement_is_kept_as_saved_with_who_when_and_why(self, store: GraphStore) -> None:
        confirmation = ReviewJudgement(
            id="review-0000000000000001",
            op="confirm",
            doc_id="document-00000000000000aa",
            content="c" * 64,
            fact_kind="action",
            fact="action-00000000000000bb",
            text_key="text-1",
            quote_key="text-2",
            value_key="value-3",
            start=10,
            end=42,
            reason="stämmer med protokollet",
            decided_at="2026-11-30T10:00:00.000001+00:00",
            decided_by="Anna Berg",
        )
        distinct = ReviewJudgement(
            id="review-0000000000000002",
            op="distinct",
            node_a="network-0000000000000001",
            node_b="network-0000000000000002",
            decided_at="2026-11-30T10:00:01.000000+00:00",
            decided_by="Per Lind",
        )
        person = ReviewJudgement(
            id="review-0000000000000003",
            op="person",
            node_a="person-0000000000000001",
            node_b="person-0000000000000002",
            candidate="candidate-0000000000000001",
            decision="rejected",
            decided_at="2026-11-30T10:00:02.000000+00:00",
            decided_by="Per Lind",
        )
        store.save_review(person)
        store.save_review(distinct)
        store.save_review(confirmation)
        store.save_review(confirmation.model_copy(update={"reason": "ändrad"}))  # kept as it was first saved
        assert store.reviews() == [confirmation, distinct, person]

    def test_a_confirmed_fact_leaves_the_queue_and_stays_out_after_reingest_and_reextraction(
        self, store: GraphStore, tmp_path: Path
    ) -> None:
        (path,) = _write(tmp_path / "minutes", {"lansgrupp-2023-03-09.txt": MINUTES})
        ingest_files(store, [path])
        doc = document_id(str(path))
        actions = _facts(store, "action")
        assert len(actions) == 1 and actions[0].passages[0].hit in MINUTES
        before = {i.id for i in _queue(store)}
        made = review.confirm(store, doc, actions[0].fact or "", reason="stämmer", by="Anna Berg")
        assert (made.decided_by, made.reason, made.op) == ("Anna Berg", "stämmer", "confirm")
        assert "Torbjörn" not in made.model_dump_json()  # keys of the fact's strings, never the strings
        assert {i.id for i in _queue(store)} == before - {actions[0].id}
        with pytest.raises(Conflict):
            review.confirm(store, doc, actions[0].fact or "", by="Anna Berg")
        store.delete_document(doc)  # gone and read again: the same minutes, the same confirmation
        ingest_files(store, [path])
        assert _facts(store, "action") == []
        # re-extracted from minutes that changed around the action: still the same action, still confirmed
        path.write_text(MINUTES.replace("1. Rekrytering", "Inledning\n\n1. Rekrytering"), encoding="utf-8")
        ingest_files(store, [path])
        assert store.document(doc).text.count("Inledning") == 1  # type: ignore[union-attr]
        assert _facts(store, "action") == [] and len(_facts(store, "decision")) == 1

    def test_a_confirmed_meeting_field_returns_when_the_minutes_read_otherwise(
        self, store: GraphStore, tmp_path: Path
    ) -> None:
        (path,) = _write(tmp_path / "minutes", {"lansgrupp.txt": MINUTES})
        ingest_files(store, [path])
        doc = document_id(str(path))
        (date,) = _facts(store, "meeting", "date")
        assert date.text == "2023-03-09" and not date.can_reject
        with pytest.raises(InvalidInput) as refused:
            review.confirm(store, doc, date.fact or "", by="Anna Berg")
        assert refused.value.source == "field"
        review.confirm(store, doc, date.fact or "", "date", by="Anna Berg")
        assert _facts(store, "meeting", "date") == [] and len(_facts(store, "meeting", "body")) == 1
        path.write_text(MINUTES.replace("2023-03-09", "2023-03-16"), encoding="utf-8")
        ingest_files(store, [path])
        (again,) = _facts(store, "meeting", "date")  # confirmed was the 9th, the minutes now say the 16th
        assert again.text == "2023-03-16"

    def test_confirming_an_unknown_fact_is_not_found(self, store: GraphStore, tmp_path: Path) -> None:
        ingest_files(store, _write(tmp_path / "m", {"lansgrupp.txt": MINUTES}))
        doc = store.documents()[0].id
        with pytest.raises(NotFound):
            review.confirm(store, doc, "action-0123456789abcdef", by="Anna Berg")

    def test_bodies_and_organisations_that_may_be_one_are_proposed_with_reasons(
        self, store: GraphStore, tmp_path: Path
    ) -> None:
        ingest_files(store, _write(tmp_path / "rug", RUG_MINUTES))
        found = body_and_organisation_candidates(store, GraphView(store).refresh())
        bodies = [c for c in found if c.label == "Network"]
        assert [{c.name_a, c.name_b} for c in bodies] == [{"RUG barn och unga", "RUG"}]
        (rug,) = bodies
        assert rug.reasons[:2] == ['"RUG" opens "RUG barn och unga"', "same region (Dalarna)"]
        assert "shared members 2" in rug.reasons and rug.score >= 0.8
        orgs = [c for c in found if c.label == "Organization"]
        assert len(orgs) == 1 and "shared meetings 1" in orgs[0].reasons
        assert {orgs[0].name_a, orgs[0].name_b} == {"socialförvaltningen", "Socialförvaltningen Falun"}

    def test_a_rejected_candidate_is_never_proposed_again(self, store: GraphStore, tmp_path: Path) -> None:
        ingest_files(store, _write(tmp_path / "rug", RUG_MINUTES))
        snap = GraphView(store).refresh()
        org = next(c for c in body_and_organisation_candidates(store, snap) if c.label == "Organization")
        made = review.reject_entity_candidate(store, snap, org.id, reason="två olika", by="Anna Berg")
        assert (made.op, {made.node_a, made.node_b}) == ("distinct", {org.node_a, org.node_b})
        assert org.id not in {c[0] for c in _candidates(store)}
        with pytest.raises(NotFound):
            review.reject_entity_candidate(store, GraphView(store).refresh(), org.id, by="Anna Berg")
        ingest_files(store, _write(tmp_path / "again", {"rug-copy.txt": RUG_MINUTES["rug-2023-09-14.txt"] + "\n"}))
        assert org.id not in {c[0] for c in _candidates(store)}  # new minutes naming both: still two

    def test_an_accepted_candidate_is_an_entity_merge_into_the_body_that_met_more(
        self, store: GraphStore, tmp_path: Path
    ) -> None:
        ingest_files(store, _write(tmp_path / "rug", RUG_MINUTES))
        snap = GraphView(store).refresh()
        rug = next(c for c in body_and_organisation_candidates(store, snap) if c.label == "Network")
        full = rug.node_a if rug.name_a == "RUG barn och unga" else rug.node_b
        short = rug.node_b if full == rug.node_a else rug.node_a
        made = review.accept_entity_candidate(store, snap, rug.id, reason="samma grupp", by="Anna Berg")
        assert (made.op, made.node, made.value, made.decided_by) == ("merge", short, full, "Anna Berg")
        assert store.get_node(short) is None
        assert {n for i, _, n in store.names() if i == full} >= {"RUG barn och unga", "RUG"}
        assert rug.id not in {c[0] for c in _candidates(store)}
        assert [b.id for b in store.bodies_named("RUG")] == [full]

    def test_candidates_are_the_same_whatever_the_order_of_ingest(self, store: GraphStore, tmp_path: Path) -> None:
        files = sorted(find_files([sample_dir()])) + _write(tmp_path / "rug", RUG_MINUTES)
        for path in files:
            ingest_files(store, [path])
        forward = _candidates(store)
        for info in store.documents():
            store.delete_document(info.id)
        for path in reversed(files):
            ingest_files(store, [path])
        # at least four pairs to order (the extraction already joins a body's shorter names to its one
        # longer name within one document, so those are no candidates)
        assert len(forward) >= 4 and _candidates(store) == forward

    def test_a_body_asked_for_by_name_is_the_one_that_met(self, store: GraphStore) -> None:
        ingest_files(store, find_files([sample_dir()]))
        found = store.bodies_named("Socialchefsnätverket")
        assert [(b.name, b.region, b.meetings) for b in found][:1] == [("Socialchefs nätverket", "Dalarna", 1)]
        assert [b.id for b in store.bodies_named("SCHNV")] == [found[0].id]  # an alias finds it too

    def test_review_judgements_travel_as_curation_lines(self, store: GraphStore, tmp_path: Path) -> None:
        paths = _write(tmp_path / "rug", RUG_MINUTES)
        ingest_files(store, paths)
        action = _facts(store, "action")[0]
        review.confirm(store, action.doc_id or "", action.fact or "", reason="stämmer", by="Anna Berg")
        snap = GraphView(store).refresh()
        org = next(c for c in body_and_organisation_candidates(store, snap) if c.label == "Organization")
        review.reject_entity_candidate(store, snap, org.id, by="Anna Berg")
        lines = list(export_lines(store))
        assert [line.count('"kind": "review"') for line in lines] == [1, 1]
        other = SQLiteStore.open(tmp_path / "other.db")  # the same minutes in another store
        try:
            ingest_files(other, paths)
            before = len(_queue(other))
            report = import_judgements(other, parse_lines(lines, "curation.jsonl"))
            assert (report.applied, report.unchanged) == (2, 0)
            assert other.reviews() == store.reviews()
            assert {i.id for i in _queue(other)} == {i.id for i in _queue(store)} and len(_queue(other)) == before - 2
            again = import_judgements(other, parse_lines(lines, "curation.jsonl"))
            assert (again.applied, again.unchanged) == (0, 2)
        finally:
            other.close()

    def test_an_undone_confirmation_puts_the_fact_back_and_the_history_keeps_both(
        self, store: GraphStore, tmp_path: Path
    ) -> None:
        (path,) = _write(tmp_path / "minutes", {"lansgrupp.txt": MINUTES})
        ingest_files(store, [path])
        doc = document_id(str(path))
        (action,) = _facts(store, "action")
        before = [i.id for i in _queue(store)]
        made = review.confirm(store, doc, action.fact or "", reason="stämmer", by="Anna Berg")
        assert action.id not in {i.id for i in _queue(store)}
        undone = review.undo(store, made.id, reason="läste fel", by="Per Lind")
        assert (undone.op, undone.undoes, undone.decided_by, undone.reason) == (
            "undo",
            made.id,
            "Per Lind",
            "läste fel",
        )
        assert (undone.doc_id, undone.fact, undone.fact_kind) == (made.doc_id, made.fact, made.fact_kind)
        assert undone.decided_at > made.decided_at
        assert [i.id for i in _queue(store)] == before  # back, in its place
        assert store.reviews() == [made, undone]
        assert review.history(store, fact=action.fact or "") == [made, undone]
        with pytest.raises(Conflict, match="already undone"):
            review.undo(store, made.id, by="Per Lind")
        with pytest.raises(Conflict, match="itself an undo"):
            review.undo(store, undone.id, by="Per Lind")
        with pytest.raises(NotFound, match="review-0123456789abcdef"):
            review.undo(store, "review-0123456789abcdef", by="Per Lind")
        store.delete_document(doc)  # re-ingested: the undo still counts
        ingest_files(store, [path])
        assert [i.id for i in _queue(store)] == before
        again = review.confirm(store, doc, action.fact or "", by="Anna Berg")  # and it can be confirmed again
        assert action.id not in {i.id for i in _queue(store)} and again.id != made.id
        assert [r.op for r in review.history(store, fact=action.fact or "")] == ["confirm", "undo", "confirm"]

    def test_an_undone_distinction_proposes_the_pair_again(self, store: GraphStore, tmp_path: Path) -> None:
        ingest_files(store, _write(tmp_path / "rug", RUG_MINUTES))
        proposed = _candidates(store)
        snap = GraphView(store).refresh()
        org = next(c for c in body_and_organisation_candidates(store, snap) if c.label == "Organization")
        made = review.reject_entity_candidate(store, snap, org.id, by="Anna Berg")
        assert org.id not in {c[0] for c in _candidates(store)}
        undone = review.undo(store, made.id, reason="samma förvaltning", by="Per Lind")
        assert (undone.node_a, undone.node_b) == (made.node_a, made.node_b)
        assert _candidates(store) == proposed  # the same pair, score and reasons
        assert review.history(store, node=org.node_a) == [made, undone] == review.history(store, node=org.node_b)
        assert review.distinct(store, org.node_a, org.node_b, by="Anna Berg").op == "distinct"  # judged again
        assert org.id not in {c[0] for c in _candidates(store)}

    def test_undos_travel_as_curation_lines_and_importing_twice_changes_nothing(
        self, store: GraphStore, tmp_path: Path
    ) -> None:
        paths = _write(tmp_path / "rug", RUG_MINUTES)
        ingest_files(store, paths)
        actions = _facts(store, "action")
        kept = review.confirm(store, actions[0].doc_id or "", actions[0].fact or "", by="Anna Berg")
        taken = review.confirm(store, actions[1].doc_id or "", actions[1].fact or "", by="Anna Berg")
        review.undo(store, taken.id, reason="osäker", by="Per Lind")
        lines = list(export_lines(store))
        assert sum('"op": "undo"' in line for line in lines) == 1
        other = SQLiteStore.open(tmp_path / "other.db")  # the same minutes in another store
        try:
            ingest_files(other, paths)
            report = import_judgements(other, parse_lines(lines, "curation.jsonl"))
            assert (report.applied, report.unchanged) == (3, 0)
            assert other.reviews() == store.reviews()
            assert [i.id for i in _queue(other)] == [i.id for i in _queue(store)]
            assert actions[1].id in {i.id for i in _queue(other)} and actions[0].id not in {i.id for i in _queue(other)}
            assert kept in other.reviews()
            again = import_judgements(other, parse_lines(lines, "curation.jsonl"))
            assert (again.applied, again.unchanged) == (0, 3) and other.reviews() == store.reviews()
        finally:
            other.close()

    @pytest.mark.parametrize("decision", ["accept", "reject"])
    def test_a_person_pair_decided_from_the_queue_is_undone_and_back_in_the_queue(
        self, store: GraphStore, tmp_path: Path, decision: Literal["accept", "reject"]
    ) -> None:
        ingest_files(store, _write(tmp_path / "pair", PAIR_MINUTES))
        (pair,) = _people(store)
        before, names = _queue(store), _person_names(store)
        made = review.decide(store, GraphView(store).refresh(), "person_merge", decision, candidate=pair.id, by="Anna")
        assert made.undo is not None and made.changed_graph
        (kept,) = store.reviews()
        assert (kept.id, kept.op, kept.candidate, kept.decided_by) == (made.undo, "person", pair.id, "Anna")
        assert kept.decision == ("accepted" if decision == "accept" else "rejected")
        assert (kept.node_a, kept.node_b) == (pair.sides[0].id, pair.sides[1].id)
        assert _people(store) == [] and [j.decision for j in store.judgements()] == [kept.decision]
        if decision == "accept":
            assert len(_person_names(store)) == len(names) - 1  # one person now
        undone = review.undo(store, made.undo, reason="fel par", by="Per")
        assert (undone.op, undone.undoes, undone.candidate, undone.reason) == ("undo", kept.id, pair.id, "fel par")
        assert _queue(store) == before and _person_names(store) == names  # back, in its place, as proposed
        assert [j.decision for j in store.judgements()] == ["pending"]
        assert (
            review.history(store, node=pair.sides[0].id)
            == [kept, undone]
            == review.history(store, node=pair.sides[1].id)
        )
        with pytest.raises(Conflict, match="already undone"):
            review.undo(store, kept.id, by="Per")
        for doc in store.documents():  # the pair stays open through a rebuild from scratch
            store.delete_document(doc.id)
        ingest_files(store, _write(tmp_path / "pair", PAIR_MINUTES))
        assert [i.id for i in _people(store)] == [pair.id]
        again = review.decide(store, GraphView(store).refresh(), "person_merge", "reject", candidate=pair.id, by="Anna")
        assert _people(store) == [] and again.undo not in (None, kept.id)
        assert [r.op for r in review.history(store, node=pair.sides[0].id)] == ["person", "undo", "person"]

    def test_a_person_pair_decided_again_since_is_not_undone_from_the_queue(
        self, store: GraphStore, tmp_path: Path
    ) -> None:
        ingest_files(store, _write(tmp_path / "pair", PAIR_MINUTES))
        (pair,) = _people(store)
        made = review.decide(store, GraphView(store).refresh(), "person_merge", "reject", candidate=pair.id, by="Anna")
        judge(store, pair.id, "accepted", "samma", "2099-01-01T00:00:00+00:00", decided_by="Per")  # on /merges
        with pytest.raises(Conflict, match="decided again"):
            review.undo_decision(store, made.undo or "", by="Anna")
        assert [j.decision for j in store.judgements()] == ["accepted"] and [r.op for r in store.reviews()] == [
            "person"
        ]
        with pytest.raises(NotFound, match="no pending person"):
            review.decide_person_pair(store, pair.id, "reject", by="Anna")
