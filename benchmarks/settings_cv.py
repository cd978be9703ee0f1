"""Choose the numeric settings by leave-one-story-out cross-validation over the tuning gold.

    python benchmarks/settings_cv.py                 # every setting, its grid, all tuning stories
    python benchmarks/settings_cv.py --only threshold,floor

One setting at a time (the others at their defaults), each value of its grid is run on
every tuning story (corpora/) with nothing held back for confidence (min_confidence 0),
and scored by strict macro-F1 (unjudged disagreements counted as wrong). Then, for each
story, the value that scores best on the *other* stories is chosen and that story is
scored with it: the pooled score of those held-out choices is the leave-one-story-out
(LOSO) macro-F1 of the setting, an estimate of what choosing it by measurement is worth on
a story it was not chosen on. A setting whose every value gives the same counts on every
story measures nothing here, and is said to.

Prints a table per setting: the value, its pooled strict macro-F1 on all stories, how many
folds chose it; then the LOSO macro-F1 beside the default's own.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claimdiff.api import Settings, make_encoder  # noqa: E402
from claimdiff.evaluate import Evaluation, evaluate, find_stories  # noqa: E402

GRID = {
    "threshold": (0.55, 0.58, 0.60, 0.62, 0.65),
    "floor": (None, 0.45, 0.50, 0.55),
    "figure_floor": (None, 0.35, 0.40, 0.45),
    "margin": (0.0, 0.03, 0.06, 0.09),
    "semantic_weight": (0.6, 0.75, 0.9),
    "figure_penalty": (0.0, 0.1, 0.2),
    "scope_penalty": (0.0, 0.1, 0.2, 0.3),
    "contradiction_margin": (0.0, 0.05, 0.1),
    "certainty_margin": (0.0, 0.03, 0.06),
    "certainty_gap": (0.0, 0.03, 0.06, 0.1),
    "only_in_margin": (-0.04, 0.0, 0.04),
    "context_discount": (None, 0.03, 0.05, 0.1),
    "unit_bonus": (0.0, 0.1, 0.2),
    "figure_bonus": (0.0, 0.05, 0.1, 0.15),
    "place_penalty": (0.0, 0.05, 0.1),
}


def pooled(evs: list[Evaluation]) -> Evaluation:
    total = Evaluation()
    for ev in evs:
        total.add(ev)
    return total


def sweep(name: str, stories: list[Path], base: Settings, encoder) -> str:
    runs: dict[object, dict[str, Evaluation]] = {}
    for value in GRID[name]:
        if name == "floor" and value is not None and value > base.threshold:
            continue
        settings = replace(base, **{name: value})
        runs[value] = {s.name: evaluate([str(s)], settings=settings, encoder=encoder) for s in stories}
    names = [s.name for s in stories]

    def score(value, among) -> float:
        return pooled([runs[value][n] for n in among]).strict_macro_f1

    chosen: dict[object, int] = {v: 0 for v in runs}
    held_out = []
    for n in names:
        rest = [m for m in names if m != n]
        best = max(runs, key=lambda v: (round(score(v, rest), 6), v == getattr(base, name)))
        chosen[best] += 1
        held_out.append(runs[best][n])
    loso = pooled(held_out).strict_macro_f1
    default = getattr(base, name)
    flat = all(runs[v][n].as_dict() == runs[default][n].as_dict() for v in runs for n in names) if default in runs else False
    lines = [f"## {name} (default {default})", "", "| value | strict macro-F1, all stories | folds that chose it |",
             "|---|---|---|"]
    for v in runs:
        lines.append(f"| {v} | {score(v, names):.3f} | {chosen[v]} |")
    lines += ["", f"LOSO strict macro-F1 {loso:.3f}; the default on all stories {score(default, names):.3f}"
              + ("; every value gives the same counts on every story: it measures nothing here" if flat else ""), ""]
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", default=[str(ROOT / "corpora")])
    ap.add_argument("--only", default=",".join(GRID), help="comma-separated settings to sweep")
    args = ap.parse_args()
    stories = find_stories(args.paths)
    base = Settings(min_confidence=0.0)
    encoder = make_encoder(base)
    print(f"# Leave-one-story-out over {len(stories)} tuning stories\n")
    for name in args.only.split(","):
        print(sweep(name.strip(), stories, base, encoder), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
