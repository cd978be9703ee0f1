"""The judge's tests of whether two figures can be one figure told two ways, on figures written
out: an order of magnitude apart, uncounted counts, dates a season apart, two events, one day
of a month written alike, the state a count of people is of."""

from __future__ import annotations

import pytest

from claimdiff.extract.states import state as _state
from claimdiff.judge import _apart, _other_event, _other_state, _same_calendar_day
from claimdiff.model import Claim, Quantity as Q

from conftest import claim_in


def count(text, value, counts="people"):
    return Q(text, 0, len(text), value, value, "count", counts=counts)


def day(text, low, *, relative=True, event=None, high=None):
    return Q(text, 0, len(text), low, low if high is None else high, "date", unit="day", relative=relative, event=event)


@pytest.mark.parametrize("qa, qb, apart", [
    (count("294", 294, "seats"), count("12", 12, "seats"), True),  # 24.5 times: two things
    (count("60", 60, "seats"), count("12", 12, "seats"), False),  # 5 times: still one figure told otherwise
    (count("61", 61, "seats"), count("12", 12, "seats"), True),
    (count("40", 40, None), count("60", 60, "firefighters"), True),  # one side says not what it counts
    (count("40", 40, "crews"), count("60", 60, "firefighters"), False),
    (Q("$39.33", 0, 6, 39.33, 39.33, "money", unit="USD"), Q("$14.1 billion", 0, 9, 14.1e9, 14.1e9, "money", unit="USD"), True),
    (Q("-2", 0, 2, -2, -2, "number"), Q("40", 0, 2, 40, 40, "number"), False),  # a sign is no magnitude
    (Q("some", 0, 4, None, None, "money", unit="USD"), Q("$40", 0, 3, 40, 40, "money", unit="USD"), False),
    (day("on Wednesday", 19950), day("in July 2022", 19200, high=19230), True),  # a season apart
    (day("on Wednesday", 19950), day("on Friday", 19952), False),
    (day("on Wednesday", 19950), day("in July", 19860), False),  # 90 days: not yet
    (day("on Wednesday", 19950), day("in July", 19859), True),
    (Q("1:28 a.m.", 0, 9, 88, 88, "time"), Q("11:35 p.m.", 0, 10, 1415, 1415, "time"), False),  # a time never is
    # nothing and one are no magnitude: "no deaths" / "five deaths" is a shift, "one" / "ten" is ten times
    (count("0", 0), count("5", 5), False),
    (count("1", 1), count("10", 10), True),
])
def test_figures_apart_are_of_other_things(qa, qb, apart):
    assert _apart(qa, qb) is apart
    assert _apart(qb, qa) is apart


@pytest.mark.parametrize("ea, eb, other", [
    ("sentence", "need", True),
    ("convict", "find", False),  # one event under two verbs (lexicon.EVENT_VERBS)
    ("sentence", "sentence", False),
    ("sentence", None, False),  # one side says not what happened: no veto
    ("convict", "deliberate", True),  # a verb of one group against a verb of none
])
def test_dates_of_two_events(ea, eb, other):
    assert _other_event(day("on Friday", 19950, event=ea), day("on Thursday", 19949, event=eb)) is other
    assert _other_event(count("4", 4), count("5", 5)) is False  # only dates and times of day have events


@pytest.mark.parametrize("a, b, same", [
    ("July 11", "July 11", True),  # however each resolved the year it left out
    ("on July 11", "July 11,", True),
    ("July 11", "July 12", False),
    ("in July", "in July", False),  # a month is no day
    ("Friday", "Friday", False),  # a weekday is no day of a month
])
def test_one_day_of_a_month_written_alike_is_one_day(a, b, same):
    assert _same_calendar_day(day(a, 19900), day(b, 20265)) is same
    assert _same_calendar_day(day(a, 19900, relative=False), day(b, 20265)) is False  # a year given: the year decides


def test_a_day_of_a_month_is_compared_only_with_a_date():
    not_a_date = Q("July 11", 0, 7, 11, 11, "count", relative=True)
    assert _same_calendar_day(day("July 11", 19900), not_a_date) is False
    assert _same_calendar_day(not_a_date, day("July 11", 19900)) is False


@pytest.mark.parametrize("ha, hb, other", [
    ("NDA", "BJP", True),
    ("Mbappe", "Kylian Mbappe", False),  # one actor named two ways
    ("NDA", None, False),  # one side names no holder: no veto
    (None, None, False),
])
def test_figures_of_two_named_holders(ha, hb, other):
    from dataclasses import replace

    from claimdiff.judge import _other_holder

    qa, qb = replace(count("294", 294, "seats"), holder=ha), replace(count("240", 240, "seats"), holder=hb)
    assert _other_holder(qa, qb) is other
    assert _other_holder(qb, qa) is other


def claim(text: str) -> Claim:
    return Claim(id="x#1", document="x", start=100, end=100 + len(text), text=text, sentence_start=100,
                 sentence_end=100 + len(text), content=text)


def figure(c: Claim, text: str) -> Q:
    at = c.text.index(text) + c.start
    return Q(text, at, at + len(text), 1, 1, "count", counts="people")


@pytest.mark.parametrize("text, figure_text, state", [
    ("The quake killed 2,012 people and injured 1,404.", "2,012", "dead"),
    ("The quake killed 2,012 people and injured 1,404.", "1,404", "injured"),
    ("The quake left 1,404 critically injured.", "1,404", "critical"),  # the nearest state word
    ("At least 40 people are missing after the flood.", "40", "missing"),
    ("Some 2,000 residents were evacuated from the valley.", "2,000", "displaced"),
    ("Police said 12 people were arrested overnight.", "12", "arrested"),
    ("Rescue teams of 400 people reached the valley on foot, far from the quake zone.", "400", None),
    # a state word counts up to 40 characters from the figure, not 41
    ("Rescuers found 400 people in the rubble of the old halls, dead.", "400", "dead"),  # 40
    ("Rescuers found 400 people in the rubble of the market, all dead.", "400", None),  # 41
])
def test_the_state_a_count_of_people_is_of(text, figure_text, state):
    c = claim(text)
    assert _state(c, figure(c, figure_text)) == state


def test_two_states_are_two_counts():
    a, b = claim("The quake killed 2,012 people."), claim("The quake injured 2,059 people.")
    assert _other_state(a, figure(a, "2,012"), b, figure(b, "2,059")) is True
    c = claim("At least 2,100 people died in the quake.")
    assert _other_state(a, figure(a, "2,012"), c, figure(c, "2,100")) is False
    d = claim("The quake hit 2,100 people.")
    assert _other_state(a, figure(a, "2,012"), d, figure(d, "2,100")) is False  # one side says no state
    assert _state(a, Q("2024", a.start, a.start + 4, 1, 1, "date")) is None  # only counts have states


def negated(content: str, cue: str) -> Claim:
    """A negated claim read without the parse (a claim with no predicate, or a framed denial)."""
    return Claim(id="n#1", document="n", start=0, end=len(content), text=content, sentence_start=0,
                 sentence_end=len(content), content=content, negated=True, negation=cue, denies=None)


@pytest.mark.parametrize("content, cue, other, denied", [
    # the negated word, or the first word of what it governs, must stand on the other side
    ("The troops have not engaged in combat", "have not engaged", "The troops began combat operations", True),
    ("The troops have not engaged in combat", "have not engaged", "The troops engaged the enemy", True),
    ("The troops have not engaged in combat", "have not engaged", "The troops withdrew to the border", False),
    ("No sign of the missing crew", "No sign", "Rescuers saw signs of life", True),
    ("No sign of the missing crew", "No sign", "The missing crew was found", True),  # what "sign" governs: missing
    ("No sign of the missing crew", "No sign", "Rescuers found the ship", False),
    ("The port has not yet reopened to ships", "has not yet reopened", "The port reopened on Monday", True),
    # a stem of five letters, of the negated word and of what it governs: "delayed" / "delay",
    # "injuries" / "injured"; a negated word that ends the claim governs nothing
    ("The flight was not delayed", "was not delayed", "A two-hour delay hit the flight", True),
    ("Officials have not reported injuries", "have not reported", "Three people were injured", True),
    # a denial taken as it is: what is denied is the whole claim
    ("The Kremlin denied the troops had crossed", "denied", "The troops crossed the border", True),
])
def test_without_the_parse_a_negation_denies_its_word_or_what_it_governs(content, cue, other, denied):
    from claimdiff.judge import _negates_what_the_other_says

    pos = Claim(id="p#1", document="p", start=0, end=len(other), text=other, sentence_start=0,
                sentence_end=len(other), content=other)
    assert _negates_what_the_other_says(negated(content, cue), pos) is denied


def with_dates(*spans: tuple[int, int]) -> Claim:
    c = claim("Inflation was 10.1% in the period.")
    qs = tuple(Q(f"d{n}", c.start, c.start + 2, lo, hi, "date", unit="day") for n, (lo, hi) in enumerate(spans))
    return Claim(id=c.id, document=c.document, start=c.start, end=c.end, text=c.text, sentence_start=c.sentence_start,
                 sentence_end=c.sentence_end, content=c.content, quantities=qs)


OCT_2021, OCT_2022, YEAR_2022, SEPT_2022 = (18901, 18931), (19266, 19296), (18993, 19357), (19236, 19265)


@pytest.mark.parametrize("a, b, other", [
    (with_dates(OCT_2021), with_dates(OCT_2022), True),  # two Octobers: two figures
    (with_dates(OCT_2022), with_dates(YEAR_2022), False),  # October is in 2022
    (with_dates(OCT_2022), with_dates(SEPT_2022), True),  # months that do not meet
    (with_dates(OCT_2022), with_dates((19290, 19290)), False),  # a day is no period
    (with_dates(OCT_2021), with_dates((19266, 19293)), False),  # 27 days: not a period yet, nothing to veto
    (with_dates(OCT_2021), with_dates((19266, 19294)), True),  # 28 days: a period
    (with_dates(OCT_2021, OCT_2022), with_dates(OCT_2022), False),  # one period of each meets
    (with_dates(), with_dates(OCT_2022), False),
])
def test_figures_of_two_periods_that_do_not_meet(a, b, other):
    from claimdiff.judge import _other_period

    assert _other_period(a, b) is other
    assert _other_period(b, a) is other


@pytest.mark.parametrize("sentence, figure_text, event, state", [
    # the verb a count hangs from says what befell what it counts, before any word near it
    ("At least 700 recovered bodies have been buried so far.", "700", "bury", "buried"),
    ("Officials said 3,200 bodies had been recovered.", "3,200", "recover", "recovered"),
    ("Strong earthquakes killed 62 people.", "62", "kill", "dead"),
    ("Two people were pulled from the water.", "Two", "pull", "rescued"),
    ("Some 2,000 residents were evacuated from the valley.", "2,000", "evacuate", "displaced"),
    # a verb that says no state leaves it to the words near the count
    ("At least 73 people are now confirmed to have died.", "73", "confirm", "dead"),
    ("Eight people who were working on the bridge went into the water.", "Eight", None, None),  # a light verb
])
def test_the_state_of_a_count_comes_from_its_verb(sentence, figure_text, event, state):
    c = claim_in(sentence, figure_text)
    q = next(q for q in c.quantities if figure_text in q.text)
    assert (q.event, _state(c, q)) == (event, state)


def test_buried_and_recovered_bodies_are_two_counts():
    a = claim_in("At least 700 recovered bodies have been buried so far.", "700")
    b = claim_in("Officials said 3,200 bodies had been recovered.", "3,200")
    assert _other_state(a, a.quantities[0], b, b.quantities[0]) is True
    c = claim_in("By Tuesday 900 bodies had been buried in mass graves.", "900")
    assert _other_state(a, a.quantities[0], c, c.quantities[0]) is False


@pytest.mark.parametrize("a, b, other", [
    # a time of day hangs from its verb as a date does: two times of two events do not move
    ("Agencies received 911 calls around 1:30 a.m.", "The ship hit the bridge at about 1:28 a.m.", True),
    # one event under two verbs of striking is one event, whose time may move
    ("The ship hit the bridge at about 1:28 a.m.", "A cargo ship rammed the bridge at around 1:35 a.m.", False),
])
def test_times_of_two_events(a, b, other):
    qa = next(q for q in claim_in(a, a.split()[1]).quantities if q.dimension == "time")
    qb = next(q for q in claim_in(b, b.split()[1]).quantities if q.dimension == "time")
    assert _other_event(qa, qb) is other


def test_a_toll_is_also_read_from_what_a_count_counts():
    """"The figure stood at 11,000" of a death toll: no state word beside the count, and what it
    counts (deaths) says which running count it is; a date never is one."""
    from claimdiff.extract.states import tolled

    c = claim("The figure stood at 11,000 on Wednesday.")
    at = c.start + c.text.index("11,000")
    assert tolled(c, Q("11,000", at, at + 6, 11000, 11000, "count", counts="deaths")) == "dead"
    assert tolled(c, Q("11,000", at, at + 6, 11000, 11000, "count", counts="containers")) is None
    day = c.start + c.text.index("Wednesday")
    assert tolled(c, Q("Wednesday", day, day + 9, 19000, 19000, "date", counts="deaths")) is None
