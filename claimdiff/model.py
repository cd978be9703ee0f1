"""The frozen data model that flows through read -> extract -> align -> diff -> report.

- ``Document``: one report (its text, outlet, date, where it came from).
- ``Quantity``: a figure read as an interval, with its unit and what it counts.
- ``Attribution``: who a claim is credited to.
- ``Claim``: one atomic assertion, a char span into its document.
- ``Alignment``: two claims judged to say the same thing, with the scores behind it.
- ``Finding``: what the diff engine concluded about a set of claims (a kind from ``KINDS``).
- ``Comparison``: everything one ``compare`` run produced.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from enum import Enum

SCHEMA_VERSION = "1"


class Kind(str, Enum):
    """Finding kinds with stable codes (used as SARIF rule ids and baseline keys)."""

    AGREE = "agree"
    FIGURE_SHIFT = "figure-shift"
    CONTRADICTION = "contradiction"
    ATTRIBUTION_SHIFT = "attribution-shift"
    CERTAINTY_SHIFT = "certainty-shift"
    ONLY_IN = "only-in"

    @property
    def code(self) -> str:
        return CODES[self]

    @property
    def title(self) -> str:
        return TITLES[self]


CODES = {
    Kind.AGREE: "CD100",
    Kind.FIGURE_SHIFT: "CD200",
    Kind.CONTRADICTION: "CD300",
    Kind.ATTRIBUTION_SHIFT: "CD400",
    Kind.CERTAINTY_SHIFT: "CD500",
    Kind.ONLY_IN: "CD600",
}
TITLES = {
    Kind.AGREE: "Agreements",
    Kind.FIGURE_SHIFT: "Figure shifts",
    Kind.CONTRADICTION: "Contradictions",
    Kind.ATTRIBUTION_SHIFT: "Attribution shifts",
    Kind.CERTAINTY_SHIFT: "Certainty shifts",
    Kind.ONLY_IN: "Only in one document",
}
# Report order: what a reader must see first comes first.
# What runs the embedding model (claimdiff.api.make_encoder): sentence-transformers on torch,
# or the same model exported once to ONNX and run by onnxruntime, as int8 (fastest) or fp32
# (the same vectors as torch, without importing it).
BACKENDS = ("torch", "onnx", "onnx-fp32")
ONNX_PRECISION = {"onnx": "int8", "onnx-fp32": "fp32"}  # the ONNX backends, and the precision each runs at
# Chosen by measurement (README, "Backends"): onnx-fp32 gives torch's results byte for byte
# (every eval count, the corpus check's JSON) at about 1.5x its sentences/s and a fifth of its
# start-up time; int8 is faster still but moves eval scores by more than 0.01.
DEFAULT_BACKEND = "onnx-fp32"

KIND_ORDER = (
    Kind.CONTRADICTION,
    Kind.FIGURE_SHIFT,
    Kind.ATTRIBUTION_SHIFT,
    Kind.CERTAINTY_SHIFT,
    Kind.ONLY_IN,
    Kind.AGREE,
)

CERTAINTIES = ("asserted", "confirmed", "hedged", "unconfirmed")


@dataclass(frozen=True, slots=True)
class Document:
    id: str
    text: str
    outlet: str
    path: str | None = None  # as given on the command line, "-" for stdin
    date: str | None = None  # ISO date, from front matter
    title: str | None = None
    url: str | None = None
    role: str | None = None  # "reference" marks a story's reference report
    body_line: int = 1  # 1-based line of the file where ``text`` starts (after front matter)
    # the whole text is on line ``body_line`` of its file, escaped (a JSONL record)
    one_line: bool = False

    def line_of(self, offset: int) -> int:
        """1-based line in the source file of a char offset into ``text``."""
        return self.body_line if self.one_line else self.body_line + self.text.count("\n", 0, offset)


@dataclass(frozen=True, slots=True)
class Quantity:
    """A figure as an interval [low, high]; ``None`` is unbounded, open ends are flagged.

    Lengths are in metres, areas in square metres, durations in days, dates in days since
    1970-01-01 (``dimension == "date"``), money in its currency, percents in percent.
    """

    text: str
    start: int  # char offsets into the document
    end: int
    low: float | None
    high: float | None
    dimension: str  # count, length, area, mass, money, percent, duration, date, number
    unit: str | None = None  # canonical unit of low/high (None for plain counts)
    counts: str | None = None  # what is counted ("soldiers", "shipping containers")
    low_open: bool = False
    high_open: bool = False
    value: float | None = None  # the figure as stated (a range's middle), in ``unit``
    # "more than 5,000" is unbounded as written, but news rounds to the figure's last digit:
    # read as below 6,000 when figures are compared ("more than 11,000" is not "more than 5,000")
    implied_high: float | None = None
    relative: bool = False  # dates resolved against the document's date
    note: str | None = None  # e.g. an inconsistency between two spellings of one figure
    # a figure that is not the claim's own total, and so is not compared with one: "said" (the
    # day of the saying: "officials said on Thursday"), "baseline" (the term of a comparison:
    # "more than in 2019") or "part" (a count beside one already made: "two other executives",
    # "2,000 more troops"; compared only with another part) or "each" (a figure per unit, not a
    # total: "five units, each of about 3,000 soldiers", "$55 per share"; compared only with another)
    # or "threshold" (a bar to reach: "the 272 seats needed for a majority"; likewise) or
    # "forecast" (what someone expected: "were expecting 550,000 demonstrators"; likewise) or
    # "counterfactual" (what would have been: "would have risen to 13.8% had ..."; likewise) or
    # "run" (how long a run lasted: "four months in a row"; likewise) or "window" (the span a
    # rate is measured over: "in the 12 months to May"; compared with nothing) or "since" (how
    # long since the last time: "its first cut in five years"; likewise) or "record" (how long
    # since a level was last reached: "the highest in 23 years", "a 41-year high"; likewise) or
    # "age" (how old someone is: "the 61-year-old"; likewise)
    role: str | None = None
    # how the figure was stated: "=" bare, "~" about, ">" more than / at least, "<" up to /
    # less than / nearly, "range" (from X to Y, between, "tens of thousands"); None for dates
    bound: str | None = None
    # the unit as written, to ``unit``: canonical = written * factor + offset (an offset only
    # for a temperature read on a scale, "86F"; a change of temperature has none)
    factor: float = 1.0
    offset: float = 0.0
    unit_text: str | None = None  # the unit as written ("mph", "per cent"), for reasons in the text's own unit
    # whose figure it is, from the parse: the named subject of the verb it hangs from ("the NDA
    # had taken 294 seats": "NDA"), its proper words; None when the subject names no one
    holder: str | None = None
    # what happened on a date, from the parse: the lemma of the verb it hangs from ("sentenced
    # on Friday": "sentence"); two dates of two events are not one date told otherwise; for a
    # count, what befell what it counts ("700 bodies have been buried": "bury")
    event: str | None = None
    # where the figure is of, from the parse: the places named in its own phrase ("23 in Suzu",
    # "five people in St. Lucie County") or, for a figure that is its verb's subject or object,
    # beside that verb ("39 were in Wajima", "In Paiporta, 62 people died"), lower-cased; empty
    # when none is named there. Two figures both placed are of one scope only when their places are.
    places: tuple[str, ...] = ()

    def overlaps(self, other: "Quantity") -> bool:
        """True when the two intervals share at least one point (lower bounds read as news
        writes them: up to the next step of their last digit, see ``implied_high``; but a floor
        of a figure per unit is a floor, as each unit may pass it by its own amount: "more than
        300 litres per square metre" in several towns, "more than 400" in some areas)."""
        def bounds(q: Quantity) -> tuple[float, float, bool]:
            implied = None if q.role == "each" else q.implied_high
            high = q.high if q.high is not None else implied
            return (-math.inf if q.low is None else q.low, math.inf if high is None else high,
                    q.high_open or (q.high is None and implied is not None))

        if self.is_maximum and other.is_maximum:
            # two stated maxima ("a maximum of 110 years" / "up to 115 years") give the same
            # bound or not: within rounding (1%), not as the intervals [0, 110] and [0, 115]
            return abs(self.high - other.high) <= 0.01 * max(abs(self.high), abs(other.high))
        (lo_a, hi_a, open_a), (lo_b, hi_b, open_b) = bounds(self), bounds(other)
        # The tighter bound wins; at equal values an open end is the tighter one.
        lo, lo_open = max((lo_a, self.low_open), (lo_b, other.low_open))
        hi, hi_closed = min((hi_a, not open_a), (hi_b, not open_b))
        return lo < hi or (lo == hi and not lo_open and hi_closed)

    @property
    def is_maximum(self) -> bool:
        """A stated upper bound: "up to 12,000", "a maximum of 110 years", "as many as 20"."""
        return (self.low == 0.0 and self.high is not None and not self.high_open and self.value == self.high
                and self.dimension != "date" and self.high != 0.0)

    @property
    def midpoint(self) -> float | None:
        if self.low is not None and self.high is not None:
            return (self.low + self.high) / 2
        return self.low if self.low is not None else self.high


@dataclass(frozen=True, slots=True)
class Attribution:
    source: str | None = None  # as named in the text
    name: str | None = None  # a person or body's name where given
    role: str | None = None  # "spokesperson", "official", ...
    organisation: str | None = None
    anonymous: bool = False
    via: str | None = None  # a second-hand source ("according to The New York Times")
    cue: str | None = None  # the words that credited it ("according to", "said")
    when: str | None = None  # when the source said it, as the frame tells ("on tuesday", "last week")

    @property
    def empty(self) -> bool:
        return self.source is None and self.via is None


@dataclass(frozen=True, slots=True)
class Claim:
    id: str  # "<document id>#<n>", stable for one text
    document: str
    start: int
    end: int
    text: str
    sentence_start: int
    sentence_end: int
    content: str  # the claim without its attribution frame, used for matching
    quantities: tuple[Quantity, ...] = ()
    attribution: Attribution = field(default_factory=Attribution)
    negated: bool = False
    negation: str | None = None  # the cue ("not", "no evidence", "denied")
    certainty: str = "asserted"  # one of CERTAINTIES
    certainty_cue: str | None = None
    quote: bool = False  # the claim is (in) a direct quotation
    # what its negation denies, from the parse: lemmas and words as written; () when the parse
    # finds nothing it denies ("... was not."), None when no parse reading was made
    denies: tuple[str, ...] | None = None
    # the content verb its "not" negates, as lemma and as written ("could not hold on": hold);
    # () when it negates a light verb or a noun. A contradiction needs it on the other side.
    denied_verb: tuple[str, ...] = ()
    lemmas: frozenset[str] = frozenset()  # lemmas of its words, from the parse ("rose" is "rise")


@dataclass(frozen=True, slots=True)
class Alignment:
    """Two claims of different documents judged to make the same assertion."""

    left: str  # claim ids
    right: str
    score: float  # the combined score the decision was made on
    fuzzy: float  # rapidfuzz, 0..1
    semantic: float | None  # cosine, None with --no-semantic


@dataclass(frozen=True, slots=True)
class Side:
    """One claim as a finding shows it."""

    document: str
    outlet: str
    claim: str  # claim id
    text: str
    start: int
    end: int
    line: int
    spans: tuple[tuple[int, int], ...] = ()  # changed words, as offsets into ``text``


# the detail of an aligned pair that names the disagreements held back below the level
HELD = "held"


@dataclass(frozen=True, slots=True)
class Finding:
    kind: Kind
    reason: str
    sides: tuple[Side, ...]
    topic: str | None = None  # what the figures count, where there are figures
    scores: tuple[tuple[str, float], ...] = ()
    details: tuple[tuple[str, str], ...] = ()
    # how likely the finding is right, from its evidence (claimdiff.judge.confidence), in [0, 1]
    confidence: float = 1.0
    # the same disagreement carried by other pairs of claims (a lead repeated lower down, a
    # second claim denied): one finding, every claim on each side; ``sides`` is the first
    also: tuple[tuple[Side, ...], ...] = ()
    # what the confidence was built from (name, value), for calibration and the JSON
    evidence: tuple[tuple[str, float], ...] = ()

    @property
    def code(self) -> str:
        return self.kind.code

    @property
    def all_sides(self) -> tuple[tuple[Side, ...], ...]:
        return (self.sides,) + self.also

    @property
    def held_back(self) -> bool:
        """An aligned pair whose disagreements were all below the confidence level: reported
        as aligned (``judge.aligned``), which says nothing of whether the two agree."""
        return self.kind is Kind.AGREE and any(k == HELD for k, _ in self.details)


@dataclass(frozen=True, slots=True)
class Comparison:
    documents: tuple[Document, ...]
    claims: tuple[Claim, ...]
    alignments: tuple[Alignment, ...]
    findings: tuple[Finding, ...]
    settings: tuple[tuple[str, object], ...] = ()
    clusters: tuple[tuple[str, ...], ...] = ()  # claim ids that make one claim across documents
    # findings below the confidence level: not reported (their pair is reported as aligned),
    # kept so that the JSON carries every finding's confidence
    held: tuple[Finding, ...] = ()

    def by_kind(self, kind: Kind) -> list[Finding]:
        return [f for f in self.findings if f.kind is kind]
