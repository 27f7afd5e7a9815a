"""The review queue in the explorer (/granska): one item at a time, accept / fix / reject in one action.

Every item is a plain form with the writer's token (as on /merges), so the page works without
JavaScript; static/review.js adds the keyboard (j/k or the arrow keys move, a accepts, r rejects,
f opens the fix) and sends the same form in the background, asking for JSON, so the decided item
leaves the page without a reload. What was just decided can be taken back ("Ångra": a form after
the decision, or `u`), as a later judgement: the item is back in the queue.
"""

from __future__ import annotations

from typing import Annotated, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from samkarta import review
from samkarta.api import swedish
from samkarta.api.deps import FormRefused, SettingsDep, SnapshotDep, StoreDep, ViewDep, audit, form_writer
from samkarta.api.routes.pages import _page
from samkarta.api.routes.review import FactCacheDep
from samkarta.corrections import MAX_REASON
from samkarta.errors import AppError, Conflict, InvalidInput, NotFound
from samkarta.graph.corrections import fact_id as make_fact_id
from samkarta.queries.review import ReviewItem, review_queue

router = APIRouter(include_in_schema=False)
PAGE = 25
NodeIdForm = r"^([a-z]+-[0-9a-f]{16})?$"
# what an undo takes back: a confirmation, distinction or person pair's decision (review-), a fact
# marked wrong, a merge of entities
JudgementId = r"^(review|correction|entityjudgement)-[0-9a-f]{16}$"
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
    undo: Annotated[str, Query(pattern=r"^((review|correction|entityjudgement)-[0-9a-f]{16})?$")] = "",
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
        undo=undo,
    )


def _answer(
    request: Request, text: str, status: int, undo: str | None, threshold: float | None, offset: int
) -> Response:
    """JSON for the page's script; else the queue again, with the message (and the undo of what was saved)."""
    if "application/json" in request.headers.get("accept", ""):
        body: dict[str, object] = {"ok": status == 200, "message": text}
        if undo is not None:
            body["undo"] = undo
        return JSONResponse(body, status_code=status)
    params = {"message": text, "offset": str(offset)}
    if threshold is not None:
        params["threshold"] = str(threshold)
    if undo is not None:
        params["undo"] = undo
    return RedirectResponse("/granska?" + urlencode(params) + "#queue", status_code=303)


def _refused(e: Exception) -> tuple[str, int]:
    """A refused decision or undo as the page says it, with its status."""
    if isinstance(e, FormRefused):
        return e.message, 403
    if isinstance(e, InvalidInput):
        return f"Beslutet sparades inte: fel värde i {FIELD_NAMES.get(e.source, e.source)} ({e.reason}).", 422
    if isinstance(e, NotFound | Conflict):
        return "Beslutet sparades inte: saken är redan avgjord eller finns inte längre.", 409
    assert isinstance(e, AppError)
    return f"Beslutet sparades inte: {e}", e.status


@router.post("/granska")
def decide_from_page(
    request: Request,
    store: StoreDep,
    view: ViewDep,
    snap: SnapshotDep,
    settings: SettingsDep,
    token: Annotated[str, Form(max_length=200)],
    decision: Annotated[Literal["accept", "reject"], Form()],
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
    undo: str | None = None
    try:
        writer = form_writer(settings, token, "beslutet")
        if kind == "fact" and decision == "reject" and field:
            raise InvalidInput("field", "ett mötes datum, organ eller region rättas, det markeras inte som fel")
        made = review.decide(
            store,
            snap,
            kind,
            decision,
            doc_id=doc_id,
            fact=fact,
            field=field,
            candidate=candidate,
            reason=reason,
            by=writer,
        )
        audit.info("%s: %s (from the review queue)", writer, made.what)
        if made.changed_graph:
            view.refresh()
        text, status, undo = SAVED[(kind, decision)], 200, made.undo
    except (FormRefused, AppError) as e:
        text, status = _refused(e)
    return _answer(request, text, status, undo, threshold, offset)


@router.post("/granska/undo")
def undo_from_page(
    request: Request,
    store: StoreDep,
    view: ViewDep,
    settings: SettingsDep,
    token: Annotated[str, Form(max_length=200)],
    undo: Annotated[str, Form(pattern=JudgementId)],
    reason: Annotated[str, Form(max_length=MAX_REASON)] = "",
    threshold: Annotated[float | None, Form(ge=0, le=1)] = None,
    offset: Annotated[int, Form(ge=0)] = 0,
) -> Response:
    """Take back what was just decided from the queue (a later judgement): the item is back in the queue."""
    try:
        writer = form_writer(settings, token, "ångrandet")
        made = review.undo_decision(store, undo, reason=reason, by=writer)
        audit.info("%s %s from the review queue", writer, made.what)
        if made.changed_graph:
            view.refresh()
        text, status = "Ångrat: beslutet är taget tillbaka och saken är i kön igen.", 200
    except (NotFound, Conflict):
        text, status = "Ångrandet sparades inte: beslutet är redan ångrat eller finns inte.", 409
    except (FormRefused, AppError) as e:
        text, status = _refused(e)
        text = text.replace("Beslutet sparades inte", "Ångrandet sparades inte")
    return _answer(request, text, status, None, threshold, offset)
