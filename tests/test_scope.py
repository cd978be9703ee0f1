"""The scope of a figure: the place it covers and the subject that did the counting.
Figures that cannot both be true are a shift only within one scope."""

from __future__ import annotations

import pytest

from claimdiff.api import compare
from claimdiff.read import parse_document
from claimdiff.scope import conflict, scope

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
]


@pytest.mark.parametrize("a,b,expected", CONFLICTS, ids=[f"{a[:20]}~{b[:20]}" for a, b, _ in CONFLICTS])
def test_conflict(a, b, expected):
    assert conflict(scope(a), scope(b)) is expected


def _doc(doc_id, text):
    return parse_document(f"---\noutlet: {doc_id.title()}\ndate: 2023-02-09\n---\n{text}\n", doc_id=doc_id, path=None,
                          name=doc_id)


def test_tolls_of_two_places_shift_within_their_own_place(encoder):
    """Each toll pairs with the toll of its own place, and moves there; the Turkish toll is
    never compared with the combined one."""
    ref = _doc("ref", "AFAD said 8,574 people had died in Turkey. "
                      "The combined death toll in Turkey and Syria stood at more than 11,000.")
    other = _doc("other", "More than 15,000 people have now died in Turkey and Syria, officials said. "
                          "AFAD said the toll in Turkey alone had reached 12,391.")
    result = compare([ref, other], encoder=encoder)
    shifts = {tuple(s.text for s in f.sides) for f in result.findings if f.kind.value == "figure-shift"}
    assert shifts == {
        ("AFAD said 8,574 people had died in Turkey.", "AFAD said the toll in Turkey alone had reached 12,391."),
        ("The combined death toll in Turkey and Syria stood at more than 11,000.",
         "More than 15,000 people have now died in Turkey and Syria, officials said."),
    }, [(f.kind.value, [s.text for s in f.sides]) for f in result.findings]
