"""The values a claim allows: ``bounds``, its interval, widened by its rule's tolerance.

In: a ``Claim`` and a relative tolerance. Out: a ``Bounds`` (low, high, whether high is excluded),
which checker.comparison.compare sets against the others' to find conflicts.

A claim is an interval of values (``bounds``): what its qualifier and written precision allow,
widened by the rule's tolerance. Rounding makes half-open intervals (``30 millions`` is
29,5 to 30,5 millions, 30,5 excluded), so neighbouring roundings never touch; bounds a writer
states (``plus de``, ``environ``, ranges) are closed, so two of them that meet agree.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from checker.binding.bind import Claim


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
