"""Edits of a meeting's facts over the API, beside the corrections in api/routes/corrections.py: a
person's spelling, affiliation and roles at the meeting; a decision's, action's or handoff's text,
kind and target; a decision, action or handoff the minutes miss, added with its quote. Writes need
a writer's bearer token; each is a stored correction (who, when, why), undone and listed like the
others (`/api/corrections/{id}/undo`, `/api/facts/{id}/history`, `/api/corrections/orphaned`).
"""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, Field, model_validator

from samkarta import corrections as fix
from samkarta.api.deps import StoreDep, ViewDep, WriterDep
from samkarta.api.routes.common import WRITE_ERRORS, NodeId
from samkarta.api.routes.corrections import BAD_VALUE, CONFLICT, CorrectionDone, FactId, Reason, _done
from samkarta.fact_edits import add_fact
from samkarta.loaders.model import Role

router = APIRouter(prefix="/api", tags=["corrections"])
ERRORS = {**WRITE_ERRORS, **CONFLICT, **BAD_VALUE}
OutcomeKind = Literal["decision", "action", "handoff"]
Text = Field(min_length=2, max_length=fix.MAX_TEXT, description="A decision's or action's text, a handoff's question")
Target = Field(min_length=2, max_length=fix.MAX_BODY, description="The body or organisation the question went to")


class PersonIn(BaseModel):
    """A person at the meeting as they should be; at least one of name, affiliation and roles."""

    model_config = ConfigDict(extra="forbid")
    name: str | None = Field(
        None, min_length=2, max_length=fix.MAX_NAME, description="The name as it should be spelled"
    )
    affiliation: str | None = Field(
        None, max_length=fix.MAX_BODY, description='A municipality or organisation; "" for none'
    )
    roles: list[Role] | None = Field(None, min_length=1, description="The person's roles at the meeting")
    reason: Reason = ""

    @model_validator(mode="after")
    def _something(self) -> PersonIn:
        if self.name is None and self.affiliation is None and self.roles is None:
            raise ValueError("give at least one of name, affiliation and roles")
        return self


class TextIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str = Text
    reason: Reason = ""


class KindIn(BaseModel):
    """What the fact is: a decision, an action or a handoff (which needs `to` unless it has a target)."""

    model_config = ConfigDict(extra="forbid")
    kind: OutcomeKind
    to: str | None = Field(None, min_length=2, max_length=fix.MAX_BODY, description="The body a handoff went to")
    reason: Reason = ""


class TargetIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    to: str = Target
    reason: Reason = ""


class FactIn(BaseModel):
    """A decision, action or handoff the minutes miss, with the sentence of the minutes it stands in."""

    model_config = ConfigDict(extra="forbid")
    kind: OutcomeKind
    text: str = Text
    quote: str = Field(min_length=2, max_length=fix.MAX_TEXT, description="A sentence of the minutes, as it stands")
    to: str | None = Field(None, max_length=fix.MAX_BODY, description="A handoff's target (a body or organisation)")
    assignee: str | None = Field(None, max_length=fix.MAX_NAME, description="Who is to do an action")
    reason: Reason = ""


@router.post("/documents/{node_id}/facts/{fact_id}/person", response_model=CorrectionDone, responses=ERRORS)
def correct_person(
    store: StoreDep, view: ViewDep, writer: WriterDep, node_id: NodeId, fact_id: FactId, body: PersonIn
) -> CorrectionDone:
    """Correct a person at the meeting: the spelling of their name in these minutes (the corrected
    name resolves like any name and may join a person known from other minutes), their
    affiliation and their roles. 409 when each is so already."""
    asked = {"name": body.name, "affiliation": body.affiliation, "roles": ", ".join(body.roles or []) or None}
    values = {k: v for k, v in asked.items() if v is not None}
    return _done(view, writer, fix.correct_fields(store, node_id, fact_id, values, reason=body.reason, by=writer))


@router.put("/documents/{node_id}/facts/{fact_id}/text", response_model=CorrectionDone, responses=ERRORS)
def correct_text(
    store: StoreDep, view: ViewDep, writer: WriterDep, node_id: NodeId, fact_id: FactId, body: TextIn
) -> CorrectionDone:
    """Edit the text of a decision or action, or a handoff's question; its quote stays."""
    made = fix.correct(store, node_id, fact_id, "text", body.text, reason=body.reason, by=writer)
    return _done(view, writer, [made])


@router.put("/documents/{node_id}/facts/{fact_id}/kind", response_model=CorrectionDone, responses=ERRORS)
def reclassify(
    store: StoreDep, view: ViewDep, writer: WriterDep, node_id: NodeId, fact_id: FactId, body: KindIn
) -> CorrectionDone:
    """Reclassify a decision, action or handoff as another of them, keeping its text and quote; a
    handoff needs `to`, the body or organisation it went to (unless it was read as one)."""
    values = {"kind": body.kind, **({"target": body.to} if body.to is not None else {})}
    return _done(view, writer, fix.correct_fields(store, node_id, fact_id, values, reason=body.reason, by=writer))


@router.put("/documents/{node_id}/facts/{fact_id}/target", response_model=CorrectionDone, responses=ERRORS)
def correct_target(
    store: StoreDep, view: ViewDep, writer: WriterDep, node_id: NodeId, fact_id: FactId, body: TargetIn
) -> CorrectionDone:
    """Send a handoff to another body or organisation."""
    made = fix.correct(store, node_id, fact_id, "target", body.to, reason=body.reason, by=writer)
    return _done(view, writer, [made])


@router.post("/documents/{node_id}/facts", response_model=CorrectionDone, responses=ERRORS)
def add(store: StoreDep, view: ViewDep, writer: WriterDep, node_id: NodeId, body: FactIn) -> CorrectionDone:
    """Add a decision, action or handoff the minutes miss, quoting the sentence of the minutes it
    stands in (422 naming `quote` when the document does not say it; 409 when the document has it)."""
    made = add_fact(
        store,
        node_id,
        body.kind,
        body.text,
        body.quote,
        to=body.to or "",
        assignee=body.assignee or "",
        reason=body.reason,
        by=writer,
    )
    return _done(view, writer, made)
