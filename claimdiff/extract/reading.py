"""What a sentence's parse says about one claim in it: its predicate, whether a negation or a
hedge belongs to that predicate or to a clause under another word, what a negation denies,
who the reporting verb's subject is, and whether the sentence claims anything at all.

Offsets are into the sentence. Every reading here is a veto or a correction of the pattern
readings in attribution.py and stance.py, placed where the tree knows better than a window of
words: the scope of a negation or a hedge, and the edges of a source's noun phrase.
"""

from __future__ import annotations

from collections.abc import Collection

from .lexicon import (ACCUSATIONS, PLACE_PREPS, ASIDE_MARKS, CLAIM_POS, FUTURE_AUX, LIKELY, CLAUSAL, COUNTING_VERBS, DEONTIC_NEGATED, DENYING, FORECAST_VERBS, MEASURE_VERBS, STATEMENT_TIMES,
                      NEGATORS, NOUN_POS, PLACING_PREPOSITIONS, QUESTION_WORDS, REPORTING, RESTATING, SAYING_NOUNS)
from .parse import Sentence, Token

# what names when, where, who or how many: the shared frame of two claims, never what a
# negation denies ("did not rise in March" / "were stable in March", "on Friday")
_CONTENT_POS = frozenset({"NOUN", "VERB", "ADJ"})  # not PROPN (a name, a place, a month) nor NUM
_TIME_NOUNS = frozenset("day days week weeks month months year years morning afternoon evening night weekend "
                        "today yesterday tomorrow tonight hour hours minute minutes time".split())


def is_fragment(s: Sentence) -> bool:
    """No verb and no common noun: a dateline ("WASHINGTON, November 13."), an agency tag
    ("/TASS/."), a byline. "Death toll: 2,000" has a noun and stays a claim."""
    return bool(s.tokens) and not any(t.pos in CLAIM_POS or t.pos in NOUN_POS for t in s.tokens)


_FUNCTION = frozenset({"PUNCT", "CCONJ", "SCONJ", "DET", "ADP", "PART", "SPACE"})


def _in(t: Token, a: int, b: int) -> bool:
    return a <= t.start and t.end <= b


def _depth(s: Sentence, t: Token) -> int:
    return sum(1 for _ in s.ancestors(t))


def predicate(s: Sentence, a: int, b: int) -> Token | None:
    """The head of the claim's own clause: its highest word inside [a, b); under a reporting
    verb, the clause that says what was reported ("the ministry said [prices did not rise]")."""
    top = _top(s, a, b)
    if top is None:
        return None
    seen = set()
    while top.lemma in REPORTING and top.i not in seen:
        seen.add(top.i)
        inner = next((c for c in s.children(top) if c.dep == "ccomp" and _in(c, a, b)), None)
        if inner is None:
            break
        top = inner
    return top


def _top(s: Sentence, a: int, b: int) -> Token | None:
    """The highest word inside [a, b), not counting function words (the "and" that joins it)."""
    toks = [t for t in s.tokens if _in(t, a, b) and t.pos not in _FUNCTION]
    return min(toks, key=lambda t: (_depth(s, t), t.i)) if toks else None


def clause_of(s: Sentence, t: Token, stop: Token | None = None) -> Token:
    """The head of the clause ``t`` is in: climb until a clausal relation, the root, or ``stop``."""
    seen = set()
    first = True  # a word's own relation is not a boundary ("on" of "was on course for")
    while (stop is None or t.i != stop.i) and (first or t.dep not in CLAUSAL) and t.dep != "ROOT" \
            and t.head != t.i and t.i not in seen:
        seen.add(t.i)
        t = s.tokens[t.head]
        first = False
    return t


def token_at(s: Sentence, offset: int) -> Token | None:
    return next((t for t in s.tokens if t.start <= offset < t.end), None)


# clauses that say what their head says, thinks or is about to do: part of a claim
CONTENT = frozenset({"ccomp", "xcomp"})


def governs(s: Sentence, pred: Token, t: Token) -> bool:
    """``t`` (a negation or a hedge) is of the claim's own predicate, or of a frame above it
    ("did not say whether ..."), not of a clause under another word ("a route the UN may use")
    nor of a verb coordinated with it ("is huge and might reach thousands")."""
    if t.dep in ("amod", "acl") and t.pos == "ADJ":
        return False  # "remarks likely to irk Beijing": it hedges the noun's modifier
    above = {x.i for x in s.ancestors(pred)}
    x, first = t, True
    while x.i != pred.i and x.i not in above:
        if not first and x.dep in CLAUSAL and x.dep not in CONTENT and not (
                x.dep == "acl" and s.tokens[x.head].lemma in SAYING_NOUNS):
            break  # a relative, adverbial or prepositional clause: its own
        if not first and x.dep in CONTENT and asks(s, x):
            break  # "to work out where he may steer the company": a question, which asserts nothing
        if not first and x.dep == "conj" and x.pos in CLAIM_POS and not any(
                c.dep in ("nsubj", "nsubjpass") for c in s.children(x)):
            break  # "the toll is huge and might reach thousands": the hedge is the second verb's
            # (a coordinated clause with a subject of its own, "and five people have reportedly
            # died", says what the claim says: its hedge is the claim's)
        if not first and x.dep == "conj" and x.pos in CLAIM_POS and any(
                c.dep == "mark" and c.lower == "that" for c in s.children(x)):
            break  # "said each shot would cost $2 to $4 and that some countries could have access":
            # a second reported content, "that" of its own; its hedge is not the first one's
        if x.head == x.i:
            break
        x, first = s.tokens[x.head], False
    else:
        return True  # a content clause of the predicate ("said X may happen", "is expected to") is the claim's
    head = x
    # "..., a figure that may yet rise": a clause about a noun that restates the claim
    # ("figure", "claim", "toll") speaks of the claim itself; about any other noun ("uncharted
    # territory that scientists believe could hold water"), of that noun
    noun = s.tokens[head.head]
    return head.dep in ("relcl", "acl") and noun.lemma in RESTATING


def asks(s: Sentence, head: Token) -> bool:
    """The clause under ``head`` is an indirect question ("where he may steer the company",
    "whether the dam was struck"): a wh-word or "whether"/"if" at its left edge. Its modals and
    negations are the question's, not the claim's."""
    first = min((t for t in s.subtree(head)), key=lambda t: t.i)
    return first.lower in QUESTION_WORDS and first.i < head.i


def negation_of(s: Sentence, pred: Token, a: int, b: int) -> Token | None:
    """The negator of the claim's own predicate inside [a, b), if any."""
    for t in s.tokens:
        if _in(t, a, b) and (t.dep == "neg" or (t.lower in NEGATORS and t.dep in ("det", "nsubj", "dobj", "advmod",
                                                                                   "nsubjpass", "attr"))):
            if clause_of(s, t, stop=pred).i == pred.i:
                return t
    return None


def denied(s: Sentence, neg: Token, pred: Token) -> tuple[str, ...]:
    """What a negation denies, as lemmas and as written: the negated verb and its object ("have not
    engaged in combat": engage, combat; "did not rise": rise), or the noun "no" stands before
    ("showed no visible reaction": reaction). A negated subject denies its verb ("no one was
    injured", "none of whom were hurt", "nobody died": injure, hurt, die). Never the date, place,
    figure or name both claims may share ("in March", "on Friday"), nor a light verb ("be", "have")."""
    head = _negated_subject_verb(s, neg) or (s.tokens[neg.head] if neg.dep in ("neg", "advmod", "det") else neg)
    words = [head]
    if head.pos in ("VERB", "AUX"):  # the verb's object, and what its preposition governs
        kids = list(s.children(head))
        # "does not mean COVID-19 is over": a verb with a clause denies the verb and that clause, not a
        # noun the parser hangs between them (the clause's own subject, which both claims may share)
        clause = any(c.dep == "ccomp" for c in kids)
        copula = head.lemma == "be"
        preps: list[str] = []
        for c in kids:
            if c.dep in ("dobj", "attr", "acomp", "oprd", "xcomp") and not (clause and c.dep == "dobj"):
                words.append(c)
            elif c.dep == "prep" and copula:
                # "nobody was aboard the Starship" denies being aboard, not the Starship: the
                # preposition is the predicate, and only a preposition with a meaning of its own
                # ("aboard", "inside") can be matched; "in", "on", "at" deny nothing one can find
                if c.lower in PLACING_PREPOSITIONS:
                    preps.append(c.lower)
            elif c.dep == "prep":
                words.extend(p for p in s.children(c) if p.dep == "pobj")
    out: list[str] = []
    for w in words:
        if w.pos not in _CONTENT_POS or w.lemma in _LIGHT or w.lemma in _COPULAR or w.lemma in _TIME_NOUNS:
            continue
        out += [w.lemma, w.lower]  # "begun" is matched as written and as "begin"
    if head.pos in ("VERB", "AUX"):
        out += preps
    return tuple(dict.fromkeys(out))


def denied_claim(s: Sentence, pred: Token) -> tuple[str, ...]:
    """What a reporting denial denies ("Prigozhin denied attempting a coup": attempt, coup; "The
    Kremlin denied that its troops had crossed": cross): the clause or object under the denying
    verb, read as ``denied`` reads a negated verb, so that only a claim asserting that contradicts
    it, not any claim of the same person aligned with it."""
    head = pred  # a denied clause ("denied that ...") is the predicate already (``predicate``)
    if pred.lemma in DENYING:
        head = next((c for c in s.children(pred) if c.dep in ("xcomp", "dobj")), None)
        if head is None:
            return ()
    return denied(s, head, head)


_LIGHT = frozenset({"be", "have", "do", "make", "take", "give", "get", "go"})


def _negated_subject_verb(s: Sentence, neg: Token) -> Token | None:
    """The verb whose subject the negator is ("nobody died", "none of whom were injured") or
    determines ("no one was hurt", "no soldiers were killed"), or None."""
    subject = s.tokens[neg.head] if neg.dep == "det" else neg
    if subject.dep in _SUBJECTS and subject.head != subject.i and s.tokens[subject.head].pos in ("VERB", "AUX"):
        return s.tokens[subject.head]
    return None


def denied_verb(s: Sentence, neg: Token) -> tuple[str, ...]:
    """The content verb a "not" or "never" negates, as lemma and as written ("could not hold on
    to their lead": hold), or () when it negates a light verb, a noun ("no reaction") or is a
    verb of denial itself. Two claims that share the object but not the verb ("could not hold
    on to their lead" / "squandered a 2-0 lead") are not one denied and one asserted."""
    head = _negated_subject_verb(s, neg)
    if head is None and neg.dep not in ("neg", "advmod"):
        return ()
    head = head or s.tokens[neg.head]
    if head.lemma == "be":
        # "This is not the vaccine that's going to stop malaria": a copula denies what its noun's
        # relative clause says of it (stopping malaria), not that the thing is a vaccine
        head = _relative_verb(s, head) or head
    if head.pos != "VERB" or head.lemma in _LIGHT or head.lemma in _COPULAR:  # "have not become a threat": the threat
        return ()
    return tuple(dict.fromkeys((head.lemma, head.lower)))


def _relative_verb(s: Sentence, copula: Token) -> Token | None:
    """The content verb of the relative clause on a copula's noun ("is not the man who killed
    her": kill; "the vaccine that's going to stop malaria": stop, through its light "going"), or
    None when the noun has none."""
    for attr in (c for c in s.children(copula) if c.dep == "attr"):
        for rel in (c for c in s.children(attr) if c.dep == "relcl"):
            verb = rel
            while verb.lemma in _LIGHT:
                verb = next((c for c in s.children(verb) if c.dep == "xcomp"), None)
                if verb is None:
                    return None
            return verb
    return None


def deontic(s: Sentence, pred: Token) -> bool:
    """'may not ban', 'cannot ban', 'must not': a modal with a negation on one verb forbids or
    denies; it is a negation, not a hedge."""
    kids = list(s.children(pred))
    return any(c.dep == "neg" for c in kids) and any(c.dep == "aux" and c.lemma in DEONTIC_NEGATED for c in kids)


# "Umerov reportedly said": the hedge is not the source; nor is a clause about it ("the union
# leader who had agreed to the deal, as members cheered"), read only for anonymity
_SUBJECT_OUT = frozenset({"advmod", "relcl", "acl", "advcl"})


def reporting_subject(s: Sentence, cue: str) -> tuple[str, bool, str] | None:
    """The subject of the reporting verb ``cue`` (its first word): as the source, whole and no
    more; whether the verb has a subject at all; and the whole subject, with the clauses about
    it ("who asked not to be named"). None: the parse finds no such reporting verb."""
    same = _cue_tokens(s, cue)
    # the verb, not a noun of the same word before it ("The claims are false, Ukraine claims")
    v = next((t for t in same if t.pos == "VERB"), None) or next((t for t in same if t.lemma in REPORTING), None)
    if v is None:
        return None
    subj = next((c for c in s.children(v) if c.dep in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return "", v.dep in ("ROOT", "ccomp") and not any(c.dep == "expl" for c in s.children(v)), ""
    whole = s.subtree(subj)
    toks = [t for t in whole if t.i == subj.i or not _under(s, t, subj, _SUBJECT_OUT)]
    while toks and toks[0].pos in ("PUNCT", "CCONJ"):
        toks = toks[1:]
    while toks and toks[-1].pos == "PUNCT":
        toks = toks[:-1]
    # the words kept must be one run of the sentence: a subject with a hole in it is not a name
    if toks and toks[-1].i - toks[0].i + 1 != len(toks):
        cut = next(k for k in range(1, len(toks)) if toks[k].i != toks[k - 1].i + 1)
        toks = toks[:cut]
        while toks and toks[-1].pos == "PUNCT":
            toks = toks[:-1]
    return s.span_text(toks), True, s.span_text(whole)


def own_report(s: Sentence, a: int, b: int) -> tuple[str, str, int, int, str | None, str] | None:
    """The claim in [a, b) is itself a report with its own subject ("..., a Japan Airlines
    spokesperson said, and the coast guard said its plane had been on its way"): the subject
    said what follows, whatever credits the clause before. Returns the subject's words, the
    reporting verb and the offsets of the frame (from the subject to where what was said
    starts), whom the subject cites ("Citing the interior ministry, state media say ..."), if
    anyone, and the whole subject with the clauses about it ("who asked not to be named"); None when the clause's head is no reporting verb with a subject and a
    complement inside the claim, or the subject is a pronoun or a relative word (those the
    pattern readings and "he said" resolve)."""
    top = _top(s, a, b)
    if top is None or top.lemma not in REPORTING or top.pos != "VERB":
        return None
    said = next((c for c in s.children(top) if c.dep == "ccomp" and _in(c, a, b)), None)
    subj = next((c for c in s.children(top) if c.dep == "nsubj" and _in(c, a, b)), None)
    if said is None or subj is None or subj.pos == "PRON" or subj.i > top.i:
        return None
    whole = s.subtree(subj)
    words = _plain_subject(s, subj)
    what = s.subtree(said)
    while what and what[0].dep == "mark" and what[0].lower == "that":
        what = what[1:]  # "told a broadcaster that the first clashes had taken place"
    if not words or not what:
        return None
    if what[-1].i < whole[0].i and whole[-1].i < top.i:
        # the frame at the end: "..., the country's emergency rescue services said on Thursday"
        last = max(t.end for t in s.tokens if _in(t, a, b))
        return s.span_text(words), top.lower, whole[0].start, last, None, s.span_text(whole)
    if whole[-1].i >= top.i or what[0].i <= top.i:
        return None
    start, cited = whole[0].start, None
    cite = next((c for c in s.children(top) if c.lower in ("citing", "quoting") and _in(c, a, b)), None)
    if cite is not None:
        obj = next((c for c in s.children(cite) if c.dep in ("dobj", "pobj")), None)
        if obj is None:
            return None
        cited = s.span_text([t for t in s.subtree(obj) if t.pos != "PUNCT"])
        start = min(start, cite.start)
    return s.span_text(words), top.lower, start, what[0].start, cited, s.span_text(whole)


def relayed_report(s: Sentence, cue: str) -> tuple[str, str] | None:
    """What the reporting verb ``cue`` reports is itself a report with its own subject ("coast
    guard spokesperson Yoshinori Yanagishima said the pilot had got out, the Associated Press
    reported"): that subject and its verb, the subject without the clauses about it; None
    when it is not, or the inner subject is a pronoun."""
    v = next((t for t in _cue_tokens(s, cue) if t.pos == "VERB"), None)
    if (cue or "").lower() == "according to":
        # "a senior executive said they were presumed dead ..., according to the Press
        # Association": the outlet's "according to" hangs on the verb that reports the claim
        acc = next((t for t in _cue_tokens(s, cue) if t.dep == "prep"), None)
        if acc is None:
            return None
        inner = s.tokens[acc.head]
        if inner.lemma not in REPORTING and inner.dep == "ccomp":
            inner = s.tokens[inner.head]  # hung on what was said: the verb that says it
        said = inner.i != acc.i and inner.lemma in REPORTING and inner.pos == "VERB" and any(
            c.dep == "ccomp" for c in s.children(inner))
    elif v is None:
        return None
    else:
        inner = next((c for c in s.children(v) if c.dep == "ccomp" and c.lemma in REPORTING and c.pos == "VERB"), None)
        said = inner is not None and any(c.dep == "ccomp" for c in s.children(inner))  # what the inner verb says
        head = s.tokens[v.head]
        if inner is None and v.dep in ("ccomp", "parataxis") and head.i < v.i and head.lemma in REPORTING \
                and head.pos == "VERB":
            # the outlet's frame at the end, which the parse hangs under the inner verb; what was
            # said hangs under either of the two verbs
            inner = head
            said = any(c.dep == "ccomp" for c in (*s.children(inner), *s.children(v)) if c.i != v.i)
    if inner is None or not said:
        return None
    subj = next((c for c in s.children(inner) if c.dep == "nsubj"), None)
    if subj is None or subj.pos == "PRON":
        return None
    words = _plain_subject(s, subj)
    return (s.span_text(words), inner.lower) if words else None


_CLAUSES = frozenset({"acl", "relcl", "ccomp", "advcl"})


def statement_time(s: Sentence, cue: str | None) -> str | None:
    """When the source made the statement, from the words the reporting verb ``cue`` governs:
    "Umerov said on Nov. 5", "the ministry claimed last Tuesday", "Earlier this week the
    Pentagon said"; lower case, None when the frame gives no time."""
    v = next((t for t in _cue_tokens(s, cue or "") if t.pos == "VERB"), None)
    if v is None:
        return None
    # a time after the words said is more often theirs, hung on the wrong verb ("said in a
    # statement that the quake hit at 11:11 p.m. on Friday"): only one before them counts
    said = [t.i for c in s.children(v) if c.dep == "ccomp" and c.i > v.i for t in s.subtree(c)]
    for c in s.children(v):
        if said and c.i > min(said):
            continue
        if c.dep == "npadvmod" or (c.dep == "prep" and c.lower in ("on", "in", "during")):
            # the phrase's own words, not a clause inside it ("in a statement that the quake hit ...")
            words = [w for w in s.subtree(c) if not _under(s, w, c, _CLAUSES)]
            if any(w.lower in STATEMENT_TIMES for w in words):
                return " ".join(w.lower for w in words)
    return None


def _plain_subject(s: Sentence, subj: Token) -> list[Token]:
    """The source a subject names, without the clauses and appositive modifiers about it
    ("Tamer Ramadan, who heads a delegation of the Red Cross, said": Tamer Ramadan): the first
    run of its words, no punctuation at its end; none when its head is not in that run."""
    words = [t for t in s.subtree(subj) if t.i == subj.i or not _under(s, t, subj, _SUBJECT_OUT)]
    words = words[:next((k for k in range(1, len(words)) if words[k].i != words[k - 1].i + 1), len(words))]
    while words and words[-1].pos == "PUNCT":
        words = words[:-1]
    return words if any(t.i == subj.i for t in words) else []


def aside_report(s: Sentence, cue: str, a: int, b: int) -> bool:
    """The reporting verb ``cue`` heads a clause of time or reason about another ("Israel hit
    back, as Iranian media reported explosions"; "..., after officials said ...") and lies
    outside the claim's predicate in [a, b): its source said what that clause says, not what
    the claim's own verb does."""
    v = next((t for t in _cue_tokens(s, cue) if t.pos == "VERB"), None)
    if v is None or v.dep != "advcl" or not any(c.dep == "mark" and c.lower in ASIDE_MARKS
                                               for c in s.children(v)):
        return False
    pred = predicate(s, a, b)
    return pred is not None and pred.i != v.i and v not in list(s.ancestors(pred))


def adjectival(s: Sentence, cue: str) -> bool:
    """The reporting word ``cue`` (its first word) stands in the sentence only as a modifier of a
    noun ("The confirmed death toll had passed 5,300"): a word about the noun, no verb of saying,
    and the words before it are no source."""
    same = _cue_tokens(s, cue)
    return bool(same) and all(t.dep == "amod" for t in same)


def _cue_tokens(s: Sentence, cue: str) -> list[Token]:
    """The tokens of the sentence written as the cue's first word."""
    words = (cue or "").split()
    return [t for t in s.tokens if t.lower == words[0].lower()] if words else []


def _under(s: Sentence, t: Token, top: Token, out: frozenset[str]) -> bool:
    """``t`` hangs from ``top`` through a relation in ``out``, at any depth."""
    x = t
    while x.i != top.i and x.head != x.i:
        if x.dep in out:
            return True
        x = s.tokens[x.head]
    return False


def subject_name(s: Sentence) -> str | None:
    """The last proper name the sentence has as a subject ("Bankman-Fried took the stand"), as
    written, with the names compounded to it ("Caroline Ellison")."""
    found = None
    for t in s.tokens:
        if t.dep not in ("nsubj", "nsubjpass"):
            continue
        if t.pos != "PROPN":
            # "SpaceX founder and CEO Elon Musk congratulated the team", "The company's chief,
            # Elon Musk, said": a role, with the person's name joined or set beside it
            t = next((c for c in s.children(t) if c.dep in ("conj", "appos") and c.pos == "PROPN"
                      and any(g.dep == "compound" and g.pos == "PROPN" for g in s.children(c))), None)
            if t is None:
                continue
        found = _compound_name(s, t) or found
    return found


def _compound_name(s: Sentence, t: Token) -> str | None:
    """``t`` with the proper names compounded to it before it ("Caroline Ellison"), as written;
    None when they are not one run of words."""
    name = [c for c in s.children(t) if c.dep == "compound" and c.pos == "PROPN" and c.i < t.i] + [t]
    if all(name[k].i + 1 == name[k + 1].i for k in range(len(name) - 1)):
        return s.span_text(name)
    return None


def main_subject_name(s: Sentence, before: int, known: Collection[str] | None = ()) -> str | None:
    """The proper name that is the subject of the sentence's main verb, when it ends before
    ``before`` ("Zelenskyy, in his nightly address, thanked allies who, he said, ..."): as
    written, with the names compounded to it; None otherwise. A capitalised word the tagger
    took for a common noun counts when it is one of the ``known`` names (a surname named
    before in full), or whatever it is when ``known`` is None."""
    root = next((t for t in s.tokens if t.head == t.i), None)
    subj = None if root is None else next((c for c in s.children(root) if c.dep in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.end > before:
        return None
    word = s.text[subj.start:subj.end]
    if subj.pos != "PROPN" and not (subj.pos == "NOUN" and word[:1].isupper() and (known is None or word in known)):
        return None
    return _compound_name(s, subj)


def proper_names(s: Sentence) -> list[str]:
    """Every run of two or more proper nouns in the sentence, as written ("Caroline Ellison",
    "Alameda Research"): the names a following "he" or "she" might point back to."""
    out, run = [], []
    for t in list(s.tokens) + [None]:
        if t is not None and t.pos == "PROPN" and (not run or run[-1].i + 1 == t.i):
            run.append(t)
            continue
        if len(run) >= 2:
            out.append(s.span_text(run))
        run = [t] if t is not None and t.pos == "PROPN" else []
    return out


_PREMODIFIER = frozenset({"compound", "nmod", "amod", "nummod"})


def _span(s: Sentence, a: int, b: int) -> tuple[list[Token], set[int], list[Token]]:
    """The tokens inside [a, b), their indexes, and the ones whose head lies outside (the span's tops)."""
    toks = [t for t in s.tokens if _in(t, a, b)]
    inside = {t.i for t in toks}
    return toks, inside, [t for t in toks if t.head not in inside or t.head == t.i]


def names_noun(s: Sentence, a: int, b: int) -> bool:
    """The words in [a, b) (a date) stand before a common noun and name it by its day ("over the
    Oct. 1 salvo", "at the 2019 polls", "the Sept. 11 attacks"): the date of that thing, not of
    the claim's event. A date after a preposition or beside the verb ("on Oct. 1", "fired
    missiles Oct. 1") and a possessive ("Saturday's strikes", the news itself) are the claim's."""
    toks, _, tops = _span(s, a, b)
    if len(tops) != 1:
        return False
    top = tops[0]
    head = s.tokens[top.head]
    return top.dep in _PREMODIFIER and head.pos == "NOUN" and head.i > toks[-1].i


_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_HOLDER_OUT = frozenset({"relcl", "acl", "advcl", "prep", "punct", "cc"})  # "The NDA, which the BJP leads,"


def holder(s: Sentence, a: int, b: int) -> str | None:
    """Whose figure the words in [a, b) give: the named subject of the verb the figure hangs
    from ("the NDA had taken 294 seats": the NDA; "The BJP took 240": the BJP; "Mbappe scored
    three goals": Mbappe), as its proper words. None when the figure is itself
    the subject ("8,574 people died"), when the subject names no one, or when the verb only
    counts or reports it ("Reuters counted 300 bodies": a source, not a holder)."""
    toks, inside, tops = _span(s, a, b)
    if not toks:
        return None
    x = tops[0] if tops else toks[0]
    path = []  # the tokens from the figure up to the verb, the verb left out
    while x.pos not in CLAIM_POS:
        if x.dep in _SUBJECTS or x.head == x.i:
            return None  # the figure is (in) the subject, or hangs from no verb
        path.append(x)
        x = s.tokens[x.head]
    named = _named_beside(s, x, path)
    if named is not None:
        return named
    if _absolute(s, path):
        return None
    if x.lemma in REPORTING or x.lemma in COUNTING_VERBS:
        return None
    verb = x
    if verb.dep in ("aux", "auxpass"):
        verb = s.tokens[verb.head]
    subjects = [c for c in s.children(verb) if c.dep in _SUBJECTS]
    if not subjects and verb.dep in ("conj", "advcl", "xcomp"):
        # "had won or was ahead in 239": the first verb's subject; "The BJP consolidated its lead,
        # winning 240": the subject of the verb the participle hangs from
        subjects = [c for c in s.children(s.tokens[verb.head]) if c.dep in _SUBJECTS][:1]
    if not subjects or any(x.i in inside for x in subjects):
        return None
    # every subject the parser hangs on the verb: "The main opposition Indian National Congress
    # won 99 seats" is parsed with two ("opposition", "Congress"), and the name is in the second
    names = [s.text[t.start:t.end] for subj in subjects for t in s.subtree(subj, without=_HOLDER_OUT)
             if t.pos == "PROPN"]
    return " ".join(names) or None


def _absolute(s: Sentence, path: list[Token]) -> bool:
    """The figure is in an absolute phrase, "with <figure> <participle>" ("with 97.6% of votes
    counted, Milei had 55.8%"): how far a count had gone, the state of things, not the subject's
    figure ("Lai won, with 40% of the vote" is Lai's)."""
    if not path or path[-1].dep != "prep" or path[-1].lower != "with":
        return False
    obj = s.child(path[-1], "pobj")
    if obj is None:
        return False
    under = s.subtree(obj)
    if any(t.dep == "acl" and t.tag == "VBN" for t in under):
        return True
    # the parser also hangs the participle on a verb higher up ("... with 86.59 percent of the
    # votes counted": "counted" an advcl of the main verb); it still comes right after the phrase
    after = max(t.i for t in under) + 1
    return after < len(s.tokens) and s.tokens[after].tag == "VBN"


_STANDING = frozenset({"at", "on"})  # "with Hou at 33.5%", "put Sheinbaum at 58.3%"
_GAPPED = _STANDING | {"for", "with"}  # "and Suzu for 22", "and Ko with 26.5%"
_BESIDE = frozenset({"dobj", "conj", "appos"})


def _proper(s: Sentence, t: Token) -> str:
    return " ".join(s.text[w.start:w.end] for w in s.subtree(t, without=_HOLDER_OUT) if w.pos == "PROPN")


def _named_beside(s: Sentence, verb: Token, path: list[Token]) -> str | None:
    """A figure told beside a name rather than as its subject's: the name the figure's own
    phrase stands with. "Lai took 40%, with Hou at 33.5%" (Hou's), "The count put Sheinbaum at
    58.3%" (Sheinbaum's): a phrase "at / on N" that hangs from the verb, after a name that hangs
    from it too (its object, a name joined to its subject, the object of "with") with nothing
    between. "Wajima accounted for 39 and Suzu for 22" (Suzu's): the phrase hangs from a name
    joined to another, the gapped clause's subject. The parser hangs these flat on the verb or
    on the first figure, so the verb's subject would be read as every figure's holder. None
    when the figure stands beside no such name."""
    if not path:
        return None
    top = path[-1]
    for prep, name in zip(path, path[1:]):
        if prep.dep == "prep" and prep.lower in _GAPPED and name.dep == "conj" and name.pos == "PROPN":
            return _proper(s, name)
    if top.dep != "prep" or top.lower not in _STANDING:
        return None
    before = [c for c in s.children(verb) if c.i < top.i and c.dep not in ("punct", "cc")]
    if not before:
        return None
    last = max(before, key=lambda c: c.i)
    if last.dep == "prep" and last.lower == "with":
        last = s.child(last, "pobj")
    elif last.dep not in _BESIDE:
        return None
    if last is None:
        return None
    return _proper(s, last) or None


def event_verb(s: Sentence, a: int, b: int) -> str | None:
    """The lemma of the verb the words in [a, b) (a date) hang from: what happened on that day
    ("was sentenced on Friday": sentence; "the jury needed three hours on Thursday": need).
    None when no verb is above it."""
    toks, inside, tops = _span(s, a, b)
    if not toks:
        return None
    x = tops[0] if tops else toks[0]
    seen = set()
    while x.i in inside or x.pos not in CLAIM_POS:
        if x.head == x.i or x.i in seen:
            return None
        seen.add(x.i)
        x = s.tokens[x.head]
    if x.pos == "AUX" and x.dep in ("aux", "auxpass"):
        x = s.tokens[x.head]
    if x.lemma in _LIGHT:
        # "went on strike on Friday", "took office on Monday": a light verb's event is its noun
        noun = _light_noun(s, x)
        return noun.lemma if noun is not None else None
    if x.lemma in _COPULAR:
        # "on Thursday became the first ex-president convicted": a copular verb names no event of
        # its own; "remained missing on Tuesday": the state it keeps is what was so that day
        state = s.child(x, "acomp")
        return state.lemma if state is not None and state.pos in ("ADJ", "VERB") else None
    return x.lemma


def _light_noun(s: Sentence, verb: Token) -> Token | None:
    """The noun that names a light verb's event: its object ("took office", "made a decision") or
    what its "on" governs ("went on strike"); None for a light verb with neither ("became the
    first", "had three hours", "went into the water")."""
    if verb.lemma == "have":
        return None  # "had 412 seats", "had three hours": a having, not an event
    for c in s.children(verb):
        if c.dep == "dobj" and c.pos == "NOUN":
            return c
        if c.dep == "prep" and c.lower == "on":  # "went on strike"; "went into the water" is a going
            noun = next((p for p in s.children(c) if p.dep == "pobj" and p.pos == "NOUN"), None)
            if noun is not None:
                return noun
    return None



_COPULAR = frozenset({"become", "remain", "come", "seem", "appear"})


def pleads(s: Sentence, t: Token) -> bool:
    """``t`` is "denied" (or "rejected") with what one is accused of as its object ("denied the
    charges", "rejected the allegations"): a plea, asserted, not a negation of the charge."""
    return t.lemma in ("deny", "reject", "dispute") and any(
        c.dep == "dobj" and c.lemma in ACCUSATIONS for c in s.children(t))


_MODIFIES = frozenset({"nummod", "quantmod", "compound", "amod", "nmod", "npadvmod"})
_NOMINAL = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos", "conj", "ROOT", "dative", "oprd"})
_DYING = frozenset({"die", "perish"})


def counted(s: Sentence, a: int, b: int) -> str | None:
    """What the count in [a, b) counts, from the tree: the words from the number to the noun it
    modifies, as written ("4,700 shipping containers": "shipping containers"; "Some 400 seats
    went": "seats"); for a number that stands for what it counts, the noun of its partitive
    ("412 of 650 seats": "seats"), or "deaths" when it is the subject of dying or the killed
    ("At least 2,012 died", "the quake killed 2,012"), else "" ("412 went to Labour", "40 of
    them": it counts nothing named). None when the tree says neither."""
    toks, inside, tops = _span(s, a, b)
    nums = [t for t in tops if t.pos == "NUM"] or tops
    if not nums:
        return None
    top = nums[0]
    head = s.tokens[top.head]
    if top.dep in _MODIFIES and head.i not in inside and head.i > top.i and head.pos in ("NOUN", "PROPN"):
        between = [t for t in s.tokens if top.i < t.i <= head.i and t.i not in inside]
        if all(t.i == head.i or t.head == head.i or s.tokens[t.head].head == head.i for t in between):
            return s.text[between[0].start:head.end]
        return None
    listed = _listed_after(s, top, head)
    if listed is not None:
        return counted(s, listed.start, listed.end)
    if top.dep not in _NOMINAL:
        return None
    of = next((c for c in s.children(top) if c.dep == "prep" and c.lower == "of"), None)
    if of is None and top.dep in _SUBJECTS:
        # "Of the dead, 39 were in Wajima": the partitive fronted, hung on the verb before its subject
        of = next((c for c in s.children(head) if c.dep == "prep" and c.lower == "of" and c.i < top.i), None)
    if of is not None:
        obj = next((c for c in s.children(of) if c.dep == "pobj"), None)
        return s.text[obj.start:obj.end] if obj is not None and _nominal(s, obj) else ""
    if top.dep in ("nsubj", "nsubjpass", "dobj") and head.i != top.i:
        # "23 killed", "were killed", "the quake killed at least 2,012": the killed
        killed = head.lemma == "kill" and (top.dep != "nsubj" or head.dep == "pcomp" or head.tag == "VBN")
        if head.lemma in _DYING or killed:
            return "deaths"
    return ""


def _nominal(s: Sentence, t: Token) -> bool:
    """A noun, or an adjective or participle made one by its determiner ("the dead", "the 72
    dead", "the injured")."""
    return t.pos == "NOUN" or t.pos in ("ADJ", "VERB") and any(c.dep == "det" for c in s.children(t))


def _listed_after(s: Sentence, top: Token, head: Token) -> Token | None:
    """The first figure of a list that the figure ``top`` is a later item of, its clause gapped:
    "39 were in Wajima and 23 in Suzu" (23 hangs as a conjunct on the verb whose subject is 39),
    "Wajima accounted for 39 of the 72 dead and Suzu for 22" (22 hangs from "for" under the name
    joined to 39). The later items count what the first counts. None when it is no such item."""
    if top.dep == "conj" and head.pos in CLAIM_POS:
        first = next((c for c in s.children(head) if c.dep in _SUBJECTS), None)
        if first is not None and first.pos == "NUM" and first.i < top.i:
            return first
    if top.dep == "pobj" and head.dep == "prep" and head.lower in _GAPPED:
        name = s.tokens[head.head]
        first = s.tokens[name.head]
        if name.dep == "conj" and name.pos == "PROPN" and first.pos == "NUM" and first.i < top.i:
            return first
    return None


# nouns that name how fast a measure runs, not what it measures
_PACES = frozenset("rate pace clip".split())
_PERIODIC = frozenset("annual annualised annualized monthly yearly quarterly weekly daily".split())

# nouns that name a level a measure reaches, not what it measures
_LEVELS = frozenset("high low peak record level maximum minimum".split())


def measured(s: Sentence, a: int, b: int) -> str | None:
    """What the measure in [a, b) (a share, a mass, a length) measures, as its noun written: the
    noun it is "of" ("crude steel output of about 44 million tons": output), or the subject of
    the verb of state or change it hangs from ("Unemployment rose to 4.3%": Unemployment; "the
    group's combined capacity is projected to climb to 86 million tons": capacity). None when
    the tree says neither ("Households are spending 90% more": households do not measure)."""
    toks, inside, tops = _span(s, a, b)
    if len(tops) != 1:
        return None
    x = tops[0]
    if x.dep == "pobj" and s.tokens[x.head].lower == "of":
        noun = s.tokens[s.tokens[x.head].head]
        if noun.pos != "NOUN" or noun.i in inside:
            return None
        if noun.lemma in _PACES and all(c.lower in _PERIODIC for c in s.children(noun)
                                        if c.dep in ("compound", "amod", "nmod", "poss")):
            # "inflation at an annual rate of 2.6%": a rate of what the phrase it is in hangs from
            # ("the jobless rate of 4.1%" names its measure)
            owner = s.tokens[s.tokens[noun.head].head] if noun.dep == "pobj" else None
            if owner is not None and owner.pos == "NOUN" and owner.i not in inside:
                return s.text[owner.start:owner.end]
            return None
        if noun.lemma not in _LEVELS:
            return s.text[noun.start:noun.end]
        x = noun  # "reached a record high of 16.5%": a level, of what its verb's subject measures
    while x.pos not in CLAIM_POS:
        if x.dep in _SUBJECTS or x.head == x.i:
            return None
        x = s.tokens[x.head]
    if x.lemma not in MEASURE_VERBS:
        return None
    verb = x
    while True:  # "is projected to climb": the subject is the raising verb's
        subj = next((c for c in s.children(verb) if c.dep in _SUBJECTS), None)
        if subj is not None:
            if subj.pos != "NOUN" or subj.i in inside:
                return None
            mods = [c for c in s.children(subj) if c.dep in ("compound", "amod") and c.i < subj.i]
            return s.text[(mods[0] if mods else subj).start:subj.end]  # "the jobless rate": jobless rate
        if verb.dep != "xcomp" or verb.head == verb.i:
            return None
        verb = s.tokens[verb.head]


def coordinates_clause(s: Sentence, offset: int, subject: bool = False) -> bool | None:
    """Whether the conjunct that starts at ``offset`` (after ", and") is a clause: the word the
    coordinator joins is a verb ("took the town, and the rebels fled": fled), not a noun ("had
    a right, and a duty, to defend itself": duty). None when the parse shows no coordinator there.
    With ``subject`` (a coordinator with no comma before it), only a verb with a subject of its
    own is a clause: "was elected president but the party lost control" is two, "sat and wrote"
    and "rose but fell back" are one."""
    first = next((t for t in s.tokens if t.start >= offset), None)
    if subject:
        cc = next((t for t in reversed(s.tokens) if t.end <= offset), None)
        if first is None or cc is None or cc.dep != "cc":
            return None
        head = s.tokens[cc.head]
        return any(t.dep == "conj" and t.head == head.i and t.i > cc.i and t.pos in CLAIM_POS
                   and head.pos in CLAIM_POS
                   and any(c.dep in ("nsubj", "nsubjpass", "expl") for c in s.children(t)) for t in s.tokens)
    # ", whereas the ministry put the count at 1.12 million": a contrasting clause, marked as
    # subordinate, with a verb of its own
    mark = next((t for t in reversed(s.tokens) if t.end <= offset), None)
    if first is not None and mark is not None and mark.dep == "mark" and not s.text[mark.end:first.start].strip():
        return s.tokens[mark.head].pos in CLAIM_POS and s.tokens[mark.head].i >= first.i
    cc = next((t for t in reversed(s.tokens) if t.dep == "cc" and t.end <= offset), None)
    if first is None or cc is None or s.text[cc.end:first.start].strip():
        return None
    conj = next((t for t in s.tokens if t.i > cc.i and t.dep == "conj" and t.head == cc.head), None)
    if conj is None:
        return None
    if conj.pos in CLAIM_POS:
        return True
    # "in the capital, Nairobi, and at least five people have reportedly died": the parser joins
    # "people" to "Nairobi" but "died" to the first verb; a verb after the coordinator joined to
    # a verb before it, with an auxiliary or a subject of its own, is a clause
    return any(t.i > cc.i and t.dep == "conj" and t.pos in CLAIM_POS and s.tokens[t.head].i < cc.i
               and any(c.dep in ("aux", "auxpass", "nsubj", "nsubjpass") for c in s.children(t))
               for t in s.tokens)


_NEEDING = frozenset({"need", "require"})


def forecast(s: Sentence, a: int, b: int) -> bool:
    """The figure in [a, b) is what someone expected, forecast or projected, not what happened:
    a verb of forecasting governs it ("the authorities were expecting 550,000 demonstrators",
    "prices are expected to rise 3%", "economists had forecast a gain of 150,000"), up to the
    first verb of saying ("officials said 2 million marched" is a count). A verb told in the
    future under "likely" is one too ("it was likely that five units would be deployed"); the
    future alone is not ("the acquisition will lift capacity to 86 million tons" is the deal's
    terms, compared with the same terms elsewhere)."""
    toks, inside, tops = _span(s, a, b)
    if not tops:
        return False
    future = False
    for x in (tops[0], *s.ancestors(tops[0])):
        if x.pos in CLAIM_POS and x.lemma in FORECAST_VERBS:
            return True
        if x.pos in CLAIM_POS and any(c.dep == "aux" and c.lower in FUTURE_AUX for c in s.children(x)):
            future = True
        if future and (x.lemma in LIKELY or any(c.lemma in LIKELY and c.dep in ("acomp", "advmod")
                                                 for c in s.children(x))):
            return True
        if x.pos in CLAIM_POS and x.lemma in REPORTING:
            return False
    return False


_CONDITIONAL = frozenset({"would", "could", "might"})


def counterfactual(s: Sentence, a: int, b: int) -> bool:
    """The figure in [a, b) is of what would have been, not of what was: its verb is in the
    conditional perfect under a condition ("inflation would have risen to around 13.8% had the
    government not intervened", "the toll could have been 50,000 without the warning"): the
    figure's own verb, not one it hangs under. It is compared only with another such figure, never with the one that came about."""
    toks, inside, tops = _span(s, a, b)
    if not tops:
        return False
    verb = next((x for x in (tops[0], *s.ancestors(tops[0])) if x.pos in CLAIM_POS), None)
    if verb is not None and _inverted_had(s, verb):
        verb = s.tokens[verb.head]  # "prices would have risen 5% had wages ...": 5% parsed under "had"
    if verb is None or verb.tag != "VBN":
        return False  # only the figure's own verb: "... had the government not intervened to limit bills to £2,500" is so
    auxes = [c.lower for c in s.children(verb) if c.dep in ("aux", "auxpass")]
    if not ("have" in auxes and any(w in _CONDITIONAL for w in auxes)):
        return False
    # and a condition it would have been under: "had the government not intervened", "if the
    # cap had not been set", "without the cap" ("under the deal, pay would have risen 25%" is the
    # rejected deal's terms, which the deal's other reports give as they are)
    for c in s.children(verb):
        if c.dep == "advcl":
            kids = list(s.children(c))
            subj = next((k for k in kids if k.dep in _SUBJECTS), None)
            if any(k.dep == "mark" and k.lower in ("if", "unless") for k in kids) or any(
                    k.dep == "aux" and k.lower == "had" and subj is not None and k.i < subj.i for k in kids):
                return True
        if _inverted_had(s, c):
            return True
        if c.dep == "prep" and c.lower in ("without", "but"):
            return True
    return False


def _inverted_had(s: Sentence, t: Token) -> bool:
    """``t`` is the "had" of an inverted condition after its verb ("would have risen had the
    government not intervened"), which the parser hangs as a clause, a conjunct or a loose
    dependent of the verb, with the condition's clause under it."""
    return t.lower == "had" and t.dep in ("advcl", "conj", "dep") and t.head < t.i and any(
        k.dep == "ccomp" and k.i > t.i for k in s.children(t))


def threshold(s: Sentence, a: int, b: int) -> bool:
    """The count in [a, b) is a bar to reach, not a result: it, or the noun it counts, is what is
    "needed" or "required" ("the 272 seats needed to secure a majority", "the 272 required to
    form a government")."""
    toks, inside, tops = _span(s, a, b)
    if not tops:
        return False
    top = tops[0]
    holder = s.tokens[top.head] if top.dep in _MODIFIES and top.head not in inside else top
    return any(c.dep in ("acl", "amod") and c.lemma in _NEEDING for c in s.children(holder))


_FIGURE_ARGS = frozenset({"nsubj", "nsubjpass", "dobj", "attr"})


def figure_places(s: Sentence, a: int, b: int) -> tuple[str, ...]:
    """Where the figure in [a, b) is of: the proper names after "in", "across", "throughout" or
    "inside" in its own phrase ("23 in Suzu", "killed five people in St. Lucie County", "at least
    two of them in the Spanish Lakes Communities") or, when its phrase names none and it is its
    verb's subject or object, beside that verb ("39 were in Wajima", "In St. Lucie County, four
    people died"). A claim can hold a total and its parts in other places; each figure's own
    place is its scope, not every place the claim names. Empty when no place is named there."""
    toks, inside, tops = _span(s, a, b)
    if not toks:
        return ()
    x = tops[0] if tops else toks[0]
    phrase = [x]
    if x.dep in ("nummod", "quantmod", "compound") and x.head != x.i:
        phrase.append(s.tokens[x.head])  # "five people": the noun the number counts
    found = [name for t in phrase for name in _places_under(s, t)]
    if not found:
        top = phrase[-1]
        if top.dep in _FIGURE_ARGS and top.head != top.i and s.tokens[top.head].pos in CLAIM_POS:
            found = _places_under(s, s.tokens[top.head])
    return tuple(sorted(set(found)))


def _places_under(s: Sentence, t: Token) -> list[str]:
    """The proper names after a place preposition that hangs from ``t``."""
    out = []
    for prep in s.children(t):
        if prep.dep != "prep" or prep.lower not in PLACE_PREPS:
            continue
        obj = s.child(prep, "pobj")
        while obj is not None and obj.pos == "PROPN":  # "in Turkey and Syria": each name joined
            words = [w for w in s.subtree(obj, without=_PLACE_OUT) if w.pos == "PROPN" and w.i <= obj.i]
            out.append(" ".join(s.text[w.start:w.end] for w in words).lower())
            obj = s.child(obj, "conj")
    return out


_PLACE_OUT = _HOLDER_OUT | {"conj", "appos"}
