"""Verdicts over the claims bound to one rule: intervals, periods, timelines (pure functions).

A claim is an interval of values (``bounds``): what its qualifier and written precision allow,
widened by the rule's tolerance. Rounding makes half-open intervals (``30 millions`` is
29,5 to 30,5 millions, 30,5 excluded), so neighbouring roundings never touch; bounds a writer
states (``plus de``, ``environ``, ranges) are closed, so two of them that meet agree.

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
import calendar
import math
from collections.abc import Iterator
from dataclasses import dataclass

from checker.binding.bind import Claim
from checker.outcomes import Severity, Verdict
from checker.binding.rules import Rule

# Authority levels of sources, most authoritative first (see checker.reading.sources.AUTHORITIES).
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


def _when(claim: Claim, timeline: str = "accumulates") -> str | None:
    """The period a claim is compared in: its own, or, for a figure that ``changes`` dated only by
    its source, its source's month (see the module)."""
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
