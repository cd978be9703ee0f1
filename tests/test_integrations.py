"""The pieces a newsroom's CI speaks: the GitHub Action's steps (scripts/action.sh, run here as
action.yml runs them, in a temporary git repository, with this interpreter's claimdiff so
nothing is installed), and the pre-commit hook (.pre-commit-hooks.yaml), which checks only the
stories whose files changed."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys

import pytest
import yaml

from conftest import ROOT

HOOKS = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
ACTION = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))


@pytest.fixture()
def repo(tmp_path, run):
    """A git repository with what `claimdiff init` writes: one story, green as it is."""
    folder = tmp_path / "newsroom"
    folder.mkdir()
    subprocess.run(["git", "init", "-q", str(folder)], check=True)
    assert run.fresh("init", str(folder)).exit_code == 0
    return folder


@pytest.fixture()
def fp32_cache(tmp_path, onnx_fp32_encoder):
    """An empty cache folder holding the session's fp32 ONNX export (linked), so the script's
    claimdiff runs the default backend with the real model and does not export it again."""
    folder = tmp_path / "cache"
    (folder / "onnx").mkdir(parents=True)
    (folder / "onnx" / onnx_fp32_encoder.file.name).symlink_to(onnx_fp32_encoder.file)
    return folder


class Step:
    def __init__(self, proc, runner):
        self.code, self.stdout, self.stderr = proc.returncode, proc.stdout, proc.stderr
        self.summary = runner / "summary.md"
        outputs = (runner / "output").read_text(encoding="utf-8") if (runner / "output").exists() else ""
        self.outputs = dict(line.split("=", 1) for line in outputs.splitlines())


def _action(repo, cache, **inputs) -> Step:
    """scripts/action.sh as the action's step runs it, inputs as INPUT_* (action.yml's env)."""
    runner = repo.parent / "runner"
    runner.mkdir(exist_ok=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("INPUT_", "GITHUB_"))}
    env.update(PYTHONPATH=str(ROOT), CLAIMDIFF_PYTHON=sys.executable, CLAIMDIFF_CACHE_DIR=str(cache),
               RUNNER_TEMP=str(runner), GITHUB_STEP_SUMMARY=str(runner / "summary.md"),
               GITHUB_OUTPUT=str(runner / "output"))
    env.update({f"INPUT_{name.upper()}": value for name, value in inputs.items()})
    proc = subprocess.run(["bash", str(ROOT / "scripts" / "action.sh")], cwd=repo, env=env, capture_output=True,
                          text=True, timeout=600)
    assert "installing" not in proc.stderr and not (runner / "claimdiff-venv").exists()  # set up already
    return Step(proc, runner)


def _sarif_results(step: Step) -> list[dict]:
    log = json.loads(open(step.outputs["sarif"], encoding="utf-8").read())
    assert log["version"] == "2.1.0" and isinstance(log["runs"][0]["results"], list)
    return log["runs"][0]["results"]


def test_action_yml_runs_the_script_with_its_inputs():
    step = ACTION["runs"]["steps"][0]
    assert ACTION["runs"]["using"] == "composite" and len(ACTION["runs"]["steps"]) == 1
    assert step["run"] == 'bash "$GITHUB_ACTION_PATH/scripts/action.sh"' and step["shell"] == "bash"
    script = (ROOT / "scripts" / "action.sh").read_text(encoding="utf-8")
    for name in ACTION["inputs"]:
        variable = "CLAIMDIFF_PYTHON" if name == "python" else "INPUT_" + name.upper().replace("-", "_")
        assert step["env"][variable] == "${{ inputs.%s }}" % name and variable in script
    assert set(ACTION["inputs"]) == {"paths", "fail-on", "baseline", "format", "sarif", "python"}
    assert ACTION["outputs"]["sarif"]["value"] == "${{ steps.check.outputs.sarif }}" and step["id"] == "check"


def test_the_action_passes_a_green_corpus_and_leaves_a_summary_and_sarif(repo, fp32_cache):
    step = _action(repo, fp32_cache)
    assert step.code == 0, step.stderr
    assert "::error" not in step.stdout  # format github, the default: no annotation on a green corpus
    assert step.stderr.count("claimdiff check: 1 stories") == 1  # said once, not by each report
    page = step.summary.read_text(encoding="utf-8")
    assert page.startswith("# claimdiff check\n") and "0 failing" in page
    assert "## Story: ashcombe-footbridge-closure" in page
    assert _sarif_results(step) == []  # nothing of a failing kind, nothing shown


def test_the_actions_exit_code_follows_fail_on_and_the_baseline(repo, fp32_cache, run, monkeypatch):
    step = _action(repo, fp32_cache, fail_on="only-in")
    assert step.code == 1, step.stderr
    errors = [line for line in step.stdout.splitlines() if line.startswith("::error ")]
    assert len(errors) == 2 and all("title=CD600 only-in" in e for e in errors)
    results = _sarif_results(step)  # written when the check fails too: that is when it is read
    assert [r["ruleId"] for r in results] == ["CD600", "CD600"] and {r["level"] for r in results} == {"error"}
    assert "2 failing (only-in)" in step.summary.read_text(encoding="utf-8")

    monkeypatch.chdir(repo)  # accept them, and the same step passes with that baseline
    accepted = run.fresh("check", "--fail-on", "only-in", "--write-baseline", "accepted.json")
    assert accepted.exit_code == 0, accepted.output
    again = _action(repo, fp32_cache, fail_on="only-in", baseline="accepted.json", format="text")
    assert again.code == 0, again.stderr
    assert "baseline  CD600" in again.stdout
    assert {r["baselineState"] for r in _sarif_results(again)} == {"unchanged"}


def test_an_error_in_the_action_is_exit_2_and_one_line_with_no_sarif(repo, fp32_cache):
    step = _action(repo, fp32_cache, paths="corpora/no-such-story")
    assert step.code == 2
    lines = step.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("claimdiff: error: ") and "no-such-story" in lines[0]
    assert "sarif" not in step.outputs and not step.summary.exists()


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
    result = _hook(run, "corpora/uk-election-2024/halden-post.md")
    assert result.exit_code == 0, result.output  # with the project's baseline: nothing new
    assert "uk-election-2024: 5 reports" in result.stdout and "uk-inflation-oct-2022" not in result.stdout
    assert "claimdiff check: 1 stories, 5 reports" in result.stderr
    assert "baseline  CD" in result.stdout  # the baseline of [tool.claimdiff] was read


def test_the_pre_commit_hook_passes_a_change_that_touches_no_story(two_stories, run):
    result = _hook(run, "README.md", "corpora/notes.txt")
    assert result.exit_code == 0, result.output
    assert "holds a changed file; nothing to check" in result.stderr
    assert result.stdout == ""  # not even a blank line in the hook's output


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


def _ci_blocks() -> list[str]:
    """The README's copy-paste blocks under "In your CI", in order."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## In your CI"):]
    section = section[:section.index("\n## ", 1)]
    return re.findall(r"```yaml\n(.*?)```", section, re.S)


def _torch_pin(text: str) -> str:
    return re.search(r'TORCH_VERSION="([^"]+)"', text)[1]


def test_the_readme_is_a_front_door_under_200_lines():
    assert len((ROOT / "README.md").read_text(encoding="utf-8").splitlines()) < 200


def test_the_readmes_ci_blocks_are_the_ones_shipped():
    from claimdiff.init import REPOSITORY, WORKFLOW
    from claimdiff.version import __version__

    github, pre_commit, gitlab = _ci_blocks()
    assert github == WORKFLOW  # what claimdiff init writes, so the two cannot drift
    pin = _torch_pin((ROOT / "scripts" / "setup.sh").read_text(encoding="utf-8"))
    assert _torch_pin((ROOT / "scripts" / "action.sh").read_text(encoding="utf-8")) == pin

    (repo,) = yaml.safe_load(pre_commit)["repos"]
    assert repo["repo"] == f"https://github.com/{REPOSITORY}" and repo["rev"] == f"v{__version__}"
    assert [h["id"] for h in repo["hooks"]] == [h["id"] for h in HOOKS]
    assert repo["hooks"][0]["additional_dependencies"] == [f"torch=={pin}"]

    job = yaml.safe_load(gitlab)["claimdiff"]
    torch, package, command = job["script"]
    assert torch == f"pip install torch=={pin} --index-url https://download.pytorch.org/whl/cpu"
    assert package == f"pip install git+https://github.com/{REPOSITORY}@v{__version__}"
    argv = shlex.split(command)
    assert argv[:4] == ["claimdiff", "check", "--format", "gitlab"]
    assert argv[argv.index("--output") + 1] == job["artifacts"]["reports"]["codequality"]
    assert job["artifacts"]["when"] == "always"  # the report is kept when the check fails
