"""The embedding cache: warm runs skip torch, damaged files are rebuilt, results never change."""

from __future__ import annotations

import os
import subprocess
import sys

import numpy as np
import pytest

from claimdiff.cache import CachedEncoder, EmbeddingCache, model_identity
from conftest import CORPUS, ROOT, SEED


class Counting:
    name = "fake"

    def __init__(self):
        self.calls = []

    def encode(self, texts):
        self.calls.append(list(texts))
        return np.array([[len(t), 1.0] for t in texts], dtype=np.float32)


def test_only_missing_texts_are_encoded(tmp_path):
    inner = Counting()
    enc = CachedEncoder(inner, EmbeddingCache(tmp_path), "fake:1")
    first = enc.encode(["b", "a", "b"])
    second = enc.encode(["a", "c"])
    assert inner.calls == [["a", "b"], ["c"]]
    assert np.array_equal(first[1], second[0])
    # another model identity shares nothing
    other = CachedEncoder(Counting(), EmbeddingCache(tmp_path), "fake:2")
    other.encode(["a"])
    assert other.misses == 1


@pytest.mark.parametrize("stored", [
    {"a": [np.nan, 1.0]},  # not finite
    {"a": [1.0, 1.0, 1.0]},  # another length than the other stored vector
    {"a": [np.inf, 1.0], "b": [1.0, 1.0, 1.0]},
])
def test_a_damaged_stored_vector_is_computed_again_and_rewritten(tmp_path, stored):
    inner = Counting()
    cache = EmbeddingCache(tmp_path)
    cache.put("fake:1", {t: np.asarray(v, dtype=np.float32) for t, v in stored.items()})
    if "b" not in stored:
        cache.put("fake:1", {"b": np.asarray([1.0, 1.0], dtype=np.float32)})  # a good one beside it
    got = CachedEncoder(inner, cache, "fake:1").encode(["a", "b"])
    assert np.array_equal(got, inner.encode(["a", "b"]))  # what the model says, not what was stored
    assert np.array_equal(CachedEncoder(Counting(), EmbeddingCache(tmp_path), "fake:1").encode(["a", "b"]), got)


def test_damaged_cache_is_rebuilt_with_a_warning(tmp_path, capsys):
    (tmp_path / "embeddings.sqlite3").write_bytes(b"this is not a database" * 100)
    enc = CachedEncoder(Counting(), EmbeddingCache(tmp_path), "fake:1")
    out = enc.encode(["x"])
    assert out.shape == (1, 2)
    assert "rebuilding it" in capsys.readouterr().err
    assert (tmp_path / "embeddings.sqlite3.broken").exists()
    again = CachedEncoder(Counting(), EmbeddingCache(tmp_path), "fake:1")
    again.encode(["x"])
    assert again.hits == 1


def test_model_identity_depends_on_the_files(tmp_path):
    (tmp_path / "config.json").write_text("{}", encoding="utf-8")
    a = model_identity(tmp_path, "m", "torch")
    (tmp_path / "config.json").write_text('{"hidden": 1}', encoding="utf-8")
    assert model_identity(tmp_path, "m", "torch") != a


def test_model_identity_depends_on_the_backend(tmp_path):
    """torch and ONNX embeddings of one model never share cache entries."""
    from claimdiff.align.onnx_encoder import FORMAT

    (tmp_path / "config.json").write_text("{}", encoding="utf-8")
    torch_id, onnx_id = model_identity(tmp_path, "m", "torch"), model_identity(tmp_path, "m", FORMAT)
    assert torch_id != onnx_id and torch_id.endswith(":torch") and onnx_id.endswith(":" + FORMAT)


RUN = (
    "import sys\n"
    "from click.testing import CliRunner\n"
    "from claimdiff.cli import cli\n"
    "r = CliRunner().invoke(cli, ['compare', sys.argv[1], sys.argv[2], '--format', 'json'] + sys.argv[3:])\n"
    "assert r.exit_code == 0, r.output\n"
    "sys.stdout.write(r.stdout)\n"
    "sys.stderr.write('TORCH=%s SPACY=%s' % ('torch' in sys.modules, 'spacy' in sys.modules))\n"
)


def _run(cache_dir, *extra):
    env = dict(os.environ, CLAIMDIFF_CACHE_DIR=str(cache_dir))
    out = subprocess.run([sys.executable, "-c", RUN, str(SEED), str(CORPUS / "meridian-wire-review.md"), *extra],
                         capture_output=True, text=True, cwd=ROOT, env=env)
    assert out.returncode == 0, out.stderr
    return out.stdout, out.stderr


def test_warm_run_does_not_import_torch_and_gives_the_same_bytes(tmp_path):
    """The torch backend imports torch to encode; once every embedding is cached it does not."""
    cold, cold_err = _run(tmp_path, "--backend", "torch")
    warm, warm_err = _run(tmp_path, "--backend", "torch")
    assert "TORCH=True" in cold_err and "TORCH=False" in warm_err
    assert "SPACY=True" in cold_err and "SPACY=False" in warm_err  # parses are cached with the embeddings
    assert cold == warm
    no_cache, _ = _run(tmp_path / "unused", "--no-cache", "--backend", "torch")
    assert no_cache == cold and not (tmp_path / "unused").exists()


def test_a_stored_vector_of_another_length_than_the_models_is_computed_again(tmp_path):
    inner = Counting()
    cache = EmbeddingCache(tmp_path)
    cache.put("fake:1", {"a": np.asarray([1.0, 1.0, 1.0], dtype=np.float32)})
    got = CachedEncoder(inner, cache, "fake:1").encode(["a", "c"])  # "c" is computed: 2 numbers
    assert np.array_equal(got, Counting().encode(["a", "c"])) and inner.calls == [["c"], ["a"]]
