#!/usr/bin/env python3
"""Build loaders/data/lemmas.json: the Swedish lookup lemmas the pattern files need.

Every list (or mapping's keys) under a key ending in `_lemmas` in loaders/data/*.yaml names lemmas; this script takes
every inflected form of those lemmas from spacy-lookups-data's Swedish table (sv_lemma_lookup,
CC BY-SA, from the Stockholm-Umeå Corpus via spaCy) and writes form -> lemma. Run it after changing a
lemma list: `python scripts/build_lemmas.py` (needs `pip install spacy-lookups-data`, a dev extra).
"""

from __future__ import annotations

import gzip
import json
from importlib import resources
from pathlib import Path

import yaml

DATA = Path(__file__).resolve().parent.parent / "loaders" / "data"


def wanted_lemmas() -> set[str]:
    out: set[str] = set()

    def walk(node: object, key: str = "") -> None:
        if isinstance(node, dict) and key.endswith("_lemmas"):
            out.update(str(k) for k in node)  # lemma -> what it needs
        elif isinstance(node, dict):
            for k, v in node.items():
                walk(v, str(k))
        elif isinstance(node, list) and key.endswith("_lemmas"):
            out.update(str(w) for w in node if " " not in str(w))
        elif isinstance(node, list):
            for v in node:
                walk(v, key)

    for path in sorted(DATA.glob("*.yaml")):
        walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    return out


# The first conjugation (-a, -ar, -ade, -at) is regular: the table, drawn from one corpus, lacks
# forms such as "återremitteras" that every minutes writer uses, and gives some of them to a noun or
# participle ("berättar" -> "berättare"). A verb is of that conjugation when it ends in -era or the
# table holds its -ade forms.
FIRST_CONJUGATION = ("r", "s", "de", "des", "t", "ts", "nde")


def regular_forms(lemma: str, table: dict[str, str]) -> list[str]:
    if len(lemma) < 4 or not lemma.endswith("a") or " " in lemma:
        return []
    first = lemma.endswith("era") or any(table.get(lemma + s, "").startswith(lemma) for s in ("de", "des"))
    return [lemma + suffix for suffix in FIRST_CONJUGATION] if first else []


def main() -> None:
    table_path = resources.files("spacy_lookups_data").joinpath("data/sv_lemma_lookup.json.gz")
    with gzip.open(str(table_path), "rt", encoding="utf-8") as f:
        table: dict[str, str] = json.load(f)
    lemmas = wanted_lemmas()
    forms = {form: lemma for form, lemma in table.items() if lemma in lemmas and form.islower()}
    for lemma in lemmas:
        forms.setdefault(lemma, lemma)
        for form in regular_forms(lemma, table):
            # a form the table never saw, or one it gives to a word derived from the verb
            # ("berättar" -> "berättare", "förklarade" -> "förklarad"); never another word's form,
            # but for the present and the passive, which in minutes are the verb's ("visar" is
            # "shows", not a form of the noun "vise")
            if table.get(form, lemma).startswith(lemma) or form in (lemma + "r", lemma + "s"):
                forms[form] = lemma
    out = DATA / "lemmas.json"
    out.write_text(json.dumps(dict(sorted(forms.items())), ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{len(lemmas)} lemmas, {len(forms)} forms -> {out}")


if __name__ == "__main__":
    main()
