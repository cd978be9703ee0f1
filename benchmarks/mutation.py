"""Mutation testing of the judge and the parse reading with mutmut, and the score it gives.

    pip install -e '.[mutation]'          # mutmut, pinned
    python benchmarks/mutation.py         # run (resumes an interrupted run), then report
    python benchmarks/mutation.py --report-only

What is mutated and which tests run is mutmut's own configuration, ``[tool.mutmut]`` in
pyproject.toml: ``claimdiff/judge/__init__.py`` and ``claimdiff/extract/reading.py``, against
the fast unit tests named there (for each mutant mutmut runs only the tests that reach the
function it changed). mutmut works in ``mutants/`` (not in git) and leaves the tree alone.

Prints the counts (killed, survived, no test reaches it, timeout), the score (killed and
timed out over all mutants but those mutmut skipped), the surviving mutants by function, the
survivors ``benchmarks/mutation_accepted.txt`` explains, grouped by the reason given, every
survivor it does not explain with its diff, and its stale entries (that no survivor matches),
then one JSON line. A mutant no test reaches is a survivor here too. Not run in CI: it takes
tens of minutes on 2 cores.

An entry of mutation_accepted.txt is keyed by the mutated function and the lines the mutant
changes, not by mutmut's name (``module.x_function__mutmut_N``, whose N shifts whenever the
function changes), so it holds while the code around it is edited::

    @ claimdiff.judge.move | equivalent | why: one reason, said for this change
      (a reason may go on over lines that start with a space)
    - out = f"{delta:+,.0f}" if abs(delta) >= 10 else f"{delta:+,.2g}"
    + out = f"{delta:+,.0f}" if abs(delta) > 10 else f"{delta:+,.2g}"

The ``-``/``+`` lines are those ``mutmut show NAME`` prints, compared with their whitespace
collapsed; one entry may list several changes (a ``-`` after a ``+`` starts the next), each
matching every survivor of that function with that change. The second field is the class of
the reason, by which the report groups them: ``equivalent`` (the program behaves the same), or
``accepted: ...`` (a real change not worth a test, and what kind: ``unreached`` by any input the
parser or the callers give, ``a bar's edge``, ``a rule to decide``). Lines starting with ``#``
and blank lines separate entries.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ACCEPTED = ROOT / "benchmarks" / "mutation_accepted.txt"


def mutmut(*args: str, capture: bool = False) -> subprocess.CompletedProcess:
    exe = Path(sys.executable).with_name("mutmut")
    env = dict(os.environ, HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")
    return subprocess.run([str(exe), *args], cwd=ROOT, env=env, text=True,
                          capture_output=capture, check=False)


def _norm(line: str) -> str:
    return " ".join(line.split())


Change = tuple[tuple[str, ...], tuple[str, ...]]  # the lines removed, the lines added (normalised)


@dataclass
class Entry:
    function: str
    kind: str
    why: str
    line: int  # where it starts in the file, for the stale list
    changes: list[Change] = field(default_factory=list)


def function_of(mutant: str) -> str:
    """``claimdiff.judge.x_move__mutmut_80`` -> ``claimdiff.judge.move`` (a method: ``module.Class.method``)."""
    base = mutant.rsplit("__mutmut_", 1)[0]
    module, _, name = base.rpartition(".")
    if name.startswith("xǁ"):
        name = ".".join(p for p in name[2:].split("ǁ") if p)
    elif name.startswith("x_"):
        name = name[2:]
    return f"{module}.{name}"


def read_entries(path: Path = ACCEPTED) -> list[Entry]:
    """The entries of mutation_accepted.txt (see the module's docstring); a malformed line is an error."""
    out: list[Entry] = []
    if not path.is_file():
        return out
    entry: Entry | None = None
    minus: list[str] = []
    plus: list[str] = []

    def close_change() -> None:
        if entry is not None and (minus or plus):
            entry.changes.append((tuple(minus), tuple(plus)))
        minus.clear()
        plus.clear()

    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if raw.startswith("@"):
            close_change()
            parts = [p.strip() for p in raw[1:].split("|", 2)]
            if len(parts) != 3 or not all(parts):
                raise SystemExit(f"{path.name}:{n}: an entry starts '@ function | class | why', not {raw!r}")
            entry = Entry(parts[0], parts[1], parts[2], n)
            out.append(entry)
        elif not raw.strip() or raw.startswith("#"):
            close_change()
            entry = None
        elif entry is None:
            raise SystemExit(f"{path.name}:{n}: a line outside an entry: {raw!r}")
        elif raw.startswith("-"):
            if plus:
                close_change()
            minus.append(_norm(raw[1:]))
        elif raw.startswith("+"):
            plus.append(_norm(raw[1:]))
        elif raw[:1].isspace() and not entry.changes and not minus and not plus:
            entry.why += " " + raw.strip()
        else:
            raise SystemExit(f"{path.name}:{n}: expected a '-' or '+' line of a change: {raw!r}")
    close_change()
    return out


def change_of(diff: str) -> Change:
    """The removed and added lines of ``mutmut show``'s diff, normalised."""
    minus, plus = [], []
    for line in diff.splitlines():
        if line.startswith(("---", "+++")):
            continue
        if line.startswith("-"):
            minus.append(_norm(line[1:]))
        elif line.startswith("+"):
            plus.append(_norm(line[1:]))
    return tuple(minus), tuple(plus)


def diff_of(name: str) -> str:
    """The mutant's diff as ``mutmut show`` prints it: read in this process through mutmut's own
    function (pinned version), else by running ``mutmut show`` (slow: about half a second each)."""
    try:
        from mutmut.mutation.diff_apply import get_diff_for_mutant

        module = name.rsplit("__mutmut_", 1)[0].rpartition(".")[0]
        rel = Path(*module.split("."))
        path = rel / "__init__.py" if (ROOT / rel).is_dir() else rel.with_suffix(".py")
        cwd = os.getcwd()
        os.chdir(ROOT)
        try:
            return get_diff_for_mutant(name, path=str(path))
        finally:
            os.chdir(cwd)
    except Exception:  # another mutmut, or an index it cannot read: its command line
        return mutmut("show", name, capture=True).stdout


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--report-only", action="store_true", help="report the last run, run nothing")
    ap.add_argument("--max-children", type=int, default=os.cpu_count() or 1, help="mutants tested at once")
    args = ap.parse_args(argv)
    if not Path(sys.executable).with_name("mutmut").exists():
        print("mutmut is not installed: pip install -e '.[mutation]'", file=sys.stderr)
        return 2
    if not args.report_only:
        mutmut("run", "--max-children", str(args.max_children), capture=True)
    if mutmut("export-cicd-stats", capture=True).returncode != 0:
        print("no mutation data: run without --report-only first", file=sys.stderr)
        return 2
    stats = json.loads((ROOT / "mutants" / "mutmut-cicd-stats.json").read_text())
    listed = mutmut("results", "--all", "true", capture=True).stdout.splitlines()
    status = {}
    for line in listed:
        name, _, state = line.strip().rpartition(": ")
        if name:
            status[name] = state
    survivors = sorted((n for n, s in status.items() if s in ("survived", "no tests")),
                       key=lambda n: (n.rsplit("__mutmut_", 1)[0], int(n.rsplit("_", 1)[1])))
    tested = stats["total"] - stats.get("skipped", 0)
    killed = stats["killed"] + stats.get("timeout", 0)
    print(f"mutants {stats['total']}: killed {stats['killed']}, timeout {stats.get('timeout', 0)}, "
          f"survived {stats['survived']}, no test reaches it {stats.get('no_tests', 0)}, "
          f"skipped {stats.get('skipped', 0)}")
    print(f"score {killed}/{tested} = {killed / max(1, tested):.3f}")
    by_function = collections.Counter(n.rsplit("__mutmut_", 1)[0] for n in survivors)
    print("\nsurvivors by function (and mutants no test reaches):")
    for fn, n in sorted(by_function.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"  {n:4d}  {fn}")

    entries = read_entries()
    index: dict[tuple[str, Change], Entry] = {}
    for e in entries:
        for ch in e.changes:
            index.setdefault((e.function, ch), e)
    used: set[tuple[str, Change]] = set()
    explained: dict[int, list[str]] = collections.defaultdict(list)  # id(entry) -> survivors
    unexplained: list[tuple[str, str]] = []
    for n in survivors:
        diff = diff_of(n)
        key = (function_of(n), change_of(diff))
        e = index.get(key)
        if e is None:
            unexplained.append((n, diff))
        else:
            used.add(key)
            explained[id(e)].append(n)
    stale = [(e, ch) for e in entries for ch in e.changes if (e.function, ch) not in used]

    n_explained = sum(len(v) for v in explained.values())
    print(f"\nsurvivors explained in {ACCEPTED.relative_to(ROOT)}: {n_explained}; "
          f"unexplained: {len(unexplained)}; stale entries: {len(stale)}")
    by_kind = collections.Counter()
    for e in entries:
        by_kind[e.kind] += len(explained.get(id(e), ()))
    for kind, count in sorted(by_kind.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"  {count:4d}  {kind}")
    for kind in sorted(by_kind, key=lambda k: (-by_kind[k], k)):
        print(f"\n{kind}:")
        for e in entries:
            names = explained.get(id(e))
            if e.kind == kind and names:
                short = ", ".join(n.rpartition(".")[2] for n in names)
                print(f"  {e.function}: {e.why}\n      ({short})")
    if unexplained:
        print("\nunexplained survivors (an entry for each, or a test that kills it):")
        for n, diff in unexplained:
            state = status.get(n)
            print(f"\n# {n}: {state}")
            print("\n".join(l for l in diff.splitlines() if l.startswith(("-", "+")) and not l.startswith(("---", "+++"))))
    if stale:
        print("\nstale entries (no survivor matches them: killed now, or the line changed):")
        for e, (minus, plus) in stale:
            print(f"  line {e.line}: {e.function}: " + " / ".join([*("- " + m for m in minus), *("+ " + p for p in plus)]))
    print(json.dumps({"total": stats["total"], "killed": stats["killed"], "timeout": stats.get("timeout", 0),
                      "survived": stats["survived"], "no_tests": stats.get("no_tests", 0),
                      "score": round(killed / max(1, tested), 4), "explained": n_explained,
                      "unexplained": len(unexplained), "stale": len(stale)}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
