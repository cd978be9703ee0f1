"""Who a claim is credited to: the judge's ``same_source`` on attributions written out, each
case in both orders (the rule is symmetric). The reason is what an attribution shift reports,
so it is checked wherever the sources differ."""

from __future__ import annotations

import pytest

from claimdiff.judge import _definite_role, _ownerless_record, _singular, _source_text, same_source
from claimdiff.model import Attribution as A

NAMED_VS_ANONYMOUS = "named on one side, anonymous on the other"

CASES = [
    # two unnamed sources are told apart only by what they are
    (A(source="officials", role="officials", anonymous=True),
     A(source="a senior official", role="official", anonymous=True), True, None),
    (A(source="Witnesses", role="witnesses", anonymous=True), A(source="a witness", role="witness", anonymous=True), True, None),
    (A(source="local authorities", role="authorities", anonymous=True),
     A(source="an authority", role="authority", anonymous=True), True, None),
    (A(source="a volunteer", role="volunteer", anonymous=True),
     A(source="a local official", role="official", anonymous=True), False, "another unnamed source"),
    # two people: one name under two transliterations, or two people
    (A(source="Volodymyr Zelensky", name="Volodymyr Zelensky"),
     A(source="Volodymyr Zelenskyy", name="Volodymyr Zelenskyy"), True, None),
    (A(source="Joe Biden", name="Joe Biden"), A(source="Xi Jinping", name="Xi Jinping"), False, "another named source"),
    (A(source="Starmer", name="Starmer"), A(source="Keir Starmer", name="Keir Starmer"), True, None),
    (A(source="Starmer", name="Starmer"), A(source="Rishi Sunak", name="Rishi Sunak"), False, "another named source"),
    # a record that names no one may be the named body's
    (A(source="data released last week"), A(source="Eurostat", name="Eurostat"), True, None),
    (A(source="data released last week"), A(source="Joe Biden", name="Joe Biden"), False, "another source"),
    (A(source="The latest figures"), A(source="Eurostat", name="Eurostat"), True, None),
    (A(source="an estimate"), A(source="the Red Cross", organisation="Red Cross"), True, None),
    (A(source="the analysts"), A(source="Eurostat", name="Eurostat"), False, "another source"),
    (A(source="official figures"), A(source="the statistics office", organisation="statistics office"), True, None),
    (A(source="Eurostat data"), A(source="the Bundesbank", organisation="Bundesbank"), False, "another source"),
    # an office of a named place, with an apposition, may be the person named
    (A(source="The former mayor of Mexico City, a climate scientist", role="mayor"),
     A(source="Sheinbaum", name="Sheinbaum"), True, None),
    (A(source="the Ministry of Health"), A(source="Sheinbaum", name="Sheinbaum"), False, "another source"),
    # a surname and an apposition about it is that person
    (A(source="Trump", name="Trump"), A(source="Trump, the presumptive Republican presidential nominee", name="Trump"),
     True, None),
    (A(source="Biden", name="Biden"), A(source="Trump, the presumptive Republican presidential nominee", name="Trump"),
     False, "another named source"),
    # two bodies, one body under two forms, a body under its building's name
    (A(source="the State Department", organisation="State Department"),
     A(source="the Pentagon", organisation="Pentagon"), False, "another body"),
    (A(source="the Interior Ministry", organisation="Interior Ministry"),
     A(source="the interior ministry of Morocco", organisation="interior ministry of Morocco"), True, None),
    (A(source="Threadneedle Street"), A(source="the Bank of England", organisation="Bank of England"), True, None),
    (A(source="the U.S. Army", organisation="U.S. Army"), A(source="the Army", organisation="the Army"), True, None),
    (A(source="the Ministry of Health of Gaza", organisation="Ministry of Health of Gaza"),
     A(source="Gaza's Health Ministry", organisation="Gaza's Health Ministry"), True, None),
    # one country's body under its names; "the military" for the one named before; two countries' are two
    (A(source="the Israel Defense Forces", organisation="Israel Defense Forces"), A(source="the Israeli military"),
     True, None),
    (A(source="the IDF"), A(source="Israel's army"), True, None),
    (A(source="the military", role="military"), A(source="the Israel Defense Forces"), True, None),
    (A(source="Iran's Ministry of Foreign Affairs"), A(source="the Iranian Foreign Ministry"), True, None),
    (A(source="the Israeli military"), A(source="the Iranian military"), False, "another body"),
    (A(source="the Israeli military"), A(source="Iran's Foreign Ministry"), False, "another body"),
    # two names of one building, neither in the other's words; "the" before a name that is a key without it
    (A(source="Downing Street"), A(source="No 10"), True, None),
    (A(source="the Department of Defense"), A(source="the Pentagon"), True, None),
    # a definite role may be the person named; a loose description of one person is that person
    (A(source="the union leader", role="leader"), A(source="Jon Holden", name="Jon Holden"), True, None),
    # ... not a role of a body the role names ("the Pentagon spokesman" is the Pentagon's, not Patel's)
    (A(source="the Pentagon spokesman", role="spokesman"), A(source="Vedant Patel", name="Vedant Patel"),
     False, "another source"),
    (A(source="the State Department spokesman", role="spokesman", organisation="State Department", anonymous=True),
     A(source="Vedant Patel", name="Vedant Patel"), True, None),
    (A(source="a county official", role="official", anonymous=True),
     A(source="county spokesperson Erick Gill", name="Erick Gill", role="spokesperson"), True, None),
    # ... but a word the named side lacks, or a group, keeps them apart
    (A(source="a senior U.S. official", role="official", anonymous=True),
     A(source="Pentagon spokesperson Sabrina Singh", name="Sabrina Singh", role="spokesperson", organisation="Pentagon"),
     False, NAMED_VS_ANONYMOUS),
    (A(source="Officials", role="officials", anonymous=True),
     A(source="Governor Wes Moore", name="Wes Moore", role="governor"), False, NAMED_VS_ANONYMOUS),
    # an unnamed source against a body is not told apart
    (A(source="officials", role="officials", anonymous=True), A(source="the BBC"), True, None),
    # ... nor against a role that is not anonymous, whatever the two roles are
    (A(source="a volunteer", role="volunteer", anonymous=True), A(source="the union leader", role="leader"), True, None),
    # an outlet's name is no person's, though it is capitalised words
    (A(source="The Associated Press", name="The Associated Press"),
     A(source="a senior official", role="official", anonymous=True), True, None),
    # sources that are neither: their names decide, or their words when they have no name
    (A(source="the BBC's projection"), A(source="a Sky News projection"), False, "another source"),
    (A(source="the BBC's projection"), A(source="a BBC exit poll"), True, None),
    (A(source="a report"), A(source="the report"), True, None),
    # a source of generic words against one with a name: their words decide, not the name alone
    (A(source="the projection"), A(source="the BBC's projection"), True, None),
    (A(source="a report"), A(source="witnesses on the scene"), False, "another source"),
    (A(), A(), True, None),
    # a capital or a building for its state or body; another capital is another source
    (A(source="Beijing"), A(source="China's foreign ministry"), True, None),
    (A(source="Pyongyang"), A(source="North Korea"), True, None),
    (A(source="Whitehall"), A(source="the British government"), True, None),
    (A(source="Downing Street"), A(source="the prime minister's office"), True, None),
    (A(source="Seoul"), A(source="North Korea"), False, "another source"),
    (A(source="Beijing"), A(source="Washington"), False, "another source"),
    (A(source="Threadneedle Street"), A(source="the Bank's governor"), False, "another source"),
    (A(source="Joe Biden", name="Joe Biden"), A(), True, None),
    # a source that points back by what it is stands for one named before it: no shift
    (A(source="WHO", name="WHO"), A(source="The organization"), True, None),
    (A(source="the prime minister's office", role="office"), A(source="The statement"), True, None),
    (A(source="Nippon Steel", name="Nippon Steel"), A(source="the company's statement"), True, None),
    # ... a body of another kind is not such a pointer
    (A(source="the ministry"), A(source="the police"), False, "another source"),
    (A(source="The Statement Agency of Ruritania"), A(source="the police"), False, "another source"),
    # "sources" say nothing of what they are, so they are not told apart from officials
    (A(source="hospital sources", role="sources", anonymous=True),
     A(source="Officials", role="officials", anonymous=True), True, None),
    (A(source="people familiar with the matter", role="people", anonymous=True),
     A(source="a senior official", role="official", anonymous=True), True, None),
]


@pytest.mark.parametrize("a, b, same, reason", CASES, ids=[f"{a.source}/{b.source}" for a, b, _, _ in CASES])
def test_same_source(a, b, same, reason):
    for x, y in ((a, b), (b, a)):
        got, why = same_source(x, y)
        assert got is same
        if not same:
            assert why == reason


@pytest.mark.parametrize("attribution, shown", [
    (A(source="Officials", role="officials", anonymous=True), "Officials (anonymous)"),
    (A(source="officials speaking on condition of anonymity", anonymous=True), "officials speaking on condition of anonymity"),
    (A(source="Governor Wes Moore", name="Wes Moore"), "Governor Wes Moore"),
    (A(), "no source"),
])
def test_how_a_source_is_shown_in_a_reason(attribution, shown):
    assert _source_text(attribution) == shown


@pytest.mark.parametrize("role, singular", [("officials", "official"), ("Witnesses", "witness"), ("witness", "witness"),
                                            ("authorities", "authority"), ("Spokesman", "spokesman"), ("boxes", "box"),
                                            ("coaches", "coach"), ("parishes", "parish"),
                                            (None, None), ("", None)])
def test_a_role_in_the_singular(role, singular):
    assert _singular(role) == singular


# the words a finding highlights: what differs between the two texts, as offsets into each
@pytest.mark.parametrize("a, b, changed_a, changed_b", [
    ("Six workers are missing", "Six workers are missing", [], []),
    ("Six workers are missing", "Seven workers are missing", ["Six"], ["Seven"]),
    ("The toll rose to 2,012", "The toll rose to 2,946 on Sunday", ["2,012"], ["2,946 on Sunday"]),  # a figure whole
    ("Rates fell 0.25 points", "Rates fell 0.5 points", ["0.25"], ["0.5"]),
    ("Police said the bridge was closed", "The bridge was closed", ["Police said"], []),  # case does not count
    ("the bridge was closed", "the bridge was closed to all traffic", [], ["to all traffic"]),
    ("the port will not reopen soon", "the port will reopen soon", ["not"], []),
])
def test_word_diff_marks_the_words_that_differ(a, b, changed_a, changed_b):
    from claimdiff.judge import word_diff

    sa, sb = word_diff(a, b)
    assert [a[x:y] for x, y in sa] == changed_a
    assert [b[x:y] for x, y in sb] == changed_b


TAFARI = A(source="Davis Tafari, a protester", name="Davis Tafari", role="protester")


@pytest.mark.parametrize("unnamed, named, described", [
    (A(source="one protester", role="protester", anonymous=True), TAFARI, True),
    (A(source="another protester", role="protester", anonymous=True), TAFARI, True),
    (A(source="a witness", role="witness", anonymous=True), A(source="Jo Bell, a witness", name="Jo Bell", role="witness"), True),
    (A(source="protesters", role="protesters", anonymous=True), TAFARI, False),  # a group
    (A(source="a young protester", role="protester", anonymous=True), TAFARI, False),  # a word the named side lacks
    (A(source="the protester", role="protester", anonymous=True), TAFARI, False),  # not "a" or "one"
    (A(source="a nurse", anonymous=True), A(source="Ann Lee, a nurse", name="Ann Lee", role="nurse"), False),  # no role read
    # "an official" may be any official of the named side's roles, not a nurse
    (A(source="an official", role="official", anonymous=True), A(source="Mayor Ann Lee", name="Ann Lee", role="mayor"), True),
    (A(source="an official", role="official", anonymous=True), A(source="Ann Lee, a nurse", name="Ann Lee", role="nurse"), False),
    # one role under its several words
    (A(source="a Kremlin spokesperson", role="spokesperson", organisation="Kremlin", anonymous=True),
     A(source="Kremlin spokesman Dmitry Peskov", name="Dmitry Peskov", role="spokesman", organisation="Kremlin"), True),
    (A(source="a Kremlin spokeswoman", role="spokeswoman", organisation="Kremlin", anonymous=True),
     A(source="Kremlin spokesman Dmitry Peskov", name="Dmitry Peskov", role="spokesman", organisation="Kremlin"), True),
    (A(source="a Pentagon spokesperson", role="spokesperson", organisation="Pentagon", anonymous=True),
     A(source="Kremlin spokesman Dmitry Peskov", name="Dmitry Peskov", role="spokesman", organisation="Kremlin"), False),
])
def test_a_loose_description_of_the_person_named(unnamed, named, described):
    from claimdiff.judge import _described

    assert _described(unnamed, named) is described


def _quote(text: str) -> "Claim":
    from claimdiff.model import Claim

    return Claim(id="q#1", document="q", start=0, end=len(text), text=text, sentence_start=0, sentence_end=len(text),
                 content=text, quote=True)


@pytest.mark.parametrize("a, b, two", [
    ("The deal also benefits the United States and its steel industry",
     "The transaction builds on our presence in the United States and we will honour every union contract", True),
    ("We will honour every union contract", "We will honour every single union contract", False),  # the same words
])
def test_two_quotations_of_other_words_are_two_statements(a, b, two):
    from claimdiff.judge import _two_quotes

    assert _two_quotes(_quote(a), _quote(b)) is two


def test_the_same_quotation_credited_to_two_people_is_still_a_shift():
    from claimdiff import Settings, compare
    from claimdiff.read import parse_document

    docs = [parse_document(f"---\noutlet: {n}\ndate: 2024-05-30\n---\n{t}\n", doc_id=n, path=None, name=n) for n, t in (
        ("ref", '"We will honour every union contract at the plant," Eiji Hashimoto said.'),
        ("other", '"We will honour every union contract at the plant," David Burritt said.'))]
    kinds = {f.kind.value for f in compare(docs, settings=Settings(semantic=False, min_confidence=0.0)).findings}
    assert "attribution-shift" in kinds


def _sources_of(ref: str, other: str) -> list[str]:
    from claimdiff import Settings, compare
    from claimdiff.read import parse_document

    docs = [parse_document(f"---\noutlet: {n}\ndate: 2023-05-05\n---\n{t}\n", doc_id=n, path=None, name=n)
            for n, t in (("ref", ref), ("other", other))]
    return [f.reason for f in compare(docs, settings=Settings(semantic=False, min_confidence=0.0)).findings
            if f.kind.value == "attribution-shift"]


def test_two_people_who_say_one_thing_in_other_words_are_two_statements():
    """Two leaders after their summit, a paramedic and a rights group's director: each says it,
    and neither outlet credited the other's words to the wrong person."""
    assert _sources_of("Joe Biden said that he and Xi Jinping had agreed to keep talking to each other.",
                       "Xi Jinping said that he and Joe Biden had agreed to keep talking to each other often.") == []
    # a body against a person is still another source
    assert _sources_of("The State Department said that the two leaders had agreed to keep talking.",
                       "Xi Jinping said that the two leaders had agreed to keep talking.") != []


def test_the_source_behind_a_dateline_with_a_colon_and_a_relay():
    """"MOSCOW: A Kremlin spokesperson said ..., The New York Times reported": the spokesperson,
    relayed by the paper; the capital before the colon is the dateline, not part of the source."""
    from conftest import claim_in

    c = claim_in("MOSCOW: A Kremlin spokesperson said on Saturday that the charges would be dropped, "
                 "The New York Times reported.", "charges")
    assert (c.attribution.source, c.attribution.via) == ("A Kremlin spokesperson", "The New York Times")


def test_he_after_a_role_and_a_name_is_that_person():
    """"SpaceX founder and CEO Elon Musk congratulated the team. He also said ...": Musk, not the
    rocket named as a subject earlier."""
    from claimdiff.extract import extract
    from claimdiff.read import parse_document

    doc = parse_document("---\noutlet: X\ndate: 2023-04-20\n---\nStarship blew up over the Gulf.\n\n"
                         "SpaceX founder and CEO Elon Musk congratulated the team on Twitter.\n\n"
                         "He also said the team had learned a great deal.\n", doc_id="x", path=None, name="x")
    (said,) = [c for c in extract(doc) if "learned" in c.text]
    assert said.attribution.source == "Elon Musk"


@pytest.mark.parametrize("text, needle, found", [
    ("The mayor may resign on Friday.", "may", [(10, 13)]),  # the word, not the "may" of "mayor"
    ("The talks failed, police said.", "Police", [(18, 24)]),  # whatever its case
    ("The mayor may resign on Friday.", "May", [(10, 13)]),  # as a word, whatever its case
    ("They didn't go and couldn't stay.", "n't", [(8, 11)]),  # part of a word: the first
    ("They didn't resign.", "n't", [(8, 11)]),  # a cue that is part of a word
    ("The talks failed, he said.", "Joe Biden", []),  # a source resolved from elsewhere is not in the claim's words
    ("The talks failed.", None, []),
])
def test_what_a_finding_highlights_is_the_cue_or_source_where_it_stands(text, needle, found):
    from claimdiff.judge import _find_spans
    from claimdiff.model import Claim

    c = Claim(id="x#1", document="x", start=0, end=len(text), text=text, sentence_start=0, sentence_end=len(text),
              content=text)
    assert _find_spans(c, needle) == found


@pytest.mark.parametrize("a, b, same", [
    # a news outlet alone passes on what someone told it: no source to set against another
    (A(source="the Labor Department", organisation="Labor Department"), A(source="Reuters"), True),
    (A(source="The U.S. Department of Energy", organisation="Department of Energy"), A(source="CNN"), True),
    # unnamed media are a source
    (A(source="county spokesperson Erick Gill", name="Erick Gill", role="spokesperson"), A(source="Local media"), False),
])
def test_an_outlet_alone_relays(a, b, same):
    from claimdiff.judge import _relays

    shift_possible = not (_relays(a) or _relays(b))
    assert (not shift_possible or same_source(a, b)[0]) is same


@pytest.mark.parametrize("a, b, same", [
    # "the government" for one of its bodies, and a body under its possessive count
    (A(source="the government", role="government"), A(source="the Labor Department", organisation="Labor Department"), True),
    (A(source="the authorities", role="authorities"),
     A(source="Interior Minister Gerald Darmanin", name="Gerald Darmanin", role="minister"), True),
    (A(source="the Ministry of the Interior", organisation="Ministry of the Interior"),
     A(source="the Interior Ministry's count", organisation="Interior Ministry's count"), True),
    # ... not for a union or a company
    (A(source="the government", role="government"), A(source="The CGT", name="The CGT"), False),
])
def test_a_government_and_its_bodies(a, b, same):
    assert same_source(a, b)[0] is same
    assert same_source(b, a)[0] is same


@pytest.mark.parametrize("attribution, definite", [
    (A(source="the governor", role="governor"), True),  # two words: the role and its article
    (A(source="The governor, a rising star in the Democratic party", role="governor"), True),  # apposition cut
    (A(source="the WHO Director-General", role="general"), True),  # an office one person holds
    (A(source="the union leader", role="leader"), True),
    (A(source="the Pentagon spokesman", role="spokesman"), False),  # one of a body's many
    (A(source="the Iranian army", role="army"), False),  # a body, not a role
    (A(source="the governor", name="Wes Moore", role="governor"), False),  # a name: not a role alone
    (A(source="the"), False),
    (A(source="a governor", role="governor"), False),  # not definite
])
def test_a_definite_role_names_one_holder(attribution, definite):
    from claimdiff.judge import _definite_role

    assert _definite_role(attribution) is definite


@pytest.mark.parametrize("source, record", [
    ("data released last week", True), ("official figures", True),
    # an article before it is no name
    ("The latest figures", True), ("A new estimate", True), ("An estimate", True),
    # a record that names its owner, or no record at all
    ("figures from Eurostat", False), ("the analysts", False), ("", False), (None, False),
])
def test_a_record_that_names_no_one(source, record):
    assert _ownerless_record(source) is record


@pytest.mark.parametrize("source, role", [
    # an office, then whose it is: one person holds a single office, or an office of no named body
    ("The mayor of Mexico City", True), ("the head of the agency", True), ("the governor of the state", True),
    # one of a named body's many, or the body itself
    ("the spokesman of the Pentagon", False), ("the Ministry of Health", False), ("the chief of the Army", False),
])
def test_an_office_before_of(source, role):
    assert _definite_role(A(source=source)) is role
