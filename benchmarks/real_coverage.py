"""Real coverage: each real report of an event compared with the first of the event.

    PYTHONPATH=<engine checkout> python benchmarks/real_coverage.py OUT.json  # one engine's findings
    LEVEL0=1 ...                                                               # nothing held back
    python benchmarks/real_coverage.py --pool A.json B.json > tojudge.json    # blind and unique
    python benchmarks/real_coverage.py --score verdicts.json A.json B.json    # right / reported per kind

The pooled findings go to a judge who sees neither engine nor code
(benchmarks/prompts/judge-real-coverage.md); verdicts are keyed by event, kind and the two
claims, so a finding judged once is never judged again.

Events: realnews/<event>/*.txt (address on the first line), sorted by name; the first file is
the reference ("1b-" files are extra text of the reference and are skipped).
"""
import hashlib
import json
import os
import re
import sys
from pathlib import Path

# not in git: the real pages, one folder per event (REALNEWS=<folder> for another set of events)
HERE = Path(os.environ.get("REALNEWS") or Path(__file__).resolve().parent.parent / "realnews")
KINDS = ("contradiction", "figure-shift", "attribution-shift", "certainty-shift")


def key(f):
    return hashlib.sha1(json.dumps([f["event"], f["kind"], f["ref"], f["other"]]).encode()).hexdigest()[:12]


_MONTHS = "january february march april may june july august september october november december".split()


def _listed_date(ev, name):
    """The page's date as SOURCES.md lists it on the file's line ("... — 13 January 2024" or
    "...; 2023-10-14"); none where the line says the page shows none."""
    src = ev / "SOURCES.md"
    line = next((x for x in (src.read_text(encoding="utf-8").splitlines() if src.exists() else []) if name in x), "")
    if not line or "no date" in line.lower():
        return None
    iso = re.search(r"\b(\d{4})-(\d{2})-(\d{2})\b", line)
    day = re.search(rf"\b(\d{{1,2}}) ({'|'.join(_MONTHS)}) (\d{{4}})\b", line, re.I)
    first = min((m for m in (iso, day) if m), key=lambda m: m.start(), default=None)  # the page's, not a relay's
    if first is iso and iso:
        return iso.group(0)
    if first is day and day:
        return f"{day.group(3)}-{_MONTHS.index(day.group(2).lower()) + 1:02d}-{int(day.group(1)):02d}"
    return None


def run(out):
    from claimdiff import Settings, compare
    from claimdiff.api import make_encoder
    from claimdiff.read import parse_document
    s = Settings(min_confidence=0.0) if os.environ.get("LEVEL0") else Settings(); enc = make_encoder(s)
    found = []
    for ev in sorted(p for p in HERE.iterdir() if p.is_dir() and not p.name.startswith("_")):
        files = [f for f in sorted(ev.glob("*.txt")) if not f.name[1:2] == "b"]
        docs = []
        for f in files:
            body = f.read_text(encoding="utf-8").split("\n", 1)[1]
            name = f.stem.split("-", 1)[1]
            # the store's note of the page's day ("date 2024-10-26 JERUSALEM: ..."): the report's date
            day = re.match(r"\s*date (\d{4}-\d{2}-\d{2})\s+", body)
            when = day.group(1) if day else _listed_date(ev, f.name)
            front = f"outlet: {name}" + (f"\ndate: {when}" if when else "")
            body = body[day.end():] if day else body
            docs.append(parse_document(f"---\n{front}\n---\n{body}\n", doc_id=name, path=None, name=name))
        for d in docs[1:]:
            c = compare([docs[0], d], settings=s, encoder=enc)
            for x in c.findings:
                if x.kind.value in KINDS:
                    found.append({"event": ev.name, "kind": x.kind.value, "reason": x.reason,
                                  "ref": x.sides[0].text, "other": x.sides[1].text, "other_doc": d.id,
                                  "confidence": x.confidence, "scores": dict(x.scores)})
    for f in found:
        f["key"] = key(f)
    Path(out).write_text(json.dumps(found, indent=1, ensure_ascii=False))
    print(len(found), "findings")


if __name__ == "__main__":
    if sys.argv[1] == "--pool":
        seen = {}
        for p in sys.argv[2:]:
            for f in json.loads(Path(p).read_text()):
                seen.setdefault(f["key"], f)
        print(json.dumps(sorted(seen.values(), key=lambda f: (f["event"], f["key"])), indent=1, ensure_ascii=False))
    elif sys.argv[1] == "--score":
        verdicts = json.loads(Path(sys.argv[2]).read_text())
        for p in sys.argv[3:]:
            fs = json.loads(Path(p).read_text())
            row = []
            for k in KINDS:
                mine = [f for f in fs if f["kind"] == k]
                right = sum(1 for f in mine if verdicts.get(f["key"], {}).get("verdict") == "right")
                unj = sum(1 for f in mine if f["key"] not in verdicts)
                row.append(f"{k} {right}/{len(mine)}" + (f" ({unj} unjudged)" if unj else ""))
            tot = sum(1 for f in fs if verdicts.get(f["key"], {}).get("verdict") == "right")
            print(p, "|", "; ".join(row), f"| all {tot}/{len(fs)}")
    else:
        run(sys.argv[1])
