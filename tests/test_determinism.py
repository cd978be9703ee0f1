"""Byte-identical JSON whatever the order of the input paths, the encoder's batch size, the
cache state (none, cold, partly warm, warm) and, within the ONNX backend, its thread count.
Across backends the floats differ (see README, "Backends"): there the gate's findings agree."""

from __future__ import annotations

import json

import pytest

from claimdiff.api import Settings, compare
from claimdiff.cache import CachedEncoder, EmbeddingCache
from claimdiff.align.embed import SentenceTransformerEncoder
from claimdiff.align.onnx_encoder import OnnxEncoder
from claimdiff.read import read_documents
from claimdiff.report import render
from conftest import CORPUS, ROOT, SEED

REPORTS = sorted(str(p) for p in CORPUS.glob("*.md"))


def _json(paths, encoder, backend="torch") -> str:
    return render(compare(read_documents(paths), settings=Settings(backend=backend), encoder=encoder), "json")


def test_compare_ignores_the_order_of_the_other_reports(run):
    forward = run("compare", str(SEED), *REPORTS, "--format", "json")
    backward = run("compare", str(SEED), *REPORTS[::-1], "--format", "json")
    assert forward.exit_code == backward.exit_code == 0
    assert forward.stdout == backward.stdout and forward.stdout.startswith("{")


def test_check_ignores_the_order_of_its_paths(run, few_stories):
    stories = sorted(str(p) for p in few_stories.iterdir() if p.is_dir())
    assert len(stories) >= 3
    forward = run("check", *stories, "--format", "json", "--fail-on", "all", "--exit-zero")
    backward = run("check", *stories[::-1], "--format", "json", "--fail-on", "all", "--exit-zero")
    assert forward.exit_code == backward.exit_code == 0, backward.output
    assert forward.stdout == backward.stdout and json.loads(forward.stdout)["summary"]["stories"] == len(stories)


def test_torch_batch_size_does_not_change_the_bytes(encoder):
    """sentence-transformers sorts a batch by length and pads it: 1 and 64 run other shapes."""
    one = SentenceTransformerEncoder(batch_size=1)
    one._model = encoder._load()  # the session's loaded model, run one text at a time
    paths = [str(SEED), REPORTS[2]]
    assert _json(paths, one) == _json(paths, encoder)


def test_onnx_thread_count_does_not_change_the_bytes(onnx_encoder):
    single = OnnxEncoder(cache_dir=onnx_encoder.file.parent.parent, threads=1)
    paths = [str(SEED), REPORTS[2]]
    assert _json(paths, single, "onnx") == _json(paths, onnx_encoder, "onnx")


def test_onnx_batch_size_does_not_change_the_bytes(onnx_encoder):
    """Batches of 1 against the default 16 (texts of equal token count share a batch)."""
    one = OnnxEncoder(cache_dir=onnx_encoder.file.parent.parent, batch_size=1)
    paths = [str(SEED), REPORTS[2]]
    assert onnx_encoder.batch_size == 16
    assert _json(paths, one, "onnx") == _json(paths, onnx_encoder, "onnx")


@pytest.mark.parametrize("backend", ["torch", "onnx"])
def test_cache_state_does_not_change_the_bytes(backend, encoder, onnx_encoder, tmp_path):
    enc = encoder if backend == "torch" else onnx_encoder
    paths = [str(SEED), REPORTS[0], REPORTS[3]]

    def cached(folder):
        return CachedEncoder(enc, EmbeddingCache(tmp_path / folder), enc.identity)

    none = _json(paths, enc, backend)
    cold = _json(paths, cached("a"), backend)
    warm_encoder = cached("a")
    warm = _json(paths, warm_encoder, backend)
    assert warm_encoder.misses == 0 and warm_encoder.hits > 0
    # partly warm: another comparison cached some of these texts (a different batch of misses)
    _json([str(SEED), REPORTS[0]], cached("b"), backend)
    partial_encoder = cached("b")
    partial = _json(paths, partial_encoder, backend)
    assert partial_encoder.hits > 0 and partial_encoder.misses > 0
    assert none == cold == warm == partial


def test_torch_and_onnx_agree_on_what_fails_the_gate(run, cache_dir):
    """The floats differ (int8 weights), so JSON bytes differ, and so may borderline agree and
    only-in findings; the contradiction and figure shifts of the Kursk story are the same."""
    torch_run = run("compare", str(SEED), str(CORPUS), "--format", "json", "--backend", "torch")
    onnx_run = run.fresh("compare", str(SEED), str(CORPUS), "--format", "json", "--backend", "onnx",
                         "--cache-dir", str(cache_dir))
    assert torch_run.exit_code == onnx_run.exit_code == 0, onnx_run.output
    a, b = json.loads(torch_run.stdout), json.loads(onnx_run.stdout)
    assert a["settings"]["backend"] == "torch" and b["settings"]["backend"] == "onnx"

    def gate(data):
        return sorted((f["kind"], tuple(s["text"] for s in f["sides"])) for f in data["findings"]
                      if f["kind"] in ("contradiction", "figure-shift"))

    assert gate(a) == gate(b) and {k for k, _ in gate(a)} == {"contradiction", "figure-shift"}
    assert {f["kind"] for f in a["findings"]} == {f["kind"] for f in b["findings"]}


def test_python_hash_seed_does_not_change_the_bytes(tmp_path):
    """Order that leaned on Python's string hashing (a set walked as it comes) would differ
    between processes: two processes with other hash seeds give the same bytes."""
    import os
    import subprocess
    import sys

    outs = []
    for seed in ("1", "4242"):
        env = dict(os.environ, PYTHONHASHSEED=seed, CLAIMDIFF_CACHE_DIR=str(tmp_path / f"cache-{seed}"))
        proc = subprocess.run([sys.executable, "-m", "claimdiff", "compare", str(SEED), *REPORTS[:3], "--no-semantic",
                               "--format", "json"], capture_output=True, text=True, cwd=ROOT, env=env, timeout=300)
        assert proc.returncode == 0, proc.stderr
        outs.append(proc.stdout)
    assert outs[0] == outs[1] and outs[0].startswith("{")


def test_every_order_of_four_documents_gives_the_same_bytes(encoder, tmp_path):
    """The reference named, the four documents in each of their 24 orders: one output."""
    from itertools import permutations

    cached = CachedEncoder(encoder, EmbeddingCache(tmp_path), encoder.identity)
    docs = read_documents([str(SEED), *REPORTS[:3]])
    reference = docs[0].id
    outputs = {render(compare(list(order), settings=Settings(backend="torch"), encoder=cached, reference=reference), "json")
               for order in permutations(docs)}
    assert len(outputs) == 1
