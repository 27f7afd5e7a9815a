"""Turn minutes into Extractions: every fact with its evidence and a confidence.

A document is prepared (furniture blanked, offsets kept), cut into parts of at most
PART_CHARS characters at blank lines (so cost grows linearly with size), run through the
pipeline of loaders/nlp.py, and its Docs are read into one Extraction.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from spacy.tokens import Doc

from samkarta.loaders.collect import collect
from samkarta.loaders.model import Extraction, SourceInfo
from samkarta.loaders.nlp import pipeline
from samkarta.loaders.prepare import chunks, prepare
from samkarta.loaders.readers import SourceText, read_document

PART_CHARS = 60_000


def extract_text(text: str, source: SourceInfo | None = None) -> Extraction:
    """Extract the facts of minutes given as text."""
    return next(extract_many([(text, source)]))


def extract_many(
    texts: Iterable[tuple[str, SourceInfo | None]], n_process: int = 1, batch_size: int = 16
) -> Iterator[Extraction]:
    """Extract many documents in order; n_process > 1 runs the pipeline in worker processes."""
    nlp = pipeline()

    def parts() -> Iterator[tuple[Doc, tuple[int, int, int, SourceInfo]]]:
        for n, (text, source) in enumerate(texts):
            info = source or SourceInfo(path="<text>", sha256="", format="txt", chars=len(text))
            prepared = prepare(text)
            spans = chunks(prepared, PART_CHARS)
            for k, (start, end) in enumerate(spans):
                doc = nlp.make_doc(prepared[start:end])
                doc.user_data["text"] = prepared[start:end]  # spaCy rebuilds Doc.text from tokens on each call
                yield doc, (n, k, len(spans), info)

    pending: list[tuple] = []
    for doc, (_n, k, count, info) in nlp.pipe(parts(), as_tuples=True, n_process=n_process, batch_size=batch_size):
        pending.append((doc, k, info))
        if k == count - 1:
            offsets = _offsets(pending)
            yield collect([(d, off) for (d, _k, _i), off in zip(pending, offsets, strict=True)], info)
            pending = []


def _offsets(parts: list[tuple]) -> list[int]:
    out, pos = [], 0
    for doc, _k, _info in parts:
        out.append(pos)
        pos += len(doc.text)
    return out


def extract_source(src: SourceText) -> Extraction:
    info = SourceInfo(path=str(src.path), sha256=src.sha256, format=src.format, chars=len(src.text))
    return extract_text(src.text, info)


def extract_file(path: Path) -> Extraction:
    """Read and extract one file; bad input raises InvalidInput naming the file."""
    return extract_source(read_document(path))
