"""Intervals, tolerance and verdicts: pure functions over the claims bound to one rule."""

from __future__ import annotations

import math
from dataclasses import dataclass

from checker.bind import Claim
from checker.report import Severity, Verdict
from checker.rules import Rule

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


def compare(rule: Rule, claims: list[Claim]) -> Finding:
    """Intervals on a line all overlap iff the largest low is below the smallest high."""
    ordered = tuple(sorted(claims, key=lambda claim: claim.sort_key))
    if len(ordered) == 1:
        return Finding(rule, Verdict.SINGLE, Severity.NONE, ordered, 0.0)
    intervals = [interval(claim, rule.tolerance) for claim in ordered]
    highest_low = max(low for low, _ in intervals)
    lowest_high = min(high for _, high in intervals)
    if highest_low <= lowest_high:
        return Finding(rule, Verdict.CONSISTENT, Severity.NONE, ordered, 0.0)
    scale = max(abs(claim.quantity.value) for claim in ordered) or 1.0
    gap = (highest_low - lowest_high) / scale
    severity = Severity.HIGH if gap >= HIGH_GAP else Severity.MEDIUM if gap >= MEDIUM_GAP else Severity.LOW
    return Finding(rule, Verdict.CONFLICT, severity, ordered, gap)


def disagreeing(finding: Finding) -> list[tuple[Claim, Claim]]:
    """The pairs of claims whose intervals do not overlap (what a conflict is made of)."""
    pairs = []
    intervals = [interval(claim, finding.rule.tolerance) for claim in finding.claims]
    for i, first in enumerate(finding.claims):
        for j in range(i + 1, len(finding.claims)):
            (low_a, high_a), (low_b, high_b) = intervals[i], intervals[j]
            if low_a > high_b or low_b > high_a:
                pairs.append((first, finding.claims[j]))
    return pairs
