"""How fast the extract stage reads claims (no embeddings): claims per second on the corpus.

    python benchmarks/extract_speed.py [--repeat N] [PATH ...]

PATH defaults to the seed and every report under corpora/. Prints a table, then one
JSON line with every figure.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claimdiff.extract import extract  # noqa: E402
from claimdiff.read import read_document, walk  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", help="reports or folders (default: seeds/ and corpora/)")
    ap.add_argument("--repeat", type=int, default=5, help="timed passes over all documents (default 5)")
    args = ap.parse_args()
    paths = [Path(p) for p in args.paths] or [ROOT / "seeds", ROOT / "corpora"]
    files = [f for p in paths for f in (walk(p) if p.is_dir() else [p])]
    docs = [read_document(str(f)) for f in files]
    extract(docs[0])  # warm-up: the sentence splitter's tables are built on first use
    times, claims = [], 0
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        claims = sum(len(extract(d)) for d in docs)
        times.append(time.perf_counter() - t0)
    best, median = min(times), statistics.median(times)
    chars = sum(len(d.text) for d in docs)
    figures = {
        "documents": len(docs),
        "characters": chars,
        "claims": claims,
        "seconds_best": round(best, 4),
        "seconds_median": round(median, 4),
        "claims_per_second": round(claims / median, 1),
        "documents_per_second": round(len(docs) / median, 1),
    }
    width = max(len(k) for k in figures)
    for k, v in figures.items():
        print(f"{k:<{width}}  {v}")
    print(json.dumps(figures, sort_keys=True))


if __name__ == "__main__":
    main()
