"""What a row of the cache (checker.running.cache) holds, encoded and decoded: a document's
extraction (``entry``, ``decode``) and a run's output kept for a replay (``Replay``).

Values are JSON, never pickle: decoding a row can run no code, and anything not exactly what was
encoded is None (a miss), never an error.
"""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from checker.reading.documents import Document
from checker.reading.sources import Source

if TYPE_CHECKING:  # imported when a row is decoded: a replayed run never compiles the extractor
    from checker.extraction.quantity import Quantity


@dataclass(frozen=True)
class Replay:
    """What a run wrote: standard output, its messages on standard error, the files it wrote
    (path, text) and its exit code. Read back from the cache, ``stdout`` is empty: the output is
    copied from the cache by ``Cache.write_stdout`` (``rowid``); ``stdout_size`` is its size,
    ``stdout_sha256`` the digest of its compressed bytes as stored, checked before it is used."""

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
    def decode(cls, meta: bytes, rowid: int) -> Replay | None:
        """None for anything not exactly what encode_meta() writes, compressed (zlib)."""
        try:
            data = json.loads(zlib.decompress(meta))
            stderr = tuple(data["stderr"])
            files = tuple((path, text) for path, text in data["files"])
            exit_code, size, sha256 = data["exit"], data["stdout_size"], data["stdout_sha256"]
        except (ValueError, TypeError, KeyError, zlib.error):
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
            [q.start, q.end, q.text, q.kind, q.value, q.unit, q.low, q.high, q.qualifier, q.noun, q.number_start, q.number_end, q.inferred]
            for q in quantities
        ],
    }, ensure_ascii=False)


def decode(text: object, value: str, source: str) -> tuple[Document, tuple[Quantity, ...]] | None:
    """A row back to values; None for anything not exactly what ``entry`` makes."""
    from checker.extraction.quantity import Quantity

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
