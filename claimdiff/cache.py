"""An on-disk cache of sentence embeddings and sentence parses, keyed by model (or parser) identity and text.

SQLite in the user's cache folder (``$CLAIMDIFF_CACHE_DIR``, else
``$XDG_CACHE_HOME/claimdiff``, else ``~/.cache/claimdiff``), or ``--cache-dir``.
A run whose embeddings are all cached never imports torch: the wrapped encoder is only
asked for texts the cache lacks. WAL journaling and one transaction per batch keep the
file consistent when two processes share it or a run is killed mid-way; a file that is
not a readable cache is set aside with a warning and rebuilt.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from pathlib import Path
from typing import Sequence

import numpy as np

from .errors import ClaimdiffError
from .log import logger

SCHEMA = 1


def default_dir() -> Path:
    env = os.environ.get("CLAIMDIFF_CACHE_DIR")
    if env:
        return Path(env).expanduser()
    base = os.environ.get("XDG_CACHE_HOME")
    # the XDG spec: a relative path is invalid and ignored, never read against the cwd
    base_path = Path(base).expanduser() if base else None
    return (base_path if base_path is not None and base_path.is_absolute() else Path.home() / ".cache") / "claimdiff"


def model_identity(folder: Path, name: str, backend: str) -> str:
    """The model's name, a digest of its files (their names and contents) and the backend that
    runs it: another model, the same name with other weights (even of the same size), or the
    same model run by another backend (torch, or the int8 ONNX export) gets other cache
    entries, so embeddings of two backends never mix. Each file is hashed once; its digest is
    kept by path, size and modification time (as black keeps its cache), so a warm run only
    stats the files."""
    h = hashlib.sha256()
    store = _DigestStore.load()
    for p in sorted(folder.rglob("*")):
        if not p.is_file():
            continue
        rel = p.relative_to(folder).as_posix()
        h.update(f"{rel}\0{store.digest(p)}\0".encode())
    store.save()
    return f"{name}:{h.hexdigest()[:16]}:{backend}"


class _DigestStore:
    """sha256 of files, by (path, size, mtime), in ``digests.json`` of the default cache folder."""

    def __init__(self, path: Path, known: dict[str, str]) -> None:
        self.path, self.known, self.changed = path, known, False

    @classmethod
    def load(cls) -> "_DigestStore":
        path = default_dir() / "digests.json"
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            known = {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, str)} \
                if isinstance(data, dict) else {}
        except (OSError, ValueError, RecursionError):
            known = {}
        return cls(path, known)

    def digest(self, p: Path) -> str:
        st = p.stat()
        key = f"{p.resolve()}\0{st.st_size}\0{st.st_mtime_ns}"
        found = self.known.get(key)
        if found is None:
            h = hashlib.sha256()
            with p.open("rb") as fh:
                for block in iter(lambda: fh.read(1 << 20), b""):
                    h.update(block)
            found = self.known[key] = h.hexdigest()
            self.changed = True
        return found

    def save(self) -> None:
        if not self.changed:
            return
        try:  # best effort: without it the files are hashed again next time
            from .read.files import write_atomically

            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(self.path, json.dumps(self.known, sort_keys=True))
        except (OSError, ClaimdiffError):
            pass


def _writable(path: Path) -> bool:
    return os.access(path, os.W_OK)


def _is_read_only(exc: sqlite3.DatabaseError) -> bool:
    text = str(exc).lower()
    return "readonly" in text or "read-only" in text


def _warn(message: str) -> None:
    logger.warning(message)


class EmbeddingCache:
    def __init__(self, folder: Path | None = None) -> None:
        self.folder = Path(folder) if folder is not None else default_dir()
        self.path = self.folder / "embeddings.sqlite3"
        self._db: sqlite3.Connection | None = None
        # a cache on a read-only folder or file system is read and never written (one warning)
        self.read_only = False
        self._write_warned = False
        self._unusable = False  # decided once, and said once: running without a cache

    def _open(self) -> sqlite3.Connection | None:
        if self._db is not None or self._unusable:
            return self._db
        db = self._connect()
        self._unusable = db is None
        return db

    def _connect(self) -> sqlite3.Connection | None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            _warn(f"cache folder {self.folder} cannot be made ({exc.strerror}); running without a cache")
            return None
        if not _writable(self.folder) or (self.path.exists() and not _writable(self.path)):
            return self._open_read_only()
        for attempt in (1, 2):
            try:
                db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
                db.execute("PRAGMA journal_mode=WAL")
                db.execute("PRAGMA busy_timeout=30000")
                db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
                db.execute("CREATE TABLE IF NOT EXISTS embeddings (model TEXT NOT NULL, key TEXT NOT NULL, "
                           "dim INTEGER NOT NULL, vector BLOB NOT NULL, PRIMARY KEY (model, key))")
                # sentence parses (claimdiff.extract.parse), keyed by the parser's identity and the text
                db.execute("CREATE TABLE IF NOT EXISTS parses (parser TEXT NOT NULL, key TEXT NOT NULL, "
                           "data TEXT NOT NULL, PRIMARY KEY (parser, key))")
                row = db.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
                if row is None:
                    db.execute("INSERT OR IGNORE INTO meta VALUES ('schema', ?)", (str(SCHEMA),))
                elif row[0] != str(SCHEMA):
                    raise sqlite3.DatabaseError(f"cache schema {row[0]}, expected {SCHEMA}")
                db.execute("SELECT count(*) FROM embeddings LIMIT 1").fetchone()
                self._db = db
                return db
            except sqlite3.DatabaseError as exc:
                if _is_read_only(exc):  # a read-only file system: not damage, nothing to set aside
                    return self._open_read_only()
                if attempt == 2:
                    _warn(f"embedding cache {self.path} cannot be used ({exc}); running without a cache")
                    return None
                _warn(f"embedding cache {self.path} is damaged ({exc}); rebuilding it")
                self._set_aside()
        return None

    def _open_read_only(self) -> sqlite3.Connection | None:
        """The stored rows of a cache that cannot be written, read as they are."""
        self.read_only = True
        if not self.path.is_file():
            _warn(f"cache folder {self.folder} is read-only; running without a cache")
            return None
        uri = self.path.resolve().as_uri()
        # immutable: no lock and no -shm file, which a read-only folder could not hold; where the
        # folder is writable but the file is not, mode=ro sees what other writers commit
        modes = ("mode=ro", "immutable=1") if _writable(self.folder) else ("immutable=1",)
        for mode in modes:
            try:
                db = sqlite3.connect(f"{uri}?{mode}", uri=True, isolation_level=None)
                row = db.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
                if row is None or row[0] != str(SCHEMA):
                    break
                db.execute("SELECT count(*) FROM embeddings LIMIT 1").fetchone()
            except sqlite3.DatabaseError:
                continue
            _warn(f"embedding cache {self.path} is read-only; reading it and writing nothing")
            self._db = db
            return db
        _warn(f"embedding cache {self.path} is read-only and cannot be read; running without a cache")
        return None

    def _set_aside(self) -> None:
        for suffix in ("", "-wal", "-shm"):
            p = Path(str(self.path) + suffix)
            if p.exists():
                try:
                    p.replace(p.with_name(p.name + ".broken"))
                except OSError:
                    try:
                        p.unlink(missing_ok=True)
                    except OSError:
                        pass  # then the reopening says why the cache cannot be used

    @staticmethod
    def key(text: str) -> str:
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def _select(self, query: str, owner: str, texts: Sequence[str], what: str) -> list[tuple[str, tuple]]:
        """(text, rest of the row) of each stored text; ``query`` selects key and the rest by owner and keys."""
        db = self._open()
        if db is None or not texts:
            return []
        keys = {self.key(t): t for t in texts}
        items = list(keys)
        out: list[tuple[str, tuple]] = []
        try:
            for i in range(0, len(items), 500):
                chunk = items[i:i + 500]
                rows = db.execute(query.format(keys=",".join("?" * len(chunk))), (owner, *chunk)).fetchall()
                out.extend((keys[row[0]], tuple(row[1:])) for row in rows)
        except sqlite3.DatabaseError as exc:
            _warn(f"{what} cache read failed ({exc}); computing instead")
            return []
        return out

    def _insert(self, query: str, rows: list[tuple], what: str) -> None:
        db = self._open()
        if db is None or not rows or self.read_only:
            return
        try:
            db.execute("BEGIN IMMEDIATE")
            db.executemany(query, rows)
            db.execute("COMMIT")
        except sqlite3.DatabaseError as exc:
            try:
                db.execute("ROLLBACK")
            except sqlite3.DatabaseError:
                pass
            if _is_read_only(exc):
                self.read_only = True  # and say so once, not at every write
            if not self._write_warned:
                self._write_warned = True
                _warn(f"embedding cache {self.path} is read-only; reading it and writing nothing"
                      if self.read_only else f"{what} cache write failed ({exc}); results are unaffected")

    def get(self, model: str, texts: Sequence[str]) -> dict[str, np.ndarray]:
        found: dict[str, np.ndarray] = {}
        rows = self._select("SELECT key, dim, vector FROM embeddings WHERE model=? AND key IN ({keys})", model, texts,
                            "embedding")
        for text, (dim, blob) in rows:
            vec = np.frombuffer(blob, dtype=np.float32)
            if vec.size == dim:
                found[text] = vec
        return found

    def put(self, model: str, vectors: dict[str, np.ndarray]) -> None:
        self._insert("INSERT OR REPLACE INTO embeddings VALUES (?, ?, ?, ?)",
                     [(model, self.key(t), int(v.size), np.asarray(v, dtype=np.float32).tobytes())
                      for t, v in vectors.items()], "embedding")

    def get_parses(self, parser: str, texts: Sequence[str]) -> dict[str, str]:
        """The stored parse (its JSON, claimdiff.extract.parse) of each text that has one."""
        rows = self._select("SELECT key, data FROM parses WHERE parser=? AND key IN ({keys})", parser, texts, "parse")
        return {text: data for text, (data,) in rows if isinstance(data, str)}

    def put_parses(self, parser: str, parses: dict[str, str]) -> None:
        self._insert("INSERT OR REPLACE INTO parses VALUES (?, ?, ?)",
                     [(parser, self.key(t), data) for t, data in parses.items()], "parse")


class CachedEncoder:
    """Wraps an encoder: cached texts are read back, only the others are encoded."""

    def __init__(self, inner, cache: EmbeddingCache, identity: str) -> None:
        self.inner = inner
        self.cache = cache
        self.identity = identity
        self.name = getattr(inner, "name", "model")
        self.hits = 0
        self.misses = 0

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        texts = list(texts)
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        # a stored vector that is not finite, or whose length is not the others', is damage, not
        # an embedding: read as a miss, computed again and rewritten (one wrong vector turned
        # one contradiction into 99)
        found = {t: v for t, v in self.cache.get(self.identity, texts).items() if np.isfinite(v).all()}
        if len({v.size for v in found.values()}) > 1:
            found = {}
        missing = sorted({t for t in texts if t not in found})
        if missing:
            computed = self.inner.encode(missing)
            fresh = {t: np.asarray(computed[i], dtype=np.float32) for i, t in enumerate(missing)}
            size = next(iter(fresh.values())).size
            wrong = sorted(t for t, v in found.items() if v.size != size)
            if wrong:  # the stored vectors are of another length than the model's
                again = self.inner.encode(wrong)
                fresh.update({t: np.asarray(again[i], dtype=np.float32) for i, t in enumerate(wrong)})
                missing = sorted(set(missing) | set(wrong))
            self.cache.put(self.identity, fresh)
            found.update(fresh)
        self.hits += len(texts) - len(missing)
        self.misses += len(missing)
        return np.stack([found[t] for t in texts]).astype(np.float32)
