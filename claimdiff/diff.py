"""Diff: judge two aligned claims, and name what one document alone says.

For an aligned pair the checks run in this order, each adding at most one finding:
contradiction (one side negates what the other asserts), figure-shift (figures of
the same counted thing, or dates, whose intervals do not overlap), attribution-shift
(credited to someone else, or named on one side and anonymous on the other),
certainty-shift (asserted on one side, hedged or unconfirmed on the other). A pair
with none of these is an agreement, and its reason lists the figures found compatible.
"""

from __future__ import annotations

import difflib
import re

from rapidfuzz import fuzz

from . import stance
from .model import Attribution, Claim, Document, Finding, Kind, Quantity, Side
from .quantities import pair_quantities
from .timex import iso
from .units import DISPLAY

# opposite readings of the same event: a claim that reads only one side of a pair, against
# one that reads only the other, contradicts it ("fell to 4.1%" / "ticked up to 4.1%")
_OPPOSITES = [
    (r"rose|risen|rises|rising|increased|increases|climbed|jumped|grew|gained|ticked up|edged up|went up|added|lifted|raised|surged|soared",
     r"fell|fallen|falls|falling|dropped|declined|decreased|slipped|shed|ticked down|edged down|went down|lowered|plunged|slumped|pulled [\w ]{0,30}down"),
    (r"opened|reopened|reopens|open", r"closed|shut|remains closed|remained closed"),
    (r"likely|probable", r"unlikely|improbable|ruled out"),
    (r"confirmed|acknowledged", r"denied|refuted"),
    (r"began|begun|started", r"ended|stopped|halted"),
    (r"won|wins", r"lost|loses"),
    (r"held|holds|kept|keeps|retained|retains", r"lost|loses"),  # "held his seat" / "lost his seat"
    (r"approved|passed", r"rejected|vetoed"),
    (r"convicted|guilty", r"acquitted|not guilty"),
    (r"alive|survivors? (?:were|was) (?:found|pulled|rescued)", r"dead|no survivors"),
]
_OPPOSITES_RX = [(re.compile(rf"\b(?:{x})\b", re.I), re.compile(rf"\b(?:{y})\b", re.I)) for x, y in _OPPOSITES]
_WORD = re.compile(r"\w[\w'’.-]*")
_PRONOUN = re.compile(r"(?:he|she|they|it)$", re.I)  # an unresolved "he said" credits no one we can compare


def show(q: Quantity) -> str:
    if q.note and ": a share of " in q.note:  # "most of them (of Over 10,000)"
        whole = q.note.split(": a share of ", 1)[1]
        if q.counts and whole.endswith(" " + q.counts):
            whole = whole[: -len(q.counts) - 1]
        return f"{q.text} (of {whole})"
    if q.dimension == "date":
        lo, hi = iso(q.low), iso(q.high)
        span = lo if lo == hi else f"{lo}..{hi or 'now'}"
        return f"{q.text} ({span})"
    return q.text


def move(qa: Quantity, qb: Quantity) -> str:
    """The size of a shift, absolute and relative: '+1,000 (+10%)'; days for dates."""
    va, vb = qa.value, qb.value
    if qa.dimension == "date":
        if qa.low is not None and qb.low is not None:
            d = int(qb.low - qa.low)
            return f"{d:+d} day" + ("s" if abs(d) != 1 else "")
        return ""
    if va is None or vb is None:
        return ""
    if qa.dimension == "time":  # a time of day moves by minutes; a share of midnight means nothing
        d = int(round(vb - va))
        return f"{d:+d} minute" + ("s" if abs(d) != 1 else "")
    name, factor = DISPLAY.get(qa.unit or "", ("", 1.0))
    delta = (vb - va) / factor
    out = f"{delta:+,.0f}" if abs(delta) >= 10 else f"{delta:+,.2g}"
    if name:
        out += f" {name[:-1] if name.endswith('s') and abs(delta) == 1 else name}"  # "+1 point", "+2 days"
    if va:
        rel = (vb - va) / abs(va)
        # under one per cent a whole percentage reads "-0%": 59.8 -> 59.7 is -0.2%
        out += f" ({rel:+.1%})" if abs(rel) < 0.01 else f" ({rel:+.0%})"
    return out


def _what(qa: Quantity, qb: Quantity) -> str:
    return qa.counts or qb.counts or {"date": "date", "length": "distance", "area": "area"}.get(qa.dimension, qa.dimension)


_PERSON = re.compile(r"(?:[A-Z][\w’'-]+\.?\s+){1,3}[A-Z][\w’'-]+")
_GROUP = re.compile(r"(?:ers|ists|ians|ants|ents|ors|ives|ials)$")  # "Policymakers said": a group, not a surname
_SURNAME = re.compile(r"[A-Z][a-z’'-]+(?:-[A-Z][a-z]+)?")  # "Starmer", "Bankman-Fried"; not "AFAD", "NATO"


def _person(a: Attribution) -> str | None:
    """A named person (two or more capitalised words that are not an outlet or a body)."""
    if a.name and not a.anonymous and _PERSON.fullmatch(a.name) and not a.name.startswith("The "):
        return a.name
    # a surname alone ("Starmer told supporters"): the source as written is that one word
    if (a.name and not a.anonymous and a.source == a.name and _SURNAME.fullmatch(a.name)
            and not _PRONOUN.match(a.name) and not _GROUP.search(a.name)):
        return a.name
    return None


def same_source(a: Attribution, b: Attribution) -> tuple[bool, str]:
    """Whether two attributions credit the same source, and if not, how they differ.

    Two anonymous sources are not told apart (an official / officials); a person
    against an anonymous source, two different people, or two different bodies
    (State Department / Pentagon) are.
    """
    pa, pb = _person(a), _person(b)
    if pa and pb:
        return pa.split()[-1].lower() == pb.split()[-1].lower(), "another named source"
    if a.organisation and b.organisation and a.organisation.lower() != b.organisation.lower():
        return False, "another body"
    if (pa and b.anonymous) or (pb and a.anonymous):
        return False, "named on one side, anonymous on the other"
    if a.anonymous and b.anonymous:
        # unnamed both: told apart only by what they are ("a volunteer" / "a local official")
        ra, rb = _singular(a.role), _singular(b.role)
        return not (ra and rb and ra != rb), "another unnamed source"
    if a.anonymous or b.anonymous:
        return True, ""
    if a.source and b.source:
        na, nb = _proper(a.source), _proper(b.source)
        if na and nb:  # "the BBC's projection" / "a Sky News projection": the names decide
            return fuzz.token_set_ratio(na, nb) >= 50, "another source"
        ok = fuzz.token_set_ratio(a.source.lower(), b.source.lower()) >= 50
        return ok, "another source"
    return True, ""


_GENERIC_SOURCE = re.compile(
    r"\b(?:the|a|an|its|their|projections?|exit polls?|polls?|figures?|data|reports?|statements?|estimates?|surveys?|"
    r"analys[ie]s|counts?|tall(?:y|ies)|compiled|by|from|for|of|s)\b|['’]s?\b", re.I)


def _proper(source: str) -> str:
    """The names in a source, without the words any source may have ("projection", "poll")."""
    return " ".join(_GENERIC_SOURCE.sub(" ", source).lower().split())


def _singular(role: str | None) -> str | None:
    if not role:
        return None
    role = role.lower()
    return role[:-1] if role.endswith("s") and not role.endswith("ss") else role


def _source_text(a: Attribution) -> str:
    s = a.source or "no source"
    if a.anonymous and "anonym" not in s:
        s += " (anonymous)"
    return s


_GOVERNED = re.compile(r"(?:\s+(?:in|on|to|of|for|with|at|a|an|the|any|its|their|his|her|into|from|by))*\s+([\w’'-]+)", re.I)
_NEGATOR = re.compile(r"(?:\bnot|\bnever|n['’]t|\bno)\s+(?:yet\s+|been\s+|be\s+)?(?P<word>[\w’'-]+)", re.I)


def _negates_what_the_other_says(neg: Claim, pos: Claim) -> bool:
    """The negated word, or the first word of what it governs, has its match on the other
    side: "have not engaged" / "have begun engaging", "not engaged in combat" / "begun combat
    operations", "did not confirm" / "confirmed". Two claims about one person, one with a
    "never" in it ("had never meant to defraud" / "had directed her to commit the crimes"),
    are not one asserted and one negated. A denial ("denied", "rejected") is taken as it is."""
    cue = neg.negation or ""
    m = _NEGATOR.search(cue)
    if m is None:
        return True
    at = neg.content.find(cue)
    governed = _GOVERNED.match(neg.content, at + m.end()) if at >= 0 else None
    stems = {m.group("word").lower()[:5]} | ({governed.group(1).lower()[:5]} if governed else set())
    return any(w.lower().startswith(stem) for stem in stems for w in _WORD.findall(pos.text))


def judge(a: Claim, b: Claim, sides: tuple[Side, Side], scores: tuple[tuple[str, float], ...], *,
          contradiction: bool = True, certainty: bool = True) -> list[Finding]:
    """The findings of one aligned pair. ``contradiction`` and ``certainty`` off: the pair is
    too loosely aligned to call those (see ``Settings``); it is judged on the rest."""
    out: list[Finding] = []
    side_a, side_b = sides
    outlet = {a.id: side_a.outlet, b.id: side_b.outlet}

    def finding(kind: Kind, reason: str, spans_a=(), spans_b=(), topic_=None, details=()):
        out.append(Finding(
            kind=kind, reason=reason,
            sides=(_with_spans(side_a, spans_a), _with_spans(side_b, spans_b)),
            topic=topic_, scores=scores, details=tuple(details),
        ))

    # contradiction: negation on one side only, or a pair of antonyms
    opposed: set[str] = set()  # the words a contradiction was called on
    if not contradiction:
        pass
    elif a.negated != b.negated and _negates_what_the_other_says(a if a.negated else b, b if a.negated else a):
        neg, pos = (a, b) if a.negated else (b, a)
        cue = neg.negation
        reason = f"{outlet[neg.id]} negates it ('{cue}'); {outlet[pos.id]} asserts it"
        finding(Kind.CONTRADICTION, reason, _cue_spans(a, a.negation), _cue_spans(b, b.negation))
    else:
        for up, down in _OPPOSITES_RX:
            ua, da_, ub, db_ = up.search(a.content), down.search(a.content), up.search(b.content), down.search(b.content)
            if ua and not da_ and db_ and not ub or da_ and not ua and ub and not db_:
                cue_a, cue_b = (ua or da_).group(0), (ub or db_).group(0)
                opposed |= {cue_a.lower(), cue_b.lower()}
                finding(Kind.CONTRADICTION, f"'{cue_a}' in {outlet[a.id]}, '{cue_b}' in {outlet[b.id]}",
                        _cue_spans(a, cue_a), _cue_spans(b, cue_b))
                break

    # figures
    shifted, compatible = [], []
    for qa, qb in pair_quantities(a.quantities, b.quantities):
        (compatible if qa.overlaps(qb) else shifted).append((qa, qb))
    if shifted:
        parts = [f"{_what(qa, qb)}: {show(qa)} -> {show(qb)} ({move(qa, qb)})".replace(" ()", "") for qa, qb in shifted]
        finding(
            Kind.FIGURE_SHIFT, "; ".join(parts),
            [(qa.start - a.start, qa.end - a.start) for qa, _ in shifted],
            [(qb.start - b.start, qb.end - b.start) for _, qb in shifted],
            topic_=_what(*shifted[0]),
            details=[("figures", "; ".join(f"{qa.text} | {qb.text}" for qa, qb in shifted))],
        )

    # attribution
    if a.attribution.source and b.attribution.source and not (
            _PRONOUN.match(a.attribution.source) or _PRONOUN.match(b.attribution.source)):
        same, why = same_source(a.attribution, b.attribution)
        if not same:
            finding(Kind.ATTRIBUTION_SHIFT,
                    f"{why}: {_source_text(a.attribution)} -> {_source_text(b.attribution)}",
                    _find_spans(a, a.attribution.source), _find_spans(b, b.attribution.source))

    # certainty
    la, lb = stance.level(a.certainty), stance.level(b.certainty)
    # "unlikely" / "likely" is one opposition, already called a contradiction: not a second finding
    hedge_opposed = {(c.certainty_cue or "").lower() for c in (a, b)} & opposed
    if certainty and la != lb and not hedge_opposed:
        def say(c: Claim) -> str:
            return c.certainty + (f" ('{c.certainty_cue}')" if c.certainty_cue else "")
        finding(Kind.CERTAINTY_SHIFT, f"{say(a)} -> {say(b)}", _cue_spans(a, a.certainty_cue), _cue_spans(b, b.certainty_cue))

    if not out:
        reason = "same claim"
        if compatible:
            reason += "; figures compatible: " + "; ".join(f"{show(qa)} ~ {show(qb)}" for qa, qb in compatible)
        spans_a, spans_b = word_diff(a.text, b.text)
        finding(Kind.AGREE, reason, spans_a, spans_b)
    return out


def _with_spans(side: Side, spans) -> Side:
    from dataclasses import replace

    return replace(side, spans=tuple(sorted({(int(x), int(y)) for x, y in spans if y > x})))


def _cue_spans(c: Claim, cue: str | None) -> list[tuple[int, int]]:
    if not cue:
        return []
    return _find_spans(c, cue)


def _find_spans(c: Claim, needle: str | None) -> list[tuple[int, int]]:
    if not needle:
        return []
    i = c.text.lower().find(needle.lower())
    return [(i, i + len(needle))] if i >= 0 else []


def word_diff(a: str, b: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Spans of words that differ between two texts (offsets into each)."""
    ta = [(m.start(), m.end(), m.group(0).lower()) for m in _WORD.finditer(a)]
    tb = [(m.start(), m.end(), m.group(0).lower()) for m in _WORD.finditer(b)]
    sm = difflib.SequenceMatcher(a=[t[2] for t in ta], b=[t[2] for t in tb], autojunk=False)
    sa, sb = [], []
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal":
            continue
        if i2 > i1:
            sa.append((ta[i1][0], ta[i2 - 1][1]))
        if j2 > j1:
            sb.append((tb[j1][0], tb[j2 - 1][1]))
    return sa, sb


def side(doc: Document, c: Claim) -> Side:
    return Side(document=doc.id, outlet=doc.outlet, claim=c.id, text=c.text, start=c.start, end=c.end,
                line=doc.line_of(c.start))
