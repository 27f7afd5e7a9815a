"""Agenda items and what the body did with them: decisions, actions and handoffs."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from samkarta.loaders.doc import Doc
from samkarta.loaders.entities import network_key
from samkarta.loaders.lexicon import fold, is_given_name
from samkarta.loaders.model import ActionFact, AgendaItemFact, DecisionFact, EntityFact, HandoffFact
from samkarta.loaders.patterns import starting_with
from samkarta.loaders.text import squash

_ITEM_HEADING = re.compile(
    r"(?m)^[ \t]*(?:§\s*(?P<par>\d{1,3})|(?P<num>\d{1,2})[.)]?)[ \t]+(?P<title>[A-ZÅÄÖ][^\n]{1,2000})$"
)
_DECISION_VERB = starting_with(
    "b", r"\b(?:beslutade|beslutar|beslöt|beslutades|beslutas|besluta)\b\s*:?\s*(?:\n\s*)*(?=att\s)"
)
_ATT_SENTENCE = starting_with(r"\sa", r"(?:(?<=\.)|(?<=\n))\s*att\s+(?=[a-zåäö])")
_PASSIVE_DECISION = (
    r"\b(?:läggs|lades|lägges)\s+till\s+handlingarna|\bgodkändes\b|\bgodkänns\b|\bfastställdes\b|"
    r"\bfastställs\b|\bantogs\b|\butses\s+att\b|\butsågs\s+(?:att|till)\b|\bvaldes\s+till\b"
)
_PASSIVE_OR_PROPOSED = starting_with("lgfauv", _PASSIVE_DECISION + r"|\bföreslår\s+\w+\s+(?:att\s+)?besluta\s+att\b")
_PAST_REFERENCE = re.compile(r"föregående möte|sedan tidigare|tidigare beslut|har tidigare", re.IGNORECASE)
_PERSON_ACTION = re.compile(
    r"^(?:ska|skall|tar\s+(?:även\s+)?(?:med|upp)|återkommer|bifogar|kommer\s+(?:att|på|till)|ansvarar|"
    r"åtar\s+sig|kontaktar|skickar|sammanställer|bjuder\s+in|undersöker|uppmanar|uppmanade|"
    r"tar\s+fram|följer\s+upp|ser\s+över|kallar|får\s+i\s+uppdrag|fick\s+i\s+uppdrag|åtog\s+sig|"
    r"återrapporterar|återkopplar)\b"
    # reporting at a meeting still to come: "rapporterar om X på styrelsens möte den 7 maj"
    r"|^(?:rapporterar|redovisar|informerar|presenterar)\b(?=[^.]*\b(?:på|vid)\s+(?:[\wåäö]+\s+){0,2}"
    r"(?:möte(?:t)?\s+den\s+\d|nästa\b|kommande\b))"
)
# "... kontaktar regionen. Ansvarig: Eva Lind": the person responsible for the sentence before
_RESPONSIBLE = re.compile(r"\s*(?:Ansvariga?|Ansv\.?|Vem)\s*:\s*")
# "Vad | Vem | När", "Åtgärd, Ansvarig, Klart": the header of an action table
_WHAT_CELL = re.compile(r"(?i)^(?:vad|åtgärd(?:er)?|aktivitet(?:er)?|uppgift(?:er)?|uppdrag|att göra)$")
_WHO_CELL = re.compile(r"(?i)^(?:vem|ansvarig(?:a)?|ansv\.?)$")
# a who-cell between separators or line ends: cheap test for whether a document has an action table
_WHO_WORD = re.compile(r"(?im)(?:^|[|,])[ \t]*(?:vem|ansvariga?|ansv\.?)[ \t]*(?:[|,]|$)")
_SHORT_LINE = re.compile(r"(?m)^[ \t]*(\S[^\n]{2,80})$")
_BULLETS = "•▪◦‣*–- \t"
# "Beslut: Nätverket ställer sig bakom förslaget."
_DECISION_LABEL = re.compile(r"Beslut\s*:\s*(?=[A-ZÅÄÖa-zåäö])")
# "Planeringsgruppen uppmanar ...": a body as the subject of an action
_BODY_SUBJECT = re.compile(r"^[A-ZÅÄÖ][\wåäö-]*(?:gruppen|nätverket|rådet|utskottet|styrelsen|ledningen)\s+")
# "Nationella konferenser: Erika kommer att ...": a run-in heading before the sentence proper
_RUN_IN_LABEL = re.compile(r"^[A-ZÅÄÖ][\wåäö -]{2,40}:\s+(?=[A-ZÅÄÖ])")
_IMPERSONAL_ACTION = starting_with(
    "kstbgfuAaVvä",
    r"\bkommer\s+att\s+(?:skickas|återges|tas\s+upp|redovisas|presenteras|delges|följas\s+upp|"
    r"få\s+(?:fortsatt\s+|mer\s+|ytterligare\s+)?(?:information|återkoppling|besked|en\s+redovisning)|"
    r"genomföras|utvärderas|sammanställas|bjudas\s+in)\b|\bskickas\s+(?:ut|i|även|till)\b|"
    r"\btas\s+upp\s+(?:på|i|vid)\b|\bbifogas\b|\bgörs\s+till\b|\bförväntas\b|\buppmanades\b|"
    r"\b[Aa]vvakta\b|\bbehöver\s+utredas\b|\bkommer\s+på\s+nästa\b|\b[Vv]i\s+fortsätter\b|"
    r"\btar\s+ansvar(?:et)?\b|\bär\s+välkommen\s+tillbaka\b"
    r"|\bblir\s+aktuell[ta]?\s+(?:på|vid)\s+(?:kommande|nästa)\b",
)
_UPPMANA = re.compile(r"^uppmana")
_HANDOFF_TAKE = starting_with(
    "t",
    r"\bta(?:r)?\s+(?:även\s+)?(?:med\s+(?:sig\s+)?|upp\s+)(?:denna\s+fråga|frågan|frågorna|ärendet)"
    r"(?:\s+om\s+(?P<q>[^.]{3,160}?))?\s+(?:till|i|på|med)\s+(?P<to>[^.,;\n]{2,60})",
)
_HANDOFF_RAISED = starting_with(
    "FfÄä",
    r"\b(?P<subj>[Ff]rågan|[Ää]rendet)(?:\s+om\s+(?P<q>[^.]{3,120}?))?\s+(?:tas|lyfts|skickas|hänskjuts|"
    r"överlämnas)\s+(?:upp\s+|vidare\s+)?(?:på|i|vid|till)\s+(?P<to>[^.;\n]{2,80})",
)
_HANDOFF_LIST = re.compile(r"(?m)^[ \t]*(?:Medskick|Frågor|Att ta med)\s+till\s+(?P<to>[^:\n]{2,60}):[ \t]*$")
_DISTRIBUTION = re.compile(
    r"(?m)^[ \t]*(?:Beslutet\s+|Protokollsutdrag\s+)?(?:[Ee]xpedieras|[Ss]kickas|[Dd]elges)\s+till:?[ \t]*\n"
)
# "Lyfts till RSS styrgrupp.": the item's question, sent on by a sentence without a subject
_HANDOFF_BARE = starting_with(
    "LSÖT", r"(?:Lyfts|Skickas|Överlämnas|Tas\s+upp)\s+(?:vidare\s+)?(?:till|i|på|vid)\s+(?P<to>[^.;\n]{2,80})"
)
_HANDOFF_BOARD = starting_with(
    "btfuk",
    r"\b(?:behandla\s+ärendet\s+(?:på|vid|i)\s+(?P<to1>[\wåäö]+?)s\s+sammanträde"
    r"|tas\s+upp\s+vid\s+(?P<to2>[\wåäö]+?)s\s+(?:nästa\s+)?sammanträde"
    r"|föreslår\s+(?P<to3>[\wåäö]+)\s+(?:att\s+)?besluta"
    r"|underlag\s+till\s+beslut\s+i\s+(?P<to4>[\wåäö]+)\s+om\s+(?P<q4>[^.]{3,120})"
    r"|kommer\s+att\s+återges\s+för\s+(?P<to5>[^.,\n]{3,60}?)(?=\s+den\b|[.,\n]))",
)
_QUESTION_BEFORE = re.compile(
    r"(?:väckte|lyfte|tog upp|ställde|(?:har|hade)\s+(?:väckt|lyft|tagit upp|ställt))"
    r"\s+frågan\s+(?P<q>om\s+[^.?]{3,160})"
)


@dataclass
class ItemSpan:
    number: str | None
    title: str
    start: int
    body_start: int
    end: int


def find_items(doc: Doc) -> list[ItemSpan]:
    text = doc.text
    heads = [m for m in _ITEM_HEADING.finditer(text, doc.content_start) if _is_heading(m.group("title"))]
    items = []
    for i, m in enumerate(heads):
        end = heads[i + 1].start() if i + 1 < len(heads) else len(text)
        title = _clean_title(squash(m.group("title")))
        if _CASE_NUMBER_ONLY.fullmatch(title):  # "§ 34 Dnr 2023/112", the matter on the next line
            following = _NEXT_LINE.match(text, m.end())
            title = _clean_title(squash(following.group(1))) if following else title
        first_sentence = re.split(r"(?<=[a-zåäö])\.\s", title)[0]
        items.append(ItemSpan(m.group("par") or m.group("num"), first_sentence[:120], m.start(), m.end(), end))
    return items


_CASE_NUMBER_ONLY = re.compile(r"(?i)(?:dnr|diarienr|diarienummer)\.?:?\s*[\w/.:-]*")
_NEXT_LINE = re.compile(r"[ \t]*\n[ \t]*([A-ZÅÄÖ][^\n]{2,120})")


def _clean_title(title: str) -> str:
    """'Arbetsutskottet (Dnr 12/08) Datum för förbundsmöte Arbetsutskottet beslutar att ...' -> the
    matter: without the body and case number before it, or the decision that follows it."""
    title = re.sub(r"^.{0,60}?\((?:Dnr|dnr|Diarienr)[^)]*\)\s*", "", title)
    m = re.search(r"\s+[A-ZÅÄÖ][\wåäö-]+\s+(?:beslutar|beslutade|föreslår|informerar|noterar)\b", title)
    return title[: m.start()] if m and m.start() > 3 else title


def _is_heading(title: str) -> bool:
    """A numbered line is an item: a short title, or (in protocols flattened to one line per
    paragraph) a long line that opens with the case's body and number ('Arbetsutskottet (Dnr ...)')."""
    words = title.split()
    if not words:
        return False
    return len(words) <= 14 or not title.rstrip().endswith(".") or bool(re.match(r"^.{0,60}?\(Dnr", title))


def item_of(items: list[ItemSpan], pos: int) -> ItemSpan | None:
    for item in items:
        if item.start <= pos < item.end:
            return item
    return None


def agenda_facts(doc: Doc, items: list[ItemSpan]) -> list[AgendaItemFact]:
    return [
        AgendaItemFact(
            number=it.number,
            title=it.title,
            text=squash(doc.text[it.body_start : it.end])[:4000],
            evidence=[doc.evidence(it.start, it.body_start)],
        )
        for it in items
    ]


def _sentence_text(doc: Doc, start: int, end: int) -> str:
    return squash(doc.text[start:end]).lstrip(_BULLETS).strip(" .")


def find_decisions(doc: Doc, items: list[ItemSpan], people_names: Sequence[str] = ()) -> list[DecisionFact]:
    text = doc.text
    found: dict[int, DecisionFact] = {}

    def add(start: int, end: int) -> None:
        if start in found or end - start < 6:
            return
        sentence = doc.sentence_at(start)
        if _PAST_REFERENCE.search(text[sentence[0] : sentence[1]]):
            return
        item = item_of(items, start)
        found[start] = DecisionFact(
            text=_sentence_text(doc, start, end),
            item=item.number if item else None,
            evidence=[doc.evidence(start, end)],
        )

    for m in _DECISION_VERB.finditer(text, doc.content_start):
        att = m.end()
        add(att, _clause_end(text, att))
        pos = _clause_end(text, att)
        while True:
            nxt = re.match(r"\s*(?:\n\s*)+(?=att\s+[a-zåäö])", text[pos:])
            if not nxt:
                break
            start = pos + nxt.end()
            pos = _clause_end(text, start)
            add(start, pos)
    for m in _DECISION_LABEL.finditer(text, doc.content_start):
        line_head = text[text.rfind("\n", 0, m.start()) + 1 : m.start()]
        if not line_head.strip(_BULLETS) or text[max(0, m.start() - 2) : m.start()] in {". ", ": "}:
            add(m.end(), _clause_end(text, m.end()))  # the label opens a line (or bullet) or follows a sentence
    for m in _ATT_SENTENCE.finditer(text, doc.content_start):
        start = text.find("att", m.start())
        if any(abs(start - s) < 3 for s in found):
            continue
        add(start, _clause_end(text, start))
    for m in _PASSIVE_OR_PROPOSED.finditer(text, doc.content_start):
        s_start, s_end = doc.sentence_at(m.start())
        if s_end > s_start and not any(s_start <= s < s_end for s in found):
            add(_passive_subject_start(text, s_start, m.start(), people_names), s_end)
    return [found[k] for k in sorted(found)]


def _passive_subject_start(text: str, s_start: int, verb: int, people_names: Sequence[str]) -> int:
    """Where a passive decision starts. A run-on 'sentence' from a flattened PDF page ('... Övriga: ...
    1 Justerare Eva Borg utses att justera') starts at the person just before the verb, else after
    the last label."""
    if verb - s_start < 200:
        return s_start
    before = text[s_start:verb].rstrip()
    for name in people_names:
        if before.endswith(name):
            return s_start + len(before) - len(name)
    colon = before.rfind(":")
    if colon < 0:
        return s_start
    label_value = before[colon + 1 :]
    return s_start + colon + 1 + len(label_value) - len(label_value.lstrip())


def _clause_end(text: str, start: int) -> int:
    """End of an att-clause; a trailing ', samt' before the next clause is not part of it."""
    end = _clause_stop(text, start)
    m = re.search(r",?\s+(?:samt|och)\s*$", text[start:end])
    return start + m.start() if m else end


def _clause_stop(text: str, start: int) -> int:
    m = re.search(r"\.(?:\s|$)|\n\s*\n|\n(?=\s*(?:att\s|\d+[.\s]))", text[start:])
    return start + (m.start() if m else min(len(text) - start, 400))


def find_actions(
    doc: Doc, items: list[ItemSpan], people_names: list[str], decisions: list[DecisionFact]
) -> list[ActionFact]:
    text = doc.text
    decided = {(e.start) for d in decisions for e in d.evidence}
    actions: list[ActionFact] = []
    by_first = _first_name_index(people_names)
    impersonal = {doc.sentence_at(m.start()) for m in _IMPERSONAL_ACTION.finditer(text, doc.content_start)}
    names = sorted(people_names, key=len, reverse=True)
    for s_start, s_end in doc.sentences:
        if s_start < doc.content_start or any(s_start <= p < s_end for p in decided):
            continue
        sentence = text[s_start:s_end]
        assignee, rest = _subject(sentence, names, by_first)
        is_action = False
        responsible = _RESPONSIBLE.match(text, s_end, s_end + 40) if not _RESPONSIBLE.match(sentence) else None
        if responsible:
            named, _ = _subject(text[responsible.end() : responsible.end() + 80], names, by_first)
            if named:
                assignee, rest, is_action = named, "", True
        body_subject = _BODY_SUBJECT.match(sentence)
        if is_action:
            pass
        elif assignee is None and body_subject and _PERSON_ACTION.match(sentence[body_subject.end() :]):
            is_action = True
        elif assignee is not None and _PERSON_ACTION.match(rest):
            is_action = True
            if _UPPMANA.match(rest):
                assignee = None
        elif (s_start, s_end) in impersonal and len(sentence) < 400:
            is_action = True
            assignee = assignee if assignee and re.match(r"^(?:och\s|kommer)", rest) else None
        if is_action:
            item = item_of(items, s_start)
            actions.append(
                ActionFact(
                    text=squash(sentence).lstrip(_BULLETS).strip(" ."),
                    assignee=assignee,
                    item=item.number if item else None,
                    evidence=[doc.evidence(s_start, s_end)],
                )
            )
    return actions + _table_actions(doc, items, names, by_first)


def _table_actions(
    doc: Doc, items: list[ItemSpan], names: list[str], by_first: dict[str, str | None]
) -> list[ActionFact]:
    """Rows of an action table under a 'Vad | Vem | När' header: the task, and who does it."""
    text = doc.text
    out: list[ActionFact] = []
    if not _WHO_WORD.search(text, doc.content_start):
        return out
    for header in _SHORT_LINE.finditer(text, doc.content_start):
        sep = "|" if "|" in header.group(1) else ","
        cells = [c.strip() for c in header.group(1).strip("| ").split(sep)]
        what = next((i for i, c in enumerate(cells) if _WHAT_CELL.match(c)), None)
        who = next((i for i, c in enumerate(cells) if _WHO_CELL.match(c)), None)
        if what is None or who is None:
            continue
        pos = header.end() + 1
        while pos < len(text):
            end = text.find("\n", pos)
            end = len(text) if end < 0 else end
            line = text[pos:end]
            values = [c.strip() for c in line.strip("| \t").split(sep)]
            if line.strip() and re.fullmatch(r"[\s|:-]+", line):
                pos = end + 1
                continue  # the rule under a markdown header
            if len(values) != len(cells) or not values[what]:
                break
            assignee, _ = _subject(values[who], names, by_first)
            item = item_of(items, pos)
            evidence = [doc.evidence(pos, end)]
            out.append(
                ActionFact(text=values[what], assignee=assignee, item=item.number if item else None, evidence=evidence)
            )
            pos = end + 1
    return out


def _first_name_index(names: list[str]) -> dict[str, str | None]:
    index: dict[str, str | None] = {}
    for name in names:
        first = fold(name.split()[0])
        index[first] = None if first in index and index[first] != name else name
    return index


def _subject(sentence: str, names: list[str], by_first: dict[str, str | None]) -> tuple[str | None, str]:
    """The person a sentence starts with (full or first name, 'X och Y'), and the text after it."""
    s = sentence.lstrip("-–• ")
    s = s[label.end() :] if (label := _RUN_IN_LABEL.match(s)) else s
    for name in names:
        if s.startswith(name):
            rest = s[len(name) :].lstrip(" ,")
            rest = re.sub(r"^och\s+[A-ZÅÄÖ][\wåäö-]+(?:\s+[A-ZÅÄÖ][\wåäö-]+)*\s+", "", rest)
            return name, rest
    m = re.match(r"([A-ZÅÄÖ][\wåäöé-]+)(?:\s+(.*)|$)", s, re.S)  # a first name alone is a subject too
    if m and is_given_name(m.group(1)):
        full = by_first.get(fold(m.group(1)))
        if full:
            rest = re.sub(r"^och\s+[A-ZÅÄÖ][\wåäö-]+\s+", "", m.group(2) or "")
            return full, rest
    return None, s


def find_handoffs(doc: Doc, items: list[ItemSpan], networks: list[EntityFact], body: str | None) -> list[HandoffFact]:
    text = doc.text
    out: list[HandoffFact] = []
    listed_targets: set[str] = set()

    def target(raw: str) -> str | None:
        raw = re.sub(r"\s+", " ", raw).strip(" .,:")
        # "på nästa möte med socialcheferna", "på Socialchefsnätverkets möte i oktober": the body that meets
        raw = re.sub(r"^(?:nästa|kommande)\s+(?:möte|mötet|träff)\s+(?:med|i|för)\s+", "", raw)
        raw = re.sub(r"(?<=[a-zåäö]{3})s\s+(?:nästa\s+)?(?:möte|sammanträde|träff)\b.*$", "", raw)
        if " till " in raw:  # "... som finns i länet till IFO-cheferna": the body may follow the last "till"
            found = body_named(raw.rsplit(" till ", 1)[1])
            if found:
                return found
        return body_named(raw)

    def body_named(raw: str) -> str | None:
        paren = re.search(r"\(([^)]+)\)", raw)
        candidates = [paren.group(1)] if paren else []
        candidates.append(re.sub(r"\s*\(.*", "", raw))
        for cand in candidates:
            key = network_key(cand)
            for net in networks:
                nk = network_key(net.name)
                if key and (key == nk or (len(key) >= 3 and (nk.startswith(key) or key.startswith(nk)))):
                    return net.name if not paren else cand
        if paren and paren.group(1).isupper():
            return paren.group(1)
        cand = candidates[-1]
        if re.match(r"^(?:nästa\s+)?(?:möte|mötet)\b", cand):
            return None
        return (
            cand if len(cand) <= 60 and re.search(r"nätverk|grupp|cheferna|råd|styrelse|forum|utskott", cand) else None
        )

    seen: set[tuple[str, str]] = set()

    def add(question: str, to: str, start: int, end: int) -> None:
        item = item_of(items, start)
        q = squash(question).strip(" .,:")
        if q and (q.casefold(), to.casefold()) not in seen:
            seen.add((q.casefold(), to.casefold()))
            out.append(
                HandoffFact(question=q, to=to, item=item.number if item else None, evidence=[doc.evidence(start, end)])
            )

    for m in _HANDOFF_LIST.finditer(text, doc.content_start):
        to = target(m.group("to")) or squash(m.group("to"))
        listed_targets.add(network_key(to))
        pos = m.end()
        for line in re.finditer(r"(?m)^[ \t]*(\S[^\n]{1,150})$", text[pos : pos + 1500]):
            value = line.group(1).strip()
            words = value.split()
            signature = len(words) == 2 and is_given_name(words[0]) and words[1][:1].isupper()
            heading = bool(re.match(r"^(?:\d+[.)]|§)\s", value))
            if signature or heading or len(words) > 12 or value.endswith(":"):
                break  # the list of questions ends at a signature, the next item or running text
            add(value, to, pos + line.start(1), pos + line.end(1))
    # "Beslutet expedieras till" and the bodies below it, one per line: the item went to each
    for m in _DISTRIBUTION.finditer(text, doc.content_start):
        question = _item_title(items, m.start())
        if question is None:
            continue
        pos = m.end()
        for line in re.finditer(r"[ \t]*([^\n]{2,80})(?:\n|$)", text[pos : pos + 600]):
            start, end = pos + line.start(1), pos + line.end(1)
            hit = doc.hit_covering(start, end)
            to = target(line.group(1)) or (line.group(1).strip() if hit and hit.kind == "organization" else None)
            if to is None:
                break
            add(question, to, start, end)
    # "ta med sig frågan om X till B" and "Frågan tas upp i B": the question is X, the one raised
    # just before, or the item's title
    for pattern in (_HANDOFF_TAKE, _HANDOFF_RAISED, _HANDOFF_BARE):
        for m in pattern.finditer(text, doc.content_start):
            if pattern is _HANDOFF_BARE and text[max(0, m.start() - 2) : m.start()].strip(_BULLETS + ".\n"):
                continue  # the bare verb must open its sentence
            to = target(m.group("to"))
            if to is None or network_key(to) in listed_targets:
                continue
            question = m.groupdict().get("q") or _previous_question(doc, m.start()) or _item_title(items, m.start())
            if question:
                add(question, to, m.start(), m.end())
    for m in _HANDOFF_BOARD.finditer(text, doc.content_start):
        raw = next(g for g in (m.group(f"to{i}") for i in range(1, 6)) if g)
        to = target(raw) or raw
        if body and network_key(to) == network_key(body):
            continue
        sentence = doc.sentence_at(m.start())
        if any(sentence[0] <= h.evidence[0].start < sentence[1] for h in out if h.evidence):
            continue  # the sentence already gave this handoff with its own question
        question = m.group("q4") or _subject_question(text, m.start()) or _item_title(items, m.start())
        if question:
            add(question, to, m.start(), m.end())
    return out


def _previous_question(doc: Doc, pos: int) -> str | None:
    """'... väckte frågan om X. Frågan tas upp ...': the question the anaphor points back to."""
    window = doc.text[max(0, pos - 400) : pos]
    found = list(_QUESTION_BEFORE.finditer(window))
    return found[-1].group("q") if found else None


def _subject_question(text: str, pos: int) -> str | None:
    m = re.search(r"frågan\s+om\s+([^.,]{3,100}?)\s+tas\s+upp\s*$", text[max(0, pos - 200) : pos + 12])
    return m.group(1) if m else None


def _item_title(items: list[ItemSpan], pos: int) -> str | None:
    item = item_of(items, pos)
    return item.title if item else None
