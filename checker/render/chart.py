"""A subject's timeline as an inline SVG chart, drawn by recoupe: periods across, values up.

Each claim is a vertical bar over the interval it allows (``checker.comparison.intervals.bounds``: qualifier,
written precision, the rule's tolerance), an open end drawn to the chart's edge with an arrow, and
a point at its value numbered as in the claim list. Colour says the verdict: red for the claims of
a conflict, green for claims that agree, blue for the steps of an evolution, grey for a lone one;
an objective's bar is dashed, the reference claim ringed, a claim that deviates from it a diamond.
A light band at the foot shows each period's extent (a year, a month, a day). Claims of unknown
period stand in a lane of their own at the right, "date unknown". Every mark has a ``<title>``
(a tooltip) and the chart an ``aria-label``; every text is escaped.

``layout`` computes positions (tested on their own: scales, labels that do not overlap);
``svg`` writes them out. Pure: same finding, same bytes.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from html import escape

from checker.binding.bind import Claim
from checker.comparison.compare import Finding, disagreeing
from checker.comparison.intervals import bounds
from checker.render.common import display_value
from checker.render.scales import LinearScale, period_span, tick_label, time_domain, time_ticks, value_domain, value_ticks

WIDTH = 960
PLOT_HEIGHT = 200
TOP = 44  # the title, and room for an arrow
LANE = 104  # the lane of claims of unknown period
DODGE = 30  # pixels between the bars of claims placed at the same date
FONT = 11
CHAR = 0.62  # a character's width, in font sizes (generous for sans-serif)
SHORT_UNIT = 5  # a unit this long or shorter is written on each tick; a longer one on the axis only
WHOLE_KINDS = ("count", "number")  # kinds whose ticks are whole numbers
FONT_FAMILY = "DejaVu Sans, Verdana, Arial, sans-serif"
COLOURS = {"conflicting": "#c62828", "agreeing": "#2e7d32", "evolution": "#1565c0", "single": "#616161"}
TINTS = {"conflicting": "#ef9a9a", "agreeing": "#a5d6a7", "evolution": "#90caf9", "single": "#cfcfcf"}  # bars: solid, so print keeps them
ROLE_WORDS = {"conflicting": "in conflict", "agreeing": "agrees", "evolution": "evolution step", "single": "single source"}
GRID, AXIS, BAND, LANE_FILL = "#e0e0e0", "#424242", "#90a4ae", "#f2f2f2"


@dataclass(frozen=True)
class Label:
    """A text of the chart, and the box it takes (for the test that no two overlap)."""

    text: str
    x: float
    y: float  # baseline
    size: int = FONT
    anchor: str = "start"  # start, middle, end
    weight: str = "normal"
    colour: str = AXIS

    def box(self) -> tuple[float, float, float, float]:
        width = len(self.text) * self.size * CHAR
        left = self.x - {"start": 0.0, "middle": width / 2, "end": width}[self.anchor]
        return left, self.y - self.size * 0.8, left + width, self.y + self.size * 0.25


@dataclass(frozen=True)
class Mark:
    """One claim drawn: its bar from ``low`` to ``high`` (y pixels), its point at ``y``."""

    number: int
    x: float
    y: float
    low: float
    high: float
    low_open: bool  # an open lower end: drawn to the bottom edge with an arrow
    high_open: bool
    role: str  # a key of COLOURS
    target: bool
    reference: bool
    deviating: bool
    tooltip: str


@dataclass(frozen=True)
class Chart:
    width: float
    height: float
    plot: tuple[float, float, float, float]  # left, top, right, bottom
    lane: tuple[float, float] | None  # left and right of the unknown-date lane
    aria: str
    marks: tuple[Mark, ...]
    labels: tuple[Label, ...]  # every text but the axis title (rotated)
    y_title: Label
    grid_y: tuple[float, ...]
    grid_x: tuple[float, ...]
    bands: tuple[tuple[float, float, str], ...]  # (left, right, period) at the foot
    legend: tuple[tuple[float, float, str], ...]  # (x, y, kind of swatch) before each legend text


def charted(finding: Finding) -> bool:
    """A chart is drawn for a subject of several claims, at least one of them of a known period."""
    return len(finding.claims) > 1 and any(period_span(_when(claim)) is not None for claim in finding.claims)


def _when(claim: Claim) -> str | None:
    return claim.period.when if claim.period is not None else None


def roles(finding: Finding) -> list[str]:
    """Each claim's colour. In a conflict, its claims that disagree with another are red; of the
    others, those of a period no disagreement is about are steps of its timeline (blue, unless the
    rule's moment is ``fixed``: then every date is about it), the rest agree (green)."""
    if finding.verdict != "conflict":
        role = {"evolution": "evolution", "consistent": "agreeing"}.get(finding.verdict, "single")
        return [role] * len(finding.claims)
    apart = {id(claim) for pair in disagreeing(finding) for claim in pair}
    disputed = {_when(claim) for claim in finding.claims if id(claim) in apart}
    found = []
    for claim in finding.claims:
        when = _when(claim)
        if id(claim) in apart:
            found.append("conflicting")
        elif finding.rule.timeline != "fixed" and when is not None and None not in disputed and not any(
            when.startswith(other) or other.startswith(when) for other in disputed if other is not None
        ):
            found.append("evolution")
        else:
            found.append("agreeing")
    return found


def spread(ideals: list[float], gap: float, low: float, high: float) -> list[float]:
    """Positions as near ``ideals`` as can be with at least ``gap`` between any two, within
    ``low``..``high``: neighbours that would crowd are merged into a group centred on their mean."""
    groups: list[list[int]] = []
    for index in sorted(range(len(ideals)), key=lambda i: (ideals[i], i)):
        groups.append([index])
        while len(groups) > 1 and _right(groups[-2], ideals, gap) + gap > _left(groups[-1], ideals, gap):
            last = groups.pop()
            groups[-1].extend(last)
    positions = [0.0] * len(ideals)
    for members in groups:
        width = (len(members) - 1) * gap
        first = min(max(_centre(members, ideals) - width / 2, low), max(high - width, low))
        for offset, index in enumerate(members):
            positions[index] = first + offset * gap
    return positions


def _centre(members: list[int], ideals: list[float]) -> float:
    return sum(ideals[index] for index in members) / len(members)


def _left(members: list[int], ideals: list[float], gap: float) -> float:
    return _centre(members, ideals) - (len(members) - 1) * gap / 2


def _right(members: list[int], ideals: list[float], gap: float) -> float:
    return _centre(members, ideals) + (len(members) - 1) * gap / 2


def _text_width(text: str, size: int = FONT) -> float:
    return len(text) * size * CHAR


@dataclass(frozen=True)
class _ValueAxis:
    scale: LinearScale  # display values to y pixels
    ticks: tuple[float, ...]
    texts: tuple[str, ...]
    width: float  # of the longest tick label


def _value_axis(finding: Finding, unit: str, top: float, bottom: float) -> _ValueAxis:
    """Values up, in the rule's display unit: every interval's finite ends and every value within."""
    rule, scale = finding.rule, finding.rule.display_scale
    values = [end / scale for claim in finding.claims for end in _ends(finding, claim)]
    values += [claim.quantity.value / scale for claim in finding.claims]
    low, high, step = value_domain(values, whole=rule.kind in WHOLE_KINDS)
    ticks = tuple(value_ticks(low, high, step))
    texts = tuple(tick_label(tick, unit if len(unit) <= SHORT_UNIT else "") for tick in ticks)
    return _ValueAxis(LinearScale(low, high, bottom, top), ticks, texts, max(_text_width(text) for text in texts))


def _ends(finding: Finding, claim: Claim) -> tuple[float, float]:
    span = bounds(claim, finding.rule.tolerance)
    return span.low, span.high


def _time_axis(periods: list[tuple[int, int]], left: float, right: float) -> tuple[LinearScale, list[tuple[float, str]]]:
    """Days across, with room at both ends for the claims of one period drawn side by side around
    their date; calendar ticks as fine as their labels allow."""
    crowd = max(Counter(periods).values())
    pad = (crowd - 1) * DODGE / 2 + 14
    days = LinearScale(*time_domain(periods), left + pad, right - pad)
    day_px = (right - left - 2 * pad) / (days.high - days.low)
    return days, time_ticks(days.low, days.high, lambda spacing, label: spacing * day_px >= _text_width(label) + 14)


def layout(finding: Finding) -> Chart:
    """Where everything of the subject's chart goes (see the module)."""
    rule, claims = finding.rule, finding.claims
    unit = rule.unit or claims[0].quantity.unit
    periods = [period_span(_when(claim)) for claim in claims]
    dated = [period for period in periods if period is not None]
    assert dated, "a chart needs a claim of known period (see charted)"
    undated = [index for index, period in enumerate(periods) if period is None]
    top, bottom = TOP, TOP + PLOT_HEIGHT
    values = _value_axis(finding, unit, top, bottom)
    left = 30 + values.width + 8
    right = WIDTH - 16 - (LANE + 12 if undated else 0)
    lane = (right + 12, right + 12 + LANE) if undated else None
    days, x_ticks = _time_axis(dated, left, right)
    labels = [Label(_fit(rule.title, WIDTH - 16), 8, 18, 14, weight="bold", colour="#212121")]
    labels += [Label(text, left - 6, values.scale(tick) + 4, anchor="end") for tick, text in zip(values.ticks, values.texts)]
    labels += [Label(label, days(day), bottom + 16, anchor="middle") for day, label in x_ticks]
    if lane is not None:
        labels.append(Label("date unknown", (lane[0] + lane[1]) / 2, bottom + 16, anchor="middle", weight="bold"))
    labels.append(Label("period", (left + right) / 2, bottom + 34, anchor="middle", weight="bold"))
    ideal = [days((period[0] + period[1]) / 2) if period else 0.0 for period in periods]
    xs = _positions(ideal, undated, left, right, lane)
    marks = [_mark_of(finding, claim, number, x, role, values.scale) for number, (claim, x, role) in enumerate(zip(claims, xs, roles(finding)), 1)]
    labels += [Label(str(mark.number), mark.x + 8, mark.y + 4, weight="bold", colour=COLOURS[mark.role]) for mark in marks]
    bands = sorted({(days(period[0]), max(days(period[1]), days(period[0]) + 2), _when(claim) or "") for claim, period in zip(claims, periods) if period})
    legend_marks, legend_labels, height = _legend(marks, bottom + 58)
    y_title = Label(f"value ({unit})" if unit else "value", 14, (top + bottom) / 2, anchor="middle", weight="bold")
    return Chart(
        WIDTH, height, (left, top, right, bottom), lane, _aria(finding, periods, unit), tuple(marks), tuple(labels + legend_labels),
        y_title, tuple(values.scale(tick) for tick in values.ticks), tuple(days(day) for day, _ in x_ticks), tuple(bands), tuple(legend_marks),
    )


def _mark_of(finding: Finding, claim: Claim, number: int, x: float, role: str, y: LinearScale) -> Mark:
    """A claim's bar (its interval, clipped to the plot, an open end running to its edge) and point."""
    scale = finding.rule.display_scale
    low, high = _ends(finding, claim)
    bottom, top = y.start, y.end
    value = claim.quantity.value / scale
    point = y(min(max(value, y.low), y.high)) if math.isfinite(value) else (top + bottom) / 2
    low_open, high_open = not math.isfinite(low), not math.isfinite(high)
    bar_low = bottom if low_open else y(max(low / scale, y.low))
    bar_high = top if high_open else y(min(high / scale, y.high))
    return Mark(
        number, x, point, bar_low, bar_high, low_open, high_open, role,
        claim.period is not None and claim.period.target, finding.reference is claim,
        any(other is claim for other in finding.deviating), _tooltip(finding, claim, number, role),
    )


def _positions(ideal: list[float], undated: list[int], left: float, right: float, lane: tuple[float, float] | None) -> list[float]:
    """x of each claim: by date within the plot, side by side when they crowd; undated ones in their lane."""
    dated = [index for index in range(len(ideal)) if index not in undated]
    xs = [0.0] * len(ideal)
    for index, x in zip(dated, spread([ideal[i] for i in dated], DODGE, left + 8, right - 8)):
        xs[index] = x
    if lane is not None:
        middle = (lane[0] + lane[1]) / 2
        for index, x in zip(undated, spread([middle] * len(undated), DODGE, lane[0] + 10, lane[1] - 22)):
            xs[index] = x
    return xs


def _fit(text: str, width: float, size: int = 14) -> str:
    """``text`` on one line, cut with … to ``width`` pixels."""
    text = " ".join(text.split())
    most = int(width / (size * CHAR))
    return text if len(text) <= most else text[: most - 1].rstrip() + "…"


def _legend(marks: list[Mark], baseline: float) -> tuple[list[tuple[float, float, str]], list[Label], float]:
    """The legend's entries for what the chart shows, laid out in rows; the chart's height below them."""
    entries = [(role, ROLE_WORDS[role]) for role in COLOURS if any(mark.role == role for mark in marks)]
    if any(mark.target for mark in marks):
        entries.append(("objective", "objective (dashed)"))
    if any(mark.reference for mark in marks):
        entries.append(("reference", "reference (ringed)"))
    if any(mark.deviating for mark in marks):
        entries.append(("deviating", "deviates from the reference"))
    if any(mark.low_open or mark.high_open for mark in marks):
        entries.append(("open", "open end (arrow)"))
    swatches, labels = [], []
    x, y = 16.0, baseline
    for kind, text in entries:
        width = 18 + _text_width(text) + 18
        if x + width > WIDTH - 8:
            x, y = 16.0, y + 18
        swatches.append((x, y - 4, kind))
        labels.append(Label(text, x + 14, y))
        x += width
    return swatches, labels, y + 12


def _tooltip(finding: Finding, claim: Claim, number: int, role: str) -> str:
    meta = claim.source_meta
    who = meta.label() if meta is not None else ""
    when = _when(claim) or "date unknown"
    kind = "objective " if claim.period is not None and claim.period.target else ""
    parts = [f"{number}. {display_value(finding.rule, claim)} “{claim.quantity.text}”", f"{claim.source}:{claim.line}:{claim.column}"]
    parts += [part for part in (who, f"{kind}{when}", ROLE_WORDS[role]) if part]
    if finding.reference is claim:
        parts.append("reference")
    return " — ".join(parts)


def _aria(finding: Finding, periods: list[tuple[int, int] | None], unit: str) -> str:
    dated = sorted(_when(claim) or "" for claim, period in zip(finding.claims, periods) if period)
    values = sorted(finding.claims, key=lambda claim: claim.quantity.value)
    text = (
        f"Timeline of {' '.join(finding.rule.title.split())}: {len(finding.claims)} claims, "
        f"from {dated[0]} to {dated[-1]}, values from {display_value(finding.rule, values[0])} to {display_value(finding.rule, values[-1])}"
    )
    unknown = len(periods) - len(dated)
    return text + (f", {unknown} of unknown date" if unknown else "") + f"; verdict {finding.verdict}."


def _f(value: float) -> str:
    return f"{value:.1f}"


def _text(label: Label, halo: bool = False) -> str:
    extra = ' paint-order="stroke" stroke="#fff" stroke-width="3"' if halo else ""
    weight = ' font-weight="bold"' if label.weight == "bold" else ""
    return (
        f'<text x="{_f(label.x)}" y="{_f(label.y)}" font-size="{label.size}" text-anchor="{label.anchor}" '
        f'fill="{label.colour}"{weight}{extra}>{escape(label.text)}</text>'
    )


def svg(chart: Chart) -> str:
    """The chart as an inline ``<svg>`` element."""
    left, top, right, bottom = chart.plot
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="timeline" role="img" aria-label="{escape(chart.aria)}" '
        f'viewBox="0 0 {_f(chart.width)} {_f(chart.height)}" width="{_f(chart.width)}" height="{_f(chart.height)}" '
        f'font-family="{FONT_FAMILY}">',
        f"<title>{escape(chart.aria)}</title>",
        f'<rect x="0" y="0" width="{_f(chart.width)}" height="{_f(chart.height)}" fill="#fff"/>',
    ]
    if chart.lane is not None:
        out.append(f'<rect x="{_f(chart.lane[0])}" y="{_f(top)}" width="{_f(chart.lane[1] - chart.lane[0])}" height="{_f(bottom - top)}" fill="{LANE_FILL}" stroke="{GRID}" stroke-dasharray="3 3"/>')
    for y in chart.grid_y:
        out.append(f'<line x1="{_f(left)}" y1="{_f(y)}" x2="{_f(right)}" y2="{_f(y)}" stroke="{GRID}"/>')
    for x in chart.grid_x:
        out.append(f'<line x1="{_f(x)}" y1="{_f(top)}" x2="{_f(x)}" y2="{_f(bottom + 4)}" stroke="{GRID}"/>')
    out.append(f'<path d="M{_f(left)} {_f(top)}V{_f(bottom)}H{_f(right)}" fill="none" stroke="{AXIS}"/>')
    for band_left, band_right, period in chart.bands:
        out.append(f'<rect x="{_f(band_left)}" y="{_f(bottom - 5)}" width="{_f(band_right - band_left)}" height="4" fill="{BAND}"><title>period {escape(period)}</title></rect>')
    out += [_mark(mark) for mark in chart.marks]
    out += [_swatch(x, y, kind) for x, y, kind in chart.legend]
    out += [_text(label, halo=label.text.isdigit()) for label in chart.labels]
    title = chart.y_title
    out.append(_text(title).replace("<text ", f'<text transform="rotate(-90 {_f(title.x)} {_f(title.y)})" ', 1))
    out.append("</svg>")
    return "\n".join(out)


def _mark(mark: Mark) -> str:
    colour = COLOURS[mark.role]
    dash = ' stroke-dasharray="5 3"' if mark.target else ""
    parts = [f'<g class="mark {mark.role}"><title>{escape(mark.tooltip)}</title>']
    low = mark.low - (7 if mark.low_open else 0)
    high = mark.high + (7 if mark.high_open else 0)
    parts.append(f'<line x1="{_f(mark.x)}" y1="{_f(low)}" x2="{_f(mark.x)}" y2="{_f(high)}" stroke="{TINTS[mark.role]}" stroke-width="6"{dash}/>')
    if mark.high_open:
        parts.append(f'<path d="M{_f(mark.x - 5)} {_f(mark.high + 8)}L{_f(mark.x)} {_f(mark.high)}L{_f(mark.x + 5)} {_f(mark.high + 8)}Z" fill="{colour}"/>')
    if mark.low_open:
        parts.append(f'<path d="M{_f(mark.x - 5)} {_f(mark.low - 8)}L{_f(mark.x)} {_f(mark.low)}L{_f(mark.x + 5)} {_f(mark.low - 8)}Z" fill="{colour}"/>')
    fill = "#fff" if mark.target else colour
    if mark.deviating:
        parts.append(f'<path d="M{_f(mark.x)} {_f(mark.y - 6)}L{_f(mark.x + 6)} {_f(mark.y)}L{_f(mark.x)} {_f(mark.y + 6)}L{_f(mark.x - 6)} {_f(mark.y)}Z" fill="{fill}" stroke="{colour}" stroke-width="1.5"/>')
    else:
        parts.append(f'<circle cx="{_f(mark.x)}" cy="{_f(mark.y)}" r="4.5" fill="{fill}" stroke="{colour}" stroke-width="1.5"/>')
    if mark.reference:
        parts.append(f'<circle cx="{_f(mark.x)}" cy="{_f(mark.y)}" r="8.5" fill="none" stroke="#212121" stroke-width="1.5"/>')
    parts.append("</g>")
    return "".join(parts)


def _swatch(x: float, y: float, kind: str) -> str:
    """The small sign before a legend's text."""
    if kind in COLOURS:
        return f'<rect x="{_f(x)}" y="{_f(y - 5)}" width="10" height="10" fill="{COLOURS[kind]}"/>'
    if kind == "objective":
        return f'<line x1="{_f(x + 5)}" y1="{_f(y - 6)}" x2="{_f(x + 5)}" y2="{_f(y + 6)}" stroke="{AXIS}" stroke-width="3" stroke-dasharray="3 2"/>'
    if kind == "reference":
        return f'<circle cx="{_f(x + 5)}" cy="{_f(y)}" r="5" fill="none" stroke="#212121" stroke-width="1.5"/>'
    if kind == "deviating":
        return f'<path d="M{_f(x + 5)} {_f(y - 5)}L{_f(x + 10)} {_f(y)}L{_f(x + 5)} {_f(y + 5)}L{_f(x)} {_f(y)}Z" fill="{AXIS}"/>'
    return f'<path d="M{_f(x)} {_f(y + 4)}L{_f(x + 5)} {_f(y - 5)}L{_f(x + 10)} {_f(y + 4)}Z" fill="{AXIS}"/>'
