#!/usr/bin/env python3
"""Score the extractor on a corpus part with ../shared/tools/score_extraction.py (in process, fast).

  python scripts/score_corpus.py tuning [-v]     # corpus/ minus the frozen test part (for tuning)
  python scripts/score_corpus.py frozen          # the frozen test part: report only, never tune on it
  python scripts/score_corpus.py shared          # ../shared/corpus (eleven documents)
  python scripts/score_corpus.py DIR_DOCS DIR_GOLD  # any other folder pair (e.g. unseen minutes)

Predictions are written to a temporary folder as NAME.json and scored with the shared scorer's
--pred mode, so the figures are those of `samkarta extract FILE --json`.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "tools" / "score_extraction.py"


def parts(name: str, extra: list[str]) -> tuple[Path, Path, set[str] | None]:
    frozen = set(json.loads((ROOT / "corpus" / "split.json").read_text())["frozen_test"])
    docs, gold = ROOT / "corpus" / "docs", ROOT / "corpus" / "gold"
    if name == "tuning":
        return docs, gold, {p.stem for p in gold.glob("*.json")} - frozen
    if name == "frozen":
        return docs, gold, frozen
    if name == "shared":
        return SHARED / "corpus", SHARED / "gold", None
    return Path(name), Path(extra[0]), None


def main() -> int:
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    flags = [a for a in sys.argv[1:] if a.startswith("-")]
    docs, gold, names = parts(args[0] if args else "tuning", args[1:])
    from samkarta.loaders.extract import extract_file

    with tempfile.TemporaryDirectory() as tmp:
        gold_dir, pred_dir = Path(tmp) / "gold", Path(tmp) / "pred"
        gold_dir.mkdir()
        pred_dir.mkdir()
        for g in sorted(gold.glob("*.json")):
            if names is not None and g.stem not in names:
                continue
            doc = next((d for d in docs.iterdir() if d.stem == g.stem), None)
            if doc is None:
                continue
            (gold_dir / g.name).write_text(g.read_text(encoding="utf-8"), encoding="utf-8")
            out = extract_file(doc).to_output(evidence=False)
            (pred_dir / g.name).write_text(json.dumps(out, ensure_ascii=False), encoding="utf-8")
        cmd = [sys.executable, str(SCORER), "--pred", str(pred_dir), "--gold", str(gold_dir), *flags]
        return subprocess.run(cmd, check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
