"""Alignment on real headlines: how claimdiff's scores rank pairs that people scored.

    python benchmarks/align_headlines.py [TSV ...] [--threshold X]

Reads SemEval STS headline pairs (score<TAB>headline_a<TAB>headline_b; by default the
2013 and 2014 files in ../shared/benchmarks/sts-headlines, read in place, never copied)
and prints, side by side, for rapidfuzz alone, the model alone and claimdiff's combined
score: the Spearman correlation with the human scores, and the F1 of the "same claim"
decision (score >= threshold, claimdiff's default) against human score >= 3. The last
line is one JSON object with every figure.

Both come from ``claimdiff.align.scores``, as in compare: the same-claim decision is blind
to whether figures agree (a moved figure is a finding), while the combined score, which
ranks, is lowered where the two headlines give figures of the same kind that cannot both be
true ("6.8 quake" / "Magnitude 6.3 quake"); both are lowered for another place ("in Russia"
/ "in Italy") or, where figures disagree, another subject.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")

from claimdiff import align  # noqa: E402
from claimdiff.api import Settings  # noqa: E402
from claimdiff.align.embed import SentenceTransformerEncoder  # noqa: E402
from claimdiff.model import Claim  # noqa: E402
from claimdiff.extract.quantities import quantities  # noqa: E402

DEFAULT = ROOT.parent / "shared" / "benchmarks" / "sts-headlines"


def spearman(x: np.ndarray, y: np.ndarray) -> float:
    from scipy.stats import spearmanr

    return float(spearmanr(x, y)[0])


def f1(pred: np.ndarray, gold: np.ndarray) -> float:
    tp = float((pred & gold).sum())
    p = tp / max(float(pred.sum()), 1.0)
    r = tp / max(float(gold.sum()), 1.0)
    return 2 * p * r / (p + r) if p + r else 0.0


def as_claim(text: str, n: int) -> Claim:
    return Claim(id=f"h#{n}", document="h", start=0, end=len(text), text=text, sentence_start=0,
                 sentence_end=len(text), content=text, quantities=tuple(quantities(text)))


def read_tsv(path: Path):
    gold, a, b = [], [], []
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 3:
                raise SystemExit(f"{path}:{n}: expected score<TAB>headline<TAB>headline")
            gold.append(float(parts[0]))
            a.append(parts[1])
            b.append(parts[2])
    return np.array(gold), a, b


def main() -> None:
    settings = Settings()
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", type=Path, help="TSV files (default: the STS headlines 2013 and 2014)")
    ap.add_argument("--threshold", type=float, default=settings.threshold,
                    help=f"the same-claim threshold (default: claimdiff's, {settings.threshold})")
    args = ap.parse_args()
    files = args.files or sorted(DEFAULT.glob("headlines-*.tsv"))
    if not files:
        raise SystemExit(f"no TSV files given and none found in {DEFAULT}")
    encoder = SentenceTransformerEncoder()
    results = {}
    rows = []
    for path in files:
        t0 = time.perf_counter()
        gold, a, b = read_tsv(path)
        same_gold = gold >= 3.0
        ca = [as_claim(t, i) for i, t in enumerate(a)]
        cb = [as_claim(t, i) for i, t in enumerate(b)]
        fuzzy = np.array([float(align.fuzzy_matrix([x.content], [y.content])[0, 0]) for x, y in zip(ca, cb)])
        va, vb = encoder.encode(a), encoder.encode(b)
        cosine = np.clip((va * vb).sum(axis=1), -1.0, 1.0)
        # each pair scored as compare scores two claims: claimdiff's own decision, not a copy of it
        relations = [align.figure_relation([x], [y]) for x, y in zip(ca, cb)]
        pairs = [align.scores(f[None, None], c[None, None], rel, settings) for f, c, rel in zip(fuzzy, cosine, relations)]
        same = np.array([float(s[0, 0]) for s, _ in pairs])
        combined = np.array([float(r[0, 0]) for _, r in pairs])
        disjoint = np.array([float(rel.disjoint[0, 0]) for rel in relations])
        scorers = {
            "fuzzy": (fuzzy, fuzzy),
            "semantic": (cosine, cosine),
            "combined": (combined, same),
        }
        results[path.name] = {}
        for name, (score, decide) in scorers.items():
            fig = {"spearman": round(spearman(score, gold), 4), "f1": round(f1(decide >= args.threshold, same_gold), 4)}
            results[path.name][name] = fig
            rows.append((path.name, name, fig["spearman"], fig["f1"]))
        results[path.name]["pairs"] = len(gold)
        results[path.name]["pairs_with_figures_that_disagree"] = int(disjoint.sum())
        results[path.name]["seconds"] = round(time.perf_counter() - t0, 2)
    print(f"{'file':<22} {'scorer':<10} {'spearman':>9} {'F1@' + format(args.threshold, 'g'):>8}")
    for name, scorer, sp, f in rows:
        print(f"{name:<22} {scorer:<10} {sp:>9.4f} {f:>8.4f}")
    print(json.dumps(results, sort_keys=True))


if __name__ == "__main__":
    main()
