"""Who a sentence credits its claims to.

Reads "according to X", "X said/stated/confirmed/told ...", "..., X said.",
"stated X to Y", reported speech carried across sentences ("He emphasized, ..."),
bare quotations after a named speaker, and a second-hand source ("according to
The New York Times" beside an official). Marks anonymous sources ("a senior U.S.
official", "officials", "speaking on condition of anonymity").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Attribution
from .sentences import VERB
from . import lexicon

PREDICTIVE = lexicon.PREDICTIVE_FORMS
SPEECH = lexicon.SPEECH_FORMS
_SPEECH_RE = re.compile(rf"\b(?:{SPEECH})\b", re.I)
_ROLE = lexicon.ROLES
_ROLE_RE = re.compile(rf"\b(?:{_ROLE})\b", re.I)
OUTLETS = re.compile(lexicon.OUTLET_NAMES)
_ANON = re.compile(
    r"^(?:a|an|one|two|three|several|some|other|many|unnamed|anonymous)\b|"
    r"\b(?:anonymously|on (?:the )?condition of anonymity|not authori[sz]ed to|declined to be named|"
    r"asked not to be (?:named|identified)|unnamed|anonymous)\b|"
    # a body of people no one of whom is named: "officials", "prosecutors", "his legal team"
    r"^(?:\S+\s+){0,5}(?:officials|sources|diplomats|analysts|experts|prosecutors|lawyers|attorneys|investigators|"
    r"(?:legal|defen[cs]e) team)$",
    re.I,
)
_ANON_ANYWHERE = re.compile(r"\[anonymously\]|\banonymously\b|on (?:the )?condition of anonymity|declined to be named", re.I)
PRONOUN = re.compile(r"^(?:he|she|they)$", re.I)
_NP_CHARS = r"[\w.’'\-\[\] ]"
_NP_PART = r"(?:[A-Z]\.(?:[A-Z]\.)+|[^,.;:“”\"]|\.(?=[A-Za-z]))"
_ACCORDING = re.compile(rf"\baccording to\s+(?P<src>{_NP_PART}+?)(?=\s*(?:[,;:“”\"]|\.(?:\s|$)|$))", re.I)
# "according to state television, citing the Interior Ministry": the one cited is the source
_CITING = re.compile(rf",\s*(?:citing|quoting)\s+(?P<src>{_NP_PART}+?)(?=\s*(?:[,;:“”\"]|\.(?:\s|$)|$))", re.I)
_SAYS_AFTER = re.compile(r"\s*(?:that\b|[,:“\"]|\[anonymously\])")
_PUTS_AT = re.compile(r"\s+(?:[\w’'\-]+\s+){1,8}?at\s+(?:(?:about|around|roughly|some|more than|over|at least|nearly|up to)\s+)?\$?\d")
# the works figures are credited to: "an exit poll by Ipsos", "a Sky News projection"
_WORK = re.compile(r"\b(?:exit polls?|polls?|projections?|surveys?|census|tall(?:y|ies)|results|data|figures|records)\b", re.I)
_NAMED_WORK = re.compile(r"^(?:a|an)\s+(?:[A-Z][\w.’'\-]*\s+)+(?:exit poll|poll|projection|survey|report|analysis|estimate)s?\b|"
                         r"\b(?:exit poll|poll|projection|survey|report|analysis|estimate)s?\s+(?:by|from|for)\s+[A-Z]")
_STOPWORDS_START = re.compile(r"^(?:the|a|an)\s+", re.I)
# subject + speech verb at the start: "The Ukrainian official stated [anonymously] that ..."
_LEAD = re.compile(
    rf"(?:[A-Z][^,“”\"]{{0,60}},\s*)?(?P<src>(?:[A-Z\[][\w.’'\-]*|a|an|the|two|several|some|spokes\w+|officials?|analysts?)(?:\s+[\w.’'\-]+){{0,8}}?)\s+(?:\[anonymously\]\s+)?"
    rf"(?:have\s+|has\s+|had\s+|also\s+|later\s+)?(?P<verb>{SPEECH})\b(?:\s+\[anonymously\])?",
)
_WORDS = r"(?:[\w.’'\-\[\]]+\s+){{0,{n}}}?[\w.’'\-\]]+"
_APPOS = r"(?:,\s+(?:[\w.’'\-]+\s+){0,6}?[\w.’'\-]+,?)?"  # ", Dmitry Peskov," / ", a spokesperson for X,"
# "..., X said." / "..." X said" / "..., the Kremlin's spokesman, Dmitry Peskov, said on Thursday." at the end
_TAIL = re.compile(
    r"(?:,\s+|[”\"]\s*)(?:and\s+|but\s+)?(?P<src>" + _WORDS.format(n=10) + _APPOS + r")\s+(?P<verb>" + SPEECH + r")\b"
    r"(?P<rest>(?:\s+(?!that\b)[\w.’'\-]+){0,8}(?:,(?:[^.;]|\.(?=\w)|(?<=\b[A-Z])\.)*)?)[.!?]?[”\"]?$",
)
# "..., said X ..." / "”, stated U.S. State Department spokesperson Vedant Patel to US News at a briefing."
_TAIL_INV = re.compile(
    r"(?:,\s+|[”\"]\s*)(?P<verb>" + SPEECH + r")\s+(?P<src>(?!(?:on|in|at|last|this|that|yesterday|today)\b)"
    r"(?:[\w.’'\-]+\s+){0,10}?[\w.’'\-]+?)(?P<rest>(?:\s+(?:to|at|in|on|during|after|before|while|from|who)\b|,)[^;]*|)[.!?]?$",
)
# "Sarah Kim, a spokeswoman for the airline, said ..." / "An intelligence official, who asked not to be identified, said"
_LEAD_APPOS = re.compile(
    r"(?P<src>(?:[A-Z][\w.’'\-]*|an?|the)(?:\s+[\w.’'\-]+){0,5}?,\s+(?:[\w.’'\-]+\s+){0,10}?[\w.’'\-]+),\s+"
    r"(?:have\s+|has\s+|had\s+|also\s+)?(?P<verb>" + SPEECH + r")\b",
)
# "..., the opposition said, came ..." in the middle of a sentence
_MID = re.compile(r",\s+(?P<src>" + _WORDS.format(n=6) + r")\s+(?P<verb>said|says|argued|added|noted|insisted),\s+")
# the words after a tail's verb start a clause of their own ("said the bridge had collapsed"),
# not the when and where of the saying ("said on Thursday", "said in a statement")
_WHEN = r"(?:day|days|week|weeks|month|year|morning|afternoon|evening|night|weekend|previous|same|following|next|past|other|time)\b"
_CLAUSE_AFTER = re.compile(r"\s+(?:(?:it|they|he|she|we|i)\b|(?:the|a|an|its|his|her|their|this|these|those)\s+(?!" + _WHEN + r")|"
                           r"[^,]*\b(?:had|has|have|was|were|is|are|will|would|could|can|may|might|should|must)\b)", re.I)
# '"...," Hunt said once the figures were out': a clause about when or why it was said, not what
_SUBORDINATE = re.compile(r"\s+(?:once|after|before|when|while|as|because|since|although|though|until|whereas)\b", re.I)
# a finite verb as sentences tells a clause, lower-case as written ("Ahmed" is a name)
_FINITE_IN_SOURCE = re.compile(VERB.pattern)
# verbs of speech only before what was said ("added that ...", "pledged that ..."): "employers
# added 254,000 jobs", "testified in his own defense" are acts
_SPEECH_BEFORE_THAT = frozenset({"added", "adds", "put", "puts", "testified", "pledged", "pledges", "promised",
                                 "promises", "vowed", "vows"})
_OBJECT_VERBS = frozenset({"told", "tells", "briefed", "warned", "warns", "urged"})  # "told reporters", "warned the allies"
_NOT_SOURCE = re.compile(r"(?:that|this|it|needless(?: to)?|suffice it(?: to)?|having|so|as|which|what|there|here|on \w+|in \w+|"
                         r".*\b(?:is|are|was|were|be|been|being))$", re.I)
_PLACES = re.compile(lexicon.CAPITALS_AND_COUNTRIES)

@dataclass(frozen=True, slots=True)
class Frame:
    """An attribution found in a sentence, and the part of the sentence it covers."""

    attribution: Attribution
    frame: tuple[int, int] | None = None  # char span of the attribution words, to strip for matching
    cited: bool = False  # the source is the one the speaker cites ("X, citing Y"), not the speaker


_TOLD_WHOM = re.compile(r"\s*(?:[^,.;“”\"]{1,60}?\s+that\s+|(?:(?:the|a|an|his|her|their)\s+[\w’'-]+|"
                        r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*|reporters|journalists|supporters|lawmakers)\s+)")
_RELATIVE = re.compile(r"\b(?:in|of|for|during|after|by) (?:which|whom)\b|\bwhich\b", re.I)


def _is_source(np: str) -> bool:
    np = np.strip(" ,")
    if not np or len(np.split()) > 14 or _NOT_SOURCE.match(np) or _RELATIVE.search(np):
        return False  # "The verdict closes a trial in which prosecutors" is a clause, not a source
    if PRONOUN.match(np):
        return True
    if _ROLE_RE.search(np) or OUTLETS.search(np) or _BODY.search(np) or _WORK.search(np):
        return True  # "the Bureau of Labor Statistics"
    words = np.split()
    caps = [w for w in words if w[:1].isupper()]
    return len(caps) >= 1 and len(caps) >= len(words) - 1 and len(words) <= 5


def speaker(np: str) -> bool:
    """A subject the parse found for a reporting verb can be its source: a source as the patterns
    know one (a name, a role, an outlet, a body), or a body written in lower case ("the coast
    guard", "police", "the company"). Not a record or a reckoning ("estimates suggest"), which
    says no one's word."""
    np = np.strip(" ,")
    return _is_source(np) or bool(_BODY_ANY_CASE.search(np)) and len(np.split()) <= 8 \
        and not _NOT_SOURCE.match(np) and not _RELATIVE.search(np)


_NAME_RUN = r"(?:[A-Z][\w’'\-]*\.?\s+){0,3}[A-Z][\w’'\-]*"
_UNNAMED_ROLES = re.compile(lexicon.UNNAMED_ROLES, re.I)


_BODY = re.compile(lexicon.BODY_WORDS)
_BODY_ANY_CASE = re.compile(lexicon.BODY_WORDS.removesuffix(r")\b") + r")s?\b", re.I)  # "rescue services"


def _name(src: str, role_m: list[re.Match]) -> str | None:
    """A person's (or a named body's) name: 'Vedant Patel' in 'spokesperson Vedant Patel',
    'Sarah Kim' in 'Sarah Kim, a spokeswoman for the airline'. Outlets and places are not names."""
    head = re.match(rf"({_NAME_RUN}),", src)
    candidates = [head.group(1)] if head else []
    tail_from = role_m[-1].end() if role_m else 0
    rest = src[tail_from:].strip(" ,")
    tail = re.search(rf"({_NAME_RUN})$", rest)
    if tail and not re.search(r"\b(?:of|for|at|from)\s+$", rest[:tail.start()]):  # "the Bureau of Labor Statistics"
        candidates.append(tail.group(1))
    for c in candidates:
        c = c.strip()
        words = c.split()
        while words and _ROLE_RE.fullmatch(words[0]):
            words = words[1:]  # "President Volodymyr Zelensky"
        c = " ".join(words)
        if not c or OUTLETS.fullmatch(c) or _PLACES.fullmatch(c) or _ROLE_RE.search(c) or _BODY.search(c):
            continue
        if len(words) == 1 and words[0] in ("The", "A", "An", "U.S.", "US", "UK", "EU", "UN", "NATO"):
            continue
        return c
    return None


# the clause that makes a source anonymous: "who asked not to be named"
ANON_CLAUSE = re.compile(r"\bon (?:the )?condition of anonymity|\bdeclined to be named|\basked not to be (?:named|identified)"
                         r"|\bnot authori[sz]ed to", re.I)


def describe(source: str, *, anonymous_hint: bool = False, via: str | None = None, cue: str | None = None) -> Attribution:
    src = re.sub(r"\s*\[anonymously\]\s*", " ", source).strip(" ,")
    if ANON_CLAUSE.search(src):
        anonymous_hint = True
    src = re.sub(r",?\s+(?:speaking|who spoke|who asked|who declined|who was not|who were not)\b.*$", "", src, flags=re.I)
    role_m = [m for m in _ROLE_RE.finditer(src)]
    role = role_m[-1].group(0).lower() if role_m else None
    name = None if OUTLETS.fullmatch(src) else _name(src, role_m)
    org = None
    org_m = re.search(
        r"\b(State Department|Department of \w+|Pentagon|Defen[cs]e Ministry|Ministry of \w+(?: \w+)?|Foreign Ministry|"
        r"Kremlin|White House|National Intelligence Service|NATO|United Nations|UN|military intelligence|"
        r"General Staff|Joint Chiefs of Staff|[A-Z][\w]+(?:\s[A-Z][\w]+)*\s(?:Ministry|Department|Agency|Office|Service|Command))\b",
        src,
    )
    if org_m:
        org = org_m.group(1)
    anonymous = anonymous_hint or (name is None and (bool(_ANON.search(src)) or bool(_UNNAMED_ROLES.search(src))))
    if OUTLETS.fullmatch(src.strip()) or (anonymous and not anonymous_hint and _NAMED_WORK.search(src)
                                         and not _UNNAMED_ROLES.search(src)):
        anonymous = False  # "a Sky News projection": a work of a named body, not an unnamed person
    return Attribution(source=src, name=name, role=role, organisation=org, anonymous=anonymous, via=via, cue=cue)


def _tail(rx: re.Pattern, sentence: str) -> re.Match | None:
    """The first match of a frame at the sentence's end that is one, trying each later comma:
    in "..., which serves the city of Sapporo, the transport minister said" the words from the
    first comma are a clause, those from the second a source; in "Earlier, X said the pilot got
    out, the Associated Press reported" what follows "X said" is what was said, and the frame
    at the end is the agency's."""
    m = rx.search(sentence)
    while m is not None and not _tail_frame(rx, m):
        m = rx.search(sentence, m.start() + 1)
    return m


def _tail_frame(rx: re.Pattern, m: re.Match) -> bool:
    rest = m.group("rest") or ""
    if rx is _TAIL and _CLAUSE_AFTER.match(rest) and m.group("verb").lower() not in _OBJECT_VERBS \
            and not _SUBORDINATE.match(rest):
        return False  # "In a statement, the ministry said the bridge had collapsed": what follows is what was said
    if rx is _TAIL_INV and _FINITE_IN_SOURCE.search(m.group("src")):
        return False  # "Maryland's governor, Wes Moore, said the crew's mayday gave ...": what was said, not who
    if rx is _TAIL_INV and m.group("verb").lower() in ("put", "puts"):
        return False  # "Figures from the commission, ..., put Lai on 41 percent": what is put is no speaker
    return _is_source(m.group("src"))


def find(sentence: str, offset: int = 0) -> Frame | None:
    """The attribution of one sentence (offsets of the frame are into the document)."""
    anon_hint = bool(_ANON_ANYWHERE.search(sentence))
    via = None
    frames: list[Frame] = []
    for m in _ACCORDING.finditer(sentence):
        src = m.group("src").strip()
        frames.append(Frame(describe(src, cue="according to"), (offset + m.start(), offset + m.end())))
    for rx in (_TAIL_INV, _TAIL):
        m = _tail(rx, sentence)
        if m and _is_source(m.group("src")):
            verb = m.group("verb").lower()
            src = m.group("src")
            told = OUTLETS.search(m.group("rest") or "")
            if told and re.match(r"\s*(?:told|to)\b", (m.group("rest") or "")) or (told and verb == "told"):
                frames.append(Frame(describe(told.group(0), cue="told")))
            frames.append(Frame(describe(src, anonymous_hint=anon_hint and not OUTLETS.fullmatch(src), cue=verb),
                                (offset + m.start() + 1, offset + len(sentence))))
            break
    for rx in (_LEAD_APPOS, _MID):
        m = rx.match(sentence) if rx is _LEAD_APPOS else rx.search(sentence)
        # a source between commas before "said," needs no role word: ", the opposition said, came"
        if m and (_is_source(m.group("src")) or (rx is _MID and not _NOT_SOURCE.match(m.group("src")))):
            frames.append(Frame(describe(m.group("src"), anonymous_hint=anon_hint, cue=m.group("verb").lower()),
                                (offset + m.start(), offset + m.end())))
    m = _LEAD.match(sentence)
    verb = m.group("verb").lower() if m else ""
    if verb in _SPEECH_BEFORE_THAT and not _SAYS_AFTER.match(sentence, m.end()) \
            and not (verb in ("put", "puts") and _PUTS_AT.match(sentence, m.end())):
        # "American employers added 254,000 jobs": a verb of speech only before what was said;
        # "Ukrainian intelligence puts the contingent at about 11,000" is an estimate credited
        m = None
    if m and _is_source(m.group("src")) and not re.match(r"according to\b", m.group("src"), re.I):
        src = m.group("src")
        end = m.end()
        # "said that", "said,", "said in a statement that", "told reporters on Friday that"
        that = re.match(r"\s*(?:(?:earlier|later|previously|again|separately)\s+)?(?:that\s+|,\s*|"
                        r"(?:(?:in|at|on|during|after|before|outside|to)\b|reporters\b)"
                        r"[^,.;“”\"]{0,50}?\s+that\s+)", sentence[end:])
        if that is None and m.group("verb").lower() in ("told", "tells"):
            # whom it was told: "told the jury he had made mistakes", "told a news conference that"
            that = _TOLD_WHOM.match(sentence[end:])
        if that:
            end += that.end()
        frames.append(Frame(describe(src, anonymous_hint=anon_hint, cue=m.group("verb").lower()), (offset, offset + end)))
    # "results showed", "figures show": a record speaks; "Labour's share showed a fall" is no frame
    frames = [f for f in frames if (f.attribution.cue or "") not in ("showed", "shows")
              or _WORK.search(f.attribution.source or "") or _BODY.search(f.attribution.source or "")]
    if not frames:
        return None
    # a news outlet beside another source is the second-hand channel
    primary = [f for f in frames if not OUTLETS.fullmatch((f.attribution.source or "").strip())]
    outlets = [f for f in frames if f not in primary]
    if primary and outlets:
        via = outlets[0].attribution.source
    chosen = primary[0] if primary else outlets[0]
    a = chosen.attribution
    if via:
        a = Attribution(source=a.source, name=a.name, role=a.role, organisation=a.organisation,
                        anonymous=a.anonymous, via=via, cue=a.cue)
    cited = _CITING.search(sentence)
    if cited and a.source and _is_source(cited.group("src")) \
            and cited.group("src").split()[-1].lower() not in lexicon.CITED_GROUNDS:
        # "X, citing Y" / "X reported, quoting Y": X passes on what Y told it, as an outlet does
        a = describe(cited.group("src"), anonymous_hint=anon_hint, via=a.via or a.source, cue=a.cue)
        return Frame(a, chosen.frame, cited=True)
    return Frame(a, chosen.frame)


def standalone_via(sentence: str) -> str | None:
    """'According to The New York Times.' alone: the channel for the sentences before it."""
    m = re.fullmatch(r"\s*According to\s+(?P<src>[^,.;]+?)\s*\.?\s*", sentence)
    return m.group("src") if m else None


def is_pronoun_speech(sentence: str) -> bool:
    return bool(re.match(rf"^(?:He|She|They)\s+(?:also\s+|later\s+|then\s+)?(?:{SPEECH})\b", sentence))


def is_bare_quote(sentence: str) -> bool:
    s = sentence.strip()
    return s[:1] in "“\"" and s[-1:] in "”\".!?" and s.rstrip(".!?")[-1:] in "”\""
