"""Tombstones: an erased person stays out of later ingests and rebuilds.

A tombstone is a keyed hash (HMAC-SHA256 with a random key kept in the store) of the person's
normalised name, never the name itself: the store can recognise the name when a document brings
it back, but nobody can read from the store whom it erased.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass

from samkarta.graph.ids import normalize
from samkarta.graph.redaction import redact, redact_json
from samkarta.graph.store import GraphStore
from samkarta.loaders.model import Extraction


def digest(key: str, name: str) -> str:
    return hmac.new(bytes.fromhex(key), normalize(name).encode(), hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class Erased:
    """The tombstones of a store, read once for a batch of documents."""

    key: str
    digests: frozenset[str]

    @classmethod
    def of(cls, store: GraphStore) -> Erased:
        digests = frozenset(store.tombstones())
        return cls(store.tombstone_key() if digests else "", digests)

    def scrub(self, extraction: Extraction, text: str) -> tuple[Extraction, str]:
        """The document without the erased people: their names redacted in the text and in every
        fact, so no person, quote or assignee brings them back."""
        if not self.digests:
            return extraction, text
        names = sorted({p.name for p in extraction.people if digest(self.key, p.name) in self.digests})
        if not names:
            return extraction, text
        strings = names + sorted({n.split()[0] for n in names if len(n.split()) > 1})
        scrubbed = Extraction.model_validate(json.loads(redact_json(extraction.model_dump_json(), strings)))
        return scrubbed, redact(text, strings) or ""
