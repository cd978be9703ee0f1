"""Report: a ``Comparison`` in; a terminal table, JSON (the stable interface), Markdown or HTML out.

Contract: every renderer is a pure function of the comparison: same inputs, same bytes;
nothing taken from a document can act in a terminal, a Markdown page or HTML. Modules:
this one (table, JSON, Markdown), ``html`` (one self-contained page), ``grid`` (the
claim-by-outlet grid both share), ``text`` (the words every format shares), ``gate``
(``check``'s formats: GitHub annotations, SARIF, JUnit, JSON, Markdown, HTML).
"""

from __future__ import annotations

import json
import textwrap
from typing import Any

from ..version import __version__
from ..model import KIND_ORDER, SCHEMA_VERSION, Claim, Comparison, Document, Finding, Kind, Quantity
from ..extract.timex import iso
from .text import attribution_text, markdown_text, more, printable, shown_reason, summary

FORMATS = ("table", "json", "markdown", "html")


def render(comparison: Comparison, fmt: str, *, kinds: tuple[Kind, ...] = KIND_ORDER, table_style: str = "grid",
           width: int = 100, color: bool = False, terminal: bool = False) -> str:
    if fmt == "json":
        return to_json(comparison, kinds=kinds)
    if fmt == "markdown":
        return to_markdown(comparison, kinds=kinds)
    if fmt == "html":
        from .html import to_html

        return printable(to_html(comparison, kinds=kinds))
    return to_table(comparison, kinds=kinds, table_style=table_style, width=width, color=color, terminal=terminal)


# -- JSON ---------------------------------------------------------------------------------------

def quantity_dict(q: Quantity) -> dict[str, Any]:
    d: dict[str, Any] = {
        "text": q.text, "start": q.start, "end": q.end,
        "low": _num(q.low), "high": _num(q.high), "low_open": q.low_open, "high_open": q.high_open,
        "unit": q.unit, "dimension": q.dimension, "counts": q.counts, "value": _num(q.value),
    }
    if q.implied_high is not None:
        d["implied_high"] = _num(q.implied_high)
    if q.dimension == "date":
        d["dates"] = [iso(q.low), iso(q.high)]
        d["relative"] = q.relative
        if q.role:
            d["role"] = q.role
    if q.dimension == "time" and q.value is not None:
        d["time"] = f"{int(q.value) // 60:02d}:{int(q.value) % 60:02d}"  # minutes since midnight, as read
    if q.note:
        d["note"] = q.note
    return d


def claim_dict(c: Claim) -> dict[str, Any]:
    a = c.attribution
    return {
        "id": c.id, "text": c.text, "start": c.start, "end": c.end,
        "quantities": [quantity_dict(q) for q in c.quantities],
        "attribution": {"source": a.source, "name": a.name, "role": a.role, "organisation": a.organisation,
                        "anonymous": a.anonymous, "via": a.via},
        "negated": c.negated, "negation": c.negation, "certainty": c.certainty, "certainty_cue": c.certainty_cue,
    }


def document_dict(d: Document, n_claims: int) -> dict[str, Any]:
    return {"id": d.id, "outlet": d.outlet, "date": d.date, "title": d.title, "url": d.url, "path": d.path,
            "role": d.role, "claims": n_claims}


def _side_dict(s) -> dict[str, Any]:
    return {"document": s.document, "outlet": s.outlet, "claim": s.claim, "text": s.text, "start": s.start,
            "end": s.end, "line": s.line, "spans": [list(x) for x in s.spans]}


def finding_dict(f: Finding) -> dict[str, Any]:
    out = {
        "kind": f.kind.value,
        "code": f.code,
        "confidence": round(f.confidence, 4),
        "reason": f.reason,
        "topic": f.topic,
        "sides": [_side_dict(s) for s in f.sides],
        "scores": {k: round(v, 4) for k, v in f.scores},
        "evidence": {k: round(v, 4) for k, v in f.evidence},
    }
    if f.also:  # the same disagreement carried by other pairs of claims: every side
        out["also"] = [[_side_dict(s) for s in sides] for sides in f.also]
    return out


def to_json(comparison: Comparison, *, kinds: tuple[Kind, ...] = KIND_ORDER) -> str:
    counts: dict[str, int] = {}
    for c in comparison.claims:
        counts[c.document] = counts.get(c.document, 0) + 1
    payload = {
        "version": SCHEMA_VERSION,
        "tool": {"name": "claimdiff", "version": __version__},
        "settings": dict(comparison.settings),
        "reference": comparison.documents[0].id,
        "documents": [document_dict(d, counts.get(d.id, 0)) for d in comparison.documents],
        "summary": summary(comparison),
        "findings": [finding_dict(f) for f in comparison.findings if f.kind in kinds],
        # below the confidence level (settings.min_confidence): not reported, their pairs aligned
        "held": [finding_dict(f) for f in comparison.held if f.kind in kinds],
        "clusters": [list(c) for c in comparison.clusters],
    }
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"


def _num(x: float | None) -> float | int | None:
    if x is None:
        return None
    r = round(x, 6)
    return int(r) if r == int(r) and abs(r) < 1e15 else r


# -- table --------------------------------------------------------------------------------------

def wrap(text: str, width: int, *, break_on_hyphens: bool = True) -> str:
    """Text folded to ``width`` for a table cell (never empty), its control characters escaped."""
    text = printable(text)
    return "\n".join(textwrap.wrap(text, width=width, break_on_hyphens=break_on_hyphens)) or text


def _wrap(text: str, width: int) -> str:
    return wrap(text, width, break_on_hyphens=False)


# ANSI colours of the kinds in a terminal (``color=True``); none in files and pipes.
COLORS = {Kind.CONTRADICTION: "31", Kind.FIGURE_SHIFT: "33", Kind.ATTRIBUTION_SHIFT: "35",
          Kind.CERTAINTY_SHIFT: "36", Kind.ONLY_IN: "90", Kind.AGREE: "32"}


def paint(text: str, kind: Kind, color: bool) -> str:
    """``text`` in the kind's colour, line by line (so a table cell keeps its width), or as it is."""
    if not color:
        return text
    return "\n".join(f"\x1b[{COLORS[kind]}m{line}\x1b[0m" for line in text.split("\n"))


def _headline(comparison: Comparison, color: bool = False, width: int | None = None) -> list[str]:
    """The title and the count of each kind; folded to ``width`` (a terminal's) when given."""
    s = summary(comparison)
    width = width or 10**6
    ref = comparison.documents[0]
    lines = textwrap.wrap(f"claimdiff: {printable(ref.outlet)} ({printable(ref.id)}) against {len(comparison.documents) - 1} other report(s)",
                          width, break_on_hyphens=False)
    # each "N kind" stays whole on a line (joined by a no-break space while wrapping), then takes its colour
    counts = textwrap.wrap("findings: " + ", ".join(f"{s[k.value]}\u00a0{k.value}" for k in KIND_ORDER), width,
                           break_on_hyphens=False, subsequent_indent="  ")
    for k in KIND_ORDER:
        part = f"{s[k.value]}\u00a0{k.value}"
        counts = [line.replace(part, paint(part.replace("\u00a0", " "), k, color and s[k.value] > 0)) for line in counts]
    return lines + counts


def to_table(comparison: Comparison, *, kinds: tuple[Kind, ...] = KIND_ORDER, table_style: str = "grid",
             width: int = 100, color: bool = False, terminal: bool = False) -> str:
    """Tables folded to ``width`` columns (a grid table of three columns takes 10 for its rules);
    on a ``terminal`` the headline too, elsewhere it stays one line per part, as it always was."""
    from tabulate import tabulate

    out = _headline(comparison, color, width if terminal else None)
    name = max(10, (width - 46) // 2)  # the date, count and role columns and the rules take 46
    docs = [[_wrap(d.id, name), _wrap(d.outlet, name), d.date or "",
             sum(1 for c in comparison.claims if c.document == d.id), "reference" if i == 0 else ""]
            for i, d in enumerate(comparison.documents)]
    out.append("")
    out.append(tabulate(docs, headers=["document", "outlet", "date", "claims", ""], tablefmt=table_style))
    col = max(10, (width - 20) // 3)
    for kind in KIND_ORDER:
        if kind not in kinds:
            continue
        found = comparison.by_kind(kind)
        if not found:
            continue
        out.append("")
        out.append(paint(f"{kind.title} ({kind.code}): {len(found)}", kind, color))
        if kind is Kind.ONLY_IN:
            who = min(18, max(8, width // 6))
            rest = max(20, width - 13 - who)
            rows = [[_wrap(f.sides[0].outlet, who), _wrap(f.sides[0].text, rest - rest // 3),
                     paint(_wrap(shown_reason(f), rest // 3), kind, color)] for f in found]
            out.append(tabulate(rows, headers=["outlet", "claim", "why"], tablefmt=table_style))
        else:
            rows = [[_wrap(f"{f.sides[0].outlet}: {f.sides[0].text}{more(f, 0)}", col),
                     _wrap(f"{f.sides[1].outlet}: {f.sides[1].text}{more(f, 1)}", col),
                     paint(_wrap(shown_reason(f), col), kind, color)] for f in found]
            out.append(tabulate(rows, headers=["reference", "other", "reason"], tablefmt=table_style))
    return "\n".join(out) + "\n"


# -- Markdown -----------------------------------------------------------------------------------

def _md(text: str) -> str:
    return markdown_text(text)


MARKS = {Kind.CONTRADICTION: "🟥", Kind.FIGURE_SHIFT: "🟧", Kind.ATTRIBUTION_SHIFT: "🟪",
         Kind.CERTAINTY_SHIFT: "🟦", Kind.ONLY_IN: "⬜", Kind.AGREE: "🟩"}


def to_markdown(comparison: Comparison, *, kinds: tuple[Kind, ...] = KIND_ORDER, h: int = 1) -> str:
    """GitHub-flavoured Markdown (a job summary, a PR comment): summary, grid, findings by kind.
    ``h`` is the level of the title; sections are one below it."""
    ref = comparison.documents[0]
    s = summary(comparison)
    sub = "#" * (h + 1)
    dates = sorted({d.date for d in comparison.documents if d.date})
    out = [f"{'#' * h} claimdiff: {_md(ref.outlet)} against {len(comparison.documents) - 1} other report(s)", ""]
    out += [f"{len(comparison.documents)} documents from {len({d.outlet for d in comparison.documents})} outlets"
            + (f", {dates[0]}" + (f" to {dates[-1]}" if len(dates) > 1 else "") if dates else "")
            + f"; {len(comparison.claims)} claims. Findings: "
            + ", ".join(f"{MARKS[k]} {s[k.value]} {k.value}" for k in KIND_ORDER) + ".", ""]
    out += ["| document | outlet | date | claims |", "|---|---|---|---|"]
    for d in comparison.documents:
        n = sum(1 for c in comparison.claims if c.document == d.id)
        out.append(f"| {_md(d.id)}{' (reference)' if d is ref else ''} | {_md(d.outlet)} | {d.date or ''} | {n} |")
    out += ["", "| kind | code | findings |", "|---|---|---|"]
    out += [f"| {k.value} | {k.code} | {s[k.value]} |" for k in KIND_ORDER]
    out += ["", f"{sub} Claims by outlet", "", "Most disputed first; an empty cell: the outlet does not say it.", ""]
    out += _markdown_grid(comparison)
    for kind in KIND_ORDER:
        found = comparison.by_kind(kind)
        if kind not in kinds or not found:
            continue
        out += ["", f"{sub} {kind.title} ({kind.code})", ""]
        if kind is Kind.ONLY_IN:
            out += ["| outlet | claim | why |", "|---|---|---|"]
            out += [f"| {_md(f.sides[0].outlet)} | {_md(f.sides[0].text)} | {_md(shown_reason(f))} |" for f in found]
        else:
            out += ["| reference | other | reason |", "|---|---|---|"]
            out += [f"| **{_md(f.sides[0].outlet)}**: {_md(f.sides[0].text + more(f, 0))} | **{_md(f.sides[1].outlet)}**: "
                    f"{_md(f.sides[1].text + more(f, 1))} | {_md(shown_reason(f))} |" for f in found]
    return "\n".join(out) + "\n"


def _markdown_grid(comparison: Comparison) -> list[str]:
    from .grid import build, shorten

    out = ["| | " + " | ".join(_md(d.outlet) for d in comparison.documents) + " |",
           "|---" * (len(comparison.documents) + 1) + "|"]
    for row in build(comparison):
        cells = []
        for cell in row.cells:
            if cell is None:
                cells.append("")
                continue
            mark = MARKS[cell.kind] + " " if cell.kind else ""
            figures = "".join(f"**{_md(f)}** · " for f in cell.figures)
            cells.append(mark + figures + _md(shorten(cell.claim.text, 60)))
        name = row.kind.value if row.kind else "aligned"
        out.append(f"| {name} | " + " | ".join(cells) + " |")
    return out
