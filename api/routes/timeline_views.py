"""The year panels of a body's page and a question's page (api/templates/_years.html): the answers of
queries/timeline.py put into Swedish words, one panel per year."""

from __future__ import annotations

from typing import Any

from samkarta.api import swedish
from samkarta.graph.store import GraphStore
from samkarta.queries.results import EntityRef
from samkarta.queries.timeline import body_years, trail_years
from samkarta.queries.view import Snapshot

_GROUPS = (("municipalities", "Kommuner"), ("organizations", "Organisationer"), ("people", "Personer"))


def membership_panels(snap: Snapshot, network_id: str) -> tuple[list[dict[str, Any]], int]:
    """A body's year panels (first to last year with a meeting) and how many meetings have no date."""
    found = body_years(snap, network_id)
    names = {r.id: r.name for y in found.years for _, refs in _refs(y) for r in refs}
    first = next((y.year for y in found.years if y.meetings), None)
    panels = []
    for y in found.years:
        joined = set(y.joined) if y.year != first else set()  # in the first year everyone is new: say nothing
        panels.append(
            {
                "year": y.year,
                "empty": y.meetings == 0,
                "summary": " · ".join(
                    (
                        swedish.count(y.meetings, "möte", "möten"),
                        swedish.count(len(y.municipalities), "kommun", "kommuner"),
                        swedish.count(len(y.organizations), "organisation", "organisationer"),
                        swedish.count(len(y.people), "person", "personer"),
                    )
                ),
                "groups": [
                    {"title": title, "rows": [{"id": r.id, "name": r.name, "new": r.id in joined} for r in refs]}
                    for title, refs in _refs(y)
                ],
                "left": sorted((names[i] for i in y.left), key=str.casefold),
            }
        )
    return panels, found.undated_meetings


def _refs(y: Any) -> list[tuple[str, list[EntityRef]]]:
    return [(title, getattr(y, field)) for field, title in _GROUPS]


def trail_panels(store: GraphStore, snap: Snapshot, question: str) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """A question's year panels (first to last year it was seen), and its steps and handoffs without a date."""
    found = trail_years(store, snap, question)
    panels = []
    for y in found.years:
        bodies = [{"id": b.id, "name": b.name, "steps": [s for s in y.steps if s.network_id == b.id]} for b in y.bodies]
        parts = [swedish.count(len(y.bodies), "nätverk", "nätverk")]
        if y.handoffs:
            parts.append(swedish.count(len(y.handoffs), "fråga skickad vidare", "frågor skickade vidare"))
        panels.append(
            {
                "year": y.year,
                "empty": not y.steps and not y.handoffs,
                "summary": ", ".join(parts),
                "bodies": bodies,
                "handoffs": y.handoffs,
            }
        )
    return panels, {"steps": found.undated, "handoffs": found.undated_handoffs}
