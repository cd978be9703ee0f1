"""How well claimdiff reads figures: value precision, recall and F1, bound and unit accuracy.

    python benchmarks/figures.py [--heldout] [--errors] [--json] [FILE ...]

FILE defaults to the tuning files in benchmarks/figures/ (tuning-*.yaml); --heldout scores
benchmarks/figures/heldout.yaml instead and never prints its errors (its figures are read
only as totals, so it stays a fair test). The format and its conventions are in
benchmarks/figures/FORMAT.md.

Each sentence is read as a one-sentence report by the extract stage, as `compare` reads it;
dates and clock times are the time reader's and are left out. A figure read matches a gold
figure when their spans overlap and their numbers agree to 0.5%: the gold converted to the
unit read when both are physical units of one dimension, else the numbers as written (so
"412 seats" read as 412 won matches in value and fails in unit). A range matches on both
ends. Of the matched figures, bound accuracy is the share read with the gold's bound
(=, ~, >, <, range) and unit accuracy the share read in the gold's unit.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claimdiff.extract import extract  # noqa: E402
from claimdiff.model import Document, Quantity  # noqa: E402

HERE = ROOT / "benchmarks" / "figures"
REL = 0.005
FREE = {"count", "percent", "percentage_point", "magnitude"}

_ureg = None


def ureg():
    global _ureg
    if _ureg is None:
        import pint

        _ureg = pint.UnitRegistry()
        _ureg.define("knot_ = nautical_mile / hour")
    return _ureg


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= REL * max(abs(a), abs(b)) + 1e-9


def _physical(unit: str) -> bool:
    return unit not in FREE and not (unit.isupper() and len(unit) == 3)


def _readings(unit: str) -> list[str]:
    """The units a gold unit may be read as, in pint's spelling: "tons" is the metric or the
    short ton; a news barrel is the oil barrel; "square_kilometer" is kilometer**2."""
    if unit == "ton":
        return ["tonne", "short_ton"]
    unit = unit.replace("barrel", "oil_barrel")
    if unit.startswith("square_"):
        unit = unit.removeprefix("square_") + "**2"
    return [unit]


def convert(value: float, unit: str, to: str, delta: bool = False) -> list[float]:
    """Gold ``value`` in ``unit`` as ``to``; every reading when the unit is ambiguous."""
    out = []
    u = ureg()
    for r in _readings(unit):
        try:
            if delta and r in ("degC", "degF"):
                q = u.Quantity(value, "delta_" + r).to("delta_" + to.removeprefix("delta_"))
            else:
                q = u.Quantity(value, r).to(to)
            out.append(float(q.magnitude))
        except Exception:  # noqa: BLE001 - not the same dimension
            pass
    return out


def unit_right(g: dict, q: Quantity) -> bool:
    unit = g["unit"]
    if unit == "count":
        return q.dimension == "count" and q.unit is None
    if unit == "magnitude":
        return q.dimension == "magnitude"
    if unit in ("percent", "percentage_point"):
        return q.unit == unit
    if not _physical(unit):
        return q.unit == unit
    return bool(q.unit) and _physical(q.unit) and bool(convert(1.0, unit, q.unit) or convert(1.0, unit, q.unit, True))


def _pred_numbers(q: Quantity, written: bool) -> tuple[float | None, float | None]:
    """The figure read: (value, high) for a range, (value, None) otherwise; as written or canonical."""
    def w(x: float | None) -> float | None:
        if x is None:
            return None
        return (x - q.offset) / q.factor if written else x
    if q.bound == "range":
        return w(q.low), w(q.high)
    return w(q.value), None


def value_match(g: dict, q: Quantity) -> bool:
    lo, hi = _pred_numbers(q, written=False)
    if lo is None:
        return False
    ends = [g["value"]] + ([g["high"]] if g["bound"] == "range" else [])
    if (g["bound"] == "range") != (q.bound == "range"):
        # a range read as one figure (or one figure as a range) is not the figure
        return False
    got = [lo] + ([hi] if hi is not None else [])
    if _physical(g["unit"]) and q.unit and _physical(q.unit):
        for delta in (False, True):
            conv = [convert(e, g["unit"], q.unit, delta) for e in ends]
            if all(conv) and all(any(_close(c, x) for c in cs) for cs, x in zip(conv, got)):
                return True
        # "2,000 tons" read as spanning both tons: its interval holds both readings
        if g["unit"] == "ton" and q.bound != "range" and q.low is not None and q.high is not None:
            both = convert(g["value"], "ton", q.unit)
            if len(both) == 2 and all(q.low * (1 - REL) <= b <= q.high * (1 + REL) for b in both):
                return True
        return False
    if q.unit == g["unit"]:  # one currency or percent: "87 cents" is 0.87 USD
        return all(_close(e, x) for e, x in zip(ends, got))
    wlo, whi = _pred_numbers(q, written=True)
    written = [wlo] + ([whi] if whi is not None else [])
    return all(_close(e, x) for e, x in zip(ends, written))


def _within(g: dict, q: Quantity) -> bool:
    """A gold figure's value inside the interval read (1% slack), in the unit read."""
    if q.low is None or q.high is None or g["bound"] == "range" or not q.unit or not _physical(g["unit"]):
        return False
    return any(q.low * 0.99 <= v <= q.high * 1.01 for v in convert(g["value"], g["unit"], q.unit))


def read_figures(text: str, parser) -> list[Quantity]:
    doc = Document(id="s", text=text, outlet="bench", date="2024-06-15")
    qs: dict[tuple[int, int], Quantity] = {}
    for c in extract(doc, parser=parser):
        for q in c.quantities:
            if q.dimension not in ("date", "time"):
                qs.setdefault((q.start, q.end), q)
    return sorted(qs.values(), key=lambda q: (q.start, q.end))


def score(items: list[dict], parser) -> dict:
    tp = fp = fn = bound_ok = unit_ok = 0
    per_class: dict[str, Counter] = {}
    errors = []
    for it in items:
        text = it["text"]
        gold = []
        pos = 0
        for g in it["figures"]:
            i = text.find(g["span"], pos)
            pos = i + len(g["span"])
            gold.append((i, i + len(g["span"]), g))
        pred = read_figures(text, parser)
        used = set()
        wrong = []
        matched = 0
        for gs, ge, g in gold:
            hit = next((k for k, q in enumerate(pred) if k not in used and q.start < ge and gs < q.end
                        and value_match(g, q)), None)
            if hit is None:
                # "140 mph (225 km/h)" is read as one figure in two spellings, checked to agree:
                # the restatement is read too when it lies in that figure and in its interval
                hit = next((k for k in used if pred[k].start <= gs and ge <= pred[k].end and "(" in pred[k].text
                            and _within(g, pred[k])), None)
                if hit is not None:
                    used.discard(hit)
            if hit is None:
                fn += 1
                wrong.append(f"missed {g['span']!r} ({g['bound']} {g['value']}{'-' + str(g['high']) if 'high' in g else ''} {g['unit']})")
                continue
            used.add(hit)
            q = pred[hit]
            matched += 1
            tp += 1
            b, u = q.bound == g["bound"], unit_right(g, q)
            bound_ok += b
            unit_ok += u
            if not b:
                wrong.append(f"bound {g['span']!r}: read {q.bound}, gold {g['bound']}")
            if not u:
                wrong.append(f"unit {g['span']!r}: read {q.unit or q.dimension}, gold {g['unit']}")
        extra = [q for k, q in enumerate(pred) if k not in used]
        fp += len(extra)
        for q in extra:
            wrong.append(f"false {q.text!r} ({q.bound} {q.low}..{q.high} {q.unit or q.dimension})")
        for cls in it.get("class", []):
            c = per_class.setdefault(cls, Counter())
            c["gold"] += len(gold)
            c["tp"] += matched
            c["fp"] += len(extra)
        if wrong:
            errors.append((it["id"], text, wrong))
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    classes = {}
    for cls, c in sorted(per_class.items()):
        cp = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 1.0
        cr = c["tp"] / c["gold"] if c["gold"] else 1.0
        classes[cls] = {"figures": c["gold"], "precision": round(cp, 3), "recall": round(cr, 3)}
    return {
        "sentences": len(items), "gold": tp + fn, "read": tp + fp, "matched": tp,
        "precision": round(p, 3), "recall": round(r, 3), "f1": round(f1, 3),
        "bound_accuracy": round(bound_ok / tp, 3) if tp else 0.0,
        "unit_accuracy": round(unit_ok / tp, 3) if tp else 0.0,
        "classes": classes, "errors": errors,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--heldout", action="store_true", help="score heldout.yaml (totals only)")
    ap.add_argument("--errors", action="store_true", help="print every error (not with --heldout)")
    ap.add_argument("--json", action="store_true", help="one JSON line instead of the table")
    args = ap.parse_args()
    files = args.files or ([HERE / "heldout.yaml"] if args.heldout else sorted(HERE.glob("tuning-*.yaml")))
    items = [it for f in files for it in yaml.safe_load(f.read_text(encoding="utf-8"))]
    from claimdiff.extract.parse import Parser

    result = score(items, Parser(cache=None))
    errors = result.pop("errors")
    if args.json:
        print(json.dumps(result, sort_keys=True))
        return
    print(f"files: {', '.join(f.name for f in files)}")
    print(f"{result['sentences']} sentences, {result['gold']} gold figures, {result['read']} read, {result['matched']} matched")
    print(f"value precision {result['precision']:.3f}  recall {result['recall']:.3f}  F1 {result['f1']:.3f}")
    print(f"bound accuracy {result['bound_accuracy']:.3f}  unit accuracy {result['unit_accuracy']:.3f}")
    print()
    print(f"{'class':<14}{'figures':>8}{'precision':>11}{'recall':>8}")
    for cls, c in result["classes"].items():
        print(f"{cls:<14}{c['figures']:>8}{c['precision']:>11.3f}{c['recall']:>8.3f}")
    if args.errors and not args.heldout:
        print()
        for id_, text, wrong in errors:
            print(f"{id_}: {text}")
            for w in wrong:
                print(f"    {w}")


if __name__ == "__main__":
    main()
