"""The sentences of the candidates shown, read again from their sources.

Discovery keeps no text per figure (checker.discovery.features): a figure knows where its
sentence starts (``Figure.sentence``) and where it stands in it (``quote_offset``). The quotes
of the candidates about to be shown are read here, one document at a time, and put back into
their figures and camps; a judged group's finding (check's comparison of its figures, a claim
each) is made here too, with the quotes, for the candidates shown only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace

from checker.comparison.compare import compare
from checker.discovery.features import Figure
from checker.discovery.ranking import Camp, Candidate, claims_of
from checker.reading.documents import Document
from checker.reading.sources import Source

Place = tuple[str, int, int]


def sentence_quote(document: Document, sentence_start: int) -> str:
    """The sentence that starts at ``sentence_start``, as a quote (white space around it left out)."""
    start, end = document.bounds_at("sentence", sentence_start)
    return document.text[start:end].strip()


def read_quotes(figures: Iterable[Figure], document_of: Callable[[str], Document]) -> dict[Place, str]:
    """Each figure's quote by place, each source read once."""
    by_source: dict[str, list[Figure]] = {}
    for figure in figures:
        by_source.setdefault(figure.source, []).append(figure)
    quotes: dict[Place, str] = {}
    for source, found in by_source.items():
        document = document_of(source)
        for figure in found:
            quotes[figure.place] = sentence_quote(document, figure.sentence)
    return quotes


def quoted(
    candidates: Iterable[Candidate], document_of: Callable[[str], Document], meta: dict[str, Source | None],
) -> list[Candidate]:
    """``candidates`` with their figures' quotes (``document_of(source)``: a source's document)."""
    candidates = list(candidates)
    quotes = read_quotes((figure for candidate in candidates for figure in candidate.figures), document_of)
    return [_with_quotes(candidate, quotes, meta) for candidate in candidates]


def _with_quotes(candidate: Candidate, quotes: dict[Place, str], meta: dict[str, Source | None]) -> Candidate:
    def quote(figure: Figure) -> Figure:
        return replace(figure, quote=quotes[figure.place])

    figures = tuple(quote(figure) for figure in candidate.figures)
    camps = tuple(Camp(camp.when, tuple(quote(figure) for figure in camp.figures), camp.sources) for camp in candidate.camps)
    finding = None
    if candidate.rule is not None:  # a judged group: check's finding on its figures, their claims quoted
        finding = compare(candidate.rule, claims_of(figures, meta))
    return replace(candidate, figures=figures, camps=camps, finding=finding)
