"""The extraction pipeline: a blank Swedish spaCy pipeline with named components in order.

    samkarta_glued      words run together where a table lost its cell breaks, split
    samkarta_lemmas     lookup lemmas of loaders/data/lemmas.json (scripts/build_lemmas.py)
    samkarta_layout     lines, labels, header fields, attendance blocks, agenda items, sentences
    samkarta_reference  municipalities, counties and organisations of the reference data
    samkarta_people     person names and one record per person
    samkarta_attendance roles and affiliations of people
    samkarta_entities   organisations, networks and projects
    samkarta_meeting    the meeting's date, body, region and next meeting
    samkarta_staff      the employer of staff whose title names it ("förbundschef")
    samkarta_outcomes   decisions, actions with assignees, handoffs with targets

Each component adds spans (doc.spans[...]) or attributes (doc._.*) that later ones read.
"""

from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from samkarta.loaders.components import ext
from samkarta.loaders.words import lexicon

COMPONENTS = (
    "samkarta_glued",
    "samkarta_lemmas",
    "samkarta_layout",
    "samkarta_reference",
    "samkarta_people",
    "samkarta_attendance",
    "samkarta_entities",
    "samkarta_meeting",
    "samkarta_staff",
    "samkarta_outcomes",
)


@cache
def pipeline() -> Language:
    """The process-wide pipeline (built once; about half a second)."""
    from samkarta.loaders import components  # noqa: F401 - registers the factories

    ext.register()
    nlp = spacy.blank("sv")
    for abbreviation in lexicon()["abbreviations"]:
        for form in (abbreviation, abbreviation.capitalize()):
            nlp.tokenizer.add_special_case(form, [{"ORTH": form}])
    for name in COMPONENTS:
        nlp.add_pipe(name)
    return nlp


def annotate(text: str, first: bool = True, original: str | None = None) -> Doc:
    """A prepared text, or one part of it, run through every component. `first` says whether the
    part opens its document: the meeting is read from a document's first part only. `original` is
    the same part before preparation, which evidence quotes (it shows what preparation blanked)."""
    nlp = pipeline()
    doc = nlp.make_doc(text)
    doc.user_data["text"] = text  # spaCy rebuilds Doc.text from its tokens on every call
    doc.user_data["original"] = original if original is not None else text
    doc.user_data["later_part"] = not first
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc
