"""samkarta_outcomes: decisions, actions with their assignee, handoffs with their target.

Read sentence by sentence, with the verbs of data/outcomes.yaml:
- a decision is a sentence whose decision verb is finite or passive ("beslutar att", "godkändes",
  "läggs till handlingarna"), or an att-clause after a decision label ("Beslut: att ...");
  sentences under a proposal label ("Förslag till beslut") decide nothing;
- an action gives someone a task for later ("X ska ...", "X tar med sig frågan", "uppdrar åt X
  att ..."); its assignee is the person who is its subject, if one is;
- a handoff sends the matter to another body ("överlämnas till X", "tas upp i X", "föreslår X
  besluta", "Medskick till X:" and the lines under it); its question is the item's title, or
  what "frågan om ..." names.
Results: doc._.outcomes = {"decisions": [...], "actions": [...], "handoffs": [...]} of dicts.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from samkarta.loaders.components.entities import heads
from samkarta.loaders.components.layout import BULLETS, structure
from samkarta.loaders.components.util import (
    Tokens,
    label_at,
    sentence_of,
    span_text,
    spans_of,
    text_of,
    token_after,
    tokens_of,
    verb_like,
)
from samkarta.loaders.words import data, grammar, months, role_words

_MAX_TEXT = 60  # tokens of a sentence kept as a fact's text
_TITLE_REACH = 40  # characters from an item's title to a lone outcome verb that decides it
_LEADER_GAP = 4  # spaces where a table of contents had dot leaders (blanked when prepared)
_CLAUSE_REACH = 4  # words from the word that opens a subordinate clause to its verb


@dataclass(frozen=True)
class _Cues:
    decision: frozenset[str]
    needs: dict[str, frozenset[str]]
    form: re.Pattern[str]
    proposal: tuple[str, ...]
    decision_labels: tuple[str, ...]
    action: frozenset[str]
    task_phrases: tuple[str, ...]
    responsible: frozenset[str]
    handoff: dict[str, frozenset[str]]
    handoff_preps: frozenset[str]
    submission: frozenset[str]
    attachment_words: frozenset[str]
    handoff_passives: frozenset[str]
    sending: frozenset[str]
    for_information: frozenset[str]
    information_links: frozenset[str]
    medskick: tuple[str, ...]
    plain_future: frozenset[str]
    future_cues: frozenset[str]
    reporting: frozenset[str]
    assignment_words: frozenset[str]
    urging_words: frozenset[str]
    election_titles: tuple[str, ...]
    inverted_modals: frozenset[str]
    we_words: frozenset[str]
    we_not_tasks: frozenset[str]
    negations: frozenset[str]
    coming_words: frozenset[str]
    norm_words: frozenset[str]
    this_meeting: frozenset[str]
    dispatch: frozenset[str]
    past_cues: frozenset[str]
    statute_words: frozenset[str]
    national_kinds: frozenset[str]


@cache
def _noting_lemmas() -> frozenset[str]:
    return frozenset(data("outcomes.yaml")["noting_lemmas"])


@cache
def cues() -> _Cues:
    s = data("outcomes.yaml")
    return _Cues(
        frozenset(s["decision_lemmas"]),
        {k: frozenset(v) for k, v in s["decision_needs"].items()},
        re.compile(s["decision_form"]),
        tuple(s["proposal_labels"]),
        tuple(s["decision_labels"]),
        frozenset(s["action_lemmas"]),
        tuple(s["task_phrases"]),
        frozenset(s["responsible_labels"]),
        {k: frozenset(v) for k, v in s["handoff_lemmas"].items()},
        frozenset(s["handoff_prepositions"]),
        frozenset(s["submission_lemmas"]),
        frozenset(s["attachment_words"]),
        frozenset(s["handoff_passives"]),
        frozenset(s["sending_lemmas"]),
        frozenset(s["for_information"]),
        frozenset(s["information_links"]),
        tuple(s["medskick_labels"]),
        frozenset(s["plain_future"]),
        frozenset(s["future_cues"]),
        frozenset(s["reporting_lemmas"]),
        frozenset(s["assignment_words"]),
        frozenset(s["urging_words"]),
        tuple(s["election_titles"]),
        frozenset(s["inverted_modals"]),
        frozenset(s["we_words"]),
        frozenset(s["we_not_tasks"]),
        frozenset(s["negations"]),
        frozenset(s["coming_words"]),
        frozenset(s["norm_words"]),
        frozenset(s["this_meeting"]),
        frozenset(s["dispatch_lemmas"]),
        frozenset(s["past_cues"]),
        frozenset(s["statute_words"]),
        frozenset(s["national_kinds"]),
    )


class Outcomes:
    def __init__(self, nlp: Language) -> None:
        c = cues()
        self.task = _task_matcher(nlp, c.task_phrases)
        self.medskick = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.medskick.add("MEDSKICK", [nlp.make_doc(p) for p in c.medskick])

    def __call__(self, doc: Doc) -> Doc:
        c = cues()
        items = sorted(spans_of(doc, "item"), key=lambda s: s.start)
        item_starts = [i.start for i in items]
        targets = sorted([*spans_of(doc, "network"), *spans_of(doc, "org")], key=lambda s: s.start)
        target_starts = [t.start for t in targets]
        mentions = _person_mentions(doc)
        proposal_ranges = _label_ranges(doc, c.proposal)
        decision_ranges = _label_ranges(doc, c.decision_labels)
        named = [*spans_of(doc, "org"), *spans_of(doc, "network"), *spans_of(doc, "project")]
        in_names = {i for s in named for i in range(s.start, s.end)}
        task_hits = {s for _, s, _ in self.task(doc)} - in_names  # "Förbundet Alla ska med": a name
        mention_ends = {m[0]: m[1] for m in mentions}
        out: dict[str, list[dict[str, Any]]] = {"decisions": [], "actions": [], "handoffs": []}
        start = token_after(doc, doc._.content_start)
        # which sentences hold a cue at all, found on the lemma strings (a Token only where needed)
        table = tokens_of(doc)
        in_label = label_at(doc)
        # a verb in a label ("Utses att justera:") heads a field, it records no decision
        decision_at = [
            i
            for i, lemma in enumerate(table.lemma)
            if (lemma in c.decision or table.lower[i] == "att") and i not in in_label
        ]
        handoff_at = [
            i
            for i, lemma in enumerate(table.lemma)
            if lemma in c.handoff or lemma == "föreslå" or lemma in c.submission or lemma in c.handoff_passives
        ]
        # "Beslut: Rådet tackar för informationen": what a decision label opens is the decision
        labelled = _first_after_labels(doc, c.decision_labels) | _label_word_before_att(doc, c.decision_labels)
        decision_at = sorted({*decision_at, *labelled})
        for s_start, s_end in doc._.sentences:
            if s_start < start:
                continue
            has_decision = _any_between(decision_at, s_start, s_end)
            has_handoff = _any_between(handoff_at, s_start, s_end)
            # task words in the order they are tried: a plain future the sentence only describes
            # ("... och läsningen ska vara frivillig") leaves room for a passive task in a clause
            # before it ("X sänds till Y och ..."); a passive after the modal is the modal's own verb
            hit = next((t for t in range(s_start, s_end) if t in task_hits), None)
            passive = _timed_passive(table, s_start, s_end, c)
            tasks = [hit] if hit is not None else []
            if passive is not None and (hit is None or passive < hit):
                tasks.append(passive)
            if not tasks:
                tasks = [k for k in [_inverted_modal(table, s_start, s_end, mention_ends, c)] if k is not None]
            if not tasks:
                tasks = [k for k in [_we_present(table, s_start, s_end, c)] if k is not None]
            if not (has_decision or has_handoff or tasks):
                continue
            sent = doc[s_start:s_end]
            item = _item_of(items, item_starts, sent.start)
            in_proposal = _inside(sent.start_char, proposal_ranges) and not _inside(sent.start_char, decision_ranges)
            trigger = None
            if has_decision and not in_proposal:
                trigger = self._decision_at(doc, sent, c, _inside(sent.start_char, decision_ranges), in_label)
                if trigger is None:
                    trigger = next((i for i in range(s_start, s_end) if i in labelled), None)
            if trigger is not None and _reported(doc, sent, trigger, targets, target_starts):
                trigger = None
            if trigger is not None:
                out["decisions"].append(_fact(doc, sent, item, 0.8, trigger))
            if not in_proposal:
                action = next(filter(None, (self._action(doc, sent, k, mentions, item) for k in tasks)), None)
                if action is not None:
                    out["actions"].append(action)
            handoff = self._handoff(doc, sent, c, targets, target_starts, item) if has_handoff else None
            if handoff is not None:
                out["handoffs"].append(handoff)
        out["handoffs"].extend(self._medskick(doc, targets, target_starts))
        out["actions"].extend(_responsible(doc, c, mentions))
        out["decisions"].extend(_elections(doc, items, mentions, c))
        for task in _tasks_under_names(doc, mentions, items, item_starts):
            # words already read as a task are that one, now with its person
            same = next((a for a in out["actions"] if _starts_within(a["span"], task["span"])), None)
            if same is None:
                out["actions"].append(task)
                continue
            if same["assignee"] is None:
                same["assignee"] = task["assignee"]
            if same["span"][1] > task["span"][1]:  # the sentence ran on over the next bullet: the bullet is the task
                same["text"], same["span"] = task["text"], task["span"]
        doc._.outcomes = out
        return doc

    # -- decisions --------------------------------------------------------------------------------
    def _decision_at(self, doc: Doc, sent: Span, c: _Cues, after_label: bool, in_label: set[int]) -> int | None:
        """The token a decision is read at (its verb, or the 'att' of a clause), else None."""
        t = tokens_of(doc)
        words = [i for i in range(sent.start, sent.end) if not t.space[i]]
        if not words or t.text[words[-1]].endswith("?"):
            return None
        first = words[0]
        clause = t.lower[first] == "att"
        if clause and after_label:
            return first
        # the decision formula without a label: "Att fastställa dagordningen.", "Godkänna informationen."
        verb = words[1] if clause and len(words) > 1 else first
        if (clause or t.text[first][:1].isupper()) and self._bare_infinitive(t, words, verb, c):
            return first
        in_title = _in_titles(doc)
        for k in range(1, len(words) - 1):  # "... 2008. att notera informationen": the full stop lost its capital
            # "§ 4 Dagordning att fastställa dagordningen": a title run on into its item's decision
            if t.lower[words[k]] == "att" and (
                t.text[words[k - 1]] in (".", ":") or words[k - 1] in in_title or _verbless_lead(doc, words[:k], c)
            ):
                if self._bare_infinitive(t, words, words[k + 1], c):
                    return words[k]
            # "91 Justering utse Anna Berg att ...": a title run on into its decision with no line
            # break or "att", the decision's infinitive in lower case after the title's first words
            # (unless a decision verb of its own came first: "X utser A att ... justera")
            if (
                words[k - 1] in in_title
                and t.lower[words[k - 1]] not in ("att", "om")
                and t.text[words[k]].islower()
                and self._bare_infinitive(t, words, words[k], c)
                and not any(t.lemma[w] in c.decision and t.text[w].islower() for w in words[:k])
            ):
                return words[k]
        for k, i in enumerate(words):
            lemma = t.lemma[i]
            low = t.lower[i]
            participle = low.endswith(grammar().participle_endings)
            if lemma not in c.decision or low == "beslut" or participle or i in in_label:
                continue  # the noun "beslut" and participles ("beslutande") decide nothing
            if lemma == "föreslå" and low.endswith("s"):
                continue  # "Direktionen föreslås besluta": the proposal put to the body, not its decision
            if _perfect(t, words, k):
                continue  # "har beslutat", "hade antagit": a decision taken before, reported
            if any(t.lower[j] in grammar().modal_verbs for j in words[max(0, k - 2) : k]):
                continue  # "bör (inte) väljas", "ska utses": what is to be, or may be, decided
            infinitive_in_att = k > 0 and t.lower[words[k - 1]] == "att" and (clause or after_label)
            if not (c.form.search(low) or infinitive_in_att):
                continue
            after = [t.lower[j] for j in words[k + 1 : k + 11]]
            needed = c.needs.get(lemma)
            # a noting verb's passive has its object as subject, before it: "Informationen noteras"
            noted = low.endswith("s") and lemma in _noting_lemmas()
            before = [t.lower[j] for j in words[max(0, k - 2) : k]] if noted else []
            if needed and not any(w in needed for w in after + before):
                continue
            if (
                lemma == "besluta"
                and not infinitive_in_att
                and not set(after[:3]) & {"att", "enligt", "om", "i", "därmed", "vidare"}
                and not (k + 1 < len(words) and self._bare_infinitive(t, words, words[k + 1], c))
            ):
                continue  # "anmälan av beslutade ärenden": a participle; "beslutade lägga ...": a decision
            return words[k - 1] if infinitive_in_att else i
        return None

    @staticmethod
    def _bare_infinitive(t, words: list[int], verb: int, c: _Cues) -> bool:
        """A decision verb in the infinitive with the object it needs, if it needs one."""
        lemma = t.lemma[verb]
        if lemma not in c.decision or t.lower[verb] != lemma or lemma == "föreslå":
            return False
        needed = c.needs.get(lemma)
        k = words.index(verb)
        return not needed or any(t.lower[j] in needed for j in words[k + 1 : k + 8])

    # -- actions ----------------------------------------------------------------------------------
    def _action(
        self, doc: Doc, sent: Span, task: int, mentions: list[tuple[int, int, str]], item: Span | None
    ) -> dict[str, Any] | None:
        if _in_parentheses(doc, sent, task):
            return None  # "(skickas ut separat)": a remark, not a task
        subject = _subject_before(doc, sent, task, mentions)
        last = next((t.i for t in reversed(sent) if not (t.is_space or t.is_punct)), task)
        if doc[task].lower_ == "kommer" and (last == task or _coming(doc[task + 1])) and not _to_next(doc, task):
            return None  # "Anna kommer från Norrby", "frågan kommer upp", "... och hon kommer": a move
        if any(t.lower_ in cues().this_meeting for t in doc[task : min(sent.end, task + 6)]):
            return None  # "återkommer under dagens möte, punkt 5": a later item of this meeting
        if doc[task].lower_ not in cues().inverted_modals and any(
            t.lower_ in cues().past_cues for t in doc[task : sent.end]
        ):
            return None  # "X sammanställer svaren från förra enkäten": what it is about is done, no task set
        if _plain_future(doc, task):
            if _described(doc, sent, task):
                return None  # "Hur ska samarbetet utvecklas": a question, no task set
            if _state_follows(doc, sent, task):
                return None  # "det ska finnas en rutin", "Anna ska vara ledig": a state to hold, no task
            if subject is None and (
                not _future_task(doc, sent, task)  # "ska", "kommer att", "tar upp" describe; no one is given a task
                or _told(doc, sent, task)  # "X informerar om att en översyn ska göras": news told
                or _by_rule(doc, sent, task)  # "Enligt lagen ska budgeten ...": what a rule requires
                or _subordinate(doc, sent, task)  # "..., och hur den ska ordnas", "om X ska ändras"
            ):
                return None
        if _passive_after(doc, task, sent.end):
            # "Anna kommer att kontaktas av kansliet": she is acted upon; the one after "av" does it
            subject = _agent_after(doc, sent, task, mentions)
        fact = _fact(doc, sent, item, 0.6 if subject else 0.5, task)
        fact["assignee"] = subject
        return fact

    # -- handoffs ---------------------------------------------------------------------------------
    def _handoff(
        self,
        doc: Doc,
        sent: Span,
        c: _Cues,
        targets: list[Span],
        target_starts: list[int],
        item: Span | None,
    ) -> dict[str, Any] | None:
        """A handoff verb, then a preposition and a body or organisation ('tar med sig frågan om X
        till Y'), or 'föreslår Y (att) besluta'."""
        t = tokens_of(doc)
        words = [i for i in range(sent.start, sent.end) if not t.space[i]]
        # "för kännedom": sent for information only ("regler om information" is a matter like any other)
        if any(
            t.lower[words[k]] in c.for_information and t.lower[words[k - 1]] in c.information_links
            for k in range(1, len(words))
        ):
            return None
        meeting = doc._.meeting
        body = meeting.body if meeting is not None else None
        for k, i in enumerate(words):
            lemma = t.lemma[i]
            if lemma == "föreslå" and t.text[i] != "Förslag":
                target = _target_at(targets, target_starts, words[k + 1] if k + 1 < len(words) else sent.end)
                if (
                    target is not None
                    and target.label_ == "NETWORK"
                    and any(w in c.needs["föreslå"] for w in t.lower[target.end : target.end + 3])
                ):
                    return self._handoff_fact(doc, sent, i, target, item, body, object_after=target.end + 1)
                continue
            if lemma in c.submission:
                target = _target_at(targets, target_starts, words[k + 1] if k + 1 < len(words) else sent.end)
                if target is not None and target.label_ == "NETWORK":
                    return self._handoff_fact(doc, sent, i, target, item, body)
                continue
            passive = t.lower[i] in c.handoff_passives
            # "tas till X", "tas upp i X": a passive the lemma table lacks ("tas" for "ta"), right before
            # "till" or a handoff particle, unless it describes ("som tas över")
            unknown = (
                passive
                and lemma == t.lower[i]
                and not (k > 0 and t.lower[words[k - 1]] == "som")
                and k + 1 < len(words)
                and (t.lower[words[k + 1]] == "till" or t.lower[words[k + 1]] in _handoff_particles())
            )
            particles = c.handoff.get(lemma, frozenset() if unknown else None)
            if particles is None:
                continue
            if particles and not passive and not any(t.lower[j] in particles for j in words[k + 1 : k + 3]):
                if lemma in c.sending:
                    target = _sent_to(t, words[k + 1 : k + 8], targets, target_starts)
                    if target is not None:
                        return self._handoff_fact(doc, sent, i, target, item, body)
                continue
            if k + 1 < len(words) and t.lower[words[k + 1]] == "att":
                continue  # "X lyfter att hyran hos Y stiger": a that-clause says something, hands nothing on
            for j in words[k + 1 : k + 12]:
                if t.lower[j] in c.handoff_preps and j + 1 < sent.end:
                    target = _target_at(targets, target_starts, j + 1)
                    if target is None and t.lower[j] == "till":
                        target = _plural_bodies(doc, j + 1)
                    if target is not None:
                        return self._handoff_fact(doc, sent, i, target, item, body)
        return None

    def _handoff_fact(
        self,
        doc: Doc,
        sent: Span,
        verb: int,
        target: Span,
        item: Span | None,
        body: str | None,
        object_after: int | None = None,
    ) -> dict[str, Any] | None:
        to = " ".join(target.text.split())
        if body and _same_body(to, body):
            return None  # "tas upp på nästa möte" in the body's own minutes: it stays with the body
        # "föreslår X besluta att anta Y": Y, what the decision is about, before the words ahead of
        # the verb (which name the one proposing)
        if object_after is None:
            question = _question(doc, sent, verb, item)
        else:
            # a numbered agenda item's title names the matter; a heading without a number may head
            # a whole section of a page, so what the decision is about comes first there
            numbered = item if item is not None and item._.number is not None else None
            question = (
                _question(doc, sent, verb, numbered, words_before=False)
                or _object_of_decision(doc, sent, object_after)
                or _question(doc, sent, verb, item)
            )
        if not question:
            return None
        fact = _fact(doc, sent, item, 0.6)
        fact.pop("text")
        fact["question"] = question
        fact["to"] = to
        fact["to_span"] = (target.start_char, target.end_char)
        return fact

    def _medskick(self, doc: Doc, targets: list[Span], target_starts: list[int]) -> list[dict[str, Any]]:
        """'Medskick till X:' and one question per line under it, until a blank line, or one per
        bullet on the label's own line where the text lost its line breaks."""
        out: list[dict[str, Any]] = []
        text = text_of(doc)
        done: set[int] = set()  # "Medskick till" and "Medskick" both match: one list per target
        for _, _start, e in self.medskick(doc):
            k = bisect.bisect_left(target_starts, e)
            if k >= len(targets) or targets[k].start > e + 3 or k in done:
                continue
            done.add(k)
            target = targets[k]
            colon = text.find(":", target.end_char, target.end_char + 3)
            pos = (colon + 1) if colon >= 0 else target.end_char
            inline = _inline_bullets(doc, target.end)
            if inline:
                out.extend(_listed_handoff(a, b, text, target) for a, b in inline)
                continue
            block_end = text.find("\n\n\n", pos)
            end = len(text) if block_end < 0 else block_end
            for ls, le in doc._.lines:
                if ls < pos or ls >= end:
                    continue
                stop = _before_presenter(doc, ls, le)  # the matter's name, without its presenter
                line = text[ls:stop].strip(" •-–*")
                if not line or len(line) > 120 or line.endswith(":"):
                    break
                if (
                    re.match(r"^[A-ZÅÄÖ][a-zåäö]+ [A-ZÅÄÖ][a-zåäö]+$", line)
                    and doc.char_span(ls, le) is not None
                    and any(p.start_char == ls for p in spans_of(doc, "person"))
                ):
                    break  # a signature after the list
                out.append(_listed_handoff(ls, stop, text, target))
        return out


_PRESENTER_PUNCT = (",", ";", ":", "-", "–", "(")


def _before_presenter(doc: Doc, start: int, end: int) -> int:
    """Where a listed matter's name ends: before the one presenting it ('Budget 2025 Föredras av
    Anna Berg', '... föredragande Anna Berg'), else at `end` (characters)."""
    t = tokens_of(doc)
    first = bisect.bisect_left(t.idx, start)
    last = bisect.bisect_left(t.idx, end)
    for j in range(first + 1, last):
        follows = t.lower[j + 1] if j + 1 < last else ""
        # the verb before "av" or a colon, the participle "föredragande" on its own
        if t.lemma[j] in grammar().presenter_lemmas and (follows in ("av", ":") or t.lower[j] == "föredragande"):
            k = j - 1
            while k > first and t.text[k] in _PRESENTER_PUNCT:
                k -= 1
            return t.idx[k] + len(t.text[k])
    return end


def _listed_handoff(start: int, end: int, text: str, target: Span) -> dict[str, Any]:
    return {
        "question": text[start:end].strip(" •-–*"),
        "to": " ".join(target.text.split()),
        "to_span": (target.start_char, target.end_char),
        "item": None,
        "span": (start, end),
        "confidence": 0.8,
    }


def _inline_bullets(doc: Doc, after: int) -> list[tuple[int, int]]:
    """The entries of a bulleted list run into one line right after token `after` ("X - Budget
    - Plan"), as (start, end) characters; none unless a bullet follows at once. An entry with no
    word of three letters (a page break's cut-off rest) is no entry."""

    def bullet(j: int) -> bool:  # a dash with space on both sides, not a hyphen
        return doc[j].text in BULLETS and bool(doc[j].whitespace_) and bool(doc[j - 1].whitespace_)

    if after >= len(doc) or not bullet(after):
        return []
    line_end = after
    while line_end + 1 < len(doc) and "\n" not in doc[line_end].whitespace_ and not doc[line_end + 1].is_space:
        line_end += 1
    cuts = [j for j in range(after, line_end + 1) if bullet(j)]
    out = []
    for a, b in zip(cuts, [*cuts[1:], line_end + 1], strict=True):
        if not any(len(w.text) >= 3 and w.is_alpha for w in doc[a + 1 : b]):
            continue
        start = doc[a + 1].idx
        end = _before_presenter(doc, start, doc[b - 1].idx + len(doc[b - 1].text))
        if end - start <= structure().list_line:
            out.append((start, end))
    return out


def _task_matcher(nlp: Language, phrases: tuple[str, ...]) -> PhraseMatcher:
    """The task phrases, each also with an adverb after its first word ("tar även med sig"),
    spelled out: a phrase matcher looks each token up once, where an optional token in a
    token-pattern matcher is tried against every pattern at every token."""
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    variants = set()
    for phrase in phrases:
        first, *rest = phrase.split()
        variants.add(phrase)
        if rest:
            variants.update(" ".join([first, adverb, *rest]) for adverb in grammar().inserted_adverbs)
    matcher.add("TASK", [nlp.make_doc(v) for v in sorted(variants)])
    return matcher


def _person_mentions(doc: Doc) -> list[tuple[int, int, str]]:
    out = [(s.start, s.end, s.kb_id_) for s in spans_of(doc, "person")]
    for key, rec in (doc._.people or {}).items():
        for cs, ce in rec.short_mentions:
            span = doc.char_span(cs, ce)
            if span is not None:
                out.append((span.start, span.end, key))
    taken = {i for start, end, _ in out for i in range(start, end)}
    starts = {start for start, _, _ in out}
    out += [
        (i, i + 1, key)
        for i, key in _titled_mentions(doc).items()
        if i not in taken and i + 1 not in starts and i + 2 not in starts  # "enhetschef Anna Berg": her name says it
    ]
    return sorted(out)


def _titled_mentions(doc: Doc) -> dict[int, str]:
    """A title written for a person ("kanslichef", "kanslichefen") where the minutes list exactly one
    person with that title: that person ("Kanslichefen bjuder in ..." is her task)."""
    by_title: dict[str, list[str]] = {}
    for key, rec in (doc._.people or {}).items():
        title = rec.title.strip(" .,").casefold() if rec.title else ""
        if title and " " not in title and title not in role_words():  # "ordförande" is a role, read elsewhere
            by_title.setdefault(title, []).append(key)
    titles = {title: keys[0] for title, keys in by_title.items() if len(keys) == 1}
    if not titles:
        return {}
    out = {}
    for i, word in enumerate(tokens_of(doc).lower):
        base = word if word in titles else next((word[: -len(e)] for e in ("en", "n") if word.endswith(e)), "")
        if base in titles:
            out[i] = titles[base]
    return out


def _label_name(label: Span) -> str:
    """A label's words as the cue lists write them: 'Beslut', 'Förslag till  beslut:' -> 'förslag till beslut'."""
    return " ".join(span_text(label).rstrip(":").split()).casefold()


def _first_after_labels(doc: Doc, words: tuple[str, ...]) -> set[int]:
    """The first word after each label of these words, on the label's line."""
    t = tokens_of(doc)
    out = set()
    for lab in spans_of(doc, "label"):
        if _label_name(lab) not in words:
            continue
        k = lab.end
        while k < len(doc) and t.text[k] in (":", "-", "–"):
            k += 1
        if k < len(doc) and not t.space[k] and t.text[k][:1].isalpha():
            out.add(k)
    return out


def _label_word_before_att(doc: Doc, words: tuple[str, ...]) -> set[int]:
    """'Beslut att välja ...' opening a line: the label word without its colon, before an att-clause."""
    t = tokens_of(doc)
    text = text_of(doc)
    out = set()
    for k in range(1, len(doc)):
        if t.lower[k] == "att" and t.lower[k - 1] in words:
            idx = doc[k - 1].idx
            line_start = text.rfind("\n", 0, idx)  # only blanks between the line break and the label word
            if line_start >= 0 and not text[line_start + 1 : idx].strip(" \t"):
                out.add(k)
    return out


def _label_ranges(doc: Doc, words: tuple[str, ...]) -> list[tuple[int, int]]:
    """Char ranges from each matching label to the next label or item."""
    labels = sorted(spans_of(doc, "label"), key=lambda s: s.start)
    stops = sorted(
        {lab.start_char for lab in labels} | {i.start_char for i in spans_of(doc, "item")} | {len(text_of(doc))}
    )
    out = []
    for lab in labels:
        if _label_name(lab) in words:
            stop = next(s for s in stops if s > lab.start_char)
            out.append((lab.start_char, stop))
    return out


def _inside(pos: int, ranges: list[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in ranges)


def _item_of(items: list[Span], starts: list[int], token: int) -> Span | None:
    i = bisect.bisect_right(starts, token) - 1
    if i >= 0 and items[i].start <= token < items[i].end:
        return items[i]
    return None


_SUBJECT_REACH = 16  # words: a verb-initial clause takes back a subject this long at most


def _fact(doc: Doc, sent: Span, item: Span | None, confidence: float, trigger: int | None = None) -> dict[str, Any]:
    """A fact's text: from the start of the clause its trigger stands in to the sentence's end."""
    words = [t for t in sent if not t.is_space]
    first = words[0]
    label = label_at(doc).get(first.i)
    if label is not None:  # "Beslut: att ..." -> the clause
        words = [t for t in words if t.i >= label.end]
    if trigger is not None and words:
        lo = max(words[0].i, sent.start)
        start = _clause_start(doc, lo, trigger)
        verb_first = start == trigger > lo and doc[trigger].text[:1].islower() and doc[trigger].lower_ != "att"
        if verb_first and trigger - lo <= _SUBJECT_REACH:
            start = lo  # "Budget för X (700 000 kr) godkändes": the subject held a number; it is all the clause
        words = [t for t in words if t.i >= start]
        words = words[: _clause_end(words, trigger)]
    words = words[:_MAX_TEXT]
    while len(words) > 1 and words[-1].text in (".", ";", ":"):
        words = words[:-1]  # the span is the text, without its closing stop
    if not words:
        words = [first]
    words = _without_page_number(words)
    start, end = words[0].idx, words[-1].idx + len(words[-1].text)
    title = item._.title if item is not None else None
    if len(words) == 1 and title is not None and title[0] < start <= title[1] + _TITLE_REACH:
        start = title[0]  # "Bordlades" alone says nothing: it decides its item ("Motion om X. Bordlades")
    text = " ".join(text_of(doc)[start:end].split()).strip(" .;:")
    return {
        "text": text,
        "item": item._.number if item is not None else None,
        "span": (start, end),
        "confidence": confidence,
    }


def _without_page_number(words: list[Token]) -> list[Token]:
    """A table of contents line ends in its page number after a gap where dot leaders were
    ("Bordlades ...... 31 §"): the number and what follows it are no part of the fact."""
    for k in range(1, len(words)):
        gap = words[k].idx - (words[k - 1].idx + len(words[k - 1].text))
        if gap >= _LEADER_GAP and words[k].text.isdigit():
            return words[:k]
    return words


def _perfect(t, words: list[int], k: int) -> bool:
    """The verb at words[k] follows a perfect auxiliary, at most one adverb between, or a few
    words between when the verb is a supine in -t or -ts ("har redan i våras beslutat", "har
    i höstas enats")."""
    reach = 5 if t.lower[words[k]].endswith(("t", "ts")) else 2
    for back in range(1, reach + 1):
        if k - back < 0 or t.text[words[k - back]] in (".", ",", ":", ";"):
            return False
        if t.lower[words[k - back]] in grammar().perfect_auxiliaries:
            return True
    return False


def _reported(doc: Doc, sent: Span, trigger: int, targets: list[Span], starts: list[int]) -> bool:
    """A decision the minutes only report: another body's ('Förbundsmötet beslutade', 'beslutade
    regionfullmäktige'), or one inside what someone tells ('X informerade att ... väljs')."""
    t = tokens_of(doc)
    # a full stop inside the sentence is a break the splitter missed: what came before it reports nothing
    since = max((j + 1 for j in range(sent.start, trigger) if t.text[j] == "."), default=sent.start)
    if any(t.lemma[j] in cues().reporting for j in range(since, trigger)):
        return True
    body = doc._.meeting.body if doc._.meeting is not None else None
    if body is None:
        return False
    agent = next((j + 1 for j in range(trigger + 1, min(sent.end, trigger + 5)) if t.lower[j] == "av"), None)
    if t.lower[trigger].endswith("s") and agent is not None:
        by = _target_at(targets, starts, agent)  # "fastställdes av kommunfullmäktige": its decision
        if by is not None and not _same_body(" ".join(by.text.split()), body):
            return True
    k = bisect.bisect_left(starts, trigger + 1)
    inverted = t.lemma[trigger] != "föreslå"  # "föreslår styrelsen besluta": the body after is addressed
    near = [
        s
        for s in targets[max(0, k - 2) : k + 1]
        if s.label_ == "NETWORK" and (s.end == trigger or (inverted and s.start == trigger + 1))
    ]
    return any(not _same_body(" ".join(s.text.split()), body) for s in near)


@cache
def _handoff_particles() -> frozenset[str]:
    """The particles the handoff verbs take ("vidare", "upp", "med")."""
    return frozenset(w for particles in cues().handoff.values() for w in particles)


@cache
def _proposal_words() -> frozenset[str]:
    """The words of the proposal labels that mark a proposal anywhere ("förslag", "yrkande")."""
    return frozenset(w for label in cues().proposal for w in label.split()) - {"till", "beslut"}


def _verbless_lead(doc: Doc, lead: list[int], c: _Cues) -> bool:
    """The words before an att-clause are an item's number and title, with no verb and no proposal
    ("12 Kvartalsrapport att godkänna redovisningen"): a title run into its decision. The number
    may follow a page's running header on the same line ("4(13) Rådet 17 Budget att ..."), when it
    is one of the items' numbers."""
    numbers = _item_numbers(doc)
    t = tokens_of(doc)
    lead = next((lead[k:] for k in range(len(lead) - 1, -1, -1) if t.text[lead[k]] in numbers), lead)
    if not lead or not doc[lead[0]].like_num:
        return False
    if any(t.lower[j] in _proposal_words() for j in lead):
        return False
    return not any(
        verb_like(doc[j]) or doc[j].lower_ in grammar().modal_verbs or (doc[j].lemma_ in c.decision and doc[j].is_lower)
        for j in lead
    )


def _passive_after(doc: Doc, task: int, end: int) -> bool:
    """The verb of a modal or future task word is a passive ("ska kontaktas", "kommer att bjudas in")."""
    if doc[task].lower_ not in cues().plain_future and doc[task].lower_ not in grammar().modal_verbs:
        return False
    for tok in doc[task + 1 : min(end, task + 4)]:
        if tok.lower_ == "att" or tok.lower_ in grammar().inserted_adverbs:
            continue
        low = tok.lower_
        return tok.is_alpha and low.endswith("s") and not low.endswith("ss") and verb_like(tok)
    return False


_AGENT_REACH = 3  # words from "av" to the agent's name (a title between: "av kassören Anna Berg")


def _agent_after(doc: Doc, sent: Span, task: int, mentions: list[tuple[int, int, str]]) -> str | None:
    """The person named as the agent of a passive after a modal ('ska presenteras av Anna Berg')."""
    verb = next((j for j in range(task + 1, min(sent.end, task + 4)) if doc[j].lower_.endswith("s")), None)
    if verb is None or verb + 1 >= sent.end or doc[verb + 1].lower_ != "av":
        return None
    return next((name for s, _, name in mentions if verb + 2 <= s <= verb + 1 + _AGENT_REACH), None)


def _clause_end(words: list, trigger: int) -> int:
    """Where a fact's text ends in a long flattened sentence: before the next item's number and
    title ('... bordlägges 82 Budgetuppföljning ...'), an enumeration after a colon, or a field's
    label ('... för mars Dnr 2019/40')."""
    labels = label_at(words[0].doc) if words else {}
    for k in range(1, len(words)):
        tok = words[k]
        if tok.i <= trigger:
            continue
        if tok.i in labels and labels[tok.i].start == tok.i and k > 2:
            return k
        if tok.text == ":" and any(w.lower_ in grammar().announcing_words for w in words[max(0, k - 3) : k]):
            return len(words)  # "... med följande tillägg: 8 Budget 9 Lokaler": the list is what was decided
        nxt = words[k + 1] if k + 1 < len(words) else None
        if tok.like_num and len(tok.text) <= 3 and nxt is not None and nxt.text[:1].isupper():
            return k
        after = words[k + 2] if k + 2 < len(words) else None
        if tok.like_num and len(tok.text) <= 2 and nxt is not None and nxt.text == ":" and after is not None:
            if after.text[:1].isupper():
                return k  # "... till handlingarna 4: Regional strategi": the next item's number and title
        if tok.text == ":" and nxt is not None and (nxt.like_num or nxt.text in ("-", "–", "•")):
            return k
    return len(words)


def _any_between(positions: list[int], start: int, end: int) -> bool:
    k = bisect.bisect_left(positions, start)
    return k < len(positions) and positions[k] < end


def _plural_bodies(doc: Doc, i: int) -> Span | None:
    """'till nämnderna', 'till styrelserna': bodies in the plural, which the entity list leaves out
    (they name no one body), but a matter sent to them goes to bodies all the same."""
    word = doc[i].text
    return Span(doc, i, i + 1, label="NETWORK") if word.isalpha() and word.casefold() in heads().plural_body else None


def _sent_to(t: Tokens, after: list[int], targets: list[Span], starts: list[int]) -> Span | None:
    """'skickar förslaget till styrelsen': the body right after the first 'till' behind a verb of
    sending, which sends a matter on without a particle ('skickar inbjudan till alla i X' does not)."""
    at = next((j for j in after if t.lower[j] == "till"), None)
    target = _target_at(targets, starts, at + 1) if at is not None else None
    return target if target is not None and target.label_ == "NETWORK" else None


def _target_at(targets: list[Span], starts: list[int], i: int) -> Span | None:
    """The body or organisation that starts at token i (or one token later: 'till nästa X')."""
    k = bisect.bisect_left(starts, i)
    if k < len(targets) and targets[k].start <= i + 1:
        return targets[k]
    return None


def _same_body(a: str, b: str) -> bool:
    """Body a names body b: the same name, a short form of it, or its head noun alone
    ("Fullmäktige" for the meeting of "kommunfullmäktige")."""
    fa, fb = a.casefold(), b.casefold()
    if fb.startswith((f"{fa}s ", f"{fa}:s ")):
        return False  # "nämnden" owns "nämndens arbetsutskott": another body
    if fa == fb or fa.rstrip("ns") == fb.rstrip("ns") or (len(fa) > 5 and fb.startswith(fa[:-2])):
        return True
    last = fb.split()[-1]
    # "Styrgruppen" for "Norrby styrgrupp": the definite form of the head noun
    return " " not in fa and len(fa) > 5 and (last.endswith(fa) or (fa.startswith(last) and len(fa) - len(last) <= 2))


def _plain_future(doc: Doc, task: int) -> bool:
    """The task words at `task` are one of the plain futures ("ska", "tar upp"), and not the start
    of a longer task phrase that gives a task outright ("får i uppdrag"), read as the task matcher
    reads them: with an adverb allowed after the first word ("tar även upp")."""
    words = [t.lower_ for t in doc[task : task + 8]]
    if len(words) > 2 and words[1] in grammar().inserted_adverbs:
        words = [words[0], *words[2:]]

    def at(phrase: str) -> bool:
        wanted = phrase.split()
        return words[: len(wanted)] == wanted

    c = cues()
    outright = (p for p in c.task_phrases if p not in c.plain_future and " " in p)
    return any(map(at, c.plain_future)) and not any(map(at, outright))


def _described(doc: Doc, sent: Span, task: int) -> bool:
    """A modal in a question ('Hur ska samarbetet utvecklas', 'Ska vi ...'): something asked, not set."""
    t = tokens_of(doc)
    first = next((j for j in range(sent.start, task) if any(c.isalpha() for c in t.text[j])), task)
    if first == task:  # the modal opens the sentence: a question when a subject follows it
        return task + 1 < sent.end and t.lower[task + 1] in grammar().subject_pronouns
    return t.lower[first] in grammar().question_words


def _subordinate(doc: Doc, sent: Span, task: int) -> bool:
    """The modal stands in a relative clause or an indirect question ('som ska', 'hur den ska',
    'om reglerna ska ändras'), a few words after the word that opens it: the clause describes what
    is talked about and sets nobody a task, unless it says when ('som presenteras den 4 maj')."""
    t = tokens_of(doc)
    if _placed_in_time(t, sent.start, sent.end, cues()):
        return False
    before = [j for j in range(max(sent.start, task - _CLAUSE_REACH), task) if not t.space[j]]
    opener = max((j for j in before if t.lower[j] in grammar().subordinators), default=None)
    return opener is not None and not any(t.text[j] in ",;:" for j in before if j > opener)


def _told(doc: Doc, sent: Span, task: int) -> bool:
    """The task words stand in an att-clause after a verb of telling ('informerar om att ...') or
    after a decision or proposal made before ('har beslutat att ...', 'föreslog att ...')."""
    t = tokens_of(doc)
    tellers = [j for j in range(sent.start, task) if t.lemma[j] in cues().reporting or _made_before(t, j)]
    return bool(tellers) and any(t.lower[j] == "att" for j in range(tellers[0] + 1, task))


def _made_before(t, j: int) -> bool:
    """A decision or proposal verb in the supine or the active past ('beslutat', 'föreslog')."""
    return t.lemma[j] in ("besluta", "föreslå") and t.lower[j].endswith(("t", "de", "og"))


def _by_rule(doc: Doc, sent: Span, task: int) -> bool:
    """A rule is cited before the modal or right after it ('Enligt ordningen ska', 'ska enligt
    riktlinjerna'), or a statute anywhere in its sentence ('ska ske så som förordningen kräver'): the
    clause states what the rule requires."""
    t = tokens_of(doc)
    c = cues()
    return any(t.lower[j] in c.norm_words for j in range(sent.start, min(sent.end, task + 3))) or any(
        t.lower[j] in c.statute_words for j in range(sent.start, sent.end)
    )


def _state_follows(doc: Doc, sent: Span, task: int) -> bool:
    """The verb after a modal ('ska', 'kommer att') is one of being or holding, not of doing."""
    t = tokens_of(doc)
    after = [j for j in range(task + 1, min(sent.end, task + 5)) if not t.space[j] and t.lower[j] != "att"]
    taking_part = len(after) > 1 and t.lower[after[0]] == "vara" and t.lower[after[1]] == "med"  # "ska vara med"
    return bool(after) and t.lower[after[0]] in grammar().state_verbs and not taking_part


def _future_task(doc: Doc, sent: Span, task: int) -> bool:
    """A plain future that still sets a task: something is to be done ('ska revideras'; 'kommer att
    byggas' only foretells), by a body or organisation ('Högskolan kommer att skicka'), or by a time
    ('till nästa möte', 'den 4 maj')."""
    t = tokens_of(doc)
    after = [j for j in range(task + 1, min(sent.end, task + 5)) if not t.space[j]]
    obliged = t.lower[task] != "kommer"
    if obliged and any(t.text[j].islower() and t.text[j].endswith(grammar().passive_endings) for j in after):
        return True  # a passive verb after the modal
    if _placed_in_time(t, sent.start, sent.end, cues()):
        return True
    groups = doc.user_data.get("named_groups")
    if groups is None:
        # a bare group word names a body in its definite form ("Gruppen ska"), not "En grupp ska"
        definite = [s for s in spans_of(doc, "network_generic") if s[-1].lower_.endswith(grammar().definite_endings)]
        # a national agency or association ("Socialstyrelsen ska ...") reports its own plans; a meeting
        # sets tasks for those who sit in it
        local = [s for s in spans_of(doc, "org") if s._.ref_kind not in cues().national_kinds]
        groups = doc.user_data["named_groups"] = {s.end for s in [*spans_of(doc, "network"), *local, *definite]}
    return task in groups


def _in_titles(doc: Doc) -> set[int]:
    """The tokens of agenda items' titles."""
    inside = doc.user_data.get("in_titles")
    if inside is None:
        inside = set()
        for item in spans_of(doc, "item"):
            if item._.title is not None:
                span = doc.char_span(*item._.title, alignment_mode="contract")
                inside.update(range(span.start, span.end) if span is not None else ())
        doc.user_data["in_titles"] = inside
    return inside


def _item_numbers(doc: Doc) -> frozenset[str]:
    """The agenda items' numbers, gathered once per Doc."""
    numbers = doc.user_data.get("item_numbers")
    if numbers is None:
        numbers = doc.user_data["item_numbers"] = frozenset(item._.number for item in spans_of(doc, "item"))
    return numbers


def _placed_in_time(t, start: int, end: int, c: _Cues) -> bool:
    """The sentence names when ('på nästa möte', 'senast', 'den 4 maj')."""
    return any(t.lower[j] in c.future_cues or t.lower[j] in months() for j in range(start, end))


def _timed_passive(t, start: int, end: int, c: _Cues) -> int | None:
    """A task verb in the present passive in a sentence that places it in time ("rapporten
    presenteras på nästa möte", "planeras till den 4 maj"): something is to be done, whoever does it.
    A verb of sending needs no time: "kallelsen sänds till X" is sent after the meeting."""
    timed = _placed_in_time(t, start, end, c)
    for j in range(start, end):
        low = t.lower[j]
        lemma = t.lemma[j]
        present = low in (lemma + "s", lemma[:-1] + "s")  # "skickas", "sänds"; not "skickades"
        if not present or not (timed or lemma in c.dispatch):
            continue
        if (
            (lemma not in c.action and lemma not in c.dispatch)
            or lemma in c.decision
            or not low.endswith(grammar().passive_endings)
        ):
            continue  # "utses att justera" is a decision
        if j > start and t.lower[j - 1] == "som":
            continue  # "X, som planeras till ...": a description of X
        if any(t.lower[k] in grammar().perfect_auxiliaries for k in range(max(start, j - 2), j)):
            continue  # "har skickats ut inför mötet": done already
        return j
    return None


def _inverted_modal(t, start: int, end: int, person_ends: dict[int, int], c: _Cues) -> int | None:
    """'Till nästa möte ska Anna Berg ta fram ...', 'Vidare kommer Per Ek att kontakta ...': a modal
    right before a person's name, after words that open the clause (inverted order), then a task
    verb: that person's task."""
    for j in range(start, end - 1):
        if t.lower[j] not in c.inverted_modals or j + 1 not in person_ends or j == 0 or t.space[j - 1]:
            continue
        after = person_ends[j + 1]
        if any(t.lemma[k] in c.action for k in range(after, min(end, after + 3))):
            return j
    return None


def _we_present(t, start: int, end: int, c: _Cues) -> int | None:
    """'Vi planerar ett seminarium i november': a sentence opening with 'vi' and a verb in the present
    tense (no negation, no that-clause after it): the verb, a task of the group; else None."""
    words = [i for i in range(start, end) if not t.space[i] and t.text[i] not in BULLETS]
    if len(words) < 3 or t.lower[words[0]] not in c.we_words:
        return None
    verb, after = words[1], words[2]
    low = t.lower[verb]
    if not (t.text[verb].isalpha() and low.islower() and len(low) > 3 and low.endswith("r")):
        return None
    if low in c.we_not_tasks or t.lower[after] == "att" or any(t.lower[i] in c.negations for i in words):
        return None
    return verb


def _coming(after: Token) -> bool:
    """'kommer' followed by a place, a time or a particle is a move or an arrival, no future."""
    return after.lower_.rstrip(".") in cues().coming_words or after.like_num or after.is_punct


def _to_next(doc: Doc, task: int) -> bool:
    """'kommer på nästa möte', 'kommer till kommande träff': someone or something is brought to a
    later meeting, which the minutes set as a task."""
    return task + 2 < len(doc) and doc[task + 1].lower_ in ("på", "till") and doc[task + 2].lower_ in cues().future_cues


def _in_parentheses(doc: Doc, sent: Span, k: int) -> bool:
    opened = 0
    for t in doc[sent.start : k]:
        opened += {"(": 1, ")": -1}.get(t.text, 0)
    return opened > 0


def _clause_start(doc: Doc, lo: int, trigger: int) -> int:
    """Where the clause of a trigger starts in a long flattened sentence: 'att' right before it,
    else the last capitalised word before it (its subject), not crossing a label, a number other
    than a year, or a full stop, and not more than twelve words back."""
    if trigger > lo and doc[trigger].lower_ == "att":
        return trigger
    labels = label_at(doc)
    start = trigger
    k = trigger - 1
    while k >= lo and trigger - k <= 12:
        tok = doc[k]
        year = grammar().bare_year.fullmatch(tok.text) is not None  # "Årsredovisningen för 2018 godkändes"
        if tok.i in labels or (tok.like_num and not year) or tok.text in (".", ":", ";") or tok.is_space:
            break
        if tok.text[:1].isupper() and tok.is_alpha:
            start = k
            prev = doc[k - 1] if k > lo else None
            if prev is None or not (prev.text[:1].isupper() and prev.is_alpha) and prev.text not in (",", "(", ")"):
                break
        k -= 1
    return start


def _subject_before(doc: Doc, sent: Span, task: int, mentions: list[tuple[int, int, str]]) -> str | None:
    """The person whose name is the subject of the task verb: right before it (a few adverbs or a
    coordinated name between, no clause), or right after 'uppdras åt'."""
    in_sent = [m for m in mentions if sent.start <= m[0] < sent.end]
    if doc[task].lower_ in cues().urging_words:
        # "Anna uppmanar kommunerna att ...": the task is theirs whom she urges, a person only if named
        return next((m[2] for m in in_sent if 0 < m[0] - task <= 2), None)
    before = [m for m in in_sent if m[1] <= task and task - m[1] <= 5]
    if before:
        between = doc[before[-1][1] : task]
        if not any((t.lower_ in grammar().clause_words or t.text == ",") for t in between):
            return before[-1][2]
    apposed = _apposed_subject(doc, task, in_sent)
    if apposed is not None:
        return apposed
    shared = _coordinated_subject(doc, sent, task, in_sent)
    if shared is not None:
        return shared
    after = [m for m in in_sent if 0 <= m[0] - task <= 4 and doc[task].lower_ in cues().assignment_words]
    if after:
        return after[0][2]
    ends = {m[0]: m[1] for m in in_sent}
    if _inverted_modal(tokens_of(doc), task, sent.end, ends, cues()) == task:
        return next(m[2] for m in in_sent if m[0] == task + 1)
    return None


_COORDINATION_REACH = 12  # words from a name to a second verb that shares it as subject


def _coordinated_subject(doc: Doc, sent: Span, task: int, in_sent: list[tuple[int, int, str]]) -> str | None:
    """'Anna Berg läser in sig på frågan och återkommer ...': a name opening the sentence, its verb,
    then 'och' and the task verb; both verbs share the name as subject (no clause, comma or other
    name between)."""
    if not in_sent or task - 1 <= sent.start or doc[task - 1].lower_ != "och":
        return None
    start, end, name = in_sent[0]
    first = next((t.i for t in sent if not t.is_space), sent.start)
    present = doc[end].is_lower and doc[end].lower_.endswith("r")  # "läser", "försöker"
    if start != first or not end < task - 1 or task - end > _COORDINATION_REACH or not present:
        return None
    between = doc[end : task - 1]
    if (
        any(t.lower_ in grammar().clause_words or t.is_punct for t in between)
        or len(in_sent) > 1
        and in_sent[1][0] < task
    ):
        return None
    return name


def _apposed_subject(doc: Doc, task: int, in_sent: list[tuple[int, int, str]]) -> str | None:
    """'Anna Berg, lektor vid Norrby högskola, ska leda ...': a name, then its title set off by
    commas right before the task verb."""
    if task < 2 or doc[task - 1].text != ",":
        return None
    for _, end, name in reversed(in_sent):
        if end >= task - 1 or task - end > 14:
            continue
        inner = doc[end + 1 : task - 1]
        plain = not any(
            t.text == "," or t.lower_ in grammar().clause_words or t.lower_ in grammar().finite_verbs for t in inner
        ) and not any(end < s < task for s, _, _ in in_sent)  # "Anna Berg, Per Ek, ska ...": a list
        return name if doc[end].text == "," and len(inner) > 0 and plain else None
    return None


def _question(doc: Doc, sent: Span, hs: int, item: Span | None, words_before: bool = True) -> str | None:
    """What the handoff is about: 'frågan om X' in the sentence, else the item's title, else (if
    words_before) the words before the handoff verb."""
    words = [t for t in sent if not t.is_space]
    for k, tok in enumerate(words):
        if (
            tok.lower_ in grammar().question_nouns
            and k + 1 < len(words)
            and words[k + 1].lower_ in grammar().question_prepositions
        ):
            end = next(
                (
                    j
                    for j in range(k + 2, len(words))
                    if words[j].lower_ in cues().handoff_preps or words[j].is_punct or words[j].i == hs
                ),
                len(words),
            )
            if end > k + 2:
                return " ".join(t.text for t in words[k + 2 : end])
    if item is not None and item._.title is not None:
        return text_of(doc)[item._.title[0] : item._.title[1]]
    before = [t for t in words if t.i < hs] if words_before else []
    # "Taxan ska lämnas över", "Planen är överlämnad": the verb's auxiliary is no part of the matter
    helpers = grammar().perfect_auxiliaries | cues().inverted_modals | {"att"}
    while before and before[-1].lower_ in helpers:
        before.pop()
    if 1 <= len(before) <= 12:
        return " ".join(t.text for t in before)
    return None


def _object_of_decision(doc: Doc, sent: Span, start: int) -> str | None:
    """'föreslå förbundsmötet att godkänna årsredovisningen': what the decision is about, the
    words after the decision verb up to a stop (at most six)."""
    t = tokens_of(doc)
    k = start
    while k < sent.end and t.lower[k] not in cues().needs["föreslå"]:
        k += 1
    if k + 2 < sent.end and t.lower[k + 1] == "att" and t.lemma[k + 2] in cues().decision:
        k += 2  # "föreslå X besluta att godkänna Y": the decision's own verb, then its object
    words = []
    for j in range(k + 1, min(sent.end, k + _OBJECT_WORDS + 1)):
        low = t.lower[j]
        # "policy och identitet för regionen" is one matter; "och lägga den ..." a second decision
        joins = low in grammar().connectors and j + 1 < sent.end and not _verb_after(doc, j + 1)
        if low in cues().attachment_words:
            break  # "årsredovisningen Bilaga 3": the attachment's number, not the matter
        if t.space[j] or t.text[j] in (".", ",", ";", ":", "(") or low in grammar().clause_words:
            break
        if low in grammar().connectors and not joins:
            break
        words.append(t.text[j])
    while words and words[-1].lower() in grammar().connectors:
        words.pop()
    return " ".join(words) or None


_OBJECT_WORDS = 8  # words of a proposed decision's object at most


def _verb_after(doc: Doc, j: int) -> bool:
    """The word at j is a verb or opens a clause ('att'): what follows is no part of a noun phrase."""
    return doc[j].lower_ in grammar().clause_words or doc[j].lemma_ in cues().decision or verb_like(doc[j])


def _responsible(doc: Doc, c: _Cues, mentions: list[tuple[int, int, str]]) -> list[dict[str, Any]]:
    """'Ansvarig: X' after a sentence: that sentence is X's task."""
    out = []
    for lab in spans_of(doc, "label"):
        name = lab.text.rstrip(":").strip().casefold()
        if name not in c.responsible:
            continue
        person = next((m for m in mentions if 0 <= m[0] - lab.end <= 1), None)
        if person is None or lab.start == 0:
            continue
        prev = sentence_of(doc, lab.start - 1)
        fact = _fact(doc, prev, None, 0.6)
        fact["assignee"] = person[2]
        out.append(fact)
    return out


_TASK_REACH = 250  # tokens under one name at most


_ELECTED_REST = re.compile(r"\s*(?:\(\w{1,4}\))?\s*\.?\s*")


def _elections(doc: Doc, items: list[Span], mentions: list[tuple[int, int, str]], c: _Cues) -> list[dict[str, Any]]:
    """'2. Val av justerare' with only a name under it: the item records that person's election."""
    text = text_of(doc)
    by_char = {doc[m[0]].idx: m for m in mentions}
    out = []
    for item in items:
        if item._.title is None:
            continue
        ts, te = item._.title
        if not text[ts:te].casefold().startswith(c.election_titles):
            continue
        after = len(text[te:]) - len(text[te:].lstrip())
        person = by_char.get(te + after)
        if person is None:
            continue
        end = doc[person[1] - 1].idx + len(doc[person[1] - 1].text)
        line_end = text.find("\n", end)
        if not _ELECTED_REST.fullmatch(text[end : line_end if line_end >= 0 else len(text)]):
            continue  # more than a name (and a party) follows: the item says more than who was elected
        out.append(
            {
                "text": " ".join(f"{text[ts:te]} {text[te + after : end]}".split()),
                "item": item._.number,
                "span": (ts, end),
                "confidence": 0.7,
            }
        )
    return out


def _tasks_under_names(
    doc: Doc, mentions: list[tuple[int, int, str]], items: list[Span], starts: list[int]
) -> list[dict[str, Any]]:
    """'Anna: - Kontaktar kommunerna. - Bevakar frågan.': bullets under a name and a colon that open
    with a verb in the present are that person's tasks."""
    t = tokens_of(doc)
    heads = [m for m in mentions if m[1] + 1 < len(doc) and t.text[m[1]] == ":"]
    out = []
    for k, (_, end, key) in enumerate(heads):
        stop = min(heads[k + 1][0] if k + 1 < len(heads) else len(doc), end + _TASK_REACH)
        j = end + 1
        while j < stop:
            if t.text[j] in BULLETS and j + 1 < stop and _present_verb(t, j + 1):
                close = next((x for x in range(j + 2, stop) if t.text[x] in (*BULLETS, ".") or t.space[x]), stop)
                text_start, text_end = t.idx[j + 1], t.idx[close - 1] + len(t.text[close - 1])
                item = _item_of(items, starts, j)
                out.append(
                    {
                        "text": " ".join(text_of(doc)[text_start:text_end].split()),
                        "item": item._.number if item is not None else None,
                        "span": (text_start, text_end),
                        "confidence": 0.6,
                        "assignee": key,
                    }
                )
                j = close + 1 if close < stop and t.text[close] == "." else close
                continue
            j += 1
    return out


def _starts_within(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return b[0] <= a[0] < b[1]


def _present_verb(t, j: int) -> bool:
    """A capitalised verb in the present ('Kontaktar', 'Tar'): a form in -r of an infinitive in -a
    (or a short one: 'ta', 'gå')."""
    word, lemma = t.text[j], t.lemma[j]
    low = word.casefold()
    if not word[:1].isupper() or not low.endswith("r"):
        return False
    # beyond the lemma table: a finite auxiliary ('Har') or a present in -ar ('Skissar', 'Fixar')
    return (
        (lemma != low and (lemma.endswith("a") or len(lemma) <= 3))
        or low in grammar().finite_verbs
        or (len(low) > 4 and low.endswith("ar"))
    )


@Language.factory("samkarta_outcomes")
def make_outcomes(nlp: Language, name: str) -> Outcomes:  # noqa: ARG001
    return Outcomes(nlp)
