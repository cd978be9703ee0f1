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


def test_damaged_cache_is_rebuilt_with_a_warning(tmp_path, caplog):
    (tmp_path / "embeddings.sqlite3").write_bytes(b"this is not a database" * 100)
    enc = CachedEncoder(Counting(), EmbeddingCache(tmp_path), "fake:1")
    out = enc.encode(["x"])
    assert out.shape == (1, 2)
    assert any("rebuilding it" in m for m in caplog.messages)
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


def _filled(folder):
    cache = EmbeddingCache(folder)
    cache.put("m", {"a": np.ones(4, dtype=np.float32)})
    cache.put_parses("p", {"a": "[]"})
    cache._db.close()
    return folder / "embeddings.sqlite3"


def test_a_read_only_cache_folder_is_read_and_never_written(tmp_path, monkeypatch, caplog):
    """A cache folder the user cannot write (a read-only mount, a shared cache): its rows are
    used, nothing is written or set aside, and one warning says so."""
    path = _filled(tmp_path)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    monkeypatch.setattr("claimdiff.cache._writable", lambda p: False)
    cache = EmbeddingCache(tmp_path)
    assert list(cache.get("m", ["a", "b"])) == ["a"]
    assert cache.get_parses("p", ["a"]) == {"a": "[]"}
    cache.put("m", {"b": np.ones(4, dtype=np.float32)})
    cache.put_parses("p", {"b": "[]"})
    assert cache.read_only
    assert path.read_bytes() == before[path.name]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(before)
    assert caplog.messages == [f"embedding cache {path} is read-only; reading it and writing nothing"]


def test_a_read_only_file_system_is_not_taken_for_damage(tmp_path, monkeypatch, caplog):
    """sqlite's own "attempt to write a readonly database" (what a read-only mount gives) reads
    the cache as it is instead of setting it aside as damaged and rebuilding it."""
    import sqlite3

    path = _filled(tmp_path)
    real = sqlite3.connect

    def read_only_connect(target, *args, **kwargs):
        if not kwargs.get("uri"):
            return real(f"{path.resolve().as_uri()}?mode=ro", *args, uri=True, **kwargs)
        return real(target, *args, **kwargs)

    monkeypatch.setattr("claimdiff.cache.sqlite3.connect", read_only_connect)
    cache = EmbeddingCache(tmp_path)
    assert list(cache.get("m", ["a"])) == ["a"]
    cache.put("m", {"b": np.ones(4, dtype=np.float32)})
    assert len(caplog.messages) == 1 and "read-only" in caplog.messages[0] and "damaged" not in caplog.messages[0]
    assert not list(tmp_path.glob("*.broken"))


def test_a_read_only_folder_with_no_cache_runs_without_one(tmp_path, monkeypatch, caplog):
    monkeypatch.setattr("claimdiff.cache._writable", lambda p: False)
    cache = EmbeddingCache(tmp_path)
    assert cache.get("m", ["a"]) == {}
    cache.put("m", {"a": np.ones(4, dtype=np.float32)})
    assert list(tmp_path.iterdir()) == []
    assert caplog.messages == [f"cache folder {tmp_path} is read-only; running without a cache"]


def test_model_identity_reads_the_weights_not_their_size(tmp_path, monkeypatch):
    """Weights changed at the same size are another model: other cache entries and another
    ONNX export. The digest of a file is kept by path, size and mtime, so it is read once."""
    import claimdiff.cache as cache

    monkeypatch.setenv("CLAIMDIFF_CACHE_DIR", str(tmp_path / "cache"))
    model = tmp_path / "model"
    model.mkdir()
    weights = model / "model.safetensors"
    weights.write_bytes(b"\x01" * 4096)
    (model / "config.json").write_text("{}", encoding="utf-8")
    first = model_identity(model, "m", "torch")
    hashed = []
    real = cache._DigestStore.digest

    def counting(self, p):
        before = len(self.known)
        out = real(self, p)
        if len(self.known) > before:
            hashed.append(p.name)
        return out

    monkeypatch.setattr(cache._DigestStore, "digest", counting)
    assert model_identity(model, "m", "torch") == first and hashed == []  # read back, not hashed again
    stat = weights.stat()
    weights.write_bytes(b"\x02" * 4096)  # the same size; a write moves the mtime, here by 1 ns
    os.utime(weights, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1))
    assert model_identity(model, "m", "torch") != first and hashed == ["model.safetensors"]


def test_the_librarys_warnings_are_logged_and_the_command_line_prints_them(tmp_path, caplog):
    """The library logs to the "claimdiff" logger (a program using it decides where notes go);
    the command line prints them as one "claimdiff: warning:" line each."""
    from click.testing import CliRunner

    from claimdiff.cli import cli

    folder = tmp_path / "cache"
    folder.mkdir()
    (folder / "embeddings.sqlite3").write_bytes(b"not a database at all" * 100)
    EmbeddingCache(folder).get("m", ["a"])
    assert [r.name for r in caplog.records] == ["claimdiff"] and "rebuilding it" in caplog.messages[0]
    folder = tmp_path / "cli-cache"
    folder.mkdir()
    (folder / "embeddings.sqlite3").write_bytes(b"not a database at all" * 100)
    other = tmp_path / "b.md"
    # a sentence no other test parses, so that its parse is looked up in the cache
    other.write_text("The Quillmarsh council met on Wednesday about the damaged cache, officials said.\n",
                     encoding="utf-8")
    result = CliRunner().invoke(cli, ["compare", str(SEED), str(other), "--no-semantic", "--cache-dir", str(folder)])
    assert result.exit_code == 0, result.output
    assert any(line.startswith("claimdiff: warning: embedding cache") and "rebuilding it" in line
               for line in result.stderr.splitlines()), result.stderr
