"""Property tests: whatever bytes or text reach the reader, it gives a Document or raises the
project's own error (one line for the user), never anything else."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from claimdiff.check import iter_stories
from claimdiff.errors import ClaimdiffError
from claimdiff.model import Document
from claimdiff.read import parse_document, read_document

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# front matter-shaped text: the keys the reader knows, and values of any shape YAML can take
YAML_VALUES = st.one_of(st.text(max_size=30), st.integers(), st.floats(allow_nan=True), st.booleans(), st.none(),
                        st.just("2024-13-45"), st.just("[1, 2"), st.just("{a: b}"), st.just("- x\n- y"))
FRONT = st.builds(
    lambda pairs, body, close: "---\n" + "".join(f"{k}: {v}\n" for k, v in pairs) + close + body,
    st.lists(st.tuples(st.sampled_from(["outlet", "date", "title", "url", "role", "id", "story", "x"]), YAML_VALUES),
             max_size=6),
    st.text(max_size=300),
    st.sampled_from(["---\n", "...\n", "", "--\n"]),
)


def _read_or_own_error(**kwargs):
    try:
        doc = read_document("-", **kwargs)
    except ClaimdiffError as exc:
        assert str(exc) and "\n" not in str(exc)
        return None
    assert isinstance(doc, Document) and doc.text.strip()
    return doc


@FAST
@given(st.binary(max_size=3000))
def test_random_bytes(data):
    _read_or_own_error(stdin=data)


@FAST
@given(st.sampled_from(["utf-8", "utf-16", "latin-1", "utf-8-sig"]), st.text(max_size=500))
def test_random_text_in_any_encoding(encoding, text):
    _read_or_own_error(stdin=text.encode(encoding, errors="replace"))


def test_an_impossible_yaml_date_is_one_line():
    """Found by the property test below: YAML reads 2024-13-45 as a date and raised ValueError."""
    for key in ("outlet", "date"):
        with pytest.raises(ClaimdiffError) as caught:
            parse_document(f"---\n{key}: 2024-13-45\n---\nText.\n", doc_id="d", path=None, name="a.md")
        assert str(caught.value) == "a.md: front matter has a value that cannot be read (month must be in 1..12)"


@FAST
@given(st.one_of(FRONT, st.text(max_size=500)))
def test_random_front_matter_and_text(text):
    try:
        doc = parse_document(text, doc_id="d", path=None, name="d")
    except ClaimdiffError as exc:
        assert "\n" not in str(exc)
        return
    assert doc.id and doc.outlet and doc.body_line >= 1


@FAST
@given(st.lists(st.one_of(st.binary(max_size=200), st.builds(
    lambda t, s: json.dumps({"story": s, "text": t}).encode(), st.text(max_size=80), st.text(max_size=10))), max_size=6))
def test_random_jsonl_corpus(lines):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "corpus.jsonl"
        path.write_bytes(b"\n".join(lines))
        try:
            stories = list(iter_stories([str(path)]))
        except ClaimdiffError as exc:
            assert "\n" not in str(exc)
            return
        assert all(s.name for s in stories)
