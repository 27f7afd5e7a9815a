"""graph.pending: what the person resolver sees of documents resolved but not yet written."""

from __future__ import annotations

from pathlib import Path

from samkarta.graph.model import DocumentInfo, GraphBatch, Node, Rel
from samkarta.graph.pending import PendingPeople, PeopleView
from samkarta.graph.sqlite_store import SQLiteStore


def _batch(doc: str, person: str, name: str, rkey: str, body: str) -> GraphBatch:
    """One meeting of `body` that `person` attended, named `name` under the key `rkey`."""
    meeting = f"meeting-{doc}"
    return GraphBatch(
        document=DocumentInfo(id=f"document-{doc}", path=f"/{doc}.txt", sha256=doc * 8, format="txt"),
        text="",
        nodes=[
            Node(id=person, label="Person", name=name, props={"region": "Dalarna", "rkey": rkey, "block": "a:ber"}),
            Node(id=meeting, label="Meeting", name=doc),
            Node(id=body, label="Network", name=body),
        ],
        rels=[
            Rel(id=f"a-{doc}", type="ATTENDED", source=person, target=meeting, doc_id=f"document-{doc}"),
            Rel(id=f"o-{doc}", type="OF", source=meeting, target=body, doc_id=f"document-{doc}"),
        ],
    )


def test_waiting_people_are_found_with_the_bodies_they_met_in() -> None:
    pending = PendingPeople()
    pending.add(_batch("a", "person-1", "Anna Berg", "dalarna|annaberg", "network-x"))
    pending.add(_batch("b", "person-1", "Anna Bergh", "dalarna|annabergh", "network-y"))  # the first write wins
    view = PeopleView(None, pending, [])
    [found] = view.people_by_rkey(["dalarna|annaberg"])
    assert (found.name, found.networks) == ("Anna Berg", ["network-x", "network-y"])
    assert view.people_by_rkey(["dalarna|annabergh"]) == [] and len(view.people_by_block(["a:ber"])) == 1


def test_a_stored_person_keeps_its_keys_and_gains_the_waiting_bodies(tmp_path: Path) -> None:
    store = SQLiteStore.open(tmp_path / "graph.db")
    try:
        store.write_document(_batch("a", "person-1", "Anna Berg", "dalarna|annaberg", "network-x"))
        pending = PendingPeople()
        pending.add(_batch("b", "person-1", "Anna Bergh", "dalarna|annabergh", "network-y"))  # a variant merged
        view = PeopleView(store, pending, [])
        [found] = view.people_by_rkey(["dalarna|annaberg"])
        assert (found.name, found.networks) == ("Anna Berg", ["network-x", "network-y"])
        assert view.people_by_rkey(["dalarna|annabergh"]) == []  # as the store would answer once b is written
    finally:
        store.close()


def test_rollback_takes_back_what_was_added_since_the_mark_and_nothing_before() -> None:
    pending = PendingPeople()
    pending.add(_batch("a", "person-1", "Anna Berg", "dalarna|annaberg", "network-x"))
    pending.mark()
    pending.add(_batch("b", "person-1", "Anna Berg", "dalarna|annaberg", "network-y"))  # a new body for her
    pending.add(_batch("c", "person-2", "Per Ek", "dalarna|perek", "network-x"))  # a new person
    pending.rollback()
    view = PeopleView(None, pending, [])
    [anna] = view.people_by_rkey(["dalarna|annaberg"])
    assert anna.networks == ["network-x"] and view.people_by_rkey(["dalarna|perek"]) == []
    assert [p.id for p in view.people_by_block(["a:ber"])] == ["person-1"]
    pending.mark()
    pending.add(_batch("c", "person-2", "Per Ek", "dalarna|perek", "network-x"))
    pending.settle()
    pending.rollback()  # nothing is marked: nothing is taken back
    assert [p.name for p in view.people_by_rkey(["dalarna|perek"])] == ["Per Ek"]


class _CountingStore(SQLiteStore):
    """A real SQLite store that counts the person look-ups it answers."""

    asked: list[list[str]]

    def people_by_rkey(self, rkeys: list[str]):  # noqa: ANN201
        self.asked.append(rkeys)
        return super().people_by_rkey(rkeys)

    def people_by_block(self, blocks: list[str]):  # noqa: ANN201
        self.asked.append(blocks)
        return super().people_by_block(blocks)


def test_read_ahead_asks_the_store_once_for_a_batch_and_again_after_a_write(tmp_path: Path) -> None:
    store = _CountingStore.open(tmp_path / "graph.db")
    try:
        store.asked = []
        store.write_document(_batch("a", "person-1", "Anna Berg", "dalarna|annaberg", "network-x"))
        store.write_document(_batch("b", "person-2", "Per Ek", "dalarna|perek", "network-x"))
        direct = store.people_by_rkey(["dalarna|annaberg", "dalarna|perek"]), store.people_by_block(["a:ber"])
        view = PeopleView(store, PendingPeople(), [])
        store.asked = []
        view.read_ahead(["dalarna|annaberg", "dalarna|perek", "dalarna|nobody"], ["a:ber", "x:yyy"])
        assert len(store.asked) == 2  # one question per kind of key, for every document of the batch
        # the documents of the batch are answered from what was read: as the store answers, nothing asked
        assert view.people_by_rkey(["dalarna|perek", "dalarna|annaberg"]) == direct[0]
        assert view.people_by_rkey(["dalarna|nobody"]) == [] and view.people_by_block(["a:ber"]) == direct[1]
        assert len(store.asked) == 2
        assert view.people_by_rkey(["dalarna|perek", "dalarna|other"]) == direct[0][1:]
        assert store.asked[-1] == ["dalarna|other"]  # a key not read ahead is asked alone
        store.write_document(_batch("c", "person-3", "Per Ekh", "dalarna|nobody", "network-y"))
        view.forget()  # the store was written: its answers are asked again
        [found] = view.people_by_rkey(["dalarna|nobody"])
        assert found.id == "person-3" and store.asked[-1] == ["dalarna|nobody"]
    finally:
        store.close()
