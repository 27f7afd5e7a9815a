"""Redaction for erasure: every form of a name goes, the mark of its genitive with it, and nothing else."""

from __future__ import annotations

import unicodedata

from samkarta.graph.redaction import REDACTED, genitive_of, redact, redact_value

NAMES = ["Märit Ylvander", "Märit"]  # the full name everywhere, the first name where she appears


def test_the_genitive_of_a_name_goes_with_its_mark() -> None:
    text = (
        "Märit Ylvanders förslag, Märit Ylvander:s plan, Märit Ylvander's idé, Märit Ylvander’s enkät, "
        "MÄRIT YLVANDER:S RAPPORT, M. Ylvanders uppdrag och Märits fråga."
    )
    assert redact(text, NAMES) == (
        f"{REDACTED} förslag, {REDACTED} plan, {REDACTED} idé, {REDACTED} enkät, "
        f"{REDACTED} RAPPORT, {REDACTED} uppdrag och {REDACTED} fråga."
    )


def test_a_name_in_s_may_take_an_apostrophe_alone() -> None:
    assert (
        redact("Klas Ruus’ förslag och Klas Ruus förslag", ["Klas Ruus"])
        == f"{REDACTED} förslag och {REDACTED} förslag"
    )


def test_a_name_is_found_without_its_accents_and_in_decomposed_form() -> None:
    decomposed = unicodedata.normalize("NFD", "Märit Ylvänder")
    text = f"Marit Ylvander informerade. {decomposed}s förslag. MARIT\nYLVANDERS rapport."
    assert redact(text, ["Märit Ylvänder"]) == f"{REDACTED} informerade. {REDACTED} förslag. {REDACTED} rapport."


def test_longer_words_and_other_names_are_left() -> None:
    text = "Märit Ylvandersson, Märit Ylvanderska, Märta Ylvanders, märits (a first name alone keeps its case)"
    assert redact(text, ["Märit Ylvander"]) == text
    assert redact(text, NAMES) == text.replace("Märit", REDACTED)


def test_an_assignee_and_a_question_in_a_fact_are_redacted() -> None:
    fact = {"assignee": "Märit Ylvander:s grupp", "question": ["Frågan om Märit Ylvanders förslag"], "n": 2}
    assert redact_value(fact, NAMES) == {
        "assignee": f"{REDACTED} grupp",
        "question": [f"Frågan om {REDACTED} förslag"],
        "n": 2,
    }


def test_a_record_of_a_name_in_the_genitive_is_that_name() -> None:
    assert all(genitive_of(n, ["Märit Ylvander"]) for n in ("Märit Ylvanders", "MARIT YLVANDER:S", "Märit Ylvander's"))
    assert not any(
        genitive_of(n, ["Märit Ylvander"]) for n in ("Märit Ylvander", "Märit Ylvandersson", "Märta Ylvanders")
    )
