"""Fixtures for the extraction components: the pipeline and a Doc run through it."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from samkarta.loaders.nlp import pipeline
from samkarta.loaders.prepare import prepare


@pytest.fixture(scope="session")
def annotate() -> Callable[[str], Doc]:
    """Run invented minutes through the whole pipeline and return the annotated Doc."""
    nlp = pipeline()

    def run(text: str) -> Doc:
        prepared = prepare(text)
        doc = nlp.make_doc(prepared)
        doc.user_data["text"] = prepared
        for _, component in nlp.pipeline:
            doc = component(doc)
        return doc

    return run
