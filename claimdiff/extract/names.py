"""One person under many names: the spellings, transliterations and short forms outlets use
("Zelensky" / "Zelenskyy" / "Zelenskiy", "Erdogan" / "Erdoğan", "Tedros" / "Tedros Adhanom
Ghebreyesus"). Read by the extract stage (whom "he said" refers to) and by the judge (whether
two sources are one)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

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


def abbreviates(short: list[str], long: list[str], *, least: int = 2, edges: str = ".") -> bool:
    """A word of ``short`` in capitals (``least`` letters or more, ``edges`` stripped: "U.S.",
    "(ONS)", "ONS's") is the initials of ``long``'s words ("SNP" / "Scottish National Party")."""
    caps = {w.strip(edges).lower() for w in short if len(w.strip(edges)) >= least and w.strip(edges).isupper()}
    return bool(caps) and len(long) >= 2 and _initials(long) in caps


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
        out = {CAPITALS.get(whole, whole)}
        places = _place_keys(whole)
        if len(places) == 1:  # the name is one place ("North Korea", "U.S."), not a body named
            out |= places     # after one ("Indian National Congress" is no holder "INDIA")
        out |= {CAPITALS[w.lower()] for w in words if w.lower() in CAPITALS}
        return out

    if keys(wa) & keys(wb):
        return True
    if abbreviates(wa, wb) or abbreviates(wb, wa):  # "SNP" / "Scottish National Party"
        return True
    return same_name(a, b)


@lru_cache(maxsize=1)
def _kinds() -> list[tuple[str, str]]:
    from .lexicon import BODY_KINDS
    return sorted(((form, kind) for kind, forms in BODY_KINDS.items() for form in forms), key=lambda x: -len(x[0]))


@lru_cache(maxsize=4096)  # asked for both sides of every aligned pair, twice
def body(source: str | None) -> tuple[str | None, str] | None:
    """A country's body, as (country, kind), under any of its names: "the Israeli military",
    "Israel's army", "the Israel Defense Forces" and "the IDF" are ("israel", "military");
    "the interior ministry of Morocco" is Morocco's; "the military" alone is (None,
    "military"). None for anything else: a person, a body of no kind listed, a source with
    words the name leaves unexplained ("the military intelligence chief" is a person)."""
    from .lexicon import BODY_ACRONYMS

    s = " ".join(re.sub(r"['’]s\b|,", " ", (source or "").lower()).split()).rstrip(".")
    s = re.sub(r"^(?:the|its|their)\s+", "", s)
    s = BODY_ACRONYMS.get(s, s)
    got = _kind_of(s)
    if got is None and (of := re.fullmatch(r"(?P<kind>.+) of (?P<country>[^ ].*)", s)):
        got = _kind_of(f"{of.group('country')} {of.group('kind')}")
    return got


def _kind_of(s: str) -> tuple[str | None, str] | None:
    from .lexicon import PLACES
    from .scope import _place_keys

    for form, kind in _kinds():
        if s == form:
            return None, kind
        if s.endswith(" " + form):
            keys = _place_keys(s[:-len(form)].strip())
            country = next(iter(keys)) if len(keys) == 1 else None
            return (country, kind) if country in PLACES else None
    return None


def same_body(a: str | None, b: str | None) -> bool:
    """One country's body under two of its names (``body``); "the military" against a named
    one is that one (the report names it before it speaks of it so)."""
    x, y = body(a), body(b)
    return bool(x and y and x[1] == y[1] and (x[0] == y[0] or x[0] is None or y[0] is None))
