"""One person under many names: the spellings, transliterations and short forms outlets use
("Zelensky" / "Zelenskyy" / "Zelenskiy", "Erdogan" / "Erdoğan", "Tedros" / "Tedros Adhanom
Ghebreyesus"). Read by the extract stage (whom "he said" refers to) and by the judge (whether
two sources are one)."""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz import fuzz


def _surname(name: str) -> str:
    return re.sub(r"[^\w]", "", name.split()[-1].lower())


def same_name(a: str, b: str) -> bool:
    """One person under two spellings: the same surname, or one transliterated otherwise
    (Zelensky / Zelenskyy / Zelenskiy, Erdogan / Erdoğan): the first four letters alike and
    the rest within a letter or two."""
    x, y = _surname(a), _surname(b)
    if x == y:
        return True
    # "Tedros" / "WHO Director-General Tedros Adhanom Ghebreyesus": one name shares a part of the other
    parts = [{re.sub(r"[^\w]", "", w).lower() for w in n.split() if w[:1].isupper() and len(w) >= 4} for n in (a, b)]
    if parts[0] & parts[1]:
        return True
    x, y = (unicodedata.normalize("NFKD", w).encode("ascii", "ignore").decode() for w in (x, y))
    return x == y or (len(x) >= 5 and len(y) >= 5 and x[:4] == y[:4] and fuzz.ratio(x, y) >= 80)


_GLUE = frozenset("the of and for de la".split())


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w.lower() not in _GLUE).lower()


def same_holder(a: str, b: str) -> bool:
    """One actor named two ways, as the subject of what a figure counts: a word of the name in
    common ("the BJP and its NDA allies" / "the NDA"), an acronym and its words ("SNP" /
    "Scottish National Party"), one country under its names or its capital ("Pyongyang" /
    "North Korea", "U.S." / "America"), or one person's spellings (``same_name``)."""
    from .lexicon import CAPITALS
    from .scope import _place_keys

    wa, wb = a.split(), b.split()
    if {w.lower() for w in wa} - _GLUE & {w.lower() for w in wb}:
        return True

    def keys(words: list[str]) -> set[str]:
        whole = " ".join(words).lower()
        out = set(_place_keys(whole)) | {CAPITALS.get(whole, whole)}
        out |= {CAPITALS[w.lower()] for w in words if w.lower() in CAPITALS}
        return out

    if keys(wa) & keys(wb):
        return True
    for x, y in ((wa, wb), (wb, wa)):  # "SNP" / "Scottish National Party"
        caps = {w.strip(".").lower() for w in x if len(w.strip(".")) >= 2 and w.strip(".").isupper()}
        if caps and len(y) >= 2 and _initials(y) in caps:
            return True
    return same_name(a, b)
