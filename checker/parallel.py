"""Read, decode and extract many documents, in worker processes, results in the order given.

``extract_documents`` is what ``recoupe extract`` and ``recoupe check`` use: each file is read in
this process (so its bytes can be hashed for the cache, see ``checker.cache``), then decoded and
scanned for figures here (``jobs=1``) or in a pool of worker processes. Whatever the number of
jobs, the results come back in the order of ``paths``, so every output is the same.

A worker returns values, never exceptions: a ``DocumentError`` does not survive pickling, so it is
sent as its path and message and rebuilt here.

For ``recoupe extract --format jsonl|json``, a worker writes the rows of its document itself
(``rows``: checker.rows) and sends back their text, not the Document and its figures: unpickling
those and making rows of them, on the process that also writes the output, kept a second core
from being of much use. With a cache, it also sends what the cache keeps of the document.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from checker.documents import Document, blank, display_name, read_bytes
from checker.errors import DocumentError
from checker.extractor import Quantity, extract

if TYPE_CHECKING:
    from concurrent.futures import Future

    from checker.cache import Cache
    from checker.dask_engine import DaskEngine

# Below this many documents, one process: starting workers costs more than it saves.
PARALLEL_FROM = 8
BATCH_MAX = 4  # documents in one task of a worker process, at most (see _outcomes)


@dataclass(frozen=True)
class Rows:
    """A document's figures as rows of output, already written (checker.rows.render_rows)."""

    source: str
    blank: bool  # the document has no text but white space
    text: str


@dataclass(frozen=True)
class Extracted:
    """One document's outcome: its Document and figures, or the error that kept it from being read.

    When rows were asked for, ``rows`` holds them; ``document`` is then None unless the cache
    gave it (a document extracted by a worker is not sent back, only its rows).
    """

    path: Path
    document: Document | None
    quantities: tuple[Quantity, ...] = ()
    error: DocumentError | None = None
    cached: bool = False
    rows: Rows | None = None


def cpu_count() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def default_jobs(documents: int) -> int:
    """Every core when there are more than PARALLEL_FROM documents, else one process."""
    return cpu_count() if documents > PARALLEL_FROM else 1


def batch_size(documents: int, jobs: int) -> int:
    """Documents sent to a worker at a time: up to BATCH_MAX, fewer when there are few documents,
    so that each worker still gets about eight batches (for balance at the end of the run)."""
    return max(1, min(BATCH_MAX, documents // (jobs * 8)))


def extract_documents(
    paths: list[Path], jobs: int | None = None, cache: Cache | None = None, engine: DaskEngine | None = None,
    rows: str | None = None,
) -> Iterator[Extracted]:
    """Each document of ``paths`` read and extracted, in that order; ``jobs`` None: default_jobs.

    Documents are streamed: a file is read when a worker is about to need it, and only a few
    documents per worker are in flight, so memory does not grow with the number of documents.

    With an ``engine`` (``checker.dask_engine``), the documents are extracted on its cluster
    instead of in this machine's worker processes, and ``jobs`` is not used.

    With a ``cache``, a document whose bytes (and settings) were seen before is not extracted
    again; new results are stored as they come, in one transaction committed at the end of the
    run (an interrupted run leaves the cache as it was).

    With ``rows`` (a format of checker.rows), each document's figures come as rows of that
    format, in ``Extracted.rows``, instead of as a Document and figures.
    """
    # never more workers than documents: one document is extracted here, without starting a pool
    jobs = default_jobs(len(paths)) if jobs is None else max(min(jobs, len(paths)), 1)
    outcomes = _outcomes(_prepared(paths, cache, rows), jobs, engine, batch_size(len(paths), jobs))
    try:
        for path, key, ready, outcome in outcomes:
            if ready is not None:
                yield ready
            elif isinstance(outcome, tuple) and outcome and outcome[0] == "error":
                yield Extracted(path, None, error=DocumentError(outcome[1], outcome[2]))
            elif isinstance(outcome, tuple) and outcome and outcome[0] == "rows":
                _, source, is_blank, text, entry = outcome
                if cache is not None and entry is not None:
                    cache.put_entry(key, *entry)
                yield Extracted(path, None, rows=Rows(source, is_blank, text))
            else:
                document, quantities = outcome
                if cache is not None:
                    cache.put(key, document, quantities)
                yield Extracted(path, document, quantities)
    finally:
        outcomes.close()
    if cache is not None:
        cache.commit()


# The work for a worker: (name, bytes, suffix, rows format or None, whether the cache keeps it).
_Work = tuple[str, bytes, str, "str | None", bool]
_NO_WORK: _Work = ("", b"", "", None, False)
# One prepared document: its path, its cache key, and either its outcome already (a read error,
# a cache hit) or the work for a worker.
_Prepared = tuple[Path, str, "Extracted | None", _Work]


def _prepared(paths: list[Path], cache: Cache | None, rows: str | None) -> Iterator[_Prepared]:
    for path in paths:
        name = display_name(path)
        try:
            data = read_bytes(path, name)
        except DocumentError as exc:
            yield path, "", Extracted(path, None, error=exc), _NO_WORK
            continue
        key = cache.key(data, path.suffix) if cache is not None else ""
        hit = cache.get(key, name) if cache is not None else None
        if hit is not None:
            document, quantities = hit
            rendered = None if rows is None else _rows(document, quantities, rows)
            yield path, key, Extracted(path, document, quantities, cached=True, rows=rendered), _NO_WORK
        else:
            yield path, key, None, (name, data, path.suffix, rows, cache is not None)


def _outcomes(
    prepared: Iterator[_Prepared], jobs: int, engine: DaskEngine | None, size: int = 1,
) -> Iterator[tuple[Path, str, Extracted | None, object]]:
    """Each prepared document with the outcome of its work (None when it had none), in order.

    Worker processes get the work in batches of ``size`` documents: each task costs this process
    (its threads send it, receive its result, wake the caller) about as much as a small document's
    rows, and on two cores this process competes with the workers.
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
                path, key, ready, _ = read.popleft()
                yield path, key, ready, None
            path, key, _, _ = read.popleft()
            yield path, key, None, result
        for path, key, ready, _ in read:
            yield path, key, ready, None
        return
    if jobs <= 1:
        for path, key, ready, work in prepared:
            yield path, key, ready, None if ready is not None else _extract_one(work)
        return
    from concurrent.futures import ProcessPoolExecutor

    pool: ProcessPoolExecutor | None = None  # started at the first document to extract
    window: deque[_Pending] = deque()
    batch: list[_Work] = []
    batched: list[_Pending] = []  # the documents of ``batch``
    in_flight = jobs * 4 * size  # documents read and sent ahead: every worker busy, memory bounded

    def send() -> None:
        nonlocal pool
        if pool is None:
            pool = ProcessPoolExecutor(max_workers=jobs, initializer=_ignore_interrupt)
        future: Future[list[object]] = pool.submit(_extract_batch, batch[:])
        for index, pending in enumerate(batched):
            pending.future, pending.index = future, index
        batch.clear()
        batched.clear()

    def oldest() -> tuple[Path, str, Extracted | None, object]:
        pending = window.popleft()
        outcome = None if pending.future is None else pending.future.result()[pending.index]
        return pending.path, pending.key, pending.ready, outcome

    try:
        for path, key, ready, work in prepared:
            pending = _Pending(path, key, ready)
            window.append(pending)
            if ready is None:
                batch.append(work)
                batched.append(pending)
                if len(batch) == size:
                    send()
            while len(window) > in_flight:
                if window[0].ready is None and window[0].future is None:  # its batch is not full yet: sent as it is
                    send()
                yield oldest()
        if batch:
            send()
        while window:
            yield oldest()
    finally:  # on Ctrl-C, the documents not yet started are dropped, not extracted first
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


class _Pending:
    """A document read and waiting for its outcome: ``future`` (of its batch) and ``index`` (its
    place there) are set when its batch is sent to a worker; a ``ready`` one has no work."""

    __slots__ = ("path", "key", "ready", "future", "index")

    def __init__(self, path: Path, key: str, ready: Extracted | None) -> None:
        self.path = path
        self.key = key
        self.ready = ready
        self.future: Future[list[object]] | None = None
        self.index = 0


def _ignore_interrupt() -> None:
    """In a worker: Ctrl-C, sent to every process of the terminal's group, is the parent's to handle.

    Without this, each worker prints its own KeyboardInterrupt traceback.
    """
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _rows(document: Document, quantities: tuple[Quantity, ...], output_format: str) -> Rows:
    from checker.rows import render_rows

    return Rows(document.source, blank(document.text), render_rows(document, quantities, output_format))


def _extract_batch(items: list[_Work]) -> list[object]:
    """In a worker: ``_extract_one`` of each item."""
    return [_extract_one(item) for item in items]


def _extract_one(item: _Work) -> object:
    """In a worker: one file's bytes extracted, as ("error", path, message) or, without a rows
    format, (Document, figures); with one, ("rows", source, blank, rows, entry), where entry is
    what the cache keeps of the document (checker.cache.entry) when it keeps it, else None.

    Plain tuples: they pickle faster than dataclasses.
    """
    from checker.formats import to_document

    name, data, suffix, rows, cached = item
    try:
        document = to_document(data, name, suffix=suffix)
    except DocumentError as exc:
        return ("error", exc.path, exc.message)
    quantities = tuple(extract(document.text))
    if rows is None:
        document.line_starts()  # found here, not by the process that receives the Document
        return document, quantities
    rendered = _rows(document, quantities, rows)
    if not cached:
        return ("rows", rendered.source, rendered.blank, rendered.text, None)
    from checker.cache import entry

    return ("rows", rendered.source, rendered.blank, rendered.text, entry(document, quantities))
