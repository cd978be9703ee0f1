"""Judge the engine against hand-written gold: precision, recall and F1 per finding kind.

A story folder holds reports and a ``gold.yaml``:

    story: kursk-first-clash
    reference: ../../seeds/kursk-first-clash.md   # relative to the folder
    pairs:                                          # reference claim ~ other report's claim
      - {ref: "substring", doc: other.md, other: "substring", kinds: [figure-shift]}
    only_in:
      - {doc: other.md, text: "substring"}

    must_not:                                       # traps: kinds that must not be reported
      - {ref: "substring", doc: other.md, other: "substring", kinds: [figure-shift]}

Substrings name claims: the claim whose text contains it (or, where the engine cut the
text otherwise, the claim where the substring starts).

Two precisions are kept. The pooled one (``kinds``) counts a prediction as a false
positive only when the gold speaks of one of its claims; predictions about claims the
gold never mentions are unjudged, and said. The strict one (``strict``) counts every
unjudged non-agree finding as wrong unless the gold lists it: gold lists every
disagreement an editor would flag, so a finding it does not list is one a reader would
not want. The bars are read on the strict figures.

One finding may carry one disagreement over several pairs of claims (a lead repeated
lower down): it is one prediction, right when any of its pairs is a gold pair of its
kind, and it finds every gold pair it covers. So precision counts findings and recall
counts gold pairs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from .errors import ConfigError, InputError
from .model import KIND_ORDER, Claim, Comparison, Kind
from .read import read_document, unique_ids, walk

PAIR_KINDS = tuple(k for k in KIND_ORDER if k is not Kind.ONLY_IN)


@dataclass
class Score:
    """``tp``/``fn``: gold items found and missed; ``fp``: wrong predictions; ``hits``: right
    predictions (None: as many as ``tp``, when each prediction covers one gold item)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    hits: int | None = None

    def add(self, other: "Score") -> None:
        self.hits = self.right + other.right
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def right(self) -> int:
        return self.tp if self.hits is None else self.hits

    @property
    def precision(self) -> float:
        r = self.right
        return r / (r + self.fp) if r + self.fp else (1.0 if not self.fn else 0.0)

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def empty(self) -> bool:
        return not (self.tp or self.fp or self.fn)

    def as_dict(self) -> dict:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
                "tp": self.tp, "fp": self.fp, "fn": self.fn, "right": self.right}


@dataclass
class Evaluation:
    alignment: Score = field(default_factory=Score)
    kinds: dict[Kind, Score] = field(default_factory=lambda: {k: Score() for k in KIND_ORDER})
    # unjudged non-agree predictions counted as wrong (module docstring)
    strict: dict[Kind, Score] = field(default_factory=lambda: {k: Score() for k in KIND_ORDER})
    stories: dict[str, "Evaluation"] = field(default_factory=dict)
    unjudged: int = 0
    must_not: int = 0  # predictions the gold's must_not list forbids
    # every finding as judged: (story, kind, confidence features, right, judged), for calibration
    outcomes: list[tuple[str, Kind, list[float], bool, bool]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # one line per missed or misjudged gold item

    @property
    def macro_f1(self) -> float:
        return _macro(self.kinds)

    @property
    def strict_macro_f1(self) -> float:
        return _macro(self.strict)

    def add(self, other: "Evaluation") -> None:
        self.alignment.add(other.alignment)
        for k, s in other.kinds.items():
            self.kinds[k].add(s)
        for k, s in other.strict.items():
            self.strict[k].add(s)
        self.unjudged += other.unjudged
        self.must_not += other.must_not
        self.outcomes.extend(other.outcomes)

    def as_dict(self) -> dict:
        out = {
            "alignment": self.alignment.as_dict(),
            "kinds": {k.value: self.kinds[k].as_dict() for k in KIND_ORDER},
            "macro_f1": round(self.macro_f1, 4),
            "strict": {k.value: self.strict[k].as_dict() for k in KIND_ORDER},
            "strict_macro_f1": round(self.strict_macro_f1, 4),
            "unjudged": self.unjudged,
            "must_not": self.must_not,
        }
        if self.stories:
            out["stories"] = {name: ev.as_dict() for name, ev in sorted(self.stories.items())}
        return out


def _macro(kinds: dict[Kind, Score]) -> float:
    scored = [s.f1 for s in kinds.values() if not s.empty]
    return sum(scored) / len(scored) if scored else 0.0


@dataclass(frozen=True)
class Gold:
    story: str
    folder: Path
    reference: Path
    pairs: tuple[tuple[str, str, str, frozenset[Kind]], ...]  # (ref text, other file, other text, kinds)
    only_in: tuple[tuple[str, str], ...]  # (file, text); file "" is the reference
    must_not: tuple[tuple[str, str, str, frozenset[Kind]], ...] = ()  # (ref text, other file, other text, kinds)


def find_stories(paths: Sequence[str]) -> list[Path]:
    """Story folders (those with a gold.yaml) at or one level below each path, sorted."""
    out: list[Path] = []
    for p in paths:
        path = Path(p)
        if not path.exists():
            raise InputError(f"{p}: no such file or folder")
        if path.is_file() and path.name == "gold.yaml":
            path = path.parent
        if (path / "gold.yaml").is_file():
            out.append(path)
        elif path.is_dir():
            out.extend(sorted(d for d in path.iterdir() if d.is_dir() and (d / "gold.yaml").is_file()))
    if not out:
        raise InputError("no story folders with a gold.yaml under " + ", ".join(paths))
    return out


def load_gold(folder: Path) -> Gold:
    import yaml

    path = folder / "gold.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot be read ({exc})") from None
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: not valid YAML ({str(exc).splitlines()[0]})") from None
    if not isinstance(data, dict) or "reference" not in data:
        raise ConfigError(f"{path}: needs a mapping with 'reference', 'pairs' and 'only_in'")
    reference = (folder / str(data["reference"])).resolve()
    def pair_list(key: str, what: str) -> list:
        out = []
        entries = data.get(key) or []
        if not isinstance(entries, list):
            raise ConfigError(f"{path}: {key} must be a list")
        for n, item in enumerate(entries, 1):
            try:
                kinds = frozenset(Kind(k) for k in item["kinds"])
                out.append((str(item["ref"]), str(item["doc"]), str(item["other"]), kinds))
            except (KeyError, TypeError, ValueError) as exc:
                raise ConfigError(f"{path}: {what} {n} is malformed ({exc})") from None
        return out

    pairs = pair_list("pairs", "pair")
    must_not = pair_list("must_not", "must_not entry")
    only = []
    for n, item in enumerate(data.get("only_in") or [], 1):
        try:
            doc = str(item["doc"])
            only.append(("" if (folder / doc).resolve() == reference else doc, str(item["text"])))
        except (KeyError, TypeError) as exc:
            raise ConfigError(f"{path}: only_in entry {n} is malformed ({exc})") from None
    return Gold(str(data.get("story") or folder.name), folder, reference, tuple(pairs), tuple(only), tuple(must_not))


def story_documents(gold: Gold):
    """The reference first, then every other report of the folder; and file name -> doc id."""
    if not gold.reference.is_file():
        raise ConfigError(f"{gold.folder / 'gold.yaml'}: reference {gold.reference} does not exist")
    files = [gold.reference] + [f for f in walk(gold.folder) if f.resolve() != gold.reference]
    docs = unique_ids([read_document(str(f)) for f in files])
    ids = {("" if f.resolve() == gold.reference else f.name): d.id for f, d in zip(files, docs)}
    return docs, ids


def _claim_for(claims: list[Claim], text: str, needle: str, where: str) -> Claim | None:
    """The claim that holds ``needle``; None where the words are read as no claim (a dateline,
    a caption): a trap on them cannot be sprung, and a gold pair or only-in on them is missed."""
    for c in claims:
        if needle in c.text:
            return c
    at = text.find(needle)
    if at < 0:
        raise ConfigError(f"{where}: gold text not found: {needle!r}")
    for c in claims:
        if c.start <= at < c.end or (at <= c.start < at + len(needle)):
            return c
    return None


def judge(gold: Gold, comparison: Comparison, ids: dict[str, str]) -> Evaluation:
    docs = {d.id: d for d in comparison.documents}
    by_doc: dict[str, list[Claim]] = {}
    for c in comparison.claims:
        by_doc.setdefault(c.document, []).append(c)
    where = str(gold.folder / "gold.yaml")

    def claim(file: str, needle: str) -> Claim | None:
        if file not in ids:
            raise ConfigError(f"{where}: no report named {file!r} in {gold.folder}")
        doc_id = ids[file]
        return _claim_for(by_doc.get(doc_id, []), docs[doc_id].text, needle, where)

    absent: dict[str, str] = {}  # gold words the engine read as no claim: the gold's claim is missed

    def claim_id(file: str, needle: str) -> str:
        found = claim(file, needle)
        if found is not None:
            return found.id
        key = f"{ids[file]}#absent:{needle}"
        absent[key] = needle
        return key

    gold_pairs: dict[tuple[str, str], frozenset[Kind]] = {}
    for ref_text, file, other_text, kinds in gold.pairs:
        key = (claim_id("", ref_text), claim_id(file, other_text))
        gold_pairs[key] = gold_pairs.get(key, frozenset()) | kinds
    forbidden: dict[tuple[str, str], frozenset[Kind]] = {}
    for ref_text, file, other_text, kinds in gold.must_not:
        ca, cb = claim("", ref_text), claim(file, other_text)
        if ca is None or cb is None:
            continue
        key = (ca.id, cb.id)
        forbidden[key] = forbidden.get(key, frozenset()) | kinds
    gold_only = {claim_id(file, text) for file, text in gold.only_in}
    judged = {c for pair in (*gold_pairs, *forbidden) for c in pair} | gold_only

    from .judge.confidence import features

    # each finding: its kind and every pair of claims it covers
    predictions: list[tuple[Kind, tuple[tuple[str, str], ...], list[float]]] = []
    predicted_only: dict[str, list[float]] = {}
    for f in comparison.findings:
        if f.kind is Kind.ONLY_IN:
            predicted_only[f.sides[0].claim] = features(f)
        else:
            predictions.append((f.kind, tuple((s[0].claim, s[1].claim) for s in f.all_sides), features(f)))
    predicted_pairs = {p for _, pairs, _ in predictions for p in pairs}

    ev = Evaluation()
    text_of = {c.id: c.text for c in comparison.claims} | {k: f"(no claim) {v}" for k, v in absent.items()}

    def note(what: str, pair: tuple[str, ...]) -> None:
        ev.errors.append(f"{gold.story}: {what}: " + " ~ ".join(repr(text_of[c][:70]) for c in pair))

    for key in sorted(predicted_pairs | set(gold_pairs)):
        if key in gold_pairs and key in predicted_pairs:
            ev.alignment.tp += 1
        elif key in gold_pairs:
            ev.alignment.fn += 1
            note("missed pair", key)
        elif judged & set(key):
            ev.alignment.fp += 1
            note("spurious pair", key)
        else:
            ev.unjudged += 1

    for k in PAIR_KINDS:
        pooled, strict = ev.kinds[k], ev.strict[k]
        pooled.hits = strict.hits = 0
        found: set[tuple[str, str]] = set()
        for kind, pairs, x in predictions:
            if kind is not k:
                continue
            right = [p for p in pairs if k in gold_pairs.get(p, ())]
            ev.outcomes.append((gold.story, k, x, bool(right), bool(right) or any(judged & set(p) for p in pairs)))
            if right:
                pooled.hits += 1
                strict.hits += 1
                found.update(right)
                continue
            if any(k in forbidden.get(p, ()) for p in pairs):
                ev.must_not += 1
                note(f"forbidden {k.value}", pairs[0])
            if any(judged & set(p) for p in pairs):
                pooled.fp += 1
                strict.fp += 1
                note(f"spurious {k.value}", pairs[0])
            elif k is Kind.AGREE:
                pass  # an unjudged agreement is not a claim against the reader
            else:
                strict.fp += 1
                note(f"unjudged {k.value}", pairs[0])
        for key, kinds in sorted(gold_pairs.items()):
            if k in kinds:
                if key in found:
                    pooled.tp += 1
                    strict.tp += 1
                else:
                    pooled.fn += 1
                    strict.fn += 1
                    note(f"missed {k.value}", key)
    only, strict_only = ev.kinds[Kind.ONLY_IN], ev.strict[Kind.ONLY_IN]
    for c in sorted(predicted_only):
        ev.outcomes.append((gold.story, Kind.ONLY_IN, predicted_only[c], c in gold_only, c in judged))
    for c in sorted(set(predicted_only) | gold_only):
        if c in predicted_only and c in gold_only:
            only.tp += 1
            strict_only.tp += 1
        elif c in gold_only:
            only.fn += 1
            strict_only.fn += 1
            note("missed only-in", (c,))
        elif c in judged:
            only.fp += 1
            strict_only.fp += 1
            note("spurious only-in", (c,))
        else:
            ev.unjudged += 1
            strict_only.fp += 1
    return ev


def evaluate(paths: Sequence[str], *, settings=None, encoder=None) -> Evaluation:
    from .api import Settings, compare, make_encoder

    settings = settings or Settings()
    if encoder is None and settings.semantic:
        encoder = make_encoder(settings)
    total = Evaluation()
    for folder in find_stories(paths):
        gold = load_gold(folder)
        docs, ids = story_documents(gold)
        comparison = compare(docs, settings=settings, encoder=encoder)
        ev = judge(gold, comparison, ids)
        total.add(ev)
        total.errors.extend(ev.errors)
        total.stories[gold.story] = ev
    return total
