"""Person names in the genitive: the person named, not a second person with an -s (invented minutes)."""

from __future__ import annotations

from samkarta.loaders.extract import extract_text


def _people(doc) -> dict[str, list[str]]:
    """Each person's record name and the text of their full-name mentions."""
    text = doc.text
    return {rec.name: [text[a:b] for a, b in rec.mentions] for rec in doc._.people.values()}


def test_a_genitive_of_a_person_the_minutes_name_is_that_person(annotate) -> None:
    doc = annotate(
        "Närvarande: Vibeke Ylvander, Mora; Edvin Pellas, Falun\n\n1. Budget\n"
        "Vibeke Ylvanders och Edvin Pellas förslag godkändes.\n"  # no noun after the first genitive
    )
    assert _people(doc) == {
        "Vibeke Ylvander": ["Vibeke Ylvander", "Vibeke Ylvanders"],
        "Edvin Pellas": ["Edvin Pellas", "Edvin Pellas"],
    }


def test_a_genitive_of_a_name_the_minutes_give_nowhere_else_is_read_as_the_name(annotate) -> None:
    doc = annotate(
        "1. Budget\nNämnden tog del av Vibeke Ylvanders förslag, Sigrid Bolindes rapport och Edvin Pellas.\n"
    )
    assert set(_people(doc)) == {"Vibeke Ylvander", "Sigrid Bolinde", "Edvin Pellas"}


def test_a_name_in_s_takes_no_genitive_s(annotate) -> None:
    doc = annotate("1. Budget\nNämnden tog del av Edvin Voss förslag.\n")
    assert set(_people(doc)) == {"Edvin Voss"}


def test_a_surname_ending_or_a_dictionary_name_keeps_its_s(annotate) -> None:
    doc = annotate("1. Budget\nNämnden tog del av Sigrid Ekfors förslag och av Klas Tobias rapport.\n")
    assert set(_people(doc)) == {"Sigrid Ekfors", "Klas Tobias"}


def test_a_surname_in_s_keeps_it_where_a_mention_owns_nothing(annotate) -> None:
    doc = annotate(
        "Närvarande: Sigrid Matteus, Mora\n\n1. Budget\nSigrid Matteus förslag godkändes.\n"
        "2. Läget\nEdvin Karpalus informerade. Edvin Karpalus informerar.\n"
    )
    assert _people(doc) == {
        "Sigrid Matteus": ["Sigrid Matteus", "Sigrid Matteus"],
        "Edvin Karpalus": ["Edvin Karpalus", "Edvin Karpalus"],
    }


def test_a_genitive_with_a_colon_or_an_apostrophe_is_the_person(annotate) -> None:
    doc = annotate(
        "Närvarande: Vibeke Ylvander, Mora; Klas Ruus, Falun\n\n1. Budget\n"
        "Vibeke Ylvander:s förslag, Vibeke Ylvander's rapport, Vibeke Ylvander’s plan och Klas Ruus’ förslag.\n"
    )
    assert _people(doc) == {
        "Vibeke Ylvander": ["Vibeke Ylvander", "Vibeke Ylvander:s", "Vibeke Ylvander's", "Vibeke Ylvander’s"],
        "Klas Ruus": ["Klas Ruus", "Klas Ruus’"],
    }


def test_a_first_name_or_initials_in_the_genitive_point_to_the_person(annotate) -> None:
    doc = annotate("Närvarande: Vibeke Ylvander, Mora\n\n1. Budget\nVibekes förslag och VY:s rapport godkändes.\n")
    text = doc.text
    assert [text[a:b] for a, b in doc._.people["Vibeke Ylvander"].short_mentions] == ["Vibekes", "VY:s"]


def test_minutes_naming_a_person_in_the_genitive_list_one_person() -> None:
    extraction = extract_text(
        "Protokoll 2024-03-05\nNärvarande: Vibeke Ylvander, Mora; Edvin Pellas, Falun\n\n"
        "1. Budget\nVibeke Ylvanders förslag godkändes. Edvin Pellas ska ta fram Vibeke Ylvanders underlag.\n"
    )
    assert sorted(p.name for p in extraction.people) == ["Edvin Pellas", "Vibeke Ylvander"]


def test_a_word_in_s_after_two_surnames_owning_the_next_ends_the_name(annotate) -> None:
    doc = annotate(
        "Närvarande\nVibeke Ylvander Norrdalens kansli\n\nSamrådet tog del av Edvin Pellas Sälgströms förslag.\n"
    )
    assert set(_people(doc)) == {"Vibeke Ylvander", "Edvin Pellas Sälgström"}


def test_a_group_owned_by_a_person_in_the_genitive_is_no_named_body() -> None:
    extraction = extract_text(
        "Protokoll 2024-03-05\nNärvarande: Edvin Pellas, Falun\n\n1. Budget\n"
        "Vibeke Ylvander:s grupp ska ta fram underlaget. Sigrid Bolindes arbetsgrupp redovisade läget.\n"
    )
    assert not [n.name for n in extraction.networks if "Ylvander" in n.name or "Bolinde" in n.name]
