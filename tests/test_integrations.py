"""The pieces a newsroom's CI speaks: the pre-commit hook (.pre-commit-hooks.yaml), which
checks only the stories whose files changed."""

from __future__ import annotations

import json
import re
import shlex
import shutil

import pytest
import yaml

from conftest import ROOT

HOOKS = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))


@pytest.fixture()
def two_stories(tmp_path, monkeypatch):
    """A project of two bundled stories, their accepted findings, and its [tool.claimdiff]."""
    for story in ("uk-election-2024", "uk-inflation-oct-2022"):
        shutil.copytree(ROOT / "corpora" / story, tmp_path / "corpora" / story)
    shutil.copy(ROOT / "corpora" / "baseline.json", tmp_path / "corpora" / "baseline.json")
    (tmp_path / "pyproject.toml").write_text('[tool.claimdiff]\ncorpus = "corpora"\n'
                                             'baseline = "corpora/baseline.json"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _hook(run, *files: str):
    """The hook as pre-commit runs it: its entry, then the changed files its pattern takes."""
    (hook,) = HOOKS
    assert hook["id"] == "claimdiff" and hook.get("pass_filenames", True) and hook["require_serial"]
    argv = shlex.split(hook["entry"])
    assert argv[0] == "claimdiff"
    taken = [f for f in files if re.search(hook["files"], f)]
    assert taken == list(files), f"the hook's pattern leaves out {set(files) - set(taken)}"
    return run.fresh(*argv[1:], *taken)


def test_the_pre_commit_hook_checks_only_the_story_of_the_changed_file(two_stories, run):
    result = _hook(run, "corpora/uk-inflation-oct-2022/ashbury-courier.md")
    assert result.exit_code == 0, result.output  # with the project's baseline: nothing new
    assert "uk-inflation-oct-2022: 6 reports" in result.stdout and "uk-election-2024" not in result.stdout
    assert "claimdiff check: 1 stories, 6 reports" in result.stderr
    assert "baseline  CD" in result.stdout  # the baseline of [tool.claimdiff] was read


def test_the_pre_commit_hook_passes_a_change_that_touches_no_story(two_stories, run):
    result = _hook(run, "README.md", "corpora/notes.txt")
    assert result.exit_code == 0, result.output
    assert "holds a changed file; nothing to check" in result.stderr


def test_changed_files_name_their_stories_as_a_whole_check_does(tmp_path):
    from claimdiff.check import holding, iter_jobs

    for folder in ("x/fire", "y/fire", "y/flood"):
        for name in ("a.md", "b.md"):
            (tmp_path / folder).mkdir(parents=True, exist_ok=True)
            (tmp_path / folder / name).write_text("Crews fought the fire on Tuesday, officials said.\n")
    (tmp_path / "more.jsonl").write_text("".join(json.dumps({"story": "storm", "text": f"The storm hit {d}."}) + "\n"
                                                 for d in ("Monday", "Tuesday")))
    corpus = [str(tmp_path), str(tmp_path / "more.jsonl")]
    names = [j.name for j in holding(iter_jobs(corpus), [str(tmp_path / "y/fire/b.md"), str(tmp_path / "more.jsonl"),
                                                          str(tmp_path / "y/flood/gone.md")])]
    assert names == ["y/fire", "flood", "storm"]  # "y/fire", as beside "x/fire"; a deleted file's story too
    assert list(holding(iter_jobs(corpus), [str(tmp_path / "x")])) == []  # a folder above stories is no story
