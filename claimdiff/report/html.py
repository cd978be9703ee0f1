"""The HTML report: one self-contained page (inline CSS, no scripts, no external assets).

A summary, the claim-by-outlet grid (``grid.build``), every finding with both claims side
by side and the changed words lit, and each article's text with its claims marked, so a
reader can follow a finding or a grid cell to its place in the article.

Every piece of text that comes from a document (article text, outlet, title, path, claims,
reasons) goes through ``html.escape``: a ``<script>`` or an ``onerror=`` in an article is
shown as text, never run. The page is a pure function of its input: same input, same bytes.
"""

from __future__ import annotations

from html import escape
from typing import Callable

from ..version import __version__
from .grid import Cell, build as build_grid, claim_kinds, shorten
from ..model import KIND_ORDER, Claim, Comparison, Finding, Kind, Side
from .text import attribution_text, more, shown_reason, summary

CSS = """
:root{--fg:#1d1d1f;--muted:#5f6368;--line:#d0d4d9;--bg:#fff;--soft:#f6f7f9}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:var(--fg);background:var(--bg)}
main{max-width:1240px;margin:0 auto;padding:16px}
h1{font-size:1.5rem;margin:.2em 0 .4em}h2{font-size:1.25rem;margin:1.6em 0 .5em;border-bottom:1px solid var(--line)}
h3{font-size:1.05rem;margin:1.2em 0 .4em}
a{color:#0b57d0}
table.grid a{color:inherit;text-decoration:none}table.grid a:hover{text-decoration:underline}
.muted{color:var(--muted)}
.scroll{overflow-x:auto;-webkit-overflow-scrolling:touch;border:1px solid var(--line);border-radius:6px}
table{border-collapse:collapse;width:100%}
th,td{border-bottom:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top}
th{background:var(--soft);font-weight:600}
table.grid td,table.grid th{min-width:11rem;max-width:20rem;font-size:.9rem}
table.grid td.kindcol,table.grid th.kindcol{min-width:7rem;position:sticky;left:0;background:var(--bg);z-index:1}
table.grid th.kindcol{background:var(--soft)}
td.silent{background:repeating-linear-gradient(135deg,#fff,#fff 6px,#f3f3f3 6px,#f3f3f3 12px)}
.counts{display:flex;flex-wrap:wrap;gap:6px;padding:0;margin:.5em 0;list-style:none}
.badge{display:inline-block;border-radius:999px;padding:1px 9px;font-size:.8rem;font-weight:600;border:1px solid currentColor;white-space:nowrap}
.fig{font-weight:700}
.finding{border:1px solid var(--line);border-left-width:6px;border-radius:6px;padding:10px 12px;margin:12px 0}
.finding header{display:flex;flex-wrap:wrap;gap:8px;align-items:baseline}
.sides{display:grid;grid-template-columns:1fr 1fr;gap:10px;margin-top:8px}
.side{background:var(--soft);border-radius:6px;padding:8px 10px;overflow-wrap:anywhere}
.side .who{font-weight:600}
.meta{font-size:.85rem;color:var(--muted)}
mark{background:#ffe07a;padding:0 1px;border-radius:2px}
.article{white-space:pre-wrap;overflow-wrap:anywhere;background:var(--soft);border-radius:6px;padding:10px 12px;max-height:none}
.claim{border-bottom:2px solid #c8ccd2}
a.claim{color:inherit;text-decoration:none}a.claim:hover{text-decoration:underline}
.claim:target,.finding:target{outline:3px solid #0b57d0;outline-offset:2px}
.k-contradiction{--k:#b3261e;--kb:#fde7e7}
.k-figure-shift{--k:#9a5200;--kb:#ffefd6}
.k-attribution-shift{--k:#6a3fa0;--kb:#f1e9fb}
.k-certainty-shift{--k:#1c5fa8;--kb:#e4eefb}
.k-only-in{--k:#4b5563;--kb:#eceef1}
.k-agree{--k:#2e7d32;--kb:#e6f4e7}
.k-aligned{--k:#6b7280;--kb:#fafafa}
.badge[class*=k-]{color:var(--k);background:var(--kb)}
td[class*=k-]{background:var(--kb);box-shadow:inset 4px 0 0 var(--k)}
.finding[class*=k-]{border-left-color:var(--k)}
.claim[class*=k-]{border-bottom-color:var(--k);background:var(--kb)}
@media (max-width:700px){
 body{font-size:14px}main{padding:10px}
 .sides{grid-template-columns:1fr}
 table.grid td,table.grid th{min-width:9rem}
 table.docs td:nth-child(n+5),table.docs th:nth-child(n+5){display:none}
}
""".strip()

LABELS = {k: k.value for k in KIND_ORDER}


def to_html(comparison: Comparison, *, kinds: tuple[Kind, ...] = KIND_ORDER) -> str:
    ref = comparison.documents[0]
    title = f"claimdiff: {ref.outlet} against {len(comparison.documents) - 1} other report(s)"
    return page(title, body(comparison, kinds=kinds))


def page(title: str, content: str) -> str:
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            f"<meta name=\"generator\" content=\"claimdiff {escape(__version__)}\">\n"
            f"<title>{escape(title)}</title>\n<style>\n{CSS}\n</style>\n</head>\n<body>\n<main>\n"
            f"<h1>{escape(title)}</h1>\n{content}</main>\n</body>\n</html>\n")


def badge(kind: Kind | None, text: str | None = None) -> str:
    name = kind.value if kind else "aligned"
    return f'<span class="badge k-{name}">{escape(text or name)}</span>'


def body(comparison: Comparison, *, kinds: tuple[Kind, ...] = KIND_ORDER, prefix: str = "", h: int = 2,
         level: Callable[[Finding], str | None] | None = None) -> str:
    """The sections of one comparison; ``prefix`` keeps anchors unique on a page of several,
    ``h`` is the heading level of its sections, ``level`` labels a finding (check's error/warning)."""
    claims = {c.id: c for c in comparison.claims}
    anchors = _Anchors(prefix)
    shown = [f for k in KIND_ORDER if k in kinds for f in comparison.findings if f.kind is k]  # as listed, 1..n
    first: dict[str, int] = {}  # each claim's most serious finding shown, for the link back from its article
    for n, f in enumerate(shown, 1):
        for side in f.sides:
            first.setdefault(side.claim, n)
    out = [_summary(comparison, h), _grid(comparison, anchors, h),
           _findings(shown, claims, anchors, h, level), _articles(comparison, anchors, h, first)]
    return "".join(out)


class _Anchors:
    def __init__(self, prefix: str):
        self.prefix = prefix

    def claim(self, claim_id: str) -> str:
        doc, n = claim_id.rsplit("#", 1)
        return f"{self.prefix}c-{doc}-{n}"

    def finding(self, n: int) -> str:
        return f"{self.prefix}f-{n}"

    def document(self, doc_id: str) -> str:
        return f"{self.prefix}doc-{doc_id}"


def _summary(comparison: Comparison, h: int) -> str:
    counts: dict[str, int] = {}
    for c in comparison.claims:
        counts[c.document] = counts.get(c.document, 0) + 1
    rows = []
    for i, d in enumerate(comparison.documents):
        where = d.url or d.path or ""
        mark = ' <span class="muted">(reference)</span>' if i == 0 else ""
        rows.append(f"<tr><td>{escape(d.outlet)}{mark}</td>"
                    f"<td>{escape(d.date or '')}</td><td>{counts.get(d.id, 0)}</td>"
                    f"<td>{escape(d.title or '')}</td><td>{escape(where)}</td></tr>\n")
    s = summary(comparison)
    items = "".join(f"<li>{badge(k, f'{s[k.value]} {k.value}')}</li>" for k in KIND_ORDER)
    dates = sorted({d.date for d in comparison.documents if d.date})
    span = (dates[0] if len(dates) == 1 else f"{dates[0]} to {dates[-1]}") if dates else "no dates given"
    return (f"<section class=\"summary\">\n<h{h}>Summary</h{h}>\n"
            f"<p>{len(comparison.documents)} documents from {len({d.outlet for d in comparison.documents})} outlets, "
            f"{escape(span)}; {len(comparison.claims)} claims, {len(comparison.clusters)} made by more than one "
            f"document.</p>\n<ul class=\"counts\">{items}</ul>\n"
            "<div class=\"scroll\"><table class=\"docs\">\n<thead><tr><th>outlet</th><th>date</th><th>claims</th>"
            "<th>title</th><th>source</th></tr></thead>\n<tbody>\n" + "".join(rows) + "</tbody></table></div>\n"
            "</section>\n")


def _grid(comparison: Comparison, anchors: _Anchors, h: int) -> str:
    head = "".join(f"<th>{escape(d.outlet)}</th>" for d in comparison.documents)
    rows = []
    for row in build_grid(comparison):
        cells = "".join(_grid_cell(c, anchors) for c in row.cells)
        rows.append(f"<tr><td class=\"kindcol\">{badge(row.kind)}</td>{cells}</tr>\n")
    return (f"<section class=\"grid\">\n<h{h}>Claims by outlet</h{h}>\n"
            "<p class=\"muted\">One row per claim, most disputed first; a coloured cell is that outlet's reading, "
            "an empty one means the outlet does not say it.</p>\n"
            f"<div class=\"scroll\"><table class=\"grid\">\n<thead><tr><th class=\"kindcol\">kind</th>{head}</tr></thead>\n"
            "<tbody>\n" + "".join(rows) + "</tbody></table></div>\n</section>\n")


def _grid_cell(cell: Cell | None, anchors: _Anchors) -> str:
    if cell is None:
        return "<td class=\"silent\"></td>"
    name = cell.kind.value if cell.kind else "aligned"
    figures = "".join(f"<span class=\"fig\">{escape(f)}</span> · " for f in cell.figures)
    return (f"<td class=\"k-{name}\" title=\"{escape(name)}\">{figures}"
            f"<a href=\"#{anchors.claim(cell.claim.id)}\">{escape(shorten(cell.claim.text, 110))}</a></td>")


def _findings(found: list[Finding], claims: dict[str, Claim], anchors: _Anchors, h: int,
              level: Callable[[Finding], str | None] | None) -> str:
    out = [f"<section class=\"findings\">\n<h{h}>Findings</h{h}>\n"]
    if not found:
        out.append("<p>No findings of the kinds shown.</p>\n")
    for n, f in enumerate(found, 1):  # already in KIND_ORDER
        if n == 1 or f.kind is not found[n - 2].kind:
            count = sum(1 for g in found if g.kind is f.kind)
            out.append(f"<h{h + 1}>{escape(f.kind.title)} ({f.kind.code}): {count}</h{h + 1}>\n")
        out.append(_finding(f, n, claims, anchors, level(f) if level else None))
    out.append("</section>\n")
    return "".join(out)


def _finding(f: Finding, n: int, claims: dict[str, Claim], anchors: _Anchors, label: str | None) -> str:
    scores = " · ".join(f"{escape(k)} {v:.2f}" for k, v in f.scores)
    extra = f" <span class=\"meta\">{escape(label)}</span>" if label else ""
    topic = f" <span class=\"meta\">{escape(f.topic)}</span>" if f.topic else ""
    sides = "".join(_side(s, claims.get(s.claim), anchors) for s in f.sides)
    also = [escape(f"{s.outlet}{more(f, i)}") for i, s in enumerate(f.sides) if more(f, i)]
    also_html = f"<p class=\"meta\">the same disagreement also in: {'; '.join(also)}</p>\n" if also else ""
    return (f"<article class=\"finding k-{f.kind.value}\" id=\"{anchors.finding(n)}\">\n"
            f"<header>{badge(f.kind)} <span class=\"meta\">{f.code}</span>{topic}{extra}</header>\n"
            f"<p class=\"reason\">{escape(shown_reason(f))}</p>\n<div class=\"sides\">{sides}</div>\n{also_html}"
            + (f"<p class=\"meta\">scores: {scores}</p>\n" if scores else "") + "</article>\n")


def _side(s: Side, claim: Claim | None, anchors: _Anchors) -> str:
    source = attribution_text(claim.attribution) if claim else ""
    figures = ", ".join(q.text for q in claim.quantities) if claim else ""
    meta = [f"credited to: {escape(source or 'no source named')}"]
    if figures:
        meta.append(f"figures: {escape(figures)}")
    meta.append(f"line {s.line}")
    return (f"<div class=\"side\"><div class=\"who\">{escape(s.outlet)}</div>"
            f"<div>{marked(s.text, s.spans)}</div>"
            f"<div class=\"meta\">{' · '.join(meta)} · <a href=\"#{anchors.claim(s.claim)}\">in the article</a></div></div>")


def marked(text: str, spans: tuple[tuple[int, int], ...]) -> str:
    """``text`` escaped, with each span (offsets into it) in a ``<mark>``."""
    out, at = [], 0
    for start, end in sorted(spans):
        start = max(start, at)
        if end <= start:
            continue
        out.append(escape(text[at:start]))
        out.append(f"<mark>{escape(text[start:end])}</mark>")
        at = end
    out.append(escape(text[at:]))
    return "".join(out)


def _articles(comparison: Comparison, anchors: _Anchors, h: int, first: dict[str, int]) -> str:
    kinds = claim_kinds(comparison.findings)
    clustered = {c for g in comparison.clusters for c in g}
    out = [f"<section class=\"articles\">\n<h{h}>Articles</h{h}>\n"]
    for d in comparison.documents:
        mine = sorted((c for c in comparison.claims if c.document == d.id), key=lambda c: (c.start, c.end))
        parts, at = [], 0
        for c in mine:
            if c.start < at:
                continue  # overlapping claims: the first one is marked
            kind = kinds.get(c.id)
            name = kind.value if kind else "aligned" if c.id in clustered else None
            cls = f"claim k-{name}" if name else "claim"
            parts.append(escape(d.text[at:c.start]))
            tag, link = ("a", f" href=\"#{anchors.finding(first[c.id])}\"") if c.id in first else ("span", "")
            parts.append(f"<{tag} class=\"{cls}\" id=\"{anchors.claim(c.id)}\"{link} title=\"{escape(name or 'claim')}\">"
                         f"{escape(d.text[c.start:c.end])}</{tag}>")
            at = c.end
        parts.append(escape(d.text[at:]))
        heading = escape(d.outlet) + (f": {escape(d.title)}" if d.title else "")
        date = f" <span class=\"meta\">{escape(d.date)}</span>" if d.date else ""
        out.append(f"<article id=\"{anchors.document(d.id)}\">\n<h{h + 1}>{heading}{date}</h{h + 1}>\n"
                   f"<div class=\"article\">{''.join(parts).strip()}</div>\n</article>\n")
    out.append("</section>\n")
    return "".join(out)
