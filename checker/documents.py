"""Bytes to text, once, at the boundary; and the document model later stages look at.

Decoding keeps every character as written (no-break spaces, typographic apostrophes) so that a
quote is the source's own text; only line endings are unified to ``\\n``, which keeps line and
column numbers identical to the original file's.
"""

from __future__ import annotations

import bisect
import codecs
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import regex

from checker.errors import DocumentError

# Extensions read as documents when a folder is walked.
TEXT_SUFFIXES = (".txt", ".md", ".markdown")

_SNIFF_BYTES = 8192
# C0 controls other than tab, LF, FF, CR: a text file does not contain them.
_CONTROL = regex.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
_SENTENCE_END = regex.compile(r"(?<=[.!?…])[»\"”)]*\s+(?=[\p{Lu}«\"“\d])|\n+")
_BLANK_LINES = regex.compile(r"\n[ \t\u00a0\u202f]*\n\s*")


@dataclass(frozen=True)
class Span:
    """A stretch of a document: ``text[start:end]``."""

    start: int
    end: int


def decode(data: bytes, path: str) -> tuple[str, str]:
    """Return ``(text, encoding)`` for a file's bytes, or raise DocumentError.

    UTF-8 (with or without BOM) and UTF-16 with BOM are read as such; anything else that is not
    valid UTF-8 is read as CP-1252, the encoding of older French web pages, falling back to
    Latin-1 for the five bytes CP-1252 leaves undefined.
    """
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        try:
            text, encoding = data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise DocumentError(path, f"not valid UTF-16 text ({exc.reason})") from None
    else:
        if _CONTROL.search(data[:_SNIFF_BYTES]):
            raise DocumentError(path, "binary file, not a text document")
        if data.startswith(codecs.BOM_UTF8):
            data = data[len(codecs.BOM_UTF8):]
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            try:
                text, encoding = data.decode("cp1252"), "cp1252"
            except UnicodeDecodeError:
                text, encoding = data.decode("latin-1"), "latin-1"
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, encoding


@dataclass(frozen=True)
class Document:
    """One source: where it came from and its decoded text, with lines, sentences, paragraphs."""

    source: str
    text: str
    encoding: str = "utf-8"
    _line_starts: tuple[int, ...] = field(default=(), repr=False, compare=False)

    @classmethod
    def from_text(cls, text: str, source: str = "<text>", encoding: str = "utf-8") -> Document:
        starts = [0]
        index = text.find("\n")
        while index != -1:
            starts.append(index + 1)
            index = text.find("\n", index + 1)
        return cls(source=source, text=text, encoding=encoding, _line_starts=tuple(starts))

    def position(self, offset: int) -> tuple[int, int]:
        """1-based ``(line, column)`` of a character offset."""
        line_index = bisect.bisect_right(self._line_starts, offset) - 1
        return line_index + 1, offset - self._line_starts[line_index] + 1

    @property
    def lines(self) -> list[str]:
        return self.text.split("\n")

    def line_span(self, offset: int) -> Span:
        line_index = bisect.bisect_right(self._line_starts, offset) - 1
        start = self._line_starts[line_index]
        end = self.text.find("\n", start)
        return Span(start, len(self.text) if end == -1 else end)

    @cached_property
    def sentences(self) -> tuple[Span, ...]:
        return _split(self.text, _SENTENCE_END)

    @cached_property
    def paragraphs(self) -> tuple[Span, ...]:
        """Paragraphs: runs of text between blank lines; a single line is one paragraph too."""
        return _split(self.text, regex.compile(r"\n"))

    @cached_property
    def sections(self) -> tuple[Span, ...]:
        """Sections: from one heading-like line to the next (short line, no final punctuation)."""
        spans: list[Span] = []
        start = 0
        for paragraph in self.paragraphs:
            if paragraph.start > start and _looks_like_heading(self.text[paragraph.start:paragraph.end]):
                spans.append(Span(start, paragraph.start))
                start = paragraph.start
        spans.append(Span(start, len(self.text)))
        return tuple(spans)

    def enclosing(self, spans: tuple[Span, ...], offset: int) -> Span:
        starts = [span.start for span in spans]
        index = max(bisect.bisect_right(starts, offset) - 1, 0)
        return spans[index] if spans else Span(0, len(self.text))

    def sentence_at(self, offset: int) -> Span:
        return self.enclosing(self.sentences, offset)

    def paragraph_at(self, offset: int) -> Span:
        return self.enclosing(self.paragraphs, offset)

    def section_at(self, offset: int) -> Span:
        return self.enclosing(self.sections, offset)


def _split(text: str, separator: regex.Pattern[str]) -> tuple[Span, ...]:
    spans: list[Span] = []
    start = 0
    for match in separator.finditer(text):
        if text[start:match.start()].strip():
            spans.append(Span(start, match.start()))
        start = match.end()
    if text[start:].strip():
        spans.append(Span(start, len(text)))
    return tuple(spans)


_BULLETS = ("-", "–", "—", "•", "·", "*", "«", "✔", "✓", "☑", "▪", "►", ">", "(", "“", "\"")


def _looks_like_heading(line: str) -> bool:
    """A heading: a short line, no final punctuation, not a list item or a quotation."""
    stripped = line.strip()
    return (
        0 < len(stripped) <= 120
        and stripped[-1] not in ".,;:!?…"
        and not stripped.startswith(_BULLETS)
        and stripped.split()[0][:1] not in ("✔", "✓")
    )


def read_document(path: Path, source: str | None = None) -> Document:
    """Read and decode one file; every failure is a DocumentError naming the file."""
    name = source if source is not None else str(path)
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise DocumentError(name, "is a directory, not a document") from None
    except OSError as exc:
        raise DocumentError(name, f"cannot be read ({exc.strerror or exc})") from None
    text, encoding = decode(data, name)
    return Document.from_text(text, source=name, encoding=encoding)


def discover(paths: list[Path]) -> tuple[list[Path], list[DocumentError]]:
    """Expand files and folders (recursively) into documents, sorted; report what is missing."""
    found: list[Path] = []
    errors: list[DocumentError] = []
    for path in paths:
        if path.is_dir():
            seen: set[Path] = set()
            for child in sorted(path.rglob("*")):
                if child.suffix.lower() in TEXT_SUFFIXES and child.is_file():
                    resolved = child.resolve()
                    if resolved not in seen:
                        seen.add(resolved)
                        found.append(child)
        elif path.exists():
            found.append(path)
        else:
            errors.append(DocumentError(str(path), "no such file or directory"))
    return found, errors
