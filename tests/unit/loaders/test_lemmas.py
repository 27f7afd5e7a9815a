"""samkarta_lemmas: lookup lemmas for the verbs the pattern files name."""

from __future__ import annotations


def test_inflected_and_capitalised_forms_get_their_lemma(annotate) -> None:
    doc = annotate("Nämnden beslutade att godkänna. Överlämnas till styrelsen. Informerar Lena?")
    lemmas = {t.text: t.lemma_ for t in doc}
    assert lemmas["beslutade"] == "besluta" and lemmas["Överlämnas"] == "överlämna"
    assert lemmas["Informerar"] == "informera"
    assert lemmas["Nämnden"] == "nämnden"  # a word outside the table keeps its lower-case form
