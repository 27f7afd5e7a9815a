"""The inline forms that edit a meeting's facts, with a writer's token in the form (as the
document page's other corrections): from the document page, a decision's, action's or handoff's
text, kind and target, and a decision, action or handoff added with its quote; from a person's page,
their name as spelled, affiliation and roles at one meeting. The page comes back with what was
saved (a person's page: the person's page after the change, which may be another person's when the
corrected spelling is theirs)."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Form
from fastapi.responses import RedirectResponse

from samkarta import corrections as fix
from samkarta.api.deps import FormRefused, SettingsDep, StoreDep, ViewDep, audit, form_writer
from samkarta.api.routes.common import NodeId
from samkarta.api.routes.document_page import FIELD_NAMES, _back
from samkarta.errors import AppError, InvalidInput, NotFound
from samkarta.fact_edits import add_fact
from samkarta.graph.model import Correction
from samkarta.graph.store import GraphStore

router = APIRouter(include_in_schema=False)
NAMES = {
    **FIELD_NAMES,
    "affiliation": "organisation",
    "roles": "roller",
    "text": "text",
    "kind": "typ",
    "target": "mottagare",
    "to": "mottagare",
    "quote": "citat",
    "field": "uppgift",
}
KINDS = {"decision": "ett beslut", "action": "en åtgärd", "handoff": "en fråga vidare"}
FactField = Annotated[str, Form(pattern=r"^([a-z]+-[0-9a-f]{16})?$")]
Roles = Annotated[list[str], Form(max_length=8)]


def _refused(e: AppError) -> str:
    if isinstance(e, InvalidInput):
        return f"Rättelsen sparades inte: fel värde i {NAMES.get(e.source, e.source)} ({e.reason})."
    if isinstance(e, NotFound):
        return "Rättelsen sparades inte: uppgiften finns inte längre i protokollet."
    return f"Rättelsen sparades inte: {e}"


def _saved(writer: str, made: list[Correction], view: ViewDep) -> None:
    for c in made:
        audit.info("%s corrected %s %s (%s) in %s", writer, c.fact_kind, c.fact, c.field, c.doc_id)
    view.refresh()


@router.post("/document/{node_id}/edits")
def edit_from_document_page(
    store: StoreDep,
    view: ViewDep,
    settings: SettingsDep,
    node_id: NodeId,
    token: Annotated[str, Form(max_length=200)],
    action: Annotated[str, Form(pattern=r"^(text|kind|target|add)$")],
    fact: FactField = "",
    text: Annotated[str, Form(max_length=fix.MAX_TEXT)] = "",
    kind: Annotated[str, Form(pattern=r"^(decision|action|handoff)?$")] = "",
    to: Annotated[str, Form(max_length=fix.MAX_BODY)] = "",
    quote: Annotated[str, Form(max_length=fix.MAX_TEXT)] = "",
    assignee: Annotated[str, Form(max_length=fix.MAX_NAME)] = "",
    reason: Annotated[str, Form(max_length=fix.MAX_REASON)] = "",
) -> RedirectResponse:
    """A decision's, action's or handoff's text, kind or target, or one added; the page again."""
    back = fact or f"fakta-{kind or 'decision'}"
    try:
        writer = form_writer(settings, token, "rättelsen")
    except FormRefused as e:
        return _back(node_id, back, e.message)
    try:
        if action == "add":
            made = add_fact(store, node_id, kind, text, quote, to=to, assignee=assignee, reason=reason, by=writer)
            back, message = made[0].fact, f"Sparat: {KINDS.get(kind, kind)} är tillagd, med sitt citat."
        elif action == "kind":
            values = {"kind": kind, **({"target": to} if to.strip() else {})}
            made = fix.correct_fields(store, node_id, fact, values, reason=reason, by=writer)
            message = f"Sparat: är nu {KINDS.get(kind, kind)}."
        else:
            value = text if action == "text" else to
            made = [fix.correct(store, node_id, fact, action, value, reason=reason, by=writer)]
            message = "Sparat: ny text." if action == "text" else f"Sparat: frågan gick till {made[0].value}."
    except AppError as e:
        return _back(node_id, back, _refused(e))
    _saved(writer, made, view)
    return _back(node_id, back, message)


@router.post("/entity/{node_id}/attendance")
def edit_from_person_page(
    store: StoreDep,
    view: ViewDep,
    settings: SettingsDep,
    node_id: NodeId,
    token: Annotated[str, Form(max_length=200)],
    document: Annotated[str, Form(pattern=r"^document-[0-9a-f]{16}$")],
    fact: FactField,
    name: Annotated[str, Form(max_length=fix.MAX_NAME)] = "",
    affiliation: Annotated[str, Form(max_length=fix.MAX_BODY)] = "",
    roles: Roles = [],  # noqa: B006 - FastAPI copies a form default
    reason: Annotated[str, Form(max_length=fix.MAX_REASON)] = "",
    action: Annotated[str, Form(pattern=r"^(save|undo:correction-[0-9a-f]{16})$")] = "save",
) -> RedirectResponse:
    """A person's name as spelled, affiliation and roles at one meeting, or an undo of one of them,
    from the person's page."""
    try:
        writer = form_writer(settings, token, "rättelsen")
    except FormRefused as e:
        return _person_back(node_id, fact, e.message)
    if action.startswith("undo:"):
        try:
            made = [fix.undo(store, action.removeprefix("undo:"), reason=reason, by=writer)]
        except AppError as e:
            return _person_back(node_id, fact, _refused(e))
        _saved(writer, made, view)
        home = _person_now(store, node_id, document, fact) if made[0].field == "name" else node_id
        return _person_back(home, fact, "Sparat: rättelsen är ångrad.")
    asked = {"name": name, "affiliation": affiliation, "roles": ", ".join(roles)}
    try:
        doc = fix.document_facts(store, document)
        _, now = fix.values_of(doc, doc.fact(fact))
        # the form sends every field: the ones it changed count (a name or roles emptied say nothing)
        values = {
            k: v
            for k, v in asked.items()
            if (v.strip() or k == "affiliation") and " ".join(v.split()) != (now.get(k) or "")
        }
        if not values:
            return _person_back(node_id, fact, "Inget ändrades: uppgifterna var redan de angivna.")
        made = fix.correct_fields(store, document, fact, values, reason=reason, by=writer)
    except AppError as e:
        return _person_back(node_id, fact, _refused(e))
    _saved(writer, made, view)
    home = _person_now(store, node_id, document, fact) if "name" in values else node_id
    return _person_back(home, fact, "Sparat: personen är rättad för mötet.")


def _person_now(store: GraphStore, node_id: str, doc_id: str, fact: str) -> str:
    """The person's page to go back to after a new spelling (or its undo): the person it names now
    (it may have joined someone known from other minutes), else the page the form was on."""
    doc = fix.document_facts(store, doc_id)
    _, now = fix.values_of(doc, doc.fact(fact))
    for candidate, label, name in store.names():
        if label == "Person" and name == now.get("name") and doc_id in store.node_documents(candidate):
            return candidate
    return node_id


def _person_back(node_id: str, fact: str, message: str) -> RedirectResponse:
    return RedirectResponse(f"/entity/{node_id}?{urlencode({'message': message})}#{fact}", status_code=303)
