"""The library entry points: ``compare(documents)`` runs read -> extract -> align -> diff."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np

from . import align, diff
from .embed import Encoder, SentenceTransformerEncoder
from .errors import InputError
from .extract import extract
from .model import Alignment, Claim, Comparison, Document, Finding, Kind, KIND_ORDER, Side


@dataclass(frozen=True, slots=True)
class Settings:
    """What a comparison depends on besides its documents.

    ``threshold``: combined score at or above which two claims are the same claim.
    ``only_in_margin``: a claim is said by one document only when it scores below
    ``threshold - only_in_margin`` against every other document, so a paraphrase that
    just missed pairing is not reported as exclusive.
    ``semantic_weight``: share of the cosine in the combined score.
    ``figure_penalty``: taken off when a pair of the two claims' figures cannot both be true.
    ``figure_bonus``: added, in the figure-shift search only, when both claims count the
    same thing and their figures disagree.
    """

    threshold: float = 0.66
    only_in_margin: float = 0.08
    semantic_weight: float = 0.75
    figure_penalty: float = 0.1
    figure_bonus: float = 0.08
    semantic: bool = True
    model: str | None = None  # a local sentence-transformers folder; None is the default model

    def describe(self) -> tuple[tuple[str, object], ...]:
        return (
            ("threshold", self.threshold),
            ("only_in_margin", self.only_in_margin),
            ("semantic_weight", self.semantic_weight if self.semantic else 0.0),
            ("figure_penalty", self.figure_penalty),
            ("figure_bonus", self.figure_bonus),
            ("semantic", self.semantic),
            ("model", self.model or ("all-MiniLM-L6-v2" if self.semantic else None)),
        )


def make_encoder(settings: Settings) -> Encoder | None:
    return SentenceTransformerEncoder(settings.model) if settings.semantic else None


def compare(
    documents: Sequence[Document],
    *,
    reference: str | None = None,
    settings: Settings = Settings(),
    encoder: Encoder | None = None,
) -> Comparison:
    """Compare a reference document against the others, claim by claim.

    ``reference`` is a document id (default: the first document). Findings of the
    aligned pairs are between the reference and each other document; "only-in" is
    judged against every other document, so a claim two non-reference outlets share
    is not reported as exclusive.
    """
    docs = list(documents)
    if len(docs) < 2:
        raise InputError(f"need at least two documents to compare, got {len(docs)}")
    ids = [d.id for d in docs]
    if len(set(ids)) != len(ids):
        raise InputError("document ids must be unique: " + ", ".join(sorted({i for i in ids if ids.count(i) > 1})))
    ref = docs[0] if reference is None else next((d for d in docs if d.id == reference), None)
    if ref is None:
        raise InputError(f"no document with id {reference!r}")
    if settings.semantic and encoder is None:
        encoder = make_encoder(settings)
    claims = {d.id: extract(d) for d in docs}
    for d in docs:
        if not claims[d.id]:
            raise InputError(f"{d.path or d.id}: no sentences to read claims from")
    # the others in a fixed order, whatever order they were given in
    others = sorted((d for d in docs if d.id != ref.id), key=lambda d: d.id)
    ordered = [ref] + others

    vectors = _embed(encoder, [c for d in ordered for c in claims[d.id]]) if encoder else None

    def scores(da: Document, db: Document):
        ca, cb = claims[da.id], claims[db.id]
        fz = align.fuzzy_matrix([c.content for c in ca], [c.content for c in cb])
        sem = None
        if vectors is not None:
            va = np.stack([vectors[c.content] for c in ca])
            vb = np.stack([vectors[c.content] for c in cb])
            sem = np.clip(va @ vb.T, -1.0, 1.0)
        rel = align.figure_relation(ca, cb)
        base = align.combine(fz, sem, semantic_weight=settings.semantic_weight)
        comb = align.combine(fz, sem, rel.disjoint, semantic_weight=settings.semantic_weight,
                             figure_penalty=settings.figure_penalty)
        search = align.figure_candidates(base, rel, figure_bonus=settings.figure_bonus)
        return fz, sem, comb, search

    best: dict[str, float] = {c.id: 0.0 for d in docs for c in claims[d.id]}
    alignments: list[Alignment] = []
    findings: list[Finding] = []
    for i, da in enumerate(ordered):
        for db in ordered[i + 1:]:
            fz, sem, comb, search = scores(da, db)
            ca, cb = claims[da.id], claims[db.id]
            if comb.size:
                either = np.maximum(comb, search)
                for k, c in enumerate(ca):
                    best[c.id] = max(best[c.id], float(either[k].max()))
                for k, c in enumerate(cb):
                    best[c.id] = max(best[c.id], float(either[:, k].max()))
            if da.id != ref.id:
                continue
            one_to_one = align.pair(ca, cb, comb, settings.threshold)
            for x, y in one_to_one:
                al = align.alignment(ca[x], cb[y], float(fz[x, y]), None if sem is None else float(sem[x, y]),
                                     float(comb[x, y]))
                alignments.append(al)
                findings.extend(diff.judge(ca[x], cb[y], (diff.side(da, ca[x]), diff.side(db, cb[y])), _scores(al)))
            # One-to-many, on purpose, for what must not be missed. A report can deny one claim
            # of the reference while agreeing with a neighbouring one ("the majority have not
            # engaged" / "they have begun engaging"), and a figure can move between claims that
            # the one-to-one pairing matched elsewhere: every other pair above the threshold is
            # checked for contradictions, and every pair counting the same thing with figures
            # that disagree (``figure_candidates``) for figure shifts; only those are reported.
            paired = set(one_to_one)
            extra_pairs = set(zip(*np.nonzero(comb >= settings.threshold))) | set(
                zip(*np.nonzero(search >= settings.threshold)))
            for x, y in sorted((int(x), int(y)) for x, y in extra_pairs):
                if (x, y) in paired:
                    continue
                score = max(float(comb[x, y]), float(search[x, y]))
                al = align.alignment(ca[x], cb[y], float(fz[x, y]), None if sem is None else float(sem[x, y]), score)
                wanted = {Kind.CONTRADICTION} if comb[x, y] >= settings.threshold else set()
                if search[x, y] >= settings.threshold:
                    wanted.add(Kind.FIGURE_SHIFT)
                extra = diff.judge(ca[x], cb[y], (diff.side(da, ca[x]), diff.side(db, cb[y])), _scores(al))
                findings.extend(f for f in extra if f.kind in wanted)

    cutoff = settings.threshold - settings.only_in_margin
    for d in ordered:
        for c in claims[d.id]:
            if best[c.id] < cutoff:
                findings.append(Finding(
                    kind=Kind.ONLY_IN,
                    reason=f"only {d.outlet} says this (closest claim elsewhere scores {best[c.id]:.2f})",
                    sides=(diff.side(d, c),),
                    scores=(("best_elsewhere", round(best[c.id], 4)),),
                ))
    order = {k: n for n, k in enumerate(KIND_ORDER)}
    pos = {d.id: n for n, d in enumerate(ordered)}
    findings.sort(key=lambda f: (order[f.kind], pos[f.sides[0].document], f.sides[0].start,
                                 tuple((pos[s.document], s.start) for s in f.sides[1:])))
    all_claims = tuple(c for d in ordered for c in claims[d.id])
    return Comparison(
        documents=tuple(ordered),
        claims=all_claims,
        alignments=tuple(alignments),
        findings=tuple(findings),
        settings=settings.describe(),
    )


def _scores(al: Alignment) -> tuple[tuple[str, float], ...]:
    out = (("combined", al.score), ("fuzzy", al.fuzzy))
    return out + ((("semantic", al.semantic),) if al.semantic is not None else ())


def _embed(encoder: Encoder, claims: list[Claim]) -> dict[str, np.ndarray]:
    """One embedding per distinct text, encoded in sorted order so input order cannot move a float."""
    texts = sorted({c.content for c in claims})
    matrix = encoder.encode(texts)
    return {t: matrix[i] for i, t in enumerate(texts)}


def extract_claims(document: Document) -> list[Claim]:
    return extract(document)


__all__ = ["Settings", "compare", "extract_claims", "Side"]
