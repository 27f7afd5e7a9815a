"""samkarta_layout: lines, labels and header fields, attendance blocks, agenda items, sentences.

Everything later components need about where things stand in the minutes: the header before the
first agenda item, the lists under an attendance label ("Närvarande:", "Frånvarande"), the items
with their numbers and titles, and sentence starts that respect headings and wrapped PDF lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from samkarta.loaders.components.util import text_of, tokens_of, tokens_text
from samkarta.loaders.prepare import content_start
from samkarta.loaders.words import data, grammar, in_name_dictionary, is_given_name

_HEADER_FALLBACK = 2500  # characters read as header when the minutes have no agenda items
_HEADING_WORDS = 9  # words at most in a heading without a number
_NAME_WORDS = 4  # a line this short that opens with a given name is a person's


@dataclass(frozen=True)
class LabelSpec:
    roles: tuple[str, ...]
    field: str | None
    colon_only: bool


@cache
def label_specs() -> dict[str, LabelSpec]:
    """Every label of data/labels.yaml, keyed by its lower-case form."""
    spec = data("labels.yaml")
    implied = set(spec["implies_present"])
    out: dict[str, LabelSpec] = {}
    for field, words in spec["fields"].items():
        for w in words:
            out[w.casefold()] = LabelSpec((), field, False)
    for colon_only, section in ((False, spec["roles"]), (True, spec["colon_only"])):
        for role, words in section.items():
            roles = (role, "present") if role in implied else (role,)
            for w in words:
                out[w.casefold()] = LabelSpec(roles, None, colon_only)
    return out


@dataclass(frozen=True)
class _Structure:
    heading: re.Pattern[str]
    inline: re.Pattern[str]
    inline_numbered: re.Pattern[str]
    inline_run: int
    title_end: re.Pattern[str]
    bullet: re.Pattern[str]
    item_reference: re.Pattern[str]
    short_line: int
    list_line: int


@cache
def structure() -> _Structure:
    s = data("structure.yaml")
    return _Structure(
        re.compile(s["item_heading"]),
        re.compile(s["inline_item"]),
        re.compile(s["inline_numbered"]),
        int(s["inline_run"]),
        re.compile(s["title_end"]),
        re.compile(s["bullet"]),
        re.compile(s["item_reference"]),
        int(s["short_line"]),
        int(s["list_line"]),
    )


def line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-empty line, without its surrounding whitespace."""
    out = []
    for m in re.finditer(r"[^\n]+", text):
        s, e = m.span()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def _numbered_run(st: _Structure, text: str, start: int, end: int) -> list[re.Match[str]]:
    """Bare item numbers in a flattened line, kept only where enough of them count up one by one."""
    found = list(st.inline_numbered.finditer(text, start, end))
    runs: list[list[re.Match[str]]] = []
    for m in found:
        n = int(m.group("number"))
        # the latest run that reaches n - 1: "1 Protokoll" (a page) then "1. Öppnande 2. Val": the items
        run = next((r for r in reversed(runs) if int(r[-1].group("number")) == n - 1), None)
        if run is not None:
            run.append(m)
        else:
            runs.append([m])
    return sorted((m for r in runs if len(r) >= st.inline_run for m in r), key=lambda m: m.start())


_GLUED_LABEL = 8  # letters a label of several words has at least to be read without its spaces


class Layout:
    def __init__(self, nlp: Language) -> None:
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        specs = dict(label_specs())
        # "Platsochtid": a label of several words whose spaces the PDF lost, a label wherever it stands
        joined = {w.replace(" ", ""): spec for w, spec in specs.items() if " " in w}
        self.glued = {w: spec for w, spec in joined.items() if len(w) >= _GLUED_LABEL and w.isalpha()}
        specs = {**self.glued, **specs}
        self.matcher.add("LABEL", [nlp.make_doc(w) for w in specs])
        self.specs = specs

    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        doc._.lines = line_spans(text)
        # the viewer's marker line is blanked in the prepared text: look for it where it is written
        doc._.content_start = content_start(doc.user_data.get("original", text))
        labels = self._labels(doc)
        doc.spans["label"] = labels
        numbered = self._items(doc)
        first_item = next((i.start_char for i in numbered if i.start_char >= doc._.content_start), None)
        doc._.header_end = (
            first_item if first_item is not None else min(len(text), doc._.content_start + _HEADER_FALLBACK)
        )
        # headings without numbers are items too, but the header and attendance lists stay as
        # numbered items (or their absence) set them: a short line early on may be a heading or not
        items = numbered or _headings(doc, labels)
        doc.spans["item"] = items
        doc.spans["block"] = self._blocks(doc, labels, numbered)
        doc.spans["field"] = self._fields(doc, labels)
        _set_sentences(doc, items)
        return doc

    # -- labels -----------------------------------------------------------------------------------
    def _labels(self, doc: Doc) -> list[Span]:
        text = text_of(doc)
        found: list[Span] = []
        matches = sorted(self.matcher(doc), key=lambda m: (m[1], -(m[2] - m[1])))
        # where a label's words stand, taken as a label or not: no name runs on into them
        doc.user_data["label_words_at"] = {start for _, start, _ in matches}
        taken_until = -1
        table = tokens_of(doc)
        words = table.text
        for _, start, end in matches:
            if start < taken_until or not words[start][:1].isupper():
                continue  # a label opens with a capital (checked first: most hits are words in prose)
            spec = self.specs.get(" ".join(tokens_text(doc, start, end).split()).casefold())
            if spec is None:
                continue
            span = doc[start:end]
            nxt = doc[end] if end < len(doc) else None
            # a colon, or the dotted line of a form to sign on ("Sekreterare .....")
            colon = nxt is not None and (nxt.text in (":", ".:") or _dotted(nxt.text) or _form_stop(doc, span, end))
            line_start = text.rfind("\n", 0, span.start_char) + 1
            at_line_start = not text[line_start : span.start_char].strip()
            before = text[line_start : span.start_char].rstrip()
            after = text[span.end_char : span.end_char + 40]
            line_end = not after.strip(" ") or after.lstrip(" ").startswith("\n")
            if spec.colon_only and not colon:
                continue
            if not colon:
                # the next word, past the wide spaces a form's blank leaves ("Sekreterare      Ordförande")
                word_after = nxt
                blank = word_after is not None and word_after.is_space and "\n" not in word_after.text
                if blank and end + 1 < len(doc):
                    word_after = doc[end + 1]
                first_after = word_after.text if word_after is not None else ""
                after_entry = before.endswith((",", ")")) or (
                    bool(before) and before.split()[-1][:1].isupper() and not at_line_start
                )
                names_next = first_after[:1].isupper() and not line_end
                if spec.roles and set(spec.roles) & {"chair", "secretary"} and after_entry and not names_next:
                    continue  # "Anna Berg, Ordförande": a role inside an entry, read by samkarta_attendance
                if at_line_start:
                    if in_name_dictionary(span.text) and not (line_end or first_after[:1].isdigit()):
                        continue  # "Dag Larsson" is a person
                    if not (line_end or first_after[:1].isupper() or first_after[:1].isdigit() or span.text.isupper()):
                        continue
                else:
                    next_nl = text.find("\n", span.end_char)
                    flattened = (next_nl if next_nl >= 0 else len(text)) - line_start > structure().list_line
                    glued = span.text.casefold() in self.glued
                    mid_ok = (spec.roles or spec.field == "other" or flattened or glued) and (
                        first_after[:1].isupper() or first_after[:1].isdigit() or line_end
                    )
                    if not mid_ok or before.endswith((",", "och", "samt")) or span.text.islower():
                        continue
                    if (
                        spec.roles == ()
                        and len(span) == 1
                        and not span.text.isupper()
                        and not line_end
                        and not flattened
                        and not glued
                    ):
                        continue  # a single capitalised word mid-line is a sentence word, not a field
            label_end = end + 1 if colon else end
            label = Span(doc, start, label_end, label="LABEL")
            label._.roles = spec.roles
            label._.field = spec.field
            found.append(label)
            taken_until = end
        return found

    # -- agenda items -----------------------------------------------------------------------------
    def _items(self, doc: Doc) -> list[Span]:
        text = text_of(doc)
        st = structure()
        heads: list[tuple[int, int, str, int, int]] = []  # start, number end, number, title start, title end
        lines = doc._.lines
        for n, (ls, le) in enumerate(lines):
            line = text[ls:le]
            m = st.heading.match(line)
            if m and le - ls > st.list_line and "§" not in line[:3]:
                m = None  # a long line opening with a number is running text (or a page number)
            if m and (m.group("n1") or m.group("n2")):
                number = m.group("n1") or m.group("n2")
                if not _plausible_number(number):
                    continue
                ts, te = ls + m.start("title"), ls + m.end("title")
                if m.group("n1") and not text[ts:te].strip(" .:-–"):
                    ts, te = _title_below(text, lines, n, st)
                cut = st.title_end.search(text, ts, te)
                te = cut.start() if cut else te
                heads.append((ls, ls + m.end("n1" if m.group("n1") else "n2"), number, ts, min(te, ts + 120)))
            elif le - ls > st.list_line:
                inline = list(st.inline.finditer(text, ls, le)) or _numbered_run(st, text, ls, le)
                for im in inline:
                    heads.append((im.start(), im.end("number"), im.group("number"), im.start("title"), im.end("title")))
        heads.sort()
        spans: list[Span] = []
        for k, (hs, _ne, number, ts, te) in enumerate(heads):
            end = heads[k + 1][0] if k + 1 < len(heads) else len(text)
            span = doc.char_span(hs, end, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            span._.number = number
            title = text[ts:te].strip(" .:-–")
            span._.title = (ts, ts + len(text[ts:te].rstrip(" .:-–"))) if title else None
            spans.append(span)
        return spans

    # -- attendance blocks and fields -------------------------------------------------------------
    def _blocks(self, doc: Doc, labels: list[Span], items: list[Span]) -> list[Span]:
        """The list under each role label: until the next label, the next item, or running text."""
        text = text_of(doc)
        st = structure()
        stops = sorted({lab.start_char for lab in labels} | {i.start_char for i in items} | {len(text)})
        blocks: list[Span] = []
        run: list[Span] = []  # labels in a row with nothing under them: a table's first column
        for lab in labels:
            start = lab.end_char
            stop = next(s for s in stops if s >= start)
            if not text[start:stop].strip():
                run.append(lab)
                continue
            roles = lab._.roles
            if run and any(r._.roles for r in run):
                # "Ledamöter: Ersättare: Sekreterare: <all the names>": the columns were flattened, so
                # the names are only known to have attended
                roles = ("present",) if any("present" in r._.roles for r in [*run, lab]) else roles
            run = []
            if not roles:
                continue
            # lines after the label's own line stay in the list while they look like list lines
            first_nl = text.find("\n", start, stop)
            if first_nl >= 0:
                end = first_nl
                for ls, le in doc._.lines:
                    if ls <= first_nl:
                        continue
                    if ls >= stop:
                        break
                    if le - ls > st.list_line and not _entry_like(text[ls:le]):
                        break
                    end = min(le, stop)
                stop = max(end, first_nl)
            if set(roles) & {"chair", "secretary", "author"} and roles == lab._.roles:
                stop = _first_entry_end(text, start, stop, self.specs)  # one chair, one secretary: one entry
            span = doc.char_span(start, stop, alignment_mode="contract")
            if span is None or len(span) == 0:
                continue
            block = Span(doc, span.start, span.end, label="BLOCK")
            block._.roles = roles
            blocks.append(block)
        return blocks

    def _fields(self, doc: Doc, labels: list[Span]) -> list[Span]:
        """The value of each header field label: the rest of its line, up to the next label."""
        text = text_of(doc)
        starts = [lab.start_char for lab in labels]
        out: list[Span] = []
        for k, lab in enumerate(labels):
            if lab._.field is None:
                continue
            start = lab.end_char
            stop = text.find("\n", start)
            stop = len(text) if stop < 0 else stop
            if not text[start:stop].strip():  # the value is on the next non-empty line ("Datum\n\n2019-05-02")
                following = next(((a, b) for a, b in doc._.lines if a > start), None)
                if following is None:
                    continue
                start, stop = following
            if k + 1 < len(starts) and starts[k + 1] > lab.end_char:
                stop = min(stop, starts[k + 1])
            if stop <= start:
                continue
            span = doc.char_span(start, stop, alignment_mode="contract")
            if span is None or len(span) == 0:
                continue
            value = Span(doc, span.start, span.end, label=" ".join(lab.text.split()))
            value._.field = lab._.field
            out.append(value)
        return out


def _first_entry_end(text: str, start: int, stop: int, labels: dict[str, LabelSpec]) -> int:
    """The end of the first entry after a label: its line, or its first comma in a flattened line,
    or the next label word ('Per Ek Justerare Eva Berg'), or about four words."""
    line_end = text.find("\n", start + 1 if text[start : start + 1] == "\n" else start)
    end = stop if line_end < 0 else min(stop, line_end)
    if not text[start:end].strip():  # the value is on the next line
        nxt = text.find("\n", end + 1)
        end = stop if nxt < 0 else min(stop, nxt)
    words = re.finditer(r"\S+", text[start:end])
    for n, w in enumerate(words):
        word = w.group()
        if n > 0 and word[:1].isupper() and word.rstrip(".:").casefold() in labels:
            return start + w.start()
        if word.endswith(",") or n >= 4:
            return start + w.end()
    return end


def _headings(doc: Doc, labels: list[Span]) -> list[Span]:
    """Items of minutes that head their items with a line of its own and no number ("Budget", a
    blank line, then a paragraph): a short capitalised line between blank lines, with no label and
    no closing stop, followed by a paragraph or a list. Two at least, or it is no structure."""
    text = text_of(doc)
    st = structure()
    content_start = doc._.content_start
    lines = [(s, e) for s, e in doc._.lines if s >= content_start]
    labelled = {lab.start_char for lab in labels}
    starts = []
    for k, (s, e) in enumerate(lines[:-1]):
        if not _heading_like(text[s:e], st) or any(s <= c < e for c in labelled):
            continue
        blank_before = k == 0 or "\n\n" in text[lines[k - 1][1] : s]
        nxt_s, nxt_e = lines[k + 1]
        follows = text[nxt_s:nxt_e]
        paragraph = len(follows) > st.short_line and follows[:1].isupper()
        listed = bool(st.bullet.match(follows)) and "\n\n" in text[e:nxt_s]
        # a label after a short line does not make it a heading: a title stands before "Närvarande:"
        if blank_before and (paragraph or listed):
            starts.append((s, e))
    if len(starts) < 2:
        return []
    spans = []
    for k, (s, e) in enumerate(starts):
        end = starts[k + 1][0] if k + 1 < len(starts) else len(text)
        span = doc.char_span(s, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        span._.number = None
        span._.title = (s, e)
        spans.append(span)
    return spans


def _heading_like(line: str, st: _Structure) -> bool:
    """Short, capitalised (not all capitals, which is letterhead), no stop or colon at its end, no
    bullet, not ending in a word that leads on ("Styrelsen beslutar att"), and not a person's name
    with a party or title ("Anna Berg (S)")."""
    words = line.split()
    return (
        line[:1].isupper()
        and words[-1].casefold() not in _unfinished()
        and len(line) <= st.short_line
        and len(words) <= _HEADING_WORDS
        and line[-1] not in ".,;:!"
        and ":" not in line
        and not line.isupper()
        and not st.bullet.match(line)
        and not (is_given_name(words[0]) and len(words) <= _NAME_WORDS)
    )


_TITLE_LINE = 100  # characters: a longer line under a bare "§ 4" is its text, not its title
_TITLE_SENTENCE_WORDS = 4  # a line of more words ending in a full stop is a sentence, not a title


def _title_below(text: str, lines: list[tuple[int, int]], n: int, st: _Structure) -> tuple[int, int]:
    """The title of a "§ 4" that stands alone on line n: the next line with words, when it is short,
    opens with a capital and is neither a label ("Närvarande:") nor another heading. An empty
    range at the end of line n when there is none."""
    empty = (lines[n][1], lines[n][1])
    for ls, le in lines[n + 1 : n + 3]:
        line = text[ls:le].strip()
        if not line:
            continue
        sentence = line.endswith(".") and len(line.split()) > _TITLE_SENTENCE_WORDS
        if len(line) > _TITLE_LINE or not line[0].isupper() or line.endswith(":") or sentence or st.heading.match(line):
            return empty
        return ls + (len(text[ls:le]) - len(text[ls:le].lstrip())), ls + len(text[ls:le].rstrip())
    return empty


def _plausible_number(number: str) -> bool:
    head = number.split(".")[0].rstrip("abcdefghijklmnopqrstuvwxyz")
    return head.isdigit() and 0 <= int(head) <= 400


def _entry_like(line: str) -> bool:
    """A long line that is still a list of entries (commas, no sentence ends)."""
    return line.count(",") >= 3 and not re.search(r"[a-zåäö]{3}\.\s+[A-ZÅÄÖ]", line)


BULLETS = ("-", "–", "•")  # a list's bullets; one after a full stop on the same line starts an entry


def _set_sentences(doc: Doc, items: list[Span]) -> None:
    """Sentence starts from punctuation, blank lines, headings, bullets, items and list lines.

    Worked out on plain lists and set in one array write: setting is_sent_start token by token
    makes spaCy check the whole Doc each time."""
    text = text_of(doc)
    st = structure()
    item_starts = {i.start for i in items}
    table = tokens_of(doc)
    words, idxs, spaces = table.text, table.idx, table.space
    starts: list[int] = []
    prev_line_len = 0
    prev_line = ""
    prev_end_char = ""
    line_start_char = 0
    new_line = True
    blank_before = True
    prev_word = ""
    for i, word in enumerate(words):
        if spaces[i]:
            if "\n" in word:
                blank_before = blank_before or word.count("\n") >= 2
                new_line = True
            if i == 0:
                starts.append(0)
            prev_word = word
            continue
        start = i == 0
        if not start and new_line:
            ls = text.rfind("\n", 0, idxs[i]) + 1
            if ls != line_start_char:
                prev_line = text[line_start_char:ls].strip()
                prev_line_len = len(prev_line)
                prev_end_char = prev_line[-1:] if prev_line else ""
                line_start_char = ls
            first = word[:1]
            start = not _runs_on(prev_line, word) and (
                blank_before
                or prev_end_char in ".!?:;"
                or prev_line_len <= st.short_line
                or bool(st.bullet.match(word))
                or i in item_starts
                or (first.isupper() and prev_end_char not in ",-–" and prev_line_len <= st.list_line)
            )
        elif not start:
            start = i in item_starts or (
                prev_word in (".", "!", "?")
                and (
                    word[:1].isupper() or word[:1].isdigit() or word == "§" or word in BULLETS or _list_letter(words, i)
                )
                and not _announced_label(words, i)
            )
        if start:
            starts.append(i)
        new_line = False
        blank_before = False
        prev_word = word
    flags = numpy.full((len(doc), 1), -1, dtype="int64").astype("uint64")  # spaCy's attribute arrays are uint64
    flags[starts, 0] = 1
    doc.from_array([SENT_START], flags)
    doc._.sentences = list(zip(starts, [*starts[1:], len(doc)], strict=True))
    doc._.token_starts = idxs


def _runs_on(prev_line: str, word: str) -> bool:
    """A line that stops on a word that cannot end a sentence ('... får i uppdrag att'), then a
    lower-case word on the next line, blank lines between or not: one sentence a line, paragraph or
    page break cut in two."""
    if not word[:1].islower() or not prev_line:
        return False  # most lines open with a capital: no need to split the line before
    return prev_line.rsplit(None, 1)[-1] in _unfinished()


@cache
def _unfinished() -> frozenset[str]:
    g = grammar()
    return frozenset(["att", *g.connectors, *g.clause_words])


def _list_letter(words: list[str], i: int) -> bool:
    """'d)' after a full stop: the letter of the next entry in a lettered list."""
    return len(words[i]) == 1 and words[i].isalpha() and i + 1 < len(words) and words[i + 1] == ")"


def _announced_label(words: list[str], i: int) -> bool:
    """The word at i follows a number and its period right after a colon ("med följande tillägg:
    14. Lokalfrågan"): the number labels the first entry of what the colon announces, no sentence
    ends at its period."""
    return i >= 3 and words[i - 1] == "." and words[i - 2].isdigit() and words[i - 3] == ":"


@Language.factory("samkarta_layout")
def make_layout(nlp: Language, name: str) -> Layout:  # noqa: ARG001 - spaCy passes the name
    return Layout(nlp)


def _dotted(word: str) -> bool:
    return len(word) >= 2 and not word.strip(".…")


def _form_stop(doc: Doc, label: Span, i: int) -> bool:
    """'Justerare. Anna Berg': a full stop after a label, a name on the same line after it (a
    heading in capitals with a full stop is a title, not a field)."""
    if doc[i].text != "." or i + 2 >= len(doc) or label.text.isupper():
        return False
    nxt = doc[i + 1] if not doc[i + 1].is_space or "\n" in doc[i + 1].text else doc[i + 2]
    return not nxt.is_space and nxt.text[:1].isupper() and nxt.is_alpha
