"""Fit the confidence model on the tuning gold, and print how well it is calibrated.

    python benchmarks/calibrate.py            # refit: writes claimdiff/data/confidence.json
                                              # and benchmarks/calibration.md, prints the table
    python benchmarks/calibrate.py --check    # refit in memory; exit 1 if either file differs

Every finding of every tuning story (corpora/) is produced with nothing held back
(min_confidence 0) and judged against the gold: a disagreement the gold does not list
counts as wrong (the strict count of ``claimdiff eval``); an only-in or agreement about a
claim the gold never mentions is left out, since the gold lists those by example only.

The reliability table is cross-validated: each story's findings get the confidence of a
model fitted on the other stories alone, so a row says how often findings the engine had
not been fitted on were right. The shipped model is then fitted on every story, and the
reporting level is the lowest level (in steps of 0.05) at which the cross-validated
findings of the four disagreement kinds were right at least 90% of the time; where no level
gets there, it is 0 (nothing held back), since a level that buys no precision on stories
the model was not fitted on only costs recall. The choice itself is checked the same way
(``nested``): each story is kept at the level chosen on the other stories alone, and unless
the lower end of the 95% interval of those findings' precision is above the precision of
reporting everything, the level is 0: a level costs most of the recall, so it must buy
precision that can be relied on. The in-sample level is printed beside it.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claimdiff.api import Settings  # noqa: E402
from claimdiff.judge.confidence import FEATURES, Model, fit  # noqa: E402
from claimdiff.evaluate import evaluate  # noqa: E402
from claimdiff.model import Kind  # noqa: E402

MODEL_FILE = ROOT / "claimdiff" / "data" / "confidence.json"
TABLE_FILE = ROOT / "benchmarks" / "calibration.md"
DISAGREEMENTS = (Kind.CONTRADICTION, Kind.FIGURE_SHIFT, Kind.ATTRIBUTION_SHIFT, Kind.CERTAINTY_SHIFT)
TARGET = 0.9
BINS = (0.0, 0.2, 0.4, 0.6, 0.8, 0.9, 1.0001)


def rows_of(outcomes, kind):
    """(features, right) of one kind; only-ins and agreements the gold never judged left out."""
    return [(x, right) for story, k, x, right, judged in outcomes
            if k is kind and (judged or kind in DISAGREEMENTS)]


def fit_model(outcomes) -> Model:
    return Model({k: fit(rows_of(outcomes, k)) for k in FEATURES})


def cross_validated(outcomes) -> list[tuple[Kind, float, bool]]:
    """Each story's findings scored by a model fitted without that story."""
    out = []
    for story in sorted({o[0] for o in outcomes}):
        model = fit_model([o for o in outcomes if o[0] != story])
        for s, k, x, right, judged in outcomes:
            if s == story and (judged or k in DISAGREEMENTS):
                out.append((k, model.kinds[k].predict(x), right))
    return out


def choose_level(scored) -> tuple[float, float, int]:
    """The lowest level at which the disagreements at or above it are right >= TARGET."""
    for step in range(0, 20):
        level = round(step * 0.05, 2)
        kept = [right for k, c, right in scored if k in DISAGREEMENTS and c >= level]
        if kept and sum(kept) / len(kept) >= TARGET:
            return level, sum(kept) / len(kept), len(kept)
    return 1.0, 0.0, 0


def wilson_low(right: int, n: int, z: float = 1.96) -> float:
    """The lower end of the Wilson 95% interval of a share of ``right`` in ``n``."""
    if not n:
        return 0.0
    p = right / n
    centre = p + z * z / (2 * n)
    spread = z * ((p * (1 - p) + z * z / (4 * n)) / n) ** 0.5
    return (centre - spread) / (1 + z * z / n)


def nested(outcomes) -> tuple[int, int]:
    """The level chosen the way it is chosen, judged on a story it was not chosen on: for each
    story, the level is picked from the cross-validated findings of the other stories alone,
    and that story's findings (scored by a model fitted without it) are kept at that level.
    Returns (right, kept) over every story: whether choosing a level holds on unseen stories."""
    right = kept = 0
    for story in sorted({o[0] for o in outcomes}):
        others = [o for o in outcomes if o[0] != story]
        level, _, n = choose_level(cross_validated(others))
        if not n:
            continue  # no level for the others: nothing would be held back on this story
        model = fit_model(others)
        for s, k, x, r, judged in outcomes:
            if s == story and k in DISAGREEMENTS and model.kinds[k].predict(x) >= level:
                kept += 1
                right += r
    return right, kept


def table(scored, level: float, stories: list[str]) -> str:
    lines = [
        "# Calibration of the finding confidence",
        "",
        "Made by `python benchmarks/calibrate.py` (do not edit by hand). Tuning stories: "
        + ", ".join(stories) + ".",
        "",
        "Cross-validated by story: each finding's confidence comes from a model fitted on the other stories.",
        "Disagreements the gold does not list count as wrong.",
        "",
        "| kinds | confidence | findings | mean confidence | right |",
        "|---|---|---|---|---|",
    ]
    groups = [("disagreements", DISAGREEMENTS)] + [(k.value, (k,)) for k in DISAGREEMENTS + (Kind.ONLY_IN,)]
    for name, kinds in groups:
        for lo, hi in zip(BINS, BINS[1:]):
            got = [(c, r) for k, c, r in scored if k in kinds and lo <= c < hi]
            if not got:
                continue
            mean = sum(c for c, _ in got) / len(got)
            share = sum(r for _, r in got) / len(got)
            lines.append(f"| {name} | {lo:.1f}-{min(hi, 1.0):.1f} | {len(got)} | {mean:.2f} | {share:.2f} |")
    kept = [(k, r) for k, c, r in scored if k in DISAGREEMENTS and c >= level]
    all_d = [(k, r) for k, c, r in scored if k in DISAGREEMENTS]
    lines += ["", f"Reporting level (`--min-confidence` default): **{level:.2f}** (the lowest at which the "
              f"cross-validated disagreements were right at least {TARGET:.0%} of the time, else 0). "
              "Cross-validated findings at that level:", "",
              "| kind | findings | right | kept at the level | right of those kept |", "|---|---|---|---|---|"]
    for k in DISAGREEMENTS:
        a = [r for kk, r in all_d if kk is k]
        b = [r for kk, r in kept if kk is k]
        lines.append(f"| {k.value} | {len(a)} | {sum(a)} | {len(b)} | {sum(b)} |")
    return "\n".join(lines) + "\n"


def in_sample(model: Model, outcomes) -> list[tuple[Kind, float, bool]]:
    return [(k, model.kinds[k].predict(x), right) for s, k, x, right, judged in outcomes
            if judged or k in DISAGREEMENTS]


def build(paths: list[str]):
    import claimdiff.judge.confidence as confidence

    # findings are made with nothing held back, so no confidence is read: the shipped model
    # (which this run refits) is set aside for it
    shipped, confidence.load = confidence.load, lambda: Model()
    try:
        ev = evaluate(paths, settings=Settings(min_confidence=0.0))
    finally:
        confidence.load = shipped
    scored = cross_validated(ev.outcomes)
    model = fit_model(ev.outcomes)
    level, precision, kept = choose_level(scored)
    fitted_level, fitted_precision, fitted_kept = choose_level(in_sample(model, ev.outcomes))
    nested_right, nested_kept = nested(ev.outcomes) if kept else (0, 0)
    everything = [r for k, c, r in scored if k in DISAGREEMENTS]
    base = sum(everything) / len(everything)
    # the level must buy precision that can be relied on: on the stories it was not chosen on,
    # the lower end of the 95% interval of what it keeps is above reporting everything
    holds = bool(nested_kept) and wilson_low(nested_right, nested_kept) > base
    if not kept or not holds:
        # no level lifts the cross-validated findings to the target, or choosing one does not
        # hold on a story it was not chosen on: holding findings back would cost recall and buy
        # no precision that can be relied on, so nothing is held back by default
        level = 0.0
    model = Model(model.kinds, level)
    payload = json.dumps(model.as_dict(), indent=2, sort_keys=True) + "\n"
    if kept and holds:
        verdict = (f"{precision:.3f} at the level; the choice holds on a story it was not made on (each story "
                   f"kept at the level chosen on the others: {nested_right} of {nested_kept} right, "
                   f"{nested_right / max(nested_kept, 1):.3f}, 95% interval from "
                   f"{wilson_low(nested_right, nested_kept):.3f}, above {base:.3f} for reporting everything), so "
                   "it is the default level.\n")
    elif kept:
        verdict = (f"{precision:.3f} at {choose_level(scored)[0]:.2f}; but that choice is not borne out on a story it "
                   f"was not made on (each story kept at the level chosen on the others: {nested_right} of "
                   f"{nested_kept} right, {nested_right / max(nested_kept, 1):.3f}, 95% interval from "
                   f"{wilson_low(nested_right, nested_kept):.3f}, not above {base:.3f} for reporting everything), so "
                   "the level is 0 and nothing is held back by default.\n")
    else:
        verdict = f"no level reaches {TARGET:.0%}: the level is 0, nothing is held back by default.\n"
    text = table(scored, level, sorted(ev.stories)) + (
        f"\nCross-validated, the disagreements are right {sum(everything) / len(everything):.3f} of the time with "
        "nothing held back, and " + verdict
        + f"In sample (the model fitted on every story, judged on the same stories) {TARGET:.0%} is reached at "
        f"{fitted_level:.2f} ({fitted_kept} kept, {fitted_precision:.3f} right), which is not the level: a "
        "model judged on the stories it was fitted on flatters itself.\n")
    return payload, text, (level, precision, kept)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", default=[str(ROOT / "corpora")])
    ap.add_argument("--check", action="store_true", help="exit 1 if the committed files differ from a refit")
    args = ap.parse_args()
    payload, text, (level, precision, kept) = build(args.paths)
    print(text)
    if args.check:
        same = MODEL_FILE.read_text(encoding="utf-8") == payload and TABLE_FILE.read_text(encoding="utf-8") == text
        print("calibration files are up to date" if same else "calibration files differ from a refit")
        return 0 if same else 1
    MODEL_FILE.write_text(payload, encoding="utf-8")
    TABLE_FILE.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
