"""Nothing taken from a document acts where claimdiff's output is read: control characters
(an escape sequence, an OSC 52 clipboard write, a bell, an 8-bit CSI, a bidirectional
override) in an outlet, a title or the text are shown as escapes in every text format, the
JUnit XML stays well-formed, and Markdown renders a document's words as words (no image, no
link, no autolink, no @mention)."""

from __future__ import annotations

import json
import re
import xml.dom.minidom

import pytest

# controls a terminal or an XML parser acts on; tab and newline are ours to use
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
HOSTILE_OUTLET = "Evil\x1b]52;c;SGVsbG8=\x07 Wire\u202e"
REF = ("---\noutlet: \"Evil\\e]52;c;SGVsbG8=\\a Wire\\u202e\"\ntitle: \"Title\\e[2J\\x9b31m\"\n---\n"
       "About 3,000 North Korean troops have arrived in Kursk \x1b[31mRED\x1b[0m\x07, officials said on Tuesday.\n\n"
       "See ![pixel](https://evil.example/p.png), [a link](https://evil.example), https://evil.example/raw, "
       "www.evil.example and @octocat for 3,000 more troops.\n")
OTHER = ("---\noutlet: Plain Post\n---\n"
         "About 5,000 North Korean troops have arrived in Kursk, officials said on Tuesday.\n\n"
         "About 5,000 more troops are on their way, officials said.\n")


@pytest.fixture()
def story(tmp_path):
    folder = tmp_path / "corpus" / "hostile"
    folder.mkdir(parents=True)
    (folder / "a-ref.md").write_text(REF.replace("---\noutlet", "---\nrole: reference\noutlet", 1), encoding="utf-8")
    (folder / "b-other.md").write_text(OTHER, encoding="utf-8")
    return folder


def test_the_fixture_really_carries_the_controls(story):
    from claimdiff.read import read_document

    doc = read_document(str(story / "a-ref.md"))
    assert doc.outlet == HOSTILE_OUTLET and "\x9b" in doc.title and "\x1b[31m" in doc.text


@pytest.mark.parametrize("args", [
    ("compare", "{a}", "{b}", "--no-semantic"),
    ("compare", "{a}", "{b}", "--no-semantic", "--format", "markdown"),
    ("compare", "{a}", "{b}", "--no-semantic", "--format", "html"),
    ("claims", "{a}"),
    ("check", "{dir}", "--no-semantic", "--format", "text"),
    ("check", "{dir}", "--no-semantic", "--format", "github"),
    ("check", "{dir}", "--no-semantic", "--format", "junit"),
    ("check", "{dir}", "--no-semantic", "--format", "gitlab"),
    ("check", "{dir}", "--no-semantic", "--format", "markdown"),
    ("check", "{dir}", "--no-semantic", "--format", "html"),
])
def test_no_control_character_reaches_the_output(story, run, args, monkeypatch):
    monkeypatch.chdir(story.parent)  # no pyproject.toml, no baseline: every finding is new
    args = [x.format(a=story / "a-ref.md", b=story / "b-other.md", dir=story.parent) for x in args]
    result = run.fresh(*args)
    assert result.exit_code in (0, 1), result.output
    out = result.stdout
    # the document's words are shown (its outlet where the format names outlets) ...
    assert "troops" in out and ("Evil" in out or args[0] == "check")
    assert RAW.search(out) is None, repr(RAW.search(out))  # ... their controls are not sent
    if "junit" in args:
        xml.dom.minidom.parseString(out.encode("utf-8"))  # well-formed XML 1.0
    if "gitlab" in args:  # JSON escapes what it must; the descriptions, decoded, are one printable line
        for issue in json.loads(out):
            assert RAW.search(issue["description"]) is None and "\n" not in issue["description"]


def test_markdown_renders_a_documents_words_as_words(story, run):
    out = run.fresh("compare", str(story / "a-ref.md"), str(story / "b-other.md"), "--no-semantic",
                    "--format", "markdown").stdout
    assert "pixel" in out and "octocat" in out
    assert "![" not in out and "](" not in out.replace("\\](", "")  # no image, no link
    assert "https://" not in out and "www.evil" not in out  # no autolink
    assert "@octocat" not in out  # no mention
    assert "\\[pixel\\](https&#58;//evil.example/p.png)" in out  # shown as the words it is
