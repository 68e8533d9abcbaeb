"""An incremental cache of extraction results: one SQLite file, ``.recoupe_cache/extract.sqlite3``.

Each row is one document's extraction (its decoded text; its metadata and figures as JSON), keyed on
the SHA-256 of the file's bytes, the file's suffix (which decides how the bytes are read) and a
settings key: recoupe's version, the versions of the libraries that read HTML, PDF and number
words, and a hash of the source of every module that decides what is extracted. Change any of
them and old rows are simply never looked up again.

The cache is never trusted: a file that is not an SQLite database, or one of another schema, is
set aside and rebuilt, with a warning; a row that does not decode as expected is a miss. New rows
are written in one transaction at the end of a run, so an interrupted run (Ctrl-C) leaves the
cache as it was. Values are JSON, never pickle: reading a cache file can run no code.

A second table keeps the output of the last few whole runs (checker.replay): when every input of
a run is the same as in one of them, its output is written again as it was.
"""

from __future__ import annotations

import functools
import hashlib
import io
import json
import os
import re
import sqlite3
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from checker import CACHE_FOLDER, __version__
from checker.documents import Document
from checker.sources import Source

if TYPE_CHECKING:  # imported when a row is decoded: a replayed run never compiles the extractor
    from checker.extractor import Quantity

FOLDER = CACHE_FOLDER
FILE_NAME = "extract.sqlite3"
SCHEMA_VERSION = 2
# Outputs of whole runs kept for replay: the most recent ones; each can be as large as a report.
REPLAYS_KEPT = 4
_APPLICATION_ID = 0x52435045  # "RCPE": PRAGMA application_id of recoupe's cache files

# What decides the extraction of a document's bytes: these modules' source, and these libraries.
_MODULES = (
    "documents.py", "formats.py", "header.py", "sources.py", "extractor.py", "numbers.py", "french.py", "language.py", "units.py",
    "units.txt", "unit_factors.py",
)
_LIBRARIES = ("regex", "text2num", "pint", "trafilatura", "pdfminer.six", "pyyaml")


@functools.cache
def settings_key() -> str:
    """recoupe's version, the libraries' versions and a hash of the extracting modules' source.

    Computed once a process: the cache, the replay key and the record of validated rules all ask.
    """
    digest = hashlib.sha256(__version__.encode())
    for name in _LIBRARIES:
        digest.update(f"{name}={library_version(name)};".encode())
    folder = Path(__file__).parent
    for name in _MODULES:
        try:
            digest.update(name.encode() + b"\0" + (folder / name).read_bytes())
        except OSError:
            digest.update(name.encode() + b"\0missing")
    return digest.hexdigest()[:16]


def library_version(name: str) -> str:
    """The installed version of the distribution ``name``, or "none".

    Read from the name of its ``NAME-VERSION.dist-info`` folder on ``sys.path``, where installers
    put it, because importing ``importlib.metadata`` alone costs about a tenth of a short run;
    ``importlib.metadata`` answers when there is no such folder (an egg, a zip).
    """
    prefix = re.sub(r"[-_.]+", "_", name).lower() + "-"
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        for item in names:
            lowered = item.lower()
            if lowered.startswith(prefix) and lowered.endswith(".dist-info"):
                return item[len(prefix):-len(".dist-info")]
    from importlib import metadata

    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "none"


class Cache:
    """The extraction cache in ``folder``; ``warnings`` says what was set aside or failed."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / FILE_NAME
        self.settings = settings_key()
        self.warnings: list[str] = []
        self.hits = 0
        self.misses = 0
        self._connection: sqlite3.Connection | None = None
        self._failed = False  # a write failed: nothing more is written this run
        try:
            folder.mkdir(parents=True, exist_ok=True)
            self._connection = self._open()
        except (OSError, sqlite3.Error) as exc:
            self.warnings.append(f"cache {self.path} cannot be used ({exc}); running without it")
            self._connection = None

    def _open(self) -> sqlite3.Connection:
        """Connect, checking the file is a cache of this schema; else set it aside and start anew."""
        if self.path.exists():
            problem = _foreign(self.path)
            if problem is not None:
                self.warnings.append(f"cache {self.path} {problem}: rebuilt")
                for suffix in ("", "-journal", "-wal", "-shm"):
                    Path(str(self.path) + suffix).unlink(missing_ok=True)
        connection = sqlite3.connect(self.path, timeout=5)
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not {"extraction", "replay"} <= tables:  # a new file: set it up
            with connection:  # a write, with its sync to disk: only when there is something to write
                connection.execute(f"PRAGMA application_id = {_APPLICATION_ID}")
                connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
                connection.execute("CREATE TABLE IF NOT EXISTS extraction (key TEXT PRIMARY KEY, text TEXT NOT NULL, value TEXT NOT NULL)")
                connection.execute("CREATE TABLE IF NOT EXISTS replay (key TEXT PRIMARY KEY, meta TEXT NOT NULL, stdout BLOB NOT NULL)")
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
        try:
            row = self._connection.execute("SELECT text, value FROM extraction WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error:
            return None
        return None if row is None else (row[0], row[1])

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
        """``put`` of a result already made into an ``entry`` (by a worker process)."""
        if self._connection is None or self._failed:
            return
        try:
            self._connection.execute("INSERT OR REPLACE INTO extraction (key, text, value) VALUES (?, ?, ?)", (key, text, value))
        except sqlite3.Error as exc:
            self._fail(exc)
        except ValueError:  # text SQLite cannot hold (a lone surrogate): this document is not kept
            pass

    def replay(self, key: str) -> Replay | None:
        """What an earlier run with the same key (checker.replay.run_key) wrote, or None.

        Its standard output stays in the cache (``write_stdout``); it is read once here to check
        it is the one recorded (size and SHA-256), so a damaged row is a miss, never replayed.
        """
        if self._connection is None:
            return None
        try:
            row = self._connection.execute("SELECT rowid, meta FROM replay WHERE key = ?", (key,)).fetchone()
            found = None if row is None else Replay.decode(row[1], row[0])
            if found is None:
                return None
            digest = hashlib.sha256()
            size = 0
            for chunk in self._stdout_chunks(found.rowid):
                digest.update(chunk)
                size += len(chunk)
        except sqlite3.Error:
            return None
        return found if (size, digest.hexdigest()) == (found.stdout_size, found.stdout_sha256) else None

    def write_stdout(self, replay: Replay, out: BinaryIO) -> None:
        """Copy the standard output of ``replay`` (from ``replay()``) to ``out``, a chunk at a time."""
        for chunk in self._stdout_chunks(replay.rowid):
            out.write(chunk)

    def _stdout_chunks(self, rowid: int) -> Iterator[bytes]:
        assert self._connection is not None
        with self._connection.blobopen("replay", "stdout", rowid, readonly=True) as blob:
            while chunk := blob.read(_CHUNK):
                yield chunk

    def keep_replay(self, key: str, replay: Replay, stdout: BinaryIO | None = None) -> None:
        """Store a run's output (kept at commit()), dropping all but the most recent REPLAYS_KEPT.

        The standard output is ``replay.stdout``, or the bytes of the file ``stdout`` (a spool the
        run wrote as it went, so that a long output is never all in memory), copied a chunk at a time.
        """
        if self._connection is None or self._failed:
            return
        try:
            if stdout is None:
                stdout = io.BytesIO(replay.stdout.encode("utf-8"))
            size = stdout.seek(0, io.SEEK_END)
            digest = hashlib.sha256()
            stdout.seek(0)
            while chunk := stdout.read(_CHUNK):
                digest.update(chunk)
            meta = replay.encode_meta(size, digest.hexdigest())
            rowid = self._connection.execute(
                "INSERT OR REPLACE INTO replay (key, meta, stdout) VALUES (?, ?, zeroblob(?))", (key, meta, size)
            ).lastrowid
            stdout.seek(0)
            with self._connection.blobopen("replay", "stdout", rowid) as blob:
                while chunk := stdout.read(_CHUNK):
                    blob.write(chunk)
            self._connection.execute(
                "DELETE FROM replay WHERE rowid NOT IN (SELECT rowid FROM replay ORDER BY rowid DESC LIMIT ?)", (REPLAYS_KEPT,)
            )
        except sqlite3.Error as exc:
            self._fail(exc)
        except (ValueError, OSError):  # text that cannot be encoded (a lone surrogate), a spool lost: not kept
            pass

    def commit(self) -> None:
        """Keep what put() stored: all of it or, on a failure, none."""
        if self._connection is None or self._failed:
            return
        try:
            self._connection.commit()
        except sqlite3.Error as exc:
            self._fail(exc)

    def _fail(self, exc: sqlite3.Error) -> None:
        self.warnings.append(f"cache {self.path} not updated ({exc})")
        self._failed = True
        try:
            self._connection.rollback()
        except sqlite3.Error:
            pass

    def close(self) -> None:
        """Close; what put() stored and commit() did not keep is rolled back."""
        if self._connection is not None:
            self._connection.close()
            self._connection = None


def _foreign(path: Path) -> str | None:
    """Why the file at ``path`` is not a cache of this schema, or None when it is one."""
    try:
        with path.open("rb") as handle:
            if handle.read(16) != b"SQLite format 3\x00":
                return "is not an SQLite database"
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
        try:
            application = connection.execute("PRAGMA application_id").fetchone()[0]
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            columns = [row[1] for row in connection.execute("PRAGMA table_info(extraction)")]
            replay_columns = [row[1] for row in connection.execute("PRAGMA table_info(replay)")]
        finally:
            connection.close()
    except (OSError, sqlite3.Error) as exc:
        return f"cannot be read ({exc})"
    if application != _APPLICATION_ID:
        return "is not a recoupe cache"
    if version != SCHEMA_VERSION or columns != ["key", "text", "value"] or replay_columns != ["key", "meta", "stdout"]:
        return f"has schema version {version}, not {SCHEMA_VERSION}"
    return None


_CHUNK = 1 << 20  # bytes of a replayed standard output copied at a time


@dataclass(frozen=True)
class Replay:
    """What a run wrote: standard output, its messages on standard error, the files it wrote
    (path, text) and its exit code. Read back from the cache, ``stdout`` is empty: the output is
    copied from the cache by ``Cache.write_stdout`` (``rowid``, checked by size and SHA-256)."""

    stdout: str = ""
    stderr: tuple[str, ...] = ()
    files: tuple[tuple[str, str], ...] = ()
    exit_code: int = 0
    rowid: int = 0
    stdout_size: int = 0
    stdout_sha256: str = ""

    def encode_meta(self, size: int, sha256: str) -> str:
        return json.dumps({
            "stderr": list(self.stderr), "files": [list(pair) for pair in self.files], "exit": self.exit_code,
            "stdout_size": size, "stdout_sha256": sha256,
        }, ensure_ascii=False)

    @classmethod
    def decode(cls, meta: str, rowid: int) -> Replay | None:
        """None for anything not exactly what encode_meta() writes."""
        try:
            data = json.loads(meta)
            stderr = tuple(data["stderr"])
            files = tuple((path, text) for path, text in data["files"])
            exit_code, size, sha256 = data["exit"], data["stdout_size"], data["stdout_sha256"]
        except (ValueError, TypeError, KeyError):
            return None
        strings = [*stderr, *(part for pair in files for part in pair), sha256]
        if not all(isinstance(item, str) for item in strings) or not all(type(n) is int for n in (exit_code, size, rowid)):
            return None
        return cls("", stderr, files, exit_code, rowid, size, sha256)  # type: ignore[arg-type]


def entry(document: Document, quantities: tuple[Quantity, ...]) -> tuple[str, str]:
    """What the cache keeps of an extracted document: its text, and its metadata and figures as JSON."""
    meta = document.meta
    return document.text, json.dumps({
        "encoding": document.encoding, "format": document.format,
        "page_starts": list(document.page_starts),
        "meta": None if meta is None else {
            "title": meta.title, "publisher": meta.publisher, "url": meta.url, "date": meta.date,
            "event_date": meta.event_date, "authority": meta.authority, "origin": [list(pair) for pair in meta.origin],
        },
        "quantities": [
            [q.start, q.end, q.text, q.kind, q.value, q.unit, q.low, q.high, q.qualifier, q.noun, q.number_start, q.number_end]
            for q in quantities
        ],
    }, ensure_ascii=False)


def decode(text: object, value: str, source: str) -> tuple[Document, tuple[Quantity, ...]] | None:
    """A row back to values; None for anything not exactly what ``entry`` makes."""
    from checker.extractor import Quantity

    try:
        data = json.loads(value)
        meta = data["meta"]
        source_meta = None
        if meta is not None:
            origin = tuple((str(field), str(where)) for field, where in meta.pop("origin"))
            if not all(value is None or isinstance(value, str) for value in meta.values()):
                return None
            source_meta = Source(**meta, origin=origin)
        if not isinstance(text, str) or not all(isinstance(start, int) for start in data["page_starts"]):
            return None
        document = Document.from_text(
            text, source=source, encoding=str(data["encoding"]), page_starts=tuple(data["page_starts"]),
            meta=source_meta, format=str(data["format"]),
        )
        quantities = tuple(Quantity(*row) for row in data["quantities"])
        for quantity in quantities:
            if not (isinstance(quantity.start, int) and isinstance(quantity.end, int)
                    and 0 <= quantity.start <= quantity.end <= len(text) and text[quantity.start:quantity.end] == quantity.text):
                return None
    except (ValueError, TypeError, KeyError, AttributeError):
        return None
    return document, quantities
