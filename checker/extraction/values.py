"""A figure's numbers: its interval, its precision, its value in the canonical unit.

From a parsed number and its reading to what a ``Quantity`` holds: ``_interval`` (the values a
qualifier allows), ``_precision`` (half the unit the figure was rounded to, and
``_fraction_precision`` for a fraction), ``_canonical`` (the value converted by
``checker.extraction.units``), ``_number_value`` (what a figure's digits or words say, without
its scale).
"""

from __future__ import annotations

from decimal import Decimal

from checker.extraction import units
from checker.extraction.numbers import ParsedNumber, parse_digits, parse_words
from checker.extraction.quantity import ABOUT_RELATIVE, Quantity
from checker.extraction.readings import _Reading


def _interval(value: float, written: float, qualifier: str, loose: float | None = None) -> tuple[float | None, float | None]:
    """The values a figure allows: ``written``, the rounding of its last written digit, for an
    exact figure; ``loose``, the rounding of its last digit other than a trailing zero, for
    ``environ`` (see ABOUT_RELATIVE)."""
    if qualifier == "at_least":
        return value, None
    if qualifier == "at_most":
        return None, value
    if qualifier == "about":
        spread = max(written if loose is None else loose, abs(value) * ABOUT_RELATIVE)
        return value - spread, value + spread
    return value - written, value + written


def _precision(parsed: ParsedNumber, reading: _Reading | None, value: Decimal) -> Decimal:
    """Half the unit an exact figure was rounded to, before its scale (see checker.extraction.numbers).

    Before a scale word or a unit, the digits written are the precision the writer chose
    (``30 millions``: 29,5 to 30,5 millions; ``3 ans``; ``20 %``). A bare count may be a round
    figure (``8 000 apprenants``): it keeps the rounding of its last digit other than a trailing
    zero, but never more than ``environ`` allows (ABOUT_RELATIVE).
    """
    if reading is not None and reading.half_unit is not None:
        return reading.half_unit  # "3 € 50", "deux ans et demi"
    if reading is not None and reading.fraction:
        return _fraction_precision(value, reading.fraction)  # "deux tiers des médecins": 66,7 % give or take 11,1
    if reading is not None and (reading.strong or reading.scale != 1):
        return parsed.digit_half
    relative = abs(value) * Decimal(str(ABOUT_RELATIVE))
    return max(parsed.digit_half, min(parsed.half_unit, relative))


def _fraction_number(numerator: Decimal, denominator: int) -> ParsedNumber:
    """The value of ``numerator / denominator``, as precise as its denominator says (see _fraction_precision)."""
    value = numerator / denominator
    half = _fraction_precision(value, denominator)
    return ParsedNumber(value, half, half)


def _fraction_precision(value: Decimal, denominator: int) -> Decimal:
    """A fraction k/n is written to the nearest n-th of its value: 1/5 (20 %) is 18 to 22 %, 1/2 is
    37,5 to 62,5 %: half of value / n either side, and never less than ``environ`` allows
    (ABOUT_RELATIVE: "un sur cent" is 0,95 to 1,05 %)."""
    return value * max(Decimal(1) / (2 * denominator), Decimal(str(ABOUT_RELATIVE)))


def _canonical(value: Decimal, kind: str, unit: str) -> tuple[float, float, str]:
    """A value in ``unit`` converted to the canonical unit of ``kind`` (money stays in its
    currency): the value, the factor that converts a difference (a precision), the canonical unit."""
    if kind not in units.CANONICAL or kind in ("count", "number", "percent", "percentage_point", "factor"):
        return float(value), 1.0, unit
    factor = units.factor(unit, kind)
    return float(value) * factor + units.offset(unit, kind), factor, units.CANONICAL[kind]


def _number_value(text: str, quantity: Quantity) -> float:
    surface = text[quantity.number_start:quantity.number_end]
    try:
        return float(parse_digits(surface).value)
    except ValueError:
        try:
            return float(parse_words(surface).value)
        except ValueError:
            return 0.0
