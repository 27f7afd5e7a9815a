"""Layout 1 of the Neo4j store, frozen: graph/neo4j_store.py and graph/cypher.py as of commit
b7aef28 (before typed properties), so the migration tests write a real old-layout database through
the real ingest pipeline. Only the import of `cypher` was changed; do not edit otherwise."""
