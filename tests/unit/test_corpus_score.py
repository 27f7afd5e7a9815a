"""Regression floors for extraction on real minutes, scored by the shared scorer.

Three parts: the eleven documents of ../shared/corpus (copied under tests/fixtures and
samkarta/samples), the tuning part of corpus/ and its frozen test part (corpus/split.json). The
floors sit a little under the measured figures, so a change that makes extraction worse on real
minutes fails here; the frozen part is only ever scored, never tuned on.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from samkarta.loaders.extract import extract_file
from samkarta.samples import sample_files
from tests.support import ROOT, load_script

FIXTURES = Path(__file__).parent.parent / "fixtures"
CORPUS = ROOT / "corpus"
# Measured (README, "Extraction quality"): shared 0.873, tuning 0.826 (410 documents), frozen 0.819.
FLOORS = {
    "shared": {"overall": 0.85, "people": 0.97, "people.affiliation": 0.89},
    "tuning": {"overall": 0.81, "people": 0.96, "people.affiliation": 0.88},
    "frozen": {"overall": 0.80, "people": 0.97, "people.affiliation": 0.90, "meeting.date": 0.90},
}


def _scores(pairs: list[tuple[Path, Path]]) -> dict[str, float]:
    scorer = load_script(FIXTURES / "score_extraction.py", "score_extraction")
    tallies = {k: scorer.Tally() for k in scorer.WEIGHTS}
    for doc, gold_path in pairs:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        scorer.score_doc(extract_file(doc).to_output(evidence=False), gold, tallies, False, doc.stem)
    f1 = {k: t.prf()[2] for k, t in tallies.items()}
    f1["overall"] = sum(scorer.WEIGHTS[k] * f1[k] for k in scorer.WEIGHTS) / sum(scorer.WEIGHTS.values())
    return f1


def _corpus_part(frozen: bool) -> list[tuple[Path, Path]]:
    test_part = set(json.loads((CORPUS / "split.json").read_text(encoding="utf-8"))["frozen_test"])
    golds = sorted((CORPUS / "gold").glob("*.json"))
    return [(CORPUS / "docs" / f"{g.stem}.txt", g) for g in golds if (g.stem in test_part) == frozen]


@pytest.mark.parametrize("part", ["shared", "tuning", "frozen"])
def test_extraction_stays_above_the_floor(part: str) -> None:
    if part == "shared":
        pairs = [(p, FIXTURES / "gold" / f"{p.stem}.json") for p in sample_files()]
        assert len(pairs) == 11
    else:
        pairs = _corpus_part(frozen=part == "frozen")
        assert len(pairs) >= (20 if part == "frozen" else 100)
    f1 = _scores(pairs)
    for field, floor in FLOORS[part].items():
        assert f1[field] >= floor, (part, field, round(f1[field], 3), f1)
