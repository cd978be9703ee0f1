"""Random bytes, random front matter and random JSONL lines, fed to compare, check and claims
in-process: the exit code is 0, 1 or 2, never a traceback, and nothing but the inputs is in
the folder afterwards, unchanged (issue 16)."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, example, given, settings, strategies as st

from claimdiff.cli import cli

GOOD = "The troops arrived on Tuesday, officials said. More than 10,000 soldiers were sent.\n"
SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])

words = st.sampled_from(["troops", "said", "10,000", "Tuesday", "not", "reportedly", "---", "\u202e", "\x1b[31m",
                         "\x00", "“", "Ω", "\ud7ff", "#", "|", "<b>", "\n", "\r", "...", "$4bn", "-1.3%"])
texts = st.lists(words, max_size=30).map(" ".join)
scalars = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=True), texts,
                    st.lists(texts, max_size=3), st.dictionaries(texts, texts, max_size=2))
front = st.dictionaries(st.sampled_from(["outlet", "date", "title", "url", "role", "id", "story", "extra"]), scalars,
                        max_size=5)


def _run(args: list[str], folder: Path) -> None:
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    result = CliRunner().invoke(cli, args)
    assert result.exit_code in (0, 1, 2), (result.exit_code, result.output)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    if result.exit_code == 2:
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


@SETTINGS
@given(data=st.binary(max_size=600))
# the bytes that stand for whole classes of bad input, tried every time
@example(b"")
@example(b"\x00The troops arrived.")
@example(b"\xff\xfeT\x00h\x00e\x00")
@example("The troops arrived on Tuesday in Kyiv.".encode("utf-16-le"))
@example(b"\xef\xbb\xbf---\noutlet: [\n---\n")
@example("Caf\u00e9 owners said the troops arrived.".encode("latin-1"))
@example(b"\x1b]52;c;aGk=\x07 The troops arrived on Tuesday, officials said.")
def test_random_bytes_as_a_report(data):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "good.md").write_text(GOOD, encoding="utf-8")
        (folder / "random.md").write_bytes(data)
        _run(["compare", str(folder / "good.md"), str(folder / "random.md"), "--no-semantic", "--format", "json"], folder)
        _run(["claims", str(folder / "random.md")], folder)


@SETTINGS
@given(meta=front, body=texts)
def test_random_front_matter(meta, body):
    import yaml

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "good.md").write_text(GOOD, encoding="utf-8")
        head = yaml.safe_dump(meta, allow_unicode=True) if meta else ""
        (folder / "random.md").write_text(f"---\n{head}---\n{body}\n", encoding="utf-8", errors="surrogatepass")
        _run(["compare", str(folder / "good.md"), str(folder / "random.md"), "--no-semantic"], folder)


@SETTINGS
@given(lines=st.lists(st.one_of(st.dictionaries(st.sampled_from(["story", "text", "outlet", "id", "role", "date",
                                                                  "title", "url", "x"]), scalars, max_size=5),
                                scalars, texts), min_size=1, max_size=5))
def test_random_jsonl_lines(lines):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        good = [{"story": "s", "outlet": "A", "text": GOOD}, {"story": "s", "outlet": "B", "text": GOOD.replace("10,000", "3,000")}]
        body = "".join(json.dumps(x, ensure_ascii=False) + "\n" for x in good)
        body += "".join((x if isinstance(x, str) else json.dumps(x, ensure_ascii=False)) + "\n" for x in lines)
        (folder / "corpus.jsonl").write_text(body, encoding="utf-8", errors="surrogatepass")
        _run(["check", str(folder / "corpus.jsonl"), "--no-semantic", "--format", "json"], folder)
