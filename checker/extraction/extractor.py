"""Find every figure in French text and normalise it: money, counts, percentages, durations...

``extract(text)`` is the entry point. Fast scans find the candidate numbers, digits or number words
(``candidates``), and the spans that contain digits but are no quantities (``not_quantities``:
dates, times, phone numbers, addresses, labels), whose candidates are left out. Each other
candidate is read the way a French reader reads it (``figure``), by looking at the words just
after it (``after``, with ``readings``, ``nouns`` and the word tables of ``tables``: scale,
currency, unit, counted noun) and just before it (``before``: qualifier, sign, currency symbol);
ordinals, years, times of day, list enumerators and names that contain digits are left out there.
The figures read one by one are then joined (``joins``: ranges, shares) and bare numbers given the
unit their neighbours make plain (``infer``). ``patterns`` holds what a candidate number is and
the fragments these modules share, ``values`` a figure's interval and canonical value.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from checker.extraction.candidates import _Candidate, _WORDS_KIND, _candidates, _is_article
from checker.extraction.figure import _read_candidate
from checker.extraction.infer import infer_units
from checker.extraction.joins import _join_shares, _merge_ranges
from checker.extraction.not_quantities import _excluded_spans
from checker.extraction.numbers import parse_words
from checker.extraction.patterns import _LETTERS_AND_HYPHENS
from checker.extraction.quantity import Quantity
from checker.extraction.stretches import stretches


def extract(text: str) -> list[Quantity]:
    """Every quantity in ``text``, in order of appearance. Never raises on any string.

    A long text is scanned a stretch at a time (checker.extraction.stretches), so that the scans' copies of
    it (lower-cased, every run of digits) are of one stretch, never of a 100 MB document at once.
    """
    found: list[Quantity] = []
    consumed = 0  # end of the last figure's surface: what it read is not read twice
    for start, end in stretches(text):
        consumed = _extract_stretch(text, start, end, found, consumed)
    return infer_units(text, _join_shares(text, _merge_ranges(text, found)))


def _extract_stretch(text: str, start: int, end: int, found: list[Quantity], consumed: int) -> int:
    """The figures of the candidates of ``text[start:end]`` appended to ``found``; returns where
    the last one ends. The scans run on the stretch, the reading of each candidate on ``text``."""
    stretch = text[start:end]  # ``text`` itself when it is one stretch
    excluded = _excluded_spans(stretch)  # sorted, disjoint: dates, phone numbers...
    if start:
        excluded = [(low + start, high + start) for low, high in excluded]
    after = 0  # how many excluded spans start at or before the candidate: candidates come in order
    for candidate in _candidates(stretch, articles=False):  # an article left out would only be skipped below
        if start:
            candidate = candidate._replace(start=candidate.start + start, end=candidate.end + start, number_start=candidate.number_start + start)
        if candidate.start < consumed:
            continue
        while after < len(excluded) and excluded[after][0] <= candidate.start:
            after += 1
        if after and excluded[after - 1][1] > candidate.start or after < len(excluded) and excluded[after][0] < candidate.end:
            continue  # inside a date, a phone number..., or one starts inside the candidate
        if candidate.kind == _WORDS_KIND and _is_article(text, candidate):
            continue
        if candidate.kind == _WORDS_KIND and _words_value(candidate.number) is None:
            parts: Iterable[_Candidate] = _word_parts(candidate)  # "entre deux et trois ans": two numbers
        else:
            parts = (candidate,)
        for part in parts:
            if part.start < consumed:
                continue
            quantity = _read_candidate(text, part, consumed)
            if quantity is not None:
                found.append(quantity)
                consumed = quantity.end
    return consumed


def _words_value(words: str) -> Decimal | None:
    try:
        return parse_words(words).value
    except ValueError:
        return None


def _word_parts(candidate: _Candidate) -> list[_Candidate]:
    """Number words that are several numbers ("deux et trois", "septante et nonante"): the
    longest run of words from the left that is one number, then the next, "et" between them left out."""
    words = [(match.start(), match.end()) for match in _LETTERS_AND_HYPHENS.finditer(candidate.number)]
    parts: list[_Candidate] = []
    first = 0
    while first < len(words):
        for last in range(len(words) - 1, first - 1, -1):
            start, end = words[first][0], words[last][1]
            if _words_value(candidate.number[start:end]) is not None:
                parts.append(_Candidate(candidate.start + start, candidate.start + end, _WORDS_KIND,
                                        candidate.number[start:end], candidate.start + start))
                first = last + 1
                break
        else:
            first += 1  # "et", or a word that is no number alone
    return parts
