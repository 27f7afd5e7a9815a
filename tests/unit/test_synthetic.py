"""The synthetic minutes generator (benchmarks/synthetic.py): deterministic, varied, truthful."""

from __future__ import annotations

import csv
import json
import re
import statistics
from collections import Counter, defaultdict

import pytest

from tests.support import GOLD_KEYS, ROLE_WORDS, ROOT, load_script

ISO = re.compile(r"\d{4}-\d{2}-\d{2}")


synthetic = load_script(ROOT / "benchmarks" / "synthetic.py", "synthetic")


@pytest.fixture(scope="module")
def docs():
    return list(synthetic.generate(200, seed=1))


@pytest.fixture(scope="module")
def reference():
    with (ROOT / "samkarta" / "reference" / "municipalities.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    return {r["name"] for r in rows}, {r["county"] for r in rows}


def test_same_seed_gives_same_documents():
    a = list(synthetic.generate(40, seed=3))
    b = list(synthetic.generate(40, seed=3))
    assert [d.name for d in a] == [d.name for d in b]
    assert [d.text for d in a] == [d.text for d in b]
    assert [d.truth for d in a] == [d.truth for d in b]


def test_other_seed_gives_other_documents():
    a = [d.text for d in synthetic.generate(20, seed=3)]
    b = [d.text for d in synthetic.generate(20, seed=4)]
    assert len(set(a) & set(b)) == 0


def test_a_shorter_run_is_a_prefix_of_a_longer_one():
    short = [d.text for d in synthetic.generate(15, seed=2)]
    long = [d.text for d in synthetic.generate(60, seed=2)]
    assert long[:15] == short


def test_names_are_unique_and_follow_the_pattern(docs):
    names = [d.name for d in docs]
    assert len(set(names)) == len(names)
    for d in docs:
        m = re.fullmatch(r"(\d{7})_([a-z0-9-]+)_([a-z0-9-]+)_(\d{4}-\d{2}-\d{2})\.txt", d.name)
        assert m, d.name
        assert m.group(4) == d.truth["meeting"]["date"]


def test_several_formats_appear(docs):
    formats = Counter(d.meta["format"] for d in docs)
    assert len(formats) >= 4, formats
    markers = {
        "inline attendance": lambda t: re.search(r"^Närvarande: .+ ordf\. ", t, re.M),
        "one person a line": lambda t: "Närvarande är:" in t or "\nNärvarande:\n\n" in t,
        "markdown": lambda t: "**Närvarande:**" in t,
        "presenter lines": lambda t: "Föredragande: " in t,
        "protocol paragraphs": lambda t: re.search(r"^§ \d+ ", t, re.M),
        "medskick list": lambda t: "Medskick till " in t,
        "swedish date": lambda t: re.search(
            r"\b\d{1,2} (januari|februari|mars|april|maj|juni|augusti|"
            r"september|oktober|november|december)\b",
            t,
        ),
        "first-person decision": lambda t: " beslutade" in t,
    }
    seen = {k for k, test in markers.items() if any(test(d.text) for d in docs)}
    assert seen == set(markers), set(markers) - seen


def test_truth_has_the_gold_shape(docs, reference):
    municipalities, counties = reference
    for d in docs:
        t = d.truth
        assert set(t) == GOLD_KEYS
        m = t["meeting"]
        assert set(m) == {"date", "body", "region", "next_meeting"}
        assert ISO.fullmatch(m["date"]) and m["region"] in counties and m["body"]
        nxt = m["next_meeting"]
        assert nxt is None or (ISO.fullmatch(nxt) and nxt > m["date"])
        for p in t["people"]:
            assert set(p) == {"name", "affiliation", "roles"}
            assert p["roles"] and set(p["roles"]) <= ROLE_WORDS
        assert set(t["municipalities"]) <= municipalities
        assert all(set(x) == {"text", "item"} for x in t["decisions"])
        assert all(set(x) == {"text", "assignee"} for x in t["actions"])
        assert all(set(x) == {"question", "to"} for x in t["handoffs"])
        json.dumps(t)


def test_organisations_come_from_the_reference_list(docs):
    known = synthetic.reference_organisations()
    for d in docs:
        assert set(d.truth["organizations"]) <= known, set(d.truth["organizations"]) - known


def test_everything_in_the_truth_is_in_the_text(docs):
    for d in docs:
        text = d.text.replace("*", "")  # "Styrgrupp för *Barnahus*" names Styrgrupp för Barnahus
        folded = text.casefold()
        for p in d.truth["people"]:
            assert p["name"] in text, (d.name, p)
            if p["affiliation"]:
                assert p["affiliation"] in text, (d.name, p)
        for key in ("organizations", "municipalities", "projects", "networks"):
            for x in d.truth[key]:
                assert x in text, (d.name, key, x)
        for h in d.truth["handoffs"]:
            assert h["question"].casefold() in folded and h["to"] in text, (d.name, h)
        for x in d.truth["decisions"] + d.truth["actions"]:
            assert x["text"].casefold() in folded, (d.name, x)
        for a in d.truth["actions"]:
            assert a["assignee"] is None or a["assignee"] in {p["name"] for p in d.truth["people"]}


def test_attendees_are_also_called_by_first_name(docs):
    hits = 0
    for d in docs:
        for p in d.truth["people"]:
            first, last = p["name"].split(" ", 1)
            if "present" in p["roles"] and re.search(
                rf"(?<![\w-]){re.escape(first)}(?![\w-])(?! {re.escape(last)})", d.text
            ):
                hits += 1
                break
    assert hits >= len(docs) // 2


def test_people_recur_across_documents_and_bodies(docs):
    n_docs: Counter[str] = Counter()
    bodies: defaultdict[str, set[int]] = defaultdict(set)
    for d in docs:
        for p in d.truth["people"]:
            n_docs[p["name"]] += 1
            bodies[p["name"]].add(d.meta["body_id"])
    assert sum(1 for n in n_docs.values() if n >= 3) >= 50
    assert sum(1 for b in bodies.values() if len(b) >= 2) >= 20


def test_the_world_has_brokers_across_counties():
    world = synthetic.build_world(1)
    counties: defaultdict[int, set[str]] = defaultdict(set)
    for b in world.bodies:
        for chain in b.seats:
            for p, _start, _end in chain:
                counties[p.pid].add(b.county.code)
        for p, _start, _end in b.extra:
            counties[p.pid].add(b.county.code)
    assert len(world.counties) == 21
    assert sum(1 for c in counties.values() if len(c) >= 2) >= 10


def test_handoffs_can_be_followed_to_a_later_meeting_of_the_receiving_body():
    docs = list(synthetic.generate(1500, seed=1))
    by_body = defaultdict(list)
    for d in docs:
        by_body[d.meta["body"], d.truth["meeting"]["region"]].append(d)
    followed = 0
    for d in docs:
        region = d.truth["meeting"]["region"]
        for h in d.truth["handoffs"]:
            body, _, other = h["to"].rpartition(" i ")
            key = (body, other) if body and (body, other) in by_body else (h["to"], region)
            when = d.truth["meeting"]["date"]
            later = [e for e in by_body.get(key, []) if e.truth["meeting"]["date"] > when]
            if any(h["question"].casefold() in e.text.casefold() for e in later):
                followed += 1
    assert followed >= 20


def test_sizes_look_like_the_corpus(docs):
    sizes = [len(d.text.encode("utf-8")) for d in docs]
    assert min(sizes) > 800 and max(sizes) < 16_000
    assert 2_000 <= statistics.median(sizes) <= 8_000


def test_write_corpus_writes_n_files_and_their_truth(tmp_path):
    paths = synthetic.write_corpus(tmp_path, 12, seed=5, truth=True)
    assert len(paths) == 12 and len(set(paths)) == 12
    assert sorted(tmp_path.glob("*.txt")) == sorted(paths)
    docs = list(synthetic.generate(12, seed=5))
    for path, doc in zip(sorted(paths), sorted(docs, key=lambda d: d.name), strict=True):
        assert path.name == doc.name
        assert path.read_text(encoding="utf-8") == doc.text
        assert json.loads((tmp_path / "truth" / f"{path.stem}.json").read_text(encoding="utf-8")) == doc.truth


def test_cli_writes_the_corpus(tmp_path, capsys):
    assert synthetic.main([str(tmp_path / "out"), "--docs", "7", "--seed", "2"]) == 0
    assert len(list((tmp_path / "out").glob("*.txt"))) == 7
    assert not (tmp_path / "out" / "truth").exists()
    assert "wrote 7 documents" in capsys.readouterr().out
