"""samkarta_lemmas: lookup lemmas for the verbs the pattern files name."""

from __future__ import annotations


def test_inflected_and_capitalised_forms_get_their_lemma(annotate) -> None:
    doc = annotate("Nämnden beslutade att godkänna. Överlämnas till styrelsen. Informerar Lena?")
    lemmas = {t.text: t.lemma_ for t in doc}
    assert lemmas["beslutade"] == "besluta" and lemmas["Överlämnas"] == "överlämna"
    assert lemmas["Informerar"] == "informera"
    assert lemmas["Nämnden"] == "nämnden"  # a word outside the table keeps its lower-case form


def test_regular_first_conjugation_forms_the_lookup_table_lacks_or_gives_to_a_noun(annotate) -> None:
    doc = annotate("Ärendet återremitteras. Per berättar och meddelar. Mötet förklarades avslutat.")
    lemmas = {t.text: t.lemma_ for t in doc}
    assert lemmas["återremitteras"] == "återremittera"  # not in the table at all
    assert lemmas["berättar"] == "berätta" and lemmas["meddelar"] == "meddela"  # the table: "berättare"
    assert lemmas["förklarades"] == "förklara"  # the table: the participle "förklarad"


def test_the_present_and_passive_are_the_verbs_even_where_the_table_gives_them_to_another_word(annotate) -> None:
    doc = annotate("Per Ek visar statistik. Det visas i bilagan.")
    lemmas = {t.text: t.lemma_ for t in doc}
    assert lemmas["visar"] == "visa" and lemmas["visas"] == "visa"  # the table: "vise", "visum"
    assert "presenter" in doc._.people["Per Ek"].roles


def test_the_regular_forms_are_only_made_for_the_first_conjugation() -> None:
    from scripts.build_lemmas import regular_forms

    table = {"förklarade": "förklarad", "ställde": "ställa"}
    assert "förklarades" in regular_forms("förklara", table)
    assert "återremitterat" in regular_forms("återremittera", table)  # every -era verb
    assert regular_forms("ställa", table) == []  # "ställde", not "*ställade"
    assert regular_forms("ta", table) == []
