"""Format readers: a file's bytes -> one Document, chosen by suffix, then by content.

- plain text and Markdown: ``checker.reading.documents.decode``, as written, except a header at the top
  (YAML front matter, a block of ``Key: value`` lines: ``checker.reading.header``), which gives the
  document's metadata and is blanked with spaces, so that no figure is read in it and the rest
  keeps its lines and columns;
- HTML: the article's main text, without navigation, advertising, sidebars or footer
  (trafilatura), with its title, site name, date and URL when the page gives them; claims point
  at a line of that extracted text, the document's ``source`` stays the file's path;
- PDF: the text of each page (pdfminer.six), pages separated by a blank line, with
  ``Document.page_starts`` so that every offset has a page number.

trafilatura and pdfminer are imported only when such a file is read: start-up time matters.
"""

from __future__ import annotations

import io

from checker.reading.documents import HTML_SUFFIXES, PDF_SUFFIXES, TEXT_SUFFIXES, Document, blank, decode
from checker.errors import DocumentError
from checker.reading.header import blanked, read_header
from checker.reading.dates import DATELINE_CHARS, dateline, normalise_date
from checker.reading.sources import make_source

# Page furniture removed before extraction, so that trafilatura's fallbacks cannot pick it up
# when a page has little main text.
_FURNITURE = ["//nav", "//aside", "//footer[not(ancestor::article)]", "//body/header", "//*[@role='navigation']"]
_HTML_MARKERS = (b"<!doctype html", b"<html", b"<head", b"<body")


def sniff(head: bytes) -> str | None:
    """``"pdf"`` or ``"html"`` when the first bytes of a file say so, else None."""
    if head.startswith(b"%PDF"):
        return "pdf"
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith(_HTML_MARKERS) or start.startswith(b"<?xml") and b"<html" in start:
        return "html"
    return None


def format_of(data: bytes, suffix: str = "") -> str:
    """text, html or pdf: by suffix first, then by content; unknown suffixes are read as text."""
    suffix = suffix.lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in PDF_SUFFIXES:
        return "pdf"
    if suffix in TEXT_SUFFIXES:
        return "text"
    return sniff(data[:1024]) or "text"


def to_document(data: bytes, source: str, suffix: str = "") -> Document:
    """The Document of a file's bytes; DocumentError naming ``source`` when it cannot be read."""
    kind = format_of(data, suffix)
    if kind == "html":
        return read_html(data, source)
    if kind == "pdf":
        return read_pdf(data, source)
    text, encoding = decode(data, source)
    header = read_header(text)
    said: dict[str, str] = {}
    start = 0  # where the text after the header starts: a dateline is looked for from there
    if header is not None:
        start, said = header
        text = blanked(text, start)
    meta = None
    if not blank(text):
        if "date" not in said:
            said["date"] = dateline(text[start:start + DATELINE_CHARS])
        meta = make_source("document", **said)
    return Document.from_text(text, source=source, encoding=encoding, meta=meta)


def read_html(data: bytes, source: str) -> Document:
    """The page's main text and metadata. A page with no main text gives an empty Document."""
    if not data.strip():
        return Document.from_text("", source=source, format="html")
    import trafilatura

    try:
        extracted = trafilatura.bare_extraction(
            data, with_metadata=True, include_comments=False, include_tables=True, favor_precision=True,
            prune_xpath=_FURNITURE,
        )
    except Exception as exc:  # trafilatura and lxml raise many kinds on broken input
        raise DocumentError(source, f"HTML could not be read ({type(exc).__name__}: {exc})".replace("\n", " ")) from None
    if extracted is None:
        return Document.from_text("", source=source, format="html")
    text = (extracted.text or "").replace("\r\n", "\n").replace("\r", "\n")
    date = normalise_date(extracted.date) if extracted.date else None
    meta = make_source(
        "document", title=extracted.title, publisher=extracted.sitename, url=extracted.url,
        date=date or dateline(text),
    )
    return Document.from_text(text, source=source, encoding="html", meta=meta, format="html")


def read_pdf(data: bytes, source: str) -> Document:
    """Each page's text boxes, one line per box (a box's wrapped lines joined), pages in order."""
    try:
        from pdfminer.high_level import extract_pages
        from pdfminer.layout import LAParams, LTTextContainer

        pages: list[str] = []
        for page in extract_pages(io.BytesIO(data), laparams=LAParams()):
            boxes = []
            for element in page:
                if isinstance(element, LTTextContainer):
                    lines = [line.strip() for line in element.get_text().splitlines()]
                    joined = _join_lines([line for line in lines if line])
                    if joined:
                        boxes.append(joined)
            pages.append("\n".join(boxes))
    except Exception as exc:  # pdfminer raises PDFSyntaxError, PSEOF, ValueError... on broken files
        raise DocumentError(source, f"PDF could not be read ({type(exc).__name__}: {exc})".replace("\n", " ")) from None
    starts: list[int] = []
    parts: list[str] = []
    offset = 0
    for text in pages:
        starts.append(offset)
        parts.append(text)
        offset += len(text) + 2
    text = "\n\n".join(parts)
    meta = make_source("document", date=dateline(text)) if not blank(text) else None
    return Document.from_text(text, source=source, encoding="pdf", page_starts=tuple(starts), meta=meta, format="pdf")


def _join_lines(lines: list[str]) -> str:
    """A paragraph's wrapped lines as one line; after a line-final hyphen, no space is added."""
    out = ""
    for line in lines:
        if not out:
            out = line
        elif out.endswith("-") and len(out) > 1 and out[-2].isalpha():
            out += line
        else:
            out += " " + line
    return out
