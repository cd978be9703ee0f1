"""claimdiff eval: scoring against gold, on the bundled stories (real model) and on a tiny made-up one."""

from __future__ import annotations

import json

import pytest

from claimdiff.evaluate import Score, find_stories, load_gold
from claimdiff.errors import ConfigError
from conftest import ROOT


def test_score_arithmetic():
    s = Score(tp=8, fp=2, fn=8)
    assert s.precision == 0.8 and s.recall == 0.5
    assert s.f1 == pytest.approx(2 * 0.8 * 0.5 / 1.3)
    assert Score().empty


def test_bundled_gold_files_load_and_name_real_text():
    stories = find_stories([str(ROOT / "corpora")])
    names = [p.name for p in stories]
    assert names == sorted(names) and len(names) >= 12
    assert {"kursk-first-clash", "turkey-syria-earthquake", "uk-election-2024", "us-jobs-report-sept-2024"} <= set(names)
    held_out = find_stories([str(ROOT / "benchmarks" / "heldout")])
    assert len(held_out) >= 6 and not {p.name for p in held_out} & set(names)
    for folder in stories + held_out:
        gold = load_gold(folder)
        assert gold.reference.is_file()
        assert len(gold.pairs) >= 20 and len(gold.only_in) >= 8, folder.name
        assert "agree" in {k.value for _, _, _, ks in gold.pairs for k in ks}


def _every_finding(tmp_path, run, gold: str) -> dict:
    """eval's JSON on the made-up story with ``gold``, nothing held back."""
    folder = _story(tmp_path, "reference: ref.md\n" + gold)
    return json.loads(run("eval", str(folder), "--format", "json", "--no-semantic", "--min-confidence", "0").stdout)


def test_strict_precision_counts_unjudged_disagreements_as_wrong(tmp_path, run):
    data = _every_finding(tmp_path, run, (
        "pairs:\n"
        "  - {ref: 'The bridge over the river', doc: other.md, other: 'A new bakery', kinds: [agree]}\n"
        "only_in: []\n"))
    # the container figure shift is about claims the gold never names: unjudged, not wrong...
    assert data["kinds"]["figure-shift"]["fp"] == 0 and data["unjudged"] >= 1
    # ...but strictly, a disagreement the gold does not list is one the reader did not want
    assert data["strict"]["figure-shift"]["fp"] == 1 and data["strict"]["figure-shift"]["precision"] == 0.0


def test_must_not_names_a_forbidden_finding(tmp_path, run):
    data = _every_finding(tmp_path, run, (
        "pairs: []\n"
        "must_not:\n"
        "  - {ref: '16,000 containers', doc: other.md, other: '13,000 containers', kinds: [figure-shift]}\n"))
    assert data["must_not"] == 1
    assert data["kinds"]["figure-shift"]["fp"] == 1  # the trap names both claims: judged, and wrong


def test_eval_json_on_the_corpus(run):
    result = run("eval", str(ROOT / "corpora"), "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) >= {"alignment", "kinds", "macro_f1", "stories"}
    for kind in ("agree", "figure-shift", "contradiction", "attribution-shift", "certainty-shift", "only-in"):
        assert set(data["kinds"][kind]) >= {"precision", "recall", "f1"}
    assert 0.0 <= data["macro_f1"] <= 1.0
    macro = [v["f1"] for v in data["kinds"].values() if v["tp"] + v["fp"] + v["fn"]]
    assert data["macro_f1"] == pytest.approx(sum(macro) / len(macro), abs=1e-3)
    # the counts at the level measured (docs/measurements.md), exactly: a change to any of them
    # is seen here, and the commit that makes it says why
    assert {k: (v["tp"], v["fp"], v["fn"]) for k, v in data["strict"].items()} == MEASURED_STRICT
    assert data["strict_macro_f1"] == pytest.approx(0.4198, abs=5e-4)


# strict (tp, fp, fn) per kind on the 45 tuning stories at the default confidence level,
# unjudged disagreements counted as wrong (the twelve of before, the six former held-out
# stories, four of the second held-out set and, since session 7, five more of it and four of
# the third, in session 11 noto-earthquake-2024 and in session 12 boj-ends-negative-rates-2024,
# uaw-strike-start-2023 and who-r21-malaria-vaccine-2023, in session 13 south-korea-martial-law-2024,
# kakhovka-dam-collapse-2023, odysseus-moon-landing-2024 and three fresh stories whose error lists were
# seen at their first run (haneda, ecb, raisi), then mexico-election-sheinbaum-2024, valencia-floods-2024
# and taiwan-election-2024, moved to tuning once their errors were read); session 14: a telling
# figure both claims give pairs them (Settings.figure_bonus: 25 more agreements, one more certainty
# shift right, one wrong figure shift fewer, 32 fewer only-ins counted wrong, 3 right ones lost), and
# a clause after ", and" that the parse joins to the first verb is cut off even after a place in
# apposition (one more attribution and one more certainty shift right); session 15, rules from
# real coverage judged by hand: "reportedly" against an unnamed source relays it too (the certainty
# shift of kursk-first-clash's ironvale-standard, which its gold lists, is lost), a contrast or
# "and" with no comma cuts a clause with its own subject (an attribution shift lost to the pairing)
MEASURED_STRICT = {
    "contradiction": (8, 0, 26), "figure-shift": (29, 6, 66), "attribution-shift": (24, 1, 83),
    "certainty-shift": (23, 6, 68), "only-in": (448, 804, 307), "agree": (594, 367, 829),
}


def _story(tmp_path, gold: str):
    folder = tmp_path / "story"
    folder.mkdir()
    (folder / "ref.md").write_text(
        "---\noutlet: Ref\ndate: 2024-11-05\n---\n"
        "The ministry said 16,000 containers of shells had been shipped.\n"
        "The bridge over the river was closed to traffic on Monday.\n", encoding="utf-8")
    (folder / "other.md").write_text(
        "---\noutlet: Other\ndate: 2024-11-05\n---\n"
        "The ministry said 13,000 containers of shells had been shipped.\n"
        "A new bakery opened in the old town square.\n", encoding="utf-8")
    (folder / "gold.yaml").write_text(gold, encoding="utf-8")
    return folder


def test_eval_counts_hits_and_misses(tmp_path, run):
    folder = _story(tmp_path, (
        "reference: ref.md\n"
        "pairs:\n"
        "  - {ref: '16,000 containers', doc: other.md, other: '13,000 containers', kinds: [figure-shift]}\n"
        "only_in:\n"
        "  - {doc: other.md, text: 'A new bakery opened'}\n"
        "  - {doc: ref.md, text: 'The bridge over the river'}\n"))
    result = run("eval", str(folder), "--format", "json", "--no-semantic")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["kinds"]["figure-shift"]["tp"] == 1 and data["kinds"]["figure-shift"]["fp"] == 0
    assert data["kinds"]["only-in"]["tp"] == 2
    assert data["alignment"]["f1"] == 1.0


def test_gold_on_a_line_of_page_furniture_is_missed_not_an_error(tmp_path, run):
    """A caption is no claim to the engine: a gold pair or only-in on one is a claim it missed,
    and a trap on one cannot be sprung."""
    folder = _story(tmp_path, (
        "reference: ref.md\n"
        "pairs:\n"
        "  - {ref: '16,000 containers', doc: other.md, other: '13,000 containers', kinds: [figure-shift]}\n"
        "  - {ref: 'Dockers load a ship', doc: other.md, other: 'A crane lifts a box', kinds: [agree]}\n"
        "only_in:\n"
        "  - {doc: other.md, text: 'A new bakery opened'}\n"
        "  - {doc: ref.md, text: 'Dockers load a ship'}\n"
        "must_not:\n"
        "  - {ref: 'Dockers load a ship', doc: other.md, other: 'A crane lifts a box', kinds: [contradiction]}\n"))
    for name, caption in (("ref.md", "Dockers load a ship at the port. (AP Photo/Jane Roe)"),
                          ("other.md", "Photo caption: A crane lifts a box at the port.")):
        path = folder / name
        path.write_text(path.read_text(encoding="utf-8") + caption + "\n", encoding="utf-8")
    result = run("eval", str(folder), "--format", "json", "--no-semantic")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["kinds"]["figure-shift"]["tp"] == 1
    assert data["alignment"]["tp"] == 1 and data["alignment"]["fn"] == 1
    assert data["kinds"]["agree"]["fn"] == 1 and data["kinds"]["only-in"]["fn"] == 1
    assert data["must_not"] == 0
    errors = run("eval", str(folder), "--errors", "--no-semantic").stderr
    assert "missed only-in: '(no claim) Dockers load a ship" in errors


def test_eval_bad_gold_is_one_line(tmp_path, run):
    folder = _story(tmp_path, "reference: ref.md\npairs:\n  - {ref: 'no such words anywhere', doc: other.md, "
                              "other: '13,000 containers', kinds: [agree]}\n")
    result = run("eval", str(folder), "--no-semantic")
    assert result.exit_code == 2
    assert "gold text not found" in result.stderr and "Traceback" not in result.output
    with pytest.raises(ConfigError):
        (folder / "gold.yaml").write_text("reference: ref.md\npairs:\n  - {ref: x}\n", encoding="utf-8")
        load_gold(folder)


def test_eval_without_gold(tmp_path, run):
    result = run("eval", str(tmp_path))
    assert result.exit_code == 2 and "no story folders with a gold.yaml" in result.stderr
