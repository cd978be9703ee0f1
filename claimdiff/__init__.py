"""claimdiff: diff what different news outlets claim about the same event.

    from claimdiff import read_documents, compare
    result = compare(read_documents(["seed.md", "other.md"]))
    for finding in result.findings:
        print(finding.code, finding.kind.value, finding.reason)

Importing claimdiff never imports torch: the embedding model loads on first use.
"""

from .api import Settings, compare, extract_claims
from .errors import ClaimdiffError, InputError, ModelError
from .model import Alignment, Attribution, Claim, Comparison, Document, Finding, Kind, Quantity, Side
from .read import read_document, read_documents
from .version import __version__

__all__ = [
    "Alignment", "Attribution", "Claim", "ClaimdiffError", "Comparison", "Document", "Finding", "InputError",
    "Kind", "ModelError", "Quantity", "Settings", "Side", "__version__", "compare", "extract_claims",
    "read_document", "read_documents",
]
