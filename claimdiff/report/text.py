"""The words every report format shares: who a claim is credited to, a finding's reason as
printed, "(and N more)", and the count of each kind. Kept apart from the formats so that
the HTML page and the text formats read one module, and none reads the other."""

from __future__ import annotations

from ..model import KIND_ORDER, Attribution, Comparison, Finding, Kind


def attribution_text(a: Attribution) -> str:
    """Who a claim is credited to, as one line ("" for no one)."""
    src = a.source or ""
    if a.anonymous:
        src += " (anonymous)"
    if a.via:
        src += f" via {a.via}"
    return src.strip()



def more(f: Finding, i: int) -> str:
    """' (and 2 more)' when the finding's side ``i`` holds other claims too (``Finding.also``)."""
    n = len({sides[i].claim for sides in f.also} - {f.sides[i].claim})
    return f" (and {n} more)" if n else ""


def shown_reason(f: Finding) -> str:
    """The reason as reports print it: with the confidence of a disagreement."""
    return f.reason if f.kind is Kind.AGREE else f"{f.reason} (confidence {f.confidence:.2f})"


def summary(comparison: Comparison) -> dict[str, int]:
    return {k.value: len(comparison.by_kind(k)) for k in KIND_ORDER}
