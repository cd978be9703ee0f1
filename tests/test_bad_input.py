"""Bad input, one case a row: a clear line and exit 2 where nothing can be done, a warning
where the run can go on. Never a traceback, never a changed input."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from claimdiff.cli import cli
from conftest import SEED

GOOD = "The troops arrived on Tuesday, officials said. More than 10,000 soldiers were sent.\n"


def _write(tmp_path, name, data):
    p = tmp_path / name
    p.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return p


CASES = [
    ("missing", None, 2, "no such file"),
    ("empty.md", b"", 2, "empty"),
    ("blank.md", b"  \n\n\t \n", 2, "empty"),
    ("binary.md", bytes(range(256)) * 4, 2, "binary"),
    ("latin1.md", "Le ministre a déclaré que 10 000 soldats étaient arrivés.".encode("latin-1"), 2, "not UTF-8"),
    ("mixed.md", "Troops arrived.\n".encode() + "Café owners said prices rose.".encode("latin-1"), 2, "not UTF-8"),
    ("utf16.md", "\ufeffThe minister said 10,000 troops arrived on Tuesday.".encode("utf-16-le"), 0, None),
    ("huge.md", b"The troops arrived. " * (50 * 2**20 // 20), 2, "too large"),
    ("lines.md", "The troops arrived on Tuesday, officials said.\n" * 100_000, 2, "lines of text"),
    # refused before pysbd and spaCy see them, which would take minutes
    ("unpunctuated.md", "troops arrived at the border " * 40_000, 2, "characters with no full stop or line break"),
    ("tiny-sentences.md", "Yes. " * 100_000, 2, "sentence ends"),
    ("utf16-no-mark.md", "The minister said 10,000 troops arrived on Tuesday.\n".encode("utf-16-le"), 2,
     "UTF-16LE text without a byte-order mark"),
    ("many-paragraphs.html", "<html><body><article>" + "<p>The troops arrived on Tuesday, officials said.</p>" * 60_000
     + "</article></body></html>", 2, "60,001 paragraphs and blocks"),
    ("deep.html", "<html><body>" + "<div>" * 50_000 + "<p>The troops arrived on Tuesday, officials said.</p>"
     + "</div>" * 50_000 + "</body></html>", 2, "elements nested 50,002 deep"),
    ("no-sentences.md", "---\noutlet: X\n---\n\n* * *\n\n---\n", 2, "no sentences"),
    ("front-matter.md", "---\noutlet: [broken\n---\nText.\n", 2, "front matter"),
    ("not-closed.md", "---\noutlet: X\nThe text never closes its front matter.\n", 2, "never closed"),
    ("russian.md", "Северокорейские войска впервые вступили в бой в Курской области.", 0, "does not look like English"),
    ("same-text.md", GOOD, 0, "the same text as"),
    ("page.pdf", b"%PDF-1.4 not a report", 2, "unsupported file type"),
    ("empty.html", b"", 2, "no article text found in this HTML page"),
    ("binary.htm", bytes(range(256)) * 4, 2, "no article text found in this HTML page"),
    ("menu.html", "<html><body><nav><a href='/'>Home</a> <a href='/s'>Sport</a></nav></body></html>", 2,
     "no article text found in this HTML page"),
    ("huge.html", b"<p>The troops arrived.</p>" * (9 * 2**20 // 26), 2, "too large"),
    # a page says its own encoding, and is read in it
    ("latin1.html", ("<html><head><meta charset='iso-8859-1'><title>Troops</title></head><body><article>"
                     "<p>Caf\u00e9 owners said the troops arrived on Tuesday, officials said.</p>"
                     "<p>More than 10,000 soldiers were sent, according to the ministry.</p></article></body></html>"
                     ).encode("latin-1"), 0, None),
]


@pytest.mark.parametrize("name,data,code,message", CASES, ids=[c[0] for c in CASES])
def test_bad_input(tmp_path, name, data, code, message):
    good = _write(tmp_path, "good.md", GOOD)
    other = tmp_path / name if data is None else _write(tmp_path, name, data)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    result = CliRunner().invoke(cli, ["compare", str(good), str(other), "--no-semantic", "--format", "json"])
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    if code == 2:
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("claimdiff: error: ") and message in lines[0], lines
    elif message:
        assert message in result.stderr
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before  # nothing the user owns changed


def test_one_document_where_two_are_needed(tmp_path):
    result = CliRunner().invoke(cli, ["compare", str(SEED)])
    assert result.exit_code == 2 and "Missing argument" in result.output
    folder = tmp_path / "one"
    folder.mkdir()
    (folder / "only.md").write_text(GOOD, encoding="utf-8")
    result = CliRunner().invoke(cli, ["compare", str(folder / "only.md"), str(folder)])
    assert result.exit_code == 2 and "given twice" in result.stderr


def test_check_skips_a_bad_report_with_a_warning(tmp_path):
    story = tmp_path / "corpus" / "story"
    story.mkdir(parents=True)
    (story / "a.md").write_text("---\nrole: reference\n---\n" + GOOD, encoding="utf-8")
    (story / "b.md").write_text("Officials said more than 10,000 soldiers were sent on Tuesday.\n", encoding="utf-8")
    (story / "c.md").write_bytes("Caf\xe9".encode("latin-1"))
    result = CliRunner().invoke(cli, ["check", str(tmp_path / "corpus"), "--no-semantic", "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    assert "warning: skipped:" in result.stderr and "c.md: not UTF-8" in result.stderr
