"""Verdicts over the claims bound to one rule: intervals, periods, timelines (pure functions).

A claim is an interval of values (``bounds``, checker.comparison.intervals): what its qualifier
and written precision allow, widened by the rule's tolerance; the claims of a rule are grouped by
period in checker.comparison.groups.

Two claims conflict only when they speak of the same thing at the same time. Claims are grouped
by their period (checker.binding.period): within one period (or periods that contain each other, such
as ``2025`` and ``2025-11``) intervals that do not overlap are a conflict; between periods a
difference is an **evolution**, shown on the subject's timeline. How a rule's figure moves in
time is its ``timeline`` (checker.binding.rules.TIMELINES): ``changes`` (the default), ``accumulates``
(a running total: a later figure below an earlier one is a conflict) or ``fixed`` (one moment
restated at any date: every claim is compared with every other). A claim whose period is unknown
is placed where it fits: with the claims of a period it agrees with or, for a running total,
anywhere up to the largest figure of the timeline (a smaller one is an older page); one that fits
nowhere is a conflict.

Two judgments of a careful reader complete these. **A sentence never contradicts itself**: two
figures of one sentence (``passé de 1,2 million à 6 millions``, ``62 % des libéraux, contre 35 %
des hospitaliers``) state two moments or two things, so no conflict pairs them. **Articles of the
same month speak of the same moment**: for a rule whose figure ``changes``, a claim dated only by
its source (no period in its words) is of its source's month, so that 550 M€ on 2 May and 650 M€
on 6 May are a conflict, not an evolution back and forth within days. A running total keeps its
source's day: it grows between two articles of a month; and its figure stated for a year or a
month is the total at the end of it (``2023`` is compared as ``2023-12-31``).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass

from checker.binding.bind import Claim
from checker.outcomes import Severity, Verdict
from checker.binding.rules import Rule
from checker.comparison.groups import Placement, _Comparison, _contains, _is_target
from checker.comparison.intervals import Bounds

# Authority levels of sources, most authoritative first (see checker.reading.sources.AUTHORITIES).
AUTHORITY_RANK = ("official", "academic", "company", "press", "blog", "other")

# Relative gap between two claims' intervals at or above which a conflict is high / medium.
HIGH_GAP = 0.25
MEDIUM_GAP = 0.05


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
            gaps.append(comparison.gap_above(earlier.extremes, later.extremes))
        for index in comparison.undated:
            placement = comparison.place(index)
            placements.append(placement)
            if not placement.fits:
                nearest = comparison.nearest_group(index)
                gaps.append(min(spans[index].gap(spans[member]) for member in nearest.members))
        evolutions = _evolutions(comparison)
    for index in comparison.compared:
        partner = comparison.partner(index)
        label = comparison.claims[index].period.label
        if partner is None:
            placements.append(Placement(ordered[index], f"{label}; set against no figure of this subject", True))
            continue
        placements.append(Placement(ordered[index], f"{label}; set against '{ordered[partner].quantity.text}' in its sentence", True))
        if not spans[index].overlaps(spans[partner]):
            evolutions.append((ordered[index], ordered[partner]))  # the text states the change
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
    if comparison.compared:
        steps.insert(0, _step(comparison, None, False, comparison.compared, "earlier or compared, not dated"))
    if comparison.undated:
        steps.append(_step(comparison, None, False, comparison.undated))
    return tuple(steps)


def _step(comparison: _Comparison, when: str | None, target: bool, members: list[int], label: str | None = None) -> Step:
    claims = tuple(comparison.claims[index] for index in members)
    label = label or ("date unknown" if when is None else f"objective {when}" if target else when)
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
        fell = spans[earlier.top].above(spans[later.bottom])
        if fell and comparison.rule.timeline == "accumulates":
            continue  # a running total that fell: a conflict (decreases), not a change over time
        if fell or spans[later.top].above(spans[earlier.bottom]):
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
        return comparison.sentences[first] != comparison.sentences[second]
    one, other = comparison.claims[first], comparison.claims[second]
    if comparison.sentences[first] == comparison.sentences[second]:
        return False  # a sentence never contradicts itself
    when_one, when_other = comparison.whens[first], comparison.whens[second]
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
    sentences = comparison.sentences
    ordered = sorted((min(pair), max(pair)) for pair in pairs if sentences[pair[0]] != sentences[pair[1]])
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
