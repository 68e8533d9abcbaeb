"""Read, decode and extract many documents, in worker processes, results in the order given.

``extract_documents`` is what ``recoupe extract`` and ``recoupe check`` use: each file is read in
this process (so its bytes can be hashed for the cache, see ``checker.cache``), then decoded and
scanned for figures here (``jobs=1``) or in a pool of worker processes. Whatever the number of
jobs, the results come back in the order of ``paths``, so every output is the same.

A worker returns values, never exceptions: a ``DocumentError`` does not survive pickling, so it is
sent as its path and message and rebuilt here.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from checker.documents import Document, display_name, read_bytes
from checker.errors import DocumentError
from checker.extractor import Quantity, extract

if TYPE_CHECKING:
    from checker.cache import Cache
    from checker.dask_engine import DaskEngine

# Below this many documents, one process: starting workers costs more than it saves.
PARALLEL_FROM = 8


@dataclass(frozen=True)
class Extracted:
    """One document's outcome: its Document and figures, or the error that kept it from being read."""

    path: Path
    document: Document | None
    quantities: tuple[Quantity, ...] = ()
    error: DocumentError | None = None
    cached: bool = False


def cpu_count() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def default_jobs(documents: int) -> int:
    """Every core when there are more than PARALLEL_FROM documents, else one process."""
    return cpu_count() if documents > PARALLEL_FROM else 1


def extract_documents(
    paths: list[Path], jobs: int | None = None, cache: Cache | None = None, engine: DaskEngine | None = None,
) -> Iterator[Extracted]:
    """Each document of ``paths`` read and extracted, in that order; ``jobs`` None: default_jobs.

    With an ``engine`` (``checker.dask_engine``), the documents are extracted on its cluster
    instead of in this machine's worker processes, and ``jobs`` is not used.

    With a ``cache``, a document whose bytes (and settings) were seen before is not extracted
    again; new results are stored, in one transaction per run.
    """
    jobs = default_jobs(len(paths)) if jobs is None else max(jobs, 1)
    pending: list[tuple[str, bytes, str]] = []  # (name, data, suffix) still to extract
    keys: dict[int, str] = {}  # index -> cache key of a pending document
    ready: dict[int, Extracted] = {}
    for index, path in enumerate(paths):
        name = display_name(path)
        try:
            data = read_bytes(path, name)
        except DocumentError as exc:
            ready[index] = Extracted(path, None, error=exc)
            continue
        key = cache.key(data, path.suffix) if cache is not None else ""
        hit = cache.get(key, name) if cache is not None else None
        if hit is not None:
            ready[index] = Extracted(path, hit[0], hit[1], cached=True)
        else:
            pending.append((name, data, path.suffix))
            keys[index] = key
    results = _run(pending, jobs, engine)
    stored: list[tuple[str, Document, tuple[Quantity, ...]]] = []
    try:
        for index, path in enumerate(paths):
            if index in ready:
                yield ready.pop(index)
                continue
            outcome = next(results)
            if isinstance(outcome, tuple) and outcome and outcome[0] == "error":
                yield Extracted(path, None, error=DocumentError(outcome[1], outcome[2]))
                continue
            document, quantities = outcome
            if cache is not None:
                stored.append((keys[index], document, quantities))
            yield Extracted(path, document, quantities)
    finally:
        results.close()
    if cache is not None and stored:
        cache.put_many(stored)


def _run(work: list[tuple[str, bytes, str]], jobs: int, engine: DaskEngine | None = None) -> Iterator[object]:
    """The outcome of each pending document, in order; on the engine, or in worker processes when jobs > 1."""
    if engine is not None:
        yield from engine.map(_extract_one, work)
        return
    if jobs <= 1 or len(work) <= 1:
        for item in work:
            yield _extract_one(item)
        return
    from concurrent.futures import ProcessPoolExecutor

    workers = min(jobs, len(work))
    chunksize = max(1, min(16, len(work) // (workers * 4)))
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_ignore_interrupt)
    try:
        yield from pool.map(_extract_one, work, chunksize=chunksize)
    finally:  # on Ctrl-C, the documents not yet started are dropped, not extracted first
        pool.shutdown(cancel_futures=True)


def _ignore_interrupt() -> None:
    """In a worker: Ctrl-C, sent to every process of the terminal's group, is the parent's to handle.

    Without this, each worker prints its own KeyboardInterrupt traceback.
    """
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _extract_one(item: tuple[str, bytes, str]) -> object:
    """In a worker: (Document, figures) of one file's bytes, or ("error", path, message)."""
    from checker.formats import to_document

    name, data, suffix = item
    try:
        document = to_document(data, name, suffix=suffix)
    except DocumentError as exc:
        return ("error", exc.path, exc.message)
    return document, tuple(extract(document.text))
