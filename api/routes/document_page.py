"""A document's page: the minutes, and every fact read from them with a form to correct it in place.

A correction from the page is sent with a writer's token in the form (as on /merges) and the page
comes back with what was saved, scrolled to the fact: no dead end, nothing left to find again.
"""

from __future__ import annotations

import re
from pathlib import PurePath
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from samkarta import corrections as fix
from samkarta.api import swedish
from samkarta.api.deps import FormRefused, SettingsDep, StoreDep, ViewDep, audit, form_writer
from samkarta.api.routes.common import NodeId
from samkarta.api.routes.pages import _page
from samkarta.errors import AppError, InvalidInput, NotFound
from samkarta.graph.corrections import FactState
from samkarta.graph.corrections import fact_id as make_fact_id
from samkarta.graph.model import OUTCOME_KINDS, Correction, ReviewJudgement
from samkarta.reference import load_reference

router = APIRouter(include_in_schema=False)
SECTIONS = (  # the facts of a document, by kind, as the page lists them
    ("attendance", "Personer i protokollet", "Ingen person hittades i protokollet."),
    ("decision", "Beslut", "Inga beslut hittades."),
    ("action", "Åtgärder", "Inga åtgärder hittades."),
    ("handoff", "Frågor vidare till andra", "Inga frågor skickades vidare."),
)
KIND_NAMES = {"decision": "beslutet", "action": "åtgärden", "handoff": "frågan", "attendance": "personen"}
FIELD_NAMES = {
    "wrong": "markerad som fel",
    "added": "tillagd som deltagare",
    "date": "datum",
    "body": "organ",
    "region": "region",
    "assignee": "ansvarig",
    "name": "namn",
    "reason": "motivering",
    "affiliation": "organisation",
    "roles": "roller",
    "text": "text",
    "kind": "typ",
    "target": "mottagare",
}
KIND_VALUES = {"decision": "beslut", "action": "åtgärd", "handoff": "fråga vidare"}  # a reclassification's value


def _plain(text: str) -> str:
    """A quote or fact as shown beside the text: without the markdown marks the text hides."""
    return re.sub(r"\*\*|^#{1,6} ", "", text, flags=re.MULTILINE)


def _change(c: Correction) -> str:
    """One correction as the fact's history tells it."""
    if c.value is None:
        what = f"{FIELD_NAMES[c.field]}: ångrad"
    elif c.field in ("wrong", "added"):
        what = FIELD_NAMES[c.field].capitalize()
    elif c.field == "roles":
        what = f"Roller ändrade till ”{swedish.roles(c.value.split(', '))}”"
    else:
        shown = KIND_VALUES.get(c.value, c.value) if c.field == "kind" else c.value
        what = f"{FIELD_NAMES[c.field].capitalize()} ändrat till ”{shown or 'ingen'}”"
    who = c.decided_by or "okänd"
    return f"{what} av {who} {c.decided_at[:10]}" + (f": ”{c.reason}”" if c.reason else "")


def _review_change(r: ReviewJudgement, undone: dict[str, ReviewJudgement]) -> str:
    """A confirmation from the review queue, or its undo, as the fact's history tells it."""
    field = f" ({FIELD_NAMES[r.field]})" if r.field else ""
    what = "Bekräftelsen ångrad" if r.op == "undo" else "Bekräftad som den lästes"
    if r.op == "undo" and r.undoes in undone:
        what += f" (från {undone[r.undoes].decided_at[:10]})"
    who = r.decided_by or "okänd"
    return f"{what}{field} av {who} {r.decided_at[:10]}" + (f": ”{r.reason}”" if r.reason else "")


def _history(state: FactState, reviews: list[ReviewJudgement]) -> list[str]:
    """The fact's corrections and review judgements in the order they were made."""
    by_id = {r.id: r for r in reviews}
    lines = [(c.decided_at, _change(c)) for c in state.history]
    lines += [(r.decided_at, _review_change(r, by_id)) for r in reviews if r.fact == state.fact.id]
    return [text for _, text in sorted(lines, key=lambda line: line[0])]


def _fact_row(doc: fix.DocumentFacts, state: FactState, reviews: list[ReviewJudgement]) -> dict[str, Any]:
    said, now = fix.values_of(doc, state)
    f = state.fact
    key = "name" if f.kind == "attendance" else "text"  # what the fact says, as corrected
    meta = ""
    if f.kind == "attendance":
        meta = swedish.roles((now.get("roles") or "").split(", ") if now.get("roles") else [])
    elif state.kind == "action":
        meta = f"ansvarig: {now.get('assignee') or 'ingen angiven'}"
    elif state.kind == "handoff" and now.get("target"):
        meta = f"till {now['target']}"
    return {
        "id": f.id,
        "kind": state.kind,
        "was": KIND_VALUES[f.kind] if state.kind != f.kind else None,  # reclassified from
        "text": _plain(now.get(key) or f.text),
        "said_text": _plain(f.text) if now.get(key) not in (None, f.text) else None,  # as the minutes say
        "meta": meta,
        "quote": _plain(f.quote),
        "source": f"/document/{doc.info.id}?start={f.start}&end={f.end}#hit" if f.start is not None else None,
        "wrong": state.wrong,
        "added": state.added,
        "gone": f.index is None and not state.added,  # added by a person, and that undone
        "said": said,
        "now": now,
        "history": _history(state, reviews),
        "undo": [{"id": c.id, "label": f"Ångra {FIELD_NAMES[c.field]}"} for c in state.in_force.values()],
    }


@router.get("/document/{node_id}", response_class=HTMLResponse)
def document_page(
    request: Request,
    store: StoreDep,
    node_id: NodeId,
    start: Annotated[int | None, Query(ge=0)] = None,
    end: Annotated[int | None, Query(ge=0)] = None,
    message: Annotated[str, Query(max_length=300)] = "",
) -> HTMLResponse:
    doc = fix.document_facts(store, node_id)
    text = doc.text
    if start is not None and end is not None and start < end <= len(text):
        before, hit, after = text[:start], text[start:end], text[end:]
    else:
        before, hit, after = text, "", ""
    meeting = next(s for s in doc.facts if s.fact.kind == "meeting")
    reviews = [r for r in store.reviews() if r.doc_id == node_id and r.op != "distinct"]
    rows = [_fact_row(doc, s, reviews) for s in doc.facts if s.fact.kind != "meeting"]
    sections = [
        {"kind": kind, "title": title, "empty": empty, "rows": [r for r in rows if r["kind"] == kind]}
        for kind, title, empty in SECTIONS
    ]
    return _page(
        request,
        "document.html",
        title=doc.info.title or "Protokoll",
        info=doc.info,
        file_name=PurePath(doc.info.path).name,  # the server's folders are nobody's business
        before=before,
        highlighted=hit,
        after=after,
        meeting=_fact_row(doc, meeting, reviews),
        sections=sections,
        orphaned=[{"id": c.id, "text": c.text or c.fact_kind, "change": _change(c)} for c in doc.result.orphaned],
        counties=sorted(load_reference().counties),
        kind_names=KIND_NAMES,
        kind_values=KIND_VALUES,
        outcome_kinds=OUTCOME_KINDS,
        new_names={"decision": "ett beslut", "action": "en åtgärd", "handoff": "en fråga vidare"},
        message=message,
    )


@router.post("/document/{node_id}/corrections")
def correct_from_page(
    store: StoreDep,
    view: ViewDep,
    settings: SettingsDep,
    node_id: NodeId,
    token: Annotated[str, Form(max_length=200)],
    # the button pressed: what to do (an undo names the correction it undoes)
    action: Annotated[str, Form(pattern=r"^(wrong|assignee|meeting|attendee|undo:correction-[0-9a-f]{16})$")],
    fact: Annotated[str, Form(pattern=r"^([a-z]+-[0-9a-f]{16})?$")] = "",
    date: Annotated[str, Form(max_length=10)] = "",
    body: Annotated[str, Form(max_length=fix.MAX_BODY)] = "",
    region: Annotated[str, Form(max_length=60)] = "",
    assignee: Annotated[str, Form(max_length=fix.MAX_NAME)] = "",
    name: Annotated[str, Form(max_length=fix.MAX_NAME)] = "",
    reason: Annotated[str, Form(max_length=fix.MAX_REASON)] = "",
) -> RedirectResponse:
    """A correction from the document's page; the page again, with what happened."""
    back = fact or make_fact_id(node_id, "meeting")
    try:
        writer = form_writer(settings, token, "rättelsen")
    except FormRefused as e:
        return _back(node_id, back, e.message)
    try:
        if action.startswith("undo:"):
            made = [fix.undo(store, action.removeprefix("undo:"), reason=reason, by=writer)]
            text = "Sparat: rättelsen är ångrad."
        elif action == "wrong":
            made = [fix.correct(store, node_id, fact, "wrong", reason=reason, by=writer)]
            text = "Sparat: markerad som fel. Den finns inte längre i grafen."
        elif action == "assignee":
            made = [fix.correct(store, node_id, fact, "assignee", assignee, reason=reason, by=writer)]
            text = "Sparat: ny ansvarig för åtgärden."
        elif action == "attendee":
            made = [fix.add_attendee(store, node_id, name, reason=reason, by=writer)]
            back, text = made[0].fact, f"Sparat: {made[0].text} är tillagd som deltagare."
        else:
            made = _meeting(store, node_id, {"date": date, "body": body, "region": region}, reason, writer)
            text = "Sparat: mötet är rättat." if made else "Inget ändrades: värdena var redan de angivna."
    except InvalidInput as e:
        return _back(
            node_id, back, f"Rättelsen sparades inte: fel värde i {FIELD_NAMES.get(e.source, e.source)} ({e.reason})."
        )
    except NotFound:
        return _back(node_id, back, "Rättelsen sparades inte: uppgiften finns inte längre i protokollet.")
    except AppError as e:
        return _back(node_id, back, f"Rättelsen sparades inte: {e}")
    for c in made:
        audit.info("%s corrected %s %s (%s) in %s", writer, c.fact_kind, c.fact, c.field, c.doc_id)
    view.refresh()
    return _back(node_id, back, text)


def _meeting(store: StoreDep, node_id: str, asked: dict[str, str], reason: str, writer: str) -> list[Correction]:
    """The meeting's fields the form changed (a form sends them all, changed or not)."""
    doc = fix.document_facts(store, node_id)
    meeting = next(s for s in doc.facts if s.fact.kind == "meeting")
    _, now = fix.values_of(doc, meeting)
    made = []
    for field, value in asked.items():
        if field != "region" and not value.strip():
            continue  # an emptied date or body: nothing to say (a region may be none: a national body)
        if fix.check_value(field, value) != (now.get(field) or ""):
            made.append(fix.correct(store, node_id, meeting.fact.id, field, value, reason=reason, by=writer))
    return made


def _back(node_id: str, fact: str, message: str) -> RedirectResponse:
    return RedirectResponse(f"/document/{node_id}?{urlencode({'message': message})}#{fact}", status_code=303)
