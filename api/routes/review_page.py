"""The review queue in the explorer (/granska): one item at a time, accept / fix / reject in one action.

Every item is a plain form with the writer's token (as on /merges), so the page works without
JavaScript; static/review.js adds the keyboard (j/k or the arrow keys move, a accepts, r rejects,
f opens the fix) and sends the same form in the background, asking for JSON, so the decided item
leaves the page without a reload.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from samkarta import corrections as fix
from samkarta import review
from samkarta.api import swedish
from samkarta.api.deps import FormRefused, SettingsDep, SnapshotDep, StoreDep, ViewDep, audit, form_writer
from samkarta.api.routes.pages import _page
from samkarta.api.routes.review import FactCacheDep
from samkarta.corrections import MAX_REASON
from samkarta.errors import AppError, Conflict, InvalidInput, NotFound
from samkarta.graph.corrections import fact_id as make_fact_id
from samkarta.ingest import judge
from samkarta.queries.review import ReviewItem, review_queue

router = APIRouter(include_in_schema=False)
PAGE = 25
NodeIdForm = r"^([a-z]+-[0-9a-f]{16})?$"
FIELD_NAMES = {"field": "fält", "reason": "motivering", "node_b": "paret", "merged": "paret"}
# what accepting and rejecting mean for each kind of item, as the buttons say it
BUTTONS = {
    "fact": ("Stämmer", "Markera som fel"),
    "person_merge": ("Samma person", "Olika personer"),
    "Network": ("Samma organ", "Olika organ"),
    "Organization": ("Samma organisation", "Olika organisationer"),
}
SAVED = {
    ("fact", "accept"): "Sparat: uppgiften stämmer och har lämnat kön.",
    ("fact", "reject"): "Sparat: uppgiften är markerad som fel och borta ur grafen.",
    ("person_merge", "accept"): "Sparat: samma person.",
    ("person_merge", "reject"): "Sparat: olika personer.",
    ("entity_merge", "accept"): "Sparat: sammanslagna till en.",
    ("entity_merge", "reject"): "Sparat: hålls isär och föreslås inte igen.",
}


def _fix_link(item: ReviewItem) -> str:
    """Where the existing correction of the item is made."""
    if item.kind == "fact" and item.doc_id:
        anchor = item.fact if item.fact_kind != "meeting" else make_fact_id(item.doc_id, "meeting")
        return f"/document/{item.doc_id}#{anchor}"
    if item.kind == "person_merge":
        return f"/merges#{item.candidate}"
    return f"/entity/{item.sides[0].id}#kurering"


def _view_item(item: ReviewItem) -> dict[str, object]:
    buttons = (
        BUTTONS["fact"] if item.kind == "fact" else BUTTONS.get(item.label or "person_merge", BUTTONS["person_merge"])
    )
    return {
        **item.model_dump(),
        "accept": buttons[0],
        "reject": buttons[1],
        "fix": _fix_link(item),
        "confidence_text": swedish.decimal(item.confidence) if item.confidence is not None else None,
        "score_text": swedish.decimal(item.score) if item.score is not None else None,
    }


@router.get("/granska", response_class=HTMLResponse)
def review_page(
    request: Request,
    store: StoreDep,
    snap: SnapshotDep,
    settings: SettingsDep,
    cache: FactCacheDep,
    threshold: Annotated[float | None, Query(ge=0, le=1)] = None,
    offset: Annotated[int, Query(ge=0)] = 0,
    message: Annotated[str, Query(max_length=300)] = "",
) -> HTMLResponse:
    """The review queue, most relationships changed first."""
    chosen = settings.review_threshold if threshold is None else threshold
    queue = review_queue(store, snap, chosen, offset, PAGE, cache)
    return _page(
        request,
        "review.html",
        title="Granska",
        queue=queue,
        items=[_view_item(i) for i in queue.data],
        threshold=chosen,
        threshold_text=swedish.decimal(chosen),
        offset=offset,
        page=PAGE,
        message=message,
    )


def _decide(
    store: StoreDep,
    view: ViewDep,
    snap: SnapshotDep,
    writer: str,
    form: dict[str, str],
) -> str:
    """Carry out one decision; the Swedish message of what was saved."""
    kind, decision, reason = form["kind"], form["decision"], form["reason"]
    if kind == "fact":
        if decision == "accept":
            made = review.confirm(store, form["doc_id"], form["fact"], form["field"], reason=reason, by=writer)
            audit.info("%s confirmed %s %s (%s) in %s", writer, made.fact_kind, made.fact, made.field, made.doc_id)
        else:
            if form["field"]:
                raise InvalidInput("field", "ett mötes datum, organ eller region rättas, det markeras inte som fel")
            c = fix.correct(store, form["doc_id"], form["fact"], "wrong", reason=reason, by=writer)
            audit.info("%s corrected %s %s (wrong) in %s from the review queue", writer, c.fact_kind, c.fact, c.doc_id)
            view.refresh()
    elif kind == "person_merge":
        verdict = "accepted" if decision == "accept" else "rejected"
        decided_at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        judge(store, form["candidate"], verdict, reason, decided_at, decided_by=writer)
        audit.info("%s %s merge candidate %s", writer, verdict, form["candidate"])
        view.refresh()
    elif decision == "accept":
        j = review.accept_entity_candidate(store, snap, form["candidate"], reason=reason, by=writer)
        audit.info("%s accepted entity candidate %s (%s into %s)", writer, form["candidate"], j.node, j.value)
        view.refresh()
    else:
        review.reject_entity_candidate(store, snap, form["candidate"], reason=reason, by=writer)
        audit.info("%s rejected entity candidate %s", writer, form["candidate"])
    return SAVED[(kind, decision)]


@router.post("/granska")
def decide_from_page(
    request: Request,
    store: StoreDep,
    view: ViewDep,
    snap: SnapshotDep,
    settings: SettingsDep,
    token: Annotated[str, Form(max_length=200)],
    decision: Annotated[str, Form(pattern=r"^(accept|reject)$")],
    kind: Annotated[str, Form(pattern=r"^(fact|person_merge|entity_merge)$")],
    doc_id: Annotated[str, Form(pattern=NodeIdForm)] = "",
    fact: Annotated[str, Form(pattern=NodeIdForm)] = "",
    field: Annotated[str, Form(pattern=r"^(date|body|region)?$")] = "",
    candidate: Annotated[str, Form(pattern=NodeIdForm)] = "",
    reason: Annotated[str, Form(max_length=MAX_REASON)] = "",
    threshold: Annotated[float | None, Form(ge=0, le=1)] = None,
    offset: Annotated[int, Form(ge=0)] = 0,
) -> Response:
    """One decision from the queue: the queue again (or, asked for JSON by the page's script, what happened)."""
    wants_json = "application/json" in request.headers.get("accept", "")
    form = {"kind": kind, "decision": decision, "doc_id": doc_id, "fact": fact, "field": field}
    form |= {"candidate": candidate, "reason": reason}
    try:
        writer = form_writer(settings, token, "beslutet")
        text, status = _decide(store, view, snap, writer, form), 200
    except FormRefused as e:
        text, status = e.message, 403
    except InvalidInput as e:
        text, status = f"Beslutet sparades inte: fel värde i {FIELD_NAMES.get(e.source, e.source)} ({e.reason}).", 422
    except (NotFound, Conflict):
        text, status = "Beslutet sparades inte: saken är redan avgjord eller finns inte längre.", 409
    except AppError as e:
        text, status = f"Beslutet sparades inte: {e}", e.status
    if wants_json:
        return JSONResponse({"ok": status == 200, "message": text}, status_code=status)
    params = {"message": text, "offset": str(offset)}
    if threshold is not None:
        params["threshold"] = str(threshold)
    return RedirectResponse("/granska?" + urlencode(params) + "#queue", status_code=303)
