"""The claims of one rule sorted, with their intervals, grouped by the period they are compared in.

In: a rule and its claims. Out: a ``_Comparison``: the claims in order with their intervals
(checker.comparison.intervals), their sentences and their periods; a ``_Group`` per period, with
the claims whose intervals reach highest and lowest (``_Extremes``); the claims of unknown period
(each placed where it fits: a ``Placement``) and those set against another figure of their
sentence. From these checker.comparison.compare finds the pairs that disagree and judges.
"""

from __future__ import annotations

import calendar
import math
from collections.abc import Iterator
from dataclasses import dataclass

from checker.binding.bind import Claim
from checker.binding.rules import Rule
from checker.comparison.intervals import Bounds, bounds


@dataclass(frozen=True)
class Placement:
    """Where a claim of unknown period was placed, and why (a sentence for people)."""

    claim: Claim
    reason: str
    fits: bool  # False: it fits no period, which is a conflict


def _when(claim: Claim, timeline: str = "accumulates") -> str | None:
    """The period a claim is compared in: its own, or, for a figure that ``changes`` dated only by
    its source, its source's month (see checker.comparison.compare)."""
    period = claim.period
    if period is None or period.when is None:
        return None
    if timeline == "changes" and period.origin == "source":
        return period.when[:7]
    if timeline == "accumulates" and not period.target:
        return _last_day(period.when)
    return period.when


def _last_day(when: str) -> str:
    """A running total stated for a year or a month is its total at the end of it: ``2023`` is
    ``2023-12-31``, so that 300 projects on 15 January 2023 and 420 in 2023 are a growth, not two
    figures of the same time."""
    if len(when) == 4 and when.isdigit():
        return f"{when}-12-31"
    if len(when) == 7 and when[:4].isdigit() and when[5:].isdigit() and 1 <= int(when[5:]) <= 12:
        return f"{when}-{calendar.monthrange(int(when[:4]), int(when[5:]))[1]:02d}"
    return when


def sentence_of(claim: Claim) -> tuple[str, int]:
    """Which sentence of which source states a claim (its quote's start in the document)."""
    return claim.source, claim.quantity.start - claim.quote_offset


def _is_target(claim: Claim) -> bool:
    return claim.period is not None and claim.period.target


def _contains(first: str, second: str) -> bool:
    """Two periods of which one contains the other (``2025`` and ``2025-11``), or the same one."""
    return first.startswith(second) or second.startswith(first)


def _ancestors(when: str) -> Iterator[str]:
    """The coarser periods that contain ``when``: ``2025-11`` and ``2025`` for ``2025-11-12``."""
    cut = when.rfind("-")
    while cut > 0:
        when = when[:cut]
        yield when
        cut = when.rfind("-")


class _Extremes:
    """Of some claims, the two whose intervals start highest and the two whose intervals end
    lowest, each pair from two sentences: the widest disagreement between two sets of claims that
    pairs no two claims of one sentence is between one of these of each set (see ``widest``)."""

    def __init__(self, members: list[int], spans: list[Bounds], sentences: list[tuple[str, int]]) -> None:
        by_low = sorted(members, key=lambda index: -spans[index].low)
        by_high = sorted(members, key=lambda index: (spans[index].high, not spans[index].high_open))
        self.tops = _two_sentences(by_low, sentences)
        self.bottoms = _two_sentences(by_high, sentences)


def _two_sentences(ordered: list[int], sentences: list[tuple[str, int]]) -> tuple[int, ...]:
    """The first of ``ordered``, and the first after it from another sentence, if any."""
    first = ordered[0]
    second = next((index for index in ordered[1:] if sentences[index] != sentences[first]), None)
    return (first,) if second is None else (first, second)


class _Group:
    """The claims of one period (by position in the ordered claims), with their extreme ends."""

    def __init__(self, key: tuple[bool, str], members: list[int], spans: list[Bounds], sentences: list[tuple[str, int]]) -> None:
        self.target, self.when = key
        self.members = members
        self.extremes = _Extremes(members, spans, sentences)
        # the member whose interval starts highest, and the one whose ends lowest (open first)
        self.top, self.bottom = self.extremes.tops[0], self.extremes.bottoms[0]
        self.consistent = not spans[self.top].above(spans[self.bottom])


class _Comparison:
    """The claims of one rule, sorted, with their intervals and their groups by period."""

    def __init__(self, rule: Rule, claims: list[Claim]) -> None:
        self.rule = rule
        self.claims = tuple(sorted(claims, key=lambda claim: claim.sort_key))
        self.spans = [bounds(claim, rule.tolerance) for claim in self.claims]
        self.sentences = [sentence_of(claim) for claim in self.claims]
        self._by_sentence: dict[tuple[str, int], list[int]] | None = None
        self.whens = [_when(claim, rule.timeline) for claim in self.claims]
        keyed: dict[tuple[bool, str], list[int]] = {}
        self.undated: list[int] = []
        self.compared: list[int] = []  # the start of a change, a point of comparison (checker.binding.period)
        for index, claim in enumerate(self.claims):
            when = self.whens[index]
            if claim.period is not None and claim.period.origin == "compared":
                self.compared.append(index)
            elif when is None:
                self.undated.append(index)
            else:
                keyed.setdefault((_is_target(claim), when), []).append(index)
        self.groups = {key: _Group(key, members, self.spans, self.sentences) for key, members in sorted(keyed.items())}
        # every claim is compared with every other: a fixed moment, or no claim is dated
        self.flat = rule.timeline == "fixed" or not self.groups
        values = [abs(claim.quantity.value) for claim in self.claims if math.isfinite(claim.quantity.value)]
        self.scale = max(values, default=0.0) or 1.0

    # -- the pairs that disagree ---------------------------------------------------------------

    def related_groups(self) -> Iterator[tuple[_Group, _Group]]:
        """Each pair of groups whose periods contain each other (a group with itself included)."""
        for (target, when), group in self.groups.items():
            yield group, group
            for coarser in _ancestors(when):
                other = self.groups.get((target, coarser))
                if other is not None:
                    yield group, other

    def decreases(self) -> Iterator[tuple[_Group, _Group]]:
        """(earlier, later) pairs of groups of a running total whose later figure is the smaller."""
        if self.rule.timeline != "accumulates":
            return
        ordered = [group for group in self.groups.values() if not group.target]
        for position, later in enumerate(ordered):
            containing = set(_ancestors(later.when))
            for earlier in ordered[:position]:
                if earlier.when not in containing and self.gap_above(earlier.extremes, later.extremes) is not None:
                    yield earlier, later

    def gap_above(self, upper: _Extremes, lower: _Extremes) -> float | None:
        """The largest gap by which a claim of ``upper`` lies above a claim of ``lower`` of another
        sentence; None when there is none. The best such pair is among the two highest of one and
        the two lowest of the other: if the highest and the lowest share a sentence, the best pair
        keeps one of them and takes the next of another sentence for the other."""
        spans, sentences = self.spans, self.sentences
        found = None
        for top in upper.tops:
            for bottom in lower.bottoms:
                if sentences[top] != sentences[bottom] and spans[top].above(spans[bottom]):
                    gap = spans[top].gap(spans[bottom])
                    found = gap if found is None else max(found, gap)
        return found

    def widest(self, first: list[int] | _Group, second: _Group | None = None) -> float | None:
        """The largest gap between a claim of one group and a claim of the other (or of one
        group within itself), two claims of one sentence left out; None when all overlap."""
        if isinstance(first, list):  # a flat list of claims
            everything = _Extremes(first, self.spans, self.sentences)
            return self.gap_above(everything, everything)
        second = second or first
        gaps = [gap for gap in (self.gap_above(first.extremes, second.extremes), self.gap_above(second.extremes, first.extremes)) if gap is not None]
        return max(gaps) if gaps else None

    # -- claims of unknown period --------------------------------------------------------------

    def place(self, index: int) -> Placement:
        span, claim = self.spans[index], self.claims[index]
        for group in reversed(self.groups.values()):  # the most recent period that fits
            members = group.members
            if group.consistent:
                fits = span.overlaps(self.spans[group.top]) and span.overlaps(self.spans[group.bottom])
            else:
                fits = any(span.overlaps(self.spans[member]) for member in members)
            if fits:
                kind = "the objective" if group.target else "the claims"
                return Placement(claim, f"date unknown; agrees with {kind} of {group.when}", True)
        if self.rule.timeline == "accumulates":
            dated = [member for group in self.groups.values() if not group.target for member in group.members]
            if dated:
                low = min(self.spans[member].low for member in dated)
                high = max(self.spans[member].high for member in dated)
                if span.overlaps(Bounds(low, high)):
                    return Placement(claim, "date unknown; lies between earlier and later figures of the running total", True)
                if Bounds(low, high).above(span):
                    return Placement(claim, "date unknown; below the running total's first figure: an older figure", True)
        return Placement(claim, "date unknown; fits no period of the timeline", False)

    def partner(self, index: int) -> int | None:
        """The figure a compared claim is set against: of its sentence, the next one for the start
        of a change (``de X à Y``), else the one before it (``X, contre Y``)."""
        start = self.claims[index].quantity.start
        same = [other for other in self.by_sentence()[self.sentences[index]] if other != index]
        after = [other for other in same if self.claims[other].quantity.start > start]
        before = [other for other in same if self.claims[other].quantity.start < start]
        if self.claims[index].period.label.startswith(("before", "earlier")):
            return min(after, key=lambda other: self.claims[other].quantity.start, default=None)
        return max(before, key=lambda other: self.claims[other].quantity.start, default=None)

    def by_sentence(self) -> dict[tuple[str, int], list[int]]:
        """The claims of each sentence (made once, on the first ask: only compared claims ask)."""
        if self._by_sentence is None:
            self._by_sentence = {}
            for index, sentence in enumerate(self.sentences):
                self._by_sentence.setdefault(sentence, []).append(index)
        return self._by_sentence

    def nearest_group(self, index: int) -> _Group:
        span = self.spans[index]
        return min(
            self.groups.values(),
            key=lambda group: min(span.gap(self.spans[member]) for member in group.members),
        )
