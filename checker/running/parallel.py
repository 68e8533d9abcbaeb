"""Read, decode and extract many documents, in worker processes, results in the order given.

``extract_documents`` is what ``recoupe extract`` and ``recoupe check`` use: each file is read in
this process (so its bytes can be hashed for the cache, see ``checker.running.cache``), then decoded and
scanned for figures here (``jobs=1``) or in a pool of worker processes. Whatever the number of
jobs, the results come back in the order of ``paths``, so every output is the same.

A worker returns values, never exceptions: a ``DocumentError`` does not survive pickling, so it is
sent as its path and message and rebuilt here.

A caller can have each document finished where it was extracted (``finish``): ``recoupe extract
--format jsonl|json`` writes its rows there (``rows_of``), ``recoupe check`` binds its figures to
the rules there. A worker then sends back the finished value (the rows' text, the claims) and,
with a cache, what the cache keeps of the document, not the Document and all its figures:
unpickling those and working on them in the process that also reads, caches and writes kept a
second core from being of much use.
"""

from __future__ import annotations

import os
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from checker.running.collector import no_cycle_collection
from checker.reading.documents import Document, blank
from checker.reading.corpus import display_name, read_bytes
from checker.errors import DocumentError
from checker.extraction.extractor import extract
from checker.extraction.quantity import Quantity
from checker.running.lifeline import die_with_parent, stop

if TYPE_CHECKING:
    from concurrent.futures import Future

    from checker.running.cache import Cache


class Engine(Protocol):
    """What runs the extraction elsewhere than in this machine's worker processes: a cluster
    (checker.running.dask_engine.DaskEngine), which maps a function on items as they are sent."""

    def map(self, func: Callable[[Any], Any], items: Iterable[Any]) -> Iterator[Any]: ...

# Below this many documents, one process: starting workers costs more than it saves.
PARALLEL_FROM = 8
BATCH_MAX = 4  # documents in one task of a worker process, at most (see _outcomes)

# finish(document, figures, context): what a caller does with each document right after its
# extraction, in the worker when there are some; ``context`` is what the caller's
# ``context(path)`` gave for that document, asked in this process. Both must be picklable.
Finish = Callable[[Document, tuple[Quantity, ...], object], object]


@dataclass(frozen=True)
class Rows:
    """A document's figures as rows of output, already written (checker.running.rows.render_rows)."""

    source: str
    blank: bool  # the document has no text but white space
    text: str


@dataclass(frozen=True)
class Extracted:
    """One document's outcome: its Document and figures, or the error that kept it from being read.

    With a ``finish``, ``finished`` holds its value; ``document`` and ``quantities`` are then
    given only when they were at hand in this process anyway (a cache hit, one process, the Dask
    engine): a document extracted by a worker is not sent back, only what it was finished into.
    """

    path: Path
    document: Document | None
    quantities: tuple[Quantity, ...] = ()
    error: DocumentError | None = None
    cached: bool = False
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


def batch_size(documents: int, jobs: int) -> int:
    """Documents sent to a worker at a time: up to BATCH_MAX, fewer when there are few documents,
    so that each worker still gets about eight batches (for balance at the end of the run)."""
    return max(1, min(BATCH_MAX, documents // (jobs * 8)))


def extract_documents(
    paths: list[Path], jobs: int | None = None, cache: Cache | None = None, engine: Engine | None = None,
    finish: Finish | None = None, context: Callable[[Path], object] | None = None,
) -> Iterator[Extracted]:
    """Each document of ``paths`` read and extracted, in that order; ``jobs`` None: default_jobs.

    Documents are streamed: a file is read when a worker is about to need it, and only a few
    documents per worker are in flight, so memory does not grow with the number of documents.

    With an ``engine`` (``checker.running.dask_engine``), the documents are extracted on its cluster
    instead of in this machine's worker processes, and ``jobs`` is not used.

    With a ``cache``, a document whose bytes (and settings) were seen before is not extracted
    again; new results are stored as they come, in one transaction committed at the end of the
    run (an interrupted run leaves the cache as it was).

    With a ``finish``, each document read is finished (see Finish), with the ``context(path)``
    asked here in document order as each file is read: in the worker processes when there are
    some, else here (one process, a cache hit, the Dask engine's results).
    """
    # never more workers than documents: one document is extracted here, without starting a pool
    jobs = default_jobs(len(paths)) if jobs is None else max(min(jobs, len(paths)), 1)
    in_workers = finish if engine is None and jobs > 1 else None
    prepared = _prepared(paths, cache, context, hits_to_workers=in_workers is not None)
    outcomes = _outcomes(prepared, jobs, engine, batch_size(len(paths), jobs), in_workers)
    try:
        for path, key, ready, asked, outcome in outcomes:
            if ready is not None:
                if finish is not None and ready.document is not None:
                    ready = replace(ready, finished=finish(ready.document, ready.quantities, asked))
                yield ready
            elif outcome[0] == "error":
                yield Extracted(path, None, error=DocumentError(outcome[1], outcome[2]))
            elif outcome[0] == "finished":
                _, finished, entry, hit = outcome
                if cache is not None:
                    if hit is not None:
                        cache.count(hit)
                    if entry is not None:
                        cache.put_entry(key, *entry)
                yield Extracted(path, None, cached=bool(hit), finished=finished)
            else:
                _, document, quantities = outcome
                if cache is not None:
                    cache.put(key, document, quantities)
                finished = None if finish is None else finish(document, quantities, asked)
                yield Extracted(path, document, quantities, finished=finished)
    finally:
        outcomes.close()
    if cache is not None:
        cache.commit()


# The work for a worker: (name, bytes, suffix, the context of its finish, whether the cache keeps
# it, and its cache entry when it has one, for a worker to decode).
_Work = tuple[str, bytes, str, object, bool, "tuple[str, str] | None"]
# One prepared document: its path, its cache key, its outcome already (a read error, a cache hit)
# or None, the context of its finish, and the work for a worker when it has no outcome yet.
_Prepared = tuple[Path, str, "Extracted | None", object, "_Work | None"]
# An outcome of work: ("error", path, message), ("extracted", Document, figures), or, from a
# worker that has a finish, ("finished", its value, the cache's entry of the document to store or
# None, and whether the entry it was sent decoded: True, False, or None when it was sent none).
# Plain tuples: they pickle faster than dataclasses.
_Outcome = tuple


def _prepared(
    paths: list[Path], cache: Cache | None, context: Callable[[Path], object] | None, hits_to_workers: bool = False,
) -> Iterator[_Prepared]:
    """Each file read, with its outcome when it has one already. ``hits_to_workers``: a document
    in the cache is sent to a worker with its entry, to be decoded and finished there (a check
    after one document changed binds every other one too: on every core, not only here)."""
    for path in paths:
        name = display_name(path)
        try:
            data = read_bytes(path, name)
        except DocumentError as exc:
            yield path, "", Extracted(path, None, error=exc), None, None
            continue
        asked = None if context is None else context(path)  # in document order, once each
        key = cache.key(data, path.suffix) if cache is not None else ""
        if cache is not None and hits_to_workers:
            # the bytes go too: a worker extracts them when there is no entry or it does not decode
            stored = cache.stored(key)
            if stored is None:
                cache.count(False)
            yield path, key, None, asked, (name, data, path.suffix, asked, True, stored)
            continue
        hit = cache.get(key, name) if cache is not None else None
        if hit is not None:
            yield path, key, Extracted(path, hit[0], hit[1], cached=True), asked, None
        else:
            yield path, key, None, asked, (name, data, path.suffix, asked, cache is not None, None)


def _outcomes(
    prepared: Iterator[_Prepared], jobs: int, engine: Engine | None, size: int = 1, finish: Finish | None = None,
) -> Iterator[tuple[Path, str, Extracted | None, object, _Outcome | None]]:
    """Each prepared document (path, key, ready, context) with the outcome of its work (None when
    it had none), in order.

    Worker processes get the work in batches of ``size`` documents: each task costs this process
    (its threads send it, receive its result, wake the caller) about as much as a small document's
    rows, and on two cores this process competes with the workers. They run ``finish`` after each
    extraction (it reaches each worker once, when it starts; the rules of a check are too large to
    send with every document).
    """
    if engine is not None:
        # The engine reads the work as it sends it; each result belongs to the oldest document
        # read that had work, and the documents read before it (cache hits, errors) come first.
        read: deque[_Prepared] = deque()

        def work() -> Iterator[_Work]:
            for item in prepared:
                read.append(item)
                if item[4] is not None:
                    yield item[4]

        for result in engine.map(_extract_one, work()):
            while read[0][4] is None:
                yield *read.popleft()[:4], None
            yield *read.popleft()[:4], result
        for item in read:
            yield *item[:4], None
        return
    if jobs <= 1:
        for path, key, ready, asked, work in prepared:
            yield path, key, ready, asked, None if work is None else _extract_one(work)
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
            # the workers start here, at the first submit: in this thread (see lifeline.die_with_parent)
            main_thread = threading.current_thread() is threading.main_thread()
            pool = ProcessPoolExecutor(max_workers=jobs, initializer=_start_worker, initargs=(finish, os.getpid(), main_thread))
        future: Future[list[_Outcome]] = pool.submit(_extract_batch, batch[:])
        for index, pending in enumerate(batched):
            pending.future, pending.index = future, index
        batch.clear()
        batched.clear()

    def oldest() -> tuple[Path, str, Extracted | None, object, _Outcome | None]:
        pending = window.popleft()
        outcome = None if pending.future is None else pending.future.result()[pending.index]
        return pending.path, pending.key, pending.ready, pending.asked, outcome

    finished = False
    try:
        for path, key, ready, asked, work in prepared:
            pending = _Pending(path, key, ready, asked)
            window.append(pending)
            if work is not None:
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
        finished = True
    finally:
        if pool is not None and finished:
            pool.shutdown(wait=True)
        elif pool is not None:  # Ctrl-C, an error, the caller stopped reading: the workers' tasks are killed, not waited for
            stop(pool)


class _Pending:
    """A document read and waiting for its outcome: ``future`` (of its batch) and ``index`` (its
    place there) are set when its batch is sent to a worker; a ``ready`` one has no work."""

    __slots__ = ("path", "key", "ready", "asked", "future", "index")

    def __init__(self, path: Path, key: str, ready: Extracted | None, asked: object) -> None:
        self.path = path
        self.key = key
        self.ready = ready
        self.asked = asked
        self.future: Future[list[_Outcome]] | None = None
        self.index = 0


# Set by _start_worker in a worker process (never in this one, where _extract_one only extracts):
# the finish to run after each extraction, and that the outcome goes to another process.
_FINISH: Finish | None = None
_IN_WORKER = False


def _start_worker(finish: Finish | None, parent: int, forked_by_main_thread: bool) -> None:
    global _FINISH, _IN_WORKER
    _FINISH, _IN_WORKER = finish, True
    _ignore_interrupt()
    die_with_parent(parent, forked_by_main_thread)


def _ignore_interrupt() -> None:
    """In a worker: Ctrl-C, sent to every process of the terminal's group, is the parent's to handle.

    Without this, each worker prints its own KeyboardInterrupt traceback. SIGTERM ends a worker at
    once, as by default: a forked worker would otherwise inherit the handler the CLI sets for its
    own process (which stops a run as Ctrl-C does), and take the time to raise it instead of dying.
    """
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def rows_of(output_format: str, document: Document, quantities: tuple[Quantity, ...], _context: object = None) -> Rows:
    """A finish (see Finish): the document's figures as rows of ``output_format`` (checker.running.rows)."""
    from checker.running.rows import render_rows

    return Rows(document.source, blank(document.text), render_rows(document, quantities, output_format))


def _extract_batch(items: list[_Work]) -> list[_Outcome]:
    """In a worker: ``_extract_one`` of each item."""
    return [_extract_one(item) for item in items]


def _extract_one(item: _Work) -> _Outcome:
    """One file's bytes extracted (see _Outcome); finished, in a worker that has a finish, which
    first decodes the cache entry it was sent, if any (and extracts only when it does not decode)."""
    from checker.reading.formats import to_document

    name, data, suffix, asked, cached, stored = item
    if stored is not None and _FINISH is not None:
        from checker.running.cache_entries import decode

        hit = decode(*stored, name)
        if hit is not None:
            return ("finished", _FINISH(hit[0], hit[1], asked), None, True)
    try:
        document = to_document(data, name, suffix=suffix)
    except DocumentError as exc:
        return ("error", exc.path, exc.message)
    with no_cycle_collection():  # decoding HTML or PDF, above, makes cycles; extraction does not
        quantities = tuple(extract(document.text))
    if _FINISH is None:
        if _IN_WORKER:
            document.line_starts()  # found here, not by the process that receives the Document
        return ("extracted", document, quantities)
    hit = None if stored is None else False
    if not cached:
        return ("finished", _FINISH(document, quantities, asked), None, hit)
    from checker.running.cache_entries import entry

    return ("finished", _FINISH(document, quantities, asked), entry(document, quantities), hit)
