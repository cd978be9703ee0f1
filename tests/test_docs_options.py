"""docs/commands.md against the commands themselves: every option a command takes is in its
section, and every option its table names is one the command takes, so the reference cannot
drift from --help (issue 19's check, for the options that exist today)."""

from __future__ import annotations

import re

import click
import pytest

from claimdiff.cli import cli
from conftest import ROOT

DOC = (ROOT / "docs" / "commands.md").read_text(encoding="utf-8")


def _section(command: str) -> str:
    start = DOC.index(f"## `claimdiff {command}")
    end = DOC.find("\n## ", start + 1)
    return DOC[start:end if end > 0 else len(DOC)]


def _options(command: str) -> set[str]:
    params = cli.commands[command].params
    return {name for p in params if isinstance(p, click.Option) and not p.hidden
            for name in p.opts if name.startswith("--") and name != "--help"}


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_every_option_is_in_the_commands_section(command):
    section = _section(command)
    missing = sorted(o for o in _options(command) if not re.search(rf"(?<![\w-]){re.escape(o)}(?![\w-])", section))
    assert not missing, f"docs/commands.md, claimdiff {command}: not documented: {missing}"


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_every_documented_option_exists(command):
    rows = [line for line in _section(command).splitlines() if line.startswith("| `")]
    named = {m for line in rows for m in re.findall(r"(--[a-z][a-z-]*)", line.split("|")[1])}
    unknown = sorted(named - _options(command))
    assert not unknown, f"docs/commands.md, claimdiff {command}: no such option: {unknown}"
