"""What befell the people a count counts: dead, injured, missing, displaced, held, rescued...

A count's state is read from the verb it hangs from (``lexicon.COUNT_STATES``: "700 bodies have
been buried"), else from the nearest state word ("1,404 critically injured"). Two counts of one
noun in two states count two things (judge: other scope); two counts in one running state (the
dead, the injured) are one toll, which the aligner may pair on that evidence alone (align:
the figure tier) and the judge reads as told on one day or another (``judge._later_count``).
"""

from __future__ import annotations

import re

from ..model import Claim, Quantity
from . import lexicon

# what state a count of people is a count of: "2,012 killed" and "2,059 injured" are two counts
STATES = [(name, re.compile(rf"\b(?:{words})\b", re.I)) for name, words in (
    ("dead", r"killed|dead|died|deaths?|fatalities|lives|bodies|death toll|toll"),
    ("injured", r"injured|wounded|hurt|injuries|hospitali[sz]ed"),
    ("critical", r"critical|critically|serious condition"),
    ("missing", r"missing|unaccounted"),
    ("displaced", r"displaced|homeless|evacuated|evacuees|fled|sheltering"),
    ("arrested", r"arrested|detained|held"),
    # an outbreak's cases are a running count as its dead are: "more than 14,000 cases" this
    # year and "15,600 cases so far" can both be true
    ("cases", r"cases|infections|infected"),
)]


def state(c: Claim, q: Quantity) -> str | None:
    """What befell what a count counts: the state of the verb it hangs from ("700 bodies have
    been buried": buried; "3,200 bodies had been recovered": recovered), else the nearest state
    word to it ("1,404 critically injured" -> critical)."""
    if q.dimension != "count":
        return None
    if q.event in lexicon.COUNT_STATES:
        return lexicon.COUNT_STATES[q.event]
    at, end = q.start - c.start, q.end - c.start
    best = None
    for name, rx in STATES:
        for m in rx.finditer(c.text):
            d = m.start() - end if m.start() >= end else at - m.end()
            if -1 <= d <= 40 and (best is None or d < best[0]):
                best = (d, name)
    return best[1] if best else None


def tolled(c: Claim, q: Quantity) -> str | None:
    """Which running count a figure is, if it is one: the state word next to it ("1,404
    injured") or the thing it counts ("stood at more than 11,000" of a death toll: deaths)."""
    got = state(c, q)
    if got is None and q.dimension == "count" and q.counts:
        got = next((name for name, rx in STATES if rx.search(q.counts)), None)
    return got
