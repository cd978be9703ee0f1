"""What a figure is a figure of, beyond its counted noun: the place it covers and the
subject that did the counting ("Health care added 45,000 jobs" / "social assistance
added 27,000 jobs"; "8,574 died in Turkey" / "more than 15,000 died in Turkey and Syria").

Two figures of deaths or of jobs that cannot both be true are a figure shift only when
they count the same thing in the same place; with another place or another subject they
are two claims. Read from the words with patterns, not a parser: a place is a capitalised
name after "in", "across", "throughout" or "inside"; a subject is the words before a verb
of change ("added", "grew", "lost", "killed") at the start of a claim. Where the parse gives
both figures a place of their own (``Quantity.places``, ``reading.figure_places``), those
places are the figures' scope instead of the claims' (``of_figures``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from . import lexicon
from .timex import MONTHS, WEEKDAYS

_NAME = r"(?:[A-Z][\w'’-]+\.?)(?:\s+[A-Z][\w'’-]+)*"  # "St. Lucie County", "St. Petersburg"
_SIDE = r"(?:(?:north|south|east|west)(?:ern)?\s+|central\s+|(?:north|south)-?(?:east|west)(?:ern)?\s+)?"
_PLACES = re.compile(
    rf"\b(?i:{'|'.join(sorted(lexicon.PLACE_PREPS))})\s+(?:the\s+)?{_SIDE}(?P<first>{_NAME})"
    rf"(?:\s*,?\s+(?:and|or)\s+(?:the\s+)?{_SIDE}(?P<second>{_NAME}))?")
_CHANGE = re.compile(
    r"^(?:and|but|while|as|meanwhile)?\s*(?P<subject>[A-Za-z][\w\s'’-]{0,60}?)\s+"
    r"(?:(?:in|across|at|from|among|for)\s[\w\s'’-]{0,40}?\s+)?"
    r"(?:also\s+|each\s+|together\s+)?"
    r"(?:added|adding|grew|gained|rose|fell|lost|shed|increased|decreased|declined|dropped|hired|created|cut|killed)\b")
_THE_COUNTRY = re.compile(r"\b(?:in|across|throughout) the country\b", re.I)
_POSSESSOR = re.compile(r"\b([A-Z][a-z]+)['’]s\b")
_STOP = frozenset("the a an its their his her our this that these those also and of in on for".split())
# words that name the count itself, not whose count it is ("the death toll", "the number of dead")
_COUNTING = frozenset("death deaths dead toll number total tally count figure jobs payrolls".split())
_NOT_SUBJECT = _STOP | _COUNTING
_NOT_PLACES = frozenset(MONTHS) | frozenset(WEEKDAYS)


# what a figure includes or leaves out ("$14.9 billion including debt", "excluding fuel"): a
# figure with such a qualifier and one without it are of another scope
_QUALIFIER = re.compile(r"\b(?:including|excluding|inclusive of|exclusive of|net of|plus|counting|not counting)\s+(?:the\s+|its\s+|their\s+)?([a-z][\w-]+)", re.I)


# what tells two sums of one deal apart besides a qualifier: the equity or enterprise value, the debt
_VALUE = re.compile(r"\b(?:debt|equity value|enterprise value|overall value|total value)\b", re.I)


def names_a_measure(text: str) -> bool:
    """Whether ``text`` says what its sum of money measures or leaves out ("an equity value of
    $14.1 billion", "$14.9 billion including debt")."""
    return bool(_QUALIFIER.search(text) or _VALUE.search(text))


_WORDS = re.compile(r"[a-z][\w-]*")


def measure(text: str) -> str | None:
    """Which count a claim's figure is, where the words before a count noun say: "recorded"
    (the official toll, the confirmed cases) or "reckoned" (the real, actual, excess or
    estimated toll); else None."""
    words = _WORDS.findall(text.lower())
    found = None
    for i, w in enumerate(words):
        if w in lexicon.COUNT_NOUNS:
            before = words[max(0, i - 3):i]
            if any(x in lexicon.RECKONED_MEASURES for x in before):
                return "reckoned"
            if any(x in lexicon.RECORDED_MEASURES for x in before):
                found = "recorded"
    return found


# whom a sum or a count is of: "stealing $10 billion from customers and investors" / "$8
# billion from customers" are two scopes, the second a part of the first
_GROUPS = re.compile(r"\b(?:from|among|of|to|for)\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+)?(?P<first>[a-z]{3,}s)\b"
                     r"(?:\s*,?\s+(?:and|as well as)\s+(?:the\s+|its\s+|their\s+)?(?P<second>[a-z]{3,}s)\b)?")


@dataclass(frozen=True, slots=True)
class Scope:
    places: frozenset[str]
    subject: frozenset[str]
    qualifiers: frozenset[str] = frozenset()
    groups: frozenset[str] = frozenset()  # the plural nouns a figure is "from", "of", "among" ...


@lru_cache(maxsize=4096)  # a claim is read once, not once for every other report it meets
def scope(text: str, frame: str = "") -> Scope:
    """The scope of the figures of a claim's ``text``; ``frame`` is the whole claim with its
    attribution, read only to resolve "in the country" ("Turkey's disaster agency said
    8,574 people had died in the country": Turkey)."""
    places = set()
    for m in _PLACES.finditer(text):
        for name in (m["first"], m["second"]):
            if name and name.split()[0].lower().rstrip(".") not in _NOT_PLACES:
                places.add(name.lower())
    if not places and _THE_COUNTRY.search(text):
        places = {m.lower() for m in _POSSESSOR.findall(frame or text)}
    subject: frozenset[str] = frozenset()
    m = _CHANGE.match(text.strip())
    if m:
        subject = frozenset(w for w in re.findall(r"[a-z]+", m["subject"].lower()) if w not in _NOT_SUBJECT)
    qualifiers = frozenset(m.group(0).lower().split()[0] + " " + m.group(1).lower() for m in _QUALIFIER.finditer(text))
    groups = frozenset(g for m in _GROUPS.finditer(text) for g in (m["first"], m["second"]) if g)
    return Scope(frozenset(places), subject, qualifiers, groups)


def groups_differ(a: Scope, b: Scope) -> bool:
    """One figure is of a group and another of that group with a second ("from customers and
    investors" / "from customers"): the second is a part of the first, not the same total."""
    return bool(a.groups and b.groups) and (a.groups < b.groups or b.groups < a.groups)


_SIDE_WORDS = frozenset("north south east west northern southern eastern western central northeast northwest "
                        "southeast southwest nw ne sw se".split())


def _gazetteer() -> dict[str, str]:
    from .lexicon import PLACES

    out = {}
    for canon, aliases in PLACES.items():
        out[canon] = canon
        for alias in aliases:
            out[alias] = canon
    return out


_NAMES = _gazetteer()
# words of a place's name that say what kind of place, not which ("the Kherson region")
_KIND_WORDS = frozenset("region regions province provinces county counties state states city district oblast area "
                        "areas territory territories".split())


@lru_cache(maxsize=4096)  # every pair of claims of two reports compares their places
def _place_keys(place: str) -> frozenset[str]:
    """Which places a name names: 'NW Pakistan' -> {pakistan}; "Russia's Volgograd" ->
    {russia, volgograd}; 'North Korea' -> {north korea}, never {korea}; 'Canadian' -> {canada}."""
    words = re.findall(r"[^\W\d_][\w.'’]*", re.sub(r"['’]s\b", "", place.lower()))
    words = [w.strip(".'’") if w not in _NAMES else w for w in words]
    words = [w for w in words if w and w not in _STOP]
    whole = " ".join(words)
    if whole in _NAMES:
        return frozenset({_NAMES[whole]})
    plain = [w for w in words if w not in _SIDE_WORDS and w not in _KIND_WORDS]
    if " ".join(plain) in _NAMES:
        return frozenset({_NAMES[" ".join(plain)]})
    return frozenset(_NAMES.get(w, w) for w in _joined(plain)) or frozenset(words)


# words that make a place's name with the word after them, and name nothing alone: "St.
# Petersburg" and "St. Lucie", "San Diego" and "San Francisco", "New York" and "New Delhi" share
# no place
_NAME_WORDS = frozenset("st saint san santa santo sao new fort ft lake port mount mt el la las los le al de "
                        "del du cape".split())


def _joined(words: list[str]) -> list[str]:
    out: list[str] = []
    for w in words:
        if out and out[-1].split()[-1] in _NAME_WORDS and " " not in out[-1]:
            out[-1] = f"{out[-1]} {w}"
        else:
            out.append(w)
    return out


def _same_place(a: str, b: str) -> bool:
    """One place named two ways: the same entry of the gazetteer (Canada / Canadian, the
    U.S. / America) or a word of the name in common ("Volgograd" / "Russia's Volgograd"). Never
    a prefix: Niger and Nigeria, Austria and Australia, Sudan and South Sudan are others."""
    return bool(_place_keys(a) & _place_keys(b))


def places_differ(a: Scope, b: Scope) -> bool:
    """Both name places and one names a place the other does not ("in Turkey" / "in Turkey
    and Syria"); "in Pakistan" / "in NW Pakistan" and "in Canada" / "in Canadian ..." agree."""
    return bool(a.places and b.places) and not (
        all(any(_same_place(x, y) for y in b.places) for x in a.places)
        and all(any(_same_place(y, x) for x in a.places) for y in b.places))


def conflict(a: Scope, b: Scope, *, subjects: bool = True) -> bool:
    """The places differ, or one says what its figure includes or leaves out and the other
    does not, or one's group is a part of the other's (``groups_differ``), or (with
    ``subjects``) both name a subject with no word in common. The subject
    test is lexical ("employers" / "the economy" share no word), so the judge leaves it to the
    alignment, where it lowers a score, and does not let it veto a shift."""
    if places_differ(a, b) or a.qualifiers != b.qualifiers or groups_differ(a, b):
        return True
    return subjects and bool(a.subject and b.subject and not (a.subject & b.subject))


def of_figures(sa: Scope, sb: Scope, qa, qb) -> tuple[Scope, Scope]:
    """The scopes two figures are compared in: each figure's own places when both phrases name
    one (``Quantity.places``: "five people in St. Lucie County, at least two of them in the Spanish
    Lakes Communities" against "four people died in St. Lucie County" compares St. Lucie County with
    St. Lucie County), else the places of the whole claims."""
    if qa.places and qb.places:
        return replace(sa, places=frozenset(qa.places)), replace(sb, places=frozenset(qb.places))
    return sa, sb
