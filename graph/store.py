"""The store protocol: one contract, two backends (embedded SQLite and Neo4j)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

import networkx as nx
from pydantic import BaseModel, ConfigDict, Field

from samkarta.graph.model import (
    Alias,
    BodyMatch,
    Correction,
    DocumentHit,
    DocumentInfo,
    EntityJudgement,
    GraphBatch,
    Judgement,
    MergeCandidate,
    Node,
    Rel,
    ReviewJudgement,
    Stats,
    TextHit,
    WriteResult,
)


class PersonRecord(BaseModel):
    """What resolution needs to know about a stored person."""

    model_config = ConfigDict(extra="forbid")
    id: str
    name: str
    region: str | None
    rkey: str
    block: str = ""  # the blocking key it is stored under (graph.resolution.blocking_key of its name)
    networks: list[str] = Field(default_factory=list)
    affiliations: list[str] = Field(default_factory=list)


class StoredDocument(BaseModel):
    model_config = ConfigDict(extra="forbid")
    info: DocumentInfo
    text: str
    extraction: dict[str, object]


# How many versions back a store's change log reaches (GraphStore.delta); a projection further behind
# is rebuilt whole.
CHANGES_KEPT = 2000


@dataclass
class GraphDelta:
    """What the writes after one version changed, with those parts of the graph as they stand now.

    A relationship belongs to the document it was read from, so a write changes whole documents'
    relationships (`documents`) and some nodes (`nodes`: every node written, deleted, renamed or
    redacted, every end of a relationship written or deleted, every node whose aliases changed).
    `part` holds, of graph(labels, types), the nodes of `nodes` that exist and the documents'
    relationships now, with the nodes at their ends; `names` the names and aliases of `nodes`."""

    version: int
    documents: set[str]
    nodes: set[str]
    part: nx.MultiDiGraph = field(default_factory=nx.MultiDiGraph)
    names: list[tuple[str, str, str]] = field(default_factory=list)


class GraphStore(Protocol):
    """Domain verbs over the graph. A store receives its connection and does no I/O in __init__."""

    def ensure_schema(self) -> None:
        """Create tables/constraints/indexes if missing (idempotent)."""

    def write_document(self, batch: GraphBatch, replace: bool = False) -> WriteResult:
        """Replace everything the document said, in one transaction; 'unchanged' if its hash is known
        (unless `replace`, used when resolution decisions changed).

        Raises:
            StoreUnavailable: the backend failed; nothing of the document was written.
        """

    def write_new_documents(self, batches: list[GraphBatch]) -> WriteResult:
        """Write documents the store does not hold yet, all in one transaction; the result counts
        them all. Nodes written before keep their properties, as in write_document.

        Raises:
            StoreUnavailable: the backend failed, or a document is already stored; none was written.
        """

    def delete_document(self, doc_id: str) -> bool:
        """Remove a document, its relationships, aliases and candidates, and nodes nothing else mentions."""

    def documents(self) -> list[DocumentInfo]: ...

    def stored_documents(self, doc_ids: set[str]) -> set[str]:
        """Those of `doc_ids` the store holds (one look-up, where documents() reads them all)."""

    def add_copy(self, doc_id: str, path: str) -> None:
        """Record another path at which the stored document's file was found (its copies go when the
        document is replaced or removed)."""

    def document(self, doc_id: str) -> StoredDocument | None: ...

    def get_node(self, node_id: str) -> Node | None: ...

    def rels_of(self, node_id: str) -> list[Rel]:
        """Every relationship that starts or ends at the node."""

    def node_documents(self, node_id: str) -> list[str]:
        """Ids of the documents that mention the node."""

    def aliases(self, node_id: str | None = None) -> list[Alias]: ...

    def names(self) -> list[tuple[str, str, str]]:
        """(node id, label, name) for every node name and alias, for name search."""

    def bodies_named(self, name: str) -> list[BodyMatch]:
        """Bodies (Network) whose canonical name or any alias equals `name` up to case, spacing and
        hyphens (graph.ids.name_key), the body that met first (graph.ids.body_rank); [] when none."""

    def fulltext(self, query: str, limit: int = 50) -> list[TextHit]:
        """Items, decisions, actions and handoff questions matching a Swedish free-text query."""

    def search_documents(self, query: str, limit: int = 1000) -> list[DocumentHit]:
        """Documents whose whole text holds every word of a Swedish free-text query (each word as the
        start of a normalised word, as in fulltext), best first; [] for a query without words."""

    def graph(self, labels: set[str] | None = None, types: set[str] | None = None) -> nx.MultiDiGraph:
        """The graph (optionally only some labels and relationship types) as networkx, for analytics.

        Node attributes: label, name, the node's props, and text where the node has one; edge key is
        the relationship id, edge attributes type, doc_id, start, end, quote and the props."""

    def version(self) -> int:
        """A number that changes whenever the graph changes (for caches)."""

    def delta(self, since: int, labels: set[str] | None = None, types: set[str] | None = None) -> GraphDelta | None:
        """What changed after version `since` (GraphDelta), read in one transaction; None when the
        change log does not reach back to it (pruned after CHANGES_KEPT versions, a write that
        changed everything such as a migration, or a store older than the log)."""

    def people_by_rkey(self, rkeys: list[str]) -> list[PersonRecord]: ...

    def people_by_block(self, blocks: list[str]) -> list[PersonRecord]:
        """People whose blocking key (first initial + surname start) is one of `blocks`."""

    def save_judgement(self, judgement: Judgement) -> None: ...

    def judgements(self) -> list[Judgement]: ...

    def save_correction(self, correction: Correction) -> None:
        """Keep a correction of a fact (graph/corrections.py); one already stored (same id) is kept as it was."""

    def corrections(self) -> list[Correction]:
        """Every correction ever made, undone ones too, oldest first."""

    def save_entity_judgement(self, judgement: EntityJudgement) -> None:
        """Keep a rename, re-kind, merge or undo of an entity (graph/entities.py); one already
        stored (same id) is kept as it was."""

    def entity_judgements(self) -> list[EntityJudgement]:
        """Every entity judgement ever made, undone ones and undos too, oldest first."""

    def save_review(self, judgement: ReviewJudgement) -> None:
        """Keep a confirmation of a fact or a distinction of two entities (graph/review.py); one
        already stored (same id) is kept as it was."""

    def reviews(self) -> list[ReviewJudgement]:
        """Every review judgement, oldest first."""

    def set_node_name(self, node_id: str, name: str) -> None:
        """Give a stored node another display name (a rename: a node mentioned by several documents
        keeps the name it was first written with when one of them is rebuilt)."""

    def candidates(self, status: str | None = None) -> list[MergeCandidate]: ...

    def set_candidate_status(self, candidate_id: str, status: str) -> None: ...

    def erase_node(self, node_id: str, redactions: dict[str, list[str]]) -> list[str]:
        """Delete a node with every relationship, alias and candidate of it, and redact strings in
        document texts, quotes, item texts, extractions and corrections: `redactions["*"]` everywhere, and
        `redactions[doc_id]` in that document only. Returns the ids of changed documents."""

    def tombstone_key(self) -> str:
        """The hex key of the tombstones' hashes, created on first use."""

    def tombstones(self) -> set[str]:
        """Digests of the names of erased people (graph/tombstones.py)."""

    def set_tombstone(self, digest: str, present: bool) -> None:
        """Add a tombstone, or lift it (an administrator's decision)."""

    def stats(self) -> Stats: ...

    def close(self) -> None:
        """Release the connection; idempotent."""


def snapshot(store: GraphStore) -> tuple[object, ...]:
    """What a store holds, by id: counts, named nodes, documents and every relationship; two stores
    with equal snapshots hold the same graph (for tests and the reliability script)."""
    g = store.graph()
    edges = sorted((a, b, d["type"]) for a, b, d in g.edges(data=True))
    return store.stats(), sorted(store.names()), sorted(d.id for d in store.documents()), edges
