"""One contract for every GraphStore: the SQLite store and the Neo4j store both inherit it."""

from __future__ import annotations

from pathlib import Path

import pytest

from samkarta.errors import StoreUnavailable
from samkarta.graph.batch import build_batch, document_id
from samkarta.graph.model import GraphBatch, Judgement, Rel
from samkarta.graph.sqlite_store import SQLiteStore
from samkarta.graph.store import GraphStore, snapshot
from samkarta.ingest import erase_person, find_files, ingest_files, judge
from samkarta.loaders.extract import extract_text
from samkarta.loaders.model import Evidence, PersonFact, SourceInfo
from samkarta.queries import timeline
from samkarta.queries.questions import _resolve, trail
from samkarta.queries.view import GraphView, Snapshot
from samkarta.samples import sample_dir
from tests.contract.entities_contract import EntitiesContract
from tests.contract.fact_edits_contract import FactEditsContract
from tests.contract.incremental_contract import IncrementalContract
from tests.contract.minutes import GENITIVE_MINUTES, MINUTES
from tests.contract.review_contract import ReviewContract
from tests.contract.splits_contract import SplitsContract

# the same body two years earlier: Lisa Holm of Arboga where Fredrik Ödman of Köping sits in 2023, and the
# question of joint advertising handed to another body
EARLIER_MINUTES = (
    MINUTES.replace("2023-03-09", "2021-03-11")
    .replace("Fredrik Ödman Köping", "Lisa Holm Arboga")
    .replace("Torbjörn ska ta med sig", "Agneta ska ta med sig")
    .replace("till Socialchefsnätverket.", "till IFO-chefsnätverket.")
)


def batch_of(text: str, path: str = "/minutes/lansgrupp-2023-03-09.txt", sha: str = "a" * 64):
    info = SourceInfo(path=path, sha256=sha, format="txt", chars=len(text))
    return build_batch(extract_text(text, info), text)


def one_body_two_years() -> list[GraphBatch]:
    """One body's minutes of 2023 (MINUTES) and 2021 (EARLIER_MINUTES), none in 2022."""
    return [batch_of(MINUTES), batch_of(EARLIER_MINUTES, "/minutes/lansgrupp-2021-03-11.txt", "b" * 64)]


def fail_rels_of(store: GraphStore, monkeypatch: pytest.MonkeyPatch, doc_id: str, message: str) -> None:
    """Make writing the relationships of one document fail, in whatever transaction it is written."""
    real = store._write_rels  # type: ignore[attr-defined]

    def failing(tx: object, rels: list[Rel]) -> None:
        if any(r.doc_id == doc_id for r in rels):
            raise StoreUnavailable(message)
        real(tx, rels)

    monkeypatch.setattr(store, "_write_rels", failing)


def by_name(store: GraphStore, label: str, name: str) -> list[str]:
    return [node_id for node_id, lab, n in store.names() if lab == label and n == name]


ACCEPT_REJECT_REJECT_ACCEPT_ACCEPT = [
    ("accepted", "Anna"),
    ("rejected", "Bo"),
    ("rejected", "Cia"),
    ("accepted", "Dan"),
    ("accepted", "Eva"),
]
REJECT_REJECT_ACCEPT_REJECT = [("rejected", "Anna"), ("rejected", "Bo"), ("accepted", "Cia"), ("rejected", "Dan")]


def decide_in_turn(store: GraphStore, candidate_id: str, names: tuple[str, str], turns: list[tuple[str, str]]) -> None:
    """Decide one candidate again and again, by other writers: after each decision it is still
    listed with that decision, the judgement is that one alone, and the graph follows it."""
    for number, (decision, writer) in enumerate(turns, start=1):
        judge(store, candidate_id, decision, f"reason {number}", f"2026-01-0{number}T00:00:00", decided_by=writer)
        listed = store.candidates(None)
        assert [(c.id, c.status) for c in listed] == [(candidate_id, decision)], (number, decision)
        [judged] = store.judgements()
        assert (judged.decision, judged.reason, judged.decided_by) == (decision, f"reason {number}", writer)
        assert {judged.key_a, judged.key_b} == {listed[0].key_a, listed[0].key_b}
        people = {name: by_name(store, "Person", name) for name in names}
        assert all(len(ids) == 1 for ids in people.values()), (number, people)
        nodes = {ids[0] for ids in people.values()}
        assert len(nodes) == (1 if decision == "accepted" else 2), (number, decision)
        assert {listed[0].node_a, listed[0].node_b} == nodes  # a new decision rebuilds these people's documents


# FactEditsContract includes CorrectionsContract
class StoreContract(FactEditsContract, EntitiesContract, SplitsContract, ReviewContract, IncrementalContract):
    @pytest.fixture
    def store(self) -> GraphStore:
        raise NotImplementedError

    @pytest.fixture
    def corpus_store(self, store: GraphStore) -> GraphStore:
        summary = ingest_files(store, find_files([sample_dir()]))
        assert summary.failed == [] and summary.ingested == 11
        return store

    def test_write_then_read_back_with_provenance(self, store: GraphStore) -> None:
        batch = batch_of(MINUTES)
        result = store.write_document(batch)
        assert result.status == "ingested" and result.rels_added == len(batch.rels)
        assert result.nodes_added == len(batch.nodes)
        person = by_name(store, "Person", "Agneta Lövgren")
        assert len(person) == 1
        node = store.get_node(person[0])
        assert node is not None and node.label == "Person" and node.props["region"] == "Västmanland"
        rels = store.rels_of(person[0])
        attended = [r for r in rels if r.type == "ATTENDED"]
        assert attended and attended[0].quote and "Agneta Lövgren" in attended[0].quote
        assert attended[0].start is not None and MINUTES[attended[0].start : attended[0].end] == "Agneta Lövgren"
        assert store.node_documents(person[0]) == [batch.document.id]
        stored = store.document(batch.document.id)
        assert stored is not None and stored.text == MINUTES and stored.info.sha256 == "a" * 64

    def test_same_document_twice_changes_nothing(self, store: GraphStore) -> None:
        store.write_document(batch_of(MINUTES))
        before, version = store.stats(), store.version()
        assert store.write_document(batch_of(MINUTES)).status == "unchanged"
        assert store.stats() == before and store.version() == version

    def test_changed_document_replaces_its_facts(self, store: GraphStore) -> None:
        store.write_document(batch_of(MINUTES))
        changed = MINUTES.replace("Fredrik Ödman Köping", "Helena Krantz Arboga")
        assert store.write_document(batch_of(changed, sha="b" * 64)).status == "replaced"
        assert by_name(store, "Person", "Fredrik Ödman") == []
        assert len(by_name(store, "Person", "Helena Krantz")) == 1
        assert store.stats().documents == 1

    def test_delete_document_removes_what_only_it_said(self, store: GraphStore) -> None:
        batch = batch_of(MINUTES)
        store.write_document(batch)
        other = MINUTES.replace("2023-03-09", "2023-05-04")
        store.write_document(batch_of(other, path="/minutes/lansgrupp-2023-05-04.txt", sha="c" * 64))
        assert store.delete_document(batch.document.id) is True
        assert store.delete_document(batch.document.id) is False
        stats = store.stats()
        assert stats.documents == 1 and stats.nodes["Meeting"] == 1
        assert len(by_name(store, "Person", "Agneta Lövgren")) == 1  # still named by the other minutes
        store.delete_document(document_id("/minutes/lansgrupp-2023-05-04.txt"))
        assert store.stats().nodes == {} and store.stats().relationships == {}

    def test_failure_mid_write_leaves_nothing(self, store: GraphStore, monkeypatch: pytest.MonkeyPatch) -> None:
        def broken(*_args: object, **_kwargs: object) -> None:
            raise StoreUnavailable("injected failure after the nodes were written")

        monkeypatch.setattr(store, "_write_rels", broken)
        with pytest.raises(StoreUnavailable):
            store.write_document(batch_of(MINUTES))
        monkeypatch.undo()
        assert store.stats().documents == 0 and store.stats().nodes == {}
        assert store.write_document(batch_of(MINUTES)).status == "ingested"

    @pytest.mark.parametrize("per_transaction", [1, 50])
    def test_ingest_goes_on_after_a_document_fails_mid_write(
        self, store: GraphStore, monkeypatch: pytest.MonkeyPatch, per_transaction: int
    ) -> None:
        files = find_files([sample_dir()])[:3]
        fail_rels_of(store, monkeypatch, document_id(str(files[1])), "injected failure in the second document")
        summary = ingest_files(store, files, per_transaction=per_transaction)
        assert summary.ingested == 2 and [f for f, _ in summary.failed] == [str(files[1])]
        assert "injected failure" in summary.failed[0][1]
        assert {d.path for d in store.documents()} == {str(files[0]), str(files[2])}
        assert store.stats().nodes["Meeting"] == 2

    def test_write_new_documents_is_all_or_nothing(self, store: GraphStore) -> None:
        first = batch_of(MINUTES)
        second = batch_of(MINUTES.replace("2023-03-09", "2023-05-04"), path="/minutes/b.txt", sha="c" * 64)
        result = store.write_new_documents([first, second])
        assert result.status == "ingested" and result.rels_added == len(first.rels) + len(second.rels)
        assert store.stats().documents == 2 and len(by_name(store, "Person", "Agneta Lövgren")) == 1
        third = batch_of(MINUTES.replace("2023-03-09", "2023-06-01"), path="/minutes/c.txt", sha="d" * 64)
        before = store.stats()
        with pytest.raises(StoreUnavailable):
            store.write_new_documents([third, first])  # the second is stored already: none is written
        assert store.stats() == before and store.document(third.document.id) is None

    def test_a_first_load_gives_the_same_store_as_one_document_per_transaction(
        self, store: GraphStore, tmp_path: Path
    ) -> None:
        files = find_files([sample_dir()])
        alone = SQLiteStore.open(tmp_path / "one-per-transaction.db")
        try:
            assert ingest_files(alone, files, workers=1, per_transaction=1).failed == []
            expected = snapshot(alone), sorted(c.model_dump_json() for c in alone.candidates())
        finally:
            alone.close()
        summary = ingest_files(store, files, workers=1, per_transaction=4)  # three transactions
        assert summary.failed == [] and summary.ingested == len(files)
        assert (snapshot(store), sorted(c.model_dump_json() for c in store.candidates())) == expected

    def test_a_load_into_a_store_with_documents_matches_one_document_per_transaction(
        self, store: GraphStore, tmp_path: Path
    ) -> None:
        folder = tmp_path / "minutes"
        folder.mkdir()
        for f in find_files([sample_dir()]):
            (folder / f.name).write_bytes(f.read_bytes())
        files = find_files([folder])

        def load(target: GraphStore, per_transaction: int) -> None:
            (folder / files[1].name).write_bytes((sample_dir() / files[1].name).read_bytes())  # as first sampled
            assert ingest_files(target, files[:4], per_transaction=per_transaction).ingested == 4
            changed = (sample_dir() / files[1].name).read_text(encoding="utf-8") + "\nÖvrigt: Per Ek, Norrby kommun\n"
            (folder / files[1].name).write_text(changed, encoding="utf-8")
            summary = ingest_files(target, files, per_transaction=per_transaction)
            assert (summary.ingested, summary.replaced, summary.unchanged, summary.failed) == (len(files) - 4, 1, 3, [])

        alone = SQLiteStore.open(tmp_path / "one-per-transaction.db")
        try:
            load(alone, 1)
            expected = snapshot(alone), sorted(c.model_dump_json() for c in alone.candidates())
        finally:
            alone.close()
        load(store, 3)
        assert (snapshot(store), sorted(c.model_dump_json() for c in store.candidates())) == expected

    def test_workers_give_the_same_store_as_one_process(self, store: GraphStore, tmp_path: Path) -> None:
        files = find_files([sample_dir()])
        alone = SQLiteStore.open(tmp_path / "one-process.db")
        try:
            assert ingest_files(alone, files, workers=1).failed == []
            expected = snapshot(alone)
        finally:
            alone.close()
        summary = ingest_files(store, files, workers=2)
        assert summary.failed == [] and summary.ingested == len(files)
        assert snapshot(store) == expected

    @pytest.mark.parametrize("per_transaction", [1, 4])
    def test_a_failure_mid_batch_with_workers_leaves_no_partial_document(
        self, store: GraphStore, monkeypatch: pytest.MonkeyPatch, per_transaction: int
    ) -> None:
        files = find_files([sample_dir()])
        fail_rels_of(store, monkeypatch, document_id(str(files[4])), "injected failure in the fifth document")
        summary = ingest_files(store, files, workers=2, per_transaction=per_transaction)
        assert [f for f, _ in summary.failed] == [str(files[4])] and summary.ingested == len(files) - 1
        failed_id = document_id(str(files[4]))
        assert failed_id not in {d.id for d in store.documents()}
        assert not [n for n in store.graph().nodes if store.node_documents(n) == [failed_id]]
        assert store.stats().nodes["Meeting"] == len(files) - 1

    def test_the_same_file_at_other_paths_is_one_document_with_its_copies(
        self, store: GraphStore, tmp_path: Path
    ) -> None:
        first, second = tmp_path / "a" / "protokoll.txt", tmp_path / "b" / "kopia.txt"
        for path in (first, second):
            path.parent.mkdir()
            path.write_text(MINUTES, encoding="utf-8")
        summary = ingest_files(store, [first, second, second])
        assert (summary.ingested, summary.unchanged, summary.failed) == (1, 2, [])
        [doc] = store.documents()
        assert doc.path == str(first) and doc.copies == [str(second)]
        assert store.document(doc.id).info.copies == [str(second)] and store.stats().nodes["Meeting"] == 1
        first.write_text(MINUTES.replace("2023-03-09", "2023-04-13"), encoding="utf-8")
        assert ingest_files(store, [first]).replaced == 1
        assert store.documents()[0].copies == []  # the copies held the old text: they are no copies now

    def test_fulltext_is_swedish_aware(self, store: GraphStore) -> None:
        store.write_document(batch_of(MINUTES))
        hits = store.fulltext("familjehemmen")
        assert any(h.label == "AgendaItem" and "familjehem" in h.text for h in hits)
        assert any(h.label == "Decision" for h in store.fulltext("kampanjen"))
        handoffs = store.fulltext("annonsering")
        assert any(h.label == "HANDED_OFF" and h.text == "gemensam annonsering" for h in handoffs)
        assert store.fulltext("") == []

    def forget_document_index(self, store: GraphStore) -> None:
        """Leave the store as one written before documents were indexed whole (each backend its way)."""
        raise NotImplementedError

    def test_search_documents_reads_the_whole_minutes_the_swedish_way(self, store: GraphStore) -> None:
        batch = batch_of(MINUTES)
        store.write_document(batch)
        doc_id = batch.document.id
        other = batch_of(MINUTES.replace("familjehem", "kontaktfamilj"), path="/minutes/other.txt", sha="b" * 64)
        store.write_document(other)
        # the attendance list is no item: only the whole text holds it; endings and case do not matter
        assert [h.doc_id for h in store.search_documents("FREDRIK ÖDMAN")] != []
        assert [h.doc_id for h in store.search_documents("familjehemmen")] == [doc_id]
        assert [h.doc_id for h in store.search_documents("familjehemsfrågor rekrytering")] == [doc_id]
        assert {h.doc_id for h in store.search_documents("kampanj")} == {doc_id, other.document.id}
        assert store.search_documents("familjehem obefintligaord") == []
        assert store.search_documents("") == [] and store.search_documents("och i att") == []
        # query syntax is no syntax: quotes, a minus and stars are no part of a word ("-kampanj" excludes nothing)
        assert [h.doc_id for h in store.search_documents('familjehem" -(kampanj*)')] == [doc_id]
        assert all(h.score > 0 for h in store.search_documents("kampanj"))
        store.delete_document(doc_id)
        assert store.search_documents("familjehemmen") == []

    def test_documents_stored_before_the_index_are_indexed_when_the_store_is_prepared(self, store: GraphStore) -> None:
        batch = batch_of(MINUTES)
        store.write_document(batch)
        self.forget_document_index(store)
        assert store.search_documents("familjehemmen") == []
        store.ensure_schema()
        assert [h.doc_id for h in store.search_documents("familjehemmen")] == [batch.document.id]
        store.ensure_schema()  # once is enough: nothing is indexed twice
        assert len(store.search_documents("familjehemmen")) == 1

    def test_graph_projection(self, store: GraphStore) -> None:
        store.write_document(batch_of(MINUTES))
        g = store.graph(labels={"Person", "Meeting", "Network"}, types={"ATTENDED", "OF"})
        labels = {d["label"] for _, d in g.nodes(data=True)}
        assert labels == {"Person", "Meeting", "Network"}
        assert {d["type"] for *_, d in g.edges(data=True)} == {"ATTENDED", "OF"}
        counts = {lab: sum(1 for _, d in g.nodes(data=True) if d["label"] == lab) for lab in labels}
        assert counts == {"Person": 3, "Meeting": 1, "Network": 2}  # the body and the one handed to

    def test_judgements_and_candidates_are_kept(self, store: GraphStore) -> None:
        store.save_judgement(
            Judgement(
                key_a="a|x", key_b="b|y", decision="rejected", reason="two people", decided_at="2026-01-01T00:00:00"
            )
        )
        store.write_document(batch_of(MINUTES))
        store.delete_document(document_id("/minutes/lansgrupp-2023-03-09.txt"))
        assert [j.decision for j in store.judgements()] == ["rejected"]
        assert store.judgements()[0].decided_by == ""  # saved without a writer: none is made up

    def test_a_judgement_keeps_who_decided_and_a_new_decision_replaces_it(self, store: GraphStore) -> None:
        first = Judgement(key_a="a|x", key_b="b|y", decision="rejected", decided_at="2026-01-01T00:00:00")
        store.save_judgement(first.model_copy(update={"decided_by": "Anna Berg"}))
        assert store.judgements() == [first.model_copy(update={"decided_by": "Anna Berg"})]
        later = Judgement(
            key_a="a|x", key_b="b|y", decision="accepted", decided_at="2026-02-01T00:00:00", decided_by="ci-skript"
        )
        store.save_judgement(later)
        assert store.judgements() == [later]

    def test_corpus_twice_gives_identical_counts(self, corpus_store: GraphStore) -> None:
        first = corpus_store.stats()
        again = ingest_files(corpus_store, find_files([sample_dir()]))
        assert again.unchanged == 11 and corpus_store.stats() == first

    def test_corpus_people_and_projects_link_bodies(self, corpus_store: GraphStore) -> None:
        g = corpus_store.graph()
        anna = [n for n, d in g.nodes(data=True) if d["label"] == "Person" and d["name"] == "Anna Ståhlkloo"]
        assert len(anna) == 1
        bodies = {
            g.nodes[net]["name"]
            for _, meeting, d in g.out_edges(anna[0], data=True)
            if d["type"] == "ATTENDED"
            for _, net, e in g.out_edges(meeting, data=True)
            if e["type"] == "OF"
        }
        assert "RUG barn och unga" in bodies and any(b.startswith("Socialchefs") for b in bodies)
        barnahus = [n for n, d in g.nodes(data=True) if d["label"] == "Project" and d["name"] == "Barnahus"]
        assert len(barnahus) == 1
        regions = {g.nodes[m]["region"] for m, _, d in g.in_edges(barnahus[0], data=True) if d["type"] == "MENTIONS"}
        assert {"Dalarna", "Västra Götaland"} <= regions

    def test_spelling_variants_merge_with_reason_and_can_be_undone(self, corpus_store: GraphStore) -> None:
        franson = by_name(corpus_store, "Person", "Elisabet Franson")
        assert len(franson) == 1
        aliases = corpus_store.aliases(franson[0])
        assert [a.alias for a in aliases] == ["Elisabeth Fransson"] and "same region" in aliases[0].reason
        merged = [c for c in corpus_store.candidates() if c.status == "merged"]
        assert len(merged) == 1
        judge(corpus_store, merged[0].id, "rejected", "two different people", "2026-11-23T12:00:00", decided_by="anna")
        assert [(j.decision, j.decided_by) for j in corpus_store.judgements()] == [("rejected", "anna")]
        assert len(by_name(corpus_store, "Person", "Elisabeth Fransson")) == 1
        assert corpus_store.aliases(franson[0]) == []
        # the judgement survives a rebuild from scratch
        for doc in corpus_store.documents():
            corpus_store.delete_document(doc.id)
        ingest_files(corpus_store, find_files([sample_dir()]))
        assert len(by_name(corpus_store, "Person", "Elisabeth Fransson")) == 1

    @pytest.mark.parametrize("order", ["as sorted", "reversed"])  # which spelling was stored first
    def test_a_merged_candidate_decided_again_stays_listed_and_the_latest_decision_wins(
        self, store: GraphStore, order: str
    ) -> None:
        files = [f for f in find_files([sample_dir()]) if "Frans" in f.read_text(encoding="utf-8")]
        assert len(files) == 2, "one sample names Elisabet Franson, another Elisabeth Fransson"
        ingest_files(store, files if order == "as sorted" else files[::-1])
        [cand] = store.candidates()
        assert cand.status == "merged"
        decide_in_turn(store, cand.id, ("Elisabet Franson", "Elisabeth Fransson"), ACCEPT_REJECT_REJECT_ACCEPT_ACCEPT)

    def test_a_pending_candidate_rejected_stays_listed_and_can_be_decided_again(
        self, store: GraphStore, tmp_path: Path
    ) -> None:
        other = (  # the same name spelt another way, in another body, with nobody else in common: no evidence
            MINUTES.replace("Länsgrupp för familjehemsfrågor 2023-03-09", "Chefsnätverket IFO 2023-04-11")
            .replace("Agneta Lövgren Region Västmanland", "Agnetha Lövgren Köping")
            .replace("Agneta Lövgren informerar", "Agnetha Lövgren informerar")
            .replace("Torbjörn Wahlgren ordf. Sala", "Per Ek ordf. Sala")
            .replace("Torbjörn ska", "Per ska")
            .replace("Fredrik Ödman Köping", "Lisa Holm Köping")
        )
        (tmp_path / "a.txt").write_text(MINUTES, encoding="utf-8")
        (tmp_path / "b.txt").write_text(other, encoding="utf-8")
        ingest_files(store, [tmp_path / "a.txt", tmp_path / "b.txt"])
        [cand] = store.candidates()
        assert cand.status == "pending"
        decide_in_turn(store, cand.id, ("Agneta Lövgren", "Agnetha Lövgren"), REJECT_REJECT_ACCEPT_REJECT)

    def test_erase_person_leaves_no_trace(self, corpus_store: GraphStore) -> None:
        lena = by_name(corpus_store, "Person", "Lena Berggren")
        assert len(lena) == 1
        her_docs = corpus_store.node_documents(lena[0])
        assert {h.doc_id for h in corpus_store.search_documents("Lena Berggren")} == set(her_docs)
        changed = corpus_store.erase_node(lena[0], {"*": ["Lena Berggren"], **{d: ["Lena"] for d in her_docs}})
        assert set(her_docs) <= set(changed)
        assert corpus_store.get_node(lena[0]) is None
        assert all("Lena Berggren" not in n for _, _, n in corpus_store.names())
        for doc in corpus_store.documents():
            stored = corpus_store.document(doc.id)
            assert stored is not None and "Lena Berggren" not in stored.text
            assert "Lena Berggren" not in str(stored.extraction)
            if doc.id in her_docs:
                assert "Lena " not in stored.text
        g = corpus_store.graph()
        assert all("Lena Berggren" not in (d.get("quote") or "") for *_, d in g.edges(data=True))
        assert not [h for h in corpus_store.fulltext("Lena") if h.doc_id in her_docs]
        assert corpus_store.search_documents("Berggren") == []
        assert not [h for h in corpus_store.search_documents("Lena") if h.doc_id in her_docs]
        assert by_name(corpus_store, "Person", "Lena Nazzal")  # another Lena keeps her name
        items = [n for _, lab, n in corpus_store.names() if lab == "AgendaItem"]
        assert all("\n" not in n for n in items)  # item names stay titles

    def test_erasure_takes_the_genitive_with_the_name_and_a_record_an_older_extraction_made_of_it(
        self, store: GraphStore
    ) -> None:
        text = GENITIVE_MINUTES
        info = SourceInfo(path="/minutes/genitive.txt", sha256="c" * 64, format="txt", chars=len(text))
        extraction = extract_text(text, info)
        assert [p.name for p in extraction.people if "Ylvander" in p.name] == ["Vibeke Ylvander"]
        # as an extractor that read the genitive as a second person left it: "Vibeke Ylvanders"
        at = text.index("Vibeke Ylvanders")
        evidence = Evidence(start=at, end=at + 16, quote=text[at : text.index(".", at) + 1])
        extraction.people.append(PersonFact(name="Vibeke Ylvanders", roles=["mentioned"], evidence=[evidence]))
        extraction.actions[0].assignee = "Vibeke Ylvander:s grupp"
        store.write_document(build_batch(extraction, text))
        [vibeke] = by_name(store, "Person", "Vibeke Ylvander")
        assert by_name(store, "Person", "Vibeke Ylvanders")
        [doc_id] = [d.id for d in store.documents()]
        assert set(erase_person(store, vibeke)) == {doc_id}
        assert not [n for _, _, n in store.names() if "ylvander" in n.casefold()]
        stored = store.document(doc_id)
        assert stored is not None and "ylvander" not in (stored.text + str(stored.extraction)).casefold()
        g = store.graph()
        values = [str(d) for _, d in g.nodes(data=True)] + [str(d) for *_, d in g.edges(data=True)]
        assert values and not [v for v in values if "ylvander" in v.casefold()]
        assert store.search_documents("Ylvander") == [] and store.search_documents("Ylvanders") == []
        assert store.fulltext("Ylvander") == [] and store.fulltext("Ylvanders") == []
        decisions = [d for _, d in g.nodes(data=True) if d.get("label") == "Decision"]
        assert any("[borttaget] förslag" in str(d) for d in decisions)  # the mark went with the name: no "s"

    def test_a_body_is_found_by_every_name_and_the_one_that_met_comes_first(self, corpus_store: GraphStore) -> None:
        corpus_store.write_document(batch_of(MINUTES))  # mentions Socialchefsnätverket in Västmanland, never met
        found = corpus_store.bodies_named("Socialchefsnätverket")
        assert [(b.name, b.region, b.matched) for b in found] == [
            ("Socialchefs nätverket", "Dalarna", "Socialchefs nätverket"),
            ("Socialchefsnätverket", "Västmanland", "Socialchefsnätverket"),
        ]
        assert (found[0].meetings, found[0].members) == (1, 20)
        assert (found[1].meetings, found[1].members) == (0, 0)
        for spelling in ("socialchefs-nätverket", "SOCIALCHEFS  NÄTVERKET", " Socialchefs\tnätverket "):
            assert corpus_store.bodies_named(spelling) == found
        # an alias finds its body only: the empty namesake was never written so
        by_alias = corpus_store.bodies_named("socialchefs nätverket (schnv)")
        assert [(b.id, b.matched) for b in by_alias] == [(found[0].id, "Socialchefs nätverket (SCHNV)")]
        # both counties' minutes name their IFO chiefs' network by its members too ("IFO-chefernas")
        by_members = corpus_store.bodies_named("IFO-cheferna")
        assert sorted((b.name, b.region) for b in by_members) == [
            ("IFO-chefsnätverket", "Dalarna"),
            ("IFO-chefsnätverket", "Västra Götaland"),
        ]
        # names, not fuzzy matches or other kinds of nodes
        assert corpus_store.bodies_named("Socialchefsnätverk") == []
        assert corpus_store.bodies_named("Agneta Lövgren") == []
        assert corpus_store.bodies_named(" - ") == []

    @pytest.fixture
    def two_years(self, store: GraphStore) -> tuple[Snapshot, str]:
        """A snapshot of one body's minutes of 2021 and 2023, and the body's id."""
        for batch in one_body_two_years():
            store.write_document(batch)
        snap = GraphView(store).current()
        return snap, _resolve(snap, "Länsgrupp för familjehemsfrågor", {"Network"})

    def test_a_body_year_by_year_with_who_came_and_who_went(self, two_years: tuple[Snapshot, str]) -> None:
        snap, body = two_years
        found = timeline.body_years(snap, body)
        assert (found.name, found.region, found.undated_meetings) == (
            "Länsgrupp för familjehemsfrågor",
            "Västmanland",
            0,
        )
        assert [(y.year, y.meetings) for y in found.years] == [(2021, 1), (2022, 0), (2023, 1)]  # the gap shows
        y2021, y2022, y2023 = found.years
        assert [p.name for p in y2021.people] == ["Agneta Lövgren", "Lisa Holm", "Torbjörn Wahlgren"]
        assert [p.name for p in y2023.people] == ["Agneta Lövgren", "Fredrik Ödman", "Torbjörn Wahlgren"]
        assert [(m.name, m.code) for m in y2021.municipalities] == [("Arboga", "1984"), ("Sala", "1981")]
        assert [(m.name, m.code) for m in y2023.municipalities] == [("Köping", "1983"), ("Sala", "1981")]
        assert [o.name for o in y2023.organizations] == ["Region Västmanland"]
        names = {i: snap.g.nodes[i]["name"] for y in found.years for i in (*y.joined, *y.left)}
        assert len(y2021.joined) == 6 and y2021.left == []  # three people, two municipalities, the region
        assert (y2022.people, y2022.joined, y2022.left) == ([], [], [])
        assert sorted(names[i] for i in y2023.joined) == ["Fredrik Ödman", "Köping"]
        assert sorted(names[i] for i in y2023.left) == ["Arboga", "Lisa Holm"]

    def test_a_body_map_marks_the_municipalities_its_people_came_from(self, two_years: tuple[Snapshot, str]) -> None:
        snap, body = two_years
        every = timeline.body_map(snap, body)
        assert every.years == [2021, 2023] and every.year is None
        assert len(every.municipalities) == 10  # all of Västmanland's
        taking = {m.name: (m.meetings, [p.name for p in m.people]) for m in every.municipalities if m.takes_part}
        assert taking == {
            "Arboga": (1, ["Lisa Holm"]),
            "Köping": (1, ["Fredrik Ödman"]),
            "Sala": (2, ["Torbjörn Wahlgren"]),
        }
        assert all(m.id for m in every.municipalities if m.takes_part)
        assert not any(m.id or m.people for m in every.municipalities if not m.takes_part)  # never named
        one_year = timeline.body_map(snap, body, 2021)
        assert [m.name for m in one_year.municipalities if m.takes_part] == ["Arboga", "Sala"]
        assert [m.name for m in timeline.body_map(snap, body, 2022).municipalities if m.takes_part] == []

    def test_a_question_trail_year_by_year(self, store: GraphStore, two_years: tuple[Snapshot, str]) -> None:
        snap, _ = two_years
        found = timeline.trail_years(store, snap, "gemensam annonsering")
        assert [y.year for y in found.years] == [2021, 2022, 2023] and found.undated == []
        y2021, y2022, y2023 = found.years
        hops = [[(h.from_name, h.to_name, h.date) for h in y.handoffs] for y in found.years]
        assert hops == [
            [("Länsgrupp för familjehemsfrågor", "IFO-chefsnätverket", "2021-03-11")],
            [],
            [("Länsgrupp för familjehemsfrågor", "Socialchefsnätverket", "2023-03-09")],
        ]
        assert [b.name for b in y2021.bodies] == ["Länsgrupp för familjehemsfrågor", "IFO-chefsnätverket"]
        assert (y2022.steps, y2022.bodies) == ([], [])
        assert {s.date for s in y2023.steps} == {"2023-03-09"}
        assert [s.kind for s in y2023.steps][-1] == "handoff_received" and y2023.steps[
            -1
        ].network == "Socialchefsnätverket"
        # the same steps as the trail, none lost or added by the grouping
        dated = [s for s in trail(store, snap, "gemensam annonsering").steps if s.date]
        assert [s for y in found.years for s in y.steps] == dated

    def test_tombstones_keep_a_stable_key_and_can_be_lifted(self, store: GraphStore) -> None:
        key = store.tombstone_key()
        assert len(key) == 64 and store.tombstone_key() == key
        store.set_tombstone("ab" * 32, True)
        store.set_tombstone("ab" * 32, True)  # idempotent
        assert store.tombstones() == {"ab" * 32}
        store.set_tombstone("ab" * 32, False)
        assert store.tombstones() == set()
        assert store.stats().nodes == {}  # bookkeeping, not graph nodes

    def test_closed_store_raises_store_unavailable(self, store: GraphStore) -> None:
        store.close()
        store.close()  # idempotent
        with pytest.raises(StoreUnavailable):
            store.stats()
