"""How likely a finding is right: a confidence in [0, 1] built from its evidence.

Each finding carries its evidence (``Finding.evidence`` and ``Finding.scores``): how alike
the two claims read (the combined, fuzzy and semantic scores), and what its own kind rests
on (how far a figure moved and whether both sides name what it counts; whether a
contradiction is a negation or a pair of opposites; whether both sources are named people;
whether a claim is unconfirmed rather than hedged). A logistic model per kind turns that
into a probability. Its weights are fitted on the tuning gold (``benchmarks/calibrate.py``
writes ``claimdiff/data/confidence.json``), and so is the reporting level: the lowest
confidence at which the findings of the four disagreement kinds were right at least 90% of
the time (cross-validated by story). Below the level a disagreement is held back, and its
pair is reported as aligned.

- ``features(finding)``: the named inputs of one finding.
- ``Model.confidence(finding)``: the calibrated confidence.
- ``fit(rows)``: weights of one kind from (features, right) rows.
- ``load()``: the model shipped with the package.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from ..model import Finding, Kind

# the inputs each kind's model reads; every one of them is in [0, 1] or close to it
FEATURES: dict[Kind, tuple[str, ...]] = {
    Kind.CONTRADICTION: ("combined", "gap", "negation"),
    Kind.FIGURE_SHIFT: ("combined", "gap", "move", "counted", "date"),
    Kind.ATTRIBUTION_SHIFT: ("combined", "gap", "named", "anonymous", "quote"),
    Kind.CERTAINTY_SHIFT: ("combined", "gap", "unconfirmed", "modal"),
    Kind.ONLY_IN: ("best_elsewhere", "short", "figures"),
    Kind.AGREE: ("combined", "gap"),
}
# kinds the calibrated reporting level applies to: the disagreements a reader acts on. An
# only-in carries a confidence too, but its gold lists examples rather than every one, so no
# precision of it can be measured to choose a level by: it is held back only at a level
# given on purpose (--min-confidence)
JUDGED = (Kind.CONTRADICTION, Kind.FIGURE_SHIFT, Kind.ATTRIBUTION_SHIFT, Kind.CERTAINTY_SHIFT)


def features(finding: Finding) -> list[float]:
    values = dict(finding.scores) | dict(finding.evidence)
    return [float(values.get(name, 0.0)) for name in FEATURES[finding.kind]]


@dataclass(frozen=True)
class Weights:
    bias: float
    weights: tuple[float, ...]

    def predict(self, x: list[float]) -> float:
        z = self.bias + sum(w * v for w, v in zip(self.weights, x))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@dataclass(frozen=True)
class Model:
    kinds: dict[Kind, Weights] = field(default_factory=dict)
    level: float = 0.0  # the default --min-confidence

    def confidence(self, finding: Finding) -> float:
        w = self.kinds.get(finding.kind)
        if w is None:
            return 1.0
        return round(w.predict(features(finding)), 4)

    def as_dict(self) -> dict:
        return {"level": self.level,
                "kinds": {k.value: {"features": list(FEATURES[k]), "bias": round(w.bias, 6),
                                    "weights": [round(x, 6) for x in w.weights]}
                          for k, w in sorted(self.kinds.items(), key=lambda kv: kv[0].code)}}

    @classmethod
    def from_dict(cls, data: dict) -> "Model":
        kinds = {}
        for name, entry in data.get("kinds", {}).items():
            kind = Kind(name)
            if tuple(entry["features"]) != FEATURES[kind]:
                raise ValueError(f"confidence model for {name} reads {entry['features']}, not {FEATURES[kind]}")
            kinds[kind] = Weights(float(entry["bias"]), tuple(float(x) for x in entry["weights"]))
        return cls(kinds, float(data.get("level", 0.0)))


@lru_cache(maxsize=1)
def load() -> Model:
    """The model the package ships (fitted by benchmarks/calibrate.py)."""
    try:
        text = resources.files("claimdiff").joinpath("data/confidence.json").read_text(encoding="utf-8")
    except FileNotFoundError:
        return Model()
    return Model.from_dict(json.loads(text))


def fit(rows: list[tuple[list[float], bool]], *, l2: float = 0.3, iterations: int = 50) -> Weights:
    """L2-regularised logistic regression by Newton's method (the bias is not penalised).

    With few rows the penalty pulls the weights to zero and the confidence towards the
    kind's base rate, which is what a small sample can honestly say.
    """
    import numpy as np

    if not rows:
        return Weights(0.0, ())
    x = np.array([[1.0] + r for r, _ in rows], dtype=float)
    y = np.array([1.0 if ok else 0.0 for _, ok in rows])
    # a Laplace-smoothed base rate as the starting bias: never 0 or 1 outright
    rate = (y.sum() + 1.0) / (len(y) + 2.0)
    w = np.zeros(x.shape[1])
    w[0] = math.log(rate / (1.0 - rate))
    penalty = np.eye(x.shape[1]) * l2
    penalty[0, 0] = 1e-3
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        grad = x.T @ (p - y) + penalty @ w
        hess = x.T @ (x * (p * (1 - p))[:, None]) + penalty
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-9:
            break
    return Weights(float(w[0]), tuple(float(v) for v in w[1:]))
