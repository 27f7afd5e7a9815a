"""Time and place of a body and a question: who took part in a body year by year, where a question
went year by year, and which municipalities a body's meetings drew people from (for its map)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, TypeVar

from samkarta.graph.store import GraphStore
from samkarta.queries import questions as q
from samkarta.queries.results import (
    BodyMap,
    BodyMunicipality,
    BodyYears,
    EntityRef,
    HandoffPublic,
    MembershipYear,
    TrailStep,
    TrailYear,
    TrailYears,
)
from samkarta.queries.view import Snapshot
from samkarta.reference import load_reference

_YEAR = re.compile(r"^(\d{4})-")
_KINDS = {"Organization": "organizations", "Municipality": "municipalities"}


def year_of(date: str | None) -> int | None:
    """The calendar year of an ISO date ('2021-04-16' -> 2021); None for a missing or partial date."""
    m = _YEAR.match(date or "")
    return int(m[1]) if m else None


def body_years(snap: Snapshot, network_id: str) -> BodyYears:
    """A body's members year by year: the people at its meetings and the organisations and
    municipalities they represented there (as its minutes state it), with who came and who went.

    Raises NotFound when the id is not a body's.
    """
    net = q._node(snap, network_id, "Network")
    found: dict[int, dict[str, Any]] = {}
    undated = 0
    for meeting in _meetings(snap, network_id):
        year = year_of(snap.g.nodes[meeting].get("date"))
        if year is None:
            undated += 1
            continue
        rec = found.setdefault(year, {"meetings": 0, "people": {}, "organizations": {}, "municipalities": {}})
        rec["meetings"] += 1
        for person in snap.attendees.get(meeting, ()):
            rec["people"][person] = _ref(snap, person)
            for target in _represented(snap, person, snap.g.nodes[meeting].get("doc_id")):
                kind = _KINDS.get(snap.g.nodes[target]["label"])
                if kind:
                    rec[kind][target] = _ref(snap, target)
    years: list[MembershipYear] = []
    seen: set[str] = set()
    last: set[str] = set()  # those of the latest earlier year that had meetings
    for year in _span(found):
        rec = found.get(year)
        if rec is None:
            years.append(
                MembershipYear(
                    year=year, meetings=0, people=[], organizations=[], municipalities=[], joined=[], left=[]
                )
            )
            continue
        now = {i for kind in ("people", "organizations", "municipalities") for i in rec[kind]}
        years.append(
            MembershipYear(
                year=year,
                meetings=rec["meetings"],
                people=_sorted(rec["people"].values()),
                organizations=_sorted(rec["organizations"].values()),
                municipalities=_sorted(rec["municipalities"].values()),
                joined=sorted(now - seen),
                left=sorted(last - now),
            )
        )
        seen |= now
        last = now
    return BodyYears(id=network_id, name=net["name"], region=net.get("region"), years=years, undated_meetings=undated)


def trail_years(store: GraphStore, snap: Snapshot, question: str) -> TrailYears:
    """A question's trail (`questions.trail`) year by year: each year's steps and handoffs and the
    bodies they involve; steps and handoffs without a date apart."""
    trail = q.trail(store, snap, question)
    steps, undated = _by_year(trail.steps)
    handoffs, undated_handoffs = _by_year(trail.handoffs)
    years = []
    for year in _span({*steps, *handoffs}):
        bodies: dict[str, EntityRef] = {}
        for s in steps.get(year, []):
            if s.network_id:
                bodies.setdefault(s.network_id, EntityRef(id=s.network_id, name=s.network or s.network_id))
        for h in handoffs.get(year, []):
            for node, name in ((h.from_network, h.from_name), (h.to_network, h.to_name)):
                if node:
                    bodies.setdefault(node, EntityRef(id=node, name=name or node))
        years.append(
            TrailYear(
                year=year, steps=steps.get(year, []), handoffs=handoffs.get(year, []), bodies=list(bodies.values())
            )
        )
    return TrailYears(question=question, years=years, undated=undated, undated_handoffs=undated_handoffs)


def body_map(snap: Snapshot, network_id: str, year: int | None = None) -> BodyMap:
    """The municipalities of a body's county (all of Sweden's for a body with no county), and any
    other whose people attended it, each marked by whether people representing it attended the body's
    meetings (in `year` only, when given), with who they were and at how many meetings.

    Raises NotFound when the id is not a body's.
    """
    net = q._node(snap, network_id, "Network")
    dated = [(m, year_of(snap.g.nodes[m].get("date"))) for m in _meetings(snap, network_id)]
    taking: dict[str, dict[str, Any]] = {}  # SCB code -> people and meetings
    for meeting, when in dated:
        if year is not None and when != year:
            continue
        for person in snap.attendees.get(meeting, ()):
            for target in _represented(snap, person, snap.g.nodes[meeting].get("doc_id")):
                code = snap.g.nodes[target].get("code")
                if snap.g.nodes[target]["label"] == "Municipality" and code:
                    rec = taking.setdefault(str(code), {"people": {}, "meetings": set()})
                    rec["people"][person] = _ref(snap, person)
                    rec["meetings"].add(meeting)
    reference = load_reference().municipalities
    county = net.get("region")
    scope = {code for code, m in reference.items() if m.county == county} or set(reference)
    named = {str(d["code"]): n for n, d in snap.g.nodes(data=True) if d["label"] == "Municipality" and d.get("code")}
    rows = []
    for code in scope | (set(taking) & set(reference)):
        rec = taking.get(code)
        rows.append(
            BodyMunicipality(
                code=code,
                name=reference[code].name,
                id=named.get(code),
                takes_part=rec is not None,
                people=_sorted(rec["people"].values()) if rec else [],
                meetings=len(rec["meetings"]) if rec else 0,
            )
        )
    rows.sort(key=lambda r: (r.name.casefold(), r.code))
    years = sorted({when for _, when in dated if when is not None})
    return BodyMap(id=network_id, name=net["name"], region=county, year=year, years=years, municipalities=rows)


_Dated = TypeVar("_Dated", TrailStep, HandoffPublic)


def _by_year(items: Iterable[_Dated]) -> tuple[dict[int, list[_Dated]], list[_Dated]]:
    """Items by the year of their date, in their order, and those without a date."""
    dated: dict[int, list[_Dated]] = {}
    undated = []
    for item in items:
        year = year_of(item.date)
        if year is None:
            undated.append(item)
        else:
            dated.setdefault(year, []).append(item)
    return dated, undated


def _meetings(snap: Snapshot, network_id: str) -> list[str]:
    return sorted(
        (m for m, net in snap.meeting_network.items() if net == network_id),
        key=lambda m: (snap.g.nodes[m].get("date") or "", m),
    )


def _represented(snap: Snapshot, person: str, doc_id: str | None) -> set[str]:
    """What a person represented according to one document (the minutes of the meeting they attended)."""
    index = snap.__dict__.get("_represents_by_doc")
    if index is None:  # one pass over the graph per snapshot, not one per attendance
        index = {}
        for u, v, d in snap.g.edges(data=True):
            if d["type"] == "REPRESENTS":
                index.setdefault((u, d.get("doc_id")), set()).add(v)
        snap.__dict__["_represents_by_doc"] = index
    return index.get((person, doc_id), set())


def _ref(snap: Snapshot, node_id: str) -> EntityRef:
    data = snap.g.nodes[node_id]
    code = data.get("code")
    return EntityRef(id=node_id, name=data["name"], code=str(code) if code else None)


def _sorted(refs: Iterable[EntityRef]) -> list[EntityRef]:
    return sorted(refs, key=lambda r: (r.name.casefold(), r.id))


_MAX_SPAN = 30  # years; over a longer span (a misread date) only the years with something are listed


def _span(years: Iterable[int]) -> list[int]:
    """Every year from the first to the last given, so a year without anything shows as a gap."""
    found = sorted(set(years))
    if not found or found[-1] - found[0] >= _MAX_SPAN:
        return found
    return list(range(found[0], found[-1] + 1))


__all__ = ["body_map", "body_years", "trail_years", "year_of"]
