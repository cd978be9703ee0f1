"""Rules the judge learned from real coverage, each with a case that must not fire and,
where the rule could swallow real findings, one that must."""

from __future__ import annotations

import pytest

from claimdiff import Settings, compare
from claimdiff.read import parse_document
from claimdiff.extract.stance import certainty, negation

ALL = Settings(semantic=False, min_confidence=0.0)


def kinds(ref: str, other: str, date="2024-05-30") -> set[str]:
    docs = [parse_document(f"---\noutlet: {n}\ndate: {date}\n---\n{t}\n", doc_id=n, path=None, name=n)
            for n, t in (("ref", ref), ("other", other))]
    return {f.kind.value for f in compare(docs, settings=ALL).findings}


def between(kind: str, third: str | None, ref: str, other: str) -> list[str]:
    """The reasons of the findings of ``kind`` between ``ref`` and ``other`` in a story where a
    third report, when given, says ``third``."""
    texts = [("ref", ref), ("other", other)] + ([("third", third)] if third else [])
    docs = [parse_document(f"---\noutlet: {n}\ndate: 2023-12-18\n---\n{t}\n", doc_id=n, path=None, name=n)
            for n, t in texts]
    return [f.reason for f in compare(docs, settings=ALL).findings
            if f.kind.value == kind and {s.document for s in f.all_sides[0]} == {"ref", "other"}]


def shifted_with(third: str | None, ref: str, other: str) -> list[str]:
    return between("figure-shift", third, ref, other)


DEAL = ("Nippon Steel will buy U.S. Steel for about $14.1 billion in cash, the companies said on Monday.",
        "Nippon Steel will buy U.S. Steel for $14.9 billion in cash, the companies said on Monday.")


def test_two_prices_a_report_tells_apart_are_no_shift_between_outlets_that_give_one_each():
    """Equity value or total with debt: outlets give one or the other of a deal's price; when a
    report of the story gives both and says what sets them apart, the two outlets agree."""
    assert shifted_with(None, *DEAL) == ["money: about $14.1 billion -> $14.9 billion (+$0.8 billion (+6%))"]
    both = ("The price is an equity value of about $14.1 billion. Nippon Steel also takes on the company's debt, "
            "which brings the deal to $14.9 billion.")
    assert shifted_with(both, *DEAL) == []
    assert between("agree", both, *DEAL) == ["same claim; figures compatible: on Monday (2023-12-18) ~ on Monday "
                                             "(2023-12-18); both figures in one report: about $14.1 billion | $14.9 billion"]
    # two prices each, both told apart by the third report: both pairs named
    two = ("The deal is worth about $14.1 billion, or $2.0 billion for the mills, the companies said on Monday.",
           "The deal is worth $14.9 billion, or $2.5 billion for the mills, the companies said on Monday.")
    third = ("The equity value is about $14.1 billion, $2.0 billion of it for the mills; with the debt it takes on, "
             "the deal is worth $14.9 billion, $2.5 billion for the mills.")
    (agreed,) = between("agree", third, *two)
    assert agreed.endswith("; both figures in one report: about $14.1 billion | $14.9 billion; $2.0 billion | "
                           "$2.5 billion"), agreed
    # both figures in one report, but nothing says they measure two things: still a shift
    assert shifted_with("Nippon Steel first offered $14.1 billion and then raised it to $14.9 billion.", *DEAL)


def test_a_report_that_gives_two_tolls_does_not_explain_away_two_outlets_tolls():
    """A toll that rose is a change over time: outlets that give one toll each still differ,
    whatever a third says of the rise, even in words that name a measure."""
    tolls = ("The storm killed 4 people in Florida, officials said on Thursday.",
             "The storm killed 10 people in Florida, officials said on Thursday.")
    rise = "The toll, including the dead in St. Lucie County, rose from 4 to 10, officials said on Thursday."
    assert shifted_with(rise, *tolls) == shifted_with(None, *tolls) != []


NO_SHIFT = [
    # a count of the dead against a count of the injured
    ("The quake killed 2,012 people and 1,404 people were critically injured, the ministry said.",
     "The quake killed 2,012 people and 2,059 people were injured, the ministry said."),
    # a figure that says what it includes against one that does not
    ("Nippon Steel will pay about $14.1 billion for U.S. Steel, the companies said.",
     "Nippon Steel will pay $14.9 billion including debt for U.S. Steel, the companies said."),
    # an order of magnitude apart: a share price and a deal
    ("Nippon Steel will pay $55 for U.S. Steel, the companies said on Monday.",
     "Nippon Steel will pay $14.1 billion for U.S. Steel, the companies said on Monday."),
    # a span told in whole units
    ("The Federal Reserve made its first cut in four years on Wednesday.",
     "The Federal Reserve made its first cut in more than four years on Wednesday."),
    # one yearless day, however each resolved the year
    ("Judge Juan Merchan scheduled sentencing for July 11, days before the convention.",
     "Judge Juan Merchan fixed sentencing for July 11, days before the convention."),
    # two shares of two things, each named by the subject of its verb
    ("Inflation rose to 11.1% in October, the statistics office said.",
     "Unemployment rose to 10.1% in October, the statistics office said."),
    ("Crude steel output was about 44 million tons last year, the company said.",
     "The group's combined capacity is projected to climb to 86 million tons, the company said."),
    # dates a season apart are two events
    ("The WHO declared mpox a global health emergency on Wednesday in Geneva.",
     "The WHO declared mpox a global health emergency in July 2022 in Geneva."),
    # figures of two periods (two Octobers) are two figures
    ("Inflation was 4.2% in October 2021, the office said.", "Inflation was 11.1% in October 2022, the office said."),
    # an outbreak's cases are a running count: a floor agrees with any count at or above it
    ("Congo has recorded more than 14,000 mpox cases this year, the WHO said.",
     "Congo has reported 15,600 mpox cases so far this year, the WHO said."),
    # how long a policy lasted and how long since the last hike are two durations
    ("The Bank of Japan ended eight years of negative interest rates on Tuesday.",
     "The Bank of Japan lifted rates on Tuesday in its first hike in 17 years."),
    # a strike that began on Friday and the contracts that lapsed on Thursday night: two events
    ("About 13,000 workers went on strike on Friday, the union said.",
     "The contracts lapsed on Thursday at 11:59 p.m., the union said."),
    # how old someone is is no gap since the last time
    ("She is going to be the country's first (woman) president in 200 years.",
     "The 61-year-old is set to become the first woman to serve as the country's president."),
    # a floor of a figure per unit is a floor: each town may pass it by its own amount
    ("Several towns in the region received more than 300 liters per square meter of rain.",
     "More than 400 liters per square meter of rain fell on some towns in the region."),
    # when the last cut was and when rates were last this high are two facts
    ("The European Central Bank has lowered borrowing costs, its first cut in nearly five years.",
     "The European Central Bank has cut rates after ten hikes had pushed them to their highest point in over "
     "twenty years."),
]


@pytest.mark.parametrize("ref, other", NO_SHIFT)
def test_figures_of_other_things_are_no_shift(ref, other):
    assert "figure-shift" not in kinds(ref, other, date="2024-08-14")


@pytest.mark.parametrize("ref, other", [
    ("The quake killed 2,012 people, the interior ministry said on Saturday.",
     "The quake killed 2,946 people, the interior ministry said on Saturday."),
    # subjects with no word in common ("employers" / "the economy") lower the alignment, never veto a shift
    ("Employers added 150,000 jobs in March, the department said.",
     "The economy added 200,000 jobs in March, the department said."),
    # a date or a time is the claim's whatever the places: scope sets apart counts and amounts, not days
    ("The ferry in Dover will resume sailing on Monday, the operator said.",
     "The ferry in Calais will resume sailing on Wednesday, the operator said."),
    ("The ferry in Dover sailed at 9:15 a.m., the operator said.", "The ferry in Calais sailed at 9:40 a.m., the operator said."),
    # a place named only in the attribution ("officials in Ankara said") is not the figures' scope
    ("The quake killed 8,574 people, officials in Ankara said.", "The quake killed 9,100 people in Turkey, officials said."),
    ("The quake killed 9,100 people in Turkey, officials said.", "The quake killed 8,574 people, officials in Ankara said."),
    ("The Federal Reserve made its first cut in four years on Wednesday.",
     "The Federal Reserve made its first cut in six years on Wednesday."),
    ("Congo has reported 12,000 mpox cases so far this year, the WHO said.",
     "Congo has reported 15,600 mpox cases so far this year, the WHO said."),
    ("The harbour will reopen to cargo ships on Monday, the port authority said.",
     "The harbour will reopen to cargo ships on Wednesday, the port authority said."),
])
def test_the_same_figure_moved_is_still_a_shift(ref, other):
    assert "figure-shift" in kinds(ref, other)


@pytest.mark.parametrize("text", [
    "India has reached the south pole of the moon, and no other country has done that.",
    "The mission is not just India's success, he said.",
    "Biden said he had not changed his view that Xi is a dictator.",
    "Millions of homes were left without power after the storm.",
    "No country had landed a craft near the lunar south pole before.",
])
def test_exclusivity_continuity_and_without_are_no_negation(text):
    assert negation(text) is None


def test_a_denial_still_negates():
    assert negation("The North Korean troops have not engaged in combat operations.")
    assert negation("No survivors have been found in the rubble.")
    assert "contradiction" in kinds("The North Korean troops have engaged in combat operations in Kursk.",
                                    "The North Korean troops have not engaged in combat operations in Kursk.")


@pytest.mark.parametrize("text", [
    "India landed near the south pole, a region that scientists believe might hold frozen water.",
    "In remarks likely to irritate Beijing, Biden said he still saw Xi as a dictator.",
])
def test_a_hedge_in_a_clause_about_a_noun_does_not_hedge_the_claim(text):
    assert certainty(text)[0] == "asserted"


@pytest.mark.parametrize("text", ["Officials said that the toll might rise.", "Labour is likely to win a majority.",
                                  "There are concerns that Russia could share missile technology.",
                                  "The toll, officials said, could rise."])
def test_a_hedge_of_the_claim_still_hedges(text):
    assert certainty(text)[0] == "hedged"


def test_can_and_could_are_one_modality():
    assert "certainty-shift" not in kinds(
        '"He and I agreed that each one of us can pick up the phone and call," Biden said.',
        '"He and I agreed that each one of us could pick up the phone and call," Biden said.')
    assert "certainty-shift" in kinds("The toll rose to 2,000 in the province, officials said.",
                                      "The toll reportedly rose to 2,000 in the province, officials said.")


@pytest.mark.parametrize("ref, other", [
    ("He did not resign on Friday, aides said.", "He met the board on Friday, aides said."),
    ("No one was hurt in the blast, police said.", "The blast shattered windows, police said."),
    # a negated verb that says something of its own is not undone by a support verb on the other
    # side that carries the shared noun ("held out hope")
    ("Such figures have not matched the hopes of some economists that inflation had peaked, analysts said.",
     "Some economists have held out hope that inflation might be nearing a peak, analysts said."),
    # a copula's noun with a relative clause: denied is what the clause says (ending malaria)
    ("The R21 shot is not the vaccine that will end malaria, Tedros said.",
     "The R21 shot is the second vaccine recommended against malaria, Tedros said."),
])
def test_a_negation_of_what_the_other_side_does_not_say_is_no_contradiction_on_either_side(ref, other):
    assert "contradiction" not in kinds(ref, other)
    assert "contradiction" not in kinds(other, ref)


@pytest.mark.parametrize("ref, other", [
    ("The talks were productive and candid, he said.", "The talks were productive and candid, Joe Biden said."),
    # two quotations of other words by two people: two statements, not one credited to another
    ('"The deal also benefits the United States and its steel industry," David Burritt said.',
     '"The transaction builds on our presence in the United States and we will honour every union contract," '
     'Eiji Hashimoto said.'),
])
def test_an_unresolved_pronoun_or_two_quotations_are_no_attribution_shift(ref, other):
    assert "attribution-shift" not in kinds(ref, other)
    assert "attribution-shift" not in kinds(other, ref)


def test_a_title_cut_from_its_name_credits_no_one():
    assert "attribution-shift" not in kinds(
        "The rover will study the lunar soil within a day, said Dr. S. Somanath.",
        "The rover will study the lunar soil within a day, said S. Somanath.")


# -- the judge's source and opposition rules, each stated by the case it decides --------------

def test_a_denial_of_what_a_relative_clause_says_still_contradicts_it():
    assert "contradiction" in kinds("This is not the vaccine that is going to stop malaria, Tedros said.",
                                    "This is the vaccine that is going to stop malaria, Tedros said.")


@pytest.mark.parametrize("ref, other, shifted", [
    # a statement dated on one side only, or on two days: two statements, the same news from two sources
    ("More than 10,000 North Korean troops have been sent to eastern Russia, the State Department said.",
     "More than 10,000 North Korean troops have been sent to eastern Russia, the Defense Ministry said last Tuesday.",
     False),
    ("More than 10,000 North Korean troops have been sent to eastern Russia, the State Department said on Monday.",
     "Earlier this week the Defense Ministry said more than 10,000 North Korean troops had been sent to eastern Russia.",
     False),
    # undated on both sides (or on one day): one statement credited to two bodies
    ("More than 10,000 North Korean troops have been sent to eastern Russia, the State Department said.",
     "More than 10,000 North Korean troops have been sent to eastern Russia, the Defense Ministry said.", True),
    ("More than 10,000 North Korean troops have been sent to eastern Russia, the State Department said on Monday.",
     "More than 10,000 North Korean troops have been sent to eastern Russia, the Defense Ministry said on Monday.",
     True),
])
def test_sources_that_spoke_apart_are_no_attribution_shift(ref, other, shifted):
    assert ("attribution-shift" in kinds(ref, other)) is shifted
    assert ("attribution-shift" in kinds(other, ref)) is shifted


@pytest.mark.parametrize("neg, pos", [
    ("Thousands of people in the region still have no power, officials said.",
     "Thousands of homes in the region were still without power, officials said."),
    ("The villages had no clean water after the floods, officials said.",
     "The villages were left lacking clean water after the floods, officials said."),
])
def test_an_absence_told_by_a_privative_word_is_no_contradiction(neg, pos):
    assert "contradiction" not in kinds(neg, pos)
    assert "contradiction" not in kinds(pos, neg)


def test_won_against_lost_is_a_contradiction():
    assert "contradiction" in kinds("Labour won the seat of Hartlepool on Friday, the returning officer said.",
                                    "Labour lost the seat of Hartlepool on Friday, the returning officer said.")


@pytest.mark.parametrize("ref, other, shifted", [
    # two bodies: the Pentagon is not the State Department
    ("North Korean troops have entered Kursk, the Pentagon said on Monday.",
     "North Korean troops have entered Kursk, the State Department said on Monday.", True),
    # two spokesmen of two bodies: the role is one, the bodies are two
    ("North Korean troops have entered Kursk, a Pentagon spokesman said on Monday.",
     "North Korean troops have entered Kursk, a State Department spokesman said on Monday.", True),
    # one body, said twice alike
    ("North Korean troops have entered Kursk, the Pentagon said on Monday.",
     "North Korean troops have entered Kursk, the Pentagon said on Monday, citing intelligence.", False),
    # a definite role naming no one may be the person named: its last word is the role, whatever
    # body stands before it, and an apposition after a comma only describes the holder
    ("The bridge was up to code with no known structural issues, Moore said.",
     "The bridge was up to code with no known structural issues, the governor, a rising star in the "
     "Democratic party, said.", False),
    ("A coordinated international response is essential to stop the outbreaks, Tedros said.",
     "A coordinated international response is essential to stop the outbreaks, the WHO Director-General said.",
     False),
    # a body is no role: the person against the body is still two sources
    ("A coordinated international response is essential to stop the outbreaks, Tedros said.",
     "A coordinated international response is essential to stop the outbreaks, the World Health Organization said.",
     True),
    # a body under its initials is one source, possessive or in brackets; a word in lower case
    # is no initials
    ("Consumer prices rose 11.1% in the 12 months to October, the Office for National Statistics said.",
     "Consumer prices rose 11.1% in the 12 months to October, according to the ONS's latest release.", False),
    ("The reef lost a third of its coral this year, the Ocean Research Bureau said.",
     "The reef lost a third of its coral this year, the Orb Institute said.", True),
    ("Consumer prices rose 11.1% in the 12 months to October, the Office for National Statistics said.",
     "Consumer prices rose 11.1% in the 12 months to October, according to data released this morning from the ONS.",
     False),
    ("Consumer prices rose 11.1% in the 12 months to October, the Office for National Statistics said.",
     "Consumer prices rose 11.1% in the 12 months to October, according to data from the IMF.", True),
])
def test_one_source_or_two(ref, other, shifted):
    assert ("attribution-shift" in kinds(ref, other)) is shifted


@pytest.mark.parametrize("a, b, same", [
    # one body named a little differently: the names share most of their words (the bar is
    # half of them, not nine tenths)
    ("the local fire service", "the fire and rescue service", True),
    ("the Sky News exit poll", "an exit poll for Sky", True),
    ("the local fire service", "the coast guard", False),
    # sources of generic words only (no name to tell them apart): their words decide, at the same bar
    ("the exit poll", "the poll projections", True),
])
def test_a_source_named_a_little_differently_is_the_same_source(a, b, same):
    from claimdiff.judge import same_source
    from claimdiff.model import Attribution

    assert same_source(Attribution(source=a), Attribution(source=b))[0] is same


def test_the_count_on_record_and_a_reckoning_of_the_real_one_are_two_measures():
    """"the official death toll stands at 7 million" / "the real toll at over 20 million": both
    true, of one pandemic; two plain counts of it still shift."""
    assert shifted_with(None, "He noted that the official COVID-19 death toll stands at 7 million.",
                        "Tedros estimated the real toll at over 20 million.") == []
    assert shifted_with(None, "The COVID-19 death toll stands at 7 million, he noted.",
                        "The COVID-19 death toll stands at over 20 million, he noted.") != []


@pytest.mark.parametrize("text, measure", [
    ("the official death toll stands at 7 million", "recorded"),
    ("the confirmed cases rose to 400", "recorded"),
    ("the real toll is at least 20 million", "reckoned"),
    ("excess deaths reached 1.2 million", "reckoned"),
    ("the actual number of deaths may be far higher", "reckoned"),
    ("7 million people have died", None),
    ("an official said 40 people died", None),  # "official" of a person, no count noun after it
])
def test_which_count_a_figure_is(text, measure):
    from claimdiff.extract.scope import measure as measure_of

    assert measure_of(text) == measure


def _story(ref: str, other: str, settings=ALL) -> list[str]:
    docs = [parse_document(f"---\noutlet: {n}\ndate: 2024-10-09\n---\n{t}\n", doc_id=n, path=None, name=n)
            for n, t in (("ref", ref), ("other", other))]
    return [f.kind.value for f in compare(docs, settings=settings).findings]


STORM = "The storm could cut power to two million homes in the state, officials said on Monday."


def test_a_certainty_shift_needs_a_pair_clear_of_its_rivals():
    """A hedge on a claim with a near-equal rival in the other report (here a hedged one: which
    of the two is the counterpart?) more often marks another claim than the same one hedged:
    the pair is reported as aligned. With the gap set to 0 the same pair is a shift, so the bar
    is what holds it back."""
    other = ("The storm cut power to two million homes in the state, officials said on Monday. "
             "The storm may cut power to two million homes in the state, officials said Monday.")
    assert _story(STORM, other, Settings(semantic=False, min_confidence=0.0, certainty_gap=0.0)).count("certainty-shift") == 1
    assert "certainty-shift" not in _story(STORM, other)
    assert ("same claim; certainty not judged, another claim is nearly as close (hedged -> asserted); "
            "figures compatible: two million ~ two million") in between("agree", None, STORM, other)
    # a pair clear of any rival keeps its shift at the default
    assert "certainty-shift" in _story(STORM, other.split(". ")[0] + ".")


def test_a_lead_restated_lower_down_is_no_rival_of_itself():
    """The other report says it twice, as sure both times: the restatement would be judged
    alike, so the shift stands, once."""
    other = ("The storm cut power to two million homes in the state, officials said on Monday. "
             "The storm cut power to two million homes in the state, officials said Monday.")
    assert _story(STORM, other).count("certainty-shift") == 1


@pytest.mark.parametrize("ref, other, shift", [
    # a share of the count done is no share of the vote: uncounted shares among others are not paired
    ("With 97.6% of votes counted, Milei had 55.8% against 44.2% for Massa.",
     "Massa conceded after taking just over 44% to Milei's roughly 56%.", False),
    # ... but one share against one share of the same thing is
    ("Unemployment rose to 4.3% in July, the department said.", "Unemployment rose to 4.1% in July, the department said.",
     True),
    # what someone expected is not what happened
    ("The ministry put the count at 1.12 million demonstrators on Thursday.",
     "The authorities were expecting 550,000 to 750,000 demonstrators on Thursday.", False),
    ("Economists had expected 140,000 new jobs, the survey showed.", "Economists had forecast 150,000 new jobs, the survey showed.",
     True),
    # the span a rate is measured over is not a figure of the claim; a run's length is
    ("Prices rose 8.6% in the 12 months to May.", "Prices rose 8.6% in the three months to May.", False),
    ("Prices have beaten estimates four months in a row.", "Prices have beaten estimates five months in a row.", True),
])
def test_figures_of_other_kinds_are_not_paired(ref, other, shift):
    assert bool(shifted_with(None, ref, other)) is shift


def test_past_a_figure_is_more_than_it():
    from conftest import claim_in

    (q,) = claim_in("Inflation has climbed past 140% this year.", "Inflation").quantities[:1]
    assert (q.low, q.high, q.low_open) == (140.0, None, True)
    spans = [q.text for q in claim_in("Prices rose 9.1% in the past 12 months.", "Prices").quantities]
    assert spans == ["9.1%", "12 months"]  # "the past 12 months" is a span, not "more than 12 months"


def _dated(ref: tuple[str, str], other: tuple[str, str]) -> list:
    """The findings between two reports, each a (date, text)."""
    docs = [parse_document(f"---\noutlet: {n}\ndate: {d}\n---\n{t}\n", doc_id=n, path=None, name=n)
            for n, (d, t) in (("ref", ref), ("other", other))]
    return compare(docs, settings=ALL).findings


TOLL = "The death toll from the earthquake rose to {} people, the disaster agency said."


@pytest.mark.parametrize("ref, other, shift", [
    # a running count filed on two days, the later higher: it rose, no one disagrees
    (("2023-02-08", TOLL.format("8,574")), ("2023-02-07", TOLL.format("3,419")), False),
    (("2023-02-07", TOLL.format("3,419")), ("2023-02-08", TOLL.format("8,574")), False),
    # the same day: two figures for one count
    (("2023-02-08", TOLL.format("8,574")), ("2023-02-08", TOLL.format("3,419")), True),
    # a later count lower than an earlier one is not a count that rose
    (("2023-02-08", TOLL.format("3,419")), ("2023-02-07", TOLL.format("8,574")), True),
    # the day the claim gives beats the day of filing: Tuesday's 8,000 against Wednesday's 9,000
    (("2023-02-09", "The death toll from the earthquake stood at 8,000 people on Tuesday, officials said."),
     ("2023-02-08", "The death toll from the earthquake stood at 9,000 people on Wednesday, officials said."), False),
    (("2023-02-09", "The death toll from the earthquake stood at 9,000 people on Tuesday, officials said."),
     ("2023-02-08", "The death toll from the earthquake stood at 8,000 people on Wednesday, officials said."), True),
    # the hurt are a running count too; jobs to be cut are not
    (("2023-02-08", "A total of 40,312 people were injured in the earthquake, the agency said."),
     ("2023-02-07", "A total of 20,120 people were injured in the earthquake, the agency said."), False),
    (("2024-05-08", "The carmaker said it would cut 1,500 jobs at its plant in Ohio."),
     ("2024-05-07", "The carmaker said it would cut 1,200 jobs at its plant in Ohio."), True),
])
def test_a_running_count_of_another_day_is_another_scope(ref, other, shift):
    found = _dated(ref, other)
    assert any(f.kind.value == "figure-shift" for f in found) is shift
    if not shift:
        (agreed,) = [f.reason for f in found if f.kind.value == "agree"]
        assert "other scope, a running count on other days: " in agreed, agreed


@pytest.mark.parametrize("ref, other, shift", [
    # the latest day the claim names, not the day of the quake it counts from: Wednesday's 9,000
    # against Tuesday's 8,000 rose
    (("2023-02-09", "The death toll from Monday's earthquake stood at 9,000 people on Wednesday, officials said."),
     ("2023-02-08", "The death toll from Monday's earthquake stood at 8,000 people on Tuesday, officials said."), False),
    # the day of the saying dates the count: Tuesday's 9,012 against Wednesday's 8,011 fell
    (("2023-02-09", "Some 9,012 people have died in the earthquake, officials said on Tuesday."),
     ("2023-02-08", "Some 8,011 people have died in the earthquake, officials said on Wednesday."), True),
])
def test_the_day_a_running_count_is_told_as_of(ref, other, shift):
    assert any(f.kind.value == "figure-shift" for f in _dated(ref, other)) is shift


def test_the_days_of_a_running_count_are_no_date_shift():
    """Tuesday's 8,000 and Wednesday's 9,000: the two days are what sets the counts apart, and
    are named as another scope, not shifted."""
    found = _dated(("2023-02-09", "The death toll from the earthquake stood at 8,000 people on Tuesday, officials said."),
                   ("2023-02-08", "The death toll from the earthquake stood at 9,000 people on Wednesday, officials said."))
    (agreed,) = [f.reason for f in found if f.kind.value == "agree"]
    assert "other scope: on Tuesday (2023-02-07) | on Wednesday (2023-02-08)" in agreed, agreed


def _undated(ref: str, other: tuple[str, str]) -> list:
    """The findings between a report with no date and a dated one."""
    docs = [parse_document(f"---\noutlet: ref\n---\n{ref}\n", doc_id="ref", path=None, name="ref"),
            parse_document(f"---\noutlet: other\ndate: {other[0]}\n---\n{other[1]}\n", doc_id="other", path=None,
                           name="other")]
    return compare(docs, settings=ALL).findings


def test_a_running_count_of_a_day_not_told_is_no_shift():
    """A page with no date and a claim that names no day, against a dated one: the count may be
    of any hour, and two tolls that differ are aligned, with the day said to be unknown. Where
    the claim names its day, or neither report gives one, the counts are compared."""
    found = _undated(TOLL.format("3,419"), ("2023-02-08", TOLL.format("8,574")))
    assert not any(f.kind.value == "figure-shift" for f in found)
    (agreed,) = [f.reason for f in found if f.kind.value == "agree"]
    assert agreed.endswith("a running count on other days: 3,419 (day not told) | 8,574 (2023-02-08)"), agreed
    named = _undated("The death toll from the earthquake rose to 3,419 people on February 8, 2023, the disaster agency said.",
                     ("2023-02-08", TOLL.format("8,574")))
    assert any(f.kind.value == "figure-shift" for f in named)
    docs = [parse_document(f"---\noutlet: {n}\n---\n{t}\n", doc_id=n, path=None, name=n)
            for n, t in (("ref", TOLL.format("3,419")), ("other", TOLL.format("8,574")))]
    assert any(f.kind.value == "figure-shift" for f in compare(docs, settings=ALL).findings)


def test_the_day_of_another_event_is_not_the_counts_day():
    """"Survivors huddled in the open on Saturday, a day after the quake killed more than 2,000":
    Saturday is the day of the huddling, so the count is the report's, Sunday's, and rose from
    Saturday's 820; the day the count's own verb hangs from stays its day (exact counts here:
    a floor of a toll agrees with any count above it whatever the day)."""
    other = ("2023-09-09", "The earthquake has killed 820 people, officials said on Saturday.")
    found = _dated(("2023-09-10", "Survivors huddled in the open on Saturday, a day after the earthquake killed "
                                  "2,012 people."), other)
    assert not any(f.kind.value == "figure-shift" for f in found), [f.reason for f in found]
    found = _dated(("2023-09-10", "The earthquake killed 2,012 people on Saturday, officials said."), other)
    assert any(f.kind.value == "figure-shift" for f in found), [f.reason for f in found]


def test_a_running_count_says_its_days():
    (agreed,) = [f.reason for f in _dated(("2023-02-08", TOLL.format("8,574")), ("2023-02-07", TOLL.format("3,419")))
                 if f.kind.value == "agree"]
    assert agreed.endswith("a running count on other days: 8,574 (2023-02-08) | 3,419 (2023-02-07)"), agreed


def _pair(ref: str, other: str, **kw) -> set[str]:
    from claimdiff import judge
    from claimdiff.extract import extract

    docs = [parse_document(f"---\noutlet: {n}\ndate: 2024-06-25\n---\n{t}\n", doc_id=n, path=None, name=n)
            for n, t in (("ref", ref), ("other", other))]
    (a,), (b,) = (extract(d) for d in docs)
    sides = (judge.side(docs[0], a), judge.side(docs[1], b))
    return {f.kind.value for f in judge.judge(a, b, sides, (("combined", 0.7),), **kw)}


@pytest.mark.parametrize("ref, other, shift", [
    # nothing but the alignment says the two are one claim: with a rival as close, two statements
    ("Iran attacked Israel twice, military spokesman Daniel Hagari said.",
     "Israeli strikes on Iran killed soldiers, the Iranian army confirmed.", False),
    # one figure both give, or one quotation, shows the claim is one: a change of source stands
    ("Vivian Achista, a paramedic, said no fewer than 10 people had been shot dead.",
     "Paramedics said at least 10 protesters had been shot dead in clashes with police.", True),
    ('"We will not back down," Ruto said.', '"We will not back down," a government spokesman said.', True),
    # a denial of what the other asserts is about the same claim
    ("The troops have begun combat operations, spokesperson Vedant Patel said.",
     "The troops have not begun combat operations, a Pentagon official said.", True),
])
def test_a_change_of_source_on_a_contested_pair_needs_evidence_that_the_claims_are_one(ref, other, shift):
    assert ("attribution-shift" in _pair(ref, other, contested=True)) is shift
    assert "attribution-shift" in _pair(ref, other)  # uncontested, the alignment is enough


def test_a_toll_that_surpassed_a_figure_is_more_than_it():
    from conftest import claim_in

    (q,) = claim_in("The death toll in the city had surpassed 2,000, the spokesman said.", "toll").quantities
    assert (q.low, q.low_open, q.counts) == (2000.0, True, "deaths")


def test_figures_of_two_things_are_two_claims_not_a_change_of_source():
    """"700 bodies have been buried" / "3,200 bodies had been recovered": two counts, so two
    facts, each from its own source, not one fact credited to another."""
    found = _pair("At least 700 recovered bodies have been buried so far, the Health Ministry said.",
                  "The Interior Ministry said 3,200 bodies had been recovered so far.")
    assert "attribution-shift" not in found and "figure-shift" not in found, found
    # one count from two bodies is one fact credited to another
    found = _pair("At least 700 bodies have been buried so far, the Health Ministry said.",
                  "The Interior Ministry said 700 bodies had been buried so far.")
    assert "attribution-shift" in found, found


@pytest.mark.parametrize("ref, other, shift", [
    # two floors of one running count, or a floor and a count above it: both true of a later count
    ("The quake killed more than 2,300 people, officials said.", "The quake killed at least 2,800 people, officials said.",
     False),
    ("The quake killed at least 820 people, officials said.", "The quake killed 2,012 people, officials said.", False),
    ("At least 21 people were hurt in the protests.", "At least 55 people were hurt in the protests.", False),
    # an exact count under a floor is not what the floor says
    ("The quake killed at least 73 people, officials said.", "The quake killed 72 people, officials said.", True),
    # a floor of what is not a running count keeps the step of its last digit
    ("The carmaker will cut more than 2,300 jobs at the plant.", "The carmaker will cut at least 2,800 jobs at the plant.",
     True),
])
def test_floors_of_a_running_count_agree(ref, other, shift):
    assert ("figure-shift" in _pair(ref, other)) is shift


def test_a_body_and_the_department_it_belongs_to_are_one_source():
    found = _pair("The unemployment rate fell to 4.1%, according to Bureau of Labor Statistics figures released Friday.",
                  "The unemployment rate fell to 4.1%, the Labor Department said Friday.")
    assert "attribution-shift" not in found, found
    found = _pair("The unemployment rate fell to 4.1%, according to Bureau of Labor Statistics figures released Friday.",
                  "The unemployment rate fell to 4.1%, the Commerce Department said Friday.")
    assert "attribution-shift" in found, found


def test_claims_of_two_times_do_not_contradict():
    """"won a majority in 2014" / "lost its majority" (filed in 2024): each true of its time."""
    filed = ("2024-06-05", None)  # the other report has no date: it is of the same days
    found = _pair("The party won a majority on its own in 2014, ending an era of coalitions.",
                  "The party lost the outright majority it had enjoyed for a decade.", filed=filed)
    assert "contradiction" not in found, found
    found = _pair("The party won a majority on its own in June 2024, ending an era of coalitions.",
                  "The party lost the outright majority it had enjoyed for a decade.", filed=filed)
    assert "contradiction" in found, found


@pytest.mark.parametrize("ref, other, shift", [
    # a floor on either side; the other side's floor read open too ("more than 2,300" is not
    # under 2,530 when it is a toll's)
    (("2023-02-08", TOLL.format("2,012")), ("2023-02-08", "The death toll from the earthquake rose to at least 820 "
                                                          "people, the disaster agency said."), False),
    (("2023-02-08", TOLL.format("3,000")), ("2023-02-08", "The death toll from the earthquake rose to more than 2,300 "
                                                          "people, the disaster agency said."), False),
    # a floor told later, lower than the count before it: revised down, a shift, whichever side is later
    (("2023-02-08", "The death toll from the earthquake fell to at least 7,800 people, the agency said."),
     ("2023-02-07", "The death toll from the earthquake stood at more than 11,000 people, the agency said."), True),
    (("2023-02-07", "The death toll from the earthquake stood at more than 11,000 people, the agency said."),
     ("2023-02-08", "The death toll from the earthquake fell to at least 7,800 people, the agency said."), True),
    # ... and later higher, two floors agree
    (("2023-02-07", "The death toll from the earthquake stood at more than 7,800 people, the agency said."),
     ("2023-02-08", "The death toll from the earthquake stood at at least 11,000 people, the agency said."), False),
    # the later count's day is its report's when the day its claim names is another event's
    (("2023-02-09", "The death toll fell to at least 7,800 people as rescuers dug through the rubble on Monday."),
     ("2023-02-08", "The death toll from the earthquake stood at more than 11,000 people, the agency said."), True),
    (("2023-02-08", "The death toll from the earthquake stood at more than 11,000 people, the agency said."),
     ("2023-02-09", "The death toll fell to at least 7,800 people as rescuers dug through the rubble on Monday."), True),
])
def test_floors_of_a_toll_on_their_days(ref, other, shift):
    found = _dated(ref, other)
    assert any(f.kind.value == "figure-shift" for f in found) is shift, [(f.kind.value, f.reason) for f in found]


@pytest.mark.parametrize("ref, other", [
    # either side's day is its report's when its claim's day is another event's: the count rose
    (("2023-02-08", "The death toll from the earthquake stood at 11,000 people on Wednesday, the agency said."),
     ("2023-02-09", "The death toll rose to 12,100 people as rescuers dug through the rubble on Monday.")),
    (("2023-02-09", "The death toll rose to 12,100 people as rescuers dug through the rubble on Monday."),
     ("2023-02-08", "The death toll from the earthquake stood at 11,000 people on Wednesday, the agency said.")),
])
def test_a_count_that_rose_is_another_day(ref, other):
    found = _dated(ref, other)
    assert not any(f.kind.value == "figure-shift" for f in found), [(f.kind.value, f.reason) for f in found]


def test_two_times_are_told_by_each_claims_own_days():
    # a figure is no day: the contradiction of one day stands beside a count of seats
    assert "contradiction" in _pair("Labour won 412 seats in the election.", "Labour lost the election.",
                                    filed=("2024-07-05", "2024-07-05"))
    # each report's own day, when both are given and the claims name none
    assert "contradiction" not in _pair("The party won a majority on its own.", "The party lost its majority.",
                                        filed=("2014-05-20", "2024-06-05"))
    # a claim naming no day is of its own report's day, not of the other's
    assert "contradiction" in _pair("The party lost its majority.", "The party won a majority on its own in May 2024.",
                                    filed=("2024-06-05", "2014-05-20"))
    # an undated report is of the other's day, also against that report's own date in the claim
    assert "contradiction" not in _pair("The party lost the outright majority it had enjoyed for a decade.",
                                        "The party won a majority on its own in 2014, ending an era of coalitions.",
                                        filed=(None, "2024-06-05"))
    # a date on one side and no day at all on the other: nothing sets them apart
    assert "contradiction" in _pair("The party won a majority on its own in June 2024.", "The party lost its majority.")


def test_a_verb_is_another_event_only_when_both_are_known_and_not_one():
    from claimdiff.judge import _other_verb, _part_of

    assert _other_verb("huddle", "kill") is True
    assert _other_verb(None, "kill") is False and _other_verb("kill", None) is False
    assert _other_verb("kill", "kill") is False and _other_verb("kill", "die") is False and _other_verb("hit", "ram") is False
    assert _part_of(None, "the Labor Department") is False and _part_of("the BLS", None) is False
    assert _part_of("the BLS", "the Labor Department") is True



@pytest.mark.parametrize("ref, other, contradicts", [
    # both reject it: a rejection on each side is no assertion against the other
    ("Hourly workers rejected the contract with a vote of 94.6 percent, the union said.",
     "Union members voted to reject the contract by 94.6 percent, the union said.", False),
    # what a rejection denies is its object, not the vote that carried it
    ("Hourly workers rejected the contract with a vote of 94.6 percent and to strike with 96 percent, the union said.",
     "The vote to authorize a strike was 96 percent, the union said.", False),
    ("Hourly workers rejected the contract, the union said.", "Hourly workers accepted the contract, the union said.",
     True),
])
def test_what_a_rejection_denies(ref, other, contradicts):
    assert ("contradiction" in kinds(ref, other)) is contradicts


def test_two_figures_that_agree_pair_before_two_that_share_their_counted_thing():
    reasons = between("figure-shift", None,
                      "Workers rejected the contract with a vote of 94.6 percent and backed a strike with 96 percent.",
                      "The vote to authorize a strike was 96 percent.")
    assert reasons == []


def test_a_day_told_inside_a_quotation_is_the_speakers_not_the_filing_day():
    """'Today' in a quotation is the day it was said, which the report need not give: it is no
    shift against the day the other report names; outside a quotation it is the filing day."""
    quoted = ('"Today, the emergency committee met and advised me," Tedros told reporters.',
              "The emergency committee met on Wednesday and advised Tedros.")
    plain = ("The emergency committee met today and advised Tedros.",
             "The emergency committee met on Wednesday and advised Tedros.")
    assert "figure-shift" not in kinds(*quoted, date="2024-08-15")
    assert "figure-shift" in kinds(*plain, date="2024-08-15")


def test_a_forecast_per_year_is_compared_only_with_a_forecast():
    assert "figure-shift" not in kinds("Agreements are in place to make more than 100 million doses a year.",
                                       "WHO and partners expect requests of up to 60 million doses a year.")
    assert "figure-shift" in kinds("Agreements are in place to make more than 100 million doses a year.",
                                   "Agreements are in place to make 60 million doses a year.")


@pytest.mark.parametrize("text", ["The storm surge appears not to have materialized.",
                                  "The talks seemed not to have moved."])
def test_appears_not_to_is_a_hedge(text):
    assert certainty(text)[0] == "hedged"


@pytest.mark.parametrize("ref, other, shifted", [
    # the cue stands on both sides; the parse gave it to another clause on one: aligned, no shift
    ("The deal is expected to be closed in the second quarter of 2024, the companies said.",
     "The deal has been approved by both boards and is expected to be complete in the second quarter of 2024.",
     False),
    ("The Tampa Bay area appeared to sidestep the storm surge, forecasters said.",
     "The storm surge feared for Tampa appears not to have materialized and the area was spared, forecasters said.",
     False),
    # a hedge the other side does not carry is still a shift
    ("The deal is expected to be closed in the second quarter of 2024, the companies said.",
     "The deal will be closed in the second quarter of 2024, the companies said.", True),
    # "reportedly" against a claim the media or a source of no kind passes on: both relay it
    ("Parag Agrawal has reportedly been fired and escorted out of Twitter's headquarters.",
     "Parag Agrawal has been fired and escorted out of Twitter's headquarters, local media said.", False),
    ("Parag Agrawal has reportedly been fired and escorted out of Twitter's headquarters.",
     "Parag Agrawal has been fired and escorted out of Twitter's headquarters, a source familiar with the deal said.",
     False),
    # an unnamed source of any kind, or a source through an outlet, relays it too
    ("Parag Agrawal has reportedly been fired and escorted out of Twitter's headquarters.",
     "Parag Agrawal has been fired and escorted out of Twitter's headquarters, according to a senior official.",
     False),
    ("Parag Agrawal has reportedly been fired and escorted out of Twitter's headquarters.",
     "Parag Agrawal has been fired and escorted out of Twitter's headquarters, Elon Musk said, according to "
     "the Daily Telegraph.", False),
    # against a claim a named body makes, it is still a shift
    ("Parag Agrawal has reportedly been fired and escorted out of Twitter's headquarters.",
     "Parag Agrawal has been fired and escorted out of Twitter's headquarters, the company said.", True),
])
def test_a_cue_or_a_relay_on_both_sides_is_no_certainty_shift(ref, other, shifted):
    assert ("certainty-shift" in kinds(ref, other)) is shifted


@pytest.mark.parametrize("a, b, same", [
    ("SNP", "Scottish National Party", True),  # an acronym and its words
    ("Pyongyang", "North Korea", True),  # a capital and its country
    ("U.S.", "America", True),
    # a body named after a place is not that place: the INDIA alliance is not the Indian National Congress
    ("INDIA", "Indian National Congress", False),
    ("NDA", "BJP", False),
])
def test_one_holder_under_two_names(a, b, same):
    from claimdiff.extract.names import same_holder

    assert same_holder(a, b) is same
    assert same_holder(b, a) is same


def test_an_alliance_and_one_of_its_parties_hold_two_counts():
    """The holder of each count is every subject the parser hangs on its verb ("The main
    opposition Indian National Congress" is parsed as two), so 230 seats of the alliance and 99
    of its biggest party are two counts, not a shift."""
    assert "figure-shift" not in _pair(
        "The opposition INDIA alliance led by Rahul Gandhi's centrist Congress party won 230 seats, more than forecast.",
        "The main opposition Indian National Congress won 99 seats in the 543-member parliament.")
    assert "figure-shift" in _pair("The opposition INDIA alliance won 230 seats, more than forecast.",
                                   "The opposition INDIA alliance won 260 seats in the 543-member parliament.")


@pytest.mark.parametrize("ref, other, shifted", [
    # a high or a superlative "in N years" is the highest in at least that long: a 41-year high
    # is a 40-year high too
    ("Inflation rose to a 41-year high of 11.1% in October, the office said.",
     "Inflation reached a new 40-year high of 11.1% in October, the office said.", False),
    ("Prices rose at the fastest pace in four decades, the office said.",
     "Prices rose at the fastest pace in 41 years, the office said.", False),
    # "its first cut in N years" says when the last one was: another N is a shift
    ("The Federal Reserve made its first cut in four years on Wednesday.",
     "The Federal Reserve made its first cut in six years on Wednesday.", True),
])
def test_a_high_in_n_years_is_a_floor_a_first_in_n_years_is_not(ref, other, shifted):
    assert ("figure-shift" in kinds(ref, other)) is shifted



def test_two_statements_said_a_season_apart_do_not_contradict():
    assert "contradiction" not in _pair("The troops have not entered Kursk, officials said in January 2024.",
                                        "The troops have entered Kursk, officials said on Friday.")
    assert "contradiction" in _pair("The troops have not entered Kursk, officials said on Friday.",
                                    "The troops have entered Kursk, officials said on Friday.")


def test_a_verb_of_taking_part_and_a_support_verb_carry_one_event():
    assert "contradiction" in _pair("The troops have not engaged in combat, officials said on Friday.",
                                    "The troops have begun combat operations, officials said on Friday.")


def test_two_statements_of_two_times_are_no_change_of_source():
    assert "attribution-shift" not in _pair("The pandemic is over, WHO officials said on Friday.",
                                            "In September 2022, President Joe Biden said the pandemic was over.")
    assert "attribution-shift" in _pair("The pandemic is over, WHO officials said on Friday.",
                                        "The pandemic is over, President Joe Biden said on Friday.")


@pytest.mark.parametrize("cue, text, found", [
    ("is expected to", "the deal was expected to close", True),
    ("is expected to", "they are  expected to", True),
    ("is expected to", "it is expected", False),
    ("is expected to", "as expected to rise", False),
    ("Is Expected To", "IS EXPECTED TO", True),
    ("appeared", "the surge appears to", True),
    ("appeared", "they appear to", True),
    ("appeared", "it appeared", True),
    ("appeared", "its appearance", False),
    ("appeared", "it disappeared", False),
    ("suggests", "data suggested", True),
    ("reportedly", "the ministry reported", False),
    ("reportedly", "Reportedly, he", True),
    ("could", "it couldn't", False),
    ("could", "it Could", True),
    ("may", "it may rise", True),
    ("may", "in May", False),
    ("are expected to", "it was expected to", True),
    ("was set to", "they were set to", True),
    ("were said to", "he is said to", True),
    ("is likely", "it was likely", True),
    ("is", "it was later", False),  # a lone "is" is the word, not any form of "be"
    ("on track to", "on  track to", True),
    ("on track to", "on track", False),
    ("is", "this", False),
])
def test_the_forms_of_a_cue(cue, text, found):
    from claimdiff.judge import cue_forms

    assert bool(cue_forms(cue).search(text)) is found


@pytest.mark.parametrize("ref, other, shift", [
    # each figure's own place is its scope: the part's place is not the total's
    ("In St. Lucie County, four people died, a county spokesman said.",
     "Tornadoes killed five people in St. Lucie County, at least two of them in the Spanish Lakes "
     "community, a county spokesman said.", True),
    ("In St. Lucie County, four people died, a county spokesman said.",
     "Tornadoes killed five people in Martin County, at least two of them in the Spanish Lakes "
     "community, a county spokesman said.", False),
    # a bare count under a thousand is told exactly; "about 240" is not
    ("The party ended the count with 240 seats in the lower house.",
     "The party ended the count with 239 seats in the lower house.", True),
    ("The party ended the count with about 240 seats in the lower house.",
     "The party ended the count with 239 seats in the lower house.", False),
    # two snapshots of one count at other stages are no shift
    ("With 97.6% of votes counted, Milei had taken 55.8% of the vote in the runoff.",
     "With 86.6% of votes counted, Milei had taken 55.95% of the vote in the runoff.", False),
    # a toll by place: each place's figure against that place's, whether told as its place or
    # as its holder; one place agreeing fixes the two lists at one hour, so the other moved
    ("Of the dead, 39 were in Wajima and 23 in Suzu, two cities on the peninsula.",
     "Wajima accounted for 39 of the 72 dead and Suzu for 22.", True),
    # no place agreeing: two lists of a rising toll, maybe of two hours
    ("Of the dead, 39 were in Wajima and 23 in Suzu, two cities on the peninsula.",
     "Wajima accounted for 32 of the dead, Suzu for 22.", False),
])
def test_figures_compared_in_their_own_scope(ref, other, shift):
    assert ("figure-shift" in kinds(ref, other)) is shift


@pytest.mark.parametrize("ref, other", [
    # "the most since October 1981" runs to the day told: October 2022 is still another period than October 2021
    ("Consumer prices rose 11.1% in the 12 months to October, the most since October 1981, the statistics office said.",
     "Inflation as measured by the consumer prices index stood at 4.2% in October 2021."),
    # what would have been is not what was
    ("Inflation would have risen to around 13.8% in October had the government not intervened, the statistics office said.",
     "Inflation jumped to 11.1% in October, the statistics office said."),
    # the level a measure fell from is no figure of the measure now
    ("Inflation in the euro zone has fallen to 2.6% from more than 10% in late 2022.",
     "Inflation at an annual rate of 2.6% in May is well down from a peak of 10.6% in October 2022."),
    # a report's own tag dates the filing, not the figures
    ("Consumer prices rose 11.1% in October, a big jump from 10.1% in September, the statistics office said.",
     "MOSCOW (Lakeside News / Wire - 16th November, 2022) Consumer prices in October reached 11.1% in annual terms, "
     "compared to 10.1% in September, the statistics office said."),
])
def test_figures_of_other_periods_levels_and_conditions_are_no_shift(ref, other):
    assert "figure-shift" not in kinds(ref, other, date="2022-11-16")


def _pair_findings(ref: str, other: str, *, attribution: bool):
    from claimdiff.extract import extract
    from claimdiff import judge

    docs = [parse_document(f"---\noutlet: {n}\ndate: 2023-11-03\n---\n{t}\n", doc_id=n, path=None, name=n)
            for n, t in (("ref", ref), ("other", other))]
    a, b = (extract(d)[0] for d in docs)
    return {f.kind.value for f in judge.judge(a, b, (judge.side(docs[0], a), judge.side(docs[1], b)), (),
                                            contradiction=False, certainty=False, attribution=attribution)}


@pytest.mark.parametrize("ref, other, loose_shift", [
    # aligned below the threshold, two figures are one only when both say what they are, alike
    ("The crash erased his estimated $26 billion personal fortune.",
     "FTX customers lost nearly $10 billion when the exchange misappropriated its funds.", False),
    ("The alliance led by the BJP won 293 seats, more than the 272 needed.",
     "The alliance bagged 294 seats with the help of allied regional parties.", True),
])
def test_a_loose_pair_compares_figures_only_of_a_thing_both_name(ref, other, loose_shift):
    assert "figure-shift" in _pair_findings(ref, other, attribution=True)  # as the same claim: compared
    assert ("figure-shift" in _pair_findings(ref, other, attribution=False)) is loose_shift



@pytest.mark.parametrize("ref, other, shift", [
    # counts of two things that befell people (wounded / killed), told by two sources: two facts
    ("Richard Ngumo, a paramedic, said more than 50 people had been wounded by gunfire near parliament.",
     "The Kenya Medical Association said at least five people had been killed by gunfire near parliament.", False),
    # one count, two sources
    ("Richard Ngumo, a paramedic, said at least five people had been killed by gunfire near parliament.",
     "The Kenya Medical Association said at least five people had been killed by gunfire near parliament.", True),
    # homes and households are one unit of an outage count
    ("More than 3 million Florida households and businesses had no electricity, the governor said.",
     "Over 3.4 million homes and businesses had no power, according to the state's utilities.", True),
])
def test_a_change_of_source_needs_one_fact(ref, other, shift):
    assert ("attribution-shift" in kinds(ref, other)) is shift
