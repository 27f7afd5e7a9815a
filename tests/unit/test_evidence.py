"""Evidence is exact: over every real document the project holds, each fact's quote holds the text
at its span (or, for a fact longer than a quote, is its beginning), so "källa" highlights the
passage the quote shows."""

from __future__ import annotations

import pytest

from samkarta.loaders.extract import extract_file
from samkarta.loaders.readers import read_document
from samkarta.samples import sample_files
from tests.support import ROOT

DOCUMENTS = sorted((ROOT / "corpus" / "docs").iterdir()) + sorted(sample_files())
KINDS = ("people", "organizations", "municipalities", "projects", "networks", "decisions", "actions", "handoffs")


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_every_quote_holds_the_text_at_its_span(path) -> None:
    text = read_document(path).text
    extraction = extract_file(path)
    wrong = []
    for kind in KINDS:
        for fact in getattr(extraction, kind):
            for ev in fact.evidence:
                at_span = " ".join(text[ev.start : ev.end].split())
                held = at_span in ev.quote or (len(at_span) > len(ev.quote) and at_span.startswith(ev.quote))
                if not (0 <= ev.start < ev.end <= len(text)) or not held:
                    wrong.append((kind, at_span, ev.quote[:80]))
    assert not wrong
