"""Claims read from the seed: sentences, atomic claims, sources, negation and certainty."""

from __future__ import annotations

import pytest

from claimdiff.extract import extract
from claimdiff.read import parse_document, read_document
from claimdiff.extract.sentences import claims, sentences
from conftest import SEED


@pytest.fixture(scope="module")
def seed_claims():
    doc = read_document(str(SEED))
    return doc, extract(doc)


def _claim(claims_, needle):
    found = [c for c in claims_ if needle in c.text]
    assert len(found) == 1, [c.text for c in found]
    return found[0]


# sha256 of ../shared/seeds/000_3a8db0f9f1ecf686.txt, the seed's source: the copy in seeds/ is
# checked against it in every clone, and against the file itself where ../shared is beside it
SEED_SOURCE_SHA256 = "facc53be8aba4d1c9a9cfa8707d6e6d2743daebee3aa624eec035340ece9bcfb"


def test_seed_text_is_kept_as_given():
    import hashlib

    doc = read_document(str(SEED))
    assert hashlib.sha256(doc.text.encode("utf-8")).hexdigest() == SEED_SOURCE_SHA256
    original = SEED.parent.parent.parent / "shared" / "seeds" / "000_3a8db0f9f1ecf686.txt"
    if original.exists():
        assert hashlib.sha256(original.read_bytes()).hexdigest() == SEED_SOURCE_SHA256
    assert doc.outlet == "Seed Report" and doc.date == "2024-11-05" and doc.role == "reference"
    assert doc.body_line == 8


def test_offsets_point_into_the_document(seed_claims):
    doc, cs = seed_claims
    assert len(cs) > 25
    for c in cs:
        assert doc.text[c.start:c.end] == c.text
        assert c.sentence_start <= c.start < c.end <= c.sentence_end
        for q in c.quantities:
            assert doc.text[q.start:q.end] == q.text
            assert c.start <= q.start < q.end <= c.end


def test_contingent_credited_to_patel(seed_claims):
    _, cs = seed_claims
    c = _claim(cs, "Over 10,000 DPRK soldiers")
    assert c.attribution.name == "Vedant Patel"
    assert c.attribution.organisation == "State Department"
    assert c.attribution.role == "spokesperson"
    assert not c.attribution.anonymous
    # the quote's later clauses carry the same source
    assert _claim(cs, "begun engaging in combat").attribution.name == "Vedant Patel"


def test_anonymous_hedged_negated(seed_claims):
    _, cs = seed_claims
    c = _claim(cs, "seemed to be an attempt")
    assert c.certainty == "hedged" and c.attribution.anonymous
    c = _claim(cs, "no evidence of a direct quid pro quo")
    assert c.negated and c.negation == "no evidence"
    c = _claim(cs, "reportedly fought alongside")
    assert c.certainty == "hedged" and c.certainty_cue == "reportedly"
    c = _claim(cs, "did not provide details on casualties")
    assert c.certainty == "unconfirmed" and not c.negated
    c = _claim(cs, "have not engaged in direct conflict")
    assert c.negated


def test_second_hand_source(seed_claims):
    _, cs = seed_claims
    c = _claim(cs, "notable number of North Korean soldiers were killed")
    assert c.certainty == "confirmed"
    assert c.attribution.source == "the U.S. official"
    assert c.attribution.via == "The New York Times"
    he = _claim(cs, "He emphasized")
    assert he.attribution.name == "Volodymyr Zelensky" and he.attribution.via == "The New York Times"


def test_compound_sentences_become_atomic_claims(seed_claims):
    _, cs = seed_claims
    texts = [c.text for c in cs]
    assert any(t.startswith("North Korean soldiers began their arrival") and t.endswith("in October") for t in texts)
    assert any(t.startswith("and traveled 6,437 kilometers (4,000 miles)") for t in texts)
    # "According to The New York Times." alone is not a claim
    assert not any(t.startswith("According to The New York Times") for t in texts)


@pytest.mark.parametrize("text,expected", [
    ("The U.S. official said Gen. Smith met Oct. 4 with No. 2 officials. It cost $7.1 billion.", 2),
    ('He said: "We will win. They will lose." Then he left.', 2),
    ("North Korean troops in Kursk: what we know\nBy A. Writer\n\nThe first line. The second line.", 2),
    ("Prices rose 2.5 percent in Oct. after a 1.2 percent rise.", 1),
])
def test_sentence_split(text, expected):
    assert len(sentences(text)) == expected, [text[a:b] for a, b in sentences(text)]


def test_claim_split_on_semicolon_and_coordination():
    text = ("Some interpret it as a sign of strain in Moscow; Russian forces are gaining ground in the east. "
            "A number of them were killed, and the remainder could soon join the fighting.")
    spans = [s for sent in sentences(text) for s in claims(text, sent)]
    assert [text[a:b] for a, b in spans] == [
        "Some interpret it as a sign of strain in Moscow",
        "Russian forces are gaining ground in the east.",
        "A number of them were killed",
        "and the remainder could soon join the fighting.",
    ]


def test_a_list_is_not_split():
    text = "North Korea shipped artillery shells, rockets, and missiles to Russia."
    (sent,) = sentences(text)
    assert claims(text, sent) == [sent]


def test_front_matter_and_body_line():
    doc = parse_document("---\noutlet: Harbor Post\ndate: 2024-11-05\n---\n\nFirst line.\nSecond claim here.\n",
                         doc_id="x", path=None, name="x")
    assert doc.outlet == "Harbor Post" and doc.date == "2024-11-05"
    assert doc.text.startswith("\nFirst line.")
    assert doc.line_of(doc.text.index("Second")) == 7


def test_a_dateline_is_no_part_of_the_claim():
    """"LONDON, July 5 (Kestrel) - " says where and when the report was filed, not what happened."""
    doc = parse_document("---\noutlet: Kestrel\ndate: 2024-07-05\n---\nLONDON, July 5 (Kestrel) - Labour won a "
                         "landslide victory in Thursday's general election.\n", doc_id="k", path=None, name="k")
    [claim] = extract(doc)
    assert claim.text == "Labour won a landslide victory in Thursday's general election."
    assert [q.text for q in claim.quantities] == ["Thursday"]


def test_a_dateline_without_a_date_is_no_part_of_the_claim():
    doc = parse_document("BALTIMORE (Northgate) - A container ship lost power and struck the bridge.\n",
                         doc_id="n", path=None, name="n")
    [claim] = extract(doc)
    assert claim.text == "A container ship lost power and struck the bridge."


def test_per_cent_is_spelled_one_way_for_matching():
    """"4.1 per cent", "4.1 percent" and "4.1%" are one figure: the content matched on says
    "4.1%" for all three; the claim's own text and its figure stay as written."""
    for spelled in ("4.1 per cent", "4.1 percent", "4.1%", "4.1 Per Cent"):
        doc = parse_document(f"The jobless rate dipped to {spelled} in September.\n", doc_id="d", path=None, name="d.md")
        (c,) = extract(doc)
        assert c.content == "The jobless rate dipped to 4.1% in September", spelled
        assert spelled in c.text and c.quantities[0].text.startswith("4.1")
    # a word that only starts like it is left alone
    doc = parse_document("Turnout was 60 percentage points higher.\n", doc_id="d", path=None, name="d.md")
    assert "60 percentage points" in extract(doc)[0].content


def test_what_a_speaker_added_is_credited_to_the_speaker():
    """'"...," Patel said, adding that X': X is Patel's claim, matched without "adding that"."""
    doc = parse_document('"We will not stop," Patel said, adding that the world had to act now.\n',
                         doc_id="d", path=None, name="d.md")
    first, added = extract(doc)
    assert (first.content, added.content) == ("We will not stop", "the world had to act now")
    assert first.attribution.source == added.attribution.source == "Patel"


def test_a_count_beside_one_already_made_is_a_part():
    doc = parse_document("She and two other executives pleaded guilty. Then 2,000 more troops were sent. "
                         "Employers added 72,000 more jobs than first reported. Three executives testified.\n",
                         doc_id="d", path=None, name="d.md")
    roles = {q.text: q.role for c in extract(doc) for q in c.quantities}
    assert roles == {"two": "part", "2,000": "part", "72,000": None, "Three": None}, roles


def test_he_or_she_opening_a_claim_names_the_person():
    """Across sentences "he" or "she" is the last person named as a subject; with a named
    speaker in the claim, the speaker. An acronym, a plural or "The ..." is no person."""
    doc = parse_document("Bankman-Fried took the stand in his own defence. He showed little emotion as the verdict "
                         "was read. Sunak said he would resign as leader. Reform UK finished second in 98 seats. "
                         "He would not comment on the result.\n", doc_id="d", path=None, name="d.md")
    contents = [c.content for c in extract(doc)]
    assert "Bankman-Fried showed little emotion as the verdict was read" in contents, contents
    assert "Sunak would resign as leader" in contents, contents
    assert "Reform UK would not comment on the result" not in contents, contents


@pytest.mark.parametrize("text, role", [
    ("The bank lifted rates in its first hike in 17 years.", "since"),
    # since a level was last reached: another fact than since the last time, compared apart
    ("Prices rose at the fastest pace in more than four decades.", "record"),
    ("It was the lowest level for nearly 30 years.", "record"),
    ("The yen slid to a 34-year low.", "record"),
    # how long something lasted, not how long since the last time
    ("The bank ended eight years of negative interest rates.", None),
    ("The bank kept negative interest rates for eight years.", None),  # "interest" is no superlative
])
def test_how_long_since_the_last_time_is_not_how_long_a_thing_lasted(text, role):
    """'its first hike in 17 years' measures the gap since the last hike; compared only with
    another such gap, never with a span something lasted ('eight years of negative rates')."""
    doc = parse_document(text + "\n", doc_id="d", path=None, name="d.md")
    durations = [q for c in extract(doc) for q in c.quantities if q.dimension == "duration"]
    assert [q.role for q in durations] == [role], durations


@pytest.mark.parametrize("text, event", [
    ("About 13,000 workers went on strike on Friday.", "strike"),  # a light verb's event is its noun
    ("The new president took office on Monday.", "office"),
    ("The contracts lapsed on Thursday.", "lapse"),
    ("The jury had three hours on Thursday.", None),  # a having, no event
    ("On Thursday he became the first former president convicted.", None),  # a copula, no event
])
def test_the_event_a_date_tells_of(text, event):
    doc = parse_document(f"---\ndate: 2023-09-16\n---\n{text}\n", doc_id="d", path=None, name="d.md")
    dates = [q for c in extract(doc) for q in c.quantities if q.dimension == "date"]
    assert [q.event for q in dates] == [event], dates


@pytest.mark.parametrize("text, certainty", [
    # a second reported content with its own "that": a claim of its own, with its own hedge
    ("Tedros said each shot would cost $2 to $4 and that some countries could get it next year.",
     ["asserted", "hedged"]),
    # a coordinated clause with a subject but no "that" says what the claim says: hedged
    ("The toll rose to 40 and five more people have reportedly died.", ["hedged"]),
    ("Tedros said some countries could get the vaccine next year.", ["hedged"]),
])
def test_a_hedge_belongs_to_the_reported_content_it_stands_in(text, certainty):
    doc = parse_document(text + "\n", doc_id="d", path=None, name="d.md")
    assert [c.certainty for c in extract(doc)] == certainty
