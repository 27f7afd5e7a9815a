"""samkarta_people: person names, one record per person, short mentions."""

from __future__ import annotations

import pytest


def _names(doc) -> list[str]:
    return [rec.name for rec in doc._.people.values()]


def test_names_with_middle_initials_particles_and_broken_hyphens(annotate) -> None:
    doc = annotate("Närvarande: Anna B. Svensson, Ulla von Essen, Marie-Louise Forslund- \nMustaniemi, Per Ek\n")
    assert _names(doc) == ["Anna B. Svensson", "Ulla von Essen", "Marie-Louise Forslund-Mustaniemi", "Per Ek"]


def test_a_given_name_after_a_surname_starts_the_next_person(annotate) -> None:
    doc = annotate("Närvarande\nTomas Feldt Håkan Lind Rachel De Basso\n")
    assert _names(doc) == ["Tomas Feldt", "Håkan Lind", "Rachel De Basso"]


def test_an_unknown_given_name_after_a_typical_surname_starts_the_next_person(annotate) -> None:
    doc = annotate("Beslutande\nJonas Lindqvist Tirvo Karlsson\n")
    assert _names(doc) == ["Jonas Lindqvist", "Tirvo Karlsson"]


def test_a_company_after_a_name_in_a_flattened_table_is_the_persons_employer(annotate) -> None:
    doc = annotate("Närvarande\nKarin Holmqvist Nordkraft AB\nPelle Strand, Tranås kommun\n")
    assert _names(doc) == ["Karin Holmqvist", "Pelle Strand"]
    assert doc._.people["Karin Holmqvist"].affiliation == "Nordkraft AB"


def test_an_attendance_register_written_surname_first_is_read_that_way(annotate) -> None:
    doc = annotate(
        "Närvarande: Holmqvist Karin Socialnämnden Lindberg Per SPF Ek Sara PRO, ordförande\n\n"
        "1. Mötet öppnas\nDagordningen godkänns.\n"
    )
    assert _names(doc) == ["Karin Holmqvist", "Per Lindberg", "Sara Ek"]
    assert doc._.people["Per Lindberg"].affiliation == "SPF"
    assert doc._.people["Sara Ek"].roles == {"present", "chair"}


def test_a_register_written_given_name_first_is_not_read_surname_first(annotate) -> None:
    doc = annotate("Närvarande: Karin Holmqvist Socialnämnden Per Lindberg SPF Sara Ek PRO, ordförande\n")
    assert _names(doc) == ["Karin Holmqvist", "Per Lindberg", "Sara Ek"]


def test_names_outside_the_dictionary_only_at_the_start_of_a_list_entry(annotate) -> None:
    doc = annotate("Närvarande: Raéd Shaqdih, förbundschef\nVi besökte Gyllne Uttern i maj.\n")
    assert _names(doc) == ["Raéd Shaqdih"]


def test_places_titles_and_labels_are_no_names(annotate) -> None:
    doc = annotate("Närvarande\nMölndal Anna Berg\nAnna Ek Administrativ assistent\nLena Holm Utses att justera\n")
    assert _names(doc) == ["Anna Berg", "Anna Ek", "Lena Holm"]


def test_a_reference_to_another_list_is_no_name(annotate) -> None:
    # "Se" is a given name in the dictionary and the imperative "see"
    doc = annotate("Närvarande ledamöter: Se Tjänstgöringsbilagan Närvarande tjänstemän: Anna Berg, sekreterare\n")
    assert _names(doc) == ["Anna Berg"]


def test_a_given_name_before_a_body_or_a_word_of_the_page_starts_no_name(annotate) -> None:
    # the dictionary lists "Bevis" and "Lena": before these words they are the page's words or a first name alone
    doc = annotate("Närvarande: Anna Berg, Per Ek\nLena Kulturnämnden\nAnslag/Bevis Protokollet är justerat\n")
    assert _names(doc) == ["Anna Berg", "Per Ek"]


def test_a_direction_opening_an_entry_starts_a_districts_name_not_a_persons(annotate) -> None:
    doc = annotate("Närvarande:\nSödra Norrdalen, Anna Berg\nVästra Bergsbygdens kommunalförbund, Per Ek\n")
    assert _names(doc) == ["Anna Berg", "Per Ek"]


def test_a_given_name_that_is_also_a_common_word_names_a_person_before_a_surname(annotate) -> None:
    doc = annotate(
        "Närvarande: Anna Berg, Dag Forsberg, Per Ek\nInga Lindqvist informerade. Dag 2 Seminarium. Inga beslut.\n"
    )
    assert _names(doc) == ["Anna Berg", "Dag Forsberg", "Per Ek", "Inga Lindqvist"]


def test_a_name_the_dictionary_lacks_after_a_role_word_is_a_person_before_a_surname(annotate) -> None:
    doc = annotate("Protokoll\n\nBeslutande Per Ekström ordförande Tirvo Karlsson vice ordförande Lisa Holm\n")
    assert _names(doc) == ["Per Ekström", "Tirvo Karlsson", "Lisa Holm"]


def test_an_abstract_noun_opening_an_entry_heads_a_heading_not_a_name(annotate) -> None:
    doc = annotate("Närvarande:\nSammanställning Kvartalet\nAnna Berg\nKommunikation Service\nPer Ek\n")
    assert _names(doc) == ["Anna Berg", "Per Ek"]


def test_first_names_and_initials_point_to_the_one_person(annotate) -> None:
    doc = annotate("Närvarande: Lena Berggren, Lisa Andersson Lindberg\n\nLena informerar. LAL återkommer.\n")
    people = doc._.people
    assert len(people["Lena Berggren"].short_mentions) == 1
    assert len(people["Lisa Andersson Lindberg"].short_mentions) == 1


def test_the_same_person_with_and_without_a_middle_initial_is_one_record(annotate) -> None:
    doc = annotate("Närvarande: Ulrika J Gustafsson\n\nUlrika Gustafsson informerar.\n")
    assert list(doc._.people) == ["Ulrika J. Gustafsson"] and len(doc._.people["Ulrika J. Gustafsson"].mentions) == 2


def test_a_name_ends_before_a_label_or_an_adjective_written_with_a_capital(annotate) -> None:
    doc = annotate(
        "Underskrifter: Sekreterare Anna Berg Paragraf 1-9 Ordförande Per Ek\n"
        "Rapport från kommunerna Eva Lind Sociala frågor\n"
    )
    assert _names(doc) == ["Anna Berg", "Per Ek", "Eva Lind"]


def test_a_field_of_the_page_after_a_name_is_no_surname(annotate) -> None:
    doc = annotate(
        "Sekreterare Anna Berg Justeringens\nOrdförande Per Ek Utdragsbestyrkande\nÖvriga Eva Lind Kommunstyrelsen\n"
    )
    assert _names(doc) == ["Anna Berg", "Per Ek", "Eva Lind"]


def test_an_organisation_in_the_genitive_after_a_place_name_is_no_person(annotate) -> None:
    doc = annotate(
        "Protokoll\nFörvaringsplats Norrdals Utbildningsförbunds kansli\nSekreterare Anna Berg\n"
        "Myndighet Arbetsutskottet Anslagsdatum 2020-03-01\n"
    )
    assert _names(doc) == ["Anna Berg"]


def test_a_name_broken_over_a_line_in_a_comma_list_is_one_person(annotate) -> None:
    doc = annotate("Närvarande: Anna Berg, Per\nSvensson, Eva Lind\nStyrelsen, Kim Holm\n")
    assert _names(doc) == ["Anna Berg", "Per Svensson", "Eva Lind", "Kim Holm"]


def test_a_venue_in_a_place_field_is_no_person(annotate) -> None:
    doc = annotate("Protokoll\nPlats: Norra Mässan, Mora\nLokal: Gyllne Gården\nNärvarande: Anna Berg, Per Ek\n")
    assert _names(doc) == ["Anna Berg", "Per Ek"]


def test_a_body_or_an_organisation_opening_an_entry_is_no_person(annotate) -> None:
    doc = annotate(
        "NORRBY KOMMUN PROTOKOLL 2 Anna Berg Per Ek Socialnämnden Sn 12 Au 7\n"
        "Förvaringsplats för protokollet Kommunledningsförvaltningen Sista dag för överklagande 2021-05-06\n"
    )
    assert _names(doc) == ["Anna Berg", "Per Ek"]


def test_a_direction_after_a_name_opens_the_next_district_not_a_surname(annotate) -> None:
    doc = annotate("Ersättare Centrala valkretsen Anna Berg Östra valkretsen Per Ekström Norra valkretsen Eva Lind\n")
    assert _names(doc) == ["Anna Berg", "Per Ekström", "Eva Lind"]


def test_a_name_the_dictionary_lacks_after_a_comma_is_a_person_when_a_surname_follows(annotate) -> None:
    doc = annotate("Protokoll 2010-03-04\nNärvarande: Ola Bergqvist, Tirvo Karlsson, Skolverket Norrby\n")
    assert _names(doc) == ["Ola Bergqvist", "Tirvo Karlsson"]


def test_a_name_the_dictionary_lacks_is_a_person_when_a_party_marker_or_a_role_follows(annotate) -> None:
    doc = annotate(
        "Beslutande Eva Lind (S), ordförande Tirvo Regnemoh (S) Per Ek (M)\n"
        "Anmält förhinder Bo Ek, ersättare, Jomra Axnemoh, ersättare\n"
        "Gäst: Kristina Pérez Ibramoh, Strateg vid Länsstyrelsen Dalarna\n"
    )
    assert _names(doc)[:5] == ["Eva Lind", "Tirvo Regnemoh", "Per Ek", "Bo Ek", "Jomra Axnemoh"]
    assert "Pérez Ibramoh" not in _names(doc)  # the end of a longer name is no person of its own


def test_a_definite_abstract_noun_after_a_surname_names_a_unit_not_a_surname(annotate) -> None:
    doc = annotate("Närvarande: Anna Berg Vuxenutbildningen Norrby, Per Ek Familjerådgivningen, Tove Henning\n")
    assert _names(doc) == ["Anna Berg", "Per Ek", "Tove Henning"]


def test_in_a_run_of_names_and_organisations_a_second_surname_must_look_like_one(annotate) -> None:
    doc = annotate(
        "Protokoll 2024-03-05\n\nDeltagare: Anna Berg Norrlab Utbildning, Karin Skog Ekma Sverige, Per Ek "
        "Ljusdals kommun, Lars Lind Bollnäs kommun, Eva Holm Tirvo Karlsson Ovanåkers kommun, "
        "Tove Åkesson Lindqvist Bollnäs kommun, Stina Moberg Nordanstigs kommun\n"
    )
    assert _names(doc) == [
        "Anna Berg",
        "Karin Skog",
        "Per Ek",
        "Lars Lind",
        "Eva Holm",
        "Tirvo Karlsson",
        "Tove Åkesson Lindqvist",
        "Stina Moberg",
    ]


def test_outside_such_a_run_a_second_surname_may_be_any_name(annotate) -> None:
    doc = annotate("Protokoll 2024-03-05\n\nDeltagare: Anna Berg Norrlab, Karin Skog Ekma, Per Ek Ljusdals kommun\n")
    assert _names(doc)[:2] == ["Anna Berg Norrlab", "Karin Skog Ekma"]


def test_a_common_word_after_a_surname_is_no_second_surname(annotate) -> None:
    doc = annotate("Närvarande: Anna Berg Ordinarie ledamöter Per Ek Dessutom Eva Holm Varav\n")
    assert _names(doc) == ["Anna Berg", "Per Ek", "Eva Holm"]


def test_an_older_or_personal_spelling_of_a_listed_given_name_is_a_given_name(annotate) -> None:
    doc = annotate("Närvarande: Oliwer Berg, Towa Ek, Saaga Holm, Maths Lind\nHon och Vilka Ekström deltog ej.\n")
    assert _names(doc) == ["Oliwer Berg", "Towa Ek", "Saaga Holm", "Maths Lind"]


def test_a_one_word_municipality_shaped_like_a_surname_after_a_given_name_is_the_surname(annotate) -> None:
    doc = annotate("Närvarande: Tove Norberg, Ljusdal\nPer Ek, Norberg\nProvplats Norberg\n")
    assert _names(doc) == ["Tove Norberg", "Per Ek"]
    # her surname is no municipality named; Per Ek's Norberg and the test site's are
    assert [(s._.ref, s.start_char) for s in doc.spans["municipality"]] == [
        ("2161", doc.text.index("Ljusdal")),
        ("1962", doc.text.index("Norberg\n")),
        ("1962", doc.text.rindex("Norberg")),
    ]


def test_a_given_name_after_a_surname_starts_the_next_person_whose_surname_is_a_place(annotate) -> None:
    doc = annotate("Närvarande tjänstemän: Kim Holm Camilla Norberg Per Ek\n\n1. Budget\nGodkändes.\n")
    assert sorted(doc._.people) == ["Camilla Norberg", "Kim Holm", "Per Ek"]


def test_a_repeated_surname_or_a_party_code_is_no_second_surname(annotate) -> None:
    doc = annotate("Närvarande:\nAnna Berg Berg Konsult\nPer Ek Kd\nEva Lind\n\n1. Budget\nGodkändes.\n")
    assert sorted(doc._.people) == ["Anna Berg", "Eva Lind", "Per Ek"]


def test_the_given_name_again_after_a_full_name_opens_a_sentence_about_the_person(annotate) -> None:
    doc = annotate(
        "Närvarande: Sven Malmgren, Eva Lind\n\n1. Mötet öppnas, Sven Malmgren Sven hälsade alla välkomna.\n"
    )
    assert sorted(doc._.people) == ["Eva Lind", "Sven Malmgren"]


def test_a_word_after_most_names_of_a_list_is_a_column_not_a_second_surname(annotate) -> None:
    doc = annotate(
        "Närvarande\nAnna Berg Björkvik\nPer Ek Lillnäs\nKarin Holm Granberga\nLars Nyström Björkvik\nEva Lind\n\n"
        "1. Mötet öppnas\n"
    )
    assert _names(doc) == ["Anna Berg", "Per Ek", "Karin Holm", "Lars Nyström", "Eva Lind"]
    assert doc._.people["Per Ek"].affiliation == "Lillnäs"
    assert not [s.text for s in doc.spans["org"]]  # a place in a column names no organisation
    double = annotate("Närvarande\nAnna Berg Lindahl\nPer Ek\nKarin Holm\nLars Nyström\n\n1. Mötet öppnas\n")
    assert _names(double)[0] == "Anna Berg Lindahl"  # one such name in a list is her double surname


def test_a_surname_ending_in_an_accented_place_word_is_a_name(annotate) -> None:
    doc = annotate("Närvarande:\nLena Wallén\nPer Ek\nKim Hallén\n\n1. Mötet hölls i Storhallen.\n")
    assert _names(doc) == ["Lena Wallén", "Per Ek", "Kim Hallén"]


def test_two_given_names_take_a_surname_that_is_also_a_town(annotate) -> None:
    doc = annotate("Närvarande:\nPer Johan Lund Statens Vägverk\nAnna Ek, Mora\n")
    assert _names(doc) == ["Per Johan Lund", "Anna Ek"]


def test_a_compound_of_a_common_noun_after_a_name_is_no_surname(annotate) -> None:
    doc = annotate("Ärenden\n4 Förslag om en park, Anna Berg Invånarförslag om fler cykelbanor, Per Ek\n")
    assert _names(doc) == ["Anna Berg", "Per Ek"]


@pytest.mark.parametrize("written", ["K G Berglund", "K.G. Berglund", "K. G. Berglund", "P-O Berglund"])
def test_initials_for_the_given_names_start_a_name(annotate, written: str) -> None:
    doc = annotate(
        f"Protokoll 2013-06-18\nÖvriga deltagande Anna Berg, förvaltningschef {written}, verksamhetschef "
        "arbetsmarknadsenheten, Per Ek, enhetschef\n"
    )
    assert written in _names(doc)


def test_capitals_run_together_a_street_or_a_sentence_after_initials_start_no_name(annotate) -> None:
    doc = annotate(
        "Protokoll 2013-06-18\nPlats: Förbundet, P G Lunds väg 15, Norrby\nNärvarande: Anna Berg (S), "
        "VD Norrbybolaget, Per Ek\nVi ersätter Eva A L. Rekrytering av ersättare diskuterades.\n"
    )
    names = _names(doc)
    assert not any(n.startswith(("P G", "VD", "A L")) for n in names)
