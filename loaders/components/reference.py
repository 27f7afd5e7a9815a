"""samkarta_reference: municipalities, counties and organisations of the reference data.

Phrase matchers over the packaged reference tables (with genitive forms), longest match wins.
Results go to doc.spans["ref"]; each span has kind (municipality | county | organization), ref
(SCB code, county name or canonical organisation), ref_kind (the organisation's kind) and
ambiguous (a name that is also an ordinary word or given name and needs context).
"""

from __future__ import annotations

from functools import cache

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from samkarta.loaders.components.entities import body_noun, branch_end, heads, org_head
from samkarta.loaders.components.util import tokens_of, tokens_text
from samkarta.loaders.words import data, grammar, is_given_name
from samkarta.reference import load_reference


@cache
def _entries() -> dict[str, tuple[str, str, str | None, bool]]:
    """surface form -> (kind, ref, organisation kind, ambiguous)."""
    ref = load_reference()
    spec = data("reference.yaml")
    needs_context = set(spec["needs_context"])
    ambiguous_abbr = set(spec["ambiguous_abbreviations"]) | set(spec["ambiguous_names"])
    skipped = set(spec["skipped_kinds"])
    capitalised_only = set(spec["capitalised_only_kinds"])
    out: dict[str, tuple[str, str, str | None, bool]] = {}

    def add(form: str, value: tuple[str, str, str | None, bool]) -> None:
        out.setdefault(form, value)
        if not form.endswith(("s", "x", "z")):
            out.setdefault(form + "s", value)
        out.setdefault(form + ":s", value)

    # an organisation form wins over a municipality alias ("Region Gotland" is the region body)
    for alias, name in ref.organization_aliases.items():
        org = ref.organizations[name]
        if org.kind in skipped:
            continue
        value = ("organization", name, org.kind, alias in ambiguous_abbr)
        if org.kind in capitalised_only and alias[:1].islower():
            alias = alias[0].upper() + alias[1:]
        add(alias, value)
        if alias.isupper() and len(alias) >= 3:
            add(alias.capitalize(), value)  # "Bup" for BUP
    for alias, code in ref.municipality_aliases.items():
        ambiguous = alias in needs_context or (len(alias) <= 5 and is_given_name(alias))
        add(alias, ("municipality", code, None, ambiguous))
    for county in ref.counties:
        # "Region Jönköping", "Landstinget Kalmar": the county's region body by its county's name
        region = ref.region_org_of_county(county)
        if region in ref.organizations:
            value = ("organization", region, "region", False)
            for form in (f"Region {county}", f"Landstinget {county}", f"Landstinget i {county}"):
                add(form, value)
        genitive = county if county.endswith(("s", "x")) else county + "s"
        for form in (f"{county} län", f"{genitive} län", f"{genitive} läns"):
            out.setdefault(form, ("county", county, None, False))
        if county not in ref.municipality_aliases:
            add(county, ("county", county, None, False))
    return out


class ReferenceMatcher:
    def __init__(self, nlp: Language) -> None:
        self.entries = _entries()
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.folded = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.exact.add("REF", [nlp.make_doc(form) for form in self.entries])
        # long names may be written in any case ("länsstyrelsen i dalarna", "FÖRSÄKRINGSKASSAN"),
        # but not those that are also common nouns in lower case ("primärvården", "nära vård")
        capitalised_only = set(data("reference.yaml")["capitalised_only_kinds"])
        # those named in lower case as common nouns match in any case after a capital ("Öppna
        # Jämförelser", "TEKNIKCOLLEGE"): the capital is what makes them a name
        folded_forms = [f for f, v in self.entries.items() if len(f) >= 6 and not f.isupper() and not v[3]]
        self.capital_first = {f.casefold() for f in folded_forms if self.entries[f][2] in capitalised_only}
        self.folded.add("REF", [nlp.make_doc(form) for form in folded_forms])
        self.lower_index = {f.casefold(): self.entries[f] for f in folded_forms}

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        table = tokens_of(doc)
        for matcher, folded in ((self.exact, False), (self.folded, True)):
            for _, start, end in matcher(doc):
                surface = tokens_text(doc, start, end)
                if "\n" in surface:
                    continue
                key = " ".join((surface.casefold() if folded else surface).split())
                value = self.lower_index.get(key) if folded else self.entries.get(key)
                if value is None or folded and key in self.capital_first and not surface[:1].isupper():
                    continue
                kind, ref, ref_kind, ambiguous = value
                if kind == "municipality" and end < len(doc) and table.lower[end] in grammar().county_words:
                    continue  # "Jönköpings län" is the county
                hit = Span(doc, start, end, label=kind)
                ext = hit._  # one extension object for the three values (each `._` builds a new one)
                ext.ref, ext.ref_kind, ext.ambiguous = ref, ref_kind, ambiguous and not _confirmed(doc, end, kind)
                spans.append(hit)
        spans.extend(self._compound_hits(doc))
        doc.spans["ref"] = _with_branches(doc, sorted(filter_spans(spans), key=lambda s: s.start))
        return doc

    def _compound_hits(self, doc: Doc) -> list[Span]:
        """An initiative named as the first part of a hyphen compound ("KPP-kalkylen", "SIP-
        mallen"): the compound is about it, so the word is a hit of the initiative; one that names
        a body or an organisation ("LUPP-gruppen") is that body's name."""
        kinds = set(data("reference.yaml")["compound_kinds"])
        hits = []
        for i, word in enumerate(tokens_of(doc).text):
            first, dash, _ = word.partition("-")
            value = self.entries.get(first) if dash and first else None
            if value is None or value[2] not in kinds or body_noun(word) or org_head(word):
                continue
            hit = Span(doc, i, i + 1, label=value[0])
            hit._.ref, hit._.ref_kind, hit._.ambiguous = value[1], value[2], False
            hits.append(hit)
        return hits


def _with_branches(doc: Doc, refs: list[Span]) -> list[Span]:
    """A national organisation named with a place or name after it is its local branch ("Förbundet
    Norrby"): an organisation of its own, so the span grows and loses the reference."""
    kinds = heads().branch_kinds
    ref_at = {r.start: r for r in refs}
    out: list[Span] = []
    skip_to = 0
    for ref in refs:
        if ref.start < skip_to:
            continue
        end = branch_end(doc, ref, ref_at) if ref.label_ == "organization" and ref._.ref_kind in kinds else ref.end
        if end > ref.end:
            branch = Span(doc, ref.start, end, label=ref.label_)
            branch._.ref, branch._.ref_kind = None, ref._.ref_kind  # its label: organization
            ref, skip_to = branch, end
        out.append(ref)
    return out


def _confirmed(doc: Doc, end: int, kind: str) -> bool:
    """An ambiguous municipality followed by 'kommun' or 'stad' is certain."""
    return kind == "municipality" and end < len(doc) and doc[end].lower_ in grammar().municipality_words


@Language.factory("samkarta_reference")
def make_reference(nlp: Language, name: str) -> ReferenceMatcher:  # noqa: ARG001
    return ReferenceMatcher(nlp)
