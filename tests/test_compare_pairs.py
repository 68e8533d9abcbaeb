"""compare() and disagreeing() find what comparing every pair of claims finds, without doing so."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.bind import Claim
from checker.compare import _disjoint, _is_growth, compare, disagreeing, interval
from checker.extractor import Quantity
from checker.period import Period
from checker.rules import parse_rules

RULE = """
[[rule]]
id = "bornes"
title = "Bornes"
kind = "count"
unit = "bornes"
subject = ['bornes']
accumulates = true
"""
(ACCUMULATING,) = parse_rules(RULE, "r.toml")

WHENS = [None, "2023", "2024", "2024-11", "2024-11-12", "2024-12", "2025", "2025-01", "2025-11-12"]


@st.composite
def claims(draw):
    count = draw(st.integers(2, 14))
    result = []
    for number in range(count):
        value = float(draw(st.integers(-3, 40)))
        half = draw(st.sampled_from([0.0, 0.5, 2.0, 10.0]))
        low = draw(st.sampled_from([value - half, None]))
        high = draw(st.sampled_from([value + half, None]))
        quantity = Quantity(0, 2, "42", "count", value, "borne", low, high, "exact")
        kind = draw(st.sampled_from(["none", "unknown", "known", "known"]))
        period = None if kind == "none" else Period(None if kind == "unknown" else draw(st.sampled_from(WHENS[1:])), "", "text")
        source = f"{draw(st.integers(0, 3))}.txt"  # equal sort keys happen too
        result.append(Claim("bornes", source, number % 3 + 1, 1, quantity, "q", 0, None, (), period=period))
    return result


def _pairwise(rule, claims):
    """The definitions, pair by pair: the widest gap of a conflicting pair, and the growths."""
    ordered = sorted(claims, key=lambda claim: claim.sort_key)
    intervals = [interval(claim, rule.tolerance) for claim in ordered]
    scale = max(abs(claim.quantity.value) for claim in ordered) or 1.0
    worst, evolutions, conflicts = 0.0, [], []
    for i in range(len(ordered)):
        for j in range(i + 1, len(ordered)):
            if not _disjoint(intervals[i], intervals[j]):
                continue
            growth = _is_growth(rule, ordered[i], ordered[j])
            if growth is not None:
                evolutions.append(growth)
                continue
            conflicts.append((ordered[i], ordered[j]))
            worst = max(worst, max(intervals[i][0] - intervals[j][1], intervals[j][0] - intervals[i][1]) / scale)
    return worst, evolutions, conflicts


@settings(max_examples=400, deadline=None)
@given(claims(), st.sampled_from([0.0, 0.05, 0.3]), st.booleans())
def test_compare_finds_what_every_pair_finds(claims, tolerance, accumulates):
    rule = replace(ACCUMULATING, tolerance=tolerance, accumulates=accumulates)
    worst, evolutions, conflicts = _pairwise(rule, claims)
    finding = compare(rule, claims)
    assert finding.gap == worst
    assert [(id(a), id(b)) for a, b in finding.evolutions] == [(id(a), id(b)) for a, b in evolutions]
    assert [(id(a), id(b)) for a, b in disagreeing(finding)] == [(id(a), id(b)) for a, b in conflicts]


@settings(max_examples=100, deadline=None)
@given(claims())
def test_inverted_intervals_are_compared_pair_by_pair(claims):
    # "divisé par" a figure whose interval spans zero: 1/high above 1/low
    odd = replace(claims[0].quantity, low=5.0, high=-5.0)
    claims = [replace(claims[0], quantity=odd)] + claims[1:]
    worst, evolutions, conflicts = _pairwise(ACCUMULATING, claims)
    finding = compare(ACCUMULATING, claims)
    assert finding.gap == worst
    assert [(id(a), id(b)) for a, b in finding.evolutions] == [(id(a), id(b)) for a, b in evolutions]
    assert [(id(a), id(b)) for a, b in disagreeing(finding)] == [(id(a), id(b)) for a, b in conflicts]


def test_growths_are_found_across_periods_that_contain_each_other():
    def claim(value, when):
        quantity = Quantity(0, 2, "42", "count", value, "borne", value, value, "exact")
        return Claim("bornes", f"{when}.txt", 1, 1, quantity, "q", 0, None, (), period=Period(when, "", "text"))

    early, month, year, later = claim(10, "2024-12"), claim(20, "2025-01"), claim(5, "2025"), claim(30, "2025-11")
    finding = compare(ACCUMULATING, [early, month, year, later])
    # 2025 contains 2025-01 and 2025-11: the 5 of 2025 conflicts with them, and grew from nothing
    assert finding.verdict == "conflict"
    assert finding.evolutions == ((early, month), (early, later), (month, later))
    assert finding.gap == (30 - 5) / 30
