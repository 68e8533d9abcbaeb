"""recoupe's library: read documents, extract the figures they state, check them against rules.

Nothing here prints or exits; the CLI in ``cli/`` does.
"""

from checker.documents import Document, read_document
from checker.extract import KINDS, Quantity, extract

__all__ = ["KINDS", "Document", "Quantity", "extract", "read_document"]
__version__ = "0.1.0"
