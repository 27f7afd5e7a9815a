"""Fixtures for the extraction components: a Doc of invented minutes run through the pipeline."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from samkarta.loaders.nlp import annotate as run_pipeline
from samkarta.loaders.prepare import prepare


@pytest.fixture(scope="session")
def annotate() -> Callable[[str], Doc]:
    """Run invented minutes through the whole pipeline, as extraction does, and return the Doc."""
    return lambda text: run_pipeline(prepare(text), original=text)
