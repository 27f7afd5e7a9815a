"""samkarta_attendance and samkarta_staff: roles and affiliations of people."""

from __future__ import annotations


def _people(doc) -> dict[str, tuple[str | None, list[str]]]:
    return {r.name: (r.affiliation, sorted(r.roles)) for r in doc._.people.values()}


def _affiliations(doc, *names: str) -> list[str | None]:
    """The affiliations of these people, in this order."""
    people = _people(doc)
    return [people[n][0] for n in names]


def test_roles_from_labels_and_inline_words_affiliations_from_the_entry(annotate) -> None:
    doc = annotate(
        "Närvarande:\nAnna Berg, ordf., Falu kommun\nPer Ek (S), Mora\nEva Lind, vice ordförande, Region Dalarna\n"
        "Frånvarande: Kim Holm, Borlänge\nSekreterare: Olle Ås\n"
    )
    assert _people(doc) == {
        "Anna Berg": ("Falun", ["chair", "present"]),
        "Per Ek": ("Mora", ["present"]),
        "Eva Lind": ("Region Dalarna", ["present"]),  # a vice chair does not chair the meeting
        "Kim Holm": ("Borlänge", ["absent"]),
        "Olle Ås": (None, ["present", "secretary"]),
    }
    assert doc._.people["Per Ek"].party == "S"


def test_a_flattened_list_after_deltog_ej_is_absent(annotate) -> None:
    doc = annotate(
        "Anteckningar\nDeltagare Anna Berg, Falun (IFO) ordförande Per Ek, Mora (LSS) "
        "Deltog ej Kim Holm, Borlänge (IFO) Eva Lind, Leksand (LSS)\n\n1. Mötet öppnades\n"
    )
    people = _people(doc)
    assert [people[n][1] for n in ("Anna Berg", "Per Ek", "Kim Holm", "Eva Lind")] == [
        ["chair", "present"],
        ["present"],
        ["absent"],
        ["absent"],
    ]


def test_those_the_minutes_go_to_for_information_are_mentioned_not_present(annotate) -> None:
    doc = annotate(
        "Protokoll\nNärvarande Anna Berg (s) Falun Per Ek (m) Mora För kännedom Kim Holm (s) Borlänge "
        "Eva Lind (v) Leksand Olle Ås (c) Gagnef\n\n1. Mötet öppnades\n"
    )
    people = _people(doc)
    assert [people[n][1] for n in ("Anna Berg", "Per Ek", "Kim Holm", "Eva Lind", "Olle Ås")] == [
        ["present"],
        ["present"],
        ["mentioned"],
        ["mentioned"],
        ["mentioned"],
    ]


def test_a_list_of_those_away_run_into_the_text_ends_at_a_name_and_its_verb(annotate) -> None:
    doc = annotate(
        "Minnesanteckningar Närvaro: Anna Berg, Falun, Per Ek, Mora, Olle Ås, Gagnef Förhinder: Kim Holm, "
        "Borlänge och Eva Lind, Leksand Anna Berg hälsar välkommen. Per Ek berättar om budgeten.\n"
    )
    people = _people(doc)
    assert [people[n][1] for n in ("Kim Holm", "Eva Lind")] == [["absent"], ["absent"]]
    assert "absent" not in people["Anna Berg"][1] and "absent" not in people["Per Ek"][1]


def test_a_name_opening_a_list_before_its_first_person_is_their_organisation(annotate) -> None:
    doc = annotate(
        "Minnesanteckningar\nNärvarande Anna Berg, Falun\nTjänstemän Norrtrafik Kim Holm Eva Lind Olle Ås\n"
        "Ersättare Ersättarna Lars Ek Tove Holm\n\n1. Mötet öppnades\n"
    )
    assert _affiliations(doc, "Anna Berg", "Kim Holm", "Eva Lind", "Olle Ås", "Lars Ek", "Tove Holm") == [
        "Falun",
        "Norrtrafik",
        "Norrtrafik",
        "Norrtrafik",
        None,
        None,
    ]


def test_initials_in_parentheses_after_a_name_are_no_organisation(annotate) -> None:
    doc = annotate(
        "Minnesanteckningar\nNärvarande Kim Holm (KH), Norrlab Eva Lind-Ek (ELE), Sörbygruppen "
        "Olle Ås (OÅ2) Per Ek (NLL), Norrlab\n\n1. Mötet öppnades\nKH hälsade välkommen.\n"
    )
    assert _affiliations(doc, "Kim Holm", "Eva Lind-Ek", "Olle Ås", "Per Ek") == [
        "Norrlab",
        "Sörbygruppen",
        None,
        "NLL",
    ]


def test_a_head_whose_title_names_what_she_heads_works_for_the_organisation_named_so(annotate) -> None:
    doc = annotate(
        "Protokoll 2024-03-05\nDirektionen för Norrdals Räddningstjänstförbund\n\nNärvarande: Anna Berg (S)\n"
        "Per Ek, räddningschef\nEva Lind, ekonomichef\nKim Holm, miljöchef\n\n1. Budget\nBudgeten godkändes. "
        "Frågan går till miljöförvaltningen.\n"
    )
    assert _affiliations(doc, "Per Ek", "Eva Lind", "Kim Holm") == ["Norrdals Räddningstjänstförbund", None, None]


def test_members_listed_each_before_the_body_they_sit_for_represent_that_body(annotate) -> None:
    doc = annotate(
        "Protokoll Pensionärsrådet 2024-04-11\n\nBeslutande Anna Berg Socialnämnden Per Ek (S) Kommunstyrelsen "
        "Eva Lind Tekniska nämnden Kim Holm Pensionärsrådet\n\n1. Budget\nBudgeten godkändes.\n"
    )
    assert _affiliations(doc, "Anna Berg", "Per Ek", "Eva Lind", "Kim Holm") == [
        "Socialnämnden",
        "Kommunstyrelsen",
        "Tekniska nämnden",
        None,  # the meeting's own body is nobody's affiliation
    ]
    # two such entries make no list of that kind: a body after a name may be the next heading
    two = _people(annotate("Protokoll Pensionärsrådet\n\nBeslutande Anna Berg Socialnämnden Per Ek Kommunstyrelsen\n"))
    assert two["Anna Berg"][0] is None and two["Per Ek"][0] is None


def test_members_grouped_under_the_body_they_sit_for_represent_it(annotate) -> None:
    doc = annotate(
        "Protokoll 2024-04-11\n\nBeslutande För Kommunstyrelsen Anna Berg (S) Per Ek (M) För Socialnämnden "
        "Eva Lind (C) För vård och omsorgsnämnden Kim Holm (S) Övriga Olle Ås\n\n1. Budget\nBudgeten godkändes.\n"
    )
    assert _affiliations(doc, "Anna Berg", "Per Ek", "Eva Lind", "Kim Holm", "Olle Ås") == [
        "Kommunstyrelsen",
        "Kommunstyrelsen",
        "Socialnämnden",
        "vård och omsorgsnämnden",
        None,
    ]


def test_a_row_of_names_then_a_row_of_their_titles_gives_each_her_title_and_unit(annotate) -> None:
    doc = annotate(
        "Protokoll 2024-04-11\n\nTjänstemän Anna Berg Per Ek Eva Lind Kim Holm Olle Ås biträdande "
        "kommundirektör enhetschef, kulturenheten handläggare, Norrby gymnasium utredare sekreterare\n\n"
        "1. Budget\nBudgeten godkändes.\n"
    )
    people = doc._.people
    assert [
        (people[n].title, people[n].affiliation) for n in ("Anna Berg", "Per Ek", "Eva Lind", "Kim Holm", "Olle Ås")
    ] == [
        ("biträdande kommundirektör", None),
        ("enhetschef", "kulturenheten"),
        ("handläggare", "Norrby gymnasium"),
        ("utredare", None),
        ("sekreterare", None),  # the last name is not read on into the column
    ]
    # a word of the row that opens no title: the row is no column of titles
    other = annotate("Tjänstemän Anna Berg Per Ek Eva Lind enhetschef tackade handläggare utredare\n")
    assert other._.people["Anna Berg"].title is None


def test_an_organisation_named_with_where_it_is_keeps_its_place(annotate) -> None:
    doc = annotate(
        "Närvarande:\nAnna Berg, Länsmuseet i Dalarna\nPer Ek, Kvinnojouren Tryggheten i Mora\n"
        "Eva Lind, Region Dalarna\n\n1. Budget\nBudgeten godkändes.\n"
    )
    assert _affiliations(doc, "Anna Berg", "Per Ek", "Eva Lind") == [
        "Länsmuseet i Dalarna",
        "Kvinnojouren Tryggheten i Mora",
        "Region Dalarna",
    ]


def test_a_place_in_the_genitive_names_the_organisation_it_owns(annotate) -> None:
    doc = annotate(
        "Närvarande:\nAnna Berg, Dalarnas länsmuseum\nPer Ek, Moras Företagarförening\nEva Lind, Leksands kommun\n"
        "Kim Holm, Vännäs Ekström\n\n1. Budget\nBudgeten godkändes.\n"
    )
    people = _people(doc)
    assert _affiliations(doc, "Anna Berg", "Per Ek", "Eva Lind") == [
        "Dalarnas länsmuseum",
        "Moras Företagarförening",
        "Leksand",  # a town's own noun names the municipality
    ]
    assert people["Kim Holm"][0] != "Vännäs Ekström"  # a surname is no noun the place owns


def test_an_association_whose_name_ends_like_a_surname_is_still_an_affiliation(annotate) -> None:
    doc = annotate(
        "Deltagare:\nAnna Berg Norrviks Hamnförening, Per Ek Kvarnby Samhällsförening, Eva Lind Mora\n\n"
        "1. Budget\nBudgeten godkändes.\n"
    )
    people = _people(doc)
    assert people["Anna Berg"][0] == "Norrviks Hamnförening"
    assert people["Per Ek"][0] == "Kvarnby Samhällsförening"
    assert people["Eva Lind"][0] == "Mora"


def test_who_gives_or_holds_a_report_presents_it(annotate) -> None:
    doc = annotate(
        "Protokoll 2024-04-11\n\n1. Läget\nAnna Berg ger en lägesrapport om arbetet. Per Ek håller en genomgång "
        "av budgeten. Eva Lind ger ordet till Kim Holm.\n"
    )
    people = _people(doc)
    assert "presenter" in people["Anna Berg"][1] and "presenter" in people["Per Ek"][1]
    assert "presenter" not in people["Eva Lind"][1]  # giving the floor presents nothing


def test_a_chancellery_head_works_for_no_employer_the_title_names(annotate) -> None:
    doc = annotate(
        "Protokoll 2024-04-11\nRegionstyrelsen\n\nNärvarande:\nPer Ek, Falu kommun\nEva Lind, Falu kommun\n"
        "Anna Berg, kanslichef\nKim Holm, kommundirektör\n\n1. Budget\nBudgeten godkändes.\n"
    )
    people = _people(doc)
    assert people["Anna Berg"][0] is None  # regions, federations and municipalities all have one
    assert people["Kim Holm"][0] == "Falun"


def test_occupations_are_titles_not_organisations(annotate) -> None:
    doc = annotate("Närvarande:\nAnna Berg, Planarkitekt\nPer Ek, Personalföreträdare\nEva Lind, Mora\n")
    assert _affiliations(doc, "Anna Berg", "Per Ek", "Eva Lind") == [None, None, "Mora"]
    assert doc._.people["Anna Berg"].title == "Planarkitekt"


def test_people_after_from_an_organisation_attended_came_from_it(annotate) -> None:
    doc = annotate(
        "1. Samverkan\nFrån Försäkringskassan (FK) deltog Anna Berg, Per Ek och Eva Lind. Kim Holm informerade.\n"
    )
    people = _people(doc)
    assert _affiliations(doc, "Anna Berg", "Per Ek", "Eva Lind", "Kim Holm") == [
        "Försäkringskassan",
        "Försäkringskassan",
        "Försäkringskassan",
        None,
    ]
    assert "present" in people["Eva Lind"][1]


def test_officials_listed_as_in_service_attend_and_the_label_is_no_unit(annotate) -> None:
    doc = annotate("Beslutande\nPer Ek (C), ledamot I tjänsten Anna Berg, regiondirektör\n")  # flattened
    assert _people(doc) == {"Per Ek": (None, ["present"]), "Anna Berg": (None, ["present"])}


def test_in_flattened_replacement_columns_for_names_the_absent_member(annotate) -> None:
    doc = annotate(
        "Tjänstgörande ersättare Anna Berg (S) Per Ek (M) för Eva Lind (S) för Kim Holm (M)\n"
        "Övriga Olle Ås (Norrby kommun) ej närvaro\n"
    )
    people = _people(doc)
    assert [people[n][1] for n in ("Anna Berg", "Per Ek", "Eva Lind", "Kim Holm", "Olle Ås")] == [
        ["present"],
        ["present"],
        ["absent"],
        ["absent"],
        ["absent"],
    ]


def test_a_replaced_member_did_not_attend(annotate) -> None:
    doc = annotate("Beslutande\nAnna Berg (S) ersättare för Per Ek (S)\nEva Lind (M)\n")
    assert _people(doc)["Per Ek"][1] == ["absent"] and _people(doc)["Anna Berg"][1] == ["present"]


def test_a_member_someone_replaces_did_not_attend(annotate) -> None:
    doc = annotate("Beslutande\nAnna Berg (S) ersätter Per Ek (S)\nEva Lind (M)\n")
    assert _people(doc)["Per Ek"][1] == ["absent"] and _people(doc)["Anna Berg"][1] == ["present"]


def test_organisations_set_off_by_a_comma_or_in_parentheses(annotate) -> None:
    doc = annotate("Deltagare\nAnna Berg, Svenskt Friluftsliv\nPer Ek ( Landstinget )\nEva Lind (KD)\n")
    people = _people(doc)
    assert people["Anna Berg"][0] == "Svenskt Friluftsliv"
    assert people["Per Ek"][0] == "Landstinget"
    assert people["Eva Lind"][0] is None and doc._.people["Eva Lind"].party == "KD"


def test_a_unit_between_title_and_organisation(annotate) -> None:
    doc = annotate("Närvarande: Maja Ek, Utvecklingsledare Hälsa och välfärd, Region Dalarna\n")
    rec = doc._.people["Maja Ek"]
    assert (rec.affiliation, rec.unit, rec.title) == ("Region Dalarna", "Hälsa och välfärd", "Utvecklingsledare")


def test_presenters_chairs_and_the_merely_mentioned_from_running_text(annotate) -> None:
    doc = annotate(
        "Närvarande: Anna Berg, Per Ek\n\n1. Information\nMötet öppnades av Anna Berg. Per informerar om läget. "
        "Karin Holm från Länsstyrelsen har skickat en rapport.\n"
    )
    people = _people(doc)
    assert people["Anna Berg"][1] == ["chair", "present"]
    assert people["Per Ek"][1] == ["present", "presenter"]
    assert people["Karin Holm"] == ("Länsstyrelsen", ["mentioned"])


def test_a_list_at_the_top_without_its_label_is_the_attendance(annotate) -> None:
    doc = annotate("Protokoll\nAnna Berg (S), Falun Per Ek (M), Mora Eva Lind (C), Leksand\n\n1. Ärenden\nInga.\n")
    assert all(roles == ["present"] for _, roles in _people(doc).values())
    assert _people(doc)["Per Ek"][0] == "Mora"


def test_an_unknown_code_in_parentheses_is_a_local_party_only_among_party_codes(annotate) -> None:
    parties = annotate("Närvarande:\nAnna Berg (S)\nPer Ek (M)\nEva Lind (NBP)\nKim Holm (C)\n")
    assert _people(parties)["Eva Lind"][0] is None and parties._.people["Eva Lind"].party == "NBP"
    groups = annotate("Närvarande:\nAnna Berg (S)\nPer Ek (ABC)\nEva Lind (ABC)\nKim Holm (DEF)\n")
    assert [_people(groups)[n][0] for n in ("Per Ek", "Eva Lind", "Kim Holm")] == ["ABC", "ABC", "DEF"]


def test_a_unit_or_group_in_lower_case_after_the_name_with_its_owner(annotate) -> None:
    doc = annotate(
        "Närvarande:\nAnna Berg, kommunstyrelsens kansli\nPer Ek, visionspanelen, p6\nEva Lind, arbetsgruppen\n"
    )
    assert _affiliations(doc, "Anna Berg", "Per Ek", "Eva Lind") == [
        "kommunstyrelsens kansli",
        "visionspanelen",
        "arbetsgruppen",
    ]
    assert [" ".join(s.text.split()) for s in doc.spans["org"]] == [
        "kommunstyrelsens kansli"
    ]  # groups are no organisations


def test_a_single_letter_after_an_affiliation_is_a_mark_in_a_column(annotate) -> None:
    doc = annotate("Närvarande:\nAnna Berg ABC N\nPer Ek GHI N\nEva Lind DEF\n")
    assert [_people(doc)[n][0] for n in ("Anna Berg", "Per Ek", "Eva Lind")] == ["ABC", "GHI", "DEF"]


def test_an_entry_at_the_top_ends_at_the_next_name_also_one_listed_elsewhere(annotate) -> None:
    doc = annotate(
        "Protokoll\nAnna Berg (S), ABC Per Ek (M), ABC Eva Lind (C), DEF Kim Holm (L), DEF\n\n"
        "1. Ärenden\nInga.\nSekreterare: Per Ek\n"
    )
    assert _people(doc)["Anna Berg"][0] == "ABC"


def test_staff_titled_by_their_employer_work_for_it(annotate) -> None:
    doc = annotate(
        "Protokoll Samordningsförbundet Norrå 2022-03-04\nÖvriga: Lars Berg, förbundschef\n"
        "Samordningsförbundet Norrå beslutar att godkänna budgeten.\n"
    )
    assert doc._.people["Lars Berg"].affiliation == "Samordningsförbundet Norrå"


def test_a_region_employs_its_staff_under_the_name_the_minutes_give_it(annotate) -> None:
    doc = annotate(
        "Protokoll landstingsstyrelsen 2009-03-04\nÖvriga: Lars Berg, landstingsdirektör\n"
        "Landstinget i Värmlands budget godkändes. Landstinget i Värmland ska yttra sig.\n"
    )
    assert doc._.people["Lars Berg"].affiliation == "Landstinget i Värmland"  # not today's "Region Värmland"


def test_names_under_a_programme_heading_present_the_item(annotate) -> None:
    doc = annotate(
        "Program\n\nVälkomna\nAnna Berg, Region Dalarna\n\nAktuellt om vaccinationer\n"
        "Per Ek och Eva Lind, Länsstyrelsen Dalarna\n"
    )
    people = _people(doc)
    assert people["Anna Berg"] == ("Region Dalarna", ["chair", "present"])
    assert people["Per Ek"][1] == ["present", "presenter"] and people["Eva Lind"][1] == ["present", "presenter"]


def test_a_flattened_table_with_a_place_heading_each_group(annotate) -> None:
    doc = annotate(
        "Närvarande: Kommun Ledamot Ersättare Falun Anna Berg (S) Per Ek (M) Eva Lind (C) "
        "Mora Kim Holm (S) Olle Ås (V) Borlänge Lisa Sund (M)\n\n1. Mötet öppnas\n"
    )
    affiliations = {name: aff for name, (aff, _) in _people(doc).items()}
    assert affiliations == {
        "Anna Berg": "Falun",
        "Per Ek": "Falun",
        "Eva Lind": "Falun",
        "Kim Holm": "Mora",
        "Olle Ås": "Mora",
        "Lisa Sund": "Borlänge",
    }


def test_a_flattened_table_with_the_places_in_a_column_after_the_names(annotate) -> None:
    doc = annotate(
        "Närvarande ledamöter Anna Berg, ordförande Per Ek Eva Lind Frånvarande ledamöter Kim Holm "
        "Kommun Falun Leksand Borlänge Gagnef\n\n1. Mötet öppnas\n"
    )
    affiliations = {name: aff for name, (aff, _) in _people(doc).items()}
    assert affiliations == {"Anna Berg": "Falun", "Per Ek": "Leksand", "Eva Lind": "Borlänge", "Kim Holm": "Gagnef"}


def test_a_list_of_name_then_place_is_not_read_as_a_table(annotate) -> None:
    doc = annotate("Närvarande: Anna Berg, Falun Per Ek, Mora Eva Lind, Leksand\n\n1. Mötet öppnas\n")
    affiliations = {name: aff for name, (aff, _) in _people(doc).items()}
    assert affiliations == {"Anna Berg": "Falun", "Per Ek": "Mora", "Eva Lind": "Leksand"}


def test_a_replaced_member_in_a_run_of_names_without_a_label(annotate) -> None:
    doc = annotate(
        "Protokoll 2020-02-03\nAnna Berg (S), Per Ek (M), Olle Ås (S), ersättare för Eva Lind (S), Kim Holm (C)\n\n"
        "1. Mötet öppnas\n"
    )
    roles = {name: r for name, (_, r) in _people(doc).items()}
    assert roles["Eva Lind"] == ["absent"] and roles["Olle Ås"] == ["present"]


def test_signature_fields_in_the_definite_form(annotate) -> None:
    doc = annotate("Protokoll\nUnderskrifter Sekreterare Mona Berg Ordföranden Per Ek\n")
    roles = {name: r for name, (_, r) in _people(doc).items()}
    assert roles == {"Mona Berg": ["present", "secretary"], "Per Ek": ["chair", "present"]}


def test_presenters_joined_to_the_subject_or_named_as_the_agent(annotate) -> None:
    doc = annotate(
        "Närvarande: Anna Berg, Per Ek, Eva Lind, Kim Holm, Olle Ås, Lisa Sund\n\n"
        "1. Budget\nAnna Berg och ekonom Per Ek föredrar ärendet.\n\n"
        "2. Lokaler\nEva Lind informerar tillsammans med Kim Holm och Olle Ås om lokalerna.\n\n"
        "3. Övrigt\nFöredras av Lisa Sund.\n"
    )
    presenters = {name for name, (_, roles) in _people(doc).items() if "presenter" in roles}
    assert presenters == {"Anna Berg", "Per Ek", "Eva Lind", "Kim Holm", "Olle Ås", "Lisa Sund"}


def test_a_participle_after_a_list_of_names_joins_no_one_to_it(annotate) -> None:
    doc = annotate("Närvarande: Anna Berg, Per Ek, Eva Lind samt föredragande\n\n1. Budget\nBudgeten godkändes.\n")
    assert "presenter" not in _people(doc)["Anna Berg"][1] and "presenter" not in _people(doc)["Per Ek"][1]


def test_a_row_of_signature_labels_pairs_with_the_names_after_it(annotate) -> None:
    doc = annotate(
        "Protokoll\nNärvarande: Anna Berg (S), Per Ek (M), Eva Lind (C)\n\n"
        "Justeringens plats och tid Stadshuset 2020-02-10 Underskrifter Sekreterare..... Paragrafer "
        "Ordförande Justerande Eva Lind..... Anna Berg..... Per Ek\n"
        "ANSLAG/BEVIS Protokollet är justerat.\n"
    )
    roles = {name: r for name, (_, r) in _people(doc).items()}
    assert roles == {"Eva Lind": ["present", "secretary"], "Anna Berg": ["chair", "present"], "Per Ek": ["present"]}


def test_signature_labels_with_more_names_than_labels_pair_nothing(annotate) -> None:
    doc = annotate(
        "Protokoll\nNärvarande: Anna Berg (S), Per Ek (M), Eva Lind (C), Kim Holm (V)\n\n"
        "Underskrifter Sekreterare Ordförande Eva Lind Anna Berg Per Ek Kim Holm\n"
    )
    roles = {name: r for name, (_, r) in _people(doc).items()}
    assert "chair" not in roles["Anna Berg"]


def test_a_table_flattened_into_one_line_per_cell_with_ditto_marks(annotate) -> None:
    doc = annotate(
        "Protokoll\n\nNärvarande\nLedamöter\nAnna Berg\nPer Ek (M)\nEva Lind (S)\nKim Holm\n"
        "Vice ordförande, sekreterare\nNorrlab\nRegion Dalarna\n”\nHela Sverige ska leva\n"
        "Frånvarande\nOlle Ås\nIda Wik\nLisa Sand\nNorrlab\nRegion Dalarna\n"
    )
    people = _people(doc)
    assert _affiliations(doc, "Anna Berg", "Per Ek", "Eva Lind", "Kim Holm") == [
        "Norrlab",
        "Region Dalarna",
        "Region Dalarna",  # the ditto mark repeats the line above
        "Hela Sverige ska leva",
    ]
    # three names and two cells: no column to align name by name
    assert people["Ida Wik"][0] != "Region Dalarna"


def test_a_dash_in_a_presence_column_marks_the_member_away(annotate) -> None:
    doc = annotate(
        "Närvarolista Namn Parti Närvaro Ledamöter Anna Berg S 1 Per Ek M 1 Eva Lind C - Kim Holm S 1 "
        "Olle Ås KD -\n\n1. Mötet öppnas\n"
    )
    roles = {name: r for name, (_, r) in _people(doc).items()}
    assert roles["Eva Lind"] == ["absent"] and roles["Olle Ås"] == ["absent"]
    assert roles["Anna Berg"] == ["present"] and roles["Kim Holm"] == ["present"]


def test_a_signature_label_then_the_paragraphs_field_then_its_name(annotate) -> None:
    doc = annotate(
        "Protokoll\nBeslutande: Anna Berg (S), Per Ek (M)\nÖvriga närvarande Tjänsteman Olle Ås, kommunsekreterare\n\n"
        "1. Mötet öppnas\nText.\nUnderskrifter Sekreterare Paragrafer 26 -- 38 Olle Ås Ordförande Anna Berg (S) "
        "Justerare Per Ek (M) ANSLAG/BEVIS Protokollet är justerat.\n"
    )
    roles = {name: r for name, (_, r) in _people(doc).items()}
    assert roles["Olle Ås"] == ["present", "secretary"] and roles["Anna Berg"] == ["chair", "present"]


def test_signature_labels_with_a_full_stop_and_one_name_each(annotate) -> None:
    doc = annotate(
        "Protokoll\nBeslutande: Anna Berg (S), Per Ek (M), Eva Lind (C)\n\n"
        "Sekreterare Olle Ås Ordförande. Anna Berg Justerare Eva Lind\n\n1. Mötet öppnas\n"
    )
    roles = {name: r for name, (_, r) in _people(doc).items()}
    assert roles["Anna Berg"] == ["chair", "present"] and roles["Eva Lind"] == ["present"]
    assert roles["Olle Ås"] == ["present", "secretary"]


def test_the_members_chosen_to_check_the_minutes_attended(annotate) -> None:
    doc = annotate(
        "Protokoll 2020-02-03\nPlats och tid: Stadshuset\nUtses att justera Anna Berg och Per Ek "
        "Justeringens plats och tid Stadshuset\n\n1. Budget\n"
        "Budgeten för nästa år diskuterades länge och ingående av hela gruppen. Eva Lind nämnde den.\n"
    )
    roles = {name: r for name, (_, r) in _people(doc).items()}
    assert roles["Anna Berg"] == ["present"] and roles["Per Ek"] == ["present"]


def test_a_member_who_speaks_attended_and_one_who_completes_presents(annotate) -> None:
    doc = annotate(
        "Protokoll 2020-02-03\n\n1. Budget\nBudgeten för nästa år diskuterades länge av hela gruppen.\n"
        "Anna Berg frågar om tidplanen. Gruppen diskuterar hur tidplanen kan hållas under hela året.\n"
        "Per Ek kompletterar informationen. Gruppen diskuterar därefter hur arbetet ska fördelas.\n"
        "Eva Lind har tidigare uttalat sig i frågan.\n"
    )
    roles = {name: r for name, (_, r) in _people(doc).items()}
    assert roles["Anna Berg"] == ["present"] and roles["Per Ek"] == ["present", "presenter"]
    assert roles["Eva Lind"] == ["mentioned"]


def test_an_address_or_a_broken_word_is_no_affiliation(annotate) -> None:
    doc = annotate("Närvarande:\nAnna Berg, Storgatan\nPer Ek, Individ-\nEva Lind, Vision\n")
    affiliations = {name: aff for name, (aff, _) in _people(doc).items()}
    assert affiliations == {"Anna Berg": None, "Per Ek": None, "Eva Lind": "Vision"}


def test_a_substitute_keeps_her_place_and_a_replaced_member_is_not_read(annotate) -> None:
    doc = annotate("Närvarande:\nAnna Berg, ersättare, Falu kommun\nPer Ek, ersättare för Eva Lind, Mora\n")
    affiliations = {name: aff for name, (aff, _) in _people(doc).items()}
    assert affiliations["Anna Berg"] == "Falun" and affiliations["Per Ek"] is None


def test_an_organisation_a_slash_then_the_name(annotate) -> None:
    doc = annotate("Deltagare:\nFalu kommun/Anna Berg/Utvecklingsledare\nMora kommun/Per Ek, Hemtjänst Norr\n")
    affiliations = {name: aff for name, (aff, _) in _people(doc).items()}
    assert affiliations == {"Anna Berg": "Falun", "Per Ek": "Mora"}


def test_names_joined_by_och_share_the_affiliation_after_the_last(annotate) -> None:
    doc = annotate(
        "1. Information\nAnna Berg, Per Ek och Eva Lind, Region Dalarna, informerar om planen.\n"
        "Kim Holm, Mora, och Olle Ås svarar på frågor.\n"
    )
    affiliations = {name: aff for name, (aff, _) in _people(doc).items()}
    assert affiliations["Anna Berg"] == affiliations["Per Ek"] == affiliations["Eva Lind"] == "Region Dalarna"
    assert affiliations["Kim Holm"] == "Mora" and affiliations["Olle Ås"] is None


def test_an_organisation_named_with_its_town(annotate) -> None:
    doc = annotate("Närvarande:\nAnna Berg, Vägvisarna Falun\nPer Ek, Mora\nEva Lind, samordnare Leksand\n")
    affiliations = {name: aff for name, (aff, _) in _people(doc).items()}
    assert affiliations == {"Anna Berg": "Vägvisarna Falun", "Per Ek": "Mora", "Eva Lind": "Leksand"}


def test_a_county_after_the_name_is_the_region_she_represents_not_an_organisation(annotate) -> None:
    doc = annotate(
        "Närvarande: Anna Berg, Dalarna, ordf Per Ek, Västra Götaland Eva Lind, Länsbibliotek Jämtland "
        "Kim Holm, hemtjänsten Gävleborg Olle Ås, sekreterare\n\n1. Mötet öppnas\n"
    )
    people = _people(doc)
    assert people["Anna Berg"] == ("Dalarna", ["chair", "present"])
    assert people["Per Ek"][0] == "Västra Götaland"
    assert people["Eva Lind"][0] == "Länsbibliotek Jämtland"  # an organisation named with its county
    assert people["Kim Holm"][0] == "hemtjänsten"  # a county after a department opens the next group
    assert doc._.people["Anna Berg"].affiliation_ref == "Region Dalarna"
    assert "Dalarna" not in {s.text for s in doc.spans["org"]}


def test_a_role_after_the_organisation_on_its_line_is_no_part_of_its_name(annotate) -> None:
    doc = annotate(
        "Närvarande:\nAnna Berg, Norrlab, ordf\nPer Ek, Hela Sverige ska leva, sekreterare\n"
        "Eva Lind, Vägvisarna, vice ordförande\nKim Holm, Hem och skola, barn och unga\n"
    )
    people = _people(doc)
    assert people["Anna Berg"] == ("Norrlab", ["chair", "present"])
    assert people["Per Ek"] == ("Hela Sverige ska leva", ["present", "secretary"])
    assert people["Eva Lind"][0] == "Vägvisarna"
    assert people["Kim Holm"][0] == "Hem och skola, barn och unga"  # lower-case words that are no role


def test_a_common_word_inside_an_organisations_name_before_its_place_keeps_the_name(annotate) -> None:
    doc = annotate("Övriga närvarande Anna Berg, Näringsliv Region Mora, Per Ek, Norrlab Information\n")
    people = _people(doc)
    assert people["Anna Berg"][0] == "Näringsliv Region Mora"
    assert people["Per Ek"][0] == "Norrlab"  # no place after the common word: it ends the name


def test_a_title_ending_in_konsulent_is_a_title_not_an_organisation(annotate) -> None:
    doc = annotate("Närvarande:\nAnna Berg, Hälsokonsulent\nPer Ek, Norrlab\n")
    assert _people(doc)["Anna Berg"][0] is None
    assert doc._.people["Anna Berg"].title == "Hälsokonsulent"


def test_an_adjective_and_a_title_are_a_title_not_an_organisation_nor_a_role(annotate) -> None:
    doc = annotate(
        "Närvarande: Eva Lind, Politisk sekreterare 12-14 Per Ek, Administrativ chef Kim Holm, sekreterare\n\n"
        "1. Mötet öppnas\n"
    )
    people = _people(doc)
    assert people["Eva Lind"] == (None, ["present"])
    assert people["Per Ek"] == (None, ["present"])
    assert people["Kim Holm"] == (None, ["present", "secretary"])


def test_a_name_in_the_genitive_keeps_the_lower_case_noun_it_owns(annotate) -> None:
    doc = annotate(
        "Närvarande: Anna Berg, Norrbos byalag Per Ek, Norrdals folkhälsoteam Eva Lind, Norrbys tekniska "
        "gymnasium\n\n1. Mötet öppnas\n"
    )
    people = _people(doc)
    assert people["Anna Berg"][0] == "Norrbos byalag" and people["Per Ek"][0] == "Norrdals folkhälsoteam"
    assert people["Eva Lind"][0] != "Norrbys tekniska"  # an adjective is not yet the noun owned


def test_a_unit_coordinated_with_a_first_part(annotate) -> None:
    doc = annotate("Närvarande:\nAnna Berg, barn- och ungdomsenheten\nPer Ek, chef, Stöd - och serviceavdelningen\n")
    affiliations = {name: aff for name, (aff, _) in _people(doc).items()}
    assert affiliations == {"Anna Berg": "barn- och ungdomsenheten", "Per Ek": "Stöd - och serviceavdelningen"}


def test_a_compass_point_after_a_unit_ends_its_name(annotate) -> None:
    doc = annotate("Närvarande:\nAnna Berg, ekonomienheten Väst Per Ek, kansliet\nEva Lind, regionkansliet Norrby\n")
    affiliations = {name: aff for name, (aff, _) in _people(doc).items()}
    assert affiliations["Anna Berg"] == "ekonomienheten Väst"
    assert affiliations["Per Ek"] == "kansliet"


def test_a_secretary_entry_goes_on_to_her_organisation_but_stops_at_the_next_label(annotate) -> None:
    doc = annotate(
        "Protokoll\nBeslutande Anna Berg (S), Falun Kim Holm (M), Mora Sekreterare Per Ek, Norrlab "
        "Ordförande Anna Berg Justerare Kim Holm X\n\n1. Mötet öppnas\n"
    )
    people = _people(doc)
    assert people["Per Ek"] == ("Norrlab", ["present", "secretary"])
    assert "chair" in people["Anna Berg"][1] and people["Kim Holm"][0] == "Mora"


def test_presenting_verbs_with_their_particle(annotate) -> None:
    doc = annotate(
        "Protokoll 2020-02-03\n\n1. Budget\nAnna Berg går igenom budgeten för nästa år och svarar på frågor.\n"
        "Gruppen diskuterar hur arbetet ska fördelas under hela året och vem som ansvarar.\n"
        "Per Ek går till nästa möte med frågan.\n"
    )
    roles = {name: r for name, (_, r) in _people(doc).items()}
    assert roles["Anna Berg"] == ["present", "presenter"] and "presenter" not in roles["Per Ek"]


def test_a_word_that_ends_an_entry_after_a_title_is_the_workplace(annotate) -> None:
    doc = annotate(
        "Närvarande:\nAnna Berg, projektledare Norrbyco\nPer Ek, enhetschef Tidiga insatser\n"
        "Eva Lind, utvecklare Stöd\n\nDet behövs stöd till fler.\n"
    )
    affiliations = {name: aff for name, (aff, _) in _people(doc).items()}
    assert affiliations == {"Anna Berg": "Norrbyco", "Per Ek": None, "Eva Lind": None}


def test_names_ending_in_med_flera_share_the_affiliation_after_it(annotate) -> None:
    doc = annotate(
        "1. Information\nAnna Berg, Per Ek mfl, Region Dalarna, informerar om planen.\n"
        "2. Budget\nEva Lind m.fl., Mora kommun, går igenom budgeten.\n"
    )
    affiliations = {name: aff for name, (aff, _) in _people(doc).items()}
    assert affiliations == {"Anna Berg": "Region Dalarna", "Per Ek": "Region Dalarna", "Eva Lind": "Mora"}


def test_an_affiliation_goes_on_over_its_lower_case_head_noun(annotate) -> None:
    doc = annotate(
        "Minnesanteckningar 2004-05-12 Närvarande Eva Lind, Falun Anna Berg, Folkhälsovetenskapligt centrum "
        "Per Ek, Sydnorrska gymnasieförbundet Bo Ek, Mora 1. Information Inget nytt.\n"
    )
    people = _people(doc)
    assert people["Anna Berg"][0] == "Folkhälsovetenskapligt centrum"
    assert people["Per Ek"][0] == "Sydnorrska gymnasieförbundet"


def test_a_replacement_aside_in_parentheses_does_not_end_the_entry(annotate) -> None:
    doc = annotate(
        "Minnesanteckningar 2011-05-19 Närvarande Eva Lind, Falun Bo Ek (ers. Karin Berg), Mora "
        "Per Holm (S), Borlänge 1. Info Inget.\n"
    )
    people = _people(doc)
    assert people["Bo Ek"][0] == "Mora" and people["Eva Lind"][0] == "Falun" and people["Per Holm"][0] == "Borlänge"


def test_words_in_parentheses_ending_in_a_title_are_the_post_not_an_organisation(annotate) -> None:
    doc = annotate(
        "Protokoll 2019-03-04 Övriga Lena Ek (Ekonomichef) Anna Berg (Regional utvecklingsdirektör) "
        "Per Holm (Norrby kommun)\n"
    )
    people = doc._.people
    assert (people["Anna Berg"].affiliation, people["Anna Berg"].title) == (None, "Regional utvecklingsdirektör")
    assert people["Per Holm"].affiliation == "Norrby kommun"


def test_a_past_tense_after_an_affiliation_opens_the_next_sentence(annotate) -> None:
    doc = annotate(
        "Protokoll 2015-02-04\nNärvarande: Per Ek, Svenska Fiskeförbundet Informerade Anna Berg om läget.\n"
        "\n1. Inledning\nMötet öppnades.\n"
    )
    assert _people(doc)["Per Ek"][0] == "Svenska Fiskeförbundet"


def test_a_member_in_parentheses_after_ers_was_stood_in_for_and_keeps_the_entrys_place(annotate) -> None:
    doc = annotate(
        "Protokoll 2017-03-02\nBeslutande: Per Ek (S) ordförande, Falun Anna Berg (ers. Eva Lind), Borlänge "
        "Lars Holm (M) (ers Karin Ström (M))\n\n§ 1 Mötets öppnande\n"
    )
    people = _people(doc)
    assert people["Eva Lind"] == ("Borlänge", ["absent"]) and people["Karin Ström"][1] == ["absent"]
    assert "present" in people["Anna Berg"][1] and "present" in people["Lars Holm"][1]


def test_members_listed_under_a_line_naming_their_municipality_belong_to_it(annotate) -> None:
    grouped = (
        "Protokoll 2023-01-18\n\nKallade\nFalu kommun\nOrdinarie\n\nAnna Berg (S)\n\nPer Ek (S)\n\nErsättare\n\n\n"
        "Mora kommun\n\nOrdinarie\n\nEva Lind (C)\n\nOlle Ås (M)\n\n1. Öppnande\nMötet öppnades.\n"
    )
    people = _people(annotate(grouped))
    assert {name: aff for name, (aff, _) in people.items()} == {
        "Anna Berg": "Falun",
        "Per Ek": "Falun",
        "Eva Lind": "Mora",
        "Olle Ås": "Mora",
    }
    # a letterhead naming one municipality groups nothing
    letterhead = (
        "Falu kommun\nProtokoll 2023-01-18\n\nKallade\nOrdinarie\n\nAnna Berg (S)\n\nPer Ek (S)\n\n1. Öppnande\n"
    )
    assert {aff for aff, _ in _people(annotate(letterhead)).values()} == {None}


def test_a_vice_chair_abbreviated_and_the_chair_of_another_body_do_not_chair_the_meeting(annotate) -> None:
    doc = annotate(
        "Protokoll 2017-03-02\nBeslutande\nPer Ek (S) ordförande\nAnna Berg (KD), v. ordförande\n"
        "Olle Ås (M) ordförande i miljönämnden\nEva Lind (C)\n\n1. Öppnande\nMötet öppnades.\n"
    )
    assert {name: roles for name, (_, roles) in _people(doc).items()} == {
        "Per Ek": ["chair", "present"],
        "Anna Berg": ["present"],
        "Olle Ås": ["present"],
        "Eva Lind": ["present"],
    }


def test_an_entry_ending_in_an_items_number_names_a_guest_but_not_a_late_member(annotate) -> None:
    doc = annotate(
        "Protokoll 2017-03-02\nNärvarande:\nPer Ek, Norrby\nAnna Berg, Norrby punkt 3\n"
        "Olle Ås, Norrby, fr.o.m. punkt 4\nKim Holm, Region Dalarna (punkt 6)\n"
        "Eva Lind (S), Norrby p 12\n\n1. Öppnande\nMötet öppnades.\n"
    )
    assert {name: roles for name, (_, roles) in _people(doc).items()} == {
        "Per Ek": ["present"],
        "Anna Berg": ["guest", "present"],
        "Olle Ås": ["present"],  # came at item 4: a member
        "Kim Holm": ["guest", "present"],
        "Eva Lind": ["present"],  # a member with a party
    }


def test_a_bodys_secretary_by_title_keeps_the_minutes_unless_someone_is_named_secretary(annotate) -> None:
    text = "Protokoll 2017-03-02\nNärvarande:\nJan Ask, ordförande\nÖvriga:\nPer Ek, nämndsekreterare\n\n1. Öppnande\n"
    assert _people(annotate(text))["Per Ek"][1] == ["present", "secretary"]
    named = text.replace("Övriga:\n", "Övriga:\nEva Lind, sekreterare\n")
    assert _people(annotate(named))["Per Ek"][1] == ["present"]


def test_absence_reported_and_serving_for_someone_make_the_member_absent(annotate) -> None:
    doc = annotate(
        "Protokoll 2017-03-02\nNärvarande:\nAnna Berg, PRO, tjänstgörande för Per Ek\nOlle Ås, PRO\n"
        "Frånvaro anmäld Kim Holm SPRF\n\n1. Öppnande\n"
    )
    assert {name: roles for name, (_, roles) in _people(doc).items()} == {
        "Anna Berg": ["present"],
        "Per Ek": ["absent"],
        "Olle Ås": ["present"],
        "Kim Holm": ["absent"],
    }


def test_a_party_code_in_title_case_after_a_comma_is_a_party(annotate) -> None:
    doc = annotate("Närvarande:\nOlle Strand, Kd, Maja Ek, Mp, Lars Holm, Norrby kommun\n")
    people = _people(doc)
    assert _affiliations(doc, "Olle Strand", "Maja Ek") == [None, None]
    assert (doc._.people["Olle Strand"].party, doc._.people["Maja Ek"].party) == ("Kd", "Mp")
    assert people["Lars Holm"][0] == "Norrby"


def test_a_title_in_the_definite_form_presents_as_the_one_person_listed_with_it(annotate) -> None:
    doc = annotate(
        "Protokoll Styrelsen 2022-10-11\n\nNärvarande: Anna Berg, ordförande\n"
        "Övriga: Per Ek, ekonomidirektör, Lena Holm, förbundschef, Kim Ström, utvecklare, Bo Lind, utvecklare\n\n"
        "§ 4 Ekonomi\nEkonomidirektören informerar om budgeten.\n\n"
        "§ 5 Lokaler\nDärefter redogör förbundschefen för lokalerna. Utvecklaren visar en film.\n\n"
        "§ 6 Övrigt\nOrdföranden informerar om en kurs.\n"
    )
    roles = {name: r for name, (_, r) in _people(doc).items()}
    assert roles["Per Ek"] == ["present", "presenter"] and roles["Lena Holm"] == ["present", "presenter"]
    assert roles["Kim Ström"] == ["present"] and roles["Bo Lind"] == ["present"]  # two of that title: which one?
    assert roles["Anna Berg"] == ["chair", "present"]


def test_the_one_before_a_passive_is_done_to_not_doing(annotate) -> None:
    doc = annotate(
        "Protokoll Rådet 2023-09-12\n\nNärvarande: Anna Berg (S), Per Ek (M)\n\n§ 1 Öppnande\n"
        "Anna Berg öppnar mötet. Rådets nya sekreterare Eva Lind hälsas särskilt välkommen.\n\n"
        "§ 2 Läget\nPer Ek informeras om läget. Mötet avslutades av ordförande Anna Berg.\n"
    )
    people = _people(doc)
    assert people["Eva Lind"][1] == ["present"]  # welcomed: there, but neither chair nor presenter
    assert people["Per Ek"][1] == ["present"]
    assert people["Anna Berg"][1] == ["chair", "present"]


def test_a_name_after_another_and_for_is_the_member_replaced(annotate) -> None:
    doc = annotate(
        "Beslutande Anna Berg (S), ordförande Per Ek (M) för Lena Holm (M) Region Dalarna "
        "Bo Dahl för Mia Sund Övriga deltagare Kim Al\n\n§ 1 Budget\nGodkändes.\n"
    )
    people = _people(doc)
    assert people["Lena Holm"] == ("Region Dalarna", ["absent"])
    assert people["Per Ek"] == ("Region Dalarna", ["present"])  # one place for the pair
    assert people["Mia Sund"][1] == ["absent"] and people["Bo Dahl"][1] == ["present"]
    assert people["Kim Al"][1] == ["present"]


def test_a_chair_or_secretary_elected_or_named_by_a_copula(annotate) -> None:
    doc = annotate(
        "Protokoll Föreningen 2024-04-17\n\nNärvarande: Anna Berg, Per Ek, Eva Lind, Bo Dahl, Kim Al\n\n"
        "§ 1 Öppnande\nTill ordförande för mötet valdes Anna Berg och till sekreterare valdes Per Ek. "
        "Kim Al valdes till ordförande i kulturnämnden.\n\n"
        "§ 2 Justering\nAtt justera protokollet valdes Eva Lind Sekreterare är Per Ek. Ny vice ordförande är Bo Dahl.\n"
    )
    roles = {name: r for name, (_, r) in _people(doc).items()}
    assert roles["Anna Berg"] == ["chair", "present"] and roles["Per Ek"] == ["present", "secretary"]
    assert roles["Kim Al"] == ["present"] and roles["Bo Dahl"] == ["present"] and roles["Eva Lind"] == ["present"]


def test_names_joined_by_och_share_a_place_after_from(annotate) -> None:
    doc = annotate("Protokoll\n\n§ 5 Trafik\nVid punkten deltog Lena Holm och Kim Al från Kungsbacka kommun.\n")
    people = _people(doc)
    assert people["Lena Holm"][0] == "Kungsbacka" and people["Kim Al"][0] == "Kungsbacka"


def test_a_municipality_with_a_legal_form_after_it_is_the_company(annotate) -> None:
    doc = annotate("Närvarande:\nAnna Berg, Tranås AB\nPer Ek, Mora\n\n1. Mötet öppnas\n")
    assert _people(doc)["Anna Berg"][0] == "Tranås AB"
    assert _people(doc)["Per Ek"][0] == "Mora"


def test_units_named_as_a_sector_an_agency_or_with_an_adjective(annotate) -> None:
    doc = annotate(
        "Närvarande:\nAnna Berg, ekonom omsorgssektorn\nPer Ek, enhetschef bokförmedlingen\n"
        "Eva Lind, kulturella förvaltningen\n\n1. Mötet öppnas\n"
    )
    assert _affiliations(doc, "Anna Berg", "Per Ek", "Eva Lind") == [
        "omsorgssektorn",
        "bokförmedlingen",
        "kulturella förvaltningen",
    ]


def test_a_remark_in_parentheses_ends_the_organisation_before_it(annotate) -> None:
    doc = annotate("Närvarande: Anna Berg, Sörby Vattenförening (kassör) Lillö Per Ek, Mora\n\n1. Mötet öppnas\n")
    assert _people(doc)["Anna Berg"][0] == "Sörby Vattenförening"


def test_a_party_code_set_off_by_commas_in_a_line_list_is_no_affiliation(annotate) -> None:
    doc = annotate(
        "PROTOKOLL\nNorrdals omsorgsnämnd\nBeslutande\nAnna Berg, S, ordförande\nPer Ek, M, vice ordförande\n"
        "Eva Lund, V\nÖvriga\nKarin Ström, Norrtrafik\n"
    )
    assert _affiliations(doc, "Anna Berg", "Per Ek", "Eva Lund", "Karin Ström") == [None, None, None, "Norrtrafik"]
    assert not {"S", "M", "V"} & {o.text for o in doc.spans["org"]}


def test_a_title_in_the_definite_form_opening_a_list_is_no_organisation(annotate) -> None:
    doc = annotate(
        "Protokoll 2017-06-19\nÖvriga deltagande Förbundschefen Anna Berg, ekonomichefen Per Ek och "
        "kanslichefen Eva Lund\nUtses att justera Karin Ström\n"
    )
    assert _affiliations(doc, "Per Ek", "Eva Lund") == [None, None]
    assert "Förbundschefen" not in {o.text for o in doc.spans["org"]}


def test_a_blank_line_ends_the_last_entry_before_the_next_paragraph(annotate) -> None:
    doc = annotate(
        "Rådet 24 februari 2023\n\n"
        "Undersökning om bilden av länet – föredragning samt gruppdialoger\n"
        "Erik Lund, Eva Strand, Region Norrdalen och Per Ek, Mätbyrån\n\n"
        "Region Norrdalen har ansvaret för varumärket och redovisar det i vår.\n\n"
        "Närvarande (rådet): Anna Berg (ordförande) och Karin Ström.\n\n"
        "Ej närvarande (rådet): Olle Holm, som anmält förhinder.\n"
    )
    assert _affiliations(doc, "Per Ek") == ["Mätbyrån"]
    assert _people(doc)["Karin Ström"][1] == ["present"]


def test_an_absent_list_on_a_flattened_page_ends_where_its_line_runs_on_into_prose(annotate) -> None:
    doc = annotate(
        "Transkript\n\n1 Minnesanteckningar från beredningens möte den 17 augusti 2005 Närvarande Anna Berg (mp) "
        "ordförande Per Ek (s) Eva Lund (m) Frånvarande Olle Holm (c) Karin Ström (s) 1. Inledning Anna Berg "
        "hälsade välkommen. Lars Nord hälsades välkommen som ny ledamot istället för Maja Strand.\n\n"
        "2 till dagens möte. Anna Berg berättade om arbetet.\n"
    )
    people = _people(doc)
    assert people["Olle Holm"][1] == ["absent"]
    assert "absent" not in people["Anna Berg"][1] and "absent" not in people["Lars Nord"][1]


def test_those_who_attended_part_of_the_meeting_are_present(annotate) -> None:
    doc = annotate(
        "Minnesanteckning 2015-10-01\nNärvarande:\nAnna Berg, ordförande\nFrånvarande\nPer Ek, sakkunnig\n"
        "Deltagande del av mötet\nEva Lund, hälsofrämjande strategier\nKarin Ström, Norrtrafik\n"
    )
    people = _people(doc)
    assert people["Per Ek"][1] == ["absent"]
    assert people["Eva Lund"][1] == ["present"] and people["Karin Ström"][1] == ["present"]


def test_a_role_word_before_a_group_named_by_its_acronym_is_a_title_there(annotate) -> None:
    doc = annotate(
        "Minnesanteckning 2015-10-01\nNärvarande:\nAnna Berg, ordförande\nPer Ek, ordförande NRPG Barnhälsa\n"
        "Eva Lund, sekreterare NRPG Psykiatri\nKarin Ström, sekreterare\n"
    )
    people = _people(doc)
    assert people["Anna Berg"][1] == ["chair", "present"] and people["Karin Ström"][1] == ["present", "secretary"]
    assert people["Per Ek"][1] == ["present"] and people["Eva Lund"][1] == ["present"]
