"""The table on a terminal: kind colours there and nowhere else (NO_COLOR respected), and
columns folded to the terminal's width. Terminal runs use a real pseudo-terminal."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import struct
import subprocess
import sys
import termios

import pytest

from conftest import ROOT
from claimdiff.cli import use_color

CASE = ROOT / "tests" / "fixtures" / "harbour-fire"
# every finding shown, whatever the calibrated level: these tests are about colour and width
ARGS = ["compare", str(CASE / "gullhaven-gazette.md"), str(CASE / "brackwater-bulletin.md"), "--no-semantic",
        "--min-confidence", "0"]
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def on_terminal(args: list[str], columns: int, env: dict[str, str] | None = None) -> str:
    """claimdiff's standard output when it is a terminal ``columns`` wide."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
    environ = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "COLUMNS")} | (env or {})
    proc = subprocess.Popen([sys.executable, "-m", "claimdiff", *args], stdout=slave, stderr=subprocess.PIPE,
                            env=environ, cwd=ROOT)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:  # the other end closed
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    assert proc.wait(timeout=120) == 0, proc.stderr.read().decode()
    return b"".join(chunks).decode("utf-8").replace("\r\n", "\n")


@pytest.mark.parametrize("choice, terminal, no_color, expected", [
    ("auto", True, "", True), ("auto", True, "1", False), ("auto", False, "", False),
    ("always", False, "1", True), ("never", True, "", False),
])
def test_when_to_colour(choice, terminal, no_color, expected):
    assert use_color(choice, terminal, {"NO_COLOR": no_color} if no_color else {}) is expected


def test_a_terminal_gets_kind_colours_and_lines_that_fit_it():
    out = on_terminal(ARGS, 72)
    assert "\x1b[33mFigure shifts (CD200): 2\x1b[0m" in out  # figure shifts in yellow
    assert "\x1b[35m" in out and "\x1b[32m" in out  # attribution shifts, agreements
    widths = [len(ANSI.sub("", line)) for line in out.splitlines()]
    assert max(widths) <= 72, max(widths)
    wide = on_terminal(ARGS, 160)
    assert max(len(ANSI.sub("", line)) for line in wide.splitlines()) > 100  # it uses the room it has


def test_no_color_turns_colour_off_on_a_terminal():
    out = on_terminal(ARGS, 100, {"NO_COLOR": "1"})
    assert "Figure shifts (CD200): 2" in out and "\x1b[" not in out


def test_pipes_and_files_get_no_colour(run, tmp_path):
    piped = run(*ARGS)
    assert piped.exit_code == 0 and "Figure shifts (CD200)" in piped.stdout and "\x1b[" not in piped.stdout
    target = tmp_path / "out.txt"
    assert run.fresh(*ARGS, "--color", "always", "-o", str(target)).exit_code == 0
    assert "\x1b[" not in target.read_text(encoding="utf-8")
    forced = run(*ARGS, "--color", "always")
    assert "\x1b[33mFigure shifts (CD200): 2\x1b[0m" in forced.stdout
