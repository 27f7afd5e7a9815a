"""Roles and affiliations laid out as a table or a list that lost its shape in the text.

Read after each entry's own tail, by samkarta_attendance:
- group headings: a place or organisation, then the names that belong to it, then the next one
  ("Norrby Anna Berg (s) Per Ek (m) Söderby Eva Al (c)");
- columns: the names one after another, then their places one after another in the same order
  ("Anna Berg Per Ek Eva Al Kommun Norrby Söderby Norrby");
- signatures flattened the same way ("Sekreterare Ordförande Justerare A B C"): each label is the
  name's in its place;
- a presence column ("Anna Berg S 1 Per Ek M -"), the members chosen to check the minutes,
  "Org/Name/Title" entries, and names joined by "och" before one affiliation.
Each layout needs to hold throughout, so a list written "Name, Place" is never reread.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc, Span

from samkarta.loaders.components.people import PersonRecord
from samkarta.loaders.components.util import span_text, spans_of, text_of, tokens_of, tokens_text
from samkarta.loaders.words import data

_GAP = re.compile(r"[\s,;:–-]*")  # what may stand between cells of a flattened row
_RUN_GAP = 200  # characters between two names of one column
_CO_SIGNER_GAP = re.compile(r"[\s.:,…]*(?:(?:och|samt)\s+)?")
_PARTY_AFTER = re.compile(r"\s*\([^)\n]{1,12}\)")  # "Anna Berg (S)"
_NEXT_NAME = 12  # characters: a name this close after the last one continues the list
_ONE_PERSON = frozenset({"chair", "secretary"})
_LABEL_GAP = re.compile(r"[\s.:,…]*")  # between two labels of a row: dots for the signature
_FIELD_NUMBERS = re.compile(r"[\s.:,…]*(?:§\s*)?(?:\d+(?:\s*[-–]+\s*\d+)?(?:\s*,\s*)?)*")  # "Paragrafer 26 -- 38"
_MARKED_GAP = 40  # characters between two marked entries of one table
_PRESENT_MARKS = frozenset({"1", "x", "X"})
_AWAY_MARKS = frozenset({"-", "–"})
_MARK = re.compile(r"[ \t]+(?:[A-ZÅÄÖ]{1,3}[ \t]+)?([1xX–-])(?=\s|$)")  # "Anna Berg S 1", "Per Ek -"
_JOINER = re.compile(r"\s*(?:,|och|samt|&)\s*")
_COORDINATION = re.compile(r"\s(?:och|samt|&)\s")
_PLACE_KINDS = ("municipality", "organization")  # a reference span's label is its kind


def read_signatures(doc: Doc, names: list[Span], people: dict[str, PersonRecord]) -> None:
    """A row of signature labels, one person each, then as many names: each label is its name's."""
    text = text_of(doc)
    labels = sorted(spans_of(doc, "label"), key=lambda s: s.start)
    row: list[Span] = []
    last_end = -1  # where the row's last label, or a field label inside the row, ends
    for lab in [*labels, None]:
        one = lab is not None and (bool(set(lab._.roles) & _ONE_PERSON) or _co_signer(lab))
        adjacent = lab is not None and bool(row) and _LABEL_GAP.fullmatch(text, last_end, lab.start_char) is not None
        if one and (not row or adjacent):
            row.append(lab)
            last_end = lab.end_char
            continue
        if adjacent and not lab._.roles:
            last_end = lab.end_char  # "Sekreterare Paragrafer Ordförande": a field whose value is elsewhere
            continue
        if len(row) >= 2 and any(set(r._.roles) & _ONE_PERSON for r in row):
            _pair(row, last_end, names, people)
        row = [lab] if one else []
        last_end = lab.end_char if one else -1


def read_signature_fields(doc: Doc, names: list[Span], people: dict[str, PersonRecord]) -> None:
    """'Sekreterare Paragrafer 26-38 Anna Berg Ordförande Per Ek': a signature label, a field label
    with its numbers (or none), then a name: the name is the signature label's."""
    text = text_of(doc)
    starts = {s.start_char: s for s in names}
    fields = {lab.start_char: lab for lab in spans_of(doc, "label") if _label_words(lab) in _numbered_fields()}
    for lab in spans_of(doc, "label"):
        if not set(lab._.roles) & _ONE_PERSON:
            continue
        pos, skipped = lab.end_char, 0
        while True:
            pos = _LABEL_GAP.match(text, pos).end()
            field = fields.get(pos)
            if field is None or skipped == 2:
                break
            pos = _FIELD_NUMBERS.match(text, field.end_char).end()
            skipped += 1
        name = starts.get(pos)
        if skipped and name is not None:
            rec = people[name.kb_id_]
            for role in lab._.roles:
                rec.add_role(role, (name.start_char, name.end_char))


def read_co_signers(doc: Doc, names: list[Span], people: dict[str, PersonRecord]) -> None:
    """'Utses att justera Anna Berg och Per Ek': the one or two members named right after a label
    of those who check the minutes attended."""
    text = text_of(doc)
    starts = {s.start_char: s for s in names}
    for lab in spans_of(doc, "label"):
        if not _co_signer(lab):
            continue
        pos = lab.end_char
        for _ in range(2):
            m = _CO_SIGNER_GAP.match(text, pos)
            name = starts.get(m.end()) if m else None
            if name is None:
                break
            rec = people[name.kb_id_]
            if not rec.roles:
                rec.add_role("present", (name.start_char, name.end_char))
            close = _PARTY_AFTER.match(text, name.end_char)
            pos = close.end() if close else name.end_char


def _co_signer(label: Span) -> bool:
    """A label of those who check the minutes ('Justerare', 'Utses att justera')."""
    return _label_words(label) in _co_signers()


def _label_words(label: Span) -> str:
    return span_text(label).strip(" .:…").casefold()


@cache
def _co_signers() -> frozenset[str]:
    return frozenset(data("attendance.yaml")["co_signer_labels"])


@cache
def _numbered_fields() -> frozenset[str]:
    return frozenset(data("attendance.yaml")["numbered_fields"])


@cache
def others_marks() -> frozenset[str]:
    return frozenset(data("attendance.yaml")["others_marks"])


def past_others(doc: Doc, i: int) -> int:
    """Token i, or the token after a 'med flera' mark there ('Anna Berg m.fl., Region X')."""
    for width in (2, 1):
        if i + width <= len(doc) and tokens_text(doc, i, i + width).casefold() in others_marks():
            return i + width
    return i


def _pair(row: list[Span], end: int, names: list[Span], people: dict[str, PersonRecord]) -> None:
    after = [s for s in names if s.start_char >= end][: len(row) + 1]
    if len(after) < len(row) or after[len(row) - 1].end_char - end > _RUN_GAP:
        return
    if len(after) > len(row) and after[-1].start_char - after[-2].end_char < _NEXT_NAME:
        return  # more names than labels: the columns do not line up
    after = after[: len(row)]
    lo, hi = row[0].start_char, after[-1].end_char
    for lab, name in zip(row, after, strict=True):
        rec = people[name.kb_id_]
        for role in _ONE_PERSON - set(lab._.roles):
            span = rec.role_spans.get(role)
            if span is not None and lo <= span[0] < hi:  # given by the row's last label to its first name
                rec.roles.discard(role)
                del rec.role_spans[role]
        for role in lab._.roles:
            rec.add_role(role, (name.start_char, name.end_char))


def read_tables(doc: Doc, names: list[Span], people: dict[str, PersonRecord], affiliate) -> None:
    """Set the affiliation of the people of a flattened table. `affiliate(rec, ref)` sets one."""
    in_name = {i for s in names for i in range(s.start, s.end)}
    refs = [s for s in spans_of(doc, "ref") if s.label_ in _PLACE_KINDS and s.start not in in_name]
    if len(refs) < 2 or not names:
        return
    for block in spans_of(doc, "block"):
        _group_headings(doc, block, names, refs, people, affiliate)
    _columns(doc, names, refs, people, affiliate)


_DITTO = frozenset('"”“〃″')  # "the same as above" in a column
_MAX_CELL_WORDS = 8


def read_line_columns(doc: Doc, names: list[Span], people: dict[str, PersonRecord], set_org, is_role) -> None:
    """A table flattened into one line per cell: a run of names, one per line, then as many lines
    of their organisations in the same order, where a ditto mark repeats the line above. Lines of
    roles between the two columns are skipped. `set_org(rec, span)` sets an affiliation;
    `is_role(text)` tells a line of roles or titles."""
    text = text_of(doc)
    starts = {s.start_char: s for s in names}
    for block in spans_of(doc, "block"):
        lines = [(a, b) for a, b in doc._.lines if block.start_char <= a < block.end_char]
        k = 0
        while k < len(lines):
            run = _name_lines(text, lines, k, starts)
            if len(run) < 3:
                k += max(1, len(run))
                continue
            j = k + len(run)
            while j < len(lines) and j - k - len(run) < 2 and is_role(text[lines[j][0] : lines[j][1]]):
                j += 1
            cells = _cells(doc, text, lines[j : j + len(run)], starts)
            if cells is not None and len(cells) == len(run):
                # each name fills its line, so an affiliation it has came from elsewhere (a heading
                # read across the table): the column, aligned name by name, is the better reading
                for name, cell in zip(run, cells, strict=True):
                    set_org(people[name.kb_id_], cell)
                k = j + len(run)
            else:
                k += len(run)


def _name_lines(text: str, lines: list[tuple[int, int]], k: int, starts: dict[int, Span]) -> list[Span]:
    """The names from line k on that fill their lines, a party's code aside ("Anna Berg (S)")."""
    run = []
    for a, b in lines[k:]:
        name = starts.get(a)
        if name is None or not (name.end_char == b or _PARTY_AFTER.fullmatch(text, name.end_char, b)):
            break
        run.append(name)
    return run


def _cells(doc: Doc, text: str, lines: list[tuple[int, int]], starts: dict[int, Span]) -> list[Span] | None:
    """The column's cells, a ditto mark read as the cell above; None unless every line is one."""
    out: list[Span] = []
    for a, b in lines:
        cell = text[a:b]
        if cell.strip() and set(cell.strip()) <= _DITTO:
            if not out:
                return None
            out.append(out[-1])
            continue
        words = cell.split()
        span = doc.char_span(a, b, alignment_mode="contract")
        if (
            span is None
            or a in starts
            or not cell[:1].isupper()
            or len(words) > _MAX_CELL_WORDS
            or any(ch.isdigit() for ch in cell)
        ):
            return None
        out.append(span)
    return out


def _after(text: str, pos: int, mark: str) -> bool:
    """The text before pos ends with mark, spaces aside."""
    return text[max(0, pos - 8) : pos].rstrip().endswith(mark)


def _adjacent(text: str, end: int, start: int) -> bool:
    return end <= start and _GAP.fullmatch(text, end, start) is not None


def _group_headings(doc: Doc, block: Span, names: list[Span], refs: list[Span], people, affiliate) -> None:
    text = text_of(doc)
    in_block = [(s.start_char, "person", s) for s in names if block.start_char <= s.start_char < block.end_char] + [
        (r.start_char, "ref", r)
        for r in refs
        if block.start_char <= r.start_char < block.end_char and not _after(text, r.start_char, "(")
    ]
    in_block.sort(key=lambda e: e[0])
    headings = [k for k, e in enumerate(in_block) if e[1] == "ref"]
    if len(headings) < 2 or in_block[0][1] != "ref":
        return
    for k in headings:
        ref = in_block[k][2]
        following = in_block[k + 1] if k + 1 < len(in_block) else None
        # a heading opens a group: a name right after it, and no comma tying it to the name before
        if following is None or following[1] != "person" or not _adjacent(text, ref.end_char, following[0]):
            return
        if _after(text, ref.start_char, ","):
            return
    current: Span | None = None
    for _, kind, span in in_block:
        if kind == "ref":
            current = span
        elif current is not None:
            affiliate(people[span.kb_id_], current)


def _columns(doc: Doc, names: list[Span], refs: list[Span], people, affiliate) -> None:
    text = text_of(doc)
    runs: list[list[Span]] = []
    for ref in refs:
        if runs and _adjacent(text, runs[-1][-1].end_char, ref.start_char):
            runs[-1].append(ref)
        else:
            runs.append([ref])
    for run in runs:
        if len(run) < 3:
            continue
        start, end = run[0].start_char, run[-1].end_char
        before = [s for s in names if s.end_char <= start]
        # the listed names right before the run, each without a place of its own outside the run
        column: list[Span] = []
        for s in reversed(before):
            rec = people[s.kb_id_]
            own = rec.affiliation_span is not None and not start <= rec.affiliation_span[0] < end
            nxt = column[-1].start_char if column else start
            if own or not rec.in_list or nxt - s.end_char > _RUN_GAP:
                break
            column.append(s)
        if len(column) != len(run):
            continue
        for s, ref in zip(reversed(column), run, strict=True):
            affiliate(people[s.kb_id_], ref)


_BODY_RUN = 3  # names with the body they sit for right after them that make a list of that kind
_BEFORE_BODY = re.compile(r"[ \t]*(?:\([^()\n]{1,12}\)[ \t]*)?,?[ \t]*")  # a party's code, a comma


def read_member_bodies(doc: Doc, people: dict[str, PersonRecord], body: str | None, set_org) -> None:
    """A list where each member's name stands right before the committee or board she sits for, on
    the same line ("Anna Berg Socialnämnden Per Ek (S) Kommunstyrelsen"), at least _BODY_RUN
    times: that body is her affiliation. The meeting's own body names nobody's. Read after the
    bodies are found; `set_org(rec, span)` sets an affiliation."""
    text = text_of(doc)
    bodies = {s.start_char: s for s in spans_of(doc, "network")}
    own = (body or "").casefold()
    pairs = []
    for rec in people.values():
        if rec.affiliation is not None or not rec.in_list:
            continue
        for _, end in rec.mentions:
            gap = _BEFORE_BODY.match(text, end)
            span = bodies.get(gap.end()) if gap else None
            if span is not None and span.text.casefold() != own:
                pairs.append((rec, span))
                break
    if len(pairs) >= _BODY_RUN:
        for rec, span in pairs:
            set_org(rec, span)


@cache
def _representing_words() -> frozenset[str]:
    return frozenset(data("attendance.yaml")["representing_words"])


_HEADING_REACH = 4  # tokens from "För" to the end of the body it heads ("För vård och omsorgsnämnden")


def read_body_headings(doc: Doc, people: dict[str, PersonRecord], set_org) -> None:
    """An attendance block written as groups, each opened by "För" and a body, then the names of
    those who sit for it ("För Kommunstyrelsen Anna Berg (S) Per Ek (M) För Socialnämnden Eva Al"):
    each name's affiliation is its group's body, the words from "För" on ("vård och
    omsorgsnämnden"). At least two groups, the first opening the block, each opened right before a
    name. `set_org(rec, span)` sets an affiliation."""
    words = _representing_words()
    t = tokens_of(doc)
    bodies = sorted(spans_of(doc, "network"), key=lambda s: s.start)
    names = sorted(spans_of(doc, "person"), key=lambda s: s.start)
    for block in spans_of(doc, "block"):
        heads = []
        for k in range(block.start, block.end):
            if t.lower[k] not in words or not t.text[k][:1].isupper():
                continue
            body = next((s for s in bodies if k < s.start and s.end <= min(block.end, k + 1 + _HEADING_REACH)), None)
            if body is not None:
                heads.append(doc[k + 1 : body.end])
        first = heads[0].start - 1 if heads else block.end
        if len(heads) < 2 or doc[block.start : first].text.strip():
            continue
        groups = []
        for n, head in enumerate(heads):
            end = heads[n + 1].start - 1 if n + 1 < len(heads) else block.end
            members = [s for s in names if head.end <= s.start and s.end <= end]
            if not members or doc[head.end : members[0].start].text.strip():
                break  # a heading not right before a name: not this layout
            groups.append((head, members))
        else:
            for head, members in groups:
                for name in members:
                    set_org(people[name.kb_id_], head)


_TITLE_RUN = 3  # names in a row before a column of their titles


def read_title_column(
    doc: Doc, names: list[Span], people: dict[str, PersonRecord], is_title, adjective_of, set_unit
) -> None:
    """A table of names and titles flattened into one line: the names one after another, then as many
    titles in the same order ("Anna Berg Per Ek Eva Al regiondirektör biträdande ekonomichef
    enhetschef, kulturenheten"). A cell opens with its title word, or with the adjective before it,
    and a unit after a comma ends it. Each name gets its cell's title, and its unit as the
    affiliation. `is_title(word)` and `adjective_of(doc, k)` (an adjective before a title) tell the
    cells' words; `set_unit(rec, span)` sets a unit as the affiliation (None: clears it)."""
    text = text_of(doc)
    ordered = sorted(names, key=lambda s: s.start)
    k = 0
    while k < len(ordered):
        run = [ordered[k]]
        while k + len(run) < len(ordered) and _only_spaces(text, run[-1].end_char, ordered[k + len(run)].start_char):
            run.append(ordered[k + len(run)])
        k += len(run)
        if len(run) < _TITLE_RUN:
            continue
        cells = _title_cells(doc, run[-1].end, is_title, adjective_of)
        if len(cells) != len(run):
            continue
        column = (cells[0][0].start_char, max(c.end_char for cell in cells for c in cell if c is not None))
        for name, (title, unit) in zip(run, cells, strict=True):
            rec = people[name.kb_id_]
            rec.title, rec.title_span = title.text, (title.start_char, title.end_char)
            if rec.affiliation_span is not None and column[0] <= rec.affiliation_span[0] < column[1]:
                set_unit(rec, None)  # read from the column as the last name's tail: not hers
            if unit is not None:
                set_unit(rec, unit)


def _only_spaces(text: str, a: int, b: int) -> bool:
    return a <= b and not text[a:b].strip(" \t") and "\n" not in text[a:b]


def _title_cells(doc: Doc, start: int, is_title, adjective_of_title) -> list[tuple[Span, Span | None]]:
    """The cells of a column of titles from token `start` to the end of its line: (title, unit or
    None) each. None of them, unless every word belongs to a cell."""
    cells: list[tuple[Span, Span | None]] = []
    i = start
    while i < len(doc) and doc[i].is_space and "\n" not in doc[i].text:
        i += 1
    while i < len(doc) and not (doc[i].is_space and "\n" in doc[i].text):
        first = i
        while i < len(doc) and adjective_of_title(doc, i) and not is_title(doc[i].text):
            i += 1
        if i >= len(doc) or not doc[i].text[:1].islower() or not is_title(doc[i].text):
            return [] if cells or i > first else cells
        title = doc[first : i + 1]
        i += 1
        unit = None
        if i < len(doc) and doc[i].text == ",":
            u = i + 1
            j = u
            while j < len(doc) and doc[j].is_alpha and not is_title(doc[j].text):
                if adjective_of_title(doc, j):
                    break
                j += 1
            if j == u:
                return []
            unit = doc[u:j]
            i = j
        cells.append((title, unit))
    return cells


def read_presence_marks(doc: Doc, names: list[Span], people: dict[str, PersonRecord]) -> None:
    """An attendance table's presence column, flattened: 'Anna Berg S 1', 'Per Ek M -'. Where a run
    of listed names marks most of them present with '1' or 'x', a dash instead means away."""
    text = text_of(doc)
    run: list[tuple[Span, str]] = []
    for name in [*names, None]:
        mark = None
        if name is not None and people[name.kb_id_].listed:
            mark = _mark_after(text, name.end_char)
        if mark is not None and (not run or name.start_char - run[-1][0].end_char <= _MARKED_GAP):
            run.append((name, mark))
            continue
        _mark_away(run, people)
        run = [(name, mark)] if mark is not None else []


def _mark_away(run: list[tuple[Span, str]], people: dict[str, PersonRecord]) -> None:
    present = sum(1 for _, m in run if m in _PRESENT_MARKS)
    away = [name for name, m in run if m in _AWAY_MARKS]
    if present < 2 or not away:
        return
    for name in away:
        rec = people[name.kb_id_]
        rec.roles.discard("present")
        rec.add_role("absent", (name.start_char, name.end_char))


def _mark_after(text: str, end: int) -> str | None:
    """The presence mark right after a name, past a party of one to three capitals."""
    m = _MARK.match(text, end)
    return m.group(1) if m else None


def read_slashed(doc: Doc, names: list[Span], people: dict[str, PersonRecord], affiliate) -> None:
    """'Norrby kommun/Anna Berg/Utvecklingsledare': a place or organisation, a slash, then the name."""
    ends = {s.end: s for s in spans_of(doc, "ref") if s.label_ in _PLACE_KINDS}
    for name in names:
        k = name.start - 1
        if k < 1 or doc[k].text != "/" or k not in ends:
            continue
        rec = people[name.kb_id_]
        if rec.affiliation_ref is None:  # a known place or organisation beats a phrase read after the name
            affiliate(rec, ends[k])


def share_coordinated(
    doc: Doc, names: list[Span], people: dict[str, PersonRecord], prepositions: frozenset[str]
) -> None:
    """'Anna Berg, Per Ek och Eva Lind, Region Norrdal', 'Anna Berg, Per Ek m.fl., Region Norrdal',
    'Anna Berg och Per Ek från Norrby kommun': names joined by 'och', or ending in 'med flera', with
    one affiliation after the last (right after it, after "m.fl." or after one of `prepositions`) all
    have it."""
    text = text_of(doc)
    group: list[Span] = []
    for name in [*names, None]:
        if name is not None and group and _JOINER.fullmatch(text, group[-1].end_char, name.start_char):
            group.append(name)
            continue
        if len(group) >= 2 and (
            _COORDINATION.search(text, group[-2].end_char, group[-1].start_char)
            or past_others(doc, group[-1].end) > group[-1].end
        ):
            _share(text, group, people, prepositions)
        group = [name] if name is not None else []


def _share(text: str, group: list[Span], people: dict[str, PersonRecord], prepositions: frozenset[str]) -> None:
    last = people[group[-1].kb_id_]
    span = last.affiliation_span
    between = text[group[-1].end_char : span[0]].strip(" ,") if span is not None else ""
    linking = between.casefold() in others_marks() or between.casefold() in prepositions
    if last.affiliation is None or span is None or (between and not linking):
        return  # no affiliation right after the last name ("m.fl.", "från" may stand between)
    for name in group[:-1]:
        rec = people[name.kb_id_]
        if rec.affiliation is None:
            rec.take_affiliation(last)
