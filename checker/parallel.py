"""Read, decode and extract many documents, in worker processes, results in the order given.

``extract_documents`` is what ``recoupe extract`` and ``recoupe check`` use: each file is read in
this process (so its bytes can be hashed for the cache, see ``checker.cache``), then decoded and
scanned for figures here (``jobs=1``) or in a pool of worker processes. Whatever the number of
jobs, the results come back in the order of ``paths``, so every output is the same.

A worker returns values, never exceptions: a ``DocumentError`` does not survive pickling, so it is
sent as its path and message and rebuilt here.

A caller can also have each document finished in the worker, right after its extraction
(``finish``: ``recoupe check`` binds the figures to the rules there). What comes back is then the
finished value, often much smaller than the document and all its figures, and the work that
follows extraction is shared between the workers instead of waiting for this process.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
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

# finish(document, figures, context): what a caller does with each document right after its
# extraction, in the worker when there is one; ``context`` is what the caller's ``context(path)``
# gave for that document in this process. Both must be picklable.
Finish = Callable[[Document, tuple[Quantity, ...], object], object]


@dataclass(frozen=True)
class Extracted:
    """One document's outcome: its Document and figures, or the error that kept it from being read."""

    path: Path
    document: Document | None
    quantities: tuple[Quantity, ...] = ()
    error: DocumentError | None = None
    cached: bool = False
    # with a ``finish``: its value for this document; ``document`` and ``quantities`` are then
    # given only when they were at hand in this process anyway (a cache hit, the Dask engine)
    finished: object = None


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
    finish: Finish | None = None, context: Callable[[Path], object] | None = None,
) -> Iterator[Extracted]:
    """Each document of ``paths`` read and extracted, in that order; ``jobs`` None: default_jobs.

    Documents are streamed: a file is read when a worker is about to need it, and only a few
    documents per worker are in flight, so memory does not grow with the number of documents.

    With an ``engine`` (``checker.dask_engine``), the documents are extracted on its cluster
    instead of in this machine's worker processes, and ``jobs`` is not used.

    With a ``cache``, a document whose bytes (and settings) were seen before is not extracted
    again; new results are stored as they come, in one transaction committed at the end of the
    run (an interrupted run leaves the cache as it was).

    With a ``finish``, each document read is finished (see Finish) with the ``context(path)`` asked
    here, in document order, as it is read; in the worker processes when there are some (the Dask
    engine sends no finish: its documents are finished here).
    """
    # never more workers than documents: one document is extracted here, without starting a pool
    jobs = default_jobs(len(paths)) if jobs is None else max(min(jobs, len(paths)), 1)
    in_workers = finish if engine is None and jobs > 1 else None
    outcomes = _outcomes(_prepared(paths, cache, context), jobs, engine, in_workers, cache is not None)
    try:
        for (path, key, ready, work), outcome in outcomes:
            if ready is not None:
                if finish is not None and ready.document is not None:
                    ready = replace(ready, finished=finish(ready.document, ready.quantities, work[3]))
                yield ready
            elif outcome[0] == "error":
                yield Extracted(path, None, error=DocumentError(outcome[1], outcome[2]))
            elif outcome[0] == "finished":
                _, finished, row = outcome
                if cache is not None and row is not None:
                    cache.put_encoded(key, *row)
                yield Extracted(path, None, finished=finished)
            else:
                _, document, quantities = outcome
                if cache is not None:
                    cache.put(key, document, quantities)
                finished = None if finish is None else finish(document, quantities, work[3])
                yield Extracted(path, document, quantities, finished=finished)
    finally:
        outcomes.close()
    if cache is not None:
        cache.commit()


# One prepared document: its path, its cache key, either its outcome already (a read error, a
# cache hit) or None, and its work: (name, bytes, suffix) for a worker when it has no outcome yet,
# and the context of its finish.
_Work = tuple[str, bytes, str, object]
_Prepared = tuple[Path, str, "Extracted | None", _Work]


def _prepared(paths: list[Path], cache: Cache | None, context: Callable[[Path], object] | None) -> Iterator[_Prepared]:
    for path in paths:
        name = display_name(path)
        try:
            data = read_bytes(path, name)
        except DocumentError as exc:
            yield path, "", Extracted(path, None, error=exc), ("", b"", "", None)
            continue
        asked = None if context is None else context(path)  # in document order, once each
        key = cache.key(data, path.suffix) if cache is not None else ""
        hit = cache.get(key, name) if cache is not None else None
        if hit is not None:
            yield path, key, Extracted(path, hit[0], hit[1], cached=True), ("", b"", "", asked)
        else:
            yield path, key, None, (name, data, path.suffix, asked)


# An outcome of work: ("error", path, message), ("extracted", Document, figures), or
# ("finished", finish's value, the cache row of the document or None); None without work.
_Outcome = tuple


def _outcomes(
    prepared: Iterator[_Prepared], jobs: int, engine: DaskEngine | None, finish: Finish | None, keep_rows: bool,
) -> Iterator[tuple[_Prepared, _Outcome | None]]:
    """Each prepared document with the outcome of its work (None when it had none), in order.

    ``finish``: run in the worker processes (only with jobs > 1 and no engine), which then also
    send the cache row of each document when ``keep_rows``, not the document and its figures.
    """
    if engine is not None:
        # The engine reads the work as it sends it; each result belongs to the oldest document
        # read that had work, and the documents read before it (cache hits, errors) come first.
        read: deque[_Prepared] = deque()

        def work() -> Iterator[_Work]:
            for item in prepared:
                read.append(item)
                if item[2] is None:
                    yield item[3]

        for result in engine.map(_extract_one, work()):
            while read[0][2] is not None:
                yield read.popleft(), None
            yield read.popleft(), result
        for item in read:
            yield item, None
        return
    if jobs <= 1:
        for item in prepared:
            yield item, None if item[2] is not None else _extract_one(item[3])
        return
    from concurrent.futures import Future, ProcessPoolExecutor

    pool: ProcessPoolExecutor | None = None  # started at the first document to extract
    window: deque[tuple[_Prepared, Future[_Outcome] | None]] = deque()
    in_flight = jobs * 4  # documents read and sent ahead: every worker busy, memory bounded
    try:
        for item in prepared:
            future = None
            if item[2] is None:
                if pool is None:
                    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_start_worker, initargs=(finish, keep_rows))
                future = pool.submit(_extract_one, item[3])
            window.append((item, future))
            while len(window) > in_flight:
                item, future = window.popleft()
                yield item, None if future is None else future.result()
        while window:
            item, future = window.popleft()
            yield item, None if future is None else future.result()
    finally:  # on Ctrl-C, the documents not yet started are dropped, not extracted first
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


# In a worker process: the finish to run after each extraction, and whether to send cache rows
# (set by _start_worker; this process never sets them, so here _extract_one only extracts).
_FINISH: Finish | None = None
_KEEP_ROWS = False


def _start_worker(finish: Finish | None, keep_rows: bool) -> None:
    global _FINISH, _KEEP_ROWS
    _FINISH, _KEEP_ROWS = finish, keep_rows
    _ignore_interrupt()


def _ignore_interrupt() -> None:
    """In a worker: Ctrl-C, sent to every process of the terminal's group, is the parent's to handle.

    Without this, each worker prints its own KeyboardInterrupt traceback.
    """
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _extract_one(item: _Work) -> _Outcome:
    """(extracted, Document, figures) of one file's bytes, or ("error", path, message); in a
    worker that has a finish, ("finished", its value, the cache row or None) instead."""
    from checker.formats import to_document

    name, data, suffix, asked = item
    try:
        document = to_document(data, name, suffix=suffix)
    except DocumentError as exc:
        return ("error", exc.path, exc.message)
    quantities = tuple(extract(document.text))
    if _FINISH is None:
        return ("extracted", document, quantities)
    row = None
    if _KEEP_ROWS:
        from checker.cache import encode_row

        row = encode_row(document, quantities)
    return ("finished", _FINISH(document, quantities, asked), row)
