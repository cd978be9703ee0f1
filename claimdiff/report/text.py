"""The words every report format shares: who a claim is credited to, a finding's reason as
printed, "(and N more)", and the count of each kind. Kept apart from the formats so that
the HTML page and the text formats read one module, and none reads the other.

Also what makes a document's words safe to print: ``printable`` shows control characters
(an escape sequence, a bell, a NUL, an 8-bit control, a bidirectional override) as visible
escapes, so nothing taken from a document can act in a terminal or make XML ill-formed;
``markdown_text`` also keeps Markdown from rendering it live (images, links, autolinks,
@mentions)."""

from __future__ import annotations

import re

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


# C0 controls but tab and newline, DEL, C1 controls, and the bidirectional marks and overrides
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """``text`` with every control character shown as an escape ("\\x1b"), never sent raw."""
    return _UNSAFE.sub(lambda m: f"\\x{ord(m.group(0)):02x}" if ord(m.group(0)) < 0x100
                       else f"\\u{ord(m.group(0)):04x}", text)


# what Markdown (GitHub's) would render live from plain words: images and links ("![x](url)",
# "[x](url)"), raw and bracketed autolinks ("https://...", "www."), @mentions, emphasis, code
_MD_SPECIAL = re.compile(r"[\\`*_\[\]|~]")  # no "[" left, no image or link; no "|", no new cell


def one_line(text: str) -> str:
    """``text`` printable and on one line: its line breaks and runs of spaces one space."""
    return " ".join(printable(text).split())


def markdown_text(text: str) -> str:
    """Words from a document as Markdown text that renders as the words: one line, controls
    escaped, Markdown's signs backslash-escaped, HTML's signs as entities, and no link,
    autolink or mention left to click or to notify anyone."""
    s = printable(text).replace("\n", " ")
    s = _MD_SPECIAL.sub(lambda m: "\\" + m.group(0), s)
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    s = s.replace("@", "&#64;").replace("://", "&#58;//").replace("www.", "www&#46;")
    return s
