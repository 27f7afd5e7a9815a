"""Corrections of facts read from minutes: reads are open, writes need a writer's bearer token.

A fact is addressed within its document (`/api/documents/{id}/facts` lists them with their ids);
each correction is stored with who made it, when and why, and the document is rebuilt, so every
query and view follows it. Undoing stores a later correction; a fact's history keeps both.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from samkarta import corrections as fix
from samkarta.api.deps import StoreDep, ViewDep, WriterDep, audit
from samkarta.api.routes.common import READ_ERRORS, WRITE_ERRORS, ErrorBody, NodeId
from samkarta.errors import InvalidInput
from samkarta.graph.corrections import fact_id as make_fact_id
from samkarta.graph.model import Correction, FactKind

router = APIRouter(prefix="/api", tags=["corrections"])
CONFLICT: dict[int | str, dict[str, Any]] = {
    409: {"model": ErrorBody, "description": "Nothing to change: already marked wrong, or already undone"}
}
BAD_VALUE: dict[int | str, dict[str, Any]] = {
    422: {"model": ErrorBody, "description": "A field is missing or has a value it cannot take"}
}
FactId = Annotated[
    str, Path(pattern=r"^[a-z]+-[0-9a-f]{16}$", description="A fact's id, as /api/documents/{id}/facts lists it")
]
Reason = Annotated[str, Field(max_length=fix.MAX_REASON, description="Why (shown in the fact's history)")]


class FactPublic(BaseModel):
    """A fact of a document as the extractor read it, what it is now, and its corrections."""

    id: str
    kind: FactKind
    text: str = Field(description="A decision's or action's text, a handoff's question, a person's name")
    quote: str
    start: int | None
    end: int | None
    wrong: bool = Field(description="Marked wrong: out of the graph")
    added: bool = Field(description="An attendee a person added")
    extracted: dict[str, str | None] = Field(description="Correctable values as the minutes say")
    current: dict[str, str | None] = Field(description="The same values as corrected")
    history: list[Correction] = Field(description="Every correction of the fact, oldest first")


class DocumentFactsPublic(BaseModel):
    document: str
    data: list[FactPublic]
    count: int
    orphaned: list[Correction] = Field(description="Corrections of this document whose fact is gone")


class CorrectionsPublic(BaseModel):
    data: list[Correction]
    count: int


class OrphanPublic(BaseModel):
    correction: Correction
    why: str = Field(description='"document gone" or "fact not found"')


class OrphansPublic(BaseModel):
    data: list[OrphanPublic]
    count: int


class CorrectionDone(BaseModel):
    ok: bool = True
    detail: str
    corrections: list[Correction]


class ReasonIn(BaseModel):
    """Why, for the fact's history (may be empty)."""

    model_config = ConfigDict(extra="forbid")
    reason: Reason = ""


class MeetingIn(BaseModel):
    """The meeting's date, body or region as they should be; at least one of them."""

    model_config = ConfigDict(extra="forbid")
    date: dt.date | None = Field(None, description="YYYY-MM-DD")
    body: str | None = Field(None, min_length=2, max_length=fix.MAX_BODY, description="The body that met")
    region: str | None = Field(None, max_length=60, description='A county, e.g. "Dalarna"; "" for a national body')
    reason: Reason = ""

    @field_validator("region")
    @classmethod
    def _county(cls, value: str | None) -> str | None:
        if value is None:
            return None
        try:
            return fix.check_value("region", value)
        except InvalidInput as e:
            raise ValueError(e.reason) from None

    @model_validator(mode="after")
    def _something(self) -> MeetingIn:
        if self.date is None and self.body is None and self.region is None:
            raise ValueError("give at least one of date, body and region")
        return self


class AssigneeIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    assignee: str = Field(max_length=fix.MAX_NAME, description='Who is to do it; "" for nobody')
    reason: Reason = ""


class AttendeeIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=2, max_length=fix.MAX_NAME, description="The person's name as in the minutes")
    reason: Reason = ""


def _fact(doc: fix.DocumentFacts, state: fix.FactState) -> FactPublic:
    extracted, current = fix.values_of(doc, state)
    f = state.fact
    return FactPublic(
        id=f.id,
        kind=f.kind,
        text=f.text,
        quote=f.quote,
        start=f.start,
        end=f.end,
        wrong=state.wrong,
        added=state.added,
        extracted=extracted,
        current=current,
        history=state.history,
    )


def _done(view: ViewDep, writer: str, made: list[Correction]) -> CorrectionDone:
    for c in made:
        shown = "undone" if c.value is None else f"{c.field}={c.value}"
        audit.info("%s corrected %s %s (%s) in %s", writer, c.fact_kind, c.fact, shown, c.doc_id)
    view.refresh()  # the next read shows it, from any page
    return CorrectionDone(detail=f"{len(made)} correction(s) saved; the document was rebuilt", corrections=made)


@router.get("/documents/{node_id}/facts", response_model=DocumentFactsPublic, responses=READ_ERRORS)
def document_facts(store: StoreDep, node_id: NodeId) -> DocumentFactsPublic:
    """The facts of a document that can be corrected (its meeting, attendees, decisions, actions and
    handoffs) as extracted and as corrected, each with its history."""
    doc = fix.document_facts(store, node_id)
    facts = [_fact(doc, s) for s in doc.facts]
    return DocumentFactsPublic(document=node_id, data=facts, count=len(facts), orphaned=doc.result.orphaned)


@router.post(
    "/documents/{node_id}/facts/{fact_id}/wrong",
    response_model=CorrectionDone,
    responses={**WRITE_ERRORS, **CONFLICT, **BAD_VALUE},
)
def mark_wrong(
    store: StoreDep, view: ViewDep, writer: WriterDep, node_id: NodeId, fact_id: FactId, body: ReasonIn
) -> CorrectionDone:
    """Mark a decision, action, handoff or attendee of the document as wrong: it leaves the graph."""
    return _done(view, writer, [fix.correct(store, node_id, fact_id, "wrong", reason=body.reason, by=writer)])


@router.put(
    "/documents/{node_id}/facts/{fact_id}/assignee",
    response_model=CorrectionDone,
    responses={**WRITE_ERRORS, **BAD_VALUE},
)
def set_assignee(
    store: StoreDep, view: ViewDep, writer: WriterDep, node_id: NodeId, fact_id: FactId, body: AssigneeIn
) -> CorrectionDone:
    """Give an action to someone else (a person the minutes do not name is added as mentioned)."""
    made = fix.correct(store, node_id, fact_id, "assignee", body.assignee, reason=body.reason, by=writer)
    return _done(view, writer, [made])


@router.post("/documents/{node_id}/meeting", response_model=CorrectionDone, responses={**WRITE_ERRORS, **BAD_VALUE})
def correct_meeting(
    store: StoreDep, view: ViewDep, writer: WriterDep, node_id: NodeId, body: MeetingIn
) -> CorrectionDone:
    """Correct the meeting's date, body (the network or body that met) or region."""
    meeting = make_fact_id(node_id, "meeting")
    made = []
    for name in ("date", "body", "region"):
        value = getattr(body, name)
        if value is not None:
            text = value.isoformat() if isinstance(value, dt.date) else value
            made.append(fix.correct(store, node_id, meeting, name, text, reason=body.reason, by=writer))
    return _done(view, writer, made)


@router.post(
    "/documents/{node_id}/attendees",
    response_model=CorrectionDone,
    responses={**WRITE_ERRORS, **CONFLICT, **BAD_VALUE},
)
def add_attendee(
    store: StoreDep, view: ViewDep, writer: WriterDep, node_id: NodeId, body: AttendeeIn
) -> CorrectionDone:
    """Add an attendee the minutes miss, or list only as absent or mentioned. (To remove one, mark
    their attendance wrong.)"""
    return _done(view, writer, [fix.add_attendee(store, node_id, body.name, reason=body.reason, by=writer)])


@router.post(
    "/corrections/{correction_id}/undo",
    response_model=CorrectionDone,
    responses={**WRITE_ERRORS, **CONFLICT, **BAD_VALUE},
)
def undo(store: StoreDep, view: ViewDep, writer: WriterDep, correction_id: FactId, body: ReasonIn) -> CorrectionDone:
    """Undo a correction: the fact gets its value from the minutes back (stored as a later
    correction, so the history keeps both)."""
    return _done(view, writer, [fix.undo(store, correction_id, reason=body.reason, by=writer)])


@router.get("/facts/{fact_id}/history", response_model=CorrectionsPublic, responses=READ_ERRORS)
def fact_history(store: StoreDep, fact_id: FactId) -> CorrectionsPublic:
    """Every correction of a fact, oldest first, with who made it, when and why ([] if none)."""
    found = fix.history(store, fact_id)
    return CorrectionsPublic(data=found, count=len(found))


@router.get("/corrections/orphaned", response_model=OrphansPublic, responses=READ_ERRORS)
def orphaned(store: StoreDep) -> OrphansPublic:
    """Corrections in force whose fact is not found any more (the document is gone, re-extracted
    without it, or changed): listed here, never applied to another fact, never dropped."""
    found = [OrphanPublic(correction=o.correction, why=o.why) for o in fix.orphaned(store)]
    return OrphansPublic(data=found, count=len(found))


@router.get("/corrections", response_model=CorrectionsPublic, responses=READ_ERRORS)
def corrections(
    store: StoreDep,
    document: Annotated[
        str | None, Query(pattern=r"^document-[0-9a-f]{16}$", description="Only this document's")
    ] = None,
) -> CorrectionsPublic:
    """Every correction ever made, undone ones too, oldest first."""
    found = [c for c in store.corrections() if document is None or c.doc_id == document]
    return CorrectionsPublic(data=found, count=len(found))
