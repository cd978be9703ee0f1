"""The ONNX backend: the real model exported once to int8 ONNX, run with onnxruntime alone."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys

import numpy as np
import pytest

from claimdiff.errors import ModelError
from claimdiff.align.onnx_encoder import FORMAT, OnnxEncoder, pool, read_pipeline
from conftest import CORPUS, ROOT, SEED


def _claims_and_sentences():
    from claimdiff.extract import extract
    from claimdiff.read import read_documents

    docs = read_documents([str(SEED)] + sorted(str(p) for p in CORPUS.glob("*.md")))
    texts = {c.content for d in docs for c in extract(d)}
    texts |= {d.text[c.sentence_start:c.sentence_end] for d in docs for c in extract(d)}
    return sorted(texts)


def test_pipeline_is_read_from_the_model_folder(onnx_encoder):
    p = read_pipeline(onnx_encoder.path)
    # all-MiniLM-L6-v2: modules.json Transformer, Pooling (mean), Normalize; max_seq_length 256
    assert p.pooling == ("mean",) and p.max_seq_length == 256 and p.lower_case is False


def _model_folder(tmp_path, modules, pooling=None, st=None):
    tmp_path.mkdir(parents=True)
    (tmp_path / "modules.json").write_text(json.dumps(modules), encoding="utf-8")
    if pooling is not None:
        (tmp_path / "1_Pooling").mkdir()
        (tmp_path / "1_Pooling" / "config.json").write_text(json.dumps(pooling), encoding="utf-8")
    if st is not None:
        (tmp_path / "sentence_bert_config.json").write_text(json.dumps(st), encoding="utf-8")
    return tmp_path


TRANSFORMER = {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"}
POOLING = {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"}


def test_pipeline_pooling_modes_legacy_and_new(tmp_path):
    legacy = _model_folder(tmp_path / "a", [TRANSFORMER, POOLING],
                           {"pooling_mode_max_tokens": True, "pooling_mode_cls_token": True}, {"max_seq_length": 128,
                                                                                            "do_lower_case": True})
    p = read_pipeline(legacy)
    assert p.pooling == ("cls", "max") and p.max_seq_length == 128 and p.lower_case
    new = _model_folder(tmp_path / "b", [TRANSFORMER, POOLING], {"pooling_mode": "lasttoken"})
    assert read_pipeline(new).pooling == ("lasttoken",)


def test_pipeline_refuses_what_it_cannot_run(tmp_path):
    dense = {"idx": 2, "name": "2", "path": "2_Dense", "type": "sentence_transformers.models.Dense"}
    with pytest.raises(ModelError, match="--backend torch"):
        read_pipeline(_model_folder(tmp_path / "a", [TRANSFORMER, POOLING, dense], {"pooling_mode_mean_tokens": True}))
    with pytest.raises(ModelError, match="not supported"):
        read_pipeline(_model_folder(tmp_path / "b", [TRANSFORMER, POOLING], {"pooling_mode": "median"}))


def test_pool_matches_sentence_transformers_definitions():
    h = np.array([[1.0, 4.0], [3.0, 0.0], [5.0, 2.0]], dtype=np.float32)
    assert pool(h, ["mean"]).tolist() == [3.0, 2.0]
    assert pool(h, ["cls", "max"]).tolist() == [1.0, 4.0, 5.0, 4.0]
    assert pool(h, ["lasttoken"]).tolist() == [5.0, 2.0]
    assert np.allclose(pool(h, ["mean_sqrt_len_tokens"]), np.array([9.0, 6.0]) / np.sqrt(3))
    assert np.allclose(pool(h, ["weightedmean"]), np.array([1 + 6 + 15, 4 + 0 + 6]) / 6.0)


def test_onnx_agrees_with_torch(onnx_encoder, encoder):
    """int8 ONNX against torch on every claim and sentence of the Kursk story: cosine >= 0.98."""
    texts = _claims_and_sentences()
    a, b = onnx_encoder.encode(texts), encoder.encode(texts)
    assert a.shape == b.shape == (len(texts), 384)
    assert np.allclose(np.linalg.norm(a, axis=1), 1.0, atol=1e-5)
    cosine = (a * b).sum(axis=1)
    assert cosine.min() >= 0.98, (cosine.min(), texts[int(cosine.argmin())])


def test_onnx_fp32_gives_torchs_vectors(onnx_fp32_encoder, encoder):
    """Unquantised, the ONNX graph computes what torch computes: the same vectors to float
    rounding, on every claim and sentence of the Kursk story."""
    texts = _claims_and_sentences()
    a, b = onnx_fp32_encoder.encode(texts), encoder.encode(texts)
    assert onnx_fp32_encoder.file.name.endswith(".fp32.onnx") and onnx_fp32_encoder.backend == "onnx-fp32"
    assert np.abs(a - b).max() < 1e-4
    assert (a * b).sum(axis=1).min() > 0.99999


def test_onnx_fp32_compare_is_torchs_compare(onnx_fp32_encoder, encoder):
    """The whole Kursk comparison, as JSON: byte for byte torch's, but for the backend's name."""
    from claimdiff.api import Settings, compare
    from claimdiff.read import read_documents
    from claimdiff.report import render

    docs = read_documents([str(SEED)] + sorted(str(p) for p in CORPUS.glob("*.md")))
    torch_json = render(compare(docs, settings=Settings(backend="torch"), encoder=encoder), "json")
    fp32_json = render(compare(docs, settings=Settings(backend="onnx-fp32"), encoder=onnx_fp32_encoder), "json")
    assert '"backend": "onnx-fp32"' in fp32_json
    assert fp32_json.replace('"backend": "onnx-fp32"', '"backend": "torch"') == torch_json


def test_a_vector_does_not_depend_on_its_batch_mates(onnx_encoder):
    texts = _claims_and_sentences()
    onnx_encoder._load()
    lengths = [len(e.ids) for e in onnx_encoder._tokenizer.encode_batch(texts)]
    # the point is texts that do share batches: many of equal token count
    assert max(lengths.count(n) for n in set(lengths)) >= 8
    together = onnx_encoder.encode(texts)
    alone = np.stack([onnx_encoder.encode([t])[0] for t in texts[::-1]])[::-1]
    assert together.tobytes() == alone.tobytes()


def test_calibration_texts_leave_the_kursk_story_out():
    """The cosine above is measured on Kursk texts; the int8 scales must not have seen them."""
    from claimdiff.align.onnx_export import calibration_texts

    calibration = set(calibration_texts())
    assert len(calibration) >= 300
    kursk = {" ".join(t.split()) for t in _claims_and_sentences()}
    assert not calibration & kursk


def test_max_seq_length_is_respected(onnx_encoder):
    """Past 256 tokens the text is cut, as sentence-transformers cuts it."""
    long = " ".join(["The convoy moved west along the river before dawn."] * 60)
    a, b = onnx_encoder.encode([long, long + " Then it stopped at the border for three days."])
    assert a.tobytes() == b.tobytes()


def test_export_is_one_file_in_the_cache_folder(onnx_file):
    assert onnx_file.parent.name == "onnx" and onnx_file.name.endswith(".int8.onnx")
    # int8 MatMul weights; the 47 MB word-embedding table stays float (a lookup, no arithmetic)
    assert onnx_file.stat().st_size < 64 * 2**20
    assert [p.name for p in onnx_file.parent.iterdir() if not p.name.endswith(".lock")] == [onnx_file.name]
    assert FORMAT in OnnxEncoder(cache_dir=onnx_file.parent.parent).identity


def test_two_processes_export_at_once(tmp_path, onnx_encoder):
    """Both succeed, one whole file results, no temporary file is left behind, in the cache
    folder or in the folder they were started from (the quantiser's helpers write there)."""
    target = tmp_path / "onnx" / "m.int8.onnx"
    start = tmp_path / "cwd"
    start.mkdir()
    cmd = [sys.executable, "-m", "claimdiff.align.onnx_export", str(onnx_encoder.path), str(target)]
    procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=start)
             for _ in range(2)]
    for p in procs:
        _, err = p.communicate(timeout=600)
        assert p.returncode == 0, err
    assert sorted(p.name for p in target.parent.iterdir()) == ["m.int8.onnx", "m.int8.onnx.lock"]
    assert list(start.iterdir()) == []
    a = OnnxEncoder(cache_dir=tmp_path)
    a.file = target
    assert a.encode(["one text"]).tobytes() == onnx_encoder.encode(["one text"]).tobytes()


def test_a_damaged_onnx_file_is_one_line(cache_dir):
    enc = OnnxEncoder(cache_dir=cache_dir)
    enc.file.unlink()
    enc.file.write_bytes(b"not an onnx model" * 10)
    with pytest.raises(ModelError, match="delete it to export again"):
        enc.encode(["text"])


RUN = (
    "import sys\n"
    "from click.testing import CliRunner\n"
    "from claimdiff.cli import cli\n"
    "r = CliRunner().invoke(cli, sys.argv[1:])\n"
    "assert r.exit_code == 0, r.output\n"
    "sys.stdout.write(r.stdout)\n"
    "sys.stderr.write('IMPORTED=%s' % sorted(m for m in ('torch', 'sentence_transformers', 'transformers') "
    "if m in sys.modules))\n"
)


def test_onnx_compare_imports_no_torch(cache_dir):
    """A cold embedding cache, so every text is encoded, by onnxruntime alone."""
    env = dict(os.environ, CLAIMDIFF_CACHE_DIR=str(cache_dir))
    out = subprocess.run([sys.executable, "-c", RUN, "compare", str(SEED), str(CORPUS / "meridian-wire-review.md"),
                          "--backend", "onnx", "--format", "json"], capture_output=True, text=True, cwd=ROOT, env=env)
    assert out.returncode == 0, out.stderr
    assert "IMPORTED=[]" in out.stderr
    data = json.loads(out.stdout)
    assert data["settings"]["backend"] == "onnx"


def test_default_backend_is_fp32_onnx_and_imports_no_torch(onnx_fp32_encoder, tmp_path):
    """No --backend: the fp32 export (linked into an empty cache, so nothing is exported
    again), every text encoded by onnxruntime, torch never imported."""
    cache = tmp_path / "cache"
    (cache / "onnx").mkdir(parents=True)
    (cache / "onnx" / onnx_fp32_encoder.file.name).symlink_to(onnx_fp32_encoder.file)
    env = dict(os.environ, CLAIMDIFF_CACHE_DIR=str(cache))
    out = subprocess.run([sys.executable, "-c", RUN, "compare", str(SEED), str(CORPUS / "meridian-wire-review.md"),
                          "--format", "json"], capture_output=True, text=True, cwd=ROOT, env=env)
    assert out.returncode == 0, out.stderr
    assert "IMPORTED=[]" in out.stderr and "exporting" not in out.stderr
    assert json.loads(out.stdout)["settings"]["backend"] == "onnx-fp32"


def test_backend_option_and_config(run, tmp_path, monkeypatch):
    bad = run.fresh("compare", str(SEED), str(CORPUS), "--backend", "tensorflow")
    assert bad.exit_code == 2 and "tensorflow" in bad.stderr
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text('[tool.claimdiff]\nbackend = "jax"\n', encoding="utf-8")
    result = run.fresh("check", str(CORPUS))
    assert result.exit_code == 2 and "backend must be torch, onnx or onnx-fp32, not 'jax'" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_config_backend_onnx_is_used_by_check(run, tmp_path, monkeypatch, cache_dir):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text('[tool.claimdiff]\nbackend = "onnx"\n', encoding="utf-8")
    result = run.fresh("check", str(CORPUS), "--cache-dir", str(cache_dir), "--format", "json", "--exit-zero")
    assert result.exit_code == 0, result.output
    db = sqlite3.connect(cache_dir / "embeddings.sqlite3")
    ids = [row[0] for row in db.execute("SELECT DISTINCT model FROM embeddings")]
    db.close()
    assert ids == [OnnxEncoder(cache_dir=cache_dir).identity]


def test_a_killed_exports_work_folders_are_removed_and_no_others(tmp_path):
    """A killed export leaves its work folder (a partial model of 25 MB); the next export of
    that target removes it, and an older claimdiff's a day old; another target's live work
    folder, and a recent one of unknown owner, are left."""
    import os
    import time

    from claimdiff.align.onnx_export import STALE_S, remove_stale

    target = tmp_path / "model-abc.int8.onnx"
    ours = tmp_path / ".export-model-abc.int8.onnx-k1ll3d"
    other = tmp_path / ".export-model-abc.fp32.onnx-l1ve"
    old_legacy, new_legacy = tmp_path / ".export-0ld", tmp_path / ".export-n3w"
    for d in (ours, other, old_legacy, new_legacy):
        d.mkdir()
        (d / "model.onnx").write_bytes(b"partial")
    long_ago = time.time() - STALE_S - 60
    os.utime(old_legacy, (long_ago, long_ago))
    assert remove_stale(target) == sorted([ours, old_legacy])
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([other.name, new_legacy.name])
