"""Clauses: the part of a sentence that holds each figure.

A sentence is cut where French writing starts a new proposition or sets a figure against
another: at ``;`` and ``:``, at the parentheses and dashes of an incise, and before words such as
``dont``, ``mais``, ``alors que``. Some words only cut between two figures (the ``et`` of ``40 %
sont équipés et 25 % l'utilisent``) or just before a figure that follows another (the ``à`` of
``passé de 1,2 million à 6 millions``, the ``contre`` of ``12 % contre 9 %``). The cuts are the
table ``CUTS``: a newcomer extends it with one line. A cut never falls inside a figure.

``clause_bounds`` gives each figure its clause; ``split`` gives every clause with the cut that
opened it, for callers that reason about how two clauses are joined (checker.period).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cache
from typing import Literal, Sequence

import regex

Condition = Literal["always", "between", "before_figure"]


@dataclass(frozen=True)
class Cut:
    """Where a clause ends and the next begins.

    ``condition``: ``always``; ``between`` (a figure before it in the current clause and a figure
    after it before the next unconditional cut); ``before_figure`` (a figure before it in the
    current clause, and the next figure starts right after it, at most two words between).
    ``opens``: the matched words start the next clause (``contre 9 %``); punctuation belongs to
    neither clause.
    """

    name: str
    pattern: str
    condition: Condition = "always"
    opens: bool = True


_W = r"(?<![\p{L}\p{N}])"  # a word starts here
_E = r"(?![\p{L}\p{N}])"  # a word ends here
_NOT_A_YEAR = r"(?!\s+(?:19|20)\d\d(?!\d))"  # "entre 2020 et 2023" joins two years, not two figures

CUTS: tuple[Cut, ...] = (
    Cut(";", r";", opens=False),
    Cut(":", r"(?<!\d):|:(?!\d)", opens=False),  # not the colon of a time, 22:49
    Cut("(", r"[(\[]", opens=False),
    Cut(")", r"[)\]]", opens=False),
    Cut("dash", r"(?<=\s)[-–—](?=\s)", opens=False),  # the dashes of an incise, spaced; not a hyphen
    Cut("bullet", r"[•→]", opens=False),
    Cut("dont", rf"{_W}dont{_E}"),
    Cut("mais", rf"{_W}mais{_E}"),
    Cut("alors que", rf"{_W}alors\s+qu(?:e{_E}|['’ʼ])"),
    Cut("tandis que", rf"{_W}tandis\s+qu(?:e{_E}|['’ʼ])"),
    Cut("bien que", rf"{_W}bien\s+qu(?:e{_E}|['’ʼ])"),
    Cut("même si", rf"{_W}même\s+s(?:i{_E}|['’ʼ])"),
    Cut("car", rf",\s*car{_E}"),
    Cut("puisque", rf"{_W}puisqu(?:e{_E}|['’ʼ])"),
    Cut("parce que", rf"{_W}parce\s+qu(?:e{_E}|['’ʼ])"),
    Cut("lorsque", rf"{_W}lorsqu(?:e{_E}|['’ʼ])|,\s*quand{_E}"),
    Cut("cependant", rf"{_W}(?:cependant|toutefois|néanmoins|pourtant){_E}"),
    Cut("or", rf",\s*or{_E}"),
    Cut("puis", rf"{_W}puis{_E}"),
    Cut("avec", rf",\s*avec{_E}|{_W}avec\s+(?:un\s+|pour\s+|comme\s+)?(?:objectif|cible|ambition){_E}"),
    Cut("contre", rf"{_W}contre{_E}", "before_figure"),
    Cut("après", rf"{_W}après{_E}", "before_figure"),
    Cut("comparé à", rf"{_W}(?:par\s+rapport|comparée?s?|comparativement|face)\s+(?:à|au|aux){_E}", "before_figure"),
    Cut("versus", rf"{_W}(?:versus|vs\.?)(?!\p{{L}})", "before_figure"),
    Cut("à", rf"{_W}(?:à|au|aux){_E}", "before_figure"),
    Cut("et", rf"{_W}et{_E}{_NOT_A_YEAR}", "between"),
    Cut("ainsi que", rf"{_W}ainsi\s+qu(?:e{_E}|['’ʼ]){_NOT_A_YEAR}", "between"),
    Cut("ou", rf"{_W}ou{_E}{_NOT_A_YEAR}", "between"),
)

_GAP_BEFORE_FIGURE = regex.compile(r"\s*(?:[\p{L}'’ʼ]+\s+){0,2}")  # at most two words, nothing else


@dataclass(frozen=True)
class Clause:
    """``sentence[start:end]``; ``opened_by``: the name of the cut before it (None: the first)."""

    start: int
    end: int
    opened_by: str | None


@cache
def _pattern() -> regex.Pattern[str]:
    """All cuts as one alternation, group ``c<i>`` for ``CUTS[i]``; built on first use."""
    return regex.compile("|".join(f"(?P<c{index}>{cut.pattern})" for index, cut in enumerate(CUTS)), regex.IGNORECASE)


def split(sentence: str, figures: Sequence[tuple[int, int]]) -> list[Clause]:
    """The clauses of ``sentence``, in order; ``figures``: ``(start, end)`` of every figure in it."""
    spans = sorted(figures)
    starts = [start for start, _ in spans]
    ends = sorted(end for _, end in spans)
    candidates: list[tuple[int, int, Cut]] = []
    for match in _pattern().finditer(sentence):
        start, end = match.span()
        if not _inside_a_figure(spans, start, end):
            candidates.append((start, end, CUTS[int(match.lastgroup[1:])]))
    hard = [start for start, _, cut in candidates if cut.condition == "always"]
    clauses: list[Clause] = []
    clause_start, opened_by = 0, None
    for start, end, cut in candidates:
        if cut.condition != "always":
            if not _figure_between(ends, clause_start, start):
                continue
            following = bisect.bisect_left(starts, end)
            if following == len(starts):
                continue
            next_start = starts[following]
            next_hard = bisect.bisect_left(hard, end)
            if next_hard < len(hard) and hard[next_hard] < next_start:
                continue  # the next figure is in a clause of its own already
            if cut.condition == "before_figure" and not _GAP_BEFORE_FIGURE.fullmatch(sentence, end, next_start):
                continue
        clauses.append(Clause(clause_start, start, opened_by))
        clause_start, opened_by = (start if cut.opens else end), cut.name
    clauses.append(Clause(clause_start, len(sentence), opened_by))
    return clauses


def _inside_a_figure(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``[start, end)`` overlaps a figure: a figure's own words are never cut."""
    return any(figure_start < end and start < figure_end for figure_start, figure_end in spans)


def _figure_between(ends: list[int], low: int, high: int) -> bool:
    """A figure ends within ``[low, high]`` (sorted ends): something to set against what follows."""
    index = bisect.bisect_left(ends, low)
    return index < len(ends) and ends[index] <= high


def clause_of(clauses: Sequence[Clause], offset: int) -> int:
    """The index of the clause that holds ``offset``; a cut's punctuation counts with the clause before it."""
    low, high = 0, len(clauses) - 1
    while low < high:  # the last clause whose start is at or before offset
        middle = (low + high + 1) // 2
        if clauses[middle].start <= offset:
            low = middle
        else:
            high = middle - 1
    return low


_EDGE = " \t,\u00a0\u202f"
_TRAILING_EDGE = _EDGE + ".!?…"


def clause_bounds(sentence: str, figures: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The clause of each figure: ``(start, end)`` within ``sentence``, one per figure, in order.

    ``figures``: ``(start, end)`` of every figure of the sentence (all of them, not only those of
    interest: a figure's neighbours decide where ``et`` or ``à`` cuts). Each span holds its
    figure, trimmed of the spaces and commas at its edges and of a final full stop.
    """
    clauses = split(sentence, figures)
    bounds: list[tuple[int, int]] = []
    for start, end in figures:
        clause = clauses[clause_of(clauses, start)]
        low, high = clause.start, max(clause.end, end)
        while low < min(start, len(sentence)) and sentence[low] in _EDGE:
            low += 1
        while high > end and sentence[high - 1] in _TRAILING_EDGE:
            high -= 1
        bounds.append((min(low, start), max(high, end)))
    return bounds
