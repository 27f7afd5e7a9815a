"""Graph domain models: what a store writes and returns."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

# "pending": a decision taken back (an undo from the review queue): the pair is to be decided again
Decision = Literal["accepted", "rejected", "pending"]


class Node(BaseModel):
    """A node; `props` holds scalars and lists of scalars only, so both stores can keep them."""

    model_config = ConfigDict(extra="forbid")
    id: str
    label: str
    name: str
    props: dict[str, Any] = Field(default_factory=dict)
    text: str | None = None  # searchable body (items, decisions, actions)


class Rel(BaseModel):
    """A relationship with the document, span and quote it was read from."""

    model_config = ConfigDict(extra="forbid")
    id: str
    type: str
    source: str
    target: str
    doc_id: str
    start: int | None = None
    end: int | None = None
    quote: str | None = None
    props: dict[str, Any] = Field(default_factory=dict)
    text: str | None = None  # searchable text of the relationship (a handoff's question)


class Alias(BaseModel):
    """Another name a node was written under, and why it was taken to be the same."""

    model_config = ConfigDict(extra="forbid")
    node_id: str
    alias: str
    reason: str
    score: float
    doc_id: str


class MergeCandidate(BaseModel):
    """Two person records that may be one person; people decide."""

    model_config = ConfigDict(extra="forbid")
    id: str
    key_a: str  # resolution keys "region|namekey", stable across rebuilds
    key_b: str
    name_a: str
    name_b: str
    node_a: str
    node_b: str
    score: float
    reasons: list[str]
    status: Literal["pending", "accepted", "rejected", "merged"] = "pending"


class Judgement(BaseModel):
    """A person's decision on a pair of records; survives re-ingest and rebuilds."""

    model_config = ConfigDict(extra="forbid")
    key_a: str
    key_b: str
    decision: Decision
    reason: str = ""
    decided_at: str = ""
    decided_by: str = ""  # the writer's name (samkarta/writers.py); empty in judgements older than writers


def latest_judgements(judgements: Iterable[Judgement]) -> dict[frozenset[str], Judgement]:
    """The decision that counts on each pair of people: the latest, whichever way round its keys
    were saved (a pair decided again may have been stored in the other order)."""
    return {frozenset((j.key_a, j.key_b)): j for j in sorted(judgements, key=lambda j: j.decided_at)}


FactKind = Literal["meeting", "decision", "action", "handoff", "attendance"]
# What a correction changes: `wrong` takes a fact out of the graph, `added` puts a fact the minutes
# miss into it (an attendee; a decision, action or handoff with its quote); date, body and region are
# the meeting's; name (spelling), affiliation and roles a person's at the meeting; text, kind
# (reclassified: decision, action or handoff), assignee (an action's) and target (the body a
# handoff went to) a decision's, action's or handoff's.
CorrectionField = Literal[
    "wrong", "added", "date", "body", "region", "assignee", "name", "affiliation", "roles", "text", "kind", "target"
]
OUTCOME_KINDS: tuple[str, ...] = ("decision", "action", "handoff")
# the fields a correction anchored to a fact of each kind may carry; a reclassified outcome keeps its
# anchor's kind, so every outcome may carry the fields of every other (graph/corrections.py applies
# those of the kind it has now)
_OUTCOME_FIELDS = ("wrong", "added", "text", "kind", "assignee", "target")
FIELDS_OF: dict[str, tuple[str, ...]] = {
    "meeting": ("date", "body", "region"),
    "decision": _OUTCOME_FIELDS,
    "action": _OUTCOME_FIELDS,
    "handoff": _OUTCOME_FIELDS,
    "attendance": ("wrong", "added", "name", "affiliation", "roles"),
}


class Correction(BaseModel):
    """A person's correction of one fact read from minutes; survives re-ingest and re-extraction.

    Anchored to the document (its id, and the hash of its content, which finds it under another
    path) and to the fact there: its kind (`fact_kind`) and what it said (`text`: a decision's or action's text,
    a handoff's question, a person's name), its quote and its span. The latest correction of a fact's
    field counts; one with `value` None undoes the ones before it (the minutes' own value again)."""

    model_config = ConfigDict(extra="forbid")
    id: str
    doc_id: str
    content: str  # sha256 of the document's file when the correction was made
    fact_kind: FactKind
    fact: str  # the fact's id when corrected (graph.corrections.fact_id)
    text: str = ""
    quote: str = ""
    start: int | None = None
    end: int | None = None
    field: CorrectionField
    value: str | None = None  # the corrected value ("true" for wrong and added); None undoes
    label: str = ""  # a handoff's target: "Organization" when it names an organisation, "" for a body
    reason: str = ""
    decided_at: str
    decided_by: str = ""  # the writer's name (samkarta/writers.py)


def latest_corrections(corrections: Iterable[Correction]) -> dict[tuple[str, str], Correction]:
    """The correction that counts on each fact's field, keyed (fact id, field): the latest."""
    return {(c.fact, c.field): c for c in sorted(corrections, key=lambda c: (c.decided_at, c.id))}


EntityLabel = Literal["Network", "Organization", "Project", "Person"]
EntityOp = Literal["rename", "rekind", "merge", "split", "undo"]
CURATED_LABELS: tuple[str, ...] = ("Network", "Organization", "Project")
SPLITTABLE: tuple[str, ...] = (*CURATED_LABELS, "Person")  # a person is split, never renamed or merged here
REKINDABLE: tuple[str, ...] = ("Organization", "Project")


class EntityJudgement(BaseModel):
    """A person's decision on a body, organisation or project; survives re-ingest and re-extraction.

    Anchored to the node's id (graph.ids: a hash of the entity's keys, so the same minutes give the
    same id in any store). `rename`: `value` is the new display name; `rekind`: the new label;
    `merge`: the id of the node this one is merged into (`value_name` its name then); `undo`: the id
    of the judgement it takes back. `name` is the node's name when judged (an undone rename's name).
    `split` (also of a person): `value` is the id of the new node that the node's mentions in the
    anchored documents go to (`value_name` its name, "" for the name the minutes give there); the
    anchor is the documents' ids (`documents`) and content hashes (`contents`: the same minutes under
    another path)."""

    model_config = ConfigDict(extra="forbid")
    id: str
    op: EntityOp
    node: str
    label: EntityLabel
    name: str
    value: str
    value_name: str = ""
    reason: str = ""
    decided_at: str
    decided_by: str = ""
    documents: list[str] = Field(default_factory=list)  # a split's anchor: ids of the documents split off
    contents: list[str] = Field(default_factory=list)  # and their content hashes (sha256)


class DocumentInfo(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    path: str
    sha256: str
    format: str
    title: str | None = None
    date: str | None = None
    chars: int = 0
    copies: list[str] = []  # other paths at which the same file was found: one document, one meeting


class GraphBatch(BaseModel):
    """Everything one document says, ready to replace that document's facts in a store."""

    model_config = ConfigDict(extra="forbid")
    document: DocumentInfo
    text: str
    extraction: dict[str, Any] = Field(default_factory=dict)  # the extraction JSON, for rebuilds
    nodes: list[Node] = Field(default_factory=list)
    rels: list[Rel] = Field(default_factory=list)
    aliases: list[Alias] = Field(default_factory=list)
    candidates: list[MergeCandidate] = Field(default_factory=list)


class WriteResult(BaseModel):
    model_config = ConfigDict(extra="forbid")
    status: Literal["ingested", "unchanged", "replaced"]
    nodes_added: int = 0
    rels_added: int = 0


class TextHit(BaseModel):
    """A full-text match: a node (or a handoff relationship) whose text matches the query."""

    model_config = ConfigDict(extra="forbid")
    id: str
    label: str
    text: str
    doc_id: str | None
    meeting_id: str | None
    score: float
    start: int | None = None  # where the text stands in its document
    end: int | None = None
    quote: str | None = None


class DocumentHit(BaseModel):
    """A document whose text holds every word of a full-text query; a higher score is a better match."""

    model_config = ConfigDict(extra="forbid")
    doc_id: str
    score: float


class Stats(BaseModel):
    model_config = ConfigDict(extra="forbid")
    nodes: dict[str, int]
    relationships: dict[str, int]
    documents: int


class BodyMatch(BaseModel):
    """A body whose canonical name or one of whose aliases is the name asked for, with what it did."""

    model_config = ConfigDict(extra="forbid")
    id: str
    name: str
    region: str | None
    matched: str  # the name or alias that matched
    meetings: int
    members: int


# an undo names the judgement it takes back (`undoes`); the undone one stays, so the history shows both
ReviewOp = Literal["confirm", "distinct", "person", "undo"]


class ReviewJudgement(BaseModel):
    """A person's answer to the review queue that neither corrects nor merges: a fact confirmed as
    read (`confirm`), or two bodies or two organisations judged to be distinct (`distinct`).

    A confirmation is anchored as a correction is (the document's id and content hash, the fact's
    kind, id and span) but keeps keys (hashes, graph.ids.make_id) of the fact's text, quote and
    confirmed value rather than the strings, so it holds no name an erasure must find: it finds its
    fact again after re-ingest and re-extraction, and stops counting when the fact now says
    something else. A distinction names its two nodes in id order. A person pair decided from the
    queue (`person`) is the queue's record of a merge judgement (graph.model.Judgement, which
    resolution reads): its `candidate` id, `decision` and the two person nodes, so the decision has
    an id, a history and an undo (which saves the pair's judgement as "pending"). An undo (`undo`) takes back the
    judgement `undoes` names, copying its anchor (document, fact, field or nodes) for the history."""

    model_config = ConfigDict(extra="forbid")
    id: str
    op: ReviewOp
    doc_id: str = ""
    content: str = ""
    fact_kind: FactKind | None = None
    fact: str = ""
    field: str = ""  # the meeting's date, body or region (each has its own confidence); "" for other facts
    text_key: str = ""
    quote_key: str = ""
    value_key: str = ""
    start: int | None = None
    end: int | None = None
    node_a: str = ""
    node_b: str = ""
    candidate: str = ""  # a person pair's merge candidate id (a hash of its keys: no name is kept)
    decision: str = ""  # what was decided on a person pair: "accepted" or "rejected"
    undoes: str = ""
    reason: str = ""
    decided_at: str
    decided_by: str = ""
