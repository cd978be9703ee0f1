"""Read dates and periods as date intervals, resolved against the document's date.

    on November 4 / Nov. 4 / 4 November    -> that day (year from the document's date)
    in October / in June                   -> that month, the latest one not after the document
    Tuesday / on Tuesday                   -> the latest Tuesday on or before the document's date
    last summer / since the summer of 2023 -> June 1 to August 31; from then to the document's date
    in 2023 / yesterday / today / last week

Intervals are in days since 1970-01-01, both ends included. Without a document date,
only fully stated dates ("November 4, 2024", "in 2023") are read.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from ..model import Quantity

EPOCH = dt.date(1970, 1, 1)
MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}

_MONTH = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)(?![-\w])"
# without a day or a year, an abbreviation needs its full stop: "in Jan Egeland's view" is no date
_MONTH_ALONE = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)(?![-\w])"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
PATTERNS = [
    ("day", re.compile(rf"\b(?:on\s+)?(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?{_MONTH}\s+(?P<day>\d{{1,2}})(?!\d|,\d{{3}})(?:st|nd|rd|th)?(?:,?\s+{_YEAR})?\b")),
    ("day", re.compile(rf"\b(?:on\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH}(?:,?\s+{_YEAR})?\b")),
    ("since-season", re.compile(rf"\bsince\s+(?:the\s+)?(?P<season>spring|summer|autumn|fall|winter)\s+of\s+{_YEAR}\b", re.I)),
    ("season-year", re.compile(rf"\b(?:in\s+)?(?:the\s+)?(?P<season>spring|summer|autumn|fall|winter)\s+of\s+{_YEAR}\b", re.I)),
    ("last-season", re.compile(r"\b(?P<which>last|this|past)\s+(?P<season>spring|summer|autumn|fall|winter)\b", re.I)),
    ("month", re.compile(rf"\b(?P<prep>(?i:in|since|during|by|until|from|early|late|mid-?))\s+(?P<part>(?i:early|late|mid-?)\s*)?{_MONTH_ALONE}(?:\s+{_YEAR})?(?!\s+\d)")),
    ("month", re.compile(rf"\b{_MONTH}\s+{_YEAR}\b")),
    # the month a span ends in, the period a rate is of: "in the 12 months to October", "the year through June"
    ("month", re.compile(rf"(?:(?<=months )|(?<=month )|(?<=year )|(?<=quarter )|(?<=weeks ))(?P<prep>to|through|ending)\s+"
                         rf"{_MONTH_ALONE}(?:\s+{_YEAR})?(?!\s+\d)")),
    ("weekday", re.compile(r"(?<!The )\b(?:on\s+|last\s+)?(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")),
    ("year", re.compile(rf"\b(?P<prep>(?i:in|since|during|by|until|of|from|early|late|mid-?))\s+{_YEAR}\b(?!\s*(?:-|–)\d)")),
    ("relative", re.compile(r"\b(?P<rel>yesterday|today|tonight|last night|this week|last week|last month|this month|last year|this year)\b", re.I)),
]


def _days(d: dt.date) -> float:
    return float((d - EPOCH).days)


def _month_range(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _latest_month(ref: dt.date, month: int) -> int:
    """The year of the latest such month that is not after ``ref``."""
    return ref.year if month <= ref.month else ref.year - 1


def _season(year: int, season: str) -> tuple[dt.date, dt.date]:
    a, b = SEASONS[season]
    if a > b:  # winter spans the new year
        return dt.date(year, a, 1), _month_range(year + 1, b)[1]
    return dt.date(year, a, 1), _month_range(year, b)[1]


# what is ahead of the report: "scheduled for March 28", "will meet on Tuesday", "due on Nov. 1"
# a modal of what may yet happen ("could reopen in May") looks ahead too, and so do plans and
# hopes ("aims to"); a modal of what may have happened ("could have left in May") does not
# (not after "had": "had expected a cut in September" looked ahead from a past the report
# looks back on, and the month is the latest one, as for a thing done)
_AHEAD = re.compile(r"(?<!\bhad )(?<!\bhad been )"
                    r"\b(?:scheduled|slated|set for|set to|due|planned|expected|expects?|predicts?|will|shall|is to|are to|next|upcoming|"
                    r"(?:could|may|might|would)(?! have\b)|(?:plans?|aims?|hopes?|intends?) to|"
                    r"(?:when|once) (?:he|she|they|it) (?:is|are))\b[^.;:]{0,40}$", re.I)


def dates(text: str, start: int, end: int, doc_date: str | None) -> list[Quantity]:
    """The dates of ``text[start:end]`` as day intervals. A day or month without a year, or a
    weekday, is the latest such one on or before the report's date, unless the words before
    it look ahead ("scheduled for March 28", "will meet on Tuesday"): then the next one."""
    ref = dt.date.fromisoformat(doc_date) if doc_date else None
    out: list[Quantity] = []
    taken: list[tuple[int, int]] = []
    for kind, rx in PATTERNS:
        for m in rx.finditer(text, start, end):
            if any(not (m.end() <= a or m.start() >= b) for a, b in taken):
                continue
            got = _resolve(kind, m, ref, ahead=bool(_AHEAD.search(text, max(start, m.start() - 60), m.start())))
            if got is None:
                continue
            lo, hi, relative, open_end = got
            out.append(Quantity(
                text=m.group(0).strip(), start=m.start(), end=m.end(), low=_days(lo),
                high=None if open_end else _days(hi), dimension="date", unit="day",
                relative=relative, value=_days(lo) if lo == hi else None,
            ))
            taken.append((m.start(), m.end()))
    out.sort(key=lambda q: q.start)
    return out


def _resolve(kind: str, m: re.Match, ref: dt.date | None, ahead: bool = False):
    g = m.groupdict()
    year = int(g["year"]) if g.get("year") else None
    try:
        if kind == "day":
            month = MONTHS[g["month"].lower().rstrip(".")]
            day = int(g["day"])
            if year is None:
                if ref is None:
                    return None
                if ahead:
                    year = ref.year if (month, day) >= (ref.month, ref.day) else ref.year + 1
                else:
                    year = ref.year if (month, day) <= (ref.month, ref.day) else ref.year - 1
            d = dt.date(year, month, day)
            return d, d, g.get("year") is None, False
        if kind == "month":
            month = MONTHS[g["month"].lower().rstrip(".")]
            if g["month"] == "May" and not g.get("year") and (g.get("prep") or "").lower() not in ("in", "since", "during", "until", "by", "to", "through", "ending"):
                return None
            if year is None:
                if ref is None:
                    return None
                year = (ref.year if month >= ref.month else ref.year + 1) if ahead else _latest_month(ref, month)
            lo, hi = _month_range(year, month)
            part = ((g.get("part") or "") or (g.get("prep") or "")).lower().strip().rstrip("-")
            if part == "early":
                hi = lo.replace(day=10)
            elif part == "mid":
                lo, hi = lo.replace(day=11), lo.replace(day=20)
            elif part == "late":
                lo = lo.replace(day=21)
            if (g.get("prep") or "").lower() == "since" and ref is not None:
                return lo, ref, year is None, False
            return lo, hi, g.get("year") is None, False
        if kind == "weekday":
            if ref is None:
                return None
            if ahead and not m.group(0).lower().startswith("last"):
                d = ref + dt.timedelta(days=(WEEKDAYS[g["weekday"].lower()] - ref.weekday()) % 7)
                return d, d, True, False
            back = (ref.weekday() - WEEKDAYS[g["weekday"].lower()]) % 7
            if m.group(0).lower().startswith("last") and back == 0:
                back = 7
            d = ref - dt.timedelta(days=back)
            return d, d, True, False
        if kind in ("since-season", "season-year"):
            lo, hi = _season(year, g["season"].lower())
            if kind == "since-season":
                return (lo, ref, False, False) if ref else (lo, lo, False, True)
            return lo, hi, False, False
        if kind == "last-season":
            if ref is None:
                return None
            season = g["season"].lower()
            y = ref.year
            if season == "winter" and ref.month <= 2:
                y -= 1  # in January, "this winter" began last December
            lo, hi = _season(y, season)
            if g["which"].lower() in ("last", "past"):
                while hi >= ref:
                    y -= 1
                    lo, hi = _season(y, season)
            return lo, hi, True, False
        if kind == "year":
            lo, hi = dt.date(year, 1, 1), dt.date(year, 12, 31)
            if g["prep"].lower() == "since":
                return (lo, ref, False, False) if ref else (lo, lo, False, True)
            return lo, hi, False, False
        if kind == "relative":
            if ref is None:
                return None
            rel = g["rel"].lower()
            if rel in ("today", "tonight"):
                return ref, ref, True, False
            if rel in ("yesterday", "last night"):
                d = ref - dt.timedelta(days=1)
                return d, d, True, False
            if rel == "this week":
                lo = ref - dt.timedelta(days=ref.weekday())
                return lo, lo + dt.timedelta(days=6), True, False
            if rel == "last week":
                lo = ref - dt.timedelta(days=ref.weekday() + 7)
                return lo, lo + dt.timedelta(days=6), True, False
            if rel in ("this month", "last month"):
                y, mth = (ref.year, ref.month) if rel == "this month" else ((ref.year, ref.month - 1) if ref.month > 1 else (ref.year - 1, 12))
                lo, hi = _month_range(y, mth)
                return lo, hi, True, False
            y = ref.year if rel == "this year" else ref.year - 1
            return dt.date(y, 1, 1), dt.date(y, 12, 31), True, False
    except (ValueError, KeyError):
        return None
    return None


def iso(days: float | None) -> str | None:
    if days is None:
        return None
    return (EPOCH + dt.timedelta(days=int(days))).isoformat()


def days_of(day: str | None) -> float | None:
    """``iso``'s inverse: an ISO date as days since 1970; None for none or no date."""
    try:
        return float((dt.date.fromisoformat(day) - EPOCH).days) if day else None
    except ValueError:
        return None


# -- times of day --------------------------------------------------------------------------------

_TIME = re.compile(
    r"(?:\bat\s+)?(?P<pre>\b(?:(?P<near>about|around|approximately|roughly|some)|(?P<before>shortly before|just before)|"
    r"(?P<after>shortly after|just after)|(?P<nearly>nearly|almost))\s+)?"
    r"\b(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)\b(?!:\d|\.\d|\s*-\s*\d)"
    r"(?:\s*(?P<ampm>[ap]\.m\.|[ap]m\b|[ap]\.m\b))?",
    re.I,
)


def times(text: str, start: int, end: int) -> list[Quantity]:
    """Times of day as minute intervals since midnight: "1:28 a.m." is [88, 89); "about 1:28"
    is two minutes either side (news gives times to the minute); "shortly before 1:30" is the
    quarter of an hour before it, "shortly after" the one after; "04:17" is 24-hour."""
    out: list[Quantity] = []
    for m in _TIME.finditer(text, start, end):
        h, minute = int(m["h"]), int(m["m"])
        ampm = (m["ampm"] or "").lower().replace(".", "")
        if ampm and not 1 <= h <= 12:
            continue  # "13:05 p.m." is no time
        if ampm == "pm" and h != 12:
            h += 12
        elif ampm == "am" and h == 12:
            h = 0
        t = float(h * 60 + minute)
        low, high, low_open, high_open = t, t + 1, False, True
        if m["near"]:
            low, high, high_open = t - 2, t + 2, False
        elif m["before"]:
            low, high = t - 15, t
        elif m["after"]:
            low, high, low_open, high_open = t, t + 15, True, False
        elif m["nearly"]:
            low, high = t - 5, t
        begin = m.start("pre") if m["pre"] else m.start("h")  # "at" is no part of the figure
        out.append(Quantity(text=text[begin:m.end()].strip(), start=begin, end=m.end(), low=low, high=high,
                            low_open=low_open, high_open=high_open, dimension="time", unit="minute", value=t))
    return out
