"""The SQLite file and folder the cache (checker.running.cache) lives in: its schema, a connection
checked to be a recoupe cache of this schema, the folder's markers and lock, and the temporary files
a run's new entries wait in until it commits.

In: the cache's folder and file. Out: a connection (or why the file is no cache), temporary files.
Nothing here decides what is cached or when.
"""

from __future__ import annotations

import io
import os
import sqlite3
import struct
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from checker.running.tempfiles import SUFFIX, prefix

SCHEMA_VERSION = 3
BUSY_SECONDS = 60  # how long a run waits for another run's commit before going on without the cache
APPLICATION_ID = 0x52435045  # "RCPE": PRAGMA application_id of recoupe's cache files

COLUMNS = {"extraction": ["key", "text", "value", "used"], "replay": ["key", "meta", "stdout", "used"]}
SCHEMA = (
    "CREATE TABLE IF NOT EXISTS extraction (key TEXT PRIMARY KEY, text TEXT NOT NULL, value TEXT NOT NULL, used INTEGER NOT NULL)",
    "CREATE INDEX IF NOT EXISTS extraction_used ON extraction (used)",
    "CREATE TABLE IF NOT EXISTS replay (key TEXT PRIMARY KEY, meta BLOB NOT NULL, stdout BLOB NOT NULL, used INTEGER NOT NULL)",
)


def connect(path: Path) -> tuple[sqlite3.Connection | None, str | None]:
    """A connection to the cache at ``path``, or None and why the file is not a cache of this schema."""
    try:
        with path.open("rb") as handle:
            if handle.read(16) != b"SQLite format 3\x00":
                return None, "is not an SQLite database"
        connection = sqlite3.connect(path, timeout=BUSY_SECONDS, isolation_level=None)
    except (OSError, sqlite3.Error) as exc:
        return None, f"cannot be read ({reason(exc)})"
    try:
        application = connection.execute("PRAGMA application_id").fetchone()[0]
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        if (application, version) == (0, 0) and connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0:
            return connection, None  # an empty database: a run stopped while setting it up; Cache._open goes on
        columns = {table: [row[1] for row in connection.execute(f"PRAGMA table_info({table})")] for table in COLUMNS}
        if connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal":
            connection.execute("PRAGMA synchronous = NORMAL")
    except sqlite3.Error as exc:
        connection.close()
        return None, f"cannot be read ({reason(exc)})"
    problem = None
    if application != APPLICATION_ID:
        problem = "is not a recoupe cache"
    elif version != SCHEMA_VERSION or columns != COLUMNS:
        problem = f"has schema version {version}, not {SCHEMA_VERSION}"
    if problem is not None:
        connection.close()
        return None, problem
    return connection, None


def reason(exc: BaseException) -> str:
    return (exc.strerror if isinstance(exc, OSError) else None) or str(exc)


def prepare(folder: Path) -> None:
    """The cache folder, made if needed, with a ``.gitignore`` of ``*`` (as ruff does: never
    committed, wherever it is) and a ``CACHEDIR.TAG`` (backup tools leave it out)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in ((".gitignore", _GITIGNORE), ("CACHEDIR.TAG", _CACHEDIR_TAG)):
        marker = folder / name
        if not marker.exists():
            try:
                marker.write_text(text, encoding="utf-8")
            except OSError:
                pass  # a read-only cache folder can still be read


_GITIGNORE = "# Created by recoupe: its cache, never to be committed.\n*\n"
_CACHEDIR_TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by recoupe.\n"
    "# For information about cache directory tags, see https://bford.info/cachedir/\n"
)


@contextmanager
def locked(folder: Path) -> Iterator[None]:
    """An exclusive lock on ``folder`` while a run opens (perhaps creates, or rebuilds) the cache,
    where the platform has one (flock, POSIX); elsewhere SQLite's own locking must do."""
    try:
        import fcntl
    except ImportError:
        yield
        return
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        yield
        return
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX)
        except OSError:
            pass  # a file system without locks (some network ones)
        yield
    finally:
        os.close(descriptor)  # and the lock with it


def close_dropped(file: BinaryIO) -> None:
    """Close a temporary file whose content is dropped: what it still buffers may not be written
    (a full disk), which is no error."""
    try:
        file.close()
    except OSError:
        pass


def temporary(folder: Path, what: str) -> BinaryIO:
    """An anonymous temporary file in the cache folder: gone when closed or when the process dies
    (Linux, Windows); elsewhere named for this run (checker.running.tempfiles), so that ``sweep`` knows it."""
    import tempfile

    return tempfile.TemporaryFile(dir=folder, prefix=prefix(what), suffix=SUFFIX)  # type: ignore[return-value]


class Pending:
    """A run's new entries until commit(): records in a temporary file, and where each one starts."""

    _HEADER = struct.Struct("<III")  # bytes of the key, the text and the value (UTF-8)

    def __init__(self, folder: Path) -> None:
        self._file = temporary(folder, "entries")
        self._where: dict[str, int] = {}

    def __contains__(self, key: str) -> bool:
        return key in self._where

    def add(self, key: str, text: str, value: str) -> None:
        parts = (key.encode("utf-8"), text.encode("utf-8"), value.encode("utf-8"))
        self._where[key] = self._file.seek(0, io.SEEK_END)
        self._file.write(self._HEADER.pack(*map(len, parts)) + b"".join(parts))

    def get(self, key: str) -> tuple[str, str]:
        self._file.seek(self._where[key])
        _, text, value = self._read()
        return text, value

    def entries(self) -> Iterator[tuple[str, str, str]]:
        """Each entry; of several under one key, the last stored."""
        for offset in self._where.values():
            self._file.seek(offset)
            yield self._read()

    def _read(self) -> tuple[str, str, str]:
        sizes = self._HEADER.unpack(self._file.read(self._HEADER.size))
        key, text, value = (self._file.read(size).decode("utf-8") for size in sizes)
        return key, text, value

    def close(self) -> None:
        try:
            self._file.close()
        except OSError:  # its buffer could not be written (a full disk): the entries are dropped anyway
            pass

