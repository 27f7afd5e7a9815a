"""Renaming, re-kinding, merging and splitting bodies, organisations and projects, and splitting
people: reads are open, writes need a writer's bearer token.

Each decision is stored with who made it, when and why, and the documents that mention the node are
rebuilt, so every query and view follows it. Undoing stores a later judgement; the history keeps both.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path
from pydantic import BaseModel, ConfigDict, Field

from samkarta import entities as ent
from samkarta.api.deps import StoreDep, ViewDep, WriterDep, audit
from samkarta.api.routes.common import READ_ERRORS, WRITE_ERRORS, ErrorBody, NodeId
from samkarta.api.routes.corrections import BAD_VALUE
from samkarta.corrections import MAX_REASON
from samkarta.errors import NotFound
from samkarta.graph.model import EntityJudgement

router = APIRouter(prefix="/api", tags=["entities"])
CONFLICT: dict[int | str, dict[str, Any]] = {
    409: {"model": ErrorBody, "description": "Nothing to change: already so named or of that kind, or already undone"}
}
JudgementId = Annotated[
    str, Path(pattern=r"^entityjudgement-[0-9a-f]{16}$", description="An entity judgement's id (entityjudgement-...)")
]
Reason = Annotated[str, Field(max_length=MAX_REASON, description="Why (shown in the entity's history)")]


class RenameIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=2, max_length=ent.MAX_NAME, description="The new display name")
    reason: Reason = ""


class RekindIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    label: Literal["Organization", "Project"] = Field(description="What the node is")
    reason: Reason = ""


class MergeIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    merged: str = Field(
        pattern=r"^[a-z]+-[0-9a-f]{16}$", description="The id of the node merged into this one (it becomes an alias)"
    )
    reason: Reason = ""


DocumentRef = Annotated[str, Field(pattern=r"^document-[0-9a-f]{16}$", description="A stored document's id")]


class SplitIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    documents: list[DocumentRef] = Field(
        min_length=1,
        max_length=ent.MAX_SPLIT_DOCUMENTS,
        description="The documents whose mentions of the node go to a node of their own; the node keeps the others",
    )
    name: str = Field(
        default="", max_length=ent.MAX_NAME, description="The new node's name (default: as those minutes write it)"
    )
    reason: Reason = ""


SPLIT_ERRORS: dict[int | str, dict[str, Any]] = {
    **WRITE_ERRORS,
    409: {"model": ErrorBody, "description": "Every document that mentions the node is chosen: nothing would be left"},
    422: {
        "model": ErrorBody,
        "description": "`documents`: an unknown document, or one that does not mention the node; `name`: a bad name",
    },
}


class ReasonIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    reason: Reason = ""


class EntityDone(BaseModel):
    ok: bool = True
    detail: str
    judgement: EntityJudgement
    node: str | None = Field(description="Where the node is now (a re-kind gives it a new id)")


class EntityJudgementsPublic(BaseModel):
    data: list[EntityJudgement]
    count: int


class EntityOrphanPublic(BaseModel):
    judgement: EntityJudgement
    why: str


class EntityOrphansPublic(BaseModel):
    data: list[EntityOrphanPublic]
    count: int


def logged_name(j: EntityJudgement) -> str:
    """How the audit log names a judged node: a person's name stays out of it (erasure cannot reach a log)."""
    return "a person" if j.label == "Person" else j.name


def _done(view: ViewDep, writer: str, j: EntityJudgement, node: str | None) -> EntityDone:
    audit.info("%s judged %s %s (%s -> %s)", writer, j.op, j.node, logged_name(j), j.value)
    view.refresh()  # the next read shows it, from any page
    return EntityDone(detail=f"{j.op} saved; the documents that mention it were rebuilt", judgement=j, node=node)


@router.post(
    "/entities/{node_id}/rename", response_model=EntityDone, responses={**WRITE_ERRORS, **CONFLICT, **BAD_VALUE}
)
def rename(store: StoreDep, view: ViewDep, writer: WriterDep, node_id: NodeId, body: RenameIn) -> EntityDone:
    """Give a body, organisation or project another display name; the old name stays an alias."""
    return _done(view, writer, ent.rename(store, node_id, body.name, reason=body.reason, by=writer), node_id)


@router.post(
    "/entities/{node_id}/rekind", response_model=EntityDone, responses={**WRITE_ERRORS, **CONFLICT, **BAD_VALUE}
)
def rekind(store: StoreDep, view: ViewDep, writer: WriterDep, node_id: NodeId, body: RekindIn) -> EntityDone:
    """Make a project an organisation or the other way round, with its relationships (the node's id
    changes with its kind; re-kinding it back undoes the re-kind)."""
    j = ent.rekind(store, node_id, body.label, reason=body.reason, by=writer)
    return _done(view, writer, j, ent.where_now(store, node_id))


@router.post(
    "/entities/{node_id}/merge", response_model=EntityDone, responses={**WRITE_ERRORS, **CONFLICT, **BAD_VALUE}
)
def merge(store: StoreDep, view: ViewDep, writer: WriterDep, node_id: NodeId, body: MergeIn) -> EntityDone:
    """Merge another body, organisation or project (of the same kind) into this one: its
    relationships move here and its name becomes an alias."""
    return _done(view, writer, ent.merge(store, node_id, body.merged, reason=body.reason, by=writer), node_id)


def _split(store: StoreDep, view: ViewDep, writer: str, node_id: str, body: SplitIn) -> EntityDone:
    j = ent.split(store, node_id, body.documents, name=body.name, reason=body.reason, by=writer)
    return _done(view, writer, j, ent.where_now(store, j.value))


@router.post("/entities/{node_id}/split", response_model=EntityDone, responses=SPLIT_ERRORS)
def split(store: StoreDep, view: ViewDep, writer: WriterDep, node_id: NodeId, body: SplitIn) -> EntityDone:
    """Split a body, organisation or project: its mentions in the given documents go to a new node
    (with the relationships read there), which is never proposed for a merge with this one again.
    `node` in the answer is the new node; the undo gives the mentions back."""
    return _split(store, view, writer, node_id, body)


@router.post("/people/{node_id}/split", response_model=EntityDone, responses=SPLIT_ERRORS)
def split_person(store: StoreDep, view: ViewDep, writer: WriterDep, node_id: NodeId, body: SplitIn) -> EntityDone:
    """Split a person whom resolution joined with someone else (alike in name): their mentions in
    the given documents go to a new person, with attendance, affiliation, roles and actions there."""
    if not node_id.startswith("person-"):
        raise NotFound(f"no person with id {node_id!r}")
    return _split(store, view, writer, node_id, body)


@router.post(
    "/entity-judgements/{judgement_id}/undo",
    response_model=EntityDone,
    responses={**WRITE_ERRORS, **CONFLICT, **BAD_VALUE},
)
def undo(store: StoreDep, view: ViewDep, writer: WriterDep, judgement_id: JudgementId, body: ReasonIn) -> EntityDone:
    """Take back a rename, re-kind, merge or split (stored as a later judgement, so the history keeps both)."""
    j = ent.undo(store, judgement_id, reason=body.reason, by=writer)
    return _done(view, writer, j, ent.where_now(store, j.node))


@router.get("/entities/{node_id}/history", response_model=EntityJudgementsPublic, responses=READ_ERRORS)
def history(store: StoreDep, node_id: NodeId) -> EntityJudgementsPublic:
    """Every rename, re-kind, merge, split and undo of a node (a split on both nodes), oldest first,
    with who, when and why."""
    found = ent.history(store, node_id)
    return EntityJudgementsPublic(data=found, count=len(found))


@router.get("/entity-judgements/orphaned", response_model=EntityOrphansPublic, responses=READ_ERRORS)
def orphaned(store: StoreDep) -> EntityOrphansPublic:
    """Judgements in force whose node no stored document gives any more: listed, never dropped."""
    found = [EntityOrphanPublic(judgement=o.judgement, why=o.why) for o in ent.orphaned(store)]
    return EntityOrphansPublic(data=found, count=len(found))


@router.get("/entity-judgements", response_model=EntityJudgementsPublic, responses=READ_ERRORS)
def judgements(store: StoreDep) -> EntityJudgementsPublic:
    """Every entity judgement ever made, undone ones and undos too, oldest first."""
    found = store.entity_judgements()
    return EntityJudgementsPublic(data=found, count=len(found))
