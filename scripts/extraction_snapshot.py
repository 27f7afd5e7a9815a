"""Every extraction of a fixed set of minutes as one JSON file, to show that a change to how extraction
computes leaves what it extracts byte-identical.

    python scripts/extraction_snapshot.py before.json        # on the old code
    python scripts/extraction_snapshot.py after.json         # on the new code
    python scripts/extraction_snapshot.py after.json --compare before.json

The set: corpus/docs/*.txt, ../shared/corpus/* (when present next to the repository) and --synthetic
minutes of benchmarks/synthetic.py (seed 5, as ingest_throughput.py). Each document is recorded as
`extract_file(p).to_output()` and as the whole Extraction model (`model_dump(mode="json")`: the
agenda items and the content start, which the store keeps, as well). Paths are recorded relative to
their set, so two runs in different temporary folders compare equal. --workers N reads the
documents through extract_many in N worker processes instead (the same output is expected).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from synthetic import write_corpus  # noqa: E402

from samkarta.loaders.extract import extract_file, extract_many  # noqa: E402
from samkarta.loaders.model import Extraction, SourceInfo  # noqa: E402
from samkarta.loaders.readers import SourceText, path_text, read_document  # noqa: E402


def _sets(synthetic_dir: Path, synthetic: int) -> dict[str, tuple[Path, list[Path]]]:
    """Name -> (folder, the files in it), each set extracted with paths relative to its folder."""
    shared = ROOT.parent / "shared" / "corpus"
    sets = {"corpus/docs": (ROOT / "corpus" / "docs", sorted((ROOT / "corpus" / "docs").glob("*.txt")))}
    if shared.is_dir():
        sets["shared/corpus"] = (shared, sorted(p for p in shared.iterdir() if p.is_file()))
    if synthetic:
        files = write_corpus(synthetic_dir, synthetic, seed=5)
        sets["synthetic"] = (synthetic_dir, sorted(files))
    return sets


def _record(extraction: Extraction) -> dict[str, object]:
    return {"output": extraction.to_output(), "model": extraction.model_dump(mode="json")}


def snapshot(synthetic: int, workers: int) -> dict[str, dict[str, object]]:
    out: dict[str, dict[str, object]] = {}
    here = Path.cwd()
    with tempfile.TemporaryDirectory() as tmp:
        for name, (folder, files) in _sets(Path(tmp) / "synthetic", synthetic).items():
            os.chdir(folder)  # relative paths: the source path recorded does not depend on where the set lies
            try:
                rel = [p.relative_to(folder) for p in files]
                if workers > 1:
                    sources = [read_document(p) for p in rel]
                    extractions = list(extract_many(((s.text, _info(s)) for s in sources), workers))
                else:
                    extractions = [extract_file(p) for p in rel]
                for p, extraction in zip(rel, extractions, strict=True):
                    out[f"{name}/{p}"] = _record(extraction)
            finally:
                os.chdir(here)
    return out


def _info(src: SourceText) -> SourceInfo:
    """The SourceInfo extract_file gives a document read from src."""
    return SourceInfo(path=path_text(src.path), sha256=src.sha256, format=src.format, chars=len(src.text))


def compare(new: dict[str, object], old: dict[str, object]) -> int:
    """Print the documents whose extraction differs (or is missing on one side); 0 when none does."""

    def same(k: str) -> bool:  # key order aside: a snapshot read back from its file has sorted keys
        return json.dumps(new[k], sort_keys=True) == json.dumps(old[k], sort_keys=True)

    differ = sorted(k for k in new.keys() & old.keys() if not same(k))
    only = sorted(new.keys() ^ old.keys())
    for k in differ:
        print(f"differs: {k}")
    for k in only:
        print(f"only in one snapshot: {k}")
    print(f"{len(new.keys() & old.keys())} documents compared, {len(differ)} differ, {len(only)} in one only")
    return 1 if differ or only else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path, help="the snapshot to write (JSON)")
    ap.add_argument("--synthetic", type=int, default=1000, help="synthetic minutes (seed 5); default 1000")
    ap.add_argument("--workers", type=int, default=1, help="extract in N worker processes (extract_many)")
    ap.add_argument("--compare", type=Path, help="a snapshot to compare the new one with")
    args = ap.parse_args()
    snap = snapshot(args.synthetic, args.workers)
    args.out.write_text(json.dumps(snap, ensure_ascii=False, sort_keys=True, indent=0), encoding="utf-8")
    print(f"{len(snap)} documents -> {args.out}")
    if args.compare:
        return compare(snap, json.loads(args.compare.read_text(encoding="utf-8")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
