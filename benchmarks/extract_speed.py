"""How fast the extract stage reads claims (no embeddings): claims per second on the corpus.

    python benchmarks/extract_speed.py [--repeat N] [PATH ...]

PATH defaults to the seed and every report under corpora/. Two figures: cold, every sentence
parsed by spaCy (a parser with no cache and nothing parsed before: the first run on new
reports), and warm, every parse already read (a run whose parses are cached: what the
pattern readings and the parse readings cost). The pipeline's load is timed apart. Prints a
table, then one JSON line with every figure.
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

from claimdiff.extract import parse  # noqa: E402
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
    t0 = time.perf_counter()
    parse._pipeline()  # spaCy's import and the pipeline's load, once per process
    load = time.perf_counter() - t0
    cold_times, claims = [], 0
    for _ in range(args.repeat):
        parser = parse.Parser(None, shared=False)  # nothing cached, nothing parsed before
        t0 = time.perf_counter()
        claims = sum(len(extract(d, parser)) for d in docs)
        cold_times.append(time.perf_counter() - t0)
    sentences = parser.parsed
    warm = parse.Parser(None, shared=False)
    for d in docs:
        extract(d, warm)
    times = []
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        assert sum(len(extract(d, warm)) for d in docs) == claims
        times.append(time.perf_counter() - t0)
    cold, median = statistics.median(cold_times), statistics.median(times)
    chars = sum(len(d.text) for d in docs)
    figures = {
        "documents": len(docs),
        "characters": chars,
        "sentences_parsed": sentences,
        "claims": claims,
        "pipeline_load_seconds": round(load, 3),
        "cold_seconds_median": round(cold, 4),
        "cold_claims_per_second": round(claims / cold, 1),
        "cold_sentences_per_second": round(sentences / cold, 1),
        "warm_seconds_best": round(min(times), 4),
        "warm_seconds_median": round(median, 4),
        "warm_claims_per_second": round(claims / median, 1),
        "warm_documents_per_second": round(len(docs) / median, 1),
    }
    width = max(len(k) for k in figures)
    for k, v in figures.items():
        print(f"{k:<{width}}  {v}")
    print(json.dumps(figures, sort_keys=True))


if __name__ == "__main__":
    main()
