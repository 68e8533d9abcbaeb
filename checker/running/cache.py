"""An incremental cache of extraction results: one SQLite file, ``.recoupe_cache/extract.sqlite3``.

Each row is one document's extraction (its decoded text; its metadata and figures as JSON), keyed on
the SHA-256 of the file's bytes, the file's suffix (which decides how the bytes are read) and a
settings key: recoupe's version, the versions of the libraries that read HTML, PDF and number
words, and a hash of the source of every module that decides what is extracted. Change any of
them and old rows are simply never looked up again.

The cache is never trusted: a file that is not an SQLite database, or one of another schema, is
set aside and rebuilt, with a warning; a row that does not decode as expected is a miss. New rows
wait in a temporary file and are written in one short transaction at the end of a run, so an
interrupted or killed run leaves the cache as it was, and two runs can fill one cache together
(WAL: readers never wait; a writer waits for the other's commit). Values are JSON, never pickle:
reading a cache file can run no code. A full disk is one warning; the run goes on without the cache.

A second table keeps the output of the last few whole runs (checker.running.replay), compressed: when
every input of a run is the same as in one of them, its output is written again as it was.

The cache stays within a size (``max_size``): at each commit the entries least recently used are
evicted, never those of the run itself. Its folder holds a ``.gitignore`` of ``*``, so that it is
never committed, and a ``CACHEDIR.TAG``.

The file, its schema and lock: checker.running.cache_db; what a row holds: checker.running.cache_entries.
"""

from __future__ import annotations

import hashlib
import io
import sqlite3
import time
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from checker import CACHE_FOLDER
from checker.fingerprint import settings_key
from checker.reading.documents import Document
from checker.running.cache_db import (
    APPLICATION_ID, BUSY_SECONDS, COLUMNS, SCHEMA, SCHEMA_VERSION, Pending, close_dropped, connect, locked, prepare, reason, temporary,
)
from checker.running.cache_entries import Replay, decode, entry
from checker.running.tempfiles import sweep

if TYPE_CHECKING:  # imported when a row is decoded: a replayed run never compiles the extractor
    from checker.extraction.quantity import Quantity

FOLDER = CACHE_FOLDER
FILE_NAME = "extract.sqlite3"
# Outputs of whole runs kept for replay: the most recent ones, compressed; each can be as large as a report.
REPLAYS_KEPT = 4
REPLAY_SHARE = 4  # an output is kept for a replay only when, compressed, it takes under 1/4 of the limit
DEFAULT_MAX_SIZE = 1_000_000_000  # bytes; --cache-max-size, cache_max_size (README, Performance)
_COMPRESSION = 1  # zlib level of replayed outputs: reports shrink 5 to 10 times, at about 150 MB/s
_CHUNK = 1 << 20  # bytes of a replayed standard output copied at a time
_EVICTED_AT_ONCE = 16


class Cache:
    """The extraction cache in ``folder``, kept to about ``max_size`` bytes (see ``_evict``);
    ``warnings`` says what was set aside or failed (one warning, then the run goes on without it)."""

    def __init__(self, folder: Path, max_size: int = DEFAULT_MAX_SIZE) -> None:
        self.path = folder / FILE_NAME
        self.settings = settings_key()
        self.max_size = max_size
        self.warnings: list[str] = []
        self.hits = 0
        self.misses = 0
        self._connection: sqlite3.Connection | None = None
        self._failed = False  # a write failed: nothing more is written this run
        self._started = int(time.time())
        self._pending: Pending | None = None  # this run's new entries, written at commit()
        self._used: list[str] = []  # keys of the entries this run found: marked used at commit()
        self._replay: tuple[str, bytes, BinaryIO] | None = None  # key, meta and stdout of keep_replay, compressed
        try:
            prepare(folder)
            with locked(folder):  # two runs starting together on a new cache: one sets it up, then the other
                sweep(folder)
                self._connection = self._open()
        except (OSError, sqlite3.Error) as exc:
            self.warnings.append(f"cache {self.path} cannot be used ({reason(exc)}); running without it")
            self.close()

    def _open(self) -> sqlite3.Connection:
        """Connect, checking the file is a cache of this schema; else set it aside and start anew.

        An empty file (another run has just created it) or an empty database (a run stopped while
        setting it up) is a new cache, not a foreign one.
        """
        connection = None
        if self.path.exists() and self.path.stat().st_size > 0:
            connection, problem = connect(self.path)
            if connection is not None and connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
                return connection
            if connection is None:
                self.warnings.append(f"cache {self.path} {problem}: rebuilt")
                for suffix in ("", "-journal", "-wal", "-shm"):
                    Path(str(self.path) + suffix).unlink(missing_ok=True)
        if connection is None:
            connection = sqlite3.connect(self.path, timeout=BUSY_SECONDS, isolation_level=None)
        try:
            connection.execute("PRAGMA auto_vacuum = INCREMENTAL")  # before the first table: evicted pages can go back to the disk
            if connection.execute("PRAGMA journal_mode = WAL").fetchone()[0] == "wal":  # readers never wait for a writer
                connection.execute("PRAGMA synchronous = NORMAL")
            connection.execute("BEGIN IMMEDIATE")
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if not set(COLUMNS) <= tables:
                connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
                for statement in SCHEMA:
                    connection.execute(statement)
            connection.execute("COMMIT")
        except BaseException:
            connection.close()
            raise
        return connection

    def key(self, data: bytes, suffix: str) -> str:
        return f"{self.settings}:{suffix.lower()}:{hashlib.sha256(data).hexdigest()}"

    def get(self, key: str, source: str) -> tuple[Document, tuple[Quantity, ...]] | None:
        """The cached Document (named ``source``) and figures, or None."""
        row = self.stored(key)
        result = decode(*row, source) if row is not None else None
        self.count(result is not None)
        return result

    def stored(self, key: str) -> tuple[str, str] | None:
        """The entry stored under ``key`` (see ``entry()``) as it is, not yet decoded: a worker
        process may decode it (``decode``), where the document is then worked on; or None."""
        if self._connection is None:
            return None
        if self._pending is not None and key in self._pending:  # stored by this run, not yet committed
            try:
                return self._pending.get(key)
            except (OSError, ValueError):
                return None
        try:
            row = self._connection.execute("SELECT text, value FROM extraction WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error:
            return None
        if row is None:
            return None
        self._used.append(key)
        return row[0], row[1]

    def count(self, hit: bool) -> None:
        """Count a hit (an entry decoded) or a miss."""
        if hit:
            self.hits += 1
        else:
            self.misses += 1

    def put(self, key: str, document: Document, figures: tuple[Quantity, ...]) -> None:
        """Store a new result; nothing is kept until commit() (one transaction per run)."""
        if self._connection is None or self._failed:
            return
        self.put_entry(key, *entry(document, figures))

    def put_entry(self, key: str, text: str, value: str) -> None:
        """``put`` of a result already made into an ``entry`` (by a worker process).

        Entries wait in a temporary file until commit(), not in the database: a run holds the
        database's write lock only while it commits, so two runs can fill one cache together.
        """
        if self._connection is None or self._failed:
            return
        try:
            if self._pending is None:
                self._pending = Pending(self.path.parent)
            self._pending.add(key, text, value)
        except UnicodeEncodeError:  # text SQLite cannot hold (a lone surrogate): this document is not kept
            pass
        except OSError as exc:  # a full disk
            self._fail(exc)

    def replay(self, key: str) -> Replay | None:
        """What an earlier run with the same key (checker.running.replay.run_key) wrote, or None.

        Its standard output stays in the cache, compressed (``write_stdout``); the stored bytes
        are read once here to check they are the ones recorded (SHA-256), so a damaged row is a
        miss, never replayed.
        """
        if self._connection is None:
            return None
        try:
            row = self._connection.execute("SELECT rowid, meta FROM replay WHERE key = ?", (key,)).fetchone()
            found = None if row is None else Replay.decode(row[1], row[0])
            if found is None:
                return None
            digest = hashlib.sha256()
            for chunk in self._stdout_chunks(found.rowid):
                digest.update(chunk)
        except sqlite3.Error:
            return None
        return found if digest.hexdigest() == found.stdout_sha256 else None

    def write_stdout(self, replay: Replay, out: BinaryIO) -> None:
        """Copy the standard output of ``replay`` (from ``replay()``) to ``out``, a chunk at a time."""
        expand = zlib.decompressobj()
        for chunk in self._stdout_chunks(replay.rowid):
            while chunk:
                out.write(expand.decompress(chunk, _CHUNK))
                chunk = expand.unconsumed_tail
        out.write(expand.flush())

    def _stdout_chunks(self, rowid: int) -> Iterator[bytes]:
        assert self._connection is not None
        with self._connection.blobopen("replay", "stdout", rowid, readonly=True) as blob:
            while chunk := blob.read(_CHUNK):
                yield chunk

    def keep_replay(self, key: str, replay: Replay, stdout: BinaryIO | None = None) -> None:
        """Keep a run's output, compressed, at commit(): the most recent REPLAYS_KEPT are kept, and
        none that takes more than 1/REPLAY_SHARE of the cache's limit.

        The standard output is ``replay.stdout``, or the bytes of the file ``stdout`` (a spool the
        run wrote as it went, so that a long output is never all in memory), read a chunk at a time.
        """
        if self._connection is None or self._failed:
            return
        packed: BinaryIO | None = None
        try:
            source = io.BytesIO(replay.stdout.encode("utf-8")) if stdout is None else stdout
            source.seek(0)
            packed = temporary(self.path.parent, "replay")
            squeeze = zlib.compressobj(_COMPRESSION)
            digest = hashlib.sha256()
            size = 0
            while chunk := source.read(_CHUNK):
                size += len(chunk)
                data = squeeze.compress(chunk)
                packed.write(data)
                digest.update(data)
            data = squeeze.flush()
            packed.write(data)
            digest.update(data)
            meta = zlib.compress(replay.encode_meta(size, digest.hexdigest()).encode("utf-8"), _COMPRESSION)
            if packed.tell() + len(meta) > self.max_size // REPLAY_SHARE:  # not worth its room: such a run runs again
                close_dropped(packed)
                return
        except ValueError:  # text that cannot be encoded (a lone surrogate): not kept
            if packed is not None:
                close_dropped(packed)
            return
        except OSError as exc:  # a full disk, a spool lost
            if packed is not None:
                close_dropped(packed)
            self._fail(exc)
            return
        if self._replay is not None:
            close_dropped(self._replay[2])
        self._replay = (key, meta, packed)

    def commit(self) -> None:
        """Keep what put() and keep_replay() stored, mark the entries found as used, and evict the
        least recently used beyond the limit: all in one short transaction or, on a failure, none."""
        if self._connection is None or self._failed:
            return
        if self._pending is None and not self._used and self._replay is None:
            return
        connection = self._connection
        now = max(int(time.time()), self._started)
        try:
            connection.execute("BEGIN IMMEDIATE")  # waits for another run's commit (BUSY_SECONDS)
            try:
                if self._pending is not None:
                    connection.executemany(
                        "INSERT OR REPLACE INTO extraction (key, text, value, used) VALUES (?, ?, ?, ?)",
                        ((key, text, value, now) for key, text, value in self._pending.entries()),
                    )
                if self._used:
                    connection.executemany("UPDATE extraction SET used = ? WHERE key = ?", ((now, key) for key in self._used))
                if self._replay is not None:
                    self._store_replay(now)
                self._evict()
                connection.execute("COMMIT")
            except BaseException:
                if connection.in_transaction:
                    connection.execute("ROLLBACK")
                raise
            if connection.execute("PRAGMA freelist_count").fetchone()[0]:
                connection.executescript("PRAGMA incremental_vacuum;")  # the file shrinks by what was evicted (execute() frees one page)
        except (sqlite3.Error, OSError) as exc:
            self._fail(exc)
        finally:
            self._discard()

    def _store_replay(self, now: int) -> None:
        assert self._connection is not None and self._replay is not None
        key, meta, packed = self._replay
        size = packed.seek(0, io.SEEK_END)
        packed.seek(0)
        rowid = self._connection.execute(
            "INSERT OR REPLACE INTO replay (key, meta, stdout, used) VALUES (?, ?, zeroblob(?), ?)", (key, meta, size, now)
        ).lastrowid
        with self._connection.blobopen("replay", "stdout", rowid) as blob:
            while chunk := packed.read(_CHUNK):
                blob.write(chunk)
        self._connection.execute(
            "DELETE FROM replay WHERE rowid NOT IN (SELECT rowid FROM replay ORDER BY rowid DESC LIMIT ?)", (REPLAYS_KEPT,)
        )

    def size(self) -> int:
        """Bytes of the database in use: its pages, less the free ones."""
        assert self._connection is not None
        page = self._connection.execute("PRAGMA page_size").fetchone()[0]
        pages = self._connection.execute("PRAGMA page_count").fetchone()[0]
        free = self._connection.execute("PRAGMA freelist_count").fetchone()[0]
        return (pages - free) * page

    def _evict(self) -> None:
        """Delete the least recently used entries and replays until the cache is within max_size.

        What this run used or stored is never evicted: a corpus larger than the limit is still
        cached whole (the cache is then as large as that run needs); what goes is older, the
        entries of documents changed or gone, and the outputs of earlier runs.
        """
        assert self._connection is not None
        while self.size() > self.max_size:
            oldest = [
                (used, table, rowid) for table in COLUMNS
                for used, rowid in self._connection.execute(
                    f"SELECT used, rowid FROM {table} WHERE used < ? ORDER BY used, rowid LIMIT ?", (self._started, _EVICTED_AT_ONCE)
                )
            ]
            if not oldest:
                return
            for _, table, rowid in sorted(oldest)[:_EVICTED_AT_ONCE]:
                self._connection.execute(f"DELETE FROM {table} WHERE rowid = ?", (rowid,))
                if self.size() <= self.max_size:  # one at a time: no more than needed goes
                    return

    def _fail(self, exc: BaseException) -> None:
        self.warnings.append(f"cache {self.path} not updated ({reason(exc)}); running without it")
        self._failed = True
        self._discard()

    def _discard(self) -> None:
        """Forget what this run was to store (its temporary files go as they close)."""
        if self._pending is not None:
            self._pending.close()
            self._pending = None
        if self._replay is not None:
            close_dropped(self._replay[2])
            self._replay = None
        self._used = []

    def close(self) -> None:
        """Close; what put() and keep_replay() stored and commit() did not keep is dropped."""
        self._discard()
        if self._connection is not None:
            self._connection.close()
            self._connection = None

