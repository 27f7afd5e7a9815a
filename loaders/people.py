"""People: attendance lists, signatures, presenters and people named in running text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from samkarta.loaders.doc import Doc, Token
from samkarta.loaders.gazetteer import Hit
from samkarta.loaders.labels import Label, find_labels
from samkarta.loaders.lexicon import PARTIES, fold, is_given_name, is_name_token, is_title
from samkarta.loaders.model import ROLE_ORDER, Evidence, PersonFact, Role
from samkarta.loaders.names import NameRun, initials_of, is_initials, name_runs
from samkarta.reference import load_reference

_ITEM_START = re.compile(r"(?m)^[ \t]*(?:§\s*\d+|\d{1,2}[.)]?\s+[A-ZÅÄÖ]|[a-h]\)\s)")
_UNIT_WORDS = re.compile(
    r"(enhet(en)?|enh\b|förvaltning(en)?|avdelning(en)?|kontor(et)?|kansli(et)?|sektion(en)?|"
    r"verksamhet(en)?|stab(en)?|område(t)?)\b",
    re.IGNORECASE,
)
_PRESENTER_VERBS = re.compile(
    r"^(?:informera(?:r|de)|berätta(?:r|de)|presentera(?:r|de)|redogör|redogjorde|rapportera(?:r|de)|"
    r"föredr(?:ar|og)|ger\s+(?:en\s+)?(?:rapport|bilder|information|lägesrapport|en\s+återkoppling)|"
    r"går\s+igenom|gick\s+igenom|visar|visade|inleder|inledde)\b"
)
_WELCOME = re.compile(r"^(?:hälsa(?:r|de)\s+(?:alla\s+)?välkomn|öppna(?:r|de)\s+mötet)")
# "Cecilia börjar sitt nya jobb på GR": the employer of the subject
_EMPLOYED_AT = re.compile(
    r"^(?:börjar|började|har\s+börjat|arbetar|jobbar|är\s+anställd|har\s+anställts|tillträder|tillträdde)\s+"
    r"(?:(?:sitt|sin|ett|en)\s+(?:nya\s+)?(?:jobb|tjänst|arbete|anställning|uppdrag)\s+)?"
    r"(?:som\s+[\wåäö-]+\s+)?(?:på|vid|hos)\s+"
)
_SECRETARY_BEFORE = re.compile(
    r"\b(?:[Ff]ör\s+(?:minnes)?anteckningarna\b.*\bstår|[Aa]ntecknades\s+av|[Ss]ekreterare\s+var)\b[^.]*$"
)
_CHAIR_BEFORE = re.compile(r"(?<![Vv]ice )\bordförande\s*$")
_ROLE_WORDS: dict[str, tuple[Role, ...]] = {
    "ordf": ("chair",),
    "ordförande": ("chair",),
    "mötesordförande": ("chair",),
    "sammankallande": ("chair",),
    "sekreterare": ("secretary",),
    "mötessekreterare": ("secretary",),
    "sekr": ("secretary",),
}
_MAX_LINE_ENTRY_TOKENS = 16
# document-type labels that sign the minutes: one name (and its unit) follows, then running text may
_SIGNATURE_LABELS = frozenset({"minnesanteckningar", "anteckningar", "protokoll"})
_SIGNATURE_TAIL = re.compile(r"[ \t]*(?:\([^)\n]{0,80}\)|,[^,\n]{1,60}?(?=,|\n|$))")
# a minister or statsråd belongs to the government
_MINISTER = re.compile(r"(?i)(?:minister|^statsråd)$")
_STAFF_LABELS = frozenset(
    {"tjänstemän", "närvarande tjänstemän", "övriga närvarande", "övriga deltagande", "övriga deltagare", "övriga"}
)


@dataclass
class Person:
    name: str
    roles: set[Role] = field(default_factory=set)
    affiliation: Hit | str | None = None
    affiliation_kind: str | None = None
    title: str | None = None
    party: str | None = None
    evidence: list[Evidence] = field(default_factory=list)
    staff: bool = False  # listed among the officials ("Tjänstemän", "Övriga närvarande")
    unit: str | None = None

    def to_fact(self) -> PersonFact:
        roles = set(self.roles)
        if roles & {"chair", "presenter", "guest", "secretary"} and "absent" not in roles:
            roles.add("present")
        if not roles:
            roles.add("mentioned")
        aff = self.affiliation
        ref = kind = None
        if isinstance(aff, Hit):
            ref = aff.ref
            kind = "municipality" if aff.kind == "municipality" else "organization"
            surface = aff.surface
            if aff.kind == "municipality":
                surface = load_reference().municipalities[aff.ref].name
            aff = surface
        elif aff is not None:
            kind = self.affiliation_kind or "organization"
        return PersonFact(
            name=self.name,
            affiliation=aff,
            affiliation_kind=kind,  # type: ignore[arg-type]
            affiliation_ref=ref,
            unit=self.unit,
            roles=[r for r in ROLE_ORDER if r in roles],
            title=self.title,
            party=self.party,
            evidence=self.evidence[:5],
        )


class PeopleFinder:
    """Collects people in document order and merges repeated mentions of one person."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.people: dict[str, Person] = {}
        self.list_spans: list[tuple[int, int]] = []

    # -- registry -------------------------------------------------------------------------------
    def add(self, name: str, start: int, end: int, roles: tuple[Role, ...] = ()) -> Person:
        key = fold(name)
        person = self.people.get(key)
        if person is None:
            person = self.people[key] = Person(name)
        person.roles.update(roles)
        if len(person.evidence) < 3:
            person.evidence.append(self.doc.evidence(start, end))
        return person

    def by_first_name(self, first: str) -> Person | None:
        matches = [p for p in self.people.values() if fold(p.name.split()[0]) == fold(first)]
        return matches[0] if len(matches) == 1 else None

    def by_initials(self, initials: str) -> Person | None:
        matches = [p for p in self.people.values() if initials_of(p.name) == initials]
        return matches[0] if len(matches) == 1 else None

    # -- attendance lists -----------------------------------------------------------------------
    def read_lists(self) -> None:
        doc = self.doc
        labels = find_labels(doc.text, doc.content_start)
        pending: list[tuple[Role, ...]] = []
        for idx, label in enumerate(labels):
            nxt = labels[idx + 1].start if idx + 1 < len(labels) else len(doc.text)
            end = self._list_end(label, nxt)
            if label.name.casefold() in _SIGNATURE_LABELS:
                end = self._first_entry_end(label.end, end)
            if label.is_stop:
                if pending:
                    self._assign_pending(pending, label.end, end)
                continue
            if not doc.text[label.end : end].strip():
                pending.append(label.roles)
                continue
            if pending:
                self._assign_pending(pending, label.end, end)
            self.list_spans.append((label.end, end))
            self._read_list(label, label.end, end)

    def _assign_pending(self, pending: list[tuple[Role, ...]], start: int, end: int) -> None:
        """Labels written in a row ('Sekreterare Ordförande Justerande') then names in a row: the n-th
        name takes the n-th label's roles. Empties `pending`."""
        tokens = self.doc.tokens(start, end)
        runs = name_runs(self.doc, tokens, relaxed_start={0})
        while pending and runs:
            run = runs.pop(0)
            self.add(run.name, run.start, run.end, pending.pop(0))
        pending.clear()

    def _list_end(self, label: Label, next_label: int) -> int:
        """A list ends at the next label, at an agenda item, or where its lines stop being entries."""
        text = self.doc.text
        line_end = text.find("\n", label.end)
        line_end = len(text) if line_end < 0 else line_end
        rest_of_line = text[label.end : min(line_end, next_label)]
        if rest_of_line.strip() and (line_end >= next_label or not rest_of_line.rstrip().endswith(",")):
            if line_end >= next_label:
                return next_label
            end = line_end
            if not self._looks_like_entry(end + 1, next_label):
                return end
        else:
            end = min(line_end, next_label)
        pos = end
        entries = 0
        while pos < next_label:
            nl = text.find("\n", pos + 1)
            nl = len(text) if nl < 0 else nl
            line = text[pos:nl].strip()
            if line and not self._is_entry_line(pos, min(nl, next_label)):
                if entries == 0 and _is_table_header(line):
                    pos = nl  # "Namn, Organisation": a table's header row above the entries
                    continue
                break
            entries += bool(line)
            end = min(nl, next_label)
            pos = nl
            if nl >= len(text):
                break
        return end

    def _first_entry_end(self, start: int, end: int) -> int:
        """'Minnesanteckningar: Kim Berg (FoU) Barnminister X berättade ...': one signature, then text."""
        runs = name_runs(self.doc, self.doc.tokens(start, end), relaxed_start={0})
        if not runs:
            return end
        after = _SIGNATURE_TAIL.match(self.doc.text, runs[0].end, end)
        return after.end() if after else runs[0].end

    def _looks_like_entry(self, start: int, limit: int) -> bool:
        text = self.doc.text
        while start < limit and text[start] in " \n":
            start += 1
        nl = text.find("\n", start)
        return start < limit and self._is_entry_line(start, min(limit, len(text) if nl < 0 else nl))

    def _is_entry_line(self, start: int, end: int) -> bool:
        text = self.doc.text
        line = text[start:end].strip()
        if not line or _ITEM_START.match(text[start:end].lstrip("\n")):
            return False
        tokens = self.doc.tokens(start, end)
        if len(tokens) > _MAX_LINE_ENTRY_TOKENS:
            return False
        group = _group_prefix(self.doc, tokens)
        tokens = tokens[group[1] :] if group else tokens
        # a sentence about someone ("Kim Berg berättar om ...") is not an entry: entries have few
        # lower-case words outside parentheses (titles, "och", "punkt 3")
        depth = 0
        lower = 0
        for t in tokens:
            depth += t.text == "("
            depth -= t.text == ")"
            if depth <= 0 and t.text[:1].islower() and t.text.isalpha() and not is_title(t.text):
                lower += t.text not in {"och", "samt", "för", "i", "på", "punkt", "vice", "ordf", "sekr", "tf"}
        if lower > 2:
            return False
        runs = name_runs(self.doc, tokens, relaxed_start={0})
        return bool(runs) and runs[0].first_index <= 1

    def _read_list(self, label: Label, start: int, end: int) -> None:
        tokens = self.doc.tokens(start, end)
        chunks = _split_chunks(tokens)
        current: list[Person] = []
        tails: list[list[Token]] = []
        previous_had_tail = False
        group: Hit | None = None  # "Ljusdal: Anna Berg, Kalle Nyström": a place heading the line's names
        grouped: dict[str, Hit] = {}
        for chunk in chunks:
            if chunk[0].newline_before or chunk is chunks[0]:
                group = None
            prefix = _group_prefix(self.doc, chunk)
            if prefix:
                group, chunk = prefix[0], chunk[prefix[1] :]
                if not chunk:
                    continue
            # in an attendance list an entry starts with its name, known given name or not
            relaxed = (
                {0}
                if _all_name_words(self.doc, chunk)
                or chunk is chunks[0]
                or (_starts_like_name(self.doc, chunk) and (chunk[0].newline_before or previous_had_tail))
                else set()
            )
            runs = name_runs(self.doc, chunk, relaxed_start=relaxed)
            # "Name Affiliation, Name ..." (inline lists): words after a chunk's name mean the next chunk
            # starts a new entry; "Name, Affiliation" lines put the affiliation in a chunk of its own
            previous_had_tail = bool(runs) and runs[-1].last_index < len(chunk) - 1
            if not runs:
                if current:
                    tails[-1].extend([_separator(chunk), *chunk])
                else:
                    self._resolve_short_forms(chunk, label.roles)
                continue
            if runs[0].first_index > 0 and current:
                tails[-1].extend([_separator(chunk), *chunk[: runs[0].first_index]])
            shared_with_previous = _joined_by_och(chunk, runs)
            for r_idx, run in enumerate(runs):
                stop = runs[r_idx + 1].first_index if r_idx + 1 < len(runs) else len(chunk)
                person = self.add(run.name, run.start, run.end, label.roles)
                person.staff = person.staff or label.name.casefold() in _STAFF_LABELS
                current.append(person)
                if group is not None:
                    grouped[person.name] = group
                tails.append(chunk[run.last_index + 1 : stop])
                if r_idx > 0 and r_idx in shared_with_previous:
                    tails[-2].append(Token(-1, -1, "&", False))  # marker: share the next affiliation
        for person, tail in zip(current, tails, strict=True):
            self._apply_tail(person, tail)
            if person.affiliation is None and person.name in grouped:
                person.affiliation = grouped[person.name]
        for i, (person, tail) in enumerate(zip(current, tails, strict=True)):
            if tail and tail[-1].text == "&" and person.affiliation is None and i + 1 < len(current):
                person.affiliation = current[i + 1].affiliation
                person.affiliation_kind = current[i + 1].affiliation_kind

    def _resolve_short_forms(self, chunk: list[Token], roles: tuple[Role, ...]) -> None:
        """'EB' or 'Lisa A L' after a name list: initials of someone already named."""
        words = [t.text for t in chunk]
        if len(words) == 1 and is_initials(words[0]):
            person = self.by_initials(words[0])
            if person:
                person.roles.update(roles)

    def _apply_tail(self, person: Person, tail: list[Token]) -> None:
        """Interpret what follows a name in a list: party, role, item numbers, affiliation."""
        words = [t for t in tail if t.start >= 0]
        segments: list[list[Token]] = [[]]
        depth = 0
        for i, tok in enumerate(words):
            if tok.text == "(":
                depth += 1
                segments.append([])
                continue
            if tok.text == ")":
                depth = max(0, depth - 1)
                segments.append([])
                continue
            if depth == 0 and tok.text in _SEPARATORS and _is_separator(words, i):
                segments.append([])
                continue
            segments[-1].append(tok)
        candidates: list[tuple[int, Hit | str, str]] = []
        for seg in segments:
            seg = self._strip_roles(person, seg)
            if not seg:
                continue
            cand = self._affiliation_of(seg)
            if cand is not None:
                candidates.append(cand)
        if candidates and not person.affiliation:
            best = min(candidates, key=lambda c: c[0])
            person.affiliation = best[1]
            person.affiliation_kind = best[2]
            if best[0] <= 1:  # "Utvecklingsledare Hälsa och välfärd, Region Dalarna": the unit within
                person.unit = next((c[1] for c in candidates if c[0] >= 2 and isinstance(c[1], str)), None)
        if not person.affiliation and any(_MINISTER.search(t.text) for t in words):
            person.affiliation, person.affiliation_kind = "Regeringen", "organization"  # "(socialminister)"

    def _strip_roles(self, person: Person, seg: list[Token]) -> list[Token]:
        out: list[Token] = []
        i = 0
        while i < len(seg):
            word = seg[i].text
            key = word.casefold().rstrip(".:")
            prev = seg[i - 1].text.casefold() if i else ""
            if key in _ROLE_WORDS and prev not in {"vice", "v", "v."} and not person.roles & {"absent"}:
                person.roles.update(_ROLE_WORDS[key])
            elif key in _ROLE_WORDS or key in {"vice", "v"}:
                pass  # a role word that does not apply ("vice ordförande", or an absentee's)
            elif fold(word) in PARTIES and len(seg) == 1:
                person.party = word.upper()
            elif key in {"punkt", "p", "punkterna", "§"} and i + 1 < len(seg) and seg[i + 1].text[:1].isdigit():
                person.roles.add("guest")
                i += 1
            elif re.fullmatch(r"[\d–\-.:§]+", word) or key in {"kl", "ca"}:
                pass  # item numbers, times and punctuation say nothing about the person
            else:
                out.append(seg[i])
            i += 1
        return out

    def _affiliation_of(self, seg: list[Token]) -> tuple[int, Hit | str, str] | None:
        doc = self.doc
        start, end = seg[0].start, seg[-1].end
        hits = [h for h in doc.hits_in(start, end) if h.kind in ("municipality", "organization")]
        if len(hits) == 1 and hits[0].start == start and hits[0].end == end:
            return (0, hits[0], hits[0].kind)
        lead = 0
        while lead < len(seg) and is_title(seg[lead].text):
            lead += 1
        rest = seg[lead:]
        if lead and rest and not hits and all(re.fullmatch(r"[A-ZÅÄÖ]{2,5}|/", t.text) for t in rest):
            return None  # "Samordnare MT/CT": an unknown abbreviation after a title belongs to the title
        if rest and rest[0].text[:1].isupper() and not is_given_name(rest[0].text):
            first_hit = hits[0] if hits else None
            genitive = first_hit is not None and doc.text[first_hit.end : first_hit.end + 1] in ("s", ":")
            if first_hit and first_hit.start == rest[0].start and not (genitive and len(rest) > 1):
                return (1, first_hit, first_hit.kind)
            if not any(t.text[:1].isdigit() for t in rest) and len(rest) <= 7:
                if hits and lead:
                    return (1, hits[0], hits[0].kind)
                return (2, " ".join(doc.text[rest[0].start : rest[-1].end].split()), "organization")
        if hits:
            return (1, hits[0], hits[0].kind)
        if rest and _UNIT_WORDS.search(doc.text[rest[0].start : rest[-1].end]):
            unit = " ".join(doc.text[rest[0].start : rest[-1].end].split())
            return (3, unit, "unit")
        if lead and len(seg) == lead:
            return None
        return None

    # -- running text ---------------------------------------------------------------------------
    def read_text(self) -> None:
        """Names in sentences: presenters, chairs, people only mentioned, and their affiliations."""
        doc = self.doc
        for s_start, s_end in doc.sentences:
            if s_end <= doc.content_start or self._in_list(s_start, s_end):
                continue
            tokens = doc.tokens(s_start, s_end)
            runs = [
                self._extend_left(tokens, r)
                for r in name_runs(doc, tokens, relaxed_start=_appositive_start(doc, tokens))
            ]
            for run in runs:
                if self._in_list(run.start, run.end):
                    continue  # read (with its tail) by read_lists
                after_i = run.first_index > 0 and tokens[run.first_index - 1].text == "i"
                if after_i and fold(run.name) not in self.people:
                    continue  # "i Kiel Europa ...": 'i' is followed by places, not people
                person = self.add(run.name, run.start, run.end)
                self._context_roles(person, tokens, run.first_index, run.last_index, s_start)
                if person.affiliation is None:  # a list's affiliation wins; text fills a gap
                    self._text_affiliation(person, tokens, run)
            self._first_name_mentions(tokens, runs, s_start)

    def _extend_left(self, tokens: list[Token], run: NameRun) -> NameRun:
        """'utse Rasmira Holm Larzon': a capitalised word right before a name, inside a sentence, is its
        first given name even when the name dictionary does not know it."""
        i = run.first_index - 1
        if i < 1 or tokens[i].newline_before:
            return run
        word = tokens[i].text
        if not is_name_token(word) or is_title(word) or self.doc.hit_covering(tokens[i].start, tokens[i].end):
            return run
        if tokens[i - 1].text in {".", ":", "!", "?"} or not tokens[i - 1].text[:1].islower():
            return run  # sentence-initial capitals are ordinary words more often than names
        return NameRun(tokens[i].start, run.end, f"{word} {run.name}", i, run.last_index)

    def _in_list(self, start: int, end: int) -> bool:
        return any(a <= start and end <= b + 1 for a, b in self.list_spans)

    def _first_name_mentions(self, tokens: list[Token], runs: list[NameRun], s_start: int) -> None:
        """'Lena tar upp frågan': a given name alone is the one person of the document with it."""
        covered = {i for r in runs for i in range(r.first_index, r.last_index + 1)}
        for i, tok in enumerate(tokens):
            if not tok.text[:1].isupper() or i in covered:
                continue
            word = tok.text
            if word.endswith("-") and i + 1 < len(tokens):
                word += tokens[i + 1].text  # "Ann- Karin"
            if not is_given_name(word):
                continue
            person = self.by_first_name(word)
            if person is not None:
                self._context_roles(person, tokens, i, i, s_start)

    def _context_roles(self, person: Person, tokens: list[Token], first: int, last: int, s_start: int) -> None:
        doc = self.doc
        before = doc.text[max(s_start, tokens[first].start - 40) : tokens[first].start]
        if _CHAIR_BEFORE.search(before.casefold()):
            person.roles.update(("chair", "present"))
        j = last + 1
        # skip an appositive (", VästKom,", "Forskningsledare vid FoU X") or a coordinated name ("och Maria Jonsson")
        while (
            j < len(tokens)
            and j <= last + 8
            and (
                tokens[j].text in {",", "(", ")", "och", "och/eller"}
                or _is_apposition_word(tokens[j])
                or (tokens[j].text in {"vid", "på", "hos"} and is_title(tokens[j - 1].text))
                or is_name_token(tokens[j].text)
                or doc.hit_covering(tokens[j].start, tokens[j].end) is not None
            )
        ):
            j += 1
        # Swedish puts the finite verb right after the subject and its apposition
        for k in range(
            j,
            min(len(tokens), j + 10)
            if tokens[last + 1 : last + 2] and tokens[last + 1].text == ","
            else min(len(tokens), j + 1),
        ):
            after = doc.text[tokens[k].start : tokens[k].start + 60]
            if _PRESENTER_VERBS.match(after):
                person.roles.update(("presenter", "present"))
                break
            if _WELCOME.match(after):
                person.roles.add("present")
                break
            employed = _EMPLOYED_AT.match(after)
            if employed and person.affiliation is None:
                hit = doc.hit_covering(tokens[k].start + employed.end(), tokens[k].start + employed.end() + 1)
                if hit is not None and hit.kind == "organization":
                    person.affiliation = hit
                break
        if _SECRETARY_BEFORE.search(doc.text[s_start : tokens[first].start]):
            person.roles.update(("secretary", "present"))

    def _text_affiliation(self, person: Person, tokens: list[Token], run: NameRun) -> None:
        doc = self.doc
        j = run.last_index + 1
        preposition = False
        titled = False
        while j < len(tokens) and (
            tokens[j].text in {",", "("} or is_title(tokens[j].text) or tokens[j].text in {"från", "vid", "på", "hos"}
        ):
            preposition = preposition or tokens[j].text in {"från", "vid", "på", "hos", ",", "("}
            titled = titled or is_title(tokens[j].text)
            j += 1
        if not titled:
            # "X välkommen som ny strateg på Region Y": a title, then an organisation, later in the clause
            for k in range(j, min(len(tokens), j + 6)):
                if tokens[k].text in {".", ";", ","} or is_name_token(tokens[k].text):
                    break
                if is_title(tokens[k].text) and k + 2 < len(tokens) and tokens[k + 1].text in {"på", "vid", "hos"}:
                    j, titled = k + 1, True
                    break
        if titled:
            for k in range(j, min(len(tokens), j + 7)):
                hit = doc.hit_covering(tokens[k].start, tokens[k].end)
                after_preposition = k > 0 and tokens[k - 1].text in {"på", "vid", "hos", "i"}
                if hit is not None and (
                    hit.kind == "organization" or (hit.kind == "municipality" and after_preposition)
                ):
                    person.affiliation = hit
                    return
                if tokens[k].text in {".", ";"}:
                    break
        if j < len(tokens) and (preposition or titled or j == run.last_index + 1):
            tok = tokens[j]
            hit = doc.hit_covering(tok.start, tok.end)
            if hit is not None and hit.start == tok.start and hit.kind in ("municipality", "organization"):
                person.affiliation = hit
                return
            if preposition and tok.text[:1].isupper() and not is_given_name(tok.text):
                k = j
                while (
                    k + 1 < len(tokens) and tokens[k + 1].text[:1].isupper() and not is_given_name(tokens[k + 1].text)
                ):
                    k += 1
                following = tokens[k + 1].text if k + 1 < len(tokens) else ","
                after_from = tokens[j - 1].text in {"från", "vid", "hos"} and following[:1].islower()
                if following in {",", ")", "."} or k + 1 >= len(tokens) or after_from:
                    person.affiliation = " ".join(doc.text[tok.start : tokens[k].end].split())
                    person.affiliation_kind = "organization"
                    return
        # before the name: "Verksamhetsutvecklare på Landstinget Lillemor Eriksson", "Från SKL medverkade X"
        i = run.first_index - 1
        if i >= 0:
            hit = doc.hit_covering(tokens[i].start, tokens[i].end)
            if (
                hit is not None
                and hit.kind == "organization"
                and i >= 1
                and tokens[_hit_first_index(tokens, i, hit) - 1].text in {"på", "vid", "från", "hos"}
            ):
                person.affiliation = hit
                return
            if self._genitive_employer(person, tokens, i):
                return
        sentence = doc.text[tokens[0].start : run.start]
        m = re.search(r"\bFrån\s+(\S+(?:\s+\S+){0,3}?)\s+(?:medverkade|deltog|närvarade)\b", sentence)
        if m:
            hit = doc.hit_covering(tokens[0].start + m.start(1), tokens[0].start + m.end(1))
            if hit is not None:
                person.affiliation = hit
                person.roles.update(("present", "guest"))

    def _genitive_employer(self, person: Person, tokens: list[Token], i: int) -> bool:
        """'regeringens nationella samordnare Cecilia Grefve', 'SKL:s handläggare Anna Berg'."""
        if not is_title(tokens[i].text):
            return False
        for k in range(i - 1, max(-1, i - 4), -1):
            owner = k - 2 if tokens[k].text == "s" and k >= 2 and tokens[k - 1].text == ":" else k  # "SKL:s"
            hit = self.doc.hit_covering(tokens[owner].start, tokens[owner].end)
            if hit is not None:
                genitive = self.doc.text[hit.end : tokens[owner].end + 2].startswith((":s", "s"))
                if hit.kind == "organization" and genitive:
                    person.affiliation = hit
                    return True
                return False
            if not tokens[k].text[:1].islower():
                return False
        return False

    def staff_of(self, body: str) -> None:
        """Officials listed in an organisation's own minutes without an employer work for it: the
        förbundschef and ekonom in a samordningsförbund's protocol."""
        for person in self.people.values():
            if person.staff and person.affiliation is None:
                person.affiliation, person.affiliation_kind = body, "organization"

    def facts(self) -> list[PersonFact]:
        return [p.to_fact() for p in self.people.values()]


def _hit_first_index(tokens: list[Token], i: int, hit: Hit) -> int:
    while i > 0 and tokens[i - 1].end > hit.start:
        i -= 1
    return i


def _is_apposition_word(tok: Token) -> bool:
    return is_title(tok.text)


_TABLE_HEADER_WORDS = frozenset(
    "namn organisation kommun funktion roll titel befattning förvaltning enhet verksamhet representerar "
    "representant e-post telefon myndighet region närvaro ort".split()
)


def _is_table_header(line: str) -> bool:
    words = [w for w in re.split(r"[\s,;|/]+", line.casefold()) if w]
    return bool(words) and all(w in _TABLE_HEADER_WORDS for w in words)


def _group_prefix(doc: Doc, tokens: list[Token]) -> tuple[Hit, int] | None:
    """'Region Gävleborg: Per Olsson': a place or organisation and a colon before the names; the hit and
    the index of the first token after the colon."""
    for i, tok in enumerate(tokens[:5]):
        if tok.text == ":":
            if i == 0 or i + 1 >= len(tokens):
                return None
            hit = doc.hit_covering(tokens[0].start, tokens[0].end)
            whole = hit is not None and hit.start == tokens[0].start and hit.end >= tokens[i - 1].end
            return (hit, i + 1) if whole and hit.kind in ("municipality", "organization") else None
    return None


def _is_separator(tokens: list[Token], i: int) -> bool:
    """A comma, semicolon, table bar or slash between entries; not the slash of 'MT/CT'."""
    text = tokens[i].text
    if text == "/" and 0 < i < len(tokens) - 1:
        return not (tokens[i - 1].text.isupper() and tokens[i + 1].text.isupper())
    return text in _SEPARATORS


_SEPARATORS = frozenset({",", ";", "/", "|"})


def _separator(chunk: list[Token]) -> Token:
    """The comma that split a chunk off: the cells of 'Name, Title Unit, Organisation' stay apart."""
    return Token(chunk[0].start, chunk[0].start, ",", False)


def _split_chunks(tokens: list[Token]) -> list[list[Token]]:
    """Split a list at top-level commas, semicolons, slashes, table bars, line breaks and 'samt'."""
    chunks: list[list[Token]] = [[]]
    depth = 0
    for i, tok in enumerate(tokens):
        if tok.newline_before and depth == 0 and chunks[-1]:
            chunks.append([])
        if tok.text == "(":
            depth += 1
        elif tok.text == ")":
            depth = max(0, depth - 1)
        if depth == 0 and tok.text in _SEPARATORS and _is_separator(tokens, i):
            chunks.append([])
            continue
        if depth == 0 and tok.text == "samt":
            chunks.append([])
            continue
        chunks[-1].append(tok)
    return [c for c in chunks if c]


def _all_name_words(doc: Doc, chunk: list[Token]) -> bool:
    words = [t for t in chunk if t.text not in {"(", ")"}]
    names = [t for t in words if is_name_token(t.text) and not is_title(t.text)]
    if not 2 <= len(names) <= 4 or len(names) != len(words):
        return False
    return all(doc.hit_covering(t.start, t.end) is None for t in names)


def _appositive_start(doc: Doc, tokens: list[Token]) -> set[int]:
    """'Kim Eriksson Persson, FoU Västernorrland, har ...': two or three name-shaped words opening a
    sentence and followed by a comma and an organisation or place are a name, known given name or not."""
    n = 0
    while (
        n < min(3, len(tokens))
        and is_name_token(tokens[n].text)
        and not is_title(tokens[n].text)
        and (doc.hit_covering(tokens[n].start, tokens[n].end) is None)
    ):
        n += 1
    if n < 2 or n >= len(tokens) - 1 or tokens[n].text != ",":
        return set()
    nxt = tokens[n + 1]
    hit = doc.hit_covering(nxt.start, nxt.end)
    return {0} if hit is not None and hit.kind in ("organization", "municipality") else set()


def _starts_like_name(doc: Doc, chunk: list[Token]) -> bool:
    """Two name-shaped words open the entry and neither is a place, organisation or title."""
    if len(chunk) < 2:
        return False
    return all(
        is_name_token(t.text) and not is_title(t.text) and doc.hit_covering(t.start, t.end) is None for t in chunk[:2]
    )


def _joined_by_och(chunk: list[Token], runs: list[NameRun]) -> set[int]:
    """Indices of runs joined to the previous one by 'och' ('A och B (Kulturrådet)')."""
    out = set()
    for idx in range(1, len(runs)):
        between = [t.text for t in chunk[runs[idx - 1].last_index + 1 : runs[idx].first_index]]
        if between == ["och"]:
            out.add(idx)
    return out
