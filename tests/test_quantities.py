"""Figures as intervals: table-driven cases from news sentences, and what must not be read as a figure."""

from __future__ import annotations

import math

import pytest
from hypothesis import example, given, settings, strategies as st

from claimdiff.extract.quantities import quantities
from claimdiff.extract.timex import dates, iso

INF = None

# (sentence, text of the figure, low, high, low_open, high_open, dimension, counts contains)
CASES = [
    ("Over 10,000 DPRK soldiers have been sent to eastern Russia", "Over 10,000", 10000, INF, True, False, "count", "soldiers"),
    ("More than 10,000 North Korean troops arrived", "More than 10,000", 10000, INF, True, False, "count", "troops"),
    ("at least 10,000 soldiers", "at least 10,000", 10000, INF, False, False, "count", "soldiers"),
    ("Kyiv says about 11,000 soldiers are in Kursk", "about 11,000", 10500, 11500, False, True, "count", "soldiers"),
    ("roughly 11,000 troops", "roughly 11,000", 10500, 11500, False, True, "count", "troops"),
    ("some 16,000 containers of shells", "some 16,000", 15500, 16500, False, True, "count", "containers"),
    ("an estimated 11,000 soldiers", "an estimated 11,000", 10500, 11500, False, True, "count", "soldiers"),
    ("between 11,000 and 12,000 soldiers", "between 11,000 and 12,000", 11000, 12000, False, False, "count", "soldiers"),
    ("11,000-12,000 soldiers", "11,000-12,000", 11000, 12000, False, False, "count", "soldiers"),
    ("11,000 to 12,000 soldiers", "11,000 to 12,000", 11000, 12000, False, False, "count", "soldiers"),
    ("up to 12,000 soldiers", "up to 12,000", 0, 12000, False, False, "count", "soldiers"),
    ("nearly 4,000 soldiers", "nearly 4,000", 3600, 4000, False, True, "count", "soldiers"),
    ("fewer than 500 soldiers", "fewer than 500", 0, 500, False, True, "count", "soldiers"),
    ("16,000 shipping containers filled with shells", "16,000", 15840, 16160, False, True, "count", "shipping containers"),
    ("organized into two units", "two", 2, 2, False, False, "count", "units"),
    ("a dozen drones were shot down", "a dozen", 12, 12, False, False, "count", "drones"),
    ("twenty-five villages", "twenty-five", 25, 25, False, False, "count", "villages"),
    ("a budget of $7.1 billion", "$7.1 billion", 7.1e9 - 0.05e9, 7.1e9 + 0.05e9, False, True, "money", ""),
    ("prices rose 2.5 percent", "2.5 percent", 2.475, 2.525, False, True, "percent", ""),
    ("prices rose 13%", "13%", 12.87, 13.13, False, True, "percent", ""),
    ("1.2 million people fled", "1.2 million", 1.188e6, 1.212e6, False, True, "count", "people"),
    ("10k protesters", "10k", 9900, 10100, False, True, "count", "protesters"),
    ("tens of thousands of people", "tens of thousands", 10000, 100000, False, True, "count", "people"),
    ("more than two years", "more than two years", 730.5, INF, True, False, "duration", ""),
    # a span of time is read to half a unit: "two and a half years" is [2, 3) years
    ("two and a half years old", "two and a half years", 730.5, 1095.75, False, True, "duration", ""),
    ("a grant of €3.5 million in aid", "€3.5 million", 3.465e6, 3.535e6, False, True, "money", ""),
    ("a £200m deal", "£200m", 198e6, 202e6, False, True, "money", "deal"),
    ("a US$1.2 billion loan", "US$1.2 billion", 1.188e9, 1.212e9, False, True, "money", "loan"),
    ("5,000 tonnes of grain", "5,000 tonnes", 4.95e6, 5.05e6, False, True, "mass", "grain"),
    ("300 metres from the border", "300 metres", 297, 303, False, True, "length", ""),
    ("a column 12 km long", "12 km", 11880, 12120, False, True, "length", ""),
    ("rose 3.5 percentage points", "3.5 percentage points", 3.465, 3.535, False, True, "percent", ""),
    ("for six months", "six months", 167.40625, 197.84375, False, True, "duration", ""),
    ("dozens of people were hurt", "dozens", 24, 100, False, True, "count", "people"),
    ("hundreds of homes", "hundreds", 100, 1000, False, True, "count", "homes"),
    ("almost 1,000 people", "almost 1,000", 900, 1000, False, True, "count", "people"),
    ("just over 500 people", "just over 500", 500, 550, True, False, "count", "people"),
    ("as many as 300 people", "as many as 300", 0, 300, False, False, "count", "people"),
    ("a magnitude 7.8 earthquake", "7.8", 7.75, 7.85, False, True, "magnitude", "earthquake"),
    ("a 7.8-magnitude quake", "7.8-magnitude", 7.75, 7.85, False, True, "magnitude", "quake"),
    # a magnitude's hyphen is no minus sign, and no letter's hyphen ("F-16") either
    ("the strong magnitude-7.6 quake", "7.6", 7.55, 7.65, False, True, "magnitude", "quake"),
    ("the quake measured 6.8 in magnitude", "6.8 in magnitude", 6.75, 6.85, False, True, "magnitude", ""),
    ("payrolls rose by 254,000 jobs", "254,000", 253500, 254500, False, True, "count", "jobs"),
    ("wages rose 13 cents", "13 cents", 0.1287, 0.1313, False, True, "money", ""),
    ("a 10,000-strong contingent", "10,000-strong", 9900, 10100, False, True, "count", "contingent"),
    ("growth of 7 percent to 8 percent", "7 percent to 8 percent", 7, 8, False, False, "percent", ""),
    ("half a million people", "half a million", 5e5, 5e5, False, False, "count", "people"),
]


@pytest.mark.parametrize("sentence,text,low,high,low_open,high_open,dimension,counts", CASES, ids=[c[0][:40] for c in CASES])
def test_interval(sentence, text, low, high, low_open, high_open, dimension, counts):
    qs = [q for q in quantities(sentence)]
    assert len(qs) == 1, [(q.text, q.low, q.high) for q in qs]
    q = qs[0]
    assert q.text == text
    assert sentence[q.start:q.end] == text
    assert q.dimension == dimension
    for got, want in ((q.low, low), (q.high, high)):
        if want is None:
            assert got is None
        else:
            assert got == pytest.approx(want, rel=1e-3)
    assert (q.low_open, q.high_open) == (low_open, high_open)
    if counts:
        assert q.counts and counts in q.counts


def test_a_part_counts_what_its_whole_counts():
    """"412 of the 650 seats": both figures count seats, so 412 is compared with other seat counts."""
    qs = quantities("Labour won 412 of the 650 seats.", 0, 32)
    assert [(q.text, q.counts) for q in qs] == [("412", "seats"), ("650", "seats")]


def test_restated_units_are_one_quantity():
    s = "and traveled 6,437 kilometers (4,000 miles) west to the Kursk region"
    (q,) = quantities(s)
    assert q.text == "6,437 kilometers (4,000 miles)"
    assert q.dimension == "length" and q.unit == "meter"
    assert q.low <= 4000 * 1609.344 <= q.high and q.low <= 6437000 <= q.high
    assert q.note is None


def test_restated_area_with_what_it_measures():
    s = "Ukraine controls roughly 647 square kilometers (250 square miles) of the area after an incursion"
    (q,) = quantities(s)
    assert q.dimension == "area" and q.counts == "area"
    assert q.low <= 250 * 1609.344 ** 2 <= q.high


def test_inconsistent_restatement_is_noted():
    (q,) = quantities("a drive of 100 kilometers (90 miles)")
    assert q.note and "disagree" in q.note


def test_miles_only_overlaps_kilometres():
    (km,) = quantities("a journey of 6,437 kilometers")
    (mi,) = quantities("some 4,000 miles west")
    assert km.overlaps(mi)


def test_square_miles_overlap_square_kilometres():
    (a,) = quantities("about 250 square miles of the region")
    (b,) = quantities("roughly 650 square kilometres of Russian soil")
    assert a.overlaps(b)


@pytest.mark.parametrize("sentence", [
    "Russia's 810th Separate Naval Infantry Brigade",
    "under Article 5 of the treaty",
    "F-16 jets arrived",
    "the COVID-19 pandemic",
    "In 2023, the war entered its second year",
    "on November 4",
    "one consisting of assault troops",
    "at 10:30 p.m. local time",
    "the 1st Battalion",
])
def test_not_a_figure(sentence):
    assert quantities(sentence) == [], [(q.text, q.dimension) for q in quantities(sentence)]


def test_disjoint_and_overlapping_intervals():
    (a,) = quantities("16,000 containers")
    (b,) = quantities("13,000 containers")
    (c,) = quantities("over 10,000 soldiers")
    (d,) = quantities("about 11,000 soldiers")
    (e,) = quantities("10,000 soldiers")
    (f,) = quantities("about 3,000 soldiers")
    assert not a.overlaps(b)
    assert c.overlaps(d) and c.overlaps(e)
    assert not c.overlaps(f)
    (g,) = quantities("a magnitude 7.8 earthquake")
    (h,) = quantities("a magnitude 7.7 earthquake")
    assert not g.overlaps(h)  # rounded figures are half-open: they do not meet at 7.75


def test_two_stated_maxima_compare_their_bounds():
    """'a maximum of 110 years' and 'up to 115 years' state two different maxima, though the
    intervals [0, 110] and [0, 115] overlap; a maximum against a plain figure stays an interval."""
    (a,) = quantities("he faces a maximum of 110 years")
    (b,) = quantities("he faces up to 115 years")
    (c,) = quantities("as many as 110 years")
    (d,) = quantities("a sentence of 100 years")
    assert a.is_maximum and b.is_maximum and not d.is_maximum
    assert not a.overlaps(b) and a.overlaps(c)
    assert a.overlaps(d) and b.overlaps(d)


# dates: (sentence, document date, first day, last day)
DATES = [
    ("fought for the first time on November 4", "2024-11-06", "2024-11-04", "2024-11-04"),
    ("fought for the first time on Tuesday", "2024-11-06", "2024-11-05", "2024-11-05"),
    ("arrived by boat in October", "2024-11-05", "2024-10-01", "2024-10-31"),
    ("an incursion that began last summer", "2024-11-05", "2024-06-01", "2024-08-31"),
    ("Since the summer of 2023, North Korea has supplied", "2024-11-05", "2023-06-01", "2024-11-05"),
    ("In June, Putin met with Kim", "2024-11-05", "2024-06-01", "2024-06-30"),
    ("crossed the border on 6 August", "2024-11-05", "2024-08-06", "2024-08-06"),
    ("on Nov. 4, 2024, officials said", None, "2024-11-04", "2024-11-04"),
    ("the talks yesterday", "2024-11-06", "2024-11-05", "2024-11-05"),
]


@pytest.mark.parametrize("sentence,doc_date,lo,hi", DATES, ids=[d[0][:40] for d in DATES])
def test_dates(sentence, doc_date, lo, hi):
    qs = dates(sentence, 0, len(sentence), doc_date)
    assert len(qs) == 1, [(q.text, iso(q.low), iso(q.high)) for q in qs]
    assert (iso(qs[0].low), iso(qs[0].high)) == (lo, hi)


def test_november_4_and_tuesday_do_not_overlap():
    (a,) = dates("on November 4", 0, 13, "2024-11-05")
    (b,) = dates("on Tuesday", 0, 10, "2024-11-06")
    assert not a.overlaps(b)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_parser_never_crashes(text):
    for q in quantities(text):
        assert 0 <= q.start <= q.end <= len(text)
        assert q.low is None or q.high is None or q.low <= q.high


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=10**9))
@example(1999)
@example(2024)
def test_formatted_number_reads_back(n):
    s = f"{n:,} soldiers"  # "1,999 soldiers" is a count: only a bare 1999 can be a year
    (q,) = quantities(s)
    assert q.value == n
    assert q.low <= n <= q.high
    assert not math.isinf(q.low)


# -- the classes of issue 15, one table each: (sentence, [(figure text, bound, value, unit)]) --
# value is the figure as read in its canonical unit (a range: (low, high)); unit None is a count

RANGES = [
    ("Donations ranged from $200 to $4 million.", [("from $200 to $4 million", "range", (200, 4e6), "USD")]),
    ("Prices ranged from $800,000 to $1.3 million.", [("from $800,000 to $1.3 million", "range", (8e5, 1.3e6), "USD")]),
    ("Growth will be from 5 to 7 per cent.", [("from 5 to 7 per cent", "range", (5, 7), "percent")]),
    ("Inflation stayed between 5% and 6%.", [("between 5% and 6%", "range", (5, 6), "percent")]),
    ("The rate is now between 4.75%-5%.", [("between 4.75%-5%", "range", (4.75, 5), "percent")]),
    ("Rain of 13.5 to 14.0 mm fell.", [("13.5 to 14.0 mm", "range", (0.0135, 0.014), "meter")]),
    ("Between 2 and 3 million people fled.", [("Between 2 and 3 million", "range", (2e6, 3e6), None)]),
    ("Journeys fall from four hours to 90 minutes.", [("four hours", "=", 4 / 24, "day"), ("90 minutes", "=", 90 / 1440, "day")]),
]
CURRENCIES = [
    ("Debt hit US$113 trillion.", [("US$113 trillion", "=", 113e12, "USD")]),
    ("Assets reached $US55.7 trillion.", [("$US55.7 trillion", "=", 55.7e12, "USD")]),
    ("The council will spend A$18.3 million.", [("A$18.3 million", "=", 18.3e6, "AUD")]),
    ("Median pay is £21,700.", [("£21,700", "=", 21700, "GBP")]),
    ("The firm raised €4bn.", [("€4bn", "=", 4e9, "EUR")]),
    ("A Rs 500 crore plan and a Rs 2 lakh crore package.", [("Rs 500 crore", "=", 5e9, "INR"), ("Rs 2 lakh crore", "=", 2e12, "INR")]),
    ("It costs CHF 2 million, or NZ$40 million.", [("CHF 2 million", "=", 2e6, "CHF"), ("NZ$40 million", "=", 4e7, "NZD")]),
    ("Fines of 5 million pounds were paid.", [("5 million pounds", "=", 5e6, "GBP")]),
    ("The budget is 656.6 trillion won, trimmed by 4.2 trillion won from the plan.",
     [("656.6 trillion won", "=", 656.6e12, "KRW"), ("4.2 trillion won", "=", 4.2e12, "KRW")]),
]
UNIT_CASES = [
    ("The panels give 5kW.", [("5kW", "=", 5e3, "watt")]),
    ("Winds hit 120mph.", [("120mph", "=", 120 * 1.609344, "kilometer/hour")]),
    ("The plant makes 3,000 MW.", [("3,000 MW", "=", 3e9, "watt")]),
    ("Households used 12 kWh.", [("12 kWh", "=", 12e3, "watt_hour")]),
    ("Output is 2 million bpd.", [("2 million bpd", "=", 2e6 * 158.987294928, "liter/day")]),
    ("Gusts reached 30 knots.", [("30 knots", "=", 30 * 1.852, "kilometer/hour")]),
    ("The office has 40,000 sq metres.", [("40,000 sq metres", "=", 4e4, "meter**2")]),
    ("A record of 41 seconds.", [("41 seconds", "=", 41 / 86400, "day")]),
    ("It reached 104F.", [("104F", "=", 40.0, "degC")]),
    ("Temperatures warmed by 2.14°F.", [("2.14°F", "=", 2.14 * 5 / 9, "degC")]),  # a change: no offset
    ("Craters fall to minus 233 Celsius.", [("minus 233 Celsius", "=", -233, "degC")]),
    ("Add 1/2 pound of flour.", [("1/2 pound", "=", 0.5 * 0.45359237, "kilogram")]),
]
NEGATIVES = [
    ("The index lost -1.3% on the day.", [("-1.3%", "=", -1.3, "percent")]),
    ("It booked a loss of $-50.8bn.", [("$-50.8bn", "=", -50.8e9, "USD")]),
]
FRACTIONS = [
    ("Two-thirds of voters backed it.", [("Two-thirds", "=", 200 / 3, "percent")]),
    ("More than half of the residents left.", [("More than half", ">", 50, "percent")]),
    ("One in five adults smoke.", [("One in five", "=", 20, "percent")]),
    ("Allocations were cut by a quarter.", [("a quarter", "=", 25, "percent")]),
    ("Rates rose by a quarter of a percentage point.", [("a quarter of a percentage point", "=", 0.25, "percentage_point")]),
    ("Half a million people fled.", [("Half a million", "=", 5e5, None)]),
    ("He scored in the second half of the match.", []),
]
VAGUE_CASES = [
    ("Tens of thousands marched.", [("Tens of thousands", "range", (1e4, 1e5), None)]),
    ("Tens of millions watched.", [("Tens of millions", "range", (1e7, 1e8), None)]),
    ("Ice has been trapped for billions of years.", [("billions of years", "range", (1e9 * 365.25, 1e12 * 365.25), "day")]),
]
WORDS = [
    ("A crowd of twenty-eight thousand six hundred forty-two watched.",
     [("twenty-eight thousand six hundred forty-two", "=", 28642, None)]),
    ("Three hundred and fifty homes burned.", [("Three hundred and fifty", "=", 350, None)]),
    ("One firefighter was injured.", [("One", "=", 1, None)]),
    ("One of the victims died and no one else was hurt.", []),
]
SCALE_LETTERS = [
    ("The app has 35m users.", [("35m", "=", 35e6, None)]),
    ("The deal is worth £2bn.", [("£2bn", "=", 2e9, "GBP")]),
    ("A 10m wall stands there.", []),  # metres or million: too ambiguous to read
]
NOT_FIGURES = [
    ("In 2021 most people stayed home.", []),
    ("Some 2000 firefighters were deployed.", [("Some 2000", "~", 2000, None)]),
    ("The Galaxy Note 20 and the S&P 500 rose, as did Boeing 787 orders, iPhone 14 sales and Windows 11.", []),
    ("He lives at 10 Downing Street.", []),
    ("City won 2-1 after a 96th-minute goal.", []),
    ("She won 3-6, 6-4, 6-2.", []),
    ("The risk was raised to level 4 of 5.", []),
    ("It is a 24/7 job.", []),
    ("In the district 3,000 homes were flooded.", [("3,000", "=", 3000, None)]),
    ("Labour won 412 seats, with 412 won by Labour.", [("412", "=", 412, None), ("412", "=", 412, None)]),
    ("The federal funds rate is 4.75%-5%.", [("4.75%-5%", "range", (4.75, 5), "percent")]),
]
BOUNDS = [
    ("Unemployment was inching back up to 4.8 percent.", [("4.8 percent", "=", 4.8, "percent")]),
    ("Up to 40 people were hurt.", [("Up to 40", "<", 40, None)]),
    ("Patients aged 50 and over took part.", [("50 and over", ">", 50 * 365.25, "day")]),
    ("The bill cuts spending over 10 years.", [("10 years", "=", 3652.5, "day")]),
    ("He was jailed for over two years.", [("over two years", ">", 730.5, "day")]),
    ("The asteroid will pass within 31,000 km of Earth.", [("within 31,000 km", "<", 3.1e7, "meter")]),
    ("Services revenue was topping $24 billion.", [("topping $24 billion", ">", 24e9, "USD")]),
    ("Waits were longer than 52 weeks.", [("longer than 52 weeks", ">", 364, "day")]),
]
CLASSES = RANGES + CURRENCIES + UNIT_CASES + NEGATIVES + FRACTIONS + VAGUE_CASES + WORDS + SCALE_LETTERS + NOT_FIGURES + BOUNDS


@pytest.mark.parametrize("sentence,expected", CLASSES, ids=[c[0][:48] for c in CLASSES])
def test_figure_classes(sentence, expected):
    got = quantities(sentence)
    assert [q.text for q in got] == [e[0] for e in expected], [(q.text, q.bound, q.low, q.high) for q in got]
    for q, (text, bound, value, unit) in zip(got, expected):
        assert sentence[q.start:q.end] == text
        assert q.bound == bound
        assert q.unit == unit
        if bound == "range":
            assert (q.low, q.high) == (pytest.approx(value[0], rel=1e-6), pytest.approx(value[1], rel=1e-6))
        else:
            assert q.value == pytest.approx(value, rel=1e-6)
            assert q.low is None or q.high is None or q.low <= q.value <= q.high or bound in ("<", ">")


def test_more_than_a_word_number_is_under_the_next_step():
    """"more than a million" is under two million, so "about 1.2 million" agrees with it."""
    (a,) = quantities("more than a million people")
    (b,) = quantities("about 1.2 million people")
    (c,) = quantities("more than two million homes")
    (d,) = quantities("more than a dozen towns")
    assert a.implied_high == 2e6 and a.overlaps(b)
    assert c.implied_high == 3e6 and d.implied_high == 24


def test_tons_are_compatible_with_tonnes_and_short_tons():
    (t,) = quantities("2,000 tons of grain")
    (m,) = quantities("2,000 tonnes of grain")
    (s,) = quantities("1,814 tonnes of grain")  # 2,000 short tons
    assert t.overlaps(m) and t.overlaps(s)
    assert not m.overlaps(s)


def test_restated_temperature_is_one_reading():
    (q,) = quantities("It reached 104F (40C) in the city.")
    assert q.text == "104F (40C)" and q.note is None and q.unit == "degC"
    assert q.low <= 40 <= q.high


@pytest.mark.parametrize("counts, event, folded", [
    ("people", "kill", "deaths"),  # "killed five people" counts what "four people died" counts
    ("people", "die", "deaths"),
    ("people", "injure", "people"),  # the hurt are not the dead
    ("people", None, "people"),
    ("civilians", "kill", "deaths"),
    ("soldiers", "kill", "troops"),  # a count of soldiers stays one, whatever befell them
    ("deaths", None, "deaths"),
    ("countries", None, "country"),  # one word for one thing, in the plural too
    ("20 countries", None, "country"),
])
def test_people_a_verb_of_dying_governs_are_deaths(counts, event, folded):
    from claimdiff.extract.quantities import topic
    from claimdiff.model import Quantity

    assert topic(Quantity("five", 0, 4, 5, 5, "count", counts=counts, event=event)) == folded


@pytest.mark.parametrize("text, low, high", [
    ("The party won 240 seats.", 239.5, 240.5),  # a count of things under a thousand is exact
    ("They arrested 150 people.", 149.5, 150.5),
    ("The ship carried 4,700 containers.", 4653, 4747),  # from the thousands a round figure is rounded
    ("The road is 240 km long.", 237600, 242400),  # a measure is rounded at any size
])
def test_a_bare_count_under_a_thousand_is_told_exactly(text, low, high):
    (q,) = quantities(text, 0, len(text))
    assert (q.low, q.high) == (pytest.approx(low), pytest.approx(high))


@pytest.mark.parametrize("ref, other, pairs", [
    # a list of figures by place pairs place with place, told as a place or as a holder
    ("Of the dead, 39 were in Wajima and 23 in Suzu, two cities on the peninsula.",
     "Wajima accounted for 39 of the 72 dead and Suzu for 22.", [("39", "39"), ("23", "22")]),
    ("Of the dead, 23 were in Suzu and 39 in Wajima.",
     "Wajima accounted for 39 of the 72 dead and Suzu for 22.", [("23", "22"), ("39", "39")]),
    # two uncounted numbers among others of their kind, with no place to hold them, stay unpaired
    ("With 97.6% of votes counted, Milei had 55.8% against 44.2%.", "Massa took just over 44%.", []),
])
def test_figures_paired_by_their_place(ref, other, pairs):
    from claimdiff.extract import extract
    from claimdiff.extract.parse import parser_for
    from claimdiff.extract.quantities import pair_quantities
    from claimdiff.read import parse_document

    parser = parser_for(None, cache=False)

    def figures(text):
        doc = parse_document(f"---\noutlet: T\n---\n{text}\n", doc_id="t", path=None, name="t")
        return tuple(q for c in extract(doc, parser) for q in c.quantities)

    got = [(qa.text, qb.text) for qa, qb in pair_quantities(figures(ref), figures(other))]
    assert sorted(got) == sorted(pairs)
