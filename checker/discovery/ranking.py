"""Each group of figures judged as ``check`` judges a rule's claims, then ranked, with why.

A group's figures become claims with their periods and are compared by ``checker.comparison.compare.compare``
under a rule made for the group, whose ``timeline`` follows what the figures' own words say of
time (``timeline_of``): figures a writer dates (``en 2024``) or says moved (``porté à``) are a
figure that ``changes``; amounts stated so far (``engagés``, ``investis``, ``au total``) a running
total (``accumulates``); an endowment or a budget (``dotée de``, ``enveloppe``) stated at
different dates is one moment restated (``fixed``); when the words differ, ``changes``. The
verdict gives the candidate's kind:

| kind | what | ranked |
| --- | --- | --- |
| conflict, two camps | within one period, one value stated by two or more sources and another by two or more others: the classic drift | first |
| conflict | within one period (or across dates for a fixed moment, ranked lower), intervals that do not overlap | then, with attributions |
| attribution | the same value and wording near different names (checker.discovery.attribution) | with conflicts |
| evolution | the figure changed from one period to the next | after conflicts |
| agreement | the same subject stated consistently by several sources | last |

Within a rank, by score: the group's mean link similarity times ``1 + 0.3 × (sources − 1)``.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from checker.binding.bind import Claim
from checker.comparison.compare import Finding, compare
from checker.comparison.intervals import Bounds, bounds
from checker.discovery.features import Figure
from checker.binding.rules import Rule
from checker.reading.sources import Source

TIERS = {"two camps": 0, "conflict": 1, "attribution": 1, "evolution": 2, "agreement": 3}
FAR_APART = 0.7  # a conflict whose values lie more than twice apart: less likely one figure misstated
ACROSS_DATES = 0.7  # a conflict only between claims of different dates (a fixed moment restated)


@dataclass(frozen=True)
class Camp:
    """Claims that agree on one value (their intervals share a point) within one period."""

    when: str | None
    figures: tuple[Figure, ...]
    sources: int


@dataclass(frozen=True)
class Candidate:
    id: str  # C1, C2... in rank order
    kind: str  # conflict, attribution, evolution, agreement
    tier: int
    score: float
    block: str
    figures: tuple[Figure, ...]
    shared: tuple[str, ...]  # the subject terms the figures share, most informative first
    similarity: float
    sources: int
    explanation: str
    timeline: str = "changes"  # the timeline the group was judged with
    # check's finding on its figures, for a candidate quoted (checker.discovery.quotes compares
    # them again with their quotes); the others keep only the rule they were judged with, for a
    # finding holds a claim per figure (about 10 kB a candidate, thousands of candidates)
    finding: Finding | None = None
    camps: tuple[Camp, ...] = ()  # for a conflict: the values that disagree, and who states them
    subjects: tuple[str, ...] = ()  # for an attribution: the names on each side
    rule: Rule | None = None  # the rule a group was judged with (None for an attribution)

    @property
    def sort_key(self) -> tuple[int, float, list[tuple[str, int, int]]]:
        return (self.tier, -round(self.score, 9), [figure.place for figure in self.figures])


def timeline_of(figures: Sequence[Figure]) -> tuple[str, str]:
    """The timeline a group is judged with, and why (see the module)."""
    moves = {figure.moves for figure in figures}
    if any(figure.period.origin == "text" for figure in figures):
        return "changes", "periods stated by the text"
    if "change" in moves:
        return "changes", "a change is stated"
    if moves == {"fixed"}:
        return "fixed", "an endowment or budget, restated at any date"
    if moves == {"running"}:
        return "accumulates", "amounts stated so far: a running total"
    return "changes", "measure words differ" if len(moves - {""}) > 1 else "changes"


def claims_of(figures: Sequence[Figure], meta: dict[str, Source | None]) -> list[Claim]:
    return [
        Claim(
            rule="discovered", source=figure.source, line=figure.line, column=figure.column, quantity=figure.quantity,
            quote=figure.quote, quote_offset=figure.quote_offset, measure=figure.measure, evidence=(),
            page=figure.page, source_meta=meta.get(figure.source), period=figure.period,
        )
        for figure in figures
    ]


@functools.lru_cache(maxsize=None)
def _rule(kind: str, unit: str, timeline: str) -> Rule:
    """The rule a group is judged with: one object for each kind, unit and timeline, shared by
    the candidates that keep it (a Rule of some thirty fields takes about a kilobyte)."""
    return Rule(id="discovered", title="", kind=kind, unit=unit, subject=(), timeline=timeline)


def judge(
    figures: Sequence[Figure], similarity: float, shared: tuple[str, ...], meta: dict[str, Source | None],
    label: Callable[[str], str],
) -> Candidate | None:
    """The candidate a group of figures makes, or None (a group stated by one source only)."""
    sources = len({figure.source for figure in figures})
    if sources < 2:
        return None
    quantity = figures[0].quantity
    timeline, why = timeline_of(figures)
    rule = _rule(quantity.kind, quantity.unit, timeline)
    claims = claims_of(figures, meta)
    finding = compare(rule, claims)
    by_claim = {claim.sort_key[1:]: figure for claim, figure in zip(claims, figures)}
    ordered = tuple(by_claim[claim.sort_key[1:]] for claim in finding.claims)
    words = ", ".join(label(term) for term in shared[:5]) or "none"
    score = similarity * (1.0 + 0.3 * (min(sources, 6) - 1))
    subject = f"similarity {similarity:.2f}, shared: {words}; {sources} sources"
    if finding.verdict == "conflict":
        camps = _camps(finding, ordered)
        two = [camp for camp in camps if camp.sources >= 2]
        tier = TIERS["two camps"] if len({camp.when for camp in two}) < len(two) else TIERS["conflict"]
        values = [abs(figure.quantity.value) for figure in ordered]
        far = min(values) > 0 and max(values) / min(values) > 2
        across = all(not _same_time(a, b) for a, b in _disagreeing_pairs(finding))
        score *= (FAR_APART if far else 1.0) * (ACROSS_DATES if across and timeline != "changes" else 1.0)
        explanation = (
            ("two camps: " if tier == 0 else "conflict: ") + _describe_camps(camps)
            + f"; gap {finding.gap:.0%}; {subject}; judged as '{timeline}' ({why})"
            + ("; values more than ×2 apart, less likely one figure" if far else "")
            + ("; only claims of different dates disagree" if across and timeline != "changes" else "")
            + _timeline_text(finding)
        )
        return Candidate("", "conflict", tier, score, figures[0].block, ordered, shared, similarity, sources,
                         explanation, timeline, camps=camps, rule=rule)
    if finding.verdict == "evolution":
        explanation = f"evolution: {_timeline_text(finding, lead='')}; {subject}; judged as '{timeline}' ({why})"
        return Candidate("", "evolution", TIERS["evolution"], score, figures[0].block, ordered, shared, similarity,
                         sources, explanation, timeline, rule=rule)
    spans = [bounds(claim, 0.0) for claim in finding.claims]
    highest = max(spans, key=lambda span: span.low)
    lowest = min(spans, key=lambda span: (span.high, not span.high_open))
    if not highest.overlaps(lowest):  # intervals on a line share a point when the extreme two do
        return None  # consistent only because they speak of different kinds of time (an objective and a state)
    explanation = f"agreement: {' / '.join(repr(f.quantity.text) for f in ordered)}; {subject}"
    return Candidate("", "agreement", TIERS["agreement"], score * 0.6, figures[0].block, ordered, shared, similarity,
                     sources, explanation, timeline, rule=rule)


def _same_time(first: Claim, second: Claim) -> bool:
    a = first.period.when if first.period is not None else None
    b = second.period.when if second.period is not None else None
    return a is None or b is None or a.startswith(b) or b.startswith(a)


def _disagreeing_pairs(finding: Finding) -> list[tuple[Claim, Claim]]:
    from checker.comparison.compare import disagreeing

    return disagreeing(finding)


def _camps(finding: Finding, figures: tuple[Figure, ...]) -> tuple[Camp, ...]:
    """The values of each period that disagree: claims whose intervals share a point, found by
    stabbing the intervals at their lowest upper end, then again among those left."""
    by_period: dict[str | None, list[int]] = {}
    flat = finding.rule.timeline == "fixed"
    for index, claim in enumerate(finding.claims):
        when = None if flat or claim.period is None else claim.period.when
        by_period.setdefault(when, []).append(index)
    camps: list[Camp] = []
    for when, members in by_period.items():
        spans: dict[int, Bounds] = {index: bounds(finding.claims[index], 0.0) for index in members}
        left = sorted(members, key=lambda index: (spans[index].high, index))
        found: list[Camp] = []
        while left:
            # the claims that overlap the one ending lowest all hold a point just below its end
            first = spans[left[0]]
            taken = [index for index in left if spans[index].overlaps(first)]
            left = [index for index in left if index not in taken]
            chosen = tuple(figures[index] for index in taken)
            found.append(Camp(when, chosen, len({figure.source for figure in chosen})))
        if len(found) > 1:
            camps.extend(found)
    return tuple(camps)


def _describe_camps(camps: tuple[Camp, ...]) -> str:
    parts = []
    for camp in camps:
        values = " / ".join(dict.fromkeys(repr(figure.quantity.text) for figure in camp.figures))
        when = f" [{camp.when}]" if camp.when else ""
        parts.append(f"{values} ({camp.sources} source{'s' if camp.sources > 1 else ''}){when}")
    return " vs ".join(parts)


def _timeline_text(finding: Finding, lead: str = "; timeline: ") -> str:
    if len(finding.timeline) < 2:
        return ""
    steps = []
    for step in finding.timeline:
        values = " / ".join(dict.fromkeys(claim.quantity.text for claim in step.claims))
        steps.append(f"{step.label} {values}")
    return lead + " → ".join(steps)
