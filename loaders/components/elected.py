"""The chair and secretary the minutes name by electing them or by saying who they are.

Read by samkarta_attendance after the lists and the verbs of presenting:
- "Till ordförande valdes Anna Berg", "Till sekreterare vid mötet utses Per Ek";
- "Anna Berg valdes till ordförande för mötet" (not "... till ordförande för nämnden X": another
  body's chair);
- "Sekreterare är Per Ek" opening a sentence (not "Ny vice ordförande är ...").
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span, Token

from samkarta.loaders.components.people import PersonRecord
from samkarta.loaders.components.util import sentence_of, tokens_of

_REACH = 6  # tokens between the parts of one election


def read_elected(doc: Doc, people: dict[str, PersonRecord], names: list[Span], c: dict[str, Any]) -> None:
    """Give the chair and secretary named by an election or a copula their role (and presence);
    `c` holds samkarta_attendance's cues (its role words, their blockers and the election words)."""
    roles = {word: role for word, role in c["inline"].items() if role in ("chair", "secretary")}
    verbs, copulas, this_meeting, blockers = (
        c["election_verbs"],
        c["role_copulas"],
        c["this_meeting_nouns"],
        c["blockers"],
    )
    lower = tokens_of(doc).lower
    at = [i for i, low in enumerate(lower) if low.rstrip(".") in roles]
    if not at:
        return
    starts = {s.start: s for s in names}
    ends = {s.end: s for s in names}
    # only the sentences that hold a role word are read token by token
    chosen = {(s.start, s.end): s for s in (sentence_of(doc, i) for i in at)}
    table = tokens_of(doc)
    for sent in sorted(chosen.values(), key=lambda s: s.start):
        at_word = [i for i in range(sent.start, sent.end) if not table.space[i]]
        for k, i in enumerate(at_word):
            role = roles.get(lower[i].rstrip("."))
            if role is None or (k > 0 and lower[at_word[k - 1]] in blockers):
                continue
            # Token objects only around the role word: a long sentence costs one per word otherwise
            first = max(0, k - 1 - _REACH)
            words = [doc[j] for j in at_word[first : k + 2 + _REACH]]
            w, tok = k - first, doc[i]
            person = None
            if k > 0 and words[w - 1].lower_ == "till":
                person = _elected(words, w, verbs, this_meeting, starts, ends)
            elif (k == 0 or tok.text[:1].isupper()) and k + 1 < len(at_word) and words[w + 1].lower_ in copulas:
                # at a sentence's start, or capitalised where a flattened page lost the full stop
                person = starts.get(words[w + 1].i + 1) if words[w + 1].i + 1 < sent.end else None
            if person is not None:
                rec = people[person.kb_id_]
                rec.add_role(role, (tok.idx, tok.idx + len(tok.text)))
                rec.roles.add("present")
                rec.roles.discard("mentioned")


def _elected(
    words: list[Token],
    k: int,
    verbs: frozenset[str],
    this_meeting: frozenset[str],
    starts: dict[int, Span],
    ends: dict[int, Span],
) -> Span | None:
    """The person of "till <role> ... valdes X" or "X valdes till <role>", the role at words[k]."""
    after = words[k + 1 : k + 1 + _REACH]
    if after and after[0].lower_ in ("för", "i") and not (len(after) > 1 and after[1].lower_ in this_meeting):
        return None  # "till ordförande i kulturnämnden": another body's chair
    for j, w in enumerate(after):
        if w.lower_ in verbs:  # "Till ordförande (vid mötet) valdes X"
            nxt = after[j + 1] if j + 1 < len(after) else None
            return starts.get(nxt.i) if nxt is not None else None
    before = words[max(0, k - 1 - _REACH) : k - 1]
    for j in range(len(before) - 1, -1, -1):
        if before[j].lower_ in verbs:  # "valdes X till ordförande", "X valdes till ordförande"
            between = before[j + 1 :]
            if between:
                return starts.get(between[0].i)
            return ends.get(before[j].i)
    return None
