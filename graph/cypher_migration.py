"""The Cypher of `samkarta migrate`: layout 1 (props_json strings, unprefixed bookkeeping labels)
to the current layout (graph/cypher.py). Every statement is idempotent, so a migration that
stopped half-way is finished by running it again."""

from __future__ import annotations

from samkarta.graph import cypher as q
from samkarta.graph.schema import load_schema

# Domain nodes still in layout 1: they lose `Entity` as they are converted, so each batch is the next.
OLD_NODES = "MATCH (n:Entity) RETURN n.id AS id, labels(n) AS labels, n.props_json AS props_json LIMIT $size"
CONVERT_NODES = (
    "UNWIND $rows AS row MATCH (n:Entity {id: row.id}) "
    f"SET n += row.props, n:{q.ENTITY} REMOVE n:Entity, n.props_json, n.label"
)


def old_rels(rel_type: str) -> str:
    """A page of relationships by id (the id constraint's index keeps the page a seek)."""
    t = load_schema().check_type(rel_type)
    return (
        f"MATCH ()-[r:`{t}`]->() WHERE r.id > $after "
        "RETURN r.id AS id, r.props_json AS props_json, r.start AS start, r.end AS end ORDER BY r.id LIMIT $size"
    )


def convert_rels(rel_type: str) -> str:
    t = load_schema().check_type(rel_type)
    return f"UNWIND $rows AS row MATCH ()-[r:`{t}` {{id: row.id}}]->() SET r += row.props REMOVE r.props_json"


OLD_CANDIDATES = "MATCH (c:MergeCandidate) RETURN c.id AS id, c.reasons AS reasons LIMIT $size"
CONVERT_CANDIDATES = (
    "UNWIND $rows AS row MATCH (c:MergeCandidate {id: row.id}) "
    f"SET c.reasons = row.reasons, c:{q.CANDIDATE} REMOVE c:MergeCandidate"
)
# The tombstone key keeps its value (the tombstones' hashes need it); the version counter never goes back.
CONVERT_META = (
    f"MATCH (m:Meta) MERGE (s:{q.META} {{key: m.key}}) "
    "SET s.value = CASE WHEN m.key = 'version' AND s.value > m.value THEN s.value ELSE m.value END "
    "DELETE m RETURN count(m) AS n"
)
# Nodes that only change label, in batches (auto-commit: IN TRANSACTIONS needs one).
RELABEL = {
    old: (new, f"MATCH (n:{old}) CALL (n) {{ SET n:{new} REMOVE n:{old} }} IN TRANSACTIONS OF 1000 ROWS")
    for old, new in (
        ("DocumentSource", q.SOURCE),
        ("Alias", q.ALIAS),
        ("Judgement", q.JUDGEMENT),
        ("Tombstone", q.TOMBSTONE),
    )
}
ALIAS_NODES = f"MATCH (a:{q.ALIAS}) RETURN DISTINCT a.node_id AS id ORDER BY id"
COUNT_LABEL = {old: f"MATCH (n:{old}) RETURN count(n) AS n" for old in RELABEL}
# Layout 1's constraints and indexes on the old labels (the per-label and per-type ones stay).
DROP_OLD_SCHEMA = [
    f"DROP CONSTRAINT {name} IF EXISTS"
    for name in ("entity_id", "source_id", "alias_key", "candidate_id", "judgement_key", "meta_key", "tombstone_digest")
] + [
    f"DROP INDEX {name} IF EXISTS"
    for name in ("entity_doc_id", "alias_node", "alias_doc", "candidate_doc", "candidate_node_a", "candidate_node_b")
]
