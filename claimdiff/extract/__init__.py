"""Extract: a ``Document`` in; its ``Claim``s out, each with figures, source, polarity and certainty.

Contract: claims in document order, with char offsets into the document's text kept
exactly; ids ``<document>#<n>`` stable for one text; the same text always gives the same
claims. Modules: ``sentences`` (sentences and atomic claims), ``parse`` (spaCy's
dependency parse, cached) and ``reading`` (what the tree says of a claim: predicate,
scope of negations and hedges, what a negation denies, the reporting verb's subject),
``attribution`` and ``stance`` (pattern readings of source, hedge and negation, which the
parse corrects), ``quantities``, ``timex`` and ``units`` (figures as intervals, dates,
units), ``scope`` (the place and subject a figure is of), ``names`` (one person under many
spellings), ``lexicon`` (the news vocabulary and the gazetteer the parse readings use).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Sequence

from . import attribution as attr
from . import lexicon
from . import reading
from . import sentences as sent
from . import stance
from ..errors import InputError
from ..model import Attribution, Claim, Document, Quantity
from .quantities import quantities
from .names import same_name
from .timex import dates, times

_LEAD_CONNECTIVE = re.compile(r"(?:(?:and|but|while|whereas|where|though|although|yet|however|so)\b[,\s]*)+"
                              r"(?:(?:said|added)\s+)?(?:that\s+)?|"  # "... and said (that) X": X
                              # what a speaker added ("..., he said, adding that X"): X is the claim
                              rf"(?:{sent.ADDED_SPEECH})\s+(?:that\s+)?", re.I)
# country acronyms the embedding model does not know as names: read for matching only
_DATELINE = re.compile(
    r"(?:[A-Z][A-Z.'’ -]{1,40}(?:,\s+[A-Z][\w.'’ -]{1,30})?(?:,\s+"  # "LONDON, " / "WASHINGTON, D.C., "
    r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|[A-Z][a-z]+day)\s*"  # "July 5" / "Nov. 4" / "Tuesday"
    r"(?:\([^()\n]{1,40}\)\s*)?|\s*\([^()\n]{1,40}\)\s*)"  # "(Kestrel) - "; "BALTIMORE (Kestrel) - "
    r"|(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s+\d{4})?\s*)\([^()\n]{1,40}\)\s*)[-–—]+\s*"  # "March 2 (Tallis Newswire) — "
    r"|[A-Z][A-Z.'’-]+(?:\s[A-Z][A-Z.'’-]+){0,3}:\s+"  # "MOSCOW: ", "NEW DELHI: " (the colon of South Asian and Gulf papers)
)

_ALIASES = [(re.compile(r"\bDPRK\b"), "North Korean"), (re.compile(r"\bROK\b"), "South Korean"),
            # "4.1 per cent" / "4.1 percent" / "4.1%": one spelling for matching, as the figure is one
            (re.compile(r"(?<=\d) ?(?:per ?cent|pct)\b", re.I), "%")]


MAX_SENTENCES = 5000  # a long news report has a few hundred
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)|\n")
MAX_RUN = 5000  # characters with no sentence end: far beyond any news sentence


def extract(doc: Document, parser=None) -> list[Claim]:
    """``parser``: a ``claimdiff.extract.parse.Parser`` (default: the one of the default cache folder)."""
    text = doc.text
    lines = sum(1 for line in text.split("\n") if line.strip())
    if lines > MAX_SENTENCES:  # every line with text holds a sentence: say so before splitting them all
        raise InputError(f"{doc.path or doc.id}: {lines:,} lines of text, more than the {MAX_SENTENCES:,} sentences "
                         "a news report could hold; split it into reports")
    # said before the sentences are split and parsed, which takes time
    ends, last, longest = 0, 0, 0
    for m in _SENTENCE_END.finditer(text):
        ends += 1
        longest = max(longest, m.start() - last)
        last = m.end()
    longest = max(longest, len(text) - last)
    if ends > 2 * MAX_SENTENCES:
        raise InputError(f"{doc.path or doc.id}: {ends:,} sentence ends, far more than the {MAX_SENTENCES:,} sentences "
                         "a news report could hold; split it into reports")
    if longest > MAX_RUN:
        raise InputError(f"{doc.path or doc.id}: {longest:,} characters with no full stop or line break, where a news "
                         f"sentence has a few hundred (the limit is {MAX_RUN:,}); not a report")
    spans = sent.sentences(text)
    if len(spans) > MAX_SENTENCES:
        raise InputError(f"{doc.path or doc.id}: {len(spans):,} sentences, more than the {MAX_SENTENCES:,} "
                         "a news report could hold; split it into reports")
    starts = []
    for s_start, s_end in spans:
        dateline = _DATELINE.match(text, s_start, s_end)
        starts.append(dateline.end() if dateline else s_start)
    if parser is None:
        from .parse import parser_for

        parser = parser_for()
    parses = parser.parse([text[a:b] for a, (_, b) in zip(starts, spans)])
    out: list[Claim] = []
    speaker: Attribution | None = None  # the last credited source, for a bare quotation
    person: Attribution | None = None  # the last named person, for "He said"
    mentioned: str | None = None  # the last person the parse finds as a subject, for "He said"
    surnames: set[str] = set()  # the last words of the people named in full so far
    others: list[str] = []  # the people the sentence before names, outside its sources
    actor: str | None = None  # the last named person a sentence was about, for "He showed little emotion"
    prev_sentence_claims: list[int] = []  # indexes into ``out``
    for (_, s_end), s_start, ps in zip(spans, starts, parses):
        # "LONDON, July 5 (Reuters) - Labour won ...": the place and day of filing claim nothing
        sentence = text[s_start:s_end]
        if reading.is_fragment(ps):  # "WASHINGTON, November 13." / "/TASS/.": no claim
            continue
        via = attr.standalone_via(sentence)
        if via is not None:
            # "According to The New York Times." alone credits the sentence before it
            for i in prev_sentence_claims:
                out[i] = _with_via(out[i], via)
            continue
        sentence_frame = attr.find(sentence, s_start) or _own_report(ps, s_start, s_start, s_end, None, None)
        if sentence_frame is None and attr.is_bare_quote(sentence) and speaker is not None:
            sentence_frame = attr.Frame(speaker)
        prev_sentence_claims = []
        subject: str | None = None  # the sentence's last named subject, for "they" in a later clause
        counted: Quantity | None = None  # the figure of that subject: "Over 10,000 DPRK soldiers"
        for c_start, c_end in sent.claims(text, (s_start, s_end),
                                          clause_at=lambda at, subject=False, ps=ps, s0=s_start: reading.coordinates_clause(ps, at - s0, subject)):
            claim_text = text[c_start:c_end]
            frame = _claim_frame(text, c_start, c_end, sentence_frame)
            own = _own_report(ps, s_start, c_start, c_end, frame, sentence_frame)
            if own is not None:
                frame = own
            elif frame is not None:
                frame = _relayed(ps, _parsed_source(ps, s_start, frame, sentence))
            if frame is not None and frame.attribution.cue and reading.aside_report(
                    ps, frame.attribution.cue, c_start - s_start, c_end - s_start):
                frame = None  # "..., as Iranian media reported explosions": that clause's source, not this one's
            attribution = _own_outlet(frame.attribution, doc.outlet) if frame else Attribution()
            if frame and attr.PRONOUN.match(attribution.source or ""):
                # "Zelenskyy ... thanked allies who, he said, had reacted": a person the sentence is
                # about, named before the pronoun, is the one it means
                at = (frame.frame[0] - s_start) if frame.frame else 0
                here = reading.main_subject_name(ps, at, surnames)
                # a capitalised subject the tagger calls a noun, known or not, may be the one meant:
                # then "he" is no one rather than the last speaker
                doubt = None if here else reading.main_subject_name(ps, at, None)
                attribution = _pronoun_source(attribution, person, here or mentioned,
                                              [*others, doubt] if doubt and _person_like(doubt) else others,
                                              near=here is not None and _person_like(here))
            if frame is not None and frame.frame is not None and attribution.source and attribution.cue:
                when = reading.statement_time(ps, attribution.cue)  # "said on Tuesday": a statement of a day
                attribution = replace(attribution, when=when) if when else attribution
            if attribution.source and not attr.PRONOUN.match(attribution.source):
                speaker = attribution  # named or not, the one a following bare quote belongs to
                if attribution.name and not attribution.anonymous:
                    person = attribution  # the one "He said" refers to
            # a forecast is part of what is claimed ("economists had forecast a gain of 150,000"):
            # its frame stays in the words compared
            strip = frame.frame if frame and (frame.attribution.cue or "").lower() not in attr.PREDICTIVE else None
            content = _content(text, c_start, c_end, strip)
            content, subject = _resolve_pronoun(content, subject)
            content, actor = _resolve_he_she(content, subject, actor, attribution)
            a, b = c_start - s_start, c_end - s_start
            pred = reading.predicate(ps, a, b)
            framed = claim_text if content != claim_text else ""
            certainty, cue = _certainty(ps, pred, a, claim_text, framed)
            neg, denies, denied_verb = _negation(ps, pred, a, b, claim_text, content, framed)
            qs: list[Quantity] = (quantities(text, c_start, c_end) + dates(text, c_start, c_end, doc.date)
                                  + times(text, c_start, c_end))
            qs = [q for q in qs if not _quoted_deixis(text, s_start, q)]
            qs = [_when_role(text, c_start, q, frame, ps, s_start) if q.dimension in ("date", "time")
                  else _count_role(text, q) for q in qs]
            share = _share_of(text, c_start, c_end, counted)
            if share is not None:
                qs.append(share)
            qs.sort(key=lambda q: (q.start, q.end))
            qs = _wholes(text, _baseline_dates(text, _movements(text, c_start, qs)))
            qs = [_dateline_date(text, s_start, q) for q in qs]
            qs = [_held(ps, s_start, _what_counted(ps, s_start, q)) for q in qs]
            counted = _subject_figure(text, c_start, c_end, qs) or counted
            out.append(Claim(
                id=f"{doc.id}#{len(out) + 1}",
                document=doc.id,
                start=c_start,
                end=c_end,
                text=claim_text,
                sentence_start=s_start,
                sentence_end=s_end,
                content=content,
                quantities=tuple(qs),
                attribution=attribution,
                negated=neg is not None,
                negation=neg,
                denies=denies,
                denied_verb=denied_verb,
                lemmas=frozenset(t.lemma for t in ps.tokens if a <= t.start and t.end <= b and t.pos != "PUNCT"),
                certainty=certainty,
                certainty_cue=cue,
                quote=any(q in sentence for q in "“”\""),
            ))
            prev_sentence_claims.append(len(out) - 1)
        if sentence.count("“") > sentence.count("”") and not any(out[i].attribution.source for i in prev_sentence_claims):
            # a quotation left open for the next paragraph ('The chancellor blamed ..., adding: “This
            # tax ...'), its speaker not read: the next bare quotation goes on with it, so it is not
            # the last speaker's before it
            speaker = None
        named = reading.subject_name(ps) or reading.main_subject_name(ps, len(sentence), surnames)
        mentioned = named if named and _person_like(named) else mentioned
        # the people this sentence names outside its sources, whom a "she said" next may mean too
        sources = " ".join(out[i].attribution.source or "" for i in prev_sentence_claims)
        others = [n for n in reading.proper_names(ps) if _person_like(n) and n not in sources]
        surnames.update(n.split()[-1] for n in reading.proper_names(ps) if _person_like(n) and len(n.split()) > 1)
    return out


def _relayed(ps, frame: "attr.Frame | None") -> "attr.Frame | None":
    """An outlet's report of what someone said ("X said the pilot had got out, the Associated
    Press reported"): X's word, through the outlet."""
    if frame is None or frame.cited or frame.attribution.via is not None:
        return frame
    a = frame.attribution
    if not a.cue or not a.source or not attr.OUTLETS.fullmatch(a.source.strip()):
        return frame
    got = reading.relayed_report(ps, a.cue)
    if got is None or not attr.speaker(got[0]) or attr.OUTLETS.fullmatch(got[0]):
        return frame
    return attr.Frame(attr.describe(got[0], via=a.source, cue=got[1]), frame.frame, cited=True)


def _own_report(ps, s_start: int, c_start: int, c_end: int, frame: "attr.Frame | None",
                sentence_frame: "attr.Frame | None") -> "attr.Frame | None":
    """The frame of a claim that is itself a report with its own subject, which the patterns
    missed ("..., and the coast guard said its plane had been on its way": not the source of the
    clause before). None where the patterns found the claim's own frame, or the parse finds none."""
    if frame is not None and (frame is not sentence_frame or frame.frame is None
                              or c_start <= frame.frame[0] < c_end):
        return None  # the patterns found the claim's own frame, or one whose span lies in this claim
    got = reading.own_report(ps, c_start - s_start, c_end - s_start)
    if got is None:
        return None
    subject, verb, f0, f1, cited, whole = got
    if not attr.speaker(cited if cited is not None else subject):
        return None
    if cited is not None:  # "Citing the interior ministry, state media say": the ministry, through them
        return attr.Frame(attr.describe(cited, via=subject, cue=verb), (s_start + f0, s_start + f1), cited=True)
    hint = bool(attr.ANON_CLAUSE.search(whole)) and not attr.OUTLETS.fullmatch(subject)
    return attr.Frame(attr.describe(subject, anonymous_hint=hint, cue=verb), (s_start + f0, s_start + f1))


def _own_outlet(a: Attribution, outlet: str | None) -> Attribution:
    """An outlet citing itself ("Apricot Valley Bulletin reported earlier that ...") credits no
    one but the report: its own reporting, as if no source were named; as a channel ("..., the
    Bulletin reported, citing police") it is left out and the source stays."""
    def own(name: str | None) -> bool:
        return bool(name and outlet) and _bare(name) == _bare(outlet)

    if own(a.source):
        return Attribution() if a.via is None or own(a.via) else attr.describe(a.via, cue=a.cue)
    return replace(a, via=None) if own(a.via) else a


def _bare(name: str) -> str:
    return re.sub(r"^the\s+|['’]s$", "", " ".join(name.lower().split()))


def _pronoun_source(a: Attribution, person: Attribution | None, mentioned: str | None,
                    others: Sequence[str] = (), near: bool = False) -> Attribution:
    """Whom "he said" or "she said" credits: the last named speaker, when the last person a
    sentence was about is that speaker too (or no one was); the person mentioned, when no one
    has spoken yet. When the two differ ("Ellison testified ... Bankman-Fried ... He said"), or
    the sentence before names another person anywhere ("... turned on the testimony of Caroline
    Ellison. She testified"), no one: the pronoun stays, and the judge compares no pronoun.
    "They" is the last speaker. ``near``: ``mentioned`` is the subject of the pronoun's own
    sentence, named before it, and is the one meant whoever spoke last."""
    if (a.source or "").strip().lower() == "they":
        return _merge_via(person, a.via) if person else a
    if near and mentioned:
        if person is not None and same_name(person.name or "", mentioned):
            return _merge_via(person, a.via)
        return attr.describe(mentioned, via=a.via, cue=a.cue)
    who = (person.name if person else None) or mentioned
    if others and (not who or any(not same_name(who, n) for n in others)):
        return a
    if person is not None and (mentioned is None or same_name(person.name or "", mentioned)):
        return _merge_via(person, a.via)
    if person is None and mentioned:
        return attr.describe(mentioned, via=a.via, cue=a.cue)
    return a


def _certainty(ps, pred, a: int, claim_text: str, framed: str) -> tuple[str, str | None]:
    """The pattern reading of certainty, with each cue the parse puts in a clause under another
    word ("a route the UN may use", "remarks likely to irk Beijing") or in a negated deontic
    modal ("may not ban") set aside, and the next cue read."""
    if pred is None:
        return stance.certainty(claim_text, frame=framed)
    text = claim_text
    for _ in range(8):
        got, cue = stance.certainty(text, frame=framed, mask=False)
        if got not in ("hedged", "unconfirmed") or not cue:
            return got, cue
        m = re.search(rf"(?<!\w){re.escape(cue)}(?!\w)", text, re.I)  # "may", not the "may" of "mayor"
        at = m.start() if m else -1
        tok = reading.token_at(ps, a + at) if at >= 0 else None
        if tok is None:
            return got, cue
        # only a claim can be verified: "..., which could not be independently verified" speaks of
        # the claim wherever the parser hangs it; "unclear when" is about what its clause says;
        # an adjective before a noun ("an unconfirmed tornado", "an unverified video") is the noun's
        own = reading.governs(ps, pred, tok) or (got == "unconfirmed" and _VERIFY.search(cue) is not None
                                                 and tok.dep != "amod")
        if own and got == "hedged" and tok.dep == "aux" and reading.deontic(ps, ps.tokens[tok.head]):
            own = False  # "may not ban": forbidden, not doubted
        if own and got == "hedged" and tok.dep == "aux" and ps.tokens[tok.head].lemma in lexicon.EXPOSURE_VERBS:
            own = False  # "could face up to four years": the range of a penalty, stated, not doubted
        if own:
            return got, cue
        text = text[:at] + " " * len(cue) + text[at + len(cue):]
    return stance.certainty(text, frame=framed, mask=False)


_VERIFY = re.compile(r"confirm|verif|corroborat", re.I)
_LEXICAL_DENIAL = re.compile(r"\b(?:den(?:y|ies|ied)|rejected|rejects|dismissed|refuted|yet|longer)\b", re.I)


def _negation(ps, pred, a: int, b: int, claim_text: str, content: str,
              framed: str) -> tuple[str | None, tuple[str, ...] | None, tuple[str, ...]]:
    """The pattern reading of negation, kept only when the parse puts its negator on the claim's
    own predicate: "he cried that he could not breathe", "asked the court not to take the case"
    negate a clause under another word, not the claim. With it, what the negation denies, and
    the content verb it negates (``reading.denied_verb``)."""
    neg = stance.negation(content, frame=framed)
    if neg is None or pred is None:
        return neg, None, ()
    if stance.DENIAL.fullmatch(neg) and any(reading.pleads(ps, t) for t in ps.tokens):
        return None, None, ()  # "had denied the charges": a plea, which the claim asserts
    if framed and stance.DENIAL.fullmatch(neg) and not stance.DENIAL.search(content):
        # "The Kremlin denied that ...": the frame denies the claim, all of it; what it denies is the
        # claim's own predicate and object, as for a negated verb
        return neg, reading.denied_claim(ps, pred), ()
    tok = reading.negation_of(ps, pred, a, b)
    if tok is not None:
        return neg, reading.denied(ps, tok, pred), reading.denied_verb(ps, tok)
    cue = _LEXICAL_DENIAL.search(neg)
    m = re.search(rf"(?<!\w){re.escape(cue.group(0))}(?!\w)", claim_text) if cue else None
    word = reading.token_at(ps, a + m.start()) if m else None
    if word is not None and (word.i == pred.i or reading.clause_of(ps, word, stop=pred).i == pred.i):
        if word.lemma in lexicon.DENYING:  # "rejected the contract with a vote of 94.6%": the contract
            return neg, reading.denied_claim(ps, word), ()
        return neg, reading.denied(ps, word, pred), ()
    return None, None, ()


def _parsed_source(ps, s_start: int, frame: "attr.Frame", sentence: str) -> "attr.Frame | None":
    """The source as the parse reads it: the subject of the reporting verb, whole and no more
    ("Earlier this week the Pentagon said" is the Pentagon; "Umerov reportedly said" is
    Umerov). A finite reporting verb the parse finds without a subject credits no one."""
    a = frame.attribution
    if not a.cue or a.cue in ("according to",) or not a.source or frame.cited:
        return frame  # "X reported, citing Y": Y, whom the parse does not make the subject
    if reading.adjectival(ps, a.cue):
        return None  # "The confirmed death toll had passed 5,300": "confirmed" says nothing was said
    got = reading.reporting_subject(ps, a.cue)
    if got is None:
        return frame
    subject, finite, whole = got
    if not subject:
        return None if finite else frame
    if subject.lower() in ("that", "which", "who", "whom", "whose"):
        return None  # "banners that said ...": the verb of a relative clause credits no one
    if subject == a.source.strip() or attr.PRONOUN.match(subject) and attr.PRONOUN.match(a.source.strip()):
        return frame
    if _quoted_word(sentence, subject, a.source):
        # '"... to find the victims, those who are missing, ...," prime minister Pedro Sánchez
        # said': a subject the parser found inside the quotation is the speaker's word, not the speaker
        return frame
    # "A senior official, who asked not to be named, said": the clause left out makes it anonymous
    hint = bool(attr._ANON_ANYWHERE.search(sentence) or attr.ANON_CLAUSE.search(whole)) \
        and not attr.OUTLETS.fullmatch(subject)
    fresh = attr.describe(subject, anonymous_hint=hint, via=a.via, cue=a.cue)
    span = frame.frame
    if span is not None and span[1] >= s_start + len(sentence.rstrip()):  # a frame at the sentence's end
        # "In St. Lucie County, four people died, county spokesperson Erick Gill said": the
        # pattern took "four people died, county spokesperson Erick Gill" for the source; the
        # frame starts where the parse's subject does, so the clause before it stays the claim
        at = sentence.find(subject, max(0, span[0] - s_start))
        skipped = sentence[max(0, span[0] - s_start):max(0, at)]
        if at > span[0] - s_start and s_start + at < span[1] and not re.search(
                rf"\b{re.escape(a.cue.split()[0])}\b", skipped, re.I):  # not '..., said Ahmed': the verb comes first
            span = (s_start + at, span[1])
    return attr.Frame(fresh, span)


_THAN = re.compile(r"\bthan\b[^,;:]*$", re.I)
# "two of them", "five of whom", "two police among them": a part of a count told before it
_PART_AFTER = re.compile(r"\s+(?:other|more|additional|further|extra|of (?:them|whom|those|these|which)"
                         r"|(?:[a-z]+\s+){0,2}among them)\b", re.I)
_THAN_AHEAD = re.compile(r"[^.;:,]{0,60}\bthan\b", re.I)
# "the other two fatalities", "the remaining 30 hostages": the rest of a count, a part of it
_PART_BEFORE = re.compile(r"\b(?:an? (?:additional|further|extra)|another|(?:the|its|their) (?:other|remaining))\s+$", re.I)


# the span a rate is measured over ("in the 12 months to May", "over the past year through June")
# and the length of a run ("four months in a row", "for three straight weeks")
_WINDOW_BEFORE = re.compile(r"\b(?:in|over|during|for)\s+(?:the\s+)?(?:past\s+|last\s+|previous\s+)?$", re.I)
_WINDOW_AFTER = re.compile(r"\s+(?:to|through|thru|ending|ended|until|up to)\s+(?:the\s+end\s+of\s+)?[A-Z]")
_RUN_AFTER = re.compile(r"\s+(?:in a row|running|straight|on the trot)\b", re.I)
# how long since the last time: "its first hike in 17 years", "the highest level in more than a
# decade", "a 30-year high": not how long something lasted ("eight years of negative rates")
_SINCE_BEFORE = re.compile(
    r"\b(?:first|most|least|highest|lowest|biggest|largest|smallest|strongest|weakest|fastest|slowest|sharpest|"
    r"steepest|worst|best|deadliest|hottest|coldest|wettest|driest|busiest)\b(?:\s+[\w’'()\[\]-]+){0,4}?\s+(?:in|for)\s+"
    r"(?:(?:more|less|fewer)\s+than\s+|over\s+|nearly\s+|almost\s+|about\s+|some\s+|roughly\s+|around\s+|"
    r"at\s+least\s+)?(?:the\s+(?:past|last)\s+)?$", re.I)
_SINCE_AFTER = re.compile(r"[\s-]+(?:high|low|peak|trough|record)s?\b", re.I)
# how old someone or something is: "the 61-year-old", "63 years old"
_AGE_AFTER = re.compile(r"(?:-|\s+)old\b", re.I)


# a figure per unit, not a total: "five units, each of about 3,000 soldiers", "$55 per share",
# "$20 apiece", "2 million barrels a day"
_EACH_BEFORE = re.compile(r"\beach\s+(?:of|with|carrying|holding|containing|numbering)\s+(?:\w+\s+){0,2}$", re.I)
_EACH_AFTER = re.compile(r"(?:\s+[\w’'-]+){0,4}?\s+(?:each|apiece|a piece|per\s+[\w-]+|"
                         # "the lowest in a year", "the first time in a decade" are no rate per year
                         r"(?<!\bin\s)(?<!\bfor\s)(?<!\bthan\s)(?<!\bwithin\s)an?\s+(?:share|head|person|"
                         r"piece|day|week|month|year|hour|unit|tonne|ton|barrel|gallon|litre|liter)(?!\s+(?:earlier|ago|before|"
                         r"previously|prior|on)\b))\b", re.I)  # "11.1% on a year earlier" is no rate per year
# a movement's starting point: "rose from 10.1%", "up from 52", "down from a peak of 10.6%", "against
# 10.1% in September": the term it is measured from, not the figure the claim gives
_CHANGE_VERB = (r"(?:rose|risen|rising|rises|went up|gone up|climbed|climbing|increased|jumped|surged|grew|grown|"
                r"fell|fallen|falling|dropped|declined|slipped|eased|slowed|accelerated|edged (?:up|down)|picked up|"
                r"up|down|higher|lower|rise|increase|jump|fall|drop|decline|climb)")
_FROM_BASE = re.compile(rf"\b{_CHANGE_VERB}\b(?:[^.;:]|\.(?=\d)){{0,40}}?\bfrom\s+(?:a\s+|an\s+|the\s+|its\s+)?"
                        # "down from a peak of 10.6%", "up from a record low of 2%": the level moved from
                        r"(?:(?:(?:record|recent|previous|[\w-]+-year)\s+)?(?:peak|high|low|level)\s+of\s+)?$|"
                        r"\b(?:against|compared (?:with|to)|versus|vs\.?)\s+(?:a\s+|an\s+|the\s+)?$", re.I)
_MOVE_RANGE = re.compile(rf"\b{_CHANGE_VERB}\b(?:[^.;:]|\.(?=\d)){{0,30}}?$", re.I)


# the whole a count is part of: "292 of the 543 seats", "four out of 10 voters", "the 543-seat
# chamber", "the 12-member jury": the size of the whole, not what was won, found or counted
_WHOLE_BETWEEN = re.compile(r"(?:\s+[a-z][\w-]*){0,2}?\s+(?:out\s+)?of\s+(?:the\s+|all\s+|its\s+|their\s+)?"
                            r"(?:(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*['’]s\s+)?")  # "240 of the Lok Sabha's 543 seats"
_WHOLE_AFTER = re.compile(r"-(?:seat|member|strong|nation|country|state|judge|person|man|woman|team)\b", re.I)


_DEICTIC_DAY = re.compile(r"(?:today|tonight|yesterday|tomorrow|this\s+(?:morning|afternoon|evening|week))\b", re.I)


def _quoted_word(sentence: str, subject: str, source: str) -> bool:
    """The words ``subject`` stand in the sentence only inside a quotation, and the pattern's
    ``source`` outside one."""
    subj_at = [m.start() for m in re.finditer(re.escape(subject), sentence)]
    src_at = sentence.find(source.strip())
    return bool(subj_at) and all(sent.quoted(sentence, 0, x) for x in subj_at) and src_at >= 0 \
        and not sent.quoted(sentence, 0, src_at)


def _quoted_deixis(text: str, s_start: int, q: Quantity) -> bool:
    """A day told from the speaker's "now" inside a quotation ('"Today, the emergency committee
    met," Tedros said'): the day the words were spoken, which the report need not give; the
    filing day is no reading of it, so it is no date of the claim."""
    if q.dimension not in ("date", "time") or not _DEICTIC_DAY.match(q.text.strip()):
        return False
    return sent.quoted(text, s_start, q.start)


def _count_role(text: str, q: Quantity) -> Quantity:
    """'two other former executives', '2,000 more troops', 'an additional 500', 'the other
    two': a part
    beside someone or something already counted, not a total to compare with one. 'each of
    about 3,000 soldiers', '$55 per share': a figure per unit ("each"), compared only with
    another figure per unit. '292 of the 543 seats', 'the 543-seat house': the whole
    ("whole"), compared only with another whole. 'in the 12 months to May': the span a rate is
    measured over ("window"), compared with nothing (two spans of two rates are two measures);
    'four months in a row': how long a run lasted ("run"), compared only with another run."""
    if q.dimension != "date" and (_EACH_BEFORE.search(text, max(0, q.start - 40), q.start)
                                  or _EACH_AFTER.match(text[q.end:q.end + 60].split(".")[0].split(";")[0])):
        return replace(q, role="each")
    if q.dimension == "count" and _WHOLE_AFTER.match(text, q.end):
        return replace(q, role="whole")
    if q.dimension == "duration" and _WINDOW_BEFORE.search(text, max(0, q.start - 30), q.start) \
            and _WINDOW_AFTER.match(text, q.end):
        return replace(q, role="window")  # "in the 12 months to May": the span a rate is measured over
    if q.dimension == "duration" and _RUN_AFTER.match(text, q.end):
        return replace(q, role="run")  # "four months in a row": how long a run lasted
    if q.dimension == "duration" and _AGE_AFTER.match(text, q.end):
        return replace(q, role="age")  # "the 61-year-old", "aged 63 years old": how old someone is
    if q.dimension == "duration":
        before = _SINCE_BEFORE.search(text, max(0, q.start - 60), q.start)
        if before and before.group(0).split()[0].lower() == "first":
            return replace(q, role="since")  # "its first hike in 17 years": the last one was then
        if before or _SINCE_AFTER.match(text, q.end):
            # "a 41-year high", "the fastest pace in four decades": highest in at least that long,
            # so a 41-year high is a 40-year high too; and another fact than "the first cut in five
            # years" (when the last cut was), so the two are compared only with their own kind
            return replace(q, role="record", high=None, implied_high=None, high_open=False, bound=">")
    after = _PART_AFTER.match(text, q.end)
    if after and after.group(0).strip().lower() == "more" and _THAN_AHEAD.match(text, after.end()):
        after = None  # "72,000 more jobs than first reported": a difference, compared as such
    if q.dimension == "count" and (after or _PART_BEFORE.search(text, max(0, q.start - 20), q.start)):
        return replace(q, role="part")
    return q


_MEASURES = frozenset({"percent", "mass", "volume", "length", "area"})


def _what_counted(ps, s_start: int, q: Quantity) -> Quantity:
    """What a count counts, from the parse where it reads one (``reading.counted``): the noun the
    number modifies, not the words after it ("Some 400 seats went": seats, not "seats went");
    a number that stands alone counts what its partitive names, deaths when it died, or nothing
    the words after it say ("412 went to Labour" counts no "went"). A toll's deaths stay. A
    share or a measure that says not what it is of is of what the tree says (``reading.measured``:
    "Unemployment rose to 4.3%")."""
    if q.dimension in _MEASURES and q.counts is None and not q.role:
        what = reading.measured(ps, q.start - s_start, q.end - s_start)
        return replace(q, counts=what) if what else q
    if q.dimension != "count" or q.counts == "deaths" or q.note:
        return q
    got = reading.counted(ps, q.start - s_start, q.end - s_start)
    if got is None:
        return q
    if got:
        return replace(q, counts=got) if got != q.counts else q
    # a bare number: the words after it are not what it counts when the tree says they are not a noun
    after = reading.token_at(ps, q.end - s_start + 1) or reading.token_at(ps, q.end - s_start)
    if q.counts and after is not None and after.pos in ("VERB", "AUX", "ADV", "PRON", "ADP", "DET", "PART"):
        return replace(q, counts=None)
    return q


def _held(ps, s_start: int, q: Quantity) -> Quantity:
    """A count's or an amount's holder, from the parse (``reading.holder``); a count that is a bar
    to reach ("the 272 seats needed for a majority") is a "threshold", a figure someone expected
    ("were expecting 550,000 demonstrators") a "forecast", a figure of what would have been
    ("would have risen to 13.8% had ...") a "counterfactual", each compared only with another.
    A forecast is one whatever else it is ("expect requests of up to 60 million doses a year")."""
    if q.dimension in ("date", "time"):
        return q
    places = reading.figure_places(ps, q.start - s_start, q.end - s_start)
    if places:
        q = replace(q, places=places)
    if q.role:
        return replace(q, role="forecast") if q.role == "each" and reading.forecast(
            ps, q.start - s_start, q.end - s_start) else q
    if q.dimension == "count" and reading.threshold(ps, q.start - s_start, q.end - s_start):
        return replace(q, role="threshold")
    if reading.forecast(ps, q.start - s_start, q.end - s_start):
        return replace(q, role="forecast")
    if reading.counterfactual(ps, q.start - s_start, q.end - s_start):
        return replace(q, role="counterfactual")
    who = reading.holder(ps, q.start - s_start, q.end - s_start)
    if q.dimension == "count":  # what befell what it counts: "700 bodies have been buried" (bury)
        q = replace(q, event=reading.event_verb(ps, q.start - s_start, q.end - s_start))
    return replace(q, holder=who) if who else q


def _movements(text: str, c_start: int, qs: list[Quantity]) -> list[Quantity]:
    """A figure moved: "went up from 14.6% to 16.4%" gives 16.4%, from a baseline of 14.6% (not
    the range 14.6-16.4%); "rose from 10.1%" and "against 10.1% in September" give baselines."""
    out: list[Quantity] = []
    for q in qs:
        if q.dimension in ("date", "time") or q.role:
            out.append(q)
            continue
        before = text[max(c_start, q.start - 50):q.start]
        if q.bound == "range" and q.text.lower().startswith("from ") and _MOVE_RANGE.search(before):
            to = re.search(r"\s(?:to|and)\s", q.text)
            parts = ([p for p in quantities(text[:q.start + to.start()], q.start + 5) if p.dimension == q.dimension],
                     [p for p in quantities(text, q.start + to.end(), q.end) if p.dimension == q.dimension]) if to else ([], [])
            if parts[0] and parts[1]:
                out.append(replace(parts[0][0], role="baseline", counts=parts[0][0].counts or q.counts))
                out.append(replace(parts[1][0], counts=parts[1][0].counts or q.counts))
                continue
        if _FROM_BASE.search(text, max(c_start, q.start - 60), q.start):
            out.append(replace(q, role="baseline"))
            continue
        out.append(q)
    return out


def _baseline_dates(text: str, qs: list[Quantity]) -> list[Quantity]:
    """The date a baseline was of is a baseline's too: "a big jump from 10.1% in September",
    "compared to 10.1% in September" (September is the month compared with, not the claim's)."""
    out = list(qs)
    for k in range(1, len(out)):
        prev, q = out[k - 1], out[k]
        if q.dimension == "date" and not q.role and prev.role == "baseline" and prev.dimension != "date" \
                and not text[prev.end:q.start].strip():
            out[k] = replace(q, role="baseline")
    return out


# a report's own tag at the head of its first sentence: "MOSCOW (UrduPoint News / Sputnik - 16th
# November, 2022) The index ...", "(Reuters, Jan. 3) -"
_DATELINE_TAG = re.compile(r"\s*(?:[A-Z][A-Z .,'-]{1,40})?\(([^()]{0,80})\)")


def _dateline_date(text: str, s_start: int, q: Quantity) -> Quantity:
    """A date in the report's tag before its first words is the day it was filed, not a date the
    claim gives: the day of the saying ("said")."""
    if q.dimension != "date" or q.role:
        return q
    tag = _DATELINE_TAG.match(text, s_start)
    if tag and tag.start(1) <= q.start and q.end <= tag.end(1):
        return replace(q, role="said")
    return q


def _wholes(text: str, qs: list[Quantity]) -> list[Quantity]:
    """A count right after another, across "of" ("292 of the 543 seats", "four out of 10
    voters"): the size of the whole the first is part of, and what the first counts when it
    does not say."""
    out = list(qs)
    for k in range(1, len(out)):
        prev, q = out[k - 1], out[k]
        if (q.dimension == "count" and prev.dimension == "count" and not q.role
                and _WHOLE_BETWEEN.fullmatch(text, prev.end, q.start)):
            out[k] = replace(q, role="whole")
            if not prev.counts and q.counts:  # "412 of 650 seats": 412 seats
                out[k - 1] = replace(prev, counts=q.counts)
    return out


def _when_role(text: str, c_start: int, q: Quantity, frame: "attr.Frame | None", ps=None, s_start: int = 0) -> Quantity:
    """Mark a date or time of day that is not the claim's own: the day of the saying
    ("officials said on Thursday"), the term of a comparison ("more than in 2019"), or a date
    that names another thing by its day ("over the Oct. 1 salvo", "since the 2019 polls"):
    that thing's date, not the day of what the claim says happened."""
    if frame and frame.frame and frame.frame[0] <= q.start and q.end <= frame.frame[1]:
        return replace(q, role="said")
    if _THAN.search(text, max(c_start, q.start - 60), q.start):
        return replace(q, role="baseline")
    if ps is not None and q.dimension == "date" and reading.names_noun(ps, q.start - s_start, q.end - s_start):
        return replace(q, role="named")
    if ps is not None:  # a date's or a time of day's event: "calls came in around 1:30 a.m." (come)
        event = reading.event_verb(ps, q.start - s_start, q.end - s_start)
        return replace(q, event=event) if event else q
    return q


def _claim_frame(text: str, start: int, end: int, sentence_frame: "attr.Frame | None") -> "attr.Frame | None":
    """A claim's own attribution ("the U.S. official confirmed that ..."), else its sentence's."""
    lead = _LEAD_CONNECTIVE.match(text, start, end)
    own_start = lead.end() if lead else start
    own = attr.find(text[own_start:end], own_start)
    if own is None:
        # "The CGT claimed 2 million marched, whereas the ministry's count was 1.12 million": a
        # clause that sets another party against what was said before is not said by that source;
        # a frame after it ("..., whereas ..., officials said") still covers it
        if sentence_frame is not None and _CONTRAST.match(text, start, end) and sentence_frame.frame \
                and sentence_frame.frame[1] <= start:
            return None
        return sentence_frame
    if sentence_frame is not None and own.attribution.via is None:
        sf = sentence_frame.attribution
        channel = sf.via or (sf.source if attr.OUTLETS.fullmatch((sf.source or "").strip()) else None)
        if channel and channel != own.attribution.source:
            return attr.Frame(_merge_via(own.attribution, channel), own.frame)
    return own


_CONTRAST = re.compile(r"(?:whereas|while)\s", re.I)


def _merge_via(a: Attribution, via: str | None) -> Attribution:
    from dataclasses import replace

    return a if via is None or a.via is not None else replace(a, via=via)


# ("it looked like", "it appears that": an empty "it", which stands for no one)
# "it" is no pronoun before a clause it stands in for ("it was unclear when the fighting took place")
_PRONOUN_SUBJECT = re.compile(r"(?:they|it(?!\s+(?:looks?|looked|appears?|appeared|seems?|seemed)\b)"
                              r"(?!\s+(?:is|was|remains|remained|has been|had been)\s+(?:not\s+)?(?:yet\s+)?[\w-]+\s+"
                              r"(?:when|whether|how|if|that|to|who|what|why|where)\b)|"
                              r"he|she|most of them|many of them|some of them|all of them)\b", re.I)
_SUBJECT = re.compile(r"(?P<np>(?:[\w’',.-]+\s+){0,5}?[\w’'.-]+)\s+(?:have|has|had|are|is|was|were|will|would|could|may|might|can|began|begun|"
                      r"took|takes|told|tells|made|makes|gave|gives|won|wins|lost|loses|held|holds|faces|faced|stood|sat|ran|said|says|[a-z]+ed)\b")
_FIGURE_WORDS = re.compile(r"\b(?:over|more than|about|some|around|roughly|nearly|at least|up to|\d[\d,.]*)\s+", re.I)


_HE_SHE = re.compile(r"(?:he|she)\b", re.I)
_PERSON_NP = re.compile(r"(?:[A-Z][\w’'.-]+\s+){0,3}[A-Z][\w’'-]+")
_NOT_PERSON = re.compile(r"(?:The|A|An|This|That|Its|Their|His|Her)\b")


def _person_like(np_: str) -> bool:
    """A run of capitalised words that may name a person: not "The ...", no acronym ("Reform
    UK", "FTX"), no plural ("Conservatives")."""
    words = np_.split()
    return bool(_PERSON_NP.fullmatch(np_)) and not _NOT_PERSON.match(np_) and not attr.PRONOUN.match(np_) and not any(
        (w.isupper() and len(w) > 1) or (w.endswith("s") and not w.endswith(("ss", "'s", "’s"))) for w in words)


def _resolve_he_she(content: str, subject: str | None, actor: str | None,
                    attribution: Attribution) -> tuple[str, str | None]:
    """'He showed little emotion' after 'Bankman-Fried took the stand' reads 'Bankman-Fried
    showed little emotion': "he" or "she" opening a claim is its own named speaker ("Sunak said
    he would resign"), else the last person named as a subject, so that the model sees who."""
    if subject and _person_like(subject):
        actor = subject
    m = _HE_SHE.match(content)
    if not m:
        return content, actor
    who = attribution.name if attribution.name and not attribution.anonymous and _person_like(attribution.name) else actor
    return (who + content[m.end():] if who else content), actor


def _resolve_pronoun(content: str, subject: str | None) -> tuple[str, str | None]:
    """'they have begun ...' after 'Over 10,000 DPRK soldiers have been sent' reads 'DPRK soldiers have begun ...'.

    Only within one sentence, and only for a clause that opens with the pronoun: enough for
    the embedding to see what the clause is about. Figures are left out of the subject.
    """
    m = _PRONOUN_SUBJECT.match(content)
    if m and subject:
        return subject + content[m.end():], subject
    s = _SUBJECT.match(content)
    if s and not _PRONOUN_SUBJECT.match(s.group("np")):
        np_ = _FIGURE_WORDS.sub("", s.group("np")).strip()
        if np_ and np_.split()[0].lower() not in ("there", "it", "this", "that"):
            return content, np_
    return content, subject


_SHARE = re.compile(r"\b(?P<part>most|the majority|the bulk|half|all)\s+of\s+(?:them|those|these)\b", re.I)
_SHARES = {"most": (0.5, 1.0, True), "the majority": (0.5, 1.0, True), "the bulk": (0.5, 1.0, True),
           "half": (0.5, 0.5, False), "all": (1.0, 1.0, False)}


def _subject_figure(text: str, start: int, end: int, qs: list[Quantity]) -> Quantity | None:
    """A count that opens the clause's subject ("Over 10,000 DPRK soldiers have been sent")."""
    verb = _SUBJECT.match(text[start:end].lstrip("“\"‘'"))
    limit = start + (verb.end("np") + 2 if verb else 0)
    for q in qs:
        if q.dimension == "count" and q.counts and q.start <= limit:
            return q
    return None


def _share_of(text: str, start: int, end: int, whole: Quantity | None) -> Quantity | None:
    """'most of them', after 'Over 10,000 DPRK soldiers', is more than 5,000 DPRK soldiers."""
    if whole is None:
        return None
    m = _SHARE.search(text, start, end)
    if not m or m.start() - start > 40:
        return None
    lo_f, hi_f, lo_open = _SHARES[m.group("part").lower()]
    def times(x, f):
        return None if x is None else x * f
    return Quantity(
        text=m.group(0), start=m.start(), end=m.end(),
        low=times(whole.low, lo_f), high=times(whole.high, hi_f),
        low_open=lo_open or whole.low_open, high_open=whole.high_open,
        dimension=whole.dimension, unit=whole.unit, counts=whole.counts,
        implied_high=times(whole.implied_high, hi_f),
        note=f"{m.group(0)}: a share of {whole.text} {whole.counts}",
    )


def _with_via(c: Claim, via: str) -> Claim:
    from dataclasses import replace

    a = c.attribution
    if a.empty:
        a = attr.describe(via, cue="according to")
    elif a.via is None and a.source != via:
        a = replace(a, via=via)
    return replace(c, attribution=a)


def _content(text: str, start: int, end: int, frame: tuple[int, int] | None) -> str:
    """The claim's words without the attribution frame, connectives and quote marks."""
    pieces = [(start, end)]
    if frame:
        f0, f1 = frame
        if f0 <= start and f1 >= end:
            pieces = [(start, end)]  # the whole claim is the frame: keep it
        else:
            pieces = [(a, b) for a, b in ((start, min(end, f0)), (max(start, f1), end)) if b > a]
    s = " ".join(text[a:b] for a, b in pieces)
    s = "".join(ch for ch in s if ch not in "“”\"")
    for rx, name in _ALIASES:
        s = rx.sub(name, s)
    s = s.strip(" ,;.")
    lead = _LEAD_CONNECTIVE.match(s)
    s = s[lead.end():] if lead else s
    s = s.strip(" ,;.")
    return s or text[start:end]
