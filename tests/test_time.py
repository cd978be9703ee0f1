"""Dates and periods read as day intervals, resolved against the document's date.

Each case gives a sentence, the document's date (or None) and the intervals a careful
editor would read from it, as (first day, last day); a last day of None means the period
is still open. Weekday facts used below: 2024-11-04 is a Monday, 2024-11-05 a Tuesday,
2024-11-06 a Wednesday, 2024-11-10 a Sunday, 2024-11-11 a Monday, 2024-02-10 a Saturday,
2025-01-15 a Wednesday. "Early" and "late" in a month are its first and last ten days.
"""

from __future__ import annotations

import re

import pytest

from claimdiff.extract.timex import dates, iso


def _id(sentence: str, doc_date: str | None, words: int = 5) -> str:
    """A test id from the first words of a case and its document date."""
    head = "-".join(re.findall(r"[\w.,'’]+", sentence)[:words])
    return f"{head}@{doc_date or 'undated'}"


def _read(sentence: str, doc_date: str | None) -> list[tuple[str, str | None]]:
    return [(iso(q.low), iso(q.high)) for q in dates(sentence, 0, len(sentence), doc_date)]


# (sentence, document date, expected [(first day, last day), ...])
DATES = [
    # a day of the month
    ("fought for the first time on November 4", "2024-11-06", [("2024-11-04", "2024-11-04")]),
    ("the envoys met on Nov. 4 in Geneva", "2024-11-06", [("2024-11-04", "2024-11-04")]),
    ("the brigade crossed the border on 4 November", "2024-11-06", [("2024-11-04", "2024-11-04")]),
    ("polls closed on November 4, 2024, across the state", "2025-01-10", [("2024-11-04", "2024-11-04")]),
    ("the visit on Sept. 21 was unannounced", "2024-11-05", [("2024-09-21", "2024-09-21")]),
    ("the drone attack on December 28 killed two", "2025-01-03", [("2024-12-28", "2024-12-28")]),
    ("the strike on Tuesday, November 5, hit a depot", "2024-11-06", [("2024-11-05", "2024-11-05")]),
    ("fighting between Oct. 23 and Nov. 2 was heavy", "2024-11-05",
     [("2024-10-23", "2024-10-23"), ("2024-11-02", "2024-11-02")]),
    # weekdays: the latest such day on or before the document's date
    ("the units first fought on Tuesday", "2024-11-06", [("2024-11-05", "2024-11-05")]),
    ("the ministry said on Tuesday", "2024-11-05", [("2024-11-05", "2024-11-05")]),
    ("the convoy left on Friday", "2024-11-05", [("2024-11-01", "2024-11-01")]),
    ("the vote was held on Saturday", "2024-02-10", [("2024-02-10", "2024-02-10")]),
    ("talks ended on Sunday", "2024-02-10", [("2024-02-04", "2024-02-04")]),
    ("shelling on Monday and Tuesday", "2024-11-06",
     [("2024-11-04", "2024-11-04"), ("2024-11-05", "2024-11-05")]),
    ("the strike last Tuesday", "2024-11-11", [("2024-11-05", "2024-11-05")]),
    ("the strike last Tuesday", "2024-11-05", [("2024-10-29", "2024-10-29")]),
    # yesterday, today, weeks and months around the document's date
    ("the talks yesterday", "2024-11-06", [("2024-11-05", "2024-11-05")]),
    ("the talks yesterday", "2024-03-01", [("2024-02-29", "2024-02-29")]),
    ("officials said today", "2024-11-05", [("2024-11-05", "2024-11-05")]),
    ("troops arrived last week", "2024-11-06", [("2024-10-28", "2024-11-03")]),
    ("troops arrived last week", "2024-11-04", [("2024-10-28", "2024-11-03")]),
    ("troops arrived last week", "2024-11-10", [("2024-10-28", "2024-11-03")]),
    ("talks are expected to resume this week", "2024-11-06", [("2024-11-04", "2024-11-10")]),
    ("casualties rose last month", "2024-11-05", [("2024-10-01", "2024-10-31")]),
    ("casualties rose last month", "2025-01-15", [("2024-12-01", "2024-12-31")]),
    ("casualties rose last month", "2024-03-31", [("2024-02-01", "2024-02-29")]),
    ("spending rose last year", "2024-11-05", [("2023-01-01", "2023-12-31")]),
    # a month: the latest one not after the document's date
    ("arrived by boat in October", "2024-11-05", [("2024-10-01", "2024-10-31")]),
    ("arrived by boat in October", "2024-02-10", [("2023-10-01", "2023-10-31")]),
    ("In June, Putin met with Kim", "2024-11-05", [("2024-06-01", "2024-06-30")]),
    ("the first units came in June", "2024-06-03", [("2024-06-01", "2024-06-30")]),
    ("drills held in December", "2025-01-03", [("2024-12-01", "2024-12-31")]),
    ("shelling has continued since October", "2024-11-05", [("2024-10-01", "2024-11-05")]),
    ("the summit in June 2023 produced a pact", "2024-11-05", [("2023-06-01", "2023-06-30")]),
    ("a report published October 2024 said", "2025-03-01", [("2024-10-01", "2024-10-31")]),
    ("from June 2023 to March 2024 the front barely moved", "2024-11-05",
     [("2023-06-01", "2023-06-30"), ("2024-03-01", "2024-03-31")]),
    ("Ukraine launched its incursion in early August", "2024-11-05", [("2024-08-01", "2024-08-10")]),
    ("the incursion, launched early August, surprised Moscow", "2024-11-05", [("2024-08-01", "2024-08-10")]),
    ("the troops were deployed in late October", "2024-11-05", [("2024-10-21", "2024-10-31")]),
    # seasons: summer is June to August, winter runs from December into the next year
    ("an incursion that began last summer", "2024-11-05", [("2024-06-01", "2024-08-31")]),
    ("an incursion that began last summer", "2024-08-15", [("2023-06-01", "2023-08-31")]),
    ("an incursion that began last summer", "2024-09-01", [("2024-06-01", "2024-08-31")]),
    ("exports grew this summer", "2024-07-15", [("2024-06-01", "2024-08-31")]),
    ("exports grew this summer", "2024-11-05", [("2024-06-01", "2024-08-31")]),
    ("Since the summer of 2023, North Korea has supplied", "2024-11-05", [("2023-06-01", "2024-11-05")]),
    ("the offensive in the spring of 2022", "2024-11-05", [("2022-03-01", "2022-05-31")]),
    ("the blackouts last winter", "2024-11-05", [("2023-12-01", "2024-02-29")]),
    ("the blackouts last winter", "2025-01-15", [("2023-12-01", "2024-02-29")]),
    ("the grid has struggled this winter", "2025-01-15", [("2024-12-01", "2025-02-28")]),
    ("the counteroffensive last fall", "2024-11-05", [("2023-09-01", "2023-11-30")]),
    ("the talks this spring", "2024-11-05", [("2024-03-01", "2024-05-31")]),
    # years
    ("In 2023, the war entered its second year", "2024-11-05", [("2023-01-01", "2023-12-31")]),
    ("prices have doubled since 2022", "2024-11-05", [("2022-01-01", "2024-11-05")]),
    # without a document date only fully stated dates are read
    ("on Nov. 4, 2024, officials said", None, [("2024-11-04", "2024-11-04")]),
    ("polls closed on November 4, 2024", None, [("2024-11-04", "2024-11-04")]),
    ("In 2023, the war entered its second year", None, [("2023-01-01", "2023-12-31")]),
    ("the summit in June 2023 produced a pact", None, [("2023-06-01", "2023-06-30")]),
    ("prices have doubled since 2022", None, [("2022-01-01", None)]),
    ("the units first fought on Tuesday", None, []),
    ("arrived by boat in October", None, []),
    ("an incursion that began last summer", None, []),
    ("the talks yesterday", None, []),
    # what lies ahead of the report resolves forward: the next such day, month or weekday
    ("Sentencing is scheduled for March 28", "2023-11-03", [("2024-03-28", "2024-03-28")]),
    ("He faces up to 110 years when he is sentenced on March 28", "2023-11-03", [("2024-03-28", "2024-03-28")]),
    ("The ministers will meet on Tuesday", "2024-11-06", [("2024-11-12", "2024-11-12")]),
    ("The next report is due in January", "2024-11-05", [("2025-01-01", "2025-01-31")]),
    ("The footbridge could reopen in May", "2025-03-12", [("2025-05-01", "2025-05-31")]),  # a modal of what may be
    ("The council aims to reopen it in May", "2025-03-12", [("2025-05-01", "2025-05-31")]),
    ("The footbridge could have reopened in May", "2025-03-12", [("2024-05-01", "2024-05-31")]),  # of what may have been
    # ... and what is told as done, backward
    ("Sentencing took place on March 28", "2023-11-03", [("2023-03-28", "2023-03-28")]),
    ("The two armies clashed on Tuesday", "2024-11-06", [("2024-11-05", "2024-11-05")]),
    # a look ahead told in the past perfect was taken before the report: backward too
    ("Economists had expected a cut in September", "2024-10-10", [("2024-09-01", "2024-09-30")]),
    ("The vote had been scheduled for March 28", "2023-11-03", [("2023-03-28", "2023-03-28")]),
    ("Economists expect a cut in December", "2024-10-10", [("2024-12-01", "2024-12-31")]),
    # not dates at all
    ("officials may announce new sanctions", "2024-11-05", []),
    ("police broke up a protest march in the capital", "2024-11-05", []),
    ("March organisers said 5,000 people attended", "2024-11-05", []),
    ("a letter from Theresa May to the council", "2024-11-05", []),
    ("2,023 people were evacuated", "2024-11-05", []),
    ("power was restored in 2,023 homes", "2024-11-05", []),
    ("soldiers of the 810th brigade", "2024-11-05", []),
    ("NATO's Article 5 commits members to mutual defence", "2024-11-05", []),
    ("In Jan Egeland's view, the aid is too little", "2024-11-05", []),
    ("guests gathered in Mar-a-Lago's ballroom", "2024-11-05", []),
    ("according to The Sunday Times", "2024-11-05", []),
    ("a 6.8 magnitude earthquake", "2024-11-05", []),
    # the month a span ends in: the period a rate is of
    ("prices rose 11.1% in the 12 months to October", "2022-11-16", [("2022-10-01", "2022-10-31")]),
    ("prices rose 2% in the 12 months through June", "2022-11-16", [("2022-06-01", "2022-06-30")]),
    ("prices rose 2% in the year to May", "2022-11-16", [("2022-05-01", "2022-05-31")]),
    ("he went to October's festival", "2022-11-16", []),
]


@pytest.mark.parametrize("sentence,doc_date,expected", DATES, ids=[_id(s, d) for s, d, _ in DATES])
def test_dates(sentence, doc_date, expected):
    assert _read(sentence, doc_date) == expected


# (sentence, document date, expected `relative` flag of each date read)
RELATIVE = [
    ("fought for the first time on November 4", "2024-11-06", [True]),
    ("polls closed on November 4, 2024", "2024-11-06", [False]),
    ("the units first fought on Tuesday", "2024-11-06", [True]),
    ("arrived by boat in October", "2024-11-05", [True]),
    ("the summit in June 2023 produced a pact", "2024-11-05", [False]),
    ("an incursion that began last summer", "2024-11-05", [True]),
    ("Since the summer of 2023, North Korea has supplied", "2024-11-05", [False]),
    ("In 2023, the war entered its second year", "2024-11-05", [False]),
    ("the talks yesterday", "2024-11-06", [True]),
]


@pytest.mark.parametrize("sentence,doc_date,expected", RELATIVE, ids=[_id(s, d) for s, d, _ in RELATIVE])
def test_relative_flag(sentence, doc_date, expected):
    qs = dates(sentence, 0, len(sentence), doc_date)
    assert [q.relative for q in qs] == expected


def test_every_date_points_into_the_text():
    text = "Kim met Putin in June, and on Nov. 4, 2024, the two sides held talks in Moscow."
    qs = dates(text, 0, len(text), "2024-11-06")
    assert [text[q.start:q.end] for q in qs] == [q.text for q in qs]
    assert all(q.dimension == "date" for q in qs)
    assert [(iso(q.low), iso(q.high)) for q in qs] == [("2024-06-01", "2024-06-30"), ("2024-11-04", "2024-11-04")]


TIMES = [
    # (text, minutes since midnight as [low, high], open ends)
    ("The ship hit the bridge at 1:28 a.m.", [(88, 89, False, True)]),
    ("The ship hit the bridge at about 1:28 a.m.", [(86, 90, False, False)]),
    ("It struck shortly before 1:30 a.m.", [(75, 90, False, True)]),
    ("The quake struck at 04:17 local time", [(257, 258, False, True)]),
    ("The rally began at 12:05 p.m.", [(725, 726, False, True)]),
    ("Sirens sounded just after 11:50 pm", [(1430, 1445, True, False)]),
    ("The final score was 3:1", []),
    ("Version 2:14.5 was released", []),
]


@pytest.mark.parametrize("text,expected", TIMES, ids=[t[:30] for t, _ in TIMES])
def test_times_of_day(text, expected):
    from claimdiff.extract.timex import times

    assert [(q.low, q.high, q.low_open, q.high_open) for q in times(text, 0, len(text))] == expected
