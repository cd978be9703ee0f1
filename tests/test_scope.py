"""The scope of a figure: the place it covers and the subject that did the counting.
Figures that cannot both be true are a shift only within one scope."""

from __future__ import annotations

import numpy as np
import pytest

from claimdiff.api import compare
from claimdiff.read import parse_document
from claimdiff.extract.scope import conflict, scope

SCOPES = [
    # text, places, subject words
    ("More than 15,000 people have now died in Turkey and Syria", {"turkey", "syria"}, set()),
    ("AFAD said the toll in Turkey alone had reached 12,391.", {"turkey"}, set()),
    ("The death toll across northern Syria rose to 3,000", {"syria"}, set()),  # a count's own name is no subject
    ("Health care added 45,000 jobs", set(), {"health", "care"}),
    ("and social assistance added 27,000 jobs.", set(), {"social", "assistance"}),
    ("government payrolls grew by 31,000.", set(), {"government"}),
    ("Restaurants in Ohio added 9,000 jobs", {"ohio"}, {"restaurants"}),
    ("Unemployment fell to 4.1% in September", set(), {"unemployment"}),  # a month is no place
    ("Talks resumed in Geneva on Monday", {"geneva"}, set()),
    ("The clash took place on November 4", set(), set()),
    # a comma does not make a list of places: "in Sinai, kill 6" names Sinai alone
    ("Suicide Bombs Hit Egypt Military in Sinai, Kill 6", {"sinai"}, set()),
]


@pytest.mark.parametrize("text,places,subject", SCOPES, ids=[t[:30] for t, *_ in SCOPES])
def test_scope(text, places, subject):
    s = scope(text)
    assert (set(s.places), set(s.subject)) == (places, subject)


def test_the_country_is_the_one_named_in_the_frame():
    frame = "Turkey's disaster agency, AFAD, said 8,574 people had died in the country"
    assert scope("8,574 people had died in the country", frame).places == {"turkey"}


CONFLICTS = [
    ("8,574 people died in Turkey", "More than 15,000 people died in Turkey and Syria", True),
    ("Health care added 45,000 jobs", "Social assistance added 27,000 jobs", True),
    ("Health care added 45,000 jobs", "Health care services added 40,000 jobs", False),  # a word in common
    ("The toll in Turkey rose to 8,574", "The toll in Turkey rose to 12,391", False),
    ("The toll rose to 8,574", "The toll in Turkey rose to 12,391", False),  # one side names no place
    # one place named two ways
    ("12 killed in bus accident in Pakistan", "10 killed in road accident in NW Pakistan", False),
    ("Five dead in Canada train disaster", "40 dead in Canadian train wreck", False),
    ("13 killed in Russia's south", "16 killed in Russia’s Volgograd", False),
    ("The toll in Syria rose to 2,600", "The toll in Syrian government areas rose to 1,600", False),
    # other places
    ("Death toll rises to 12 in Russia plane crash", "Death toll rises to 39 in Italy coach crash", True),
    # a group and that group with another: a part, not the same total
    ("He stole about $10 billion from customers and investors", "He stole $8 billion from the customers", True),
    ("Aid of $95 billion for soldiers and veterans", "Aid of $61 billion for soldiers", True),
    # one group named alike, or one side naming none: compared
    ("He stole $10 billion from customers", "He stole $8 billion from his customers", False),
    ("He stole $10 billion from customers and investors", "He stole $8 billion", False),
    # two groups neither a part of the other are left to the alignment
    ("Fees of $5 from drivers", "Fees of $7 from riders", False),
]


@pytest.mark.parametrize("a,b,expected", CONFLICTS, ids=[f"{a[:20]}~{b[:20]}" for a, b, _ in CONFLICTS])
def test_conflict(a, b, expected):
    assert conflict(scope(a), scope(b)) is expected


def _doc(doc_id, text):
    return parse_document(f"---\noutlet: {doc_id.title()}\ndate: 2023-02-09\n---\n{text}\n", doc_id=doc_id, path=None,
                          name=doc_id)


def test_tolls_of_two_places_shift_within_their_own_place(encoder):
    """Each toll pairs with the toll of its own place, and moves there; the Turkish toll is
    never compared with the combined one. The combined tolls are two floors ("more than 11,000"
    / "more than 15,000"), both true of a later count: aligned, not shifted (session 11)."""
    ref = _doc("ref", "AFAD said 8,574 people had died in Turkey. "
                      "The combined death toll in Turkey and Syria stood at more than 11,000.")
    other = _doc("other", "More than 15,000 people have now died in Turkey and Syria, officials said. "
                          "AFAD said the toll in Turkey alone had reached 12,391.")
    result = compare([ref, other], encoder=encoder)
    shifts = {tuple(s.text for s in f.sides) for f in result.findings if f.kind.value == "figure-shift"}
    assert shifts == {
        ("AFAD said 8,574 people had died in Turkey.", "AFAD said the toll in Turkey alone had reached 12,391."),
    }, [(f.kind.value, [s.text for s in f.sides]) for f in result.findings]
    agreed = {tuple(s.text for s in f.sides): f.reason for f in result.findings if f.kind.value == "agree"}
    combined = ("The combined death toll in Turkey and Syria stood at more than 11,000.",
                "More than 15,000 people have now died in Turkey and Syria, officials said.")
    assert "figures compatible: more than 11,000 ~ More than 15,000" in agreed[combined], agreed


def test_other_places_lower_the_score_with_or_without_figures():
    """Two claims that name other places are less likely one claim, figures or none; the
    penalty is not taken twice where the figures' scope already differs."""
    from claimdiff import align
    from claimdiff.api import Settings
    from claimdiff.extract import extract

    a = extract(_doc("a", "Rescue teams arrived in Turkey. 8,574 people died in Turkey. Aid reached families."))
    b = extract(_doc("b", "Rescue teams arrived in Syria. More than 15,000 died in Turkey and Syria. Aid reached families in Syria."))
    rel = align.figure_relation(a, b)
    # Turkey / Syria, Turkey / Turkey and Syria; none where a side names no place, nor
    # between the two tolls, whose figures are ``scoped`` already
    assert rel.places.tolist() == [[1, 1, 1], [1, 0, 1], [0, 0, 0]], rel.places
    assert rel.scoped[1, 1] == 1
    one = np.ones((3, 3))
    same, ranked = align.scores(one * 0.8, one * 0.8, rel, Settings())
    # the defaults written out, so that a penalty switched off (or changed) is seen here
    assert (Settings().place_penalty, Settings().scope_penalty) == (0.05, 0.2)
    assert same[0, 0] == pytest.approx(0.75) and same[2, 2] == pytest.approx(0.8)
    assert same[1, 1] == pytest.approx(0.6)
