"""claimdiff: diff what different news outlets claim about the same event.

    from claimdiff import read_documents, compare
    result = compare(read_documents(["seed.md", "other.md"]))
    for finding in result.findings:
        print(finding.code, finding.kind.value, finding.reason)

Importing claimdiff never imports torch: the embedding model loads on first use. The names
below load their module on first use too, so that the command line starts (and can be
interrupted) before anything heavy is imported.
"""

from __future__ import annotations

import importlib

from .version import __version__

_EXPORTS = {
    "Settings": "api", "compare": "api", "extract_claims": "api",
    "ClaimdiffError": "errors", "InputError": "errors", "ModelError": "errors",
    "Alignment": "model", "Attribution": "model", "Claim": "model", "Comparison": "model", "Document": "model",
    "Finding": "model", "Kind": "model", "Quantity": "model", "Side": "model",
    "read_document": "read", "read_documents": "read",
}

__all__ = sorted([*_EXPORTS, "__version__"])


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'claimdiff' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS))
