"""What a sentence's parse says about one claim in it: its predicate, whether a negation or a
hedge belongs to that predicate or to a clause under another word, what a negation denies,
who the reporting verb's subject is, and whether the sentence claims anything at all.

Offsets are into the sentence. Every reading here is a veto or a correction of the pattern
readings in attribution.py and stance.py, placed where the tree knows better than a window of
words: the scope of a negation or a hedge, and the edges of a source's noun phrase.
"""

from __future__ import annotations

from .lexicon import CLAIM_POS, CLAUSAL, DEONTIC_NEGATED, NEGATORS, NOUN_POS, REPORTING, RESTATING, SAYING_NOUNS
from .parse import Sentence, Token

# what names when, where, who or how many: the shared frame of two claims, never what a
# negation denies ("did not rise in March" / "were stable in March", "on Friday")
_CONTENT_POS = frozenset({"NOUN", "VERB", "ADJ"})  # not PROPN (a name, a place, a month) nor NUM
_TIME_NOUNS = frozenset("day days week weeks month months year years morning afternoon evening night weekend "
                        "today yesterday tomorrow tonight hour hours time".split())


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
    toks = [t for t in s.tokens if _in(t, a, b) and t.pos not in _FUNCTION]  # not the "and" that joins it
    if not toks:
        return None
    top = min(toks, key=lambda t: (_depth(s, t), t.i))
    seen = set()
    while top.lemma in REPORTING and top.i not in seen:
        seen.add(top.i)
        inner = next((c for c in s.children(top) if c.dep == "ccomp" and _in(c, a, b)), None)
        if inner is None:
            break
        top = inner
    return top


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
    ("did not say whether ..."), not of a clause under another word ("a route the UN may use")."""
    if t.dep in ("amod", "acl") and t.pos == "ADJ":
        return False  # "remarks likely to irk Beijing": it hedges the noun's modifier
    above = {x.i for x in s.ancestors(pred)}
    x, first = t, True
    while x.i != pred.i and x.i not in above:
        if not first and x.dep in CLAUSAL and x.dep not in CONTENT and not (
                x.dep == "acl" and s.tokens[x.head].lemma in SAYING_NOUNS):
            break  # a relative, adverbial or prepositional clause: its own
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
    ("showed no visible reaction": reaction). Never the date, place, figure or name both claims
    may share ("in March", "on Friday"), nor a light verb ("be", "have")."""
    head = s.tokens[neg.head] if neg.dep in ("neg", "advmod", "det") else neg
    words = [head]
    if head.pos in ("VERB", "AUX"):  # the verb's object, and what its preposition governs
        for c in s.children(head):
            if c.dep in ("dobj", "attr", "acomp", "oprd", "xcomp"):
                words.append(c)
            elif c.dep == "prep":
                words.extend(p for p in s.children(c) if p.dep == "pobj")
    out = []
    for w in words:
        if w.pos not in _CONTENT_POS or w.lemma in _LIGHT or w.lemma in _TIME_NOUNS:
            continue
        out += [w.lemma, w.lower]  # "begun" is matched as written and as "begin"
    return tuple(dict.fromkeys(out))


_LIGHT = frozenset({"be", "have", "do", "make", "take", "give", "get", "go"})


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
    word = cue.split()[0].lower() if cue and cue.split() else ""
    v = next((t for t in s.tokens if t.lower == word and (t.lemma in REPORTING or t.pos == "VERB")), None)
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
        if t.dep in ("nsubj", "nsubjpass") and t.pos == "PROPN":
            name = [c for c in s.children(t) if c.dep == "compound" and c.pos == "PROPN" and c.i < t.i] + [t]
            if all(name[k].i + 1 == name[k + 1].i for k in range(len(name) - 1)):
                found = s.span_text(name)
    return found
