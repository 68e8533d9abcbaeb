"""Intervals, tolerance and verdicts: pure functions over the claims bound to one rule."""

from __future__ import annotations

import bisect
import heapq
import math
from dataclasses import dataclass

from checker.bind import Claim
from checker.period import same_period
from checker.report import Severity, Verdict
from checker.rules import Rule

# Authority levels of sources, most authoritative first (see checker.sources.AUTHORITIES).
AUTHORITY_RANK = ("official", "academic", "company", "press", "blog", "other")

# Relative gap between two claims' intervals at or above which a conflict is high / medium.
HIGH_GAP = 0.25
MEDIUM_GAP = 0.05


@dataclass(frozen=True)
class Finding:
    """What recoupe says about one subject: its claims and whether they agree."""

    rule: Rule
    verdict: Verdict
    severity: Severity
    claims: tuple[Claim, ...]
    gap: float  # relative gap between the farthest-apart intervals (0 when they overlap)
    # (earlier, later) pairs that disagree only because the figure grew over time (rule.accumulates)
    evolutions: tuple[tuple[Claim, Claim], ...] = ()
    # the claim of the most authoritative source, when sources of several authorities speak
    reference: Claim | None = None
    deviating: tuple[Claim, ...] = ()  # claims whose interval misses the reference's

    @property
    def sort_key(self) -> tuple[int, str]:
        return (Verdict.ORDER.index(self.verdict), self.rule.id)


def interval(claim: Claim, tolerance: float) -> tuple[float, float]:
    """A claim's interval, widened by the rule's relative tolerance; open ends are infinite."""
    quantity = claim.quantity
    slack = abs(quantity.value) * tolerance
    low = quantity.low - slack if quantity.low is not None else -math.inf
    high = quantity.high + slack if quantity.high is not None else math.inf
    return low, high


def _authority(claim: Claim) -> int:
    meta = claim.source_meta
    level = meta.authority if meta is not None else None
    return AUTHORITY_RANK.index(level) if level in AUTHORITY_RANK else len(AUTHORITY_RANK)


def _disjoint(first: tuple[float, float], second: tuple[float, float]) -> bool:
    return first[0] > second[1] or second[0] > first[1]


def _is_growth(rule: Rule, first: Claim, second: Claim) -> tuple[Claim, Claim] | None:
    """For a figure that accumulates, (earlier, later) when the earlier claim is the smaller one."""
    if not rule.accumulates or first.period is None or second.period is None:
        return None
    earlier_when, later_when = first.period.when, second.period.when
    if same_period(earlier_when, later_when):
        return None
    earlier, later = (first, second) if earlier_when < later_when else (second, first)  # type: ignore[operator]
    low_e, high_e = interval(earlier, rule.tolerance)
    low_l, _ = interval(later, rule.tolerance)
    return (earlier, later) if high_e < low_l else None


def compare(rule: Rule, claims: list[Claim]) -> Finding:
    """Pairs of claims whose intervals do not overlap conflict, unless the figure grew over time."""
    ordered = tuple(sorted(claims, key=lambda claim: claim.sort_key))
    if len(ordered) == 1:
        return Finding(rule, Verdict.SINGLE, Severity.NONE, ordered, 0.0)
    intervals = [interval(claim, rule.tolerance) for claim in ordered]
    scale = max(abs(claim.quantity.value) for claim in ordered) or 1.0
    if not rule.accumulates:
        # no pair can be an evolution: the widest gap is between the highest low end and the
        # lowest high end, found from the sorted ends instead of comparing every pair of claims
        widest = _widest_gap(intervals) / scale
        worst_gap = widest if widest > 0 else 0.0
        evolutions = []
    elif all(low <= high for low, high in intervals):
        timeline = _Timeline(ordered, intervals)
        widest = timeline.widest_conflict()
        worst_gap = widest / scale if widest is not None and widest > 0 else 0.0
        evolutions = [(ordered[earlier], ordered[later]) for earlier, later in timeline.growths()]
    else:
        worst_gap, evolutions = _pairwise(rule, ordered, intervals, scale)
    reference, deviating = _reference(rule, ordered, intervals)
    if worst_gap > 0:
        severity = Severity.HIGH if worst_gap >= HIGH_GAP else Severity.MEDIUM if worst_gap >= MEDIUM_GAP else Severity.LOW
        verdict = Verdict.CONFLICT
    else:
        severity = Severity.NONE
        superseded = {id(earlier) for earlier, _ in evolutions}
        current = [claim for claim in ordered if id(claim) not in superseded]
        verdict = Verdict.CONSISTENT if len(current) >= 2 or not evolutions else Verdict.EVOLUTION
    return Finding(rule, verdict, severity, ordered, worst_gap, tuple(evolutions), reference, deviating)


def _pairwise(rule: Rule, ordered: tuple[Claim, ...], intervals: list[tuple[float, float]], scale: float) -> tuple[float, list[tuple[Claim, Claim]]]:
    """Every pair compared: for the odd interval whose low end is above its high end (or NaN).

    ``1 / x`` of a "divisé par" figure whose interval spans zero comes out inverted; the
    shortcuts of ``_Timeline`` assume ``low <= high``.
    """
    worst_gap = 0.0
    evolutions: list[tuple[Claim, Claim]] = []
    for i, first in enumerate(ordered):
        for j in range(i + 1, len(ordered)):
            if not _disjoint(intervals[i], intervals[j]):
                continue
            growth = _is_growth(rule, first, ordered[j])
            if growth is not None:
                evolutions.append(growth)
                continue
            gap = max(intervals[i][0] - intervals[j][1], intervals[j][0] - intervals[i][1]) / scale
            worst_gap = max(worst_gap, gap)
    return worst_gap, evolutions


class _Timeline:
    """The claims of one rule ordered by period, to find conflicts and growths without all pairs.

    A pair of disjoint claims is a growth (see ``_is_growth``) when the lower one's period is
    *earlier* than the other's: both known, and the lower one's sorts first without containing the
    other (``2024-12`` is earlier than ``2025``; ``2025`` and ``2025-11`` are the same period).
    Sorted by period, the claims not later than a given claim make a prefix of that order: those
    that sort before it, and those it contains, which sort right after it. So the widest conflict
    is a prefix maximum away, and the growths of a claim lie in the suffix that follows.
    Claims of unknown period grow into none and none grows into them.
    """

    def __init__(self, ordered: tuple[Claim, ...], intervals: list[tuple[float, float]]) -> None:
        self.intervals = intervals
        whens = [_when(claim) for claim in ordered]
        self.unknown = [index for index, when in enumerate(whens) if when is None]
        # claims of known period, by period; ``self.ends[i]``: where those not later than claim i end
        self.known = sorted((index for index, when in enumerate(whens) if when is not None), key=lambda index: whens[index])
        keys = [whens[index] for index in self.known]
        self.ends = {index: _not_later_end(keys, whens[index]) for index in self.known}  # type: ignore[arg-type]

    def widest_conflict(self) -> float | None:
        """The largest ``low(b) - high(a)`` of two claims where a did not grow into b (None: no pair)."""
        intervals = self.intervals
        top_unknown = _top_two(self.unknown, intervals)
        top_known_prefix: list[tuple[int, ...]] = []  # two highest low ends among known[:k + 1]
        best: tuple[int, ...] = ()
        for index in self.known:
            best = _top_two(best + (index,), intervals)
            top_known_prefix.append(best)
        top_all = _top_two(top_unknown + best, intervals)
        widest = None
        for below in range(len(intervals)):
            end = self.ends.get(below)
            if end is None:  # unknown period: any other claim may be above it
                above = top_all
            else:
                above = _top_two(top_unknown + (top_known_prefix[end - 1] if end else ()), intervals)
            for index in above:
                if index != below:
                    gap = intervals[index][0] - intervals[below][1]
                    if widest is None or gap > widest:
                        widest = gap
                    break
        return widest

    def growths(self) -> list[tuple[int, int]]:
        """(earlier, later) index pairs of growths, ordered as the pairs of claims (i < j) are."""
        known, intervals = self.known, self.intervals
        lows = _RangeMax([intervals[index][0] for index in known])
        pairs = []
        for earlier in known:
            high = intervals[earlier][1]
            for position in lows.above(self.ends[earlier], len(known), high):
                pairs.append((earlier, known[position]))
        pairs.sort(key=lambda pair: (min(pair), max(pair)))
        return pairs


def _when(claim: Claim) -> str | None:
    return claim.period.when if claim.period is not None else None


def _not_later_end(keys: list[str], when: str) -> int:
    """How many of the sorted ``keys`` sort before ``when`` or are ``when`` or lie within it."""
    start = bisect.bisect_left(keys, when)
    return bisect.bisect_left(keys, True, lo=start, key=lambda key: not key.startswith(when))


def _top_two(indices: tuple[int, ...] | list[int], intervals: list[tuple[float, float]]) -> tuple[int, ...]:
    """The two claims with the highest low ends: the highest one may be the claim itself."""
    return tuple(heapq.nlargest(2, indices, key=lambda index: intervals[index][0]))


class _RangeMax:
    """Positions in a range whose value exceeds a bound, in time proportional to how many there are.

    A sparse table gives the position of the largest value of any range in constant time; a range
    whose largest value is above the bound is split around it, the others are dropped.
    """

    def __init__(self, values: list[float]) -> None:
        self.values = values
        self.table = [list(range(len(values)))]
        width = 1
        while 2 * width <= len(values):
            last = self.table[-1]
            self.table.append([
                left if values[left] >= values[right] else right
                for left, right in zip(last, last[width:])
            ])
            width *= 2

    def argmax(self, start: int, end: int) -> int:
        level = (end - start).bit_length() - 1
        row = self.table[level]
        left, right = row[start], row[end - (1 << level)]
        return left if self.values[left] >= self.values[right] else right

    def above(self, start: int, end: int, bound: float) -> list[int]:
        found = []
        pending = [(start, end)]
        while pending:
            start, end = pending.pop()
            if start >= end:
                continue
            top = self.argmax(start, end)
            if self.values[top] > bound:
                found.append(top)
                pending.append((start, top))
                pending.append((top + 1, end))
        return found


def _widest_gap(intervals: list[tuple[float, float]]) -> float:
    """The largest ``low - high`` of two different intervals; positive when they are disjoint."""
    by_low = sorted(range(len(intervals)), key=lambda index: -intervals[index][0])[:2]
    by_high = sorted(range(len(intervals)), key=lambda index: intervals[index][1])[:2]
    return max(
        intervals[low][0] - intervals[high][1] for low in by_low for high in by_high if low != high
    )


def _reference(rule: Rule, ordered: tuple[Claim, ...], intervals: list[tuple[float, float]]):
    """The most authoritative source's claim, and the claims that miss it, when authorities differ."""
    ranks = [_authority(claim) for claim in ordered]
    if len(set(ranks)) < 2:
        return None, ()
    best = min(range(len(ordered)), key=lambda index: (ranks[index], index))
    deviating = tuple(
        claim for index, claim in enumerate(ordered)
        if index != best and _disjoint(intervals[index], intervals[best]) and _is_growth(rule, claim, ordered[best]) is None
    )
    return ordered[best], deviating


def disagreeing(finding: Finding) -> list[tuple[Claim, Claim]]:
    """The pairs of claims whose intervals do not overlap (what a conflict is made of), in pair order.

    With the claims sorted by low end, those above a claim are a suffix: the work grows with the
    pairs found rather than with every pair of claims.
    """
    claims, rule = finding.claims, finding.rule
    intervals = [interval(claim, rule.tolerance) for claim in claims]
    if not all(low <= high for low, high in intervals):  # see _pairwise
        return [
            (claims[i], claims[j]) for i in range(len(claims)) for j in range(i + 1, len(claims))
            if _disjoint(intervals[i], intervals[j]) and _is_growth(rule, claims[i], claims[j]) is None
        ]
    by_low = sorted(range(len(claims)), key=lambda index: intervals[index][0])
    lows = [intervals[index][0] for index in by_low]
    pairs = []
    for below in range(len(claims)):
        for above in by_low[bisect.bisect_right(lows, intervals[below][1]):]:
            first, second = min(below, above), max(below, above)
            if _is_growth(rule, claims[first], claims[second]) is None:
                pairs.append((first, second))
    pairs.sort()
    return [(claims[i], claims[j]) for i, j in pairs]
