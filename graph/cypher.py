"""Every Cypher statement of the Neo4j store, in one place.

Values are always $parameters. A label or relationship type reaches Cypher text only through
load_schema().check_label / check_type and in backticks; the builders below are the only places
that format one in.
"""

from __future__ import annotations

import re

from samkarta.graph.schema import load_schema

# Bookkeeping labels all start with PREFIX, so Browser and Bloom users can tell them from the domain
# graph; stats() and graph() never count them.
PREFIX = "Sk_"
ENTITY = "Sk_Entity"  # second label of every domain node: id lookups without knowing the schema label
SOURCE = "Sk_DocumentSource"  # a document's text, hash and extraction (sqlite's `documents` table)
ALIAS = "Sk_Alias"
CANDIDATE = "Sk_MergeCandidate"
JUDGEMENT = "Sk_Judgement"
CORRECTION = "Sk_Correction"  # a person's correction of a fact (graph/corrections.py)
ENTITY_JUDGEMENT = "Sk_EntityJudgement"  # a rename, re-kind, merge or undo of an entity (graph/entities.py)
REVIEW = "Sk_Review"  # a fact confirmed or two entities judged distinct (graph/review.py)
META = "Sk_Meta"  # the version counter, the tombstone key and the layout
TOMBSTONE = "Sk_Tombstone"
CHANGE = "Sk_Change"  # what one write changed, under the version it made (GraphStore.delta)
BOOKKEEPING = (
    ENTITY,
    SOURCE,
    ALIAS,
    CANDIDATE,
    JUDGEMENT,
    CORRECTION,
    ENTITY_JUDGEMENT,
    REVIEW,
    META,
    TOMBSTONE,
    CHANGE,
)
# The layout of this code: typed properties, prefixed bookkeeping labels. Layout 1 (no marker) had
# props_json strings, a `label` property and unprefixed bookkeeping labels; `samkarta migrate` converts.
LAYOUT = 2
BATCH_SIZE = 1000  # rows per UNWIND statement

FULLTEXT_ITEMS_SWEDISH = "item_text_swedish"
FULLTEXT_ITEMS = "item_search_text"
FULLTEXT_HANDOFFS = "handoff_search_text"
FULLTEXT_DOCUMENTS = "document_search_text"
HANDOFF = "HANDED_OFF"


def _label(label: str) -> str:
    return f"`{load_schema().check_label(label)}`"


def _type(rel_type: str) -> str:
    return f"`{load_schema().check_type(rel_type)}`"


def _schema_labels() -> str:
    """The schema's labels as a Cypher list literal (whitelisted names only)."""
    return "[" + ", ".join(f"'{load_schema().check_label(lab)}'" for lab in load_schema().nodes) + "]"


def label_of(var: str) -> str:
    """A domain node's schema label: a user's own extra labels (Bloom tags) are ignored."""
    if not var.isidentifier():
        raise ValueError(f"not a Cypher variable: {var!r}")
    return f"[l IN labels({var}) WHERE l IN {_schema_labels()}][0]"


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
        f"CREATE CONSTRAINT sk_entity_id IF NOT EXISTS FOR (n:{ENTITY}) REQUIRE n.id IS UNIQUE",
        f"CREATE INDEX sk_entity_doc_id IF NOT EXISTS FOR (n:{ENTITY}) ON (n.doc_id)",
        "CREATE INDEX person_rkey IF NOT EXISTS FOR (n:Person) ON (n.rkey)",
        "CREATE INDEX person_block IF NOT EXISTS FOR (n:Person) ON (n.block)",
        "CREATE INDEX meeting_date IF NOT EXISTS FOR (n:Meeting) ON (n.date)",
        f"CREATE CONSTRAINT sk_source_id IF NOT EXISTS FOR (d:{SOURCE}) REQUIRE d.id IS UNIQUE",
        f"CREATE CONSTRAINT sk_alias_key IF NOT EXISTS FOR (a:{ALIAS}) "
        "REQUIRE (a.node_id, a.alias, a.doc_id) IS UNIQUE",
        f"CREATE INDEX sk_alias_node IF NOT EXISTS FOR (a:{ALIAS}) ON (a.node_id)",
        f"CREATE INDEX sk_alias_doc IF NOT EXISTS FOR (a:{ALIAS}) ON (a.doc_id)",
        f"CREATE CONSTRAINT sk_candidate_id IF NOT EXISTS FOR (c:{CANDIDATE}) REQUIRE c.id IS UNIQUE",
        f"CREATE INDEX sk_candidate_doc IF NOT EXISTS FOR (c:{CANDIDATE}) ON (c.doc_id)",
        f"CREATE INDEX sk_candidate_node_a IF NOT EXISTS FOR (c:{CANDIDATE}) ON (c.node_a)",
        f"CREATE INDEX sk_candidate_node_b IF NOT EXISTS FOR (c:{CANDIDATE}) ON (c.node_b)",
        f"CREATE CONSTRAINT sk_judgement_key IF NOT EXISTS FOR (j:{JUDGEMENT}) REQUIRE (j.key_a, j.key_b) IS UNIQUE",
        f"CREATE CONSTRAINT sk_correction_id IF NOT EXISTS FOR (c:{CORRECTION}) REQUIRE c.id IS UNIQUE",
        f"CREATE CONSTRAINT sk_entity_judgement_id IF NOT EXISTS FOR (e:{ENTITY_JUDGEMENT}) REQUIRE e.id IS UNIQUE",
        f"CREATE CONSTRAINT sk_review_id IF NOT EXISTS FOR (r:{REVIEW}) REQUIRE r.id IS UNIQUE",
        f"CREATE CONSTRAINT sk_meta_key IF NOT EXISTS FOR (m:{META}) REQUIRE m.key IS UNIQUE",
        f"CREATE CONSTRAINT sk_tombstone_digest IF NOT EXISTS FOR (t:{TOMBSTONE}) REQUIRE t.digest IS UNIQUE",
        f"CREATE CONSTRAINT sk_change_version IF NOT EXISTS FOR (c:{CHANGE}) REQUIRE c.version IS UNIQUE",
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
        # a document's whole text, normalised the same way: what searching the minutes reads
        f"CREATE FULLTEXT INDEX {FULLTEXT_DOCUMENTS} IF NOT EXISTS FOR (d:{SOURCE}) ON EACH [d.search_text] "
        "OPTIONS {indexConfig: {`fulltext.analyzer`: 'whitespace'}}",
    ]
    return out


# The statements that write documents keep the plan they have: while a load fills an empty database
# its counts change by far more than Neo4j's divergence threshold, and each statement was planned
# anew about every ten seconds (a tenth of the server's CPU in a 1,000-document load). Their plans
# are unique-index seeks by id, which no count changes. So do those every correction runs (the change
# log, the corrections, judgements and tombstones, each read whole by label): each new correction
# moved their counts, and a statement planned again cost 0.1-0.5 s of a correction.
KEEP_PLAN = "CYPHER replan=skip "
AWAIT_INDEXES = "CALL db.awaitIndexes(300)"  # new indexes populate in the background
ENSURE_META = (
    f"MERGE (m:{META} {{key: 'version'}}) ON CREATE SET m.value = 0 "
    f"MERGE (l:{META} {{key: 'layout'}}) ON CREATE SET l.value = $layout"
)
# Every write makes a new version and notes what it changed (the version node is locked until the
# transaction ends, so versions and their changes follow the order of commits); the oldest are forgotten.
BUMP_VERSION = (
    f"{KEEP_PLAN}MERGE (m:{META} {{key: 'version'}}) ON CREATE SET m.value = 0 SET m.value = m.value + 1 "
    f"CREATE (c:{CHANGE} {{version: m.value, documents: $documents, nodes: $nodes, everything: $everything}}) "
    f"WITH m.value AS version CALL (version) {{ MATCH (old:{CHANGE}) WHERE old.version <= version - $kept DELETE old }}"
)
VERSION = f"{KEEP_PLAN}MATCH (m:{META} {{key: 'version'}}) RETURN m.value AS value"
CHANGES_SINCE = (
    f"{KEEP_PLAN}MATCH (m:{META} {{key: 'version'}}) "
    f"OPTIONAL MATCH (c:{CHANGE}) WHERE c.version > $since "
    "WITH m, c ORDER BY c.version "
    "RETURN m.value AS version, collect(c.version) AS versions, collect(c.documents) AS documents, "
    "collect(c.nodes) AS nodes, collect(c.everything) AS everything"
)
# Labels of layout 1, which had no prefix on its bookkeeping nodes.
OLD_LABELS = ("Entity", "DocumentSource", "Alias", "MergeCandidate", "Judgement", "Meta", "Tombstone")
# what a database holds: the layout marker, and whether anything of layout 1 is left (one label
# lookup each, so this costs nothing on a large graph)
LAYOUT_FOUND = (
    f"OPTIONAL MATCH (l:{META} {{key: 'layout'}}) RETURN l.value AS layout, "
    + " OR ".join(f"EXISTS {{ MATCH (:{old}) }}" for old in OLD_LABELS)
    + " AS old"
)
# properties a read never needs (a long normalised copy of the text, for the full-text index)
_ALL = "{.*, search_text: null}"


# -- writing a document ------------------------------------------------------------------------------


def merge_nodes(label: str) -> str:
    # ON CREATE only: an existing node keeps its properties (sqlite: ON CONFLICT DO NOTHING)
    return f"{KEEP_PLAN}UNWIND $rows AS row MERGE (n:{_label(label)} {{id: row.id}}) ON CREATE SET n:{ENTITY}, n += row"


def merge_rels(rel_type: str) -> str:
    """Returns how many were written, so the caller can tell when relationships named missing nodes.

    CREATE, not MERGE: a document's relationships are deleted before it is written again and their
    ids include the document, so none can exist yet (the uniqueness constraint still guards this)."""
    return (
        f"{KEEP_PLAN}UNWIND $rows AS row MATCH (a:{ENTITY} {{id: row.source}}) MATCH (b:{ENTITY} {{id: row.target}}) "
        f"CREATE (a)-[r:{_type(rel_type)}]->(b) SET r = row.props RETURN count(r) AS written"
    )


DOCUMENT_SHA = f"{KEEP_PLAN}MATCH (d:{SOURCE} {{id: $id}}) RETURN d.sha256 AS sha256"
CREATE_SOURCES = f"{KEEP_PLAN}UNWIND $docs AS doc CREATE (d:{SOURCE}) SET d = doc"
STORED_DOCUMENTS = f"MATCH (d:{SOURCE}) WHERE d.id IN $ids RETURN collect(d.id) AS ids"
# A node's other names (acronyms, spelling variants) also as a list on the node, so Bloom's search and
# Cypher find them; derived from its Sk_Alias nodes whenever they change.
_ALIAS_LIST = (
    f"MATCH (n:{ENTITY} {{id: id}}) "
    f"WITH n, COLLECT {{ MATCH (a:{ALIAS} {{node_id: n.id}}) RETURN DISTINCT a.alias AS alias ORDER BY alias }} "
    "AS names SET n.aliases = CASE WHEN names = [] THEN null ELSE names END"
)
# The list is read again only for a node given a name it does not list yet: another document naming
# a body by an acronym it already has leaves the list as it is, so a load does not re-read every
# Sk_Alias of a much-mentioned body once per document (the list is always up to date before a write:
# every statement that adds or removes Sk_Alias nodes sets it; a replaced document's nodes are
# recomputed whole with SET_ALIAS_LISTS).
MERGE_ALIASES = (
    f"{KEEP_PLAN}UNWIND $rows AS row MERGE (a:{ALIAS} {{node_id: row.node_id, alias: row.alias, doc_id: row.doc_id}}) "
    "ON CREATE SET a.reason = row.reason, a.score = row.score "
    "WITH DISTINCT row.node_id AS id, row.alias AS alias "
    f"MATCH (n:{ENTITY} {{id: id}}) WHERE NOT alias IN coalesce(n.aliases, []) WITH DISTINCT n.id AS id " + _ALIAS_LIST
)
SET_ALIAS_LISTS = "UNWIND $ids AS id " + _ALIAS_LIST
DOC_ALIAS_NODES = f"MATCH (a:{ALIAS} {{doc_id: $doc_id}}) RETURN collect(DISTINCT a.node_id) AS ids"
MERGE_CANDIDATES = f"{KEEP_PLAN}UNWIND $rows AS row MERGE (c:{CANDIDATE} {{id: row.id}}) SET c = row"


def _doc_rels() -> str:
    """A document's relationships as (a, r, b), one index seek per type (r.doc_id is indexed per type)."""
    parts = [
        f"MATCH (a)-[r:{_type(t)}]->(b) WHERE r.doc_id = $doc_id RETURN a, r, b" for t in load_schema().relationships
    ]
    return "CALL () { " + " UNION ALL ".join(parts) + " } "


def doc_rels_of(types: set[str] | None) -> str:
    """The relationships (of `types`, all if None) of documents $doc_ids, each by the index on its type's doc_id."""
    chosen = [t for t in load_schema().relationships if types is None or t in types]
    parts = [f"MATCH (a:{ENTITY})-[r:{_type(t)}]->(b:{ENTITY}) WHERE r.doc_id = doc_id RETURN a, r, b" for t in chosen]
    return (
        f"{KEEP_PLAN}UNWIND $doc_ids AS doc_id CALL (doc_id) {{ " + " UNION ALL ".join(parts) + " } "
        f"RETURN r {_ALL} AS r, type(r) AS type, a.id AS source, b.id AS target"
    )


DELETE_DOC_RELS = (
    _doc_rels() + "WITH collect(a.id) + collect(b.id) AS ends, collect(r) AS rels "
    "FOREACH (x IN rels | DELETE x) RETURN ends"
)
DELETE_DOC_RECORDS = (
    f"CALL () {{ MATCH (a:{ALIAS} {{doc_id: $doc_id}}) DELETE a }} "
    f"CALL () {{ MATCH (c:{CANDIDATE} {{doc_id: $doc_id}}) DELETE c }} "
    f"CALL () {{ MATCH (d:{SOURCE} {{id: $doc_id}}) DELETE d }}"
)
DELETE_ORPHANS = f"UNWIND $ids AS id MATCH (n:{ENTITY} {{id: id}}) WHERE NOT (n)--() DELETE n"
SOURCE_EXISTS = f"MATCH (d:{SOURCE} {{id: $id}}) RETURN d.id AS id"


# -- rewriting a document as a difference (graph/neo4j_rewrite.py) --------------------------------------
def document_state() -> str:
    """What a stored document holds, in one round trip: its relationships (one index seek per type),
    the nodes they and $node_ids name (bare: no relationship of another document), its aliases, its
    merge candidates and those $candidate_ids name, and its source."""
    parts = [
        f"MATCH (a:{ENTITY})-[r:{_type(t)}]->(b:{ENTITY}) WHERE r.doc_id = $doc_id "
        f"RETURN {{type: '{load_schema().check_type(t)}', props: properties(r), source: a.id, target: b.id}} AS rel"
        for t in load_schema().relationships
    ]
    return (
        f"{KEEP_PLAN}CALL () {{ CALL () {{ {' UNION ALL '.join(parts)} }} RETURN collect(rel) AS rels }} "
        "CALL (rels) { UNWIND [x IN rels | x.source] + [x IN rels | x.target] + $node_ids AS id WITH DISTINCT id "
        f"MATCH (n:{ENTITY} {{id: id}}) RETURN collect({{id: n.id, labels: labels(n), props: properties(n), "
        "bare: NOT EXISTS { (n)-[o]-() WHERE o.doc_id IS NULL OR o.doc_id <> $doc_id }}) AS nodes } "
        f"CALL () {{ MATCH (a:{ALIAS} {{doc_id: $doc_id}}) RETURN collect(properties(a)) AS aliases }} "
        "CALL () { "
        f"CALL () {{ MATCH (c:{CANDIDATE} {{doc_id: $doc_id}}) RETURN c UNION "
        f"UNWIND $candidate_ids AS id MATCH (c:{CANDIDATE} {{id: id}}) RETURN c }} "
        "RETURN collect(properties(c)) AS candidates } "
        f"OPTIONAL MATCH (d:{SOURCE} {{id: $doc_id}}) "
        "RETURN rels, nodes, aliases, candidates, properties(d) AS source"
    )


def delete_rels(rel_type: str) -> str:
    """Delete relationships of one type by id (the uniqueness constraint's index)."""
    return f"{KEEP_PLAN}UNWIND $ids AS id MATCH ()-[r:{_type(rel_type)} {{id: id}}]->() DELETE r"


RESET_NODES = f"{KEEP_PLAN}UNWIND $rows AS row MATCH (n:{ENTITY} {{id: row.id}}) SET n = row"
DELETE_ALIASES = (
    f"{KEEP_PLAN}UNWIND $rows AS row "
    f"MATCH (a:{ALIAS} {{node_id: row.node_id, alias: row.alias, doc_id: row.doc_id}}) DELETE a"
)
DELETE_CANDIDATES = f"{KEEP_PLAN}UNWIND $ids AS id MATCH (c:{CANDIDATE} {{id: id}}) DELETE c"
SET_SOURCE = f"{KEEP_PLAN}MATCH (d:{SOURCE} {{id: $doc.id}}) SET d = $doc"

# -- reading -------------------------------------------------------------------------------------------
DOCUMENTS = (
    f"MATCH (d:{SOURCE}) RETURN d.id AS id, d.path AS path, d.sha256 AS sha256, d.format AS format, "
    "d.title AS title, d.date AS date, d.chars AS chars, coalesce(d.copies, []) AS copies"
)
ADD_COPY = (
    f"MATCH (d:{SOURCE} {{id: $id}}) WHERE d.path <> $path AND NOT $path IN coalesce(d.copies, []) "
    "SET d.copies = coalesce(d.copies, []) + $path"
)
DOCUMENT = f"{KEEP_PLAN}MATCH (d:{SOURCE} {{id: $id}}) RETURN d {_ALL} AS d"
# documents stored before the index of whole texts, a batch at a time (search_text is computed in Python)
UNINDEXED_SOURCES = f"MATCH (d:{SOURCE}) WHERE d.search_text IS NULL RETURN d.id AS id, d.text AS text LIMIT 200"
SET_SOURCE_SEARCH = f"UNWIND $rows AS row MATCH (d:{SOURCE} {{id: row.id}}) SET d.search_text = row.search_text"
SEARCH_DOCUMENTS = (
    "CALL db.index.fulltext.queryNodes($index, $query, {limit: $limit}) YIELD node, score "
    "RETURN node.id AS doc_id, score ORDER BY score DESC, doc_id LIMIT $limit"
)
GET_NODE = f"MATCH (n:{ENTITY} {{id: $id}}) RETURN n {_ALL} AS n, {label_of('n')} AS label"
RELS_OF = (
    f"MATCH (n:{ENTITY} {{id: $id}})-[r]->(b) RETURN r {_ALL} AS r, type(r) AS type, n.id AS source, b.id AS target "
    f"UNION ALL MATCH (n:{ENTITY} {{id: $id}})<-[r]-(a) "
    f"RETURN r {_ALL} AS r, type(r) AS type, a.id AS source, n.id AS target"
)
NODE_DOC_IDS = f"MATCH (:{ENTITY} {{id: $id}})-[r]-() RETURN DISTINCT r.doc_id AS doc_id"
ALIAS_FIELDS = "a.node_id AS node_id, a.alias AS alias, a.reason AS reason, a.score AS score, a.doc_id AS doc_id"
ALIASES = f"MATCH (a:{ALIAS}) RETURN {ALIAS_FIELDS} ORDER BY node_id, alias, doc_id"
ALIASES_OF = f"MATCH (a:{ALIAS} {{node_id: $node_id}}) RETURN {ALIAS_FIELDS} ORDER BY alias, doc_id"
NAMES = (
    f"MATCH (n:{ENTITY}) WHERE NOT (n:AgendaItem OR n:Decision OR n:Action OR n:Document) "
    f"RETURN n.id AS id, {label_of('n')} AS label, n.name AS name "
    f"UNION MATCH (a:{ALIAS}) MATCH (n:{ENTITY} {{id: a.node_id}}) "
    f"RETURN n.id AS id, {label_of('n')} AS label, a.alias AS name"
)
FULLTEXT = (
    "CALL () { "
    "CALL db.index.fulltext.queryNodes($nodes_index, $query, {limit: $limit}) YIELD node, score "
    f"RETURN node.id AS id, {label_of('node')} AS label, node.text AS text, node.doc_id AS doc_id, "
    "node.meeting_id AS meeting_id, score, node.start AS start, node.end AS end, node.quote AS quote "
    "UNION ALL "
    "CALL db.index.fulltext.queryRelationships($rels_index, $query, {limit: $limit}) YIELD relationship, score "
    "RETURN relationship.id AS id, type(relationship) AS label, relationship.text AS text, "
    "relationship.doc_id AS doc_id, startNode(relationship).id AS meeting_id, score, "
    "relationship.start AS start, relationship.end AS end, relationship.quote AS quote "
    "} RETURN id, label, text, doc_id, meeting_id, score, start, end, quote "
    "ORDER BY score DESC, id LIMIT $limit"
)
GRAPH_NODES = (
    f"MATCH (n:{ENTITY}) WITH n, {label_of('n')} AS label WHERE $labels IS NULL OR label IN $labels "
    f"RETURN n {_ALL} AS n, label"
)
NODES_OF = (
    f"{KEEP_PLAN}UNWIND $ids AS id MATCH (n:{ENTITY} {{id: id}}) WITH n, {label_of('n')} AS label "
    f"WHERE $labels IS NULL OR label IN $labels RETURN n {_ALL} AS n, label"
)
NAMES_OF = (
    f"{KEEP_PLAN}UNWIND $ids AS id MATCH (n:{ENTITY} {{id: id}}) "
    "WHERE NOT (n:AgendaItem OR n:Decision OR n:Action OR n:Document) "
    f"RETURN n.id AS id, {label_of('n')} AS label, n.name AS name "
    f"UNION UNWIND $ids AS id MATCH (a:{ALIAS} {{node_id: id}}) MATCH (n:{ENTITY} {{id: id}}) "
    f"RETURN n.id AS id, {label_of('n')} AS label, a.alias AS name"
)
GRAPH_RELS = (
    f"MATCH (a:{ENTITY})-[r]->(b:{ENTITY}) WHERE $types IS NULL OR type(r) IN $types "
    f"RETURN r {_ALL} AS r, type(r) AS type, a.id AS source, b.id AS target"
)


def people(key: str) -> str:
    """Person records by `rkey` or `block`, with the bodies they sat in or were mentioned by and their affiliations."""
    if key not in ("rkey", "block"):
        raise ValueError(f"unknown person key {key!r}")
    return (
        f"MATCH (p:Person) WHERE p.{key} IN $values "
        "RETURN p.id AS id, p.name AS name, p.region AS region, p.rkey AS rkey, p.block AS block, "
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
READ_TOMBSTONE_KEY = f"MATCH (m:{META} {{key: 'tombstone_key'}}) RETURN m.value AS key"
TOMBSTONE_KEY = f"MERGE (m:{META} {{key: 'tombstone_key'}}) ON CREATE SET m.value = $key RETURN m.value AS key"
TOMBSTONES = f"{KEEP_PLAN}MATCH (t:{TOMBSTONE}) RETURN t.digest AS digest"
ADD_TOMBSTONE = f"MERGE (:{TOMBSTONE} {{digest: $digest}})"
LIFT_TOMBSTONE = f"MATCH (t:{TOMBSTONE} {{digest: $digest}}) DELETE t"

# -- judgements and candidates ---------------------------------------------------------------------
SAVE_JUDGEMENT = (
    f"MERGE (j:{JUDGEMENT} {{key_a: $key_a, key_b: $key_b}}) "
    "SET j.decision = $decision, j.reason = $reason, j.decided_at = $decided_at, j.decided_by = $decided_by"
)
JUDGEMENTS = (
    f"{KEEP_PLAN}MATCH (j:{JUDGEMENT}) RETURN j.key_a AS key_a, j.key_b AS key_b, j.decision AS decision, "
    "j.reason AS reason, j.decided_at AS decided_at, coalesce(j.decided_by, '') AS decided_by "
    "ORDER BY decided_at, key_a, key_b"
)
# a correction once stored is history: saving it again changes nothing
SAVE_CORRECTION = f"{KEEP_PLAN}MERGE (c:{CORRECTION} {{id: $id}}) ON CREATE SET c += $props"
CORRECTIONS = f"{KEEP_PLAN}MATCH (c:{CORRECTION}) RETURN c {{.*}} AS c ORDER BY c.decided_at, c.id"
SET_CORRECTION_TEXTS = f"UNWIND $rows AS row MATCH (c:{CORRECTION} {{id: row.id}}) SET c += row.props"
SET_ENTITY_JUDGEMENT_TEXTS = f"UNWIND $rows AS row MATCH (e:{ENTITY_JUDGEMENT} {{id: row.id}}) SET e += row.props"
SAVE_ENTITY_JUDGEMENT = f"MERGE (e:{ENTITY_JUDGEMENT} {{id: $id}}) ON CREATE SET e += $props"
ENTITY_JUDGEMENTS = f"{KEEP_PLAN}MATCH (e:{ENTITY_JUDGEMENT}) RETURN e {{.*}} AS e ORDER BY e.decided_at, e.id"
SAVE_REVIEW = f"MERGE (r:{REVIEW} {{id: $id}}) ON CREATE SET r += $props"
REVIEWS = f"MATCH (r:{REVIEW}) RETURN r {{.*}} AS r ORDER BY r.decided_at, r.id"
SET_REVIEW_REASONS = f"UNWIND $rows AS row MATCH (r:{REVIEW} {{id: row.id}}) SET r.reason = row.reason"
SET_NODE_NAME = f"MATCH (n:{ENTITY} {{id: $id}}) SET n.name = $name"
CANDIDATES = (
    f"MATCH (c:{CANDIDATE}) WHERE $status IS NULL OR c.status = $status "
    "RETURN c {.*} AS c ORDER BY c.score DESC, c.id"
)
SET_CANDIDATE_STATUS = f"MATCH (c:{CANDIDATE} {{id: $id}}) SET c.status = $status"

# -- erasure -------------------------------------------------------------------------------------------
ERASED_PROPS = f"MATCH (n:{ENTITY} {{id: $id}}) RETURN n {{.*}} AS props"
# an alias's own element id: unique (the alias key is), and nothing of the name
BLANK_ALIASES = f"MATCH (a:{ALIAS} {{node_id: $id}}) SET a.alias = elementId(a)"
# what an erasure changes besides the node: its relationships' documents and the nodes at their other ends
ERASED_REACH = (
    f"MATCH (n:{ENTITY} {{id: $id}}) OPTIONAL MATCH (n)-[r]-(m) "
    "RETURN collect(DISTINCT r.doc_id) AS documents, collect(DISTINCT m.id) AS nodes, "
    # the size of the values the delete frees (quotes on the relationships): what a scrub must reuse
    "sum(size(coalesce(r.quote, ''))) AS bytes"
)
ERASE_NODE = (
    f"CALL () {{ MATCH (a:{ALIAS} {{node_id: $id}}) DELETE a }} "
    f"CALL () {{ MATCH (c:{CANDIDATE}) WHERE c.node_a = $id OR c.node_b = $id DELETE c }} "
    f"CALL () {{ MATCH (n:{ENTITY} {{id: $id}}) DETACH DELETE n }}"
)
SOURCE_TEXTS = f"MATCH (d:{SOURCE}) RETURN d.id AS id, d.text AS text, d.extraction AS extraction ORDER BY id"
SET_SOURCE_TEXT = (
    f"MATCH (d:{SOURCE} {{id: $id}}) SET d.text = $text, d.extraction = $extraction, d.search_text = $search_text"
)
# a document's relationships and nodes with every property, so erasure can redact each string in them
DOC_REL_PROPS = _doc_rels() + "RETURN type(r) AS type, r {.*} AS r"


def set_rel_props(rel_type: str) -> str:
    # by type and id (a unique index seek); Neo4j 5 would scan every relationship for elementId(r) = row.x
    return f"UNWIND $rows AS row MATCH ()-[r:{_type(rel_type)} {{id: row.id}}]->() SET r += row.props"


DOC_NODE_PROPS = f"MATCH (n:{ENTITY} {{doc_id: $doc_id}}) RETURN n {{.*}} AS n"
SET_NODE_PROPS = f"UNWIND $rows AS row MATCH (n:{ENTITY} {{id: row.id}}) SET n += row.props"

# tests and benchmarks only; in batches so a large graph fits the transaction memory limit
WIPE = (
    "MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS",
    "MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 10000 ROWS",
)

_LUCENE_SPECIAL = re.compile(r'([+\-!(){}\[\]^"~*?:\\/&|])')


def prefix_query(terms: list[str]) -> str:
    """Lucene query: every term required, each as a prefix (sqlite: `"t1"* AND "t2"*`)."""
    return " ".join("+" + _LUCENE_SPECIAL.sub(r"\\\1", t) + "*" for t in terms)
