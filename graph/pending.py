"""People of documents resolved but not yet written, so the next document resolves against them.

A first load writes many documents per transaction; until a transaction commits, the store does not
know the people of its documents. `PendingPeople` keeps what the store would answer for them (the
same rules as the stores' person records: the first write of a node wins; bodies from attendance,
absence and mentions at a meeting; affiliations from REPRESENTS), and `PeopleView` answers the
resolver from the store and the pending documents together.
"""

from __future__ import annotations

import copy
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
            networks=sorted(self.networks),
            affiliations=sorted(self.affiliations),
        )


class PendingPeople:
    """The people of the batches added, indexed as the store indexes them."""

    def __init__(self) -> None:
        self._people: dict[str, _Person] = {}
        self._by_rkey: dict[str, set[str]] = {}
        self._by_block: dict[str, set[str]] = {}

    def add(self, batch: GraphBatch) -> None:
        for node in batch.nodes:
            if node.label != "Person" or node.id in self._people:
                continue  # a node written before keeps its name and keys
            p = node.props
            person = _Person(node.id, node.name, p.get("region"), p.get("rkey") or "", p.get("block") or "")
            self._people[node.id] = person
            self._by_rkey.setdefault(person.rkey, set()).add(node.id)
            self._by_block.setdefault(person.block, set()).add(node.id)
        body_of = {r.source: r.target for r in batch.rels if r.type == "OF"}  # meeting -> body
        for r in batch.rels:
            if r.type in _AT_MEETING and r.source in self._people and r.target in body_of:
                self._people[r.source].networks.add(body_of[r.target])
            elif r.type == "MENTIONS" and r.target in self._people and r.source in body_of:
                self._people[r.target].networks.add(body_of[r.source])
            elif r.type == "REPRESENTS" and r.source in self._people:
                self._people[r.source].affiliations.add(r.target)

    def by_rkey(self, rkeys: list[str]) -> list[PersonRecord]:
        return self._records(self._by_rkey, rkeys)

    def by_block(self, blocks: list[str]) -> list[PersonRecord]:
        return self._records(self._by_block, blocks)

    def _records(self, index: dict[str, set[str]], keys: list[str]) -> list[PersonRecord]:
        ids = sorted({i for k in keys for i in index.get(k, ())})
        return [self._people[i].record() for i in ids]

    def copy(self) -> PendingPeople:
        return copy.deepcopy(self)


class PeopleView:
    """What the person resolver reads: the store's people and the pending ones, merged per person.
    Without a store (a first load that records every document it writes in `pending` too), the
    pending people are all there is, and no query goes to the store."""

    def __init__(self, store: GraphStore | None, pending: PendingPeople, judgements: list[Judgement]) -> None:
        self.store = store
        self.pending = pending
        self._judgements = judgements

    def judgements(self) -> list[Judgement]:
        return self._judgements

    def people_by_rkey(self, rkeys: list[str]) -> list[PersonRecord]:
        stored = self.store.people_by_rkey(rkeys) if self.store is not None else []
        return _merged(stored, self.pending.by_rkey(rkeys))

    def people_by_block(self, blocks: list[str]) -> list[PersonRecord]:
        stored = self.store.people_by_block(blocks) if self.store is not None else []
        return _merged(stored, self.pending.by_block(blocks))


def _merged(stored: list[PersonRecord], pending: list[PersonRecord]) -> list[PersonRecord]:
    out = {p.id: p for p in stored}
    for p in pending:
        known = out.get(p.id)
        if known is None:
            out[p.id] = p
        else:
            out[p.id] = known.model_copy(
                update={
                    "networks": sorted({*known.networks, *p.networks}),
                    "affiliations": sorted({*known.affiliations, *p.affiliations}),
                }
            )
    return list(out.values())
