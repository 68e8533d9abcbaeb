"""A run's dealings with the cache (checker.running.cache): opening and closing it, the key its
output is replayed under (checker.running.replay), an earlier run's output found again, and this
run's output kept for the next one.

In: the cache's folder and size limit, a run's paths, files and options. Out: a ``Cache`` and the
warnings it gave, a key, a ``Replay``; a run's standard output is recorded as it is written (a
``Recorder`` writing into a spool file), never held in memory. The command line says the warnings,
writes the outputs and chooses the exit code; nothing here prints.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

if TYPE_CHECKING:  # imported when the cache is used: a run with --no-cache never opens it
    from checker.running.cache import Cache
    from checker.running.cache_entries import Replay

# Files a check writes are kept for a replay only up to this size in all: they are read back for it.
REPLAY_FILES_MAX = 4_000_000


def open_cache(folder: Path | None, max_size: int) -> tuple[Cache, list[str]]:
    """The cache in ``folder`` (default: .recoupe_cache in the current folder) and the warnings
    given on opening it (what was set aside or could not be used)."""
    from checker.running.cache import FOLDER, Cache

    cache = Cache(folder if folder is not None else Path.cwd() / FOLDER, max_size)
    warnings = list(cache.warnings)
    cache.warnings.clear()
    return cache, warnings


def close_cache(cache: Cache | None) -> list[str]:
    """Close ``cache`` (if any); the warnings it gave since it was opened."""
    if cache is None:
        return []
    warnings = list(cache.warnings)
    cache.close()
    return warnings


def run_key(
    cache: Cache | None, command: str, paths: list[Path], extra_files: tuple[Path, ...], *options: str,
    discovered=None, code: Iterable[Path] = (),
) -> str | None:
    """The replay key of this run (checker.running.replay), or None when it cannot be replayed.

    ``code``: the folders of source, besides checker/, that the output depends on (the command line's).
    """
    if cache is None:
        return None
    import checker
    from checker.fingerprint import code_digest
    from checker.running.replay import inputs_digest, run_key as key_of

    inputs = inputs_digest(paths, extra_files, discovered)
    if inputs is None:
        return None
    packages = [Path(checker.__file__).parent, *code]
    return key_of(command, code_digest(packages), inputs, os.getcwd(), *map(str, paths), *options)


def check_key(cache: Cache, paths: list[Path], rules_path: Path, baseline: str | None, options: list[str], code: Iterable[Path] = ()):
    """The replay key of a ``check`` (its inputs: the documents, the rule files, the baseline) and
    what ``discover_all(paths)`` found: once, for the key and for the run."""
    from checker.binding.loading import rule_files
    from checker.reading.corpus import discover_all

    discovered = discover_all(paths)
    extra = (*rule_files(rules_path), *([Path(baseline)] if baseline is not None else []))
    return run_key(cache, "check", paths, extra, *options, discovered=discovered, code=code), discovered


def replayed(cache: Cache | None, key: str | None) -> Replay | None:
    """What an earlier run with ``key`` wrote, found in ``cache``, or None."""
    return cache.replay(key) if cache is not None and key is not None else None


def spool(cache: Cache | None) -> BinaryIO | None:
    """An anonymous temporary file beside the cache (removed when closed), or None."""
    from checker.running.cache_db import temporary

    if cache is None:
        return None
    try:
        return temporary(cache.path.parent, "spool")
    except OSError:
        return None


class Recorder:
    """Writes through ``write`` and, when given a ``spool`` (a binary file), into it too, so that
    the output can be kept for a replay without holding it in memory."""

    def __init__(self, write: Callable[[str], object], spool) -> None:
        self._write = write
        self.spool = spool

    def write(self, text: str) -> None:
        self._write(text)
        if self.spool is not None:
            try:
                self.spool.write(text.encode("utf-8"))
            except (UnicodeEncodeError, OSError):  # text UTF-8 cannot carry, a full disk: not kept
                self.close()
                self.spool = None

    def close(self) -> None:
        if self.spool is not None:
            try:
                self.spool.close()
            except OSError:  # what was buffered cannot be written either: the spool is dropped all the same
                pass


def files_for_replay(files: list[str]) -> tuple[tuple[str, str], ...] | None:
    """(file, text) of the reports this run wrote, read back for a replay; None when they are over
    REPLAY_FILES_MAX in all (such a run runs again) or cannot be read."""
    try:
        if sum(Path(file).stat().st_size for file in files) > REPLAY_FILES_MAX:
            return None
        return tuple((file, Path(file).read_text(encoding="utf-8")) for file in files)
    except (OSError, ValueError):
        return None


def keep_run(cache: Cache, key: str, stdout: BinaryIO, said: list[str], files: tuple[tuple[str, str], ...], code: int) -> None:
    """Keep this run's output for a replay under ``key``: its standard output (the spool
    ``stdout``), its messages, the files it wrote and its exit code; committed at once."""
    from checker.running.cache_entries import Replay

    cache.keep_replay(key, Replay("", tuple(said), files, int(code)), stdout=stdout)
    cache.commit()
