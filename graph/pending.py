"""People of documents resolved but not yet written, so the next document resolves against them.

New documents are written many per transaction; until a transaction commits, the store does not
know the people of its documents. `PendingPeople` keeps what the store would answer for them (the
same rules as the stores' person records: the first write of a node wins; bodies from attendance,
absence and mentions at a meeting; affiliations from REPRESENTS), and `PeopleView` answers the
resolver from the store and the pending documents together.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from samkarta.graph.model import GraphBatch, Judgement
from samkarta.graph.store import GraphStore, PersonRecord

_AT_MEETING = ("ATTENDED", "ABSENT_FROM")


@dataclass
class _Person:
    id: str
    name: str
    region: str | None
    rkey: str
    block: str
    networks: set[str] = field(default_factory=set)
    affiliations: set[str] = field(default_factory=set)

    def record(self) -> PersonRecord:
        return PersonRecord(
            id=self.id,
            name=self.name,
            region=self.region,
            rkey=self.rkey,
            block=self.block,
            networks=sorted(self.networks),
            affiliations=sorted(self.affiliations),
        )


class PendingPeople:
    """The people of the batches added, indexed as the store indexes them. What was added since
    `mark()` can be taken back (`rollback()`), so a failed transaction costs no copy of the index."""

    def __init__(self) -> None:
        self._people: dict[str, _Person] = {}
        self._by_rkey: dict[str, set[str]] = {}
        self._by_block: dict[str, set[str]] = {}
        self._journal: list[tuple[str, str, str]] | None = None  # (what, person, value) since mark()

    def add(self, batch: GraphBatch) -> None:
        for node in batch.nodes:
            if node.label != "Person" or node.id in self._people:
                continue  # a node written before keeps its name and keys
            p = node.props
            person = _Person(node.id, node.name, p.get("region"), p.get("rkey") or "", p.get("block") or "")
            self._people[node.id] = person
            self._by_rkey.setdefault(person.rkey, set()).add(node.id)
            self._by_block.setdefault(person.block, set()).add(node.id)
            self._note("person", node.id, "")
        body_of = {r.source: r.target for r in batch.rels if r.type == "OF"}  # meeting -> body
        for r in batch.rels:
            if r.type in _AT_MEETING and r.source in self._people and r.target in body_of:
                self._link(r.source, "networks", body_of[r.target])
            elif r.type == "MENTIONS" and r.target in self._people and r.source in body_of:
                self._link(r.target, "networks", body_of[r.source])
            elif r.type == "REPRESENTS" and r.source in self._people:
                self._link(r.source, "affiliations", r.target)

    def _link(self, person: str, kind: str, value: str) -> None:
        links: set[str] = getattr(self._people[person], kind)
        if value not in links:
            links.add(value)
            self._note(kind, person, value)

    def _note(self, what: str, person: str, value: str) -> None:
        if self._journal is not None:
            self._journal.append((what, person, value))

    def mark(self) -> None:
        """Start recording what is added, to be kept (`settle`) or taken back (`rollback`)."""
        self._journal = []

    def settle(self) -> None:
        self._journal = None

    def rollback(self) -> None:
        """Take back everything added since mark(), newest first."""
        for what, person, value in reversed(self._journal or []):
            if what == "person":
                p = self._people.pop(person)
                self._by_rkey[p.rkey].discard(person)
                self._by_block[p.block].discard(person)
            else:
                getattr(self._people[person], what).discard(value)
        self._journal = None

    def by_rkey(self, rkeys: list[str]) -> list[PersonRecord]:
        return self._records(self._by_rkey, rkeys)

    def by_block(self, blocks: list[str]) -> list[PersonRecord]:
        return self._records(self._by_block, blocks)

    def _records(self, index: dict[str, set[str]], keys: list[str]) -> list[PersonRecord]:
        ids = sorted({i for k in keys for i in index.get(k, ())})
        return [self._people[i].record() for i in ids]

    def extended(self, record: PersonRecord) -> PersonRecord:
        """A stored person with the bodies and affiliations the waiting documents add."""
        p = self._people.get(record.id)
        if p is None:
            return record
        return record.model_copy(
            update={
                "networks": sorted({*record.networks, *p.networks}),
                "affiliations": sorted({*record.affiliations, *p.affiliations}),
            }
        )


class PeopleView:
    """What the person resolver reads: the store's people and the pending ones, merged per person.
    Without a store (a load into an empty store, which records every document it writes in
    `pending` too), the pending people are all there is, and no query goes to the store.

    The store's answers are read ahead for a batch of documents (`read_ahead`: one query for the
    keys of all their people, not two per document) and kept, per key, until the store is written
    (`forget`)."""

    def __init__(self, store: GraphStore | None, pending: PendingPeople, judgements: list[Judgement]) -> None:
        self.store = store
        self.pending = pending
        self._judgements = judgements
        # Person id -> stored before this load. A person first written by this load is stored with
        # the keys it waits under, so whenever the store holds it the store's own answer names it:
        # the answer, once known, never has to be asked again.
        self._stored_before: dict[str, bool] = {}
        self._by_rkey: dict[str, list[PersonRecord]] = {}  # what the store answered, per key
        self._by_block: dict[str, list[PersonRecord]] = {}

    def judgements(self) -> list[Judgement]:
        return self._judgements

    def read_ahead(self, rkeys: Iterable[str], blocks: Iterable[str]) -> None:
        """Ask the store once for the people of these keys (those of a batch's documents)."""
        self._stored_people("rkey", rkeys)
        self._stored_people("block", blocks)

    def forget(self) -> None:
        """The store was written: what it answered before may be out of date."""
        self._by_rkey.clear()
        self._by_block.clear()

    def people_by_rkey(self, rkeys: list[str]) -> list[PersonRecord]:
        return self._merged(self._stored_people("rkey", rkeys), self.pending.by_rkey(rkeys))

    def people_by_block(self, blocks: list[str]) -> list[PersonRecord]:
        return self._merged(self._stored_people("block", blocks), self.pending.by_block(blocks))

    def _stored_people(self, key: str, keys: Iterable[str]) -> list[PersonRecord]:
        """The store's people under `keys` of kind `key` (rkey or block), asked only for the keys
        not asked before; by id, as the stores answer."""
        if self.store is None:
            return []
        known = self._by_rkey if key == "rkey" else self._by_block
        read = self.store.people_by_rkey if key == "rkey" else self.store.people_by_block
        wanted = sorted(set(keys))
        missing = [k for k in wanted if k not in known]
        if missing:
            for k in missing:
                known[k] = []
            for record in read(missing):
                known.setdefault(getattr(record, key), []).append(record)
        return sorted((r for k in wanted for r in known.get(k, ())), key=lambda r: r.id)

    def _merged(self, stored: list[PersonRecord], pending: list[PersonRecord]) -> list[PersonRecord]:
        """The store's answer, each person extended by the waiting documents, and the people only
        waiting documents name. A stored person keeps the keys it was stored with: a waiting
        document that names it under another spelling does not make it found by that one."""
        out = {p.id: self.pending.extended(p) for p in stored}
        for p in pending:
            if p.id not in out and not self._stored(p.id):
                out[p.id] = p
        return list(out.values())

    def _stored(self, node_id: str) -> bool:
        if self.store is None:
            return False
        known = self._stored_before.get(node_id)
        if known is None:
            known = self._stored_before[node_id] = self.store.get_node(node_id) is not None
        return known
