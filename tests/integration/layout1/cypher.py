"""Frozen layout-1 copy (see __init__.py). Every Cypher statement of the Neo4j store, in one place.

Values are always $parameters. A label or relationship type reaches Cypher text only through
load_schema().check_label / check_type and in backticks; the builders below are the only places
that format one in.
"""

from __future__ import annotations

import re

from samkarta.graph.schema import load_schema

# Bookkeeping labels, never counted by stats() nor projected by graph().
ENTITY = "Entity"  # second label of every domain node: id lookups without knowing the schema label
SOURCE = "DocumentSource"  # a document's text, hash and extraction (sqlite's `documents` table)
BATCH_SIZE = 1000  # rows per UNWIND statement

FULLTEXT_ITEMS_SWEDISH = "item_text_swedish"
FULLTEXT_ITEMS = "item_search_text"
FULLTEXT_HANDOFFS = "handoff_search_text"
HANDOFF = "HANDED_OFF"


def _label(label: str) -> str:
    return f"`{load_schema().check_label(label)}`"


def _type(rel_type: str) -> str:
    return f"`{load_schema().check_type(rel_type)}`"


def text_labels() -> list[str]:
    """Labels whose nodes carry a searchable `text` (schema.yaml lists `text` among their texts)."""
    return [label for label, spec in load_schema().nodes.items() if "text" in spec.text]


# -- schema ---------------------------------------------------------------------------------------
def schema_statements() -> list[str]:
    """Constraints and indexes, all IF NOT EXISTS (idempotent)."""
    schema = load_schema()
    out = [
        f"CREATE CONSTRAINT `{lab}_id` IF NOT EXISTS FOR (n:{_label(lab)}) REQUIRE n.id IS UNIQUE"
        for lab in schema.nodes
    ]
    out += [
        f"CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:{ENTITY}) REQUIRE n.id IS UNIQUE",
        f"CREATE INDEX entity_doc_id IF NOT EXISTS FOR (n:{ENTITY}) ON (n.doc_id)",
        "CREATE INDEX person_rkey IF NOT EXISTS FOR (n:Person) ON (n.rkey)",
        "CREATE INDEX person_block IF NOT EXISTS FOR (n:Person) ON (n.block)",
        f"CREATE CONSTRAINT source_id IF NOT EXISTS FOR (d:{SOURCE}) REQUIRE d.id IS UNIQUE",
        "CREATE CONSTRAINT alias_key IF NOT EXISTS FOR (a:Alias) REQUIRE (a.node_id, a.alias, a.doc_id) IS UNIQUE",
        "CREATE INDEX alias_node IF NOT EXISTS FOR (a:Alias) ON (a.node_id)",
        "CREATE INDEX alias_doc IF NOT EXISTS FOR (a:Alias) ON (a.doc_id)",
        "CREATE CONSTRAINT candidate_id IF NOT EXISTS FOR (c:MergeCandidate) REQUIRE c.id IS UNIQUE",
        "CREATE INDEX candidate_doc IF NOT EXISTS FOR (c:MergeCandidate) ON (c.doc_id)",
        "CREATE INDEX candidate_node_a IF NOT EXISTS FOR (c:MergeCandidate) ON (c.node_a)",
        "CREATE INDEX candidate_node_b IF NOT EXISTS FOR (c:MergeCandidate) ON (c.node_b)",
        "CREATE CONSTRAINT judgement_key IF NOT EXISTS FOR (j:Judgement) REQUIRE (j.key_a, j.key_b) IS UNIQUE",
        "CREATE CONSTRAINT meta_key IF NOT EXISTS FOR (m:Meta) REQUIRE m.key IS UNIQUE",
        "CREATE CONSTRAINT tombstone_digest IF NOT EXISTS FOR (t:Tombstone) REQUIRE t.digest IS UNIQUE",
    ]
    for t in schema.relationships:
        out.append(f"CREATE CONSTRAINT `{t}_id` IF NOT EXISTS FOR ()-[r:{_type(t)}]-() REQUIRE r.id IS UNIQUE")
        out.append(f"CREATE INDEX `{t}_doc_id` IF NOT EXISTS FOR ()-[r:{_type(t)}]-() ON (r.doc_id)")
    items = "|".join(_label(lab) for lab in text_labels())
    out += [
        f"CREATE FULLTEXT INDEX {FULLTEXT_ITEMS_SWEDISH} IF NOT EXISTS FOR (n:{items}) ON EACH [n.text] "
        "OPTIONS {indexConfig: {`fulltext.analyzer`: 'swedish'}}",
        # search_text is already normalised (graph.search_text): split on spaces only, like sqlite's FTS5
        f"CREATE FULLTEXT INDEX {FULLTEXT_ITEMS} IF NOT EXISTS FOR (n:{items}) ON EACH [n.search_text] "
        "OPTIONS {indexConfig: {`fulltext.analyzer`: 'whitespace'}}",
        f"CREATE FULLTEXT INDEX {FULLTEXT_HANDOFFS} IF NOT EXISTS FOR ()-[r:{_type(HANDOFF)}]-() "
        "ON EACH [r.search_text] OPTIONS {indexConfig: {`fulltext.analyzer`: 'whitespace'}}",
    ]
    return out


AWAIT_INDEXES = "CALL db.awaitIndexes(300)"  # new indexes populate in the background
ENSURE_META = "MERGE (m:Meta {key: 'version'}) ON CREATE SET m.value = 0"
BUMP_VERSION = "MERGE (m:Meta {key: 'version'}) ON CREATE SET m.value = 0 SET m.value = m.value + 1"
VERSION = "MATCH (m:Meta {key: 'version'}) RETURN m.value AS value"


# -- writing a document ------------------------------------------------------------------------------
def merge_nodes(label: str) -> str:
    # ON CREATE only: an existing node keeps its properties (sqlite: ON CONFLICT DO NOTHING)
    return f"UNWIND $rows AS row MERGE (n:{_label(label)} {{id: row.id}}) ON CREATE SET n:{ENTITY}, n += row"


def merge_rels(rel_type: str) -> str:
    """Returns how many were written, so the caller can tell when relationships named missing nodes.

    CREATE, not MERGE: a document's relationships are deleted before it is written again and their
    ids include the document, so none can exist yet (the uniqueness constraint still guards this)."""
    return (
        f"UNWIND $rows AS row MATCH (a:{ENTITY} {{id: row.source}}) MATCH (b:{ENTITY} {{id: row.target}}) "
        f"CREATE (a)-[r:{_type(rel_type)}]->(b) SET r = row.props RETURN count(r) AS written"
    )


DOCUMENT_SHA = f"MATCH (d:{SOURCE} {{id: $id}}) RETURN d.sha256 AS sha256"
CREATE_SOURCE = f"CREATE (d:{SOURCE}) SET d = $doc"
MERGE_ALIASES = (
    "UNWIND $rows AS row MERGE (a:Alias {node_id: row.node_id, alias: row.alias, doc_id: row.doc_id}) "
    "ON CREATE SET a.reason = row.reason, a.score = row.score"
)
MERGE_CANDIDATES = "UNWIND $rows AS row MERGE (c:MergeCandidate {id: row.id}) SET c = row"


def _doc_rels() -> str:
    """A document's relationships as (a, r, b), one index seek per type (r.doc_id is indexed per type)."""
    parts = [
        f"MATCH (a)-[r:{_type(t)}]->(b) WHERE r.doc_id = $doc_id RETURN a, r, b" for t in load_schema().relationships
    ]
    return "CALL () { " + " UNION ALL ".join(parts) + " } "


DELETE_DOC_RELS = (
    _doc_rels() + "WITH collect(a.id) + collect(b.id) AS ends, collect(r) AS rels "
    "FOREACH (x IN rels | DELETE x) RETURN ends"
)
DELETE_DOC_RECORDS = (
    "CALL () { MATCH (a:Alias {doc_id: $doc_id}) DELETE a } "
    "CALL () { MATCH (c:MergeCandidate {doc_id: $doc_id}) DELETE c } "
    f"CALL () {{ MATCH (d:{SOURCE} {{id: $doc_id}}) DELETE d }}"
)
DELETE_ORPHANS = f"UNWIND $ids AS id MATCH (n:{ENTITY} {{id: id}}) WHERE NOT (n)--() DELETE n"
SOURCE_EXISTS = f"MATCH (d:{SOURCE} {{id: $id}}) RETURN d.id AS id"

# -- reading -------------------------------------------------------------------------------------------
DOCUMENTS = (
    f"MATCH (d:{SOURCE}) RETURN d.id AS id, d.path AS path, d.sha256 AS sha256, d.format AS format, "
    "d.title AS title, d.date AS date, d.chars AS chars"
)
DOCUMENT = f"MATCH (d:{SOURCE} {{id: $id}}) RETURN d {{.*}} AS d"
GET_NODE = f"MATCH (n:{ENTITY} {{id: $id}}) RETURN n {{.id, .label, .name, .props_json, .text}} AS n"
RELS_OF = (
    f"MATCH (n:{ENTITY} {{id: $id}})-[r]->(b) RETURN r {{.*}} AS r, type(r) AS type, n.id AS source, b.id AS target "
    f"UNION ALL MATCH (n:{ENTITY} {{id: $id}})<-[r]-(a) "
    "RETURN r {.*} AS r, type(r) AS type, a.id AS source, n.id AS target"
)
NODE_DOC_IDS = f"MATCH (:{ENTITY} {{id: $id}})-[r]-() RETURN DISTINCT r.doc_id AS doc_id"
ALIAS_FIELDS = "a.node_id AS node_id, a.alias AS alias, a.reason AS reason, a.score AS score, a.doc_id AS doc_id"
ALIASES = f"MATCH (a:Alias) RETURN {ALIAS_FIELDS} ORDER BY node_id, alias, doc_id"
ALIASES_OF = f"MATCH (a:Alias {{node_id: $node_id}}) RETURN {ALIAS_FIELDS} ORDER BY alias, doc_id"
NAMES = (
    f"MATCH (n:{ENTITY}) WHERE NOT n.label IN ['AgendaItem', 'Decision', 'Action', 'Document'] "
    "RETURN n.id AS id, n.label AS label, n.name AS name "
    f"UNION MATCH (a:Alias) MATCH (n:{ENTITY} {{id: a.node_id}}) RETURN n.id AS id, n.label AS label, a.alias AS name"
)
FULLTEXT = (
    "CALL () { "
    "CALL db.index.fulltext.queryNodes($nodes_index, $query, {limit: $limit}) YIELD node, score "
    "RETURN node.id AS id, node.label AS label, node.text AS text, node.doc_id AS doc_id, "
    "node.meeting_id AS meeting_id, score, node.props_json AS props_json, null AS start, null AS end, "
    "null AS quote "
    "UNION ALL "
    "CALL db.index.fulltext.queryRelationships($rels_index, $query, {limit: $limit}) YIELD relationship, score "
    "RETURN relationship.id AS id, type(relationship) AS label, relationship.text AS text, "
    "relationship.doc_id AS doc_id, startNode(relationship).id AS meeting_id, score, null AS props_json, "
    "relationship.start AS start, relationship.end AS end, relationship.quote AS quote "
    "} RETURN id, label, text, doc_id, meeting_id, score, props_json, start, end, quote "
    "ORDER BY score DESC, id LIMIT $limit"
)
GRAPH_NODES = (
    f"MATCH (n:{ENTITY}) WHERE $labels IS NULL OR n.label IN $labels "
    "RETURN n.id AS id, n.label AS label, n.name AS name, n.props_json AS props_json, n.text AS text"
)
GRAPH_RELS = (
    f"MATCH (a:{ENTITY})-[r]->(b:{ENTITY}) WHERE $types IS NULL OR type(r) IN $types "
    "RETURN r {.*} AS r, type(r) AS type, a.id AS source, b.id AS target"
)


def people(key: str) -> str:
    """Person records by `rkey` or `block`, with the bodies they sat in or were mentioned by and their affiliations."""
    if key not in ("rkey", "block"):
        raise ValueError(f"unknown person key {key!r}")
    return (
        f"MATCH (p:Person) WHERE p.{key} IN $values "
        "RETURN p.id AS id, p.name AS name, p.props_json AS props_json, p.rkey AS rkey, p.block AS block, "
        "COLLECT { MATCH (p)-[:ATTENDED|ABSENT_FROM]->(m)-[:OF]->(net) RETURN net.id AS net "
        "UNION MATCH (m)-[:MENTIONS]->(p) MATCH (m)-[:OF]->(net) RETURN net.id AS net } AS networks, "
        "COLLECT { MATCH (p)-[:REPRESENTS]->(o) RETURN DISTINCT o.id } AS affiliations "
        "ORDER BY p.id"
    )


def _stats() -> str:
    """(kind, key, n) from the count store: one row per schema label and type, and the documents."""
    schema = load_schema()
    # `WITH count(..)` alone, so the planner reads the count store instead of scanning
    parts = [
        f"MATCH (n:{_label(lab)}) WITH count(n) AS n RETURN 'node' AS kind, '{lab}' AS key, n" for lab in schema.nodes
    ]
    parts += [
        f"MATCH ()-[r:{_type(t)}]->() WITH count(r) AS n RETURN 'rel' AS kind, '{t}' AS key, n"
        for t in schema.relationships
    ]
    parts.append(f"MATCH (d:{SOURCE}) RETURN 'doc' AS kind, '' AS key, count(d) AS n")
    return " UNION ALL ".join(parts)


STATS = _stats()

# -- tombstones ------------------------------------------------------------------------------------
READ_TOMBSTONE_KEY = "MATCH (m:Meta {key: 'tombstone_key'}) RETURN m.value AS key"
TOMBSTONE_KEY = "MERGE (m:Meta {key: 'tombstone_key'}) ON CREATE SET m.value = $key RETURN m.value AS key"
TOMBSTONES = "MATCH (t:Tombstone) RETURN t.digest AS digest"
ADD_TOMBSTONE = "MERGE (:Tombstone {digest: $digest})"
LIFT_TOMBSTONE = "MATCH (t:Tombstone {digest: $digest}) DELETE t"

# -- judgements and candidates ---------------------------------------------------------------------
SAVE_JUDGEMENT = (
    "MERGE (j:Judgement {key_a: $key_a, key_b: $key_b}) "
    "SET j.decision = $decision, j.reason = $reason, j.decided_at = $decided_at"
)
JUDGEMENTS = (
    "MATCH (j:Judgement) RETURN j.key_a AS key_a, j.key_b AS key_b, j.decision AS decision, j.reason AS reason, "
    "j.decided_at AS decided_at ORDER BY decided_at, key_a, key_b"
)
CANDIDATES = (
    "MATCH (c:MergeCandidate) WHERE $status IS NULL OR c.status = $status "
    "RETURN c {.*} AS c ORDER BY c.score DESC, c.id"
)
SET_CANDIDATE_STATUS = "MATCH (c:MergeCandidate {id: $id}) SET c.status = $status"

# -- erasure -------------------------------------------------------------------------------------------
ERASE_NODE = (
    "CALL () { MATCH (a:Alias {node_id: $id}) DELETE a } "
    "CALL () { MATCH (c:MergeCandidate) WHERE c.node_a = $id OR c.node_b = $id DELETE c } "
    f"CALL () {{ MATCH (n:{ENTITY} {{id: $id}}) DETACH DELETE n }}"
)
SOURCE_TEXTS = f"MATCH (d:{SOURCE}) RETURN d.id AS id, d.text AS text, d.extraction AS extraction ORDER BY id"
SET_SOURCE_TEXT = f"MATCH (d:{SOURCE} {{id: $id}}) SET d.text = $text, d.extraction = $extraction"
DOC_REL_TEXTS = (
    _doc_rels() + "RETURN type(r) AS type, r.id AS id, r.quote AS quote, r.text AS text, r.props_json AS props_json"
)


def set_rel_texts(rel_type: str) -> str:
    # by type and id (a unique index seek); Neo4j 5 would scan every relationship for elementId(r) = row.x
    return (
        f"UNWIND $rows AS row MATCH ()-[r:{_type(rel_type)} {{id: row.id}}]->() "
        "SET r.quote = row.quote, r.text = row.text, r.search_text = row.search_text, r.props_json = row.props_json"
    )


DOC_NODE_TEXTS = (
    f"MATCH (n:{ENTITY} {{doc_id: $doc_id}}) "
    "RETURN n.id AS id, n.name AS name, n.text AS text, n.props_json AS props_json"
)
SET_NODE_TEXTS = (
    f"UNWIND $rows AS row MATCH (n:{ENTITY} {{id: row.id}}) "
    "SET n.text = row.text, n.name = row.name, n.search_text = row.search_text, n.props_json = row.props_json"
)

# tests and benchmarks only; in batches so a large graph fits the transaction memory limit
WIPE = (
    "MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS",
    "MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 10000 ROWS",
)

_LUCENE_SPECIAL = re.compile(r'([+\-!(){}\[\]^"~*?:\\/&|])')


def prefix_query(terms: list[str]) -> str:
    """Lucene query: every term required, each as a prefix (sqlite: `"t1"* AND "t2"*`)."""
    return " ".join("+" + _LUCENE_SPECIAL.sub(r"\\\1", t) + "*" for t in terms)
