"""Align: score every claim of one document against every claim of another, and pair them.

Scores, each in 0..1:
- ``fuzzy``: rapidfuzz over a processor that keeps digits, ``%``, ``$`` and decimal
  points (figures matter); the mean of token-set and token-sort ratios, so that a
  claim contained in a longer one is not scored as identical.
- ``semantic``: cosine of sentence embeddings (all-MiniLM-L6-v2 by default).
- ``combined``: the one number decisions are made on (see ``combine``).

Pairs are chosen one-to-one per pair of documents, best score first, ties broken by
claim position: the result does not depend on the order documents were given in.
A claim that lost a one-to-one contest but still scores above the threshold against
another document is "covered": it is not reported as said by one outlet only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

import numpy as np

from .model import Alignment, Claim
from .quantities import topic

_KEEP = re.compile(r"[^\w%$.]+")
_TRAILING_DOT = re.compile(r"(?<!\d)\.|\.(?!\d)")


def processor(text: str) -> str:
    """Lower-case, punctuation to spaces; keeps digits, '%', '$' and decimal points."""
    s = _KEEP.sub(" ", text.lower().replace(",", ""))
    return " ".join(_TRAILING_DOT.sub(" ", s).split())


@dataclass(frozen=True, slots=True)
class Scores:
    fuzzy: np.ndarray
    semantic: np.ndarray | None
    combined: np.ndarray


def fuzzy_matrix(a: Sequence[str], b: Sequence[str]) -> np.ndarray:
    from rapidfuzz import fuzz, process

    if not a or not b:
        return np.zeros((len(a), len(b)), dtype=np.float32)
    pa = [processor(t) for t in a]
    pb = [processor(t) for t in b]
    set_r = process.cdist(pa, pb, scorer=fuzz.token_set_ratio, dtype=np.float32, workers=1)
    sort_r = process.cdist(pa, pb, scorer=fuzz.token_sort_ratio, dtype=np.float32, workers=1)
    return (set_r + sort_r) / 200.0


FIGURE_DIMENSIONS = ("count", "length", "area", "mass", "money", "percent", "duration")


def figure_affinity(a: Sequence[Claim], b: Sequence[Claim]) -> np.ndarray:
    """1 where two claims give a figure of the same counted thing (whatever its value), else 0.

    Embeddings score "over 10,000 DPRK soldiers were sent" and "Pyongyang has sent
    10,000 troops" lower than the figure makes obvious; a shared counted thing is the
    signal the model misses.
    """
    def keys(c: Claim) -> set[tuple[str, str]]:
        out = set()
        for q in c.quantities:
            if q.dimension not in FIGURE_DIMENSIONS:
                continue
            t = topic(q)
            if q.dimension == "count" and not t:
                continue
            out.add((q.dimension, t or q.unit or ""))
        return out

    ka, kb = [keys(c) for c in a], [keys(c) for c in b]
    m = np.zeros((len(a), len(b)), dtype=np.float32)
    for i, x in enumerate(ka):
        if x:
            for j, y in enumerate(kb):
                if x & y:
                    m[i, j] = 1.0
    return m


def combine(fuzzy: np.ndarray, semantic: np.ndarray | None, figures: np.ndarray | None = None, *,
            semantic_weight: float, figure_bonus: float = 0.0) -> np.ndarray:
    """The decision score: mostly meaning, word overlap as the second opinion, plus a shared figure."""
    score = fuzzy if semantic is None else semantic_weight * semantic + (1.0 - semantic_weight) * fuzzy
    if figures is not None and figure_bonus:
        score = score + figure_bonus * figures
    return np.clip(score, 0.0, 1.0)


def pair(claims_a: Sequence[Claim], claims_b: Sequence[Claim], combined: np.ndarray, threshold: float) -> list[tuple[int, int]]:
    """One-to-one pairs at or above threshold, best first; ties broken by position."""
    if combined.size == 0:
        return []
    ii, jj = np.nonzero(combined >= threshold)
    order = sorted(zip(ii.tolist(), jj.tolist()), key=lambda ij: (-round(float(combined[ij]), 4), ij[0], ij[1]))
    used_a: set[int] = set()
    used_b: set[int] = set()
    out = []
    for i, j in order:
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        out.append((i, j))
    return sorted(out)


def alignment(a: Claim, b: Claim, fuzzy: float, semantic: float | None, combined: float) -> Alignment:
    return Alignment(
        left=a.id, right=b.id, score=round(combined, 4), fuzzy=round(fuzzy, 4),
        semantic=None if semantic is None else round(semantic, 4),
    )
