"""Mutation testing of the judge and the parse reading with mutmut, and the score it gives.

    pip install -e '.[mutation]'          # mutmut, pinned
    python benchmarks/mutation.py         # run (resumes an interrupted run), then report
    python benchmarks/mutation.py --report-only

What is mutated and which tests run is mutmut's own configuration, ``[tool.mutmut]`` in
pyproject.toml: ``claimdiff/judge/__init__.py`` and ``claimdiff/extract/reading.py``, against
the fast unit tests named there (for each mutant mutmut runs only the tests that reach the
function it changed). mutmut works in ``mutants/`` (not in git) and leaves the tree alone.

Prints the counts (killed, survived, no test reaches it, timeout), the score (killed and
timed out over all mutants but those mutmut skipped), the surviving mutants by function, and
which of them ``benchmarks/mutation_accepted.txt`` explains (one line a mutant: its name,
then why it is equivalent or accepted). Not run in CI: it takes tens of minutes on 2 cores.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ACCEPTED = ROOT / "benchmarks" / "mutation_accepted.txt"


def mutmut(*args: str, capture: bool = False) -> subprocess.CompletedProcess:
    exe = Path(sys.executable).with_name("mutmut")
    env = dict(os.environ, HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")
    return subprocess.run([str(exe), *args], cwd=ROOT, env=env, text=True,
                          capture_output=capture, check=False)


def accepted() -> dict[str, str]:
    out = {}
    if ACCEPTED.is_file():
        for line in ACCEPTED.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                name, _, why = line.partition(" ")
                out[name] = why.strip()
    return out


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
    survivors = sorted(n for n, s in status.items() if s == "survived")
    tested = stats["total"] - stats.get("skipped", 0)
    killed = stats["killed"] + stats.get("timeout", 0)
    print(f"mutants {stats['total']}: killed {stats['killed']}, timeout {stats.get('timeout', 0)}, "
          f"survived {stats['survived']}, no test reaches it {stats.get('no_tests', 0)}, "
          f"skipped {stats.get('skipped', 0)}")
    print(f"score {killed}/{tested} = {killed / max(1, tested):.3f}")
    by_function = collections.Counter(n.rsplit("__mutmut_", 1)[0] for n in survivors)
    print("\nsurvivors by function:")
    for fn, n in sorted(by_function.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"  {n:4d}  {fn}")
    why = accepted()
    unexplained = [n for n in survivors if n not in why]
    print(f"\nsurvivors explained in {ACCEPTED.relative_to(ROOT)}: {len(survivors) - len(unexplained)}; "
          f"unexplained: {len(unexplained)}")
    for n in survivors:
        if n in why:
            print(f"  {n}: {why[n]}")
    print(json.dumps({"total": stats["total"], "killed": stats["killed"], "timeout": stats.get("timeout", 0),
                      "survived": stats["survived"], "no_tests": stats.get("no_tests", 0),
                      "score": round(killed / max(1, tested), 4), "unexplained": len(unexplained)}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
