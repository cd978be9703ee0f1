"""``[tool.claimdiff]`` in pyproject.toml, found from the working folder upward.

Flags on the command line win over the file. Unknown keys and wrong types are errors,
said in one line (exit 2), never ignored.
"""

from __future__ import annotations

from pathlib import Path

from .errors import ConfigError
from .model import BACKENDS

# key -> (accepted types, what to say)
KEYS: dict[str, tuple[tuple[type, ...], str]] = {
    "corpus": ((str, list), "a path or a list of paths"),
    "threshold": ((float, int), "a number from 0 to 1"),
    "min_confidence": ((float, int), "a number from 0 to 1"),
    "fail_on": ((str, list), "a kind or a list of kinds"),
    "show": ((str, list), "a kind or a list of kinds"),
    "baseline": ((str,), "a path"),
    "model": ((str,), "a path to a local sentence-transformers folder"),
    "semantic": ((bool,), "true or false"),
    "backend": ((str,), "torch, onnx or onnx-fp32"),
    "format": ((str,), "an output format"),
    "workers": ((int,), "a whole number of worker processes, 1 or more"),
}


def _relative(p: Path) -> str:
    """Relative to the working folder when below it, so reports name files as a user does."""
    import os

    rel = os.path.relpath(p.resolve(), Path.cwd())
    return rel if not rel.startswith("..") else str(p.resolve())


def find_pyproject(start: Path | None = None) -> Path | None:
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            return candidate
    return None


def load(start: Path | None = None) -> tuple[dict, Path | None]:
    """The validated [tool.claimdiff] table (keys with '_'), and the file it came from."""
    path = find_pyproject(start)
    if path is None:
        return {}, None
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib
    try:
        # a byte-order mark, as some Windows editors write, is no part of the TOML
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot be read ({exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from None
    tool = data.get("tool", {})
    if not isinstance(tool, dict):
        raise ConfigError(f"{path}: [tool] must be a table")
    table = tool.get("claimdiff", {})
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.claimdiff] must be a table")
    out = {}
    for raw_key, value in table.items():
        key = raw_key.replace("-", "_")
        if key not in KEYS:
            raise ConfigError(f"{path}: [tool.claimdiff] unknown key {raw_key!r} (known: {', '.join(sorted(KEYS))})")
        types, what = KEYS[key]
        if isinstance(value, bool) and bool not in types or not isinstance(value, types):
            raise ConfigError(f"{path}: [tool.claimdiff] {raw_key} must be {what}, not {value!r}")
        if isinstance(value, list) and not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{path}: [tool.claimdiff] {raw_key} must be {what}")
        if key in ("threshold", "min_confidence") and not 0.0 <= float(value) <= 1.0:
            raise ConfigError(f"{path}: [tool.claimdiff] {raw_key} must be {what}, not {value!r}")
        if key == "workers" and value < 1:
            raise ConfigError(f"{path}: [tool.claimdiff] {raw_key} must be {what}, not {value!r}")
        if key == "backend" and value not in BACKENDS:
            raise ConfigError(f"{path}: [tool.claimdiff] backend must be {what}, not {value!r}")
        if key in ("corpus", "baseline", "model"):
            values = value if isinstance(value, list) else [value]
            resolved = [_relative(path.parent / v) if not Path(v).is_absolute() else v for v in values]
            value = resolved if isinstance(value, list) else resolved[0]
        out[key] = value
    return out, path
