"""Verdicts over the claims bound to one rule: intervals, periods, timelines (pure functions).

A claim is an interval of values (``bounds``): what its qualifier and written precision allow,
widened by the rule's tolerance. Rounding makes half-open intervals (``30 millions`` is
29,5 to 30,5 millions, 30,5 excluded), so neighbouring roundings never touch; bounds a writer
states (``plus de``, ``environ``, ranges) are closed, so two of them that meet agree.

Two claims conflict only when they speak of the same thing at the same time. Claims are grouped
by their period (checker.period): within one period (or periods that contain each other, such
as ``2025`` and ``2025-11``) intervals that do not overlap are a conflict; between periods a
difference is an **evolution**, shown on the subject's timeline. How a rule's figure moves in
time is its ``timeline`` (checker.rules.TIMELINES): ``changes`` (the default), ``accumulates``
(a running total: a later figure below an earlier one is a conflict) or ``fixed`` (one moment
restated at any date: every claim is compared with every other). A claim whose period is unknown
is placed where it fits: with the claims of a period it agrees with or, for a running total,
between the smallest and largest figures of the timeline; one that fits nowhere is a conflict.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Iterator
from dataclasses import dataclass

from checker.bind import Claim
from checker.report import Severity, Verdict
from checker.rules import Rule

# Authority levels of sources, most authoritative first (see checker.sources.AUTHORITIES).
AUTHORITY_RANK = ("official", "academic", "company", "press", "blog", "other")

# Relative gap between two claims' intervals at or above which a conflict is high / medium.
HIGH_GAP = 0.25
MEDIUM_GAP = 0.05


@dataclass(frozen=True)
class Bounds:
    """The values a claim allows: ``low`` to ``high``, ``high`` itself excluded when ``high_open``."""

    low: float  # -inf when the claim sets no lower bound
    high: float  # +inf when it sets no upper bound
    high_open: bool = False

    def above(self, other: Bounds) -> bool:
        """Every value of this interval is above every value of ``other``."""
        return self.low > other.high or (self.low == other.high and other.high_open)

    def overlaps(self, other: Bounds) -> bool:
        return not self.above(other) and not other.above(self)

    def gap(self, other: Bounds) -> float:
        """How far apart two intervals are (0 when they overlap or touch)."""
        return max(self.low - other.high, other.low - self.high, 0.0)


def bounds(claim: Claim, tolerance: float) -> Bounds:
    """A claim's interval, widened by the rule's relative tolerance.

    An exact figure's interval comes from rounding and is half-open. An interval the extractor
    could not order (``divisé par`` a figure whose interval spans zero) or that holds NaN says
    nothing: it is taken as unbounded rather than guessed.
    """
    quantity = claim.quantity
    slack = abs(quantity.value) * tolerance if math.isfinite(quantity.value) else 0.0
    low = quantity.low - slack if quantity.low is not None else -math.inf
    high = quantity.high + slack if quantity.high is not None else math.inf
    if not low <= high:  # inverted, or NaN
        return Bounds(-math.inf, math.inf)
    return Bounds(low, high, high_open=quantity.qualifier == "exact" and low < high)


def interval(claim: Claim, tolerance: float) -> tuple[float, float]:
    """``(low, high)`` of ``bounds``, for callers that need no open end (discovery)."""
    found = bounds(claim, tolerance)
    return found.low, found.high


@dataclass(frozen=True)
class Step:
    """The claims of one period on a subject's timeline, in time order."""

    when: str | None  # ISO 8601 period; None: claims of unknown period that fit no period
    label: str
    target: bool  # an objective ("d'ici 2030"), not a state of things
    claims: tuple[Claim, ...]
    low: float  # the hull of the claims' intervals
    high: float


@dataclass(frozen=True)
class Placement:
    """Where a claim of unknown period was placed, and why (a sentence for people)."""

    claim: Claim
    reason: str
    fits: bool  # False: it fits no period, which is a conflict


@dataclass(frozen=True)
class Finding:
    """What recoupe says about one subject: its claims, their timeline and whether they agree."""

    rule: Rule
    verdict: str
    severity: str
    claims: tuple[Claim, ...]
    gap: float  # relative gap of the widest disagreement (0 when none, or when they only touch)
    # (earlier, later) claims of consecutive periods whose figures differ: the changes over time
    evolutions: tuple[tuple[Claim, Claim], ...] = ()
    # the claim of the most authoritative source, when sources of several authorities speak
    reference: Claim | None = None
    deviating: tuple[Claim, ...] = ()  # claims of the reference's period whose interval misses it
    timeline: tuple[Step, ...] = ()
    placements: tuple[Placement, ...] = ()  # the claims of unknown period, when others are dated

    @property
    def sort_key(self) -> tuple[int, str]:
        return (Verdict.ORDER.index(self.verdict), self.rule.id)


def _authority(claim: Claim) -> int:
    meta = claim.source_meta
    level = meta.authority if meta is not None else None
    return AUTHORITY_RANK.index(level) if level in AUTHORITY_RANK else len(AUTHORITY_RANK)


def _when(claim: Claim) -> str | None:
    return claim.period.when if claim.period is not None else None


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


class _Group:
    """The claims of one period (by position in the ordered claims), with their extreme ends."""

    def __init__(self, key: tuple[bool, str], members: list[int], spans: list[Bounds]) -> None:
        self.target, self.when = key
        self.members = members
        # the member whose interval starts highest, and the one whose ends lowest (open first)
        self.top = max(members, key=lambda index: spans[index].low)
        self.bottom = min(members, key=lambda index: (spans[index].high, not spans[index].high_open))
        self.consistent = not spans[self.top].above(spans[self.bottom])


class _Comparison:
    """The claims of one rule, sorted, with their intervals and their groups by period."""

    def __init__(self, rule: Rule, claims: list[Claim]) -> None:
        self.rule = rule
        self.claims = tuple(sorted(claims, key=lambda claim: claim.sort_key))
        self.spans = [bounds(claim, rule.tolerance) for claim in self.claims]
        keyed: dict[tuple[bool, str], list[int]] = {}
        self.undated: list[int] = []
        for index, claim in enumerate(self.claims):
            when = _when(claim)
            if when is None:
                self.undated.append(index)
            else:
                keyed.setdefault((_is_target(claim), when), []).append(index)
        self.groups = {key: _Group(key, members, self.spans) for key, members in sorted(keyed.items())}
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
                if earlier.when not in containing and self.spans[earlier.top].above(self.spans[later.bottom]):
                    yield earlier, later

    def widest(self, first: list[int] | _Group, second: _Group | None = None) -> float | None:
        """The largest gap between a claim of one group and a claim of the other (or of one
        group within itself); None when all overlap."""
        spans = self.spans
        if isinstance(first, list):  # a flat list of claims
            top = max(first, key=lambda index: spans[index].low)
            bottom = min(first, key=lambda index: (spans[index].high, not spans[index].high_open))
            return spans[top].gap(spans[bottom]) if spans[top].above(spans[bottom]) else None
        second = second or first
        found = None
        for upper, lower in ((first, second), (second, first)):
            if spans[upper.top].above(spans[lower.bottom]):
                gap = spans[upper.top].gap(spans[lower.bottom])
                found = gap if found is None else max(found, gap)
        return found

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
        return Placement(claim, "date unknown; fits no period of the timeline", False)

    def nearest_group(self, index: int) -> _Group:
        span = self.spans[index]
        return min(
            self.groups.values(),
            key=lambda group: min(span.gap(self.spans[member]) for member in group.members),
        )


def compare(rule: Rule, claims: list[Claim]) -> Finding:
    """The verdict on one subject: conflict, evolution, consistent or single (see the module)."""
    comparison = _Comparison(rule, claims)
    ordered, spans = comparison.claims, comparison.spans
    timeline = _timeline(comparison)
    if len(ordered) == 1:
        return Finding(rule, Verdict.SINGLE, Severity.NONE, ordered, 0.0, timeline=timeline)
    gaps: list[float] = []
    placements: list[Placement] = []
    evolutions: list[tuple[Claim, Claim]] = []
    if comparison.flat:
        widest = comparison.widest(list(range(len(ordered))))
        if widest is not None:
            gaps.append(widest)
    else:
        for first, second in comparison.related_groups():
            widest = comparison.widest(first, second)
            if widest is not None:
                gaps.append(widest)
        for earlier, later in comparison.decreases():
            gaps.append(spans[earlier.top].gap(spans[later.bottom]))
        for index in comparison.undated:
            placement = comparison.place(index)
            placements.append(placement)
            if not placement.fits:
                nearest = comparison.nearest_group(index)
                gaps.append(min(spans[index].gap(spans[member]) for member in nearest.members))
        evolutions = _evolutions(comparison)
    reference, deviating = _reference(comparison)
    if gaps:
        worst = max(gaps) / comparison.scale
        severity = Severity.HIGH if worst >= HIGH_GAP else Severity.MEDIUM if worst >= MEDIUM_GAP else Severity.LOW
        verdict = Verdict.CONFLICT
    else:
        worst, severity = 0.0, Severity.NONE
        verdict = Verdict.EVOLUTION if evolutions else Verdict.CONSISTENT
    return Finding(
        rule, verdict, severity, ordered, worst, tuple(evolutions), reference, deviating, timeline, tuple(placements),
    )


def _timeline(comparison: _Comparison) -> tuple[Step, ...]:
    """One step per period, in time order (objectives after the states of the same date), then
    the claims of unknown period."""
    steps = []
    for group in comparison.groups.values():
        steps.append(_step(comparison, group.when, group.target, group.members))
    steps.sort(key=lambda step: (step.when or "", step.target))
    if comparison.undated:
        steps.append(_step(comparison, None, False, comparison.undated))
    return tuple(steps)


def _step(comparison: _Comparison, when: str | None, target: bool, members: list[int]) -> Step:
    claims = tuple(comparison.claims[index] for index in members)
    label = "date unknown" if when is None else f"objective {when}" if target else when
    lows = [comparison.spans[index].low for index in members]
    highs = [comparison.spans[index].high for index in members]
    return Step(when, label, target, claims, min(lows), max(highs))


def _evolutions(comparison: _Comparison) -> list[tuple[Claim, Claim]]:
    """(earlier, later) representatives of each period and the next one whose figures differ.

    A period's figure is what its claims agree on; the next period is the next that does not
    contain it (``2025-11`` follows ``2024``, ``2025`` does not follow ``2025-11``).
    """
    spans = comparison.spans
    states = [group for group in comparison.groups.values() if not group.target]
    found = []
    for position, earlier in enumerate(states):
        later = next((group for group in states[position + 1:] if not _contains(group.when, earlier.when)), None)
        if later is None:
            continue
        if spans[earlier.top].above(spans[later.bottom]) or spans[later.top].above(spans[earlier.bottom]):
            found.append((_representative(comparison, earlier.members), _representative(comparison, later.members)))
    return found


def _representative(comparison: _Comparison, members: list[int]) -> Claim:
    return comparison.claims[min(members, key=lambda index: (_authority(comparison.claims[index]), index))]


def _reference(comparison: _Comparison) -> tuple[Claim | None, tuple[Claim, ...]]:
    """The most authoritative source's claim, and the claims of its period that miss it."""
    ordered, spans = comparison.claims, comparison.spans
    ranks = [_authority(claim) for claim in ordered]
    if len(set(ranks)) < 2:
        return None, ()
    best = min(range(len(ordered)), key=lambda index: (ranks[index], index))
    deviating = tuple(
        claim for index, claim in enumerate(ordered)
        if index != best and _related(comparison, index, best) and not spans[index].overlaps(spans[best])
    )
    return ordered[best], deviating


def _related(comparison: _Comparison, first: int, second: int) -> bool:
    """Two claims that speak of the same time: what a disagreement between them is a conflict of."""
    if comparison.flat:
        return True
    one, other = comparison.claims[first], comparison.claims[second]
    when_one, when_other = _when(one), _when(other)
    if when_one is None or when_other is None:
        return False
    return _is_target(one) == _is_target(other) and _contains(when_one, when_other)


def disagreeing(finding: Finding) -> list[tuple[Claim, Claim]]:
    """The pairs of claims a conflict is made of, in pair order: claims of the same time whose
    intervals do not overlap, an earlier figure of a running total above a later one, and a claim
    of unknown period that fits nowhere with each claim of the period nearest to it.

    Pairs are found by bisecting sorted ends: the work grows with the pairs found rather than
    with every pair of claims.
    """
    comparison = _Comparison(finding.rule, list(finding.claims))
    pairs: set[tuple[int, int]] = set()
    if comparison.flat:
        everything = list(range(len(comparison.claims)))
        pairs.update(_apart(comparison.spans, everything, everything))
    else:
        for first, second in comparison.related_groups():
            pairs.update(_apart(comparison.spans, first.members, second.members))
        for earlier, later in comparison.decreases():
            pairs.update(_above(comparison.spans, earlier.members, later.members))
        for index in comparison.undated:
            if not comparison.place(index).fits:
                nearest = comparison.nearest_group(index).members
                pairs.update(_apart(comparison.spans, [index], nearest))
    ordered = sorted((min(pair), max(pair)) for pair in pairs if pair[0] != pair[1])
    return [(comparison.claims[i], comparison.claims[j]) for i, j in dict.fromkeys(ordered)]


def _above(spans: list[Bounds], uppers: list[int], lowers: list[int]) -> Iterator[tuple[int, int]]:
    """(upper, lower) pairs where the upper claim's interval lies entirely above the lower one's."""
    by_low = sorted(uppers, key=lambda index: spans[index].low)
    lows = [spans[index].low for index in by_low]
    for lower in lowers:
        high = spans[lower].high
        start = bisect.bisect_left(lows, high)  # lows equal to high: above only if high is open
        for upper in by_low[start:]:
            if spans[upper].above(spans[lower]):
                yield upper, lower


def _apart(spans: list[Bounds], first: list[int], second: list[int]) -> Iterator[tuple[int, int]]:
    """Pairs of a claim of ``first`` and a claim of ``second`` whose intervals do not overlap."""
    yield from _above(spans, first, second)
    yield from _above(spans, second, first)
