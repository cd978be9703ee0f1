"""claimdiff check: the CI gate over a corpus, on the bundled stories with the real model."""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET

import pytest

from claimdiff.evaluate import find_stories
from claimdiff.report.gate import gh_data, gh_property
from conftest import FEW_STORIES, ROOT, copy_few_stories

CONTRADICTING = """---
outlet: Tollgate Wire
date: 2024-11-06
title: "Pentagon: North Korean troops not yet in combat"
---

North Korea has shipped Russia 9,000 shipping containers of artillery shells, rockets and missiles since the summer of 2023, according to U.S. officials.

The North Korean troops have not begun engaging in combat operations with Russian forces, a State Department official said.
"""


@pytest.fixture()
def corpus_copy(tmp_path, monkeypatch):
    """A few bundled stories (conftest.FEW_STORIES) with their baseline, and the seed, copied:
    tests may change them, and no pyproject.toml is found."""
    copy_few_stories(tmp_path / "corpora")
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_bundled_corpus_passes_with_its_baseline(run):
    result = run("check", str(ROOT / "corpora"), "--baseline", str(ROOT / "corpora" / "baseline.json"),
                 "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["summary"]["stories"] == len(find_stories([str(ROOT / "corpora")])) >= 12
    assert data["summary"]["new"] == 0
    assert data["summary"]["findings"] >= 10 and data["fixed"] == []
    assert "0 failing" in result.stderr


def test_without_baseline_the_known_findings_fail(corpus_copy, run):
    result = run.fresh("check", "corpora", "--format", "json")
    assert result.exit_code == 1, result.output
    kinds = {f["kind"] for f in json.loads(result.stdout)["findings"]}
    assert kinds == {"contradiction", "figure-shift"}
    assert run.fresh("check", "corpora", "--exit-zero").exit_code == 0


def test_a_new_report_that_contradicts_fails_and_is_pointed_at(corpus_copy, run):
    new = corpus_copy / "corpora" / "kursk-first-clash" / "tollgate-wire.md"
    new.write_text(CONTRADICTING, encoding="utf-8")
    baseline = "corpora/baseline.json"
    base = run.fresh("check", "corpora", "--baseline", baseline, "--format", "json")
    assert base.exit_code == 1, base.output
    found = [f for f in json.loads(base.stdout)["findings"] if f["new"]]
    assert {f["kind"] for f in found} == {"contradiction", "figure-shift"}
    assert all(f["sides"][1]["path"] == "corpora/kursk-first-clash/tollgate-wire.md" for f in found)
    lines = {(f["kind"], f["sides"][1]["line"]) for f in found}
    assert lines == {("figure-shift", 7), ("contradiction", 9)}  # the file's own lines, front matter counted

    gh = run.fresh("check", "corpora", "--baseline", baseline, "--format", "github")
    assert gh.exit_code == 1
    errors = [line for line in gh.stdout.splitlines() if line.startswith("::error ")]
    assert len(errors) == len(found)
    assert all("file=corpora/kursk-first-clash/tollgate-wire.md" in e for e in errors)
    assert any(",line=9,endLine=9," in e and "title=CD300 contradiction" in e for e in errors)

    sarif = json.loads(run.fresh("check", "corpora", "--baseline", baseline, "--format", "sarif").stdout)
    new_results = [r for r in sarif["runs"][0]["results"] if r["baselineState"] == "new"]
    assert {r["ruleId"] for r in new_results} == {"CD200", "CD300"}
    for r in new_results:
        loc = r["locations"][0]["physicalLocation"]
        assert loc["artifactLocation"]["uri"] == "corpora/kursk-first-clash/tollgate-wire.md"
        assert loc["region"]["startLine"] in (7, 9) and loc["region"]["startColumn"] >= 1

    junit = run.fresh("check", "corpora", "--baseline", baseline, "--format", "junit")
    root = ET.fromstring(junit.stdout)
    failures = [tc for tc in root.iter("testcase") if tc.find("failure") is not None]
    assert len(failures) == 1 and "tollgate-wire.md" in failures[0].get("name")
    assert "tollgate-wire.md:9" in failures[0].find("failure").text


def test_editing_an_unrelated_sentence_keeps_the_baseline(corpus_copy, run):
    baseline = str(corpus_copy / "baseline.json")
    assert run.fresh("check", "corpora", "--write-baseline", baseline).exit_code == 0
    report = corpus_copy / "corpora" / "kursk-first-clash" / "saltmarsh-evening-record.md"
    text = report.read_text(encoding="utf-8")
    # a new paragraph near the top moves every line below it
    text = text.replace("\n\nUkraine says", "\n\nThe weather in Kyiv was mild on Wednesday morning.\n\nUkraine says", 1)
    report.write_text(text, encoding="utf-8")
    result = run.fresh("check", "corpora", "--baseline", baseline, "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["summary"]["new"] == 0


def test_baseline_entries_no_longer_found_are_reported(corpus_copy, run):
    baseline = corpus_copy / "baseline.json"
    assert run.fresh("check", "corpora", "--write-baseline", str(baseline)).exit_code == 0
    data = json.loads(baseline.read_text(encoding="utf-8"))
    assert data["findings"] == sorted(data["findings"], key=lambda e: e["fingerprint"])
    report = corpus_copy / "corpora" / "us-jobs-report-sept-2024" / "quarry-lane-tribune.md"
    report.write_text(report.read_text(encoding="utf-8").replace("225,000", "254,000"), encoding="utf-8")
    result = run.fresh("check", "corpora", "--baseline", str(baseline), "--format", "json")
    assert result.exit_code == 0
    fixed = json.loads(result.stdout)["fixed"]
    assert any("225,000" in e["reason"] for e in fixed)
    assert "no longer found" in result.stderr


def test_jsonl_corpus(corpus_copy, run):
    lines = []
    for p in sorted((corpus_copy / "corpora" / "us-jobs-report-sept-2024").glob("*.md")):
        from claimdiff.read import read_document

        d = read_document(str(p))
        lines.append(json.dumps({"story": "jobs", "outlet": d.outlet, "date": d.date, "role": d.role, "text": d.text}))
    path = corpus_copy / "corpus.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run.fresh("check", str(path), "--format", "json")
    assert result.exit_code == 1, result.output
    data = json.loads(result.stdout)
    assert data["stories"][0]["name"] == "jobs" and data["stories"][0]["reference"] == "the-harrowgate-ledger"
    # annotations point at the .jsonl file itself and the line of the record each side is from
    records = [json.loads(x) for x in lines]
    sides = [s for f in data["findings"] for s in f["sides"]]
    assert sides and all(s["path"] == str(path) for s in sides)
    assert all(1 <= s["line"] <= len(records) and records[s["line"] - 1]["outlet"] == s["outlet"] for s in sides)

    path.write_text(lines[0] + "\n{not json\n", encoding="utf-8")
    bad = run.fresh("check", str(path))
    assert bad.exit_code == 2 and f"{path}:2: not valid JSON" in bad.stderr


@pytest.mark.parametrize("args,message", [
    (["--fail-on", "explosion"], "unknown kind 'explosion'"),
    (["--baseline", "missing.json"], "baseline file not found"),
])
def test_usage_errors_are_one_line(corpus_copy, run, args, message):
    result = run.fresh("check", "corpora", *args)
    assert result.exit_code == 2, result.output
    assert message in result.output and "Traceback" not in result.output


@pytest.mark.parametrize("stray", ["index.md", "report.html", "README.md"])
def test_a_stray_file_at_the_corpus_root_does_not_switch_the_gate_off(tmp_path, run, monkeypatch, stray):
    """A folder of story folders may hold other files (an index, the HTML report written
    there): they are no story, and the stories beside them are still checked."""
    monkeypatch.chdir(tmp_path)  # no pyproject.toml, no baseline: the story's findings are new
    shutil.copytree(ROOT / "tests" / "fixtures" / "harbour-fire", tmp_path / "corpus" / "harbour-fire")
    (tmp_path / "corpus" / stray).write_text("# Index\n\nThe stories of this corpus, one folder each.\n",
                                            encoding="utf-8")
    result = run.fresh("check", "corpus", "--no-semantic", "--format", "json")
    data = json.loads(result.stdout)
    assert [s["name"] for s in data["stories"]] == ["harbour-fire"]
    assert result.exit_code == 1 and data["findings"], result.output  # its figure shift still fails


def test_a_corpus_with_nothing_to_compare_is_an_error(tmp_path, run):
    (tmp_path / "corpus" / "lonely").mkdir(parents=True)
    (tmp_path / "corpus" / "lonely" / "only.md").write_text("One report alone says 40 people died.\n", encoding="utf-8")
    result = run.fresh("check", str(tmp_path / "corpus"), "--no-semantic")
    assert result.exit_code == 2, result.output
    assert "no story with two readable reports to compare" in result.stderr and "Traceback" not in result.output


def test_unreadable_baseline(corpus_copy, run):
    (corpus_copy / "b.json").write_text("{nope", encoding="utf-8")
    result = run.fresh("check", "corpora", "--baseline", "b.json")
    assert result.exit_code == 2 and "not a readable claimdiff baseline" in result.stderr


def test_config_in_pyproject(corpus_copy, run):
    (corpus_copy / "pyproject.toml").write_text('[tool.claimdiff]\ncorpus = "corpora"\nfail-on = ["only-in"]\n'
                                                'format = "jsonl"\n', encoding="utf-8")
    result = run.fresh("check")
    assert result.exit_code == 1
    assert {json.loads(line)["kind"] for line in result.stdout.splitlines()} == {"only-in"}
    # flags win over the file
    result = run.fresh("check", "--fail-on", "contradiction", "--format", "json")
    assert {f["kind"] for f in json.loads(result.stdout)["findings"]} == {"contradiction"}

    (corpus_copy / "pyproject.toml").write_text('[tool.claimdiff]\ncorpuss = "corpora"\n', encoding="utf-8")
    result = run.fresh("check")
    assert result.exit_code == 2 and "unknown key 'corpuss'" in result.stderr
    (corpus_copy / "pyproject.toml").write_text('[tool.claimdiff]\nthreshold = "high"\n', encoding="utf-8")
    result = run.fresh("check")
    assert result.exit_code == 2 and "threshold must be a number" in result.stderr


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_config_written_with_a_byte_order_mark_is_read(corpus_copy, run, newline):
    """As Windows editors save it: a UTF-8 byte-order mark first, CRLF line ends."""
    text = newline.join(['[tool.claimdiff]', 'corpus = "corpora"', 'fail-on = ["only-in"]', 'format = "jsonl"', ''])
    (corpus_copy / "pyproject.toml").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    result = run.fresh("check")
    assert result.exit_code == 1, result.stderr
    assert {json.loads(line)["kind"] for line in result.stdout.splitlines()} == {"only-in"}


def test_compare_and_eval_read_the_same_config(corpus_copy, run):
    """model, backend, threshold and semantic in [tool.claimdiff] hold for compare and eval
    too, not only check; flags still win."""
    (corpus_copy / "pyproject.toml").write_text('[tool.claimdiff]\nthreshold = 0.9\nsemantic = false\n',
                                                encoding="utf-8")
    pair = ["seeds/kursk-first-clash.md", "corpora/kursk-first-clash/ironvale-standard.md", "--format", "json"]
    settings = dict(json.loads(run.fresh("compare", *pair).stdout)["settings"])
    assert settings["threshold"] == 0.9 and settings["semantic"] is False and settings["model"] is None
    settings = dict(json.loads(run.fresh("compare", *pair, "--threshold", "0.7").stdout)["settings"])
    assert settings["threshold"] == 0.7 and settings["semantic"] is False

    (corpus_copy / "pyproject.toml").write_text('[tool.claimdiff]\nbackend = "gpu"\n', encoding="utf-8")
    for args in (["compare", *pair], ["eval", "corpora/turkey-syria-earthquake"]):
        result = run.fresh(*args)
        assert result.exit_code == 2 and "backend must be torch, onnx or onnx-fp32" in result.stderr, args


def test_markdown_cut_to_a_comment_size(run, few_stories):
    """--max-chars keeps a PR comment under GitHub's limit: counts first, then failing rows,
    then whole stories while they fit, and a line on what was left out."""
    stories = str(few_stories)
    whole = run("check", stories, "--format", "markdown", "--fail-on", "all", "--exit-zero")
    assert whole.exit_code == 0 and len(whole.stdout) > 20000 and "Cut to" not in whole.stdout
    cut = run("check", stories, "--format", "markdown", "--fail-on", "all", "--exit-zero", "--max-chars", "20000")
    assert cut.exit_code == 0, cut.output
    assert len(cut.stdout) <= 20000
    assert cut.stdout.startswith(whole.stdout.split("| error |")[0])  # the same counts and table head
    note = next(line for line in cut.stdout.splitlines() if line.startswith("_Cut to 20,000 characters:"))
    shown = cut.stdout.count("\n| error |")
    assert f"{whole.stdout.count(chr(10) + '| error |') - shown} of {whole.stdout.count(chr(10) + '| error |')} " \
           "failing findings" in note
    roomy = run("check", stories, "--format", "markdown", "--fail-on", "all", "--exit-zero",
                "--max-chars", str(len(whole.stdout)))
    assert roomy.stdout == whole.stdout
    # a story that fits is shown whole: the default kinds leave room for stories
    gate = run("check", stories, "--format", "markdown", "--exit-zero", "--max-chars", "30000")
    assert len(gate.stdout) <= 30000 and "## Story: " in gate.stdout
    for bad, message in ((["--format", "json", "--max-chars", "100"], "only --format markdown"),
                         (["--format", "markdown", "--max-chars", "100"], "leaves no room")):
        result = run("check", stories, *bad, "--exit-zero")
        assert result.exit_code == 2 and message in result.stderr and "Traceback" not in result.output


def test_github_escaping():
    assert gh_data("50% up\nnext") == "50%25 up%0Anext"
    assert gh_property("a:b,c") == "a%3Ab%2Cc"


def test_github_caps_annotations(corpus_copy, run):
    result = run.fresh("check", "corpora", "--format", "github", "--fail-on", "all")
    errors = [line for line in result.stdout.splitlines() if line.startswith("::error ")]
    assert len(errors) == 10
    assert result.stdout.splitlines()[-1].startswith("::notice title=claimdiff::")


def test_sarif_validates_against_the_sarif_2_1_0_schema(corpus_copy, run):
    """The schema is Microsoft's SARIF SDK copy of the OASIS 2.1.0 schema, fetched from the
    npm registry by scripts/setup.sh into tests/schemas/ (not committed)."""
    import jsonschema

    schema_path = ROOT / "tests" / "schemas" / "sarif-2.1.0.json"
    assert schema_path.is_file(), "run scripts/test (or scripts/setup.sh) to fetch the SARIF schema"
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    new = corpus_copy / "corpora" / "kursk-first-clash" / "tollgate-wire.md"
    new.write_text(CONTRADICTING, encoding="utf-8")
    result = run.fresh("check", "corpora", "--baseline", "corpora/baseline.json",
                       "--format", "sarif", "--show", "attribution-shift")
    log = json.loads(result.stdout)
    jsonschema.Draft4Validator.check_schema(schema)
    errors = sorted(jsonschema.Draft4Validator(schema).iter_errors(log), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]
    results = log["runs"][0]["results"]
    assert {r["baselineState"] for r in results} == {"new", "unchanged"}
    assert all(r["partialFingerprints"]["claimdiffFingerprint/v1"] for r in results)


GITLAB_SEVERITIES = {"info", "minor", "major", "critical", "blocker"}


def test_gitlab_report_has_the_code_quality_fields(corpus_copy, run):
    """GitLab's code-quality report, field by field (docs.gitlab.com/ci/testing/code_quality):
    a list of issues with description, check_name, fingerprint, severity, location.path and
    location.lines.begin; fingerprints the baseline's; severity from kind and gate."""
    new = corpus_copy / "corpora" / "kursk-first-clash" / "tollgate-wire.md"
    new.write_text(CONTRADICTING, encoding="utf-8")
    baseline = corpus_copy / "corpora" / "baseline.json"
    # every finding, whatever the calibrated level: the severities of every kind are checked
    args = ("check", "corpora/kursk-first-clash", "--baseline", str(baseline), "--show", "attribution-shift",
            "--min-confidence", "0")
    result = run.fresh(*args, "--format", "gitlab")
    assert result.exit_code == 1, result.output
    issues = json.loads(result.stdout)
    assert isinstance(issues, list) and issues
    for issue in issues:
        assert set(issue) == {"description", "check_name", "fingerprint", "severity", "location"}
        assert isinstance(issue["description"], str) and issue["description"].strip()
        assert "\n" not in issue["description"]
        assert issue["check_name"] in {"CD200", "CD300", "CD400"}
        assert issue["severity"] in GITLAB_SEVERITIES
        assert set(issue["location"]) == {"path", "lines"} and set(issue["location"]["lines"]) == {"begin"}
        assert (corpus_copy / issue["location"]["path"]).is_file()
        begin = issue["location"]["lines"]["begin"]
        assert isinstance(begin, int) and not isinstance(begin, bool) and begin >= 1
    assert len({i["fingerprint"] for i in issues}) == len(issues)  # GitLab keeps one issue a fingerprint
    # the fingerprints are the baseline's: the accepted findings are found in it, by fingerprint
    as_json = json.loads(run.fresh(*args, "--format", "json").stdout)["findings"]
    assert [i["fingerprint"] for i in issues] == [f["fingerprint"] for f in as_json]
    accepted = {e["fingerprint"] for e in json.loads(baseline.read_text(encoding="utf-8"))["findings"]}
    severity = {(f["kind"], f["new"]): i["severity"] for i, f in zip(issues, as_json)}
    assert all((i["fingerprint"] in accepted) == (not f["new"]) for i, f in zip(issues, as_json))
    assert severity == {("contradiction", True): "critical", ("figure-shift", True): "major",
                        ("contradiction", False): "info", ("figure-shift", False): "info",
                        ("attribution-shift", True): "minor"}
    on_new = {(i["check_name"], i["location"]["path"], i["location"]["lines"]["begin"])
              for i, f in zip(issues, as_json) if f["new"] and f["kind"] != "attribution-shift"}
    assert on_new == {("CD200", "corpora/kursk-first-clash/tollgate-wire.md", 7),
                      ("CD300", "corpora/kursk-first-clash/tollgate-wire.md", 9)}
    assert run.fresh(*args, "--format", "gitlab").stdout == result.stdout  # same inputs, same bytes


class _Terminal(__import__("io").StringIO):
    def isatty(self):
        return True


def test_progress_bar_only_on_a_terminal():
    from claimdiff.progress import Bar

    tty = _Terminal()
    bar = Bar(4, stream=tty, width=8)
    for name in ("a", "b", "c", "d"):  # each story as it finishes, counted
        bar.finish(name)
    bar.close()
    frames = tty.getvalue().split("\r\x1b[K")
    assert frames[1] == "claimdiff check [##......] 1/4 a" and frames[3] == "claimdiff check [######..] 3/4 c"
    assert frames[-1] == "claimdiff check [########] 4/4\n"
    piped = __import__("io").StringIO()
    quiet = Bar(4, stream=piped)
    quiet.finish("a")
    quiet.close()
    assert piped.getvalue() == ""
    assert Bar(None, stream=_Terminal()).line("x") == "claimdiff check 0 stories x"


def test_check_without_a_terminal_prints_no_progress(run):
    result = run("check", str(ROOT / "corpora"), "--baseline", str(ROOT / "corpora" / "baseline.json"),
                 "--format", "json")
    assert result.exit_code == 0
    assert "\r" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_check_keeps_no_text_of_the_stories_it_is_done_with(onnx_fp32_encoder, few_stories):
    """Memory must not grow with the corpus: a compared story leaves names and ids, not texts.
    (The default backend and the session's cache, which the other corpus checks fill.)"""
    from claimdiff.check import check, count_stories

    result = check([str(few_stories)])
    assert len(result.stories) == count_stories([str(few_stories)]) == len(FEW_STORIES)
    for story, comparison in result.stories:
        assert story.documents == () and comparison.claims == () and comparison.alignments == ()
        assert comparison.documents and all(d.text == "" and d.outlet for d in comparison.documents)


@pytest.mark.parametrize("outlet, shown", [("A \\ud83d\\ude00 Wire", "A \U0001f600 Wire"),  # a pair: one emoji
                                           ("A \\ud800 Wire", "A \ufffd Wire")])  # alone: no character
@pytest.mark.parametrize("fmt", ["json", "html", "junit", "markdown", "text"])
def test_a_surrogate_escape_in_a_jsonl_field_is_read_not_a_crash(tmp_path, run, monkeypatch, outlet, shown, fmt):
    monkeypatch.chdir(tmp_path)
    first = ('{"story": "s\\ud800", "outlet": "%s", "title": "T %s", "role": "reference", '
             '"text": "About 3,000 troops arrived in Kursk on Tuesday, officials said."}' % (outlet, outlet))
    second = '{"story": "s\\ud800", "outlet": "B", "text": "About 5,000 troops arrived in Kursk on Tuesday, officials said."}'
    (tmp_path / "c.jsonl").write_text(first + "\n" + second + "\n", encoding="utf-8")
    result = run.fresh("check", "c.jsonl", "--no-semantic", "--format", fmt)
    assert result.exit_code == 1, result.output  # the figure shift, reported ...
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)  # no crash
    if fmt in ("json", "html"):
        assert shown in result.stdout


@pytest.mark.parametrize("args, target", [
    (["check", "corpora", "-o", "{t}"], "corpora/kursk-first-clash/saltmarsh-evening-record.md"),  # a report
    (["check", "corpora", "-o", "{t}"], "corpora/uk-election-2024/gold.yaml"),
    (["check", "corpora", "--baseline", "corpora/baseline.json", "-o", "{t}"], "corpora/baseline.json"),  # in use
    (["check", "corpora", "-o", "{t}"], "pyproject.toml"),
    (["check", "corpora", "--write-baseline", "{t}"], "corpora/kursk-first-clash/gold.yaml"),
    (["check", "corpora", "--write-baseline", "{t}"], "pyproject.toml"),
    (["eval", "corpora/kursk-first-clash", "-o", "{t}"], "corpora/kursk-first-clash/gold.yaml"),
    (["eval", "corpora/kursk-first-clash", "-o", "{t}"], "corpora/kursk-first-clash/meridian-wire-review.md"),
])
def test_an_output_never_replaces_what_the_run_reads(corpus_copy, run, args, target):
    (corpus_copy / "pyproject.toml").write_text("[tool.claimdiff]\ncorpus = \"corpora\"\n", encoding="utf-8")
    before = (corpus_copy / target).read_bytes()
    result = run.fresh(*[a.format(t=target) for a in args], "--no-semantic")
    assert result.exit_code == 2, result.output
    assert "is read by this" in result.stderr and "Traceback" not in result.output
    assert (corpus_copy / target).read_bytes() == before


def test_writing_the_baseline_over_the_one_it_replaces_still_works(corpus_copy, run):
    result = run.fresh("check", "corpora", "--no-semantic", "--write-baseline", "corpora/baseline.json")
    assert result.exit_code == 0, result.output


def test_two_story_folders_of_one_name_are_two_stories(tmp_path, run, monkeypatch):
    """'x/harbour-fire' and 'y/harbour-fire' are two stories: named apart, each with its own
    findings, none dropped as the other's duplicate; a name no other story has stays short."""
    monkeypatch.chdir(tmp_path)
    fixture = ROOT / "tests" / "fixtures" / "harbour-fire"
    for parent in ("x", "y"):
        shutil.copytree(fixture, tmp_path / parent / "harbour-fire")
    shutil.copytree(fixture, tmp_path / "z" / "alone-fire")
    one = run.fresh("check", "x", "--no-semantic", "--format", "json")
    both = run.fresh("check", "x", "y", "z", "--no-semantic", "--format", "json")
    d1, d2 = json.loads(one.stdout), json.loads(both.stdout)
    assert [s["name"] for s in d1["stories"]] == ["harbour-fire"]
    assert [s["name"] for s in d2["stories"]] == ["x/harbour-fire", "y/harbour-fire", "alone-fire"]
    per_story = {}
    for f in d2["findings"]:
        per_story.setdefault(f["story"], []).append(f["fingerprint"])
    assert len(per_story["x/harbour-fire"]) == len(per_story["y/harbour-fire"]) == len(d1["findings"]) > 0
    assert not set(per_story["x/harbour-fire"]) & set(per_story["y/harbour-fire"])


def test_a_missing_path_fails_before_any_story_is_compared(tmp_path, run, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copytree(ROOT / "tests" / "fixtures" / "harbour-fire", tmp_path / "a" / "harbour-fire")
    calls = []
    monkeypatch.setattr("claimdiff.check._folder_story", lambda folder: calls.append(folder))
    result = run.fresh("check", "a", "zz-missing", "--no-semantic")
    assert result.exit_code == 2 and "zz-missing: no such file or folder" in result.stderr
    assert calls == []


def test_no_longer_found_lists_only_what_the_run_looked_for(tmp_path, run, monkeypatch):
    """A baseline written with --show all, checked with the default kinds, or checked on one
    of its stories, lists nothing as gone: those entries were not looked for. An entry that
    holds only its fingerprint is named by it."""
    monkeypatch.chdir(tmp_path)
    fixture = ROOT / "tests" / "fixtures" / "harbour-fire"
    shutil.copytree(fixture, tmp_path / "corpus" / "harbour-fire")
    shutil.copytree(fixture, tmp_path / "corpus" / "quay-fire")
    baseline = tmp_path / "baseline.json"
    assert run.fresh("check", "corpus", "--no-semantic", "--show", "all", "--write-baseline", str(baseline)).exit_code == 0
    entries = json.loads(baseline.read_text())["findings"]
    assert {e["kind"] for e in entries} - {"contradiction", "figure-shift"}  # other kinds were written too
    default = run.fresh("check", "corpus", "--no-semantic", "--baseline", str(baseline), "--format", "json")
    assert default.exit_code == 0 and json.loads(default.stdout)["fixed"] == []
    one = run.fresh("check", "corpus/quay-fire", "--no-semantic", "--show", "all", "--baseline", str(baseline),
                    "--format", "json")
    assert json.loads(one.stdout)["fixed"] == []
    data = json.loads(baseline.read_text())
    data["findings"].append({"fingerprint": "0123456789abcdef"})
    baseline.write_text(json.dumps(data))
    gone = run.fresh("check", "corpus", "--no-semantic", "--baseline", str(baseline))
    assert "claimdiff: fixed: fingerprint 0123456789abcdef" in gone.stderr and "None" not in gone.stderr


@pytest.mark.parametrize("gold,message", [
    ("reference: [unclosed\n", "not valid YAML"),
    ("- a list\n- not a mapping\n", "not a gold file"),
    ("reference: 7\n", "'reference' must name a report"),
])
def test_a_broken_gold_yaml_fails_check_as_it_fails_eval(tmp_path, run, monkeypatch, gold, message):
    monkeypatch.chdir(tmp_path)
    story = tmp_path / "corpus" / "harbour-fire"
    shutil.copytree(ROOT / "tests" / "fixtures" / "harbour-fire", story)
    (story / "gold.yaml").write_text(gold, encoding="utf-8")
    result = run.fresh("check", "corpus", "--no-semantic")
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0] and "gold.yaml" in lines[0], lines


def test_a_jsonl_text_that_opens_with_dashes_is_text(tmp_path, run):
    """In JSONL the fields are the metadata: a text that starts with '---' is not front matter
    (it was read as front matter never closed)."""
    corpus = tmp_path / "c.jsonl"
    lines = [{"story": "s", "text": "---\nMore than 10,000 troops arrived on Tuesday, officials said.\n"},
             {"story": "s", "outlet": "B", "text": "About 3,000 troops arrived on Tuesday, officials said.\n"}]
    corpus.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    result = run.fresh("check", str(corpus), "--no-semantic", "--format", "json")
    assert result.exit_code == 1, result.output
    assert [f["kind"] for f in json.loads(result.stdout)["findings"]] == ["figure-shift"]


def test_renamed_duplicate_ids_never_collide():
    from claimdiff.model import Document
    from claimdiff.read import unique_ids

    docs = [Document(id=i, text="t", outlet="o") for i in ("x", "x", "x-2", "x")]
    assert [d.id for d in unique_ids(docs)] == ["x", "x-3", "x-2", "x-4"]


def test_a_jsonl_corpus_is_built_one_story_at_a_time(tmp_path, monkeypatch):
    """Memory stays flat: when the first story is handed out, only its documents are built
    (every line was checked before, so a bad line later on is still said first)."""
    import claimdiff.check as check

    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps({"story": f"s{i % 3}", "outlet": f"O{i}", "text": f"Report {i} says 40 people died."})
                              + "\n" for i in range(9)), encoding="utf-8")
    built = []
    real = check._jsonl_document
    monkeypatch.setattr(check, "_jsonl_document", lambda obj, n, path: built.append(n) or real(obj, n, path))
    stories = check.iter_stories([str(corpus)])
    first = next(stories)
    assert first.name == "s0" and [d.outlet for d in first.documents] == ["O0", "O3", "O6"]
    assert built == [1, 4, 7]
    assert [s.name for s in stories] == ["s1", "s2"] and len(built) == 9
    corpus.write_text(corpus.read_text() + "{broken\n", encoding="utf-8")
    with pytest.raises(check.InputError, match=r"c\.jsonl:10: not valid JSON"):
        next(check.iter_stories([str(corpus)]))
