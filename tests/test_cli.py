"""The CLI surface: help, torch-free start-up, and bad input as one line with exit code 2."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from click.testing import CliRunner

from claimdiff.cli import cli
from conftest import CORPUS, ROOT, SEED, as_from_a_terminal, run_python

OTHER = CORPUS / "ironvale-standard.md"


def invoke(*args, input=None):
    return CliRunner().invoke(cli, list(args), input=input)


@pytest.mark.parametrize("command", [[], ["compare"], ["claims"], ["init"]])
def test_every_command_has_help(command):
    result = invoke(*command, "--help")
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.output
    if command:
        assert len(result.output.split("\n\n")[1].strip()) > 20  # a real description


def test_help_does_not_import_torch_onnxruntime_spacy_or_dask():
    code = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from claimdiff.cli import cli\n"
        "for args in (['--help'], ['compare', '--help'], ['check', '--help'], ['eval', '--help'], ['claims', '--help'],\n"
        "             ['init', '--help']):\n"
        "    assert CliRunner().invoke(cli, args).exit_code == 0\n"
        "import claimdiff\n"
        "print(sorted(m for m in ('torch', 'sentence_transformers', 'transformers', 'onnxruntime', 'onnx', 'tokenizers',\n"
        "                         'trafilatura', 'lxml', 'spacy', 'thinc', 'dask', 'distributed')\n"
        "             if m in sys.modules))\n"
    )
    assert run_python(code) == "[]"


def test_python_dash_m():
    out = subprocess.run([sys.executable, "-m", "claimdiff", "--version"], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("claimdiff, version ")


def _one_line_error(result, *needles):
    assert result.exit_code == 2, result.output
    err = result.stderr.strip()
    assert "Traceback" not in result.output
    assert len(err.splitlines()) == 1, err
    for n in needles:
        assert n in err, err


def test_missing_file():
    _one_line_error(invoke("compare", str(SEED), "nope/missing.md"), "nope/missing.md", "no such file")


def test_one_document_is_not_enough(tmp_path):
    _one_line_error(invoke("compare", str(SEED), str(SEED)), "given twice")
    folder = tmp_path / "one"
    folder.mkdir()
    (folder / "a.md").write_text("A claim was made on Monday by the minister.\n", encoding="utf-8")
    _one_line_error(invoke("compare", str(folder / "a.md"), str(tmp_path / "empty-dir-missing")), "no such file")


def test_empty_and_whitespace_files(tmp_path):
    empty = tmp_path / "empty.md"
    empty.write_bytes(b"")
    blank = tmp_path / "blank.txt"
    blank.write_bytes(b"  \n\t\n")
    _one_line_error(invoke("compare", str(SEED), str(empty)), "empty.md", "empty")
    _one_line_error(invoke("compare", str(SEED), str(blank)), "blank.txt", "empty")


def test_front_matter_only(tmp_path):
    p = tmp_path / "fm.md"
    p.write_text("---\noutlet: X\n---\n", encoding="utf-8")
    _one_line_error(invoke("compare", str(SEED), str(p)), "empty", "front matter")


def test_malformed_front_matter(tmp_path):
    p = tmp_path / "bad.md"
    p.write_text("---\noutlet: [unclosed\n---\nText of the report goes here.\n", encoding="utf-8")
    _one_line_error(invoke("compare", str(SEED), str(p)), "bad.md", "front matter")
    q = tmp_path / "open.md"
    q.write_text("---\noutlet: X\nText that never closes the block.\n", encoding="utf-8")
    _one_line_error(invoke("compare", str(SEED), str(q)), "never closed")


def test_binary_file(tmp_path):
    p = tmp_path / "image.md"
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    _one_line_error(invoke("compare", str(SEED), str(p)), "binary")


def test_latin1_is_refused_with_a_hint(tmp_path):
    p = tmp_path / "latin.txt"
    p.write_bytes("Le ministre a d\xe9clar\xe9 que 10 000 soldats \xe9taient arriv\xe9s.".encode("latin-1"))
    _one_line_error(invoke("compare", str(SEED), str(p)), "not UTF-8", "iconv")


def test_utf16_with_bom_is_read(tmp_path):
    from claimdiff.read import read_document

    p = tmp_path / "utf16.txt"
    p.write_bytes("\ufeffThe minister said 10,000 troops had arrived.".encode("utf-16-le"))
    doc = read_document(str(p))
    assert doc.text == "The minister said 10,000 troops had arrived."


def test_folder_without_reports(tmp_path):
    (tmp_path / "data.csv").write_text("a,b\n", encoding="utf-8")
    _one_line_error(invoke("compare", str(SEED), str(tmp_path)), "no .md, .txt or .html reports")


def test_unsupported_file_type(tmp_path):
    p = tmp_path / "page.pdf"
    p.write_bytes(b"%PDF-1.4")
    _one_line_error(invoke("compare", str(SEED), str(p)), "unsupported file type")


def test_too_large(tmp_path):
    from claimdiff import read

    p = tmp_path / "huge.txt"
    p.write_bytes(b"A sentence about troops. " * (read.MAX_BYTES // 25 + 10))
    _one_line_error(invoke("compare", str(SEED), str(p)), "too large")


def test_bad_model_path(tmp_path):
    _one_line_error(invoke("compare", str(SEED), str(OTHER), "--model", str(tmp_path / "nowhere")),
                    "does not exist", "--no-semantic")
    (tmp_path / "empty-model").mkdir()
    _one_line_error(invoke("compare", str(SEED), str(OTHER), "--model", str(tmp_path / "empty-model")),
                    "not a sentence-transformers model folder")


def test_broken_model_folder_is_one_line(tmp_path):
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "modules.json").write_text("not json", encoding="utf-8")
    _one_line_error(invoke("compare", str(SEED), str(OTHER), "--model", str(broken)),
                    "cannot load the embedding model")


def test_output_never_overwrites_an_input(tmp_path):
    victim = tmp_path / "other.md"
    original = OTHER.read_bytes()
    victim.write_bytes(original)
    _one_line_error(invoke("compare", str(SEED), str(victim), "--no-semantic", "-o", str(victim)),
                    "is one of the documents")
    assert victim.read_bytes() == original


def test_output_file_gets_the_mode_and_place_a_plain_write_would(tmp_path):
    """A new report file gets the umask's permissions (not a temporary file's 0600), a
    rewritten one keeps its own, and a link to a report stays a link."""
    import os
    import stat

    new = tmp_path / "new.json"
    old_mask = os.umask(0o022)
    try:
        assert invoke("compare", str(SEED), str(OTHER), "--no-semantic", "-o", str(new), "-f", "json").exit_code == 0
    finally:
        os.umask(old_mask)
    assert stat.S_IMODE(new.stat().st_mode) == 0o644
    new.chmod(0o640)
    assert invoke("compare", str(SEED), str(OTHER), "--no-semantic", "-o", str(new), "-f", "json").exit_code == 0
    assert stat.S_IMODE(new.stat().st_mode) == 0o640
    link = tmp_path / "latest.json"
    link.symlink_to(new.name)
    assert invoke("compare", str(SEED), str(OTHER), "--no-semantic", "-o", str(link), "-f", "markdown").exit_code == 0
    assert link.is_symlink() and new.read_text(encoding="utf-8") == link.read_text(encoding="utf-8")
    assert not new.read_text(encoding="utf-8").startswith("{")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["latest.json", "new.json"]


def test_unknown_format_is_a_usage_error():
    result = invoke("compare", str(SEED), str(OTHER), "--format", "yaml")
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_claims_command_json():
    import json

    result = invoke("claims", str(SEED), "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    claims = data["documents"][0]["claims"]
    contingent = next(c for c in claims if "Over 10,000" in c["text"])
    q = contingent["quantities"][0]
    assert (q["low"], q["high"], q["low_open"], q["dimension"]) == (10000, None, True, "count")
    assert "soldiers" in q["counts"]
    assert contingent["attribution"]["name"] == "Vedant Patel"
    assert contingent["attribution"]["anonymous"] is False


def test_claims_table_shows_open_intervals():
    result = invoke("claims", str(SEED))
    assert result.exit_code == 0, result.output
    assert "Over 10,000 = (10,000, inf)" in result.stdout
    assert "two = [2, 2] units" in result.stdout


def test_one_document_alone_is_a_usage_error():
    result = invoke("compare", str(SEED))
    assert result.exit_code == 2
    assert "Missing argument" in result.output and "Traceback" not in result.output


def test_claims_json_reads_the_seed_as_an_editor_would():
    import json

    result = invoke("claims", str(SEED), "--format", "json")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)["documents"][0]
    claims = doc["claims"]
    for c in claims:
        assert set(c) >= {"text", "start", "end", "quantities", "attribution", "negated", "certainty"}
        assert c["certainty"] in ("asserted", "confirmed", "hedged", "unconfirmed")
        assert set(c["attribution"]) >= {"source", "anonymous"}
        for q in c["quantities"]:
            assert set(q) >= {"text", "low", "high", "unit", "dimension", "counts"}

    def one(needle):
        found = [c for c in claims if needle in c["text"]]
        assert len(found) == 1, needle
        return found[0]

    def figures(needle, dimension):
        return [q for q in one(needle)["quantities"] if q["dimension"] == dimension]

    (area,) = figures("647 square kilometers", "area")
    assert area["text"] == "roughly 647 square kilometers (250 square miles)" and area["unit"] == "meter**2"
    (length,) = figures("6,437 kilometers", "length")
    assert length["text"] == "6,437 kilometers (4,000 miles)" and length["unit"] == "meter"
    (containers,) = figures("16,000 shipping containers", "count")
    assert containers["counts"] == "shipping containers" and containers["unit"] is None
    assert containers["low"] <= 16000 <= containers["high"]
    (units,) = figures("two units", "count")
    assert (units["low"], units["high"], units["counts"]) == (2, 2, "units")
    (years,) = figures("more than two years", "duration")
    assert years["high"] is None and years["low_open"] is True and years["low"] == 730.5
    assert figures("810th Separate Naval Infantry Brigade", "count") == []
    assert one("The Ukrainian official stated")["attribution"]["anonymous"] is True
    assert one("seemed to be an attempt")["certainty"] == "hedged"
    assert one("no evidence of a direct quid pro quo")["negated"] is True
    (october,) = figures("by boat in October", "date")
    assert october["dates"] == ["2024-10-01", "2024-10-31"] and october["relative"] is True


@pytest.mark.parametrize("command,signum,code,line", [
    ("compare", "SIGINT", 130, "claimdiff: interrupted"),
    ("check", "SIGINT", 130, "claimdiff: interrupted"),
    # a CI runner cancelling a job sends SIGTERM
    ("check", "SIGTERM", 143, "claimdiff: terminated"),
])
def test_ctrl_c_is_one_line_exit_130_and_leaves_no_output_file(tmp_path, command, signum, code, line):
    """Interrupted while it works (the whole corpus with torch and no cache takes far longer
    than the 4 s it is given): one line, exit 130 (143 for SIGTERM), and neither the output
    nor a temp file."""
    import signal
    import time

    target = tmp_path / "out" / "report.json"
    target.parent.mkdir()
    args = (["compare", str(SEED), str(ROOT / "corpora" / "kursk-first-clash")] if command == "compare"
            else ["check", str(ROOT / "corpora")])
    env = dict(os.environ, CLAIMDIFF_CACHE_DIR=str(tmp_path / "cache"))
    proc = subprocess.Popen([sys.executable, "-m", "claimdiff", *args, "--backend", "torch", "--no-cache",
                             "--format", "json", "-o", str(target)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT, env=env,
                            preexec_fn=as_from_a_terminal)
    time.sleep(4)
    assert proc.poll() is None, "finished before it could be interrupted"
    proc.send_signal(getattr(signal, signum))
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == code, err
    assert err.strip().splitlines() == [line], err
    assert list(target.parent.iterdir()) == []


def test_ctrl_c_while_the_program_is_imported_is_one_line_and_130():
    """The import of the command line is inside the guard: a KeyboardInterrupt raised by it
    (here on purpose, as Ctrl-C would in the first half-second) is one line and exit 130."""
    code = ("import builtins, sys\n"
            "real = builtins.__import__\n"
            "def slow(name, *a, **k):\n"
            "    if name == 'cli' and len(a) > 3 and a[3] == 1:  # from .cli import ...\n"
            "        raise KeyboardInterrupt\n"
            "    return real(name, *a, **k)\n"
            "builtins.__import__ = slow\n"
            "sys.argv = ['claimdiff', '--help']\n"
            "from claimdiff.__main__ import main\n"
            "main()\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert proc.returncode == 130, proc.stderr
    assert proc.stderr.strip().splitlines() == ["claimdiff: interrupted"], proc.stderr


def test_ctrl_c_swallowed_by_a_finaliser_still_ends_the_run_in_one_line(tmp_path):
    """A KeyboardInterrupt raised while Python runs a ``__del__`` is dropped by Python itself
    ("Exception ignored in ..."), and the run would go on to exit 0 with its output written. The
    signal is remembered: nothing is printed for the dropped exception, no output is put in
    place, and the run ends with the one line and 130."""
    target = tmp_path / "report.txt"
    code = ("import os, signal, sys\n"
            "from claimdiff import cli, process\n"
            "class Late:\n"
            "    def __del__(self):\n"
            "        os.kill(os.getpid(), signal.SIGINT)\n"
            "        for _ in range(10 ** 6): pass  # the handler runs here, inside the finaliser\n"
            "def command(**kwargs):\n"
            "    Late()\n"
            "    print('went on', file=sys.stderr)\n"
            "    from claimdiff.read.files import write_atomically\n"
            "    try:\n"
            "        write_atomically(sys.argv[1], 'text')\n"
            "    except KeyboardInterrupt:\n"
            "        print('not written', file=sys.stderr)\n"
            "    return 0\n"
            "cli.cli.main = command\n"
            "cli.main()\n")
    proc = subprocess.run([sys.executable, "-c", code, str(target)], capture_output=True, text=True, cwd=ROOT,
                          timeout=60)
    assert proc.returncode == 130, proc.stderr
    assert proc.stderr.splitlines() == ["went on", "not written", "claimdiff: interrupted"], proc.stderr
    assert list(tmp_path.iterdir()) == []
