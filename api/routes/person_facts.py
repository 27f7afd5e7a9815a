"""What a person's page offers to correct: the person at each of their meetings (their name as the
minutes spell it, their affiliation and roles there), each with its history and a form
(api/routes/fact_edit_form.py takes it)."""

from __future__ import annotations

from typing import Any

from samkarta.api import swedish
from samkarta.api.routes.document_page import FIELD_NAMES, _change
from samkarta.fact_edits import attendances
from samkarta.graph.store import GraphStore
from samkarta.queries.results import EntityPublic

SHOWN = 60  # meetings listed with a form, the latest first: a page stays quick for a person of many networks


def person_meetings(store: GraphStore, entity: EntityPublic) -> dict[str, Any]:
    """The person's meetings as the correction section of their page lists them."""
    names = {entity.name, *(a.alias for a in entity.aliases)}
    found = attendances(store, entity.id, names)
    found.reverse()  # the latest first
    rows = [
        {
            "doc": a.info.id,
            "fact": a.state.fact.id,
            "title": a.info.title or a.info.path,
            "date": a.info.date,
            "name": a.now.get("name") or "",
            "said_name": a.said.get("name") if a.said.get("name") != a.now.get("name") else None,
            "affiliation": a.now.get("affiliation") or "",
            "roles": (a.now.get("roles") or "").split(", ") if a.now.get("roles") else [],
            "roles_text": swedish.roles((a.now.get("roles") or "").split(", ")) if a.now.get("roles") else "",
            "history": [_change(c) for c in a.state.history],
            "undo": [{"id": c.id, "field": c.field} for c in a.state.in_force.values() if c.field != "wrong"],
        }
        for a in found[:SHOWN]
    ]
    return {"rows": rows, "count": len(found), "roles": swedish.ROLES, "field_names": FIELD_NAMES}
