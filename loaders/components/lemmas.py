"""samkarta_lemmas: lookup lemmas for the words the pattern files name, set in one array write.

The table (loaders/data/lemmas.json) holds the inflected forms of every lemma the data files use,
taken from spacy-lookups-data's Swedish table by scripts/build_lemmas.py. spaCy's own lookup
lemmatizer does the same one token at a time in Python; here the lower-case form of every token
is mapped at once, and words outside the table keep their lower-case form as lemma.
"""

from __future__ import annotations

import json

import numpy
from spacy.attrs import LEMMA, LOWER
from spacy.language import Language
from spacy.tokens import Doc

from samkarta.loaders.words import data_path


class Lemmas:
    def __init__(self, nlp: Language) -> None:
        table = json.loads(data_path("lemmas.json").read_text(encoding="utf-8"))
        strings = nlp.vocab.strings
        self.by_lower = {strings.add(form): strings.add(lemma) for form, lemma in table.items()}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        lowers = doc.to_array([LOWER]).tolist()
        get = self.by_lower.get
        lemmas = numpy.array([get(h, h) for h in lowers], dtype="uint64").reshape(-1, 1)
        doc.from_array([LEMMA], lemmas)
        return doc


@Language.factory("samkarta_lemmas")
def make_lemmas(nlp: Language, name: str) -> Lemmas:  # noqa: ARG001
    return Lemmas(nlp)
