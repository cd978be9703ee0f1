"""Cut a document into sentences, and sentences into atomic claims, as char spans.

Sentences: each line of prose (a paragraph; not a headline, byline, caption or other page
furniture, see ``is_furniture``) is split by pysbd, which keeps
"U.S.", "Oct. 4", "$7.1 billion" and quotations whole. Claims: a sentence that joins
separate assertions ("...; ...", "..., and the remainder could soon join...",
"while X did not..., Y confirmed...") is cut where the right-hand part is a clause of
its own. Every span is (start, end) into the document text, trimmed of white space
and Markdown markers.
"""

from __future__ import annotations

from typing import Callable

import re
from functools import lru_cache

from .lexicon import FURNITURE_OPENINGS, HEADLINE_WORDS, PHOTO_CREDIT

Span = tuple[int, int]

_MARKDOWN_LEAD = re.compile(r"(?:#{1,6}\s+|[-*+]\s+|>\s*|\d+[.)]\s+)+")
# a finite verb or auxiliary: enough to tell a clause from a list item or an apposition
VERB = re.compile(
    r"\b(?:is|are|was|were|be|been|being|has|have|had|will|would|can|could|may|might|must|should|shall|"
    r"do|does|did|says?|said|told|tells|remains?|seems?|appears?|[a-z]{3,}ed|began|begun|went|came|took|made|fought|left|met|sent|won|lost|held|gave|saw|found|kept|brought|struck|ran|led|rose|fell|grew|knew|thought|got|hit|paid|built|sold|spent|stood|flew|drove|became|wrote|spoke|broke|chose|shot|understood)\b",
    re.I,
)
# the same without "-ed", which is as often an adjective ("armoured vehicles") as a verb
_FINITE = re.compile(VERB.pattern.replace("|[a-z]{3,}ed", ""), re.I)
_COORD = re.compile(r"(?:,\s+(?:and|but|while|whereas|where|though|although|yet)\s+|;\s+)")
# "Lai has been elected president but the party has lost its majority": a contrast with no comma
# before it cuts only where the parse gives the verb after it a subject of its own
BARE_COORD = r"but|yet|whereas|and"
_BARE = re.compile(rf"(?<=\w)\s+(?:{BARE_COORD})\s+(?=\w)")
# "..., he said, adding that ...": a second thing said, after the first one's speech verb.
# extract strips these words (not "urging", "calling on": what is urged is no claim) from the claim
ADDED_SPEECH = r"adding|saying|warning|noting|arguing|insisting|stressing"
_SPEECH_TAIL = re.compile(rf",\s+(?:{ADDED_SPEECH}|urging|calling on)\b|,?\s+and\s+(?:said|added)\s+(?=that\b|it\b|the\b|a\b|an\b|he\b|she\b|they\b|we\b|[\"“])", re.I)
# ('Biden told reporters Israel gave him notice and said it looked like ...': the second thing said)
# "..., a crew of 22, none of whom were injured": what is said of some of them is a claim
_OF_WHOM = re.compile(r",\s+(?:none|all|most|many|some|few|one|two|three|both|several|each|neither|half)\s+of\s+(?:whom|which)\b", re.I)
_SPEECH_VERB = re.compile(r"\b(?:said|says|told|tells|stated|declared|announced|reported|reports|wrote|writes)\b", re.I)
_SUBORD_START = re.compile(r"(?:and\s+|but\s+)?(?:while|although|though|whereas)\b", re.I)
_WORD = re.compile(r"[\w'’-]+")
_ALNUM = re.compile(r"[^\W_]")  # a sentence has a letter or a digit: "---" and "* * *" are not sentences
MIN_CLAUSE_WORDS = 4


@lru_cache(maxsize=1)
def _segmenter():
    import pysbd

    return pysbd.Segmenter(language="en", clean=False)


# pysbd's time grows with the square of a line's length (each abbreviation it finds rescans
# the line): a line longer than this is cut first, where a sentence surely ends (a word of
# three lower-case letters, a full stop, a capital), else at a space
MAX_CHUNK = 2000
_SURE_END = re.compile(r"(?<=[a-z]{3}[.!?])[\"”’)\]]*\s+(?=[\"“‘(]?[A-Z])")


def _chunks(line: str) -> list[tuple[int, int]]:
    """(start, end) pieces of ``line``, each at most about MAX_CHUNK long, cut between sentences."""
    if len(line) <= MAX_CHUNK:
        return [(0, len(line))]
    out, start = [], 0
    while len(line) - start > MAX_CHUNK:
        limit = start + MAX_CHUNK
        cut = None
        for m in _SURE_END.finditer(line, start + MAX_CHUNK // 4, limit):
            cut = m.end()
        if cut is None:
            space = line.rfind(" ", start + 1, limit)
            cut = space + 1 if space > start else limit
        out.append((start, cut))
        start = cut
    out.append((start, len(line)))
    return out


_FURNITURE_OPENING = re.compile(rf"\W*(?:{FURNITURE_OPENINGS})", re.I)
_PHOTO_CREDIT = re.compile(PHOTO_CREDIT, re.I)
_LIST_ITEM = re.compile(r"\s*(?:[-*+\u2022\u25aa\u00b7]|\d+[.)])\s")
_LINE_END = re.compile(r"[.!?\u2026\"\u201d\u2019'):;]$")


def _ends_as_sentence(line: str) -> bool:
    """The line's last mark (after any Markdown emphasis) ends a sentence."""
    return bool(_LINE_END.search(line.strip().rstrip("*_ \t")))


def is_furniture(line: str) -> bool:
    """A line of page furniture rather than prose (``lexicon.FURNITURE_OPENINGS``): a caption,
    a credit, a prompt or a link to another story, a photo's credit, or a line too short to be
    a paragraph that does not end as a sentence does (a headline, a subhead, a byline, a menu
    entry). A list item is prose: a report's "key points" are claims."""
    if _FURNITURE_OPENING.match(line) or _PHOTO_CREDIT.search(line):
        return True
    if _LIST_ITEM.match(line):
        return False
    return not _ends_as_sentence(line) and len(_WORD.findall(line)) <= HEADLINE_WORDS


_CONTINUES = re.compile(r"\s*[a-z]")
# a line that ends on a word no sentence ends on goes on in the next, whatever its first letter
# ("... found guilty on" / "Thursday of stealing ...")
_OPEN_END = re.compile(r"\b(?:a|an|the|of|to|in|on|for|with|by|at|from|into|and|or|but|as|that|than|his|her|its|their)$", re.I)


def paragraphs(text: str) -> list[Span]:
    """Each line of ``text`` as a (start, end) span, but a line that does not end as a sentence
    ends and is followed by one that starts in lower case, or that ends on a word no sentence
    ends on ("for", "the", "and"), is one paragraph with the next: text
    wrapped at a fixed width (a wire's plain copy, an e-mail) is read as its paragraphs, not
    as the pieces of them that each line holds ("The Federal Reserve cut" / "interest rates
    by half of a percentage point on Wednesday,")."""
    out: list[Span] = []
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        if out and line.strip():
            a, b = out[-1]
            before = text[a:b].rstrip()
            if before and (_CONTINUES.match(line) or _OPEN_END.search(before)) and not _ends_as_sentence(before):
                out[-1] = (a, end)
                continue
        out.append((start, end))
    return out


def sentences(text: str) -> list[Span]:
    """Sentence spans of ``text``, in order, never overlapping. Lines of page furniture
    (``is_furniture``) and lines that repeat an earlier line word for word (a headline shown
    twice, a paragraph a page printed again) hold none."""
    out: list[Span] = []
    seen: set[str] = set()
    flat = text.replace("\n", " ")  # the same offsets, a wrapped paragraph on one line
    for line_start, line_end in paragraphs(text):
        whole = flat[line_start:line_end]
        if not whole.strip():
            continue
        key = " ".join(whole.split())
        if key in seen or is_furniture(whole):
            continue
        seen.add(key)
        for a, b in _chunks(whole):
            start, line = line_start + a, whole[a:b]
            if not line.strip():
                continue
            cursor = start
            for piece in _segmenter().segment(line):
                piece = piece.strip()
                if not piece:
                    continue
                found = flat.find(piece, cursor, start + len(line))
                if found < 0:  # pysbd changed the text: fall back to the whole piece
                    out.append(_trim(text, start, start + len(line)))
                    break
                cursor = found + len(piece)
                out.append(_trim(text, found, cursor))
    return [s for s in out if s[1] > s[0] and _ALNUM.search(text, s[0], s[1])]


def _trim(text: str, start: int, end: int) -> Span:
    m = _MARKDOWN_LEAD.match(text, start, end)
    if m:
        start = m.end()
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _words(text: str, start: int, end: int) -> int:
    return len(_WORD.findall(text, start, end))


def _depth_ok(text: str, start: int, at: int) -> bool:
    """Not inside parentheses or brackets at ``at``."""
    seg = text[start:at]
    return seg.count("(") == seg.count(")") and seg.count("[") == seg.count("]")


def quoted(text: str, start: int, at: int) -> bool:
    """``at`` lies inside a quotation: a speaker's words stay one claim ("We want to shut down
    parliament and every MP should resign")."""
    seg = text[start:at]
    return seg.count("“") > seg.count("”") or seg.count('"') % 2 == 1


def _markers(text: str, start: int, end: int, clause_at) -> list[re.Match]:
    """Where a sentence may be cut: after a comma or semicolon and a coordinator, and (with a
    parse) a coordinator with no comma whose clause has a subject of its own."""
    out = list(_COORD.finditer(text, start, end))
    if clause_at is not None:
        taken = {m.start() for m in out}
        out += [m for m in _BARE.finditer(text, start, end)
                if m.start() not in taken and text[m.start() - 1] != "," and not quoted(text, start, m.start())
                and clause_at(m.end(), subject=True) is True]
    return sorted(out, key=lambda m: m.start())


def claims(text: str, sentence: Span, clause_at: "Callable[..., bool | None] | None" = None) -> list[Span]:
    """Atomic claim spans inside one sentence span. ``clause_at(offset)``, where the parse is
    known: whether the words from ``offset`` after ", and" coordinate a clause (False for "a
    right, and a duty, to defend itself": a second noun; None when the parse cannot say);
    ``clause_at(offset, subject=True)``: whether they are a clause with a subject of its own
    (for a coordinator with no comma before it)."""
    start, end = sentence
    cuts = [start]
    marks = _markers(text, start, end, clause_at)
    for n, m in enumerate(marks):
        left_start = cuts[-1]
        bare = text[m.start()] not in ",;"
        right_start = m.end() if text[m.start()] == ";" else m.start() + 1
        right_end = marks[n + 1].start() if n + 1 < len(marks) else end
        if not _depth_ok(text, start, m.start()):
            continue
        if _words(text, left_start, m.start()) < MIN_CLAUSE_WORDS:
            continue
        if _words(text, m.end(), right_end) < MIN_CLAUSE_WORDS:
            continue
        if bare:
            cuts.append(right_start)  # the parse has said it is a clause with its own subject
            continue
        parsed = clause_at(m.end()) if clause_at is not None and text[m.start()] == "," else None
        # "A, B, and C" lists have no verb on the right; a verb the list of forms lacks ("put",
        # "set", "cut") is one when the parse says the words after the comma are a clause
        if not VERB.search(text, m.end(), right_end) and parsed is not True:
            continue
        if parsed is False:
            continue  # the parse coordinates a noun, not a clause
        if text[m.start()] == "," and parsed is not True and _is_list_item(text, left_start, m.start()):
            # "Washington, London, and Paris condemned ...": the last item of a list; but not when
            # the parse joins a verb of its own ("outside parliament in the capital, Nairobi, and
            # at least five people have reportedly died": a place in apposition, then a clause)
            continue
        cuts.append(right_start)
    spans = []
    for a, b in zip(cuts, cuts[1:] + [end]):
        for part in _split_subordinate(text, _trim_punct(text, a, b)):
            # '"...," he said, adding that the world had to ...': the quote, and what he added
            for piece in _split_at(text, part, _SPEECH_TAIL, after_speech=True):
                # 'a crew of 22, none of whom were injured': the crew, and that none was hurt
                spans.extend(_split_at(text, piece, _OF_WHOM))
    return [s for s in spans if s[1] > s[0]]


def _split_at(text: str, span: Span, marker: re.Pattern, after_speech: bool = False) -> list[Span]:
    """Two claims where ``marker`` (", adding that", ", none of whom") opens a second thing
    said at the top level of the span, with a clause's worth of words after it; with
    ``after_speech``, only once a verb of speech has framed the first."""
    start, end = span
    m = marker.search(text, start, end)
    if (m is None or not _depth_ok(text, start, m.start())
            or (after_speech and not _SPEECH_VERB.search(text, start, m.start()))
            or _words(text, m.end() if after_speech else m.start() + 1, end) < MIN_CLAUSE_WORDS):
        return [span]
    return [(start, m.start()), _trim_punct(text, m.start() + 1, end)]


def _is_list_item(text: str, start: int, at: int) -> bool:
    """The words before ", and" are one short item after another comma: a list, not a clause."""
    comma = text.rfind(",", start, at)
    if comma < 0:
        return False
    return _words(text, comma + 1, at) <= 4 and not _FINITE.search(text, comma + 1, at)


def _split_subordinate(text: str, span: Span) -> list[Span]:
    """'while X did not ..., Y confirmed ...' -> the two clauses."""
    start, end = span
    if not _SUBORD_START.match(text, start, end):
        return [span]
    for m in re.finditer(r",\s+", text[start:end]):
        at = start + m.start()
        right = start + m.end()
        if (
            _depth_ok(text, start, at)
            and _words(text, start, at) >= MIN_CLAUSE_WORDS
            and _words(text, right, end) >= MIN_CLAUSE_WORDS
            and VERB.search(text, start, at)
            and VERB.search(text, right, end)
        ):
            return [(start, at), (right, end)]
    return [span]


def _trim_punct(text: str, start: int, end: int) -> Span:
    while start < end and (text[start].isspace() or text[start] in ",;"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;"):
        end -= 1
    return start, end
