"""The timeline chart: its scales and ticks, where its marks go, what colour they are, and that no two labels overlap."""

from __future__ import annotations

import datetime
import math
from pathlib import Path

import pytest

from checker.binding.bind import Claim
from checker.comparison.compare import compare
from checker.discovery.corpus import discover
from checker.extraction.quantity import Quantity
from checker.binding.period import Period
from checker.running.pipeline import Report, check
from checker.render.chart import COLOURS, Label, charted, layout, roles, spread, svg
from checker.render.html import display_rule
from checker.render.scales import (
    LinearScale, nice_step, period_span, tick_label, time_domain, time_ticks, value_domain, value_ticks,
)
from checker.binding.rules import Rule
from checker.binding.loading import load_rules
from checker.reading.sources import Source

REPO = Path(__file__).resolve().parents[2]


def _day(text: str) -> int:
    return datetime.date.fromisoformat(text).toordinal()


# -- scales -------------------------------------------------------------------------------------


@pytest.mark.parametrize(("when", "first", "after"), [
    ("2024", "2024-01-01", "2025-01-01"),
    ("2024-02", "2024-02-01", "2024-03-01"),
    ("2024-12", "2024-12-01", "2025-01-01"),
    ("2025-11-12", "2025-11-12", "2025-11-13"),
])
def test_a_period_spans_its_year_month_or_day(when, first, after):
    assert period_span(when) == (_day(first), _day(after))


@pytest.mark.parametrize("when", [None, "", "--11-12", "2024-13", "2023-02-30", "2024-W05", "fin 2024"])
def test_what_is_not_an_iso_period_of_a_known_year_has_no_span(when):
    assert period_span(when) is None


def test_a_linear_scale_maps_its_domain_onto_pixels_either_way():
    across = LinearScale(0, 10, 100, 200)
    assert (across(0), across(5), across(10)) == (100, 150, 200)
    up = LinearScale(500, 750, 244, 44)  # a y axis: larger values higher on the page
    assert up(500) == 244 and up(750) == 44 and up(625) == 144
    assert LinearScale(3, 3, 0, 10)(3) == 5  # one value: the middle


@pytest.mark.parametrize(("span", "count", "step"), [
    (250, 5, 50), (100, 5, 20), (12, 5, 2.5), (0.9, 5, 0.2), (7e9, 5, 2e9), (1, 5, 0.2),
])
def test_steps_are_round(span, count, step):
    assert nice_step(span, count) == pytest.approx(step)


def test_the_value_domain_holds_every_value_and_ends_on_ticks():
    low, high, step = value_domain([550, 555, 650, 718.45])
    assert low <= 550 and high >= 718.45 and step == 50
    assert low % step == 0 and high % step == 0
    assert value_ticks(low, high, step) == [500, 550, 600, 650, 700, 750]


def test_counts_have_whole_ticks_and_positive_figures_no_negative_ticks():
    low, high, step = value_domain([4.5, 5.5], whole=True)
    assert step >= 1 and all(tick == int(tick) for tick in value_ticks(low, high, step))
    low, _, _ = value_domain([0.5, 40])
    assert low == 0


def test_values_that_are_not_finite_are_left_out_of_the_domain():
    low, high, _ = value_domain([550, math.inf, -math.inf, 560])
    assert math.isfinite(low) and math.isfinite(high) and low <= 550 < 560 <= high


def test_tick_labels_are_written_the_french_way():
    assert tick_label(550, "M€") == "550 M€"
    assert tick_label(8000, "") == "8\u202f000"
    assert tick_label(2.5, "%") == "2,5 %"


def test_time_ticks_are_calendar_dates_spaced_for_their_labels():
    low, high = time_domain([period_span("2024-01-18"), period_span("2025-11-12")])
    ticks = time_ticks(low, high, lambda days, label: days * 0.8 >= len(label) * 7 + 14)  # 0.8 px a day
    labels = [label for _, label in ticks]
    assert labels[0].startswith("2024-") and all(len(label) == 7 for label in labels)  # months
    assert all(later - earlier >= 80 for (earlier, _), (later, _) in zip(ticks, ticks[1:]))
    assert [day for day, _ in ticks] == sorted(day for day, _ in ticks)
    weeks = time_ticks(*time_domain([period_span("2025-11-12")]), lambda days, label: days * 12 >= len(label) * 7 + 14)
    assert all(datetime.date.fromisoformat(label).weekday() == 0 for _, label in weeks)  # Mondays
    years = time_ticks(_day("2000-01-01"), _day("2030-01-01"), lambda days, label: days >= 700)
    assert [label for _, label in years] == [str(year) for year in range(2000, 2031, 2)]


def test_spread_keeps_marks_apart_and_centred_on_their_date():
    assert spread([100, 100, 100], 20, 0, 1000) == [80, 100, 120]
    assert spread([100, 300], 20, 0, 1000) == [100, 300]
    crowded = spread([100, 105, 300, 1010], 20, 0, 1000)
    assert crowded[:2] == [92.5, 112.5] and crowded[2] == 300 and crowded[3] == 1000  # kept within the plot
    positions = sorted(spread([50, 52, 54, 60, 61], 26, 0, 1000))
    assert all(b - a >= 26 - 1e-9 for a, b in zip(positions, positions[1:]))


# -- the chart of seeds/ -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seeds() -> Report:
    return check([REPO / "seeds"], load_rules(REPO / "rules").or_raise())


@pytest.fixture(scope="module")
def funding(seeds):
    return next(finding for finding in seeds.findings if finding.rule.id == "sasn-funding")


def _by_source(finding, chart):
    return {Path(claim.source).name[:3]: mark for claim, mark in zip(finding.claims, chart.marks)}


def test_the_funding_chart_places_dates_in_proportion_and_values_by_height(funding):
    chart = layout(funding)
    marks = _by_source(funding, chart)
    left, top, right, bottom = chart.plot
    assert marks["004"].x < marks["000"].x and marks["004"].x < left + (right - left) * 0.15  # January 2024, at the left
    # the three claims of 12 November 2025 side by side around that date
    november = sorted(marks[name].x for name in ("000", "001", "003"))
    assert november[1] - november[0] >= 30 and november[2] - november[1] >= 30
    assert marks["004"].y < marks["000"].y < marks["001"].y  # 718,4 above 650 above 550
    assert marks["001"].y == pytest.approx(marks["003"].y)  # 550 and plus de 550


def test_open_ended_claims_reach_the_top_with_an_arrow(funding):
    marks = _by_source(funding, layout(funding))
    assert marks["000"].high_open and marks["003"].high_open  # +650 M€, plus de 550 millions
    assert marks["000"].high == layout(funding).plot[1]
    assert not marks["001"].high_open and not marks["004"].low_open
    assert marks["001"].low > marks["001"].high  # a bar, however short: 549,5 to 550,5 M€


def test_colour_by_verdict_and_the_reference_ringed(funding):
    marks = _by_source(funding, layout(funding))
    assert {name: mark.role for name, mark in marks.items()} == {
        "000": "conflicting", "001": "conflicting", "003": "agreeing", "004": "conflicting",
    }
    assert [name for name, mark in marks.items() if mark.reference] == ["003"]
    drawn = svg(layout(funding))
    assert drawn.count(COLOURS["conflicting"]) >= 3 and COLOURS["agreeing"] in drawn
    assert drawn.count('r="8.5"') == 1  # one ring


def test_the_svg_is_accessible_and_every_mark_has_a_tooltip(funding):
    drawn = svg(layout(funding))
    assert drawn.startswith("<svg") and 'role="img"' in drawn and 'aria-label="Timeline of Financement' in drawn
    assert drawn.count('<g class="mark') == 4 and drawn.count("<title>") >= 1 + 4
    assert "“+650 M€”" in drawn and "000_24e455942a2c1529.txt:17:4" in drawn
    assert ">550 M€</text>" in drawn and ">value (M€)</text>" in drawn and ">period</text>" in drawn


def _overlapping(labels: tuple[Label, ...]) -> list[tuple[str, str]]:
    found = []
    for index, first in enumerate(labels):
        a = first.box()
        for second in labels[index + 1:]:
            b = second.box()
            if a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]:
                found.append((first.text, second.text))
    return found


def _all_findings(seeds):
    discovery = discover([REPO / "seeds"])
    discovered = [
        candidate.finding.__class__(**{**candidate.finding.__dict__, "rule": display_rule(candidate.finding.rule, candidate.finding.claims)})
        for candidate in discovery.candidates if candidate.finding is not None
    ]
    return [*seeds.findings, *discovered]


def test_overlapping_labels_are_found():
    assert _overlapping((Label("2025-11", 100, 50), Label("2025-12", 130, 50))) == [("2025-11", "2025-12")]
    assert _overlapping((Label("2025-11", 100, 50), Label("2025-12", 100, 70))) == []


def test_no_two_labels_overlap_in_any_chart_of_the_seeds(seeds):
    charts = [layout(finding) for finding in _all_findings(seeds) if charted(finding)]
    assert len(charts) >= 7
    for chart in charts:
        assert _overlapping(chart.labels) == []
        for label in chart.labels:  # within the chart
            left, top, right, bottom = label.box()
            assert left >= 0 and right <= chart.width and top >= 0 and bottom <= chart.height, label


def test_the_chart_is_the_same_text_every_time(funding):
    assert svg(layout(funding)) == svg(layout(funding))


# -- hand-made subjects: unknown dates, objectives, evolutions -----------------------------------


RULE = Rule(id="bornes", title="Bornes <b>de recharge</b> & “rapides”", kind="count", unit="bornes", subject=(), timeline="changes")


def _claim(source: str, value: float, when: str | None, target: bool = False, qualifier: str = "exact") -> Claim:
    text = f"{value:g} bornes"
    high = math.inf if qualifier == "at_least" else value + 0.5
    quantity = Quantity(0, len(text), text, "count", value, "count", value - 0.5, high, qualifier, "borne")
    period = Period(when, when or "date unknown", "text" if when else "unknown", target=target)
    meta = Source(publisher="Le <i>Journal</i>", url="https://example.org/?a=1&b=2", authority="press")
    return Claim("bornes", source, 1, 1, quantity, f"Il y a {text}.", 7, None, (), source_meta=meta, period=period)


def test_claims_of_unknown_period_stand_in_their_own_lane():
    finding = compare(RULE, [_claim("a.txt", 148, "2024-01"), _claim("b.txt", 350, "2025"), _claim("c.txt", 350, None)])
    chart = layout(finding)
    assert chart.lane is not None
    lane_left, lane_right = chart.lane
    undated = [mark for claim, mark in zip(finding.claims, chart.marks) if claim.period.when is None]
    assert len(undated) == 1 and lane_left < undated[0].x < lane_right
    assert all(mark.x < chart.plot[2] for mark in chart.marks if mark not in undated)
    assert "date unknown" in [label.text for label in chart.labels]
    assert _overlapping(chart.labels) == []


def test_an_evolution_is_blue_and_an_objective_dashed():
    finding = compare(RULE, [_claim("a.txt", 148, "2024"), _claim("b.txt", 350, "2025"), _claim("c.txt", 1000, "2030", target=True)])
    assert finding.verdict == "evolution"
    assert roles(finding) == ["evolution"] * 3
    chart = layout(finding)
    assert [mark.target for mark in chart.marks] == [False, False, True]
    drawn = svg(chart)
    assert drawn.count('stroke-dasharray="5 3"') == 1 and "objective (dashed)" in drawn
    xs = [mark.x for mark in chart.marks]
    # 2024 to 2025 is a sixth of 2024 to 2030: the dates in proportion
    assert (xs[1] - xs[0]) / (xs[2] - xs[0]) == pytest.approx(1 / 6, rel=0.01)


def test_a_step_of_another_period_in_a_conflict_is_blue_not_green():
    finding = compare(RULE, [_claim("a.txt", 148, "2024"), _claim("b.txt", 350, "2025"), _claim("c.txt", 400, "2025")])
    assert finding.verdict == "conflict"
    assert roles(finding) == ["evolution", "conflicting", "conflicting"]


def test_text_from_rules_and_documents_is_escaped_in_the_svg():
    finding = compare(RULE, [_claim("a<script>.txt", 148, "2024"), _claim("b&c.txt", 350, "2025")])
    drawn = svg(layout(finding))
    assert "<b>" not in drawn and "&lt;b&gt;de recharge&lt;/b&gt; &amp; “rapides”" in drawn
    assert "<script>" not in drawn and "a&lt;script&gt;.txt" in drawn and "b&amp;c.txt" in drawn
    assert "<i>" not in drawn and "Le &lt;i&gt;Journal&lt;/i&gt;" in drawn


def test_a_subject_without_dated_claims_or_of_one_claim_has_no_chart():
    assert not charted(compare(RULE, [_claim("a.txt", 148, None), _claim("b.txt", 350, None)]))
    assert not charted(compare(RULE, [_claim("a.txt", 148, "2024")]))
    assert charted(compare(RULE, [_claim("a.txt", 148, "2024"), _claim("b.txt", 350, None)]))
