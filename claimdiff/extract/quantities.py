"""Read the figures of a claim as intervals (DESIGN.md, "Quantities are intervals").

    over 10,000 DPRK soldiers          -> (10000, inf)  count of "dprk soldiers"
    about 11,000                       -> [10500, 11500]
    between 11,000 and 12,000          -> [11000, 12000]
    6,437 kilometers (4,000 miles)     -> one length, both spellings checked to agree
    more than two years                -> (730.5 days, inf)

A bare figure is a point with the rounding noise of its last digit (at most 1%);
"about" widens it to the precision the figure was rounded to (2.5% to 10%). Both are
half-open, [x - h, x + h), as rounding is: 7.7 and 7.8 do not meet at 7.75.
Ordinals ("810th"), names ("F-16", "COVID-19", "Article 5") and years are not figures.
"""

from __future__ import annotations

import re

from ..model import Quantity
from .units import CURRENCY_SIGNS, FORMS, UNITS

_SMALL = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "a dozen": 12, "dozen": 12, "a hundred": 100, "a thousand": 1000,
    "a million": 1e6, "a billion": 1e9, "half a million": 5e5, "a couple of": 2, "a pair of": 2,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_SCALES = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
           "k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "tn": 1e12}
# vague plurals: "thousands of" -> [2000, 10000)
_VAGUE = [
    ("tens of thousands", 2e4, 1e5), ("hundreds of thousands", 2e5, 1e6), ("dozens", 24, 100),
    ("hundreds", 200, 1000), ("thousands", 2000, 1e4), ("millions", 2e6, 1e9), ("billions", 2e9, 1e12),
]

_units_alt = "|".join(re.escape(f) for f in FORMS)
_word_alt = "|".join(
    sorted([re.escape(w) for w in _SMALL] + [f"{t}(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?" for t in _TENS],
           key=len, reverse=True)
)
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
_NUMBER = (
    rf"(?P<cur>US\$|[$€£¥₩₽₴])?\s?(?P<num>LOOKBEHIND(?:{_DIGITS})(?![\d,]\d)|\b(?:{_word_alt})\b)"
    rf"(?:(?:\s|-)?(?P<scale>hundred|thousand|million|billion|trillion)\b|(?P<abbr>k|m|mn|bn|tn)\b)?"
)
NUMBER = re.compile(_NUMBER.replace("LOOKBEHIND", r"(?<![\w.,\-/:])"), re.I)
RANGE_END = re.compile(_NUMBER.replace("LOOKBEHIND", ""), re.I)  # the second number of "11,000-12,000"
VAGUE = re.compile(r"\b(?P<v>" + "|".join(re.escape(v[0]) for v in _VAGUE) + r")\s+of\b", re.I)
UNIT_AFTER = re.compile(rf"(?:\s|-)?(?P<unit>{_units_alt})(?![\w²])", re.I)
RANGE_JOIN = re.compile(r"\s*(?:-|–|—|to)\s*", re.I)
QUALIFIERS: list[tuple[str, str]] = [
    # (pattern, bound kind)
    (r"just over|just above|slightly more than|a little over", "just-over"),
    (r"more than|over|above|in excess of|upwards of|upward of|exceeding|well over|north of", "over"),
    (r"at least|no fewer than|no less than|a minimum of|a minimum", "at-least"),
    (r"nearly|almost|just under|close to|just shy of|short of|approaching", "nearly"),
    (r"up to|as many as|as much as|no more than|at most|a maximum of|not more than", "up-to"),
    (r"less than|fewer than|under|below", "under"),
    (r"about|around|roughly|approximately|approx\.|some|an estimated|estimated|circa|an approximate|nearly about|~|an average of|on average", "about"),
]
_QUAL_RE = re.compile(r"(?:" + "|".join(f"(?P<q{i}>\\b(?:{p}))" for i, (p, _) in enumerate(QUALIFIERS)) + r")\s*$", re.I)
_BETWEEN = re.compile(r"\b(?:between|from)\s*$", re.I)
_NOT_FIGURE_BEFORE = re.compile(
    r"\b(?:article|section|chapter|no\.|number|flight|resolution|route|highway|interstate|pier|berth|apollo|category|level|phase|"
    r"room|game|round|stage|page|item|amendment|version|model|windows|iphone|class|grade|district|precinct|"
    r"channel|gate|platform|squad|unit|row|seat|line|paragraph|clause|rule|protocol|term)\s*$",
    re.I,
)
_MONTHS = r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
_MONTH_BEFORE = re.compile(rf"\b(?:{_MONTHS})\.?\s*$", re.I)
_MONTH_AFTER = re.compile(rf"\s*(?:{_MONTHS})\b", re.I)
_ORDINAL_AFTER = re.compile(r"(?:st|nd|rd|th)\b", re.I)
_STOP = {
    "a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "from", "by", "with",
    "into", "onto", "over", "under", "than", "that", "which", "who", "whom", "whose", "as", "since",
    "were", "was", "are", "is", "be", "been", "have", "has", "had", "will", "would", "could", "may",
    "might", "can", "should", "must", "do", "did", "does", "not", "this", "these", "those", "it",
    "its", "their", "they", "there", "here", "ago", "per", "each",
    "more", "less", "so", "far", "already", "now", "still", "also", "across", "after", "before",
    "during", "while", "when", "where", "if", "about", "around", "some", "one", "other", "others",
}
_COUNT_WORD = re.compile(r"[A-Za-z][\w'’-]*")


def quantities(text: str, start: int = 0, end: int | None = None) -> list[Quantity]:
    """Figures in text[start:end], as ``Quantity`` records with offsets into ``text``."""
    end = len(text) if end is None else end
    found: list[Quantity] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= x or a >= y for x, y in taken)

    for m in VAGUE.finditer(text, start, end):
        lo, hi = next((v[1], v[2]) for v in _VAGUE if v[0] == m.group("v").lower())
        counts, c_end = _counted(text, m.end(), end)
        v_end = m.start("v") + len(m.group("v"))
        found.append(Quantity(text=text[m.start():v_end], start=m.start(), end=v_end, low=lo, high=hi,
                              high_open=True, dimension="count", counts=counts, value=None))
        taken.append((m.start(), m.end()))

    pos = start
    while True:
        m = NUMBER.search(text, pos, end)
        if not m:
            break
        pos = m.end()
        if not free(m.start(), m.end()):
            continue
        q = _read(text, m, start, end)
        if q is None:
            continue
        # a restatement in parentheses in another unit: one quantity, checked to agree
        paren = re.match(r"\s*\(\s*", text[q.end:end])
        if paren and q.unit is not None:
            m2 = NUMBER.search(text, q.end + paren.end(), end)
            if m2 and m2.start() == q.end + paren.end() - (len(m2.group(0)) - len(m2.group(0).lstrip())):
                q2 = _read(text, m2, start, end)
                close = re.match(r"\s*\)", text[q2.end:end]) if q2 else None
                if q2 and close and q2.dimension == q.dimension and q2.unit == q.unit:
                    q = _merge(text, q, q2, q2.end + close.end(), end)
        found.append(q)
        taken.append((q.start, q.end))
        pos = max(pos, q.end)
    found.sort(key=lambda x: (x.start, x.end))
    return found


def _number_value(raw: str) -> float | None:
    s = raw.lower().replace(",", "").strip()
    if s in _SMALL:
        return float(_SMALL[s])
    parts = re.split(r"[- ]", s)
    if parts[0] in _TENS:
        return float(_TENS[parts[0]] + (_SMALL.get(parts[1], 0) if len(parts) > 1 else 0))
    try:
        return float(s)
    except ValueError:
        return None


def _place(raw: str) -> float:
    """The place of the last significant digit: 11,000 -> 1000; 6.8 -> 0.1; 647 -> 1."""
    s = raw.replace(",", "")
    if not s[:1].isdigit() and not s.startswith("."):
        return 1.0
    if "." in s:
        return 10.0 ** -len(s.split(".")[1])
    stripped = s.rstrip("0")
    return 10.0 ** (len(s) - len(stripped)) if stripped else 1.0


def _read(text: str, m: re.Match, start: int, end: int) -> Quantity | None:
    raw = m.group("num")
    n_start, n_end = m.start("num"), m.end("num")
    value = _number_value(raw)
    if value is None:
        return None
    word_number = not raw[:1].isdigit() and not raw.startswith(".")
    scale = m.group("scale") or m.group("abbr")
    before = text[max(start, n_start - 40):m.start()]  # the words in front: qualifiers, "between", names
    after_end = m.end()
    # names and ordinals: "Article 5", "810th", "F-16" (the regex refuses a leading '-' or letter)
    if _NOT_FIGURE_BEFORE.search(before) or _ORDINAL_AFTER.match(text, n_end):
        return None
    if not word_number and m.group("abbr") is None and re.match(r"[A-Za-z]", text[n_end:n_end + 1] or " "):
        # glued to letters: "5G", "3D"; "5km" is handled below as a unit
        if not UNIT_AFTER.match(text, n_end):
            return None
    if word_number and raw.lower() == "one" and not scale:
        return None  # "one of the", "one consisting of" are not figures
    if m.group("abbr") and m.group("abbr").lower() == "m" and not m.group("cur"):
        return None  # "10m" without a currency is metres or million: too ambiguous
    # dates are read by the time reader: "November 4", "4 November", years
    if not word_number and not scale and not m.group("cur"):
        if _MONTH_BEFORE.search(before) or _MONTH_AFTER.match(text, n_end):
            return None
        if re.fullmatch(r"(1[89]|20|21)\d\d", raw) and not UNIT_AFTER.match(text, n_end) \
                and not re.match(r"\s*(?:[A-Za-z]+\s+)?(?:people|soldiers|troops|residents|containers|deaths|dead|cases)\b", text[n_end:end], re.I):
            return None
        if re.match(r"\s*(?:a\.m\.|p\.m\.|am\b|pm\b|:)", text[n_end:end], re.I) or text[m.start() - 1:m.start()] == ":":
            return None
    half = re.match(r"\s+and\s+a\s+half\b", text[m.end():end], re.I) if not scale else None
    if half:
        value += 0.5
        place = 0.0 if word_number else 0.5
    mult = _SCALES.get(scale.lower(), 1.0) if scale else 1.0
    if not half:
        place = _place(raw) * mult if not word_number else 0.0  # "two units" is exactly 2
    value *= mult
    if half:
        after_end = m.end() + half.end()

    # a range: "11,000-12,000", "11,000 to 12,000", "between 11,000 and 12,000"
    hi_value = None
    between = _BETWEEN.search(before)
    joiner = re.compile(r"\s+and\s+", re.I) if between else RANGE_JOIN
    j = joiner.match(text, after_end)
    if j:
        m2 = RANGE_END.match(text, j.end())
        if m2 and m2.group("num") and (m2.group("cur") in (None, m.group("cur"))):
            v2 = _number_value(m2.group("num"))
            s2 = m2.group("scale") or m2.group("abbr")
            if v2 is not None:
                v2 *= _SCALES.get(s2.lower(), 1.0) if s2 else (mult if not scale else 1.0)
                if v2 > value:
                    if not scale and s2:  # "2 to 3 million": the scale applies to both
                        value *= _SCALES[s2.lower()]
                        place *= _SCALES[s2.lower()]
                    hi_value = v2
                    after_end = m2.end()
    q_start = m.start("cur") if m.group("cur") else n_start
    if between and hi_value is not None:
        q_start = max(start, n_start - 40) + between.start()  # from "between"

    # unit
    unit = dim = None
    factor = 1.0
    currency = CURRENCY_SIGNS.get(m.group("cur")) if m.group("cur") else None
    u = UNIT_AFTER.match(text, after_end)
    if u and not (u.group("unit").lower() in ("won", "yen") and currency):
        unit, dim, factor = UNITS[u.group("unit").lower()]
        after_end = u.end()
        if hi_value is None:  # "7 percent to 8 percent": a range written with the unit twice
            j2 = RANGE_JOIN.match(text, after_end)
            m3 = RANGE_END.match(text, j2.end()) if j2 else None
            u3 = UNIT_AFTER.match(text, m3.end()) if m3 and m3.group("num") else None
            v3 = _number_value(m3.group("num")) if u3 else None
            if v3 is not None and UNITS[u3.group("unit").lower()] == (unit, dim, factor) and v3 > value:
                hi_value = v3
                after_end = u3.end()
    if currency:
        unit, dim, factor = currency, "money", 1.0
    if dim is None:
        dim = "count"
    mag_after = re.match(r"[\s-]*magnitude\b", text[after_end:end], re.I)
    if dim == "count" and (mag_after or re.search(r"\bmagnitude[\s-]*$", before, re.I)):
        dim = "magnitude"  # "a magnitude 7.8 earthquake", "a 7.8-magnitude quake"
        if mag_after:
            after_end += mag_after.end()
    strong = re.match(r"-strong\b", text[after_end:end])
    if strong:  # "a 10,000-strong contingent"
        after_end += strong.end()

    # qualifier in front
    kind = "range" if hi_value is not None else "exact"
    qm = _QUAL_RE.search(text[max(start, q_start - 40):q_start]) if hi_value is None else None
    if qm and qm.group(0).lower().startswith("up") and re.search(
            r"\b(?:picked|ticked|went|moved|edged|crept|climbed|shot|jumped|ramped|came|sped|revved|gone|risen|rose)\s+$",
            text[max(start, q_start - 60):max(start, q_start - 40) + qm.start()], re.I):
        qm = None  # "picked up to 3.8 per cent", "ticked up to 4.1%": a movement, not a bound
    if qm:
        kind = next(QUALIFIERS[i][1] for i in range(len(QUALIFIERS)) if qm.group(f"q{i}"))
        q_start = max(start, q_start - 40) + qm.start()

    low, high, low_open, high_open = _interval(kind, value, hi_value, place)
    implied = None
    if high is None and kind in ("over", "at-least") and place > 0:
        implied = (value + (place if not word_number else 1.0 * (mult if scale else 1.0))) * factor
    elif high is None and kind in ("over", "at-least") and word_number:
        implied = (value + 1.0) * factor  # "more than two years": fewer than three
    low, high = (None if low is None else low * factor), (None if high is None else high * factor)
    stated = (value if hi_value is None else (value + hi_value) / 2) * factor
    if dim == "duration" and hi_value is None and kind in ("exact", "about", "nearly") and low is not None:
        # a span of time is told in whole units: "four years" since an event 4.4 years ago, "two
        # weeks" for 13 days; read it to half a unit, so "more than four years" and "nearly two
        # weeks" can agree with it
        half = 0.5 * factor
        low = min(low, stated - half)
        if kind != "nearly":
            high, high_open = max(high, stated + half), True

    counts, counted_end = _counted(text, after_end, end) if dim in ("count", "money", "magnitude") else (None, after_end)
    if counts is None and dim == "count":
        # "412 of the 650 seats" counts seats, a part of the whole
        whole = _OF_THE_WHOLE.match(text, after_end, end)
        if whole:
            counts, _ = _counted(text, whole.end(), end)
    if dim in ("length", "area", "mass"):
        of = re.match(r"\s*\)?\s*of\s+(?:the\s+|its\s+|their\s+)?", text[after_end:end])
        if of:
            counts, _ = _counted(text, after_end + of.end(), end)
    if counts and dim == "count" and re.match(
            r"\s*(?:have |had |were |are |was )?(?:now |already |so far |since |reportedly )?"
            r"(?:died|been killed|killed|dead|perished|lost their lives)\b",
            text[counted_end:end], re.I):
        counts = "deaths"  # "5,000 people have died" counts deaths, like a toll does
    if counts is None and dim == "count":
        # "the death toll ... stood at more than 11,000": a toll counts deaths
        toll = re.search(r"\b(?:death toll|toll|number of (?:dead|deaths|victims)|dead|deaths)\b[^.;]{0,80}?"
                         r"\b(?:stood at|rose to|reached|climbed to|jumped to|passed|topped|exceeded|surpassed|at|to|was|is)\s+"
                         r"(?:(?:about|around|roughly|over|more than|some|at least|nearly|almost)\s+)?$",
                         text[max(start, q_start - 120):q_start], re.I)
        if toll:
            counts = "deaths"
    if counts is None and dim == "count":
        # "a contingent of 10,000", "a death toll of 45"
        pre = re.search(r"([A-Za-z][\w-]*(?:\s+toll)?)\s+of\s+(?:(?:about|around|roughly|over|more than|some|at least|nearly|up to)\s+)?$",
                        text[max(start, q_start - 40):q_start], re.I)
        if pre and pre.group(1).lower() not in _STOP:
            counts = pre.group(1).lower()
    return Quantity(
        text=text[q_start:after_end].strip(),
        start=q_start,
        end=after_end,
        low=low,
        high=high,
        low_open=low_open,
        high_open=high_open,
        dimension=dim,
        unit=unit,
        counts=counts,
        value=stated,
        implied_high=implied,
    )


def _interval(kind: str, x: float, x2: float | None, place: float) -> tuple[float | None, float | None, bool, bool]:
    bare_tol = min(place / 2, 0.01 * abs(x))
    about_tol = max(0.025 * abs(x), min(place / 2, 0.1 * abs(x)))
    if kind == "range":
        return x, x2, False, False
    if kind == "over":
        return x, None, True, False
    if kind == "just-over":
        return x, x + about_tol, True, False
    if kind == "at-least":
        return x, None, False, False
    if kind == "nearly":
        return x - about_tol, x, False, True
    if kind == "up-to":
        return 0.0, x, False, False
    if kind == "under":
        return 0.0, x, False, True
    # a rounded figure stands for [x - h, x + h): 7.7 and 7.8 do not share 7.75
    if kind == "about":
        return x - about_tol, x + about_tol, False, about_tol > 0
    return x - bare_tol, x + bare_tol, False, bare_tol > 0


_OF_THE_WHOLE = re.compile(r"\s+of\s+(?:the|its|their)\s+[\d,]+\s+")


def _counted(text: str, pos: int, end: int) -> tuple[str | None, int]:
    """What a figure counts: the words after it, up to a function word or punctuation."""
    words = []
    cursor = pos
    m = re.match(r"[ \t]*(?:of\s+)?", text[cursor:end])
    cursor += m.end()
    while len(words) < 4:
        w = _COUNT_WORD.match(text, cursor, end)
        if not w:
            break
        word = w.group(0)
        low = word.lower()
        if low in _STOP or (words and (low.endswith("ing") or low.endswith("ed"))):
            break
        if not words and low.endswith("ing"):
            # "shipping containers" counts containers; "one consisting of" counts nothing
            nxt = _COUNT_WORD.match(text, w.end() + 1, end) if text[w.end():w.end() + 1] == " " else None
            if not nxt or nxt.group(0).lower() in _STOP:
                break
        words.append(word)
        cursor = w.end()
        sp = re.match(r"[ \t]+", text[cursor:end])
        if not sp:
            break
        cursor += sp.end()
    if not words:
        return None, pos
    return " ".join(words).strip("'’"), cursor


def _merge(text: str, q: Quantity, q2: Quantity, end_pos: int, end: int) -> Quantity:
    """'6,437 kilometers (4,000 miles)': one quantity; note it if the two disagree."""
    note = None
    if q.overlaps(q2):
        low = max(q.low, q2.low) if q.low is not None and q2.low is not None else (q.low if q.low is not None else q2.low)
        high = min(q.high, q2.high) if q.high is not None and q2.high is not None else (q.high if q.high is not None else q2.high)
    else:
        low, high = q.low, q.high
        note = f"the two spellings disagree: {q.text} vs {q2.text}"
    counts = q.counts or q2.counts
    if counts is None and q.dimension in ("length", "area", "mass"):
        of = re.match(r"\s*of\s+(?:the\s+|its\s+|their\s+)?", text[end_pos:end])
        if of:
            counts, _ = _counted(text, end_pos + of.end(), end)
    return Quantity(
        text=text[q.start:end_pos], start=q.start, end=end_pos, low=low, high=high,
        low_open=q.low_open, high_open=q.high_open, dimension=q.dimension, unit=q.unit,
        counts=counts, value=q.value, note=note, implied_high=q.implied_high,
    )


# what a figure counts, folded so that "DPRK soldiers" and "troops" are one thing
_SYNONYMS = {
    "troops": "troops", "soldiers": "troops", "forces": "troops", "servicemen": "troops", "personnel": "troops",
    "fighters": "troops", "men": "troops", "contingent": "troops", "force": "troops", "soldier": "troops", "troop": "troops",
    "people": "people", "persons": "people", "residents": "people", "civilians": "people",
    "dead": "deaths", "deaths": "deaths", "killed": "deaths", "died": "deaths", "fatalities": "deaths", "toll": "deaths",
    "containers": "containers", "container": "containers",
}

def topic(q: Quantity) -> str | None:
    """The folded head noun of what a quantity counts."""
    if not q.counts:
        return None
    words = q.counts.lower().split()
    for w in reversed(words):
        if w in _SYNONYMS:
            return _SYNONYMS[w]
    head = words[-1]
    if head.endswith("s") and not head.endswith("ss") and len(head) > 3:
        head = head[:-1]
    return _SYNONYMS.get(head, head)


def pair_quantities(a: tuple[Quantity, ...], b: tuple[Quantity, ...]) -> list[tuple[Quantity, Quantity]]:
    """Pair the figures of two aligned claims: same dimension, same counted thing where both say."""
    candidates = []
    for i, qa in enumerate(a):
        for j, qb in enumerate(b):
            # when it was said, or what it is compared with, is not what was said; a part ("two
            # other executives", "2,000 more troops") is compared only with another part
            # a figure per unit ("each of about 3,000", "$55 per share") only with another
            if (qa.role or qb.role) and not (qa.role == qb.role and qa.role in ("part", "each")):
                continue
            if qa.dimension != qb.dimension or qa.unit != qb.unit:
                continue
            ta, tb = topic(qa), topic(qb)
            if ta and tb and ta != tb:
                continue
            if qa.dimension == "count" and not (ta or tb) and (
                    sum(q.dimension == "count" for q in a) > 1 or sum(q.dimension == "count" for q in b) > 1):
                continue  # two uncounted numbers among other counts: too weak to pair
            strength = 2 if (ta and ta == tb) else 1
            # figures that agree pair first: "rose 0.4%, or 13 cents, to $35.36" against
            # "rose 0.4% to $35.36" pairs $35.36 with $35.36, not 13 cents with $35.36
            candidates.append((-strength, 0 if qa.overlaps(qb) else 1, abs(i - j), i, j))
    used_a, used_b, out = set(), set(), []
    for *_, i, j in sorted(candidates):
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        out.append((a[i], b[j]))
    return out
