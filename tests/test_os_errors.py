"""What the operating system refuses is one line and exit 2, and an output is written into
what it names or not at all: closed streams, a full disk, devices and FIFOs, read-only
targets, addresses urllib cannot ask for, a timeout no socket takes, JSON that would
overflow the parser, a pyproject.toml whose [tool] is not a table (issue 16, items 1 and 7)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading

import pytest
from click.testing import CliRunner

from claimdiff.cli import cli
from conftest import ROOT, SEED

GOOD = "The troops arrived on Tuesday, officials said. More than 10,000 soldiers were sent.\n"


def _one_error_line(stderr: str, message: str) -> None:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("claimdiff: error: ") and message in lines[0], lines
    assert "Traceback" not in stderr


def _claims(*args, env=None, **kw):
    env = dict(os.environ, **(env or {}))
    return subprocess.run([sys.executable, "-m", "claimdiff", "claims", *args], cwd=ROOT, env=env,
                          capture_output=kw.pop("capture_output", True), text=True, timeout=120, **kw)


def _shell(command: str) -> subprocess.CompletedProcess:
    """``command`` run by sh with ``$PY`` the interpreter and ``$SEED`` the seed report."""
    env = dict(os.environ, PY=sys.executable, SEED=str(SEED))
    return subprocess.run(["sh", "-c", command], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


def test_closed_standard_output_is_one_line():
    proc = _shell('"$PY" -m claimdiff claims "$SEED" >&-')
    assert proc.returncode == 2
    _one_error_line(proc.stderr, "standard output is closed")


def test_closed_standard_input_is_one_line():
    proc = _shell('"$PY" -m claimdiff claims - <&-')
    assert proc.returncode == 2
    _one_error_line(proc.stderr, "standard input is closed")


def test_a_full_disk_is_one_line_on_standard_output_and_with_o():
    with open("/dev/full", "w") as full:
        proc = _claims(str(SEED), stdout=full, stderr=subprocess.PIPE, capture_output=False)
    assert proc.returncode == 2
    _one_error_line(proc.stderr, "No space left on device")
    proc = _claims(str(SEED), "-o", "/dev/full")
    assert proc.returncode == 2
    _one_error_line(proc.stderr, "No space left on device")


def test_a_device_is_written_into_not_replaced(tmp_path):
    before = os.stat("/dev/null")
    result = CliRunner().invoke(cli, ["claims", str(SEED), "-o", "/dev/null"])
    assert result.exit_code == 0, result.output
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)


def test_a_fifo_is_written_into(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    result = CliRunner().invoke(cli, ["claims", str(SEED), "-o", str(fifo)])
    reader.join(timeout=60)
    assert result.exit_code == 0, result.output
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert b"Seed Report" in got[0]


def test_dev_stdout_in_a_pipe_is_the_pipe():
    proc = _claims(str(SEED), "-o", "/dev/stdout")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("Seed Report")


def test_a_read_only_target_is_refused_and_kept(tmp_path):
    target = tmp_path / "report.txt"
    target.write_text("kept\n")
    target.chmod(0o444)
    result = CliRunner().invoke(cli, ["claims", str(SEED), "-o", str(target)])
    assert result.exit_code == 2
    _one_error_line(result.stderr, "is read-only")
    assert target.read_text() == "kept\n" and sorted(p.name for p in tmp_path.iterdir()) == ["report.txt"]


@pytest.mark.parametrize("url,message", [
    ("http://127.0.0.1:abc/x", "not a valid address"),
    ("http://127.0.0.1/a b", "not a valid address"),
    ("http:///nohost", "not a valid address"),
])
def test_an_address_urllib_cannot_ask_for_is_one_line(url, message):
    result = CliRunner().invoke(cli, ["claims", url])
    assert result.exit_code == 2
    _one_error_line(result.stderr, message)


@pytest.mark.parametrize("value", ["inf", "nan", "-1", "0", "1e9"])
def test_a_timeout_no_socket_takes_is_one_line(value, monkeypatch):
    monkeypatch.setenv("CLAIMDIFF_TIMEOUT", value)
    result = CliRunner().invoke(cli, ["claims", "http://127.0.0.1:9/x"])
    assert result.exit_code == 2
    _one_error_line(result.stderr, "CLAIMDIFF_TIMEOUT must be")


@pytest.mark.parametrize("line,message", [
    ('{"story": "s", "text": ' + "[" * 100_000 + "]" * 100_000 + "}", "nested too deep"),
    ('{"story": "s", "text": "a", "id": ' + "9" * 5000 + "}", "a number too long to read"),
])
def test_json_that_would_overflow_the_parser_is_one_line(tmp_path, line, message):
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(line + "\n")
    result = CliRunner().invoke(cli, ["check", str(corpus), "--no-semantic"])
    assert result.exit_code == 2
    _one_error_line(result.stderr, message)


def test_a_baseline_nested_too_deep_is_one_line(tmp_path):
    story = tmp_path / "corpus" / "fire"
    story.mkdir(parents=True)
    (story / "a.md").write_text(GOOD)
    (story / "b.md").write_text(GOOD.replace("Tuesday", "Wednesday"))
    baseline = tmp_path / "baseline.json"
    baseline.write_text("[" * 100_000 + "]" * 100_000)
    result = CliRunner().invoke(cli, ["check", str(tmp_path / "corpus"), "--no-semantic", "--baseline", str(baseline)])
    assert result.exit_code == 2
    _one_error_line(result.stderr, "not a readable claimdiff baseline")


def test_a_tool_key_that_is_not_a_table_is_one_line(tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text("tool = 5\n")
    (tmp_path / "b.md").write_text(GOOD)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["compare", str(SEED), "b.md", "--no-semantic"])
    assert result.exit_code == 2
    _one_error_line(result.stderr, "[tool] must be a table")


def test_a_fifo_with_no_writer_is_waited_on_until_the_deadline_only(tmp_path, monkeypatch):
    fifo = tmp_path / "report.md"
    os.mkfifo(fifo)
    monkeypatch.setenv("CLAIMDIFF_TIMEOUT", "1")
    result = CliRunner().invoke(cli, ["claims", str(fifo)])
    assert result.exit_code == 2
    _one_error_line(result.stderr, "nothing came (a named pipe with no writer?) within 1 s")


def test_a_fifo_whose_writer_stops_is_stopped_at_the_deadline(tmp_path, monkeypatch):
    fifo = tmp_path / "report.md"
    os.mkfifo(fifo)
    monkeypatch.setenv("CLAIMDIFF_TIMEOUT", "1")
    stop = threading.Event()

    def writer():
        with open(fifo, "wb") as fh:  # opens once the reader has, writes a line, then stalls
            fh.write(b"The troops arrived on Tuesday, officials said.\n")
            fh.flush()
            stop.wait(10)

    thread = threading.Thread(target=writer, daemon=True)
    thread.start()
    result = CliRunner().invoke(cli, ["claims", str(fifo)])
    stop.set()
    thread.join(timeout=10)
    assert result.exit_code == 2
    _one_error_line(result.stderr, "nothing more came within 1 s")


def test_a_fifo_with_a_writer_is_read_whole(tmp_path):
    fifo = tmp_path / "report.md"
    os.mkfifo(fifo)
    thread = threading.Thread(target=lambda: fifo.write_bytes(GOOD.encode()), daemon=True)
    thread.start()
    result = CliRunner().invoke(cli, ["claims", str(fifo), "--format", "json"])
    thread.join(timeout=10)
    assert result.exit_code == 0, result.output
    assert "10,000 soldiers" in result.output


def test_a_symbolic_link_loop_is_named_as_such(tmp_path):
    (tmp_path / "a.md").symlink_to(tmp_path / "b.md")
    (tmp_path / "b.md").symlink_to(tmp_path / "a.md")
    result = CliRunner().invoke(cli, ["claims", str(tmp_path / "a.md")])
    assert result.exit_code == 2
    _one_error_line(result.stderr, "a symbolic link that loops or points at nothing")
    result = CliRunner().invoke(cli, ["check", str(tmp_path / "a.md")])
    _one_error_line(result.stderr, "a symbolic link that loops or points at nothing")


def test_a_folder_that_cannot_be_listed_says_so(tmp_path, monkeypatch):
    """Not "no reports in this folder": the folder could not be read at all (a permission the
    tests, run as root here, cannot take away, so the error is raised where listing fails)."""
    from pathlib import Path

    locked = tmp_path / "corpus"
    (locked / "fire").mkdir(parents=True)
    real = Path.iterdir

    def iterdir(self):
        if self == locked:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "iterdir", iterdir)
    for args in (["check", str(locked)], ["compare", str(SEED), str(locked)]):
        result = CliRunner().invoke(cli, [*args, "--no-semantic"])
        assert result.exit_code == 2, result.output
        _one_error_line(result.stderr, "permission denied")


def test_a_relative_xdg_cache_home_is_ignored(monkeypatch, tmp_path):
    from claimdiff.cache import default_dir

    monkeypatch.delenv("CLAIMDIFF_CACHE_DIR", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")
    assert default_dir() == tmp_path / ".cache" / "claimdiff"
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert default_dir() == tmp_path / "xdg" / "claimdiff"


@pytest.mark.parametrize("option", ["-o", "--write-baseline"])
def test_an_output_that_cannot_be_written_is_said_before_the_corpus_is_compared(tmp_path, monkeypatch, option):
    import shutil

    shutil.copytree(ROOT / "tests" / "fixtures" / "harbour-fire", tmp_path / "corpus" / "fire")
    compared = []
    monkeypatch.setattr("claimdiff.check.check_story", lambda *a, **k: compared.append(a) or (None, []))
    result = CliRunner().invoke(cli, ["check", str(tmp_path / "corpus"), "--no-semantic", option,
                                      str(tmp_path / "no-such-folder" / "out.json")])
    assert result.exit_code == 2
    _one_error_line(result.stderr, "does not exist")
    assert compared == []
