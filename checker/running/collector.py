"""Pausing Python's cycle collector while recoupe makes many small objects and no cycles."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def no_cycle_collection() -> Iterator[None]:
    """Collect no reference cycles for a while: while figures are found or bound, or a report is written.

    Extraction, binding and rendering make hundreds of thousands of small objects (matches,
    figures, spans, claims, pieces of a report's text) and no cycles; the collector, run every few
    hundred allocations, walked those that live on again and again: a tenth of a check of 25 MB,
    a twentieth of an extraction. Reading HTML or PDF (lxml, trafilatura, pdfminer) does make
    cycles: it runs with the collector on.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
