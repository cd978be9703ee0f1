"""claimdiff init: a corpus skeleton that `claimdiff check` passes at once, written beside
what a folder holds without changing a byte of it, or not at all."""

from __future__ import annotations

import errno
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimdiff.cli import cli

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

WRITTEN = {"corpora/ashcombe-footbridge-closure/ashcombe-gazette.md",
           "corpora/ashcombe-footbridge-closure/vale-radio-news.md", "corpora/baseline.json",
           ".github/workflows/claimdiff.yml", "pyproject.toml"}


def _tree(folder: Path) -> dict[str, bytes | None]:
    """Every file (its bytes) and folder (None) under ``folder``."""
    return {str(p.relative_to(folder)): (p.read_bytes() if p.is_file() else None) for p in sorted(folder.rglob("*"))}


def _refused(args: list[str], message: str):
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("claimdiff: error: ") and message in lines[0], lines
    assert "Traceback" not in result.output
    return result


def test_init_into_an_empty_folder_gives_a_corpus_check_passes(tmp_path, run, monkeypatch):
    folder = tmp_path / "newsroom"  # made by init
    result = run.fresh("init", str(folder))
    assert result.exit_code == 0, result.output
    files = {k for k, v in _tree(folder).items() if v is not None}
    assert files == WRITTEN
    reference = (folder / "corpora/ashcombe-footbridge-closure/ashcombe-gazette.md").read_text(encoding="utf-8")
    assert "\nrole: reference\n" in reference and "# role: reference marks" in reference  # explained in comments
    config = tomllib.loads((folder / "pyproject.toml").read_text(encoding="utf-8"))
    assert config == {"tool": {"claimdiff": {"corpus": "corpora", "baseline": "corpora/baseline.json",
                                             "fail-on": ["contradiction", "figure-shift"]}}}
    assert "claimdiff check" in result.stderr

    monkeypatch.chdir(folder)  # check with no argument: corpus and baseline from the new [tool.claimdiff]
    check = run.fresh("check", "--format", "json")
    assert check.exit_code == 0, check.output
    data = json.loads(check.stdout)
    assert [s["name"] for s in data["stories"]] == ["ashcombe-footbridge-closure"]
    assert data["stories"][0]["reference"] == "ashcombe-gazette" and len(data["stories"][0]["documents"]) == 2
    assert data["summary"]["failing"] == 0 and data["fixed"] == []


@pytest.mark.parametrize("old", [
    b'[project]\nname = "newsroom"\n\n[tool.ruff]\nline-length = 100\n',
    b'[project]\r\nname = "newsroom"\r\n',                  # Windows line ends, kept, and used for the section
    b'[project]\nname = "newsroom"',                      # no newline at the end
], ids=["plain", "crlf", "no-final-newline"])
def test_init_appends_to_an_existing_pyproject_and_keeps_every_byte(tmp_path, run, monkeypatch, old):
    (tmp_path / "pyproject.toml").write_bytes(old)
    assert run.fresh("init", str(tmp_path)).exit_code == 0
    new = (tmp_path / "pyproject.toml").read_bytes()
    assert new.startswith(old) and b"[tool.claimdiff]" in new[len(old):]
    if b"\r\n" in old:
        assert b"\n" not in new.replace(b"\r\n", b"")
    data = tomllib.loads(new.decode("utf-8"))
    assert data["project"]["name"] == "newsroom" and data["tool"]["claimdiff"]["corpus"] == "corpora"
    monkeypatch.chdir(tmp_path)
    check = run.fresh("check")
    assert check.exit_code == 0, check.output


def test_init_refuses_a_pyproject_that_has_tool_claimdiff(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.claimdiff]\ncorpus = "news"\n', encoding="utf-8")
    before = _tree(tmp_path)
    _refused(["init", str(tmp_path)], "already has a [tool.claimdiff] section")
    assert _tree(tmp_path) == before


def test_init_never_overwrites_a_file_and_then_writes_nothing(tmp_path):
    workflow = tmp_path / ".github" / "workflows" / "claimdiff.yml"
    workflow.parent.mkdir(parents=True)
    workflow.write_text("name: ours\n", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    before = _tree(tmp_path)
    _refused(["init", str(tmp_path)], f"{workflow}: already exists")
    assert _tree(tmp_path) == before  # not the stories, not the section either


@pytest.mark.parametrize("setup, message", [
    (lambda d: (d / "corpora").write_text("a file\n"), "is a file, where claimdiff init needs a folder"),
    (lambda d: (d / "pyproject.toml").write_text("[project\n"), "not valid TOML"),
    (lambda d: (d / "pyproject.toml").write_bytes(b"name = '\xe9'\n"), "not UTF-8"),
    (lambda d: (d / "pyproject.toml").write_text("tool = {ruff = {line-length = 100}}\n"), "cannot be added"),
], ids=["a-file-where-a-folder-goes", "broken-toml", "latin-1", "inline-tool-table"])
def test_init_errors_are_one_line_and_change_nothing(tmp_path, setup, message):
    setup(tmp_path)
    before = _tree(tmp_path)
    _refused(["init", str(tmp_path)], message)
    assert _tree(tmp_path) == before


def test_init_into_a_file_is_one_line(tmp_path):
    target = tmp_path / "notes.txt"
    target.write_text("mine\n", encoding="utf-8")
    _refused(["init", str(target)], "is a file, not a folder")
    assert target.read_text(encoding="utf-8") == "mine\n"


def test_a_folder_that_cannot_be_written_is_said_before_anything_is_written(tmp_path, monkeypatch):
    """Run as root here, the tests cannot take a permission away: the check is made to say no."""
    import claimdiff.init

    monkeypatch.setattr(claimdiff.init.os, "access", lambda path, mode: Path(path) != tmp_path)
    _refused(["init", str(tmp_path)], "permission denied")
    assert _tree(tmp_path) == {}


@pytest.mark.parametrize("code, message", [(errno.ENOSPC, "No space left on device"),
                                           (errno.EACCES, "Permission denied")])
def test_a_write_that_fails_midway_takes_back_what_it_wrote(tmp_path, monkeypatch, code, message):
    import builtins

    import claimdiff.init

    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    before = _tree(tmp_path)
    opened = []

    def failing_open(path, *args, **kwargs):
        opened.append(path)
        if len(opened) == 3:  # two reports written, then the disk is full
            raise OSError(code, message, str(path))
        return builtins.open(path, *args, **kwargs)

    monkeypatch.setattr(claimdiff.init, "open", failing_open, raising=False)
    _refused(["init", str(tmp_path)], message)
    assert len(opened) == 3
    assert _tree(tmp_path) == before  # the reports and the folders made for them are gone again
