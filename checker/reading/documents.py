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

import regex

from checker.errors import DocumentError
from checker.reading.sources import Source

# Extensions read as plain text; checker.reading.formats knows the others (HTML, PDF).
TEXT_SUFFIXES = (".txt", ".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
PDF_SUFFIXES = (".pdf",)
DOCUMENT_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + PDF_SUFFIXES

_SNIFF_BYTES = 8192
# C0 controls other than tab, LF, FF, CR: a text file does not contain them. The other bytes are
# deleted from a file's head and what is left, if anything, is such a control: bytes.translate
# does that about thirty times faster than a search for the class (0.1 s over a 600-file corpus).
_CONTROLS = bytes([*range(0x00, 0x09), *range(0x0e, 0x1b), *range(0x1c, 0x20)])
_NOT_CONTROLS = bytes(byte for byte in range(256) if byte not in _CONTROLS)
# Between two sentences: the ``gap`` after final punctuation (closing quotes, spaces) when a
# capital, an opening quote or a digit follows, or a run of line breaks. The punctuation is
# matched rather than looked behind at so that the search can skip ahead to it: the pattern
# scans the whole text of every document.
#
# A line break ends a sentence, except where a line of prose was wrapped: after a letter, a digit
# or a comma, before a lower-case letter ("un budget de⏎12 M€" is not, "les hôpitaux⏎ont reçu" is:
# WRAPPED_LINE). A line that starts with a capital, a digit or a bullet begins something new.
WRAPPED_LINE = r"(?<=[\p{L}\p{N},'’][ \t]*)\n(?=[ \t]*\p{Ll})"
_SENTENCE_END = regex.compile(rf"[.!?…](?P<gap>[»\"”)]*\s+)(?=[\p{{Lu}}«\"“\d])|(?!{WRAPPED_LINE})(?P<gap>\n+)")
_WRAPPED_LINE = regex.compile(WRAPPED_LINE)


def blank(text: str) -> bool:
    """``not text.strip()`` (nothing but white space), without the copy of the text strip() makes."""
    return not text or text.isspace()


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
        if data[:_SNIFF_BYTES].translate(None, _NOT_CONTROLS):
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
    if "\r" in text:  # most files have none: two copies of the text saved
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, encoding


@dataclass(frozen=True)
class Document:
    """One source: where it came from and its decoded text, with lines, sentences, paragraphs."""

    source: str
    text: str
    encoding: str = "utf-8"
    # Offsets where each line starts, found on first use (``line_starts``): extract --format
    # jsonl|json asks only where its figures are, which ``positions`` finds by counting.
    _line_starts: tuple[int, ...] | None = field(default=None, repr=False, compare=False)
    # Offsets where each page of a paged original (PDF) starts in ``text``; empty otherwise.
    page_starts: tuple[int, ...] = ()
    # What the document says about itself (HTML metadata, a dateline); see checker.reading.sources.
    meta: Source | None = None
    format: str = "text"  # text, html, pdf

    @classmethod
    def from_text(
        cls, text: str, source: str = "<text>", encoding: str = "utf-8",
        page_starts: tuple[int, ...] = (), meta: Source | None = None, format: str = "text",
    ) -> Document:
        return cls(source=source, text=text, encoding=encoding, page_starts=page_starts, meta=meta, format=format)

    def line_starts(self) -> tuple[int, ...]:
        """Offsets where each line starts; found once, then kept (a worker sends them with the Document)."""
        starts = self._line_starts
        if starts is None:
            found = [0]
            index = self.text.find("\n")
            while index != -1:
                found.append(index + 1)
                index = self.text.find("\n", index + 1)
            starts = tuple(found)
            object.__setattr__(self, "_line_starts", starts)  # frozen: a cache, not a change of value
        return starts

    def page_at(self, offset: int) -> int | None:
        """1-based page of a character offset, or None when the original has no pages."""
        if not self.page_starts:
            return None
        return max(bisect.bisect_right(self.page_starts, offset), 1)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based ``(line, column)`` of a character offset."""
        starts = self.line_starts()
        line_index = bisect.bisect_right(starts, offset) - 1
        return line_index + 1, offset - starts[line_index] + 1

    def positions(self, offsets: list[int]) -> list[tuple[int, int]]:
        """``position`` of each offset: the rows of a document's figures ask for all of theirs.

        Unless the line starts are known already, the line breaks before each offset are counted
        from the previous one (str.count, at C speed): for offsets in order, one pass over the
        text instead of a Python loop over its lines. An offset before the previous one counts
        from the start again.
        """
        if self._line_starts is not None:
            return [self.position(offset) for offset in offsets]
        found = []
        text = self.text
        line, line_start, at = 1, 0, 0  # the line of offset ``at``, where that line starts
        for offset in offsets:
            if offset < at:
                line, line_start, at = 1, 0, 0
            breaks = text.count("\n", at, offset)
            if breaks:
                line += breaks
                line_start = text.rfind("\n", at, offset) + 1
            at = offset
            found.append((line, offset - line_start + 1))
        return found

    @property
    def lines(self) -> list[str]:
        return self.text.split("\n")

    def line_span(self, offset: int) -> Span:
        starts = self.line_starts()
        line_index = bisect.bisect_right(starts, offset) - 1
        start = starts[line_index]
        end = self.text.find("\n", start)
        return Span(start, len(self.text) if end == -1 else end)

    # Sentences, paragraphs and sections are kept as sorted starts and ends, looked up by
    # bisection: binding asks for the three around every figure, and a Span (a frozen dataclass)
    # for each of the hundreds of thousands of sentences of a corpus cost more than finding them.

    @cached_property
    def _sentence_bounds(self) -> _Bounds:
        text = self.text
        gaps = [match.span(1) for match in _SENTENCE_END.finditer(text)]  # group 1 is ``gap``
        starts = [0] + [end for _, end in gaps]
        ends = [start for start, _ in gaps] + [len(text)]
        return _Bounds.of(text, zip(starts, ends))

    @cached_property
    def _paragraph_bounds(self) -> _Bounds:
        """A paragraph is a line (web pages put one on each), or the lines of prose wrapped into
        one (WRAPPED_LINE): so that a sentence never runs over two paragraphs."""
        text = self.text
        lines = ((start, start + len(line)) for start, line in zip(self.line_starts(), text.split("\n")))
        if "\n" not in text or _WRAPPED_LINE.search(text) is None:
            return _Bounds.of(text, lines)
        joined: list[tuple[int, int]] = []
        for start, end in lines:
            if joined and _WRAPPED_LINE.match(text, start - 1):
                joined[-1] = (joined[-1][0], end)
            else:
                joined.append((start, end))
        return _Bounds.of(text, joined)

    @cached_property
    def _section_bounds(self) -> _Bounds:
        text = self.text
        paragraphs = self._paragraph_bounds
        # a heading starts a section, unless it is where the current one starts: the first line.
        # Most lines end with a full stop, which no heading does: that is seen without a slice.
        heads = [
            start for start, end in zip(paragraphs.starts, paragraphs.ends)
            if start > 0 and text[end - 1] not in _FINAL and _looks_like_heading(text[start:end])
        ]
        return _Bounds([0] + heads, heads + [len(text)])

    @cached_property
    def sentences(self) -> tuple[Span, ...]:
        return self._sentence_bounds.spans()

    @cached_property
    def paragraphs(self) -> tuple[Span, ...]:
        """Paragraphs: each non-blank line (articles saved as text put one paragraph per line)."""
        return self._paragraph_bounds.spans()

    @cached_property
    def sections(self) -> tuple[Span, ...]:
        """Sections: from one heading-like line to the next (short line, no final punctuation)."""
        return self._section_bounds.spans()

    def sentences_beside(self, start: int) -> list[tuple[int, int]]:
        """``(start, end)`` of the sentence just before and the one just after the sentence that
        starts at ``start``, those that exist (without a Span made for every sentence)."""
        bounds = self._sentence_bounds
        index = bisect.bisect_right(bounds.starts, start) - 1
        beside = [*range(max(index - 1, 0), index), *range(index + 1, min(index + 2, len(bounds.starts)))]
        return [(bounds.starts[k], bounds.ends[k]) for k in beside]

    def bounds_at(self, scope: str, offset: int) -> tuple[int, int]:
        """``(start, end)`` of the sentence, paragraph, section or document around an offset.

        The span that starts last at or before the offset (else the first one); the whole text
        when the document has no such span.
        """
        if scope == "document":
            return 0, len(self.text)
        bounds = self._sentence_bounds if scope == "sentence" else self._paragraph_bounds if scope == "paragraph" else self._section_bounds
        if not bounds.starts:
            return 0, len(self.text)
        index = max(bisect.bisect_right(bounds.starts, offset) - 1, 0)
        return bounds.starts[index], bounds.ends[index]

    def sentence_at(self, offset: int) -> Span:
        return Span(*self.bounds_at("sentence", offset))

    def paragraph_at(self, offset: int) -> Span:
        return Span(*self.bounds_at("paragraph", offset))

    def section_at(self, offset: int) -> Span:
        return Span(*self.bounds_at("section", offset))


@dataclass(frozen=True)
class _Bounds:
    """Sorted spans of a document as two lists, ``starts`` and ``ends``."""

    starts: list[int]
    ends: list[int]

    @classmethod
    def of(cls, text: str, pieces) -> _Bounds:
        """The pieces ``(start, end)`` of ``text`` that hold something other than white space."""
        kept = [(start, end) for start, end in pieces if start < end and not text[start:end].isspace()]
        return cls([start for start, _ in kept], [end for _, end in kept])

    def spans(self) -> tuple[Span, ...]:
        return tuple(Span(start, end) for start, end in zip(self.starts, self.ends))


_BULLETS = ("-", "–", "—", "•", "·", "*", "«", "✔", "✓", "☑", "▪", "►", ">", "(", "“", "\"")


_FINAL = ".,;:!?…"  # punctuation that ends a sentence or a clause, never a heading


def _looks_like_heading(line: str) -> bool:
    """A heading: a short line, no final punctuation, not a list item or a quotation."""
    stripped = line.strip()
    return (
        0 < len(stripped) <= 120
        and stripped[-1] not in _FINAL
        and not stripped.startswith(_BULLETS)
        and stripped.split()[0][:1] not in ("✔", "✓")
    )
