"""claimdiff: diff what different news outlets claim about the same event.

    from claimdiff import read_documents, compare
    result = compare(read_documents(["seed.md", "other.md"]))
    for finding in result.findings:
        print(finding.code, finding.kind.value, finding.reason)

Importing claimdiff never imports torch: the embedding model loads on first use.
"""

__version__ = "0.1.0"

from .api import Settings, compare, extract_claims  # noqa: E402
from .errors import ClaimdiffError, InputError, ModelError  # noqa: E402
from .model import Alignment, Attribution, Claim, Comparison, Document, Finding, Kind, Quantity, Side  # noqa: E402
from .read import read_document, read_documents  # noqa: E402

__all__ = [
    "Alignment", "Attribution", "Claim", "ClaimdiffError", "Comparison", "Document", "Finding", "InputError",
    "Kind", "ModelError", "Quantity", "Settings", "Side", "__version__", "compare", "extract_claims",
    "read_document", "read_documents",
]
