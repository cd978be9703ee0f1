"""The claim-by-outlet grid: one row per claim cluster, one column per document.

Shared by the Markdown and HTML reports. A cell is the claim a document makes in that
row (or nothing where the document is silent), with the most serious kind of finding the
claim takes part in (none: aligned, never judged or held back below the confidence level). Rows are ordered so the most disputed claims come first: by their
most serious kind (``KIND_ORDER``), then by how many disputing findings touch them, then
by where they start in the reference.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import KIND_ORDER, Claim, Comparison, Finding, Kind

_RANK = {k: n for n, k in enumerate(KIND_ORDER)}


@dataclass(frozen=True, slots=True)
class Cell:
    claim: Claim
    kind: Kind | None  # the most serious finding it is in; None: aligned, never judged

    @property
    def figures(self) -> tuple[str, ...]:
        return tuple(q.text for q in self.claim.quantities)


@dataclass(frozen=True, slots=True)
class Row:
    cells: tuple[Cell | None, ...]  # one per document, in ``Comparison.documents`` order
    kind: Kind | None
    disputes: int  # findings other than agreements that touch the row's claims


def claim_kinds(findings: tuple[Finding, ...] | list[Finding]) -> dict[str, Kind]:
    """Each claim id with the most serious kind of finding it appears in. A pair held back
    below the confidence level is aligned, not an agreement: it gives its claims no kind."""
    out: dict[str, Kind] = {}
    for f in findings:
        if f.held_back:
            continue
        for s in f.sides:
            if s.claim not in out or _RANK[f.kind] < _RANK[out[s.claim]]:
                out[s.claim] = f.kind
    return out


def build(comparison: Comparison) -> list[Row]:
    """Rows for every cluster and every claim said by one document only."""
    claims = {c.id: c for c in comparison.claims}
    kinds = claim_kinds(comparison.findings)
    disputes: dict[str, int] = {}
    for f in comparison.findings:
        if f.kind is not Kind.AGREE:
            for s in f.sides:
                disputes[s.claim] = disputes.get(s.claim, 0) + 1
    groups = [list(g) for g in comparison.clusters]
    clustered = {c for g in groups for c in g}
    groups += [[f.sides[0].claim] for f in comparison.by_kind(Kind.ONLY_IN) if f.sides[0].claim not in clustered]
    column = {d.id: n for n, d in enumerate(comparison.documents)}
    position = {c.id: n for n, c in enumerate(comparison.claims)}
    rows = []
    for group in groups:
        cells: list[Cell | None] = [None] * len(comparison.documents)
        for cid in group:
            cells[column[claims[cid].document]] = Cell(claims[cid], kinds.get(cid))
        found = [kinds[c] for c in group if c in kinds]
        kind = min(found, key=_RANK.__getitem__) if found else None
        rows.append((Row(tuple(cells), kind, sum(disputes.get(c, 0) for c in group)), min(position[c] for c in group)))
    rows.sort(key=lambda r: (_RANK[r[0].kind] if r[0].kind else len(_RANK), -r[0].disputes, r[1]))
    return [r for r, _ in rows]


def shorten(text: str, limit: int) -> str:
    """One line of at most ``limit`` characters, cut at a word with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0]
    return (cut or text[: limit - 1]) + "…"
