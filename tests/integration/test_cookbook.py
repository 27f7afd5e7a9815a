"""Every Cypher block of docs/cypher-cookbook.md, run on the real Neo4j over the sample minutes,
gives the answer of the queries layer (or the API page) for the same question."""

from __future__ import annotations

import io
import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from fastapi.testclient import TestClient
from neo4j import Driver

from samkarta.api.app import create_app
from samkarta.graph.neo4j_store import Neo4jStore
from samkarta.graph.neo4j_values import from_neo4j
from samkarta.graph.search_text import search_tokens
from samkarta.queries import questions as q
from samkarta.queries.view import GraphView, Snapshot
from samkarta.settings import Settings

pytestmark = pytest.mark.neo4j

COOKBOOK = Path(__file__).resolve().parents[2] / "docs" / "cypher-cookbook.md"


def cookbook() -> dict[str, str]:
    """The named Cypher blocks of the cookbook: name (its first line, a comment) -> query."""
    blocks = re.findall(r"```cypher\n// ([\w-]+)\n(.*?)```", COOKBOOK.read_text(encoding="utf-8"), re.S)
    return dict(blocks)


def run(driver: Driver, recipe: str, /, **params: Any) -> list[dict[str, Any]]:
    records = driver.execute_query(cookbook()[recipe], parameters_=params).records
    return [{k: _plain(v) for k, v in r.data().items()} for r in records]


def _plain(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(_plain(v) for v in value)
    return from_neo4j(value)


@pytest.fixture(scope="module")
def snap(corpus_store: Neo4jStore) -> Snapshot:
    return GraphView(corpus_store, stale_ok=False).current()


def _unique(snap: Snapshot, label: str, ids: set[str]) -> list[tuple[str, str]]:
    """(id, name) of the nodes among `ids` whose name no other node of the label has."""
    names = Counter(d["name"] for _, d in snap.g.nodes(data=True) if d["label"] == label)
    return sorted((n, snap.g.nodes[n]["name"]) for n in ids if names[snap.g.nodes[n]["name"]] == 1)


def _questions(snap: Snapshot) -> list[str]:
    """Handoff questions, and the longest word of some decisions: questions the corpus can answer."""
    handoffs = sorted({d["question"] for *_, d in snap.g.edges(data=True) if d["type"] == "HANDED_OFF"})
    decisions = sorted(d["text"] for _, d in snap.g.nodes(data=True) if d["label"] == "Decision")[:8]
    return handoffs + [max(t.split(), key=len) for t in decisions]


def test_every_block_is_tested() -> None:
    assert set(cookbook()) == {
        "collaborators",
        "owners",
        "trail",
        "members",
        "members-per-year",
        "depends",
        "gaps",
        "meetings-since",
        "attendances-by-role",
    }


def test_collaborators(driver: Driver, snap: Snapshot) -> None:
    people = _unique(snap, "Person", set(snap.attendance))
    assert len(people) > 20
    for person, name in people:
        api = q.collaborators(snap, person, limit=100_000).data
        expected = {(c.id, c.shared_meetings, c.last_seen, tuple(c.shared_bodies)) for c in api}
        rows = run(driver, "collaborators", name=name)
        assert {(r["id"], r["shared_meetings"], r["last_seen"], r["bodies"]) for r in rows} == expected, name


def test_owners(driver: Driver, corpus_store: Neo4jStore, snap: Snapshot) -> None:
    found = 0
    for question in _questions(snap):
        api = {o.id: o.score for o in q.owners(corpus_store, snap, question, limit=100_000).data}
        rows = {r["id"]: r["score"] for r in run(driver, "owners", terms=search_tokens(question))}
        assert rows.keys() == api.keys(), question
        assert all(abs(rows[k] - api[k]) < 0.0015 for k in api), question
        found += len(api)
    assert found > 10


def test_trail(driver: Driver, corpus_store: Neo4jStore, snap: Snapshot) -> None:
    found = 0
    for question in _questions(snap):
        api = q.trail(corpus_store, snap, question).handoffs
        expected = Counter((h.date, h.from_network, h.to_network, h.question) for h in api)
        rows = run(driver, "trail", terms=search_tokens(question))
        assert Counter((r["date"], r["from_id"], r["to_id"], r["question"]) for r in rows) == expected, question
        assert [r["date"] or "" for r in rows] == sorted(r["date"] or "" for r in rows)
        found += len(api)
    assert found >= 5


def _bodies(snap: Snapshot) -> list[tuple[str, str]]:
    return _unique(snap, "Network", set(snap.meeting_network.values()))


def test_members(driver: Driver, snap: Snapshot) -> None:
    bodies = _bodies(snap)
    assert len(bodies) >= 5
    for body, name in bodies:
        api = q.network(snap, body).members
        expected = {(m.id, m.meetings, m.first_seen, m.last_seen, tuple(m.roles)) for m in api}
        rows = run(driver, "members", body=name)
        assert {(r["id"], r["meetings"], r["first_seen"], r["last_seen"], r["roles"]) for r in rows} == expected


def test_members_per_year(driver: Driver, snap: Snapshot) -> None:
    for body, name in _bodies(snap):
        meetings: dict[int, set[str]] = defaultdict(set)
        members: dict[int, set[str]] = defaultdict(set)
        for meeting, net in snap.meeting_network.items():
            date = snap.g.nodes[meeting].get("date")
            if net == body and date and snap.attendees.get(meeting):
                meetings[int(date[:4])].add(meeting)
                members[int(date[:4])] |= snap.attendees[meeting]
        expected = [(y, len(meetings[y]), len(members[y])) for y in sorted(meetings)]
        rows = run(driver, "members-per-year", body=name)
        assert [(r["year"], r["meetings"], r["members"]) for r in rows] == expected, name


def test_depends(driver: Driver, snap: Snapshot) -> None:
    people = _unique(snap, "Person", set(snap.attendance))
    seen: Counter[str] = Counter()
    for person, name in people:
        api = q.depends(snap, person)
        (row,) = run(driver, "depends", name=name)
        assert row["chairs"] == tuple(sorted(c.name for c in api.chairs)), name
        assert row["open_actions"] == tuple(sorted(a.text for a in api.open_actions)), name
        assert sorted(row["sole_links"]) == sorted((s.body.name, s.other.name) for s in api.sole_links), name
        seen.update(chairs=len(api.chairs), actions=len(api.open_actions), sole=len(api.sole_links))
    assert all(seen[k] > 0 for k in ("chairs", "actions", "sole")), seen


def test_gaps(driver: Driver, corpus_store: Neo4jStore, snap: Snapshot, tmp_path: Path) -> None:
    """The county's municipalities in the graph that the explorer's region view shows unconnected."""
    settings = Settings(SAMKARTA_DATA_DIR=str(tmp_path), SAMKARTA_ALLOWED_HOSTS="testserver")
    regions = [(n, d["name"]) for n, d in snap.g.nodes(data=True) if d["label"] == "Region"]
    found = 0
    with TestClient(create_app(settings, store=corpus_store)) as client:
        for region, county in regions:
            page = client.get(f"/graph/region/{region}", params={"format": "graphml"})
            assert page.status_code == 200
            shown = nx.read_graphml(io.BytesIO(page.content))
            expected = {n for n in shown if shown.degree(n) == 0 and n in snap.g}
            assert {r["id"] for r in run(driver, "gaps", county=county)} == expected, county
            found += len(expected)
    assert found > 0


def test_filters_on_typed_properties(driver: Driver, snap: Snapshot) -> None:
    meetings = [d for _, d in snap.g.nodes(data=True) if d["label"] == "Meeting"]
    (since,) = run(driver, "meetings-since")
    assert since["meetings"] == sum(1 for d in meetings if (d.get("date") or "") >= "2021-01-01")
    roles = Counter(r for *_, d in snap.g.edges(data=True) if d["type"] == "ATTENDED" for r in d["roles"])
    assert {r["role"]: r["attendances"] for r in run(driver, "attendances-by-role")} == roles
