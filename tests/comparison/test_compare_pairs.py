"""compare() and disagreeing() find what the definitions find pair by pair, without comparing
every pair of claims; the definitions themselves are written out here, plainly."""

from __future__ import annotations

import math
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.binding.bind import Claim
from checker.comparison.compare import compare, disagreeing
from checker.comparison.intervals import Bounds, bounds
from checker.extraction.quantity import Quantity
from checker.binding.period import Period
from checker.binding.rules import TIMELINES, parse_rules
from checker.reading.sources import Source

RULE = """
[[rule]]
id = "bornes"
title = "Bornes"
kind = "count"
unit = "bornes"
subject = ['bornes']
"""
(BASE,) = parse_rules(RULE, "r.toml")

WHENS = ["2023", "2024", "2024-11", "2024-11-12", "2024-12", "2025", "2025-01", "2025-11-12"]


@st.composite
def claims(draw):
    count = draw(st.integers(2, 12))
    result = []
    for number in range(count):
        value = float(draw(st.integers(-3, 40)))
        half = draw(st.sampled_from([0.0, 0.5, 2.0, 10.0]))
        qualifier = draw(st.sampled_from(["exact", "exact", "about", "at_least", "at_most"]))
        low = None if qualifier == "at_most" else value - half if qualifier != "at_least" else value
        high = None if qualifier == "at_least" else value + half if qualifier != "at_most" else value
        start = draw(st.sampled_from([0, 100, 200]))  # the sentence it stands in, with its source
        quantity = Quantity(start, start + 2, "42", "count", value, "borne", low, high, qualifier)
        kind = draw(st.sampled_from(["none", "unknown", "known", "known", "known", "target", "source"]))
        when = None if kind in ("none", "unknown") else draw(st.sampled_from(WHENS))
        origin = "source" if kind == "source" else "text"
        period = None if kind == "none" else Period(when, "", origin, target=kind == "target")
        meta = Source(authority=draw(st.sampled_from(["official", "press", "blog"])))
        source = f"{draw(st.integers(0, 3))}.txt"  # equal sort keys happen too
        result.append(Claim("bornes", source, number % 3 + 1, 1, quantity, "q", 0, None, (), source_meta=meta, period=period))
    return result


def disjoint(first: Bounds, second: Bounds) -> bool:
    """Two intervals share no value; an open end excludes the value it names."""
    def below(a: Bounds, b: Bounds) -> bool:  # every value of a is under every value of b
        return a.high < b.low or (a.high == b.low and a.high_open)
    return below(first, second) or below(second, first)


def gap(first: Bounds, second: Bounds) -> float:
    return max(first.low - second.high, second.low - first.high, 0.0)


def definitions(rule, claims):
    """Every pair looked at: (gap over the scale, evolutions, conflicting pairs, placements' fits)."""
    ordered = sorted(claims, key=lambda claim: claim.sort_key)
    spans = [bounds(claim, rule.tolerance) for claim in ordered]
    when = [c.period.when if c.period is not None else None for c in ordered]
    # a figure that changes, dated by its source only: its source's month
    when = [w[:7] if w is not None and rule.timeline == "changes" and c.period.origin == "source" else w for w, c in zip(when, ordered)]
    # a running total stated for a year or a month: its total at the end of it
    ends = {"2023": "2023-12-31", "2024": "2024-12-31", "2025": "2025-12-31", "2024-11": "2024-11-30", "2024-12": "2024-12-31", "2025-01": "2025-01-31"}
    when = [ends.get(w, w) if w is not None and rule.timeline == "accumulates" and not c.period.target else w for w, c in zip(when, ordered)]
    target = [c.period is not None and c.period.target for c in ordered]
    sentence = [(c.source, c.quantity.start - c.quote_offset) for c in ordered]
    n = len(ordered)
    dated = [i for i in range(n) if when[i] is not None]
    flat = rule.timeline == "fixed" or not dated
    contains = lambda a, b: a.startswith(b) or b.startswith(a)  # noqa: E731
    pairs, gaps = set(), []
    for i in range(n):
        for j in range(i + 1, n):
            if not disjoint(spans[i], spans[j]) or sentence[i] == sentence[j]:
                continue  # a sentence never contradicts itself
            if flat:
                same_time = True
            elif when[i] is None or when[j] is None:
                continue
            else:
                same_time = target[i] == target[j] and contains(when[i], when[j])
            if same_time:
                pairs.add((i, j))
                gaps.append(gap(spans[i], spans[j]))
            elif rule.timeline == "accumulates" and not target[i] and not target[j]:
                earlier, later = (i, j) if when[i] < when[j] else (j, i)
                if spans[earlier].low > spans[later].high or spans[earlier].low == spans[later].high and spans[later].high_open:
                    pairs.add((i, j))
                    gaps.append(gap(spans[i], spans[j]))
    groups: dict[tuple[bool, str], list[int]] = {}
    for i in dated:
        groups.setdefault((target[i], when[i]), []).append(i)
    groups = dict(sorted(groups.items()))
    fits = []
    for u in [] if flat else [i for i in range(n) if when[i] is None]:
        fit = False
        for members in reversed(list(groups.values())):
            consistent = not any(disjoint(spans[a], spans[b]) for a in members for b in members)
            test = all if consistent else any
            if test(not disjoint(spans[u], spans[m]) for m in members):
                fit = True
                break
        states = [i for i in dated if not target[i]]
        if not fit and rule.timeline == "accumulates" and states:
            hull = Bounds(min(spans[i].low for i in states), max(spans[i].high for i in states))
            fit = not disjoint(spans[u], hull) or hull.above(spans[u])  # below the first figure: an older page
        fits.append(fit)
        if not fit:
            nearest = min(groups.values(), key=lambda members: min(gap(spans[u], spans[m]) for m in members))
            gaps.append(min(gap(spans[u], spans[m]) for m in nearest))
            pairs.update((min(u, m), max(u, m)) for m in nearest if disjoint(spans[u], spans[m]) and sentence[u] != sentence[m])
    evolutions = []
    if not flat:
        states = [key for key in groups if not key[0]]
        rank = lambda i: (["official", "academic", "company", "press", "blog", "other"].index(ordered[i].source_meta.authority), i)  # noqa: E731
        for position, key in enumerate(states):
            later = next((other for other in states[position + 1:] if not contains(other[1], key[1])), None)
            if later is None:
                continue
            if rule.timeline == "accumulates" and any(spans[a].above(spans[b]) for a in groups[key] for b in groups[later]):
                continue  # a running total that fell: a conflict, not an evolution
            if any(disjoint(spans[a], spans[b]) for a in groups[key] for b in groups[later]):
                evolutions.append((ordered[min(groups[key], key=rank)], ordered[min(groups[later], key=rank)]))
    values = [abs(c.quantity.value) for c in ordered if math.isfinite(c.quantity.value)]
    scale = max(values, default=0.0) or 1.0
    worst = max(gaps) / scale if gaps else 0.0
    return worst, bool(gaps), evolutions, sorted(pairs), fits, ordered


@settings(max_examples=500, deadline=None)
@given(claims(), st.sampled_from([0.0, 0.05, 0.3]), st.sampled_from(TIMELINES))
def test_compare_finds_what_every_pair_finds(claims, tolerance, timeline):
    rule = replace(BASE, tolerance=tolerance, timeline=timeline)
    worst, conflict, evolutions, pairs, fits, ordered = definitions(rule, claims)
    finding = compare(rule, claims)
    assert finding.gap == worst
    assert (finding.verdict == "conflict") == conflict
    if not conflict:
        assert finding.verdict == ("evolution" if evolutions else "consistent")
    assert [(id(a), id(b)) for a, b in finding.evolutions] == [(id(a), id(b)) for a, b in evolutions]
    position = {id(claim): index for index, claim in enumerate(ordered)}
    assert [(position[id(a)], position[id(b)]) for a, b in disagreeing(finding)] == pairs
    assert [placement.fits for placement in finding.placements] == fits


@settings(max_examples=100, deadline=None)
@given(claims())
def test_an_interval_that_cannot_be_ordered_says_nothing(claims):
    # "divisé par" a figure whose interval spans zero: 1/high above 1/low
    odd = replace(claims[0].quantity, low=5.0, high=-5.0)
    claims = [replace(claims[0], quantity=odd)] + claims[1:]
    assert bounds(claims[0], 0.0) == Bounds(-math.inf, math.inf)
    finding = compare(BASE, claims)
    assert all(claims[0] not in pair for pair in disagreeing(finding))


def claim(value: float, when: str | None, qualifier: str = "exact", half: float = 0.5, target: bool = False) -> Claim:
    low = value - half if qualifier in ("exact", "about") else value if qualifier == "at_least" else None
    high = value + half if qualifier in ("exact", "about") else value if qualifier == "at_most" else None
    quantity = Quantity(0, 2, "42", "count", value, "borne", low, high, qualifier)
    period = Period(when, when or "", "text", target=target)
    return Claim("bornes", f"{when}-{value}.txt", 1, 1, quantity, "q", 0, None, (), period=period)


def test_periods_that_contain_each_other_are_the_same_time():
    accumulating = replace(BASE, timeline="accumulates")
    early, month, year, later = claim(10, "2024-12"), claim(20, "2025-01"), claim(5, "2025"), claim(30, "2025-11")
    finding = compare(accumulating, [early, month, year, later])
    # 2025 contains 2025-01 and 2025-11: the 5 of 2025 conflicts with them
    assert finding.verdict == "conflict"
    assert finding.gap == (29.5 - 5.5) / 30
    assert set(map(frozenset, disagreeing(finding))) >= {frozenset((year, month)), frozenset((year, later))}


def test_rounding_neighbours_do_not_touch_but_stated_bounds_that_meet_agree():
    three, four = claim(3, "2025"), claim(4, "2025")  # [2.5, 3.5) and [3.5, 4.5)
    assert compare(BASE, [three, four]).verdict == "conflict"
    assert compare(BASE, [three, four]).severity == "low"
    over, nearly = claim(400, "2025", "at_least"), claim(400, "2025", "at_most")  # plus de 400, moins de 400
    assert compare(BASE, [over, nearly]).verdict == "consistent"
    two, over_two_and_a_half = claim(2, "2025"), claim(2.5, "2025", "at_least")  # [1.5, 2.5) and [2.5, ∞)
    assert compare(BASE, [two, over_two_and_a_half]).verdict == "conflict"


def test_objectives_are_compared_with_objectives_only():
    now, objective = claim(3000, "2025", half=50), claim(8000, "2028", target=True, half=500)
    finding = compare(BASE, [now, objective])
    assert finding.verdict == "consistent"
    assert [step.label for step in finding.timeline] == ["2025", "objective 2028"]
    other_objective = claim(10000, "2028", target=True, half=500)
    assert compare(BASE, [now, objective, other_objective]).verdict == "conflict"


def sourced(value: float, when: str, source: str, start: int = 0, offset: int = 0) -> Claim:
    """A claim dated by its source only (no period in its words), ``offset`` characters into the
    sentence that starts at ``start``."""
    at = start + offset
    quantity = Quantity(at, at + 2, "42", "count", value, "borne", value - 0.5, value + 0.5, "exact")
    return Claim("bornes", source, 1, 1, quantity, "q", offset, None, (), period=Period(when, when, "source"))


def test_a_sentence_never_contradicts_itself():
    # "passé de 1,2 million à 6 millions": two figures of one sentence, one source, one date
    first, second = sourced(1.2, "2022-06-10", "a.txt", 40, 10), sourced(6, "2022-06-10", "a.txt", 40, 24)
    assert compare(BASE, [first, second]).verdict == "consistent"
    assert disagreeing(compare(BASE, [first, second])) == []
    # the same figures in two sentences of that source do disagree
    other = sourced(6, "2022-06-10", "a.txt", 300)
    finding = compare(BASE, [first, second, other])
    assert finding.verdict == "conflict"
    assert disagreeing(finding) == [(first, other)]


def test_articles_of_one_month_speak_of_the_same_moment():
    # 550 M€ on 2 May, 650 on 6 May, 550 on 10 May: a disagreement, not an evolution back and forth
    may = [sourced(550, "2024-05-02", "a.txt"), sourced(650, "2024-05-06", "b.txt"), sourced(550, "2024-05-10", "c.txt")]
    assert compare(BASE, may).verdict == "conflict"
    # a month apart: a change over time
    assert compare(BASE, [sourced(550, "2024-04-02", "a.txt"), sourced(650, "2024-05-06", "b.txt")]).verdict == "evolution"
    # a running total keeps its source's day: it grows within a month
    accumulating = replace(BASE, timeline="accumulates")
    assert compare(accumulating, [sourced(550, "2024-05-02", "a.txt"), sourced(650, "2024-05-06", "b.txt")]).verdict == "evolution"
    assert compare(accumulating, [sourced(650, "2024-05-02", "a.txt"), sourced(550, "2024-05-06", "b.txt")]).verdict == "conflict"


def test_a_running_total_that_fell_is_a_conflict_and_no_evolution():
    accumulating = replace(BASE, timeline="accumulates")
    finding = compare(accumulating, [claim(16, "2024-01-10"), claim(11, "2024-02-01")])
    assert finding.verdict == "conflict"
    assert finding.evolutions == ()


def test_an_undated_figure_below_a_running_total_is_an_older_one():
    accumulating = replace(BASE, timeline="accumulates")
    older, early, late = claim(1500, None, half=50), claim(4000, "2022", half=50), claim(9000, "2024", half=50)
    finding = compare(accumulating, [older, early, late])
    assert finding.verdict == "evolution"
    assert [placement.fits for placement in finding.placements] == [True]
    assert "older" in finding.placements[0].reason
    # above every figure of the timeline it fits nowhere
    newer = claim(20000, None, half=50)
    assert compare(accumulating, [newer, early, late]).verdict == "conflict"


def test_the_start_of_a_change_is_an_evolution_on_the_timeline():
    start = replace(sourced(1.2, "2022-06-10", "a.txt", 40, 10), period=Period(None, "before 2022-06-10", "compared"))
    end = sourced(6, "2022-06-10", "a.txt", 40, 24)
    other = sourced(6, "2022-06-02", "b.txt")
    finding = compare(BASE, [start, end, other])
    assert finding.verdict == "evolution"
    assert finding.evolutions == ((start, end),)
    assert [step.label for step in finding.timeline] == ["earlier or compared, not dated", "2022-06"]
    assert [placement.fits for placement in finding.placements] == [True]


def test_a_running_total_of_a_year_is_its_total_at_the_end_of_it():
    accumulating = replace(BASE, timeline="accumulates")
    january, year = claim(300, "2023-01-15", half=5), claim(420, "2023", half=5)
    finding = compare(accumulating, [january, year])
    assert finding.verdict == "evolution"  # 300 on 15 January, 420 by the end of 2023
    assert compare(accumulating, [claim(500, "2023-01-15", half=5), year]).verdict == "conflict"
    assert compare(BASE, [january, year]).verdict == "conflict"  # a figure that changes: 2023 holds 15 January
