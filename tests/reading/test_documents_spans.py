"""Sentences, paragraphs and sections kept as bounds are those a walk over the text finds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.reading.documents import _SENTENCE_END, Document, Span, _looks_like_heading

# the characters the splitters look at, white space str.isspace() and regex's \s disagree on
PIECES = list("aB1 .!?…»«\"”“)\n\t-•✔") + ["\x1c", "\u00a0", "Le ", "fin", "x" * 121]
TEXT = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


def _has_text(text: str, start: int, end: int) -> bool:
    return start < end and not text[start:end].isspace()


def _sentences(text: str) -> list[Span]:
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        gap_start, gap_end = match.span("gap")
        if _has_text(text, start, gap_start):
            spans.append(Span(start, gap_start))
        start = gap_end
    if _has_text(text, start, len(text)):
        spans.append(Span(start, len(text)))
    return spans


def _paragraphs(text: str) -> list[Span]:
    spans, start = [], 0
    for line in text.split("\n"):
        if _has_text(text, start, start + len(line)):
            spans.append(Span(start, start + len(line)))
        start += len(line) + 1
    return spans


def _sections(text: str) -> list[Span]:
    spans, start = [], 0
    for paragraph in _paragraphs(text):
        if paragraph.start > start and _looks_like_heading(text[paragraph.start:paragraph.end]):
            spans.append(Span(start, paragraph.start))
            start = paragraph.start
    spans.append(Span(start, len(text)))
    return spans


def _enclosing(spans: list[Span], offset: int, text: str) -> Span:
    before = [span for span in spans if span.start <= offset]
    return before[-1] if before else spans[0] if spans else Span(0, len(text))


@settings(max_examples=500, deadline=None)
@given(TEXT)
def test_spans_are_those_of_a_walk_over_the_text(text):
    document = Document.from_text(text)
    assert list(document.sentences) == _sentences(text)
    assert list(document.paragraphs) == _paragraphs(text)
    assert list(document.sections) == _sections(text)
    for offset in range(len(text) + 1):
        assert document.sentence_at(offset) == _enclosing(_sentences(text), offset, text)
        assert document.paragraph_at(offset) == _enclosing(_paragraphs(text), offset, text)
        assert document.section_at(offset) == _enclosing(_sections(text), offset, text)
        assert document.bounds_at("document", offset) == (0, len(text))


def test_a_heading_line_starts_a_section():
    text = "Titre\nLa SASN dispose de 718,4 M€.\nBudget 2025\nElle compte 32 actions."
    document = Document.from_text(text)
    assert [text[span.start:span.end] for span in document.sections] == [
        "Titre\nLa SASN dispose de 718,4 M€.\n", "Budget 2025\nElle compte 32 actions.",
    ]
