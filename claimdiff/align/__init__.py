"""Align: the claims of two documents in; scored pairs (``Alignment``s) out.

Contract: pairs are one-to-one per pair of documents and do not depend on the order the
documents were given in. Modules: this one (scores and pairing), ``embed`` and
``onnx_encoder`` (the sentence-transformers model run by torch or by onnxruntime;
``onnx_export`` makes its ONNX file), ``spelling`` (British and American spellings, for
word overlap).

Scores, each in 0..1:
- ``fuzzy``: rapidfuzz over a processor that keeps digits, ``%``, ``$`` and decimal
  points (figures matter); the mean of token-set and token-sort ratios, so that a
  claim contained in a longer one is not scored as identical.
- ``semantic``: cosine of sentence embeddings (all-MiniLM-L6-v2 by default).
- ``combined``: the one number decisions are made on (see ``combine``).

Pairs are chosen one-to-one per pair of documents, best score first, ties broken by
claim position: the result does not depend on the order documents were given in. Two
claims are the same claim when their score, blind to whether their figures agree,
reaches the threshold; the combined score, less a penalty for figures that cannot both
be true, orders the candidates, so the pair whose figures agree is taken first.
A claim that lost a one-to-one contest but still scores above the threshold against
another document is "covered": it is not reported as said by one outlet only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol, Sequence

import numpy as np

from ..model import Alignment, Claim
from ..extract.quantities import pair_quantities, topic
from ..extract.scope import conflict, of_figures, places_differ, scope
from ..extract.states import tolled
from .spelling import american

_KEEP = re.compile(r"[^\w%$.]+")
_TRAILING_DOT = re.compile(r"(?<!\d)\.|\.(?!\d)")


def processor(text: str) -> str:
    """Lower-case, punctuation to spaces; keeps digits, '%', '$' and decimal points; one
    spelling for British and American words ("defence" / "defense", see claimdiff.align.spelling)."""
    s = _KEEP.sub(" ", text.lower().replace(",", ""))
    return american(" ".join(_TRAILING_DOT.sub(" ", s).split()))


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


@dataclass(frozen=True, slots=True)
class FigureRelation:
    """How the figures of every claim of one document relate to those of another.

    ``shared``: both claims give a figure of the same counted thing (soldiers, containers).
    ``disjoint``: a pair of their figures cannot both be true (16,000 / 13,000 containers).
    ``scoped``: disjoint figures of another place or subject ("8,574 died in Turkey" /
    "more than 15,000 died in Turkey and Syria"): two claims, not one with a moved figure.
    ``converted``: a measurement (a length, area or mass) written in other units on each side
    that agrees once converted ("a depth of 17.9 km" / "about 11 miles underground"): the
    same figure, which neither the model nor the word overlap can see.
    ``places``: with or without figures, the claims name places and one names a place the
    other does not ("rescue teams arrived in Turkey" / "a convoy drove into Syria"; "Death
    toll rises in Russia plane crash" / "... in Italy coach crash"), unless ``scoped``
    already says so.
    ``tolls``: both claims give a count of people in one state, the same running count ("Four
    people were killed" / "Two soldiers were killed in the strikes"; claimdiff.extract.states).
    ``agreeing``: both claims give one telling figure, the same value to within rounding
    (``same_figure``: "Hou Yu-ih behind him on 33.5%" / "Hou took 4,671,021 votes, or 33.49%";
    "96% of them backed a strike" / "96% voted to endorse the walkout"): evidence that they tell
    one fact, which a paraphrase's other words hide from the model.
    """

    shared: np.ndarray
    disjoint: np.ndarray
    scoped: np.ndarray
    converted: np.ndarray
    places: np.ndarray
    tolls: np.ndarray
    agreeing: np.ndarray


# a figure that tells a fact apart: a count from this size up (two people, three units, many
# claims give), a share, a sum of money or a measure; not a date or a span of time (a day and
# a month are shared by every claim of one story's day)
TELLING = ("count", "percent", "money", "length", "area", "mass")
TELLING_COUNT = 10
SAME_VALUE = 0.01  # relative: 33.49% and 33.5% are one figure; 30,000 and 33,000 are not


def same_figure(qa, qb) -> bool:
    """Two figures that name one telling value: same dimension, unit and role, what they count
    not different where both say, and values within ``SAME_VALUE`` of each other. The stated
    value, not the interval: "about 33,000" and "34,297" overlap as intervals, and are two
    figures."""
    if qa.dimension != qb.dimension or qa.unit != qb.unit or qa.role != qb.role or qa.dimension not in TELLING:
        return False
    if qa.value is None or qb.value is None:
        return False
    if qa.dimension == "count" and min(abs(qa.value), abs(qb.value)) < TELLING_COUNT:
        return False
    ta, tb = topic(qa), topic(qb)
    if ta and tb and ta != tb:
        return False
    return abs(qa.value - qb.value) <= SAME_VALUE * max(abs(qa.value), abs(qb.value))


def figure_relation(a: Sequence[Claim], b: Sequence[Claim]) -> FigureRelation:
    shared = np.zeros((len(a), len(b)), dtype=np.float32)
    disjoint = np.zeros((len(a), len(b)), dtype=np.float32)
    scoped = np.zeros((len(a), len(b)), dtype=np.float32)
    converted = np.zeros((len(a), len(b)), dtype=np.float32)
    tolls = np.zeros((len(a), len(b)), dtype=np.float32)
    agreeing = np.zeros((len(a), len(b)), dtype=np.float32)
    # which running count each figure is, read once per figure, not once per pair of claims
    toll_a = [{id(q): tolled(c, q) for q in c.quantities} for c in a]
    toll_b = [{id(q): tolled(c, q) for q in c.quantities} for c in b]
    scope_a = [scope(c.content, c.text) for c in a]
    scope_b = [scope(c.content, c.text) for c in b]
    places = np.zeros((len(a), len(b)), dtype=np.float32)
    for i, sa in enumerate(scope_a):
        if sa.places:
            for j, sb in enumerate(scope_b):
                if sb.places and places_differ(sa, sb):
                    places[i, j] = 1.0
    for i, ca in enumerate(a):
        if not ca.quantities:
            continue
        for j, cb in enumerate(b):
            if not cb.quantities:
                continue
            if any(same_figure(qa, qb) for qa in ca.quantities for qb in cb.quantities):
                agreeing[i, j] = 1.0
            for qa, qb in pair_quantities(ca.quantities, cb.quantities):
                if not qa.overlaps(qb):
                    disjoint[i, j] = 1.0
                    if conflict(*of_figures(scope_a[i], scope_b[j], qa, qb)):
                        scoped[i, j] = 1.0
                ta = topic(qa)
                if ta and ta == topic(qb):
                    shared[i, j] = 1.0
                toll = toll_a[i][id(qa)]
                if toll and toll == toll_b[j][id(qb)]:
                    tolls[i, j] = 1.0
                if qa.dimension in MEASURES and qa.overlaps(qb) and _unit_word(qa) != _unit_word(qb):
                    converted[i, j] = 1.0
    places *= 1.0 - scoped
    return FigureRelation(shared, disjoint, scoped, converted, places, tolls, agreeing)


MEASURES = ("length", "area", "mass")
_DIGITS = re.compile(r"[\d.,]+")


def _unit_word(q) -> str:
    """The unit as written: '17.9 km' -> 'km', 'about 11 miles' -> 'about miles'."""
    return " ".join(_DIGITS.sub(" ", q.text.lower()).split())


def combine(fuzzy: np.ndarray, semantic: np.ndarray | None, disjoint: np.ndarray | None = None, *,
            semantic_weight: float, figure_penalty: float = 0.0) -> np.ndarray:
    """The "same claim" score: mostly meaning, word overlap as the second opinion, less a
    penalty when a pair of their figures cannot both be true.

    On the STS headline pairs a plain weighted sum of cosine and rapidfuzz does not beat
    the cosine alone; the figure penalty does ("Blast kills 10 in Iraq" / "Blast kills 25
    in Pakistan" are told apart by their figures). The decision whether two claims are the
    same claim is made without it (see ``Settings.threshold``): a moved figure is a
    finding, not a reason to stop comparing.
    """
    score = fuzzy if semantic is None else semantic_weight * semantic + (1.0 - semantic_weight) * fuzzy
    if disjoint is not None and figure_penalty:
        score = score - figure_penalty * disjoint
    return np.clip(score, 0.0, 1.0)


class Weights(Protocol):
    semantic_weight: float
    figure_penalty: float
    scope_penalty: float
    place_penalty: float
    unit_bonus: float
    figure_bonus: float


def bonus(rel: FigureRelation, weights: Weights) -> np.ndarray:
    """What the figures add to the "same claim" score: one measurement in other units, one
    telling figure on both sides. It pairs claims; the judge's bars for a disagreement read the
    score without it (``scores``' ``same`` less this), since a shared figure says the claims tell
    one fact, not that their words are alike enough to read a change of source or tone in."""
    return weights.unit_bonus * rel.converted + weights.figure_bonus * rel.agreeing


def scores(fuzzy: np.ndarray, semantic: np.ndarray | None, rel: FigureRelation,
           weights: Weights) -> tuple[np.ndarray, np.ndarray]:
    """The two scores of every pair of claims: ``same``, whether they make one claim (blind to
    whether their figures agree, raised for one measurement in other units or one telling figure
    on both sides: ``bonus``), and ``ranked``,
    which orders the candidates (less the figure penalty). Both are lowered for another place
    or another subject. compare and the headlines benchmark both decide with this."""
    apart = weights.scope_penalty * rel.scoped + weights.place_penalty * rel.places
    base = combine(fuzzy, semantic, semantic_weight=weights.semantic_weight)
    # the bonus decides whether the claims pair; the alignment's score still says how alike they read
    same = base - apart + bonus(rel, weights)
    ranked = combine(fuzzy, semantic, rel.disjoint, semantic_weight=weights.semantic_weight,
                     figure_penalty=weights.figure_penalty) - apart
    return same, ranked


def pair(same: np.ndarray, ranked: np.ndarray, threshold: float, *, floor: float | None = None,
         margin: float = 0.03, figures: np.ndarray | None = None,
         figure_floor: float | None = None) -> list[tuple[int, int]]:
    """One-to-one pairs, best first by ``same``, then by ``ranked`` (a pair whose figures
    agree before one whose figures do not), then by position: the result does not depend
    on the order documents were given in.

    Two tiers, chosen on purpose: a pair whose ``same`` score reaches ``threshold`` is
    taken greedily; below it, down to ``floor``, a pair is taken only when each claim is
    the other's best candidate among those still free, ahead of the runner-up on both
    sides by ``margin``. Paraphrases the model scores low ("sent by Kim Jong-un to
    support Russian forces" / "Kim Jong Un dispatched the force to help Moscow") are
    then found where nothing else competes for them. A third tier, with ``figures`` (the
    pairs that give one running count, ``FigureRelation.tolls``), pairs down to
    ``figure_floor`` on the count's evidence (``_figure_tier``).
    """
    if same.size == 0:
        return []
    used_a: set[int] = set()
    used_b: set[int] = set()
    out = []
    ii, jj = np.nonzero(same >= threshold)
    order = sorted(zip(ii.tolist(), jj.tolist()),
                   key=lambda ij: (-round(float(same[ij]), 4), -round(float(ranked[ij]), 4), ij[0], ij[1]))
    for i, j in order:
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        out.append((i, j))
    if floor is not None and floor < threshold:
        free = _free(same, used_a, used_b)
        ii, jj = np.nonzero((same >= floor) & np.isfinite(free))
        for i, j in sorted(zip(ii.tolist(), jj.tolist()), key=lambda ij: (-round(float(free[ij]), 4), ij[0], ij[1])):
            if i in used_a or j in used_b:
                continue
            row = np.delete(free[i], j)
            col = np.delete(free[:, j], i)
            score = free[i, j]
            if (row.size and row.max() > score - margin) or (col.size and col.max() > score - margin):
                continue
            used_a.add(i)
            used_b.add(j)
            out.append((i, j))
    if figures is not None and figure_floor is not None:
        out += _figure_tier(same, figures, figure_floor, used_a, used_b)
    return sorted(out)


def _free(same: np.ndarray, used_a: set[int], used_b: set[int]) -> np.ndarray:
    """``same`` with the rows and columns of claims already paired set to -inf."""
    free = same.copy()
    for i in used_a:
        free[i, :] = -np.inf
    for j in used_b:
        free[:, j] = -np.inf
    return free


def _figure_tier(same: np.ndarray, figures: np.ndarray, figure_floor: float,
                 used_a: set[int], used_b: set[int]) -> list[tuple[int, int]]:
    """The third tier: two claims still free that give the same running count ("Four people were
    killed" / "Two soldiers were killed in the strikes", which the model scores 0.44), down to
    ``figure_floor``, each the other's best among the free claims that give it. A toll is told in
    many words, and the count of one state is evidence the words cannot give that the two tell
    one fact; the judge then compares the figures (and nothing else: below the threshold no
    change of source or certainty is called)."""
    free = _free(same, used_a, used_b)
    cand = np.where(figures > 0, free, -np.inf)
    out = []
    ii, jj = np.nonzero((figures > 0) & (same >= figure_floor) & np.isfinite(free))
    for i, j in sorted(zip(ii.tolist(), jj.tolist()), key=lambda ij: (-round(float(free[ij]), 4), ij[0], ij[1])):
        if i in used_a or j in used_b:
            continue
        score = free[i, j]
        if cand[i].max() > score or cand[:, j].max() > score:
            continue
        used_a.add(i)
        used_b.add(j)
        cand[i, :] = -np.inf
        cand[:, j] = -np.inf
        out.append((i, j))
    return out


def alignment(a: Claim, b: Claim, fuzzy: float, semantic: float | None, combined: float) -> Alignment:
    return Alignment(
        left=a.id, right=b.id, score=round(combined, 4), fuzzy=round(fuzzy, 4),
        semantic=None if semantic is None else round(semantic, 4),
    )
