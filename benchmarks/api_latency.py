"""API latency on a synthetic national-scale graph, both backends: p50 and p95 per endpoint.

    python benchmarks/api_latency.py [--meetings 10000] [--people 20000] [--requests 200] [--neo4j URI]

The graph is built directly as extractions (no minutes text to parse): 21 counties, ~15 bodies
each, people sitting in one to three bodies (some across counties), meetings 2012-2026 with
attendance, items, decisions, actions and handoffs between bodies. It is written through the
normal batch builder and store, then queried in-process through the FastAPI app. The first
request after a write builds the cached projection; that one-off cost is printed separately.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from fastapi.testclient import TestClient

from samkarta.api.app import create_app
from samkarta.graph.batch import build_batch
from samkarta.graph.sqlite_store import SQLiteStore
from samkarta.loaders.model import (
    ActionFact,
    AgendaItemFact,
    DecisionFact,
    EntityFact,
    Evidence,
    Extraction,
    HandoffFact,
    MeetingFact,
    PersonFact,
    SourceInfo,
)
from samkarta.reference import load_reference
from samkarta.settings import Settings

TOPICS = [
    "familjehem",
    "BBIC",
    "hedersrelaterat våld",
    "introduktionskurs",
    "Barnahus",
    "Yrkesresan",
    "SIP",
    "ensamkommande barn",
    "kompetensförsörjning",
    "missbruk",
    "psykisk hälsa",
    "våld i nära relationer",
]
BODY_TYPES = [
    "Socialchefsnätverket",
    "IFO-chefsnätverket",
    "RUG barn och unga",
    "Länsgrupp barn och unga",
    "FH-chefsnätverket",
    "Beredningsgrupp för social välfärd",
    "BBIC-nätverket",
    "Styrgrupp för Barnahus",
    "Nätverk för verksamhetsutvecklare",
    "Strategigrupp missbruk",
    "Styrgrupp för Yrkesresan",
    "Länsnätverket för ekonomiskt bistånd",
    "Familjehemsgruppen",
    "Referensgrupp FoU",
    "Kvinnofridsnätverket",
]
FIRST = (
    "Anna Eva Maria Karin Lena Sara Emma Ingrid Malin Johanna Åsa Cecilia Ulrika Helena Lars Anders Johan Per "
    "Erik Magnus Mats Hans Fredrik Stefan Jonas Henrik Ola Björn Göran Tove Ylva Pernilla Tomas Nils"
).split()
LAST = (
    "Andersson Johansson Karlsson Nilsson Eriksson Larsson Olsson Persson Svensson Gustafsson Pettersson "
    "Jonsson Jansson Hansson Bengtsson Jönsson Lindberg Jakobsson Magnusson Lindström Olofsson Lindqvist "
    "Lindgren Berg Axelsson Bergström Lundberg Lind Lundgren Lundqvist Mattsson Berglund Fredriksson "
    "Sandberg Henriksson Forsberg Sjöberg Wallin Engström Danielsson Håkansson Eklund Lundin Gunnarsson "
    "Holm Samuelsson Fransson Bergman Nyström Holmberg Arvidsson Löfgren Söderberg Nyberg Blomqvist"
).split()


def _ev(quote: str) -> list[Evidence]:
    return [Evidence(start=0, end=min(len(quote), 40), quote=quote)]


def build_world(meetings: int, people: int, seed: int) -> list[Extraction]:
    rng = random.Random(seed)
    ref = load_reference()
    counties = sorted(ref.counties)
    munis_by_county: dict[str, list[str]] = {}
    for m in ref.municipalities.values():
        munis_by_county.setdefault(m.county, []).append(m.code)
    bodies = [(c, b) for c in counties for b in BODY_TYPES]
    used: set[str] = set()
    persons = []
    while len(persons) < people:
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}-{rng.choice(LAST)}"
        if name in used:
            continue
        used.add(name)
        county = rng.choice(counties)
        persons.append((name, county, rng.choice(munis_by_county[county])))
    members: dict[tuple[str, str], list[int]] = {b: [] for b in bodies}
    for i, (_name, county, _muni) in enumerate(persons):
        local = [b for b in bodies if b[0] == county]
        for body in rng.sample(local, k=rng.choice((1, 1, 2, 3))):
            members[body].append(i)
        if rng.random() < 0.03:  # brokers: also in a body of another county
            members[rng.choice(bodies)].append(i)
    out = []
    start = dt.date(2012, 1, 1)
    for k in range(meetings):
        county, body = bodies[k % len(bodies)]
        date = start + dt.timedelta(days=rng.randrange(0, 15 * 365))
        pool = members[(county, body)] or [rng.randrange(people)]
        attendees = rng.sample(pool, k=min(len(pool), rng.randint(8, 18)))
        topic = rng.choice(TOPICS)
        other = rng.choice([b for b in BODY_TYPES if b != body])
        text = f"Diskussion om {topic} i {county}. Frågan om {topic} behöver utredas vidare."
        people_facts = [
            PersonFact(
                name=persons[i][0],
                affiliation=ref.municipalities[persons[i][2]].name,
                affiliation_kind="municipality",
                affiliation_ref=persons[i][2],
                roles=["chair", "present"] if j == 0 else ["present"],
                evidence=_ev(persons[i][0]),
            )
            for j, i in enumerate(attendees)
        ]
        out.append(
            Extraction(
                source=SourceInfo(path=f"/synthetic/{k:06d}.txt", sha256=f"{k:064x}", format="txt", chars=len(text)),
                meeting=MeetingFact(date=date, body=body, region=county, body_evidence=_ev(body)[0]),
                people=people_facts,
                networks=[EntityFact(name=body, evidence=_ev(body)), EntityFact(name=other, evidence=_ev(other))],
                projects=[EntityFact(name=topic.capitalize(), evidence=_ev(topic))] if topic[0].isupper() else [],
                items=[AgendaItemFact(number="1", title=topic.capitalize(), text=text, evidence=_ev(topic))],
                decisions=[
                    DecisionFact(
                        text=f"att ge nätverket i uppdrag att arbeta vidare med {topic}", item="1", evidence=_ev(topic)
                    )
                ]
                if rng.random() < 0.5
                else [],
                actions=[
                    ActionFact(
                        text=f"{persons[attendees[0]][0]} ska ta med sig frågan om {topic} till {other}",
                        assignee=persons[attendees[0]][0],
                        item="1",
                        evidence=_ev(topic),
                    )
                ],
                handoffs=[HandoffFact(question=f"Frågan om {topic}", to=other, item="1", evidence=_ev(topic))]
                if rng.random() < 0.4
                else [],
            )
        )
    return out


PAGE = {"Accept": "text/html"}  # the explorer's pages: a body's with its year panels, its map, a question's


def load(store, extractions: list[Extraction]) -> float:  # noqa: ANN001
    t0 = time.perf_counter()
    for x in extractions:
        store.write_document(build_batch(x, x.items[0].text))
    return time.perf_counter() - t0


def measure(store, name: str, requests: int, seed: int) -> None:  # noqa: ANN001
    app = create_app(Settings(SAMKARTA_DATA_DIR=tempfile.mkdtemp(), SAMKARTA_ALLOWED_HOSTS="testserver"), store=store)
    rng = random.Random(seed)
    with TestClient(app) as client:
        t0 = time.perf_counter()
        client.get("/api/search", params={"q": "Anna"})
        print(f"{name}: first request builds the projection in {time.perf_counter() - t0:.1f} s (once per version)")
        snap = app.state.view.current()
        people = [n for n, d in snap.g.nodes(data=True) if d["label"] == "Person" and n in snap.attendance]
        names = [snap.g.nodes[p]["name"] for p in people]
        bodies = [n for n, d in snap.g.nodes(data=True) if d["label"] == "Network"]
        endpoints = {
            "search": lambda: client.get("/api/search", params={"q": rng.choice(names)[:12]}),
            "entity": lambda: client.get(f"/api/entities/{rng.choice(people)}"),
            "collaborators": lambda: client.get(f"/api/people/{rng.choice(people)}/collaborators"),
            "owners": lambda: client.get("/api/owners", params={"q": rng.choice(TOPICS)}),
            "ego network": lambda: client.get(f"/graph/ego/{rng.choice(people)}", params={"depth": 1}),
            "network": lambda: client.get(f"/api/networks/{rng.choice(bodies)}"),
            "body page": lambda: client.get(f"/entity/{rng.choice(bodies)}", headers=PAGE),
            "body map": lambda: client.get(f"/body/{rng.choice(bodies)}/map", headers=PAGE),
            "question page": lambda: client.get("/question", params={"q": rng.choice(TOPICS)}, headers=PAGE),
        }
        for label, call in endpoints.items():
            times = []
            for _ in range(requests):
                t = time.perf_counter()
                r = call()
                times.append((time.perf_counter() - t) * 1000)
                assert r.status_code == 200, (label, r.status_code, r.text[:200])
            times.sort()
            p95 = times[int(0.95 * (len(times) - 1))]
            print(
                f"{name:7} {label:14} p50 {statistics.median(times):7.1f} ms   p95 {p95:7.1f} ms"
                f"   ({requests} requests)"
            )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--meetings", type=int, default=10000)
    ap.add_argument("--people", type=int, default=20000)
    ap.add_argument("--requests", type=int, default=200)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--neo4j", default=os.environ.get("NEO4J_URI"), help="bolt URI; omitted: SQLite only")
    args = ap.parse_args()
    world = build_world(args.meetings, args.people, args.seed)
    print(f"synthetic graph: {args.meetings} meetings, {args.people} people")
    with tempfile.TemporaryDirectory() as tmp:
        store = SQLiteStore.open(Path(tmp) / "graph.db")
        print(f"sqlite: loaded in {load(store, world):.0f} s; {store.stats().nodes}")
        measure(store, "sqlite", args.requests, args.seed)
        store.close()
    if args.neo4j:
        from samkarta.graph.neo4j_store import Neo4jStore

        store = Neo4jStore.connect(
            args.neo4j, os.environ.get("NEO4J_USER", "neo4j"), os.environ.get("NEO4J_PASSWORD", "samkarta-test")
        )
        store.wipe()
        print(f"neo4j: loaded in {load(store, world):.0f} s; {store.stats().nodes}")
        measure(store, "neo4j", args.requests, args.seed)
        store.wipe()
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
