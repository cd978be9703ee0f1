"""Polarity and certainty of a claim.

Certainty, strongest first: ``confirmed`` ("confirmed", "verified"), ``asserted``
(said flatly), ``hedged`` ("reportedly", "seemed to", "could", "may", "is said to"),
``unconfirmed`` ("could not be independently confirmed", "did not say whether").
Negation ("have not engaged", "no evidence of", "denied") is read after the
"not" of an unconfirmed phrase is set aside, so "did not say whether any were
killed" is unconfirmed, not a denial.
"""

from __future__ import annotations

import re

from .attribution import SPEECH
from . import lexicon

UNCONFIRMED = re.compile(lexicon.UNCONFIRMED_CUES, re.I)
HEDGED = re.compile(lexicon.HEDGE_CUES, re.I)
# "not" that negates nothing the claim asserts
# a verb of change negated asserts that a state goes on ("had not changed his view" is "still
# held it"): no denial of what the other side says
# "no country had landed there before", like "no other country has": a first, not a denial
NOT_NEGATING = re.compile(lexicon.NOT_NEGATING_CUES, re.I)
DENIAL = re.compile(lexicon.DENIAL_VERBS, re.I)
CONFIRMED = re.compile(lexicon.CONFIRMATION_CUES, re.I)
NEGATION = re.compile(lexicon.NEGATION_CUES, re.I)
_STRENGTH = {"confirmed": 3, "asserted": 2, "hedged": 1, "unconfirmed": 0}


# a hedge that is only the verb of the attribution ("Some analysts suggest that ...") hedges
# nothing the claim itself says; a confirmation there ("the official confirmed that") does count
_ASIDE = re.compile(r",\s+(?:the|a|an|which|whose)\s[^,;]{1,120},")
_SPEECH_HEDGE = re.compile(r"^(?:suggests?|suggested)$", re.I)
# a relative clause about a noun: what it hedges is that clause, not the claim ("a journey into
# terrain that scientists believe might hold frozen water"); after a verb of saying or thinking,
# "that" opens what is claimed, and its hedge stands
_RELATIVE = re.compile(r"(?<=\s)(?P<before>[\w’'-]+)\s+(?:that|which|who|whom|whose|where)\b[^,;:—–]*", re.I)
# ... and after a noun of saying or thinking ("concerns that Russia could", "fears that"), which
# opens a content clause, not a relative one
_CLAIMING = re.compile(rf"^(?:{SPEECH}|saying|believe[sd]?|think|thinks|thought|hope[sd]?|expect(?:s|ed)?|found|finds|"
                       r"means|meant|so|such|now|and|but|is|was|are|were|be|been|agreed|feared|fears|"
                       r"concerns?|worries|worry|hopes?|fear|claim|reports?|warnings?|evidence|signs?|belief|beliefs|"
                       r"view|suggestions?|expectations?|doubts?|speculation|risk|possibility|chance|likelihood|"
                       r"indications?|assessment|estimate|suspicion|allegations?|rumou?rs?|news|word|fact)$", re.I)


# a reduced relative: "remarks likely to irritate Beijing", "cuts expected to follow" hedge the
# noun phrase they belong to, not the claim; after a form of "be" ("is likely to") they hedge it
_REDUCED = re.compile(r"(?<=\s)(?P<before>[\w’'-]+)\s+(?:likely|expected|set|poised|believed|thought|due)\s+to\b[^,;:—–]*", re.I)
_BE = re.compile(r"^(?:is|are|was|were|be|been|being|seems?|seemed|appears?|appeared|looks?|looked|remains?|remained|"
                 r"most|more|less|very|also|now|not|still|increasingly|highly|widely|considered|seen|viewed|and|but|or)$", re.I)


def _mask_relatives(text: str) -> str:
    """Blank what a reduced or a relative clause about a noun says, keeping the noun."""
    def blank(keeps: "re.Pattern[str]", far_enough: int):
        def sub(m: re.Match) -> str:
            if keeps.match(m["before"]) or m.start() < far_enough:
                return m.group(0)
            keep = len(m["before"])
            return m.group(0)[:keep] + " " * (len(m.group(0)) - keep)
        return sub
    return _RELATIVE.sub(blank(_CLAIMING, 12), _REDUCED.sub(blank(_BE, 0), text))


def certainty(text: str, frame: str = "", *, mask: bool = True) -> tuple[str, str | None]:
    """(certainty, the cue words) of one claim; ``frame`` is the attribution around it.

    ``mask``: set aside hedges in asides and relative clauses by pattern; off when a parse
    decides the scope of each cue (claimdiff.extract)."""
    if frame:
        got, cue = certainty(text, mask=mask)
        if got == "hedged" and cue and _SPEECH_HEDGE.match(cue) and not HEDGED.search(text.replace(cue, "", 1)):
            got, cue = "asserted", None
        if got == "asserted":
            m = CONFIRMED.search(frame)
            if m:
                return "confirmed", m.group(0)
        return got, cue
    m = UNCONFIRMED.search(text)
    if m:
        return "unconfirmed", m.group(0)
    # a modal in an aside about a noun hedges the aside, not the claim: "The crossing, the
    # only route the UN may use to bring aid in, remains closed"
    m = HEDGED.search(_mask_relatives(_ASIDE.sub(lambda a: " " * len(a.group(0)), text)) if mask else text)
    if m:
        return "hedged", m.group(0)
    m = CONFIRMED.search(text)
    if m:
        return "confirmed", m.group(0)
    return "asserted", None


def negation(text: str, frame: str = "") -> str | None:
    """The negation cue of a claim, or None; the 'not' of 'could not be confirmed' does not count.

    ``frame`` is the attribution around the claim's content: "The Kremlin denied that ..."
    negates what follows, so a denial there counts too.
    """
    masked = UNCONFIRMED.sub(lambda m: " " * len(m.group(0)), text)
    masked = NOT_NEGATING.sub(lambda m: " " * len(m.group(0)), masked)
    if frame:
        d = DENIAL.search(frame)
        if d:
            return d.group(0)
    m = NEGATION.search(masked)
    if not m:
        return None
    start, end = m.start(), m.end()
    if m.group(0).lower() in ("not", "never") or m.group(0).lower().endswith("n't"):
        # "have not engaged": the words around the cue say what is negated
        before = re.search(r"[\w’'-]+\s+$", text[:start])
        after = re.match(r"\s+(?:yet\s+|been\s+|be\s+)?[\w’'-]+", text[end:])
        start = before.start() if before else start
        end = end + after.end() if after else end
    return text[start:end]


def level(certainty_name: str) -> int:
    """Asserted and confirmed are one level for a diff: both say it happened."""
    return {"confirmed": 2, "asserted": 2, "hedged": 1, "unconfirmed": 0}[certainty_name]
