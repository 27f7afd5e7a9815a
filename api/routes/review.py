"""The review queue and its answers as JSON: reads are open, writes need a writer's bearer token.

The queue holds low-confidence facts and merge candidates (people, bodies, organisations), most
relationships changed first. A fact is confirmed here (it leaves the queue and stays confirmed
through re-ingest), marked wrong through /api/documents/{id}/facts/{fact}/wrong, a person candidate
decided through /api/merges/{id}/accept|reject (or from the queue, /granska, which keeps a review
judgement of it that /api/reviews/{id}/undo takes back), and a body or organisation candidate here.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Request
from pydantic import BaseModel, ConfigDict, Field

from samkarta import review
from samkarta.api.deps import SettingsDep, SnapshotDep, StoreDep, ViewDep, WriterDep, audit
from samkarta.api.routes.common import READ_ERRORS, WRITE_ERRORS, ErrorBody, NodeId
from samkarta.api.routes.corrections import BAD_VALUE, FactId
from samkarta.api.routes.entities import ReasonIn
from samkarta.corrections import MAX_REASON
from samkarta.graph.candidates_entities import EntityCandidate
from samkarta.graph.model import EntityJudgement, ReviewJudgement
from samkarta.queries.review import FactCache, ReviewQueue, body_and_organisation_candidates, review_queue

router = APIRouter(prefix="/api", tags=["review"])
CONFLICT: dict[int | str, dict[str, Any]] = {
    409: {"model": ErrorBody, "description": "Already confirmed, or the pair is already judged distinct"}
}
UNDO_CONFLICT: dict[int | str, dict[str, Any]] = {
    409: {"model": ErrorBody, "description": "Already undone, or itself an undo"}
}
CandidateId = Annotated[
    str, Path(pattern=r"^entitycandidate-[0-9a-f]{16}$", description="A body or organisation candidate's id")
]
Reason = Annotated[str, Field(max_length=MAX_REASON, description="Why (kept with the judgement)")]
ReviewId = Annotated[str, Path(pattern=r"^review-[0-9a-f]{16}$", description="A review judgement's id (/api/reviews)")]


def get_fact_cache(request: Request) -> FactCache:
    """The app's cache of documents' queued facts (made on first use; two made at once is harmless)."""
    cache = getattr(request.app.state, "review_facts", None)
    if cache is None:
        cache = request.app.state.review_facts = FactCache()
    return cache


FactCacheDep = Annotated[FactCache, Depends(get_fact_cache)]


class ConfirmIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    field: Literal["", "date", "body", "region"] = Field(
        "", description="For the meeting: which of its fields is confirmed; empty for any other fact"
    )
    reason: Reason = ""


class ReviewDone(BaseModel):
    ok: bool = True
    detail: str
    review: ReviewJudgement


class MergeDone(BaseModel):
    ok: bool = True
    detail: str
    judgement: EntityJudgement


class EntityCandidatesPublic(BaseModel):
    data: list[EntityCandidate]
    count: int


class ReviewsPublic(BaseModel):
    data: list[ReviewJudgement]
    count: int


@router.get("/review", response_model=ReviewQueue, responses=READ_ERRORS)
def queue(
    store: StoreDep,
    snap: SnapshotDep,
    settings: SettingsDep,
    cache: FactCacheDep,
    threshold: Annotated[float | None, Query(ge=0, le=1, description="Default: SAMKARTA_REVIEW_THRESHOLD")] = None,
    offset: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> ReviewQueue:
    """Low-confidence facts and merge candidates, most relationships changed first (`measure` says how)."""
    chosen = settings.review_threshold if threshold is None else threshold
    return review_queue(store, snap, chosen, offset, limit, cache)


@router.get("/entity-candidates", response_model=EntityCandidatesPublic, responses=READ_ERRORS)
def entity_candidates(store: StoreDep, snap: SnapshotDep) -> EntityCandidatesPublic:
    """Bodies and organisations that may be one, with score and reasons, best first."""
    found = body_and_organisation_candidates(store, snap)
    return EntityCandidatesPublic(data=found, count=len(found))


@router.get("/reviews", response_model=ReviewsPublic, responses=READ_ERRORS)
def reviews(
    store: StoreDep,
    fact: Annotated[str, Query(pattern=r"^([a-z]+-[0-9a-f]{16})?$", description="Only those on this fact")] = "",
    node: Annotated[str, Query(pattern=r"^([a-z]+-[0-9a-f]{16})?$", description="Only pairs with this node")] = "",
) -> ReviewsPublic:
    """Every confirmation, distinction, person pair decided from the queue and undo, oldest first,
    with who, when and why (a fact's or a
    node's history when `fact` or `node` is given)."""
    found = review.history(store, fact=fact, node=node) if fact or node else store.reviews()
    return ReviewsPublic(data=found, count=len(found))


@router.post(
    "/reviews/{review_id}/undo",
    response_model=ReviewDone,
    responses={**WRITE_ERRORS, **UNDO_CONFLICT, **BAD_VALUE},
)
def undo(store: StoreDep, view: ViewDep, writer: WriterDep, review_id: ReviewId, body: ReasonIn) -> ReviewDone:
    """Take back a confirmation, a distinction or a person pair's decision (stored as a later judgement):
    the item is back in the queue (409 too when a person pair was decided again since)."""
    made = review.undo(store, review_id, reason=body.reason, by=writer)
    audit.info("%s undid review judgement %s", writer, review_id)
    if made.candidate:  # the pair's people were rebuilt
        view.refresh()
    return ReviewDone(detail=f"undid {review_id}", review=made)


@router.post(
    "/documents/{node_id}/facts/{fact}/confirm",
    response_model=ReviewDone,
    responses={**WRITE_ERRORS, **CONFLICT, **BAD_VALUE},
)
def confirm(store: StoreDep, writer: WriterDep, node_id: NodeId, fact: FactId, body: ConfirmIn) -> ReviewDone:
    """Confirm a fact as read: it leaves the review queue, through re-ingest too, while it reads the same."""
    made = review.confirm(store, node_id, fact, body.field, reason=body.reason, by=writer)
    audit.info("%s confirmed %s %s (%s) in %s", writer, made.fact_kind, made.fact, made.field, node_id)
    return ReviewDone(detail="confirmed", review=made)


@router.post(
    "/entity-candidates/{candidate_id}/accept",
    response_model=MergeDone,
    responses={**WRITE_ERRORS, **BAD_VALUE},
)
def accept(
    store: StoreDep, view: ViewDep, snap: SnapshotDep, writer: WriterDep, candidate_id: CandidateId, body: ReasonIn
) -> MergeDone:
    """Merge the pair (the one with fewer relationships into the other), as an undoable entity merge."""
    made = review.accept_entity_candidate(store, snap, candidate_id, reason=body.reason, by=writer)
    audit.info("%s accepted entity candidate %s (%s into %s)", writer, candidate_id, made.node, made.value)
    view.refresh()
    return MergeDone(detail=f"merged {made.node} into {made.value}", judgement=made)


@router.post(
    "/entity-candidates/{candidate_id}/reject",
    response_model=ReviewDone,
    responses={**WRITE_ERRORS, **CONFLICT, **BAD_VALUE},
)
def reject(
    store: StoreDep, snap: SnapshotDep, writer: WriterDep, candidate_id: CandidateId, body: ReasonIn
) -> ReviewDone:
    """Judge the pair distinct: never proposed again."""
    made = review.reject_entity_candidate(store, snap, candidate_id, reason=body.reason, by=writer)
    audit.info("%s rejected entity candidate %s", writer, candidate_id)
    return ReviewDone(detail=f"{made.node_a} and {made.node_b} are distinct", review=made)
