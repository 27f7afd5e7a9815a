"""samkarta_outcomes: decisions, actions with assignees, handoffs with targets."""

from __future__ import annotations

MINUTES = """Minnesanteckningar Länsgruppen för äldrefrågor 2023-03-09

Närvarande: Anna Berg, Falun, Per Ek, Mora

1. Dagordning
Dagordningen godkändes.

2. Budget
Förslag till beslut: att anta budgeten.
Beslut:
att godkänna budgeten
att lägga informationen till handlingarna

3. Rekrytering
Anna informerar om rekryteringen. Per ska ta med sig frågan om gemensam annonsering till Socialchefsnätverket.
Ärendet om nya lokaler överlämnas till kommunstyrelsen för beslut. Rapporten skickas till nämnden för kännedom.
Förvaltningen ska utreda saken vidare (enligt plan).

4. Anmälan av beslutade ärenden
Länsgruppen föreslår styrelsen besluta att fastställa taxan. Förbundsmötet beslutade att höja avgiften.
Taxan, som fastställdes av regionfullmäktige i juni, gäller.

Medskick till Länschefsnätverket:
Samordnare för placeringar
Introduktionskursen
"""


def _handoffs(doc) -> list[tuple[str, str]]:
    return [(h["question"], h["to"]) for h in doc._.outcomes["handoffs"]]


def test_decisions_from_verbs_and_clauses_but_not_from_proposals_or_participles(annotate) -> None:
    doc = annotate(MINUTES)
    texts = [d["text"] for d in doc._.outcomes["decisions"]]
    assert texts == [
        "Dagordningen godkändes",
        "att godkänna budgeten",
        "att lägga informationen till handlingarna",
        "Ärendet om nya lokaler överlämnas till kommunstyrelsen för beslut",  # handing over is decided too
        "Länsgruppen föreslår styrelsen besluta att fastställa taxan",  # another body's decision is only reported
    ]
    assert [d["item"] for d in doc._.outcomes["decisions"]] == ["1", "2", "2", "3", "4"]


def test_actions_name_their_person_and_plain_futures_without_one_are_no_tasks(annotate) -> None:
    doc = annotate(MINUTES)
    actions = [(a["text"], a["assignee"]) for a in doc._.outcomes["actions"]]
    assert actions == [
        ("Per ska ta med sig frågan om gemensam annonsering till Socialchefsnätverket", "Per Ek"),
        ("Rapporten skickas till nämnden för kännedom", None),  # sent on after the meeting; no handoff
    ]


def test_handoffs_to_bodies_with_their_question(annotate) -> None:
    doc = annotate(MINUTES)
    handoffs = _handoffs(doc)
    assert handoffs == [
        ("gemensam annonsering", "Socialchefsnätverket"),
        ("nya lokaler", "kommunstyrelsen"),
        ("Anmälan av beslutade ärenden", "styrelsen"),
        ("Samordnare för placeringar", "Länschefsnätverket"),
        ("Introduktionskursen", "Länschefsnätverket"),
    ]


def test_a_handoff_under_a_heading_without_a_number_is_about_the_heading(annotate) -> None:
    doc = annotate(
        "Sammanfattning från rådets möte\n\n"
        "Årsrapport 2024\n"
        "Rapporten beskriver arbetet under året och hur målen har nåtts i de olika verksamheterna.\n\n"
        "Ny modell för avgifter\n"
        "Rådet diskuterade modellen. Förslaget godkändes och överlämnas till kommunstyrelsen för beslut.\n"
    )
    assert _handoffs(doc) == [("Ny modell för avgifter", "kommunstyrelsen")]


def test_a_matter_put_before_a_body_named_right_after_the_verb_is_handed_on(annotate) -> None:
    doc = annotate(
        "Protokoll utskottet 2024-02-06\n\n"
        "§ 4\nBudget för utbildningsdagarna\n"
        "Utskottet beslöt att förslaget föreläggs förbundsstyrelsen i mars.\n"
        "§ 5\nLokaler\nFrågan föreläggs inte någon annan nu.\n"
    )
    assert _handoffs(doc) == [("Budget för utbildningsdagarna", "förbundsstyrelsen")]


def test_every_outcome_points_into_the_text(annotate) -> None:
    doc = annotate(MINUTES)
    for kind in ("decisions", "actions", "handoffs"):
        for fact in doc._.outcomes[kind]:
            start, end = fact["span"]
            assert 0 <= start < end <= len(doc.text) and 0 < fact["confidence"] <= 1


def test_the_decision_formula_without_a_label(annotate) -> None:
    doc = annotate(
        "Protokoll 2023-03-09\n\n1. Ekonomirapport\n"
        "Ekonomichefen föredrar utfallet per augusti. Godkänna informationen.\n\n"
        "2. Folkhälsoenkäten\nRådet har bjudit in länets samordnare. att notera informationen.\n\n"
        "3. Lokaler\nNämnden har möjlighet att godkänna hyresavtalet senare.\n"
    )
    texts = [d["text"] for d in doc._.outcomes["decisions"]]
    assert texts == ["Godkänna informationen", "att notera informationen"]


def test_what_a_decision_label_opens_on_its_line_is_the_decision(annotate) -> None:
    doc = annotate(
        "Protokoll 2023-03-09\n\n1. Information om trygghetsarbetet\nPer Ek informerar om läget.\n"
        "Beslut: Rådet tackar för informationen.\n"
    )
    texts = [d["text"] for d in doc._.outcomes["decisions"]]
    assert texts == ["Rådet tackar för informationen"]


def test_bringing_something_up_is_a_task_only_for_a_named_person_or_a_later_time(annotate) -> None:
    doc = annotate(
        "Protokoll 2023-03-09\n\nNärvarande: Anna Berg, Per Ek\n\n1. Trafik\n"
        "Han tar upp förseningarna i trafiken. Anna Berg tar upp frågan med kommunerna.\n"
    )
    assert [(a["text"], a["assignee"]) for a in doc._.outcomes["actions"]] == [
        ("Anna Berg tar upp frågan med kommunerna", "Anna Berg")
    ]


def test_a_year_in_the_subject_stays_in_the_decision(annotate) -> None:
    doc = annotate("Protokoll 2019-03-09\n\n1. Ekonomi\nÅrsredovisningen för 2018 godkändes av styrelsen.\n")
    assert [d["text"] for d in doc._.outcomes["decisions"]] == ["Årsredovisningen för 2018 godkändes av styrelsen"]


def test_taking_the_information_to_the_minutes_is_a_decision_taking_part_is_not(annotate) -> None:
    doc = annotate(
        "Protokoll 2019-03-09\n\n1. Läget\nStyrelsen tar informationen till protokollet. Alla tar del av rapporten.\n"
        "\n2. Enkäten\nGruppen tar informationen till dagens protokoll.\n"
    )
    assert [d["text"] for d in doc._.outcomes["decisions"]] == [
        "Styrelsen tar informationen till protokollet",
        "Gruppen tar informationen till dagens protokoll",
    ]


def test_taking_on_sending_and_taking_over_are_tasks_of_the_person_named(annotate) -> None:
    doc = annotate(
        "Protokoll 2023-03-09\n\nNärvarande: Anna Berg, Per Ek\n\n1. Ekonomi\n"
        "Anna Berg åtog sig att kontakta kommunerna. Per Ek mejlar ut underlaget.\n"
        "Anna Berg tar över arbetet med planen.\n"
    )
    assert [a["assignee"] for a in doc._.outcomes["actions"]] == ["Anna Berg", "Per Ek", "Anna Berg"]


def test_finding_out_gathering_and_removing_in_the_present_are_tasks_of_the_person_named(annotate) -> None:
    doc = annotate(
        "Protokoll 2023-03-09\n\nNärvarande: Anna Berg, Per Ek, Eva Lind\n\n1. Webbplatsen\n"
        "Anna Berg tar reda på kostnaden. Per Ek samlar in synpunkter från kommunerna. "
        "Eva Lind tar bort den gamla sidan. Per Ek erbjuder sig att skriva inbjudan.\n"
    )
    assert [a["assignee"] for a in doc._.outcomes["actions"]] == ["Anna Berg", "Per Ek", "Eva Lind", "Per Ek"]


def test_tasks_given_in_the_passive_or_taken_on_by_an_organisation(annotate) -> None:
    doc = annotate(
        "Protokoll 2023-03-09\n\nNärvarande: Anna Berg, Per Ek\n\n1. Ekonomi\n"
        "Det uppdrogs åt Anna Berg att kontakta kommunerna. Ledamöterna ombeds läsa förslaget.\n"
        "Länsstyrelsen tar ansvar för uppföljningen.\n"
    )
    assert [a["assignee"] for a in doc._.outcomes["actions"]] == ["Anna Berg", None, None]


def test_a_task_verb_in_the_passive_set_in_time_is_a_task_a_description_or_a_perfect_is_not(annotate) -> None:
    doc = annotate(
        "Protokoll 2023-03-09\n\n1. Rapporter\nSlutrapporten presenteras på nästa möte. "
        "Konferensen, som planeras till nästa år, blir stor. Rapporten presenteras i bilaga. "
        "Kallelsen har presenterats inför mötet. Seminariet planeras till den 4 maj.\n"
    )
    assert [a["text"] for a in doc._.outcomes["actions"]] == [
        "Slutrapporten presenteras på nästa möte",
        "Seminariet planeras till den 4 maj",  # a date places it in time too
    ]


def test_bullets_under_a_name_and_a_colon_that_open_with_a_verb_are_its_tasks(annotate) -> None:
    doc = annotate(
        "Protokoll 2023-03-09\n\nNärvarande: Anna Berg, Per Ek\n\n1. Uppföljning\n"
        "Anna: - Rapporten lämnas i maj. - Kontaktar kommunerna om enkäten. Per: - Tar fram en tidplan.\n"
    )
    assert [(a["text"], a["assignee"]) for a in doc._.outcomes["actions"]] == [
        ("Kontaktar kommunerna om enkäten", "Anna Berg"),
        ("Tar fram en tidplan", "Per Ek"),
    ]


def test_a_decision_keeps_a_subject_that_holds_a_number(annotate) -> None:
    doc = annotate("Protokoll 2023-03-09\n\n1. Budget\nBudget för projektet (700 000 kr) godkändes av styrgruppen.\n")
    assert [d["text"] for d in doc._.outcomes["decisions"]] == [
        "Budget för projektet (700 000 kr) godkändes av styrgruppen"
    ]


def test_a_decision_as_a_state_is_reported_not_taken(annotate) -> None:
    doc = annotate(
        "Protokoll 2023-03-09\n\n1. Samordning\nAnna Berg är utsedd till samordnare sedan i våras. "
        "Projektet var överlämnat till kommunen. Styrelsen utser Per Ek till sekreterare.\n"
    )
    assert [d["text"] for d in doc._.outcomes["decisions"]] == ["Styrelsen utser Per Ek till sekreterare"]


def test_a_decision_in_the_perfect_is_reported_not_taken(annotate) -> None:
    doc = annotate(
        "Protokoll 2023-03-09\n\n1. Budget\n"
        "Förvaltningen har tidigare beslutat att införa nya rutiner. Styrelsen beslutar att anta budgeten.\n"
        "Förbundet har utsett en arbetsgrupp.\n"
    )
    texts = [d["text"] for d in doc._.outcomes["decisions"]]
    assert texts == ["Styrelsen beslutar att anta budgeten"]


def test_a_telling_verb_before_a_lost_sentence_break_reports_nothing(annotate) -> None:
    doc = annotate(
        "Protokoll 2023-03-09\n\n1. Information\nAnna Berg var inbjuden för att informera om enkäten 2022. "
        "att notera informationen.\nPer Ek informerade om att budgeten godkändes.\n"
    )
    assert [d["text"] for d in doc._.outcomes["decisions"]] == ["att notera informationen"]


def test_what_a_filing_verb_needs_may_come_late_or_in_the_indefinite(annotate) -> None:
    doc = annotate(
        "Protokoll 2023-03-09\n\n1. Planer\nUnderlaget redovisas.\ntar information om Handlingsplan och taxor 2022 "
        "till protokollet. Rådet lägger rapporterna till handlingar.\n"
    )
    assert [d["text"] for d in doc._.outcomes["decisions"]] == [
        "tar information om Handlingsplan och taxor 2022 till protokollet",
        "Rådet lägger rapporterna till handlingar",
    ]


def test_a_later_item_of_this_meeting_or_what_a_statute_requires_is_no_task(annotate) -> None:
    doc = annotate(
        "Protokoll 2023-03-09\n\n1. Uppföljning\nFrågan återkommer under dagens möte vid punkt 5. "
        "Ärendet återkommer i § 12. Förordningen om statsbidrag ska tillämpas från årsskiftet. "
        "Anna Berg återkommer med besked till nästa möte.\n"
    )
    assert [a["text"] for a in doc._.outcomes["actions"]] == ["Anna Berg återkommer med besked till nästa möte"]


def test_declaring_the_meeting_open_is_a_formality_declaring_the_minutes_adjusted_is_a_decision(annotate) -> None:
    doc = annotate(
        "Protokoll 2023-03-09\n\n1. Öppnande\nOrdföranden förklarar mötet öppnat.\n\n"
        "2. Justering\nOrdföranden förklarar protokollet justerat.\n"
    )
    assert [d["text"] for d in doc._.outcomes["decisions"]] == ["Ordföranden förklarar protokollet justerat"]


def test_what_someone_means_or_moves_is_no_task_and_no_decision(annotate) -> None:
    doc = annotate(
        "Protokoll 2023-03-09\n\n1. Förslaget\nRådet anser att frågan ska utredas av kansliet. "
        "Ordföranden yrkar att ärendet läggs till handlingarna. Rapporten ska skickas ut före nästa möte.\n"
    )
    assert [a["text"] for a in doc._.outcomes["actions"]] == ["Rapporten ska skickas ut före nästa möte"]
    assert doc._.outcomes["decisions"] == []


def test_a_decision_verb_after_a_modal_is_not_yet_a_decision(annotate) -> None:
    doc = annotate(
        "Protokoll 2023-03-09\n\n1. Val\nRevisorer bör inte väljas bland ledamöterna. "
        "Styrelsen beslutar att Anna Berg ska väljas till ordförande.\n"
    )
    assert [d["text"] for d in doc._.outcomes["decisions"]] == [
        "Styrelsen beslutar att Anna Berg ska väljas till ordförande"
    ]


def test_who_checks_the_minutes_is_a_decision(annotate) -> None:
    doc = annotate(
        "Protokoll 2023-03-09\n\n1. Justering\nPer Ek justerar protokollet tisdagen den 9 maj. "
        "Styrelsen beslutar att utse Eva Lind att justera protokollet.\n"
    )
    assert [d["text"] for d in doc._.outcomes["decisions"]] == [
        "Per Ek justerar protokollet tisdagen den 9 maj",
        "Styrelsen beslutar att utse Eva Lind att justera protokollet",
    ]


def test_an_election_item_with_only_a_name_under_it_is_a_decision(annotate) -> None:
    doc = annotate(
        "Protokoll 2023-03-09\n\n1. Mötets öppnande\nOrdföranden öppnade mötet.\n\n2. Val av justerare\n"
        "Anna Berg (S)\n\n3. Val av sekreterare\nPer Ek föreslås men avböjer.\n\n4. Budget\nInget.\n"
    )
    decisions = doc._.outcomes["decisions"]
    assert [(d["text"], d["item"]) for d in decisions] == [("Val av justerare Anna Berg", "2")]


def test_a_modal_before_a_name_in_inverted_order_gives_that_person_a_task(annotate) -> None:
    doc = annotate(
        "Protokoll 2023-03-09\n\nNärvarande: Anna Berg, Per Ek\n\n1. Budget\n"
        "Vidare kommer Per Ek att kontakta regionen om medlen. Till nästa möte ska Anna Berg ta fram en plan. "
        "Det ska Anna Berg veta.\n"
    )
    actions = [(a["text"], a["assignee"]) for a in doc._.outcomes["actions"]]
    assert actions == [
        ("Vidare kommer Per Ek att kontakta regionen om medlen", "Per Ek"),
        ("Till nästa möte ska Anna Berg ta fram en plan", "Anna Berg"),
    ]


def test_a_state_to_hold_after_ska_is_no_task(annotate) -> None:
    doc = annotate(
        "Protokoll 2023-03-09\n\n1. Rapporter\nRådet vill att det ska finnas en stående punkt för rapporter. "
        "Reglerna ska gälla från årsskiftet. Rapporten ska skickas ut före nästa möte.\n"
    )
    assert [a["text"] for a in doc._.outcomes["actions"]] == ["Rapporten ska skickas ut före nästa möte"]


def test_a_future_told_as_news_is_no_task(annotate) -> None:
    doc = annotate(
        "Protokoll 2023-03-09\n\n1. Läget\nAnna Berg informerar om att en översyn ska göras i höst. "
        "Rapporten ska skickas ut före nästa möte.\n"
    )
    assert [a["text"] for a in doc._.outcomes["actions"]] == ["Rapporten ska skickas ut före nästa möte"]


def test_a_question_or_an_ability_after_ska_is_no_task(annotate) -> None:
    doc = annotate(
        "Protokoll 2023-03-09\n\n1. Arbetet\nHur ska samarbetet med skolan utvecklas framöver. "
        "Kommunen ska kunna söka bidrag för stödet. Rapporten ska skickas ut före nästa möte.\n"
    )
    assert [a["text"] for a in doc._.outcomes["actions"]] == ["Rapporten ska skickas ut före nästa möte"]


def test_a_modal_in_a_relative_clause_or_an_indirect_question_is_no_task_unless_it_says_when(annotate) -> None:
    doc = annotate(
        "Protokoll 2023-03-09\n\n1. Arbetet\nGruppen går igenom förslaget och hur det ska genomföras. "
        "Rådet diskuterar om reglerna ska ändras. "
        "Förslaget, som ska presenteras den 4 maj, är nästan klart.\n"
    )
    assert [a["text"] for a in doc._.outcomes["actions"]] == [
        "Förslaget, som ska presenteras den 4 maj, är nästan klart"
    ]


def test_kommer_att_with_a_passive_foretells_ska_with_a_passive_sets_a_task(annotate) -> None:
    doc = annotate(
        "Protokoll 2023-03-09\n\n1. Lokaler\nEn ny skola kommer att byggas vid torget. "
        "Ritningarna ska granskas av förvaltningen. Ärendet kommer att hanteras den 4 maj.\n"
    )
    assert [a["text"] for a in doc._.outcomes["actions"]] == [
        "Ritningarna ska granskas av förvaltningen",
        "Ärendet kommer att hanteras den 4 maj",
    ]


def test_a_person_to_be_in_a_state_has_no_task_a_person_to_take_part_has(annotate) -> None:
    doc = annotate(
        "Protokoll 2023-03-09\n\nNärvarande: Anna Berg, Per Ek\n\n1. Personal\n"
        "Anna Berg ska vara tjänstledig under våren. Per Ek ska vara med på nästa möte.\n"
    )
    assert [a["text"] for a in doc._.outcomes["actions"]] == ["Per Ek ska vara med på nästa möte"]


def test_an_adverb_inside_a_task_phrase_still_sets_the_task(annotate) -> None:
    doc = annotate(
        "Protokoll 2023-03-09\n\nNärvarande: Anna Berg, Per Ek\n\n1. Rekrytering\n"
        "Anna Berg tar även med sig frågan till förvaltningen. Per Ek tar också över arbetet med enkäten.\n"
    )
    assert [a["assignee"] for a in doc._.outcomes["actions"]] == ["Anna Berg", "Per Ek"]


def test_coming_to_the_next_meeting_is_a_task_coming_from_a_place_is_not(annotate) -> None:
    doc = annotate(
        "Protokoll 2023-03-09\n\nNärvarande: Anna Berg, Per Ek\n\n1. Högskolan\n"
        "Anna Berg kommer på nästa möte så vi kan diskutera utbildningen. Per Ek kommer från Norrby.\n"
    )
    assert [a["assignee"] for a in doc._.outcomes["actions"]] == ["Anna Berg"]


def test_taking_the_responsibility_is_a_task(annotate) -> None:
    doc = annotate("Protokoll 2023-03-09\n\n1. Testerna\nKommunerna tar ansvaret att prata med regionen om testerna.\n")
    texts = [a["text"] for a in doc._.outcomes["actions"]]
    assert texts == ["Kommunerna tar ansvaret att prata med regionen om testerna"]


def test_a_change_of_post_is_news_about_a_person_not_a_task(annotate) -> None:
    doc = annotate(
        "Protokoll 2023-03-09\n\nNärvarande: Anna Berg, Per Ek, Eva Lind\n\n1. Personal\n"
        "Anna Berg kommer att avgå med pension vid årsskiftet. Per Ek ska tillträda tjänsten som chef i maj. "
        "Eva Lind kommer att sammanställa svaren till nästa möte.\n"
    )
    assert [a["text"] for a in doc._.outcomes["actions"]] == ["Eva Lind kommer att sammanställa svaren till nästa möte"]


def test_a_subject_with_its_title_set_off_by_commas_takes_the_task_a_list_of_names_does_not(annotate) -> None:
    doc = annotate(
        "Protokoll 2023-03-09\n\nNärvarande: Anna Berg, Per Ek, Eva Lind\n\n1. Forskning\n"
        "Anna Berg, lektor i pedagogik vid högskolan, ska leda seminarierna. "
        "Per Ek, Eva Lind, ska skicka ut kallelsen.\n"
    )
    assert [a["assignee"] for a in doc._.outcomes["actions"]] == ["Anna Berg"]


def test_kommer_without_att_is_a_future_unless_it_is_a_move_or_an_arrival(annotate) -> None:
    doc = annotate(
        "Protokoll 2023-03-09\n\nNärvarande: Anna Berg, Per Ek\n\n1. Forskning\n"
        "Per Ek kommer leda arbetsgruppen. Anna Berg kommer från Region Dalarna. Anna Berg kommer kl. 14.\n"
    )
    assert [(a["text"], a["assignee"]) for a in doc._.outcomes["actions"]] == [
        ("Per Ek kommer leda arbetsgruppen", "Per Ek")
    ]


def test_a_lone_outcome_verb_decides_its_item_and_a_page_number_is_no_part_of_it(annotate) -> None:
    doc = annotate(
        "Protokoll kommunfullmäktige Norrby 2023-03-09\n\n"
        "§ 12 Motion om cykelvägar i Norrby. Bordlades ...... 14 § 13 Fråga om taxor ...... 15\n"
        "§ 14 Ny renhållningstaxa\nFullmäktige beslutar att anta taxan.\n"
    )
    assert [d["text"] for d in doc._.outcomes["decisions"]] == [
        "Motion om cykelvägar i Norrby. Bordlades",
        "Fullmäktige beslutar att anta taxan",
    ]


def test_what_a_law_or_rule_requires_is_no_task(annotate) -> None:
    doc = annotate(
        "Protokoll styrgruppen 2023-03-09\n\n1. Budget\n"
        "Enligt kommunallagen ska budgeten fastställas före november. "
        "Rapporten ska enligt riktlinjerna redovisas efter fyra månader. "
        "Rapporten ska redovisas till nästa möte.\n"
    )
    assert [a["text"] for a in doc._.outcomes["actions"]] == ["Rapporten ska redovisas till nästa möte"]


def test_what_a_proposal_means_is_no_task(annotate) -> None:
    doc = annotate(
        "Protokoll styrgruppen 2023-03-09\n\n1. Remiss\n"
        "Förslaget innebär att tillsynen ska skärpas och att uppföljningen ska göras oftare. "
        "Kommunerna ska lämna synpunkter till nästa möte.\n"
    )
    assert [a["text"] for a in doc._.outcomes["actions"]] == ["Kommunerna ska lämna synpunkter till nästa möte"]


def test_being_given_a_task_outright_is_a_task_whoever_the_subject_is(annotate) -> None:
    doc = annotate(
        "Protokoll styrgruppen 2023-03-09\n\n1. Planen\nKansliet får i uppdrag att ta fram en plan. "
        "Kansliet får plats i det nya huset.\n"
    )
    assert [a["text"] for a in doc._.outcomes["actions"]] == ["Kansliet får i uppdrag att ta fram en plan"]


def test_a_group_word_in_its_definite_form_names_a_body_that_takes_a_task(annotate) -> None:
    doc = annotate(
        "Protokoll styrgruppen 2023-03-09\n\n1. Riktlinjer\nGruppen ska ta fram en regional riktlinje. "
        "En arbetsgrupp ska ta fram ett förslag.\n"
    )
    assert [a["text"] for a in doc._.outcomes["actions"]] == ["Gruppen ska ta fram en regional riktlinje"]


def test_a_body_commissioned_in_the_passive_takes_the_task(annotate) -> None:
    doc = annotate("Protokoll styrgruppen 2023-03-09\n\n1. Avsikt\nArbetsgruppen uppdras föreslå en formulering.\n")
    assert [a["text"] for a in doc._.outcomes["actions"]] == ["Arbetsgruppen uppdras föreslå en formulering"]


def test_decided_with_a_bare_infinitive_and_ending_before_the_next_numbered_item(annotate) -> None:
    doc = annotate(
        "Protokoll styrelsen 2013-09-10\n\n1. Föregående protokoll\nStyrelsen beslutade lägga protokollet "
        "till handlingarna 2: Regional strategi för cykelvägar Föredragande: Anna Berg\n"
    )
    assert [d["text"] for d in doc._.outcomes["decisions"]] == [
        "Styrelsen beslutade lägga protokollet till handlingarna"
    ]


def test_a_plain_future_with_an_adverb_inside_sets_no_task_without_a_subject(annotate) -> None:
    doc = annotate(
        "Protokoll 2023-03-09\n\nNärvarande: Anna Berg\n\n1. Lokaler\n"
        "Vi tar även upp frågan om lokaler. Anna Berg tar även upp frågan om bilar.\n"
    )
    assert [a["assignee"] for a in doc._.outcomes["actions"]] == ["Anna Berg"]


def test_a_modal_opening_a_sentence_before_its_subject_asks(annotate) -> None:
    doc = annotate(
        "Protokoll 2023-03-09\n\n1. Lokaler\nSka vi boka en större lokal inför nästa möte?\n"
        "Ska tas upp på nästa möte.\n"
    )
    assert [a["text"] for a in doc._.outcomes["actions"]] == ["Ska tas upp på nästa möte"]


def test_a_task_word_inside_an_organisations_name_sets_no_task(annotate) -> None:
    doc = annotate(  # an attendance list flattened into the title's line
        "1 Protokoll från styrgruppen den 4 februari 2015 i Norrby Närvarande: Per Ek, Norrby kommun, ordförande "
        "Gun Ek, Svenska Kyrkan t o m 10 samt 12 Eva Lind, Hela Sverige ska Leva Anna Berg, Svenska Kyrkan "
        "Inte närvarande Lars Holm\n\n1. Lokaler\nAnna Berg ska boka lokalen.\n"
    )
    assert [a["text"] for a in doc._.outcomes["actions"]] == ["Anna Berg ska boka lokalen"]


def test_a_decision_label_without_its_colon_opens_a_line_before_att(annotate) -> None:
    doc = annotate(
        "Protokoll 2023-03-09\n\n§ 1 Justerare\nBeslut att välja Per Ek till justerare.\n\n"
        "§ 2 Skolan\nRådets beslut att bygga skolan fattades i fjol.\n"
    )
    assert [d["text"] for d in doc._.outcomes["decisions"]] == ["att välja Per Ek till justerare"]


def test_a_modal_after_a_decision_made_before_reports_it_and_sets_no_task(annotate) -> None:
    doc = annotate(
        "Protokoll 2023-03-09\n\n1. Budget\nKommunstyrelsen har beslutat att nämnderna ska rapportera varje månad. "
        "Rådet föreslog att gruppen ska upplösas. Styrelsen beslutar att kansliet ska ta fram en plan.\n"
    )
    assert [a["text"] for a in doc._.outcomes["actions"]] == ["Styrelsen beslutar att kansliet ska ta fram en plan"]


def test_matters_prepared_for_another_body_in_a_list_run_into_one_line_are_handed_to_it(annotate) -> None:
    doc = annotate(
        "Protokoll 2019-10-08\n\n5 Ärenden Beredning inför kommunstyrelsen - Budget för nästa år "
        "Redogörs av Anna Berg - Avtal om städtjänster - Sk\n\n6 Övrigt\nInga övriga frågor.\n"
    )
    handoffs = _handoffs(doc)
    assert handoffs == [
        ("Budget för nästa år", "kommunstyrelsen"),  # who presents it is not part of the matter
        ("Avtal om städtjänster", "kommunstyrelsen"),  # the cut-off rest of a page is no matter
    ]


def test_a_listed_matter_ends_before_the_one_presenting_it_but_a_noun_of_the_same_verb_stays(annotate) -> None:
    doc = annotate(
        "Protokoll 2019-10-08\n\n5 Ärenden Beredning inför regionstyrelsen - Redovisning av intern kontroll "
        "Föredras av Per Ek och Eva Lind - Taxor för nästa år, föredragande Eva Lind - Avtal som redovisas "
        "i bilaga\n\n6 Övrigt\nInga övriga frågor.\n"
    )
    assert [h["question"] for h in doc._.outcomes["handoffs"]] == [
        "Redovisning av intern kontroll",
        "Taxor för nästa år",
        "Avtal som redovisas i bilaga",  # a verb of presenting with no one after it is part of the name
    ]


def test_an_items_title_run_into_its_decision_in_the_infinitive_without_att_is_decided(annotate) -> None:
    doc = annotate(
        "Protokoll 2017-03-02\n\n"
        "41 Justering utse Per Ek att jämte ordföranden justera protokollet. 42 Godkännande av dagordning "
        "godkänna den utsända dagordningen. 43 Val av justerare Nämnden utser Eva Lind att justera protokollet.\n"
    )
    assert [d["item"] for d in doc._.outcomes["decisions"]] == ["41", "42", "43"]
    assert doc._.outcomes["decisions"][2]["text"].startswith("Nämnden utser Eva Lind")  # its own verb first


def test_an_item_number_after_a_page_header_on_its_line_still_leads_a_title_run_into_its_decision(annotate) -> None:
    doc = annotate(
        "Protokoll 2017-03-02\n\nDagordning\n17. Föregående protokoll\n18. Budget\n19. Nästa möte\nSida 2\n"
        "2(5) Rådet 17 Föregående protokoll att lägga informationen till handlingarna\n"
    )
    assert [d["text"] for d in doc._.outcomes["decisions"]] == ["att lägga informationen till handlingarna"]


def test_an_items_title_run_into_its_decision_without_a_verb_is_decided_but_a_proposal_is_not(annotate) -> None:
    doc = annotate(
        "Protokoll 2017-03-02\n\n"
        "315 Ekonomichefens genomgång att godkänna redovisningen. Genomgången tog en timme.\n"
        "316 Kansliets förslag att anta riktlinjen. Riktlinjen diskuterades.\n"
    )
    assert [d["text"] for d in doc._.outcomes["decisions"]] == ["att godkänna redovisningen"]


def test_a_decision_in_the_perfect_with_words_between_is_only_reported(annotate) -> None:
    doc = annotate(
        "Protokoll 2017-03-02\n\n1. Budget\nStyrelsen har redan i våras beslutat att skolorna ska "
        "införa en ny rutin. Styrelsen beslutade att anta budgeten.\n"
    )
    assert [d["text"] for d in doc._.outcomes["decisions"]] == ["Styrelsen beslutade att anta budgeten"]


def test_a_body_proposed_to_decide_in_the_passive_has_not_decided(annotate) -> None:
    doc = annotate(
        "Protokoll 2017-03-02\n\n1. Taxor\nNämnden föreslås besluta i enlighet med kansliets skrivelse.\n"
        "Nämnden beslutar i enlighet med skrivelsen.\n"
    )
    assert [d["text"] for d in doc._.outcomes["decisions"]] == ["Nämnden beslutar i enlighet med skrivelsen"]


def test_the_one_urged_has_the_task_not_the_one_who_urges(annotate) -> None:
    doc = annotate(
        "Anteckningar 2017-03-02\nNärvarande: Anna Berg, Norrby, Per Ek, Sörby\n\n1. Rekrytering\n"
        "Anna uppmanar skolorna att lämna synpunkter på planen. Anna uppmanade Per att boka lokalen.\n"
    )
    assert [(a["text"], a["assignee"]) for a in doc._.outcomes["actions"]] == [
        ("Anna uppmanar skolorna att lämna synpunkter på planen", None),
        ("Anna uppmanade Per att boka lokalen", "Per Ek"),
    ]


def test_a_decisions_text_ends_at_the_next_fields_label_in_a_flattened_page(annotate) -> None:
    doc = annotate(
        "Protokoll 2017-03-02\n\n1 Val av justerare\nPer Ek och Olle Ås justerar protokollet på kansliet "
        "fredagen den 3 maj Föredragningslista Styrgruppen godkände dagordningen\n"
    )
    first = [d["text"] for d in doc._.outcomes["decisions"]][0]
    assert first == "Olle Ås justerar protokollet på kansliet fredagen den 3 maj"


def test_a_person_who_is_acted_upon_in_the_passive_is_no_assignee(annotate) -> None:
    doc = annotate(
        "Anteckningar 2017-03-02\nNärvarande: Anna Berg, Per Ek\n\n1. Övrigt\n"
        "Anna kommer att kontaktas av kansliet i maj. Per ska kontakta skolan.\n"
    )
    assert [(a["text"], a["assignee"]) for a in doc._.outcomes["actions"]] == [
        ("Anna kommer att kontaktas av kansliet i maj", None),
        ("Per ska kontakta skolan", "Per Ek"),
    ]


def test_a_verb_of_sending_in_the_present_passive_is_a_task_without_a_time(annotate) -> None:
    doc = annotate(
        "Protokoll 2022-11-17\n\n1. Läsecirkel\nUtkastet sänds ut till ledamöterna och läsningen ska vara frivillig. "
        "Inbjudan skickades ut i augusti. Broschyren trycks.\n"
    )
    # the modal only describes; the sending is the task
    assert [a["text"] for a in doc._.outcomes["actions"]] == [
        "Utkastet sänds ut till ledamöterna och läsningen ska vara frivillig"
    ]


def test_a_task_given_with_the_infinitive_or_the_old_passive_of_uppdra_names_its_person(annotate) -> None:
    doc = annotate(
        "Protokoll 2022-11-17\n\nNärvarande: Eva Lund, Gävle, Olof Strand, Sandviken\n\n"
        "4. Lokaler\nStyrelsen beslutar att uppdra åt Eva Lund att utreda behovet av nya lokaler.\n\n"
        "5. Webb\nUppdrages till Olof Strand att uppdatera webbplatsen.\n"
    )
    actions = [(a["text"], a["assignee"]) for a in doc._.outcomes["actions"]]
    assert actions == [
        ("Styrelsen beslutar att uppdra åt Eva Lund att utreda behovet av nya lokaler", "Eva Lund"),
        ("Uppdrages till Olof Strand att uppdatera webbplatsen", "Olof Strand"),
    ]


def test_a_present_task_verb_about_what_was_done_before_narrates_and_sets_no_task(annotate) -> None:
    doc = annotate(
        "Protokoll 2022-11-17\n\nNärvarande: Lena Holm, Bollnäs\n\n"
        "3. Enkät\nLena Holm sammanställer svaren från förra enkäten. Lena Holm kontaktar skolorna.\n"
    )
    actions = [(a["text"], a["assignee"]) for a in doc._.outcomes["actions"]]
    assert actions == [("Lena Holm kontaktar skolorna", "Lena Holm")]


def test_bullets_under_a_name_open_with_any_present_verb_and_end_at_the_next_bullet(annotate) -> None:
    doc = annotate(
        "Protokoll 2021-05-12\n\nNärvarande: Siv Dahl, Tor Lind\n\n2. Uppdrag\n"
        "Siv: - Skissar på en affisch. Tor: - Bevakar priset på bussresor - Har kontakt med skolorna.\n"
    )
    assert [(a["text"], a["assignee"]) for a in doc._.outcomes["actions"]] == [
        ("Bevakar priset på bussresor", "Tor Lind"),  # the sentence ran on over the next bullet
        ("Skissar på en affisch", "Siv Dahl"),  # a present in -ar the lemma table lacks
        ("Har kontakt med skolorna", "Tor Lind"),
    ]


def test_the_agent_of_a_passive_after_a_modal_is_the_one_given_the_task(annotate) -> None:
    doc = annotate(
        "Protokoll 2021-05-12\n\nNärvarande: Siv Dahl, Tor Lind\n\n2. Rapport\n"
        "Kassarapporten ska presenteras av kassören Siv Dahl i oktober. Tor Lind kommer att kontaktas av kansliet.\n"
    )
    assert [(a["text"], a["assignee"]) for a in doc._.outcomes["actions"]] == [
        ("Kassarapporten ska presenteras av kassören Siv Dahl i oktober", "Siv Dahl"),
        ("Tor Lind kommer att kontaktas av kansliet", None),
    ]


def test_a_task_verb_after_och_shares_the_name_that_opens_the_sentence(annotate) -> None:
    doc = annotate(
        "Protokoll 2021-05-12\n\nNärvarande: Siv Dahl, Tor Lind\n\n2. Avtal\n"
        "Siv Dahl läser in sig på avtalet och återkommer i augusti. "
        "Tor Lind menar att saken är klar och återkommer till hösten.\n"
    )
    assert [(a["text"], a["assignee"]) for a in doc._.outcomes["actions"]] == [
        ("Siv Dahl läser in sig på avtalet och återkommer i augusti", "Siv Dahl"),
        ("Tor Lind menar att saken är klar och återkommer till hösten", None),  # a clause between
    ]


def test_a_statute_cited_late_in_the_sentence_makes_the_modal_a_norm(annotate) -> None:
    doc = annotate(
        "Protokoll 2021-05-12\n\n3. Ekonomi\nÅrsrapporten ska lämnas in på det sätt som förordningen kräver. "
        "Rapporten ska skickas ut före nästa möte.\n"
    )
    assert [a["text"] for a in doc._.outcomes["actions"]] == ["Rapporten ska skickas ut före nästa möte"]


def test_kommer_that_ends_its_sentence_without_a_stop_is_an_arrival_not_a_future(annotate) -> None:
    doc = annotate(
        "Protokoll 2021-05-12\n\nNärvarande: Siv Dahl, Tor Lind\n\n4. Studiebesök\n"
        "Siv Dahl kommer att boka bussen.\n\n5. Lokal\nTor Lind kan inte delta men Siv Dahl kommer\n"
    )
    assert [(a["text"], a["assignee"]) for a in doc._.outcomes["actions"]] == [
        ("Siv Dahl kommer att boka bussen", "Siv Dahl")
    ]


def test_a_passive_the_lemma_table_lacks_hands_a_matter_on_before_till_or_a_particle(annotate) -> None:
    doc = annotate(
        "Minnesanteckningar Länsgruppen för äldrefrågor 2021-05-12\n\n"
        "6. Hemtjänst\nUtredningen tas upp i Socialchefsnätverket i maj.\n\n"
        "7. Bemanning\nDiskussion förs i Socialchefsnätverket om bemanningen.\n"
    )
    assert _handoffs(doc) == [("Hemtjänst", "Socialchefsnätverket")]


def test_a_handoff_verb_with_a_that_clause_says_something_and_hands_nothing_on(annotate) -> None:
    doc = annotate(
        "Minnesanteckningar Länsgruppen för äldrefrågor 2021-05-12\n\nNärvarande: Siv Dahl, Tor Lind\n\n"
        "3. Lokaler\nSiv Dahl lyfter att hyran hos Socialchefsnätverket stiger.\n\n"
        "4. Rekrytering\nFrågan lyfts till Socialchefsnätverket.\n"
    )
    assert _handoffs(doc) == [("Rekrytering", "Socialchefsnätverket")]


def test_a_list_announced_after_a_colon_belongs_to_the_decision(annotate) -> None:
    doc = annotate(
        "Protokoll styrelsen 2026-03-04\n\n1 Dagordning\n"
        "Styrelsen fastställer dagordningen med följande ändring: - Punkt 4 Lokaler utgår\n"
    )
    texts = [d["text"] for d in doc._.outcomes["decisions"]]
    assert texts == ["Styrelsen fastställer dagordningen med följande ändring: - Punkt 4 Lokaler utgår"]


def test_a_national_agencys_own_plans_are_no_task_the_meeting_sets(annotate) -> None:
    doc = annotate(
        "Minnesanteckningar nätverket 2026-03-04\n\n3 Omvärld\nSKL ska ta fram en ny vägledning under året. "
        "Socialstyrelsen kommer att öppna en ny webbplats. Styrgruppen ska skicka ut enkäten till kommunerna.\n"
    )
    texts = [a["text"] for a in doc._.outcomes["actions"]]
    assert texts == ["Styrgruppen ska skicka ut enkäten till kommunerna"]


def test_noting_in_the_passive_agreeing_and_fixing_are_decisions_a_perfect_is_not(annotate) -> None:
    doc = annotate(
        "Minnesanteckningar 2023-03-09\n\n1. Lägesrapport\nRapporten noteras.\n"
        "2. Datum\nMötestiderna för hösten fastslogs.\n"
        "3. Rutiner\nGruppen enades om att rutinen ska gälla från maj. Gruppen enades också om nya mötestider.\n"
        "4. Inriktning\nNätverket har i höstas till slut enats om att pröva en ny inriktning.\n"
    )
    assert [d["text"] for d in doc._.outcomes["decisions"]] == [
        "Rapporten noteras",
        "Mötestiderna för hösten fastslogs",
        "Gruppen enades om att rutinen ska gälla från maj",
    ]


def test_a_proposal_to_a_body_is_about_its_object_without_the_attachment(annotate) -> None:
    doc = annotate(
        "Styrelsens protokoll\n\nStyrelsen beslutar att skicka den nya taxan för nästa år till förbundets "
        "revisorer för granskning, samt att föreslå stämman att anta taxan Bilaga 7. Mötet avslutades.\n"
    )
    assert _handoffs(doc) == [("taxan", "stämman")]


def test_a_title_as_the_subject_of_a_task_is_the_one_person_listed_with_it(annotate) -> None:
    doc = annotate(
        "Närvarande: Anna Berg (kanslichef), Per Ek\n\n3. Information\n"
        "Kanslichefen bjuder in Eva Lind till nästa möte.\n"
    )
    assert [(a["text"], a["assignee"]) for a in doc._.outcomes["actions"]] == [
        ("Kanslichefen bjuder in Eva Lind till nästa möte", "Anna Berg")
    ]


def test_a_committee_proposing_to_the_board_that_owns_it_hands_on_the_object_of_the_decision(annotate) -> None:
    # the board is not the meeting's body ("nämndens utskott" is another body than "nämnden"), and the
    # words before the verb name the one proposing, not the matter
    doc = annotate(
        "Sammanträde med kulturnämndens utskott 2024-04-02\n\n"
        "Dnr 2024-17 Utskottet föreslår kulturnämnden besluta att anta den nya taxan för hyra av lokaler.\n"
    )
    assert _handoffs(doc) == [("den nya taxan för hyra av lokaler", "kulturnämnden")]


def test_a_verb_of_sending_hands_a_matter_to_the_body_right_after_till(annotate) -> None:
    doc = annotate(
        "Anteckningar från rådets möte 2024-05-14\n\n"
        "§ 3\nÅrsplan för kansliet\n"
        "Kansliet skickar årsplanen till förbundsstämman i maj efter rådets godkännande.\n\n"
        "§ 4\nNyhetsbrev\nKansliet skickar brevet till alla ombud i förbundsstämman.\n"
    )
    assert _handoffs(doc) == [("Årsplan för kansliet", "förbundsstämman")]


def test_a_matter_sent_to_bodies_in_the_plural_is_handed_on_but_not_one_brought_forward_by_them(annotate) -> None:
    doc = annotate(
        "Minnesanteckningar 2024-09-03\n\n"
        "1. Ny rutin för tolkbokning\nUtkastet skickas i dag till nämnderna för yttrande före november.\n\n"
        "2. Workshop\nFörslagen lyftes sedan av nätverken under eftermiddagen.\n"
    )
    assert _handoffs(doc) == [("Ny rutin för tolkbokning", "nämnderna")]


def test_a_matter_read_from_the_words_before_the_verb_leaves_its_auxiliary_out(annotate) -> None:
    doc = annotate("Protokoll Kulturrådet 2024-05-02\n\nDen nya taxan ska lämnas över till kommunstyrelsen i maj.\n")
    assert _handoffs(doc) == [("Den nya taxan", "kommunstyrelsen")]


def test_a_proposal_to_a_body_is_about_what_it_proposes_before_the_heading_above_it(annotate) -> None:
    doc = annotate(
        "Beslut i korthet\n\n"
        "Handlingar och protokoll\n"
        "Nedan redovisas besluten kring merparten av ärendena vid regionstyrelsens sammanträde.\n\n"
        "Föreslå regionfullmäktige besluta att godkänna kulturnämndens årsrapport 2023.\n\n"
        "Nya lokaler\n"
        "Förvaltningen redovisade läget för de nya lokalerna och vad som återstår innan flytten.\n"
    )
    assert _handoffs(doc) == [("kulturnämndens årsrapport 2023", "regionfullmäktige")]


def test_information_as_a_matter_does_not_stop_a_proposal_from_being_handed_on(annotate) -> None:
    doc = annotate(
        "Protokoll styrelsen 2024-02-06\n\n"
        "Vidare beslutades att fastställa regler för politisk information inför valet och föreslå "
        "regionfullmäktige att fastställa ny policy och visuell identitet för regionen.\n"
        "Rapporten skickas till kommunstyrelsen för kännedom.\n"
    )
    assert _handoffs(doc) == [("ny policy och visuell identitet för regionen", "regionfullmäktige")]


def test_the_group_saying_in_the_present_what_it_does_next_sets_itself_a_task(annotate) -> None:
    doc = annotate(
        "Minnesanteckningar arbetsgruppen 2024-03-05\n\n"
        "Vi planerar ett frukostseminarium i november. Vi diskuterar hur arbetet ska fortsätta. "
        "Vi ser att intresset har ökat. Vi släpper inte frågan. Vi arbetar vidare med förslagen till nästa möte.\n"
    )
    texts = [a["text"] for a in doc._.outcomes["actions"]]
    assert texts == ["Vi planerar ett frukostseminarium i november", "Vi arbetar vidare med förslagen till nästa möte"]
