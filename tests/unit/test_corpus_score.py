"""Regression floor for extraction on the development corpus, scored by the shared scorer."""

from __future__ import annotations

import json
from pathlib import Path

from samkarta.loaders.extract import extract_file
from samkarta.samples import sample_files
from tests.support import load_script

FIXTURES = Path(__file__).parent.parent / "fixtures"
# A little under the measured figures (overall 0.963, people 1.000, affiliation 1.000).
FLOORS = {"overall": 0.95, "people": 0.98, "people.affiliation": 0.97}


def _scorer():
    return load_script(FIXTURES / "score_extraction.py", "score_extraction")


def test_corpus_scores_stay_above_the_floor() -> None:
    scorer = _scorer()
    tallies = {k: scorer.Tally() for k in scorer.WEIGHTS}
    files = sample_files()
    assert len(files) == 11
    for path in files:
        gold = json.loads((FIXTURES / "gold" / f"{path.stem}.json").read_text(encoding="utf-8"))
        pred = extract_file(path).to_output(evidence=False)
        scorer.score_doc(pred, gold, tallies, False, path.stem)
    f1 = {k: t.prf()[2] for k, t in tallies.items()}
    overall = sum(scorer.WEIGHTS[k] * f1[k] for k in f1) / sum(scorer.WEIGHTS.values())
    assert overall >= FLOORS["overall"], f1
    assert f1["people"] >= FLOORS["people"], f1
    assert f1["people.affiliation"] >= FLOORS["people.affiliation"], f1
