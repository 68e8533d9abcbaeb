"""Clauses: the part of a sentence that holds each figure.

A sentence is cut where French writing starts a new proposition or sets a figure against
another: at ``;`` and ``:``, at the parentheses and dashes of an incise, and before words such as
``dont``, ``mais``, ``alors que``. Some words only cut between two figures (the ``et`` of ``40 %
sont équipés et 25 % l'utilisent``) or just before a figure that follows another (the ``à`` of
``passé de 1,2 million à 6 millions``, the ``contre`` of ``12 % contre 9 %``). The cuts are the
table ``CUTS``: a newcomer extends it with one line. A cut never falls inside a figure.

``clause_bounds`` gives each figure its clause; ``split`` gives every clause with the cut that
opened it, for callers that reason about how two clauses are joined (checker.binding.period).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache
from typing import Literal, Sequence

Condition = Literal["always", "between", "before_figure"]


@dataclass(frozen=True)
class Cut:
    """Where a clause ends and the next begins.

    ``condition``: ``always``; ``between`` (a figure before it in the current clause and a figure
    after it before the next unconditional cut); ``before_figure`` (a figure before it in the
    current clause, and the next figure starts right after it, at most two words between).
    ``opens``: the matched words start the next clause (``contre 9 %``); punctuation belongs to
    neither clause. Patterns are matched against the lower-cased sentence with Python's ``re``
    (``\\b`` is a word's edge).
    """

    name: str
    pattern: str
    condition: Condition = "always"
    opens: bool = True


_NOT_A_YEAR = r"(?!\s+(?:19|20)\d\d\b)"  # "entre 2020 et 2023" joins two years, not two figures

# Each pattern starts with what finds it: a word after ``\b`` (``\bdont\b``), a character, or a
# class of characters (``[(\[]``); see ``_trigger``.
CUTS: tuple[Cut, ...] = (
    Cut(";", r";", opens=False),
    Cut(":", r":(?!(?<=\d:)\d)", opens=False),  # not the colon of a time, 22:49
    Cut("(", r"[(\[]", opens=False),
    Cut(")", r"[)\]]", opens=False),
    Cut("dash", r"[-–—](?<=\s[-–—])(?=\s)", opens=False),  # the dashes of an incise, spaced; not a hyphen
    Cut("bullet", r"[•→]", opens=False),
    Cut("dont", r"\bdont\b"),
    Cut("mais", r"\bmais\b"),
    Cut("alors que", r"\balors\s+qu(?:e\b|['’ʼ])"),
    Cut("tandis que", r"\btandis\s+qu(?:e\b|['’ʼ])"),
    Cut("bien que", r"\bbien\s+qu(?:e\b|['’ʼ])"),
    Cut("même si", r"\bmême\s+s(?:i\b|['’ʼ])"),
    Cut("car", r",\s*car\b"),
    Cut("puisque", r"\bpuisqu(?:e\b|['’ʼ])"),
    Cut("parce que", r"\bparce\s+qu(?:e\b|['’ʼ])"),
    Cut("lorsque", r"\blorsqu(?:e\b|['’ʼ])"),
    Cut("quand", r",\s*quand\b"),
    Cut("cependant", r"\bcependant\b"),
    Cut("toutefois", r"\btoutefois\b"),
    Cut("néanmoins", r"\bnéanmoins\b"),
    Cut("pourtant", r"\bpourtant\b"),
    Cut("or", r",\s*or\b"),
    Cut("puis", r"\bpuis\b"),
    Cut("avec", r",\s*avec\b"),
    # a participial clause after a comma: ", portant le total à 420", ", représentant 12 %"
    Cut("participle", r",\s*(?:en\s+)?(?!(?:avant|pendant|durant|maintenant|cependant|autant|tant|quant|néanmoins)\b)[^\W\d_]{2,}ant\b"),
    Cut("avec un objectif", r"\bavec\s+(?:un\s+|pour\s+|comme\s+)?(?:objectif|cible|ambition)\b"),
    Cut("contre", r"\bcontre\b", "before_figure"),
    Cut("après", r"\baprès\b", "before_figure"),
    Cut("par rapport à", r"\bpar\s+rapport\s+(?:à|au|aux)\b", "before_figure"),
    Cut("comparé à", r"\bcompar(?:ée?s?|ativement)\s+(?:à|au|aux)\b", "before_figure"),
    Cut("face à", r"\bface\s+(?:à|au|aux)\b", "before_figure"),
    Cut("versus", r"\bversus\b", "before_figure"),
    Cut("versus", r"\bvs\b\.?", "before_figure"),
    Cut("à", r"\bà\b", "before_figure"),  # the à of "passé de 1,2 million à 6 millions"
    Cut("à", r"\baux?\b", "before_figure"),
    Cut("et", rf"\bet\b{_NOT_A_YEAR}", "between"),
    Cut("ainsi que", rf"\bainsi\s+qu(?:e\b|['’ʼ]){_NOT_A_YEAR}", "between"),
    Cut("ou", rf"\bou\b{_NOT_A_YEAR}", "between"),
)

# Subordinate clauses that, opening a sentence, end at its first comma (the main clause follows).
LEADING_SUBORDINATES = frozenset({"alors que", "tandis que", "bien que", "même si", "puisque", "parce que", "lorsque"})
# Phrases that, opening a sentence, name the whole its main clause takes a part of, and end at its
# first comma too: "Sur les 90 M€ du plan, 50 M€ sont financés par l'État".
FRONTED_WHOLE = re.compile(r"\s*(?:sur|parmi)\s+(?:les|ces|ses|leurs|nos|un\s+total\s+d|l['’ʼ]ensemble\s+d|un\s+budget\s+d|une\s+enveloppe\s+d|le\s+budget\s+d|l['’ʼ]enveloppe\s+d)")
_END_OF_SUBORDINATE = Cut(",", ",", opens=False)

_GAP_BEFORE_FIGURE = re.compile(r"\s*(?:(?:[^\W\d_]|['’ʼ])+\s+){0,2}")  # at most two words, nothing else


@dataclass(frozen=True)
class Clause:
    """``sentence[start:end]``; ``opened_by``: the name of the cut before it (None: the first)."""

    start: int
    end: int
    opened_by: str | None


@dataclass(frozen=True)
class _Scanner:
    """Where cuts may be: the words and characters that start one, found in one pass each; then the
    cuts those start, tried in the table's order. Several simple scans beat one alternation of
    every cut, which the engine tries at every position (about 8 times slower)."""

    words: re.Pattern[str] | None
    characters: re.Pattern[str] | None
    by_trigger: dict[str, tuple[tuple[re.Pattern[str], Cut], ...]]


def _trigger(pattern: str) -> list[str]:
    """What a cut's pattern starts with: ``["dont"]`` for ``\\bdont\\b``, ``[","]`` for ``,\\s*car``,
    ``["(", "["]`` for ``[(\\[]``."""
    if pattern.startswith(r"\b"):
        word = re.match(r"(?:[^\W\d_])+", pattern[2:])
        if word is None:
            raise ValueError(f"cut pattern {pattern!r}: a word must follow \\b")
        return [word.group()]
    if pattern.startswith("["):
        characters, escaped = [], False
        for char in pattern[1:]:
            if escaped:
                characters.append(char)
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == "]":
                return characters
            else:
                characters.append(char)
        raise ValueError(f"cut pattern {pattern!r}: an unclosed class")
    if pattern[0] in "\\(.*+?{^$|":
        raise ValueError(f"cut pattern {pattern!r}: must start with a word, a character or a class")
    return [pattern[0]]


@cache
def _scanner() -> _Scanner:
    by_trigger: dict[str, list[tuple[re.Pattern[str], Cut]]] = {}
    for cut in CUTS:
        compiled = re.compile(cut.pattern)
        for trigger in _trigger(cut.pattern):
            by_trigger.setdefault(trigger, []).append((compiled, cut))
    words = sorted((trigger for trigger in by_trigger if trigger[0].isalpha()), key=len, reverse=True)
    characters = [trigger for trigger in by_trigger if not trigger[0].isalpha()]
    return _Scanner(
        re.compile(r"\b(?:" + "|".join(words) + ")") if words else None,
        re.compile("[" + "".join(re.escape(char) for char in characters) + "]") if characters else None,
        {trigger: tuple(cuts) for trigger, cuts in by_trigger.items()},
    )


def _cuts_in(text: str) -> list[tuple[int, int, Cut]]:
    """Every cut of the table in ``text`` (lower-cased): ``(start, end, cut)``, in order, not overlapping."""
    scanner = _scanner()
    found: list[tuple[int, str]] = []
    for pattern in (scanner.words, scanner.characters):
        if pattern is not None:
            found.extend((match.start(), match.group()) for match in pattern.finditer(text))
    found.sort()
    cuts: list[tuple[int, int, Cut]] = []
    reached = 0
    for start, trigger in found:
        if start < reached:
            continue
        for compiled, cut in scanner.by_trigger[trigger]:
            match = compiled.match(text, start)
            if match is not None:
                cuts.append((start, match.end(), cut))
                reached = match.end()
                break
    return cuts


def lower(text: str) -> str:
    """``text.lower()``, the same length as ``text`` so that offsets hold (``İ`` lowers to two characters)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(char.lower() if len(char.lower()) == 1 else char for char in text)


def split(sentence: str, figures: Sequence[tuple[int, int]]) -> list[Clause]:
    """The clauses of ``sentence``, in order; ``figures``: ``(start, end)`` of every figure in it."""
    spans = sorted(figures)
    starts = [start for start, _ in spans]
    ends = sorted(end for _, end in spans)
    lowered = lower(sentence)
    candidates = [(start, end, cut) for start, end, cut in _cuts_in(lowered) if not _inside_a_figure(spans, start, end)]
    leading = candidates and candidates[0][2].name in LEADING_SUBORDINATES and not any(char.isalnum() for char in sentence[:candidates[0][0]])
    fronted = FRONTED_WHOLE.match(lowered)
    if leading or fronted:
        # "Alors que 300 bornes avaient été posées, le réseau en installera 500": the subordinate
        # clause that opens a sentence ends at its first comma; so does a fronted whole
        comma = sentence.find(",", candidates[0][1] if leading else fronted.end())
        while comma != -1 and _inside_a_figure(spans, comma, comma + 1):
            comma = sentence.find(",", comma + 1)
        if comma != -1 and all(start != comma for start, _, _ in candidates):
            candidates = sorted([*candidates, (comma, comma + 1, _END_OF_SUBORDINATE)], key=lambda candidate: candidate[0])
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
    """A figure ends within ``(low, high]`` (sorted ends): something to set against what follows (a
    figure that ends where the clause starts, at the comma that opens it, is the clause's before)."""
    index = bisect.bisect_right(ends, low)
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
