"""Scales of the timeline charts: ISO periods on a time axis, values on a linear axis, readable ticks.

Pure arithmetic, no drawing: ``checker.render.chart`` places its marks with these. A period is
placed by its whole extent (``2024`` is the year, ``2024-03`` the month, ``2024-03-12`` the day),
counted in days, so that dates stand in proportion on the axis.
"""

from __future__ import annotations

import datetime
import math
import re
from collections.abc import Callable
from dataclasses import dataclass

from checker.display import number

_ISO_PERIOD = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
NICE_STEPS = (1.0, 2.0, 2.5, 5.0)
DAY_STEPS = (1, 2, 7, 14)
MONTH_STEPS = (1, 2, 3, 6)
YEAR_STEPS = (1, 2, 5, 10, 20, 50, 100)


def period_span(when: str | None) -> tuple[int, int] | None:
    """``(first day, day after the last)`` of an ISO period of year, month or day precision, as
    proleptic ordinals; None for anything else (no period, a month and day without a year)."""
    match = _ISO_PERIOD.fullmatch(when or "")
    if match is None:
        return None
    year, month, day = (int(part) if part else None for part in match.groups())
    try:
        if month is None:
            return datetime.date(year, 1, 1).toordinal(), datetime.date(year + 1, 1, 1).toordinal()
        first = datetime.date(year, month, day or 1)
        if day is not None:
            return first.toordinal(), first.toordinal() + 1
        return first.toordinal(), _add_months(first, 1).toordinal()
    except ValueError:  # month 13, 30 February, year 9999's next
        return None


def _add_months(day: datetime.date, months: int) -> datetime.date:
    index = day.year * 12 + day.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


@dataclass(frozen=True)
class LinearScale:
    """``domain`` (low, high) mapped onto ``extent`` (pixels, first to second: a y axis runs down)."""

    low: float
    high: float
    start: float
    end: float

    def __call__(self, value: float) -> float:
        if self.high == self.low:
            return (self.start + self.end) / 2
        return self.start + (value - self.low) / (self.high - self.low) * (self.end - self.start)


def nice_step(span: float, count: int) -> float:
    """The round step (1, 2, 2.5 or 5 times a power of ten) that cuts ``span`` into about ``count``."""
    if not span > 0 or not math.isfinite(span):
        return 1.0
    raw = span / max(count, 1)
    power = 10.0 ** math.floor(math.log10(raw))
    for factor in NICE_STEPS:
        if factor * power >= raw * 0.999:
            return factor * power
    return 10.0 * power


def value_domain(values: list[float], count: int = 5, whole: bool = False) -> tuple[float, float, float]:
    """``(low, high, step)``: a domain that holds ``values`` with some room, ending on round ticks
    (whole ones when ``whole``: a count of things has no tick at 4,5 axes)."""
    finite = [value for value in values if math.isfinite(value)]
    if not finite:
        return 0.0, 1.0, 0.25
    low, high = min(finite), max(finite)
    room = (high - low) * 0.08 if high > low else (abs(high) * 0.1 or 1.0)
    low, high = low - room, high + room
    if min(finite) >= 0 > low:  # no negative ticks under figures that are all positive
        low = 0.0
    step = nice_step(high - low, count)
    if whole:
        step = max(step, 1.0)
    return math.floor(low / step + 1e-9) * step, math.ceil(high / step - 1e-9) * step, step


def value_ticks(low: float, high: float, step: float) -> list[float]:
    """Multiples of ``step`` from ``low`` to ``high`` (rounded, so 0,1 × 3 reads 0,3)."""
    count = int(round((high - low) / step))
    digits = max(0, -math.floor(math.log10(step)) + 1)
    return [round(low + index * step, digits) for index in range(count + 1)]


def tick_label(value: float, unit: str) -> str:
    """``550 M€``, ``2,5 %``, ``8 000``: French style, with the unit when it is short."""
    return f"{number(value)} {unit}".strip()


def time_domain(spans: list[tuple[int, int]]) -> tuple[float, float]:
    """Days from a little before the first period to a little after the last."""
    first, last = min(start for start, _ in spans), max(end for _, end in spans)
    room = max((last - first) * 0.06, 15.0)
    return first - room, last + room


def time_ticks(low: float, high: float, fits: Callable[[float, str], bool]) -> list[tuple[float, str]]:
    """``(day, label)`` of the finest calendar ticks between ``low`` and ``high`` whose labels
    ``fits(spacing in days, longest label)`` says do not crowd each other: days, then months,
    then years."""
    for unit, steps in (("day", DAY_STEPS), ("month", MONTH_STEPS), ("year", YEAR_STEPS)):
        for step in steps:
            ticks = _calendar_ticks(low, high, unit, step)
            if ticks and fits(_spacing(unit, step), max((label for _, label in ticks), key=len)):
                return ticks
    return _calendar_ticks(low, high, "year", YEAR_STEPS[-1])


def _spacing(unit: str, step: int) -> float:
    """The shortest distance in days between two ticks of this kind."""
    return {"day": 1.0, "month": 28.0, "year": 365.0}[unit] * step


def _calendar_ticks(low: float, high: float, unit: str, step: int) -> list[tuple[float, str]]:
    start = datetime.date.fromordinal(max(int(math.ceil(low)), 1))
    end = datetime.date.fromordinal(max(int(math.floor(high)), 1))
    ticks: list[tuple[float, str]] = []
    if unit == "day":
        for day in range(start.toordinal(), end.toordinal() + 1):
            date = datetime.date.fromordinal(day)
            if _day_tick(date, step):
                ticks.append((float(day), date.isoformat()))
        return ticks
    if unit == "month":
        month = datetime.date(start.year, start.month, 1)
        if month < start:
            month = _add_months(month, 1)
        while month <= end:
            if (month.month - 1) % step == 0:
                ticks.append((float(month.toordinal()), month.strftime("%Y-%m")))
            month = _add_months(month, 1)
        return ticks
    year = start.year + (0 if start == datetime.date(start.year, 1, 1) else 1)
    while year <= end.year:
        if year % step == 0:
            ticks.append((float(datetime.date(year, 1, 1).toordinal()), str(year)))
        year += 1
    return ticks


def _day_tick(date: datetime.date, step: int) -> bool:
    """Every day, every other day, Mondays, or Mondays of even weeks."""
    if step == 1:
        return True
    if step == 2:
        return date.day % 2 == 1
    return date.weekday() == 0 and (step == 7 or date.isocalendar()[1] % 2 == 0)
