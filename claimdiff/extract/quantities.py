"""Read the figures of a claim as intervals (DESIGN.md, "Quantities are intervals").

    over 10,000 DPRK soldiers          -> (10000, inf)  count of "dprk soldiers"
    about 11,000                       -> [10500, 11500]
    between 11,000 and 12,000          -> [11000, 12000]
    from $200 to $4 million            -> [200, 4000000] USD
    6,437 kilometers (4,000 miles)     -> one length, both spellings checked to agree
    more than two years                -> (730.5 days, inf)
    tens of thousands of people        -> [10000, 100000)
    two-thirds of voters               -> 66.7 percent
    minus 233 Celsius, -1.3%           -> negative figures
    2,000 tons                         -> either ton: [2,000 short tons, 2,000 tonnes]

A bare figure is a point with the rounding noise of its last digit (at most 1%);
"about" widens it to the precision the figure was rounded to (2.5% to 10%). Both are
half-open, [x - h, x + h), as rounding is: 7.7 and 7.8 do not meet at 7.75.

Not figures: ordinals ("810th", "96th-minute"), numbers in names ("F-16", "COVID-19",
"S&P 500", "Boeing 787", "Article 5"), street numbers, sports scores ("won 2-1"),
clock times, and years and dates (the time reader's).
"""

from __future__ import annotations

import re

from ..model import Quantity
from .names import same_holder
from .units import AMBIGUOUS, CURRENCY_SIGNS, FORMS, UNITS

_UNITS_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_WORD_SCALES = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
# fixed phrases: (value, the step of the figure's last place: "more than a dozen" is under two dozen)
_PHRASES = {
    "a dozen": (12, 12), "dozen": (12, 12), "a hundred": (100, 100), "a thousand": (1000, 1000),
    "a million": (1e6, 1e6), "a billion": (1e9, 1e9), "a trillion": (1e12, 1e12),
    "half a million": (5e5, 5e5), "half a billion": (5e8, 5e8), "a couple of": (2, 1), "a pair of": (2, 1),
}
_SCALES = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
           "k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12, "trn": 1e12,
           "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7, "lakh crore": 1e12, "lakh crores": 1e12}
# vague plurals: "thousands of" -> [1000, 10000), as the figure benchmark's gold reads them
_VAGUE = [
    ("tens of thousands", 1e4, 1e5), ("hundreds of thousands", 1e5, 1e6), ("tens of millions", 1e7, 1e8),
    ("hundreds of millions", 1e8, 1e9), ("tens of billions", 1e10, 1e11), ("hundreds of billions", 1e11, 1e12),
    ("dozens", 24, 100), ("scores", 40, 100), ("hundreds", 100, 1000), ("thousands", 1000, 1e4),
    ("millions", 1e6, 1e9), ("billions", 1e9, 1e12),
]
# a share of a whole, as a percent: "two-thirds of voters", "half of the residents", "one in five"
_FRACTIONS = {
    "half": 50.0, "a half": 50.0, "one half": 50.0, "a third": 100 / 3, "one third": 100 / 3,
    "two thirds": 200 / 3, "a quarter": 25.0, "one quarter": 25.0, "three quarters": 75.0,
    "a fifth": 20.0, "one fifth": 20.0, "two fifths": 40.0, "three fifths": 60.0, "four fifths": 80.0,
    "a tenth": 10.0, "one tenth": 10.0,
}
_CHAR_FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3}

_units_alt = "|".join(re.escape(f) for f in FORMS)
_unit_word = "|".join(_UNITS_WORDS)
_tens_word = "|".join(_TENS)
_simple_word = rf"(?:(?:{_tens_word})(?:[- ](?:{_unit_word}))?|{_unit_word})"
# "twenty-eight thousand six hundred forty-two", "three hundred and fifty", "two million"
_compound_word = (rf"{_simple_word}(?:(?:[- ]|\s+and\s+)(?:{_simple_word}|hundred|thousand|million|billion|trillion)(?![\w-]))*")
_phrase_word = "|".join(sorted((re.escape(w) for w in _PHRASES), key=len, reverse=True))
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
_cur_alt = "|".join(sorted((re.escape(c) for c in CURRENCY_SIGNS), key=len, reverse=True))
# a number may follow a minus sign ("-1.3%", "$-50.8bn"), never a letter's hyphen ("F-16", "2-1"),
# except a magnitude's ("the magnitude-7.6 quake")
_LOOKBEHIND = r"(?:(?<=magnitude-)|(?:(?<=\$US)|(?<=\$A)|(?<![\w.,/:]))(?<![^\s(\[{$€£¥₩₽₴₹\"“'‘][-−]))"
_NUMBER = (
    rf"(?:(?<![\w$])(?P<cur>{_cur_alt})\s?)?(?P<neg>(?<!magnitude)[-−])?"
    rf"(?P<num>LOOKBEHIND(?:(?P<frac>\d+ \d/\d{{1,2}}|\d/\d{{1,2}})(?![\d/])|(?:{_DIGITS})(?!\d|[,/]\d)(?P<cfrac>[½¼¾⅓⅔])?|[½¼¾⅓⅔])"
    rf"|\b(?:{_phrase_word}|{_compound_word})\b)"
    rf"(?:(?:\s|-)?(?P<scale>hundred|thousand|million|billion|trillion|lakh crores?|lakhs?|crores?)\b|(?P<abbr>k|m|mn|mln|bn|b|tn|trn)\b)?"
)
NUMBER = re.compile(_NUMBER.replace("LOOKBEHIND", _LOOKBEHIND), re.I)
RANGE_END = re.compile(_NUMBER.replace("LOOKBEHIND", ""), re.I)  # the second number of "11,000-12,000"
VAGUE = re.compile(r"\b(?P<v>" + "|".join(re.escape(v[0]) for v in _VAGUE) + r")\b(?:\s+of\b)?", re.I)
FRACTION = re.compile(
    r"\b(?P<f>" + "|".join(sorted((w.replace(" ", "[- ]") for w in _FRACTIONS), key=len, reverse=True)) + r")"
    r"(?:\s+of\b|(?=\s+(?:the|all|its|their|his|her|those|these|our|a|an)\b)|(?P<bare>(?=[\s,.;])))"
    r"|\b(?P<x>\d{1,3}|" + _unit_word + r")\s+in\s+(?P<y>\d{1,4}|" + _unit_word + r")\b(?=\s+[a-z])",
    re.I)
UNIT_AFTER = re.compile(rf"(?:\s|-)?(?P<unit>{_units_alt})(?![\w²³])", re.I)
# "40C", "104F": a temperature glued to its scale letter (British style), never "5 C"
GLUED_TEMPERATURE = re.compile(r"(?P<unit>[CF])(?![\w-])")
RANGE_JOIN = re.compile(r"\s*(?:-|–|—|to)\s*", re.I)
_BETWEEN_JOIN = re.compile(r"\s+and\s+|\s*[-–]\s*", re.I)  # "between 5 and 6%", "between 4.75%-5%"
# verbs that pass a figure ("the toll had surpassed 2,000"): the figure's bound, and a toll's verb
_PASSED = r"topped|surpassed|exceeded"
QUALIFIERS: list[tuple[str, str]] = [
    # (pattern, bound kind)
    (r"just over|just above|slightly more than|a little over|a little more than", "just-over"),
    (r"more than|over|above|in excess of|upwards of|upward of|exceeding|well over|north of|greater than|higher than|"
     r"longer than|larger than|bigger than|older than|later than|beyond|topping|surpassing|" + _PASSED + r"|"
     r"(?<!the )(?<!these )(?<!those )past", "over"),  # "climbed past 140%"; "the past 12 months" is a span
    (r"at least|no fewer than|no less than|a minimum of|a minimum|not less than", "at-least"),
    (r"nearly|almost|just under|close to|just shy of|short of|approaching|just below|a little under", "nearly"),
    (r"up to|as many as|as much as|as high as|no more than|at most|a maximum of|not more than|as little as|as few as|within", "up-to"),
    (r"less than|fewer than|under|below|lower than|shorter than|smaller than|younger than", "under"),
    (r"about|around|roughly|approximately|approx\.|some|an estimated|estimated|circa|an approximate|nearly about|~|"
     r"the equivalent of|more or less", "about"),
]
BOUND = {"exact": "=", "about": "~", "over": ">", "at-least": ">", "just-over": ">", "nearly": "<",
         "up-to": "<", "under": "<", "range": "range"}
_QUAL_RE = re.compile(r"(?:" + "|".join(f"(?P<q{i}>\\b(?:{p}))" for i, (p, _) in enumerate(QUALIFIERS)) + r")\s*$", re.I)
_BETWEEN = re.compile(r"\bbetween\s*$", re.I)
_FROM = re.compile(r"\bfrom\s*$", re.I)
# words a number after which names a thing, not an amount: "Article 5", "stage 4", "Flight 370"
_NOT_FIGURE_BEFORE = re.compile(
    r"\b(?P<w>article|section|chapter|no\.|number|flight|resolution|route|highway|interstate|pier|berth|apollo|category|level|phase|"
    r"room|game|round|stage|page|item|amendment|version|model|windows|iphone|class|grade|district|precinct|"
    r"channel|gate|platform|squad|unit|row|seat|line|paragraph|clause|rule|protocol|term|week|day|tier|"
    r"ward|lot|box|bay|hall|zone|sector|block|exit|runway|terminal|bus|train|lane|team|division|series|season|"
    r"episode|volume|vol\.|issue|pp?\.|fig\.|figure|table|act|bill|law|case|docket|gen|generation)\s*$",
    re.I,
)
_BY_BEFORE = re.compile(r"\bby\s+(?:(?:more than|almost|nearly|about|around|roughly|over|just over|just under|up to|at least)\s+)?$", re.I)
_REF_OF = re.compile(r"\b(?:level|stage|category|phase|round|game|tier|grade|step|part|chapter|episode|book|volume)\s+\d+\s+"
                     r"(?:of|out of)\s*$", re.I)
# an article before the reference word makes it a noun: "in the district 3,000 homes were flooded"
_ARTICLE_BEFORE = re.compile(r"\b(?:the|this|that|a|an|each|every)\s+\S+\s*$", re.I)
_MONTHS = r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
_MONTH_BEFORE = re.compile(rf"\b(?:{_MONTHS})\.?\s*$", re.I)
_MONTH_AFTER = re.compile(rf"\s*(?:{_MONTHS})\b", re.I)
_WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
_ORDINAL_AFTER = re.compile(r"(?:st|nd|rd|th)\b", re.I)
# "won 2-1", "a 3-0 win", "drew 1-1": a result, whose two numbers are neither figures nor a range
_SCORE = re.compile(r"(?P<a>\d{1,3})[-–](?P<b>\d{1,3})(?![\d%]|[.,]\d)")
_SCORE_WORDS = re.compile(
    r"\b(?:won|win|wins|winning|beat|beats|beaten|defeat|defeated|defeats|drew|draw|draws|drawn|lost|lose|loses|loss|"
    r"victory|led|lead|leads|leading|trailed|trailing|score|scored|scoreline|tie|tied|thrashed|thrashing|edged|"
    r"routed|rout|stunned|sets?|match|final|semifinal|semi-final|game|series|aggregate)\b", re.I)
# "10 Downing Street", "1600 Pennsylvania Avenue": a street number
_STREET_AFTER = re.compile(
    r"\s+(?:[A-Z][\w'’-]*\s+){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Boulevard|Blvd|Lane|Drive|Dr|Way|Place|Square|"
    r"Terrace|Court|Crescent|Parkway|Highway)\b\.?")
# the words before "up to" that make it a movement, not a bound: "inching back up to 4.8 percent"
_MOVEMENT_BEFORE = re.compile(
    r"\b(?:back|picked|picking|ticked|ticking|went|going|gone|moved|moving|edged|edging|inched|inching|crept|creeping|"
    r"climbed|climbing|shot|shooting|jumped|jumping|ramped|ramping|came|coming|sped|revved|risen|rose|rising|"
    r"revised|revising|marked|marking|bounced|bouncing|rebounded|rebounding|nudged|nudging|pushed|pushing|"
    r"bumped|bumping|stepped|stepping|scaled|scaling|ratcheted|ratcheting|crawled|crawling)\s+$", re.I)
# a change of temperature, not a reading: "rose by 2.14°F", "1.5C above pre-industrial levels"
_TEMP_CHANGE_BEFORE = re.compile(r"\b(?:by|of|rose|fell|climbed|dropped|warmed|cooled|rise|increase|drop|fall)\s+$", re.I)
_TEMP_CHANGE_AFTER = re.compile(r"\s+(?:warmer|cooler|colder|hotter|higher|lower|above|below|more|less|rise|increase|drop)\b", re.I)
# words that make a capitalised word before a number a name's part ("Boeing 787") only when they are not these
_NOT_NAME = {
    "about", "some", "nearly", "almost", "roughly", "around", "approximately", "over", "more", "fewer", "less",
    "only", "just", "another", "all", "exactly", "up", "at", "in", "on", "by", "of", "for", "from", "to", "and",
    "but", "or", "the", "a", "an", "than", "with", "since", "after", "before", "between", "under", "above",
    "below", "least", "most", "top", "last", "next", "first", "these", "those", "its", "their", "his",
    "her", "our", "my", "your", "estimated", "as", "many", "much", "no", "not", "while", "when",
    "where", "if", "then", "so", "yet", "also", "still", "now", "today", "yesterday", "tonight", "there", "here",
    "what", "which", "who", "whom", "whose", "that", "this", "it", "they", "we", "he", "she", "i", "you",
    "per", "each", "every", "both", "half", "circa", "extra", "additional",
    "further", "total", "totalling", "totaling",
}
_STOP = {
    "a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "from", "by", "with",
    "into", "onto", "over", "under", "than", "that", "which", "who", "whom", "whose", "as", "since",
    "were", "was", "are", "is", "be", "been", "have", "has", "had", "will", "would", "could", "may",
    "might", "can", "should", "must", "do", "did", "does", "not", "this", "these", "those", "it",
    "its", "their", "they", "there", "here", "ago", "per", "each",
    "more", "less", "so", "far", "already", "now", "still", "also", "across", "after", "before",
    "during", "while", "when", "where", "if", "about", "around", "some", "one", "other", "others",
    "without", "among", "including", "against", "amid", "near", "toward", "towards", "via", "despite", "like",
    "off", "out", "up", "down", "through", "within", "because", "until",
}
# "one" is a figure before what it counts ("One firefighter was injured"), not in these
_ONE_IDIOMS = {
    "another", "way", "point", "hand", "time", "thing", "side", "more", "less", "other", "such", "day", "night",
    "morning", "evening", "afternoon", "second", "moment", "stage", "occasion", "instance", "reason",
    "part", "hundred", "thousand", "million", "billion", "trillion", "source", "official", "analyst", "expert",
    "person", "resident", "witness", "man", "woman", "observer", "diplomat", "member",
}
# a year read as a year unless a qualifier or a counted plural noun says it is a count
_YEAR_BEFORE = re.compile(
    r"\b(?:the|in|since|by|until|till|from|of|year|during|before|after|a|an|this|last|next|its|their|his|her|"
    r"between|and|to|mid|early|late|fiscal|fy|circa|for|through|throughout|around)\s*$|['’]s\s*$", re.I)
_YEAR_QUALIFIER_BEFORE = re.compile(
    r"\b(?:some|about|nearly|almost|more than|over|at least|roughly|approximately|up to|fewer than|less than|"
    r"an estimated|as many as|exactly|only|just)\s+$", re.I)
_PLURAL_AFTER = re.compile(r"\s+(?:[a-z][\w-]*\s+)?(?P<n>[a-z][a-z-]*[a-rt-z]s)\b")
# what "35m" counts: a plural, after at most an adjective ("35m monthly users"; not "a 10m wall stands")
_NEXT_PLURAL = re.compile(r"\s+(?:[a-z]+(?:ly|al|ive|ic|ed|ing|an|ese|ish|ern|new|old)\s+)?(?P<n>[a-z][a-z-]*[a-rt-z]s)\b")
_COUNT_WORD = re.compile(r"[A-Za-z][\w'’-]*")


_AGED_BEFORE = re.compile(r"\b(?:aged|age of|ages of|at age|retirement age (?:to|from|of))\s+(?:(?:over|under|between|about|around|just)\s+)?$", re.I)
# "for over two years" is more than two years; "over five years" alone is during them
_OVER_IS_MORE = re.compile(r"\b(?:aged|for|of|after|spent|lasted|lasting|took|taking|served|serving|just|well|than|in)\s+$", re.I)
_POST_QUALIFIER = re.compile(r"\s+(?:(?P<up>(?:and|or)\s+(?:over|above|more|older|higher|greater|up|upwards))|"
                             r"(?:or|and)\s+(?:less|fewer|younger|under|below|lower))\b|(?P<plus>\+)(?!\d)", re.I)


def _word_value(raw: str) -> tuple[float, float] | None:
    """The value of a number in words and the step of its last place:
    "twenty-eight thousand six hundred forty-two" -> (28642, 1); "two million" -> (2e6, 1e6)."""
    s = " ".join(raw.lower().replace("-", " ").split())
    if s in _PHRASES:
        v, step = _PHRASES[s]
        return float(v), float(step)
    total = current = 0.0
    step = 1.0
    for w in s.split():
        if w == "and":
            continue
        if w in _UNITS_WORDS:
            current += _UNITS_WORDS[w]
            step = 1.0
        elif w in _TENS:
            current += _TENS[w]
            step = 1.0
        elif w == "hundred":
            current = (current or 1) * 100
            step = 100.0
        elif w in _WORD_SCALES:
            total += (current or 1) * _WORD_SCALES[w]
            current = 0.0
            step = float(_WORD_SCALES[w])
        else:
            return None
    return total + current, step


def _number_value(raw: str) -> float | None:
    s = raw.lower().replace(",", "").strip()
    if s and s[-1] in _CHAR_FRACTIONS:
        whole = s[:-1].strip()
        return (float(whole) if whole else 0.0) + _CHAR_FRACTIONS[s[-1]]
    if "/" in s:
        whole, _, frac = s.rpartition(" ")
        n, _, d = frac.partition("/")
        if not d or float(d) == 0:
            return None
        return (float(whole) if whole else 0.0) + float(n) / float(d)
    if s[:1].isalpha():
        w = _word_value(s)
        return None if w is None else w[0]
    try:
        return float(s)
    except ValueError:
        return None


def quantities(text: str, start: int = 0, end: int | None = None) -> list[Quantity]:
    """Figures in text[start:end], as ``Quantity`` records with offsets into ``text``."""
    end = len(text) if end is None else end
    found: list[Quantity] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= x or a >= y for x, y in taken)

    for m in FRACTION.finditer(text, start, end):
        q = _fraction(text, m, start, end)
        if q is not None and free(q.start, q.end):
            found.append(q)
            taken.append((q.start, q.end))
    for m in VAGUE.finditer(text, start, end):
        q = _vague(text, m, start, end)
        if q is not None and free(m.start(), m.end()):
            found.append(q)
            taken.append((m.start(), m.end()))
    # "won 2-1": neither number is a figure
    for m in _SCORE.finditer(text, start, end):
        a, b = int(m.group("a")), int(m.group("b"))
        near = text[max(start, m.start() - 40):min(end, m.end() + 30)]
        # a lower second number is a result; an equal or higher one only beside a word of sport
        if (m.start() == 0 or not (text[m.start() - 1].isalnum() or text[m.start() - 1] in "-–.,/")) and (
                b < a or _SCORE_WORDS.search(near)) and not UNIT_AFTER.match(text, m.end()):
            taken.append((m.start(), m.end()))

    pos = start
    while True:
        m = NUMBER.search(text, pos, end)
        if not m:
            break
        pos = m.end()
        if not free(m.start("num"), m.end("num")):
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
        if max((y for x, y in taken if x < q.end and y > q.start), default=q.start) >= q.end:
            continue  # its end already read as part of another figure
        found.append(q)
        taken.append((q.start, q.end))
        pos = max(pos, q.end)
    found.sort(key=lambda x: (x.start, x.end))
    return found


def _qualifier(text: str, start: int, q_start: int) -> tuple[str, int]:
    """The bound kind the words before a figure give it, and where they start."""
    qm = _QUAL_RE.search(text[max(start, q_start - 40):q_start])
    if not qm:
        return "exact", q_start
    if qm.group(0).lower().startswith("up") and _MOVEMENT_BEFORE.search(
            text[max(start, q_start - 60):max(start, q_start - 40) + qm.start()]):
        return "exact", q_start  # "ticked up to 4.1%", "inching back up to 4.8 percent": a movement
    kind = next(QUALIFIERS[i][1] for i in range(len(QUALIFIERS)) if qm.group(f"q{i}"))
    return kind, max(start, q_start - 40) + qm.start()


def _fraction(text: str, m: re.Match, start: int, end: int) -> Quantity | None:
    """'two-thirds of voters', 'half of the residents', 'one in five adults': a share, in percent."""
    if m.group("f"):
        before = text[max(start, m.start() - 30):m.start()]
        if re.search(r"\b(?:the|first|second|third|fourth|final|last|other|latter|former|back|top|bottom|upper|lower|"
                     r"[a-z]+ern|each|every|this|that)\s+$", before, re.I):
            return None  # "the second half of the match", "the first half of 2024"
        after = text[m.end():end]
        if m.group("bare") is not None and not (
                _BY_BEFORE.search(before) or re.match(r"\s+(?:below|above|lower|higher|more|less|fewer|smaller|larger|bigger|"
                                                     r"cheaper|dearer|down|up)\b", after, re.I)):
            return None  # a share stands alone only as a change: "cut by a quarter", "a third lower"
        value = _FRACTIONS[re.sub(r"[- ]+", " ", m.group("f").lower())]
        article = re.match(r"\s+an?\b", after, re.I)
        u = UNIT_AFTER.match(text, m.end() + article.end()) if article else None
        if u:  # "half a percentage point", "a quarter of a mile", "half an hour": a part of one unit
            return _part_of_unit(text, m, start, value / 100, u)
        if re.match(r"\s+an?\s+(?:point|million|billion|trillion|dozen|lap|game|match|lifetime)\b", after, re.I):
            return None  # "half a million" is read as a number; "half a game" is no share
        f_end = m.start() + len(m.group("f"))
        counts, _ = _counted(text, m.end(), end)
    else:
        x, y = _number_value(m.group("x")), _number_value(m.group("y"))
        if x is None or y is None or not (0 < x < y <= 1000):
            return None
        value = 100.0 * x / y
        f_end = m.end("y")
        counts, _ = _counted(text, m.end(), end)
    kind, q_start = _qualifier(text, start, m.start())
    tol = 0.05 * value  # "a third" is said for 31% to 35%
    low, high, low_open, high_open = _interval(kind, value, None, 0.0, tol=tol)
    return Quantity(text=text[q_start:f_end], start=q_start, end=f_end, low=low, high=high, low_open=low_open,
                    high_open=high_open, dimension="percent", unit="percent", counts=counts, value=value,
                    bound=BOUND[kind])


def _part_of_unit(text: str, m: re.Match, start: int, share: float, u: re.Match) -> Quantity:
    unit, dim, factor = UNITS[u.group("unit").lower()]
    kind, q_start = _qualifier(text, start, m.start())
    value = share * factor
    low, high, low_open, high_open = _interval(kind, value, None, 0.0)
    return Quantity(text=text[q_start:u.end()], start=q_start, end=u.end(), low=low, high=high, low_open=low_open,
                    high_open=high_open, dimension=dim, unit=unit, value=value, bound=BOUND[kind], factor=factor)


def _vague(text: str, m: re.Match, start: int, end: int) -> Quantity | None:
    """'tens of thousands of people', 'dozens were hurt': a vague magnitude as a range."""
    word = m.group("v").lower()
    if word == "scores" and not m.group(0).lower().endswith("of"):
        return None  # "he scores twice"
    before = text[max(start, m.start() - 20):m.start()]
    if re.search(r"(?:\d|\b(?:" + _unit_word + r"|" + _tens_word + r"|several|a few|few|many))\s*$", before, re.I):
        return None  # "several hundreds", "two thousands": read elsewhere or not at all
    lo, hi = next((v[1], v[2]) for v in _VAGUE if v[0] == word)
    # "thousands of people" counts people; "Thousands marched" says not what
    counts = _counted(text, m.end(), end)[0] if m.group(0).lower().endswith("of") else None
    v_end = m.start("v") + len(m.group("v"))
    dim, unit = "count", None
    u = UNIT_AFTER.match(text, m.end()) if m.group(0).lower().endswith("of") else None
    if u:  # "billions of years", "thousands of tonnes": the magnitude of that unit
        unit, dim, factor = UNITS[u.group("unit").lower()]
        return Quantity(text=text[m.start():u.end()], start=m.start(), end=u.end(), low=lo * factor, high=hi * factor,
                        high_open=True, dimension=dim, unit=unit, value=None, bound="range", factor=factor)
    cur = re.match(r"\s*(?:of\s+)?(?P<u>dollars|euros|pounds|yuan|yen|rupees|rubles|roubles)\b", text[v_end:end], re.I)
    if cur:
        unit, dim, _f = UNITS.get(cur.group("u").lower(), ("GBP", "money", 1.0))
        counts = None
    return Quantity(text=text[m.start():v_end], start=m.start(), end=v_end, low=lo, high=hi, high_open=True,
                    dimension=dim, unit=unit, counts=counts, value=None, bound="range")


_COUNT_SO_FAR = 0.1  # how far a precise count so far ("at least 1,602") may grow and still be the same count


def _place(raw: str) -> float:
    """The place of the last significant digit: 11,000 -> 1000; 6.8 -> 0.1; 647 -> 1."""
    s = raw.replace(",", "")
    if not s[:1].isdigit() and not s.startswith("."):
        return 1.0
    if "/" in s or s[-1:] in _CHAR_FRACTIONS:
        return 0.0
    if "." in s:
        return 10.0 ** -len(s.split(".")[1])
    stripped = s.rstrip("0")
    return 10.0 ** (len(s) - len(stripped)) if stripped else 1.0


def _prev_word(text: str, pos: int, start: int) -> str | None:
    """The word right before ``pos``, when only one space separates them."""
    w = re.search(r"(?:^|(?<=\s))(?P<w>[^\s]+) $", text[max(start, pos - 40):pos])
    return w.group("w") if w else None


def _named(text: str, n_start: int, n_end: int, start: int, raw: str) -> bool:
    """A number that is part of a name: "Boeing 787", "S&P 500", "Galaxy Note 20", "FTSE 100"."""
    if not re.fullmatch(r"\d{1,4}", raw):
        return False
    w = _prev_word(text, n_start, start)
    if not w or not re.search(r"[A-Z]", w) or w.endswith((".", ",", ":", ";", "'s", "’s", "s'", ")", "\"", "”")):
        return False
    bare = w.strip("“\"‘'(").lower()
    if bare in _NOT_NAME or bare in _WEEKDAYS or re.fullmatch(_MONTHS, bare) or bare.upper() in CURRENCY_SIGNS:
        return False
    return not UNIT_AFTER.match(text, n_end)


def _read(text: str, m: re.Match, start: int, end: int) -> Quantity | None:
    raw = m.group("num")
    n_start, n_end = m.start("num"), m.end("num")
    word_number = raw[:1].isalpha()
    words = _word_value(raw) if word_number else None  # (value, the step of its last place)
    value = words[0] if words else (None if word_number else _number_value(raw))
    if value is None:
        return None
    word_step = words[1] if words else 1.0
    scale = m.group("scale") or m.group("abbr")
    cur = m.group("cur")
    before = text[max(start, n_start - 40):m.start()]  # the words in front: qualifiers, "between", names
    after_end = m.end()
    # names and ordinals: "Article 5", "810th", "F-16" (the regex refuses a leading '-' or letter)
    if _ORDINAL_AFTER.match(text, n_end) or (not cur and _named(text, n_start, n_end, start, raw)):
        return None
    ref = _NOT_FIGURE_BEFORE.search(before)
    if ref:
        # "in the district 3,000 homes were flooded": after "the district" a counted noun makes it a figure
        noun_phrase = _ARTICLE_BEFORE.search(before[:ref.end("w")] + " ") and not ref.group("w")[0].isupper()
        if not (noun_phrase and _PLURAL_AFTER.match(text, m.end())) and not cur:
            return None
    if _STREET_AFTER.match(text, n_end) and not scale:
        return None
    if _REF_OF.search(before):
        return None  # "level 4 of 5": the scale a name is on
    if not word_number and m.group("abbr") is None and re.match(r"[A-Za-z]", text[n_end:n_end + 1] or " "):
        # glued to letters: "5G", "3D"; "5km" is handled below as a unit, "40C" as a temperature
        if not UNIT_AFTER.match(text, n_end) and not GLUED_TEMPERATURE.match(text, n_end):
            return None
    if word_number and raw.lower() == "one" and not scale:
        # "One firefighter was injured" counts; "one of the", "one consisting of", "no one" do not
        counted, _ = _counted(text, m.end(), end)
        nxt = (counted or "").split()[0].lower() if counted else ""
        prev = (_prev_word(text, n_start, start) or "").lower()
        if not UNIT_AFTER.match(text, m.end()) and (
                not counted or nxt in _ONE_IDIOMS or nxt.endswith("ing")
                or prev in ("no", "any", "every", "each", "the", "this", "that", "which", "someone")):
            return None
    if m.group("frac") and not UNIT_AFTER.match(text, m.end()):
        return None  # "3/4" alone is a date or a score; "1/2 pound" is a figure
    if m.group("abbr") and m.group("abbr").lower() in ("m", "b") and not cur:
        # "35m users" is 35 million users; "a 10m wall", "10m high" are metres: a counted plural decides
        nxt = _NEXT_PLURAL.match(text, m.end())
        if not (nxt and not UNIT_AFTER.match(text, m.end()) and nxt.group("n").lower() not in _STOP):
            return None
    # dates are read by the time reader: "November 4", "4 November", years
    if not word_number and not scale and not cur:
        if _MONTH_BEFORE.search(before) or _MONTH_AFTER.match(text, n_end):
            return None
        if re.fullmatch(r"(1[89]|20|21)\d\d", raw) and not UNIT_AFTER.match(text, n_end):
            # a year, unless a qualifier ("some 2000") or a counted noun ("2000 firefighters") says otherwise
            counted = _PLURAL_AFTER.match(text, n_end)
            if not (_YEAR_QUALIFIER_BEFORE.search(before) or (counted and not _YEAR_BEFORE.search(before)
                                                              and not _MONTH_AFTER.match(text, n_end))):
                return None
        if re.match(r"\s*(?:a\.m\.|p\.m\.|am\b|pm\b|:\d|h\b|GMT|UTC|ET\b|local time)", text[n_end:end], re.I) \
                or text[m.start() - 1:m.start()] == ":":
            return None
    negative = bool(m.group("neg")) or bool(re.search(r"\bminus\s+$", before, re.I))
    half = re.match(r"\s+and\s+a\s+half\b", text[m.end():end], re.I) if not scale else None
    if half:
        value += 0.5
        place = 0.0 if word_number else 0.5
    mult = _SCALES.get(scale.lower(), 1.0) if scale else 1.0
    if not half:
        place = _place(raw) * mult if not word_number else 0.0  # "two units" is exactly 2
    value *= mult
    if negative:
        value = -value
    if half:
        after_end = m.end() + half.end()

    # a range: "11,000-12,000", "11,000 to 12,000", "between 11,000 and 12,000", "from 5 to 7 per cent"
    hi_value = None
    between = _BETWEEN.search(before)
    from_ = _FROM.search(before)
    joiner = _BETWEEN_JOIN if between else RANGE_JOIN
    # a unit between the two numbers: "between 5% and 6%", "from 5 per cent to 7 per cent"
    mid_unit = UNIT_AFTER.match(text, after_end)
    j_at = mid_unit.end() if mid_unit and joiner.match(text, mid_unit.end()) else after_end
    j = joiner.match(text, j_at)
    if j and j_at == after_end and joiner is RANGE_JOIN and text[after_end:j.end()].strip() in ("-", "–") \
            and text[after_end:j.end()] != text[after_end:j.end()].strip():
        j = None  # "5 - 7" with spaces is a dash in a sentence, not a range
    if j:
        m2 = RANGE_END.match(text, j.end())
        if m2 and m2.group("num") and m2.group("cur") in (None, cur):
            v2 = _number_value(m2.group("num"))
            s2 = m2.group("scale") or m2.group("abbr")
            u2 = UNIT_AFTER.match(text, m2.end())
            # "from four hours to 90 minutes" is a change, not a range: one unit on both ends
            same_unit = not mid_unit or (u2 and UNITS[u2.group("unit").lower()] == UNITS[mid_unit.group("unit").lower()])
            if v2 is not None and same_unit and not (m2.group("neg") and joiner is RANGE_JOIN and not from_):
                if m2.group("neg"):
                    v2 = -v2
                v2 *= _SCALES.get(s2.lower(), 1.0) if s2 else (mult if not scale else 1.0)
                if not scale and s2 and value * _SCALES[s2.lower()] <= v2 and "," not in raw:
                    # "2 to 3 million": the scale applies to both; not to "$200 to $4 million"
                    value *= _SCALES[s2.lower()]
                    place *= _SCALES[s2.lower()]
                if v2 > value:
                    hi_value = v2
                    after_end = m2.end()
                elif joiner is RANGE_JOIN and text[after_end:j.end()].strip() in ("-", "–") and not from_:
                    return None  # "2-1", "1978-79": a score or a span of years, not a figure
    q_start = m.start("cur") if cur else (m.start("neg") if m.group("neg") else n_start)
    if negative and not m.group("neg"):
        q_start = max(start, n_start - 40) + re.search(r"\bminus\s+$", before, re.I).start()
    if (between or from_) and hi_value is not None:
        q_start = max(start, n_start - 40) + (between or from_).start()  # from "between" / "from"

    # unit
    unit = dim = unit_text = None
    factor = 1.0
    offset = 0.0
    ambiguous = None
    currency = CURRENCY_SIGNS.get(cur) if cur else None
    u = UNIT_AFTER.match(text, after_end)
    form = u.group("unit").lower() if u else None
    if form == "won" and not scale and re.match(r"\s+(?:by|in|on|at|over|against|the|a|an|his|her|their|its|this|that|after|with|from|for|to|and|seats?|votes?|races?|out)\b",
                                  text[u.end():end], re.I):
        u = form = None  # "412 won by Labour" counts seats, not Korean won
    if u and form in ("real",) and not (scale or currency):
        u = form = None  # "real" is a currency only as "2 billion real"
    glued = GLUED_TEMPERATURE.match(text, after_end) if not u and not currency else None
    if u and not (form in ("won", "yen") and currency):
        unit, dim, factor = UNITS[form]
        if form in ("pounds", "pound") and (scale or re.match(r"\s+(?:sterling|\()", text[u.end():end])):
            unit, dim, factor = "GBP", "money", 1.0  # "5 million pounds" is money; "20 pounds of flour" a weight
        unit_text = u.group("unit")
        ambiguous = AMBIGUOUS.get(form)
        after_end = u.end()
        if hi_value is None and not (between or from_):  # "7 percent to 8 percent": a range written with the unit twice
            j2 = RANGE_JOIN.match(text, after_end)
            m3 = RANGE_END.match(text, j2.end()) if j2 else None
            u3 = UNIT_AFTER.match(text, m3.end()) if m3 and m3.group("num") else None
            v3 = _number_value(m3.group("num")) if u3 else None
            if v3 is not None and UNITS[u3.group("unit").lower()] == (unit, dim, factor) and v3 > value:
                hi_value = v3
                after_end = u3.end()
    elif glued and not scale and len(raw.replace(",", "").split(".")[0]) <= 3:
        form = "°" + glued.group("unit").lower()
        unit, dim, factor = UNITS[form]
        unit_text = "°" + glued.group("unit")
        after_end = glued.end()
    if currency:
        unit, dim, factor = currency, "money", 1.0
        unit_text = None
    if dim == "temperature" and factor != 1.0:
        change = _TEMP_CHANGE_BEFORE.search(text[max(start, q_start - 20):q_start]) or _TEMP_CHANGE_AFTER.match(text, after_end)
        if not change:
            offset = -32.0 * 5 / 9  # a reading on the Fahrenheit scale: C = (F - 32) * 5/9
    if dim is None:
        dim = "count"
    mag_after = re.match(r"[\s-]*(?:in\s+)?magnitude\b", text[after_end:end], re.I)  # "measured 6.8 in magnitude"
    if dim == "count" and (mag_after or re.search(r"\bmagnitude[\s-]*$", before, re.I)):
        dim = "magnitude"  # "a magnitude 7.8 earthquake", "a 7.8-magnitude quake"
        if mag_after:
            after_end += mag_after.end()
    strong = re.match(r"-strong\b", text[after_end:end])
    if strong:  # "a 10,000-strong contingent"
        after_end += strong.end()

    if dim == "count" and unit is None and _AGED_BEFORE.search(text[max(start, q_start - 30):q_start]):
        unit, dim, factor = UNITS["years"]  # "aged 45", "the age of 64": years of age

    # qualifier in front, or after ("aged 50 and over", "five or more")
    kind = "range" if hi_value is not None else "exact"
    if hi_value is None:
        kind, qual_start = _qualifier(text, start, q_start)
        if kind == "over" and dim == "duration" and re.fullmatch(r"over\s*", text[qual_start:q_start], re.I) \
                and not _OVER_IS_MORE.search(text[max(start, qual_start - 20):qual_start]):
            kind, qual_start = "exact", q_start  # "over five years" is a span of time: during five years
        q_start = qual_start
        post = _POST_QUALIFIER.match(text, after_end, end)
        if post and kind == "exact":
            kind = "at-least" if post.group("up") or post.group("plus") else "up-to"
            after_end = post.end()

    if kind == "exact" and dim == "count" and factor == 1.0 and abs(value) < 1000 and value == int(value):
        place = min(place, 1.0)  # a bare count of things under a thousand is told exactly ("240 seats")
    low, high, low_open, high_open = _interval(kind, value, hi_value, place)
    implied = None
    if high is None and kind in ("over", "at-least") and (place > 0 or word_number):
        # "more than 11,000" is under 12,000; "more than two million" under three million; "at
        # least 1,602 people were killed" is the toll counted so far, 1,602, and a count so far
        # grows as counting goes on: within a tenth ("ahead in at least 292" / "294 seats") it is
        # one count told at another hour, beyond that ("more than 2,600") another count
        step = place if not word_number else word_step * (mult if scale else 1.0)
        if not word_number and step * 10 <= value:
            step = max(step, value * _COUNT_SO_FAR)
        implied = (value + step) * factor + offset
    low = None if low is None else low * factor + offset
    high = None if high is None else high * factor + offset
    if ambiguous and low is not None:
        low = min(low, (low - offset) / factor * ambiguous)  # "2,000 tons": the short ton too
    stated = (value if hi_value is None else (value + hi_value) / 2) * factor + offset
    if dim == "duration" and hi_value is None and kind in ("exact", "about", "nearly") and low is not None:
        # a span of time is told in whole units: "four years" since an event 4.4 years ago, "two
        # weeks" for 13 days; read it to half a unit, so "more than four years" and "nearly two
        # weeks" can agree with it
        half_unit = 0.5 * factor
        low = min(low, stated - half_unit)
        if kind != "nearly":
            high, high_open = max(high, stated + half_unit), True

    counts, counted_end = _counted(text, after_end, end) if dim in ("count", "money", "magnitude") else (None, after_end)
    if counts is None and dim == "count":
        # "412 of the 650 seats" counts seats, a part of the whole
        whole = _OF_THE_WHOLE.match(text, after_end, end)
        if whole:
            counts, _ = _counted(text, whole.end(), end)
    if dim in ("length", "area", "mass", "volume"):
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
                         rf"\b(?:stood at|rose to|reached|climbed to|jumped to|passed|{_PASSED}|at|to|was|is)\s+"
                         r"(?:(?:about|around|roughly|over|more than|some|at least|nearly|almost)\s+)?$",
                         text[max(start, q_start - 120):q_start] + _lead_verb(text[q_start:after_end]), re.I)
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
        bound=BOUND[kind],
        factor=factor,
        offset=offset,
        unit_text=unit_text,
    )


def _interval(kind: str, x: float, x2: float | None, place: float,
              tol: float | None = None) -> tuple[float | None, float | None, bool, bool]:
    bare_tol = min(place / 2, 0.01 * abs(x)) if tol is None else tol
    about_tol = max(0.025 * abs(x), min(place / 2, 0.1 * abs(x))) if tol is None else max(tol, 0.1 * abs(x))
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
        return (0.0 if x >= 0 else None), x, False, False
    if kind == "under":
        return (0.0 if x >= 0 else None), x, False, True
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
        counts=counts, value=q.value, note=note, implied_high=q.implied_high, bound=q.bound,
        factor=q.factor, offset=q.offset, unit_text=q.unit_text,
    )


# what a figure counts, folded so that "DPRK soldiers" and "troops" are one thing
_SYNONYMS = {
    "troops": "troops", "soldiers": "troops", "forces": "troops", "servicemen": "troops", "personnel": "troops",
    "fighters": "troops", "men": "troops", "contingent": "troops", "force": "troops", "soldier": "troops", "troop": "troops",
    "people": "people", "persons": "people", "residents": "people", "civilians": "people",
    "dead": "deaths", "deaths": "deaths", "killed": "deaths", "died": "deaths", "fatalities": "deaths", "toll": "deaths",
    "containers": "containers", "container": "containers",
    # the units an outage or an evacuation counts: one home, one household, one customer of a utility
    "homes": "households", "home": "households", "households": "households", "household": "households",
    "customers": "households", "customer": "households",
    # what a share measures (``reading.measured``): a rise in prices is inflation; the jobless are the unemployed
    "inflation": "inflation", "prices": "inflation", "price": "inflation", "cpi": "inflation",
    "unemployment": "unemployment", "jobless": "unemployment",
}

_LEAD_VERB = re.compile(rf"(?:{_PASSED})\s+", re.I)


def _lead_verb(figure: str) -> str:
    """The verb a figure's words begin with, read as its bound ("had surpassed 2,000": over 2,000),
    which is also the verb a toll is told with ("the death toll had surpassed 2,000")."""
    m = _LEAD_VERB.match(figure)
    return m.group(0) if m else ""


def topic(q: Quantity) -> str | None:
    """The folded head noun of what a quantity counts."""
    if not q.counts:
        return None
    words = q.counts.lower().split()
    for w in reversed(words):
        if w in _SYNONYMS:
            return _deaths(q, _SYNONYMS[w])
    head = words[-1]
    if head.endswith("ies") and len(head) > 4:  # "countries", "casualties": one country, one casualty
        head = head[:-3] + "y"
    elif head.endswith("s") and not head.endswith("ss") and len(head) > 3:
        head = head[:-1]
    return _deaths(q, _SYNONYMS.get(head, head))


def _deaths(q: Quantity, head: str) -> str:
    """People a verb of dying governs are deaths: "killed five people" counts what "four people
    died" and "a toll of four" count."""
    return "deaths" if head == "people" and q.event in _DYING else head


_DYING = frozenset({"kill", "die", "perish"})


# kinds of figure that say nothing of what they are without their noun: a count, a share
_WEAK_ALONE = frozenset({"count", "percent"})


# the roles of a figure compared only with another figure of the same role (claimdiff.model.Quantity)
_OWN_KIND_ROLES = frozenset({"part", "each", "whole", "named", "threshold", "forecast", "counterfactual", "run", "since", "record", "age"})


def same_place(qa: Quantity, qb: Quantity) -> int:
    """How the places of two figures bear on pairing them: +1 when both are of one place, -1
    when both are placed elsewhere from each other, 0 when either is unplaced. A place may be
    told as the figure's place ("39 were in Wajima and 23 in Suzu") or as its holder ("Wajima
    accounted for 39 of the 72 dead and Suzu for 22"): a list of figures by place pairs place
    with place, not by order."""
    if qa.places and qb.places:
        return 1 if set(qa.places) & set(qb.places) else -1
    for x, y in ((qa, qb), (qb, qa)):
        if x.places and y.holder and not y.places and any(same_holder(p, y.holder) for p in x.places):
            return 1
    return 0


def pair_quantities(a: tuple[Quantity, ...], b: tuple[Quantity, ...]) -> list[tuple[Quantity, Quantity]]:
    """Pair the figures of two aligned claims: same dimension, same counted thing where both say."""
    candidates = []
    for i, qa in enumerate(a):
        for j, qb in enumerate(b):
            # when it was said, or what it is compared with, is not what was said; a part ("two
            # other executives", "2,000 more troops") is compared only with another part
            # a figure per unit ("each of about 3,000", "$55 per share") only with another; the
            # size of a whole ("of the 543 seats") and a thing named by its date ("the Oct. 1
            # salvo") likewise
            if (qa.role or qb.role) and not (qa.role == qb.role and qa.role in _OWN_KIND_ROLES):
                continue
            if qa.dimension != qb.dimension or qa.unit != qb.unit:
                continue
            ta, tb = topic(qa), topic(qb)
            if ta and tb and ta != tb:
                continue
            place = same_place(qa, qb)
            if qa.dimension in _WEAK_ALONE and not (ta or tb) and place <= 0 and (
                    sum(q.dimension == qa.dimension for q in a) > 1 or sum(q.dimension == qb.dimension for q in b) > 1):
                # two uncounted numbers among others of their kind: too weak to pair ("with 97.6%
                # of votes counted, Milei had 55.8% against 44.2%" / "Massa took just over 44%"),
                # unless one place holds both ("23 in Suzu" / "Suzu for 22")
                continue
            strength = 2 if (ta and ta == tb) else 1
            if qa.holder and qb.holder:  # "the NDA won 294" pairs with the NDA's 291 before the BJP's 240
                strength += 1 if same_holder(qa.holder, qb.holder) else -1
            strength += place
            # figures that agree pair first: "rose 0.4%, or 13 cents, to $35.36" against
            # "rose 0.4% to $35.36" pairs $35.36 with $35.36, not 13 cents with $35.36; and before
            # a pair that only shares its counted thing: "rejected the contract with a vote of 94.6%
            # and to strike with 96%" against "the vote to authorize a strike was 96%" is 96 and 96
            candidates.append((0 if qa.overlaps(qb) else 1, -strength, abs(i - j), i, j))
    used_a, used_b, out = set(), set(), []
    for *_, i, j in sorted(candidates):
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        out.append((a[i], b[j]))
    return out
