"""Entity resolution for people: one node per real person across documents.

Same name in the same region is the same person. A spelling variant ("Elisabet Franson" /
"Elisabeth Fransson") merges automatically only with evidence: same region and a shared or
overlapping body, or the same affiliation. Uncertain pairs become merge candidates for people to
decide; their judgements (stored apart from documents) override everything here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Protocol

from rapidfuzz import fuzz

from samkarta.graph.ids import make_id, name_key, normalize
from samkarta.graph.model import Alias, Judgement, MergeCandidate, latest_judgements
from samkarta.graph.store import PersonRecord

AUTO_MERGE = 0.88  # name similarity needed for a merge with evidence
CANDIDATE = 0.80  # below this two names are simply different people
SAME_NAME = 0.97


@dataclass
class PersonDraft:
    """A person as one document names them, before resolution."""

    name: str
    region: str | None
    affiliations: set[str] = field(default_factory=set)

    @property
    def rkey(self) -> str:
        return person_key(self.name, self.region)


def person_key(name: str, region: str | None) -> str:
    return f"{normalize(region or '-')}|{name_key(name)}"


def blocking_key(name: str) -> str:
    """First initial + first three letters of the last name: cheap candidate blocks for fuzzy matching."""
    parts = [p for p in re.split(r"[\s]+", normalize(name)) if p]
    if len(parts) < 2:
        return ""
    return f"{parts[0][0]}:{parts[-1][:3]}"


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


@dataclass
class Resolution:
    ids: dict[str, str]  # draft rkey -> person node id
    aliases: list[Alias]
    candidates: list[MergeCandidate]


class PeopleSource(Protocol):
    """What resolution reads: a store, or a store with documents not yet written (graph.pending)."""

    def judgements(self) -> list[Judgement]: ...
    def people_by_rkey(self, rkeys: list[str]) -> list[PersonRecord]: ...
    def people_by_block(self, blocks: list[str]) -> list[PersonRecord]: ...


class PersonResolver:
    def __init__(self, store: PeopleSource, judgements: list[Judgement] | None = None) -> None:
        self.store = store
        judgements = store.judgements() if judgements is None else judgements
        latest = latest_judgements(judgements)
        self.accepted = _UnionFind()
        self.rejected: set[frozenset[str]] = set()  # rejected or taken back ("pending"): never matched anew
        self.judged: dict[str, list[Judgement]] = {}  # a person's key -> the decisions on pairs they are in
        for pair, j in latest.items():
            if j.decision == "accepted":
                self.accepted.union(j.key_a, j.key_b)
            else:
                self.rejected.add(pair)
            for key in pair:
                self.judged.setdefault(key, []).append(j)

    def person_id(self, rkey: str) -> str:
        return make_id("Person", self.accepted.find(rkey))

    def resolve(self, drafts: list[PersonDraft], networks: set[str], doc_id: str) -> Resolution:
        """Ids for the people of one document; `networks` are the bodies of its meeting."""
        ids: dict[str, str] = {}
        aliases: list[Alias] = []
        candidates: list[MergeCandidate] = []
        found = self.store.people_by_rkey(sorted({d.rkey for d in drafts}))
        existing = {p.rkey: p for p in sorted(found, key=lambda p: p.id)}
        # bodies that overlap this meeting's: those where people of this document already sit
        overlap = set(networks)
        for p in existing.values():
            overlap.update(p.networks)
        blocks = sorted({blocking_key(d.name) for d in drafts if d.rkey not in existing} - {""})
        by_block: dict[str, list[PersonRecord]] = {}
        # by id: the best of equal matches must not depend on the order a store returns rows in
        for p in sorted(self.store.people_by_block(blocks), key=lambda p: p.id):
            by_block.setdefault(blocking_key(p.name), []).append(p)
        for draft in drafts:
            rkey = draft.rkey
            own = self.person_id(rkey)
            if self.accepted.find(rkey) != rkey or any(j.decision == "accepted" for j in self.judged.get(rkey, [])):
                # a person accepted this merge: one node, whatever a match would say, named by whoever
                # was stored first, so each other spelling is an alias (and the pair a candidate, below)
                ids[rkey] = own
                if not any(p.id == own and p.rkey == rkey for p in found):
                    aliases.append(
                        Alias(
                            node_id=own, alias=draft.name, reason="merge accepted by a person", score=1.0, doc_id=doc_id
                        )
                    )
                continue
            if rkey in existing or len(draft.name.split()) < 2:
                ids[rkey] = own
                continue
            best = self._best_match(draft, by_block.get(blocking_key(draft.name), []), overlap)
            if best is None:
                ids[rkey] = own
                continue
            record, score, reasons, auto = best
            if auto:
                ids[rkey] = record.id
                aliases.append(
                    Alias(node_id=record.id, alias=draft.name, reason="; ".join(reasons), score=score, doc_id=doc_id)
                )
                status = "merged"
            else:
                ids[rkey] = own
                status = "pending"
            pair = sorted((record.rkey, rkey))
            candidates.append(
                MergeCandidate(
                    id=make_id("Candidate", *pair),
                    key_a=record.rkey,
                    key_b=rkey,
                    name_a=record.name,
                    name_b=draft.name,
                    node_a=record.id,
                    node_b=own,
                    score=round(score, 3),
                    reasons=reasons,
                    status=status,
                )
            )
        listed: set[str] = set()
        for draft in drafts:
            for judgement in self.judged.get(draft.rkey, []):
                judged = self._judged(judgement, draft, ids[draft.rkey], overlap)
                if judged is not None and judged.id not in listed:
                    listed.add(judged.id)
                    candidates.append(judged)
        return Resolution(ids, aliases, candidates)

    def _judged(self, judgement: Judgement, draft: PersonDraft, node: str, overlap: set[str]) -> MergeCandidate | None:
        """A pair people decided, listed again on every rebuild so they can see it and decide again.

        Listed from the judgement, not from matching: matching only meets a person not yet stored,
        and after a rejection both are. The keys keep the judgement's order, so a new decision
        replaces the old one. None while the other person is in no stored record, unless this
        person was merged into them."""
        rkey = draft.rkey
        other = judgement.key_b if rkey == judgement.key_a else judgement.key_a
        found = sorted(self.store.people_by_rkey([other]), key=lambda p: p.id)
        record = found[0] if found else None
        status = judgement.decision
        if record is None and not (status == "accepted" and self.accepted.find(rkey) != rkey):
            return None
        score: float = 1.0
        reasons: list[str] = []
        if status != "accepted" and record is not None:
            score, reasons, _ = self._compare(draft, record, overlap)
        this, that = (draft.name, node), (record.name if record else other, self.person_id(other))
        (name_a, node_a), (name_b, node_b) = (this, that) if rkey == judgement.key_a else (that, this)
        return MergeCandidate(
            id=make_id("Candidate", *sorted((judgement.key_a, judgement.key_b))),
            key_a=judgement.key_a,
            key_b=judgement.key_b,
            name_a=name_a,
            name_b=name_b,
            node_a=node_a,
            node_b=node_b,
            score=round(score, 3),
            reasons=[*reasons, f"judged: {status}"] if status != "pending" else reasons,
            status=status,
        )

    def _best_match(
        self, draft: PersonDraft, pool: list[PersonRecord], overlap: set[str]
    ) -> tuple[PersonRecord, float, list[str], bool] | None:
        best: tuple[PersonRecord, float, list[str], bool] | None = None
        for rec in pool:
            if rec.rkey == draft.rkey or frozenset((rec.rkey, draft.rkey)) in self.rejected:
                continue  # a rejected (or taken back) pair is listed from its judgement
            score, reasons, auto = self._compare(draft, rec, overlap)
            if score < CANDIDATE:
                continue
            if best is None or (auto, score) > (best[3], best[1]):
                best = (rec, score, reasons, auto)
        return best

    @staticmethod
    def _compare(draft: PersonDraft, rec: PersonRecord, overlap: set[str]) -> tuple[float, list[str], bool]:
        """How alike a draft and a stored person are: the score, the reasons, and whether to merge them."""
        score = fuzz.ratio(normalize(draft.name), normalize(rec.name)) / 100
        same_region = normalize(rec.region or "-") == normalize(draft.region or "-")
        shared = overlap & set(rec.networks)
        same_aff = draft.affiliations & set(rec.affiliations)
        reasons = [f"name similarity {score:.2f}"]
        if same_region:
            reasons.append(f"same region ({draft.region or 'national'})")
        if shared:
            reasons.append("shared or overlapping body")
        if same_aff:
            reasons.append("same affiliation")
        evidence = bool(shared or same_aff)
        return score, reasons, score >= AUTO_MERGE and evidence and (same_region or score >= SAME_NAME)
