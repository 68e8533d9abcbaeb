"""Extraction on a Dask cluster: ``recoupe extract|check --engine dask [--scheduler ADDRESS]``.

``DaskEngine.map`` stands in for the process pool of ``checker.running.parallel``: it sends the pending
documents to the cluster's workers in batches and gives the results back in the order given, so
the output is byte for byte that of the default engine. Without a scheduler address it starts a
``distributed.LocalCluster`` of worker processes on this machine, when there is first something
to extract (a run served by the cache starts none).

At most ``window`` batches are on the cluster or waiting to be given back at a time, so a large
corpus is never all sent at once. Each batch first checks that its worker extracts as this
process does (same recoupe, same extracting code, same library versions: ``settings_key``), since
a worker of another installation could find other figures.

dask and distributed are an optional extra (``pip install 'recoupe[dask]'``), imported here only.
"""

from __future__ import annotations

import functools
import itertools
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from checker.errors import RecoupeError

INSTALL_HINT = "pip install 'recoupe[dask]'"
CONNECT_TIMEOUT = 10  # seconds to reach a scheduler before giving up
# The scheduler serves HTTP (health, metrics) even without a dashboard, on 8787 unless told: any
# free local port, so a second cluster or another program on 8787 brings no warning.
LOCAL_HTTP = "127.0.0.1:0"
BATCH_MAX = 16  # documents in one task, at most: fewer round trips, still some balance between workers


class EngineError(RecoupeError):
    """The Dask engine cannot run: dask missing, a scheduler out of reach, workers that differ."""


class DaskEngine:
    """Runs a function over items on a Dask cluster, results in input order; ``close()`` when done.

    ``scheduler``: address of a running scheduler (``tcp://host:8786``); None starts a local
    cluster of ``workers`` processes (None: one a core), one thread each.
    """

    def __init__(self, scheduler: str | None = None, workers: int | None = None) -> None:
        try:
            import distributed
        except ImportError:
            raise EngineError("--engine dask", f"dask is not installed: {INSTALL_HINT}") from None
        self._distributed = distributed
        self.scheduler = scheduler
        self.workers = workers
        self._cluster: Any = None
        self._client: Any = None
        if scheduler is not None:  # an address out of reach is said now, before any document is read
            self._connect()

    def _connect(self) -> Any:
        if self._client is not None:
            return self._client
        distributed = self._distributed
        if self.scheduler is None:
            from checker.running.parallel import cpu_count

            self._cluster = distributed.LocalCluster(
                n_workers=self.workers or cpu_count(), threads_per_worker=1, processes=True,
                dashboard_address=None, silence_logs=logging.ERROR,
                scheduler_kwargs={"dashboard_address": LOCAL_HTTP},
            )
            self._client = distributed.Client(self._cluster)
            return self._client
        try:
            self._client = distributed.Client(self.scheduler, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError, ValueError) as exc:
            raise EngineError(f"--scheduler {self.scheduler}", f"cannot connect ({exc})") from None
        return self._client

    def map(self, func: Callable[[Any], Any], items: Iterable[Any]) -> Iterator[Any]:
        """``func(item)`` for each item, computed on the cluster, in the order of ``items``.

        ``items`` is read as batches are sent: at most ``window`` batches of them are held at a
        time, so a corpus streamed in (checker.running.parallel) is never all in memory.
        """
        source = iter(items)
        first = list(itertools.islice(source, 1))
        if not first:
            return  # nothing to extract: no cluster is started
        client = self._connect()
        slots = max(1, sum(client.nthreads().values()))
        # About four batches a worker, of at most BATCH_MAX items: when there are fewer items than
        # that, smaller batches, for balance between workers; the items needed to know are read.
        first.extend(itertools.islice(source, slots * 4 * BATCH_MAX - 1))
        size = max(1, min(BATCH_MAX, len(first) // (slots * 4)))
        pending = itertools.chain(first, source)
        del first
        window = slots * 2  # batches sent or held at once: keeps every worker busy, memory bounded
        expected = _settings()
        running = self._distributed.as_completed()
        futures: dict[Any, int] = {}
        done: dict[int, list[Any]] = {}
        sent = given = 0
        exhausted = False
        try:
            while not exhausted or given < sent:
                while not exhausted and sent - given < window:
                    batch = list(itertools.islice(pending, size))
                    if not batch:
                        exhausted = True
                        break
                    future = client.submit(_run_batch, func, batch, expected, pure=False)
                    futures[future] = sent
                    running.add(future)
                    sent += 1
                if given == sent:
                    break
                while given not in done:
                    future = next(running)
                    outcome = future.result()
                    if isinstance(outcome, Mismatch):
                        raise EngineError(
                            f"worker {outcome.worker}",
                            f"extracts with other settings ({outcome.settings}, here {expected}): "
                            "install the same recoupe and libraries on every worker",
                        )
                    done[futures.pop(future)] = outcome
                yield from done.pop(given)
                given += 1
        finally:
            if futures:
                client.cancel(list(futures))

    def close(self) -> None:
        """Disconnect; a local cluster is shut down."""
        if self._client is not None:
            self._client.close()
        if self._cluster is not None:
            self._cluster.close()
        self._client = self._cluster = None


@dataclass(frozen=True)
class Mismatch:
    """A worker's answer when its extraction settings are not this process's."""

    worker: str
    settings: str


@functools.cache
def _settings() -> str:
    from checker.fingerprint import settings_key

    return settings_key()


def _run_batch(func: Callable[[Any], Any], items: list[Any], expected: str) -> list[Any] | Mismatch:
    """On a worker: ``func`` over the batch, or a Mismatch when this worker extracts otherwise."""
    found = _settings()
    if found != expected:
        from distributed import get_worker

        return Mismatch(get_worker().address, found)
    return [func(item) for item in items]
