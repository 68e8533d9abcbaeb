"""Worker processes that never outlive the process that started them, and stop at once when told.

A worker of ``checker.running.parallel`` waits for its next task on a pipe that it also holds open
itself (fork inherits both ends), so it never sees the end of a parent killed by SIGKILL, an
out-of-memory kill or a CI job cancelled hard: it would wait for ever, holding its memory. So
each worker, as it starts, asks to die with its parent: on Linux the kernel sends it SIGKILL
when the parent ends (``prctl(PR_SET_PDEATHSIG)``); elsewhere a thread of the worker ends it
when the parent is gone (on POSIX its parent's pid changes when it is adopted; on Windows the
parent's process handle is signalled). Where neither can be had, nothing is done.

``stop`` ends a pool's workers at once (Ctrl-C, an error): its running tasks are killed instead
of being waited for, which took seconds with large documents.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

_PR_SET_PDEATHSIG = 1  # linux/prctl.h
POLL_SECONDS = 0.2  # how often the watching thread looks for its parent, where it must look
STOP_SECONDS = 0.5  # how long ``stop`` waits for a terminated worker before killing it


def die_with_parent(parent: int, forked_by_main_thread: bool) -> None:
    """In a worker process just started by ``parent``: arrange to end when ``parent`` does.

    ``forked_by_main_thread``: whether the thread that started this worker is the parent's main
    thread. Linux sends the parent-death signal when that *thread* ends, so it is asked for only
    then (the main thread ends with its process).
    """
    signalled = forked_by_main_thread and _parent_death_signal()
    if os.getppid() != parent:  # the parent died before we asked: no one will tell us
        os._exit(1)
    if not signalled:
        threading.Thread(target=_watch, args=(parent,), name="recoupe-parent-watch", daemon=True).start()


def _parent_death_signal() -> bool:
    """Linux: SIGKILL this process when its parent ends. False where it cannot be had."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes
        import signal

        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0) == 0
    except (OSError, AttributeError, ImportError):
        return False


def _watch(parent: int) -> None:
    """A thread of the worker: ends the process when its parent is gone."""
    if os.name == "nt":
        import multiprocessing
        from multiprocessing.connection import wait

        process = multiprocessing.parent_process()
        if process is None or process.sentinel is None:
            return  # nothing to watch: degrade to what the pool itself notices
        wait([process.sentinel])
        os._exit(1)
    while os.getppid() == parent:
        time.sleep(POLL_SECONDS)
    os._exit(1)


def stop(pool: ProcessPoolExecutor) -> None:
    """End ``pool`` now: tasks not started are dropped, running ones killed with their workers.

    Workers write nothing (no cache, no file): killing one loses only the work it was doing.
    """
    terminate = getattr(pool, "terminate_workers", None)  # Python 3.14
    if terminate is not None:
        terminate()
        return
    processes = list((getattr(pool, "_processes", None) or {}).values())
    for process in processes:
        try:
            process.terminate()
        except (OSError, AttributeError, ValueError):
            pass
    deadline = time.monotonic() + STOP_SECONDS
    for process in processes:
        try:
            process.join(max(0.0, deadline - time.monotonic()))
            if process.is_alive():
                process.kill()
                process.join(STOP_SECONDS)
        except (OSError, AttributeError, ValueError, AssertionError):
            pass
    # A worker killed while sending a result leaves half a message in the results pipe: the pool's
    # thread would wait for the rest for ever, and the interpreter waits for that thread as it
    # exits. With every worker gone, this process holds the pipe's last writing end: closed, the
    # thread reads the end of the pipe, finds the pool broken and ends.
    results = getattr(pool, "_result_queue", None)
    try:
        results._writer.close()  # type: ignore[union-attr]
    except (AttributeError, OSError):
        pass
    pool.shutdown(wait=False, cancel_futures=True)
