"""Judge: two aligned claims in; their ``Finding``s out, each with its reason, spans and evidence.

Contract: a closed set of kinds with stable codes; a finding's reason says why, its
spans point at the words that differ, its evidence feeds the confidence (``confidence``:
a logistic model per kind, fitted by benchmarks/calibrate.py). One disagreement repeated
in a report is merged into one finding (``merge``).

For an aligned pair the checks run in this order, each adding at most one finding:
contradiction (one side negates what the other asserts), figure-shift (figures of
the same counted thing, or dates, whose intervals do not overlap), attribution-shift
(credited to someone else, or named on one side and anonymous on the other),
certainty-shift (asserted on one side, hedged or unconfirmed on the other). A pair
with none of these is an agreement, and its reason lists the figures found compatible.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import replace

from rapidfuzz import fuzz

from ..extract import stance
from ..model import HELD, Attribution, Claim, Document, Finding, Kind, Quantity, Side
from ..extract.attribution import OUTLETS
from ..extract.names import abbreviates, body, same_body, same_holder, same_name
from ..extract.quantities import pair_quantities, same_place, topic
from ..extract.scope import conflict, measure, of_figures, scope
from ..extract.states import state, tolled
from ..extract.timex import days_of, iso
from ..extract.units import DISPLAY
from ..extract import lexicon
from ..align.spelling import american

# opposite readings of the same event ("fell" / "ticked up"): one side of a pair against the other contradicts
_OPPOSITES = lexicon.OPPOSITES
_OPPOSITES_RX = [(re.compile(rf"\b(?:{x})\b", re.I), re.compile(rf"\b(?:{y})\b", re.I)) for x, y in _OPPOSITES]
# hedges that are only a modal verb ("could", "may"): weaker evidence of a hedged claim
_MODAL = re.compile(lexicon.MODAL_HEDGES, re.I)
_WORD = re.compile(r"\d+(?:[.,]\d+)*|\w[\w'’.-]*")  # a figure is one word: "2,012", "1.5"
# an unresolved "he said", or a title cut from its name ("Dr"), credits no one we can compare
_PRONOUN = re.compile(r"(?:he|she|they|it|dr|mr|mrs|ms|prof|gen|sen|rep|gov|lt|col|capt)\.?$", re.I)
# a modal and its past or tentative form say one thing: "can pick up" / "could pick up"
_MODAL_PAIRS = lexicon.MODAL_PAIRS


def show(q: Quantity) -> str:
    if q.note and ": a share of " in q.note:  # "most of them (of Over 10,000)"
        whole = q.note.split(": a share of ", 1)[1]
        if q.counts and whole.endswith(" " + q.counts):
            whole = whole[: -len(q.counts) - 1]
        return f"{q.text} (of {whole})"
    if q.dimension == "date":
        lo, hi = iso(q.low), iso(q.high)
        span = lo if lo == hi else f"{lo}..{hi or 'now'}"
        return f"{q.text} ({span})"
    return q.text


def move(qa: Quantity, qb: Quantity) -> str:
    """The size of a shift, absolute and relative: '+1,000 (+10%)'; days for dates."""
    va, vb = qa.value, qb.value
    if qa.dimension == "date":
        if qa.low is not None and qb.low is not None:
            d = int(qb.low - qa.low)
            return f"{d:+d} day" + ("s" if abs(d) != 1 else "")
        return ""
    if va is None or vb is None:
        return ""
    if qa.dimension == "time":  # a time of day moves by minutes; a share of midnight means nothing
        d = int(round(vb - va))
        return f"{d:+d} minute" + ("s" if abs(d) != 1 else "")
    if qa.dimension == "money" and qa.unit == qb.unit:
        return _money_move(qa.unit or "", va, vb)
    name, factor = DISPLAY.get(qa.unit or "", ("", 1.0))
    if qa.unit_text and qb.unit_text and qa.factor == qb.factor and qa.offset == qb.offset and qa.unit != "percent":
        # both in one unit as written ("120 mph" / "130 mph"): the move in that unit, not a converted one
        name, factor = qb.unit_text.strip(), qa.factor
    delta = (vb - va) / factor
    out = f"{delta:+,.0f}" if abs(delta) >= 10 else f"{delta:+,.2g}"
    if name:
        out += f" {name[:-1] if name.endswith('s') and abs(delta) == 1 else name}"  # "+1 point", "+2 days"
    return out + _relative(vb - va, va)


def _relative(delta: float, base: float) -> str:
    """A move as a share of where it started, " (+6%)"; "" from nothing. Under one per cent a whole
    percentage reads "-0%": 59.8 -> 59.7 is -0.2%."""
    if not base:
        return ""
    rel = delta / abs(base)
    return f" ({rel:+.1%})" if abs(rel) < 0.01 else f" ({rel:+.0%})"


_CURRENCY_SIGN = {"USD": "$", "GBP": "£", "EUR": "€", "JPY": "¥"}
_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def _money_move(unit: str, va: float, vb: float) -> str:
    """A move between two amounts in the scale they are told in: "+$0.8 billion (+6%)" for
    $14.1 billion -> $14.9 billion, not "+800,000,000"."""
    delta = vb - va
    scale, word = next(((f, " " + w) for f, w in _SCALES if max(abs(va), abs(vb)) >= f), (1.0, ""))
    amount = abs(delta) / scale
    number = f"{amount:,.0f}" if amount >= 100 else f"{amount:,.3g}"
    cur = _CURRENCY_SIGN.get(unit)
    out = ("+" if delta >= 0 else "-") + (f"{cur}{number}{word}" if cur else f"{number}{word} {unit}".rstrip())
    return out + _relative(delta, va)


def _what(qa: Quantity, qb: Quantity) -> str:
    return qa.counts or qb.counts or {"length": "distance"}.get(qa.dimension, qa.dimension)


_PERSON = re.compile(r"(?:[A-Z][\w’'-]+\.?\s+){1,3}[A-Z][\w’'-]+")
_GROUP = re.compile(r"(?:ers|ists|ians|ants|ents|ors|ives|ials)$")  # "Policymakers said": a group, not a surname
_SURNAME = re.compile(r"[A-Z][a-z’'-]+(?:-[A-Z][a-z]+)?")  # "Starmer", "Bankman-Fried"; not "AFAD", "NATO"


def _person(a: Attribution) -> str | None:
    """A named person (two or more capitalised words that are not an outlet or a body)."""
    if a.name and not a.anonymous and _PERSON.fullmatch(a.name) and not a.name.startswith("The "):
        return a.name
    # a surname alone ("Starmer told supporters"): the source as written is that one word, or
    # that word and an apposition about it ("Trump, the presumptive Republican nominee, said")
    if (a.name and not a.anonymous and a.source and (a.source == a.name or a.source.startswith(a.name + ","))
            and _SURNAME.fullmatch(a.name)
            and not _PRONOUN.match(a.name) and not _GROUP.search(a.name)):
        return a.name
    return None


def same_source(a: Attribution, b: Attribution) -> tuple[bool, str]:
    """Whether two attributions credit the same source, and if not, how they differ.

    Two anonymous sources are not told apart (an official / officials); a person
    against an anonymous source, two different people, or two different bodies
    (State Department / Pentagon) are.
    """
    a, b = _owner(a), _owner(b)
    pa, pb = _person(a), _person(b)
    if _one_body(a.source, b.source) or _anaphoric(a.source) or _anaphoric(b.source) or same_body(a.source, b.source):
        return True, ""
    if _of_government(a.source, b) or _of_government(b.source, a) or _part_of(a.source, b.source) \
            or _part_of(b.source, a.source):
        return True, ""
    if _ownerless_record(a.source) and _issuer(b) or _ownerless_record(b.source) and _issuer(a):
        return True, ""  # "data released last week" / "Eurostat": the record may be that body's
    if body(a.source) and body(b.source):  # two countries' bodies, or two of one country's
        return False, "another body"
    if pa and pb:
        return same_name(pa, pb), "another named source"
    if a.organisation and b.organisation and not _same_body(a.organisation, b.organisation):
        return False, "another body"
    # "the union leader" / "Jon Holden": a definite role with no name may be the person named
    if (pa and not pb and _definite_role(b)) or (pb and not pa and _definite_role(a)):
        return True, ""
    # "the State Department spokesman" is one person, maybe the one named on the other side:
    # only an indefinite source ("a senior official", "officials", "sources") is anonymous
    if (pa and b.anonymous and _described(b, a)) or (pb and a.anonymous and _described(a, b)):
        return True, ""
    if (pa and b.anonymous and not _definite(b)) or (pb and a.anonymous and not _definite(a)):
        return False, "named on one side, anonymous on the other"
    if a.anonymous and b.anonymous:
        # unnamed both: told apart only by what they are ("a volunteer" / "a local official")
        # "sources" and "people familiar" say nothing of what they are: "hospital sources" may be
        # the "officials" of the other report
        ra, rb = _singular(a.role), _singular(b.role)
        if ra in lexicon.UNKINDED_ROLES or rb in lexicon.UNKINDED_ROLES:
            return True, ""
        return not (ra and rb and ra != rb), "another unnamed source"
    if a.anonymous or b.anonymous:
        return True, ""
    if a.source and b.source and _acronym_of(a.source, b.source):
        return True, ""  # "the Office for National Statistics" / "data released from the ONS"
    if a.source and b.source:
        na, nb = _proper(a.source), _proper(b.source)
        if na and nb:  # "the BBC's projection" / "a Sky News projection": the names decide
            return fuzz.token_set_ratio(na, nb) >= 50, "another source"
        ok = fuzz.token_set_ratio(a.source.lower(), b.source.lower()) >= 50
        return ok, "another source"
    return True, ""


def _acronym_of(a: str, b: str) -> bool:
    """One source names a body by its initials, the other by its words ("ONS" / "the Office for
    National Statistics", "ISRO" / "the Indian Space Research Organisation")."""
    for x, y in ((a, b), (b, a)):
        named = [w for w in re.findall(r"[\w’'-]+", y) if w[:1].isupper()]
        if len(named) >= 3 and abbreviates(x.split(), named, least=3, edges=".,()’'s"):
            return True
    return False


_ANAPHOR = re.compile(r"(?:the|its|their|this|that)\s+(?:[a-z][\w'’-]*\s+){0,2}?(?P<noun>[a-z][\w-]*)", re.I)


def _anaphoric(source: str | None) -> bool:
    """A source that points back by what it is, in common nouns: "The organization", "the
    statement", "the agency's report" ("the company"), standing for a body named before it."""
    m = _ANAPHOR.fullmatch((source or "").strip())
    return bool(m and m.group("noun").lower() in lexicon.ANAPHORIC_SOURCES
                and not any(w[:1].isupper() for w in source.split()[1:]))


_RECORD = re.compile(r"['’]s\s+(?P<noun>[a-z]+)$", re.I)


def _ownerless_record(source: str | None) -> bool:
    """A record that names no one ("data released last week", "official figures", "the
    latest estimates"): whose record it is the text does not say, so it may be that of the
    body or person named on the other side, and is no other source."""
    words = re.findall(r"[\w’'-]+", source or "")
    if not words or any(w[:1].isupper() for w in words if w.lower() not in ("the", "a", "an")):
        return False
    return any(w.lower() in lexicon.RECORD_NOUNS for w in words)


def _issuer(a: Attribution) -> bool:
    """A source that may put out records: a named organisation, a body's word, or a name (one
    word, "Eurostat", may be a body as well as a surname); not an unnamed witness or official."""
    if a.organisation or body(a.source):
        return True
    words = (a.source or "").split()
    return bool(words) and not a.anonymous and not (_person(a) and len((a.name or "").split()) > 1) \
        and any(w[:1].isupper() for w in words)


def _owner(a: Attribution) -> Attribution:
    """"the Interior Ministry's count": the ministry, whose count it is."""
    out = a
    for field in ("source", "organisation"):
        value = getattr(out, field)
        m = _RECORD.search(value or "")
        if m and m.group("noun").lower() in lexicon.RECORD_NOUNS:
            out = replace(out, **{field: value[:m.start()]})
    return out


def _of_government(whole: str | None, part: Attribution) -> bool:
    """"the government" (or "the authorities") against one of its bodies ("the Labor
    Department", "Interior Minister Gerald Darmanin"): the whole spoken of for its part."""
    words = (whole or "").lower().split()
    if not words or words[0] not in ("the", "its") or len(words) != 2 or words[1] not in lexicon.WHOLE_GOVERNMENT:
        return False
    told = " ".join(x for x in (part.source, part.role, part.organisation) if x).lower()
    return any(w in lexicon.GOVERNMENT_BODIES for w in re.findall(r"[a-z]+", told)) or "white house" in told


# a body and the names of the one it belongs to, compiled once (same_source asks per aligned pair)
_PARENTS = [(re.compile(rf"\b{re.escape(sub)}\b"), re.compile(r"\b(?:" + "|".join(map(re.escape, names)) + r")\b"))
            for sub, names in lexicon.PARENT_BODIES.items()]


def _part_of(part: str | None, whole: str | None) -> bool:
    """A body named for the one it belongs to ("Bureau of Labor Statistics' figures released
    Friday" / "the Labor Department"; ``lexicon.PARENT_BODIES``): one source, not another."""
    if not part or not whole:
        return False
    p, w = (american(" ".join(x.lower().split())) for x in (part, whole))
    return any(sub.search(p) and parent.search(w) for sub, parent in _PARENTS)


def _relays(a: Attribution) -> bool:
    """The claim is credited to a news outlet alone ("..., CNN reported", "according to
    Reuters"): the outlet passes on what someone told it, and who is not said, so it is no
    source to set against another. Unnamed media ("local media", "state media") are a source."""
    src = (a.source or "").strip()
    return bool(OUTLETS.fullmatch(src)) and src[:1].isupper()


def _alias(source: str | None) -> str | None:
    """A body's usual name for its building, street or capital ("Threadneedle Street": the Bank
    of England; "Beijing": China), or None."""
    if not source:
        return None
    s = " ".join(re.sub(r"['’]s\b", "", source.lower()).split())
    s = s[4:] if s.startswith("the ") else s
    return lexicon.BODY_ALIASES.get(s) or lexicon.BODY_ALIASES.get("the " + s) or lexicon.CAPITALS.get(s)


def _one_body(a: str | None, b: str | None) -> bool:
    """One source under its alias and its name: "Threadneedle Street" / "the Bank of England",
    "Beijing" / "China's foreign ministry" (the alias's words are in the other source)."""
    for x, y in ((a, b), (b, a)):
        name = _alias(x)
        if name and y and (name == _alias(y) or re.search(rf"\b{re.escape(name)}\b", american(" ".join(y.lower().split())))):
            return True
    return False


def _same_body(a: str, b: str) -> bool:
    """'Interior Ministry' / 'the interior ministry of Morocco'; 'U.S. Central Command' / 'Central Command'."""
    na, nb = (" ".join(re.sub(r"\b(?:the|of|u\.s\.|us|s)\b|['’.]", " ", x.lower()).split()) for x in (a, b))
    return na == nb or fuzz.token_set_ratio(na, nb) >= 90


_DEFINITE = re.compile(r"^(?:the|its|his|her|their)\s+(?!.*\b(?:officials|sources|people|diplomats|analysts)\b)", re.I)


def _definite_role(a: Attribution) -> bool:
    """A definite role ("the union leader", "the company's chief", "the WHO Director-General"),
    naming no one: its last word is the role, whatever body stands before it. An apposition
    after a comma describes the holder ("The governor, a rising star in the Democratic party")
    and is not read. "the White House" and "the BBC's projection" name a body, no role."""
    told = (a.source or "").split(",")[0].split()
    if a.name or not told or not _DEFINITE.match(" ".join(told)) or len(told) < 2:
        return False
    if "of" in told[2:]:
        # "the former mayor of Mexico City", "the head of the agency": the office is the word
        # before "of", whose it is comes after; one person holds a single office of a named place
        # or body
        at = told.index("of", 2)
        office, whose = told[at - 1].lower(), told[at + 1:]
        return office in lexicon.SINGLE_OFFICES or not any(w[:1].isupper() for w in whose) \
            and not _BODY_WORD.fullmatch(office)
    last = told[-1].lower()
    if _BODY_WORD.fullmatch(last):
        return False  # "the Iranian army", "the Health Ministry": a body, not one person's role
    if not any(w[:1].isupper() for w in told[1:]):
        return True
    # of a body named before it, only an office one person holds ("the WHO Director-General"),
    # not one of a body's many ("the Pentagon spokesman" may be any of them)
    return last in lexicon.SINGLE_OFFICES


_BODY_WORD = re.compile(lexicon.BODY_WORDS, re.I)


_ONE = re.compile(r"^(?:a|an|one|another)\s+", re.I)
# roles an "official" may be: "a county official" may be the county spokesperson named elsewhere
_OFFICIAL_ROLES = frozenset("official spokesperson spokesman spokeswoman minister secretary director chief officer "
                            "commissioner mayor governor administrator head".split())


def _described(unnamed: Attribution, named: Attribution) -> bool:
    """One person, named on one side and described loosely on the other: a single unnamed
    source whose every word the named one's description bears out ("a county official" /
    "county spokesperson Erick Gill"; "one protester" / "Davis Tafari, a protester"). A group
    ("paramedics", "officials") or a word the named side lacks ("a senior U.S. official" /
    "Pentagon spokesperson Sabrina Singh") keeps them apart."""
    src = (unnamed.source or "").strip()
    m = _ONE.match(src)
    if not m or not unnamed.role or unnamed.role.endswith("s") and not unnamed.role.endswith("ss"):
        return False
    def form(w: str) -> str:
        return lexicon.ROLE_FORMS.get(w, w)

    role = form(unnamed.role.lower())
    words = [form(w) for w in re.findall(r"[\w.'’-]+", src[m.end():].lower()) if form(w) != role]
    told = {form(w) for w in re.findall(r"[\w.'’-]+", " ".join(
        x for x in (named.source, named.role, named.organisation) if x).lower())}
    role_ok = role in told or (role == "official" and (named.role or "").lower() in _OFFICIAL_ROLES)
    return role_ok and all(w in told for w in words)


def _definite(a: Attribution) -> bool:
    """A source that names one role, not one of many: "the State Department spokesman"."""
    return bool(a.source and _DEFINITE.match(a.source))


_GENERIC_SOURCE = re.compile(
    r"\b(?:the|a|an|its|their|projections?|exit polls?|polls?|figures?|data|reports?|statements?|estimates?|surveys?|"
    r"analys[ie]s|counts?|tall(?:y|ies)|compiled|by|from|for|of|s)\b|['’]s?\b", re.I)


def _proper(source: str) -> str:
    """The names in a source, without the words any source may have ("projection", "poll")."""
    return " ".join(_GENERIC_SOURCE.sub(" ", source).lower().split())


def _singular(role: str | None) -> str | None:
    if not role:
        return None
    role = role.lower()
    if role.endswith(("sses", "xes", "ches", "shes")):  # "witnesses", "boxes"
        return role[:-2]
    if role.endswith("ies"):  # "authorities"
        return role[:-3] + "y"
    return role[:-1] if role.endswith("s") and not role.endswith("ss") else role


def _source_text(a: Attribution) -> str:
    s = a.source or "no source"
    if a.anonymous and "anonym" not in s:
        s += " (anonymous)"
    return s


_GOVERNED = re.compile(r"(?:\s+(?:in|on|to|of|for|with|at|a|an|the|any|its|their|his|her|into|from|by))*\s+([\w’'-]+)", re.I)
_NEGATOR = re.compile(r"(?:\bnot|\bnever|n['’]t|\bno)\s+(?:yet\s+|been\s+|be\s+)?(?P<word>[\w’'-]+)", re.I)


def _absent(text: str, word: str) -> bool:
    """The text says ``word`` is absent: "without power", "lacking clean water"."""
    return re.search(rf"\b(?:{lexicon.PRIVATIVE})\s+(?:[\w’'-]+\s+){{0,2}}{re.escape(word)}\b", text, re.I) is not None


_SAME_WORDS = 60  # token-set ratio at which two quotations quote the same words


def _two_quotes(a: Claim, b: Claim) -> bool:
    """Both are direct quotations and quote other words ('"The deal benefits the United States,"
    Burritt said' / '"We will honour every union contract," Hashimoto said'): two statements by
    two people, not one statement credited to another."""
    return a.quote and b.quote and fuzz.token_set_ratio(a.content.lower(), b.content.lower()) < _SAME_WORDS


_WORD_FOR_WORD = 90  # plain ratio at which two claims give one statement word for word


def _one_quotation(a: Claim, b: Claim) -> bool:
    """One statement in the same words: both quote the same words ('"We will honour every union
    contract," Hashimoto said' / '"We will honour every union contract," Burritt said'), or the
    two claims say it word for word, quoted or not ("the talks were productive and candid")."""
    return (a.quote and b.quote and not _two_quotes(a, b)) or \
        fuzz.ratio(a.content.lower(), b.content.lower()) >= _WORD_FOR_WORD


def _negates_what_the_other_says(neg: Claim, pos: Claim) -> bool:
    """The negated word, or the first word of what it governs, has its match on the other
    side: "have not engaged" / "have begun engaging", "not engaged in combat" / "begun combat
    operations", "did not confirm" / "confirmed". Two claims about one person, one with a
    "never" in it ("had never meant to defraud" / "had directed her to commit the crimes"),
    are not one asserted and one negated. A denial ("denied", "rejected") is taken as it is."""
    if neg.lemmas & pos.lemmas & lexicon.DENYING and stance.DENIAL.fullmatch(neg.negation or ""):
        return False  # "rejected the contract" / "voted to reject the pay deal": both reject it
    if neg.denies is not None:  # from the parse: the negated verb and its objects, never a shared date or place
        if any(_absent(pos.text, d) for d in neg.denies if d[:1].isalpha()):
            return False  # "still have no power" / "were still without power": one absence, told twice
        # a negated content verb must itself be asserted on the other side: "could not hold on to
        # their lead" does not deny "squandered a 2-0 lead", though both speak of the lead; unless
        # the other side carries the event in the shared noun ("have begun combat operations")
        def said(words: tuple[str, ...]) -> bool:
            return any(d in pos.lemmas for d in words) or any(
                w.lower().startswith(d[:5]) for d in words for w in _WORD.findall(pos.text))

        if neg.denied_verb and not (pos.lemmas & lexicon.SUPPORT_VERBS
                                    and set(neg.denied_verb) & (lexicon.SUPPORT_VERBS | lexicon.TAKING_PART)):
            # the shared noun carries the event only between two verbs that carry one ("have not
            # engaged in combat" / "have begun combat operations"), not when the negated verb says
            # something of its own ("have not matched the hopes" / "have held out hope")
            return said(neg.denied_verb)
        return said(neg.denies)
    cue = neg.negation or ""
    m = _NEGATOR.search(cue)
    if m is None:
        return True
    at = neg.content.find(cue)
    governed = _GOVERNED.match(neg.content, at + m.end()) if at >= 0 else None
    stems = {m.group("word").lower()[:5]} | ({governed.group(1).lower()[:5]} if governed else set())
    return any(w.lower().startswith(stem) for stem in stems for w in _WORD.findall(pos.text))


def judge(a: Claim, b: Claim, sides: tuple[Side, Side], scores: tuple[tuple[str, float], ...], *,
          contradiction: bool = True, certainty: bool = True, attribution: bool = True,
          reported: Callable[[Quantity, Quantity], bool] | None = None, rival: bool = False,
          filed: tuple[str | None, str | None] = (None, None), contested: bool = False) -> list[Finding]:
    """The findings of one aligned pair. ``contradiction`` and ``certainty`` off: the pair is
    too loosely aligned to call those (see ``Settings``); it is judged on the rest.
    ``attribution`` off (a pair taken below the threshold, as each other's only close claim):
    no attribution shift either. A figure shift brings its own evidence that the claims are
    one (the same counted thing in the same scope); a change of source has none but the
    alignment, and on a loose pair it is two statements by two sources, not one credited twice.
    ``rival``: certainty is off only because another claim pairs nearly as well with one of
    the two (``Settings.certainty_gap``): the pair is the same claim, its certainty unjudged.
    ``contested``: another claim pairs nearly as well with one of the two (``Settings.certainty_gap``):
    the alignment alone does not show the two are one claim, so a change of source is called only
    with evidence of its own that they are (a figure both give, one quotation, or a denial of
    what the other asserts).
    ``filed``: the days the two reports were filed (ISO), the day a running count is told as of
    when the claim names none (``_later_count``).
    ``reported(qa, qb)``: whether one report of the story gives both figures, as two figures of
    one thing (an equity value and a total with debt; a toll and a later toll): the outlets
    then chose between figures both on record, and do not disagree (see ``compare``)."""
    out: list[Finding] = []
    side_a, side_b = sides
    outlet = {a.id: side_a.outlet, b.id: side_b.outlet}

    def finding(kind: Kind, reason: str, spans_a=(), spans_b=(), topic_=None, details=(), evidence=()):
        out.append(Finding(
            kind=kind, reason=reason,
            sides=(_with_spans(side_a, spans_a), _with_spans(side_b, spans_b)),
            topic=topic_, scores=scores, details=tuple(details), evidence=tuple(evidence),
        ))

    # contradiction: negation on one side only, or a pair of antonyms
    opposed: set[str] = set()  # the words a contradiction was called on
    apart = _other_time(a, b, filed)  # two times a season apart: neither contradicts nor re-credits the other
    if not contradiction or apart:
        pass
    elif a.negated != b.negated and _negates_what_the_other_says(a if a.negated else b, b if a.negated else a):
        neg, pos = (a, b) if a.negated else (b, a)
        cue = neg.negation
        reason = f"{outlet[neg.id]} negates it ('{cue}'); {outlet[pos.id]} asserts it"
        finding(Kind.CONTRADICTION, reason, _cue_spans(a, a.negation), _cue_spans(b, b.negation),
                evidence=[("negation", 1.0)])
    else:
        for up, down in _OPPOSITES_RX:
            ua, da_, ub, db_ = up.search(a.content), down.search(a.content), up.search(b.content), down.search(b.content)
            if ua and not da_ and db_ and not ub or da_ and not ua and ub and not db_:
                cue_a, cue_b = (ua or da_).group(0), (ub or db_).group(0)
                opposed |= {cue_a.lower(), cue_b.lower()}
                finding(Kind.CONTRADICTION, f"'{cue_a}' in {outlet[a.id]}, '{cue_b}' in {outlet[b.id]}",
                        _cue_spans(a, cue_a), _cue_spans(b, cue_b), evidence=[("negation", 0.0)])
                break

    # figures: a shift only when both count the same thing in the same scope (place, subject);
    # figures of another scope ("8,574 in Turkey" / "more than 15,000 in Turkey and Syria")
    # cannot both be compared, and the agreement says so
    shifted, compatible, other_scope, other_day, both, unanchored = [], [], [], [], [], []
    pairs = pair_quantities(a.quantities, b.quantities)
    scope_a, scope_b = scope(a.content, a.text), scope(b.content, b.text)
    other_period = _other_period(a, b)
    other_measure = _other_measure(a, b)
    for qa, qb in pairs:
        if qa.overlaps(qb) or _same_calendar_day(qa, qb) or _floors_of_a_toll(a, qa, b, qb, filed):
            compatible.append((qa, qb))
        elif qa.dimension not in ("date", "time") and _later_count(a, qa, b, qb, filed):
            other_day.append((qa, qb))
        elif ((conflict(*of_figures(scope_a, scope_b, qa, qb), subjects=False)
               or other_period or other_measure or _other_state(a, qa, b, qb) or _other_holder(qa, qb))
              and qa.dimension not in ("date", "time")) \
                or _apart(qa, qb) or _other_event(qa, qb):
            other_scope.append((qa, qb))
        elif reported is not None and reported(qa, qb):
            both.append((qa, qb))
        elif not attribution and not _named_alike(qa, qb):
            unanchored.append((qa, qb))
        else:
            shifted.append((qa, qb))
    if shifted:
        # a place's share of a running count, in a list of places ("23 in Suzu" / "Suzu for 22"),
        # moves as the count does: two breakdowns are of one hour only when another share agrees
        # ("39 in Wajima" / "Wajima accounted for 39"); with none agreeing they may be two
        # hours' counts (39 and 23 in the evening, 32 and 22 that morning), not a shift
        loose_parts = [(qa, qb) for qa, qb in shifted if _placed_share(a, qa, b, qb)
                       and _breakdown(a, qa) and _breakdown(b, qb)
                       and not any(_placed_share(a, ca, b, cb) and tolled(a, ca) == tolled(a, qa)
                                   for ca, cb in compatible)]
        other_scope += loose_parts
        shifted = [p for p in shifted if p not in loose_parts]
    if other_day:
        # the days a running count was told as of are no shift of a date either
        other_scope += [(qa, qb) for qa, qb in shifted if qa.dimension in ("date", "time")]
        shifted = [(qa, qb) for qa, qb in shifted if qa.dimension not in ("date", "time")]
    if shifted:
        parts = [f"{_what(qa, qb)}: {show(qa)} -> {show(qb)} ({move(qa, qb)})".replace(" ()", "") for qa, qb in shifted]
        finding(
            Kind.FIGURE_SHIFT, "; ".join(parts),
            [(qa.start - a.start, qa.end - a.start) for qa, _ in shifted],
            [(qb.start - b.start, qb.end - b.start) for _, qb in shifted],
            topic_=_what(*shifted[0]),
            details=[("figures", "; ".join(f"{qa.text} | {qb.text}" for qa, qb in shifted))],
            evidence=_figure_evidence(shifted),
        )

    # attribution
    if attribution and a.attribution.source and b.attribution.source and not (
            _PRONOUN.match(a.attribution.source) or _PRONOUN.match(b.attribution.source)) \
            and not _two_quotes(a, b) and not (_relays(a.attribution) or _relays(b.attribution)) \
            and not (contested and not (_shown_one(a, b, compatible)
                                        or any(f.kind is Kind.CONTRADICTION for f in out))) \
            and not (other_scope and not compatible and not shifted and not both) \
            and not _counts_apart(a, b, pairs) \
            and not apart:
        # (claims of two times are two statements: "last year Biden said the pandemic was over")
        # (figures of other things only, "700 bodies buried" / "3,200 bodies recovered": two facts)
        same, why = same_source(a.attribution, b.attribution)
        if not same and _person(a.attribution) and _person(b.attribution) and not _one_quotation(a, b):
            # two people named for one claim in other words are, in news, two people who said it
            # (two leaders after their summit, a paramedic and a rights group's director), far
            # more often than one statement credited to the wrong person; the same words under
            # two names are one statement credited twice
            same = True
        if not same and _spoke_apart(a, b):
            # a source's statement dated on one side and not, or otherwise, on the other ("Umerov
            # said on Nov. 5" / "a senior official said"): two statements made apart, the same news
            # from two sources, not one statement credited to another
            same = True
        if not same:
            finding(Kind.ATTRIBUTION_SHIFT,
                    f"{why}: {_source_text(a.attribution)} -> {_source_text(b.attribution)}",
                    _find_spans(a, a.attribution.source), _find_spans(b, b.attribution.source),
                    evidence=[("named", float(bool(_person(a.attribution) and _person(b.attribution)))),
                              ("anonymous", float(a.attribution.anonymous != b.attribution.anonymous)),
                              ("quote", float(a.quote or b.quote))])

    # certainty
    la, lb = stance.level(a.certainty), stance.level(b.certainty)
    # "unlikely" / "likely" is one opposition, already called a contradiction: not a second finding
    hedge_opposed = {(c.certainty_cue or "").lower() for c in (a, b)} & opposed
    if certainty and la != lb and not hedge_opposed and not _modal_variant(a, b) and not _both_relayed(a, b):
        def say(c: Claim) -> str:
            return c.certainty + (f" ('{c.certainty_cue}')" if c.certainty_cue else "")
        finding(Kind.CERTAINTY_SHIFT, f"{say(a)} -> {say(b)}", _cue_spans(a, a.certainty_cue), _cue_spans(b, b.certainty_cue),
                evidence=[("unconfirmed", float("unconfirmed" in (a.certainty, b.certainty))),
                          ("modal", float(any(_MODAL.fullmatch((c.certainty_cue or "").strip()) for c in (a, b))))])

    if not out:
        # a pair below the bars for contradiction and certainty is aligned, not found the same:
        # the reason says what was left unjudged ("Tollis said the fire was caused by an electrical
        # fault" / "Investigators have not determined what caused the fire")
        loose = not (contradiction and (certainty or rival))
        reason = "aligned loosely" if loose else "same claim"
        if loose and la != lb and not hedge_opposed:
            reason += f"; certainty not judged ({a.certainty} -> {b.certainty})"
        elif rival and la != lb and not hedge_opposed:
            reason += f"; certainty not judged, another claim is nearly as close ({a.certainty} -> {b.certainty})"
        if loose and a.negated != b.negated:
            reason += "; negation not judged"
        if compatible:
            reason += "; figures compatible: " + "; ".join(f"{show(qa)} ~ {show(qb)}" for qa, qb in compatible)
        if other_scope:
            reason += "; other scope: " + "; ".join(f"{show(qa)} | {show(qb)}" for qa, qb in other_scope)
        if other_day:
            def told(c: Claim, day: str | None, q: Quantity) -> str:
                return iso(_as_of(c, day, q)) or "day not told"

            reason += "; other scope, a running count on other days: " + "; ".join(
                f"{show(qa)} ({told(a, filed[0], qa)}) | {show(qb)} ({told(b, filed[1], qb)})" for qa, qb in other_day)
        if both:
            reason += "; both figures in one report: " + "; ".join(f"{show(qa)} | {show(qb)}" for qa, qb in both)
        if unanchored:
            reason += "; figures not compared, the claims too loosely aligned to be one without the same " \
                      "thing named on both sides: " + "; ".join(f"{show(qa)} | {show(qb)}" for qa, qb in unanchored)
        spans_a, spans_b = word_diff(a.text, b.text)
        finding(Kind.AGREE, reason, spans_a, spans_b)
    return out


def _other_time(a: Claim, b: Claim, filed: tuple[str | None, str | None]) -> bool:
    """The claims tell of two times a season or more apart ("the BJP won a majority on its own in
    2014" / "the BJP lost its majority", filed in 2024): each may be true of its own time, so
    neither contradicts the other. A claim that names no date is of its report's day, and a
    report with no date of the other's (both tell of one event). The days the claims were said
    count too ("In September 2022, Biden said ..." / "..., officials said on Friday"): two
    statements a season apart, neither contradicting the other nor one credited twice."""
    roles = (None, "said")

    def days(c: Claim, day: str | None, other: str | None) -> list[tuple[float, float]]:
        told = [(q.low, q.high) for q in c.quantities if q.dimension == "date" and q.role in roles
                and q.low is not None and q.high is not None]
        own = days_of(day) if day else days_of(other)
        return told or ([(own, own + 1)] if own is not None else [])

    da, db = days(a, filed[0], filed[1]), days(b, filed[1], filed[0])
    return bool(da and db) and all(lo_b - hi_a > _DAYS_APART or lo_a - hi_b > _DAYS_APART
                                   for lo_a, hi_a in da for lo_b, hi_b in db)


def _shown_one(a: Claim, b: Claim, compatible: list[tuple[Quantity, Quantity]]) -> bool:
    """Evidence beyond the alignment that two claims are one: a figure both give, the same or of
    one thing compatible ("no fewer than 10 people had been shot dead" / "at least 10 protesters
    had been shot dead"), not a date, which many claims of a story share; or one quotation."""
    same_figure = any(qa.dimension == qb.dimension and (qa.low, qa.high, qa.unit) == (qb.low, qb.high, qb.unit)
                      for qa in a.quantities for qb in b.quantities if qa.dimension not in ("date", "time"))
    return same_figure or any(qa.dimension not in ("date", "time") for qa, _ in compatible) or _one_quotation(a, b)


def _figure_evidence(shifted: list[tuple[Quantity, Quantity]]) -> list[tuple[str, float]]:
    """How far the figures moved (0..1, relative to the larger), whether both name what they
    count, and whether they are dates."""
    moves = []
    for qa, qb in shifted:
        ma, mb = qa.midpoint, qb.midpoint
        if ma is None or mb is None or qa.dimension == "date":
            moves.append(1.0 if qa.dimension == "date" else 0.5)
        else:
            moves.append(min(1.0, abs(mb - ma) / max(abs(ma), abs(mb), 1e-9)))
    counted = all(qa.counts and qb.counts for qa, qb in shifted)
    return [("move", round(max(moves), 4)), ("counted", float(bool(counted))),
            ("date", float(all(qa.dimension == "date" for qa, _ in shifted)))]


def _other_state(a: Claim, qa: Quantity, b: Claim, qb: Quantity) -> bool:
    sa, sb = state(a, qa), state(b, qb)
    return bool(sa and sb and sa != sb)


def _as_of(c: Claim, filed: str | None, count: Quantity) -> float | None:
    """The day (days since 1970) a running count is told as of: the latest day the claim names
    ("the toll from Monday's earthquake rose to about 11,000 on Wednesday" is Wednesday's;
    "5,000 have died since the quake on Monday, officials said on Tuesday" is Tuesday's), none
    after the report's own day; else the day the report was filed. None when neither gives one.
    A day of another event in the claim is not the count's ("survivors huddled in the open on
    Saturday, a day after the quake killed more than 2,000": the verb of Saturday is not the
    count's, so the count is the report's day's)."""
    day = days_of(filed)
    named = [q.low for q in c.quantities if q.dimension == "date" and q.low is not None and q.high is not None
             and q.high - q.low < 1 and q.role in (None, "said") and (day is None or q.low <= day)
             and (q.role == "said" or not _other_verb(q.event, count.event))]
    return max(named) if named else day


def _other_verb(x: str | None, y: str | None) -> bool:
    """Two verbs both known, not one, and not two words for one event (``lexicon.EVENT_VERBS``)."""
    return bool(x and y) and x != y and not any(x in group and y in group for group in lexicon.EVENT_VERBS)


def _floors_of_a_toll(a: Claim, qa: Quantity, b: Claim, qb: Quantity, filed: tuple[str | None, str | None]) -> bool:
    """Two figures of one running count (the dead, the hurt), one or both a floor ("more than
    2,300" / "at least 2,800"; "at least 820" / "2,012"): a count so far only grows, so a floor
    is true of every later count at or above it, and the two agree. Read without the next step
    of the floor's last digit that a lone figure is given (``Quantity.implied_high``): on real
    coverage such pairs were, every time, one toll told at two hours of one day. An exact count
    under a floor ("72" / "at least 73"), or a later count lower than an earlier one (a toll
    that "fell to at least 7,800" on Wednesday from more than 11,000 on Tuesday), still
    disagrees."""
    days = _toll_days(a, qa, b, qb, filed) if ">" in (qa.bound, qb.bound) else None
    if days is None:
        return False
    da, db = days
    if da is not None and db is not None and da != db and _later_is_lower(qa, qb, da, db):
        return False
    return replace(qa, implied_high=None).overlaps(replace(qb, implied_high=None))


def _toll_days(a: Claim, qa: Quantity, b: Claim, qb: Quantity,
               filed: tuple[str | None, str | None]) -> tuple[float | None, float | None] | None:
    """The days two figures of one running count are told as of (``_as_of``); None when they are
    not figures of one running count."""
    toll = tolled(a, qa)
    if toll is None or toll != tolled(b, qb):
        return None
    return _as_of(a, filed[0], qa), _as_of(b, filed[1], qb)


def _later_is_lower(qa: Quantity, qb: Quantity, da: float, db: float) -> bool:
    """Of two counts told as of two days (both known, not one), the later one's least is lower."""
    early, late = (qa, qb) if da < db else (qb, qa)
    return (late.low or 0.0) < (early.low or 0.0)


def _named_alike(qa: Quantity, qb: Quantity) -> bool:
    """Both figures say what they are, and say the same: the same counted thing named on both
    sides ("293 seats" / "294 seats"), or one holder's figure on both ("the NDA won 293" / "the
    NDA's 294"). On a pair aligned below the threshold this is the only evidence that the two
    claims are one: on real coverage, loosely aligned figures that lacked it were of other
    things ("inflation of 2.6%" / "a peak of 10.6%"; "his $26 billion fortune" / "customers lost
    nearly $10 billion"; "missing on Tuesday" / "floods on Monday, 11 September")."""
    if qa.dimension in ("date", "time"):
        return False
    ta, tb = topic(qa), topic(qb)
    return bool(ta and ta == tb) or bool(qa.holder and qb.holder and same_holder(qa.holder, qb.holder))


def _counts_apart(a: Claim, b: Claim, pairs: list) -> bool:
    """Both claims count something, no count of one pairs with one of the other, and what befell
    each count differs ("more than 50 people had been wounded" / "at least five people were
    killed"): two facts told by two sources, not one credited twice. Counts of one event under
    two nouns ("10 people had been shot dead" / "10 protesters had been shot dead") are one fact."""
    ca = [q for q in a.quantities if q.dimension == "count" and not q.role]
    cb = [q for q in b.quantities if q.dimension == "count" and not q.role]
    if not ca or not cb or any(qa.dimension == "count" for qa, _ in pairs):
        return False
    return all(_other_verb(x.event, y.event) for x in ca for y in cb)


def _placed_share(a: Claim, qa: Quantity, b: Claim, qb: Quantity) -> bool:
    """Both figures are one place's share of one running count: each placed, by its own phrase
    ("23 in Suzu") or by a holder that is that place ("Suzu for 22"), the same place."""
    toll = tolled(a, qa)
    return toll is not None and toll == tolled(b, qb) and same_place(qa, qb) > 0


def _breakdown(c: Claim, q: Quantity) -> bool:
    """The figure is one item of a list of a running count by place: the claim gives the count
    in two places or more ("39 were in Wajima and 23 in Suzu")."""
    toll = tolled(c, q)
    return sum(1 for x in c.quantities if tolled(c, x) == toll and (x.places or x.holder)) >= 2


def _later_count(a: Claim, qa: Quantity, b: Claim, qb: Quantity, filed: tuple[str | None, str | None]) -> bool:
    """A running count (the dead, the hurt, the missing, the displaced, the held) told as of
    two days, the later no lower: the count rose between the two, and the outlets, each
    reporting its own day, do not disagree ("3,419 dead" filed on the 7th / "8,574 had died"
    on the 8th). Likewise when one day is known and the other is not (a page with no date, a
    claim that names none): on real coverage two tolls that differ were, every time, told at
    other times, and with no day to show otherwise the pair is aligned, not a shift. Two figures
    of one day, of two days neither report gives, or a later one lower, are compared as they are."""
    days = _toll_days(a, qa, b, qb, filed)
    if days is None:
        return False
    da, db = days
    if (da is None) != (db is None):
        return True  # one count's day known, the other's not told: most often a count of another time
    if da is None or da == db:
        return False
    return not _later_is_lower(qa, qb, da, db)


_CALENDAR = re.compile(r"[^a-z0-9]+")
_DATE_GLUE = frozenset(("on", "for", "by", "the", "of"))


_FAR_APART = 5.0  # one figure five times the other: more often two things than one told otherwise
_DAYS_APART = 90  # dates a season apart: more often two events than one misdated
_PERIOD_DAYS = 28  # a date this long or longer is a period a figure measures (a month, a quarter, a year)


def _apart(qa: Quantity, qb: Quantity) -> bool:
    """Two figures that cannot be one figure told otherwise, so are of other things: an order
    of magnitude apart ("$39.33" a share / "$14.1 billion" the deal; "294 seats" the alliance /
    "12" one party), counts of which one side does not say what it counts ("the two had sex" /
    "12 jurors"), or dates months apart ("on Wednesday" / "in July 2022", an earlier decision)."""
    if qa.dimension == "date":
        return qa.low is not None and qb.low is not None and abs(qa.low - qb.low) > _DAYS_APART
    if qa.dimension == "time":
        return False
    if qa.dimension == "count" and not (qa.counts and qb.counts):
        return True
    ma, mb = qa.midpoint, qb.midpoint
    if ma is None or mb is None or ma <= 0 or mb <= 0:
        return False
    return max(ma, mb) / min(ma, mb) > _FAR_APART


def _other_holder(qa: Quantity, qb: Quantity) -> bool:
    """The figures are of two named holders ("the NDA had taken 294 seats" / "The BJP took 240
    seats"; "Mbappe scored three" / "Messi scored two"), not one actor named two ways
    (``names.same_holder``)."""
    return bool(qa.holder and qb.holder) and not same_holder(qa.holder, qb.holder)


def _other_period(a: Claim, b: Claim) -> bool:
    """Both claims give the period their figures measure (a month or longer), and no period of
    one meets one of the other ("inflation was 4.2% in October 2021" / "prices were up 11.1% in
    October 2022"): figures of two periods, not one figure told two ways. A day is not such a
    period: "stood at more than 11,000 on Wednesday" / "climbed to 7,800 on Tuesday night" is
    one running count, told at two hours."""
    def periods(c: Claim) -> list[Quantity]:
        # "the most since October 1981" runs up to the day told and meets every period: it says
        # since when, not which period the figure is of
        return [q for q in c.quantities if q.dimension == "date" and not q.role and q.low is not None
                and q.high is not None and q.high - q.low >= _PERIOD_DAYS and not q.text.lower().startswith("since")]

    da, db = periods(a), periods(b)
    return bool(da and db) and not any(x.overlaps(y) or _same_calendar_day(x, y) for x in da for y in db)


def _other_measure(a: Claim, b: Claim) -> bool:
    """One claim gives the count on record and the other a reckoning of the real one ("the
    official death toll stands at 7 million" / "the real toll at over 20 million"): two
    measures of one thing, both true. A reckoning against a count that names no measure is the
    same: news gives the record plainly, and says when a figure is an estimate of the real one."""
    ma, mb = measure(a.content), measure(b.content)
    return ma != mb and "reckoned" in (ma, mb)


def _other_event(qa: Quantity, qb: Quantity) -> bool:
    """Two dates of two things that happened ("he will be sentenced on Friday" / "the jury
    needed three hours on Thursday"; "testified on February 23" / "listened on March 1"): the
    verbs they hang from differ, and are not two words for one event (``lexicon.EVENT_VERBS``:
    "convicted" / "found guilty"), so neither moves the other's date."""
    return qa.dimension in ("date", "time") and _other_verb(qa.event, qb.event)


def _same_calendar_day(qa: Quantity, qb: Quantity) -> bool:
    """Two outlets that write the same day of a month, without a year ("July 11" / "July
    11"), name one day, however each resolved the year it left out."""
    if qa.dimension != "date" or qb.dimension != "date" or not (qa.relative and qb.relative):
        return False
    na, nb = ([w for w in _CALENDAR.sub(" ", q.text.lower()).split() if w not in _DATE_GLUE] for q in (qa, qb))
    return na == nb and any(w.isdigit() for w in na) and len(na) >= 2


_REPORTED_CUE = re.compile(lexicon.RELAYING_CUES, re.I)
_MEDIA = re.compile(lexicon.MEDIA_WORDS, re.I)


_TIME_WORD = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(lexicon.STATEMENT_TIMES, key=len, reverse=True))
                        + r")(?!\w)", re.I)


def _spoke_apart(a: Claim, b: Claim) -> bool:
    """The two sources made two statements: each dated, on other days ("said on Nov. 5" /
    "claimed last Tuesday"), or one dated and the other's sentence giving no time at all. A
    time elsewhere in the sentence ("figures released Friday") may be the statement's: not apart."""
    wa, wb = a.attribution.when, b.attribution.when
    if wa and wb:
        return wa != wb
    undated = b if wa else a if wb else None
    return undated is not None and not _TIME_WORD.search(undated.text)


def _both_relayed(a: Claim, b: Claim) -> bool:
    """One side says "reportedly", the other credits the claim to the media, to an unnamed
    source, or to a source through an outlet ("..., local media said", "a source familiar with
    the deal said", "according to a senior Ukrainian official", "..., the newspaper reported"):
    both pass on what others report, so neither is surer. (Judged by hand on real coverage of
    the Kursk clash, "reportedly fought" against "fought ..., according to the Ukrainian
    official" is one claim told with one certainty.)"""
    for x, y in ((a, b), (b, a)):
        src = y.attribution
        if _REPORTED_CUE.fullmatch((x.certainty_cue or "").strip()) and y.certainty == "asserted" and (
                _MEDIA.search(src.source or "") or (src.anonymous or src.via) and not x.attribution.source):
            return True
    return False


def _modal_variant(a: Claim, b: Claim) -> bool:
    """One side's cue, or the other form of its modal, stands on the other side too: not a
    shift. The other side read it as another clause's ("has been approved and is expected to be
    complete in the second quarter" / "is expected to be closed in the second quarter"), so the
    parse, not the outlets, tells them apart; the pair is reported aligned."""
    for x, y in ((a, b), (b, a)):
        cue = (x.certainty_cue or "").strip().lower()
        if cue in _MODAL_PAIRS and re.search(rf"\b{_MODAL_PAIRS[cue]}\b", y.content, re.I):
            return True
        if cue and cue_forms(cue).search(y.content):
            return True
    return False


def cue_forms(cue: str) -> re.Pattern:
    """A certainty cue as written, or in another form of its first word ("appears" / "appeared",
    "is expected to" / "was expected to"), in any case; "may" only in lower case (May is a month)."""
    words = cue.lower().split()
    if words == ["may"]:
        return re.compile(r"\bmay\b")
    if words[0] in ("is", "are", "was", "were") and len(words) > 1:
        body = r"(?:is|are|was|were)\s+" + r"\s+".join(map(re.escape, words[1:]))
    elif len(words) == 1 and re.fullmatch(r"\w{3,}(?:ed|s)", words[0]):  # "appeared" / "appears" / "appear"
        body = re.escape(re.sub(r"(?:ed|s)$", "", words[0])) + "(?:s|ed)?"
    else:
        body = r"\s+".join(map(re.escape, words))  # "reportedly" is not "reported"
    return re.compile(rf"\b{body}\b", re.I)


def aligned(held: list[Finding], level: float) -> Finding:
    """The pair of ``held`` (findings of one pair below the confidence level) reported as
    aligned: not judged a shift, with what was held back in its reason."""
    f = held[0]
    spans_a, spans_b = word_diff(f.sides[0].text, f.sides[1].text)
    what = "; ".join(f"{h.kind.value} at confidence {h.confidence:.2f} ({h.reason})" for h in held)
    return Finding(kind=Kind.AGREE, reason=f"aligned, not judged (below {level:.2f}): {what}",
                   sides=(_with_spans(replace(f.sides[0], spans=()), spans_a), _with_spans(replace(f.sides[1], spans=()), spans_b)),
                   scores=f.scores, confidence=min(h.confidence for h in held),
                   details=((HELD, ", ".join(h.kind.value for h in held)),))


_RESTATED = 70  # token-set ratio at which two claims of one report say the same thing again


def merge(findings: list[Finding], claims: dict[str, Claim], position) -> list[Finding]:
    """One disagreement, one finding: findings of one kind between the same two documents
    are joined when they share a claim (a second claim denied against one), or give the same
    reason where one side restates itself (a lead repeated lower down), or the same moved
    figures. The first (in report order) stands for them and keeps its fingerprint; the
    others' claims are listed in ``also``."""
    groups: dict[tuple, list[int]] = {}
    for n, f in enumerate(findings):
        if f.kind in (Kind.AGREE, Kind.ONLY_IN) or len(f.sides) != 2:
            continue
        groups.setdefault((f.kind, f.sides[0].document, f.sides[1].document), []).append(n)
    parent = list(range(len(findings)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def restated(x: str, y: str) -> bool:
        return x == y or fuzz.token_set_ratio(claims[x].content, claims[y].content) >= _RESTATED

    for members in groups.values():
        for i, m in enumerate(members):
            for n in members[i + 1:]:
                fa, fb = findings[m], findings[n]
                shared = fa.sides[0].claim == fb.sides[0].claim or fa.sides[1].claim == fb.sides[1].claim
                # the same moved figures ("About 40 | Some 60") are one disagreement however the
                # counted thing was worded; other kinds need their reason and a restated claim
                same_figures = fa.kind is Kind.FIGURE_SHIFT and dict(fa.details).get("figures") == dict(fb.details).get("figures")
                same_reason = same_figures or fa.reason == fb.reason and (
                    restated(fa.sides[0].claim, fb.sides[0].claim) or restated(fa.sides[1].claim, fb.sides[1].claim))
                if shared or same_reason:
                    parent[root(n)] = root(m)
    joined: dict[int, list[Finding]] = {}
    for n, f in enumerate(findings):
        joined.setdefault(root(n), []).append(f)
    out = []
    for members in joined.values():
        if len(members) == 1:
            out.append(members[0])
            continue
        members.sort(key=position)
        head = members[0]
        out.append(replace(head, also=tuple(m.sides for m in members[1:]),
                           confidence=max(m.confidence for m in members)))
    return out


def _with_spans(side: Side, spans) -> Side:
    return replace(side, spans=tuple(sorted({(int(x), int(y)) for x, y in spans if y > x})))


def _cue_spans(c: Claim, cue: str | None) -> list[tuple[int, int]]:
    if not cue:
        return []
    return _find_spans(c, cue)


def _find_spans(c: Claim, needle: str | None) -> list[tuple[int, int]]:
    """Where ``needle`` (a cue, a source) stands in the claim: as a word of its own ("may" in "The
    mayor may resign", not the "may" of "mayor"), else anywhere ("n't" of "didn't")."""
    if not needle:
        return []
    m = re.search(rf"(?<!\w){re.escape(needle)}(?!\w)", c.text, re.I)
    i = m.start() if m else c.text.lower().find(needle.lower())
    return [(i, i + len(needle))] if i >= 0 else []


def word_diff(a: str, b: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Spans of words that differ between two texts (offsets into each)."""
    ta = [(m.start(), m.end(), m.group(0).lower()) for m in _WORD.finditer(a)]
    tb = [(m.start(), m.end(), m.group(0).lower()) for m in _WORD.finditer(b)]
    sm = difflib.SequenceMatcher(a=[t[2] for t in ta], b=[t[2] for t in tb], autojunk=False)
    sa, sb = [], []
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal":
            continue
        if i2 > i1:
            sa.append((ta[i1][0], ta[i2 - 1][1]))
        if j2 > j1:
            sb.append((tb[j1][0], tb[j2 - 1][1]))
    return sa, sb


def side(doc: Document, c: Claim) -> Side:
    return Side(document=doc.id, outlet=doc.outlet, claim=c.id, text=c.text, start=c.start, end=c.end,
                line=doc.line_of(c.start))
