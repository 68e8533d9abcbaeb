"""recoupe's library: read documents, extract the figures they state, check them against rules.

Nothing here prints or exits; the CLI in ``cli/`` does.

The names below are imported on first use, so that a command pays only for what it needs
(``recoupe --version`` does not compile the extractor's patterns).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from checker.reading.documents import Document
    from checker.reading.corpus import read_document
    from checker.extraction.extractor import extract
    from checker.extraction.quantity import KINDS, Quantity

__all__ = ["KINDS", "Document", "Quantity", "extract", "read_document"]
__version__ = "0.1.0"
# The folder, in the current one, where the CLI keeps its cache (checker.running.cache) and the record of
# rule files already validated (checker.binding.rules): named here, where both can read it for nothing.
CACHE_FOLDER = ".recoupe_cache"

_LAZY = {
    "KINDS": "checker.extraction.quantity", "Quantity": "checker.extraction.quantity", "extract": "checker.extraction.extractor",
    "Document": "checker.reading.documents", "read_document": "checker.reading.corpus",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'checker' has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(module), name)
    globals()[name] = value
    return value
