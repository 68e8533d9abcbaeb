"""Intervals, tolerance and verdicts: pure functions over the claims bound to one rule."""

from __future__ import annotations

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
    worst_gap = 0.0
    evolutions: list[tuple[Claim, Claim]] = []
    scale = max(abs(claim.quantity.value) for claim in ordered) or 1.0
    if not rule.accumulates:
        # no pair can be an evolution: the widest gap is between the highest low end and the
        # lowest high end, found from the sorted ends instead of comparing every pair of claims
        widest = _widest_gap(intervals) / scale
        worst_gap = widest if widest > 0 else 0.0
    for i, first in enumerate(ordered if rule.accumulates else ()):
        for j in range(i + 1, len(ordered)):
            if not _disjoint(intervals[i], intervals[j]):
                continue
            growth = _is_growth(rule, first, ordered[j])
            if growth is not None:
                evolutions.append(growth)
                continue
            gap = max(intervals[i][0] - intervals[j][1], intervals[j][0] - intervals[i][1]) / scale
            worst_gap = max(worst_gap, gap)
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
    """The pairs of claims whose intervals do not overlap (what a conflict is made of)."""
    pairs = []
    intervals = [interval(claim, finding.rule.tolerance) for claim in finding.claims]
    for i, first in enumerate(finding.claims):
        for j in range(i + 1, len(finding.claims)):
            second = finding.claims[j]
            if _disjoint(intervals[i], intervals[j]) and _is_growth(finding.rule, first, second) is None:
                pairs.append((first, second))
    return pairs
