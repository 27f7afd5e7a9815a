"""The projection kept up to date by deltas equals one read whole from the store, on every store.

A property over random sequences of what people and ingests do (ingest, re-ingest of changed
minutes, a copy, removal, fact corrections and their undo, added attendees, entity renames,
re-kinds, merges, splits (of people too) and undo, person merge decisions, erasure): after every step the GraphView that
followed the store's deltas holds the same nodes, edges, attributes and names as a projection read
whole, and each derived structure it patched equals the same structure computed anew. StoreContract
inherits this, so the SQLite and the Neo4j store both run it."""

from __future__ import annotations

import dataclasses
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from samkarta import corrections as fix
from samkarta import entities
from samkarta.errors import AppError
from samkarta.graph import neo4j_store, sqlite_store
from samkarta.graph.model import FIELDS_OF
from samkarta.graph.store import GraphStore
from samkarta.ingest import erase_person, ingest_files, judge
from samkarta.queries import dependence, minutes
from samkarta.queries import questions as q
from samkarta.queries.view import _PATCHES, GraphView, Snapshot
from samkarta.samples import sample_dir
from tests.contract.entities_contract import MINUTES as MINUTES_WITH_PROJECT
from tests.contract.entities_contract import OTHER
from tests.contract.minutes import MINUTES

BY = {"by": "Testaren", "reason": "egenskapstest"}


def _normal(value: Any) -> Any:
    """A derived structure in a form that compares by content, whatever order it was built in."""
    if isinstance(value, nx.Graph):
        return _normal(
            {"nodes": dict(value.nodes(data=True)), "edges": [(u, v, d) for u, v, d in value.edges(data=True)]}
        )
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _normal(vars(value))
    if isinstance(value, dict):
        return sorted((repr(k), _normal(v)) for k, v in value.items())
    if isinstance(value, list | tuple | set | frozenset):
        return sorted(repr(_normal(v)) for v in value)
    return value


def assert_same(store: GraphStore, kept: Snapshot, fresh: Snapshot, steps: list[str]) -> None:
    """Same graph (nodes, edges, attributes, names) and every patched structure as computed anew."""
    assert kept.version == fresh.version, steps
    assert dict(kept.g.nodes(data=True)) == dict(fresh.g.nodes(data=True)), steps
    edges = {k: (u, v, d) for u, v, k, d in kept.g.edges(keys=True, data=True)}
    assert edges == {k: (u, v, d) for u, v, k, d in fresh.g.edges(keys=True, data=True)}, steps
    assert kept.g.number_of_edges() == len(edges), steps  # no edge kept twice under one key
    assert sorted(kept.names) == sorted(fresh.names), steps
    anew = Snapshot(kept.version, kept.g, kept.names)
    for name in _PATCHES:
        if name in kept.__dict__:
            built = getattr(anew, name) if hasattr(Snapshot, name) else _derived(store, fresh, name)
            assert _normal(kept.__dict__[name]) == _normal(built), (name, steps)


def _content(snap: Snapshot) -> Any:
    """Everything a reader of the snapshot can see, copied."""
    derived = {name: _normal(value) for name, value in snap.__dict__.items() if name in _PATCHES}
    return _normal(dict(snap.g.nodes(data=True))), sorted(map(repr, snap.g.edges(keys=True, data=True))), derived


def _derived(store: GraphStore, snap: Snapshot, name: str) -> Any:
    """A structure a query module caches in the snapshot, computed by that module on `snap`."""
    _use(store, snap)
    return snap.__dict__[name]


def _use(store: GraphStore, snap: Snapshot) -> None:
    """Ask what makes the derived structures exist, so the next delta has them to patch."""
    for name in _PATCHES:
        if hasattr(Snapshot, name):
            getattr(snap, name)
    q.search(snap, "Wahlgren")  # the name index
    q.collaboration_graph(snap)
    q.owners(store, snap, "familjehem")  # the edge index
    minutes.search_minutes(store, snap, "familjehem")  # the documents' meetings
    for body in sorted(set(snap.meeting_network.values()))[:1]:
        dependence.dependents(snap, body)  # handoff edges


class IncrementalContract:
    @pytest.fixture
    def texts(self) -> list[str]:
        samples = sorted(p for p in sample_dir().glob("*.txt"))
        # the variant spells two people differently: one is taken as the same, the other is a merge candidate
        variant = OTHER.replace("Torbjörn Wahlgren", "T. Wahlgren").replace("Lisa Holm", "Agneta Lövgrén")
        return [MINUTES, MINUTES_WITH_PROJECT, OTHER, variant] + [p.read_text(encoding="utf-8") for p in samples[:6]]

    @pytest.mark.parametrize("seed", [1, 2, 3])
    def test_the_projection_kept_by_deltas_equals_one_read_whole(
        self, store: GraphStore, tmp_path: Path, texts: list[str], seed: int
    ) -> None:
        rng = random.Random(seed)
        view = GraphView(store, stale_ok=False)
        rebuilds: list[int] = []
        whole = view.rebuild

        def counted() -> Snapshot:
            rebuilds.append(1)
            return whole()

        view.rebuild = counted  # type: ignore[method-assign]
        world = _World(store, tmp_path, texts, rng)
        steps: list[str] = []
        kept = view.refresh()
        _use(store, kept)
        for _ in range(30):
            before, held = kept, _content(kept)
            steps.append(world.step())
            kept = view.refresh()
            assert_same(store, kept, GraphView(store).rebuild(), steps)
            assert _content(before) == held, steps  # a reader's snapshot never changes under it
            _use(store, kept)
        assert len(rebuilds) == 1, steps  # the first snapshot only: every later one came from a delta
        assert {s.split()[0] for s in steps} >= {"ingest", "correct"}, steps

    def test_a_view_behind_the_change_log_reads_the_whole_graph(
        self, store: GraphStore, tmp_path: Path, texts: list[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setattr(sqlite_store, "CHANGES_KEPT", 2)  # the log forgets all but the last two writes
        monkeypatch.setattr(neo4j_store, "CHANGES_KEPT", 2)
        paths = [tmp_path / f"protokoll-{i}.txt" for i in range(4)]
        for path, text in zip(paths, texts, strict=False):
            path.write_text(text, encoding="utf-8")
        ingest_files(store, paths[:1], workers=1)
        view = GraphView(store, stale_ok=False)
        first = view.refresh()
        for path in paths[1:]:
            ingest_files(store, [path], workers=1)
        assert store.delta(first.version) is None
        assert store.delta(store.version() - 2) is not None
        kept = view.refresh()
        assert_same(store, kept, GraphView(store).rebuild(), ["three ingests past the log"])
        assert kept.g._node is not first.g._node and len(kept.g) > len(first.g)

    def test_stored_documents_are_those_of_the_ids_the_store_holds(self, store: GraphStore, tmp_path: Path) -> None:
        path = tmp_path / "lansgrupp.txt"
        path.write_text(MINUTES, encoding="utf-8")
        ingest_files(store, [path], workers=1)
        held = {d.id for d in store.documents()}
        assert store.stored_documents(held | {"document-not-stored"}) == held != set()
        assert store.stored_documents(set()) == set()


class _World:
    """Random steps over real minutes, through the functions the CLI and the API call."""

    def __init__(self, store: GraphStore, folder: Path, texts: list[str], rng: random.Random) -> None:
        self.store, self.folder, self.texts, self.rng = store, folder, texts, rng
        self.steps: dict[str, Callable[[], str]] = {
            "ingest": self.ingest,
            "reingest": self.reingest,
            "copy": self.copy,
            "remove": self.remove,
            "correct": self.correct,
            "undo": self.undo,
            "attendee": self.attendee,
            "entity": self.entity,
            "merge": self.merge,
            "erase": self.erase,
            "split": self.split,
        }
        self.weights = [6, 2, 1, 1, 5, 2, 2, 3, 2, 1, 3]

    def step(self) -> str:
        kind = "ingest" if not self.store.documents() else self.rng.choices(list(self.steps), self.weights)[0]
        try:
            return f"{kind} {self.steps[kind]()}"
        except (
            AppError
        ) as e:  # a step the state does not allow (already wrong, nothing to merge): still a write or none
            return f"{kind} refused: {type(e).__name__}"

    def _path(self, i: int) -> Path:
        return self.folder / f"protokoll-{i}.txt"

    def ingest(self) -> str:
        i = self.rng.randrange(len(self.texts))
        self._path(i).write_text(self.texts[i], encoding="utf-8")
        return f"{i}: {ingest_files(self.store, [self._path(i)], workers=1).as_dict()['ingested']}"

    def reingest(self) -> str:
        stored = [i for i in range(len(self.texts)) if self._path(i).exists()]
        if not stored:
            return "nothing stored"
        i = self.rng.choice(stored)
        lines = self._path(i).read_text(encoding="utf-8").splitlines()
        del lines[self.rng.randrange(len(lines))]  # minutes changed: a line less
        self._path(i).write_text("\n".join(lines) + "\n", encoding="utf-8")
        return f"{i} without a line: {ingest_files(self.store, [self._path(i)], workers=1).as_dict()['replaced']}"

    def copy(self) -> str:
        stored = [i for i in range(len(self.texts)) if self._path(i).exists()]
        if not stored:
            return "nothing stored"
        i = self.rng.choice(stored)
        copy = self.folder / f"kopia-{i}.txt"
        copy.write_bytes(self._path(i).read_bytes())
        return f"{i}: {ingest_files(self.store, [copy], workers=1).as_dict()['unchanged']}"

    def remove(self) -> str:
        doc = self.rng.choice(self.store.documents())
        return f"{doc.path}: {self.store.delete_document(doc.id)}"

    def correct(self) -> str:
        doc = self.rng.choice(self.store.documents()).id
        facts = fix.document_facts(self.store, doc).facts
        if not facts:
            return "no facts"
        fact = self.rng.choice(facts).fact
        values = {
            "wrong": "true",
            "date": "2024-02-29",
            "body": self.rng.choice(["Socialchefsnätverket", "RUG barn och unga"]),
            "region": self.rng.choice(["Dalarnas län", "Västmanlands län"]),
            "assignee": self.rng.choice(["Agneta Lövgren", "Kerstin Ekdahl"]),
        }
        # the fact edits (a person at a meeting, text, kind, target) have their own contract suite
        fields = [f for f in FIELDS_OF[fact.kind] if f in values]
        if not fields:
            return f"{fact.kind}: no field of this step"
        field = self.rng.choice(fields)
        value = values[field]
        fix.correct(self.store, doc, fact.id, field, value, **BY)
        return f"{fact.kind} {field}={value}"

    def undo(self) -> str:
        made = [c for c in self.store.corrections() if c.value is not None]
        if not made:
            return "nothing to undo"
        return fix.undo(self.store, self.rng.choice(made).id, **BY).fact_kind

    def attendee(self) -> str:
        doc = self.rng.choice(self.store.documents()).id
        name = self.rng.choice(["Kerstin Ekdahl", "Agneta Lövgren", "Nils Berg"])
        fix.add_attendee(self.store, doc, name, **BY)
        return name

    def entity(self) -> str:
        nodes = [
            (i, label, name) for i, label, name in self.store.names() if label in ("Network", "Organization", "Project")
        ]
        if not nodes:
            return "no entity"
        node, label, name = self.rng.choice(nodes)
        op = self.rng.choice(["rename", "rekind", "merge", "undo"])
        if op == "rename":
            entities.rename(self.store, node, f"{name} (ny)", **BY)
        elif op == "rekind" and label in ("Organization", "Project"):
            entities.rekind(self.store, node, "Project" if label == "Organization" else "Organization", **BY)
        elif op == "merge":
            others = [i for i, lab, _ in nodes if lab == label and i != node]
            if not others:
                return "merge: no other"
            entities.merge(self.store, node, self.rng.choice(others), **BY)
        else:
            undoable = [j for j in self.store.entity_judgements() if j.op != "undo"]
            if not undoable:
                return "undo: none"
            entities.undo(self.store, self.rng.choice(undoable).id, **BY)
        return f"{op} {label}"

    def split(self) -> str:
        """Some of a node's documents split off into a node of their own (a person too)."""
        nodes = sorted(
            (i, label)
            for i, label, _ in self.store.names()
            if label in ("Network", "Organization", "Project", "Person") and len(self.store.node_documents(i)) > 1
        )
        if not nodes:
            return "no node in two documents"
        node, label = self.rng.choice(nodes)
        docs = self.store.node_documents(node)
        chosen = self.rng.sample(docs, self.rng.randrange(1, len(docs)))
        entities.split(self.store, node, chosen, **BY)
        return f"{label} {len(chosen)} of {len(docs)} documents"

    def merge(self) -> str:
        pending = self.store.candidates("pending")
        if not pending:  # minutes and their variant spelling Agneta Lövgren two ways give one
            for i in (0, 3):
                self._path(i).write_text(self.texts[i], encoding="utf-8")
            ingest_files(self.store, [self._path(0), self._path(3)], workers=1)
            pending = self.store.candidates("pending")
            if not pending:
                return "no candidate"
        decision = self.rng.choice(["accepted", "rejected"])
        judge(self.store, self.rng.choice(pending).id, decision, "egenskapstest", fix.now(), decided_by="Testaren")
        return decision

    def erase(self) -> str:
        people = sorted({i for i, label, _ in self.store.names() if label == "Person"})
        if not people:
            return "no one"
        return f"{len(erase_person(self.store, self.rng.choice(people)))} documents redacted"
