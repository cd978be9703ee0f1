"""The ONNX backend: the same sentence-transformers model, run with onnxruntime and tokenizers.

The model folder is exported once, offline, to an int8 ONNX file (static quantisation, per
channel, SmoothQuant; see ``claimdiff.align.onnx_export``) kept in the cache folder (``<cache dir>/onnx/``, see ``claimdiff.cache.default_dir``).
The export needs torch and runs in a child process (``python -m claimdiff.align.onnx_export``), so
the process that encodes never imports torch, not even the first time. Two processes that
export at once take turns on a lock file; the file appears by rename, whole or not at all.

Encoding reproduces the model's sentence-transformers pipeline from its own files:
``modules.json`` (Transformer, Pooling, Normalize; anything else is refused),
``sentence_bert_config.json`` (``max_seq_length``, ``do_lower_case``), the pooling folder's
``config.json`` (cls / max / mean / mean_sqrt_len_tokens / weightedmean / lasttoken, joined in
sentence-transformers' order), then L2 normalisation as the torch backend does.

A text's vector must not depend on the texts it is encoded with (the cache would otherwise
make a run's bytes depend on what an earlier run cached). Two things secure that. The int8
scales are fixed at export, not measured over each batch as dynamic quantisation does (which
moved a text's vector by up to 0.034, measured). And texts are batched only with texts of the
same token count, so there is no padding: every row of a batch goes through the same arithmetic
as it would alone, and the vectors are bit-identical to encoding each text alone (a test holds
this). Batches run on a thread each, one onnxruntime thread per batch.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import numpy as np

from .embed import DEFAULT_MODEL, resolve_model
from ..errors import ModelError
from ..model import ONNX_PRECISION

FORMAT = "onnx-int8-smooth-static-v3"  # bump when the export or quantisation changes: the file name and cache keys follow
FORMATS = {"int8": FORMAT, "fp32": "onnx-fp32-v1"}  # per precision; the fp32 file is the export, unquantised
POOLING_ORDER = ("cls", "max", "mean", "mean_sqrt_len_tokens", "weightedmean", "lasttoken")
_LEGACY_POOLING = {
    "pooling_mode_cls_token": "cls",
    "pooling_mode_max_tokens": "max",
    "pooling_mode_mean_tokens": "mean",
    "pooling_mode_mean_sqrt_len_tokens": "mean_sqrt_len_tokens",
    "pooling_mode_weightedmean_tokens": "weightedmean",
    "pooling_mode_lasttoken": "lasttoken",
}


@dataclass(frozen=True)
class Pipeline:
    """What the model folder says about turning token vectors into one sentence vector."""

    pooling: tuple[str, ...]
    max_seq_length: int
    lower_case: bool


def _json(path: Path) -> dict | list:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ModelError(f"cannot load the embedding model: {path} cannot be read ({exc})") from None


def read_pipeline(folder: Path) -> Pipeline:
    modules = _json(folder / "modules.json") if (folder / "modules.json").is_file() else [
        {"type": "Transformer", "path": ""}, {"type": "Pooling", "path": "1_Pooling"}]
    kinds = [str(m.get("type", "")).rsplit(".", 1)[-1] for m in modules]
    if not kinds or kinds[0] != "Transformer" or any(k not in ("Transformer", "Pooling", "Normalize") for k in kinds) \
            or kinds.count("Pooling") != 1:
        raise ModelError(f"{folder}: the ONNX backend runs Transformer, Pooling and Normalize modules only "
                         f"(this model has {', '.join(kinds) or 'none'}); use --backend torch")
    pooling_dir = folder / modules[kinds.index("Pooling")].get("path", "")
    pcfg = _json(pooling_dir / "config.json") if (pooling_dir / "config.json").is_file() else {}
    mode = pcfg.get("pooling_mode")
    if mode is None:
        modes = tuple(name for key, name in _LEGACY_POOLING.items() if pcfg.get(key)) or ("mean",)
    else:
        modes = (mode,) if isinstance(mode, str) else tuple(mode)
    if any(m not in POOLING_ORDER for m in modes) or pcfg.get("include_prompt") is False:
        raise ModelError(f"{pooling_dir}: pooling {modes} is not supported by the ONNX backend; use --backend torch")
    st = _json(folder / "sentence_bert_config.json") if (folder / "sentence_bert_config.json").is_file() else {}
    length = st.get("max_seq_length")
    if not isinstance(length, int) or length <= 0:
        cfg = _json(folder / "config.json") if (folder / "config.json").is_file() else {}
        tcfg = _json(folder / "tokenizer_config.json") if (folder / "tokenizer_config.json").is_file() else {}
        limits = [v for v in (cfg.get("max_position_embeddings"), tcfg.get("model_max_length"))
                  if isinstance(v, int) and 0 < v < 10**6]
        length = min(limits) if limits else 512
    return Pipeline(pooling=modes, max_seq_length=length, lower_case=bool(st.get("do_lower_case", False)))


def pool(hidden: np.ndarray, modes: Sequence[str]) -> np.ndarray:
    """One vector from the token vectors (n, dim) of one unpadded text, as sentence-transformers
    pools them (float32; several modes concatenated in the given order)."""
    hidden = np.asarray(hidden, dtype=np.float32)
    n = hidden.shape[0]
    out = []
    for mode in modes:
        if mode == "cls":
            out.append(hidden[0])
        elif mode == "max":
            out.append(hidden.max(axis=0))
        elif mode == "mean":
            out.append(hidden.sum(axis=0) / np.float32(max(n, 1e-9)))
        elif mode == "mean_sqrt_len_tokens":
            out.append(hidden.sum(axis=0) / np.float32(np.sqrt(max(n, 1e-9))))
        elif mode == "weightedmean":
            w = np.arange(1, n + 1, dtype=np.float32)[:, None]
            out.append((hidden * w).sum(axis=0) / np.float32(max(float(w.sum()), 1e-9)))
        elif mode == "lasttoken":
            out.append(hidden[-1])
        else:  # read_pipeline refuses these first
            raise ModelError(f"pooling mode {mode!r} is not supported by the ONNX backend")
    return np.concatenate(out).astype(np.float32)


def onnx_file(folder: Path, identity: str, cache_dir: str | os.PathLike | None = None, precision: str = "int8") -> Path:
    """Where the quantised export of this model is kept: named by the model's identity (name and
    a digest of its files) and the export format, so another model or format never reuses it."""
    from ..cache import default_dir

    base = Path(cache_dir).expanduser() if cache_dir is not None else default_dir()
    digest = hashlib.sha256(f"{identity}\0{FORMATS[precision]}".encode()).hexdigest()[:16]
    stem = "".join(ch if ch.isalnum() or ch in "-_." else "-" for ch in identity.split(":", 1)[0])[:60]
    return base / "onnx" / f"{stem}-{digest}.{precision}.onnx"


def ensure_exported(folder: Path, target: Path, name: str, precision: str = "int8") -> Path:
    """The quantised ONNX file, exported first if it is not there yet (once per model and cache)."""
    if target.is_file():
        return target
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ModelError(f"cannot make {target.parent} for the ONNX model ({exc.strerror}); "
                         "pass --cache-dir, or use --backend torch") from None
    from ..log import logger

    logger.info(f"exporting {name} to ONNX, once (kept in {target.parent})")
    proc = subprocess.run([sys.executable, "-m", "claimdiff.align.onnx_export", str(folder), str(target), precision],
                          capture_output=True, text=True)
    if proc.returncode != 0 or not target.is_file():
        lines = [ln for ln in proc.stderr.strip().splitlines() if ln.strip()]
        last = lines[-1][:200] if lines else f"exit code {proc.returncode}"
        raise ModelError(f"cannot export {folder} to ONNX: {last} (use --backend torch)")
    return target


# sessions loaded in this process, by file and its size and time (see OnnxEncoder._load)
_LOADED: dict[tuple[str, int, int], tuple] = {}


class OnnxEncoder:
    """A local sentence-transformers model, exported to ONNX once (int8, or fp32), run with
    onnxruntime."""

    def __init__(self, model: str | os.PathLike | None = None, *, cache_dir: str | os.PathLike | None = None,
                 threads: int | None = None, batch_size: int = 16, precision: str = "int8") -> None:
        from ..cache import model_identity

        self.path = resolve_model(model)
        self.name = self.path.name if model is not None else DEFAULT_MODEL
        self.pipeline = read_pipeline(self.path)
        if not (self.path / "tokenizer.json").is_file():
            raise ModelError(f"{self.path}: no tokenizer.json, which the ONNX backend needs; use --backend torch")
        if precision not in FORMATS:
            raise ModelError(f"unknown ONNX precision {precision!r} (int8 or fp32)")
        self.precision = precision
        self.backend = next(b for b, p in ONNX_PRECISION.items() if p == precision)
        self.identity = model_identity(self.path, self.name, FORMATS[precision])
        self.file = onnx_file(self.path, self.identity, cache_dir, precision)
        self.threads = threads or max(1, min(os.cpu_count() or 1, 4))
        self.batch_size = max(1, batch_size)
        self._session = None
        self._tokenizer = None
        self._inputs: tuple[str, ...] = ()

    def _load(self):
        if self._session is None:
            ensure_exported(self.path, self.file, self.name, self.precision)
            # a file already loaded in this process is loaded once; a file re-exported or
            # replaced since (another size or time) is loaded again
            stat = self.file.stat()
            key = (str(self.file), stat.st_size, stat.st_mtime_ns)
            if key in _LOADED:
                self._tokenizer, self._session, self._inputs = _LOADED[key]
                return self._session
            try:
                import onnxruntime as ort
                from tokenizers import Tokenizer
            except ImportError as exc:
                raise ModelError(f"the ONNX backend needs onnxruntime and tokenizers ({exc}): "
                                 "pip install onnxruntime tokenizers, or use --backend torch") from None
            tok = Tokenizer.from_file(str(self.path / "tokenizer.json"))
            tok.no_padding()
            tok.enable_truncation(max_length=self.pipeline.max_seq_length)
            opts = ort.SessionOptions()
            # one thread a batch, batches spread over threads (see the module's docstring); no busy
            # waiting, which costs dearly on a machine whose cores other processes share
            opts.intra_op_num_threads = 1
            opts.inter_op_num_threads = 1
            opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
            opts.log_severity_level = 3
            try:
                session = ort.InferenceSession(str(self.file), opts, providers=["CPUExecutionProvider"])
            except Exception as exc:  # a damaged file: one line, and how to get a fresh one
                raise ModelError(f"cannot load {self.file} ({str(exc).strip().splitlines()[0][:160]}); "
                                 "delete it to export again, or use --backend torch") from None
            self._inputs = tuple(i.name for i in session.get_inputs())
            self._tokenizer, self._session = tok, session
            _LOADED[key] = (tok, session, self._inputs)
        return self._session

    def _batch(self, encodings: list) -> list[np.ndarray]:
        """Token vectors, then pooled vectors, of texts that all have the same token count."""
        rows = {"input_ids": [e.ids for e in encodings], "attention_mask": [e.attention_mask for e in encodings],
                "token_type_ids": [e.type_ids for e in encodings]}
        hidden = self._session.run(None, {k: np.asarray(rows[k], dtype=np.int64) for k in self._inputs})[0]
        return [pool(h, self.pipeline.pooling) for h in hidden]

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        self._load()
        items = [t.lower() for t in texts] if self.pipeline.lower_case else list(texts)
        encodings = self._tokenizer.encode_batch(items)
        by_length: dict[int, list[int]] = {}
        for i, e in enumerate(encodings):
            by_length.setdefault(len(e.ids), []).append(i)
        jobs = [group[k:k + self.batch_size] for _, group in sorted(by_length.items())
                for k in range(0, len(group), self.batch_size)]
        jobs.sort(key=lambda job: -len(job) * len(encodings[job[0]].ids))  # the longest first: threads end together

        def run(job: list[int]) -> list[np.ndarray]:
            return self._batch([encodings[i] for i in job])

        if self.threads > 1 and len(jobs) > 1:
            from concurrent.futures import ThreadPoolExecutor

            with ThreadPoolExecutor(self.threads) as workers:
                results = list(workers.map(run, jobs))
        else:
            results = [run(job) for job in jobs]
        vectors: list[np.ndarray | None] = [None] * len(encodings)
        for job, out in zip(jobs, results):
            for i, v in zip(job, out):
                vectors[i] = v
        matrix = np.stack(vectors).astype(np.float32)
        norms = np.linalg.norm(matrix, axis=1, keepdims=True)
        return (matrix / np.maximum(norms, 1e-12)).astype(np.float32)
