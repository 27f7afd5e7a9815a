"""samkarta_layout: labels, attendance blocks, fields, agenda items and sentences."""

from __future__ import annotations


def _labels(doc) -> list[tuple[str, tuple[str, ...]]]:
    return [(lab.text.rstrip(":"), lab._.roles) for lab in doc.spans["label"]]


def _sentences(doc) -> list[str]:
    """The text of each sentence samkarta_layout set, from its first token to its last."""
    return [doc.text[doc[s].idx : doc[e - 1].idx + len(doc[e - 1])].strip() for s, e in doc._.sentences]


def test_labels_with_a_colon_at_a_line_start_and_inside_a_flattened_line(annotate) -> None:
    doc = annotate(
        "Närvarande: Anna Berg, Falun\nFrånvarande\nPer Ek\n"
        "Plats och tid Kommunhuset kl 13 Beslutande Eva Lind (S) Ej tjänstgörande ersättare Olle Ås (M)"
    )
    labels = dict(_labels(doc))
    assert labels["Närvarande"] == ("present",) and labels["Frånvarande"] == ("absent",)
    assert labels["Beslutande"] == ("present",) and labels["Ej tjänstgörande ersättare"] == ("present",)


def test_a_role_after_a_name_is_no_label(annotate) -> None:
    doc = annotate("Närvarande:\nAnders Holm, Ordförande\nLena Ek\n")
    assert [t for t, _ in _labels(doc)] == ["Närvarande"]


def test_a_given_name_at_a_line_start_is_no_field(annotate) -> None:
    doc = annotate("Dag Larsson informerade om läget.\nDag: tisdag 3 maj 2022\n")
    assert [lab.start_char for lab in doc.spans["label"]] == [doc.text.index("Dag:")]


def test_attendance_blocks_end_at_the_next_label_and_a_chair_label_takes_one_entry(annotate) -> None:
    doc = annotate(
        "Närvarande:\nAnna Berg, Falun\nPer Ek, Mora\n\nOrdförande: Eva Lind Sekreterare Olle Ås\n"
        "Frånvarande: Kim Holm\n\n1. Ekonomi\nBudgeten följer plan."
    )
    blocks = {tuple(b._.roles): b.text.strip() for b in doc.spans["block"]}
    assert blocks[("present",)] == "Anna Berg, Falun\nPer Ek, Mora"
    assert blocks[("chair", "present")] == "Eva Lind"
    assert blocks[("absent",)] == "Kim Holm"


def test_labels_in_a_row_over_a_flattened_table_give_attendance_only(annotate) -> None:
    doc = annotate("Ledamöter: Ersättare: Sekreterare: Anna Berg (S) Per Ek (M)\n")
    assert [b._.roles for b in doc.spans["block"]] == [("present",)]


def test_field_values_on_the_same_or_the_next_line(annotate) -> None:
    doc = annotate("Datum\n\n2021-04-16\nOrgan och §§: Styrelsen\n")
    fields = {f.label_.rstrip(":"): (f._.field, f.text.strip()) for f in doc.spans["field"]}
    assert fields["Datum"] == ("date", "2021-04-16")
    assert fields["Organ och §§"] == ("body", "Styrelsen")


def test_agenda_items_with_numbers_paragraphs_and_titles(annotate) -> None:
    doc = annotate("1. Mötets öppnande\nText.\n§ 12 Budget 2023 Dnr 2022/45\nMer text.\n2.3 Rapport\n")
    items = [(i._.number, doc.text[i._.title[0] : i._.title[1]]) for i in doc.spans["item"]]
    assert items == [("1", "Mötets öppnande"), ("12", "Budget 2023"), ("2.3", "Rapport")]


def test_a_paragraph_sign_alone_on_its_line_takes_the_short_line_under_it_as_title(annotate) -> None:
    doc = annotate(
        "§ 7\nVerksamhetsplan 2026\nStyrelsen gick igenom planen.\n"
        "§ 8\nNärvarande:\nAnna Berg\n"
        "§ 9\nStyrelsen gick igenom hur uppföljningen ska göras.\n"
        "10.\nÖvrigt\n"
    )
    titles = {i._.number: i._.title and doc.text[i._.title[0] : i._.title[1]] for i in doc.spans["item"]}
    assert titles["7"] == "Verksamhetsplan 2026"
    assert titles["8"] is None  # a label under it is no title
    assert titles["9"] is None  # nor a sentence
    assert titles.get("10") is None  # a bare number may be a page number: only "§", "Punkt", "Ärende" lead


def test_headings_without_numbers_are_items_when_a_paragraph_or_a_list_follows(annotate) -> None:
    doc = annotate(
        "Anteckningar från styrgruppen den 3 maj\n\n"
        "Närvarande: Anna Berg, Per Ek\n\n"
        "Budget för nästa år\n"
        "Styrgruppen gick igenom förslaget till budget och godkände det efter en kort diskussion.\n\n"
        "Lägesrapport om utbildningen\n\n"
        "- Tre kurser är klara.\n- Två återstår.\n\n"
        "Per Ek (M)\n"
        "Kort rad utan rubrik som följs av en lång mening i samma stycke utan tom rad emellan.\n"
    )
    titles = [doc.text[i._.title[0] : i._.title[1]] for i in doc.spans["item"]]
    assert titles == ["Budget för nästa år", "Lägesrapport om utbildningen"]
    assert all(i._.number is None for i in doc.spans["item"])
    # the header still ends where numbered items (here none) say: attendance is read as before
    assert doc._.header_end > doc.text.index("Budget")


def test_one_short_line_is_no_heading_structure(annotate) -> None:
    doc = annotate("Protokoll\n\nBudget\nStyrgruppen gick igenom förslaget till budget och godkände det i dag.\n")
    assert list(doc.spans["item"]) == []


def test_bare_numbers_in_a_flattened_line_are_items_only_when_they_count_up(annotate) -> None:
    filler = "Anna Berg (S) ordförande Per Ek (M) Eva Lind (C) Kim Holm (S) Olle Ås (M) Lisa Berg (C). "
    doc = annotate(
        "Protokoll 2023-03-09\n"
        + filler
        + "44 Dagordning att fastställa dagordningen 45 Val av justerare Eva Lind utses att justera. "
        + "46 Information Rådet tackar.\n"
        + filler
        + "Kostnaden blev 12 Kronor per deltagare och 40 Personer kom till mötet.\n"
    )
    items = [(i._.number, doc.text[i._.title[0] : i._.title[1]]) for i in doc.spans["item"]]
    assert items == [
        ("44", "Dagordning att fastställa dagordningen"),
        ("45", "Val av justerare Eva"),
        ("46", "Information"),
    ]
    assert [d["text"] for d in doc._.outcomes["decisions"]][0] == "att fastställa dagordningen"


def test_numbers_with_a_stop_in_a_flattened_line_after_a_page_number_are_items(annotate) -> None:
    doc = annotate(
        "1 Minnesanteckningar från nätverket den 3 maj Närvarande: Anna Berg, Per Ek, Eva Lind och Kim Holm. "
        "1. Mötets öppnande. Anna öppnade mötet. 2. Föregående anteckningar Godkändes och lades till "
        "handlingarna. 3. Nätverkets uppdrag Per berättade om uppdraget och frågan diskuterades länge.\n"
    )
    items = [(i._.number, doc.text[i._.title[0] : i._.title[1]]) for i in doc.spans["item"]]
    assert items == [("1", "Mötets öppnande"), ("2", "Föregående anteckningar"), ("3", "Nätverkets uppdrag")]


def test_sentences_break_at_headings_and_full_stops_but_not_inside_wrapped_lines(annotate) -> None:
    doc = annotate(
        "Ekonomi\nBudgeten för året följer planen och förvaltningen redovisar ett överskott som\n"
        "ska användas till nya satsningar. Nästa steg tas i maj.\n"
    )
    sents = _sentences(doc)
    assert sents[0] == "Ekonomi"
    assert sents[1].startswith("Budgeten") and sents[1].endswith("nya satsningar.")
    assert sents[2] == "Nästa steg tas i maj."
    assert [s.start for s in doc.sents] == [s for s, _ in doc._.sentences]  # spaCy sees the same sentences


def test_a_numbered_entry_right_after_a_colon_ends_no_sentence(annotate) -> None:
    doc = annotate("Listan godkänns med detta tillägg: 14. Lokalfrågan. Mötet avslutas. Sedan 3. Övrigt.\n")
    sents = _sentences(doc)
    assert sents == [
        "Listan godkänns med detta tillägg: 14. Lokalfrågan.",
        "Mötet avslutas.",
        "Sedan 3.",
        "Övrigt.",
    ]


def test_a_sentence_cut_by_a_blank_line_after_att_runs_on_but_a_heading_does_not(annotate) -> None:
    doc = annotate(
        "Lokaler\n\nEva Lind får i uppdrag att\n\nboka en större sal till mötet.\n\nBeslut\n\natt godkänna listan.\n"
    )
    sents = _sentences(doc)
    assert sents == [
        "Lokaler",
        "Eva Lind får i uppdrag att\n\nboka en större sal till mötet.",
        "Beslut",
        "att godkänna listan.",
    ]


def test_a_list_letter_after_a_full_stop_starts_a_sentence_a_letter_in_a_word_does_not(annotate) -> None:
    doc = annotate("Årsmöte. Till ordförande valdes Eva Lind. b) Val av kassör Per Ek valdes. Se punkt 4 c.\n")
    sents = _sentences(doc)
    assert sents == ["Årsmöte.", "Till ordförande valdes Eva Lind.", "b) Val av kassör Per Ek valdes.", "Se punkt 4 c."]


def test_a_bullet_after_a_full_stop_on_the_same_line_starts_a_sentence_a_hyphen_in_a_word_does_not(annotate) -> None:
    doc = annotate("Besluten: - Anna kontaktar kommunerna. - Per bokar lokal för Norrby-mötet. – Eva skriver.\n")
    sents = _sentences(doc)
    assert sents[1:] == ["- Per bokar lokal för Norrby-mötet.", "– Eva skriver."]


def test_a_short_line_that_leads_on_into_the_next_paragraph_heads_no_item(annotate) -> None:
    doc = annotate(
        "Beslut i korthet\n\n"
        "Budget för nästa år\n"
        "Styrelsen gick igenom förslaget till budget och de förändringar som gjorts sedan förra mötet.\n\n"
        "Styrelsen beslutar att\n\n"
        "Godkänna förslaget till budget för nästa år med de ändringar som redovisades på mötet.\n\n"
        "Nya lokaler\n"
        "Förvaltningen redovisade läget för de nya lokalerna och vad som återstår innan flytten.\n"
    )
    titles = [doc.text[i._.title[0] : i._.title[1]] for i in doc.spans["item"]]
    assert "Styrelsen beslutar att" not in titles
    assert titles == ["Budget för nästa år", "Nya lokaler"]
