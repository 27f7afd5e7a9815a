"""Public result shapes of the questions (also the API's response models)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Quote(_Model):
    """Where a fact was read: the document, the span and the sentence."""

    doc_id: str | None
    start: int | None = None
    end: int | None = None
    quote: str | None = None
    meeting_id: str | None = None
    date: str | None = None


class SearchResult(_Model):
    id: str
    label: str
    name: str
    matched: str
    score: float
    region: str | None = None  # two bodies of one name in two counties are told apart by it


class SearchResults(_Model):
    data: list[SearchResult]
    count: int


class Relation(_Model):
    type: str
    direction: str  # "out" or "in"
    other_id: str
    other_label: str | None
    other_name: str | None
    props: dict[str, Any] = Field(default_factory=dict)
    evidence: Quote


class AliasPublic(_Model):
    alias: str
    reason: str
    score: float


class EntityPublic(_Model):
    id: str
    label: str
    name: str
    props: dict[str, Any]
    text: str | None = None
    aliases: list[AliasPublic]
    relations: list[Relation]
    documents: list[str]


class Collaborator(_Model):
    id: str
    label: str
    name: str
    score: float
    shared_meetings: int
    shared_bodies: list[str]
    last_seen: str | None
    evidence: list[Quote]


class Collaborators(_Model):
    of: str
    name: str
    data: list[Collaborator]
    count: int


class Member(_Model):
    id: str
    name: str
    first_seen: str | None
    last_seen: str | None
    meetings: int
    roles: list[str]


class TextFact(_Model):
    id: str
    text: str
    date: str | None
    evidence: Quote


class HandoffPublic(_Model):
    question: str
    from_network: str | None
    from_name: str | None
    to_network: str  # a body's id, or an organisation's (to_label says which)
    to_name: str
    to_label: str = "Network"  # "Organization" for a question passed to an organisation (a state agency)
    date: str | None
    evidence: Quote


class Namesake(_Model):
    """A body found under the same name, with what it did, so a user can pick the one they meant."""

    id: str
    name: str
    region: str | None
    matched: str
    meetings: int
    members: int


class NetworkPublic(_Model):
    id: str
    name: str
    region: str | None
    # when asked for by name: every body under that name, this one first (the one that met), else []
    namesakes: list[Namesake] = Field(default_factory=list)
    members: list[Member]
    meetings: list[Quote]
    decisions: list[TextFact]
    open_actions: list[TextFact]
    handoffs_in: list[HandoffPublic]
    handoffs_out: list[HandoffPublic]


class OwnerEvidence(_Model):
    kind: str  # decision, action, handoff_received, handoff_sent, discussion
    text: str
    weight: float
    evidence: Quote


class Owner(_Model):
    id: str
    name: str
    region: str | None
    score: float
    evidence: list[OwnerEvidence]


class Owners(_Model):
    question: str
    data: list[Owner]
    count: int


class TrailStep(_Model):
    date: str | None
    network_id: str | None
    network: str | None
    kind: str
    text: str
    evidence: Quote


class Trail(_Model):
    question: str
    steps: list[TrailStep]
    handoffs: list[HandoffPublic]


class PathStep(_Model):
    source: str
    source_name: str
    type: str
    target: str
    target_name: str
    evidence: Quote


class Path(_Model):
    length: int
    steps: list[PathStep]


class Paths(_Model):
    source: str
    target: str
    data: list[Path]


class Broker(_Model):
    id: str
    label: str
    name: str
    score: float
    bodies: list[str]


class Brokers(_Model):
    data: list[Broker]
    count: int


class BodyRef(_Model):
    id: str
    name: str


class SoleLink(_Model):
    body: BodyRef
    other: BodyRef


class Dependency(_Model):
    id: str
    name: str
    chairs: list[BodyRef]
    open_actions: list[TextFact]
    sole_links: list[SoleLink]


class DependentBody(_Model):
    """A body that leans on the person or body asked about, and why (reason: chair, sole_link, only_contact)."""

    id: str
    name: str
    region: str | None
    reason: str
    other: BodyRef | None = None  # sole_link: the body reached from this one only through them
    via: list[BodyRef] = Field(default_factory=list)  # only_contact: the people or questions that link it
    evidence: list[Quote]


class DependentAction(_Model):
    """An open action: who was to do it, in which body's meeting, and the sentence that says so."""

    id: str
    text: str
    date: str | None
    assignee_id: str | None
    assignee: str | None
    body: BodyRef | None
    evidence: Quote


class Dependents(_Model):
    """What depends on one person or body: bodies, open actions, and questions handed on."""

    id: str
    label: str
    name: str
    region: str | None
    bodies: list[DependentBody]
    actions: list[DependentAction]
    handoffs: list[HandoffPublic]


class Segment(_Model):
    """A piece of an excerpt; `hit` pieces are the words the query found (shown marked)."""

    text: str
    hit: bool


class Excerpt(_Model):
    segments: list[Segment]
    start: int  # the first hit's span in the document, to open it there
    end: int


class FacetValue(_Model):
    value: str  # what a filter sends: a body's id, a region's name, a year
    name: str
    count: int  # hits with this value under the other facets' filters
    selected: bool


class Facets(_Model):
    bodies: list[FacetValue]
    regions: list[FacetValue]
    years: list[FacetValue]


class MinutesHit(_Model):
    doc_id: str
    name: str  # the file's name, never the server's folders
    title: str | None
    date: str | None
    body: BodyRef | None
    region: str | None
    score: float
    hits: int  # how many words of the text the query found
    excerpts: list[Excerpt]


class MinutesResults(_Model):
    query: str
    count: int  # documents matching query and filters
    data: list[MinutesHit]
    facets: Facets
    limited: bool  # the index answered its most documents: counts may be higher


class EntityRef(_Model):
    """An entity named in an answer: its id, name and, for a municipality, its SCB code."""

    id: str
    name: str
    code: str | None = None


class MembershipYear(_Model):
    """Who took part in a body's meetings in one calendar year (a year without meetings is listed too,
    empty, so a gap shows), and who came or went against the year before."""

    year: int
    meetings: int
    people: list[EntityRef]
    organizations: list[EntityRef]
    municipalities: list[EntityRef]
    joined: list[str]  # ids of people, organisations and municipalities new this year (not in any earlier year)
    left: list[str]  # ids there the year before, not this year


class BodyYears(_Model):
    id: str
    name: str
    region: str | None
    years: list[MembershipYear]  # first to last year with a dated meeting, every year between included
    undated_meetings: int  # meetings whose minutes give no date: in no year


class TrailYear(_Model):
    """What happened to a question in one calendar year: the steps (by body) and the handoffs."""

    year: int
    steps: list[TrailStep]
    handoffs: list[HandoffPublic]
    bodies: list[EntityRef]  # the bodies of the steps and handoffs, in order of first appearance


class TrailYears(_Model):
    question: str
    years: list[TrailYear]  # first to last year with a dated step, every year between included
    undated: list[TrailStep]  # steps whose minutes give no date
    undated_handoffs: list[HandoffPublic]


class BodyMunicipality(_Model):
    """A municipality on a body's map: whether people representing it attended the body's meetings."""

    code: str
    name: str
    id: str | None  # the node id when the minutes name it, else None
    takes_part: bool
    people: list[EntityRef]  # who represented it at the body's meetings
    meetings: int  # meetings of the body it was represented at


class BodyMap(_Model):
    id: str
    name: str
    region: str | None
    year: int | None  # one year only, or None for every year
    years: list[int]  # the years with a dated meeting, for choosing one
    municipalities: list[
        BodyMunicipality
    ]  # the county's (all of Sweden's for a national body) and any other taking part
